//! Addresses to replies. Only pages of the in-memory set are ever served, so no address,
//! however encoded, can reach a file on disk; addresses with `.` or `..` segments are
//! refused outright all the same.

use std::net::{IpAddr, SocketAddr};

use super::{inject, Snapshot, EVENTS_PATH};

/// The preview's own addresses. Rendered pages never start with `_`.
const RESERVED_PREFIX: &str = "/_breachpage/";

/// The response head of an event stream, written directly to the connection.
pub const EVENTS_HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Other,
}

pub enum Routed {
    Reply(Reply),
    Events,
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: vec![
                ("Content-Type", content_type.to_string()),
                // A preview must always show the files as they are now.
                ("Cache-Control", "no-store".to_string()),
                ("X-Content-Type-Options", "nosniff".to_string()),
            ],
            body,
        }
    }

    fn text(status: u16, message: &str) -> Reply {
        Reply::new(
            status,
            "text/plain; charset=utf-8",
            format!("{message}\n").into_bytes(),
        )
    }
}

pub fn route(method: Method, url: &str, snapshot: &Snapshot) -> Routed {
    if method == Method::Other {
        let mut reply = Reply::text(
            405,
            "405 Method Not Allowed: the preview only answers GET and HEAD",
        );
        reply.headers.push(("Allow", "GET, HEAD".to_string()));
        return Routed::Reply(reply);
    }
    let path = match decode_path(url) {
        Ok(path) => path,
        Err(why) => return Routed::Reply(Reply::text(400, &format!("400 Bad Request: {why}"))),
    };
    if path == EVENTS_PATH {
        return match method {
            Method::Get => Routed::Events,
            _ => Routed::Reply(Reply::new(
                200,
                "text/event-stream; charset=utf-8",
                Vec::new(),
            )),
        };
    }
    if path.starts_with(RESERVED_PREFIX) {
        return Routed::Reply(not_found(snapshot));
    }
    let Some(pages) = &snapshot.pages else {
        // Nothing has built yet: every address shows the errors, and recovers by itself.
        return Routed::Reply(Reply::new(503, HTML, inject::error_page(&snapshot.snippet)));
    };
    let key = page_key(&path);
    if let Some(bytes) = pages.get(&key) {
        let content_type = content_type(&key);
        let body = if content_type == HTML {
            inject::into_page(bytes, &snapshot.snippet)
        } else {
            bytes.clone()
        };
        return Routed::Reply(Reply::new(200, content_type, body));
    }
    // `notices/SLUG` → `notices/SLUG/`, so that the page's relative links work.
    if pages.contains_key(&format!("{key}/index.html")) {
        let mut reply = Reply::text(302, "302 Found");
        reply.headers.push(("Location", format!("/{key}/")));
        return Routed::Reply(reply);
    }
    Routed::Reply(not_found(snapshot))
}

/// Whether a request's `Host` header names this preview: `localhost` or the bound address
/// (any address literal when bound to all of them: an address cannot be rebound the way a
/// name can), with the bound port; without a port only for port 80, as browsers send it.
/// Any other name may be one that a web page elsewhere made point at this computer (DNS
/// rebinding) to read the preview, drafts and withheld notices included.
pub fn host_allowed(host: Option<&str>, bound: SocketAddr) -> bool {
    let Some(host) = host.map(str::trim) else {
        return false;
    };
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let Some((inside, after)) = rest.split_once(']') else {
            return false;
        };
        (inside, after)
    } else {
        match host.split_once(':') {
            Some((name, port)) => (name, host.get(name.len()..).unwrap_or(port)),
            None => (host, ""),
        }
    };
    let port_ok = match port.strip_prefix(':') {
        Some(digits) => {
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.parse::<u16>() == Ok(bound.port())
        }
        None => port.is_empty() && bound.port() == 80,
    };
    if !port_ok {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => bound.ip().is_unspecified() || ip == bound.ip(),
        Err(_) => false,
    }
}

/// The answer to a `Host` that does not name the preview: no page content.
pub fn misdirected(bound: SocketAddr) -> Reply {
    let port = bound.port();
    Reply::text(
        421,
        &format!("421 Misdirected Request: this preview answers only at http://localhost:{port}/ or at the address it listens on"),
    )
}

/// The answer to a request that did not come through the gate.
pub fn forbidden() -> Reply {
    Reply::text(403, "403 Forbidden")
}

pub fn too_many_streams() -> Reply {
    Reply::text(
        503,
        "503 Service Unavailable: too many preview tabs are open; close some and reload",
    )
}

fn not_found(snapshot: &Snapshot) -> Reply {
    let themed = snapshot
        .pages
        .as_ref()
        .and_then(|pages| pages.get(NOT_FOUND_PAGE));
    let body = match themed {
        Some(page) => inject::into_page(page, &snapshot.snippet),
        None => inject::plain_not_found(&snapshot.snippet),
    };
    Reply::new(404, HTML, body)
}

/// The preview's 404 page, rendered with the theme.
const NOT_FOUND_PAGE: &str = "404.html";
const HTML: &str = "text/html; charset=utf-8";

/// The percent-decoded path of a request target, without query or fragment. Refuses what
/// no page address contains: `.` and `..` segments (plain or encoded), backslashes, NUL,
/// malformed escapes and text that is not UTF-8.
pub fn decode_path(url: &str) -> Result<String, &'static str> {
    let raw = url.split(['?', '#']).next().unwrap_or_default();
    if !raw.starts_with('/') {
        return Err("the address must start with /");
    }
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' {
            let value = tail
                .get(..2)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .ok_or("the address has a malformed %-escape")?;
            bytes.push(value);
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    let path = String::from_utf8(bytes).map_err(|_| "the address is not UTF-8 text")?;
    if path.contains(['\0', '\\']) {
        return Err("the address holds a NUL or a backslash");
    }
    if path
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return Err("the address holds a `.` or `..` segment");
    }
    Ok(path)
}

/// The page a decoded path names: `/` → `index.html`, `/dir/` → `dir/index.html`.
pub fn page_key(path: &str) -> String {
    let mut key = path.trim_start_matches('/').to_string();
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    key
}

pub fn content_type(key: &str) -> &'static str {
    let extension = key
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if key.ends_with("feed.xml") => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn only_hosts_that_name_the_preview_are_answered() {
        let loopback: SocketAddr = "127.0.0.1:8000".parse().unwrap();
        let v6: SocketAddr = "[::1]:8000".parse().unwrap();
        let any: SocketAddr = "0.0.0.0:8000".parse().unwrap();
        let port80: SocketAddr = "127.0.0.1:80".parse().unwrap();
        let cases: &[(&str, SocketAddr, bool)] = &[
            ("127.0.0.1:8000", loopback, true),
            ("localhost:8000", loopback, true),
            ("LOCALHOST:8000", loopback, true),
            ("[::1]:8000", v6, true),
            ("localhost:8000", v6, true),
            ("192.168.1.20:8000", any, true),
            ("localhost", port80, true),
            ("127.0.0.1", port80, true),
            ("127.0.0.1:80", port80, true),
            // A name a web page may have pointed at this computer.
            ("evil.example:8000", loopback, false),
            ("localhost.evil.example:8000", loopback, false),
            ("evil.example:8000", any, false),
            // Wrong or missing port, other addresses, malformed.
            ("127.0.0.1:8001", loopback, false),
            ("localhost", loopback, false),
            ("127.0.0.2:8000", loopback, false),
            ("[::1]:8000", loopback, false),
            ("127.0.0.1:", loopback, false),
            ("127.0.0.1:+8000", loopback, false),
            ("[::1:8000", v6, false),
            ("::1:8000", v6, false),
            ("", loopback, false),
        ];
        for (host, bound, expected) in cases {
            assert_eq!(
                host_allowed(Some(host), *bound),
                *expected,
                "{host} on {bound}"
            );
        }
        assert!(!host_allowed(None, loopback), "a request without Host");
    }
    use crate::render::Pages;

    fn snapshot() -> Snapshot {
        let mut pages = Pages::new();
        pages.insert(
            "index.html".into(),
            b"<html><body>home</body></html>".to_vec(),
        );
        pages.insert("notices/a/index.html".into(), b"<body>a</body>".to_vec());
        pages.insert("style.css".into(), b"body{}".to_vec());
        pages.insert("404.html".into(), b"<body>themed 404</body>".to_vec());
        Snapshot {
            generation: 3,
            pages: Some(Arc::new(pages)),
            snippet: "<!--live-->".into(),
        }
    }

    fn reply(method: Method, url: &str) -> Reply {
        match route(method, url, &snapshot()) {
            Routed::Reply(reply) => reply,
            Routed::Events => panic!("{url} routed to the event stream"),
        }
    }

    fn header<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
        reply
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn traversal_is_refused_however_it_is_written() {
        for url in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/..%2fsite.toml",
            "/%2E%2E%2Fsite.toml",
            "/notices/../../site.toml",
            "/./index.html",
            "/..\\site.toml",
            "/%5c..%5csite.toml",
            "/%00",
            "/%zz",
            "/%ff",
            "site.toml",
        ] {
            assert_eq!(reply(Method::Get, url).status, 400, "{url}");
        }
    }

    #[test]
    fn pages_are_found_by_directory_and_decoded_path() {
        assert_eq!(page_key("/"), "index.html");
        assert_eq!(page_key("/notices/a/"), "notices/a/index.html");
        assert_eq!(decode_path("/a%20b?x=1#y").unwrap(), "/a b");
        let home = reply(Method::Get, "/?utm=1");
        assert_eq!(home.status, 200);
        assert_eq!(home.body, b"<html><body>home<!--live--></body></html>");
        assert_eq!(header(&home, "cache-control"), Some("no-store"));
        let css = reply(Method::Get, "/style.css");
        assert_eq!(
            header(&css, "content-type"),
            Some("text/css; charset=utf-8")
        );
        assert_eq!(
            css.body, b"body{}",
            "only HTML pages get the live-reload script"
        );
        let moved = reply(Method::Get, "/notices/a");
        assert_eq!(
            (moved.status, header(&moved, "location")),
            (302, Some("/notices/a/"))
        );
    }

    #[test]
    fn unknown_addresses_get_the_themed_404() {
        let missing = reply(Method::Get, "/notices/nope/");
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, b"<body>themed 404<!--live--></body>");
        assert_eq!(reply(Method::Get, "/_breachpage/other").status, 404);
    }

    #[test]
    fn only_get_and_head_are_answered() {
        let post = reply(Method::Other, "/");
        assert_eq!(post.status, 405);
        assert_eq!(header(&post, "allow"), Some("GET, HEAD"));
        assert!(matches!(
            route(Method::Get, EVENTS_PATH, &snapshot()),
            Routed::Events
        ));
    }

    #[test]
    fn before_any_good_build_every_address_shows_the_errors() {
        let failed = Snapshot {
            generation: 1,
            pages: None,
            snippet: "<p>broken</p>".into(),
        };
        let Routed::Reply(reply) = route(Method::Get, "/notices/a/", &failed) else {
            panic!("expected a page");
        };
        assert_eq!(reply.status, 503);
        assert!(String::from_utf8_lossy(&reply.body).contains("<p>broken</p>"));
    }
}

//! What the preview adds to every HTML page it serves, just before `</body>`: the
//! live-reload script, and either the error overlay (the last build failed) or a
//! dismissible strip of warnings. The public build never contains any of it.

use std::fmt::Write as _;

use super::EVENTS_PATH;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::render::templates::escape;

pub enum Problems<'a> {
    /// The last build succeeded, perhaps with warnings.
    Warnings(&'a Diagnostics),
    /// The last build failed; `last_good` when an earlier build's pages are still served.
    Errors {
        diagnostics: &'a Diagnostics,
        last_good: bool,
    },
}

/// Styles scoped to the preview's own elements, so that themes cannot disturb them.
const STYLE: &str = r#"<style>
#breachpage-preview, #breachpage-preview * { box-sizing: border-box; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; letter-spacing: normal; text-align: left; }
#breachpage-preview code, #breachpage-preview pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
#breachpage-preview .bp-overlay { position: fixed; z-index: 2147483647; top: 0; left: 0; right: 0; max-height: 85vh; overflow: auto; margin: 0; padding: 14px 18px 16px; background: #fff; border-bottom: 6px solid #a4001d; box-shadow: 0 6px 24px rgba(0,0,0,.35); }
#breachpage-preview .bp-overlay h2 { margin: 0 0 6px; font-size: 19px; font-weight: 700; color: #a4001d; }
#breachpage-preview .bp-overlay > p { margin: 0 0 10px; }
#breachpage-preview ol { margin: 0; padding: 0 0 0 22px; }
#breachpage-preview li { margin: 0 0 10px; padding: 0; }
#breachpage-preview li p { margin: 0; }
#breachpage-preview .bp-where code { background: #f1f1f1; padding: 1px 4px; border-radius: 3px; }
#breachpage-preview .bp-severity { display: inline-block; padding: 0 6px; border-radius: 3px; font-weight: 700; color: #fff; }
#breachpage-preview .bp-error { background: #a4001d; color: #fff; }
#breachpage-preview .bp-warning { background: #8a4b00; color: #fff; }
#breachpage-preview .bp-message { font-weight: 700; }
#breachpage-preview dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 2px 0 0; }
#breachpage-preview dt { font-weight: 700; color: #4a4a4a; }
#breachpage-preview dd { margin: 0; overflow-wrap: anywhere; }
#breachpage-preview details { margin: 8px 0 0; }
#breachpage-preview summary { cursor: pointer; font-weight: 700; }
#breachpage-preview pre { margin: 6px 0 0; padding: 8px; overflow: auto; background: #f6f6f6; border: 1px solid #ddd; white-space: pre; }
#breachpage-preview button { margin: 0; padding: 3px 10px; border: 2px solid #1a1a1a; border-radius: 4px; background: #fff; cursor: pointer; font-weight: 700; }
#breachpage-preview button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd23f; }
#breachpage-preview .bp-overlay button { float: right; margin-left: 12px; }
#breachpage-preview .bp-overlay.bp-hidden { max-height: none; padding: 6px 18px; }
#breachpage-preview .bp-overlay.bp-hidden .bp-body { display: none; }
#breachpage-preview .bp-overlay.bp-hidden h2 { margin: 0; font-size: 15px; }
#breachpage-preview .bp-strip { position: fixed; z-index: 2147483646; left: 0; right: 0; bottom: 0; max-height: 60vh; overflow: auto; margin: 0; padding: 8px 18px; background: #fff8e6; border-top: 4px solid #8a4b00; box-shadow: 0 -4px 16px rgba(0,0,0,.2); }
#breachpage-preview .bp-strip details { margin: 0; }
#breachpage-preview .bp-strip button { float: right; margin-left: 12px; }
</style>"#;

/// The script: reload when the server reports a rebuild this page has not seen; hide the
/// overlay on request; remember, for this tab, that a set of warnings was dismissed.
const SCRIPT: &str = r#"<script>
(function () {
  var generation = "GENERATION";
  var ui = document.getElementById("breachpage-preview");
  var overlay = ui && ui.querySelector(".bp-overlay");
  var hide = overlay && overlay.querySelector("button");
  if (hide) {
    hide.addEventListener("click", function () {
      var hidden = overlay.classList.toggle("bp-hidden");
      hide.textContent = hidden ? "Show" : "Hide";
      hide.setAttribute("aria-expanded", hidden ? "false" : "true");
    });
  }
  var strip = ui && ui.querySelector(".bp-strip");
  var key = "breachpage-dismissed-warnings";
  if (strip) {
    var seen = null;
    try { seen = sessionStorage.getItem(key); } catch (e) {}
    if (seen === strip.getAttribute("data-fingerprint")) {
      strip.remove();
    } else {
      strip.querySelector("button").addEventListener("click", function () {
        try { sessionStorage.setItem(key, strip.getAttribute("data-fingerprint")); } catch (e) {}
        strip.remove();
      });
    }
  }
  if (!window.EventSource) { return; }
  // A refused or broken stream (the preview restarting, too many tabs) is opened again,
  // waiting a little longer each time, up to half a minute.
  var delay = 1000;
  function connect() {
    var source = new EventSource("EVENTS");
    source.addEventListener("open", function () { delay = 1000; });
    source.addEventListener("reload", function (event) {
      if (event.data !== generation) {
        source.close();
        location.reload();
      }
    });
    source.addEventListener("error", function () {
      if (source.readyState !== EventSource.CLOSED) { return; }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
</script>"#;

/// The markup added to every HTML page of one snapshot.
pub fn snippet(generation: u64, problems: &Problems) -> String {
    let mut out = String::from(
        "\n<!-- Added by breachpage serve for the preview; never part of the public site. -->\n<div id=\"breachpage-preview\">",
    );
    out.push_str(STYLE);
    match problems {
        Problems::Warnings(diagnostics) if diagnostics.is_empty() => {}
        Problems::Warnings(diagnostics) => warnings_strip(&mut out, diagnostics),
        Problems::Errors {
            diagnostics,
            last_good,
        } => overlay(&mut out, diagnostics, *last_good),
    }
    out.push_str("</div>\n");
    out.push_str(
        &SCRIPT
            .replace("GENERATION", &generation.to_string())
            .replace("EVENTS", EVENTS_PATH),
    );
    out.push('\n');
    out
}

fn overlay(out: &mut String, diagnostics: &Diagnostics, last_good: bool) {
    let errors = diagnostics.error_count();
    let _ = write!(
        out,
        "<section class=\"bp-overlay\" role=\"alert\" aria-labelledby=\"bp-overlay-heading\"><button type=\"button\" aria-expanded=\"true\" aria-controls=\"bp-overlay-body\">Hide</button><h2 id=\"bp-overlay-heading\">The site has {errors} error{}: it cannot be published like this</h2><div class=\"bp-body\" id=\"bp-overlay-body\"><p>{}</p>",
        plural(errors),
        if last_good {
            "This page shows the last version that built without errors. Fix what is listed below and save: the page reloads by itself."
        } else {
            "Nothing could be built yet. Fix what is listed below and save: the page reloads by itself."
        }
    );
    list(out, diagnostics, Severity::Error);
    let warnings = diagnostics.warning_count();
    if warnings > 0 {
        let _ = write!(
            out,
            "<details><summary>And {warnings} warning{}</summary>",
            plural(warnings)
        );
        list(out, diagnostics, Severity::Warning);
        out.push_str("</details>");
    }
    let _ = write!(
        out,
        "<details><summary>All of it, as <code>breachpage check</code> prints it</summary><pre>{}</pre></details></div></section>",
        escape(&diagnostics.render_text())
    );
}

fn warnings_strip(out: &mut String, diagnostics: &Diagnostics) {
    let count = diagnostics.warning_count();
    let text = diagnostics.render_text();
    let _ = write!(
        out,
        "<aside class=\"bp-strip\" aria-label=\"Warnings\" data-fingerprint=\"{:016x}\"><button type=\"button\" aria-label=\"Dismiss the warnings\">Dismiss</button><details><summary>{count} warning{} (preview only): worth fixing, does not stop publication</summary>",
        fingerprint(&text),
        plural(count)
    );
    list(out, diagnostics, Severity::Warning);
    out.push_str("</details></aside>");
}

/// Each problem of one severity with where it is, what was expected and found, and what
/// to do.
fn list(out: &mut String, diagnostics: &Diagnostics, severity: Severity) {
    out.push_str("<ol>");
    for item in diagnostics.sorted() {
        if item.severity == severity {
            item_html(out, item);
        }
    }
    out.push_str("</ol>");
}

fn item_html(out: &mut String, item: &Diagnostic) {
    let (class, label) = match item.severity {
        Severity::Error => ("bp-error", "error"),
        Severity::Warning => ("bp-warning", "warning"),
    };
    let _ = write!(
        out,
        "<li><p class=\"bp-where\"><span class=\"bp-severity {class}\">{label}</span> <code>{}</code>",
        escape(&item.position())
    );
    if let Some(field) = &item.field {
        let _ = write!(out, " field <code>{}</code>", escape(field));
    }
    let _ = write!(
        out,
        "</p><p class=\"bp-message\">{}</p>",
        escape(&item.message)
    );
    let details: Vec<(&str, &String)> = [
        ("found", &item.found),
        ("expected", &item.expected),
        ("hint", &item.hint),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.as_ref().map(|value| (name, value)))
    .collect();
    if !details.is_empty() {
        out.push_str("<dl>");
        for (name, value) in details {
            let _ = write!(out, "<dt>{name}</dt><dd>{}</dd>", escape(value));
        }
        out.push_str("</dl>");
    }
    out.push_str("</li>");
}

/// `page` with `snippet` inserted before its last `</body>`, or appended when it has none
/// (a fragment such as the embeddable banner).
pub fn into_page(page: &[u8], snippet: &str) -> Vec<u8> {
    let at = rfind_ignore_case(page, b"</body").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + snippet.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The page served at every address while no build has succeeded yet.
pub fn error_page(snippet: &str) -> Vec<u8> {
    bare_page(
        "The preview cannot be built yet",
        "<h1>The preview cannot be built yet</h1><p>The problems are listed above. This page reloads by itself when they are fixed.</p>",
        snippet,
    )
}

/// A 404 page for themes that have no `404.html` template.
pub fn plain_not_found(snippet: &str) -> Vec<u8> {
    bare_page(
        "Page not found",
        "<h1>Page not found</h1><p>There is no page at this address in the preview. <a href=\"/\">Go to the start page</a>.</p>",
        snippet,
    )
}

fn bare_page(title: &str, body: &str, snippet: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} | breachpage preview</title>\n<style>body {{ margin: 0; padding: 40vh 1rem 2rem; font: 1.0625rem/1.6 system-ui, sans-serif; color: #1a1a1a; }} main {{ max-width: 46rem; margin: 0 auto; }}</style>\n</head>\n<body>\n<main>{body}</main>{snippet}</body>\n</html>\n"
    )
    .into_bytes()
}

/// FNV-1a: stable across runs, so that a dismissed set of warnings stays dismissed.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(
            Diagnostic::error(
                "content/incidents/<x>.yaml",
                "bad <script>alert(1)</script>",
            )
            .field("affected.count")
            .expected("a whole number")
            .found("\"about <b>40</b>\"")
            .hint("write 40 & move on"),
        );
        diagnostics
    }

    #[test]
    fn the_overlay_shows_every_part_of_a_diagnostic_escaped() {
        let html = snippet(
            4,
            &Problems::Errors {
                diagnostics: &hostile(),
                last_good: true,
            },
        );
        assert!(html.contains("The site has 1 error"), "{html}");
        assert!(html.contains("content/incidents/&lt;x&gt;.yaml"), "{html}");
        assert!(html.contains("<code>affected.count</code>"), "{html}");
        assert!(
            html.contains("<dt>expected</dt><dd>a whole number</dd>"),
            "{html}"
        );
        assert!(html.contains("about &lt;b&gt;40&lt;/b&gt;"), "{html}");
        assert!(html.contains("write 40 &amp; move on"), "{html}");
        assert!(html.contains("last version that built"), "{html}");
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("var generation = \"4\""), "{html}");
    }

    #[test]
    fn warnings_go_in_a_dismissible_strip_and_no_problems_add_only_the_script() {
        let mut warnings = Diagnostics::new();
        warnings.push(Diagnostic::warning("site.toml", "base_url is not set"));
        let html = snippet(2, &Problems::Warnings(&warnings));
        assert!(html.contains("class=\"bp-strip\""), "{html}");
        assert!(html.contains("Dismiss"), "{html}");
        assert!(!html.contains("class=\"bp-overlay\""), "{html}");
        let quiet = snippet(2, &Problems::Warnings(&Diagnostics::new()));
        assert!(!quiet.contains("class=\"bp-strip\""));
        assert!(quiet.contains(EVENTS_PATH));
    }

    #[test]
    fn the_snippet_goes_before_the_last_closing_body_tag() {
        assert_eq!(
            into_page(b"<p></body></BODY>x", "S"),
            b"<p></body>S</BODY>x".to_vec()
        );
        assert_eq!(
            into_page(b"<section>banner</section>", "S"),
            b"<section>banner</section>S".to_vec()
        );
    }
}

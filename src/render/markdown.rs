//! Markdown from records and `_index.md` to HTML (pulldown-cmark). Records are written by
//! staff and published to the world, so nothing in them may become markup of its own:
//! raw HTML is shown as text, links may only go to web, mail and phone addresses, images
//! become links (a published page loads nothing from another host), and headings start
//! below the page's own.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// Renders `text`, shifting headings so that `#` becomes `<h{top}>`.
pub fn to_html(text: &str, top: u8) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(text, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(level, top),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level, top))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            dest_url,
            title,
            id,
            ..
        }) => Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn shift(level: HeadingLevel, top: u8) -> HeadingLevel {
    let n = (level as u8 - 1 + top).min(6);
    HeadingLevel::try_from(n as usize).unwrap_or(HeadingLevel::H6)
}

/// Keeps web, mail, phone and relative addresses; anything else (`javascript:`, `data:`)
/// becomes a harmless empty fragment.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(scheme, _)| scheme);
    let relative = match scheme {
        None => true,
        // A colon after a slash, `?` or `#` is part of a path, not a scheme.
        Some(scheme) => scheme.contains(['/', '?', '#']),
    };
    if relative || matches!(scheme, Some("http" | "https" | "mailto" | "tel")) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html(
            "Hello <script>alert(1)</script> <b>bold</b>\n\n<div onclick=x>block</div>\n",
            3,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn headings_start_below_the_page_headings() {
        assert_eq!(to_html("# Title", 3).trim(), "<h3>Title</h3>");
        assert_eq!(to_html("###### Deep", 3).trim(), "<h6>Deep</h6>");
    }

    #[test]
    fn script_links_are_neutralised() {
        let html = to_html(
            "[click](javascript:alert(1)) [ok](https://example.org) [tel](tel:+18005551212)",
            3,
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("href=\"tel:+18005551212\""), "{html}");
    }

    #[test]
    fn images_become_links_so_nothing_is_loaded_from_elsewhere() {
        let html = to_html("![district logo](https://cdn.example.com/logo.png)", 3);
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<a href=\"https://cdn.example.com/logo.png\">district logo</a>"),
            "{html}"
        );
    }
}

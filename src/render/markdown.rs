//! Markdown from records and `_index.md` to HTML (pulldown-cmark). Records are written by
//! staff and published to the world, so nothing in them may become markup of its own:
//! raw HTML is shown as text, links may only go to web, mail and phone addresses, images
//! become links (a published page loads nothing from another host), and headings start
//! below the page's own. [`to_plain`] gives the same text without markup, for the
//! plain-text media release.

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

/// Renders `text` as plain text for e-mail and newsroom systems: paragraphs separated by
/// blank lines, list items as "- ", links as "text (address)", emphasis dropped.
pub fn to_plain(text: &str) -> String {
    let mut out = String::new();
    let mut links: Vec<String> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let block_break = |out: &mut String| {
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
    };
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_),
            ) if !out.ends_with("- ") && !out.ends_with(". ") => block_break(&mut out),
            Event::Start(Tag::List(start)) => {
                block_break(&mut out);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                block_break(&mut out);
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links.push(dest_url.to_string())
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(url) = links.pop() {
                    let shown = url.trim_start_matches("mailto:").trim_start_matches("tel:");
                    if !out.ends_with(shown) {
                        out.push_str(&format!(" ({shown})"));
                    }
                }
            }
            Event::End(TagEnd::TableCell) => out.push_str("  "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_string()
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
    use super::{to_html, to_plain};

    #[test]
    fn plain_text_drops_markup_and_keeps_addresses() {
        let text = to_plain("Intro with **bold** and [the FTC](https://www.identitytheft.gov).\n\n- one\n- two\n\n## Next\nEnd");
        assert_eq!(text, "Intro with bold and the FTC (https://www.identitytheft.gov).\n\n- one\n- two\n\nNext\n\nEnd");
    }

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

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
    html::push_html(&mut out, link_phone_numbers(events).into_iter());
    out
}

/// Makes the phone numbers written in running text (`914-555-0199`, `(914) 555-0199`,
/// `1-800-771-7755`) `tel:` links, so that a reader on a phone can call with one tap and
/// a screen reader announces them as numbers to call. Text already inside a link or in
/// code is left alone.
fn link_phone_numbers<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut in_link = 0usize;
    let mut in_code = false;
    let flush = |text: &mut String, out: &mut Vec<Event<'a>>, link: bool| {
        if text.is_empty() {
            return;
        }
        let taken = std::mem::take(text);
        let numbers = if link {
            Vec::new()
        } else {
            phone_numbers(&taken)
        };
        if numbers.is_empty() {
            out.push(Event::Text(CowStr::from(taken)));
            return;
        }
        let mut last = 0;
        for (start, end) in numbers {
            if start > last {
                out.push(Event::Text(CowStr::from(taken[last..start].to_string())));
            }
            let number = &taken[start..end];
            let href = crate::render::format::phone_href(number);
            out.push(Event::InlineHtml(CowStr::from(format!(
                "<a href=\"tel:{href}\">"
            ))));
            out.push(Event::Text(CowStr::from(number.to_string())));
            out.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
            last = end;
        }
        if last < taken.len() {
            out.push(Event::Text(CowStr::from(taken[last..].to_string())));
        }
    };
    for event in events {
        if let Event::Text(t) = &event {
            text.push_str(t);
            continue;
        }
        flush(&mut text, &mut out, in_link > 0 || in_code);
        match &event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        out.push(event);
    }
    flush(&mut text, &mut out, in_link > 0 || in_code);
    out
}

/// Byte ranges of North American phone numbers in `text`: an optional `1-` or `+1 `,
/// a three-digit area code (or `(914)`), then three and four digits, separated by `-`,
/// `.` or a space. Longer runs of digits (card or account numbers) are not numbers to call.
fn phone_numbers(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    // Every number has ten digits: most texts have fewer in all, and counting is quick.
    if b.iter().filter(|c| c.is_ascii_digit()).count() < 10 {
        return Vec::new();
    }
    let digits =
        |at: usize, n: usize| at + n <= b.len() && b[at..at + n].iter().all(u8::is_ascii_digit);
    let sep = |at: usize| at < b.len() && matches!(b[at], b'-' | b'.' | b' ');
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // A number starts with `+`, `(` or a digit: skip to the next of those at once.
        match b[i..]
            .iter()
            .position(|c| c.is_ascii_digit() || matches!(c, b'+' | b'('))
        {
            Some(skip) => i += skip,
            None => break,
        }
        let boundary =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-' || b[i - 1] == b'+');
        if !boundary {
            i += 1;
            continue;
        }
        let mut at = i;
        // Country code.
        if b[at] == b'+' && at + 2 < b.len() && b[at + 1] == b'1' && sep(at + 2) {
            at += 3;
        } else if b[at] == b'1'
            && sep(at + 1)
            && (digits(at + 2, 3) || b.get(at + 2) == Some(&b'('))
        {
            at += 2;
        }
        // Area code.
        let area = if b.get(at) == Some(&b'(') && digits(at + 1, 3) && b.get(at + 4) == Some(&b')')
        {
            at += 5;
            if b.get(at) == Some(&b' ') {
                at += 1;
            }
            true
        } else if digits(at, 3) && sep(at + 3) {
            at += 4;
            true
        } else {
            false
        };
        if area && digits(at, 3) && sep(at + 3) && digits(at + 4, 4) {
            let end = at + 8;
            let after_ok = end == b.len()
                || !(b[end].is_ascii_alphanumeric()
                    || (matches!(b[end], b'-' | b'.')
                        && end + 1 < b.len()
                        && b[end + 1].is_ascii_digit()));
            if after_ok {
                found.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
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
    fn phone_numbers_in_text_become_tel_links() {
        let html = to_html(
            "Call 914-555-0199, (914) 555-0100 or 1-800-771-7755 ext. 2. [Our line](tel:+19145550000) 914-555-0111",
            3,
        );
        assert!(
            html.contains("<a href=\"tel:+19145550199\">914-555-0199</a>,"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"tel:+19145550100\">(914) 555-0100</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"tel:+18007717755\">1-800-771-7755</a> ext."),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"tel:+19145550000\">Our line</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"tel:+19145550111\">914-555-0111</a>"),
            "{html}"
        );
    }

    #[test]
    fn other_numbers_are_not_phone_numbers() {
        for text in [
            "Case 219-09-9999 and 2026-11-10",
            "Card 4111 1111 1111 1111",
            "Account 12914-555-01999",
            "`914-555-0199` in code",
            "Ref 914-555-0199-2",
        ] {
            let html = to_html(text, 3);
            assert!(!html.contains("tel:"), "{text}: {html}");
        }
        assert_eq!(
            to_plain("Call 914-555-0199 today."),
            "Call 914-555-0199 today."
        );
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

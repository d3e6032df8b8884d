//! Print-ready PDF, written by the binary itself: text laid out on US Letter pages
//! ([`layout`]) in the PDF standard fonts Helvetica and Helvetica-Bold, encoded as
//! WinAnsiEncoding (which covers English and Spanish). The standard fonts are built into
//! every PDF reader and printer, so no font file is embedded and a letter stays a few
//! kilobytes. The file structure (objects, cross-reference table, string escapes) is
//! `pdf-writer`'s.

pub mod layout;
mod metrics;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// US Letter, in points.
pub const PAGE_WIDTH: f32 = 612.0;
pub const PAGE_HEIGHT: f32 = 792.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// A run of text on one line, at its baseline's left end.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub face: Face,
    pub text: String,
}

/// A horizontal line from `x1` to `x2` at height `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub x2: f32,
    pub y: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub spans: Vec<Span>,
    pub rules: Vec<Rule>,
}

/// The width of `text` set in `face` at `size` points.
pub fn width(text: &str, face: Face, size: f32) -> f32 {
    let table = match face {
        Face::Regular => &metrics::REGULAR,
        Face::Bold => &metrics::BOLD,
    };
    let thousandths: u32 = encode(text)
        .into_iter()
        .map(|byte| u32::from(table[usize::from(byte)]))
        .sum();
    thousandths as f32 * size / 1000.0
}

/// `text` in WinAnsiEncoding: Latin-1 and the typographic marks of Windows-1252. A
/// character it lacks is written `?`; a space of any kind is a space.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().map(winansi).collect()
}

fn winansi(c: char) -> u8 {
    let code = u32::from(c);
    match c {
        ' '..='~' => code as u8,
        '\u{A0}'..='\u{FF}' => code as u8,
        '\u{2000}'..='\u{200A}' | '\u{202F}' | '\t' => b' ',
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' | '\u{2011}' | '\u{2010}' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        '→' => b'>',
        _ => b'?',
    }
}

/// The number of page objects in a PDF (`/Type /Page`, not `/Type /Pages`), for tests
/// and reports.
pub fn page_count(bytes: &[u8]) -> usize {
    let needle = b"/Type /Page";
    bytes
        .windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphanumeric())
        .count()
}

/// Whether every character of `text` can be printed (none would become `?`).
pub fn printable(text: &str) -> bool {
    // A line break is a break between lines, laid out before encoding.
    text.chars()
        .all(|c| matches!(c, '?' | '\n' | '\r') || winansi(c) != b'?')
}

/// The PDF of `pages`, with its title and language in the document's metadata.
pub fn write(pages: &[Page], title: &str, lang: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first = 6;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first + 2 * i as i32))
        .collect();

    pdf.catalog(catalog).pages(tree).lang(TextStr(lang));
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("breachpage"));

    for (page, id) in pages.iter().zip(&page_ids) {
        let content_id = Ref::new(id.get() + 1);
        let mut out = pdf.page(*id);
        out.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .parent(tree)
            .contents(content_id);
        let mut resources = out.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), regular);
        fonts.pair(Name(b"F2"), bold);
        fonts.finish();
        resources.finish();
        out.finish();
        pdf.stream(content_id, &content(page));
    }
    pdf.finish()
}

fn content(page: &Page) -> Vec<u8> {
    let mut content = Content::new();
    if !page.rules.is_empty() {
        content.set_line_width(0.75);
        for rule in &page.rules {
            content.move_to(rule.x1, rule.y);
            content.line_to(rule.x2, rule.y);
        }
        content.stroke();
    }
    for span in &page.spans {
        let font = match span.face {
            Face::Regular => Name(b"F1"),
            Face::Bold => Name(b"F2"),
        };
        let bytes = encode(&span.text);
        content.begin_text();
        content.set_font(font, span.size);
        content.next_line(span.x, span.y);
        content.show(Str(&bytes));
        content.end_text();
    }
    content.finish().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_is_printable_and_measured_with_helvetica_widths() {
        assert!(printable(
            "Estimado padre, madre o tutor: ¿Qué pasó? Año, niño, acción — “sí”"
        ));
        assert!(!printable("数据"));
        assert!(printable("two\nlines"));
        assert_eq!(encode("ñ€’"), vec![0xF1, 0x80, 0x92]);
        // Helvetica's own widths: space 278, A 667, W 944 (Adobe's AFM).
        assert_eq!(width(" AW", Face::Regular, 1000.0), 278.0 + 667.0 + 944.0);
        assert!(width("Bold", Face::Bold, 12.0) > width("Bold", Face::Regular, 12.0));
    }

    #[test]
    fn a_pdf_has_its_pages_and_its_text() {
        let page = |text: &str| Page {
            spans: vec![Span {
                x: 72.0,
                y: 700.0,
                size: 12.0,
                face: Face::Regular,
                text: text.to_string(),
            }],
            rules: vec![Rule {
                x1: 72.0,
                x2: 540.0,
                y: 690.0,
            }],
        };
        let bytes = write(
            &[page("Dear parent (or guardian)"), page("Niño")],
            "Letter",
            "en",
        );
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF-"));
        assert!(text.trim_end().ends_with("%%EOF"));
        assert_eq!(page_count(&bytes), 2, "{text}");
        assert!(text.contains("(Dear parent (or guardian)) Tj"), "{text}");
        // ñ is byte 0xF1 of WinAnsiEncoding: the string is written in hexadecimal then.
        assert!(text.contains("<4E69F16F> Tj"), "{text}");
        assert!(text.contains("/BaseFont /Helvetica"));
    }
}

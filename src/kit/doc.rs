//! A document of the staff kit (a letter, a filing sheet, the compliance record), as
//! blocks of plain text: composed once, then printed as HTML ([`to_html`]) and as PDF
//! ([`to_pages`]), so the two never differ in what they say.

use crate::pdf::layout::Flow;
use crate::pdf::Face;
use crate::render::templates::escape;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The district's name (first line, bold) and its address lines.
    Letterhead(Vec<String>),
    /// Lines set apart and kept together: a date, an address, a signature.
    Lines(Vec<String>),
    Title(String),
    Heading(String),
    /// A paragraph; a line break inside it is kept.
    Para(String),
    Bullets(Vec<String>),
    /// Label and value pairs (a filing's answers).
    Fields(Vec<(String, String)>),
    /// What follows starts a new page (a cover letter after a filing sheet).
    PageBreak,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub title: String,
    pub lang: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Whether the PDF fonts can print every character of it (see [`crate::pdf`]).
    pub fn printable(&self) -> bool {
        let ok = crate::pdf::printable;
        ok(&self.title)
            && self.blocks.iter().all(|block| match block {
                Block::Letterhead(lines) | Block::Lines(lines) | Block::Bullets(lines) => {
                    lines.iter().all(|l| ok(l))
                }
                Block::Title(text) | Block::Heading(text) | Block::Para(text) => ok(text),
                Block::Fields(fields) => fields.iter().all(|(a, b)| ok(a) && ok(b)),
                Block::PageBreak => true,
            })
    }
}

const BODY: f32 = 10.5;

/// Lays out `doc` as one document of `flow`, starting on a new page.
pub fn to_pages(doc: &Doc, flow: &mut Flow) {
    flow.start_document();
    for block in &doc.blocks {
        match block {
            Block::Letterhead(lines) => {
                if let Some((name, rest)) = lines.split_first() {
                    flow.text(name, Face::Bold, 14.0, 0.0, None);
                    for line in rest {
                        flow.text(line, Face::Regular, 9.0, 0.0, None);
                    }
                }
                flow.rule();
                flow.space(8.0);
            }
            Block::Lines(lines) => {
                flow.keep(lines.len() as f32 * BODY * 1.3);
                for line in lines {
                    flow.text(line, Face::Regular, BODY, 0.0, None);
                }
                flow.space(BODY * 0.8);
            }
            Block::Title(text) => {
                flow.keep(60.0);
                flow.text(text, Face::Bold, 13.0, 0.0, None);
                flow.space(BODY * 0.6);
            }
            Block::Heading(text) => {
                flow.keep(50.0);
                flow.space(2.0);
                flow.text(text, Face::Bold, BODY + 0.5, 0.0, None);
                flow.space(2.0);
            }
            Block::Para(text) => {
                flow.text(text, Face::Regular, BODY, 0.0, None);
                flow.space(BODY * 0.6);
            }
            Block::Bullets(items) => {
                for item in items {
                    flow.text(item, Face::Regular, BODY, 14.0, Some("•"));
                }
                flow.space(BODY * 0.6);
            }
            Block::Fields(fields) => {
                for (label, value) in fields {
                    flow.keep(BODY * 2.8);
                    flow.text(label, Face::Bold, BODY - 1.0, 0.0, None);
                    let value = if value.is_empty() { "—" } else { value };
                    flow.text(value, Face::Regular, BODY, 14.0, None);
                    flow.space(3.0);
                }
                flow.space(BODY * 0.4);
            }
            Block::PageBreak => flow.page_break(),
        }
    }
}

/// `doc` as a standalone, printable HTML page (no scripts, no outside requests).
pub fn to_html(doc: &Doc) -> String {
    let mut body = String::new();
    for block in &doc.blocks {
        match block {
            Block::Letterhead(lines) => {
                body.push_str("<header class=\"letterhead\">");
                if let Some((name, rest)) = lines.split_first() {
                    body.push_str(&format!("<p class=\"district\">{}</p>", escape(name)));
                    for line in rest {
                        body.push_str(&format!("<p>{}</p>", escape(line)));
                    }
                }
                body.push_str("</header>\n");
            }
            Block::Lines(lines) => {
                let joined: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                body.push_str(&format!("<p class=\"lines\">{}</p>\n", joined.join("<br>")));
            }
            Block::Title(text) => body.push_str(&format!("<h1>{}</h1>\n", escape(text))),
            Block::Heading(text) => body.push_str(&format!("<h2>{}</h2>\n", escape(text))),
            Block::Para(text) => {
                body.push_str(&format!("<p>{}</p>\n", escape(text).replace('\n', "<br>")))
            }
            Block::Bullets(items) => {
                body.push_str("<ul>");
                for item in items {
                    body.push_str(&format!("<li>{}</li>", escape(item).replace('\n', "<br>")));
                }
                body.push_str("</ul>\n");
            }
            Block::Fields(fields) => {
                body.push_str("<dl>");
                for (label, value) in fields {
                    let value = if value.is_empty() { "—" } else { value };
                    body.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>",
                        escape(label),
                        escape(value).replace('\n', "<br>")
                    ));
                }
                body.push_str("</dl>\n");
            }
            Block::PageBreak => body.push_str("<hr class=\"page-break\">\n"),
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = escape(&doc.lang),
        title = escape(&doc.title),
    )
}

const STYLE: &str = "@page{size:letter;margin:0.9in}body{font:11pt/1.4 Helvetica,Arial,sans-serif;color:#000;max-width:42em;margin:2em auto;padding:0 1em}.letterhead{border-bottom:1px solid #000;margin-bottom:1.5em}.letterhead p{margin:0;font-size:9pt}.letterhead .district{font-size:14pt;font-weight:bold}h1{font-size:13pt}h2{font-size:11.5pt;margin:1.2em 0 .3em}dt{font-weight:bold;font-size:10pt;margin-top:.6em}dd{margin-left:1.2em}hr.page-break{margin:2em 0}@media print{body{margin:0;max-width:none}hr.page-break{break-after:page;border:0;margin:0}}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_pdf_say_the_same_words() {
        let doc = Doc {
            title: "Letter <1>".into(),
            lang: "es".into(),
            blocks: vec![
                Block::Letterhead(vec!["Distrito".into(), "Calle 1".into()]),
                Block::Para("Estimado padre & tutor:".into()),
                Block::Bullets(vec!["uno".into()]),
                Block::Fields(vec![("Fecha".into(), String::new())]),
            ],
        };
        let html = to_html(&doc);
        assert!(html.contains("<html lang=\"es\">"));
        assert!(html.contains("<title>Letter &lt;1&gt;</title>"));
        assert!(html.contains("<p>Estimado padre &amp; tutor:</p>"));
        assert!(html.contains("<dt>Fecha</dt><dd>—</dd>"));
        let mut flow = Flow::new("{page}/{pages}");
        to_pages(&doc, &mut flow);
        let pages = flow.finish();
        assert_eq!(pages.len(), 1);
        let words: Vec<&str> = pages[0].spans.iter().map(|s| s.text.as_str()).collect();
        for text in [
            "Distrito",
            "Calle 1",
            "Estimado padre & tutor:",
            "uno",
            "Fecha",
            "—",
            "1/1",
        ] {
            assert!(words.contains(&text), "{text}: {words:?}");
        }
    }
}

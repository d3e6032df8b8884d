//! Text flowed down US Letter pages: lines wrapped at word boundaries by the fonts'
//! widths, a new page when the next line would cross the bottom margin, and each page
//! numbered within its document ("Page 1 of 2"), so that one file can hold many letters.

use super::{width, Face, Page, Rule, Span, PAGE_HEIGHT, PAGE_WIDTH};

pub const MARGIN: f32 = 66.0;
const BOTTOM: f32 = 60.0;
const FOOTER_SIZE: f32 = 8.0;

/// Pages being filled, top to bottom.
pub struct Flow {
    pages: Vec<Page>,
    /// The first page of each document in the flow.
    starts: Vec<usize>,
    /// The baseline of the last line written on the current page.
    y: f32,
    /// "Page {page} of {pages}" in the documents' language.
    footer: String,
}

impl Flow {
    pub fn new(footer: &str) -> Flow {
        Flow {
            pages: Vec::new(),
            starts: Vec::new(),
            y: PAGE_HEIGHT,
            footer: footer.to_string(),
        }
    }

    /// Starts a document (a letter) on a new page.
    pub fn start_document(&mut self) {
        self.new_page();
        self.starts.push(self.pages.len() - 1);
    }

    /// Goes on at the top of a new page of the same document.
    pub fn page_break(&mut self) {
        self.page();
        self.new_page();
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = PAGE_HEIGHT - MARGIN;
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.start_document();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Moves down `points`; at the bottom, to the next page.
    pub fn space(&mut self, points: f32) {
        self.page();
        self.y -= points;
    }

    /// Goes to a new page unless `points` fit above the bottom margin.
    pub fn keep(&mut self, points: f32) {
        self.page();
        if self.y - points < BOTTOM {
            self.new_page();
        }
    }

    /// `text` wrapped to the width between `indent` and the right margin, one line every
    /// `size * 1.3` points. A first-line `marker` (a bullet) hangs in the indent.
    pub fn text(&mut self, text: &str, face: Face, size: f32, indent: f32, marker: Option<&str>) {
        let leading = size * 1.3;
        let left = MARGIN + indent;
        let lines = wrap(text, face, size, PAGE_WIDTH - MARGIN - left);
        for (i, line) in lines.into_iter().enumerate() {
            self.page();
            if self.y - leading < BOTTOM {
                self.new_page();
            }
            self.y -= leading;
            let y = self.y;
            let page = self.page();
            if i == 0 {
                if let Some(marker) = marker {
                    page.spans.push(Span {
                        x: left - width(marker, face, size) - 4.0,
                        y,
                        size,
                        face,
                        text: marker.to_string(),
                    });
                }
            }
            if !line.is_empty() {
                page.spans.push(Span {
                    x: left,
                    y,
                    size,
                    face,
                    text: line,
                });
            }
        }
    }

    /// A line across the text column, below the last line.
    pub fn rule(&mut self) {
        self.space(6.0);
        let y = self.y;
        self.page().rules.push(Rule {
            x1: MARGIN,
            x2: PAGE_WIDTH - MARGIN,
            y,
        });
        self.y -= 4.0;
    }

    /// The pages, each with its footer.
    pub fn finish(mut self) -> Vec<Page> {
        let total = self.pages.len();
        let mut ends: Vec<usize> = self.starts.iter().skip(1).copied().collect();
        ends.push(total);
        for (start, end) in self.starts.iter().copied().zip(ends) {
            let count = end - start;
            for (i, page) in self.pages[start..end].iter_mut().enumerate() {
                let text = self
                    .footer
                    .replace("{page}", &(i + 1).to_string())
                    .replace("{pages}", &count.to_string());
                let x = PAGE_WIDTH - MARGIN - width(&text, Face::Regular, FOOTER_SIZE);
                page.spans.push(Span {
                    x,
                    y: BOTTOM - 24.0,
                    size: FOOTER_SIZE,
                    face: Face::Regular,
                    text,
                });
            }
        }
        self.pages
    }
}

/// `text` broken into lines no wider than `max`: at spaces, and inside a word only when
/// the word alone is wider than a line. A line break in `text` is kept.
pub fn wrap(text: &str, face: Face, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, face, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word longer than the line (a long web address) is cut where it must be.
            let mut rest = word.to_string();
            while width(&rest, face, size) > max {
                let mut cut = String::new();
                for c in rest.chars() {
                    let mut next = cut.clone();
                    next.push(c);
                    if width(&next, face, size) > max && !cut.is_empty() {
                        break;
                    }
                    cut = next;
                }
                rest = rest[cut.len()..].to_string();
                lines.push(cut);
            }
            line = rest;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_wrapped_at_spaces_within_the_width() {
        let text = "We are writing to tell you about a data security incident that involved information about your child.";
        let lines = wrap(text, Face::Regular, 11.0, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(width(line, Face::Regular, 11.0) <= 200.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        let long = wrap(&"x".repeat(200), Face::Regular, 11.0, 100.0);
        assert!(long.len() > 3);
        assert_eq!(long.concat(), "x".repeat(200));
        assert_eq!(wrap("a\nb", Face::Regular, 11.0, 100.0), ["a", "b"]);
    }

    #[test]
    fn a_long_text_runs_onto_numbered_pages_and_documents_start_on_a_new_page() {
        let mut flow = Flow::new("Page {page} of {pages}");
        flow.start_document();
        for _ in 0..80 {
            flow.text("A line of a letter.", Face::Regular, 11.0, 0.0, None);
        }
        flow.start_document();
        flow.text("Second letter.", Face::Regular, 11.0, 0.0, None);
        let pages = flow.finish();
        assert_eq!(pages.len(), 3);
        let footer = |p: &Page| p.spans.last().unwrap().text.clone();
        assert_eq!(footer(&pages[0]), "Page 1 of 2");
        assert_eq!(footer(&pages[1]), "Page 2 of 2");
        assert_eq!(footer(&pages[2]), "Page 1 of 1");
        for page in &pages {
            for span in &page.spans {
                assert!(span.y >= BOTTOM - 24.0 && span.y <= PAGE_HEIGHT - MARGIN);
            }
        }
    }
}

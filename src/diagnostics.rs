//! Problems found in a site's files, reported the way a communications officer can act on
//! them: the file, the line and column, the field, what was expected and what was found.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use rayon::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column, and the byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub bytes: Range<usize>,
}

impl Location {
    /// The location of a byte range in `source`.
    pub fn from_bytes(source: &str, bytes: Range<usize>) -> Location {
        let start = bytes.start.min(source.len());
        let before = &source[..floor_char_boundary(source, start)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        let end = bytes.end.clamp(start, source.len());
        Location {
            line,
            column,
            bytes: start..floor_char_boundary(source, end),
        }
    }

    /// The location of a 1-based line and column (in characters) in `source`, covering
    /// `width` characters.
    pub fn from_line_column(source: &str, line: usize, column: usize, width: usize) -> Location {
        let mut offset = 0;
        for (number, text) in source.split_inclusive('\n').enumerate() {
            if number + 1 == line {
                let char_start = column.saturating_sub(1);
                let start = offset + byte_of_char(text, char_start);
                let end = offset + byte_of_char(text, char_start + width);
                return Location {
                    line,
                    column: column.max(1),
                    bytes: start..end.max(start),
                };
            }
            offset += text.len();
        }
        Location {
            line: line.max(1),
            column: column.max(1),
            bytes: source.len()..source.len(),
        }
    }
}

fn byte_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.trim_end_matches('\n').len(), |(i, _)| i)
}

fn floor_char_boundary(source: &str, mut index: usize) -> usize {
    while index > 0 && !source.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    /// The field the problem is in, as a dotted path (`affected.count`, `data[2]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip)]
    pub bytes: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, file.into(), message.into())
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, file.into(), message.into())
    }

    fn new(severity: Severity, file: String, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            file,
            line: 0,
            column: 0,
            field: None,
            message,
            expected: None,
            found: None,
            hint: None,
            bytes: None,
        }
    }

    pub fn at(mut self, location: &Location) -> Diagnostic {
        self.line = location.line;
        self.column = location.column;
        self.bytes = Some(location.bytes.clone());
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = Some(field.into());
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Diagnostic {
        self.expected = Some(expected.into());
        self
    }

    pub fn found(mut self, found: impl Into<String>) -> Diagnostic {
        self.found = Some(found.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or just `file` when the problem concerns the whole file).
    pub fn position(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// Diagnostics collected over a whole run, with the sources they point into so that the
/// offending lines can be shown.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<String, Arc<str>>,
}

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Remembers the text of `file` so that reports can quote it.
    pub fn add_source(&mut self, file: &str, text: &str) {
        self.add_shared_source(file, Arc::from(text));
    }

    /// [`Diagnostics::add_source`] for a text also kept elsewhere (a record's span
    /// index): shared, not copied.
    pub fn add_shared_source(&mut self, file: &str, text: Arc<str>) {
        self.sources.insert(file.to_string(), text);
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds `diagnostic` and returns it, to add a hint to it.
    pub fn push_mut(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        self.items.push(diagnostic);
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// Keeps the first `max` problems; returns how many errors and warnings were dropped.
    pub fn truncate(&mut self, max: usize) -> (usize, usize) {
        let dropped = self.items.split_off(max.min(self.items.len()));
        let errors = dropped.iter().filter(|d| d.is_error()).count();
        (errors, dropped.len() - errors)
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.sources.extend(other.sources);
    }

    /// Only the problems `keep` accepts (with the sources they quote).
    pub fn retain(&mut self, keep: impl Fn(&Diagnostic) -> bool) {
        self.items.retain(|d| keep(d));
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// In a stable order: errors first, then by file, position and message.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.column, &a.message)
                .cmp(&(b.severity, &b.file, b.line, b.column, &b.message))
        });
        items
    }

    /// The human report: each problem with its source line and a marker under it.
    pub fn render_text(&self) -> String {
        let items = self.sorted();
        // The problems of each file together, rendered on every core: a large site can
        // have thousands, and only the files they point into need their lines counted.
        let runs: Vec<&[&Diagnostic]> = items.chunk_by(|a, b| a.file == b.file).collect();
        let config = term::Config::default();
        let rendered = runs
            .par_iter()
            .map(|run| {
                let mut files = SimpleFiles::new();
                let file = &run[0].file;
                let id = self
                    .sources
                    .get(file)
                    .map(|text| files.add(file.clone(), Arc::clone(text)));
                let mut out = String::new();
                for item in *run {
                    // A line too long to read is not quoted; the position is given instead.
                    let file_id = id.filter(|_| !self.line_too_long(item));
                    let snippet = to_snippet(item, file_id);
                    match term::emit_into_string(&config, &files, &snippet) {
                        Ok(text) => out.push_str(&text),
                        Err(_) => {
                            let _ = writeln!(out, "{}", render_plain(item));
                        }
                    }
                }
                out
            })
            .collect::<Vec<String>>()
            .concat();
        printable(&rendered).into_owned()
    }
}

/// `text` as it may be shown on a terminal: control characters (which can move the
/// cursor, recolour or retitle the terminal: a file named `\x1b]0;...`) and the
/// invisible characters that reorder text (bidirectional overrides and isolates) are
/// written as `\u{1b}`; lines and tabs are kept.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Lines longer than this (in bytes) are not quoted in reports.
const MAX_QUOTED_LINE: usize = 2000;

impl Diagnostics {
    /// Whether the line `item` points at is longer than [`MAX_QUOTED_LINE`].
    fn line_too_long(&self, item: &Diagnostic) -> bool {
        let (Some(text), Some(bytes)) = (self.sources.get(&item.file), &item.bytes) else {
            return false;
        };
        let at = bytes.start.min(text.len());
        let start = text.as_bytes()[..at]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let end = text.as_bytes()[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(text.len(), |i| at + i);
        end - start > MAX_QUOTED_LINE
    }
}

fn to_snippet(item: &Diagnostic, file_id: Option<usize>) -> Snippet<usize> {
    let mut headline = String::new();
    if let Some(field) = &item.field {
        let _ = write!(headline, "{field}: ");
    }
    headline.push_str(&item.message);
    let snippet = match item.severity {
        Severity::Error => Snippet::error(),
        Severity::Warning => Snippet::warning(),
    }
    .with_message(headline);
    let mut notes = Vec::new();
    let label_text = item
        .found
        .as_ref()
        .map(|found| format!("found {found}"))
        .unwrap_or_default();
    let snippet = match (file_id, &item.bytes) {
        (Some(id), Some(bytes)) if item.line > 0 => {
            snippet.with_labels(vec![
                Label::primary(id, bytes.clone()).with_message(label_text)
            ])
        }
        _ => {
            notes.push(format!("in {}", item.position()));
            if let Some(found) = &item.found {
                notes.push(format!("found: {found}"));
            }
            snippet
        }
    };
    if let Some(expected) = &item.expected {
        notes.push(format!("expected: {expected}"));
    }
    if let Some(hint) = &item.hint {
        notes.push(format!("hint: {hint}"));
    }
    snippet.with_notes(notes)
}

/// One line per problem, for logs and for tests.
pub fn render_plain(item: &Diagnostic) -> String {
    let mut line = format!(
        "{}: {}: ",
        match item.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        item.position()
    );
    if let Some(field) = &item.field {
        let _ = write!(line, "{field}: ");
    }
    line.push_str(&item.message);
    if let Some(expected) = &item.expected {
        let _ = write!(line, " (expected {expected}");
        if let Some(found) = &item.found {
            let _ = write!(line, "; found {found}");
        }
        line.push(')');
    } else if let Some(found) = &item.found {
        let _ = write!(line, " (found {found})");
    }
    printable(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_show_control_characters_instead_of_sending_them_to_the_terminal() {
        let file = "content/incidents/a\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}.yaml";
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(Diagnostic::error(file, "bad\u{9b}31m name").found("\"x\u{1b}[31m\""));
        for text in [
            diagnostics.render_text(),
            render_plain(diagnostics.sorted()[0]),
        ] {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{text:?}"
            );
            assert!(
                text.contains("a\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{202e}.yaml"),
                "{text}"
            );
        }
        assert_eq!(printable("plain\ttext\n"), "plain\ttext\n");
    }

    #[test]
    fn location_from_bytes_counts_lines_and_characters() {
        let source = "a: 1\nbé: x\n";
        let at = source.find('x').unwrap();
        let location = Location::from_bytes(source, at..at + 1);
        assert_eq!((location.line, location.column), (2, 5));
    }

    #[test]
    fn location_from_line_column_finds_the_bytes() {
        let source = "title: x\nstatus: maybe\n";
        let location = Location::from_line_column(source, 2, 9, 5);
        assert_eq!(&source[location.bytes.clone()], "maybe");
    }

    #[test]
    fn report_quotes_the_offending_line() {
        let source = "title: x\nstatus: maybe\n";
        let mut diagnostics = Diagnostics::new();
        diagnostics.add_source("content/incidents/a.yaml", source);
        let location = Location::from_line_column(source, 2, 9, 5);
        diagnostics.push(
            Diagnostic::error("content/incidents/a.yaml", "unknown status")
                .field("status")
                .at(&location)
                .expected("draft, active or resolved")
                .found("`maybe`"),
        );
        let text = diagnostics.render_text();
        assert!(text.contains("content/incidents/a.yaml:2:9"), "{text}");
        assert!(text.contains("status: maybe"), "{text}");
        assert!(text.contains("^^^^^"), "{text}");
        assert!(
            text.contains("expected: draft, active or resolved"),
            "{text}"
        );
    }
}

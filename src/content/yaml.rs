//! The one place that reads YAML. `serde_yaml` gives the value; a span index built from
//! `saphyr-parser`'s event stream tells where each field sits in the file, so that every
//! problem can point at its line even after the first one (serde reports only one).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use saphyr_parser::{Event, Parser, Span};

use crate::diagnostics::Location;

pub use serde_yaml::Value;

/// A parsed YAML document with the location of every key and value in it.
#[derive(Debug)]
pub struct Document {
    pub value: Value,
    pub spans: SpanIndex,
}

/// A YAML syntax error.
#[derive(Debug)]
pub struct SyntaxError {
    pub location: Location,
    pub message: String,
}

/// Locations by field path: `title`, `affected.count`, `data[1]`, `updates[0].date`.
/// Only a record with a problem needs them, so the index is built on first use.
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    source: Arc<str>,
    spans: OnceLock<Spans>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Spans {
    keys: HashMap<String, Location>,
    values: HashMap<String, Location>,
}

impl SpanIndex {
    /// The index of `source`, to be built when first asked.
    pub fn new(source: Arc<str>) -> SpanIndex {
        SpanIndex {
            source,
            spans: OnceLock::new(),
        }
    }

    fn spans(&self) -> &Spans {
        self.spans.get_or_init(|| index(&self.source))
    }

    /// Where the key of `path` is written (for "unknown field" and "missing" problems).
    pub fn key(&self, path: &str) -> Option<&Location> {
        self.spans().keys.get(path)
    }

    /// Where the value of `path` is written, falling back to its key.
    pub fn value(&self, path: &str) -> Option<&Location> {
        let spans = self.spans();
        spans.values.get(path).or_else(|| spans.keys.get(path))
    }
}

impl PartialEq for SpanIndex {
    fn eq(&self, other: &SpanIndex) -> bool {
        self.spans() == other.spans()
    }
}

impl Eq for SpanIndex {}

pub fn parse(source: &str) -> Result<Document, SyntaxError> {
    parse_shared(Arc::from(source))
}

/// [`parse`] of a text shared with others (the diagnostics quote it too).
pub fn parse_shared(shared: Arc<str>) -> Result<Document, SyntaxError> {
    let source: &str = &shared;
    let value: Value = serde_yaml::from_str(source).map_err(|error| {
        let (line, column) = error
            .location()
            .map_or((1, 1), |at| (at.line(), at.column()));
        let location = Location::from_line_column(source, line, column, 1);
        SyntaxError {
            location,
            message: describe(&error),
        }
    })?;
    Ok(Document {
        value,
        spans: SpanIndex::new(Arc::clone(&shared)),
    })
}

/// serde_yaml's message without its trailing position (which the report shows itself).
fn describe(error: &serde_yaml::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

enum Frame {
    Mapping {
        path: String,
        expecting_key: bool,
        key: String,
    },
    Sequence {
        path: String,
        index: usize,
    },
}

struct Indexer<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    frames: Vec<Frame>,
    spans: Spans,
}

fn index(source: &str) -> Spans {
    let mut indexer = Indexer {
        source,
        line_starts: std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        frames: Vec::new(),
        spans: Spans::default(),
    };
    // serde_yaml has already accepted the text; should this parser disagree, the index is
    // simply less complete and problems point at the start of the file.
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { break };
        if !indexer.on_event(event, span) {
            break;
        }
    }
    indexer.spans
}

impl Indexer<'_> {
    /// Returns false at the end of the first document.
    fn on_event(&mut self, event: Event<'_>, span: Span) -> bool {
        match event {
            Event::Scalar(text, ..) => {
                let location = self.location(span);
                self.node(Some(text.as_ref()), location, None);
            }
            Event::Alias(_) => {
                let location = self.location(span);
                self.node(None, location, None);
            }
            Event::MappingStart(..) => {
                let location = self.location(span);
                self.node(None, location, Some(true));
            }
            Event::SequenceStart(..) => {
                let location = self.location(span);
                self.node(None, location, Some(false));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.frames.pop();
                self.complete();
            }
            Event::DocumentEnd => return false,
            _ => {}
        }
        true
    }

    /// A node starts: a scalar key, or a value at the current path. `opens` says whether it
    /// opens a mapping (`Some(true)`) or a sequence (`Some(false)`).
    fn node(&mut self, scalar: Option<&str>, location: Location, opens: Option<bool>) {
        let (path, is_key) = match self.frames.last_mut() {
            None => (String::new(), false),
            Some(Frame::Mapping {
                path,
                expecting_key: true,
                key,
            }) => {
                *key = scalar.unwrap_or("?").to_string();
                (join(path, key), true)
            }
            Some(Frame::Mapping { path, key, .. }) => (join(path, key), false),
            Some(Frame::Sequence { path, index }) => (format!("{path}[{index}]"), false),
        };
        if is_key {
            self.spans.keys.entry(path.clone()).or_insert(location);
        } else if !path.is_empty() {
            self.spans.values.entry(path.clone()).or_insert(location);
        }
        match opens {
            Some(true) => self.frames.push(Frame::Mapping {
                path,
                expecting_key: true,
                key: String::new(),
            }),
            Some(false) => self.frames.push(Frame::Sequence { path, index: 0 }),
            None => self.complete(),
        }
    }

    /// A node ended: advance the parent to its next key, value or item.
    fn complete(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Mapping { expecting_key, .. }) => *expecting_key = !*expecting_key,
            Some(Frame::Sequence { index, .. }) => *index += 1,
            None => {}
        }
    }

    fn location(&self, span: Span) -> Location {
        let start = self.byte_offset(span.start.line(), span.start.col());
        let end = self.byte_offset(span.end.line(), span.end.col());
        let mut location = self.locate(start, end.max(start));
        // A multi-line value is marked on its first line only.
        let line_end = self.source[location.bytes.start..]
            .find('\n')
            .map_or(self.source.len(), |i| location.bytes.start + i);
        location.bytes.end = location.bytes.end.min(line_end);
        location
    }

    /// [`Location::from_bytes`] for offsets at character boundaries, finding the line in
    /// the line index instead of counting from the top of the file for every node.
    fn locate(&self, start: usize, end: usize) -> Location {
        let source = self.source;
        if !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            return Location::from_bytes(source, start..end);
        }
        // line_starts[0] is 0, so the line is at least 1.
        let line = self.line_starts.partition_point(|&at| at <= start);
        let line_start = self.line_starts[line - 1];
        Location {
            line,
            column: source[line_start..start].chars().count() + 1,
            bytes: start..end,
        }
    }

    fn byte_offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.source.len();
        };
        let text = &self.source[start..];
        start
            + text
                .char_indices()
                .nth(column)
                .map_or(text.len(), |(i, _)| i)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = "title: Breach\naffected:\n  count: 12\n  groups: [students, staff]\ndata:\n  - ssn\n  - grades\nupdates:\n  - date: 2025-01-02\n    text: |\n      Line one\n";

    #[test]
    fn keys_and_values_are_located() {
        let document = parse(RECORD).unwrap();
        let at = |path: &str| {
            let l = document.spans.value(path).unwrap();
            (l.line, l.column)
        };
        assert_eq!(at("title"), (1, 8));
        assert_eq!(at("affected.count"), (3, 10));
        assert_eq!(at("affected.groups[1]"), (4, 22));
        assert_eq!(at("data[1]"), (7, 5));
        assert_eq!(at("updates[0].date"), (9, 11));
        let key = document.spans.key("affected.count").unwrap();
        assert_eq!((key.line, key.column), (3, 3));
    }

    #[test]
    fn the_line_index_locates_like_a_scan_from_the_top() {
        let source = "title: Café été\nsummary: >-\n  deux\n\n  lignes\ndata: [ssn]\n";
        let indexer = Indexer {
            source,
            line_starts: std::iter::once(0)
                .chain(source.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            frames: Vec::new(),
            spans: Spans::default(),
        };
        for start in (0..=source.len()).filter(|i| source.is_char_boundary(*i)) {
            let end = (start + 3..=source.len())
                .find(|i| source.is_char_boundary(*i))
                .unwrap_or(source.len());
            assert_eq!(
                indexer.locate(start, end),
                Location::from_bytes(source, start..end),
                "at byte {start}"
            );
        }
    }

    #[test]
    fn syntax_errors_carry_a_location() {
        let error = parse("title: x\n  bad: [\n").unwrap_err();
        assert!(error.location.line >= 2, "{error:?}");
        assert!(!error.message.contains(" at line "), "{}", error.message);
    }
}

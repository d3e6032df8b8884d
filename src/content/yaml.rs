//! The one place that reads YAML. `serde_yaml` gives the value; a span index built from
//! `saphyr-parser`'s event stream tells where each field sits in the file, so that every
//! problem can point at its line even after the first one (serde reports only one).

use std::collections::{HashMap, HashSet};
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
    /// The parser's own words, without positions ("did not find expected ',' or ']'").
    pub message: String,
    /// What the parser was reading when it failed ("parsing a flow sequence"), and where
    /// that started: for an unclosed quote or bracket, where it was opened.
    pub context: Option<(String, Option<Location>)>,
    /// For a key given twice in one group: the second one.
    pub duplicate: Option<(String, Location)>,
}

/// Locations by field path: `title`, `affected.count`, `data[1]`, `updates[0].date`.
/// Only a record with a problem needs them, so the index is built from the record's text
/// when first asked, and kept.
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

    /// The text the index is of: the record's whole text.
    pub fn source(&self) -> &str {
        &self.source
    }

    fn spans(&self) -> &Spans {
        self.spans.get_or_init(|| index(&self.source))
    }

    /// Where the key of `path` is written (for "unknown field" and "missing" problems).
    pub fn key(&self, path: &str) -> Option<Location> {
        self.spans().keys.get(path).cloned()
    }

    /// Where the value of `path` is written, falling back to its key.
    pub fn value(&self, path: &str) -> Option<Location> {
        let spans = self.spans();
        spans
            .values
            .get(path)
            .or_else(|| spans.keys.get(path))
            .cloned()
    }
}

impl PartialEq for SpanIndex {
    fn eq(&self, other: &SpanIndex) -> bool {
        self.spans() == other.spans()
    }
}

impl Eq for SpanIndex {}

pub fn parse(source: &str) -> Result<Document, Box<SyntaxError>> {
    parse_shared(Arc::from(source))
}

/// [`parse`] of a text shared with others (the diagnostics quote it too).
pub fn parse_shared(shared: Arc<str>) -> Result<Document, Box<SyntaxError>> {
    let source: &str = &shared;
    if let Some(at) = too_deep(source) {
        return Err(Box::new(SyntaxError {
            location: Location::from_bytes(source, at..at + 1),
            message: format!("lists or groups are nested more than {MAX_FLOW_DEPTH} levels deep"),
            context: None,
            duplicate: None,
        }));
    }
    let value: Value = serde_yaml::from_str(source).map_err(|error| {
        let text = error.to_string();
        // The reader's errors (a character YAML does not allow) give the start of the file
        // as their line and column, and the byte offset in their text.
        let at_start = error.location().is_none_or(|at| at.index() == 0);
        let position = reader_position(&text).filter(|_| at_start);
        let location = match (position, error.location()) {
            (Some(at), _) if source.is_char_boundary(at.min(source.len())) => {
                let at = at.min(source.len());
                let width = source[at..].chars().next().map_or(0, char::len_utf8);
                Location::from_bytes(source, at..at + width)
            }
            (_, Some(at)) => Location::from_line_column(source, at.line(), at.column(), 1),
            _ => Location::from_line_column(source, 1, 1, 1),
        };
        let words = match position {
            Some(_) => text
                .rsplit_once(" at position ")
                .map_or(&*text, |(words, _)| words),
            None => &text,
        };
        Box::new(SyntaxError {
            location,
            message: describe(words),
            context: context(source, &text),
            duplicate: duplicated_key(&text).and_then(|key| first_duplicate_key(source, &key)),
        })
    })?;
    Ok(Document {
        value,
        spans: SpanIndex::new(Arc::clone(&shared)),
    })
}

/// No record nests `[...]` or `{...}` this deep. serde_yaml stops at 128 levels too, but
/// only after libyaml has read the whole file, which for deeply nested brackets takes
/// time that grows with the square of the depth (a few hundred kilobytes of `[` would
/// take minutes).
const MAX_FLOW_DEPTH: usize = 128;

/// Where brackets first open more than [`MAX_FLOW_DEPTH`] deep, counting every bracket
/// (even in text: only an absurd text has that many unclosed ones).
fn too_deep(source: &str) -> Option<usize> {
    // Counting is much quicker than following the depth, and nearly every file has
    // fewer opening brackets in all than the limit.
    let opening = source.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if opening <= MAX_FLOW_DEPTH {
        return None;
    }
    let mut depth = 0usize;
    for (at, byte) in source.bytes().enumerate() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The byte offset at the end of a reader error of serde_yaml's ("... at position 26018").
fn reader_position(text: &str) -> Option<usize> {
    let (_, digits) = text.rsplit_once(" at position ")?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
}

/// serde_yaml's message without its position and context (reported apart), and
/// without the path it puts before problems in nested groups.
fn describe(text: &str) -> String {
    let text = text.split(", while ").next().unwrap_or(text);
    let text = text.split(" at line ").next().unwrap_or(text);
    match text.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => rest.to_string(),
        _ => text.to_string(),
    }
}

/// The "while scanning a quoted scalar at line 2 column 10" part of a message: what was
/// being read, and where it began.
fn context(source: &str, text: &str) -> Option<(String, Option<Location>)> {
    let (_, context) = text.split_once(", while ")?;
    let Some((what, position)) = context.split_once(" at line ") else {
        return Some((context.to_string(), None));
    };
    let (line, column) = position.split_once(" column ")?;
    let location = match (line.trim().parse(), column.trim().parse()) {
        (Ok(line), Ok(column)) => Some(Location::from_line_column(source, line, column, 1)),
        _ => None,
    };
    Some((what.to_string(), location))
}

/// The key serde_yaml reports as given twice: `duplicate entry with key "title"`.
fn duplicated_key(text: &str) -> Option<String> {
    let (_, rest) = text.split_once("duplicate entry with key ")?;
    let key = rest.split(" at line ").next().unwrap_or(rest).trim();
    Some(key.trim_matches('"').to_string())
}

/// The first key written `key` that repeats an earlier one of the same group, and where
/// it is. (Keys are compared as written: `1` and `"1"` are different keys to serde, and
/// only the key serde named is looked for.)
fn first_duplicate_key(source: &str, key: &str) -> Option<(String, Location)> {
    let indexer = Indexer::new(source);
    // Per open group: the keys seen so far (`None` for a list), and whether the next node
    // of a mapping is a key.
    let mut open: Vec<(Option<HashSet<String>>, bool)> = Vec::new();
    let complete = |open: &mut Vec<(Option<HashSet<String>>, bool)>| {
        if let Some((Some(_), expecting_key)) = open.last_mut() {
            *expecting_key = !*expecting_key;
        }
    };
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { return None };
        match event {
            Event::Scalar(text, ..) => {
                if let Some((Some(keys), true)) = open.last_mut() {
                    if !keys.insert(text.to_string()) && text == key {
                        return Some((text.to_string(), indexer.location(span)));
                    }
                }
                complete(&mut open);
            }
            Event::Alias(_) => complete(&mut open),
            Event::MappingStart(..) => open.push((Some(HashSet::new()), true)),
            Event::SequenceStart(..) => open.push((None, false)),
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
                complete(&mut open);
            }
            Event::DocumentEnd => return None,
            _ => {}
        }
    }
    None
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
    /// Where each line starts, in bytes and in characters. With [`Indexer::checkpoints`]
    /// they turn the parser's character positions into locations in constant time, so
    /// that even a file of one very long line is indexed in linear time.
    line_starts: Vec<usize>,
    line_chars: Vec<usize>,
    /// The byte offset of every [`CHECKPOINT`]th character (none when `ascii`).
    checkpoints: Vec<usize>,
    /// Whether the source is all ASCII, so that a character's position is its byte's.
    ascii: bool,
    frames: Vec<Frame>,
    spans: Spans,
}

const CHECKPOINT: usize = 64;

impl<'a> Indexer<'a> {
    fn new(source: &'a str) -> Indexer<'a> {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        // Most records are plain ASCII, where characters and bytes are counted alike.
        let (line_chars, checkpoints) = if source.is_ascii() {
            (line_starts.clone(), Vec::new())
        } else {
            let mut line_chars = vec![0];
            let mut checkpoints = Vec::with_capacity(source.len() / CHECKPOINT + 1);
            for (chars, (at, c)) in source.char_indices().enumerate() {
                if chars % CHECKPOINT == 0 {
                    checkpoints.push(at);
                }
                if c == '\n' {
                    line_chars.push(chars + 1);
                }
            }
            (line_chars, checkpoints)
        };
        Indexer {
            source,
            ascii: source.is_ascii(),
            line_starts,
            line_chars,
            checkpoints,
            frames: Vec::new(),
            spans: Spans::default(),
        }
    }
}

fn index(source: &str) -> Spans {
    let mut indexer = Indexer::new(source);
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

    /// Where a node is, as [`Location::from_bytes`] would put it; a multi-line value is
    /// marked on its first line only.
    fn location(&self, span: Span) -> Location {
        let (start_char, end_char) = (span.start.index(), span.end.index());
        let start = self.byte_at_char(start_char);
        let end = self.byte_at_char(end_char).max(start);
        // line_starts[0] is 0, so the line is at least 1.
        let line = self.line_starts.partition_point(|&at| at <= start);
        let line_start_char = self.line_chars.get(line - 1).copied().unwrap_or(0);
        let line_end = self
            .line_starts
            .get(line)
            .map_or(self.source.len(), |next| next - 1);
        Location {
            line,
            column: start_char.saturating_sub(line_start_char) + 1,
            bytes: start..end.min(line_end).max(start),
        }
    }

    /// The byte offset of the character at `chars`.
    fn byte_at_char(&self, chars: usize) -> usize {
        if self.ascii {
            return chars.min(self.source.len());
        }
        let Some(&from) = self.checkpoints.get(chars / CHECKPOINT) else {
            return self.source.len();
        };
        self.source[from..]
            .char_indices()
            .nth(chars % CHECKPOINT)
            .map_or(self.source.len(), |(at, _)| from + at)
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
    fn nodes_are_located_as_a_scan_from_the_top_would() {
        let long = "x, ".repeat(300);
        // Accented text, and the same in plain ASCII (which is indexed another way).
        let accented = format!("title: Café été\r\nsummary: >-\n  deux\n\n  lignes ✓\ndata: [ssn, {long}é]\nnotified: {{a: 2025-01-02}}\n");
        let plain = format!("title: Cafe ete\r\nsummary: >-\n  deux\n\n  lignes v\ndata: [ssn, {long}e]\nnotified: {{a: 2025-01-02}}\n");
        assert!(!accented.is_ascii() && plain.is_ascii());
        for source in [accented.as_str(), plain.as_str()] {
            assert_located_as_a_scan_would(source);
        }
    }

    fn assert_located_as_a_scan_would(source: &str) {
        let indexer = Indexer::new(source);
        let mut seen = 0;
        for item in Parser::new_from_str(source) {
            let (_, span) = item.unwrap();
            let location = indexer.location(span);
            let mut expected = Location::from_bytes(source, location.bytes.clone());
            expected.bytes.end = location.bytes.end;
            assert_eq!(location, expected, "{span:?}");
            assert_eq!(location.line, span.start.line(), "{span:?}");
            seen += 1;
        }
        assert!(seen > 300);
        let document = parse(source).unwrap();
        let at = document.spans.value("data[300]").unwrap();
        assert_eq!((at.line, at.column), (6, 8 + 5 + 299 * 3));
        assert_eq!(&source[at.bytes.clone()], "x");
    }

    #[test]
    fn a_file_of_one_long_line_is_indexed_in_linear_time() {
        let source = format!("data: [{}]\n", vec!["ssn"; 100_000].join(", "));
        let document = parse(&source).unwrap();
        let started = std::time::Instant::now();
        let last = document.spans.value("data[99999]").unwrap();
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(last.column, source.len() - "ssn]\n".len() + 1);
    }

    #[test]
    fn deeply_nested_brackets_are_refused_before_parsing() {
        let deep = format!("title: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
        let started = std::time::Instant::now();
        let error = parse(&deep).unwrap_err();
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
        assert!(
            error.message.contains("nested more than 128"),
            "{}",
            error.message
        );
        assert_eq!((error.location.line, error.location.column), (1, 8 + 128));
        // Brackets in ordinary text are fine.
        assert!(parse("title: \"[a] [[b]] {c}\"\n").is_ok());
    }

    #[test]
    fn syntax_errors_carry_a_location() {
        let error = parse("title: x\n  bad: [\n").unwrap_err();
        assert!(error.location.line >= 2, "{error:?}");
        assert!(!error.message.contains(" at line "), "{}", error.message);
        // Words that look like a reader's position, quoted in another error, are neither
        // taken for one nor cut out.
        let error = parse("\"a at position 2\": 1\n\"a at position 2\": 2\n").unwrap_err();
        assert_ne!(
            (error.location.line, error.location.column),
            (1, 3),
            "{error:?}"
        );
        assert!(
            error.message.contains("a at position 2\""),
            "{}",
            error.message
        );
        assert_eq!(error.duplicate.map(|(_, at)| at.line), Some(2));
    }

    // Text longer than the YAML reader's 16 KiB buffer, with other characters among it and
    // after it, reads whole, and a character YAML forbids is found where it is.
    #[test]
    fn long_texts_read_whole_and_forbidden_characters_are_found() {
        let long = "plain words, ".repeat(2_000);
        let source = format!("title: |\n  {long}é\n  {long}✓ tab\tend\r\nsummary: x\n");
        let document = parse(&source).unwrap();
        let title = document.value.get("title").and_then(Value::as_str).unwrap();
        assert_eq!(title, format!("{long}é\n{long}✓ tab\tend\n"));
        assert_eq!(
            document.value.get("summary").and_then(Value::as_str),
            Some("x")
        );

        for bad in ['\u{1}', '\u{7f}', '\u{0}'] {
            let source = format!("summary: x\ntitle: {long}{bad}\n");
            let error = parse(&source).unwrap_err();
            assert_eq!(error.location.line, 2, "{bad:?}: {error:?}");
            assert_eq!(error.location.column, 8 + long.len(), "{bad:?}: {error:?}");
        }
    }
}

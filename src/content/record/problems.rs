//! Turns what is wrong in a record into diagnostics: each problem at its place in the file
//! (found from the YAML parser's marks only when there is something to report), with the
//! field's path, what was expected and found, and a hint.

use serde_yaml::Value;

use crate::content::fields::{self, Field, Need};
use crate::content::yaml::SpanIndex;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::suggest;

use super::types::{Bad, Checked, FromValue, Group};

/// Fields that belong inside a group, for the hint when one is written at the top level.
const NESTED: &[(&str, &[Field])] = &[
    ("occurred", fields::OCCURRED),
    ("contractor", fields::CONTRACTOR),
    ("affected", fields::AFFECTED),
    ("law_enforcement_delay", fields::DELAY),
    ("substitute_notice", fields::SUBSTITUTE),
    ("identity_protection", fields::PROTECTION),
    ("ransom", fields::RANSOM),
    ("hipaa", fields::HIPAA),
];

pub struct Reporter<'a> {
    pub file: &'a str,
    pub source: &'a str,
    pub spans: &'a SpanIndex,
    /// Drafts may be incomplete: their problems are warnings, not errors.
    pub draft: bool,
    /// Fields written misspelled (reported as unknown), so not reported missing too.
    pub misspelled: Vec<String>,
    /// Whether any line has a ` #` that may have cut a value short; most records have
    /// none, and then their span index need not be built.
    pub comments_after_values: bool,
    pub diagnostics: &'a mut Diagnostics,
}

impl Reporter<'_> {
    /// The value of the field at `path`: its problem is reported, and so is its absence
    /// when the field table says it is required. `expected` is what the field takes, for
    /// when the value's type does not say.
    pub fn take<T: FromValue>(
        &mut self,
        field: Option<Checked<T>>,
        path: &str,
        expected: &str,
    ) -> Option<T> {
        let Some(checked) = field else {
            if self.required(path) {
                self.missing(path, expected);
            }
            return None;
        };
        let written = checked.read.is_ok();
        let value = self.check(checked, path, expected);
        // Empty text counts as left out.
        if value.is_none() && written && self.required(path) {
            self.missing(path, expected);
        }
        value
    }

    /// Whether the field at `path`, left out or empty, must be reported missing: as the
    /// field table says.
    fn required(&self, path: &str) -> bool {
        match fields::find(path).map(|f| f.need) {
            Some(Need::Required) => true,
            Some(Need::UnlessDraft) => !self.draft,
            _ => false,
        }
    }

    /// The value, or its problem reported. Empty text counts as left out.
    pub fn check<T: FromValue>(
        &mut self,
        checked: Checked<T>,
        path: &str,
        expected: &str,
    ) -> Option<T> {
        // Text cut short explains a wrong value too (`status: Breach #3`).
        if checked.text {
            self.warn_cut_by_comment(path);
        }
        match checked.read {
            Ok(value) => (!value.is_empty()).then_some(value),
            Err(bad) => {
                self.bad(path, bad, expected);
                None
            }
        }
    }

    /// Reports `bad` at the value of `path`.
    pub fn bad(&mut self, path: &str, bad: Bad, expected: &str) {
        let bad = bad.into_problem();
        let expected = bad.expected.as_deref().unwrap_or(expected);
        self.problem(path, &bad.message, expected, bad.found.as_ref(), bad.hint);
    }

    /// Reports the keys of the group at `path` that are not its fields.
    pub fn keys<T: serde::de::DeserializeOwned>(&mut self, group: &Group<T>, path: &str) {
        let allowed = super::types::names::<T>();
        self.unknown_keys(path, &group.unknown, &group.not_words, allowed);
    }

    pub fn unknown_keys(
        &mut self,
        path: &str,
        unknown: &[String],
        not_words: &[Value],
        allowed: &[&str],
    ) {
        for key in not_words {
            let at = self.start();
            self.diagnostics.push(
                Diagnostic::error(self.file, "field names must be words, such as `title`")
                    .at(&at)
                    .field(path)
                    .found(describe(key)),
            );
        }
        for name in unknown {
            let full = join(path, name);
            let location = self.spans.key(&full).unwrap_or_else(|| self.start());
            let message = format!("`{name}` is not a field breachpage knows here");
            let mut problem = self
                .diagnostic(message)
                .field(full)
                .at(&location)
                .expected(format!("one of: {}", allowed.join(", ")));
            if let Some(hint) = field_hint(path, name, allowed) {
                problem = problem.hint(hint);
            }
            // A misspelled field is reported once, not again as missing.
            if let Some(meant) = suggest::closest(name, allowed.iter().copied()) {
                self.misspelled.push(join(path, meant));
            }
            self.diagnostics.push(problem);
        }
    }

    pub fn missing(&mut self, path: &str, expected: &str) {
        if self.misspelled.iter().any(|m| m == path) {
            return;
        }
        let parent = path.rsplit_once('.').map_or("", |(parent, _)| parent);
        // A field missing from the record's top level is the record's problem, not line 1's:
        // the message names the file without pointing at a line.
        let location = self.spans.key(path).or_else(|| self.spans.key(parent));
        let message = if self.draft {
            format!("`{path}` is still missing; it is required before this draft can be published")
        } else {
            format!("required field `{path}` is missing")
        };
        let problem = if self.draft {
            Diagnostic::warning(self.file, message)
        } else {
            Diagnostic::error(self.file, message)
        };
        let problem = match location {
            Some(location) => problem.at(&location),
            None => problem,
        };
        self.diagnostics
            .push(problem.field(path).expected(expected));
    }

    pub fn problem(
        &mut self,
        path: &str,
        message: &str,
        expected: &str,
        found: Option<&Value>,
        hint: Option<String>,
    ) {
        let location = self.spans.value(path).unwrap_or_else(|| self.start());
        // A draft never blocks the build: its problems are warnings, and it stays unpublished.
        let mut problem = if self.draft {
            let message = format!("{message} (this draft cannot be published until it is fixed)");
            Diagnostic::warning(self.file, message)
        } else {
            Diagnostic::error(self.file, message)
        }
        .at(&location)
        .expected(expected);
        if !path.is_empty() {
            problem = problem.field(path);
        }
        if let Some(found) = found {
            problem = problem.found(describe(found));
        }
        if let Some(hint) = hint {
            problem = problem.hint(hint);
        }
        self.diagnostics.push(problem);
    }

    /// An error, or a warning in a draft.
    pub fn diagnostic(&self, message: String) -> Diagnostic {
        if self.draft {
            Diagnostic::warning(self.file, message)
        } else {
            Diagnostic::error(self.file, message)
        }
    }

    /// In YAML, ` #` starts a comment, so `title: Breach #3 at school` reads "Breach".
    /// Warns when an unquoted one-line text is followed by a comment on its line.
    fn warn_cut_by_comment(&mut self, path: &str) {
        if !self.comments_after_values {
            return;
        }
        let Some(location) = self.spans.value(path) else {
            return;
        };
        // Only blanks and then `#` right after the value can be such a comment (checked
        // first, so that a long line is not scanned again for each of its values).
        let after = &self.source[location.bytes.end..];
        let blanks_then = after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        if !after.starts_with([' ', '\t']) || !blanks_then.starts_with('#') {
            return;
        }
        let line_end = self.source[location.bytes.end..]
            .find('\n')
            .map_or(self.source.len(), |i| location.bytes.end + i);
        let rest = &self.source[location.bytes.end..line_end];
        let value = &self.source[location.bytes.clone()];
        let quoted = value.starts_with(['"', '\'']) || value.starts_with(['|', '>']);
        if quoted || !rest.trim_start().starts_with('#') || !rest.starts_with([' ', '\t']) {
            return;
        }
        let cut = format!("{value}{rest}");
        self.diagnostics.push(
            Diagnostic::warning(
                self.file,
                "the text after # on this line was read as a comment and left out",
            )
            .field(path)
            .at(&location)
            .found(format!("\"{}\"", value.trim()))
            .hint(format!(
                "if # is part of the text, put the whole value in quotes: \"{}\"",
                cut.trim().replace('"', "\\\"")
            )),
        );
    }

    pub fn start(&self) -> Location {
        Location::from_line_column(self.source, 1, 1, 0)
    }
}

fn field_hint(path: &str, name: &str, allowed: &[&str]) -> Option<String> {
    if let Some(s) = suggest::closest(name, allowed.iter().copied()) {
        return Some(format!("did you mean `{s}`?"));
    }
    if path.is_empty() {
        for (group, group_fields) in NESTED {
            if let Some(s) = suggest::closest(name, fields::names(group_fields)) {
                return Some(format!("did you mean `{s}`, indented under `{group}:`?"));
            }
        }
    }
    None
}

/// A found value in words.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => format!("`{b}` (a yes/no value)"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let s = s.trim();
            if s.chars().count() > 60 {
                format!("\"{}…\"", s.chars().take(57).collect::<String>())
            } else {
                format!("\"{s}\"")
            }
        }
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a group of fields".to_string(),
        Value::Tagged(tagged) => format!("a value tagged {}", tagged.tag),
    }
}

pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

//! Checks of a record's texts as written, on the parsed YAML: no Social Security or card
//! number anywhere (`pii_allow` excepted), and no hidden or reordering character in a
//! title or summary.

use std::fmt::Write as _;

use serde_yaml::Value;

use crate::compliance::{hidden, pii};
use crate::diagnostics::Location;

use super::problems::{join, Reporter};

impl Reporter<'_> {
    /// Every text in the record is published somewhere: none may hold an SSN or a card
    /// number. `pii_allow` lists exact texts that only look like one.
    /// `path` is where `value` is; it is extended for the values inside and restored.
    pub fn pii_guard(&mut self, value: &Value, path: &mut String, allow: &[String]) {
        match value {
            Value::String(text) => {
                for finding in pii::find(text, allow) {
                    let path = path.as_str();
                    let location = self.locate_text(path, &finding.text);
                    let message = format!(
                        "this field contains {}: a published notice must never repeat the data that was breached",
                        finding.kind.describe()
                    );
                    let problem = self.diagnostic(message);
                    self.diagnostics.push(
                        problem
                            .field(path)
                            .at(&location)
                            .found(format!("\"{}\"", finding.text))
                            .hint(format!(
                                "remove it or describe it in words (\"{}\"); if it is not personal data (a case or reference number), add it to the record as `pii_allow: [\"{}\"]`",
                                match finding.kind {
                                    pii::Kind::SocialSecurityNumber => "Social Security numbers",
                                    pii::Kind::CardNumber => "payment card numbers",
                                },
                                finding.text
                            )),
                    );
                }
            }
            Value::Sequence(items) => {
                let len = path.len();
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(path, "[{i}]"); // writing to a String cannot fail
                    self.pii_guard(item, path, allow);
                    path.truncate(len);
                }
            }
            Value::Mapping(map) => {
                let len = path.len();
                for (key, item) in map {
                    match key.as_str() {
                        Some("pii_allow") if len == 0 => {}
                        Some(key) => {
                            if len > 0 {
                                path.push('.');
                            }
                            path.push_str(key);
                            self.pii_guard(item, path, allow);
                            path.truncate(len);
                        }
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Titles and summaries (the record's and its translations') are shown everywhere; a
    /// character that reorders or hides text would make them read differently from the
    /// record. Refused, with the line and the character named; drafts are warned.
    pub fn hidden_guard(&mut self, value: &Value, parent: &str) {
        let Value::Mapping(map) = value else { return };
        for (key, item) in map {
            let Some(key) = key.as_str() else { continue };
            let path = join(parent, key);
            match item {
                Value::String(text) if matches!(key, "title" | "summary") => {
                    let Some((at, c, name)) = hidden::first(text) else {
                        continue;
                    };
                    let value = self.spans.value(&path).unwrap_or_else(|| self.start());
                    // The character as it stands in the file, when it is written there as it
                    // is (not as an escape such as `\u202E`).
                    let written = self.source[value.bytes.start..]
                        .find(c)
                        .map(|offset| value.bytes.start + offset)
                        .filter(|start| *start < value.bytes.end.max(value.bytes.start + 1));
                    let location = match written {
                        Some(start) => {
                            Location::from_bytes(self.source, start..start + c.len_utf8())
                        }
                        None => value,
                    };
                    let what = if hidden::reorders(c) {
                        "it changes the order in which the text around it is shown, so the notice would read differently from what is written here"
                    } else {
                        "it is invisible, and can hide inside words and numbers"
                    };
                    let before: String = text[..at]
                        .chars()
                        .rev()
                        .take(20)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let message = format!(
                        "line {}: this {key} contains {name} (U+{:04X}) after \"{}\": {what}",
                        location.line,
                        u32::from(c),
                        before.trim_start()
                    );
                    let problem = self.diagnostic(message);
                    self.diagnostics.push(
                        problem.field(path.as_str()).at(&location).hint(
                            "delete the character: retype the words around it, or paste the text as plain text",
                        ),
                    );
                }
                Value::Mapping(_)
                    if key == "translations" || parent.starts_with("translations") =>
                {
                    self.hidden_guard(item, &path);
                }
                _ => {}
            }
        }
    }

    /// The location of `text` inside the value of `path`, or of the value itself.
    fn locate_text(&self, path: &str, text: &str) -> Location {
        let value = self.spans.value(path).unwrap_or_else(|| self.start());
        match self.source[value.bytes.start..].find(text) {
            Some(offset) => {
                let start = value.bytes.start + offset;
                Location::from_bytes(self.source, start..start + text.len())
            }
            None => value,
        }
    }
}

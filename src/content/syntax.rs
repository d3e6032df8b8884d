//! A YAML syntax error, told in plain words: what is wrong, where it started (the
//! opening quote or bracket, the second copy of a field) and how to fix it. The people
//! who write records are not YAML experts, and the parser's own words ("did not find
//! expected key") do not say what to do.

use super::yaml::SyntaxError;
use crate::diagnostics::{Diagnostic, Location};

/// The problem `error` describes, on `file`.
pub fn problem(file: &str, source: &str, error: &SyntaxError) -> Diagnostic {
    let explained = explain(source, error);
    let on_line = explained
        .line
        .map(|line| Location::from_line_column(source, line, 1, 3));
    let location = explained.at.or(on_line.as_ref()).unwrap_or(&error.location);
    Diagnostic::error(
        file,
        format!("this file is not valid YAML: {}", explained.message),
    )
    .at(location)
    .hint(explained.hint)
}

struct Explained<'a> {
    message: String,
    /// Where to point, when not where the parser stopped.
    at: Option<&'a Location>,
    hint: String,
    /// The line to point at instead, when there is no location to point at.
    line: Option<usize>,
}

const INDENT_HINT: &str = "check the indenting of this line and the one above it; every field of a group is indented by the same number of spaces";

fn explain<'a>(source: &str, error: &'a SyntaxError) -> Explained<'a> {
    let line = line_of(source, error.location.line);
    let (context, opened) = match &error.context {
        Some((what, at)) => (what.as_str(), at.as_ref()),
        None => ("", None),
    };
    let message = error.message.as_str();
    let plain = |message: &str, at: Option<&'a Location>, hint: &str| Explained {
        message: message.to_string(),
        at,
        hint: hint.to_string(),
        line: None,
    };

    if message.contains("control characters are not allowed") {
        let start = error.location.bytes.start.min(source.len());
        let code = source[start..]
            .chars()
            .next()
            .map_or_else(String::new, |c| format!(" (U+{:04X})", u32::from(c)));
        return plain(
            &format!("this text holds an invisible control character{code}, which YAML does not allow"),
            None,
            "delete the character at the marked place: such characters often come with text pasted from another program or a PDF. If you cannot see it, delete and retype the text around it",
        );
    }
    if message.contains("tab character") || tab_indented_near(source, error.location.line) {
        return plain(
            "a tab character is used for indenting",
            None,
            "YAML does not allow tab characters for indenting: indent with spaces only",
        );
    }
    if message.contains("nested more than") {
        return plain(
            message,
            None,
            "a record has at most a few levels of lists and groups: look for brackets [ or { that are never closed, or a file that is not a record",
        );
    }
    if message.contains("more than one document") {
        let separator = source
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, line)| line.trim_end() == "---");
        return Explained {
            line: separator.map(|(number, _)| number + 1),
            ..plain(
                "this file holds more than one record: a `---` line starts another",
                None,
                "keep one record a file: delete the `---` line, or move what follows it into a file of its own",
            )
        };
    }
    if message.contains("duplicate entry with key") && error.duplicate.is_none() {
        return plain(
            "a field is given twice in the same group",
            None,
            "keep one of them and delete the other (a record has each field once)",
        );
    }
    if let Some((key, second)) = &error.duplicate {
        return plain(
            &format!("`{key}` is given twice in the same group; this is the second one"),
            Some(second),
            &format!("keep one `{key}:` and delete the other (a record has each field once; several updates go in one `updates:` list)"),
        );
    }
    if context.contains("quoted scalar") {
        let quote = opened.and_then(|at| source[at.bytes.start..].chars().next());
        let opening_line = opened.map_or(line, |at| line_of(source, at.line));
        if let Some(curly) = opening_line.chars().find(|c| CURLY_QUOTES.contains(c)) {
            return plain(
                &format!("this text ends with a curly quotation mark `{curly}`, which does not close the straight one it opens with"),
                opened,
                "type a straight quotation mark (\") at the end of the text, or leave out the quotation marks around it. Word processors turn quotation marks curly; paste as plain text",
            );
        }
        return plain(
            "the quotation mark that opens this text is never closed",
            opened,
            &quote_hint(quote.unwrap_or('"')),
        );
    }
    if context.contains("flow sequence") {
        return plain(
            "the list opened with `[` here is not closed with `]`",
            opened,
            "end the list with `]` on the same line, for example data: [student_name, grades]",
        );
    }
    if context.contains("flow mapping") {
        return plain(
            "the group opened with `{` here is not closed with `}`",
            opened,
            "end the group with `}` on the same line, or write each field on its own line, indented under the group's name",
        );
    }
    if let Some(quote) = text_after_closing_quote(line) {
        return plain(
            "the quotation marks around this text close too early, and more text follows them",
            None,
            &quote_hint(quote),
        );
    }
    if let Some(hint) = colon_in_value(line) {
        return plain(
            "the text contains \": \", which YAML reads as the start of another field",
            None,
            &hint,
        );
    }
    if message.contains("block sequence entries are not allowed") {
        return plain(
            "a list cannot start on the same line as its field",
            None,
            "put each item on its own line, indented under the field (data: then   - ssn on the next line), or write the list in brackets: data: [ssn, grades]",
        );
    }
    if let Some(explained) = colon_without_space(source, error.location.line) {
        return explained;
    }
    if message.contains("could not find expected ':'") {
        return plain(
            "this line has no `:` after the field's name",
            opened,
            "write each field as name: value. A text that goes on over several lines needs `|` after the field's name, with every line of the text indented under it",
        );
    }
    if message.contains("cannot start any token") {
        let found = source[error.location.bytes.start..].chars().next();
        return plain(
            &format!(
                "a value cannot start with `{}`",
                found.map_or_else(String::new, String::from)
            ),
            None,
            "put the value in quotes, for example title: \"@home login page\"",
        );
    }
    if line.trim_start().starts_with("- ") && message.contains("expected key") {
        return plain(
            "this list item is not under a field",
            None,
            "put list items under their field's name, each on its own line starting with \"- \", indented by two spaces",
        );
    }
    if message.contains("mapping values are not allowed") || message.contains("expected key") {
        return plain(
            "this line is not indented like the fields around it",
            None,
            INDENT_HINT,
        );
    }
    if message.contains("end of stream") {
        return plain(
            "the file ends in the middle of a value",
            None,
            "check that every quotation mark and bracket is closed, and that the file was saved completely",
        );
    }
    plain(message, None, INDENT_HINT)
}

const CURLY_QUOTES: [char; 4] = ['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}'];

/// `status:active` and `status:` followed by a no-break space, on the reported line or the
/// one above it: YAML needs an ordinary space after the colon.
fn colon_without_space(source: &str, line: usize) -> Option<Explained<'static>> {
    [line, line.saturating_sub(1)].iter().find_map(|&n| {
        let text = line_of(source, n);
        let trimmed = text.trim_start();
        let colon = trimmed.find(':')?;
        let name = &trimmed[..colon];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let after = trimmed[colon + 1..].chars().next()?;
        let (message, hint) = if after == '\u{A0}' || after == '\u{202F}' {
            (
                format!("the space after `{name}:` is a no-break space, which YAML does not read as a space"),
                "delete it and type an ordinary space: no-break spaces often come with text pasted from Word or a web page".to_string(),
            )
        } else if !after.is_whitespace() && after != ':' {
            let value = trimmed[colon + 1..].trim_end();
            (
                format!("there is no space after the colon in `{name}:{value}`"),
                format!("write `{name}: {value}`: YAML needs a space after the colon"),
            )
        } else {
            return None;
        };
        Some(Explained {
            message,
            at: None,
            hint,
            line: Some(n),
        })
    })
}

fn line_of(source: &str, line: usize) -> &str {
    source.lines().nth(line.saturating_sub(1)).unwrap_or("")
}

/// Whether line `line` or the one above it is indented with a tab (a tab elsewhere, as
/// inside a `|` text, is not the problem).
fn tab_indented_near(source: &str, line: usize) -> bool {
    [line.saturating_sub(1), line]
        .iter()
        .any(|&n| line_of(source, n).trim_start_matches(' ').starts_with('\t'))
}

fn quote_hint(quote: char) -> String {
    if quote == '\'' {
        "end the text with the quotation mark it starts with. Inside text in single quotes, write an apostrophe as two: 'the district''s portal'; or put the text in double quotes: \"the district's portal\"".to_string()
    } else {
        "end the text with the quotation mark it starts with. To use quotation marks inside the text, put the whole text in single quotes: 'the \"Parent Portal\" app'".to_string()
    }
}

/// For `title: 'Parent's portal'`: the value starts with a quote that closes before the
/// end of the value, and more text follows. Returns the quote.
fn text_after_closing_quote(line: &str) -> Option<char> {
    let (_, value) = line.split_once(": ")?;
    let value = value.trim();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &value[1..];
    let close = inner.find(quote)?;
    let after = inner[close + 1..].trim();
    (!after.is_empty() && !after.starts_with('#')).then_some(quote)
}

/// For `summary: Update: all accounts reset`: the hint to quote the value.
fn colon_in_value(line: &str) -> Option<String> {
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    if !value.contains(": ") || value.starts_with(['"', '\'']) {
        return None;
    }
    Some(format!(
        "put a value that itself contains \": \" in quotes: {}: \"{}\"",
        key.trim_end(),
        value.replace('"', "\\\"")
    ))
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;

    fn explained(source: &str) -> (String, usize, usize, String) {
        let error = yaml::parse(source).expect_err("a syntax error");
        let problem = problem("x.yaml", source, &error);
        (
            problem.message.clone(),
            problem.line,
            problem.column,
            problem.hint.clone().unwrap_or_default(),
        )
    }

    #[test]
    fn each_common_mistake_is_told_in_plain_words_where_it_starts() {
        let cases: &[(&str, &str, (usize, usize), &str)] = &[
            (
                "title: x\nsummary: pasted\u{1}text\n",
                "invisible control character (U+0001)",
                (2, 16),
                "text pasted from another program",
            ),
            (
                "title: x\n\tsummary: pasted\u{1}text\n",
                "invisible control character (U+0001)",
                (2, 17),
                "text pasted from another program",
            ),
            (
                "title: \"Unclosed\nsummary: x\n",
                "quotation mark that opens this text is never closed",
                (1, 8),
                "put the whole text in single quotes",
            ),
            (
                "title: x\nsummary: 'unclosed\n\nstatus: active\n",
                "never closed",
                (2, 10),
                "write an apostrophe as two",
            ),
            (
                "title: 'Parent's portal'\n",
                "close too early",
                (1, 16),
                "'the district''s portal'",
            ),
            (
                "title: x\ndata: [ssn, grades\nsummary: y\n",
                "list opened with `[` here is not closed",
                (2, 7),
                "data: [student_name, grades]",
            ),
            (
                "title: x\naffected: {count: 1\n",
                "group opened with `{`",
                (2, 11),
                "`}`",
            ),
            (
                "title: x\naffected:\n  count: 3\naffected:\n  groups: [students]\n",
                "`affected` is given twice",
                (4, 1),
                "keep one `affected:`",
            ),
            (
                "updates:\n  - date: 2025-01-01\n    text: a\n    text: b\n",
                "`text` is given twice",
                (4, 5),
                "delete the other",
            ),
            (
                "title: x\nsummary: Update: all reset\n",
                "contains \": \"",
                (2, 16),
                "summary: \"Update: all reset\"",
            ),
            (
                "title: x\ndata: - ssn\n",
                "cannot start on the same line",
                (2, 7),
                "data: [ssn, grades]",
            ),
            (
                "title: x\nstatus:active\nsummary: y\n",
                "no space after the colon in `status:active`",
                (2, 1),
                "write `status: active`",
            ),
            (
                "title: x\nstatus:\u{a0}active\nsummary: y\n",
                "the space after `status:` is a no-break space",
                (2, 1),
                "type an ordinary space",
            ),
            (
                "title: x\ndescription: \"The gradebook was open\u{201D}\ninvestigation: y\nsummary: z\n",
                "ends with a curly quotation mark `\u{201D}`",
                (2, 14),
                "straight quotation mark",
            ),
            (
                "title: x\nsummary\nstatus: active\n",
                "no `:` after the field's name",
                (2, 1),
                "name: value",
            ),
            (
                "title: x\ndescription: |\nNot indented\n",
                "no `:`",
                (3, 1),
                "`|`",
            ),
            (
                "title: @home\n",
                "cannot start with `@`",
                (1, 8),
                "in quotes",
            ),
            (
                "title: x\naffected:\n  count: 3\n   groups: [students]\n",
                "not indented like the fields around it",
                (4, 10),
                "indented by the same number of spaces",
            ),
            (
                "title: x\n- item\n",
                "list item is not under a field",
                (2, 1),
                "two spaces",
            ),
            (
                "title: x\n\tsummary: y\n",
                "tab character",
                (2, 1),
                "spaces only",
            ),
            (
                &format!("title: {}\n", "[".repeat(200)),
                "nested more than 128 levels",
                (1, 136),
                "never closed",
            ),
            (
                "\"1\": a\n1: b\ntitle: x\ntitle: y\n",
                "`title` is given twice",
                (4, 1),
                "keep one `title:`",
            ),
            (
                "description: |\n  Steps:\n  \t1. reset\nsummary: \"unclosed\n",
                "quotation mark that opens this text is never closed",
                (4, 10),
                "single quotes",
            ),
            (
                "title: one\n---\ntitle: two\n",
                "more than one record",
                (2, 1),
                "delete the `---` line",
            ),
        ];
        for (source, message, (line, column), hint) in cases {
            let (found, at_line, at_column, found_hint) = explained(source);
            assert!(found.contains(message), "{source:?}: {found}");
            assert!(
                found.starts_with("this file is not valid YAML: "),
                "{found}"
            );
            assert_eq!(
                (at_line, at_column),
                (*line, *column),
                "{source:?}: {found}"
            );
            assert!(found_hint.contains(hint), "{source:?}: {found_hint}");
            for jargon in ["scalar", "stream", "mapping", "token", "expected key"] {
                assert!(!found.contains(jargon), "{source:?}: {found}");
            }
        }
    }
}

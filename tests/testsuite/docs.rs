//! The documentation stays true to the program.
//!
//! - The field table of the staff guide (`docs/staff.md`) lists exactly the fields of an
//!   incident record. The fields are read from `breachpage schema`, which is generated
//!   from the loader's own field table, so a field added to (or removed from) the loader
//!   fails here until the guide says so.
//! - Every file or folder of the repository that the README or the guide names, and every
//!   relative link between them, exists.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The JSON Schema of a record, as `breachpage schema` prints it.
fn schema() -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_breachpage"))
        .arg("schema")
        .output()
        .expect("breachpage schema runs");
    assert!(output.status.success(), "breachpage schema failed");
    serde_json::from_slice(&output.stdout).expect("breachpage schema prints JSON")
}

/// Collects the field paths under `node` into `out` (path → is it a leaf), and says
/// whether `node` has fields of its own. Groups are joined with dots (`contractor.name`),
/// each entry of a list is `[]` (`updates[].date`), and a field named freely by the
/// writer, such as a language code, is `*` (`translations.*.title`). Alternatives
/// (`occurred` is a group or `unknown`) are walked through.
fn walk(node: &Value, path: &str, out: &mut BTreeMap<String, bool>) -> bool {
    let join = |name: &str| {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    let mut has_fields = false;
    let named = node.get("properties").and_then(Value::as_object);
    let free = node.get("patternProperties").and_then(Value::as_object);
    let children = named
        .into_iter()
        .flat_map(|m| m.iter().map(|(k, v)| (k.clone(), v)))
        .chain(
            free.into_iter()
                .flat_map(|m| m.values().map(|v| ("*".to_string(), v))),
        );
    for (name, child) in children {
        let child_path = join(&name);
        let inner = walk(child, &child_path, out);
        let leaf = out.get(&child_path).copied().unwrap_or(true) && !inner;
        out.insert(child_path, leaf);
        has_fields = true;
    }
    if let Some(items) = node.get("items") {
        has_fields |= walk(items, &format!("{path}[]"), out);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        for alternative in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            has_fields |= walk(alternative, path, out);
        }
    }
    has_fields
}

/// The field paths of a record: path → whether it is a leaf (not a group of fields).
fn record_fields() -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    walk(&schema(), "", &mut out);
    assert!(
        out.contains_key("title") && out.contains_key("contractor.name"),
        "the schema's fields could not be read: {out:?}"
    );
    out
}

/// The field paths named in the first column of the table headed `| field |` in `text`:
/// every `code` span of that column (a row may name several).
fn table_fields(text: &str) -> Vec<String> {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("| field |"));
    assert!(lines.next().is_some(), "no table headed `| field |`");
    let mut fields = Vec::new();
    for line in lines.skip(1) {
        let line = line.trim();
        if !line.starts_with('|') {
            break;
        }
        let first = line[1..].split('|').next().unwrap_or_default();
        fields.extend(first.split('`').skip(1).step_by(2).map(str::to_string));
    }
    fields
}

/// Whether the table's `written` path names the record's `actual` path: a segment in
/// angle brackets (`notified.<obligation>`, `translations.<language>`) stands for any name.
fn names(written: &str, actual: &str) -> bool {
    let written: Vec<&str> = written.split('.').collect();
    let actual: Vec<&str> = actual.split('.').collect();
    written.len() == actual.len()
        && written.iter().zip(&actual).all(|(w, a)| {
            let wild = w.starts_with('<') && (w.ends_with('>') || w.ends_with(">[]"));
            if wild {
                w.ends_with("[]") == a.ends_with("[]")
            } else {
                w == a
            }
        })
}

#[test]
fn the_staff_guide_field_table_lists_exactly_the_fields_of_a_record() {
    let guide = repo().join("docs/staff.md");
    let table = table_fields(&read(&guide));
    let fields = record_fields();

    let missing: Vec<&String> = fields
        .iter()
        .filter(|(path, leaf)| **leaf && !table.iter().any(|row| names(row, path)))
        .map(|(path, _)| path)
        .collect();
    let unknown: Vec<&String> = table
        .iter()
        .filter(|row| !fields.keys().any(|path| names(row, path)))
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let twice: Vec<&String> = table.iter().filter(|row| !seen.insert(*row)).collect();

    assert!(
        missing.is_empty() && unknown.is_empty() && twice.is_empty(),
        "docs/staff.md's field table and the record's fields (breachpage schema) differ.\n\
         Fields of a record that the table lacks: {missing:?}\n\
         Fields in the table that a record does not have: {unknown:?}\n\
         Fields the table lists twice: {twice:?}"
    );
}

#[test]
fn the_table_reader_reads_groups_lists_and_free_names() {
    let schema = serde_json::json!({
        "type": "object",
        "properties": {
            "title": { "type": "string" },
            "occurred": { "oneOf": [
                { "type": "object", "properties": { "from": {}, "to": {} } },
                { "const": "unknown" }
            ] },
            "updates": { "type": "array", "items": {
                "type": "object", "properties": { "date": {}, "text": {} }
            } },
            "pii_allow": { "type": "array", "items": { "type": "string" } },
            "translations": { "type": "object", "patternProperties": {
                "^[a-z]{2,3}$": { "type": "object", "properties": { "title": {} } }
            } }
        }
    });
    let mut out = BTreeMap::new();
    walk(&schema, "", &mut out);
    let leaves: Vec<&str> = out
        .iter()
        .filter(|(_, leaf)| **leaf)
        .map(|(path, _)| path.as_str())
        .collect();
    assert_eq!(
        leaves,
        [
            "occurred.from",
            "occurred.to",
            "pii_allow",
            "title",
            "translations.*.title",
            "updates[].date",
            "updates[].text"
        ]
    );
    assert_eq!(out.get("occurred"), Some(&false));
    assert!(names(
        "translations.<language>.title",
        "translations.*.title"
    ));
    assert!(names("notified.<obligation>", "notified.individuals"));
    assert!(!names("notified.<obligation>", "notified"));
    assert!(!names("contractor.name", "contractor.notified_district"));

    let table = "| field | required |\n| --- | --- |\n| `a`, `b.c` | yes |\n| `d` | `no` |\n\nafter\n| `e` |";
    assert_eq!(table_fields(table), ["a", "b.c", "d"]);
}

/// README.md and every Markdown file under docs/.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md")];
    let mut folders = vec![repo().join("docs")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("docs/ exists").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Folders of the repository whose paths the docs name.
const REPO_FOLDERS: &[&str] = &[
    "src/",
    "tests/",
    "themes/",
    "examples/",
    "scripts/",
    "fuzz/",
    "docs/",
    ".ci/",
];

/// Paths the docs name that a run creates, so they are not in the repository.
const MADE_BY_A_RUN: &[&str] = &[
    "tests/browser/screenshots/",
    "tests/browser/node_modules/",
    "fuzz/artifacts/",
];

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// `text` without its fenced code blocks.
fn prose(text: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn anchors(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            out.push(anchor(line.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn every_path_and_link_in_the_docs_exists() {
    let root = repo();
    let mut problems = Vec::new();
    for doc in documents() {
        let text = read(&doc);
        let name = doc
            .strip_prefix(&root)
            .unwrap_or(&doc)
            .display()
            .to_string();
        // `code` spans (outside fenced blocks) that name a path in the repository.
        for span in prose(&text).split('`').skip(1).step_by(2) {
            let path = span.trim_end_matches(['.', ',']);
            let plain = !path.contains(['*', '<', ' ', '…']) && !path.contains("...");
            if plain
                && REPO_FOLDERS.iter().any(|f| path.starts_with(f))
                && !MADE_BY_A_RUN.iter().any(|f| path.starts_with(f))
                && !root.join(path).exists()
            {
                problems.push(format!("{name}: `{path}` is not in the repository"));
            }
        }
        // Relative links: [text](path#anchor).
        let body = prose(&text);
        for (i, _) in body.match_indices("](") {
            let rest = &body[i + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = &rest[..end];
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
            let linked = if file.is_empty() {
                doc.clone()
            } else {
                doc.parent().unwrap_or(&root).join(file)
            };
            if !linked.exists() {
                problems.push(format!("{name}: link to {target}: no such file"));
            } else if !fragment.is_empty()
                && linked.extension().is_some_and(|e| e == "md")
                && !anchors(&read(&linked)).iter().any(|a| a == fragment)
            {
                problems.push(format!("{name}: link to {target}: no such heading"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

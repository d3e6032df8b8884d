//! Text that is not what it seems: personal data pasted from Word or a PDF, the texts
//! outside the records (`content/_index.md`, `site.toml`), characters that reorder or
//! hide text, control characters in the feed, and file names that would drive the
//! terminal. Each test reproduces a hole of issue 13.

use crate::common::{Site, TODAY};
use serde_json::Value;

const RECORD: &str = "content/incidents/2026-11-10-incident.yaml";

/// A complete, valid active record; `title`, `summary` and `description` as given (YAML).
fn record(title: &str, summary: &str, description: &str) -> String {
    format!(
        "title: {title}
status: active
published: 2026-11-12
summary: {summary}
discovered: 2026-11-09
occurred:
  from: 2026-11-01
  to: 2026-11-08
data: [student_name, grades]
affected:
  count: 30
  groups: [students, parents]
description: {description}
investigation: We are investigating with a forensic firm.
"
    )
}

fn ny_site(record_text: &str) -> Site {
    let site = Site::new("compliance-ny");
    site.write(RECORD, record_text);
    site
}

fn errors(json: &Value) -> Vec<&Value> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect()
}

fn text(d: &Value, key: &str) -> String {
    d[key].as_str().unwrap_or_default().to_string()
}

/// SSNs and card numbers as Word and PDFs write them: Unicode dashes, no-break and thin
/// spaces, Markdown escapes, HTML entities, zero-width characters. Each is caught on its
/// own field and line; numbers that only look alike are not.
#[test]
fn personal_data_pasted_from_word_or_a_pdf_is_caught() {
    let cases = [
        ("123\u{2011}45\u{2011}6789", "non-breaking hyphens"),
        ("123\u{2013}45\u{2013}6789", "en dashes"),
        ("123\u{2212}45\u{2212}6789", "minus signs"),
        ("123\u{A0}45\u{A0}6789", "no-break spaces"),
        ("123\u{2009}45\u{2009}6789", "thin spaces"),
        ("123.45.6789", "dots"),
        ("123\t45\t6789", "a tab"),
        ("123  45  6789", "double spaces"),
        ("123\\-45\\-6789", "Markdown escapes"),
        ("123&#45;45&#45;6789", "HTML entities"),
        ("123&ndash;45&ndash;6789", "named HTML entities"),
        ("12\u{200B}3-45-6789", "a zero-width space"),
        (
            "4111\u{A0}1111\u{A0}1111\u{A0}1111",
            "a card with no-break spaces",
        ),
    ];
    for (number, why) in cases {
        let description = format!(
            "|\n  An unauthorized person viewed records.\n\n  One of them, {number}, was copied."
        );
        let site = ny_site(&record(
            "Records viewed",
            "Someone viewed records.",
            &description,
        ));
        let (code, json) = site.check_json();
        assert_eq!(code, 1, "{why}: {json:#}");
        let found = errors(&json);
        assert_eq!(found.len(), 1, "{why}: {json:#}");
        assert_eq!(text(found[0], "file"), RECORD, "{why}");
        assert_eq!(text(found[0], "field"), "description", "{why}");
        assert_eq!(found[0]["line"].as_u64(), Some(16), "{why}: {json:#}");
    }
}

#[test]
fn numbers_that_only_look_like_personal_data_are_accepted() {
    let description = "|\n  The laptop (IMEI 356938035643809) was found on 2026-11-09 in room 412.\n  Call 1-800-771-7755 or (914) 555-0142 and cite case 2025-CV-04123.\n  Rows 412 38 2025 of the 2025 report; 12,840 people in 1999 2000 2001.";
    let site = ny_site(&record(
        "Laptop stolen",
        "A laptop was stolen.",
        description,
    ));
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
}

/// `content/_index.md` and its translations are published on every index page: they are
/// scanned like records, and the error points at the file and line.
#[test]
fn personal_data_in_the_process_text_and_its_translation_is_caught() {
    let site = Site::new("bilingual");
    site.build_on(TODAY);
    let before = site.outputs();
    site.write(
        "content/_index.md",
        "# How we notify\n\nWe post notices here.\n\nAsk for SSN&nbsp;123&#45;45&#45;6789.\n",
    );
    site.write(
        "content/_index.es.md",
        "# Cómo notificamos\n\nTarjeta 4111\u{2009}1111\u{2009}1111\u{2009}1111.\n",
    );
    let (code, json) = site.check_json();
    assert_eq!(code, 1, "{json:#}");
    let found = errors(&json);
    let places: Vec<(String, Option<u64>)> = found
        .iter()
        .map(|d| (text(d, "file"), d["line"].as_u64()))
        .collect();
    assert_eq!(
        places,
        [
            ("content/_index.es.md".to_string(), Some(3)),
            ("content/_index.md".to_string(), Some(5)),
        ],
        "{json:#}"
    );
    assert!(text(found[1], "message").contains("Social Security number"));
    assert!(text(found[0], "message").contains("payment card number"));
    let run = site.run(&["build", "--today", TODAY]).expect_code(1);
    assert!(
        run.stderr.contains("content/_index.md:5:"),
        "{}",
        run.stderr
    );
    assert_eq!(site.outputs(), before, "the published site is unchanged");
}

/// Every text of site.toml is published (contacts on every page); none may hold one.
#[test]
fn personal_data_in_site_toml_is_caught() {
    let site = Site::new("compliance-ny");
    site.edit(
        "site.toml",
        "name = \"Robin Lee\"",
        "name = \"Robin Lee\"\naddress = \"12 Main St. (SSN 078\u{2013}05\u{2013}1120)\"",
    );
    let run = site.run(&["check", "--today", TODAY]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("site.toml:13:"), "{}", run.stderr);
    assert!(run.stderr.contains("contact.address"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Social Security number"),
        "{}",
        run.stderr
    );
}

/// A right-to-left override or a zero-width character in a title or summary makes the
/// notice read differently from the record: refused, naming the line and the character.
#[test]
fn titles_and_summaries_with_hidden_characters_are_refused() {
    let cases = [
        (
            record(
                "\"Notice \u{202E}3202 hcraM\"",
                "Someone viewed records.",
                "Viewed.",
            ),
            "title",
            1,
            "right-to-left override (U+202E)",
        ),
        (
            record(
                "Records viewed",
                "\"Some\u{200B}one viewed records.\"",
                "Viewed.",
            ),
            "summary",
            4,
            "zero-width space (U+200B)",
        ),
        (
            record(
                "\"Records \u{2066}viewed\u{2069}\"",
                "Someone viewed records.",
                "Viewed.",
            ),
            "title",
            1,
            "left-to-right isolate (U+2066)",
        ),
        (
            format!(
                "{}translations:\n  es:\n    title: \"Registros\u{FEFF} vistos\"\n",
                record("Records viewed", "Someone viewed records.", "Viewed.")
            ),
            "translations.es.title",
            17,
            "byte-order mark",
        ),
    ];
    for (source, field, line, name) in cases {
        let site = ny_site(&source);
        let (code, json) = site.check_json();
        assert_eq!(code, 1, "{field}: {json:#}");
        let found = errors(&json);
        assert_eq!(found.len(), 1, "{json:#}");
        assert_eq!(text(found[0], "field"), field, "{json:#}");
        assert_eq!(found[0]["line"].as_u64(), Some(line), "{json:#}");
        let message = text(found[0], "message");
        assert!(message.contains(name), "{message}");
        assert!(message.contains(&format!("line {line}")), "{message}");
    }
}

/// Control characters (YAML escapes such as `\e` and `\a`) cannot make `feed.xml`
/// ill-formed: it is parsed with an XML parser.
#[test]
fn control_characters_do_not_break_the_feed() {
    let site = ny_site(&record(
        "\"Records\\e[31m viewed\\a\\x01\"",
        "\"Someone\\x0b viewed\\0 records.\\uFFFE\"",
        "Viewed.",
    ));
    site.build_on(TODAY);
    let feed = site.out("feed.xml");
    let document = roxmltree::Document::parse(&feed)
        .unwrap_or_else(|error| panic!("feed.xml is not well-formed XML: {error}\n{feed}"));
    let entry_titles: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .flat_map(|entry| entry.children().filter(|n| n.has_tag_name("title")))
        .map(|title| title.text().unwrap_or_default().to_string())
        .collect();
    assert_eq!(entry_titles, ["Records[31m viewed"]);
    let summary = document
        .descendants()
        .find(|n| n.has_tag_name("summary"))
        .and_then(|n| n.text())
        .unwrap_or_default();
    assert_eq!(summary, "Someone viewed records.");
    let page = site.out("index.html");
    assert!(!page.contains('\u{1b}') && !page.contains('\u{7}'));
}

/// A file name with terminal escape sequences (a record saved as
/// `…\e]0;…\a.yaml`) is shown escaped, never sent to the terminal.
#[test]
fn file_names_in_messages_cannot_drive_the_terminal() {
    let site = ny_site(&record(
        "Records viewed",
        "Someone viewed records.",
        "Viewed.",
    ));
    site.write(
        "content/incidents/2026-11-11-\u{1b}]0;owned\u{7}\u{1b}[2J.yaml",
        "title: [broken\n",
    );
    let run = site.run(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "{:?}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2026-11-11-\\u{1b}]0;owned\\u{7}\\u{1b}[2J.yaml"),
        "{}",
        run.stderr
    );
}

//! Malformed input of every kind: each must end in a clear error naming the file (exit 1,
//! or 2 for site.toml), within bounded time and memory, leaving the site published
//! before exactly as it was. Every case starts from a good site built once.
//!
//! Each build runs under a 512 MB data limit and a 60-second timeout (`ulimit -d`,
//! `timeout`), so a case that would hang or swallow memory fails instead of stalling the
//! suite. The large inputs are generated here, never committed.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{run, Run, Site, Tree, TODAY};

const FIXTURE: &str = "full-ny";
/// A record of the fixture, to truncate and corrupt.
const RECORD: &str = "content/incidents/2025-06-02-library-app.yaml";
const DATA_LIMIT_KB: u64 = 512 * 1024;
const TIMEOUT_SECONDS: u64 = 60;
/// Far below the timeout: every case here takes milliseconds.
const EXPECTED_WITHIN: Duration = Duration::from_secs(20);

/// A site built once, with its published output recorded.
fn built_site() -> (Site, Tree) {
    let site = Site::new(FIXTURE);
    site.build().success();
    let before = site.outputs();
    assert!(before.contains_key("index.html"));
    (site, before)
}

/// `breachpage --root <root> ARGS` under the data limit and the timeout.
fn bounded(site: &Site, args: &[&str]) -> (Run, Duration) {
    let binary = assert_cmd::cargo::cargo_bin("breachpage");
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.current_dir(site.tmp())
        .env_remove("BREACHPAGE_TODAY")
        .arg("-c")
        .arg(format!(
            "ulimit -d {DATA_LIMIT_KB} && exec timeout {TIMEOUT_SECONDS} \"$@\""
        ))
        .arg("sh")
        .arg(binary)
        .arg("--root")
        .arg(&site.root)
        .args(args);
    let started = Instant::now();
    let outcome = run(&mut cmd);
    (outcome, started.elapsed())
}

/// Builds again and checks the refusal: exit `code`, a report naming `file` and saying
/// each of `says`, the previous output untouched, no staging folder left, quickly.
#[track_caller]
fn assert_refused(site: &Site, before: &Tree, code: i32, file: &str, says: &[&str]) -> Run {
    let (outcome, took) = bounded(site, &["build", "--today", TODAY]);
    assert_ne!(
        outcome.code, 124,
        "the build did not finish within the timeout"
    );
    assert_eq!(
        outcome.code, code,
        "exit status\n--- stderr\n{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("panicked"), "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains(file),
        "the report names {file}:\n{}",
        outcome.stderr
    );
    for words in says {
        assert!(
            outcome.stderr.contains(words),
            "the report says {words:?}:\n{}",
            outcome.stderr
        );
    }
    assert!(took < EXPECTED_WITHIN, "took {took:?}");
    assert_eq!(&site.outputs(), before, "the published site is unchanged");
    assert_eq!(site.leftovers(), Vec::<String>::new());
    outcome
}

fn write_bytes(site: &Site, relative: &str, bytes: &[u8]) {
    let path = site.path(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

/// Deterministic bytes that are not text: every byte value, shuffled.
fn junk(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x2545_f491;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn truncated_records_are_reported_and_never_half_published() {
    let (site, before) = built_site();
    let record = site.read(RECORD);
    let mut refused = 0;
    // Cut inside a key, a value, a date, a list and the block text, and at every tenth.
    let cuts: Vec<usize> = [
        "stat",
        "published: 2025-0",
        "summary: For two",
        "data: [student",
    ]
    .iter()
    .map(|needle| record.find(needle).unwrap() + needle.len())
    .chain((1..10).map(|tenth| record.len() * tenth / 10))
    .collect();
    for cut in cuts {
        let cut = (0..=cut)
            .rev()
            .find(|i| record.is_char_boundary(*i))
            .unwrap();
        site.write(RECORD, &record[..cut]);
        let (outcome, took) = bounded(&site, &["check", "--today", TODAY]);
        assert!(took < EXPECTED_WITHIN, "took {took:?}");
        assert!(
            outcome.code == 1,
            "a record cut after {cut} bytes is refused\n{}",
            outcome.stderr
        );
        assert!(outcome.stderr.contains(RECORD), "{}", outcome.stderr);
        refused += 1;
    }
    assert!(refused >= 10);
    // And a build with one of them changes nothing.
    site.write(RECORD, &record[..record.len() / 2]);
    assert_refused(&site, &before, 1, RECORD, &["error"]);
}

#[test]
fn binary_junk_is_not_text() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-junk.yaml";
    write_bytes(&site, file, &junk(4096));
    assert_refused(&site, &before, 1, file, &["not UTF-8 text"]);
}

#[test]
fn control_characters_and_nul_bytes_are_a_yaml_error() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-control.yaml";
    site.write(file, "title: a\u{0}b\u{7}c\nstatus: active\n");
    assert_refused(&site, &before, 1, file, &["not valid YAML"]);
}

#[test]
fn bytes_that_are_not_utf8_are_located_by_line() {
    let (site, before) = built_site();
    let mut bytes = site.read(RECORD).into_bytes();
    let third_line = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap();
    bytes.splice(
        third_line..third_line,
        b"summary: caf\xe9 \xff\xfe\n".iter().copied(),
    );
    write_bytes(&site, RECORD, &bytes);
    assert_refused(
        &site,
        &before,
        1,
        &format!("{RECORD}:3:1"),
        &["not UTF-8 text"],
    );
}

#[test]
fn huge_numbers_and_impossible_dates_are_errors() {
    let (site, before) = built_site();
    let record = site.read(RECORD);
    let cases = [
        ("count: 87", "count: 99999999999999999999999999999999"),
        ("count: 87", "count: 1e400"),
        ("count: 87", "count: -87"),
        ("published: 2025-06-05", "published: 99999-06-05"),
        ("published: 2025-06-05", "published: 2025-02-30"),
        ("discovered: 2025-06-02", "discovered: 2025-06-02T25:61"),
    ];
    for (from, to) in cases {
        assert!(record.contains(from), "{from}");
        site.write(RECORD, &record.replacen(from, to, 1));
        assert_refused(&site, &before, 1, RECORD, &["error"]);
    }
}

#[test]
fn a_huge_identity_protection_offer_is_handled() {
    let (site, before) = built_site();
    let record = site.read(RECORD);
    site.write(
        RECORD,
        &format!(
            "{record}identity_protection:\n  months: 99999999999999\n  service: monitoring\n  how_to_enroll: Call us.\n"
        ),
    );
    assert_refused(&site, &before, 1, RECORD, &["months"]);
}

#[test]
fn deeply_nested_lists_are_refused_quickly() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-deep.yaml";
    let depth = 200_000;
    site.write(
        file,
        &format!("title: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    );
    assert_refused(
        &site,
        &before,
        1,
        file,
        &["nested more than 128 levels deep"],
    );
}

#[test]
fn deeply_nested_groups_are_refused() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-indented.yaml";
    let mut text = String::new();
    for level in 0..300 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    site.write(file, &text);
    assert_refused(&site, &before, 1, file, &["recursion limit exceeded"]);
}

#[test]
fn aliases_that_expand_to_millions_of_nodes_are_refused() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-laughs.yaml";
    // "Billion laughs": nine levels of nine references, 9^9 nodes once expanded.
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        text.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    text.push_str("title: *i\n");
    site.write(file, &text);
    assert_refused(&site, &before, 1, file, &["repetition limit exceeded"]);
}

#[test]
fn a_50_mb_record_is_refused_without_being_read() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-huge.yaml";
    let mut text = String::with_capacity(50 * 1024 * 1024 + 64);
    text.push_str("title: Huge\ndescription: ");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str("All work and no play makes a very long record. ");
    }
    site.write(file, &text);
    assert_refused(&site, &before, 1, file, &["this file is 50.0 MB"]);
}

#[test]
fn many_huge_values_within_the_size_limit_are_handled() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-wide.yaml";
    // 1.9 MB: a line of 100,000 characters, then one line holding a list of 350,000
    // items and a comment (each item is checked for a comment cutting it short).
    let mut text = format!("title: {}\ndata: [", "T".repeat(100_000));
    text.push_str(&vec!["ssn"; 350_000].join(", "));
    text.push_str("] # every element\n");
    site.write(file, &text);
    assert_refused(&site, &before, 1, file, &["required field"]);
}

#[test]
fn thousands_of_problems_in_one_file_make_a_short_report() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-mangled.yaml";
    site.write(
        file,
        &format!(
            "title: T\ndata: [{}]\n",
            vec!["nonsense"; 20_000].join(", ")
        ),
    );
    let outcome = assert_refused(
        &site,
        &before,
        1,
        file,
        &["more problems in this file are not listed"],
    );
    // Fifty problems, each without its 200,000-character line.
    assert!(
        outcome.stderr.len() < 100_000,
        "{} bytes",
        outcome.stderr.len()
    );
    assert!(
        outcome.stderr.contains(&format!("{file}:2:")),
        "{}",
        outcome.stderr
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_or_ignored_never_followed_forever() {
    use std::os::unix::fs::symlink;
    let (site, before) = built_site();
    // A link to itself, in place of a record.
    let file = "content/incidents/2025-02-02-loop.yaml";
    symlink("2025-02-02-loop.yaml", site.path(file)).unwrap();
    assert_refused(&site, &before, 1, file, &["symbolic links"]);
    fs::remove_file(site.path(file)).unwrap();
    // A folder linked to its own parent: not a record, and never walked into.
    symlink(".", site.path("content/incidents/again")).unwrap();
    symlink("..", site.path("content/incidents/up")).unwrap();
    let (outcome, took) = bounded(&site, &["build", "--today", TODAY]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(took < EXPECTED_WITHIN, "took {took:?}");
    assert_eq!(site.outputs(), before);
}

#[cfg(unix)]
#[test]
fn a_link_to_nowhere_is_reported() {
    use std::os::unix::fs::symlink;
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-gone.yaml";
    symlink("/nonexistent/breachpage/record.yaml", site.path(file)).unwrap();
    assert_refused(
        &site,
        &before,
        1,
        file,
        &["link to a file that does not exist"],
    );
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_instead_of_read_forever() {
    use std::os::unix::fs::symlink;
    let (site, before) = built_site();
    // A device that never ends.
    let file = "content/incidents/2025-02-02-zero.yaml";
    // (A link to one is refused before it is opened: it leads out of the site folder.)
    symlink("/dev/zero", site.path(file)).unwrap();
    assert_refused(&site, &before, 1, file, &["outside the site folder"]);
    fs::remove_file(site.path(file)).unwrap();
    // A named pipe nobody writes to: opening it would block.
    let pipe = "content/incidents/2025-02-02-pipe.yaml";
    let made = std::process::Command::new("mkfifo")
        .arg(site.path(pipe))
        .status()
        .unwrap();
    assert!(made.success());
    assert_refused(&site, &before, 1, pipe, &["a pipe, a device"]);
    fs::remove_file(site.path(pipe)).unwrap();
    // The same for the process text.
    fs::remove_file(site.path("content/_index.md")).unwrap();
    symlink("/dev/zero", site.path("content/_index.md")).unwrap();
    assert_refused(
        &site,
        &before,
        1,
        "content/_index.md",
        &["outside the site folder"],
    );
}

#[test]
fn a_folder_named_like_a_record_is_reported() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-folder.yaml";
    fs::create_dir_all(site.path(file)).unwrap();
    assert_refused(&site, &before, 1, file, &["a folder, not a text file"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_text_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let (site, before) = built_site();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    fs::copy(
        site.path(RECORD),
        site.path("content/incidents").join(Path::new(name)),
    )
    .unwrap();
    assert_refused(
        &site,
        &before,
        1,
        "content/incidents/caf\u{fffd}.yaml",
        &["web address"],
    );
}

#[test]
fn records_of_the_wrong_shape_are_errors() {
    let (site, before) = built_site();
    let file = "content/incidents/2025-02-02-shape.yaml";
    let shapes = [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- title: a list\n- status: active\n", "group of fields"),
        ("just a sentence\n", "group of fields"),
        ("title: one\n---\ntitle: two\n", "error"),
        ("title: a\ntitle: b\n", "given twice"),
        ("base: &base {title: x}\n<<: *base\n", "error"),
        ("title: !!binary aGVsbG8=\n", "error"),
        ("? [complex, key]\n: value\n", "error"),
        ("\u{feff}title:\t\"tab\"\n", "error"),
    ];
    for (text, says) in shapes {
        site.write(file, text);
        assert_refused(&site, &before, 1, file, &[says]);
    }
}

#[test]
fn a_broken_site_toml_is_a_configuration_error() {
    let (site, before) = built_site();
    let good = site.read("site.toml");
    write_bytes(&site, "site.toml", &junk(2048));
    assert_refused(&site, &before, 2, "site.toml", &["UTF-8"]);
    site.write("site.toml", &good[..good.len() / 2]);
    let (outcome, _) = bounded(&site, &["build", "--today", TODAY]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    site.write(
        "site.toml",
        &format!("{good}\n{}", "# padding\n".repeat(120_000)),
    );
    assert_refused(&site, &before, 2, "site.toml", &["MB"]);
    #[cfg(unix)]
    {
        fs::remove_file(site.path("site.toml")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", site.path("site.toml")).unwrap();
        assert_refused(&site, &before, 2, "site.toml", &["not a text file"]);
    }
}

#[test]
fn binary_process_text_is_reported() {
    let (site, before) = built_site();
    write_bytes(&site, "content/_index.md", &junk(1000));
    assert_refused(&site, &before, 1, "content/_index.md", &["not UTF-8 text"]);
}

/// The fuzzing seeds and every input the fuzzer ever crashed on (fuzz/corpus/record):
/// `check`, `build` and `deadlines` end with a report, never a panic.
#[test]
fn fuzzing_inputs_end_in_a_report_never_a_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/record");
    let mut inputs: Vec<_> = fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "the seeds are in {}", corpus.display());
    let site = Site::new("empty-ny");
    let file = "content/incidents/2025-01-08-fuzz.yaml";
    for input in inputs {
        write_bytes(&site, file, &fs::read(&input).unwrap());
        for args in [
            &["check", "--today", TODAY][..],
            &["build", "--today", TODAY],
            &["deadlines", "--format", "json", "--today", TODAY],
        ] {
            let (outcome, took) = bounded(&site, args);
            assert!(
                matches!(outcome.code, 0 | 1),
                "{} {args:?}: exit {}\n{}",
                input.display(),
                outcome.code,
                outcome.stderr
            );
            assert!(!outcome.stderr.contains("panicked"), "{}", outcome.stderr);
            assert!(took < EXPECTED_WITHIN, "took {took:?}");
        }
    }
}

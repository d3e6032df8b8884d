//! Bad input: every kind of mistake in a record or in site.toml is reported with its file,
//! line and field, gives the right exit status, and leaves the previously built site
//! exactly as it was. Also: `check` writes nothing, and `build` refuses to write over the
//! site itself.

use crate::common::*;

/// A valid record. The bad records below are this one with one mistake each, so that the
/// line numbers the tests expect can be read off here.
const VALID: &str = "\
title: Test notice
status: resolved
published: 2026-11-12
summary: A short summary.
discovered: 2026-11-10
data: [student_name, grades]
affected:
  count: 250
  groups: [students]
description: What happened.
investigation: What we are doing.
occurred:
  from: 2026-11-01
  to: 2026-11-09
";

const RECORD: &str = "content/incidents/x.yaml";

/// `VALID` with `from` replaced by `to` (which must change it).
fn bad(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "VALID has no {from:?}");
    VALID.replacen(from, to, 1)
}

/// Builds `full-ny` successfully, then lets `break_it` spoil the site and builds again.
/// Asserts the exit status, that the previous output is unchanged byte for byte, and that
/// no staging or retired folder is left. Returns the failed run.
fn failed_rebuild(code: i32, break_it: impl FnOnce(&Site)) -> (Site, Run) {
    let site = Site::new("full-ny");
    site.build().success();
    let before = site.outputs();
    assert!(before.contains_key("index.html"));
    break_it(&site);
    let run = site.build().expect_code(code);
    assert!(
        site.outputs() == before,
        "the failed build changed the output:\n{}",
        run.stderr
    );
    assert_eq!(site.leftovers(), Vec::<String>::new());
    assert!(
        !run.stdout.contains("Built "),
        "no success summary on failure: {}",
        run.stdout
    );
    (site, run)
}

/// A failed rebuild after adding `RECORD` with `source`: exit status 1.
fn bad_record(source: &str) -> Run {
    failed_rebuild(1, |site| site.write(RECORD, source)).1
}

#[test]
fn the_valid_record_of_these_tests_builds() {
    let site = Site::new("full-ny");
    site.write(RECORD, VALID);
    let run = site.build().success();
    assert!(run.stdout.contains("Published 3 notices"), "{}", run.stdout);
    assert!(site.out("notices/x/index.html").contains("Test notice"));
}

// ---- records -------------------------------------------------------------------------

#[test]
fn malformed_yaml_points_at_the_line() {
    let run = bad_record(&bad(
        "summary: A short summary.",
        "summary: Update: all accounts reset",
    ));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:4:",
            "not valid YAML",
            "in quotes: summary: \"Update: all accounts reset\"",
            "1 error found",
        ],
    );

    let run = bad_record(&bad(
        "data: [student_name, grades]",
        "data: [student_name, grades",
    ));
    assert!(
        run.stderr.contains("content/incidents/x.yaml:6:")
            || run.stderr.contains("content/incidents/x.yaml:7:"),
        "the unclosed list or the line after it:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("not valid YAML"), "{}", run.stderr);
}

#[test]
fn a_misindented_field_gets_the_indentation_hint() {
    let run = bad_record(&bad("  groups: [students]", "   groups: [students]"));
    assert!(
        run.stderr.contains("content/incidents/x.yaml:9:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("indent"), "{}", run.stderr);
    assert!(!run.stderr.contains("in quotes"), "{}", run.stderr);
}

#[test]
fn an_unknown_field_gets_a_did_you_mean() {
    let run = bad_record(&bad("summary:", "sumary:"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:4:1",
            "sumary",
            "is not a field breachpage knows",
            "did you mean `summary`?",
        ],
    );
    // Reported once: not again as a missing `summary`.
    assert!(
        !run.stderr.contains("`summary` is missing"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_impossible_date_is_an_error() {
    let run = bad_record(&bad("published: 2026-11-12", "published: 2025-02-30"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:3:12",
            "published",
            "not a valid date",
            "2025-02-30 is not a real calendar date",
        ],
    );
}

#[test]
fn a_date_without_leading_zeros_is_an_error_with_the_fix() {
    let run = bad_record(&bad("discovered: 2026-11-10", "discovered: 2025-2-3"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:5:13",
            "discovered",
            "not a valid date",
            "2025-02-03",
        ],
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let run = bad_record(&bad("investigation: What we are doing.\n", ""));
    assert_contains_all(
        &run.stderr,
        &[
            "in content/incidents/x.yaml",
            "required field `investigation` is missing",
        ],
    );
    // The record lacks it: no line of the record is blamed.
    assert!(!run.stderr.contains("x.yaml:1:"), "{}", run.stderr);
    let run = bad_record(&bad("  count: 250\n", ""));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:7:",
            "required field `affected.count` is missing",
        ],
    );
}

#[test]
fn an_unknown_data_element_gets_a_suggestion() {
    let run = bad_record(&bad("grades]", "grads]"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:6:22",
            "data[1]",
            "not a data element breachpage knows",
            "did you mean `grades`?",
        ],
    );
}

#[test]
fn an_unknown_group_gets_a_suggestion() {
    let run = bad_record(&bad("[students]", "[studnets]"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:9:",
            "affected.groups[0]",
            "did you mean `students`?",
        ],
    );
}

#[test]
fn an_unknown_status_gets_a_suggestion() {
    let run = bad_record(&bad("status: resolved", "status: resolvd"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:2:9",
            "status",
            "not a status breachpage knows",
            "did you mean `resolved`?",
        ],
    );
}

#[test]
fn a_count_that_is_not_a_number_is_an_error() {
    let run = bad_record(&bad("count: 250", "count: lots"));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:8:10",
            "affected.count",
            "must be a whole number",
            "\"lots\"",
        ],
    );
    let run = bad_record(&bad("count: 250", "count: \"1,250\""));
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/x.yaml:8:10",
            "write the number without commas: 1250",
        ],
    );
}

#[test]
fn a_file_name_that_cannot_be_an_address_is_an_error() {
    let (_, run) = failed_rebuild(1, |site| {
        site.write("content/incidents/Bus Route Leak.yaml", VALID)
    });
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/Bus Route Leak.yaml",
            "bus-route-leak.yaml",
        ],
    );
}

#[test]
fn a_record_that_is_not_utf8_is_an_error_on_its_line() {
    let (_, run) = failed_rebuild(1, |site| {
        let mut bytes = VALID.as_bytes().to_vec();
        let at = VALID.find("What happened").unwrap();
        bytes[at] = 0xE9; // Latin-1 "é", as a Windows editor might save it
        std::fs::write(site.path(RECORD), bytes).unwrap();
    });
    assert_contains_all(&run.stderr, &["content/incidents/x.yaml:10:", "not UTF-8"]);
}

#[test]
fn a_draft_never_blocks_the_build_but_its_problems_are_shown() {
    let site = Site::new("full-ny");
    site.write(RECORD, "title: Early draft\nstatus: draft\n");
    let run = site.build().success();
    assert!(run.stdout.contains("  x: draft"), "{}", run.stdout);
    assert!(run.stderr.contains("warning"), "{}", run.stderr);

    // A bad value in a draft is a warning with its place, and the other notices publish.
    site.write(
        RECORD,
        "title: Early draft\nstatus: draft\npublished: 2026-13-01\n",
    );
    let run = site.build().success();
    assert!(
        run.stderr.contains("content/incidents/x.yaml:3:12"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("this draft cannot be published until it is fixed"),
        "{}",
        run.stderr
    );
    assert!(!site.public().join("notices/x").exists());
}

#[test]
fn errors_in_two_files_are_all_reported_in_one_run() {
    let (_, run) = failed_rebuild(1, |site| {
        site.write(
            "content/incidents/a.yaml",
            &bad("status: resolved", "status: resolvd"),
        );
        site.write(
            "content/incidents/b.yaml",
            &bad("count: 250", "count: lots"),
        );
    });
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/a.yaml:2:9",
            "content/incidents/b.yaml:8:10",
            "2 errors found",
        ],
    );
}

#[test]
fn a_broken_site_template_is_an_error_naming_the_template() {
    let (_, run) = failed_rebuild(1, |site| {
        site.write(
            "templates/notice.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{% if notice.title %}\n{% endblock main %}\n",
        );
    });
    assert!(
        run.stderr.contains("templates/notice.html"),
        "{}",
        run.stderr
    );
}

#[test]
fn substitute_notice_without_base_url_is_an_error() {
    let (_, run) = failed_rebuild(1, |site| {
        site.edit(
            "site.toml",
            "base_url = \"https://www.cedarhollow-schools.example/data-breach/\"\n",
            "",
        );
    });
    assert_contains_all(
        &run.stderr,
        &[
            "content/incidents/2026-11-10-sis-export.yaml",
            "substitute_notice",
            "base_url",
        ],
    );
}

#[test]
fn substitute_notice_without_base_url_points_at_the_substitute_notice_line() {
    let (site, run) = failed_rebuild(1, |site| {
        site.edit(
            "site.toml",
            "base_url = \"https://www.cedarhollow-schools.example/data-breach/\"\n",
            "",
        );
    });
    let file = "content/incidents/2026-11-10-sis-export.yaml";
    let line = line_of(&site.read(file), "substitute_notice:");
    assert!(
        run.stderr.contains(&format!("{file}:{line}:")),
        "{}",
        run.stderr
    );
}

// ---- site.toml -----------------------------------------------------------------------

#[test]
fn a_missing_jurisdiction_is_a_configuration_error() {
    let (site, run) = failed_rebuild(2, |site| {
        site.edit("site.toml", "jurisdiction = \"NY\"\n", "");
    });
    let line = line_of(&site.read("site.toml"), "[district]");
    assert_contains_all(
        &run.stderr,
        &[
            &format!("site.toml:{line}:"),
            "district.jurisdiction",
            "nothing was built or changed",
        ],
    );
}

#[test]
fn an_unknown_jurisdiction_lists_the_supported_ones() {
    let (site, run) = failed_rebuild(2, |site| {
        site.edit(
            "site.toml",
            "jurisdiction = \"NY\"",
            "jurisdiction = \"ZZ\"",
        );
    });
    let line = line_of(&site.read("site.toml"), "jurisdiction = ");
    assert_contains_all(
        &run.stderr,
        &[
            &format!("site.toml:{line}:"),
            "district.jurisdiction",
            "CA, CT, IL, NY, PA, TX",
            "ZZ",
        ],
    );
}

#[test]
fn malformed_toml_points_at_the_line() {
    let (site, run) = failed_rebuild(2, |site| {
        site.edit(
            "site.toml",
            "title = \"Data Breach Notification\"",
            "title = \"Data Breach Notification",
        );
    });
    let line = line_of(&site.read("site.toml"), "title = \"Data Breach");
    assert!(
        run.stderr.contains(&format!("site.toml:{line}:")),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_setting_is_a_configuration_error() {
    let (site, run) = failed_rebuild(2, |site| {
        site.edit("site.toml", "[site]\n", "[site]\ntitel = \"Notices\"\n");
    });
    let line = line_of(&site.read("site.toml"), "titel");
    assert_contains_all(
        &run.stderr,
        &[
            &format!("site.toml:{line}:"),
            "[site] has no setting `titel`",
            "expected: one of: ",
            "title",
        ],
    );
}

#[test]
fn a_setting_of_the_wrong_kind_says_what_it_should_be() {
    let (site, run) = failed_rebuild(2, |site| {
        site.edit(
            "site.toml",
            "[site]
",
            "[site]
languages = \"es\"
",
        );
    });
    let line = line_of(&site.read("site.toml"), "languages");
    assert_contains_all(
        &run.stderr,
        &[
            &format!("site.toml:{line}:"),
            "`languages` has the wrong kind of value",
            "found the text \"es\"",
            "expected: a list in brackets",
            "languages = [\"en\", \"es\"]",
        ],
    );
    assert!(!run.stderr.contains("sequence"), "{}", run.stderr);
}

#[test]
fn a_missing_site_toml_is_a_configuration_error() {
    let (_, run) = failed_rebuild(2, |site| site.remove("site.toml"));
    assert_contains_all(&run.stderr, &["there is no site.toml", "--root"]);
}

#[test]
fn check_reports_configuration_errors_as_json_with_status_2() {
    let site = Site::new("full-ny");
    site.edit(
        "site.toml",
        "jurisdiction = \"NY\"",
        "jurisdiction = \"WY\"",
    );
    let (code, report) = site.check_json();
    assert_eq!(code, 2);
    assert_eq!(report["ok"], false);
    let first = &report["diagnostics"][0];
    assert_eq!(first["file"], "site.toml");
    assert_eq!(first["field"], "district.jurisdiction");
    assert_eq!(
        first["line"],
        line_of(&site.read("site.toml"), "jurisdiction = ")
    );
}

// ---- check ---------------------------------------------------------------------------

#[test]
fn check_json_gives_the_same_diagnostics_as_data() {
    let site = Site::new("full-ny");
    site.write(
        "content/incidents/a.yaml",
        &bad("status: resolved", "status: resolvd"),
    );
    site.write(
        "content/incidents/b.yaml",
        &bad("count: 250", "count: lots").replace("grades]", "grads]"),
    );
    let (code, report) = site.check_json();
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["ok"], false);
    assert_eq!(report["errors"], 3, "{report}");
    let diagnostics: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    let found: Vec<(String, u64, u64, String)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["field"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = [
        ("content/incidents/a.yaml", 2, 9, "status"),
        ("content/incidents/b.yaml", 6, 22, "data[1]"),
        ("content/incidents/b.yaml", 8, 10, "affected.count"),
    ];
    let expected: Vec<(String, u64, u64, String)> = expected
        .iter()
        .map(|(f, l, c, field)| (f.to_string(), *l, *c, field.to_string()))
        .collect();
    assert_eq!(found, expected);
    for d in &diagnostics {
        for key in ["message", "expected", "found"] {
            assert!(d[key].is_string(), "{key} in {d}");
        }
    }
    assert_eq!(diagnostics[0]["hint"], "did you mean `resolved`?");
    assert_eq!(diagnostics[0]["found"], "\"resolvd\"");

    // The text report of check and build names the same places.
    let text = site.run(&["check", "--today", TODAY]).expect_code(1);
    let build = site.build().expect_code(1);
    for (file, line, column, field) in &found {
        let place = format!("{file}:{line}:{column}");
        assert!(text.stderr.contains(&place), "{place}:\n{}", text.stderr);
        assert!(build.stderr.contains(&place), "{place}:\n{}", build.stderr);
        assert!(text.stderr.contains(field.as_str()));
    }
}

#[test]
fn check_writes_nothing_even_when_the_site_has_errors() {
    let site = Site::new("full-ny");
    site.write(RECORD, &bad("count: 250", "count: lots"));
    let before = site.everything();
    let run = site.run(&["check", "--today", TODAY]).expect_code(1);
    assert!(
        run.stderr.contains("content/incidents/x.yaml:8:10"),
        "{}",
        run.stderr
    );
    // check never writes, so it does not say that nothing was written; build does.
    assert!(run.stderr.contains("1 error found.\n"), "{}", run.stderr);
    assert!(!run.stderr.contains("written"), "{}", run.stderr);
    site.check_json();
    assert!(site.everything() == before, "check changed the site folder");
    assert!(!site.public().exists());
    let build = site.build().expect_code(1);
    assert!(
        build.stderr.contains("1 error found; nothing was written"),
        "{}",
        build.stderr
    );
    // The same for a site.toml that must be fixed first.
    let toml = site.read("site.toml");
    site.edit("site.toml", "jurisdiction = \"NY\"\n", "");
    let run = site.run(&["check", "--today", TODAY]).expect_code(2);
    assert!(
        run.stderr.contains("site.toml must be fixed first.\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("nothing was built"), "{}", run.stderr);
    site.write("site.toml", &toml);

    // Nor does it touch an output built earlier.
    site.remove(RECORD);
    site.build().success();
    site.write(RECORD, &bad("count: 250", "count: lots"));
    let before = site.everything();
    site.run(&["check", "--today", TODAY]).expect_code(1);
    site.run(&["check", "--format", "json", "--today", TODAY])
        .expect_code(1);
    assert!(site.everything() == before);
    assert_eq!(site.leftovers(), Vec::<String>::new());
}

// ---- the output folder ---------------------------------------------------------------

#[test]
fn build_refuses_to_write_over_the_site_root() {
    let site = Site::new("full-ny");
    let before = site.everything();
    let mut cmd = site.cmd();
    cmd.arg("build")
        .arg("--output")
        .arg(&site.root)
        .args(["--today", TODAY]);
    let run = run(&mut cmd).expect_code(2);
    assert!(run.stderr.contains("refusing"), "{}", run.stderr);
    assert!(site.everything() == before, "the site was changed");

    // The same folder written relatively, and a folder that holds the site.
    for output in [".", "..", "../site/"] {
        let mut cmd = assert_cmd::Command::cargo_bin("breachpage").unwrap();
        cmd.current_dir(&site.root)
            .env_remove("BREACHPAGE_TODAY")
            .args(["build", "--output", output, "--today", TODAY]);
        let run = crate::common::run(&mut cmd).expect_code(2);
        assert!(run.stderr.contains("refusing"), "{output}: {}", run.stderr);
    }
    assert!(site.everything() == before, "the site was changed");
    let names: Vec<_> = std::fs::read_dir(site.tmp())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["site"], "nothing was written beside the site");
}

#[test]
fn build_refuses_to_write_over_the_content_folder() {
    let site = Site::new("full-ny");
    let before = site.everything();
    let mut cmd = site.cmd();
    cmd.arg("build")
        .arg("--output")
        .arg(site.path("content"))
        .args(["--today", TODAY]);
    let run = run(&mut cmd);
    let after = site.everything();
    assert!(
        after == before,
        "the site's sources were changed; files now: {:?}",
        paths(&after)
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
}

#[test]
fn unknown_options_are_bad_usage() {
    let site = Site::new("empty-ny");
    site.run(&["build", "--colour"]).expect_code(2);
    site.run(&["check", "--format", "xml"]).expect_code(2);
    site.run(&["publish"]).expect_code(2);
    assert!(!site.public().exists());
}

#[test]
fn one_broken_draft_does_not_block_an_urgent_update() {
    let site = Site::new("full-ny");
    // A draft with an unclosed quotation mark, beside the live notices.
    site.write(
        "content/incidents/2026-11-30-draft.yaml",
        "title: \"Half-written draft\nstatus: draft\nsummary: Not ready.\n",
    );
    let run = site.build().success();
    assert!(
        run.stderr
            .contains("this draft is left out until it can be read"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2026-11-30-draft.yaml:1:8"),
        "{}",
        run.stderr
    );
    assert!(site.outputs().contains_key("index.html"));
    // The same mistake in a record that is not plainly a draft stops the build.
    site.write(
        "content/incidents/2026-11-30-draft.yaml",
        "title: \"Half-written notice\nstatus: active\nsummary: Not ready.\n",
    );
    site.build().expect_code(1);
}

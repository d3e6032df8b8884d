//! Texas and California, end to end: `init` makes a site that builds, `new` marks the
//! state's required elements, `deadlines` lists every obligation with its citation, and a
//! California notice comes out in the layout Civil Code §1798.29(d) mandates.
//! Expected dates are worked by hand from the statutes (see src/compliance/cases_txca.rs).

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{run, Site, TODAY};

fn breachpage(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("breachpage").expect("binary");
    cmd.current_dir(dir).env_remove("BREACHPAGE_TODAY");
    cmd
}

#[test]
fn init_makes_texas_and_california_sites_that_build_and_new_marks_their_elements() {
    for (code, mark) in [
        ("TX", "[TX law: Bus. & Com. Code §521.053(b)]"),
        ("CA", "[CA law: Civ. Code §1798.29(d)(1), (d)(2)]"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        run(breachpage(tmp.path()).args([
            "init",
            "--jurisdiction",
            code,
            "--district",
            "Oak Hill ISD",
        ]))
        .success();
        let toml = fs::read_to_string(tmp.path().join("site.toml")).unwrap();
        assert!(
            toml.contains(&format!("jurisdiction = \"{code}\"")),
            "{code}"
        );
        run(breachpage(tmp.path()).args(["build", "--today", TODAY])).success();
        assert!(tmp.path().join("public/index.html").is_file(), "{code}");
        let out = run(breachpage(tmp.path()).args([
            "new",
            "Phishing email to payroll staff",
            "--today",
            TODAY,
            "--no-input",
        ]))
        .success();
        let file = out
            .stdout
            .split_whitespace()
            .find(|w| w.ends_with(".yaml"))
            .expect("the new file is named");
        let text = fs::read_to_string(tmp.path().join(file)).unwrap();
        assert!(text.contains(mark), "{code}: {text}");
        run(breachpage(tmp.path()).args(["check", "--today", TODAY])).success();
    }
}

fn deadlines(root: &Path, today: &str) -> Vec<Value> {
    let out =
        run(breachpage(root).args(["deadlines", "--format", "json", "--today", today])).success();
    serde_json::from_str::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A Texas site with one record: a student information system breach found at 4:30 p.m.
/// on Friday October 10, 2025, with Social Security numbers of 12,000 people, 11,000 of
/// them Texans.
fn texas_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    run(breachpage(tmp.path()).args([
        "init",
        "--jurisdiction",
        "TX",
        "--district",
        "Oak Hill ISD",
    ]))
    .success();
    fs::write(
        tmp.path().join("content/incidents/2025-10-10-sis.yaml"),
        "title: Student information system breach
status: active
published: 2025-10-20
summary: Someone copied records from the student information system.
discovered: 2025-10-10T16:30
determined: 2025-10-14
recovered: 2025-11-19
data: [student_name, parent_name, ssn, grades]
affected:
  count: 12000
  residents: 11000
  groups: [students, parents]
description: An attacker copied records from the student information system.
investigation: We locked the accounts used and are working with a forensic firm.
",
    )
    .unwrap();
    tmp
}

#[test]
fn texas_deadlines_list_every_obligation_with_its_citation() {
    let tmp = texas_site();
    let rows = deadlines(tmp.path(), "2025-10-20");
    let applicable: Vec<&str> = rows
        .iter()
        .filter(|r| r["state"] != "not_applicable")
        .map(|r| r["obligation"].as_str().unwrap())
        .collect();
    for id in [
        "education-agency",
        "parents",
        "cyber-incident-report",
        "cause-report",
        "individuals",
        "attorney-general",
        "consumer-reporting-agencies",
    ] {
        assert!(applicable.contains(&id), "{id}: {applicable:?}");
    }
    for row in &rows {
        assert!(!row["citation"].as_str().unwrap_or("").is_empty(), "{row}");
    }
    let due = |id: &str| {
        rows.iter()
            .find(|r| r["obligation"] == id && r["state"] != "not_applicable")
            .unwrap()["due"]
            .clone()
    };
    // 48 hours after 4:30 p.m. Friday October 10 (CDT, UTC-5): Sunday October 12.
    assert_eq!(due("cyber-incident-report"), "2025-10-12T16:30:00-05:00");
    // 60 days after Tuesday October 14: 17 to October 31, 30 in November (47), 13:
    // Saturday December 13, 2025.
    assert_eq!(due("individuals"), "2025-12-13");
    // 30 days after October 14: 17 to October 31, then 13: Thursday November 13.
    assert_eq!(due("attorney-general"), "2025-11-13");
    // 10 business days after Wednesday November 19, skipping Thanksgiving and the Friday
    // after it: Friday December 5.
    assert_eq!(due("cause-report"), "2025-12-05");
    assert_eq!(due("education-agency"), Value::Null);

    let text = run(breachpage(tmp.path()).args(["deadlines", "--today", "2025-10-20"])).success();
    assert!(
        text.stdout
            .contains("October 12, 2025 at 4:30 p.m. Central time"),
        "{}",
        text.stdout
    );
    assert!(text
        .stdout
        .contains("no fixed date: as soon as practicable after the"));
    assert!(text.stdout.contains("the law sets no time"));
    assert!(text.stdout.contains("§311.014(b)"), "Saturday December 13");
}

#[test]
fn texas_calendar_has_the_hour_clock_in_central_time() {
    let tmp = texas_site();
    let out =
        run(breachpage(tmp.path()).args(["deadlines", "--format", "ics", "--today", "2025-10-20"]))
            .success();
    // 4:30 p.m. CDT on October 12 is 21:30 UTC.
    assert!(
        out.stdout.contains("DTSTART:20251012T213000Z"),
        "{}",
        out.stdout
    );
}

#[test]
fn california_deadlines_have_no_invented_day_count() {
    let site = Site::new("california");
    let rows = deadlines(&site.root, TODAY);
    for row in rows.iter().filter(|r| r["state"] != "not_applicable") {
        assert_eq!(row["due"], Value::Null, "{row}");
        assert!(!row["citation"].as_str().unwrap().is_empty());
    }
    let ag = rows
        .iter()
        .find(|r| r["obligation"] == "attorney-general")
        .unwrap();
    assert_eq!(ag["citation"], "Civ. Code §1798.29(e)");
    assert_eq!(ag["state"], "met");
}

#[test]
fn a_california_notice_has_the_mandated_title_and_headings_in_order() {
    let site = Site::new("california");
    site.build().success();
    let page = site.out("notices/2026-11-09-payroll-portal/index.html");
    assert!(page.contains("<h1>Notice of Data Breach</h1>"), "{page}");
    let headings = [
        "What Happened",
        "What Information Was Involved",
        "What We Are Doing",
        "What You Can Do",
        "For More Information",
    ];
    let at: Vec<usize> = headings
        .iter()
        .map(|h| page.find(&format!("\">{h}</h2>")).expect(h))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // No other h2 between the first and the last of the law's headings.
    let between = &page[at[0]..at[4]];
    assert_eq!(between.matches("<h2").count(), 4, "{between}");
    assert!(
        page.contains("This notice was not delayed because of a law enforcement investigation.")
    );
    // Spanish: the translation, with the law's English words beside it.
    let es = site.out("es/notices/2026-11-09-payroll-portal/index.html");
    assert!(es.contains(
        "<h1>Aviso de filtración de datos <span lang=\"en\">(Notice of Data Breach)</span></h1>"
    ));
    assert!(es.contains("Qué pasó <span lang=\"en\">(What Happened)</span></h2>"));
}

#[test]
fn other_states_keep_the_theme_headings() {
    let site = Site::new("full-ny");
    site.build().success();
    let page = site.out("notices/2026-11-10-sis-export/index.html");
    assert!(!page.contains("Notice of Data Breach"));
    assert!(page.contains(">Who was affected</h2>"));
}

#[test]
fn a_california_record_without_dates_is_told_which_heading_needs_them() {
    let site = Site::new("california");
    let file = "content/incidents/2026-11-09-payroll-portal.yaml";
    site.edit(
        file,
        "occurred:\n  from: 2026-11-02\n  to: 2026-11-09\n",
        "",
    );
    let (code, report) = site.check_json();
    assert_eq!(code, 0, "{report:#}");
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["field"] == "occurred")
        .expect("a warning on occurred");
    let message = warning["message"].as_str().unwrap();
    assert!(message.contains("under \"What Happened\""), "{message}");
    assert!(message.contains("§1798.29(d)(2)"), "{message}");
}

#[test]
fn california_substitute_notice_must_stay_posted_30_days() {
    let site = Site::new("california");
    let file = "content/incidents/2026-11-09-payroll-portal.yaml";
    site.edit(
        file,
        "notified:",
        "substitute_notice:\n  reason: insufficient_contact\nnotified:",
    );
    let (_, report) = site.check_json();
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["field"] == "substitute_notice")
        .expect("a reminder on substitute_notice");
    // Posted November 16, 2026: 30 days later is December 16.
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("at least 30 days, until December 16, 2026"),
        "{warning}"
    );
    // After the period there is nothing to remind.
    let out = site.run(&["check", "--format", "json", "--today", "2026-12-17"]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["field"] != "substitute_notice"));
}

#[test]
fn a_california_site_that_replaces_the_notice_template_is_warned() {
    let site = Site::new("california");
    let (_, report) = site.check_json();
    let mandates = |report: &Value| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["message"].as_str().unwrap_or("").contains("law mandates"))
            .count()
    };
    assert_eq!(mandates(&report), 0, "the default theme keeps the format");
    site.write("static/style.css", "body { font-size: 8pt; }\n");
    let (code, report) = site.check_json();
    assert_eq!(code, 0, "a warning, not an error");
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("law mandates"))
        .expect("a warning about the replaced stylesheet");
    let message = warning["message"].as_str().unwrap();
    assert!(message.contains("no smaller than 10 points"), "{message}");
    assert!(message.contains("replaces style.css"), "{message}");
}

#[test]
fn a_california_notice_says_when_law_enforcement_delayed_it() {
    let site = Site::new("california");
    site.edit(
        "content/incidents/2026-11-09-payroll-portal.yaml",
        "notified:",
        "law_enforcement_delay:\n  requested: 2026-11-10\n  lifted: 2026-11-14\nnotified:",
    );
    site.build().success();
    let page = site.out("notices/2026-11-09-payroll-portal/index.html");
    assert!(
        page.contains("This notice was delayed because a law enforcement agency determined"),
        "{page}"
    );
    assert!(!page.contains("was not delayed"));
}

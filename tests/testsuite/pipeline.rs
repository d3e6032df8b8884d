//! The pipeline in-process, where spawning the binary adds nothing: `Site::load` →
//! `check` → `render` on the fixture sites, the same pages whichever sink they go to, and
//! problems held back until `check`.

use chrono::NaiveDate;

use breachpage::render::RenderOptions;
use breachpage::site::{Discard, Site};
use breachpage::Failure;

use crate::common::{self, fixture_dir, TODAY};

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

#[test]
fn the_pipeline_renders_what_build_writes() {
    let site = common::Site::new("full-ny");
    site.build().success();
    let written = site.outputs();
    let checked = Site::load(&site.root).unwrap().check(today()).unwrap();
    let rendered = checked
        .render_pages(&RenderOptions::public(today()))
        .unwrap();
    assert_eq!(
        rendered.pages.keys().collect::<Vec<_>>(),
        written.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &rendered.pages {
        assert!(
            written[path] == *bytes,
            "{path} differs from what build wrote"
        );
    }
    assert_eq!(rendered.files, written.len());
}

#[test]
fn rendering_into_nothing_reports_the_same_site() {
    let checked = Site::load(&fixture_dir("bilingual"))
        .unwrap()
        .check(today())
        .unwrap();
    let options = RenderOptions::public(today());
    let kept = checked.render_pages(&options).unwrap();
    let dropped = checked.render(&options, &Discard).unwrap();
    assert!(dropped.pages.is_empty());
    assert_eq!(
        (dropped.files, &dropped.current, &dropped.past),
        (kept.files, &kept.current, &kept.past)
    );
    assert_eq!(
        dropped.warnings.render_text(),
        kept.warnings.render_text(),
        "the same warnings"
    );
}

#[test]
fn problems_wait_for_check_and_then_come_all_at_once() {
    let site = common::Site::new("compliance-ny");
    site.write(
        "content/incidents/2026-11-10-a.yaml",
        "title: A\nstatus: active\npublished: 2026-11-12\nsummary: S\ndiscovered: 2026-11-10\ndata: [grads]\naffected:\n  count: 3\n  groups: [students]\ndescription: D\ninvestigation: I\n",
    );
    site.write(
        "content/incidents/2026-11-11-b.yaml",
        "title: B\nstatus: active\npublished: 2026-11-12\nsummary: S\ndiscovered: 2026-11-10\ndata: [student_name, ssn]\naffected:\n  count: 3\n  groups: [students]\ndescription: D\ninvestigation: I\nsubstitute_notice:\n  reason: cost\n  estimated_cost: 10\n",
    );
    // Loading reads what it can: one record has a bad element, the other reads.
    let loaded = Site::load(&site.root).unwrap();
    assert_eq!(loaded.model().incidents.len(), 1);
    assert_eq!(loaded.diagnostics().error_count(), 1);
    // The check adds the law's problems (substitute notice under its threshold) and fails
    // with every problem of both files.
    let Err(Failure::Site(problems)) = loaded.check(today()) else {
        panic!("the site has errors");
    };
    let files: Vec<&str> = problems.sorted().iter().map(|d| d.file.as_str()).collect();
    assert!(
        files.contains(&"content/incidents/2026-11-10-a.yaml"),
        "{files:?}"
    );
    assert!(
        files.contains(&"content/incidents/2026-11-11-b.yaml"),
        "{files:?}"
    );
}

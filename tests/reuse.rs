//! The preview re-renders only what changed: whatever is edited, its pages and problems
//! are exactly what a fresh render gives, and unchanged notices are not rendered again.

mod common;

use breachpage::cmd::{self, Reuse};
use breachpage::diagnostics::Diagnostics;
use breachpage::render::{RenderOptions, Rendered};
use breachpage::Failure;
use chrono::NaiveDate;
use common::Site;

fn preview(today: &str) -> RenderOptions {
    RenderOptions {
        today: NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap(),
        preview: true,
    }
}

type Outcome = Result<(Rendered, Diagnostics), Failure>;

/// A render's pages and warnings, or its errors, as text to compare.
fn outcome(result: Outcome) -> (Vec<(String, Vec<u8>)>, String) {
    match result {
        Ok((rendered, warnings)) => (rendered.pages.into_iter().collect(), warnings.render_text()),
        Err(Failure::Site(problems) | Failure::Config(problems)) => {
            (Vec::new(), problems.render_text())
        }
        Err(other) => (Vec::new(), format!("{other:?}")),
    }
}

/// Renders with `reuse` and afresh, checks that both give the same, and returns how
/// many records and notices were reused.
fn same_as_fresh(site: &Site, reuse: &Reuse, today: &str) -> (usize, usize) {
    let options = preview(today);
    let reused = outcome(cmd::validate_and_render_reusing(
        &site.root, &options, reuse,
    ));
    let fresh = outcome(cmd::validate_and_render_with(&site.root, &options));
    assert_eq!(reused.1, fresh.1, "problems differ");
    let paths =
        |pages: &[(String, Vec<u8>)]| pages.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&reused.0), paths(&fresh.0), "page sets differ");
    for ((path, a), (_, b)) in reused.0.iter().zip(&fresh.0) {
        assert!(a == b, "{path} differs from a fresh render");
    }
    reuse.reused()
}

const SIS: &str = "content/incidents/2026-11-10-sis-export.yaml";
const DRAFT: &str = "content/incidents/2026-11-21-payroll-phish.yaml";

#[test]
fn an_edited_record_is_rendered_again_and_the_rest_are_reused() {
    let site = Site::new("full-ny");
    let reuse = Reuse::default();
    let (records, notices) = same_as_fresh(&site, &reuse, "2026-11-22");
    assert_eq!(
        (records, notices),
        (0, 0),
        "nothing to reuse on the first render"
    );
    let (records, notices) = same_as_fresh(&site, &reuse, "2026-11-22");
    assert_eq!(records, 5, "every record unchanged");
    assert!(
        notices >= 4,
        "every notice rendered last time is reused: {notices}"
    );

    site.edit(SIS, "Bus route numbers", "Bus route numbers and stop times");
    let (records, again) = same_as_fresh(&site, &reuse, "2026-11-22");
    assert_eq!(records, 4);
    assert_eq!(
        again,
        notices - 1,
        "only the edited notice is rendered again"
    );
    assert!(!site.public().exists(), "the preview writes nothing");
}

#[test]
fn a_change_to_what_every_page_shares_renders_everything_again() {
    let site = Site::new("full-ny");
    let reuse = Reuse::default();
    same_as_fresh(&site, &reuse, "2026-11-22");
    site.edit("site.toml", "914-555-0100", "914-555-0199");
    assert_eq!(same_as_fresh(&site, &reuse, "2026-11-22").1, 0, "site.toml");
    site.write(
        "templates/macros.html",
        &std::fs::read_to_string(common::fixture_dir(
            "../../themes/default/templates/macros.html",
        ))
        .unwrap()
        .replace(
            "<address class=\"contact\">",
            "<address class=\"contact card\">",
        ),
    );
    assert_eq!(
        same_as_fresh(&site, &reuse, "2026-11-22").1,
        0,
        "a theme file"
    );
    assert_eq!(
        same_as_fresh(&site, &reuse, "2026-12-05").1,
        0,
        "another day"
    );
    assert!(same_as_fresh(&site, &reuse, "2026-12-05").1 > 0);
}

#[test]
fn publishing_removing_and_breaking_records_match_a_fresh_render() {
    let site = Site::new("full-ny");
    let reuse = Reuse::default();
    same_as_fresh(&site, &reuse, "2026-11-22");
    // A draft is published: same text otherwise, so its pages are new.
    site.edit(
        DRAFT,
        "status: draft",
        "status: active\npublished: 2026-11-21",
    );
    same_as_fresh(&site, &reuse, "2026-11-22");
    // A record with an error: the render fails, and keeps failing with the same
    // problem while another record is edited.
    site.edit(SIS, "count: 612500", "count: lots");
    let (_, problems) = outcome(cmd::validate_and_render_reusing(
        &site.root,
        &preview("2026-11-22"),
        &reuse,
    ));
    assert!(problems.contains("count"), "{problems}");
    site.edit(DRAFT, "A phishing email", "A phishing e-mail");
    same_as_fresh(&site, &reuse, "2026-11-22");
    site.edit(SIS, "count: lots", "count: 612500");
    same_as_fresh(&site, &reuse, "2026-11-22");
    site.remove(SIS);
    same_as_fresh(&site, &reuse, "2026-11-22");
}

#[test]
fn each_language_is_kept_apart() {
    let site = Site::new("bilingual");
    let reuse = Reuse::default();
    same_as_fresh(&site, &reuse, "2026-11-22");
    let (_, both) = same_as_fresh(&site, &reuse, "2026-11-22");
    assert_eq!(both, 4, "two notices in two languages");
    site.edit(
        "content/incidents/2026-11-10-lunch-accounts.yaml",
        "Se enviaron cartas",
        "Se mandaron cartas",
    );
    assert_eq!(same_as_fresh(&site, &reuse, "2026-11-22").1, 2);
}

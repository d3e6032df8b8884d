//! The benchmark's synthetic sites (examples/gen_site) stay valid: every generated record
//! passes `check` in each jurisdiction, and a build publishes exactly the notices and
//! media releases the generator meant to, which the equivalent Hugo site mirrors page
//! for page. (The big benchmarks themselves are not part of the test suite: see
//! docs/development.md, "Benchmarks".)

#[path = "../../examples/gen_site/synth.rs"]
mod synth;

use crate::common::run;
use synth::TODAY;

fn generate(jurisdiction: &str, count: usize) -> (tempfile::TempDir, synth::Summary) {
    let dir = tempfile::tempdir().unwrap();
    let options = synth::Options {
        count,
        jurisdiction: jurisdiction.to_string(),
        seed: 7,
    };
    let summary = synth::write_site(&dir.path().join("site"), &options).unwrap();
    (dir, summary)
}

fn breachpage(dir: &tempfile::TempDir, args: &[&str]) -> crate::common::Run {
    let mut cmd = assert_cmd::Command::cargo_bin("breachpage").unwrap();
    cmd.env_remove("BREACHPAGE_TODAY")
        .arg("--root")
        .arg(dir.path().join("site"))
        .args(args);
    run(&mut cmd)
}

/// The benchmark builds the generated sites on the day the generator made them for (on
/// another day, notices would be withheld or overdue and the build would measure less).
#[test]
fn the_benchmark_builds_on_the_generators_date() {
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bench.sh")).unwrap();
    let dates: Vec<&str> = script
        .lines()
        .filter_map(|line| line.strip_prefix("TODAY="))
        .collect();
    assert_eq!(dates, [synth::TODAY], "TODAY= in scripts/bench.sh");
}

#[test]
fn generated_records_pass_check_in_every_jurisdiction() {
    for jurisdiction in ["NY", "CT", "PA", "IL"] {
        let (dir, summary) = generate(jurisdiction, 120);
        assert_eq!(summary.records, 120);
        let outcome = breachpage(&dir, &["check", "--format", "json", "--today", TODAY]);
        let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
        assert_eq!(report["errors"], 0, "{jurisdiction}: {}", outcome.stdout);
        assert_eq!(outcome.code, 0, "{jurisdiction}");
    }
}

#[test]
fn a_generated_site_builds_what_the_generator_expects() {
    let (dir, summary) = generate("NY", 150);
    // Realistic variety: some withheld, some with a media release, ~300 words each.
    assert!(summary.public < summary.records && summary.public > summary.records / 2);
    assert!(summary.media_releases > 0);
    assert!((200..400).contains(&(summary.words / summary.records)));
    let outcome = breachpage(&dir, &["build", "--today", TODAY]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stdout
            .contains(&format!("Published {} notices", summary.public)),
        "{}",
        outcome.stdout
    );
    let public = dir.path().join("site/public/notices");
    let notices = std::fs::read_dir(&public).unwrap().count();
    assert_eq!(notices, summary.public);
    let releases = std::fs::read_dir(&public)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .path()
                .join("media-release")
                .is_dir()
        })
        .count();
    assert_eq!(releases, summary.media_releases);

    let hugo = dir.path().join("hugo");
    let options = synth::Options {
        count: 150,
        jurisdiction: "NY".to_string(),
        seed: 7,
    };
    let pages = synth::write_hugo(&hugo, &options).unwrap();
    assert_eq!(pages, summary.public + summary.media_releases);
    assert!(hugo.join("layouts/index.html").is_file());
}

//! Authoring: `init`, `new` and `schema`, as a communications officer would use them.

use std::fs;
use std::io::Write;
use std::process::{Command as Process, Stdio};

use crate::common::{run, NO_NOTIFICATIONS, TODAY, TODAY_WORDS};
use assert_cmd::cargo::cargo_bin;

fn breachpage(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("breachpage").expect("binary");
    cmd.current_dir(dir).env_remove("BREACHPAGE_TODAY");
    cmd
}

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("oak-hill");
    run(breachpage(tmp.path()).args([
        "init",
        "oak-hill",
        "--jurisdiction",
        "CT",
        "--district",
        "Oak Hill \"Public\" Schools",
    ]))
    .success();
    for file in [
        "site.toml",
        "content/_index.md",
        "content/incidents/.gitkeep",
        "breachpage.schema.json",
    ] {
        assert!(site.join(file).exists(), "{file}");
    }
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(toml.contains("jurisdiction = \"CT\""));
    assert!(toml.contains("# base_url"), "every key is shown, commented");
    run(breachpage(&site).args(["build", "--today", TODAY])).success();
    let index = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(index.contains(NO_NOTIFICATIONS));
    assert!(index.contains(TODAY_WORDS));
    assert!(index.contains("Oak Hill &quot;Public&quot; Schools"));
}

/// Illinois sites need the enrolment for the public list of breaches (105 ILCS 85/27(a)(5)):
/// `init` writes a placeholder that builds and that `check` flags; the list is reachable
/// from the index.
#[test]
fn init_makes_an_illinois_site_with_its_breach_list() {
    let tmp = tempfile::tempdir().unwrap();
    run(breachpage(tmp.path()).args(["init", "--jurisdiction", "IL"])).success();
    let toml = fs::read_to_string(tmp.path().join("site.toml")).unwrap();
    assert!(toml.contains("jurisdiction = \"IL\""));
    assert!(toml.contains("\nenrollment = 1000\n"), "{toml}");
    run(breachpage(tmp.path()).args(["build", "--today", TODAY])).success();
    let index = fs::read_to_string(tmp.path().join("public/index.html")).unwrap();
    assert!(index.contains("href=\"./breaches/\""), "{index}");
    let list = fs::read_to_string(tmp.path().join("public/breaches/index.html")).unwrap();
    assert!(list.contains("There are no breaches to list."), "{list}");
    let check = run(breachpage(tmp.path()).args(["check", "--today", TODAY])).success();
    assert!(
        check
            .stderr
            .contains("district.enrollment: this is still the placeholder"),
        "{}",
        check.stderr
    );
    // Other states get the setting as a comment, and no list.
    let ny = new_site();
    let toml = fs::read_to_string(ny.path().join("site.toml")).unwrap();
    assert!(toml.contains("# enrollment = 4210"), "{toml}");
    run(breachpage(ny.path()).args(["build", "--today", TODAY])).success();
    assert!(!ny.path().join("public/breaches").exists());
}

#[test]
fn init_never_overwrites_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("site.toml"), "precious").unwrap();
    let out = run(breachpage(tmp.path()).args(["init", "--jurisdiction", "NY"])).expect_code(2);
    assert!(out.stderr.contains("never overwrites"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(tmp.path().join("site.toml")).unwrap(),
        "precious"
    );
}

#[test]
fn init_needs_a_jurisdiction_when_it_cannot_ask() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(breachpage(tmp.path()).args(["init", "--no-input"])).expect_code(2);
    assert!(out.stderr.contains("--jurisdiction"), "{}", out.stderr);
    let out = run(breachpage(tmp.path()).args(["init", "--jurisdiction", "ZZ"])).expect_code(2);
    assert!(
        out.stderr.contains("CA, CT, IL, NY, PA, TX"),
        "{}",
        out.stderr
    );
    assert!(!tmp.path().join("site.toml").exists());
}

fn new_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    run(breachpage(tmp.path()).args([
        "init",
        "--jurisdiction",
        "NY",
        "--district",
        "Birch Valley",
    ]))
    .success();
    tmp
}

const NEW_FILE: &str = "content/incidents/2026-11-22-phishing-email-to-payroll-staff.yaml";

#[test]
fn new_writes_a_commented_draft_that_passes_check() {
    let tmp = new_site();
    let out = run(breachpage(tmp.path()).args([
        "new",
        "Phishing email to payroll staff",
        "--today",
        TODAY,
        "--discovered",
        "2026-11-19T08:45",
        "--groups",
        "staff,teachers",
        "--no-input",
    ]))
    .success();
    assert!(out.stdout.contains(NEW_FILE), "{}", out.stdout);
    let text = fs::read_to_string(tmp.path().join(NEW_FILE)).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=../../breachpage.schema.json\n"));
    assert!(text.contains("status: draft"));
    assert!(text.contains("discovered: 2026-11-19T08:45"));
    assert!(text.contains("groups: [staff, teachers]"));
    assert!(
        text.contains("[NY law: 8 NYCRR 121.10]"),
        "required elements are marked"
    );
    // A fresh draft passes check, which lists what is still missing as warnings.
    let check = run(breachpage(tmp.path()).args(["check", "--today", TODAY])).success();
    assert!(
        check.stderr.contains("`summary` is still missing"),
        "{}",
        check.stderr
    );
    // And it is never published.
    let build = run(breachpage(tmp.path()).args(["build", "--today", TODAY])).success();
    assert!(build.stdout.contains("draft"), "{}", build.stdout);
}

/// A title in Spanish gets a readable address: accents are spelled without them.
#[test]
fn new_gives_a_spanish_title_a_readable_address() {
    let tmp = new_site();
    let out = run(breachpage(tmp.path()).args([
        "new",
        "Filtración de datos: niños",
        "--today",
        TODAY,
        "--no-input",
    ]))
    .success();
    let file = "content/incidents/2026-11-22-filtracion-de-datos-ninos.yaml";
    assert!(out.stdout.contains(file), "{}", out.stdout);
    let text = fs::read_to_string(tmp.path().join(file)).unwrap();
    assert!(
        text.contains("Filtración de datos: niños"),
        "the title keeps its accents"
    );
    run(breachpage(tmp.path()).args(["check", "--today", TODAY])).success();
}

#[test]
fn new_never_overwrites_a_record() {
    let tmp = new_site();
    let args = [
        "new",
        "Phishing email to payroll staff",
        "--today",
        TODAY,
        "--no-input",
    ];
    run(breachpage(tmp.path()).args(args)).success();
    fs::write(tmp.path().join(NEW_FILE), "edited by hand").unwrap();
    let out = run(breachpage(tmp.path()).args(args)).expect_code(2);
    assert!(out.stderr.contains("never overwrites"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(tmp.path().join(NEW_FILE)).unwrap(),
        "edited by hand"
    );
}

#[test]
fn new_rejects_a_bad_flag_value() {
    let tmp = new_site();
    let out = run(breachpage(tmp.path()).args([
        "new",
        "X",
        "--today",
        TODAY,
        "--discovered",
        "2026-2-3",
        "--no-input",
    ]))
    .expect_code(2);
    assert!(out.stderr.contains("2026-02-03"), "{}", out.stderr);
    let out = run(breachpage(tmp.path()).args([
        "new",
        "X",
        "--today",
        TODAY,
        "--groups",
        "kids",
        "--no-input",
    ]))
    .expect_code(2);
    assert!(out.stderr.contains("not a group"), "{}", out.stderr);
}

#[test]
fn new_asks_for_the_key_facts() {
    let tmp = new_site();
    let mut child = Process::new(cargo_bin("breachpage"))
        .current_dir(tmp.path())
        .env_remove("BREACHPAGE_TODAY")
        .args([
            "new",
            "Phishing email to payroll staff",
            "--today",
            TODAY,
            "--interactive",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"2026-11-19\nTwo staff members entered their passwords on a fake page.\nMailCo\n2\nstaff\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = fs::read_to_string(tmp.path().join(NEW_FILE)).unwrap();
    assert!(
        text.contains("summary: \"Two staff members entered their passwords on a fake page.\""),
        "{text}"
    );
    assert!(
        text.contains(
            "\ncontractor:\n  # The company whose breach it was (required)\n  name: \"MailCo\""
        ),
        "{text}"
    );
    assert!(text.contains("count: 2\n"), "{text}");
}

#[test]
fn the_schema_is_generated_from_the_loader_and_committed() {
    let out =
        run(breachpage(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).arg("schema")).success();
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["properties"]["identity_protection"]["properties"]["months"].is_object());
    let committed = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/breachpage.schema.json"
    ))
    .unwrap();
    assert_eq!(
        committed.trim(),
        out.stdout.trim(),
        "run `cargo run -- schema > breachpage.schema.json`"
    );
}

#[test]
fn placeholders_from_init_are_flagged_and_a_file_is_not_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    run(breachpage(tmp.path()).args(["init", "--jurisdiction", "PA"])).success();
    let check = run(breachpage(tmp.path()).args(["check", "--today", TODAY])).success();
    assert!(
        check
            .stderr
            .contains("district.name: this is still the placeholder"),
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("contact.email: this is still the placeholder"),
        "{}",
        check.stderr
    );
    fs::write(tmp.path().join("afile"), "").unwrap();
    let out =
        run(breachpage(tmp.path()).args(["init", "afile", "--jurisdiction", "NY"])).expect_code(2);
    assert!(
        out.stderr.contains("is a file, not a folder"),
        "{}",
        out.stderr
    );
}

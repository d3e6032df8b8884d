//! Illinois end to end, on the `illinois` fixture (4,210 students enrolled, English and
//! Spanish): the public list of breaches of 105 ILCS 85/27(a)(5), `deadlines` with each
//! obligation's citation, `new` marking the §28 contents, and the `enrollment` setting.

use serde_json::Value;

use crate::common::{Site, TODAY};

fn rows(page: &str) -> Vec<&str> {
    page.split("<tr>").skip(2).collect()
}

#[test]
fn the_breach_list_shows_the_statutes_breaches_in_every_language() {
    let site = Site::new("illinois");
    site.build().success();
    let index = site.read("public/index.html");
    assert!(index.contains("<a href=\"./breaches/\">"), "{index}");
    let list = site.read("public/breaches/index.html");
    assert!(list.contains("<caption id=\"breach-list-caption\">"));
    assert!(list.contains("(105 ILCS 85/27(a)(5))"));
    let rows = rows(&list);
    // 1,800 and 600 students are 10% or more of 4,210; the field trip's 35 are not.
    assert_eq!(rows.len(), 2, "{list}");
    assert!(!list.contains("Field trip"));
    // Newest breach first: the operator's, with its number, dates and name.
    assert!(rows[0].contains("../notices/2026-10-20-learnloop/"));
    assert!(rows[0].contains("\">1,800</td>"));
    assert!(rows[0].contains("<time datetime=\"2026-10-05\">October 5, 2026</time>"));
    assert!(rows[0].contains("\">LearnLoop Inc.</td>"));
    // Social Security numbers are PIPA personal information: the number is withheld.
    assert!(rows[1].contains("\">Not disclosed</td>"), "{}", rows[1]);
    assert!(!rows[1].contains("600"), "{}", rows[1]);
    assert!(rows[1].contains("the district&#39;s own systems"));
    assert!(list.contains("state law does not allow the number of students to be published"));
    assert!(!list.contains("<script"));
    // The same list in Spanish, with its own words and the Spanish notice addresses.
    let es = site.read("public/es/breaches/index.html");
    assert_eq!(self::rows(&es).len(), 2);
    assert!(es.contains("<html lang=\"es\">"));
    assert!(es.contains("No se divulga"));
    assert!(es.contains("Cuentas de estudiantes expuestas por LearnLoop"));
    assert!(site
        .read("public/es/index.html")
        .contains("<a href=\"./breaches/\">"));
}

/// PIPA: a notice must not give the number of Illinois residents affected (815 ILCS
/// 530/10(a)); a breach of student covered information alone shows it.
#[test]
fn a_notice_of_a_pipa_breach_does_not_state_the_number() {
    let site = Site::new("illinois");
    site.build().success();
    let ssn = site.read("public/notices/2026-03-02-enrollment-forms/index.html");
    assert!(ssn.contains("Not stated: state law does not allow this notice to give the number of residents affected."), "{ssn}");
    assert!(!ssn.contains("600"), "{ssn}");
    let es = site.read("public/es/notices/2026-03-02-enrollment-forms/index.html");
    assert!(es.contains("No se indica"), "{es}");
    assert!(!es.contains("600"));
    let grades = site.read("public/notices/2026-10-20-learnloop/index.html");
    assert!(grades.contains("<dd>1,800</dd>"), "{grades}");
    let json: Value = serde_json::from_str(&site.read("public/notices.json")).unwrap();
    let counts: Vec<(&str, &Value)> = json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["slug"].as_str().unwrap(), &n["affected"]["count"]))
        .collect();
    assert!(
        counts.contains(&("2026-03-02-enrollment-forms", &Value::from("withheld"))),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("2026-10-20-learnloop", &Value::from(1800))),
        "{counts:?}"
    );
}

/// The staff kit's letters and call-centre sheet follow the same rule as the notice.
#[test]
fn the_kit_does_not_state_the_number_of_a_pipa_breach_either() {
    let site = Site::new("illinois");
    let slug = "2026-03-02-enrollment-forms";
    site.run(&["kit", slug, "--today", TODAY]).success();
    for file in ["letters/en/parents.html", "messages/en/call-centre.html"] {
        let text = site.read(&format!("kit/{slug}/{file}"));
        assert!(
            text.contains("Not stated: state law does not allow"),
            "{file}: {text}"
        );
        assert!(!text.contains("600"), "{file}: {text}");
    }
    let es = site.read(&format!("kit/{slug}/letters/es/parents.html"));
    assert!(es.contains("No se indica"), "{es}");
}

#[test]
fn a_site_without_the_list_in_its_law_has_no_list_page() {
    let site = Site::new("full-ny");
    site.build().success();
    assert!(!site.public().join("breaches").exists());
    assert!(!site.read("public/index.html").contains("breaches/"));
}

#[test]
fn deadlines_give_every_illinois_obligation_with_its_citation() {
    let site = Site::new("illinois");
    let run = site
        .run(&[
            "deadlines",
            "2026-10-20-learnloop",
            "--format",
            "json",
            "--today",
            TODAY,
        ])
        .success();
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["obligation"].as_str().unwrap())
        .collect();
    for id in ["contractor-to-district", "individuals", "attorney-general"] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
    for row in &rows {
        let citation = row["citation"].as_str().unwrap();
        assert!(
            citation.contains("ILCS"),
            "{}: {citation}",
            row["obligation"]
        );
    }
    let applicable = |id: &str| -> Vec<&Value> {
        rows.iter()
            .filter(|r| r["obligation"] == id && r["state"] != "not_applicable")
            .collect()
    };
    // The operator's notice came Tuesday October 20, 2026: parents within 30 calendar
    // days, 11 to October 31 and 19 in November: Thursday November 19. Met October 24.
    let ind = applicable("individuals");
    assert_eq!(ind.len(), 1);
    assert_eq!(
        (
            ind[0]["due"].as_str(),
            ind[0]["state"].as_str(),
            ind[0]["citation"].as_str()
        ),
        (
            Some("2026-11-19"),
            Some("met"),
            Some("105 ILCS 85/28 (P.A. 101-516)")
        )
    );
    // The operator had 30 days from its discovery (October 12): November 11, met October 20.
    let c = applicable("contractor-to-district");
    assert_eq!(
        (c[0]["due"].as_str(), c[0]["state"].as_str()),
        (Some("2026-11-11"), Some("met"))
    );
    // No PIPA personal information: no Attorney General notice.
    assert!(applicable("attorney-general").is_empty());
}

#[test]
fn new_marks_the_illinois_contents_of_a_notice() {
    let site = Site::new("illinois");
    site.run(&["new", "Gradebook breach", "--today", TODAY, "--no-input"])
        .success();
    let text = site.read("content/incidents/2026-11-22-gradebook-breach.yaml");
    // The date or range, the information compromised, and a description (§28).
    for help in [
        "When the unauthorized access happened",
        "The data elements involved",
        "What happened",
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(help))
            .unwrap_or_else(|| panic!("{help}: {text}"));
        assert!(line.ends_with("[IL law: 105 ILCS 85/28]"), "{line}");
    }
    assert!(text.contains("under Illinois law"), "{text}");
}

#[test]
fn enrollment_is_checked_with_its_line() {
    let site = Site::new("illinois");
    site.edit("site.toml", "enrollment = 4210\n", "enrollment = -4210\n");
    let run = site.run(&["check", "--today", TODAY]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("site.toml:8"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`enrollment` has the wrong kind of value"),
        "{}",
        run.stderr
    );
    site.edit("site.toml", "enrollment = -4210\n", "");
    let run = site.run(&["check", "--today", TODAY]);
    assert!(run.stderr.contains("district.enrollment"), "{}", run.stderr);
    assert!(
        run.stderr.contains("needs the number of students enrolled"),
        "{}",
        run.stderr
    );
    // Nothing is published from a site with a configuration error.
    let build = site.build();
    assert_ne!(build.code, 0);
    assert!(!site.public().join("breaches").exists());
}

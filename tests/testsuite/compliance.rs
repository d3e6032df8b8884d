//! `check` and `deadlines` against the rule packs, on fixture sites of every jurisdiction.
//! Expected dates are worked out from the statutes' clocks (shared/LAW.md), by hand.

use crate::common::{Site, TODAY};
use serde_json::Value;

const RECORD: &str = "content/incidents/2026-11-10-incident.yaml";

/// A complete, valid active record; `extra` adds or overrides fields at the end.
fn record(data: &str, count: &str, extra: &str) -> String {
    format!(
        "title: Student records viewed without permission
status: active
published: 2026-11-12
summary: Someone viewed student records without permission.
discovered: 2026-11-09
occurred:
  from: 2026-11-01
  to: 2026-11-08
data: {data}
affected:
  count: {count}
  groups: [students, parents]
description: An unauthorized person viewed records.
investigation: We are investigating with a forensic firm.
{extra}"
    )
}

fn site(pack: &str, record_text: &str) -> Site {
    let site = Site::new(&format!("compliance-{pack}"));
    site.write(RECORD, record_text);
    site
}

fn diagnostics(json: &Value) -> Vec<&Value> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .collect()
}

/// The diagnostics of one severity on one field.
fn on<'a>(json: &'a Value, severity: &str, field: &str) -> Vec<&'a Value> {
    diagnostics(json)
        .into_iter()
        .filter(|d| d["severity"] == severity && d["field"] == field)
        .collect()
}

fn message(d: &Value) -> &str {
    d["message"].as_str().unwrap_or("")
}

fn deadlines(site: &Site, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["deadlines", "--format", "json", "--today", TODAY];
    all.extend_from_slice(args);
    let run = site.run(&all).success();
    let value: Value = serde_json::from_str(&run.stdout).expect("deadlines prints JSON");
    value.as_array().expect("one JSON array").clone()
}

/// The single applicable row of `obligation`.
fn applicable<'a>(rows: &'a [Value], obligation: &str) -> &'a Value {
    let found: Vec<&Value> = rows
        .iter()
        .filter(|r| r["obligation"] == obligation && r["state"] != "not_applicable")
        .collect();
    assert_eq!(found.len(), 1, "{obligation}: {found:#?}");
    found[0]
}

#[test]
fn a_complete_record_passes_check() {
    let site = site("ny", &record("[student_name, grades]", "120", ""));
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["errors"], 0);
}

#[test]
fn deadlines_json_follows_the_spec() {
    let contractor = "contractor:\n  name: GradeBook Inc.\n  notified_district: 2026-11-13\nnotified:\n  state-privacy-officer: 2026-11-20\n";
    let site = site("ny", &record("[student_name, grades]", "120", contractor));
    let rows = deadlines(&site, &[]);
    for row in &rows {
        for key in [
            "incident",
            "obligation",
            "due",
            "from",
            "citation",
            "state",
            "met",
        ] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
        assert_eq!(row["incident"], "2026-11-10-incident");
    }
    // Contractor's notice received Friday November 13, 2026: the Chief Privacy Officer
    // within 10 calendar days (November 23), met on November 20.
    let spo = applicable(&rows, "state-privacy-officer");
    assert_eq!(spo["due"], "2026-11-23");
    assert_eq!(spo["from"], "discovery_or_contractor_notice");
    assert_eq!(spo["state"], "met");
    assert_eq!(spo["met"], "2026-11-20");
    assert_eq!(spo["citation"], "8 NYCRR 121.10(b), (d)");
    // The contractor had 7 calendar days from its discovery (November 9): November 16.
    let c = applicable(&rows, "contractor-to-district");
    assert_eq!(
        (c["due"].as_str(), c["state"].as_str()),
        (Some("2026-11-16"), Some("met"))
    );
    // Parents within 60 calendar days of November 13: January 12, 2027.
    let ind = applicable(&rows, "individuals");
    assert_eq!(
        (ind["due"].as_str(), ind["state"].as_str()),
        (Some("2027-01-12"), Some("due"))
    );
    assert!(ind["met"].is_null());
    // The delayed variant is listed, not applicable.
    assert!(rows
        .iter()
        .any(|r| r["obligation"] == "individuals" && r["state"] == "not_applicable"));
    // No private information: no fixed-date obligations apply.
    let ag: Vec<&Value> = rows
        .iter()
        .filter(|r| r["obligation"] == "attorney-general")
        .collect();
    assert_eq!(ag[0]["state"], "not_applicable");
    assert!(ag[0]["due"].is_null());
}

#[test]
fn own_breach_hour_clock_is_rfc3339() {
    let extra = "notified:\n  individuals: 2026-11-20\n";
    let text = record("[ssn, student_name]", "7000", extra)
        .replace("discovered: 2026-11-09", "discovered: 2026-11-09T16:15");
    let site = site("ny", &text);
    let rows = deadlines(&site, &["2026-11-10-incident"]);
    // 72 hours after 4:15 p.m. on Monday November 9, 2026 (Eastern standard time).
    let cyber = applicable(&rows, "cyber-incident-report");
    assert_eq!(cyber["due"], "2026-11-12T16:15:00-05:00");
    assert_eq!(cyber["state"], "overdue");
    // Private information of more than 5,000 residents: the Attorney General and the
    // credit bureaus were due with the notice to individuals (November 20) and are late.
    let ag = applicable(&rows, "attorney-general");
    assert!(ag["due"].is_null());
    assert_eq!(ag["state"], "overdue");
    assert_eq!(
        applicable(&rows, "consumer-reporting-agencies")["state"],
        "overdue"
    );
}

#[test]
fn a_law_enforcement_delay_moves_the_clock_to_its_end() {
    let extra = "law_enforcement_delay:\n  requested: 2026-11-10\n  lifted: 2026-11-18\n";
    let site = site("ny", &record("[grades]", "30", extra));
    let rows = deadlines(&site, &[]);
    let ind = applicable(&rows, "individuals");
    // 7 calendar days after the delay ended on November 18.
    assert_eq!(ind["due"], "2026-11-25");
    assert_eq!(ind["from"], "delay_end");
    assert_eq!(
        ind["variant"],
        "after a law-enforcement or vulnerability delay"
    );
}

#[test]
fn fail_on_overdue_is_for_cron() {
    // Discovered November 9: the Chief Privacy Officer was due November 19 (the 72-hour
    // cyber incident report was made).
    let site = site(
        "ny",
        &record(
            "[grades]",
            "30",
            "notified:\n  cyber-incident-report: 2026-11-10\n",
        ),
    );
    let run = site
        .run(&["deadlines", "--today", TODAY, "--fail-on-overdue"])
        .expect_code(1);
    assert!(run.stdout.contains("OVERDUE"), "{}", run.stdout);
    assert!(run.stderr.contains("overdue"), "{}", run.stderr);
    site.run(&["deadlines", "--today", "2026-11-18", "--fail-on-overdue"])
        .success();
}

#[test]
fn deadlines_names_an_unknown_incident() {
    let site = site("ny", &record("[grades]", "30", ""));
    let run = site
        .run(&["deadlines", "2026-11-10-incidnet", "--today", TODAY])
        .expect_code(2);
    assert!(
        run.stderr.contains("did you mean `2026-11-10-incident`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn drafts_are_listed_and_marked() {
    let text = record("[grades]", "30", "").replace("status: active", "status: draft");
    let site = site("ny", &text);
    let rows = deadlines(&site, &[]);
    assert!(rows.iter().all(|r| r["draft"] == true));
    let run = site.run(&["deadlines", "--today", TODAY]).success();
    assert!(run.stdout.contains("[DRAFT]"), "{}", run.stdout);
}

/// (pack, reason, field value, count, passes)
const THRESHOLDS: &[(&str, &str, u64, u64, bool)] = &[
    ("ny", "cost", 250_000, 10, false),
    ("ny", "cost", 250_001, 10, true),
    ("ny", "count", 0, 500_000, false),
    ("ny", "count", 0, 500_001, true),
    ("ct", "cost", 250_000, 10, false),
    ("ct", "cost", 250_001, 10, true),
    ("ct", "count", 0, 500_000, false),
    ("ct", "count", 0, 500_001, true),
    ("pa", "cost", 100_000, 10, false),
    ("pa", "cost", 100_001, 10, true),
    ("pa", "count", 0, 175_000, false),
    ("pa", "count", 0, 175_001, true),
];

#[test]
fn substitute_notice_thresholds_just_below_and_just_above() {
    for &(pack, reason, cost, count, passes) in THRESHOLDS {
        let mut extra = format!("substitute_notice:\n  reason: {reason}\n");
        if reason == "cost" {
            extra.push_str(&format!("  estimated_cost: {cost}\n"));
        }
        let site = site(pack, &record("[grades]", &count.to_string(), &extra));
        let (code, json) = site.check_json();
        let case = format!("{pack} {reason} cost={cost} count={count}");
        if passes {
            assert_eq!(code, 0, "{case}: {json:#}");
        } else {
            assert_eq!(code, 1, "{case}: {json:#}");
            let field = if reason == "cost" {
                "substitute_notice.estimated_cost"
            } else {
                "substitute_notice.reason"
            };
            let errors = on(&json, "error", field);
            assert_eq!(errors.len(), 1, "{case}: {json:#}");
            let text = message(errors[0]);
            assert!(text.contains("more than"), "{case}: {text}");
            assert!(text.contains('§'), "{case} quotes the citation: {text}");
            assert!(errors[0]["line"].as_u64().unwrap() > 0);
        }
    }
}

#[test]
fn connecticut_requires_identity_protection_when_ssns_are_involved() {
    let site = site("ct", &record("[student_name, ssn]", "40", ""));
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    let errors = on(&json, "error", "identity_protection");
    assert_eq!(errors.len(), 1, "{json:#}");
    assert!(message(errors[0]).contains("24 months"), "{json:#}");
    assert!(message(errors[0]).contains("§36a-701b"), "{json:#}");

    let offer = "identity_protection:\n  months: 24\n  service: identity theft prevention and mitigation services\n  provider: Example Shield\n  how_to_enroll: Call 1-800-555-0100 and give code CF2026.\n";
    site.write(RECORD, &record("[student_name, ssn]", "40", offer));
    assert_eq!(site.check_json().0, 0);
    site.run(&["build", "--today", TODAY]).success();
    let page = site.out("notices/2026-11-10-incident/index.html");
    assert!(page.contains("The district is offering 24 months of identity theft prevention and mitigation services through Example Shield, free of charge."), "{page}");
    assert!(page.contains("and give code CF2026."), "{page}");
    site.write(
        RECORD,
        &record(
            "[student_name, ssn]",
            "40",
            &offer.replace("months: 24", "months: 12"),
        ),
    );
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    assert_eq!(
        on(&json, "error", "identity_protection.months").len(),
        1,
        "{json:#}"
    );
}

#[test]
fn pennsylvania_requires_credit_monitoring_for_a_name_with_an_ssn() {
    let site = site("pa", &record("[student_name, ssn]", "40", ""));
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    assert!(message(on(&json, "error", "identity_protection")[0]).contains("12 months"));
    // An SSN without a name: not required.
    site.write(RECORD, &record("[ssn]", "40", ""));
    assert_eq!(site.check_json().0, 0);
}

#[test]
fn unknown_values_are_warnings_not_errors() {
    let text = record("unknown", "unknown", "").replace(
        "occurred:\n  from: 2026-11-01\n  to: 2026-11-08\n",
        "occurred: unknown\n",
    );
    let site = site("ct", &text);
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    assert!(!on(&json, "warning", "data").is_empty(), "{json:#}");
    assert!(
        !on(&json, "warning", "affected.count").is_empty(),
        "{json:#}"
    );
    // CT's identity-protection offer depends on the data: flagged, not failed.
    assert!(
        !on(&json, "warning", "identity_protection").is_empty(),
        "{json:#}"
    );
    // And the page says so.
    site.run(&["build", "--today", TODAY]).success();
    assert!(site
        .out("notices/2026-11-10-incident/index.html")
        .contains(crate::common::UNKNOWN_SENTENCE));
}

#[test]
fn a_missing_incident_date_is_a_warning_and_leaves_the_line_out() {
    // 8 NYCRR 121.10 asks for the dates of the incident "if known": an active notice
    // without `occurred` publishes, and `check` says what to add.
    let text = record("[grades]", "30", "")
        .replace("occurred:\n  from: 2026-11-01\n  to: 2026-11-08\n", "");
    let site = site("ny", &text);
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    let warnings = on(&json, "warning", "occurred");
    assert_eq!(warnings.len(), 1, "{json:#}");
    assert!(message(warnings[0]).contains("8 NYCRR 121.10"), "{json:#}");
    assert!(message(warnings[0]).contains("if known"), "{json:#}");
    assert!(warnings[0]["hint"]
        .as_str()
        .unwrap()
        .contains("occurred: unknown"));
    site.run(&["build", "--today", TODAY]).success();
    let page = site.read("public/notices/2026-11-10-incident/index.html");
    assert!(!page.contains("When it happened"), "the line is left out");
    assert!(page.contains("When the district found out"));
}

#[test]
fn pii_in_a_markdown_field_blocks_publication() {
    let text = record("[ssn]", "30", "").replace(
        "description: An unauthorized person viewed records.",
        "description: |\n  An unauthorized person viewed records.\n\n  One record, 219-09-9999, was copied.",
    );
    let site = site("ny", &record("[grades]", "30", ""));
    site.run(&["build", "--today", TODAY]).success();
    let before = site.outputs();
    site.write(RECORD, &text);
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    let errors = on(&json, "error", "description");
    assert_eq!(errors.len(), 1, "{json:#}");
    assert_eq!(
        (errors[0]["line"].as_u64(), errors[0]["column"].as_u64()),
        (Some(16), Some(15))
    );
    assert!(message(errors[0]).contains("Social Security number"));
    let run = site.run(&["build", "--today", TODAY]).expect_code(1);
    assert!(run.stderr.contains("219-09-9999"), "{}", run.stderr);
    assert_eq!(site.outputs(), before, "the published site is unchanged");

    // A documented false positive is accepted.
    site.write(RECORD, &format!("{text}\npii_allow: [\"219-09-9999\"]\n"));
    assert_eq!(site.check_json().0, 0);
}

#[test]
fn card_numbers_are_caught_too() {
    let site = site(
        "pa",
        &record(
            "[financial_account]",
            "30",
            "other_data: card 4111 1111 1111 1111\n",
        ),
    );
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    assert!(message(on(&json, "error", "other_data")[0]).contains("payment card"));
}

#[test]
fn impossible_dates_are_errors() {
    let text =
        record("[grades]", "30", "").replace("published: 2026-11-12", "published: 2026-11-02");
    let site = site("ny", &text);
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    let errors = on(&json, "error", "published");
    assert!(
        message(errors[0]).contains("before `discovered`"),
        "{json:#}"
    );
    let text = record(
        "[grades]",
        "30",
        "law_enforcement_delay:\n  requested: 2026-11-12\n  lifted: 2026-11-11\n",
    );
    site.write(RECORD, &text);
    let (_, json) = site.check_json();
    assert_eq!(
        on(&json, "error", "law_enforcement_delay.lifted").len(),
        1,
        "{json:#}"
    );
}

#[test]
fn the_notice_names_the_law_it_is_given_under() {
    for (pack, law) in [
        ("ny", "This notice is provided under New York Education Law §2-d and 8 NYCRR §121.10"),
        ("ct", "This notice is provided under Connecticut General Statutes §10-234dd"),
        ("pa", "This notice is provided under the Pennsylvania Breach of Personal Information Notification Act"),
    ] {
        let site = site(pack, &record("[grades]", "30", ""));
        site.run(&["build", "--today", TODAY]).success();
        assert!(site.out("notices/2026-11-10-incident/index.html").contains(law), "{pack}");
    }
}

// ---- Which law covers which breach (realistic cases; dates worked by hand) ----------

/// A record of the district's fixture shape with its own facts.
fn incident(facts: &str) -> String {
    format!(
        "title: Incident
status: active
published: 2026-11-12
summary: Something happened.
description: What happened.
investigation: What we are doing.
{facts}"
    )
}

#[test]
fn ny_vendor_breach_learned_from_the_press_counts_from_the_district() {
    // The vendor found it on Monday November 2, 2026; the district read of it on
    // Wednesday November 4; the vendor's notice came on Friday November 13.
    let facts = "discovered: 2026-11-02\ndistrict_learned: 2026-11-04\ncontractor:\n  name: SIS Vendor\n  notified_district: 2026-11-13\noccurred:\n  from: 2026-10-30\n  to: 2026-11-01\ndata: [student_name, grades]\naffected:\n  count: 800\n  groups: [students, parents]\n";
    let site = site("ny", &incident(facts));
    let rows = deadlines(&site, &[]);
    // 10 calendar days from November 4: Saturday November 14; GCL §25-a would allow
    // Monday November 16, shown beside it.
    let spo = applicable(&rows, "state-privacy-officer");
    assert_eq!(spo["due"], "2026-11-14");
    assert_eq!(spo["extended_due"], "2026-11-16");
    assert_eq!(spo["from_date"], "2026-11-04");
    assert_eq!(spo["state"], "overdue");
    assert!(spo["file"].as_str().unwrap().contains("privacy@nysed.gov"));
    // 60 days from November 4: 26 to November 30, 31 in December (57), January 3, 2027
    // (a Sunday; Monday January 4 under §25-a).
    let ind = applicable(&rows, "individuals");
    assert_eq!(
        (ind["due"].as_str(), ind["extended_due"].as_str()),
        (Some("2027-01-03"), Some("2027-01-04"))
    );
    // The text names the district's own discovery.
    let text = site.run(&["deadlines", "--today", TODAY]).success().stdout;
    assert!(text.contains("district's own discovery"), "{text}");
}

#[test]
fn ny_staff_payroll_breach_has_no_invented_deadline() {
    let facts = "discovered: 2026-11-09\noccurred:\n  from: 2026-11-06\n  to: 2026-11-06\ndata: [staff_name, ssn, bank_account]\naffected:\n  count: 120\n  groups: [staff]\n";
    let site = site("ny", &incident(facts));
    let rows = deadlines(&site, &[]);
    let spo: Vec<&Value> = rows
        .iter()
        .filter(|r| r["obligation"] == "state-privacy-officer")
        .collect();
    assert_eq!(spo[0]["state"], "not_applicable");
    assert!(spo[0]["notes"][0]
        .as_str()
        .unwrap()
        .contains("Education Law §2-d"));
    let ind = applicable(&rows, "individuals");
    assert_eq!(
        (ind["due"].is_null(), ind["state"].as_str()),
        (true, Some("due"))
    );
    assert!(ind["citation"].as_str().unwrap().contains("STL §208"));
    // GBL §899-aa's 30 days from November 9 as a target: December 9.
    assert_eq!(ind["targets"][0]["due"], "2026-12-09");
    assert_eq!(applicable(&rows, "attorney-general")["state"], "due");
}

#[test]
fn a_media_release_never_discharges_direct_notice() {
    let extra = "substitute_notice:\n  reason: insufficient_contact\n";
    let site = site("ny", &record("[student_name, grades]", "120", extra));
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    let warnings = on(&json, "warning", "substitute_notice");
    assert_eq!(warnings.len(), 1, "{json:#}");
    assert!(
        message(warnings[0]).contains("first-class mail"),
        "{json:#}"
    );
    let rows = deadlines(&site, &[]);
    let ind = applicable(&rows, "individuals");
    assert_eq!(ind["state"], "due");
    assert!(ind["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n.as_str().unwrap().contains("does not meet this duty")));
}

#[test]
fn ny_paper_and_ransom_and_hipaa_records_read_and_apply() {
    let paper = "discovered: 2026-11-09\nmedium: paper\noccurred:\n  from: 2026-11-06\n  to: 2026-11-06\ndata: [student_name, grades]\naffected:\n  count: 3\n  groups: [students]\n";
    let site = site("ny", &incident(paper));
    let rows = deadlines(&site, &[]);
    let cyber = rows
        .iter()
        .find(|r| r["obligation"] == "cyber-incident-report")
        .unwrap();
    assert_eq!(cyber["state"], "not_applicable");
    // 10 days from Monday November 9: Thursday November 19.
    assert_eq!(
        applicable(&rows, "state-privacy-officer")["due"],
        "2026-11-19"
    );

    let ransom = "discovered: 2026-11-16T08:00\noccurred:\n  from: 2026-11-15\n  to: 2026-11-16\ndata: [student_name, ssn]\naffected:\n  count: 50\n  groups: [students]\nransom:\n  paid: 2026-11-18T13:30\nhipaa:\n  hhs_notified: 2026-11-20\n";
    site.write(RECORD, &incident(ransom));
    let rows = deadlines(&site, &[]);
    // 24 hours after 1:30 p.m. on November 18 (standard time); 30 days: December 18.
    assert_eq!(
        applicable(&rows, "ransom-payment-notice")["due"],
        "2026-11-19T13:30:00-05:00"
    );
    assert_eq!(
        applicable(&rows, "ransom-payment-explanation")["due"],
        "2026-12-18"
    );
    // 5 business days after Friday November 20: 23, 24, 25, (26 Thanksgiving), 27, 30.
    assert_eq!(
        applicable(&rows, "hipaa-attorney-general")["due"],
        "2026-11-30"
    );
}

#[test]
fn new_fields_are_checked_with_plain_words() {
    let facts = "discovered: 2026-11-09\nmedium: papr\noccurred:\n  from: 2026-11-06\n  to: 2026-11-06\ndata: [grades]\naffected:\n  count: 3\n  groups: [students]\nlaw_enforcement_delay:\n  requested: 2026-11-10\n  reason: police\n";
    let site = site("ny", &incident(facts));
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    let medium = on(&json, "error", "medium");
    assert_eq!(medium.len(), 1, "{json:#}");
    assert_eq!(medium[0]["hint"], "did you mean `paper`?");
    assert_eq!(medium[0]["line"], 8);
    let reason = on(&json, "error", "law_enforcement_delay.reason");
    assert_eq!(reason.len(), 1, "{json:#}");
    assert!(reason[0]["expected"]
        .as_str()
        .unwrap()
        .contains("vulnerability"));
}

#[test]
fn connecticut_offer_is_advice_for_a_contractors_breach() {
    // §10-234dd requires no offer: a contractor's breach with SSNs warns, never refuses.
    let extra = "contractor:\n  name: Vendor\n  notified_district: 2026-11-13\n";
    let site = site("ct", &record("[student_name, ssn]", "40", extra));
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    let warnings = on(&json, "warning", "identity_protection");
    assert_eq!(warnings.len(), 1, "{json:#}");
    assert!(message(warnings[0]).starts_with("consider offering"));
}

#[test]
fn pennsylvania_monitoring_is_for_bank_accounts_not_cards() {
    let site = site("pa", &record("[student_name, payment_card]", "40", ""));
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    assert!(on(&json, "error", "identity_protection").is_empty());
    site.write(RECORD, &record("[student_name, bank_account]", "40", ""));
    let (code, json) = site.check_json();
    assert_eq!(code, 1, "{json:#}");
    assert!(message(on(&json, "error", "identity_protection")[0]).contains("12 months"));
    // "Bank account, credit or debit card": it may be a bank account; a warning.
    site.write(
        RECORD,
        &record("[student_name, financial_account]", "40", ""),
    );
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(
        on(&json, "warning", "identity_protection").len(),
        1,
        "{json:#}"
    );
}

#[test]
fn deadlines_as_an_icalendar_file_that_a_calendar_app_reads() {
    // The press-vendor case: the Chief Privacy Officer report is overdue (due Saturday
    // November 14, 2026), the families' notice is due January 3, 2027; the contractor's
    // own clock is met late (no event); STL §208 does not apply (no event).
    let facts = "discovered: 2026-11-02\ndistrict_learned: 2026-11-04\ncontractor:\n  name: SIS Vendor\n  notified_district: 2026-11-13\noccurred:\n  from: 2026-10-30\n  to: 2026-11-01\ndata: [student_name, grades]\naffected:\n  count: 800\n  groups: [students, parents]\n";
    let site = site("ny", &incident(facts));
    let run = site
        .run(&["deadlines", "--format", "ics", "--today", TODAY])
        .success();
    assert!(run.stdout.lines().all(|l| l.len() <= 76), "folded");
    assert!(run.stdout.contains("\r\n"), "CRLF line ends");
    let mut parser = ical::IcalParser::new(run.stdout.as_bytes());
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("RFC 5545 that a real parser reads");
    assert!(parser.next().is_none());
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let events: Vec<(String, String)> = calendar
        .events
        .iter()
        .map(|e| (value(&e.properties, "UID"), value(&e.properties, "DTSTART")))
        .collect();
    assert_eq!(
        events,
        [
            (
                "2026-11-10-incident.state-privacy-officer@breachpage".to_string(),
                "20261114".to_string()
            ),
            (
                "2026-11-10-incident.individuals.student-teacher-or-principal-data@breachpage"
                    .to_string(),
                "20270103".to_string()
            ),
        ]
    );
    for event in &calendar.events {
        let description = value(&event.properties, "DESCRIPTION");
        assert!(description.contains("8 NYCRR 121.10"), "{description}");
        let triggers: Vec<String> = event
            .alarms
            .iter()
            .map(|a| value(&a.properties, "TRIGGER"))
            .collect();
        assert_eq!(triggers, ["-P2D", "-P1D"]);
    }
    let spo = value(&calendar.events[0].properties, "DESCRIPTION");
    assert!(spo.contains("privacy@nysed.gov"), "{spo}");
    assert!(spo.contains("This deadline has passed."), "{spo}");
}

#[test]
fn an_hour_clock_is_an_instant_in_utc() {
    // 72 hours after 8:00 a.m. on Monday November 16, 2026 (standard time, UTC-5):
    // Thursday November 19 at 8:00 Eastern, 13:00 UTC.
    let facts = "discovered: 2026-11-16T08:00\noccurred:\n  from: 2026-11-15\n  to: 2026-11-16\ndata: [staff_name, ssn]\naffected:\n  count: 40\n  groups: [staff]\n";
    let site = site("ny", &incident(facts));
    let run = site
        .run(&["deadlines", "--format", "ics", "--today", "2026-11-17"])
        .success();
    let calendar = ical::IcalParser::new(run.stdout.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let starts: Vec<String> = calendar
        .events
        .iter()
        .flat_map(|e| &e.properties)
        .filter(|p| p.name == "DTSTART")
        .filter_map(|p| p.value.clone())
        .collect();
    assert_eq!(starts, ["20261119T130000Z"]);
}

/// `notified.<id>` as a record of the act: `deadlines` shows how it was done, in text and
/// in JSON; a bad method, a bad date, a missing date and evidence that is missing, outside
/// the site or in a published folder are errors on their own fields.
#[test]
fn a_duty_done_is_recorded_with_its_method_author_reference_and_proof() {
    let act = "notified:\n  individuals: 2026-11-12\n  state-privacy-officer:\n    date: 2026-11-13T10:30\n    method: portal\n    by: Morgan Reyes, Data Privacy Officer\n    reference: CPO-2026-117\n    evidence: [records/cpo-receipt.pdf]\n";
    let site = site("ny", &record("[student_name, grades]", "40", act));
    site.write("records/cpo-receipt.pdf", "%PDF-1.4 receipt");
    let rows = deadlines(&site, &[]);
    let cpo = applicable(&rows, "state-privacy-officer");
    assert_eq!(cpo["met"], "2026-11-13");
    assert_eq!(cpo["record"]["at"], "2026-11-13T10:30");
    assert_eq!(cpo["record"]["method"], "portal");
    assert_eq!(cpo["record"]["reference"], "CPO-2026-117");
    assert_eq!(cpo["record"]["evidence"][0], "records/cpo-receipt.pdf");
    assert!(applicable(&rows, "individuals").get("record").is_none());
    let text = site.run(&["deadlines", "--today", TODAY]).success().stdout;
    assert!(
        text.contains("done: at 10:30 a.m. · on the agency's portal · done by Morgan Reyes, Data Privacy Officer · reference CPO-2026-117 · proof kept: records/cpo-receipt.pdf"),
        "{text}"
    );

    let bad = "notified:\n  individuals:\n    method: pigeon\n  state-privacy-officer:\n    date: 2026-13-01\n";
    let (code, json) = site_with(&record("[student_name, grades]", "40", bad)).check_json();
    assert_eq!(code, 1);
    let method = on(&json, "error", "notified.individuals.method");
    assert_eq!(method.len(), 1, "{json:#}");
    assert!(method[0]["expected"].as_str().unwrap().contains("`portal`"));
    assert_eq!(
        on(&json, "error", "notified.individuals.date").len(),
        1,
        "{json:#}"
    );
    assert_eq!(
        on(&json, "error", "notified.state-privacy-officer.date").len(),
        1,
        "{json:#}"
    );

    // The record reads; its evidence is then checked against the site folder.
    let proof = "notified:\n  attorney-general:\n    date: 2026-11-14\n    evidence: [records/missing.pdf, /etc/passwd, static/receipt.pdf]\n";
    let site = site_with(&record("[student_name, grades]", "40", proof));
    site.write("static/receipt.pdf", "%PDF");
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    let evidence = |i: usize| {
        let found = on(
            &json,
            "error",
            &format!("notified.attorney-general.evidence[{i}]"),
        );
        assert_eq!(found.len(), 1, "{json:#}");
        assert!(found[0]["line"].as_u64().unwrap() > 15, "{json:#}");
        message(found[0]).to_string()
    };
    assert!(evidence(0).contains("does not exist"));
    assert!(evidence(1).contains("inside the site folder"));
    assert!(evidence(2).contains("static/"));
}

fn site_with(record_text: &str) -> Site {
    site("ny", record_text)
}

// ---- People in several states ----------------------------------------------------------

/// A payroll phish of 400 staff, discovered November 9, 2026: `residents` says where they
/// live.
fn payroll(residents: &str, extra: &str) -> String {
    let base = record("[staff_name, ssn]", "400", extra).replace(
        "groups: [students, parents]",
        &format!("groups: [staff]\n  residents: {residents}"),
    );
    assert!(base.contains("residents:"), "{base}");
    base
}

#[test]
fn deadlines_list_each_state_of_residence_with_its_own_clock_and_citation() {
    let site = site("ny", &payroll("{NY: 385, CT: 12, NJ: 3}", ""));
    let rows = deadlines(&site, &[]);
    // The district's own New York duties are marked New York.
    let home: Vec<&Value> = rows.iter().filter(|r| r["jurisdiction"] == "NY").collect();
    assert!(home
        .iter()
        .any(|r| r["obligation"] == "cyber-incident-report"));
    // Connecticut's: 60 calendar days from November 9: 21 left in November, 31 in
    // December (52), 8 in January: January 8, 2027.
    let ct: Vec<&Value> = rows
        .iter()
        .filter(|r| r["jurisdiction"] == "CT" && r["state"] != "not_applicable")
        .collect();
    let ind = ct
        .iter()
        .find(|r| r["obligation"] == "individuals")
        .unwrap();
    assert_eq!(ind["due"], "2027-01-08");
    assert_eq!(
        ind["citation"],
        "C.G.S. §36a-701b(b)(1), as amended by P.A. 21-59"
    );
    let ag = ct
        .iter()
        .find(|r| r["obligation"] == "attorney-general")
        .unwrap();
    assert_eq!(ag["citation"], "C.G.S. §36a-701b(b)(2)");
    // New Jersey: no rules, and it says so, with no citation of a law not read.
    let nj: Vec<&Value> = rows.iter().filter(|r| r["jurisdiction"] == "NJ").collect();
    assert_eq!(nj.len(), 1);
    assert_eq!(nj[0]["obligation"], "check-state-law");
    assert_eq!(nj[0]["citation"], "");
    assert!(nj[0]["notes"][0]
        .as_str()
        .unwrap()
        .starts_with("3 affected people live in New Jersey; breachpage has no New Jersey rules"));

    let text = site.run(&["deadlines", "--today", TODAY]).success().stdout;
    let ct_at = text
        .find("12 affected people live in Connecticut: Connecticut rules")
        .expect(&text);
    let nj_at = text
        .find("3 affected people live in New Jersey; breachpage has no New Jersey rules")
        .expect(&text);
    assert!(ct_at < nj_at);
    assert!(text[ct_at..nj_at].contains("due January 8, 2027: 60 calendar days after discovery"));
    assert!(text[ct_at..nj_at].contains("offer    24 months of identity theft prevention"));
}

#[test]
fn a_connecticut_board_sees_new_york_duties_in_its_calendar() {
    let site = site("ct", &payroll("{CT: 390, NY: 10}", ""));
    // GBL §899-aa(2): 30 days from Monday November 9, 2026: Wednesday December 9.
    let rows = deadlines(&site, &[]);
    let ny = rows
        .iter()
        .find(|r| {
            r["jurisdiction"] == "NY"
                && r["obligation"] == "individuals"
                && r["state"] != "not_applicable"
        })
        .unwrap();
    assert_eq!(ny["due"], "2026-12-09");
    let ics = site
        .run(&["deadlines", "--format", "ics", "--today", TODAY])
        .success()
        .stdout
        .replace("\r\n ", "");
    assert!(ics.contains("UID:2026-11-10-incident.ny.individuals.new-york-residents-for-a-district-outside-new-york@breachpage"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20261209"));
    assert!(ics.contains("under New York law"));
    assert!(ics.contains("affected.residents.NY.notified.individuals"));
}

#[test]
fn check_warns_of_states_without_rules_and_their_offers() {
    let site = site("ny", &payroll("{NY: 385, CT: 12, NJ: 3}", ""));
    let (code, json) = site.check_json();
    assert_eq!(code, 0, "{json:#}");
    let nj = on(&json, "warning", "affected.residents.NJ");
    assert_eq!(nj.len(), 1, "{json:#}");
    assert!(message(nj[0]).contains("check New Jersey's breach notification law yourself"));
    // Connecticut residents' SSNs: Connecticut asks 24 months for them.
    let offer = on(&json, "warning", "identity_protection");
    assert!(
        offer
            .iter()
            .any(|d| message(d).contains("Connecticut law requires an offer of 24 months")),
        "{json:#}"
    );
}

#[test]
fn residents_by_state_are_checked_where_they_are_written() {
    let cases = [
        (
            "{NY: 385, NX: 12}",
            "affected.residents.NX",
            "this is not a US state breachpage knows",
            None,
        ),
        (
            "{NY: 385, New Jersy: 12}",
            "affected.residents.New Jersy",
            "this is not a US state breachpage knows",
            Some("did you mean NJ (New Jersey)?"),
        ),
        (
            "{NY: 385, Connecticut: 12}",
            "affected.residents.Connecticut",
            "write the state as its two-letter postal code",
            Some("write the postal code: CT"),
        ),
        (
            "{NY: 395, CT: 12}",
            "affected.residents",
            "the numbers by state add up to 407, more than `affected.count` (400)",
            None,
        ),
        (
            "401",
            "affected.residents",
            "401 people cannot live in the state when `affected.count` is 400",
            None,
        ),
        (
            "{NY: 385, CT: twelve}",
            "affected.residents.CT",
            "this must be a whole number",
            None,
        ),
        (
            "{NY: 385, CT: {count: 12, notified: {atorney-general: 2026-11-20}}}",
            "affected.residents.CT.notified.atorney-general",
            "`atorney-general` is not a duty breachpage knows",
            Some("did you mean `attorney-general`?"),
        ),
    ];
    for (residents, field, words, hint) in cases {
        let site = site("ny", &payroll(residents, ""));
        let (code, json) = site.check_json();
        assert_eq!(code, 1, "{residents}: {json:#}");
        let errors = on(&json, "error", field);
        assert_eq!(errors.len(), 1, "{residents}: {json:#}");
        assert!(message(errors[0]).contains(words), "{residents}: {json:#}");
        // The line of `residents:`, the 13th of the record.
        assert_eq!(errors[0]["line"], 13, "{residents}: {json:#}");
        if let Some(hint) = hint {
            assert_eq!(errors[0]["hint"], hint, "{residents}: {json:#}");
        }
    }
    // Codes in any case, `unknown`, and a list of codes while numbers are not known.
    for residents in ["{ny: 385, ct: unknown}", "[CT, NJ]", "385"] {
        let site = site("ny", &payroll(residents, ""));
        let (_, json) = site.check_json();
        assert_eq!(json["errors"], 0, "{residents}: {json:#}");
    }
}

#[test]
fn another_states_overdue_duty_fails_the_cron_job_until_recorded_under_that_state() {
    // A Connecticut board told everyone and its own Attorney General on November 20; New
    // York's Attorney General (GBL §899-aa(8)(a)) was due with the letter and is not told.
    let done = "notified:\n  individuals: 2026-11-20\n  attorney-general: 2026-11-20\n";
    let site = site("ct", &payroll("{CT: 390, NY: 10}", done));
    let run = site
        .run(&["deadlines", "--fail-on-overdue", "--today", TODAY])
        .expect_code(1);
    assert!(
        run.stderr.contains("1 obligation is overdue"),
        "{}",
        run.stderr
    );
    let told = payroll(
        "\n    CT: 390\n    NY:\n      count: 10\n      notified:\n        attorney-general: 2026-11-21",
        done,
    );
    site.write(RECORD, &told);
    site.run(&["deadlines", "--fail-on-overdue", "--today", TODAY])
        .success();
}

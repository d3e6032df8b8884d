//! Realistic incidents, each worked by hand from the statute's text before the engine was
//! run: the expected dates are in the comments with the arithmetic. A vendor breach the
//! district read about in the press, a staff payroll phish, an employee health plan, a
//! mis-mailed paper report card, a lawful and a late police delay, an unfixed
//! vulnerability, a ransom, and each state's own holidays.
//!
//! Test code only: `#[cfg(test)] mod cases;` in compliance/mod.rs.

use crate::compliance::obligations::{Due, ObligationStatus, State};
use crate::compliance::testing::{d, due, one, residences, run, statuses_in};
use crate::jurisdiction::Condition;
use crate::model::Known;

/// Every variant of `id` is not applicable; returns their notes.
fn none(statuses: &[ObligationStatus], id: &str) -> String {
    let all: Vec<&ObligationStatus> = statuses.iter().filter(|s| s.obligation.id == id).collect();
    assert!(!all.is_empty(), "{id} is in the pack");
    assert!(
        all.iter().all(|s| s.state == State::NotApplicable),
        "{id}: {all:#?}"
    );
    all.iter()
        .flat_map(|s| s.notes.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- New York -------------------------------------------------------------------

const PRESS_VENDOR: &str = "discovered: 2025-09-02\ncontractor:\n  name: SIS Vendor\n  notified_district: 2025-09-19\ndistrict_learned: 2025-09-10\noccurred:\n  from: 2025-08-28\n  to: 2025-09-01\ndata: [student_name, student_id, grades]\naffected:\n  count: 3200\n  groups: [students, parents]\n";

#[test]
fn ny_vendor_breach_the_district_read_about_in_the_press() {
    let s = run("NY", PRESS_VENDOR, d(2025, 9, 25));
    // 121.10(a): 7 calendar days from the vendor's discovery (Tuesday September 2):
    // September 9. It told the district on September 19: late.
    let c = one(&s, "contractor-to-district");
    assert_eq!(
        (due(c).as_deref(), c.state),
        (Some("2025-09-09"), State::Late)
    );
    // 121.10(b), (d): 10 calendar days from the earlier of the district's own discovery
    // (the press, September 10) and the vendor's notice (September 19): September 20, a
    // Saturday. GCL §25-a would allow Monday September 22; the earlier date is shown.
    let spo = one(&s, "state-privacy-officer");
    assert_eq!(
        (due(spo).as_deref(), spo.extended, spo.state, spo.days),
        (
            Some("2025-09-20"),
            Some(d(2025, 9, 22)),
            State::Overdue,
            Some(-5)
        )
    );
    assert!(spo.trigger_text.contains("district's own discovery"));
    assert!(spo
        .notes
        .iter()
        .any(|n| n.contains("falls on a weekend (Saturday, September 20, 2025)")));
    // 121.10(e): 60 calendar days from September 10: 20 days to September 30, 31 in
    // October (51), 9 in November: Sunday November 9 (next business day Monday 10).
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2025-11-09"), Some(d(2025, 11, 10)))
    );
    // Without `district_learned` the clocks would start on September 19: later, wrong.
    let without = PRESS_VENDOR.replace("district_learned: 2025-09-10\n", "");
    let late = run("NY", &without, d(2025, 9, 25));
    assert_eq!(
        due(one(&late, "state-privacy-officer")).as_deref(),
        Some("2025-09-29")
    );
}

const PAYROLL: &str = "discovered: 2025-10-06\noccurred:\n  from: 2025-10-03\n  to: 2025-10-03\ndata: [staff_name, ssn, bank_account]\naffected:\n  count: 240\n  groups: [staff]\n";

#[test]
fn ny_staff_payroll_phish_is_not_education_law_2d() {
    let s = run("NY", PAYROLL, d(2025, 10, 20));
    // §2-d reaches student data and APPR data only: no report to the Chief Privacy
    // Officer and no 60-day clock.
    assert!(none(&s, "state-privacy-officer").contains("Education Law §2-d"));
    // STL §208 as adopted by district policy: "without unreasonable delay", no date.
    let ind = one(&s, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("private information that is not student, teacher or principal data")
    );
    assert_eq!((ind.due.clone(), ind.state), (None, State::Due));
    // GBL §899-aa's 30 days as a target: October 6 + 30 = November 5.
    assert_eq!(
        ind.targets
            .iter()
            .map(|t| t.due.as_ref().map(Due::to_json))
            .collect::<Vec<_>>(),
        [Some("2025-11-05".to_string())]
    );
    assert_eq!(one(&s, "attorney-general").state, State::Due);
    // 240 residents: no consumer reporting agencies (more than 5,000).
    none(&s, "consumer-reporting-agencies");
    // GML §995-b: 72 hours from the start of October 6 (no time given), daylight time.
    assert_eq!(
        due(one(&s, "cyber-incident-report")).as_deref(),
        Some("2025-10-09T00:00:00-04:00")
    );
    // Notice sent December 1: met, never "late" against an invented date.
    let sent = format!("{PAYROLL}notified:\n  individuals: 2025-12-01\n");
    let s = run("NY", &sent, d(2025, 12, 2));
    let ind = one(&s, "individuals");
    assert_eq!((ind.due.clone(), ind.state), (None, State::Met));
}

#[test]
fn ny_employee_health_plan_breach_reported_to_hhs() {
    let facts = "discovered: 2025-04-01\ndata: [staff_name, health_insurance]\naffected:\n  count: 80\n  groups: [staff]\nhipaa:\n  hhs_notified: 2025-05-23\n";
    let s = run("NY", facts, d(2025, 5, 27));
    // GBL §899-aa(9): 5 business days after Friday May 23; Monday May 26 is Memorial
    // Day: May 27, 28, 29, 30, June 2.
    let ag = one(&s, "hipaa-attorney-general");
    assert_eq!(
        (due(ag).as_deref(), ag.state),
        (Some("2025-06-02"), State::Due)
    );
    // Health insurance information is private information from March 21, 2025.
    assert_eq!(one(&s, "attorney-general").state, State::Due);
    none(&s, "state-privacy-officer");
    // Discovered before March 21, 2025: not private information yet.
    let earlier = facts.replace("2025-04-01", "2025-03-01");
    let s = run("NY", &earlier, d(2025, 5, 27));
    none(&s, "attorney-general");
    none(&s, "individuals");
    assert_eq!(
        due(one(&s, "hipaa-attorney-general")).as_deref(),
        Some("2025-06-02")
    );
}

#[test]
fn ny_mis_mailed_paper_report_cards() {
    let facts = "discovered: 2025-11-03\nmedium: paper\noccurred:\n  from: 2025-10-31\n  to: 2025-10-31\ndata: [student_name, grades]\naffected:\n  count: 12\n  groups: [students, parents]\n";
    let s = run("NY", facts, d(2025, 11, 4));
    // §2-d reaches an unauthorized release on paper too: the Chief Privacy Officer within
    // 10 days of Monday November 3 (Thursday November 13), families within 60 days
    // (27 days to November 30, 31 in December (58), then January 2, 2026, a Friday).
    assert_eq!(
        due(one(&s, "state-privacy-officer")).as_deref(),
        Some("2025-11-13")
    );
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2026-01-02"), None)
    );
    // Paper is not a cybersecurity incident (GML §995-a(1): "on or conducted through a
    // computer network").
    assert!(none(&s, "cyber-incident-report").contains("on paper"));
    // A paper list of staff SSNs: STL §208 reaches computerized data only.
    let staff = "discovered: 2025-11-03\nmedium: paper\ndata: [staff_name, ssn]\naffected:\n  count: 12\n  groups: [staff]\n";
    let s = run("NY", staff, d(2025, 11, 4));
    assert!(none(&s, "attorney-general").contains("on paper"));
    none(&s, "individuals");
}

const POLICE: &str = "discovered: 2025-02-03\ndata: [student_name, student_id]\naffected:\n  count: 900\n  groups: [students]\n";

#[test]
fn ny_lawful_police_delay() {
    // Requested February 10, before the 60 days ran out (February 3 + 60: 25 days to
    // February 28, 31 in March (56), April 4). Lifted May 15: 7 days later, May 22.
    let facts = format!("{POLICE}law_enforcement_delay:\n  requested: 2025-02-10\n  lifted: 2025-05-15\nnotified:\n  individuals: 2025-05-20\n");
    let s = run("NY", &facts, d(2025, 5, 21));
    let ind = one(&s, "individuals");
    assert_eq!(ind.obligation.from.id(), "delay_end");
    assert_eq!(
        (due(ind).as_deref(), ind.state),
        (Some("2025-05-22"), State::Met)
    );
}

#[test]
fn ny_police_delay_asked_after_the_deadline_does_not_excuse() {
    // The 60 days ended April 4; the request came April 10: notice on May 20 is late.
    let facts = format!("{POLICE}law_enforcement_delay:\n  requested: 2025-04-10\n  lifted: 2025-05-15\nnotified:\n  individuals: 2025-05-20\n");
    let s = run("NY", &facts, d(2025, 5, 21));
    let ind = one(&s, "individuals");
    assert_eq!(ind.obligation.from.id(), "discovery_or_contractor_notice");
    assert_eq!(
        (due(ind).as_deref(), ind.state),
        (Some("2025-04-04"), State::Late)
    );
    let delayed = s
        .iter()
        .find(|x| x.obligation.from.id() == "delay_end")
        .unwrap();
    assert_eq!(delayed.state, State::NotApplicable);
    assert!(
        delayed.notes[0].contains("after the deadline of April 4, 2025 had passed"),
        "{:?}",
        delayed.notes
    );
}

#[test]
fn ny_unfixed_vulnerability_delays_notice_until_fixed() {
    // 121.10(e): 7 calendar days after the vulnerability is remedied (March 1): Saturday
    // March 8 (GCL §25-a: Monday March 10).
    let facts = format!("{POLICE}law_enforcement_delay:\n  requested: 2025-02-05\n  lifted: 2025-03-01\n  reason: vulnerability\n");
    let s = run("NY", &facts, d(2025, 3, 3));
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2025-03-08"), Some(d(2025, 3, 10)))
    );
    assert_eq!(ind.trigger_text, "fix of the security vulnerability");
    // While it is not fixed, there is no date and the duty stays open.
    let holding = format!(
        "{POLICE}law_enforcement_delay:\n  requested: 2025-02-05\n  reason: vulnerability\n"
    );
    let s = run("NY", &holding, d(2025, 3, 3));
    let ind = one(&s, "individuals");
    assert_eq!((ind.due.clone(), ind.state), (None, State::Due));
    assert!(ind.notes.iter().any(|n| n.contains("delay still holds")));
}

#[test]
fn ny_ransom_payment_clocks() {
    let facts = "discovered: 2025-10-14T09:00\ndata: [student_name, ssn]\naffected:\n  count: 900\n  groups: [students]\nransom:\n  paid: 2025-10-15T16:00\n";
    let s = run("NY", facts, d(2025, 10, 16));
    // GML §995-c: 24 hours after 4 p.m. on October 15 (daylight time).
    assert_eq!(
        due(one(&s, "ransom-payment-notice")).as_deref(),
        Some("2025-10-16T16:00:00-04:00")
    );
    // 30 calendar days: 16 days to October 31, then 14: Friday November 14.
    assert_eq!(
        due(one(&s, "ransom-payment-explanation")).as_deref(),
        Some("2025-11-14")
    );
    // No ransom: neither applies.
    let s = run(
        "NY",
        &facts.replace("ransom:\n  paid: 2025-10-15T16:00\n", ""),
        d(2025, 10, 16),
    );
    assert!(none(&s, "ransom-payment-notice").contains("no ransom payment"));
}

#[test]
fn ny_cyber_incident_report_from_july_28_2025() {
    let facts = |day: &str| {
        format!("discovered: {day}\ndata: [staff_name, ssn]\naffected:\n  count: 9\n  groups: [staff]\n")
    };
    let before = run("NY", &facts("2025-07-27"), d(2025, 7, 28));
    assert!(none(&before, "cyber-incident-report").contains("July 28, 2025"));
    let on = run("NY", &facts("2025-07-28"), d(2025, 7, 28));
    assert_eq!(
        due(one(&on, "cyber-incident-report")).as_deref(),
        Some("2025-07-31T00:00:00-04:00")
    );
}

#[test]
fn ny_gbl_30_day_target_only_from_december_21_2024() {
    let facts = |day: &str| {
        format!("discovered: {day}\ndata: [staff_name, ssn]\naffected:\n  count: 9\n  groups: [staff]\n")
    };
    let s = run("NY", &facts("2024-12-20"), d(2025, 1, 2));
    assert!(one(&s, "individuals").targets.is_empty());
    // December 21 + 30: 10 days to December 31, then 20: January 20, 2025.
    let s = run("NY", &facts("2024-12-21"), d(2025, 1, 2));
    let targets = &one(&s, "individuals").targets;
    assert_eq!(targets.len(), 1);
    assert_eq!(
        targets[0].due.as_ref().map(Due::to_json).as_deref(),
        Some("2025-01-20")
    );
}

// ---- Connecticut ----------------------------------------------------------------

#[test]
fn ct_special_education_is_student_information_30_days() {
    let facts = "discovered: 2025-01-02\ncontractor:\n  name: C\n  notified_district: 2025-01-17\ndata: [student_name, special_education]\naffected:\n  count: 40\n  groups: [students]\n";
    let s = run("CT", facts, d(2025, 1, 17));
    // 30 days from January 2: 29 to January 31, then February 1.
    let c = one(&s, "contractor-to-district");
    assert_eq!(due(c).as_deref(), Some("2025-02-01"));
}

#[test]
fn ct_business_days_skip_lincoln_day() {
    let facts = |notice: &str| {
        format!("discovered: 2025-01-02\ncontractor:\n  name: C\n  notified_district: {notice}\ndata: [student_name, grades]\naffected:\n  count: 40\n  groups: [students]\n")
    };
    // Notice Tuesday February 11, 2025; Wednesday 12 is Lincoln Day (C.G.S. §1-4):
    // Thursday 13 (1), Friday 14 (2).
    let s = run("CT", &facts("2025-02-11"), d(2025, 2, 11));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-02-14"));
    assert_eq!(
        due(one(&s, "website-posting")).as_deref(),
        Some("2025-02-14")
    );
    // February 12, 2028 is a Saturday, kept on Friday 11: from Thursday 10, Monday 14 (1)
    // and Tuesday 15 (2).
    let s = run("CT", &facts("2028-02-10"), d(2028, 2, 10));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2028-02-15"));
}

const CT_OWN: &str =
    "discovered: 2025-03-03\ndata: [staff_name, ssn]\naffected:\n  count: 60\n  groups: [staff]\n";

#[test]
fn ct_own_breach_police_delay_suspends_the_60_days() {
    // Without a delay: 60 days from March 3: 28 to March 31, 30 in April (58), May 2.
    let s = run("CT", CT_OWN, d(2025, 3, 4));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-05-02"));
    // Delay asked March 10, lifted June 2: "without unreasonable delay" after it, no date.
    let delayed =
        format!("{CT_OWN}law_enforcement_delay:\n  requested: 2025-03-10\n  lifted: 2025-06-02\n");
    let s = run("CT", &delayed, d(2025, 6, 3));
    let ind = one(&s, "individuals");
    assert_eq!(
        (ind.due.clone(), ind.trigger, ind.state),
        (None, Some(d(2025, 6, 2)), State::Due)
    );
    // An unfixed vulnerability is no ground in Connecticut: the 60 days still run.
    let vulnerability = format!(
        "{CT_OWN}law_enforcement_delay:\n  requested: 2025-03-10\n  reason: vulnerability\n"
    );
    let s = run("CT", &vulnerability, d(2025, 5, 5));
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.state),
        (Some("2025-05-02"), State::Overdue)
    );
}

#[test]
fn ct_board_duty_from_july_1_2017() {
    let facts = "discovered: 2017-03-01\ncontractor:\n  name: C\n  notified_district: 2017-03-06\ndata: [grades]\naffected:\n  count: 4\n  groups: [students]\n";
    let s = run("CT", facts, d(2017, 3, 7));
    assert!(none(&s, "website-posting").contains("July 1, 2017"));
    // The contractor's 30 days (P.A. 16-189, October 1, 2016) apply: March 31.
    assert_eq!(
        due(one(&s, "contractor-to-district")).as_deref(),
        Some("2017-03-31")
    );
}

// ---- Pennsylvania -----------------------------------------------------------------

const PA_VENDOR: &str = "discovered: 2025-01-06\ncontractor:\n  name: V\n  notified_district: 2025-02-03\ndata: [student_name, ssn]\naffected:\n  count: 40\n  groups: [students]\n";

#[test]
fn pa_vendor_breach_counts_from_the_district_never_the_vendor() {
    // Determination no earlier than the vendor's notice, Monday February 3: 7 business
    // days are February 4, 5, 6, 7, 10, 11, 12; the district attorney's 3 end on the 6th.
    let s = run("PA", PA_VENDOR, d(2025, 2, 4));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-02-12"));
    assert_eq!(
        due(one(&s, "district-attorney")).as_deref(),
        Some("2025-02-06")
    );
    // The district read of it on Tuesday January 28: January 29, 30, 31, February 3, 4,
    // 5, 6 (individuals) and January 29, 30, 31 (district attorney).
    let learned = PA_VENDOR.replace("data:", "district_learned: 2025-01-28\ndata:");
    let s = run("PA", &learned, d(2025, 2, 4));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-02-06"));
    assert_eq!(
        due(one(&s, "district-attorney")).as_deref(),
        Some("2025-01-31")
    );
}

#[test]
fn pa_business_days_skip_good_friday_flag_day_and_election_day() {
    let facts = |determined: &str| {
        format!("discovered: {determined}\ndetermined: {determined}\ndata: [staff_name, ssn]\naffected:\n  count: 900\n  groups: [staff]\n")
    };
    // Wednesday April 16, 2025; Good Friday is April 18. District attorney: 17, 21, 22.
    // Individuals: 17, 21, 22, 23, 24, 25, 28.
    let s = run("PA", &facts("2025-04-16"), d(2025, 4, 16));
    assert_eq!(
        due(one(&s, "district-attorney")).as_deref(),
        Some("2025-04-22")
    );
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-04-28"));
    // Wednesday June 12, 2024; Flag Day is Friday 14 and Juneteenth Wednesday 19.
    // District attorney: 13, 17, 18. Individuals: 13, 17, 18, 20, 21, 24, 25.
    let s = run("PA", &facts("2024-06-12"), d(2024, 6, 12));
    assert_eq!(
        due(one(&s, "district-attorney")).as_deref(),
        Some("2024-06-18")
    );
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2024-06-25"));
    // Before Act 33 took effect (September 26, 2024): no Attorney General notice.
    assert!(none(&s, "attorney-general").contains("September 26, 2024"));
    // Monday November 3, 2025; Election Day is Tuesday 4, Veterans Day Tuesday 11.
    // District attorney: 5, 6, 7. Individuals: 5, 6, 7, 10, 12, 13, 14.
    let s = run("PA", &facts("2025-11-03"), d(2025, 11, 3));
    assert_eq!(
        due(one(&s, "district-attorney")).as_deref(),
        Some("2025-11-07")
    );
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-11-14"));
}

#[test]
fn pa_thresholds_count_pennsylvania_residents() {
    let facts = |residents: u64| {
        format!("discovered: 2025-03-03\ndata: [staff_name, ssn]\naffected:\n  count: 2000\n  residents: {residents}\n  groups: [staff]\n")
    };
    let s = run("PA", &facts(500), d(2025, 3, 4));
    none(&s, "attorney-general");
    none(&s, "consumer-reporting-agencies");
    let s = run("PA", &facts(501), d(2025, 3, 4));
    one(&s, "attorney-general");
    one(&s, "consumer-reporting-agencies");
}

#[test]
fn pa_act_reaches_computerized_personal_information_only() {
    let facts = |data: &str, extra: &str| {
        format!("discovered: 2025-03-03\n{extra}data: {data}\naffected:\n  count: 20\n  groups: [students]\n")
    };
    // Biometric data is not PA personal information; nor are grades.
    for data in ["[student_name, biometric]", "[student_name, grades]"] {
        let s = run("PA", &facts(data, ""), d(2025, 3, 4));
        assert!(none(&s, "individuals").contains("outside it"), "{data}");
        none(&s, "district-attorney");
    }
    // A username with its password is, even without a name.
    let s = run("PA", &facts("[username_password]", ""), d(2025, 3, 4));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-03-12"));
    // A paper list of SSNs is not computerized data.
    let s = run(
        "PA",
        &facts("[student_name, ssn]", "medium: paper\n"),
        d(2025, 3, 4),
    );
    assert!(none(&s, "individuals").contains("on paper"));
    // SSNs without a name listed: it may apply (a name usually goes with them), and the
    // date is shown.
    let s = run("PA", &facts("[ssn]", ""), d(2025, 3, 4));
    let ind = one(&s, "individuals");
    assert_eq!(due(ind).as_deref(), Some("2025-03-12"));
    assert!(ind.notes[0].starts_with("This may apply"));
}

#[test]
fn pa_police_delay_and_an_unrecognised_vulnerability_delay() {
    let base = "discovered: 2025-03-03\ndetermined: 2025-03-03\ndata: [staff_name, ssn]\naffected:\n  count: 20\n  groups: [staff]\n";
    // Determination Monday March 3: individuals by March 12 (4, 5, 6, 7, 10, 11, 12);
    // the delay asked on March 5 is in time; after it is lifted (April 1) no fixed date.
    let police =
        format!("{base}law_enforcement_delay:\n  requested: 2025-03-05\n  lifted: 2025-04-01\n");
    let s = run("PA", &police, d(2025, 4, 2));
    let ind = one(&s, "individuals");
    assert_eq!((ind.due.clone(), ind.trigger), (None, Some(d(2025, 4, 1))));
    // The district attorney's 3 business days are not delayed: March 6.
    assert_eq!(
        due(one(&s, "district-attorney")).as_deref(),
        Some("2025-03-06")
    );
    let vulnerability =
        format!("{base}law_enforcement_delay:\n  requested: 2025-03-05\n  reason: vulnerability\n");
    let s = run("PA", &vulnerability, d(2025, 3, 4));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-03-12"));
}

// ---- People in several states ------------------------------------------------------

/// A New York district's payroll phish: 400 staff, 12 of whom live in Connecticut.
/// Discovered on Sunday December 14, 2025.
const NY_PAYROLL_WITH_CT_STAFF: &str = "discovered: 2025-12-14\ndata: [staff_name, ssn]\naffected:\n  count: 400\n  groups: [staff]\n  residents: {NY: 388, CT: 12}\nnotified:\n  individuals: 2026-01-20\n";

#[test]
fn ny_district_with_connecticut_staff_owes_connecticut_its_own_clock() {
    let r = residences("NY", NY_PAYROLL_WITH_CT_STAFF, d(2026, 1, 21));
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].code, r[0].people.clone()), ("CT", Known::Known(12)));
    let ct = statuses_in(&r, "CT");
    // C.G.S. §36a-701b(b)(1): 60 calendar days from discovery on December 14: 17 left in
    // December, 31 in January (48), 12 in February: Thursday February 12, 2026, Lincoln
    // Day (C.G.S. §1-4). Connecticut has no rule moving a period's last day, so February
    // 12 itself is shown, with no next-business-day note (New York's §25-a would give 13).
    let ind = one(ct, "individuals");
    assert_eq!(
        (
            due(ind).as_deref(),
            ind.extended,
            ind.obligation.citation.as_str()
        ),
        (
            Some("2026-02-12"),
            None,
            "C.G.S. §36a-701b(b)(1), as amended by P.A. 21-59"
        )
    );
    // One letter went to everyone on January 20: it is the Connecticut notice too.
    assert_eq!((ind.state, ind.met), (State::Met, Some(d(2026, 1, 20))));
    // The Attorney General no later than the residents (§36a-701b(b)(2)): the letter went
    // on January 20 and the record says nothing of the Attorney General: overdue by 1.
    let ag = one(ct, "attorney-general");
    assert_eq!((ag.state, ag.days), (State::Overdue, Some(-1)));
    // The Connecticut duties are in the Connecticut list only: §10-234dd does not follow
    // residents (a Connecticut board's contractors' duty), nor is anything else listed.
    assert!(ct
        .iter()
        .all(|s| ["individuals", "attorney-general"].contains(&s.obligation.id.as_str())));
    // Social Security numbers of Connecticut residents: 24 months of identity theft
    // prevention (§36a-701b(b)(2)(B)).
    let law = r[0].law.as_ref().unwrap();
    assert_eq!(
        law.offers.iter().map(|o| o.months).collect::<Vec<_>>(),
        [24]
    );
    // New York's own duties are as they were: the home evaluation lists no duty written
    // for districts elsewhere.
    let ny = run("NY", NY_PAYROLL_WITH_CT_STAFF, d(2026, 1, 21));
    assert!(ny
        .iter()
        .all(|s| !s.obligation.when.contains(&Condition::Elsewhere)));
}

#[test]
fn connecticut_attorney_general_at_one_resident_not_at_none() {
    let facts = |ct: u64| {
        format!("discovered: 2025-12-14\ndata: [staff_name, ssn]\naffected:\n  count: 400\n  groups: [staff]\n  residents: {{NY: 388, CT: {ct}}}\n")
    };
    // §36a-701b sets no number: one Connecticut resident is enough.
    let r = residences("NY", &facts(1), d(2026, 1, 5));
    let ag = one(statuses_in(&r, "CT"), "attorney-general");
    assert_eq!(ag.state, State::Due);
    // None: Connecticut is not listed at all.
    assert!(residences("NY", &facts(0), d(2026, 1, 5)).is_empty());
    // Once the Attorney General is told (`affected.residents.CT.notified`), it is met.
    let met = "discovered: 2025-12-14\ndata: [staff_name, ssn]\naffected:\n  count: 400\n  groups: [staff]\n  residents:\n    NY: 388\n    CT:\n      count: 12\n      notified:\n        attorney-general: 2026-01-20\nnotified:\n  individuals: 2026-01-20\n  attorney-general: 2026-01-19\n";
    let r = residences("NY", met, d(2026, 1, 21));
    let ag = one(statuses_in(&r, "CT"), "attorney-general");
    assert_eq!((ag.state, ag.met), (State::Met, Some(d(2026, 1, 20))));
}

/// A Connecticut board's payroll phish, discovered Friday December 19, 2025: 40 staff, 10
/// of whom live in New York.
const CT_PAYROLL_WITH_NY_STAFF: &str = "discovered: 2025-12-19\ndata: [staff_name, ssn]\naffected:\n  count: 40\n  groups: [staff]\n  residents: {CT: 30, NY: 10}\n";

#[test]
fn ct_district_with_new_york_staff_owes_new_york_its_own_clock_and_calendar() {
    let r = residences("CT", CT_PAYROLL_WITH_NY_STAFF, d(2026, 1, 5));
    let ny = statuses_in(&r, "NY");
    // GBL §899-aa(2) (30 days since December 21, 2024): December 19 + 30 = Sunday
    // January 18, 2026. GCL §25-a moves the act to the next business day: Monday 19 is
    // Martin Luther King Jr. Day, so Tuesday January 20. The earlier date is shown.
    let ind = one(ny, "individuals");
    assert_eq!(
        (
            due(ind).as_deref(),
            ind.extended,
            ind.obligation.citation.as_str()
        ),
        (
            Some("2026-01-18"),
            Some(d(2026, 1, 20)),
            "GBL §899-aa(2), as amended by L.2024 (S2659-B)"
        )
    );
    // The Attorney General, Department of State and State Police with the notice
    // (§899-aa(8)(a)); 10 New York residents is not more than 5,000 (§899-aa(8)(b)).
    assert_eq!(
        one(ny, "attorney-general").obligation.citation,
        "GBL §899-aa(8)(a)"
    );
    none(ny, "consumer-reporting-agencies");
    // New York's school and public-body laws do not follow its residents.
    for id in ["state-privacy-officer", "cyber-incident-report"] {
        assert!(ny.iter().all(|s| s.obligation.id != id), "{id}");
    }
    // At home, Connecticut's 60 days from December 19: 12 left in December, 31 in
    // January (43), 17 in February: February 17, 2026.
    let ct = run("CT", CT_PAYROLL_WITH_NY_STAFF, d(2026, 1, 5));
    assert_eq!(due(one(&ct, "individuals")).as_deref(), Some("2026-02-17"));
}

#[test]
fn new_york_consumer_reporting_threshold_counts_new_york_residents() {
    let facts = |ny: u64| {
        format!("discovered: 2025-12-19\ndata: [staff_name, ssn]\naffected:\n  count: 9000\n  groups: [staff]\n  residents: {{CT: {}, NY: {ny}}}\n", 9000 - ny)
    };
    // More than 5,000 New York residents: 5,000 is not, 5,001 is.
    let r = residences("CT", &facts(5000), d(2026, 1, 5));
    none(statuses_in(&r, "NY"), "consumer-reporting-agencies");
    let r = residences("CT", &facts(5001), d(2026, 1, 5));
    one(statuses_in(&r, "NY"), "consumer-reporting-agencies");
}

#[test]
fn ct_duties_to_residents_lapse_when_none_lives_in_connecticut() {
    // All 40 affected staff of a Connecticut board live in New York.
    let facts = "discovered: 2025-12-19\ndata: [staff_name, ssn]\naffected:\n  count: 40\n  groups: [staff]\n  residents: {NY: 40}\n";
    let ct = run("CT", facts, d(2026, 1, 5));
    assert!(none(&ct, "individuals").contains("none of the affected people live there"));
    none(&ct, "attorney-general");
    one(
        statuses_in(&residences("CT", facts, d(2026, 1, 5)), "NY"),
        "individuals",
    );
}

#[test]
fn the_home_state_holds_the_rest_of_the_count() {
    // A New York district, 5,012 staff, 12 in Connecticut: 5,000 New Yorkers, not more
    // than 5,000 (STL §208(7)); with 11 in Connecticut, 5,001.
    let facts = |ct: u64| {
        format!("discovered: 2025-12-14\ndata: [staff_name, ssn]\naffected:\n  count: 5012\n  groups: [staff]\n  residents: {{CT: {ct}}}\n")
    };
    none(
        &run("NY", &facts(12), d(2026, 1, 5)),
        "consumer-reporting-agencies",
    );
    one(
        &run("NY", &facts(11), d(2026, 1, 5)),
        "consumer-reporting-agencies",
    );
}

#[test]
fn pa_district_with_new_jersey_staff_is_told_to_check_new_jersey_law() {
    let facts = "discovered: 2025-03-03\ndata: [staff_name, ssn]\naffected:\n  count: 100\n  groups: [staff]\n  residents: {PA: 97, NJ: 3}\n";
    let r = residences("PA", facts, d(2025, 3, 4));
    assert_eq!(r.len(), 1);
    assert!(r[0].law.is_none());
    assert!(
        r[0].uncovered().starts_with("3 affected people live in New Jersey; breachpage has no New Jersey rules: check New Jersey's breach notification law yourself"),
        "{}",
        r[0].uncovered()
    );
    // Pennsylvania's own duties count its 97 residents: not more than 500.
    let pa = run("PA", facts, d(2025, 3, 4));
    none(&pa, "attorney-general");
    assert_eq!(due(one(&pa, "individuals")).as_deref(), Some("2025-03-12"));
}

#[test]
fn pennsylvania_law_does_not_follow_its_residents_to_new_york() {
    // 73 P.S. §2302: an "entity" is a Pennsylvania agency or political subdivision, or
    // one doing business in Pennsylvania: a New York district owes Pennsylvania nothing
    // listed, and the note says why.
    let facts = "discovered: 2025-12-14\ndata: [staff_name, ssn]\naffected:\n  count: 60\n  groups: [staff]\n  residents: {NY: 55, PA: 5}\n";
    let r = residences("NY", facts, d(2026, 1, 5));
    let law = r[0].law.as_ref().unwrap();
    assert!(law.statuses.is_empty() && law.offers.is_empty());
    assert!(law
        .pack
        .residents
        .as_ref()
        .unwrap()
        .citation
        .contains("73 P.S. §2302"));
}

#[test]
fn states_listed_without_numbers_may_cross_thresholds() {
    // A list of codes: Connecticut's duties (no threshold) apply; New York's 5,000 may.
    let facts = "discovered: 2025-12-19\ndata: [staff_name, ssn]\naffected:\n  count: 9000\n  groups: [staff]\n  residents: [CT, NY]\n";
    let r = residences("CT", facts, d(2026, 1, 5));
    assert_eq!(r[0].people, Known::Unknown);
    let cra = one(statuses_in(&r, "NY"), "consumer-reporting-agencies");
    assert!(cra.notes[0].starts_with("This may apply"));
}

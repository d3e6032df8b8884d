//! Texas and California incidents, each worked by hand from the statute's text before the
//! engine was run: the expected dates are in the comments with the arithmetic.
//!
//! Test code only: `#[cfg(test)] mod cases_txca;` in compliance/mod.rs.

use crate::compliance::obligations::{ObligationStatus, State};
use crate::compliance::testing::{d, due, one, run};
use crate::jurisdiction::{Clock, Pace};

/// Every variant of `id` is not applicable.
fn none(statuses: &[ObligationStatus], id: &str) {
    let all: Vec<&ObligationStatus> = statuses.iter().filter(|s| s.obligation.id == id).collect();
    assert!(!all.is_empty(), "{id} is in the pack");
    assert!(
        all.iter().all(|s| s.state == State::NotApplicable),
        "{id}: {all:#?}"
    );
}

// ---- Texas --------------------------------------------------------------------------

/// A phished payroll clerk's mailbox: staff names with Social Security and bank account
/// numbers, found at 4:30 p.m. on Friday October 10, 2025 (Central daylight time).
const TX_PAYROLL: &str = "discovered: 2025-10-10T16:30\ndetermined: 2025-09-10\ndata: [staff_name, ssn, bank_account]\naffected:\n  count: 300\n  residents: 250\n  groups: [staff]\n";

#[test]
fn tx_dir_report_runs_48_real_hours_through_the_weekend() {
    let s = run("TX", TX_PAYROLL, d(2025, 10, 11));
    // Gov't Code §2054.603(b)(2): 48 hours after 4:30 p.m. Friday is 4:30 p.m. Sunday
    // October 12; hours do not stop for a weekend. Central daylight time is UTC-5.
    let dir = one(&s, "cyber-incident-report");
    assert_eq!(due(dir).as_deref(), Some("2025-10-12T16:30:00-05:00"));
    assert_eq!(dir.state, State::Due);
}

#[test]
fn tx_dir_report_across_the_end_of_daylight_time() {
    // 9:00 a.m. Friday October 31, 2025 CDT is 14:00 UTC; 48 hours later is 14:00 UTC on
    // Sunday November 2, after daylight time ended at 2:00 that morning: 8:00 a.m. CST.
    let facts = TX_PAYROLL.replace("2025-10-10T16:30", "2025-10-31T09:00");
    let s = run("TX", &facts, d(2025, 10, 31));
    let dir = one(&s, "cyber-incident-report");
    assert_eq!(due(dir).as_deref(), Some("2025-11-02T08:00:00-06:00"));
}

#[test]
fn tx_individuals_60_days_ending_on_a_sunday() {
    let s = run("TX", TX_PAYROLL, d(2025, 10, 11));
    // B&C Code §521.053(b): 60 days from the determination on Wednesday September 10,
    // 2025: 20 days to September 30, 31 in October (51), 9 in November: Sunday November 9.
    // Gov't Code §311.014(b) runs it to Monday November 10; the earlier date is shown.
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2025-11-09"), Some(d(2025, 11, 10)))
    );
    assert!(ind
        .notes
        .iter()
        .any(|n| n.contains("Sunday, November 9, 2025") && n.contains("§311.014")));
    // §521.053(i): 30 days from September 10: 20 days to September 30, then 10: Friday
    // October 10. 250 Texans: at least 250, so it applies.
    let ag = one(&s, "attorney-general");
    assert_eq!(due(ag).as_deref(), Some("2025-10-10"));
    assert!(ag
        .notes
        .iter()
        .any(|n| n.contains("whether law enforcement")));
}

#[test]
fn tx_attorney_general_needs_at_least_250_texans() {
    let facts = TX_PAYROLL.replace("residents: 250", "residents: 249");
    none(&run("TX", &facts, d(2025, 10, 11)), "attorney-general");
}

#[test]
fn tx_consumer_reporting_agencies_need_more_than_10000_persons() {
    let at = |count: &str| {
        let facts = TX_PAYROLL.replace("count: 300", count);
        run("TX", &facts, d(2025, 10, 11))
    };
    none(&at("count: 10000"), "consumer-reporting-agencies");
    let above = at("count: 10001");
    let cra = one(&above, "consumer-reporting-agencies");
    assert_eq!(
        cra.obligation.within,
        Clock::NoFixedDate(Pace::WithoutUnreasonableDelay)
    );
}

#[test]
fn tx_cause_report_skips_thanksgiving_and_the_friday_after() {
    // §2054.603(c): 10 business days after recovery on Wednesday November 19, 2025:
    // Nov 20, 21, 24, 25, 26 (5); Thursday 27 is Thanksgiving (national), Friday 28 the
    // day after (state holiday, §662.003(b)(6)); Dec 1, 2, 3, 4, 5 (10): Friday Dec 5.
    let facts = format!("{TX_PAYROLL}recovered: 2025-11-19\n");
    let s = run("TX", &facts, d(2025, 11, 20));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2025-12-05"));
}

#[test]
fn tx_cause_report_skips_december_24_and_26_and_san_jacinto_day() {
    // Recovery Monday December 15, 2025: Dec 16, 17, 18, 19, 22, 23 (6); the 24th and 26th
    // are state holidays, the 25th and January 1 national; Dec 29, 30, 31 (9), Friday
    // January 2, 2026 (10).
    let facts = format!("{TX_PAYROLL}recovered: 2025-12-15\n");
    let s = run("TX", &facts, d(2025, 12, 16));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2026-01-02"));
    // Recovery Tuesday April 14, 2026: Apr 15, 16, 17, 20 (4); Tuesday 21 is San Jacinto
    // Day (§662.003(b)(3)); 22, 23, 24, 27, 28, 29 (10): Wednesday April 29.
    let facts = format!("{TX_PAYROLL}recovered: 2026-04-14\n");
    let s = run("TX", &facts, d(2026, 4, 15));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2026-04-29"));
}

#[test]
fn tx_cause_report_counts_columbus_day() {
    // Gov't Code §662.003(a) lists nine national holidays and not Columbus Day, so Monday
    // October 12, 2026 is a business day in Texas. Recovery Friday October 2, 2026: Oct 5,
    // 6, 7, 8, 9 (5), Monday 12 (6), 13, 14, 15 (9), Friday October 16 (10). Skipping
    // Columbus Day, as the federal calendar does, would give Monday October 19: a day late.
    let facts = format!("{TX_PAYROLL}recovered: 2026-10-02\n");
    let s = run("TX", &facts, d(2026, 10, 3));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2026-10-16"));
}

#[test]
fn tx_cause_report_counts_the_federal_fridays_in_lieu() {
    // Texas keeps a holiday on its own date and moves none off a weekend (§662.005(a)(1)).
    // July 4, 2026 is a Saturday, federally kept on Friday July 3. Recovery Monday June 29,
    // 2026: Jun 30, Jul 1, 2 (3), Friday 3 (4), 6, 7, 8, 9, 10 (9), Monday July 13 (10).
    let facts = format!("{TX_PAYROLL}recovered: 2026-06-29\n");
    let s = run("TX", &facts, d(2026, 6, 30));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2026-07-13"));
    // June 19 is Emancipation Day in Texas (§662.003(b)(4)), a state holiday not moved;
    // Saturday June 19, 2027 is federally kept on Friday June 18. Recovery Monday June 14,
    // 2027: Jun 15, 16, 17 (3), Friday 18 (4), 21, 22, 23, 24, 25 (9), Monday June 28 (10).
    let facts = format!("{TX_PAYROLL}recovered: 2027-06-14\n");
    let s = run("TX", &facts, d(2027, 6, 15));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2027-06-28"));
    // Friday June 19, 2026 is skipped. Recovery Tuesday June 16, 2026: Jun 17, 18 (2),
    // 22, 23, 24, 25, 26 (7), 29, 30 (9), Wednesday July 1 (10).
    let facts = format!("{TX_PAYROLL}recovered: 2026-06-16\n");
    let s = run("TX", &facts, d(2026, 6, 17));
    assert_eq!(due(one(&s, "cause-report")).as_deref(), Some("2026-07-01"));
}

#[test]
fn tx_cause_report_waits_for_recovery() {
    let s = run("TX", TX_PAYROLL, d(2025, 10, 11));
    let cause = one(&s, "cause-report");
    assert_eq!((cause.due.clone(), cause.state), (None, State::Due));
    assert!(cause.notes.iter().any(|n| n.contains("`recovered`")));
}

#[test]
fn tx_student_records_go_to_tea_and_parents() {
    let facts = "discovered: 2025-03-03\ndata: [student_name, student_id, grades]\naffected:\n  count: 800\n  groups: [students, parents]\n";
    let s = run("TX", facts, d(2025, 3, 20));
    // Educ. Code §11.175(e): as soon as practicable, no date; (f): no time at all.
    let tea = one(&s, "education-agency");
    assert_eq!((tea.due.clone(), tea.state), (None, State::Due));
    assert_eq!(tea.obligation.within.to_string(), "as soon as practicable");
    let parents = one(&s, "parents");
    assert_eq!(
        parents.obligation.within,
        Clock::NoFixedDate(Pace::Unstated)
    );
    // Student records are confidential information: DIR's 48 hours run from midnight
    // starting March 3, 2025, Central standard time (UTC-6).
    assert_eq!(
        due(one(&s, "cyber-incident-report")).as_deref(),
        Some("2025-03-05T00:00:00-06:00")
    );
    // Names, IDs and grades are not sensitive personal information: no 60-day notice
    // under §521.053, and no Attorney General.
    none(&s, "individuals");
    none(&s, "attorney-general");
}

#[test]
fn tx_staff_breach_is_not_for_tea() {
    let s = run("TX", TX_PAYROLL, d(2025, 10, 11));
    none(&s, "education-agency");
    none(&s, "parents");
}

#[test]
fn tx_law_enforcement_delay_selects_the_delayed_variant() {
    let facts = format!(
        "{TX_PAYROLL}law_enforcement_delay:\n  requested: 2025-10-01\n  lifted: 2025-12-01\n"
    );
    let s = run("TX", &facts, d(2025, 12, 2));
    let ind = one(&s, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("after a law-enforcement delay")
    );
    assert_eq!((ind.trigger, ind.due.clone()), (Some(d(2025, 12, 1)), None));
}

#[test]
fn tx_holidays_are_the_state_holidays_of_662_003() {
    use crate::jurisdiction::Pack;
    let mut days: Vec<_> = Pack::get("TX")
        .unwrap()
        .holidays
        .iter()
        .flat_map(|h| h.days(2026).unwrap())
        .collect();
    days.sort();
    // 2026: Monday January 19, Monday March 2, Tuesday April 21, Friday June 19, Thursday
    // August 27, the Friday after Thanksgiving (November 26) November 27, Thursday December
    // 24, Saturday December 26 (not moved).
    assert_eq!(
        days,
        [
            d(2026, 1, 19),
            d(2026, 3, 2),
            d(2026, 4, 21),
            d(2026, 6, 19),
            d(2026, 8, 27),
            d(2026, 11, 27),
            d(2026, 12, 24),
            d(2026, 12, 26)
        ]
    );
}

// ---- California ----------------------------------------------------------------------

const CA_OWN: &str = "discovered: 2026-02-02\ndata: [staff_name, ssn]\naffected:\n  count: 900\n  residents: 500\n  groups: [staff]\n";

#[test]
fn ca_individuals_have_no_invented_day_count() {
    // Civ. Code §1798.29(a): "in the most expedient time possible and without unreasonable
    // delay"; 90 days later it is still open, never "overdue" by a made-up clock.
    let s = run("CA", CA_OWN, d(2026, 5, 3));
    let ind = one(&s, "individuals");
    assert_eq!((ind.due.clone(), ind.state), (None, State::Due));
    assert_eq!(
        ind.obligation.within.to_string(),
        "in the most expedient time possible and without unreasonable delay"
    );
}

#[test]
fn ca_attorney_general_sample_copy_needs_more_than_500_residents() {
    // §1798.29(e): more than 500 California residents. 500 is not more than 500.
    none(&run("CA", CA_OWN, d(2026, 3, 1)), "attorney-general");
    let facts = CA_OWN.replace("residents: 500", "residents: 501")
        + "notified:\n  individuals: 2026-02-20\n";
    let s = run("CA", &facts, d(2026, 3, 1));
    let ag = one(&s, "attorney-general");
    // No time is set for an agency's sample copy: open, not overdue.
    assert_eq!((ag.due.clone(), ag.state), (None, State::Due));
    assert_eq!(ag.trigger, Some(d(2026, 2, 20)));
}

#[test]
fn ca_law_enforcement_delay_then_promptly() {
    // §1798.29(c): delayed while law enforcement says notice would impede a criminal
    // investigation; then "promptly" once it says it will not: no day count.
    let facts =
        format!("{CA_OWN}law_enforcement_delay:\n  requested: 2026-02-03\n  lifted: 2026-03-02\n");
    let s = run("CA", &facts, d(2026, 3, 3));
    let ind = one(&s, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("after a law-enforcement delay")
    );
    assert_eq!(
        (ind.trigger, ind.due.clone(), ind.state),
        (Some(d(2026, 3, 2)), None, State::Due)
    );
    assert_eq!(ind.obligation.within.to_string(), "promptly");
}

#[test]
fn ca_contractor_must_tell_the_district_immediately() {
    let facts = "discovered: 2026-01-05\ncontractor:\n  name: V\n  notified_district: 2026-01-09\ndata: [student_name, username_password]\naffected:\n  count: 40\n  groups: [students]\n";
    let s = run("CA", facts, d(2026, 1, 12));
    // §1798.82(b): immediately following discovery; met on January 9.
    let c = one(&s, "contractor-to-district");
    assert_eq!((c.state, c.met), (State::Met, Some(d(2026, 1, 9))));
    // S.B. 446's 30 calendar days (from January 1, 2026) for a vendor that owns or
    // licenses the data, from its discovery on January 5: 26 days to January 31, then 4:
    // February 4, shown as a target beside the duty.
    assert_eq!(c.targets.len(), 1);
    assert_eq!(
        c.targets[0].due.as_ref().map(|d| d.to_json()).as_deref(),
        Some("2026-02-04")
    );
    // Before 2026 there is no such target.
    let before = facts.replace("2026-01-05", "2025-12-20");
    let s = run("CA", &before, d(2026, 1, 12));
    assert!(one(&s, "contractor-to-district").targets.is_empty());
}

#[test]
fn ca_paper_records_are_not_computerized_data() {
    let facts = format!("{CA_OWN}medium: paper\n");
    let s = run("CA", &facts, d(2026, 3, 1));
    none(&s, "individuals");
    none(&s, "attorney-general");
}

//! Illinois incidents, each worked by hand from the statute's text (and, where §28 could not
//! be read, from the summaries the pack cites) before the engine was run: the expected
//! dates are in the comments with the arithmetic. 5 ILCS 70/1.11: a last day on a Saturday,
//! Sunday or holiday is excluded, so the act may be done on the next business day;
//! breachpage shows the earlier date and names the later one.
//!
//! Test code only: `#[cfg(test)] mod cases_il;` in compliance/mod.rs.

use crate::compliance::obligations::{ObligationStatus, State};
use crate::compliance::testing::{d, due, one, run};

fn not_applicable(statuses: &[ObligationStatus], id: &str) -> bool {
    statuses
        .iter()
        .filter(|s| s.obligation.id == id)
        .all(|s| s.state == State::NotApplicable)
}

const LMS_VENDOR: &str = "discovered: 2025-09-22\ncontractor:\n  name: LearnLoop\n  notified_district: 2025-10-10\noccurred:\n  from: 2025-09-15\n  to: 2025-09-20\ndata: [student_name, student_id, grades]\naffected:\n  count: 1800\n  groups: [students]\n";

#[test]
fn il_operator_notice_on_a_friday_runs_out_on_a_sunday() {
    let s = run("IL", LMS_VENDOR, d(2025, 10, 20));
    // §15: 30 calendar days from the operator's discovery (Monday September 22):
    // 8 days to September 30, 22 in October: October 22. It told the school on Friday
    // October 10: met.
    let c = one(&s, "contractor-to-district");
    assert_eq!(
        (due(c).as_deref(), c.state),
        (Some("2025-10-22"), State::Met)
    );
    // §28: 30 calendar days from the operator's notice (Friday October 10): 21 days to
    // October 31, 9 in November: Sunday November 9. 5 ILCS 70/1.11 excludes it; Monday
    // November 10 is a business day (Veterans Day is Tuesday the 11th).
    let ind = one(&s, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("an operator's breach")
    );
    assert_eq!(
        (due(ind).as_deref(), ind.extended, ind.state, ind.days),
        (
            Some("2025-11-09"),
            Some(d(2025, 11, 10)),
            State::Due,
            Some(20)
        )
    );
    assert!(ind.notes.iter().any(
        |n| n.contains("falls on a weekend (Sunday, November 9, 2025)")
            && n.contains("5 ILCS 70/1.11")
    ));
    assert!(ind
        .obligation
        .direct
        .as_deref()
        .is_some_and(|how| how.starts_with("electronic notice")));
    // 1,800 students, no PIPA personal information: no Attorney General notice.
    assert!(not_applicable(&s, "attorney-general"));
}

#[test]
fn il_the_schools_own_determination_before_the_operators_notice_starts_the_clock() {
    // The district learned of the breach on Monday March 3, 2025, from the operator's
    // status page; the operator's notice came on Thursday March 20.
    let facts = "discovered: 2025-02-27\ncontractor:\n  name: LearnLoop\n  notified_district: 2025-03-20\ndistrict_learned: 2025-03-03\ndata: [student_name, grades]\naffected:\n  count: 300\n  groups: [students]\n";
    let s = run("IL", facts, d(2025, 3, 21));
    // March 3 + 30: 28 days to March 31, 2 in April: Wednesday April 2.
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2025-04-02"), None)
    );
    // Counted from the operator's notice it would be March 20 + 30 = Saturday April 19
    // (Monday April 21 under 1.11): later, and wrong.
    let without = facts.replace("district_learned: 2025-03-03\n", "");
    let late = run("IL", &without, d(2025, 3, 21));
    let ind = one(&late, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2025-04-19"), Some(d(2025, 4, 21)))
    );
}

#[test]
fn il_the_last_day_on_lincolns_birthday_and_on_pulaski_day() {
    // The school's own breach, determined Tuesday January 13, 2026: + 30 = 18 days to
    // January 31, 12 in February: Thursday February 12, Lincoln's Birthday (5 ILCS
    // 490/60): the next business day is Friday February 13.
    let own = "discovered: 2026-01-12\ndetermined: 2026-01-13\ndata: [student_name, special_education]\naffected:\n  count: 40\n  groups: [students]\n";
    let s = run("IL", own, d(2026, 1, 14));
    let ind = one(&s, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("the school's own breach")
    );
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2026-02-12"), Some(d(2026, 2, 13)))
    );
    assert!(ind
        .notes
        .iter()
        .any(|n| n.contains("(Thursday, February 12, 2026) is a legal holiday")));
    // Determined Saturday January 31, 2026: + 30 = 28 days to February 28, 2 in March:
    // Monday March 2, Casimir Pulaski's Birthday (the first Monday of March, 490/15):
    // Tuesday March 3.
    let pulaski = own.replace("2026-01-13", "2026-01-31");
    let s = run("IL", &pulaski, d(2026, 2, 1));
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.extended),
        (Some("2026-03-02"), Some(d(2026, 3, 3)))
    );
}

const OWN_BREACH: &str = "discovered: 2025-05-05\ndata: [student_name, student_id, disciplinary]\naffected:\n  count: 650\n  groups: [students]\n";

#[test]
fn il_a_law_enforcement_delay_asked_for_in_time_and_one_too_late() {
    // Determined (discovered) Monday May 5, 2025: the 30 days end on Wednesday June 4.
    let s = run("IL", OWN_BREACH, d(2025, 5, 6));
    assert_eq!(due(one(&s, "individuals")).as_deref(), Some("2025-06-04"));
    // The police asked in writing on May 20 and lifted it on Tuesday July 1: notice is due
    // as soon as it no longer interferes, counted from July 1, with no fixed day.
    let delayed = format!(
        "{OWN_BREACH}law_enforcement_delay:\n  requested: 2025-05-20\n  lifted: 2025-07-01\n"
    );
    let s = run("IL", &delayed, d(2025, 7, 2));
    let ind = one(&s, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("after a law-enforcement delay")
    );
    assert_eq!(
        (ind.due.clone(), ind.trigger, ind.state),
        (None, Some(d(2025, 7, 1)), State::Due)
    );
    // Asked for on June 10, after June 4 had passed: the 30-day duty stands, overdue.
    let late = delayed.replace("2025-05-20", "2025-06-10");
    let s = run("IL", &late, d(2025, 7, 2));
    let ind = one(&s, "individuals");
    assert_eq!(
        (due(ind).as_deref(), ind.state),
        (Some("2025-06-04"), State::Overdue)
    );
}

const PAYROLL: &str = "discovered: 2025-10-06\ndata: [staff_name, ssn, bank_account]\naffected:\n  count: COUNT\n  groups: [staff]\n";

#[test]
fn il_the_attorney_general_at_500_and_at_501_residents() {
    // Staff payroll data: PIPA personal information, not student covered information.
    let at = run("IL", &PAYROLL.replace("COUNT", "500"), d(2025, 10, 7));
    let ind = one(&at, "individuals");
    assert_eq!(
        ind.obligation.variant.as_deref(),
        Some("personal information that is not student covered information")
    );
    assert_eq!((ind.due.clone(), ind.state), (None, State::Due));
    // §10(e): more than 500. 500 is not more than 500.
    assert!(not_applicable(&at, "attorney-general"));
    // 501 is: due no later than the notice to residents.
    let over = run("IL", &PAYROLL.replace("COUNT", "501"), d(2025, 10, 7));
    let ag = one(&over, "attorney-general");
    assert_eq!((ag.due.clone(), ag.state), (None, State::Due));
    // Residents notified on October 20 without the Attorney General: overdue the next day.
    let sent = format!(
        "{}notified:\n  individuals: 2025-10-20\n",
        PAYROLL.replace("COUNT", "501")
    );
    let s = run("IL", &sent, d(2025, 10, 21));
    assert_eq!(one(&s, "attorney-general").state, State::Overdue);
    // Staff data is not SOPPA: no operator or 30-day clock.
    assert!(not_applicable(&at, "contractor-to-district"));
}

#[test]
fn il_student_social_security_numbers_bring_both_laws() {
    // SOPPA's 30 days (a date) wins over PIPA's "without unreasonable delay"; 1,200
    // students is more than 500 Illinois residents: the Attorney General too.
    let facts = "discovered: 2025-08-04\ndata: [student_name, ssn]\naffected:\n  count: 1200\n  groups: [students]\n";
    let s = run("IL", facts, d(2025, 8, 5));
    // August 4 + 30: 27 days to August 31, 3 in September: Wednesday September 3.
    let ind = one(&s, "individuals");
    assert_eq!(
        (ind.obligation.variant.as_deref(), due(ind).as_deref()),
        (Some("the school's own breach"), Some("2025-09-03"))
    );
    assert_eq!(one(&s, "attorney-general").state, State::Due);
}

#[test]
fn il_paper_records_are_outside_both_laws() {
    // SOPPA's breach is of computerized data (§5); so is PIPA §10's.
    let facts = "discovered: 2025-06-02\nmedium: paper\ndata: [student_name, grades]\naffected:\n  count: 25\n  groups: [students]\n";
    let s = run("IL", facts, d(2025, 6, 3));
    assert!(not_applicable(&s, "individuals"));
}

#[test]
fn il_the_attorney_general_counts_illinois_residents_only() {
    // 541 staff, 41 of them living in Indiana: 500 Illinois residents is not more than
    // 500 (§10(e)), however many people were affected in all.
    let facts = "discovered: 2025-10-06\ndata: [staff_name, ssn]\naffected:\n  count: 541\n  groups: [staff]\n  residents: {IN: 41}\n";
    let s = run("IL", facts, d(2025, 10, 7));
    assert!(not_applicable(&s, "attorney-general"));
    // 40 in Indiana leaves 501 in Illinois: the Attorney General too.
    let s = run("IL", &facts.replace("IN: 41", "IN: 40"), d(2025, 10, 7));
    assert_eq!(one(&s, "attorney-general").state, State::Due);
    // Nobody affected lives in Illinois: PIPA's notice is owed to Illinois residents only.
    let all_away = "discovered: 2025-10-06\ndata: [staff_name, ssn]\naffected:\n  count: 12\n  groups: [staff]\n  residents: {IN: 12}\n";
    let s = run("IL", all_away, d(2025, 10, 7));
    assert!(not_applicable(&s, "individuals"));
}

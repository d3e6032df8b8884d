//! Which obligations of a rule pack apply to an incident, when each is due, and where it
//! stands today.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::compliance::calendar::{self, Calendar};
use crate::compliance::coverage::{first_failing, holds, why_not, words, Facts, Truth};
use crate::config::SiteConfig;
use crate::jurisdiction::{Clock, Condition, MetBy, Obligation, Pack, Trigger, Zone};
use crate::model::{DelayReason, Incident, Known, Moment};
use crate::visibility::visibility;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Met,
    /// Met after the due date.
    Late,
    Due,
    Overdue,
    NotApplicable,
}

/// When an obligation is due: a date, or a local time for clocks counted in hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    Date(NaiveDate),
    /// A local time in the state's time zone.
    Time(NaiveDateTime, Zone),
}

impl Due {
    pub fn date(&self) -> NaiveDate {
        match self {
            Due::Date(d) => *d,
            Due::Time(t, _) => t.date(),
        }
    }

    /// `YYYY-MM-DD`, or RFC 3339 for hour clocks (with the state's own UTC offset).
    pub fn to_json(&self) -> String {
        match self {
            Due::Date(d) => d.format("%Y-%m-%d").to_string(),
            Due::Time(t, zone) => calendar::rfc3339(*zone, *t),
        }
    }
}

/// A district target (`[[policy]]` in site.toml) or a recommended one from the pack,
/// shown beside the legal deadline.
#[derive(Debug, Clone)]
pub struct TargetStatus {
    pub source: &'static str,
    pub within: Clock,
    pub from: Trigger,
    pub due: Option<Due>,
    pub note: String,
}

/// One obligation of one incident, today.
#[derive(Debug, Clone)]
pub struct ObligationStatus {
    pub obligation: Obligation,
    pub state: State,
    /// The last day of the period (for a period of days that ends on a weekend or holiday,
    /// this earlier day: see `extended`).
    pub due: Option<Due>,
    /// The next business day, when the period ends on a weekend or holiday and the state
    /// has a rule that allows the act then (NY General Construction Law §25-a).
    pub extended: Option<NaiveDate>,
    /// The date of the event counted from, when it has happened.
    pub trigger: Option<NaiveDate>,
    /// The event counted from, in words, for this incident.
    pub trigger_text: &'static str,
    pub met: Option<NaiveDate>,
    /// Days until due (positive) or since due (negative), when there is a due date.
    pub days: Option<i64>,
    /// Why it does not apply, what it waits for, or why it is approximate: sentences.
    pub notes: Vec<String>,
    pub targets: Vec<TargetStatus>,
}

/// Every obligation of the pack for `incident`, variants resolved, in pack order.
pub fn evaluate(
    incident: &Incident,
    pack: &Pack,
    config: &SiteConfig,
    today: NaiveDate,
) -> Vec<ObligationStatus> {
    evaluate_with(Facts::new(incident, pack), config, today)
}

/// The obligations of `base.pack` that reach the district: under its own state's pack,
/// all but those written for districts elsewhere; under another state's pack (where some
/// of the affected people live), only the duties that follow them there.
pub fn evaluate_with(base: Facts, config: &SiteConfig, today: NaiveDate) -> Vec<ObligationStatus> {
    let pack = base.pack;
    let calendar = Calendar {
        holidays: &pack.holidays,
        federal_not_observed: &pack.federal_holidays_not_observed,
        federal_not_moved: pack.federal_holidays_not_moved,
        closures: &config.calendar.closures,
        zone: pack.time_zone,
    };
    let obligations: Vec<&Obligation> = pack
        .obligations
        .iter()
        .filter(|o| in_scope(o, &base))
        .collect();
    let facts: Vec<Facts> = obligations
        .iter()
        .map(|o| Facts {
            undelayed_due: undelayed_due(&o.id, &base, &calendar),
            ..base
        })
        .collect();
    let truths: Vec<Truth> = obligations
        .iter()
        .zip(&facts)
        .map(|(o, f)| holds(&o.when, f))
        .collect();
    let mut statuses: Vec<ObligationStatus> = obligations
        .iter()
        .zip(&truths)
        .zip(&facts)
        .map(|((obligation, truth), facts)| status(obligation, *truth, facts, &calendar, today))
        .collect();
    resolve_variants(&mut statuses, &truths);
    // A district's own policy targets are for its own state's duties.
    if !base.is_elsewhere() {
        for status in &mut statuses {
            if status.state != State::NotApplicable {
                status.targets = targets(&status.obligation, &base, config, &calendar);
            }
        }
    }
    statuses
}

/// Whether `obligation` is judged for the record under `facts`' pack at all.
fn in_scope(obligation: &Obligation, facts: &Facts) -> bool {
    if facts.is_elsewhere() {
        facts.pack.follows_residents(obligation)
    } else {
        !obligation.when.contains(&Condition::Elsewhere)
    }
}

/// The earliest deadline the obligation `id` has without a delay (its variants that apply
/// when there is none), to tell whether a delay was asked for in time.
fn undelayed_due(id: &str, base: &Facts, calendar: &Calendar) -> Option<NaiveDate> {
    let facts = Facts {
        ignore_delay: true,
        ..*base
    };
    base.pack
        .obligations
        .iter()
        .filter(|o| o.id == id && o.when.contains(&Condition::NoLawEnforcementDelay))
        .filter(|o| in_scope(o, base))
        .filter(|o| holds(&o.when, &facts) != Truth::No)
        .filter_map(|o| {
            let moment = trigger_moment(o.from, &facts)?;
            due_from(o.within, moment, calendar).0.map(|d| d.date())
        })
        .min()
}

/// Of several variants of one id, only one applies: a certain one over an uncertain one,
/// and among uncertain ones the earliest due (the safe reading while facts are missing).
fn resolve_variants(statuses: &mut [ObligationStatus], truths: &[Truth]) {
    for i in 0..statuses.len() {
        if statuses[i].state == State::NotApplicable {
            continue;
        }
        let id = statuses[i].obligation.id.clone();
        let rivals: Vec<usize> = (0..statuses.len())
            .filter(|&j| {
                j != i
                    && statuses[j].obligation.id == id
                    && statuses[j].state != State::NotApplicable
            })
            .collect();
        for j in rivals {
            let i_wins = match (truths[i], truths[j]) {
                (Truth::Yes, Truth::Unknown) => true,
                (Truth::Unknown, Truth::Yes) => false,
                _ => {
                    let due =
                        |s: &ObligationStatus| s.due.as_ref().map_or(NaiveDate::MAX, Due::date);
                    (due(&statuses[i]), i) <= (due(&statuses[j]), j)
                }
            };
            let loser = if i_wins { j } else { i };
            let winner = if i_wins { i } else { j };
            let label = statuses[winner]
                .obligation
                .variant
                .clone()
                .unwrap_or_default();
            statuses[loser].state = State::NotApplicable;
            statuses[loser].days = None;
            statuses[loser].notes = vec![format!(
                "Not applicable here: the rule for \"{label}\" applies instead, because it is the one the record's facts call for (or, while facts are missing, the one with the earlier deadline)."
            )];
        }
    }
}

fn status(
    obligation: &Obligation,
    truth: Truth,
    facts: &Facts,
    calendar: &Calendar,
    today: NaiveDate,
) -> ObligationStatus {
    let incident = facts.incident;
    let mut status = ObligationStatus {
        obligation: obligation.clone(),
        state: State::NotApplicable,
        due: None,
        extended: None,
        trigger: None,
        trigger_text: trigger_text(obligation.from, facts),
        met: None,
        days: None,
        notes: Vec::new(),
        targets: Vec::new(),
    };
    if truth == Truth::No {
        let why = first_failing(&obligation.when, facts)
            .and_then(|c| why_not(c, facts))
            .unwrap_or_else(|| format!("it applies only when {}", obligation.condition));
        status.notes.push(format!("Not applicable: {why}."));
        return status;
    }
    // A duty owed to the state's residents is owed to no one when none was affected.
    if facts.residents() == Known::Known(0) && facts.pack.residents_only(&obligation.when) {
        status.notes.push(format!(
            "Not applicable: this duty is owed to residents of {}, and the record says none of the affected people live there (`affected.residents`).",
            facts.pack.name
        ));
        return status;
    }
    // A law does not reach back before it took effect (judged by the district's discovery).
    if let Some(discovered) = facts.district_discovery().map(Moment::date) {
        if discovered < obligation.effective {
            status.notes = vec![format!(
                "Not applicable: this rule took effect on {}, after the district discovered the breach ({}).",
                words(obligation.effective),
                words(discovered)
            )];
            return status;
        }
    }
    if truth == Truth::Unknown {
        status.notes.push(format!(
            "This may apply: it does when {}, and the record does not say yet. The date is shown so that it is not missed.",
            obligation.condition
        ));
    }
    let trigger = trigger_moment(obligation.from, facts);
    status.trigger = trigger.map(Moment::date);
    if obligation.from == Trigger::Determination && incident.determined.is_none() {
        let taken_as = match &incident.contractor {
            Some(_) => "the day the district learned of the contractor's breach",
            None => "the day of discovery",
        };
        status.notes.push(format!(
            "The record gives no `determined` date, so the determination is taken as {taken_as}; set `determined` if it came later."
        ));
    }
    let (due, approximate) = match trigger {
        Some(moment) => due_from(obligation.within, moment, calendar),
        None => (None, false),
    };
    if approximate {
        status.notes.push(format!(
            "The hours are counted from the start of {}, because the record gives no time of day; write the time as YYYY-MM-DDTHH:MM for an exact deadline.",
            status.trigger.map(words).unwrap_or_default()
        ));
    }
    if trigger.is_none() {
        let waiting = match obligation.from {
            Trigger::DelayEnd => "The clock has not started: the delay still holds. Add `law_enforcement_delay.lifted` when it ends.".to_string(),
            Trigger::IndividualsNotice => "This is due together with the notice to individuals, which has not been recorded yet (`notified.individuals`).".to_string(),
            Trigger::Recovery => "The clock has not started: it runs from the day the district finishes eradicating, closing and recovering from the incident. Add `recovered` then.".to_string(),
            other => format!("The clock has not started: the {} has not happened yet.", other.describe()),
        };
        status.notes.push(waiting);
    }
    if let (Some(Due::Date(last)), Clock::CalendarDays(_), Some(rule)) =
        (&due, obligation.within, &facts.pack.period_end)
    {
        let next = calendar.next_working_day(*last);
        if next != *last {
            status.extended = Some(next);
            let doubt = rule
                .doubt
                .as_ref()
                .map(|d| format!(" {d}"))
                .unwrap_or_default();
            let when = match last.weekday() {
                chrono::Weekday::Sat | chrono::Weekday::Sun => {
                    format!("falls on a weekend ({})", weekday_words(*last))
                }
                _ => format!("({}) is a legal holiday", weekday_words(*last)),
            };
            status.notes.push(format!(
                "The last day {when}. {} lets the act be done on the next business day, {}; breachpage shows the earlier date, to be safe.{doubt}",
                rule.citation,
                weekday_words(next)
            ));
        }
    }
    if let (Some(how), Some(_)) = (&obligation.direct, &incident.substitute_notice) {
        status.notes.push(format!(
            "A media release or a website posting does not meet this duty: notice must reach each person directly, by {how}."
        ));
    }
    if let Some(file) = &obligation.file {
        status.notes.push(format!("How to file: {file}"));
    }
    status.due = due;
    status.met = met_date(obligation, facts, today);
    status.state = match (status.met, &status.due) {
        (Some(met), Some(due)) if met > due.date() => State::Late,
        (Some(_), _) => State::Met,
        (None, Some(due)) if today > due.date() => State::Overdue,
        (None, Some(_)) => State::Due,
        (None, None) => match (obligation.within, status.trigger) {
            (Clock::SameTime, Some(trigger)) if today > trigger => State::Overdue,
            _ => State::Due,
        },
    };
    if let (State::Late, Some(met), Some(next)) = (status.state, status.met, status.extended) {
        if met <= next {
            status.notes.push(format!(
                "It was done on {}, the next business day after the last day; under {} that may have been on time.",
                words(met),
                facts.pack.period_end.as_ref().map_or("", |r| r.citation.as_str())
            ));
        }
    }
    status.days = match (&status.due, status.state) {
        (Some(due), State::Due | State::Overdue) => Some((due.date() - today).num_days()),
        (None, State::Overdue) => status.trigger.map(|t| (t - today).num_days()),
        _ => None,
    };
    status
}

/// "Saturday, March 15, 2025".
fn weekday_words(date: NaiveDate) -> String {
    date.format("%A, %B %-d, %Y").to_string()
}

/// The event counted from, in words, for this record.
fn trigger_text(trigger: Trigger, facts: &Facts) -> &'static str {
    let incident = facts.incident;
    match trigger {
        Trigger::DiscoveryOrContractorNotice => match &incident.contractor {
            Some(contractor) => match (incident.district_learned, contractor.notified_district) {
                (Some(learned), Some(notice)) if learned < notice => {
                    "the district's own discovery (it learned of the breach before the contractor's notice)"
                }
                (Some(_), None) => "the district's own discovery of the contractor's breach",
                _ => "receipt of the contractor's notice",
            },
            None => Trigger::Discovery.describe(),
        },
        Trigger::DelayEnd => match incident.law_enforcement_delay.map(|d| d.reason) {
            Some(DelayReason::Vulnerability) => "fix of the security vulnerability",
            _ => Trigger::DelayEnd.describe(),
        },
        other => other.describe(),
    }
}

fn trigger_moment(trigger: Trigger, facts: &Facts) -> Option<Moment> {
    let incident = facts.incident;
    match trigger {
        Trigger::Discovery => incident.discovered,
        // For a contractor's breach the district cannot determine before it learns of it:
        // never the contractor's own discovery date.
        Trigger::Determination => incident.determined.or_else(|| match &incident.contractor {
            Some(_) => facts.district_discovery(),
            None => incident.discovered,
        }),
        Trigger::ContractorNotice => incident
            .contractor
            .as_ref()
            .and_then(|c| c.notified_district)
            .map(Moment::Date),
        Trigger::DiscoveryOrContractorNotice => facts.district_discovery(),
        Trigger::DelayEnd => incident
            .law_enforcement_delay
            .and_then(|d| d.lifted)
            .map(Moment::Date),
        Trigger::IndividualsNotice => notified(facts, "individuals").map(Moment::Date),
        Trigger::RansomPayment => incident.ransom_paid,
        Trigger::HhsNotice => incident.hipaa_hhs_notified.map(Moment::Date),
        Trigger::Recovery => incident.recovered.map(Moment::Date),
    }
}

/// The due date of a clock started at `moment`, and whether it is approximate.
fn due_from(clock: Clock, moment: Moment, calendar: &Calendar) -> (Option<Due>, bool) {
    let date = moment.date();
    match clock {
        Clock::Hours(hours) => {
            let (start, approximate) = match moment {
                Moment::DateTime(at) => (at, false),
                Moment::Date(d) => (d.and_time(chrono::NaiveTime::MIN), true),
            };
            (
                Some(Due::Time(
                    calendar::add_hours(calendar.zone, start, hours),
                    calendar.zone,
                )),
                approximate,
            )
        }
        Clock::CalendarDays(n) => (Some(Due::Date(calendar::add_calendar_days(date, n))), false),
        Clock::BusinessDays(n) => (Some(Due::Date(calendar.add_business_days(date, n))), false),
        Clock::SameTime | Clock::NoFixedDate(_) => (None, false),
    }
}

/// When the obligation was met: `notified.<id>`, or the record field that shows it.
/// Nothing counts as met after today; a posting counts only once it is on the public site.
fn met_date(obligation: &Obligation, facts: &Facts, today: NaiveDate) -> Option<NaiveDate> {
    let incident = facts.incident;
    notified(facts, &obligation.id)
        .or_else(|| match obligation.met_by? {
            MetBy::ContractorNotice => incident.contractor.as_ref()?.notified_district,
            MetBy::Published if visibility(incident, today).is_ok() => incident.published,
            MetBy::Published => None,
        })
        .filter(|met| *met <= today)
}

/// The date the record gives for the duty `id`: `notified.<id>`; under another state's
/// pack, `affected.residents.<STATE>.notified.<id>`, or for the notice to individuals
/// (one letter to everyone, wherever they live) `notified.individuals`.
fn notified(facts: &Facts, id: &str) -> Option<NaiveDate> {
    let incident = facts.incident;
    let own = incident.notified.get(id).copied();
    if !facts.is_elsewhere() {
        return own;
    }
    incident
        .affected
        .notified_in(&facts.pack.code, id)
        .or(if id == "individuals" { own } else { None })
}

fn targets(
    obligation: &Obligation,
    facts: &Facts,
    config: &SiteConfig,
    calendar: &Calendar,
) -> Vec<TargetStatus> {
    let mut targets = Vec::new();
    // A target's law reaches the events its own clock counts from (a contractor's duty
    // from the contractor's discovery) on or after it took effect.
    for target in facts.pack.recommended.iter().filter(|t| {
        let start = trigger_moment(t.from, facts).map(Moment::date);
        t.obligation == obligation.id
            && holds(&t.when, facts) != Truth::No
            && t.effective
                .is_none_or(|from| start.is_none_or(|d| d >= from))
    }) {
        let due =
            trigger_moment(target.from, facts).and_then(|m| due_from(target.within, m, calendar).0);
        targets.push(TargetStatus {
            source: "recommended",
            within: target.within,
            from: target.from,
            due,
            note: target.note.clone(),
        });
    }
    for policy in config
        .policy
        .iter()
        .filter(|p| p.obligation == obligation.id)
    {
        // site.toml's policies are checked when it is loaded.
        let Ok(within) = Clock::try_from(policy.within.clone()) else {
            continue;
        };
        let from = policy
            .from
            .as_deref()
            .and_then(Trigger::parse_policy)
            .unwrap_or(obligation.from);
        let due = trigger_moment(from, facts).and_then(|m| due_from(within, m, calendar).0);
        targets.push(TargetStatus {
            source: "policy",
            within,
            from,
            due,
            note: policy.note.clone().unwrap_or_else(|| {
                format!(
                    "{}'s own policy, stricter than the law",
                    config.district.name
                )
            }),
        });
    }
    targets
}

#[cfg(test)]
mod tests {
    //! Every expected date here is worked out by hand from the statute's clock, not copied
    //! from the program's output.
    use super::*;
    use crate::compliance::testing::{config, d, due, incident, one as applicable, run};

    const NY_CONTRACTOR: &str = "discovered: 2025-03-03\ncontractor:\n  name: C\n  notified_district: 2025-03-07\ndata: [student_name, grades]\naffected:\n  count: 40\n  groups: [students]\n";

    #[test]
    fn ny_contractor_breach() {
        let s = run("NY", NY_CONTRACTOR, d(2025, 3, 20));
        // 7 calendar days from the contractor's discovery on March 3; it reported March 7.
        let c = applicable(&s, "contractor-to-district");
        assert_eq!(
            (due(c).as_deref(), c.state, c.met),
            (Some("2025-03-10"), State::Met, Some(d(2025, 3, 7)))
        );
        // 10 calendar days from receipt of the contractor's notice (March 7).
        let spo = applicable(&s, "state-privacy-officer");
        assert_eq!(
            (due(spo).as_deref(), spo.state, spo.days),
            (Some("2025-03-17"), State::Overdue, Some(-3))
        );
        // 60 calendar days from March 7: 24 left in March, 30 in April, 6 in May.
        let ind = applicable(&s, "individuals");
        assert_eq!(
            (due(ind).as_deref(), ind.state, ind.days),
            (Some("2025-05-06"), State::Due, Some(47))
        );
        // Grades and names are not private information: no GBL §899-aa target.
        assert!(ind.targets.is_empty());
        // No private information: the Attorney General obligation does not apply.
        assert!(s
            .iter()
            .filter(|x| x.obligation.id == "attorney-general")
            .all(|x| x.state == State::NotApplicable));
        // A contractor's breach is not the district's cyber incident.
        assert!(s
            .iter()
            .filter(|x| x.obligation.id == "cyber-incident-report")
            .all(|x| x.state == State::NotApplicable));
    }

    #[test]
    fn ny_law_enforcement_delay_selects_the_delayed_variant() {
        let extra = "discovered: 2025-01-06\nlaw_enforcement_delay:\n  requested: 2025-01-07\n  lifted: 2025-04-01\ndata: [student_name, ssn]\naffected:\n  count: 10\n  groups: [students]\n";
        let s = run("NY", extra, d(2025, 4, 2));
        let ind = applicable(&s, "individuals");
        assert_eq!(
            ind.obligation.variant.as_deref(),
            Some("after a law-enforcement or vulnerability delay")
        );
        // 7 calendar days after the delay ended on April 1.
        assert_eq!(due(ind).as_deref(), Some("2025-04-08"));
    }

    #[test]
    fn ny_cyber_incident_report_counts_hours() {
        let extra = "discovered: 2025-08-05T14:30\ndata: [ssn]\naffected:\n  count: 6000\n  groups: [staff]\nnotified:\n  individuals: 2025-09-01\n";
        let s = run("NY", extra, d(2025, 9, 3));
        let cyber = applicable(&s, "cyber-incident-report");
        // 72 hours after 2:30 p.m. on August 5 (daylight time, UTC-4).
        assert_eq!(due(cyber).as_deref(), Some("2025-08-08T14:30:00-04:00"));
        assert!(cyber.notes.iter().all(|n| !n.contains("no time of day")));
        // Private information of more than 5,000 residents: both STL §208 notices apply,
        // due with the notice to individuals (August 1) and not yet made.
        let ag = applicable(&s, "attorney-general");
        assert_eq!(
            (ag.due.clone(), ag.state, ag.days),
            (None, State::Overdue, Some(-2))
        );
        assert_eq!(
            applicable(&s, "consumer-reporting-agencies").state,
            State::Overdue
        );
    }

    #[test]
    fn rules_do_not_reach_back_before_they_took_effect() {
        // The cyber incident report took effect on July 28, 2025.
        let extra =
            "discovered: 2024-01-10\ndata: [grades]\naffected:\n  count: 5\n  groups: [students]\n";
        let s = run("NY", extra, d(2024, 1, 25));
        let cyber: Vec<&ObligationStatus> = s
            .iter()
            .filter(|x| x.obligation.id == "cyber-incident-report")
            .collect();
        assert_eq!(cyber[0].state, State::NotApplicable);
        assert!(
            cyber[0].notes[0].contains("took effect on July 28, 2025"),
            "{:?}",
            cyber[0].notes
        );
        assert_eq!(
            applicable(&s, "state-privacy-officer").state,
            State::Overdue
        );
    }

    #[test]
    fn a_posting_counts_only_once_it_is_public() {
        // CT contractor breach; the notice is scheduled for a later date than today.
        let extra = "discovered: 2025-01-02\ncontractor:\n  name: C\n  notified_district: 2025-01-17\ndata: [directory_information]\naffected:\n  count: 40\n  groups: [students]\n";
        let config = config("CT");
        let mut record = incident(extra);
        record.published = NaiveDate::from_ymd_opt(2025, 2, 10);
        let s = evaluate(&record, config.pack().unwrap(), &config, d(2025, 1, 27));
        let web = applicable(&s, "website-posting");
        assert_eq!((web.met, web.state), (None, State::Overdue));
    }

    #[test]
    fn an_hour_clock_from_a_date_alone_is_approximate() {
        let extra =
            "discovered: 2025-08-01\ndata: [ssn]\naffected:\n  count: 1\n  groups: [staff]\n";
        let s = run("NY", extra, d(2025, 8, 1));
        let cyber = applicable(&s, "cyber-incident-report");
        // From midnight starting August 1, daylight time (UTC-4).
        assert_eq!(due(cyber).as_deref(), Some("2025-08-04T00:00:00-04:00"));
        assert!(cyber.notes.iter().any(|n| n.contains("no time of day")));
    }

    #[test]
    fn ny_consumer_reporting_agencies_need_more_than_5000_residents() {
        let extra = "discovered: 2025-01-08\ndata: [ssn]\naffected:\n  count: 9000\n  residents: 5000\n  groups: [staff]\n";
        let s = run("NY", extra, d(2025, 1, 9));
        assert!(s
            .iter()
            .filter(|x| x.obligation.id == "consumer-reporting-agencies")
            .all(|x| x.state == State::NotApplicable));
        assert_eq!(applicable(&s, "attorney-general").state, State::Due);
    }

    #[test]
    fn ct_directory_information_only_gets_the_60_day_variant() {
        let extra = "discovered: 2025-01-02\ncontractor:\n  name: C\n  notified_district: 2025-01-17\ndata: [directory_information]\naffected:\n  count: 40\n  groups: [students]\n";
        let s = run("CT", extra, d(2025, 1, 17));
        let c = applicable(&s, "contractor-to-district");
        // 60 days from January 2: 29 left in January, 28 in February, 3 in March.
        assert_eq!(c.obligation.within, Clock::CalendarDays(60));
        assert_eq!(due(c).as_deref(), Some("2025-03-03"));
        // 2 business days from Friday January 17; Monday January 20 is a federal holiday.
        let ind = applicable(&s, "individuals");
        assert_eq!(due(ind).as_deref(), Some("2025-01-22"));
        let web = applicable(&s, "website-posting");
        assert_eq!(due(web).as_deref(), Some("2025-01-22"));
        // Posted on the record's `published` day, which is public by January 17: met.
        assert_eq!(web.met, Some(d(2024, 1, 2)));
    }

    #[test]
    fn ct_other_student_information_gets_the_30_day_variant() {
        let extra = "discovered: 2025-01-02\ncontractor:\n  name: C\n  notified_district: 2025-01-17\ndata: [health]\naffected:\n  count: 40\n  groups: [students]\n";
        let c_ = run("CT", extra, d(2025, 1, 17));
        let c = applicable(&c_, "contractor-to-district");
        assert_eq!(due(c).as_deref(), Some("2025-02-01"));
    }

    #[test]
    fn ct_unknown_data_shows_the_shorter_clock() {
        let extra = "discovered: 2025-01-02\ncontractor:\n  name: C\n  notified_district: 2025-01-17\ndata: unknown\naffected:\n  count: 40\n  groups: [students]\n";
        let s = run("CT", extra, d(2025, 1, 17));
        let c = applicable(&s, "contractor-to-district");
        assert_eq!(c.obligation.within, Clock::CalendarDays(30));
        assert!(c.notes.iter().any(|n| n.starts_with("This may apply")));
    }

    #[test]
    fn pa_clocks_count_business_days_from_determination() {
        let extra = "discovered: 2025-06-20\ndetermined: 2025-06-30\ndata: [student_name, ssn]\naffected:\n  count: 501\n  groups: [students]\nnotified:\n  individuals: 2025-07-11\n";
        let s = run("PA", extra, d(2025, 7, 14));
        // 7 business days after Monday June 30, skipping Friday July 4 and the weekend.
        let ind = applicable(&s, "individuals");
        assert_eq!(
            (due(ind).as_deref(), ind.state),
            (Some("2025-07-10"), State::Late)
        );
        // 3 business days after June 30.
        assert_eq!(
            due(applicable(&s, "district-attorney")).as_deref(),
            Some("2025-07-03")
        );
        // More than 500 residents: the Attorney General at the same time as individuals.
        assert_eq!(applicable(&s, "attorney-general").state, State::Overdue);
        // Without unreasonable delay: no fixed date, never overdue by the clock.
        let cra = applicable(&s, "consumer-reporting-agencies");
        assert_eq!((cra.due.clone(), cra.state), (None, State::Due));
    }

    #[test]
    fn pa_attorney_general_threshold_is_more_than_500() {
        let extra =
            "discovered: 2025-06-30\ndata: [ssn]\naffected:\n  count: 500\n  groups: [students]\n";
        let s = run("PA", extra, d(2025, 7, 1));
        assert!(s
            .iter()
            .filter(|x| x.obligation.id == "attorney-general")
            .all(|x| x.state == State::NotApplicable));
    }
}

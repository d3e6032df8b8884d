//! Which obligations of a rule pack apply to an incident, when each is due, and where it
//! stands today.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::compliance::calendar::{self, Calendar};
use crate::config::SiteConfig;
use crate::jurisdiction::{Clock, Condition, MetBy, Obligation, Pack, Trigger};
use crate::model::{Incident, Known, Moment};
use crate::visibility::visibility;

/// Whether a condition holds, as far as the record tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    Yes,
    No,
    /// The record does not say yet (e.g. `data: unknown`).
    Unknown,
}

impl Truth {
    pub fn from(b: bool) -> Truth {
        if b {
            Truth::Yes
        } else {
            Truth::No
        }
    }
}

/// All conditions together: any `No` wins, then any `Unknown`.
pub fn holds(conditions: &[Condition], incident: &Incident, pack: &Pack) -> Truth {
    let mut result = Truth::Yes;
    for condition in conditions {
        match holds_one(condition, incident, pack) {
            Truth::No => return Truth::No,
            Truth::Unknown => result = Truth::Unknown,
            Truth::Yes => {}
        }
    }
    result
}

fn holds_one(condition: &Condition, incident: &Incident, pack: &Pack) -> Truth {
    let in_category = |category: &str, id: &String| {
        pack.categories
            .get(category)
            .is_some_and(|c| c.elements.contains(id))
    };
    let data = match &incident.data {
        Known::Known(ids) => Some(ids),
        Known::Unknown => None,
    };
    // Free-text `other_data` may hold anything: it can make "only" and "beyond" uncertain.
    let other = incident.other_data.is_some();
    match condition {
        Condition::Always => Truth::Yes,
        Condition::Contractor => Truth::from(incident.contractor.is_some()),
        Condition::OwnBreach => Truth::from(incident.contractor.is_none()),
        Condition::LawEnforcementDelay => Truth::from(incident.law_enforcement_delay.is_some()),
        Condition::NoLawEnforcementDelay => Truth::from(incident.law_enforcement_delay.is_none()),
        Condition::DataIn(category) => match data {
            None => Truth::Unknown,
            Some(ids) if ids.iter().any(|id| in_category(category, id)) => Truth::Yes,
            Some(_) if other => Truth::Unknown,
            Some(_) => Truth::No,
        },
        Condition::DataOnly(category) => match data {
            None => Truth::Unknown,
            Some(ids) if !ids.iter().all(|id| in_category(category, id)) => Truth::No,
            Some(_) if other => Truth::Unknown,
            Some(_) => Truth::Yes,
        },
        Condition::DataBeyond(category) => match data {
            None => Truth::Unknown,
            Some(ids) if ids.iter().any(|id| !in_category(category, id)) => Truth::Yes,
            Some(_) if other => Truth::Unknown,
            Some(_) => Truth::No,
        },
        Condition::ResidentsOver(n) => {
            match (incident.affected.residents, &incident.affected.count) {
                (Some(residents), _) => Truth::from(residents > *n),
                (None, Known::Known(count)) => Truth::from(count > n),
                (None, Known::Unknown) => Truth::Unknown,
            }
        }
        Condition::CountOver(n) => match incident.affected.count {
            Known::Known(count) => Truth::from(count > *n),
            Known::Unknown => Truth::Unknown,
        },
    }
}

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
    Time(NaiveDateTime),
}

impl Due {
    pub fn date(&self) -> NaiveDate {
        match self {
            Due::Date(d) => *d,
            Due::Time(t) => t.date(),
        }
    }

    /// `YYYY-MM-DD`, or RFC 3339 for hour clocks.
    pub fn to_json(&self) -> String {
        match self {
            Due::Date(d) => d.format("%Y-%m-%d").to_string(),
            Due::Time(t) => calendar::rfc3339_eastern(*t),
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
    pub due: Option<Due>,
    /// The date of the event counted from, when it has happened.
    pub trigger: Option<NaiveDate>,
    /// The event counted from, in words, for this incident.
    pub trigger_text: &'static str,
    pub met: Option<NaiveDate>,
    /// Days until due (positive) or since due (negative), when there is a due date.
    pub days: Option<i64>,
    /// Why it does not apply, what it waits for, or why it is approximate.
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
    let calendar = Calendar {
        closures: config.calendar.closures.clone(),
    };
    let truths: Vec<Truth> = pack
        .obligations
        .iter()
        .map(|o| holds(&o.when, incident, pack))
        .collect();
    let mut statuses: Vec<ObligationStatus> = pack
        .obligations
        .iter()
        .zip(&truths)
        .map(|(obligation, truth)| status(obligation, *truth, incident, &calendar, today))
        .collect();
    resolve_variants(&mut statuses, &truths);
    for status in &mut statuses {
        if status.state != State::NotApplicable {
            status.targets = targets(&status.obligation, incident, pack, config, &calendar);
        }
    }
    statuses
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
            statuses[loser].notes = vec![format!("the variant \"{label}\" applies instead")];
        }
    }
}

fn status(
    obligation: &Obligation,
    truth: Truth,
    incident: &Incident,
    calendar: &Calendar,
    today: NaiveDate,
) -> ObligationStatus {
    let mut status = ObligationStatus {
        obligation: obligation.clone(),
        state: State::NotApplicable,
        due: None,
        trigger: None,
        trigger_text: obligation.from.describe(),
        met: None,
        days: None,
        notes: Vec::new(),
        targets: Vec::new(),
    };
    if truth == Truth::No {
        status.notes.push(format!(
            "Does not apply: it applies only when {}.",
            obligation.condition
        ));
        return status;
    }
    if truth == Truth::Unknown {
        status.notes.push(format!(
            "may apply (when {}): the record does not say yet",
            obligation.condition
        ));
    }
    if obligation.from == Trigger::DiscoveryOrContractorNotice {
        status.trigger_text = if incident.contractor.is_some() {
            Trigger::ContractorNotice.describe()
        } else {
            Trigger::Discovery.describe()
        };
    }
    let trigger = trigger_moment(obligation.from, incident);
    // A law does not reach back before it took effect (judged by the district's discovery).
    if let Some(discovered) = incident.discovered.map(Moment::date) {
        if discovered < obligation.effective {
            status.notes = vec![format!(
                "does not apply: this rule took effect on {}, after the breach was discovered ({discovered})",
                obligation.effective
            )];
            return status;
        }
    }
    status.trigger = trigger.map(Moment::date);
    let (due, approximate) = match trigger {
        Some(moment) => due_from(obligation.within, moment, calendar),
        None => (None, false),
    };
    if approximate {
        status.notes.push(
            "approximate: `discovered` has no time of day, so the hours are counted from the start of that day; write it as YYYY-MM-DDTHH:MM for an exact deadline"
                .to_string(),
        );
    }
    if trigger.is_none() {
        status.notes.push(format!(
            "counts from the {}, which has not happened yet",
            obligation.from.describe()
        ));
    }
    status.due = due;
    status.met = met_date(obligation, incident, today);
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
    status.days = match (&status.due, status.state) {
        (Some(due), State::Due | State::Overdue) => Some((due.date() - today).num_days()),
        (None, State::Overdue) => status.trigger.map(|t| (t - today).num_days()),
        _ => None,
    };
    status
}

fn trigger_moment(trigger: Trigger, incident: &Incident) -> Option<Moment> {
    let contractor_notice = || {
        incident
            .contractor
            .as_ref()
            .and_then(|c| c.notified_district)
            .map(Moment::Date)
    };
    match trigger {
        Trigger::Discovery => incident.discovered,
        Trigger::Determination => incident.determined.or(incident.discovered),
        Trigger::ContractorNotice => contractor_notice(),
        Trigger::DiscoveryOrContractorNotice => {
            if incident.contractor.is_some() {
                contractor_notice()
            } else {
                incident.discovered
            }
        }
        Trigger::DelayEnd => incident
            .law_enforcement_delay
            .and_then(|d| d.lifted)
            .map(Moment::Date),
        Trigger::IndividualsNotice => incident
            .notified
            .get("individuals")
            .copied()
            .map(Moment::Date),
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
                Some(Due::Time(calendar::add_hours_eastern(start, hours))),
                approximate,
            )
        }
        Clock::CalendarDays(n) => (Some(Due::Date(calendar::add_calendar_days(date, n))), false),
        Clock::BusinessDays(n) => (Some(Due::Date(calendar.add_business_days(date, n))), false),
        Clock::SameTime | Clock::NoFixedDate => (None, false),
    }
}

/// When the obligation was met: `notified.<id>`, or the record field that shows it.
/// Nothing counts as met after today; a posting counts only once it is on the public site.
fn met_date(obligation: &Obligation, incident: &Incident, today: NaiveDate) -> Option<NaiveDate> {
    incident
        .notified
        .get(&obligation.id)
        .copied()
        .or_else(|| match obligation.met_by? {
            MetBy::ContractorNotice => incident.contractor.as_ref()?.notified_district,
            MetBy::Published if visibility(incident, today).is_ok() => incident.published,
            MetBy::Published => None,
        })
        .filter(|met| *met <= today)
}

fn targets(
    obligation: &Obligation,
    incident: &Incident,
    pack: &Pack,
    config: &SiteConfig,
    calendar: &Calendar,
) -> Vec<TargetStatus> {
    let mut targets = Vec::new();
    for target in pack
        .recommended
        .iter()
        .filter(|t| t.obligation == obligation.id)
    {
        let due = trigger_moment(target.from, incident)
            .and_then(|m| due_from(target.within, m, calendar).0);
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
        let due = trigger_moment(from, incident).and_then(|m| due_from(within, m, calendar).0);
        targets.push(TargetStatus {
            source: "policy",
            within,
            from,
            due,
            note: policy
                .note
                .clone()
                .unwrap_or_else(|| "district policy".to_string()),
        });
    }
    targets
}

#[cfg(test)]
mod tests {
    //! Every expected date here is worked out by hand from the statute's clock, not copied
    //! from the program's output.
    use super::*;
    use crate::content::record;
    use crate::diagnostics::Diagnostics;

    fn config(jurisdiction: &str) -> SiteConfig {
        let text = format!(
            "[district]\nname = \"Test District\"\njurisdiction = \"{jurisdiction}\"\n[site]\ntitle = \"T\"\n[contact]\nname = \"A\"\nemail = \"a@example.org\"\n"
        );
        SiteConfig::parse(&text).unwrap()
    }

    fn incident(extra: &str) -> Incident {
        let source = format!(
            "title: T\nstatus: active\npublished: 2025-01-02\nsummary: S\ndescription: D\ninvestigation: I\n{extra}"
        );
        let mut diagnostics = Diagnostics::new();
        let incident = record::parse("x.yaml", "x", &source, &mut diagnostics);
        assert!(!diagnostics.has_errors(), "{:?}", diagnostics.sorted());
        incident.unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn run(jurisdiction: &str, extra: &str, today: NaiveDate) -> Vec<ObligationStatus> {
        let config = config(jurisdiction);
        evaluate(&incident(extra), config.pack().unwrap(), &config, today)
    }

    /// The applicable status of `id` (exactly one must apply).
    fn applicable<'a>(statuses: &'a [ObligationStatus], id: &str) -> &'a ObligationStatus {
        let found: Vec<&ObligationStatus> = statuses
            .iter()
            .filter(|s| s.obligation.id == id && s.state != State::NotApplicable)
            .collect();
        assert_eq!(found.len(), 1, "{id}: {found:#?}");
        found[0]
    }

    fn due(s: &ObligationStatus) -> Option<String> {
        s.due.as_ref().map(Due::to_json)
    }

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
        assert_eq!(ind.targets[0].source, "recommended");
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
        let extra = "discovered: 2025-01-06\nlaw_enforcement_delay:\n  requested: 2025-01-07\n  lifted: 2025-04-01\ndata: [ssn]\naffected:\n  count: 10\n  groups: [staff]\n";
        let s = run("NY", extra, d(2025, 4, 2));
        let ind = applicable(&s, "individuals");
        assert_eq!(
            ind.obligation.variant.as_deref(),
            Some("after a law-enforcement delay")
        );
        // 7 calendar days after the delay ended on April 1.
        assert_eq!(due(ind).as_deref(), Some("2025-04-08"));
    }

    #[test]
    fn ny_cyber_incident_report_counts_hours() {
        let extra = "discovered: 2025-07-08T14:30\ndata: [ssn]\naffected:\n  count: 6000\n  groups: [staff]\nnotified:\n  individuals: 2025-08-01\n";
        let s = run("NY", extra, d(2025, 8, 3));
        let cyber = applicable(&s, "cyber-incident-report");
        // 72 hours after 2:30 p.m. on July 8 (daylight time, UTC-4).
        assert_eq!(due(cyber).as_deref(), Some("2025-07-11T14:30:00-04:00"));
        assert!(cyber.notes.iter().all(|n| !n.starts_with("approximate")));
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
        // The cyber incident report took effect in mid-2025 (2025-06-01 in the pack).
        let extra =
            "discovered: 2024-01-10\ndata: [grades]\naffected:\n  count: 5\n  groups: [students]\n";
        let s = run("NY", extra, d(2024, 1, 25));
        let cyber: Vec<&ObligationStatus> = s
            .iter()
            .filter(|x| x.obligation.id == "cyber-incident-report")
            .collect();
        assert_eq!(cyber[0].state, State::NotApplicable);
        assert!(
            cyber[0].notes[0].contains("took effect on 2025-06-01"),
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
            "discovered: 2025-07-01\ndata: [ssn]\naffected:\n  count: 1\n  groups: [staff]\n";
        let s = run("NY", extra, d(2025, 7, 1));
        let cyber = applicable(&s, "cyber-incident-report");
        // From midnight starting July 1, daylight time (UTC-4).
        assert_eq!(due(cyber).as_deref(), Some("2025-07-04T00:00:00-04:00"));
        assert!(cyber.notes.iter().any(|n| n.starts_with("approximate")));
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
        // Posted January 2 (the record's `published`): met.
        assert_eq!(web.met, Some(d(2025, 1, 2)));
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
        assert!(c.notes.iter().any(|n| n.starts_with("may apply")));
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

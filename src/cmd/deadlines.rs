//! `breachpage deadlines [SLUG]`: the legal timeline of each incident under its
//! jurisdiction, for a busy administrator (text) or a program (JSON, as SPEC.md defines).

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::DeadlinesFormat as Format;
use crate::compliance::obligations::{self, ObligationStatus, State};
use crate::compliance::residence::{self, Residence};
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::jurisdiction::{Clock, Pace};
use crate::kit::words::{act_in_words, due_in_words, in_words};
use crate::model::{Incident, Moment, NoticeMethod, NotificationAct, SiteData, Status};
use crate::site::Site;
use crate::{suggest, Failure};

#[derive(Serialize)]
struct Row<'a> {
    incident: &'a str,
    draft: bool,
    /// The state whose law sets the duty: the district's own, or one where some of the
    /// affected people live (`affected.residents`).
    jurisdiction: &'a str,
    obligation: &'a str,
    variant: Option<&'a str>,
    who: &'a str,
    whom: &'a str,
    within: String,
    due: Option<String>,
    /// The next business day, when the period ends on a weekend or holiday and the state
    /// lets the act be done then (`due` stays the earlier, safe date).
    extended_due: Option<String>,
    from: &'static str,
    from_date: Option<String>,
    citation: &'a str,
    /// How notice must reach each person, when it must be direct.
    direct: Option<&'a str>,
    /// How to file with the agency.
    file: Option<&'a str>,
    effective: String,
    verified: String,
    doubt: Option<&'a str>,
    state: State,
    met: Option<String>,
    /// Days until due (positive) or since due (negative).
    days: Option<i64>,
    notes: Vec<String>,
    targets: Vec<TargetRow>,
    /// How it was done, when `notified.<id>` is written as a record of the act.
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<ActRow<'a>>,
}

#[derive(Serialize)]
struct ActRow<'a> {
    /// YYYY-MM-DD or YYYY-MM-DDTHH:MM, as written.
    at: String,
    method: Option<&'static str>,
    by: Option<&'a str>,
    reference: Option<&'a str>,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct TargetRow {
    source: &'static str,
    within: String,
    from: &'static str,
    due: Option<String>,
    note: String,
}

pub fn run(
    root: &Path,
    slug: Option<&str>,
    format: Format,
    fail_on_overdue: bool,
    today: NaiveDate,
) -> Result<(), Failure> {
    let loaded = Site::load(root)?;
    let (site, diagnostics) = (loaded.model(), loaded.diagnostics());
    let incidents: Vec<&Incident> = match slug {
        Some(slug) => match site.incidents.iter().find(|i| i.slug == slug) {
            Some(incident) => vec![incident],
            None => return Err(unknown_slug(site, slug, diagnostics)),
        },
        None => site.incidents.iter().collect(),
    };
    let evaluated: Vec<(&Incident, Vec<ObligationStatus>)> = incidents
        .iter()
        .map(|i| (*i, obligations::evaluate(i, site.pack, &site.config, today)))
        .collect();
    // The same incidents, under the law of each other state where affected people live.
    let residences: Vec<Vec<Residence>> = incidents
        .iter()
        .map(|i| residence::residences(i, site.pack, &site.config, today))
        .collect();
    match format {
        Format::Json => {
            let home = site.pack.code.as_str();
            let mut rows: Vec<Row> = Vec::new();
            for ((incident, statuses), residences) in evaluated.iter().zip(&residences) {
                rows.extend(statuses.iter().map(|s| {
                    row(
                        incident,
                        home,
                        s,
                        incident.notified_acts.get(&s.obligation.id),
                    )
                }));
                for residence in residences {
                    if let Some(law) = &residence.law {
                        rows.extend(
                            law.statuses
                                .iter()
                                .map(|s| row(incident, residence.code, s, None)),
                        );
                    }
                    if let Some(question) = residence.open_question() {
                        rows.push(uncovered_row(incident, residence, question));
                    }
                }
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_string())
            );
        }
        Format::Ics => print!("{}", super::ics::calendar(&evaluated, &residences, today)),
        Format::Text => {
            print!("{}", text(site, &evaluated, &residences, today));
            let unreadable: std::collections::BTreeSet<&str> = diagnostics
                .sorted()
                .into_iter()
                .filter(|d| d.is_error())
                .map(|d| d.file.as_str())
                .collect();
            if !unreadable.is_empty() {
                println!(
                    "\n{} record file{} with errors {} left out above; the errors follow. Fix them and run this again.",
                    unreadable.len(),
                    if unreadable.len() == 1 { "" } else { "s" },
                    if unreadable.len() == 1 { "is" } else { "are" },
                );
            }
        }
    }
    if diagnostics.has_errors() {
        return Err(Failure::Site(diagnostics.clone()));
    }
    let elsewhere = residences
        .iter()
        .flatten()
        .filter_map(|r| r.law.as_ref())
        .flat_map(|law| &law.statuses);
    let overdue = evaluated
        .iter()
        .flat_map(|(_, s)| s)
        .chain(elsewhere)
        .filter(|s| s.state == State::Overdue)
        .count();
    if fail_on_overdue && overdue > 0 {
        let mut problems = Diagnostics::new();
        problems.push(Diagnostic::error(
            content::INCIDENTS_DIR,
            format!(
                "{overdue} obligation{} overdue (--fail-on-overdue)",
                if overdue == 1 { " is" } else { "s are" }
            ),
        ));
        return Err(Failure::Site(problems));
    }
    Ok(())
}

fn unknown_slug(site: &SiteData, slug: &str, diagnostics: &Diagnostics) -> Failure {
    let mut message = format!("there is no incident `{slug}` in content/incidents/");
    if let Some(close) = suggest::closest(slug, site.incidents.iter().map(|i| i.slug.as_str())) {
        let _ = write!(message, "; did you mean `{close}`?");
    } else if diagnostics.has_errors() {
        message
            .push_str(" that could be read; run `breachpage check` to see the records with errors");
    }
    Failure::Usage(message)
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `act`: the record of the act, for a duty under the site's own law.
fn row<'a>(
    incident: &'a Incident,
    jurisdiction: &'a str,
    s: &'a ObligationStatus,
    act: Option<&'a NotificationAct>,
) -> Row<'a> {
    let o = &s.obligation;
    Row {
        incident: &incident.slug,
        draft: incident.status == Status::Draft,
        jurisdiction,
        obligation: &o.id,
        variant: o.variant.as_deref(),
        who: &o.who,
        whom: &o.whom,
        within: o.within.to_string(),
        due: s.due.as_ref().map(|d| d.to_json()),
        extended_due: s.extended.map(iso),
        from: o.from.id(),
        from_date: s.trigger.map(iso),
        citation: &o.citation,
        direct: o.direct.as_deref(),
        file: o.file.as_deref(),
        effective: iso(o.effective),
        verified: iso(o.verified),
        doubt: o.doubt.as_deref(),
        state: s.state,
        met: s.met.map(iso),
        days: s.days,
        notes: s.notes.clone(),
        targets: s
            .targets
            .iter()
            .map(|t| TargetRow {
                source: t.source,
                within: t.within.to_string(),
                from: t.from.id(),
                due: t.due.as_ref().map(|d| d.to_json()),
                note: t.note.clone(),
            })
            .collect(),
        record: act.map(|act| ActRow {
            at: moment_iso(act.at),
            method: act.method.map(NoticeMethod::as_str),
            by: act.by.as_deref(),
            reference: act.reference.as_deref(),
            evidence: &act.evidence,
        }),
    }
}

fn moment_iso(at: Moment) -> String {
    match at {
        Moment::Date(date) => iso(date),
        Moment::DateTime(at) => at.format("%Y-%m-%dT%H:%M").to_string(),
    }
}

/// A state where affected people live and breachpage has no rules (or none that say what
/// reaches a district elsewhere): one open item, with no date, that says so
/// (`obligation: "check-state-law"`).
fn uncovered_row<'a>(incident: &'a Incident, residence: &'a Residence, note: String) -> Row<'a> {
    Row {
        incident: &incident.slug,
        draft: incident.status == Status::Draft,
        jurisdiction: residence.code,
        obligation: CHECK_STATE_LAW,
        variant: None,
        who: "district",
        whom: residence.name,
        within: String::new(),
        due: None,
        extended_due: None,
        from: "",
        from_date: None,
        citation: "",
        direct: None,
        file: None,
        effective: String::new(),
        verified: String::new(),
        doubt: None,
        state: State::Due,
        met: None,
        days: None,
        notes: vec![note],
        targets: Vec::new(),
        record: None,
    }
}

/// The id of the open item for a state breachpage has no rules for.
pub const CHECK_STATE_LAW: &str = "check-state-law";

fn text(
    site: &SiteData,
    evaluated: &[(&Incident, Vec<ObligationStatus>)],
    residences: &[Vec<Residence>],
    today: NaiveDate,
) -> String {
    let mut out = String::new();
    let pack = site.pack;
    let _ = writeln!(
        out,
        "Deadlines as of {today} under {} rules (verified {}). This is not legal advice; each rule names its source.",
        pack.name, pack.verified
    );
    if evaluated.is_empty() {
        out.push_str("\nThere are no incident records that could be read.\n");
    }
    for ((incident, statuses), residences) in evaluated.iter().zip(residences) {
        let draft = if incident.status == Status::Draft {
            " [DRAFT]"
        } else {
            ""
        };
        let _ = writeln!(out, "\n{}{draft}: {}", incident.slug, incident.title);
        for s in statuses {
            status_lines(&mut out, s, incident.notified_acts.get(&s.obligation.id));
        }
        for residence in residences {
            residence_lines(&mut out, residence);
        }
    }
    out
}

/// The duties owed under the law of a state where some affected people live.
fn residence_lines(out: &mut String, residence: &Residence) {
    let Some(law) = &residence.law else {
        let _ = writeln!(out, "\n  {}", residence.uncovered());
        return;
    };
    let pack = law.pack;
    let _ = writeln!(
        out,
        "\n  {}: {} rules (verified {}).",
        residence.people_live_there(),
        pack.name,
        pack.verified
    );
    match &pack.residents {
        Some(note) => {
            let _ = writeln!(out, "  {} ({})", note.note, note.citation);
            if let Some(doubt) = &note.doubt {
                let _ = writeln!(out, "  ⚠ {doubt}");
            }
        }
        None => {
            let _ = writeln!(out, "  {}", residence::unsaid(&residence.people, pack));
        }
    }
    if law.statuses.is_empty() {
        let _ = writeln!(
            out,
            "  No {} duty is listed for a district outside {}.",
            pack.name, pack.name
        );
    }
    for s in &law.statuses {
        status_lines(out, s, None);
    }
    for offer in &law.offers {
        let _ = writeln!(
            out,
            "  offer    {} months of {}, free of charge, to the {} residents affected: {} · {}",
            offer.months, offer.service, pack.name, offer.condition, offer.citation
        );
    }
}

/// `act`: the record of the act, for a duty under the site's own law.
fn status_lines(out: &mut String, s: &ObligationStatus, act: Option<&NotificationAct>) {
    let o = &s.obligation;
    let label = match s.state {
        State::Met => "met",
        State::Late => "LATE",
        State::Due => "due",
        State::Overdue => "OVERDUE",
        State::NotApplicable => "n/a",
    };
    let variant = o
        .variant
        .as_ref()
        .map(|v| format!(" ({v})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {label:<8} {}{variant}: {} → {}",
        o.id, o.who, o.whom
    );
    if s.state == State::NotApplicable {
        for note in &s.notes {
            let _ = writeln!(out, "           {note}");
        }
        return;
    }
    let from = match s.trigger {
        Some(date) => format!("{} ({})", s.trigger_text, in_words(date)),
        None => s.trigger_text.to_string(),
    };
    let when = match (&s.due, o.within) {
        (Some(due), within) => format!("due {}: {within} after {from}", due_in_words(due)),
        (None, Clock::SameTime) => format!("no fixed date: at the same time as the {from}"),
        (None, Clock::NoFixedDate(Pace::Unstated)) => {
            format!("no fixed date: the law sets no time (it follows the {from})")
        }
        (None, _) => format!("no fixed date: {} after the {from}", o.within),
    };
    let _ = writeln!(out, "           {when}");
    let standing = match (s.state, s.met, s.days) {
        (State::Met, Some(met), _) => format!("met on {}", in_words(met)),
        (State::Late, Some(met), _) => format!("met late, on {}", in_words(met)),
        (State::Overdue, _, Some(days)) => format!("overdue by {}", plural_days(-days)),
        (State::Due, _, Some(0)) => "due today".to_string(),
        (State::Due, _, Some(days)) => format!("due in {}", plural_days(days)),
        _ => "open".to_string(),
    };
    let _ = writeln!(out, "           {standing} · {}", o.citation);
    if let Some(act) = act.and_then(act_in_words) {
        let _ = writeln!(out, "           done: {act}");
    }
    for note in &s.notes {
        let _ = writeln!(out, "           note: {note}");
    }
    if let Some(doubt) = &o.doubt {
        let _ = writeln!(out, "           ⚠ {doubt}");
    }
    for t in &s.targets {
        let due = t.due.as_ref().map_or("no date yet".to_string(), |d| {
            format!("by {}", due_in_words(d))
        });
        let _ = writeln!(
            out,
            "           {} target: {} from {}, {due}: {}",
            t.source,
            t.within,
            t.from.describe(),
            t.note
        );
    }
}

fn plural_days(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

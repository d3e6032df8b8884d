//! Regulator filings and the incident's compliance record, from the law engine's
//! obligations. A filing sheet is pre-filled for each duty to an agency that applies:
//! its due date, how to file, the answers agencies' forms ask for (who reports, the
//! contact, the dates, the data, how many people and residents, the notice to
//! individuals, the offer), and a cover letter for the duties filed by letter. The
//! compliance record lists every duty: what was due, when and how it was done, and the
//! proof kept. Agencies read English: these are written in English.

use crate::compliance::obligations::{ObligationStatus, State};
use crate::jurisdiction::Clock;
use crate::model::{Known, Medium};

use super::doc::{Block, Doc};
use super::facts::Facts;
use super::words::{act_in_words, due_in_words, in_words, moment_in_words};

/// Duties owed to the people affected or done by others: not filed with an agency.
/// (`parents`: the Texas cybersecurity coordinator's notice to parents, Educ. Code §11.175(f).)
const NOT_FILINGS: &[&str] = &[
    "individuals",
    "parents",
    "website-posting",
    "contractor-to-district",
];

/// Whether `status` is a duty to file with an agency that applies.
pub fn is_filing(status: &ObligationStatus) -> bool {
    status.state != State::NotApplicable && !NOT_FILINGS.contains(&status.obligation.id.as_str())
}

/// When it is due, in words.
pub fn due_text(status: &ObligationStatus) -> String {
    let o = &status.obligation;
    match (&status.due, o.within) {
        (Some(due), within) => format!(
            "{} ({within} after {})",
            due_in_words(due),
            status.trigger_text
        ),
        (None, Clock::SameTime) => format!("at the same time as the {}", status.trigger_text),
        (None, within) => format!("{within} after the {}", status.trigger_text),
    }
}

fn state_text(status: &ObligationStatus) -> String {
    match (status.state, status.met, status.days) {
        (State::Met, Some(met), _) => format!("done on time, on {}", in_words(met)),
        (State::Late, Some(met), _) => format!("done late, on {}", in_words(met)),
        (State::Overdue, _, Some(days)) => format!("OVERDUE by {} days", -days),
        (State::Due, _, Some(days)) => format!("not done yet: due in {days} days"),
        (State::NotApplicable, _, _) => "does not apply".to_string(),
        _ => "not done yet".to_string(),
    }
}

/// Whose law a duty is under: the district's state, or one where some affected people
/// live (then the record of the act is under `affected.residents.<CODE>.notified`).
pub struct Law<'a> {
    /// "New York".
    pub state: &'a str,
    /// The affected people who live there.
    pub residents: Known<u64>,
    pub home: bool,
}

/// The filing sheet of `status`, filled from `facts` (the site's default language).
pub fn sheet(facts: &Facts, status: &ObligationStatus, law: &Law) -> Doc {
    let o = &status.obligation;
    let incident = &facts.incident;
    let mut blocks = vec![
        Block::Title(format!("Filing: {} ({})", o.whom, o.id)),
        Block::Fields(vec![
            ("Under the law of".into(), law.state.to_string()),
            ("Who files".into(), format!("the {}", o.who)),
            ("With".into(), o.whom.clone()),
            ("Law".into(), o.citation.clone()),
            ("Due".into(), due_text(status)),
            ("Status today".into(), state_text(status)),
            ("How to file".into(), o.file.clone().unwrap_or_default()),
        ]),
    ];
    if let Some(doubt) = &o.doubt {
        blocks.push(Block::Para(format!("Caution: {doubt}")));
    }
    for note in status
        .notes
        .iter()
        .filter(|n| !n.starts_with("How to file"))
    {
        blocks.push(Block::Para(format!("Note: {note}")));
    }

    blocks.push(Block::Heading("Who is reporting".into()));
    let c = &facts.contact;
    blocks.push(Block::Fields(vec![
        ("Organization".into(), facts.district().to_string()),
        ("Address".into(), c.address.clone().unwrap_or_default()),
        (
            "Website".into(),
            facts.config.district.website.clone().unwrap_or_default(),
        ),
        (
            "Contact person".into(),
            match &c.title {
                Some(title) => format!("{}, {title}", c.name),
                None => c.name.clone(),
            },
        ),
        ("Contact phone".into(), c.phone.clone().unwrap_or_default()),
        ("Contact email".into(), c.email.clone().unwrap_or_default()),
    ]));

    blocks.push(Block::Heading("The breach".into()));
    let occurred = match (&facts.notice.occurred, facts.notice.occurred_unknown) {
        (Some(text), _) => text.clone(),
        (None, true) => "not yet known".into(),
        (None, false) => String::new(),
    };
    let mut fields = vec![
        ("Incident".into(), incident.title.clone()),
        ("Summary".into(), incident.summary.clone()),
        ("What happened".into(), facts.description.clone()),
        ("Dates of the breach".into(), occurred),
        (
            "Date discovered".into(),
            incident.discovered.map(moment_in_words).unwrap_or_default(),
        ),
    ];
    if let Some(determined) = incident.determined {
        fields.push(("Date determined".into(), moment_in_words(determined)));
    }
    if let Some(contractor) = &incident.contractor {
        let told = contractor
            .notified_district
            .map(|d| format!(", which notified the district on {}", in_words(d)))
            .unwrap_or_default();
        fields.push((
            "Third party involved".into(),
            format!("{}{told}", contractor.name),
        ));
    }
    fields.push((
        "Medium".into(),
        match incident.medium {
            Medium::Computerized => "computerized data".into(),
            Medium::Paper => "paper records".into(),
        },
    ));
    fields.push(("Information involved".into(), facts.data_lines().join("\n")));
    fields.push((
        "Number of persons affected".into(),
        match incident.affected.count {
            Known::Known(n) => {
                let estimated = if incident.affected.estimated {
                    " (estimated)"
                } else {
                    ""
                };
                format!("{}{estimated}", crate::render::format::thousands(n, ","))
            }
            Known::Unknown => "not yet known".into(),
        },
    ));
    fields.push((
        format!("Residents of {} affected", law.state),
        match law.residents {
            Known::Known(n) => crate::render::format::thousands(n, ","),
            Known::Unknown => "not yet known (affected.residents)".into(),
        },
    ));
    fields.push(("Groups affected".into(), facts.notice.groups.join(", ")));
    if let Some(delay) = &incident.law_enforcement_delay {
        let lifted = delay
            .lifted
            .map(|d| format!(", lifted {}", in_words(d)))
            .unwrap_or_default();
        fields.push((
            "Law-enforcement delay".into(),
            format!("requested {}{lifted}", in_words(delay.requested)),
        ));
    }
    if let Some(paid) = incident.ransom_paid {
        fields.push(("Ransom paid".into(), moment_in_words(paid)));
    }
    fields.push(("Steps taken".into(), facts.investigation.clone()));
    blocks.push(Block::Fields(fields));

    blocks.push(Block::Heading("Notice to the people affected".into()));
    let sent = match incident.notified.get("individuals") {
        Some(date) => {
            let how = incident
                .notified_acts
                .get("individuals")
                .and_then(act_in_words)
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            format!("{}{how}", in_words(*date))
        }
        None => "not yet sent (record it under notified.individuals)".into(),
    };
    blocks.push(Block::Fields(vec![
        ("Date notices were sent".into(), sent),
        (
            "Identity protection offered".into(),
            facts
                .offer
                .as_ref()
                .map_or_else(|| "none".to_string(), |(offer, _)| offer.clone()),
        ),
        (
            "Notice online".into(),
            facts.url.clone().unwrap_or_default(),
        ),
        (
            "Copy of the notice".into(),
            "attach the letter sent (letters/ in this kit)".into(),
        ),
    ]));

    blocks.push(Block::Heading("Filed".into()));
    let act = incident.notified_acts.get(&o.id).filter(|_| law.home);
    blocks.push(Block::Fields(vec![
        (
            "Date and time filed".into(),
            act.map(|a| moment_in_words(a.at))
                .or_else(|| status.met.map(in_words))
                .unwrap_or_default(),
        ),
        (
            "Method".into(),
            act.and_then(|a| a.method)
                .map(|m| m.as_str().to_string())
                .unwrap_or_default(),
        ),
        (
            "Filed by".into(),
            act.and_then(|a| a.by.clone()).unwrap_or_default(),
        ),
        (
            "Reference or receipt number".into(),
            act.and_then(|a| a.reference.clone()).unwrap_or_default(),
        ),
    ]));
    blocks.push(Block::Para(if law.home {
        format!(
            "When it is filed, record it in the incident record under notified.{}: the date and time, the method (mail, email, phone, portal or letter), who filed it, the reference, and the receipt kept as evidence.",
            o.id
        )
    } else {
        format!(
            "When it is filed, record the date in the incident record under affected.residents, the state's code, notified.{}.",
            o.id
        )
    }));
    if o.file.as_deref().is_some_and(|f| f.starts_with("a letter")) {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Letterhead(letterhead(facts)));
        blocks.push(Block::Lines(vec![
            facts.date.clone(),
            String::new(),
            format!("To {}", o.whom),
        ]));
        blocks.push(Block::Para(format!(
            "{} gives notice under {} of a breach of the security of its system: {} The breach was discovered on {}. About {} people were affected. Notices to the people affected {}. Please contact {} with any questions.",
            facts.district(),
            o.citation,
            incident.summary,
            incident.discovered.map(moment_in_words).unwrap_or_else(|| "a date not yet recorded".into()),
            match incident.affected.count {
                Known::Known(n) => crate::render::format::thousands(n, ","),
                Known::Unknown => "an unknown number of".into(),
            },
            match incident.notified.get("individuals") {
                Some(date) => format!("were sent on {}", in_words(*date)),
                None => "are being prepared".into(),
            },
            facts.contact_lines().join(", "),
        )));
        let mut signature = vec!["Sincerely,".to_string(), String::new(), c.name.clone()];
        signature.extend(c.title.clone());
        signature.push(facts.district().to_string());
        blocks.push(Block::Lines(signature));
    }

    Doc {
        title: format!("Filing: {} — {}", o.whom, incident.title),
        lang: "en".into(),
        blocks,
    }
}

/// The district's name and address, atop a cover letter.
fn letterhead(facts: &Facts) -> Vec<String> {
    let mut lines = vec![facts.district().to_string()];
    lines.extend(facts.contact.address.clone());
    lines
}

/// The incident's compliance record: every duty, what was due, when and how it was done,
/// and the proof kept; then the duties under the law of each state where some affected
/// people live (`elsewhere`: the state's name and its duties), and the states whose law
/// staff must check themselves (`unknown`).
pub fn record(
    facts: &Facts,
    statuses: &[ObligationStatus],
    elsewhere: &[(&str, &[ObligationStatus])],
    unknown: &[String],
    today: chrono::NaiveDate,
) -> Doc {
    let incident = &facts.incident;
    let mut blocks = vec![
        Block::Letterhead(vec![facts.district().to_string()]),
        Block::Title(format!("Compliance record: {}", incident.title)),
        Block::Para(format!(
            "As of {}, under {}. Each duty names its source; this is not legal advice.",
            in_words(today),
            facts.notice.law
        )),
    ];
    duties(&mut blocks, facts, statuses, true);
    let not_applicable: Vec<String> = statuses
        .iter()
        .filter(|s| s.state == State::NotApplicable)
        .map(|s| format!("{}: {}", s.obligation.id, s.notes.join(" ")))
        .collect();
    if !not_applicable.is_empty() {
        blocks.push(Block::Heading("Duties that do not apply, and why".into()));
        blocks.push(Block::Bullets(not_applicable));
    }
    for (state, statuses) in elsewhere {
        blocks.push(Block::Title(format!("Under the law of {state}")));
        duties(&mut blocks, facts, statuses, false);
    }
    if !unknown.is_empty() {
        blocks.push(Block::Heading("States whose law staff must check".into()));
        blocks.push(Block::Bullets(unknown.to_vec()));
    }
    Doc {
        title: format!("Compliance record: {}", incident.title),
        lang: "en".into(),
        blocks,
    }
}

/// Each duty that applies, with what was done; `home`: under the district's own law, whose
/// records of acts are in `notified`.
fn duties(blocks: &mut Vec<Block>, facts: &Facts, statuses: &[ObligationStatus], home: bool) {
    let incident = &facts.incident;
    for status in statuses.iter().filter(|s| s.state != State::NotApplicable) {
        let o = &status.obligation;
        let variant = o
            .variant
            .as_ref()
            .map(|v| format!(" ({v})"))
            .unwrap_or_default();
        blocks.push(Block::Heading(format!(
            "{}{variant}: {} → {}",
            o.id, o.who, o.whom
        )));
        let act = incident.notified_acts.get(&o.id).filter(|_| home);
        let mut fields = vec![
            ("Law".into(), o.citation.clone()),
            ("Due".into(), due_text(status)),
            ("Status".into(), state_text(status)),
        ];
        if let Some(act) = act {
            fields.push(("Done".into(), moment_in_words(act.at)));
            fields.push(("How".into(), act_in_words(act).unwrap_or_default()));
            fields.push((
                "Proof kept".into(),
                if act.evidence.is_empty() {
                    "none recorded".into()
                } else {
                    act.evidence.join("\n")
                },
            ));
        } else if let Some(met) = status.met {
            fields.push(("Done".into(), in_words(met)));
            if home {
                fields.push((
                    "How".into(),
                    format!(
                        "not recorded: write notified.{} as a record of the act",
                        o.id
                    ),
                ));
            }
        }
        blocks.push(Block::Fields(fields));
    }
}

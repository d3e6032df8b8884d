//! Whether a rule reaches a breach: the conditions of the rule packs judged against one
//! record (the data, the medium, whose system it was, who was affected, the delays), and
//! the plain words that say why a rule does not apply.

use chrono::NaiveDate;

use crate::jurisdiction::{Condition, Pack};
use crate::model::{Incident, Known, Medium, Moment};

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

    fn not(self) -> Truth {
        match self {
            Truth::Yes => Truth::No,
            Truth::No => Truth::Yes,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// One record under one pack, with what the delay conditions need to know.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub incident: &'a Incident,
    pub pack: &'a Pack,
    /// The deadline the obligation being judged would have without a delay: a delay
    /// requested after it had passed does not excuse late notice.
    pub undelayed_due: Option<NaiveDate>,
    /// Judge as if no delay had been asked for (to find `undelayed_due`).
    pub ignore_delay: bool,
    /// The district's own state (its site's jurisdiction).
    pub home: &'a str,
}

impl<'a> Facts<'a> {
    /// The record under its district's own state's pack.
    pub fn new(incident: &'a Incident, pack: &'a Pack) -> Facts<'a> {
        Facts {
            incident,
            pack,
            undelayed_due: None,
            ignore_delay: false,
            home: &pack.code,
        }
    }

    /// The record under the pack of another state than the district's (`home`), where some
    /// of the affected people live.
    pub fn elsewhere(incident: &'a Incident, pack: &'a Pack, home: &'a str) -> Facts<'a> {
        Facts {
            home,
            ..Facts::new(incident, pack)
        }
    }

    /// Whether the pack is another state's than the district's.
    pub fn is_elsewhere(&self) -> bool {
        !self.pack.code.eq_ignore_ascii_case(self.home)
    }

    /// How many affected people live in the pack's state.
    pub fn residents(&self) -> Known<u64> {
        self.incident
            .affected
            .residents_in(&self.pack.code, self.home)
    }

    /// The day the district itself discovered the breach: for a contractor's breach, the
    /// earlier of the day it learned of it and the contractor's notice.
    pub fn district_discovery(&self) -> Option<Moment> {
        let incident = self.incident;
        match &incident.contractor {
            Some(contractor) => {
                let learned = incident.district_learned;
                let notice = contractor.notified_district;
                learned.into_iter().chain(notice).min().map(Moment::Date)
            }
            None => incident.discovered,
        }
    }

    /// Whether the record's delay is one this state's law recognises, asked for in time.
    pub fn delay_excuses(&self) -> bool {
        let Some(delay) = self.incident.law_enforcement_delay else {
            return false;
        };
        !self.ignore_delay
            && self
                .pack
                .delay_reasons
                .iter()
                .any(|r| r == delay.reason.as_str())
            && self.undelayed_due.is_none_or(|due| delay.requested <= due)
    }
}

/// All conditions together: any `No` wins, then any `Unknown`.
pub fn holds(conditions: &[Condition], facts: &Facts) -> Truth {
    let mut result = Truth::Yes;
    for condition in conditions {
        match holds_one(condition, facts) {
            Truth::No => return Truth::No,
            Truth::Unknown => result = Truth::Unknown,
            Truth::Yes => {}
        }
    }
    result
}

/// The first condition that fails, for the "does not apply" note.
pub fn first_failing<'c>(conditions: &'c [Condition], facts: &Facts) -> Option<&'c Condition> {
    conditions.iter().find(|c| holds_one(c, facts) == Truth::No)
}

fn holds_one(condition: &Condition, facts: &Facts) -> Truth {
    let incident = facts.incident;
    let pack = facts.pack;
    // An element joins a category from the day a law added it, judged by the district's
    // discovery (a breach discovered earlier is judged by the law of its day).
    let discovered = facts.district_discovery().map(Moment::date);
    let in_category = |category: &str, id: &String| {
        pack.categories.get(category).is_some_and(|c| {
            c.elements.contains(id)
                && !c
                    .added
                    .iter()
                    .any(|a| &a.element == id && discovered.is_some_and(|d| d < a.on))
        })
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
        Condition::LawEnforcementDelay => Truth::from(facts.delay_excuses()),
        Condition::NoLawEnforcementDelay => Truth::from(!facts.delay_excuses()),
        Condition::DataIn(category) => match data {
            None => Truth::Unknown,
            Some(ids) if ids.iter().any(|id| in_category(category, id)) => Truth::Yes,
            Some(_) if other => Truth::Unknown,
            Some(_) => Truth::No,
        },
        Condition::DataMaybe(category) => match data {
            Some(ids) if ids.iter().any(|id| in_category(category, id)) => Truth::Yes,
            _ => Truth::Unknown,
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
        Condition::ResidentsOver(n) => match facts.residents() {
            Known::Known(residents) => Truth::from(residents > *n),
            Known::Unknown => Truth::Unknown,
        },
        Condition::Elsewhere => Truth::from(facts.is_elsewhere()),
        Condition::CountOver(n) => match incident.affected.count {
            Known::Known(count) => Truth::from(count > *n),
            Known::Unknown => Truth::Unknown,
        },
        Condition::Computerized => Truth::from(incident.medium == Medium::Computerized),
        Condition::RansomPaid => Truth::from(incident.ransom_paid.is_some()),
        Condition::HipaaBreach => Truth::from(incident.hipaa_hhs_notified.is_some()),
        Condition::Group(group) => Truth::from(
            incident
                .affected
                .groups
                .iter()
                .any(|g| g.as_str() == group.as_str()),
        ),
        Condition::Covered(name) => {
            let Some(statute) = pack.statutes.get(name) else {
                return Truth::No;
            };
            let mut result = Truth::No;
            for all in &statute.any {
                match holds(all, facts) {
                    Truth::Yes => return Truth::Yes,
                    Truth::Unknown => result = Truth::Unknown,
                    Truth::No => {}
                }
            }
            result
        }
        Condition::Not(inner) => holds_one(inner, facts).not(),
    }
}

/// Whether the law forbids stating how many people the breach affected: any of the pack's
/// `[count_withheld]` conditions holds or may hold (unknown data: withheld, to be safe).
pub fn count_withheld(incident: &Incident, pack: &Pack) -> bool {
    let facts = Facts::new(incident, pack);
    pack.count_withheld.as_ref().is_some_and(|rule| {
        rule.when
            .iter()
            .any(|c| holds(std::slice::from_ref(c), &facts) != Truth::No)
    })
}

/// Why a rule with `condition` failing does not apply, in plain words; `None` when the
/// rule's own description says it best.
pub fn why_not(condition: &Condition, facts: &Facts) -> Option<String> {
    let incident = facts.incident;
    let pack = facts.pack;
    let text = match condition {
        Condition::Covered(name) => {
            let statute = pack.statutes.get(name)?;
            let paper_only = incident.medium == Medium::Paper
                && statute
                    .any
                    .iter()
                    .all(|all| all.contains(&Condition::Computerized));
            if paper_only {
                return Some(format!(
                    "the record says the information was on paper (`medium: paper`), and {} reaches computerized data only",
                    statute.name
                ));
            }
            format!(
                "{} reaches {} only, and this breach, as the record describes it, is outside it",
                statute.name, statute.reaches
            )
        }
        Condition::Not(inner) => match inner.as_ref() {
            Condition::Covered(name) => {
                let statute = pack.statutes.get(name)?;
                format!(
                    "this breach is one of {}, so that law's own duty applies instead",
                    statute.reaches
                )
            }
            _ => return None,
        },
        Condition::Computerized => {
            "the record says the information was on paper (`medium: paper`), and this law reaches computerized data only".to_string()
        }
        Condition::Contractor => {
            "it is about a contractor's breach, and the record names no contractor".to_string()
        }
        Condition::OwnBreach => format!(
            "it is about a breach of the district's own systems, and this was {}'s breach",
            incident.contractor.as_ref()?.name
        ),
        Condition::RansomPaid => "no ransom payment is recorded (`ransom.paid`)".to_string(),
        Condition::HipaaBreach => {
            "no notice of a HIPAA breach to HHS is recorded (`hipaa.hhs_notified`)".to_string()
        }
        Condition::LawEnforcementDelay => {
            let Some(delay) = incident.law_enforcement_delay else {
                return Some("no law-enforcement delay is recorded".to_string());
            };
            if !pack.delay_reasons.iter().any(|r| r == delay.reason.as_str()) {
                format!(
                    "{} law lets notice wait for a law-enforcement investigation, not for an unfixed security vulnerability, so the usual deadline still runs",
                    pack.name
                )
            } else {
                match facts.undelayed_due {
                    Some(due) => format!(
                        "law enforcement asked for the delay on {}, after the deadline of {} had passed; a late request does not excuse a late notice",
                        words(delay.requested),
                        words(due)
                    ),
                    None => return None,
                }
            }
        }
        Condition::NoLawEnforcementDelay => {
            let delay = incident.law_enforcement_delay?;
            format!(
                "notice was delayed at law enforcement's request on {}; the deadline after the delay applies instead",
                words(delay.requested)
            )
        }
        Condition::Group(group) => {
            format!("it is about breaches affecting {group}, and the record lists none")
        }
        _ => return None,
    };
    Some(text)
}

/// "March 3, 2025".
pub fn words(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

//! People in several states: the duties a breach owes under the law of each state where
//! some of the affected people live, other than the district's own. A state's duties
//! follow its residents when its pack marks the statute `reaches_elsewhere`; the rest of
//! its law binds its own schools and public bodies, and is left out. A state with no pack
//! is named, so that staff know to check its law themselves.

use chrono::NaiveDate;

use crate::compliance::coverage::{holds, Facts, Truth};
use crate::compliance::obligations::{evaluate_with, ObligationStatus};
use crate::config::SiteConfig;
use crate::jurisdiction::{states, Offer, Pack};
use crate::model::{Incident, Known};

/// The affected people who live in one state other than the district's.
#[derive(Debug, Clone)]
pub struct Residence {
    /// The postal code, `CT`.
    pub code: &'static str,
    /// "Connecticut".
    pub name: &'static str,
    pub people: Known<u64>,
    /// The state's pack, when breachpage has one, and what it asks here.
    pub law: Option<StateLaw>,
}

#[derive(Debug, Clone)]
pub struct StateLaw {
    pub pack: &'static Pack,
    /// The duties that follow the state's residents, judged with the state's own clocks,
    /// holidays and thresholds (counted on its residents).
    pub statuses: Vec<ObligationStatus>,
    /// The identity-protection offers the state's law requires for its residents here.
    pub offers: Vec<&'static Offer>,
}

impl Residence {
    /// "3 affected people live in New Jersey".
    pub fn people_live_there(&self) -> String {
        people_live_in(&self.people, self.name)
    }

    /// The sentence for a state breachpage has no rules for.
    pub fn uncovered(&self) -> String {
        uncovered(&self.people, self.name)
    }

    /// What staff must find out for themselves: the state has no pack, or its pack does not
    /// say which of its duties reach a district of another state.
    pub fn open_question(&self) -> Option<String> {
        match &self.law {
            None => Some(self.uncovered()),
            Some(law) if law.pack.residents.is_none() => Some(unsaid(&self.people, law.pack)),
            Some(_) => None,
        }
    }
}

/// The sentence for a state whose pack does not say which duties follow its residents.
pub fn unsaid(people: &Known<u64>, pack: &Pack) -> String {
    format!(
        "{}; breachpage's {} rules do not say which of its duties reach a district of another state: check {}'s breach notification law yourself.",
        people_live_in(people, states::name(&pack.code)),
        pack.name,
        pack.name
    )
}

/// "3 affected people live in New Jersey", "1 affected person lives in ...", "some
/// affected people live in ...".
pub fn people_live_in(people: &Known<u64>, name: &str) -> String {
    match people {
        Known::Known(1) => format!("1 affected person lives in {name}"),
        Known::Known(n) => format!("{n} affected people live in {name}"),
        Known::Unknown => format!("some affected people live in {name}"),
    }
}

/// The sentence for a state breachpage has no rules for: no citation, since its law was
/// not read.
pub fn uncovered(people: &Known<u64>, name: &str) -> String {
    let bare = name.trim_start_matches("the ");
    format!(
        "{}; breachpage has no {bare} rules: check {bare}'s breach notification law yourself (it may require notice to them, or to a state agency, on its own clock).",
        people_live_in(people, name)
    )
}

/// Each state other than the district's (`home`) where some affected people live, in
/// code order, with its law when breachpage has a pack for it.
pub fn residences(
    incident: &Incident,
    home: &Pack,
    config: &SiteConfig,
    today: NaiveDate,
) -> Vec<Residence> {
    incident
        .affected
        .other_states(&home.code)
        .into_iter()
        .map(|(code, state)| {
            let code = states::code(code).unwrap_or("??");
            let law = Pack::get(code).map(|pack| {
                let facts = Facts::elsewhere(incident, pack, &home.code);
                StateLaw {
                    pack,
                    statuses: evaluate_with(facts, config, today),
                    offers: offers(pack, &facts),
                }
            });
            Residence {
                code,
                name: states::name(code),
                people: state.count.clone(),
                law,
            }
        })
        .collect()
}

/// The offers of `facts.pack` that follow its residents and may hold (unknown included).
pub fn offers(pack: &'static Pack, facts: &Facts) -> Vec<&'static Offer> {
    let discovered = facts.district_discovery().map(|m| m.date());
    pack.identity_protection
        .iter()
        .filter(|offer| !offer.advice && pack.reaches_elsewhere(&offer.when))
        .filter(|offer| match (offer.effective, discovered) {
            (Some(effective), Some(discovered)) => discovered >= effective,
            _ => true,
        })
        .filter(|offer| holds(&offer.when, facts) != Truth::No)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn residence(code: &'static str, law: Option<&'static Pack>) -> Residence {
        Residence {
            code,
            name: states::name(code),
            people: Known::Known(2),
            law: law.map(|pack| StateLaw {
                pack,
                statuses: Vec::new(),
                offers: Vec::new(),
            }),
        }
    }

    #[test]
    fn staff_are_told_what_to_check_themselves() {
        // No pack: the state is named, with no citation.
        assert_eq!(
            residence("NJ", None).open_question().as_deref(),
            Some("2 affected people live in New Jersey; breachpage has no New Jersey rules: check New Jersey's breach notification law yourself (it may require notice to them, or to a state agency, on its own clock).")
        );
        // A pack that says why none of its duties follow (Pennsylvania): nothing to ask.
        assert_eq!(residence("PA", Pack::get("PA")).open_question(), None);
        // A pack that does not say (as a new pack may not): staff are told to check.
        let mut silent = Pack::get("PA").unwrap().clone();
        silent.residents = None;
        let silent: &'static Pack = Box::leak(Box::new(silent));
        let question = residence("PA", Some(silent)).open_question().unwrap();
        assert!(
            question.starts_with("2 affected people live in Pennsylvania; breachpage's Pennsylvania rules do not say"),
            "{question}"
        );
    }

    #[test]
    fn one_person_lives_and_an_unknown_number_are_said_plainly() {
        assert_eq!(
            people_live_in(&Known::Known(1), "New Jersey"),
            "1 affected person lives in New Jersey"
        );
        assert_eq!(
            people_live_in(&Known::Unknown, "the District of Columbia"),
            "some affected people live in the District of Columbia"
        );
    }
}

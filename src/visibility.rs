//! Which notices the public build may publish, and why the others are withheld.

use chrono::NaiveDate;

use crate::model::{Incident, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// `status: draft`.
    Draft,
    /// `published` is after today.
    Scheduled(NaiveDate),
    /// A law-enforcement delay without a `lifted` date, or lifted only after today.
    LawEnforcementDelay { lifted: Option<NaiveDate> },
    /// Not a draft, yet no `published` date (reported as an error when loading).
    NoPublishedDate,
}

impl Withheld {
    pub fn reason(self) -> String {
        match self {
            Withheld::Draft => "draft (status: draft)".to_string(),
            Withheld::Scheduled(date) => format!("scheduled for {date} (published is after today)"),
            Withheld::LawEnforcementDelay { lifted: None } => {
                "law-enforcement delay in effect (law_enforcement_delay has no lifted date)"
                    .to_string()
            }
            Withheld::LawEnforcementDelay { lifted: Some(date) } => format!(
                "law-enforcement delay in effect until {date} (law_enforcement_delay.lifted)"
            ),
            Withheld::NoPublishedDate => "no published date".to_string(),
        }
    }
}

/// Whether `incident` may appear in the public build on `today`.
pub fn visibility(incident: &Incident, today: NaiveDate) -> Result<(), Withheld> {
    if incident.status == Status::Draft {
        return Err(Withheld::Draft);
    }
    if let Some(delay) = incident.law_enforcement_delay {
        if delay.lifted.is_none_or(|lifted| lifted > today) {
            return Err(Withheld::LawEnforcementDelay {
                lifted: delay.lifted,
            });
        }
    }
    match incident.published {
        None => Err(Withheld::NoPublishedDate),
        Some(date) if date > today => Err(Withheld::Scheduled(date)),
        Some(_) => Ok(()),
    }
}

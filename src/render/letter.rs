//! A printed notice reads as a letter from the district: the date, the district's
//! address, a salutation to the people the breach affected and a signature from the
//! contact. The theme shows these parts in print only.

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::model::{Group, Incident};
use crate::render::format::{self, DateView, Strings};
use crate::render::view::ContactView;

#[derive(Debug, Serialize)]
pub struct LetterView {
    /// The notice's last update, else its posting date (today for a previewed draft).
    pub date: DateView,
    pub district: String,
    /// `[contact] address`, one line for each line written.
    pub address: Vec<String>,
    pub salutation: String,
    pub closing: String,
    pub signer: String,
    pub signer_title: Option<String>,
}

impl LetterView {
    pub fn new(
        incident: &Incident,
        config: &SiteConfig,
        contact: &ContactView,
        s: Strings,
        today: NaiveDate,
    ) -> LetterView {
        let date = incident
            .last_updated()
            .max(incident.published)
            .unwrap_or(today);
        LetterView {
            date: format::date(s, date),
            district: config.district.name.clone(),
            address: contact
                .address
                .iter()
                .flat_map(|address| address.lines())
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect(),
            salutation: s.get(salutation_key(&incident.affected.groups)).to_string(),
            closing: s.get("letter_closing").to_string(),
            signer: contact.name.clone(),
            signer_title: contact.title.clone(),
        }
    }
}

/// Families when students or parents were affected, staff when staff were, both when
/// both were; the whole school community when the groups are not known yet.
fn salutation_key(groups: &[Group]) -> &'static str {
    let families = groups
        .iter()
        .any(|g| matches!(g, Group::Students | Group::Parents));
    let staff = groups
        .iter()
        .any(|g| matches!(g, Group::Teachers | Group::Principals | Group::Staff));
    match (families, staff) {
        (true, true) => "salutation_families_and_staff",
        (true, false) => "salutation_families",
        (false, true) => "salutation_staff",
        (false, false) => "salutation_community",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_salutation_follows_the_groups_affected() {
        use Group::*;
        let cases: [(&[Group], &str); 7] = [
            (&[Students], "salutation_families"),
            (&[Parents, Students], "salutation_families"),
            (&[Teachers], "salutation_staff"),
            (&[Principals, Staff], "salutation_staff"),
            (&[Students, Staff], "salutation_families_and_staff"),
            (
                &[Parents, Teachers, Principals],
                "salutation_families_and_staff",
            ),
            (&[], "salutation_community"),
        ];
        for (groups, key) in cases {
            assert_eq!(salutation_key(groups), key, "{groups:?}");
        }
    }
}

//! The law, applied: what every notice must contain under its jurisdiction's rule pack,
//! when substitute notice is allowed, which identity-protection offer is required, whether
//! the record's dates are possible, and (in [`obligations`]) every deadline.

pub mod calendar;
mod checks;
pub mod obligations;
pub mod pii;

use chrono::NaiveDate;

use crate::diagnostics::Diagnostics;
use crate::model::Site;

/// Every compliance problem of every record. Drafts may be incomplete: their problems are
/// warnings, listing what is still needed before they can be published.
pub fn check(site: &Site, today: NaiveDate) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for incident in &site.incidents {
        checks::check_incident(incident, site, today, &mut diagnostics);
    }
    diagnostics
}

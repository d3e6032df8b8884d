//! The law, applied: what every notice must contain under its jurisdiction's rule pack,
//! when substitute notice is allowed, which identity-protection offer is required, whether
//! the record's dates are possible, and (in [`obligations`]) every deadline.

pub mod calendar;
#[cfg(test)]
mod cases;
mod checks;
pub mod coverage;
pub mod hidden;
pub mod obligations;
pub mod pii;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::model::Site;

/// Every compliance problem of every record. Drafts may be incomplete: their problems are
/// warnings, listing what is still needed before they can be published.
pub fn check(site: &Site, today: NaiveDate) -> Diagnostics {
    // Each record is checked on its own, on every core; the findings keep record order.
    let found: Vec<Diagnostics> = site
        .incidents
        .par_iter()
        .map(|incident| {
            let mut diagnostics = Diagnostics::new();
            checks::check_incident(incident, site, today, &mut diagnostics);
            diagnostics
        })
        .collect();
    let mut diagnostics = Diagnostics::new();
    for one in found {
        diagnostics.extend(one);
    }
    diagnostics
}

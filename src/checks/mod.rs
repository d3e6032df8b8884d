//! Every check `check` and `build` run once the site is loaded, each a named function:
//! a record against its jurisdiction's law ([`record`]) and the site as a whole
//! ([`site`]). Reading a file (YAML syntax, field names and types, dates, the PII guard
//! on the text as written) is the loader's (`content`); site.toml's own settings are
//! checked as it is read (`config`). Rendering raises no validation errors.

mod record;
mod site;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::model::SiteData;
use crate::theme::Theme;

/// Every problem of the loaded site, today. Drafts may be incomplete: their problems are
/// warnings, listing what is still needed before they can be published.
pub fn run(site: &SiteData, theme: &Theme, today: NaiveDate) -> Diagnostics {
    // Each record is checked on its own, on every core; the findings keep record order.
    let found: Vec<Diagnostics> = site
        .incidents
        .par_iter()
        .map(|incident| {
            let mut diagnostics = Diagnostics::new();
            record::check_incident(incident, site, today, &mut diagnostics);
            diagnostics
        })
        .collect();
    let mut diagnostics = Diagnostics::new();
    for one in found {
        diagnostics.extend(one);
    }
    let published = site::published(site, today);
    site::media_release_addresses(site, &published, &mut diagnostics);
    site::theme_languages(site, theme, &mut diagnostics);
    site::mandated_format(site, theme, &mut diagnostics);
    site::init_placeholders(site, &mut diagnostics);
    site::base_url(site, &mut diagnostics);
    site::logo(site, &mut diagnostics);
    site::translations(site, &published, &mut diagnostics);
    diagnostics
}

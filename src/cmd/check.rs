//! `breachpage check`: every validation `build` runs; writes nothing.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::Format;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::{RenderOptions, Rendered};
use crate::site::{Discard, Site};
use crate::Failure;

#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<&'a Diagnostic>,
}

pub fn run(root: &Path, format: Format, today: NaiveDate) -> Result<(), Failure> {
    // Every page is rendered, as `build` does, and dropped at once: `check` holds no
    // more of the site in memory than `build`.
    let result = Site::load(root)
        .and_then(|site| site.check(today))
        .and_then(|site| site.render(&RenderOptions::public(today), &Discard));
    let (diagnostics, published) = match &result {
        Ok(rendered) => (
            rendered.warnings.clone(),
            Some(rendered.current.len() + rendered.past.len()),
        ),
        Err(Failure::Site(diagnostics)) | Err(Failure::Config(diagnostics)) => {
            (diagnostics.clone(), None)
        }
        Err(_) => (Diagnostics::new(), None),
    };
    match format {
        Format::Json => {
            let report = Report {
                ok: result.is_ok(),
                errors: diagnostics.error_count(),
                warnings: diagnostics.warning_count(),
                diagnostics: diagnostics.sorted(),
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
            // The report is the output; the exit status still tells the outcome.
            return result.map(|_| ()).map_err(|failure| match failure {
                Failure::Site(_) => Failure::Site(Diagnostics::new()),
                Failure::Config(_) => Failure::Config(Diagnostics::new()),
                other => other,
            });
        }
        Format::Text => {
            if let Ok(Rendered { warnings, .. }) = &result {
                eprint!("{}", warnings.render_text());
                let published = published.unwrap_or(0);
                let warnings = match warnings.warning_count() {
                    0 => String::new(),
                    1 => ", 1 warning".to_string(),
                    n => format!(", {n} warnings"),
                };
                let notices = if published == 1 { "notice" } else { "notices" };
                println!("No errors{warnings}: {published} {notices} would be published.");
            }
        }
    }
    result.map(|_| ())
}

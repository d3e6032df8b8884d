//! What the law engine's tests share: a site of each jurisdiction, a record with given
//! facts, and the one applicable status of an obligation.
//!
//! Test code only: `#[cfg(test)] mod testing;` in compliance/mod.rs.

use chrono::NaiveDate;

use crate::compliance::obligations::{evaluate, Due, ObligationStatus, State};
use crate::config::SiteConfig;
use crate::content::record;
use crate::diagnostics::Diagnostics;
use crate::model::Incident;

pub fn config(jurisdiction: &str) -> SiteConfig {
    let text = format!(
        "[district]\nname = \"Test District\"\njurisdiction = \"{jurisdiction}\"\nenrollment = 4210\n[site]\ntitle = \"T\"\n[contact]\nname = \"A\"\nemail = \"a@example.org\"\n"
    );
    SiteConfig::parse(&text).unwrap()
}

/// An active record, posted on January 2, 2024, with `facts`.
pub fn incident(facts: &str) -> Incident {
    let source = format!(
        "title: T\nstatus: active\npublished: 2024-01-02\nsummary: S\ndescription: D\ninvestigation: I\n{facts}"
    );
    let mut diagnostics = Diagnostics::new();
    let incident = record::parse("x.yaml", "x", &source, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{:?}", diagnostics.sorted());
    incident.unwrap()
}

/// Every obligation of the jurisdiction for a record with `facts`, as of `today`.
pub fn run(jurisdiction: &str, facts: &str, today: NaiveDate) -> Vec<ObligationStatus> {
    let config = config(jurisdiction);
    evaluate(&incident(facts), config.pack().unwrap(), &config, today)
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The one applicable status of `id`.
pub fn one<'a>(statuses: &'a [ObligationStatus], id: &str) -> &'a ObligationStatus {
    let found: Vec<&ObligationStatus> = statuses
        .iter()
        .filter(|s| s.obligation.id == id && s.state != State::NotApplicable)
        .collect();
    assert_eq!(found.len(), 1, "{id}: {statuses:#?}");
    found[0]
}

pub fn due(s: &ObligationStatus) -> Option<String> {
    s.due.as_ref().map(Due::to_json)
}

/// The states other than the district's (`jurisdiction`) where some affected people of a
/// record with `facts` live, each with its law, as of `today`.
pub fn residences(
    jurisdiction: &str,
    facts: &str,
    today: NaiveDate,
) -> Vec<crate::compliance::residence::Residence> {
    let config = config(jurisdiction);
    crate::compliance::residence::residences(
        &incident(facts),
        config.pack().unwrap(),
        &config,
        today,
    )
}

/// The statuses of the residence in `code`, which breachpage has a pack for.
pub fn statuses_in<'a>(
    residences: &'a [crate::compliance::residence::Residence],
    code: &str,
) -> &'a [ObligationStatus] {
    let residence = residences
        .iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("{code} is not among {residences:#?}"));
    &residence.law.as_ref().expect("a pack").statuses
}

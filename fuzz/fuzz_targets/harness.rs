//! What both fuzz targets do with one input: read it as an incident record of a site in
//! each jurisdiction (one of them bilingual), then validate it, work out its deadlines,
//! report its problems and render it. Any panic is a bug: every input, however
//! malformed, must end in diagnostics.

use std::sync::OnceLock;

use chrono::NaiveDate;

use breachpage::checks;
use breachpage::compliance::obligations;
use breachpage::config::SiteConfig;
use breachpage::content::record;
use breachpage::diagnostics::Diagnostics;
use breachpage::model::SiteData;
use breachpage::render::format::Strings;
use breachpage::render::view::{NoticeDefaults, NoticeView, SummaryView};
use breachpage::render::{self, RenderOptions};
use breachpage::theme::Theme;

const FILE: &str = "content/incidents/2025-01-08-fuzz.yaml";
const SLUG: &str = "2025-01-08-fuzz";

const SITES: [&str; 3] = [
    r#"
[district]
name = "Maple Ridge Union Free School District"
jurisdiction = "NY"
city = "Maple Ridge, New York"
[site]
title = "Data Breach Notification"
base_url = "https://www.mapleridge-schools.example/data-breach/"
language = "en"
languages = ["en", "es"]
[contact]
name = "Jordan Alvarez"
phone = "914-555-0142 ext. 12"
email = "privacy@mapleridge-schools.example"
[calendar]
closures = ["2025-12-26"]
[[policy]]
obligation = "individuals"
within = "3 business days"
from = "determined"
"#,
    r#"
[district]
name = "Cedar Falls School District"
jurisdiction = "CT"
city = "Cedar Falls, Connecticut"
[site]
title = "Data Breach Notification"
base_url = "https://www.cedarfalls-schools.example/data-breach/"
[contact]
name = "Robin Lee"
email = "privacy@cedarfalls-schools.example"
"#,
    r#"
[district]
name = "Cedar Falls School District"
jurisdiction = "PA"
[site]
title = "Data Breach Notification"
[contact]
name = "Robin Lee"
phone = "555-010-0199"
"#,
];

struct Fixture {
    sites: Vec<SiteData>,
    theme: Theme,
    today: NaiveDate,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let sites = SITES
            .iter()
            .map(|text| {
                let config = SiteConfig::parse(text).expect("the fuzzing sites are valid");
                let pack = config.pack().expect("a known jurisdiction");
                SiteData {
                    config,
                    pack,
                    process_text: "How the district handles a breach.".to_string(),
                    process_translations: Default::default(),
                    incidents: Vec::new(),
                }
            })
            .collect();
        Fixture {
            sites,
            theme: Theme::embedded(),
            today: NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date"),
        }
    })
}

/// Runs one input. `full` renders the whole site with the built-in theme (slow: the
/// templates are parsed on every render); otherwise only the views pages are made of.
pub fn run(data: &[u8], full: bool) {
    let Ok(source) = std::str::from_utf8(data) else {
        return; // the loader turns non-UTF-8 files into a diagnostic before parsing
    };
    let fixture = fixture();
    for base in &fixture.sites {
        let mut diagnostics = Diagnostics::new();
        let incident = record::parse(FILE, SLUG, source, &mut diagnostics);
        let Some(incident) = incident else {
            let _ = diagnostics.render_text();
            continue;
        };
        // Every location a report may ask for.
        for path in [
            "title",
            "affected.count",
            "data[0]",
            "updates[0].date",
            "occurred",
        ] {
            let _ = incident.locations.key(path);
            let _ = incident.locations.value(path);
        }
        let mut site = base.clone();
        site.incidents = vec![incident];
        diagnostics.extend(checks::run(&site, &fixture.theme, fixture.today));
        let _ = diagnostics.render_text();
        let incident = &site.incidents[0];
        for status in obligations::evaluate(incident, site.pack, &site.config, fixture.today) {
            let _ = status.due.map(|due| due.to_json());
        }
        let english = &fixture.theme.strings["en"];
        for language in site.config.languages() {
            let own = fixture.theme.strings.get(language).unwrap_or(english);
            let strings = Strings { own, english };
            let (localized, _) = incident.localized(language, "en");
            let defaults = NoticeDefaults::new(site.pack, strings);
            let _ = NoticeView::new(&localized, site.pack, strings, &defaults);
            let _ = SummaryView::new(&localized, strings);
        }
        if full {
            for preview in [false, true] {
                let options = RenderOptions {
                    today: fixture.today,
                    preview,
                };
                let _ = render::render(&site, &fixture.theme, &options);
            }
        }
    }
}

//! `notices.json`: the published notices as data, for a district CMS, an app or a
//! newsroom. The shape is documented in docs/webmaster.md ("notices.json"); change both together.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::compliance::coverage::count_withheld;
use crate::model::{Incident, Known, SiteData};
use crate::render::view;
use crate::vocabulary;

#[derive(Serialize)]
struct Document<'a> {
    generated: String,
    district: &'a str,
    jurisdiction: &'a str,
    site: Option<&'a str>,
    notices: Notices<'a>,
}

/// The notices, each turned into its JSON shape only as it is written.
struct Notices<'a> {
    site: &'a SiteData,
    published: &'a [&'a Incident],
    /// The pack's default advice, as JSON: most notices give it, and a large site has
    /// thousands of them.
    guidance: Option<&'a RawValue>,
}

impl Serialize for Notices<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.published
                .iter()
                .map(|i| notice(self.site, i, self.guidance)),
        )
    }
}

/// A text of the notice's own, or one written out as JSON once for all notices.
enum Text<'a> {
    Own(&'a str),
    Shared(&'a RawValue),
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Own(text) => text.serialize(serializer),
            Text::Shared(json) => json.serialize(serializer),
        }
    }
}

#[derive(Serialize)]
struct Notice<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    status: &'static str,
    published: String,
    updated: Option<String>,
    summary: &'a str,
    discovered: Option<String>,
    determined: Option<String>,
    occurred: serde_json::Value,
    contractor: Option<&'a str>,
    data: serde_json::Value,
    other_data: Option<&'a str>,
    affected: Affected,
    description: &'a str,
    investigation: &'a str,
    what_you_can_do: Text<'a>,
    updates: Vec<Update<'a>>,
    identity_protection: Option<serde_json::Value>,
    media_release: Option<String>,
}

#[derive(Serialize)]
struct Affected {
    count: serde_json::Value,
    estimated: bool,
    groups: Vec<&'static str>,
}

#[derive(Serialize)]
struct Update<'a> {
    date: String,
    text: &'a str,
}

#[derive(Serialize)]
struct DataElement<'a> {
    id: &'a str,
    label: &'a str,
    category: &'a str,
}

/// The document, serialised straight into `out`: for a large site it is tens of megabytes.
pub fn write(
    site: &SiteData,
    published: &[&Incident],
    today: NaiveDate,
    out: &mut dyn Write,
) -> io::Result<()> {
    let guidance = serde_json::value::to_raw_value(site.pack.guidance().trim()).ok();
    let document = Document {
        generated: iso(today),
        district: &site.config.district.name,
        jurisdiction: &site.pack.code,
        site: site.config.site.base_url.as_deref(),
        notices: Notices {
            site,
            published,
            guidance: guidance.as_deref(),
        },
    };
    // serde_json writes many small pieces: buffered here, they reach `out` in large ones
    // (and the writes to the buffer need no dynamic dispatch).
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &document)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

fn iso(date: NaiveDate) -> String {
    // NaiveDate's own format is YYYY-MM-DD.
    date.to_string()
}

fn notice<'a>(
    site: &'a SiteData,
    incident: &'a Incident,
    guidance: Option<&'a RawValue>,
) -> Notice<'a> {
    let base = site.config.site.base_url.as_deref();
    let address = |path: String| format!("{}{path}", base.unwrap_or(""));
    let path = view::notice_path(&incident.slug);
    Notice {
        slug: &incident.slug,
        url: address(path.clone()),
        title: &incident.title,
        status: incident.status.as_str(),
        published: iso(view::posted(incident)),
        updated: view::last_updated(incident).map(iso),
        summary: &incident.summary,
        discovered: incident.discovered.map(|m| iso(m.date())),
        determined: incident.determined.map(|m| iso(m.date())),
        occurred: match incident.occurred {
            Known::Known(o) => {
                serde_json::json!({ "from": o.from.map(iso), "to": o.to.map(iso) })
            }
            Known::Unknown => serde_json::Value::from("unknown"),
        },
        contractor: incident.contractor.as_ref().map(|c| c.name.as_str()),
        data: match &incident.data {
            Known::Known(ids) => serde_json::to_value(
                ids.iter()
                    .filter_map(|id| vocabulary::element(id))
                    .map(|e| DataElement {
                        id: &e.id,
                        label: &e.label,
                        category: &e.category,
                    })
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_default(),
            Known::Unknown => serde_json::Value::from("unknown"),
        },
        other_data: incident.other_data.as_deref(),
        affected: Affected {
            count: match incident.affected.count {
                _ if count_withheld(incident, site.pack) => serde_json::Value::from("withheld"),
                Known::Known(n) => serde_json::Value::from(n),
                Known::Unknown => serde_json::Value::from("unknown"),
            },
            estimated: incident.affected.estimated,
            groups: incident
                .affected
                .groups
                .iter()
                .map(|g| g.as_str())
                .collect(),
        },
        description: &incident.description,
        investigation: &incident.investigation,
        what_you_can_do: match (incident.what_you_can_do.as_deref(), guidance) {
            (Some(own), _) => Text::Own(own),
            (None, Some(shared)) => Text::Shared(shared),
            (None, None) => Text::Own(site.pack.guidance().trim()),
        },
        updates: incident
            .updates
            .iter()
            .map(|u| Update {
                date: iso(u.date),
                text: &u.text,
            })
            .collect(),
        identity_protection: incident.identity_protection.as_ref().map(|p| {
            serde_json::json!({
                "months": p.months,
                "service": p.service,
                "provider": p.provider,
                "enroll_by": p.enroll_by.map(iso),
                "how_to_enroll": p.how_to_enroll,
            })
        }),
        media_release: incident
            .substitute_notice
            .as_ref()
            .map(|_| address(format!("{path}media-release/"))),
    }
}

//! What every part of the kit says about an incident, in one language: the notice's
//! words (the same view the public page is made from), the contacts and agencies, and
//! the notice's address. Letters, messages and the call-centre sheet all read it, so
//! they cannot contradict the notice or each other.

use std::borrow::Cow;

use crate::config::SiteConfig;
use crate::model::{Incident, SiteData};
use crate::render::format::{self, Strings};
use crate::render::markdown;
use crate::render::view::{self, AgencyView, ContactView, NoticeDefaults, NoticeView};

pub struct Facts<'a> {
    pub lang: String,
    pub s: Strings<'a>,
    pub config: &'a SiteConfig,
    pub incident: Cow<'a, Incident>,
    pub notice: NoticeView,
    pub contact: ContactView,
    pub agencies: Vec<AgencyView>,
    pub bureaus: Vec<AgencyView>,
    /// The notice's web address in this language, when site.toml gives `base_url`.
    pub url: Option<String>,
    /// Plain text of the Markdown fields.
    pub description: String,
    pub investigation: String,
    pub guidance: String,
    /// The identity-protection offer and how to enroll, if one is made.
    pub offer: Option<(String, String)>,
    /// The date written on letters, in words.
    pub date: String,
}

impl<'a> Facts<'a> {
    pub fn new(
        site: &'a SiteData,
        original: &'a Incident,
        lang: &str,
        s: Strings<'a>,
        today: chrono::NaiveDate,
    ) -> Facts<'a> {
        let default = site.config.site.language.as_str();
        let (incident, _) = original.localized(lang, default);
        let defaults = NoticeDefaults::new(site.pack, s);
        let notice = NoticeView::new(&incident, site.pack, s, &defaults);
        let (agencies, bureaus) = AgencyView::for_pack(site.pack, s);
        let guidance = match &incident.what_you_can_do {
            Some(advice) => markdown::to_plain(advice),
            None => markdown::to_plain(
                s.own_text("guidance")
                    .unwrap_or_else(|| site.pack.guidance()),
            ),
        };
        let offer = notice.protection.as_ref().map(|p| {
            let how = incident
                .identity_protection
                .as_ref()
                .map(|ip| markdown::to_plain(&ip.how_to_enroll))
                .unwrap_or_default();
            let mut offer = p.offer.clone();
            if let Some(by) = &p.enroll_by {
                offer = format!("{offer} {}: {}.", s.get("protection_enroll_by"), by.text);
            }
            (offer, how)
        });
        let url = site.config.site.base_url.as_ref().map(|base| {
            let prefix = if lang == default {
                String::new()
            } else {
                format!("{lang}/")
            };
            format!("{base}{prefix}{}", view::notice_path(&original.slug))
        });
        Facts {
            lang: lang.to_string(),
            s,
            config: &site.config,
            description: markdown::to_plain(&incident.description),
            investigation: markdown::to_plain(&incident.investigation),
            guidance,
            offer,
            notice,
            contact: ContactView::district(&site.config, lang),
            agencies,
            bureaus,
            url,
            date: format::date_words(s, today),
            incident,
        }
    }

    pub fn district(&self) -> &str {
        &self.config.district.name
    }

    /// The data involved in words: "Student name, date of birth (Student records)".
    pub fn data_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .notice
            .data
            .iter()
            .map(|g| format!("{}: {}", g.category, g.elements.join(", ")))
            .collect();
        if let Some(other) = &self.notice.other_data {
            lines.push(format!("{}: {other}", self.s.get("other_information")));
        }
        if lines.is_empty() {
            lines.push(self.s.get("unknown").to_string());
        }
        lines
    }

    /// When it happened, discovered, in words.
    pub fn when_lines(&self) -> Vec<String> {
        let s = self.s;
        let mut lines = Vec::new();
        match (&self.notice.occurred, self.notice.occurred_unknown) {
            (Some(occurred), _) => lines.push(format!("{}: {occurred}", s.get("when_it_happened"))),
            (None, true) => lines.push(format!(
                "{}: {}",
                s.get("when_it_happened"),
                s.get("unknown")
            )),
            (None, false) => {}
        }
        if let Some(discovered) = &self.notice.discovered {
            lines.push(format!("{}: {}", s.get("when_discovered"), discovered.text));
        }
        lines
    }

    /// How many people, and who: "About 3,200 (students, parents and guardians)".
    pub fn who_line(&self) -> String {
        let count = match (&self.notice.count, self.notice.count_withheld) {
            (Some(count), _) => count.clone(),
            // The law forbids the letter to state it (Illinois PIPA).
            (None, true) => self.s.get("count_withheld").to_string(),
            (None, false) => self.s.get("unknown").to_string(),
        };
        if self.notice.groups.is_empty() {
            count
        } else {
            format!("{count} ({})", self.notice.groups.join(", "))
        }
    }

    /// The contact's lines: name, title, phone, email, address, hours.
    pub fn contact_lines(&self) -> Vec<String> {
        let c = &self.contact;
        let s = self.s;
        let mut lines = vec![match &c.title {
            Some(title) => format!("{}, {title}", c.name),
            None => c.name.clone(),
        }];
        let labelled = [
            ("phone", &c.phone),
            ("email", &c.email),
            ("address", &c.address),
            ("hours", &c.hours),
        ];
        for (key, value) in labelled {
            if let Some(value) = value {
                lines.push(format!("{}: {value}", s.get(key)));
            }
        }
        lines
    }

    /// Each agency on one line: name, phone, website, purpose.
    pub fn agency_lines(agencies: &[AgencyView]) -> Vec<String> {
        agencies
            .iter()
            .map(|a| {
                let purpose = a.purpose.trim().trim_end_matches('.');
                let purpose = if purpose.is_empty() {
                    String::new()
                } else {
                    format!(" ({purpose})")
                };
                format!("{}{purpose}: {}, {}", a.name, a.phone, a.website_text)
            })
            .collect()
    }
}

/// A list of strings from the strings file (`kit_digits`, `kit_sheet_not`).
pub fn list(s: Strings, key: &str) -> Vec<String> {
    [s.own, s.english]
        .iter()
        .find_map(|table| table.get(key)?.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

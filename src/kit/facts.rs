//! What every part of the kit says about an incident, in one language: the notice's
//! words (the same view the public page is made from), the contacts and agencies, and
//! the notice's address. Letters, messages and the call-centre sheet all read it, so
//! they cannot contradict the notice or each other.

use std::borrow::Cow;

use crate::config::SiteConfig;
use crate::model::{AffectedGroup, Group, IdentityProtection, Incident, Known, SiteData};
use crate::render::format::{self, Strings};
use crate::render::markdown;
use crate::render::view::{
    self, AgencyView, ContactView, DataGroupView, NoticeDefaults, NoticeView,
};

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
        let offer = incident
            .identity_protection
            .as_ref()
            .map(|p| offer_text(p, s));
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

    /// The data involved in words: "Student records: student name, date of birth".
    pub fn data_lines(&self) -> Vec<String> {
        self.lines_of(&self.notice.data)
    }

    /// The groups of the long form among `groups`; empty in the short form or when none
    /// of `groups` is written with its own facts.
    fn own_groups(&self, groups: &[Group]) -> Vec<&AffectedGroup> {
        self.incident
            .affected
            .detail
            .iter()
            .filter(|g| groups.contains(&g.group))
            .collect()
    }

    /// The data involved for `groups` only (each group's own, else the record's), in
    /// words; the record's whole data when no group among them has its own facts.
    pub fn data_lines_for(&self, groups: &[Group]) -> Vec<String> {
        let own = self.own_groups(groups);
        if own.is_empty() {
            return self.data_lines();
        }
        let mut ids: Vec<String> = Vec::new();
        let mut known = true;
        for group in own {
            match group.data.as_ref().unwrap_or(&self.incident.data) {
                Known::Known(elements) => {
                    for id in elements {
                        if !ids.contains(id) {
                            ids.push(id.clone());
                        }
                    }
                }
                Known::Unknown => known = false,
            }
        }
        let data = if known {
            Known::Known(ids)
        } else {
            Known::Unknown
        };
        self.lines_of(&view::data_groups(&data, self.s))
    }

    /// The offers made to `groups` (each group's own, else the record's), each as the
    /// offer in words and how to enroll; the record's offer when no group among them has
    /// its own facts.
    pub fn offers_for(&self, groups: &[Group]) -> Vec<(String, String)> {
        let own = self.own_groups(groups);
        if own.is_empty() {
            return self.offer.iter().cloned().collect();
        }
        let mut offers: Vec<(String, String)> = Vec::new();
        for group in own {
            let offer = group
                .identity_protection
                .as_ref()
                .or(self.incident.identity_protection.as_ref())
                .map(|p| offer_text(p, self.s));
            if let Some(offer) = offer {
                if !offers.contains(&offer) {
                    offers.push(offer);
                }
            }
        }
        offers
    }

    fn lines_of(&self, data: &[DataGroupView]) -> Vec<String> {
        let mut lines: Vec<String> = data
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

    /// Each group written with its own facts, on one line: "Staff: 812; information
    /// involved: …; free identity protection: …".
    pub fn group_lines(&self) -> Vec<String> {
        let s = self.s;
        self.incident
            .affected
            .detail
            .iter()
            .zip(&self.notice.group_facts)
            .map(|(group, view)| {
                let mut name = view.name.chars();
                let name = name
                    .next()
                    .map(|first| first.to_uppercase().chain(name).collect::<String>())
                    .unwrap_or_default();
                let mut parts = vec![format!(
                    "{name}: {}",
                    view.count.as_deref().unwrap_or(s.get("unknown"))
                )];
                // The record's other data is the same for every group: said once above.
                let mut data = self.data_lines_for(&[group.group]);
                if self.notice.other_data.is_some() && data.len() > 1 {
                    data.pop();
                }
                parts.push(format!(
                    "{}: {}",
                    s.get("what_information"),
                    data.join("; ")
                ));
                let offers = self.offers_for(&[group.group]);
                parts.push(format!(
                    "{}: {}",
                    s.get("protection_heading"),
                    match offers.first() {
                        Some((offer, _)) => offer.as_str(),
                        None => s.get("kit_none"),
                    }
                ));
                parts.join(" · ")
            })
            .collect()
    }

    /// The incident's own help line, line by line, headed by its name; empty without one.
    pub fn help_line_lines(&self) -> Vec<String> {
        let Some(h) = &self.notice.help_line else {
            return Vec::new();
        };
        let s = self.s;
        let mut lines = vec![s.get("help_line_heading").to_string()];
        let labelled = [
            ("phone", &h.phone),
            ("hours", &h.hours),
            ("help_line_languages", &h.languages),
            ("email", &h.email),
            ("help_line_website", &h.website),
        ];
        for (key, value) in labelled {
            if let Some(value) = value {
                lines.push(format!("{}: {value}", s.get(key)));
            }
        }
        if let Some(closes) = &h.closes {
            lines.push(format!("{}: {}", s.get("help_line_closes"), closes.text));
        }
        lines
    }

    /// The number people should call: the incident's help line, else the district's.
    pub fn phone(&self) -> Option<&str> {
        self.notice
            .help_line
            .as_ref()
            .and_then(|h| h.phone.as_deref())
            .or(self.contact.phone.as_deref())
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

/// An offer in words, with the date to enroll by, and how to enroll in plain text.
fn offer_text(p: &IdentityProtection, s: Strings) -> (String, String) {
    let provider = p
        .provider
        .as_ref()
        .map(|name| s.get("protection_provider").replace("{provider}", name))
        .unwrap_or_default();
    let mut offer = s
        .get("protection_offer")
        .replace("{months}", &p.months.to_string())
        .replace("{service}", &p.service)
        .replace("{provider}", &provider);
    if let Some(by) = p.enroll_by {
        offer = format!(
            "{offer} {}: {}.",
            s.get("protection_enroll_by"),
            format::date(s, by).text
        );
    }
    (offer, markdown::to_plain(&p.how_to_enroll))
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

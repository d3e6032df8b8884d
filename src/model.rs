//! The validated site: what loading produces and rendering consumes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use crate::config::SiteConfig;
use crate::content::yaml::SpanIndex;
use crate::jurisdiction::Pack;

/// The site's data: its configuration, its law and its records.
#[derive(Debug, Clone)]
pub struct SiteData {
    pub config: SiteConfig,
    pub pack: &'static Pack,
    /// Markdown of `content/_index.md`: the process text shown above the notices.
    pub process_text: String,
    /// The process text in other languages (`content/_index.<code>.md`), by code.
    pub process_translations: BTreeMap<String, String>,
    /// Every record, drafts included, sorted by slug.
    pub incidents: Vec<Incident>,
    /// The file `[site] logo` names, as read (checked in `checks::site::logo`).
    pub logo: Option<Logo>,
}

/// The district's logo file.
#[derive(Debug, Clone)]
pub struct Logo {
    /// As written in site.toml: `static/logo.png`.
    pub file: String,
    /// `png`, `svg`, `jpg`, `jpeg` or `webp`, lowercased.
    pub extension: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Draft,
    Active,
    Resolved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Resolved => "resolved",
        }
    }
}

/// A value that may be given as `unknown` while the investigation goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known<T> {
    Known(T),
    Unknown,
}

/// A date, or a date and local time (for clocks counted in hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Moment {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Moment {
    pub fn date(self) -> NaiveDate {
        match self {
            Moment::Date(date) => date,
            Moment::DateTime(at) => at.date(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Students,
    Parents,
    Teachers,
    Principals,
    Staff,
    FormerStaff,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Students,
        Group::Parents,
        Group::Teachers,
        Group::Principals,
        Group::Staff,
        Group::FormerStaff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Students => "students",
            Group::Parents => "parents",
            Group::Teachers => "teachers",
            Group::Principals => "principals",
            Group::Staff => "staff",
            Group::FormerStaff => "former_staff",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubstituteReason {
    Cost,
    Count,
    InsufficientContact,
}

impl SubstituteReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SubstituteReason::Cost => "cost",
            SubstituteReason::Count => "count",
            SubstituteReason::InsufficientContact => "insufficient_contact",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubstituteNotice {
    pub reason: SubstituteReason,
    /// Dollars; present with reason `cost`.
    pub estimated_cost: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contractor {
    pub name: String,
    pub notified_district: Option<NaiveDate>,
}

/// Why notice was delayed: a law-enforcement investigation, or (NY 8 NYCRR 121.10(e)) a
/// security vulnerability that notice would expose until it is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DelayReason {
    #[default]
    Investigation,
    Vulnerability,
}

impl DelayReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DelayReason::Investigation => "investigation",
            DelayReason::Vulnerability => "vulnerability",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LawEnforcementDelay {
    pub requested: NaiveDate,
    /// The day the delay ended (or the vulnerability was fixed).
    pub lifted: Option<NaiveDate>,
    pub reason: DelayReason,
}

/// Whether the breached data was computerized (the default) or on paper: several laws
/// reach computerized data only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Medium {
    #[default]
    Computerized,
    Paper,
}

impl Medium {
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Computerized => "computerized",
            Medium::Paper => "paper",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Occurred {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affected {
    /// The total: as written, or the sum of the groups' own counts.
    pub count: Known<u64>,
    pub estimated: bool,
    pub groups: Vec<Group>,
    pub residents: Residents,
    /// The groups written in the long form, each with its own facts; empty in the short
    /// form (`groups: [students, parents]`).
    pub detail: Vec<AffectedGroup>,
}

/// Where the affected people live (`affected.residents`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Residents {
    /// Not written: every affected person is taken to live in the district's state.
    #[default]
    NotGiven,
    /// A number: how many live in the district's state.
    Home(u64),
    /// By state postal code (`CT`); a code appears once. The district's state, when left
    /// out, holds the rest of the count.
    ByState(BTreeMap<String, StateResidents>),
}

/// The affected people who live in one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateResidents {
    /// How many (`unknown` when only the state is listed).
    pub count: Known<u64>,
    /// That state's duties done: obligation id → date (`affected.residents.CT.notified`).
    pub notified: BTreeMap<String, NaiveDate>,
}

impl Affected {
    /// How many affected people live in the state `code`, for a district in `home`.
    pub fn residents_in(&self, code: &str, home: &str) -> Known<u64> {
        let is_home = code.eq_ignore_ascii_case(home);
        match &self.residents {
            Residents::NotGiven if is_home => self.count.clone(),
            Residents::Home(n) if is_home => Known::Known(*n),
            Residents::NotGiven | Residents::Home(_) => Known::Known(0),
            Residents::ByState(states) => match states.get(&code.to_ascii_uppercase()) {
                Some(state) => state.count.clone(),
                None if !is_home => Known::Known(0),
                // The district's state holds whoever the other states do not.
                None => {
                    let mut rest = match self.count {
                        Known::Known(count) => count,
                        Known::Unknown => return Known::Unknown,
                    };
                    for state in states.values() {
                        match &state.count {
                            Known::Known(n) => rest = rest.saturating_sub(*n),
                            Known::Unknown => return Known::Unknown,
                        }
                    }
                    Known::Known(rest)
                }
            },
        }
    }

    /// The states other than `home` where some affected people live (a count of 0 left
    /// out), in code order.
    pub fn other_states(&self, home: &str) -> Vec<(&str, &StateResidents)> {
        match &self.residents {
            Residents::ByState(states) => states
                .iter()
                .filter(|(code, state)| {
                    !code.eq_ignore_ascii_case(home) && state.count != Known::Known(0)
                })
                .map(|(code, state)| (code.as_str(), state))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The date `affected.residents.<code>.notified.<id>` gives, if any.
    pub fn notified_in(&self, code: &str, id: &str) -> Option<NaiveDate> {
        match &self.residents {
            Residents::ByState(states) => states.get(code)?.notified.get(id).copied(),
            _ => None,
        }
    }
}

/// One affected group written with its own facts. What it leaves out is the record's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AffectedGroup {
    pub group: Group,
    pub count: Option<Known<u64>>,
    /// The group's own data elements; `None`: the record's `data`.
    pub data: Option<Known<Vec<String>>>,
    /// The group's own offer; `None`: the record's `identity_protection`, if any.
    pub identity_protection: Option<IdentityProtection>,
}

impl Affected {
    /// The data of each affected group: its own, else the record's `data`. One entry with
    /// no group in the short form.
    pub fn data_by_group<'a>(
        &'a self,
        record: &'a Known<Vec<String>>,
    ) -> Vec<(Option<Group>, &'a Known<Vec<String>>)> {
        if self.detail.is_empty() {
            return vec![(None, record)];
        }
        self.detail
            .iter()
            .map(|g| (Some(g.group), g.data.as_ref().unwrap_or(record)))
            .collect()
    }
}

/// The incident's own help line (a call centre the district or its vendor set up), apart
/// from the district's standing contact.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpLine {
    pub phone: Option<String>,
    pub hours: Option<String>,
    /// The languages it answers in, in words.
    pub languages: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// The last day it answers.
    pub closes: Option<NaiveDate>,
}

/// A question readers ask, and its answer (Markdown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// A labelled link to another official page (the vendor's own notice, a regulator's page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// How the district is telling those affected: the day each channel went out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notifying {
    pub letters: Option<NaiveDate>,
    pub emails: Option<NaiveDate>,
    pub texts: Option<NaiveDate>,
    pub calls: Option<NaiveDate>,
    /// Markdown: what it means if a reader got nothing.
    pub if_nothing: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub date: NaiveDate,
    /// Markdown.
    pub text: String,
}

/// One incident record. Drafts may be incomplete: a missing field then holds its empty
/// value (the loader reports what is still missing).
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    /// The file stem: the notice's address under `notices/`.
    pub slug: String,
    /// The record's path relative to the site root.
    pub file: String,
    pub title: String,
    pub status: Status,
    pub published: Option<NaiveDate>,
    pub updated: Option<NaiveDate>,
    pub summary: String,
    pub discovered: Option<Moment>,
    pub determined: Option<Moment>,
    /// `Known(Occurred { None, None })` when not given; `Unknown` when written `unknown`.
    pub occurred: Known<Occurred>,
    pub contractor: Option<Contractor>,
    /// A contractor's breach: the day the district itself first learned of it (the press, a
    /// parent, its own monitoring), when that was before the contractor's notice.
    pub district_learned: Option<NaiveDate>,
    pub medium: Medium,
    /// When a ransom was paid (NY GML §995-c).
    pub ransom_paid: Option<Moment>,
    /// When a HIPAA breach was reported to the US Department of Health and Human Services.
    pub hipaa_hhs_notified: Option<NaiveDate>,
    /// When the district finished eradicating, closing and recovering from a security
    /// incident (Texas Gov't Code §2054.603(c)).
    pub recovered: Option<NaiveDate>,
    /// Vocabulary ids.
    pub data: Known<Vec<String>>,
    pub other_data: Option<String>,
    pub affected: Affected,
    /// Markdown.
    pub description: String,
    /// Markdown.
    pub investigation: String,
    /// Markdown; the jurisdiction's guidance is used when absent.
    pub what_you_can_do: Option<String>,
    pub law_enforcement_delay: Option<LawEnforcementDelay>,
    pub substitute_notice: Option<SubstituteNotice>,
    /// Newest first.
    pub updates: Vec<Update>,
    /// Obligation id → date it was met.
    pub notified: BTreeMap<String, NaiveDate>,
    /// Obligation id → the record of the act, when `notified.<id>` is written as one
    /// (its date is also in `notified`).
    pub notified_acts: BTreeMap<String, NotificationAct>,
    /// The identity-protection service the notice offers, if any.
    pub identity_protection: Option<IdentityProtection>,
    pub help_line: Option<HelpLine>,
    pub faq: Vec<Faq>,
    pub links: Vec<Link>,
    pub notifying: Option<Notifying>,
    /// Exact strings the PII guard must accept (e.g. a case number shaped like an SSN).
    pub pii_allow: Vec<String>,
    /// Language code → the texts translated into it.
    pub translations: BTreeMap<String, Translation>,
    /// Where each field is written in the record, for diagnostics.
    pub locations: Arc<SpanIndex>,
}

/// The texts of a record in another language; what is missing falls back to the
/// record's own language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translation {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub investigation: Option<String>,
    pub what_you_can_do: Option<String>,
    /// Matched to the record's updates by date.
    pub updates: Vec<Update>,
    pub other_data: Option<String>,
    pub identity_protection: ProtectionText,
    /// The offers of groups written with their own, by group.
    pub groups: Vec<(Group, ProtectionText)>,
    pub help_line_hours: Option<String>,
    pub help_line_languages: Option<String>,
    /// Matched to the record's questions by position.
    pub faq: Vec<Faq>,
    /// Matched to the record's links by position (a translated link may point to the
    /// page's own translation).
    pub links: Vec<Link>,
    pub if_nothing: Option<String>,
}

/// The words of an identity-protection offer, translated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProtectionText {
    pub service: Option<String>,
    pub provider: Option<String>,
    pub how_to_enroll: Option<String>,
}

/// How a duty was done, as `notified.<id>` records it for the incident's compliance record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationAct {
    /// When it was done (a date, or a date and time).
    pub at: Moment,
    pub method: Option<NoticeMethod>,
    /// Who did it (a name or a role).
    pub by: Option<String>,
    /// A reference, confirmation or receipt number.
    pub reference: Option<String>,
    /// Files kept as proof: paths relative to the site folder, never published.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeMethod {
    Mail,
    Email,
    Phone,
    Portal,
    Letter,
}

impl NoticeMethod {
    pub const ALL: [NoticeMethod; 5] = [
        NoticeMethod::Mail,
        NoticeMethod::Email,
        NoticeMethod::Phone,
        NoticeMethod::Portal,
        NoticeMethod::Letter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeMethod::Mail => "mail",
            NoticeMethod::Email => "email",
            NoticeMethod::Phone => "phone",
            NoticeMethod::Portal => "portal",
            NoticeMethod::Letter => "letter",
        }
    }
}

/// A free identity-protection or credit-monitoring service offered to those affected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityProtection {
    pub months: u32,
    /// What is offered, e.g. "credit monitoring and identity restoration".
    pub service: String,
    pub provider: Option<String>,
    pub enroll_by: Option<NaiveDate>,
    /// Markdown: how to enroll.
    pub how_to_enroll: String,
}

impl IdentityProtection {
    /// Takes the translated words of `text`; whether every text the offer has was
    /// translated (what is not keeps the original).
    fn translate(&mut self, text: &ProtectionText) -> bool {
        let mut complete = true;
        let mut take = |original: &mut String, translated: &Option<String>| match translated {
            Some(t) => *original = t.clone(),
            None => complete = false,
        };
        take(&mut self.service, &text.service);
        take(&mut self.how_to_enroll, &text.how_to_enroll);
        // A company's name is rarely translated: it may be, but need not be.
        if let (Some(provider), Some(translated)) = (&mut self.provider, &text.provider) {
            *provider = translated.clone();
        }
        complete
    }
}

impl Occurred {
    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

impl Incident {
    /// This record with its texts in `language`. Texts with no translation keep the
    /// record's own; their field names are returned so pages can mark them. In the
    /// record's own language, the record itself (no copy).
    pub fn localized(
        &self,
        language: &str,
        default: &str,
    ) -> (Cow<'_, Incident>, Vec<&'static str>) {
        if language == default {
            return (Cow::Borrowed(self), Vec::new());
        }
        let mut incident = self.clone();
        let empty = Translation::default();
        let translation = self.translations.get(language).unwrap_or(&empty);
        let mut fallback = Vec::new();
        let mut take = |field: &'static str, original: &mut String, translated: &Option<String>| {
            match translated {
                Some(text) => *original = text.clone(),
                None => fallback.push(field),
            }
        };
        take("title", &mut incident.title, &translation.title);
        take("summary", &mut incident.summary, &translation.summary);
        take(
            "description",
            &mut incident.description,
            &translation.description,
        );
        take(
            "investigation",
            &mut incident.investigation,
            &translation.investigation,
        );
        if let Some(advice) = &mut incident.what_you_can_do {
            take("what_you_can_do", advice, &translation.what_you_can_do);
        }
        if let Some(other) = &mut incident.other_data {
            take("other_data", other, &translation.other_data);
        }
        if let Some(offer) = &mut incident.identity_protection {
            if !offer.translate(&translation.identity_protection) {
                fallback.push("identity_protection");
            }
        }
        for group in &mut incident.affected.detail {
            let Some(offer) = &mut group.identity_protection else {
                continue;
            };
            let text = translation
                .groups
                .iter()
                .find(|(g, _)| *g == group.group)
                .map(|(_, text)| text);
            let translated = text.is_some_and(|text| offer.translate(text));
            if !translated && !fallback.contains(&"groups") {
                fallback.push("groups");
            }
        }
        if let Some(line) = &mut incident.help_line {
            for (name, original, translated) in [
                (
                    "help_line.hours",
                    &mut line.hours,
                    &translation.help_line_hours,
                ),
                (
                    "help_line.languages",
                    &mut line.languages,
                    &translation.help_line_languages,
                ),
            ] {
                match (original.as_mut(), translated) {
                    (Some(text), Some(t)) => *text = t.clone(),
                    (Some(_), None) => fallback.push(name),
                    _ => {}
                }
            }
        }
        for (i, faq) in incident.faq.iter_mut().enumerate() {
            match translation.faq.get(i) {
                Some(t) => *faq = t.clone(),
                None if !fallback.contains(&"faq") => fallback.push("faq"),
                None => {}
            }
        }
        for (i, link) in incident.links.iter_mut().enumerate() {
            match translation.links.get(i) {
                Some(t) => *link = t.clone(),
                None if !fallback.contains(&"links") => fallback.push("links"),
                None => {}
            }
        }
        if let Some(text) = incident
            .notifying
            .as_mut()
            .and_then(|n| n.if_nothing.as_mut())
        {
            match &translation.if_nothing {
                Some(t) => *text = t.clone(),
                None => fallback.push("notifying"),
            }
        }
        let mut unused: Vec<&Update> = translation.updates.iter().collect();
        for update in &mut incident.updates {
            match unused.iter().position(|t| t.date == update.date) {
                Some(i) => update.text = unused.remove(i).text.clone(),
                None if !fallback.contains(&"updates") => fallback.push("updates"),
                None => {}
            }
        }
        (Cow::Owned(incident), fallback)
    }

    /// The date shown as "last updated": the newest of `updated` and the update log.
    pub fn last_updated(&self) -> Option<NaiveDate> {
        self.updates
            .iter()
            .map(|u| u.date)
            .chain(self.updated)
            .max()
    }
}

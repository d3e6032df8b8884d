//! The parts of a notice that help a reader act, worked out for one notice: the incident's
//! help line, the offers (per group where groups have their own), the steps the data
//! calls for (pack data, `vocabulary.toml`), the facts of each group, the questions and
//! answers, the links, and how the district is notifying people.

use serde::Serialize;

use crate::model::{AffectedGroup, Faq, HelpLine, IdentityProtection, Incident, Known, Link};
use crate::render::format::{self, DateView, Strings};
use crate::render::markdown;
use crate::render::templates::escape;
use crate::vocabulary;

#[derive(Debug, Serialize)]
pub struct HelpLineView {
    pub phone: Option<String>,
    pub phone_href: Option<String>,
    pub hours: Option<String>,
    pub languages: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub website_text: Option<String>,
    pub closes: Option<DateView>,
}

impl HelpLineView {
    pub fn new(line: &HelpLine, s: Strings) -> HelpLineView {
        HelpLineView {
            phone: line.phone.clone(),
            phone_href: line.phone.as_deref().map(format::phone_href),
            hours: line.hours.clone(),
            languages: line.languages.clone(),
            email: line.email.clone(),
            website: line.website.clone(),
            website_text: line.website.as_deref().map(format::url_text),
            closes: line.closes.map(|d| format::date(s, d)),
        }
    }
}

/// An identity-protection offer: the record's, or one group's own.
#[derive(Debug, Serialize)]
pub struct OfferView {
    /// "For students"; `None` for the record's offer when no group has its own.
    pub group: Option<String>,
    /// "The district is offering 24 months of … free of charge.", escaped, with the
    /// service (the record's words) marked with `lang` when it is not translated.
    pub offer_html: String,
    pub offer: String,
    pub how_html: String,
    pub how_text: String,
    pub enroll_by: Option<DateView>,
}

impl OfferView {
    /// `untranslated`: the language of the offer's own words when they are shown
    /// untranslated.
    pub fn new(
        p: &IdentityProtection,
        group: Option<String>,
        s: Strings,
        untranslated: Option<&str>,
        with_text: bool,
    ) -> OfferView {
        let provider = p
            .provider
            .as_ref()
            .map(|name| s.get("protection_provider").replace("{provider}", name))
            .unwrap_or_default();
        let pattern = s
            .get("protection_offer")
            .replace("{months}", &p.months.to_string());
        let offer = pattern
            .replace("{service}", &p.service)
            .replace("{provider}", &provider);
        let service = match untranslated {
            Some(lang) => format!(
                "<span lang=\"{}\">{}</span>",
                escape(lang),
                escape(&p.service)
            ),
            None => escape(&p.service),
        };
        let offer_html = escape(&pattern)
            .replace("{service}", &service)
            .replace("{provider}", &escape(&provider));
        OfferView {
            group,
            offer_html,
            offer,
            how_html: markdown::to_html(&p.how_to_enroll, 4),
            how_text: if with_text {
                markdown::to_plain(&p.how_to_enroll)
            } else {
                String::new()
            },
            enroll_by: p.enroll_by.map(|d| format::date(s, d)),
        }
    }
}

/// The offers of a notice: each group's own (in the order written), then the record's
/// for the groups without one. `untranslated` as for [`OfferView::new`], for the record's
/// offer and for the groups'.
pub fn offers(
    incident: &Incident,
    s: Strings,
    untranslated: (Option<&str>, Option<&str>),
    with_text: bool,
) -> Vec<OfferView> {
    let detail = &incident.affected.detail;
    let own: Vec<&AffectedGroup> = detail
        .iter()
        .filter(|g| g.identity_protection.is_some())
        .collect();
    let mut offers: Vec<OfferView> = own
        .iter()
        .filter_map(|g| {
            let p = g.identity_protection.as_ref()?;
            let label = group_label(s, g.group);
            let name = s.get("offer_for").replace("{group}", &label);
            Some(OfferView::new(p, Some(name), s, untranslated.1, with_text))
        })
        .collect();
    if let Some(p) = &incident.identity_protection {
        // With groups of their own offers, the record's is for the others, named.
        let others: Vec<String> = detail
            .iter()
            .filter(|g| g.identity_protection.is_none())
            .map(|g| group_label(s, g.group))
            .collect();
        let group = match (own.is_empty(), others.is_empty()) {
            (true, _) => None,
            (false, true) => return offers,
            (false, false) => Some(s.get("offer_for").replace("{group}", &others.join(", "))),
        };
        offers.push(OfferView::new(p, group, s, untranslated.0, with_text));
    }
    offers
}

pub fn group_label(s: Strings, group: crate::model::Group) -> String {
    s.get(super::view::group_key(group)).to_string()
}

/// A step the data calls for, in the page's language where the strings give it.
#[derive(Debug, Serialize)]
pub struct StepView {
    pub html: String,
    pub text: String,
    pub source: String,
    pub source_text: String,
    /// Shown in English: the language's strings lack the step.
    pub english: bool,
}

/// The steps the data involved calls for; empty while the data is not known.
pub fn steps(data: &Known<Vec<String>>, s: Strings, with_text: bool) -> Vec<StepView> {
    let Known::Known(ids) = data else {
        return Vec::new();
    };
    vocabulary::steps_for(ids)
        .map(|step| {
            let own = s
                .own
                .get("step_texts")
                .and_then(|t| t.get(&step.id))
                .and_then(toml::Value::as_str);
            let text = own.unwrap_or(&step.text);
            let source = s
                .entry("step_sources", &step.id)
                .unwrap_or(&step.source)
                .to_string();
            StepView {
                html: markdown::to_html(text, 4),
                text: if with_text {
                    markdown::to_plain(text)
                } else {
                    String::new()
                },
                source_text: s
                    .entry("step_source_titles", &step.id)
                    .unwrap_or(&step.source_title)
                    .to_string(),
                source,
                english: own.is_none()
                    && s.own.get("language_name") != s.english.get("language_name"),
            }
        })
        .collect()
}

/// One group written with its own facts.
#[derive(Debug, Serialize)]
pub struct GroupView {
    pub name: String,
    /// "About 495,448"; `None` when the group gives no count of its own.
    pub count: Option<String>,
    /// The labels of the group's own data; empty when it has none of its own.
    pub data: Vec<String>,
    /// "Information involved for students".
    pub data_heading: String,
}

pub fn groups(incident: &Incident, s: Strings) -> Vec<GroupView> {
    incident
        .affected
        .detail
        .iter()
        .map(|g| {
            let name = group_label(s, g.group);
            GroupView {
                count: match g.count {
                    Some(Known::Known(n)) => {
                        Some(super::view::count_text(s, n, incident.affected.estimated))
                    }
                    Some(Known::Unknown) => Some(s.get("unknown").to_string()),
                    None => None,
                },
                data: match &g.data {
                    Some(data) => super::view::data_groups(data, s)
                        .into_iter()
                        .flat_map(|c| c.elements)
                        .collect(),
                    None => Vec::new(),
                },
                data_heading: s.get("group_data").replace("{group}", &name),
                name,
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct FaqView {
    /// The anchor: `faq-1`, `faq-2`, … (the same in every language).
    pub id: String,
    pub question: String,
    pub answer_html: String,
    /// Shown in the record's language: not translated yet.
    pub untranslated: bool,
}

/// `translated`: how many questions have a translation on this page (all in the record's
/// own language).
pub fn faq(items: &[Faq], translated: usize) -> Vec<FaqView> {
    items
        .iter()
        .enumerate()
        .map(|(i, f)| FaqView {
            id: format!("faq-{}", i + 1),
            question: f.question.clone(),
            answer_html: markdown::to_html(&f.answer, 4),
            untranslated: i >= translated,
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct LinkView {
    pub label: String,
    pub url: String,
    pub untranslated: bool,
}

pub fn links(items: &[Link], translated: usize) -> Vec<LinkView> {
    items
        .iter()
        .enumerate()
        .map(|(i, l)| LinkView {
            label: l.label.clone(),
            url: l.url.clone(),
            untranslated: i >= translated,
        })
        .collect()
}

/// How the district is notifying people: the channels with their dates, and what it
/// means to get nothing.
#[derive(Debug, Serialize)]
pub struct NotifyingView {
    /// (label, date), in the order letters, emails, texts, calls.
    pub channels: Vec<(String, DateView)>,
    pub if_nothing_html: String,
}

pub fn notifying(incident: &Incident, s: Strings) -> Option<NotifyingView> {
    let n = incident.notifying.as_ref()?;
    let channels = [
        ("notified_letters", n.letters),
        ("notified_emails", n.emails),
        ("notified_texts", n.texts),
        ("notified_calls", n.calls),
    ]
    .into_iter()
    .filter_map(|(key, date)| Some((s.get(key).to_string(), format::date(s, date?))))
    .collect();
    Some(NotifyingView {
        channels,
        if_nothing_html: n
            .if_nothing
            .as_deref()
            .map(|t| markdown::to_html(t, 4))
            .unwrap_or_default(),
    })
}

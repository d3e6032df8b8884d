//! A notice in a layout the law mandates (California Civ. Code §1798.29(d)): the pack's
//! title and headings, in the page's language with the law's English words beside them,
//! and the statement whether a law-enforcement investigation delayed the notice.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::jurisdiction::Pack;
use crate::model::Incident;
use crate::render::format::Strings;

#[derive(Debug, Serialize)]
pub struct FormatView {
    pub title: HeadingView,
    /// By the theme's section id: `what_happened`, `what_information`, ...
    pub headings: BTreeMap<String, HeadingView>,
    /// "This notice was (not) delayed by a law enforcement investigation."
    pub delay: String,
}

/// A title or heading: in the page's language, and the law's English words when those
/// differ (a translated page keeps them beside its own).
#[derive(Debug, Serialize)]
pub struct HeadingView {
    pub text: String,
    pub english: Option<String>,
}

/// The format view, when the pack mandates one.
pub fn view(pack: &Pack, incident: &Incident, s: Strings) -> Option<FormatView> {
    let format = pack.notice_format.as_ref()?;
    // The language's own translation only: English pages use the law's words as written.
    let heading = |key: &str, law: &str| match s
        .own
        .get("notice_format")
        .and_then(|t| t.get(key))
        .and_then(toml::Value::as_str)
    {
        Some(own) if own != law => HeadingView {
            text: own.to_string(),
            english: Some(law.to_string()),
        },
        _ => HeadingView {
            text: law.to_string(),
            english: None,
        },
    };
    let delay = if incident.law_enforcement_delay.is_some() {
        s.get("format_delayed")
    } else {
        s.get("format_not_delayed")
    };
    Some(FormatView {
        title: heading("title", &format.title),
        headings: format
            .headings
            .iter()
            .map(|h| (h.section.clone(), heading(&h.section, &h.text)))
            .collect(),
        delay: delay.to_string(),
    })
}

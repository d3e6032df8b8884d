//! What templates see: the model turned into words, escaped-later strings and
//! pre-rendered Markdown, one struct per thing a page shows.

use serde::Serialize;

use crate::compliance::coverage::count_withheld;
use crate::config::{self, SiteConfig};
use crate::jurisdiction::{self, Agency, Pack};
use crate::model::{Group, IdentityProtection, Incident, Known, Status};
use crate::render::format::{self, DateView, Strings};
use crate::render::markdown;
use crate::render::notice_format::{self, FormatView};
use crate::render::notice_parts::{
    self, FaqView, GroupView, HelpLineView, LinkView, NotifyingView, OfferView, StepView,
};
use crate::vocabulary;

#[derive(Debug, Serialize)]
pub struct SiteView {
    pub title: String,
    /// The title's language when it is not the page's (not translated).
    pub title_lang: Option<String>,
    pub district: String,
    pub website: Option<String>,
    pub website_text: Option<String>,
    pub base_url: Option<String>,
    pub logo: Option<LogoView>,
    /// `#rrggbb`, checked for contrast when site.toml was read.
    pub accent: Option<String>,
}

/// The district's logo: where it is published (beside the stylesheet) and its text.
#[derive(Debug, Serialize)]
pub struct LogoView {
    pub src: String,
    pub alt: String,
    /// The alt text's language when it is not the page's (not translated).
    pub alt_lang: Option<String>,
}

impl SiteView {
    /// The site's texts in `lang` (the title falls back to the default language's).
    pub fn new(config: &SiteConfig, lang: &str) -> SiteView {
        let translation = config.site.translations.get(lang);
        let translated = translation.and_then(|t| t.title.clone());
        SiteView {
            title_lang: match (&translated, lang == config.site.language) {
                (None, false) => Some(config.site.language.clone()),
                _ => None,
            },
            title: translated.unwrap_or_else(|| config.site.title.clone()),
            district: config.district.name.clone(),
            website: config.district.website.clone(),
            website_text: config.district.website.as_deref().map(format::url_text),
            base_url: config.site.base_url.clone(),
            logo: config.site.logo.as_deref().and_then(|file| {
                let translated = translation.and_then(|t| t.logo_alt.clone());
                Some(LogoView {
                    src: config::logo_output_path(file)?,
                    alt_lang: (translated.is_none() && lang != config.site.language)
                        .then(|| config.site.language.clone()),
                    alt: translated
                        .or_else(|| config.site.logo_alt.clone())
                        .unwrap_or_default(),
                })
            }),
            accent: config
                .site
                .accent_color
                .as_deref()
                .map(|c| c.trim().to_ascii_lowercase()),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ContactView {
    pub name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub phone_href: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
}

impl ContactView {
    /// The district contact, with its title and hours in `lang` where site.toml gives them.
    pub fn district(config: &SiteConfig, lang: &str) -> ContactView {
        let c = &config.contact;
        let translated = config.site.translations.get(lang);
        ContactView {
            name: c.name.clone(),
            title: translated
                .and_then(|t| t.contact_title.clone())
                .or_else(|| c.title.clone()),
            phone: c.phone.clone(),
            phone_href: c.phone.as_deref().map(format::phone_href),
            email: c.email.clone(),
            address: c.address.clone(),
            hours: translated
                .and_then(|t| t.contact_hours.clone())
                .or_else(|| c.hours.clone()),
        }
    }

    /// The media contact of releases in `lang`: `[media]`, or the district contact.
    pub fn media(config: &SiteConfig, lang: &str) -> ContactView {
        match &config.media {
            Some(m) => ContactView {
                name: m.name.clone(),
                title: config
                    .site
                    .translations
                    .get(lang)
                    .and_then(|t| t.media_title.clone())
                    .or_else(|| m.title.clone()),
                phone: m.phone.clone(),
                phone_href: m.phone.as_deref().map(format::phone_href),
                email: m.email.clone(),
                address: None,
                hours: None,
            },
            None => ContactView::district(config, lang),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct AgencyView {
    pub name: String,
    pub purpose: String,
    pub phone: String,
    pub phone_href: String,
    pub website: String,
    pub website_text: String,
}

impl AgencyView {
    pub fn new(agency: &Agency, s: Strings) -> AgencyView {
        // The agency's page in the reader's language, where the strings give one.
        let website = s
            .entry("agency_websites", &agency.name)
            .unwrap_or(&agency.website);
        AgencyView {
            name: agency.name.clone(),
            purpose: s
                .entry("agency_purposes", &agency.name)
                .map_or_else(|| agency.purpose.clone(), str::to_string),
            phone: agency.phone.clone(),
            phone_href: format::phone_href(&agency.phone),
            website: website.to_string(),
            website_text: format::url_text(website),
        }
    }

    pub fn for_pack(pack: &Pack, s: Strings) -> (Vec<AgencyView>, Vec<AgencyView>) {
        let agencies = pack
            .agencies()
            .into_iter()
            .map(|a| AgencyView::new(a, s))
            .collect();
        let bureaus = jurisdiction::shared()
            .bureaus
            .iter()
            .map(|a| AgencyView::new(a, s))
            .collect();
        (agencies, bureaus)
    }
}

/// A notice in a list: index, banner, feed.
#[derive(Debug, Serialize)]
pub struct SummaryView {
    pub slug: String,
    /// Relative to the site root, e.g. `notices/SLUG/`.
    pub href: String,
    pub title: String,
    pub summary: String,
    pub posted: DateView,
    pub updated: Option<DateView>,
    /// The language of the title and summary when they are not in the page's (no
    /// translation yet), for screen readers.
    pub text_lang: Option<String>,
}

impl SummaryView {
    pub fn new(incident: &Incident, s: Strings) -> SummaryView {
        SummaryView {
            slug: incident.slug.clone(),
            href: notice_path(&incident.slug),
            title: incident.title.clone(),
            summary: incident.summary.clone(),
            posted: format::date(s, posted(incident)),
            updated: last_updated(incident).map(|d| format::date(s, d)),
            text_lang: None,
        }
    }
}

/// `notices/SLUG/`: where a notice is published, relative to the site root.
pub fn notice_path(slug: &str) -> String {
    format!("notices/{slug}/")
}

pub fn posted(incident: &Incident) -> chrono::NaiveDate {
    // Only published notices are rendered, and they all have a date.
    incident.published.unwrap_or(chrono::NaiveDate::MIN)
}

/// The last-updated date when it differs from the posting date.
pub fn last_updated(incident: &Incident) -> Option<chrono::NaiveDate> {
    incident
        .last_updated()
        .filter(|date| Some(*date) != incident.published)
}

#[derive(Debug, Serialize)]
pub struct DataGroupView {
    pub category: String,
    pub elements: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ContractorView {
    pub name: String,
    pub notified: Option<DateView>,
}

#[derive(Debug, Serialize)]
pub struct UpdateView {
    pub date: DateView,
    pub html: String,
    pub text: String,
}

/// Everything a notice page (and its media release) shows.
#[derive(Debug, Serialize)]
pub struct NoticeView {
    pub slug: String,
    pub title: String,
    pub status: &'static str,
    pub summary: String,
    pub posted: DateView,
    pub updated: Option<DateView>,
    /// "Between January 2, 2025 and January 5, 2025"; `None` when not known.
    pub occurred: Option<String>,
    /// The same, with each date in a `<time>` element.
    pub occurred_html: Option<String>,
    /// Written `occurred: unknown`: shown as not yet known. When `occurred` is simply left
    /// out (the law asks for the dates only "if known"), the notice leaves the line out.
    pub occurred_unknown: bool,
    pub discovered: Option<DateView>,
    /// Shown only when it differs from `discovered`.
    pub determined: Option<DateView>,
    pub contractor: Option<ContractorView>,
    /// Grouped by category; empty when the data involved is not yet known.
    pub data: Vec<DataGroupView>,
    pub other_data: Option<String>,
    /// "About 1,250"; `None` when not yet known or withheld.
    pub count: Option<String>,
    /// The law forbids stating the number (Illinois PIPA): the page says so instead.
    pub count_withheld: bool,
    pub groups: Vec<String>,
    /// Markdown fields as HTML, and as plain text (`_text`) for the plain-text release
    /// (empty for a notice without one).
    pub description_html: String,
    pub description_text: String,
    pub investigation_html: String,
    pub investigation_text: String,
    /// The record's `what_you_can_do`, or the jurisdiction's guidance.
    pub guidance_html: String,
    pub guidance_text: String,
    pub updates: Vec<UpdateView>,
    /// The identity-protection service offered, if any (the record's own).
    pub protection: Option<ProtectionView>,
    /// Every offer: the groups' own, then the record's.
    pub offers: Vec<OfferView>,
    /// The steps the data involved calls for (empty while it is not known).
    pub steps: Vec<StepView>,
    pub help_line: Option<HelpLineView>,
    /// The groups written with their own facts.
    pub group_facts: Vec<GroupView>,
    pub faq: Vec<FaqView>,
    pub links: Vec<LinkView>,
    pub notifying: Option<NotifyingView>,
    /// A long notice opens with a list of links to its parts.
    pub on_this_page: bool,
    /// Relative to the notice page; only with substitute notice.
    pub media_release_href: Option<String>,
    pub law: String,
    /// The title and headings the law mandates, when the state has a format (California).
    pub format: Option<FormatView>,
    /// Fields shown in `fallback_lang` because they are not translated yet.
    pub fallback: Vec<&'static str>,
    pub fallback_lang: String,
}

/// What the notices of one language share, worked out once for all of them.
pub struct NoticeDefaults {
    /// The language's own general guidance, else the pack's, for records without
    /// `what_you_can_do`: as HTML and as plain text.
    guidance_html: String,
    guidance_text: String,
}

impl NoticeDefaults {
    pub fn new(pack: &Pack, s: Strings) -> NoticeDefaults {
        let guidance = s
            .own_text("guidance")
            .unwrap_or_else(|| pack.guidance())
            .trim();
        NoticeDefaults {
            guidance_html: markdown::to_html(guidance, 4),
            guidance_text: markdown::to_plain(guidance),
        }
    }
}

impl NoticeView {
    /// The view of `incident`. The plain-text fields (`*_text`) are filled only for a
    /// notice with a media release: only the plain-text release shows them.
    pub fn new(
        incident: &Incident,
        pack: &Pack,
        s: Strings,
        defaults: &NoticeDefaults,
    ) -> NoticeView {
        let with_text = incident.substitute_notice.is_some();
        let plain = |markdown: &str| {
            if with_text {
                markdown::to_plain(markdown)
            } else {
                String::new()
            }
        };
        let steps = notice_parts::steps(&incident.data, s, with_text);
        // The general list only while the data, and so the steps, are not known.
        let (guidance_html, guidance_text) = match &incident.what_you_can_do {
            Some(advice) => (markdown::to_html(advice, 4), plain(advice)),
            None if !steps.is_empty() => (String::new(), String::new()),
            None => (
                defaults.guidance_html.clone(),
                if with_text {
                    defaults.guidance_text.clone()
                } else {
                    String::new()
                },
            ),
        };
        let faq = notice_parts::faq(&incident.faq, incident.faq.len());
        let group_facts = notice_parts::groups(incident, s);
        let on_this_page = !faq.is_empty() || group_facts.len() > 1 || incident.updates.len() > 2;
        let determined = incident
            .determined
            .filter(|d| Some(*d) != incident.discovered)
            .map(|d| format::moment(s, d));
        NoticeView {
            slug: incident.slug.clone(),
            title: incident.title.clone(),
            status: if incident.status == Status::Active {
                "active"
            } else {
                "resolved"
            },
            summary: incident.summary.clone(),
            posted: format::date(s, posted(incident)),
            updated: last_updated(incident).map(|d| format::date(s, d)),
            occurred: occurred_text(incident, s, false),
            occurred_html: occurred_text(incident, s, true),
            occurred_unknown: incident.occurred == Known::Unknown,
            discovered: incident.discovered.map(|d| format::moment(s, d)),
            determined,
            contractor: incident.contractor.as_ref().map(|c| ContractorView {
                name: c.name.clone(),
                notified: c.notified_district.map(|d| format::date(s, d)),
            }),
            data: data_groups(&incident.data, s),
            other_data: incident.other_data.clone(),
            count_withheld: count_withheld(incident, pack),
            count: match incident.affected.count {
                _ if count_withheld(incident, pack) => None,
                Known::Known(n) => Some(count_text(s, n, incident.affected.estimated)),
                Known::Unknown => None,
            },
            groups: incident
                .affected
                .groups
                .iter()
                .map(|g| s.get(group_key(*g)).to_string())
                .collect(),
            description_html: markdown::to_html(&incident.description, 3),
            description_text: plain(&incident.description),
            investigation_html: markdown::to_html(&incident.investigation, 3),
            investigation_text: plain(&incident.investigation),
            guidance_html,
            guidance_text,
            updates: incident
                .updates
                .iter()
                .map(|u| UpdateView {
                    date: format::date(s, u.date),
                    html: markdown::to_html(&u.text, 4),
                    text: plain(&u.text),
                })
                .collect(),
            protection: incident
                .identity_protection
                .as_ref()
                .map(|p| ProtectionView::new(p, s, &plain)),
            offers: notice_parts::offers(incident, s, (None, None), with_text),
            steps,
            help_line: incident
                .help_line
                .as_ref()
                .map(|line| HelpLineView::new(line, s)),
            group_facts,
            links: notice_parts::links(&incident.links, incident.links.len()),
            faq,
            notifying: notice_parts::notifying(incident, s),
            on_this_page,
            media_release_href: incident
                .substitute_notice
                .as_ref()
                .map(|_| "media-release/".to_string()),
            law: pack.law.clone(),
            format: notice_format::view(pack, incident, s),
            fallback: Vec::new(),
            fallback_lang: String::new(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ProtectionView {
    /// "The district is offering 24 months of … free of charge."
    pub offer: String,
    pub how_html: String,
    pub how_text: String,
    pub enroll_by: Option<DateView>,
}

impl ProtectionView {
    fn new(p: &IdentityProtection, s: Strings, plain: &dyn Fn(&str) -> String) -> ProtectionView {
        let provider = p
            .provider
            .as_ref()
            .map(|name| s.get("protection_provider").replace("{provider}", name))
            .unwrap_or_default();
        ProtectionView {
            offer: s
                .get("protection_offer")
                .replace("{months}", &p.months.to_string())
                .replace("{service}", &p.service)
                .replace("{provider}", &provider),
            how_html: markdown::to_html(&p.how_to_enroll, 4),
            how_text: plain(&p.how_to_enroll),
            enroll_by: p.enroll_by.map(|d| format::date(s, d)),
        }
    }
}

pub(super) fn group_key(group: Group) -> &'static str {
    match group {
        Group::Students => "group_students",
        Group::Parents => "group_parents",
        Group::Teachers => "group_teachers",
        Group::Principals => "group_principals",
        Group::Staff => "group_staff",
        Group::FormerStaff => "group_former_staff",
    }
}

pub(crate) fn occurred_text(incident: &Incident, s: Strings, html: bool) -> Option<String> {
    // As HTML, each date is a <time> that screen readers and machines can read.
    let escape = |text: &str| {
        if html {
            crate::render::templates::escape(text)
        } else {
            text.to_string()
        }
    };
    let words = |d: chrono::NaiveDate| {
        let text = format::date_words(s, d);
        if html {
            format!(
                "<time datetime=\"{}\">{}</time>",
                d.format("%Y-%m-%d"),
                escape(&text)
            )
        } else {
            text
        }
    };
    let Known::Known(occurred) = incident.occurred else {
        return None;
    };
    match (occurred.from, occurred.to) {
        (Some(from), Some(to)) if from == to => {
            Some(escape(s.get("on_date")).replace("{date}", &words(from)))
        }
        (Some(from), Some(to)) => Some(
            escape(s.get("between"))
                .replace("{from}", &words(from))
                .replace("{to}", &words(to)),
        ),
        (Some(from), None) => Some(escape(s.get("from_date")).replace("{date}", &words(from))),
        (None, Some(to)) => Some(escape(s.get("until_date")).replace("{date}", &words(to))),
        (None, None) => None,
    }
}

/// "About 1,250" (an estimate) or "1,250".
pub(super) fn count_text(s: Strings, n: u64, estimated: bool) -> String {
    let pattern = if estimated {
        s.get("about")
    } else {
        s.get("exactly")
    };
    pattern.replace("{count}", &format::count(s, n))
}

/// The elements involved, grouped by category in the vocabulary's order.
pub fn data_groups(data: &Known<Vec<String>>, s: Strings) -> Vec<DataGroupView> {
    let Known::Known(ids) = data else {
        return Vec::new();
    };
    let mut elements: Vec<&vocabulary::Element> = ids
        .iter()
        .filter_map(|id| vocabulary::element(id))
        .collect();
    elements.sort_by_key(|e| vocabulary::category_rank(&e.category));
    let mut groups: Vec<DataGroupView> = Vec::new();
    for element in elements {
        let category = s
            .entry("category_labels", &element.category)
            .unwrap_or_else(|| vocabulary::category_label(&element.category));
        let label = s
            .entry("data_labels", &element.id)
            .unwrap_or(&element.label)
            .to_string();
        match groups.last_mut() {
            Some(group) if group.category == category => group.elements.push(label),
            _ => groups.push(DataGroupView {
                category: category.to_string(),
                elements: vec![label],
            }),
        }
    }
    groups
}

#[derive(Debug, Serialize)]
pub struct ReleaseView {
    pub date: DateView,
    /// The first sentence, which names the district: "Cedar Hollow CSD is giving notice
    /// of a data breach."
    pub opening: String,
    /// "MAMARONECK, New York".
    pub dateline: String,
    pub notice_url: String,
    pub contact: ContactView,
}

/// A dateline in wire style: the city in capitals, the state as written.
pub fn dateline(city: &str) -> String {
    match city.split_once(',') {
        Some((town, state)) => format!("{},{}", town.trim().to_uppercase(), state),
        None => city.trim().to_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_capitalise_the_city() {
        assert_eq!(dateline("Mamaroneck, New York"), "MAMARONECK, New York");
        assert_eq!(dateline("Danbury"), "DANBURY");
    }

    #[test]
    fn data_is_grouped_by_category_in_vocabulary_order() {
        let data = Known::Known(vec![
            "grades".into(),
            "student_name".into(),
            "date_of_birth".into(),
        ]);
        let theme = crate::theme::Theme::embedded();
        let english = Strings {
            own: &theme.strings["en"],
            english: &theme.strings["en"],
        };
        let groups = data_groups(&data, english);
        let categories: Vec<&str> = groups.iter().map(|g| g.category.as_str()).collect();
        assert_eq!(
            categories,
            ["Names and personal details", "Education records"]
        );
        assert_eq!(groups[0].elements, ["Student names", "Dates of birth"]);
        assert!(data_groups(&Known::Unknown, english).is_empty());
        let spanish = Strings {
            own: &theme.strings["es"],
            english: &theme.strings["en"],
        };
        let groups = data_groups(&data, spanish);
        assert_eq!(groups[0].category, "Nombres y datos personales");
        assert_eq!(
            groups[0].elements,
            ["Nombres de estudiantes", "Fechas de nacimiento"]
        );
    }
}

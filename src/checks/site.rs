//! The checks of the site as a whole: what a media release needs from site.toml, the
//! placeholders `init` writes, the theme's languages, and the translations a reader of
//! another language would miss.

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::{Incident, SiteData};
use crate::theme::Theme;
use crate::visibility::visibility;

/// A media release must give the posted notice's full web address and a dateline.
pub(super) fn media_release_addresses(
    site: &SiteData,
    published: &[&Incident],
    out: &mut Diagnostics,
) {
    let config = &site.config;
    for incident in published.iter().filter(|i| i.substitute_notice.is_some()) {
        if config.site.base_url.is_none() {
            out.push(
                Diagnostic::error(&incident.file, "a media release must give the full web address of the posted notice, and site.toml has no base_url")
                    .field("substitute_notice")
                    .at(&substitute_location(incident))
                    .hint("add base_url = \"https://www.your-district.org/data-breach/\" under [site] in site.toml"),
            );
        }
        if config.district.city.is_none() {
            out.push(
                Diagnostic::error(
                    &incident.file,
                    "a media release needs a dateline, and site.toml has no city",
                )
                .field("substitute_notice")
                .at(&substitute_location(incident))
                .hint("add city = \"Your Town, State\" under [district] in site.toml"),
            );
        }
    }
}

/// `breachpage init` writes placeholders; they must not reach the public unnoticed.
pub(super) fn init_placeholders(site: &SiteData, out: &mut Diagnostics) {
    let config = &site.config;
    let placeholders = [
        (
            "district.name",
            Some(config.district.name.as_str()),
            "Example School District",
        ),
        (
            "contact.email",
            config.contact.email.as_deref(),
            "your-district.org",
        ),
        (
            "contact.phone",
            config.contact.phone.as_deref(),
            "555-555-0100",
        ),
    ];
    if config.district.enrollment == Some(crate::config::INIT_ENROLLMENT) {
        out.push(
            Diagnostic::warning(
                "site.toml",
                "this is still the placeholder that `breachpage init` wrote",
            )
            .field("district.enrollment")
            .hint("write the number of students enrolled: the public list of breaches leaves off the smaller ones by it"),
        );
    }
    for (field, value, placeholder) in placeholders {
        if value.is_some_and(|v| v.contains(placeholder)) {
            out.push(
                Diagnostic::warning(
                    "site.toml",
                    "this is still the placeholder that `breachpage init` wrote",
                )
                .field(field)
                .hint("replace it with the district's real details before publishing"),
            );
        }
    }
}

/// Without `base_url`, the feed and the banner pasted into another site link nowhere.
pub(super) fn base_url(site: &SiteData, out: &mut Diagnostics) {
    if site.config.site.base_url.is_none() {
        out.push(
            Diagnostic::warning("site.toml", "[site] base_url is not set: the feed and the embeddable banner use relative links, which break when pasted into another site")
                .field("site.base_url")
                .hint("add base_url = \"https://www.your-district.org/data-breach/\" under [site]"),
        );
    }
}

/// Every language the site publishes needs the theme's interface text in it.
pub(super) fn theme_languages(site: &SiteData, theme: &Theme, out: &mut Diagnostics) {
    for code in site.config.languages() {
        if theme.strings.contains_key(code) {
            continue;
        }
        let key = if code == site.config.site.language {
            "site.language"
        } else {
            "site.languages"
        };
        out.push(
            Diagnostic::error("site.toml", format!("the theme has no interface text in the language \"{code}\""))
                .field(key)
                .expected(format!("one of: {}", theme.strings.keys().cloned().collect::<Vec<_>>().join(", ")))
                .hint("add a strings file for it: a translated copy of themes/default/strings/en.toml in strings/"),
        );
    }
}

/// Where the state's law mandates the notice's layout (California), a site that replaces
/// the theme files that make it must keep it itself: breachpage cannot read its CSS.
pub(super) fn mandated_format(site: &SiteData, theme: &Theme, out: &mut Diagnostics) {
    let Some(format) = &site.pack.notice_format else {
        return;
    };
    let replaced: Vec<&str> = ["notice.html", "notice-format.html"]
        .into_iter()
        .filter(|name| !theme.is_builtin_template(name))
        .chain((!theme.is_builtin_static("style.css")).then_some("style.css"))
        .collect();
    if replaced.is_empty() {
        return;
    }
    out.push(
        Diagnostic::warning(
            "site.toml",
            format!(
                "{} law mandates the notice's title \"{}\", its headings in order, plain language and type no smaller than {} points ({}); this site replaces {} of the theme, which must keep them",
                site.pack.name,
                format.title,
                format.min_font_size_pt,
                format.citation,
                replaced.join(", ")
            ),
        )
        .hint("compare your files with the default theme's (docs/webmaster.md, Themes), and print a notice to check the type size"),
    );
}

/// The site's own texts and the published notices, in each language beyond the first.
pub(super) fn translations(site: &SiteData, published: &[&Incident], out: &mut Diagnostics) {
    let languages = site.config.languages();
    let Some((default, others)) = languages.split_first() else {
        return;
    };
    for lang in others {
        let titled = site
            .config
            .site
            .translations
            .get(*lang)
            .and_then(|t| t.title.as_ref())
            .is_some();
        if !titled {
            out.push(
                Diagnostic::warning(
                    "site.toml",
                    format!("no `{lang}` translation of the site title; those pages show it in `{default}`"),
                )
                .field(format!("site.translations.{lang}.title"))
                .hint(format!("add [site.translations.{lang}] with title = \"...\"")),
            );
        }
        if !site.process_text.trim().is_empty() && !site.process_translations.contains_key(*lang) {
            out.push(
                Diagnostic::warning(
                    format!("content/_index.{lang}.md"),
                    format!("the process text has no `{lang}` translation; those pages show it in `{default}`"),
                )
                .hint(format!("write the translated text in content/_index.{lang}.md")),
            );
        }
        for incident in published {
            let (_, fallback) = incident.localized(lang, default);
            if fallback.is_empty() {
                continue;
            }
            let field = format!("translations.{lang}");
            let location = incident
                .locations
                .key(&field)
                .or_else(|| incident.locations.key("title"))
                .unwrap_or_default();
            out.push(
                Diagnostic::warning(
                    &incident.file,
                    format!(
                        "no `{lang}` translation of: {}; those pages show the `{default}` text, marked, with a note",
                        fallback.join(", "),
                    ),
                )
                .field(field)
                .at(&location)
                .hint(format!("add the translated fields under `translations:` then `{lang}:`")),
            );
        }
    }
}

/// The notices the public site shows today, in record order.
pub(super) fn published(site: &SiteData, today: NaiveDate) -> Vec<&Incident> {
    site.incidents
        .iter()
        .filter(|i| visibility(i, today).is_ok())
        .collect()
}

fn substitute_location(incident: &Incident) -> Location {
    incident
        .locations
        .key("substitute_notice")
        .unwrap_or_default()
}

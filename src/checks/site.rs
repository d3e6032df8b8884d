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

/// The most a logo may weigh: it is on every page, and parents read on phones.
pub(crate) const LOGO_MAX_BYTES: usize = 100 * 1024;

/// The logo file must be the kind of image its name says, and small.
pub(super) fn logo(site: &SiteData, out: &mut Diagnostics) {
    let Some(logo) = &site.logo else {
        return;
    };
    let config = &site.config;
    let at = config.location("site.logo");
    let found = image_kind(&logo.bytes);
    let expected = match logo.extension.as_str() {
        "jpg" | "jpeg" => "jpeg",
        other => other,
    };
    if found != Some(expected) {
        let found = match found {
            Some(kind) => format!("a {} image", kind.to_uppercase()),
            None => "not an image breachpage can publish".to_string(),
        };
        out.push(
            Diagnostic::error("site.toml", format!("the logo {} is named as a .{} file, but it is {found}", logo.file, logo.extension))
                .field("site.logo")
                .at(&at)
                .expected("a PNG, SVG, JPEG or WebP image whose file name ends the same way (.png, .svg, .jpg, .webp)")
                .hint("export the logo again as PNG or SVG from the program it was made in; renaming a file does not change its kind"),
        );
    }
    if found == Some("svg") {
        if let Some(active) = svg_active_content(&logo.bytes) {
            out.push(
                Diagnostic::error("site.toml", format!("the SVG logo {} holds {active}; the published site runs no scripts and loads nothing from another site", logo.file))
                    .field("site.logo")
                    .at(&at)
                    .hint("export the logo again as plain SVG (\"Optimized SVG\" or \"Plain SVG\"), or as PNG"),
            );
        }
    }
    if logo.bytes.len() > LOGO_MAX_BYTES {
        out.push(
            Diagnostic::error(
                "site.toml",
                format!(
                    "the logo {} is {} KB; it is on every page, and must be at most {} KB so that notices open quickly on a phone",
                    logo.file,
                    logo.bytes.len().div_ceil(1024),
                    LOGO_MAX_BYTES / 1024
                ),
            )
            .field("site.logo")
            .at(&at)
            .hint("save a smaller copy: it is shown at most 48 pixels tall, so about 400 pixels wide is plenty; SVG is smaller still"),
        );
    }
}

/// What kind of image `bytes` hold, from their first bytes: `png`, `jpeg`, `webp`, `svg`.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("png");
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some("jpeg");
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("webp");
    }
    let text = std::str::from_utf8(bytes).ok()?;
    // An SVG file is XML text: a declaration or comments may come before the <svg> tag.
    let start = text.trim_start_matches('\u{feff}').trim_start();
    (start.starts_with('<') && text.contains("<svg")).then_some("svg")
}

/// What in an SVG file would run or fetch something when the file is opened on its own
/// (in an `<img>` it would not): a script, an event handler, a reference to another site.
fn svg_active_content(bytes: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
    if text.contains("<script") || text.contains("javascript:") {
        return Some("a script");
    }
    // `onload=`, `onclick =`: an attribute whose name starts with "on", after a space.
    let handler = text.match_indices("on").any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let name_end = text[at + 2..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map(|end| at + 2 + end);
        before.is_some_and(char::is_whitespace)
            && name_end.is_some_and(|end| end > at + 2 && text[end..].trim_start().starts_with('='))
    });
    if handler {
        return Some("an event handler (a script)");
    }
    let external = [
        "href=\"http",
        "href='http",
        "href=\"//",
        "href='//",
        "url(http",
        "url(//",
        "url(\"http",
        "url('http",
        "@import",
    ];
    if external.iter().any(|needle| text.contains(needle)) {
        return Some("a reference to another site");
    }
    None
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
        let translated = site.config.site.translations.get(*lang);
        let mut missing = Vec::new();
        if translated.and_then(|t| t.title.as_ref()).is_none() {
            missing.push(("title", "the site title", "show it"));
        }
        if site.config.site.logo.is_some() && translated.and_then(|t| t.logo_alt.as_ref()).is_none()
        {
            missing.push(("logo_alt", "the logo's text (logo_alt)", "read it"));
        }
        for (key, what, how) in missing {
            out.push(
                Diagnostic::warning(
                    "site.toml",
                    format!("no `{lang}` translation of {what}; those pages {how} in `{default}`"),
                )
                .field(format!("site.translations.{lang}.{key}"))
                .hint(format!(
                    "add {key} = \"...\" under [site.translations.{lang}]"
                )),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_kinds_are_told_by_their_first_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(image_kind(png), Some("png"));
        assert_eq!(image_kind(&[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Some("jpeg"));
        assert_eq!(image_kind(b"RIFF\x24\0\0\0WEBPVP8 "), Some("webp"));
        let svg = "\u{feff}<?xml version=\"1.0\"?>\n<!-- crest -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert_eq!(image_kind(svg.as_bytes()), Some("svg"));
        assert_eq!(image_kind(b"GIF89a"), None);
        assert_eq!(image_kind(b"%PDF-1.7"), None);
        assert_eq!(image_kind(b"This is not <svg> at all"), None);
        assert_eq!(image_kind(b""), None);
    }

    #[test]
    fn svg_logos_that_would_run_or_fetch_something_are_found() {
        let plain = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><path id="p" d="M0 0"/><use href="#p"/><text font-family="Noto Sans">Lion on a crown</text></svg>"##;
        assert_eq!(svg_active_content(plain.as_bytes()), None);
        let cases = [
            (r#"<svg><script>alert(1)</script></svg>"#, "a script"),
            (
                r#"<svg><a href="javascript:alert(1)"><rect/></a></svg>"#,
                "a script",
            ),
            (r#"<svg onload="alert(1)"/>"#, "an event handler (a script)"),
            (
                "<svg><rect\n OnClick = 'x()'/></svg>",
                "an event handler (a script)",
            ),
            (
                r#"<svg><image href="https://cdn.example/crest.png"/></svg>"#,
                "a reference to another site",
            ),
            (
                r#"<svg><image xlink:href="//cdn.example/c.png"/></svg>"#,
                "a reference to another site",
            ),
            (
                r#"<svg><style>@import "https://fonts.example/f.css";</style></svg>"#,
                "a reference to another site",
            ),
            (
                r##"<svg><rect style="fill:url(https://x.example/#g)"/></svg>"##,
                "a reference to another site",
            ),
        ];
        for (svg, found) in cases {
            assert_eq!(svg_active_content(svg.as_bytes()), Some(found), "{svg}");
        }
    }
}

//! The fragments for the district's own site: `embed/banner.html` and
//! `embed/notices.html`. They are pasted into pages breachpage does not control, so they
//! must carry everything they need and nothing the host page could catch on. (The
//! browser suite in tests/browser checks how they look inside a hostile host page.)

use crate::common::{Site, NO_NOTIFICATIONS, TODAY_WORDS};

const BASE_URL: &str = "https://www.cedarhollow-schools.example/data-breach/";
const ACTIVE_TITLE: &str = "Student records exposed by a misconfigured export";
const RESOLVED_TITLE: &str = "Library app showed borrowing history to other users";

/// The opening tags of `html`: `(name, the whole tag)`.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("every tag is closed");
        let tag = &rest[..end];
        if !tag.starts_with('/') {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            out.push((name, format!("<{tag}>")));
        }
        rest = &rest[end..];
    }
    out
}

/// What every embed must be: one styled element tree, nothing page-level, nothing the
/// host's CSS could select by class, ids that cannot clash, links that work anywhere.
fn assert_self_contained(html: &str, base: &str) {
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "<style", "<link", "<img", "<iframe", " class=", " onclick", "<html", "<body",
        "<main", "<h1",
    ] {
        assert!(!lower.contains(forbidden), "{forbidden} in\n{html}");
    }
    let tags = tags(html);
    assert!(!tags.is_empty());
    for (name, tag) in &tags {
        assert!(
            tag.contains(" style=\""),
            "<{name}> has no inline style: {tag}"
        );
        if let Some(at) = tag.find(" id=\"") {
            assert!(
                tag[at + 5..].starts_with("breachpage-"),
                "an id the host page could also use: {tag}"
            );
        }
        if let Some(at) = tag.find(" href=\"") {
            assert!(
                tag[at + 7..].starts_with(base),
                "a link that breaks outside the site: {tag}"
            );
        }
    }
    // The outermost element shuts out what the host page would pass down, and says
    // which language it is in.
    let (_, root) = &tags[0];
    assert!(root.contains("style=\"all:initial;"), "{root}");
    assert!(root.contains(" lang=\""), "{root}");
}

#[test]
fn the_notice_list_embed_lists_current_and_past_notices_self_contained() {
    let site = Site::new("full-ny");
    site.build().success();
    let html = site.out("embed/notices.html");
    assert_self_contained(&html, BASE_URL);
    let current = html.find("Current notifications").expect("current heading");
    let past = html.find("Past notifications").expect("past heading");
    let active = html.find(ACTIVE_TITLE).expect("the current notice");
    let resolved = html.find(RESOLVED_TITLE).expect("the past notice");
    assert!(
        current < active && active < past && past < resolved,
        "{html}"
    );
    assert!(html.contains(&format!(
        "href=\"{BASE_URL}notices/2026-11-10-sis-export/\""
    )));
    assert!(html.contains("<time datetime=\"2026-11-12\""), "{html}");
    // Withheld notices stay out of every embed.
    for withheld in ["Heldback", "Quietdraft", "Laterdate"] {
        assert!(!html.contains(withheld), "{withheld}");
        assert!(!site.out("embed/banner.html").contains(withheld));
    }
    assert_self_contained(&site.out("embed/banner.html"), BASE_URL);
}

#[test]
fn the_notice_list_embed_gives_the_dated_all_clear() {
    let site = Site::new("empty-ny");
    site.build().success();
    let html = site.out("embed/notices.html");
    // Without base_url the links are relative (the build warns about it).
    assert_self_contained(&html, "");
    assert!(html.contains(NO_NOTIFICATIONS), "{html}");
    assert!(html.contains(TODAY_WORDS), "{html}");
    assert!(html.contains("There are no past notifications."), "{html}");
}

#[test]
fn each_language_has_its_own_embeds() {
    let site = Site::new("spanish");
    site.build().success();
    let base = "https://www.sycamorebend-schools.example/data-breach/";
    for (page, lang, prefix) in [
        ("embed/notices.html", "en", ""),
        ("embed/banner.html", "en", ""),
        ("es/embed/notices.html", "es", "es/"),
        ("es/embed/banner.html", "es", "es/"),
    ] {
        let html = site.out(page);
        assert_self_contained(&html, &format!("{base}{prefix}"));
        assert!(
            html.contains(&format!(" lang=\"{lang}\"")),
            "{page}: {html}"
        );
    }
    let spanish = site.out("es/embed/notices.html");
    assert!(spanish.contains("Avisos actuales"), "{spanish}");
    assert!(
        spanish.contains("La aplicación del autobús mostró las paradas de los estudiantes"),
        "{spanish}"
    );
    // The untranslated notice is listed in English, marked as such for screen readers.
    assert!(
        spanish.contains(" lang=\"en\" style=")
            && spanish.contains("Gradebook emails sent to the wrong parents"),
        "{spanish}"
    );
}

#[test]
fn a_theme_without_the_notice_list_template_still_builds() {
    let site = Site::new("full-ny");
    // A theme of its own, made before embed/notices.html existed: every other template.
    let theme = breachpage::theme::Theme::embedded();
    for (name, template) in &theme.templates {
        if name != "embed-notices.html" {
            site.write(&format!("themes/old/templates/{name}"), &template.text);
        }
    }
    site.edit(
        "site.toml",
        "language = \"en\"",
        "language = \"en\"\ntheme = \"old\"",
    );
    for (language, strings) in &theme.strings {
        site.write(
            &format!("themes/old/strings/{language}.toml"),
            &toml::to_string(strings).unwrap(),
        );
    }
    for (name, bytes) in &theme.statics {
        site.write(
            &format!("themes/old/static/{name}"),
            std::str::from_utf8(bytes).unwrap(),
        );
    }
    site.build().success();
    assert!(site.public().join("embed/banner.html").exists());
    assert!(!site.public().join("embed/notices.html").exists());
}

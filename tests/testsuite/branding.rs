//! Branding and the small things a district notices: a logo and an accent colour from
//! site.toml, the title once at the top of the index, link previews, the media release's
//! first sentence, a printed notice as a letter, readable addresses for Spanish titles.

use std::fs;

use crate::common::{Site, TODAY};

/// A real 1×1 PNG image.
const PNG: [u8; 69] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90, 0x8d, 0xb3, 0x02,
    0x00, 0x01, 0x51, 0x00, 0xb6, 0x28, 0x19, 0xde, 0xbd, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

const NOTICE: &str = "notices/2026-11-10-sis-export/index.html";
const BASE: &str = "https://www.cedarhollow-schools.example/data-breach/";

/// The full New York site with `settings` added under [site].
fn branded(settings: &str) -> Site {
    let site = Site::new("full-ny");
    site.edit(
        "site.toml",
        "language = \"en\"\n",
        &format!("language = \"en\"\n{settings}"),
    );
    site
}

fn put(site: &Site, relative: &str, bytes: &[u8]) {
    let path = site.path(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_logo_is_published_on_every_page_with_its_text() {
    let site = branded("logo = \"static/crest.png\"\nlogo_alt = \"Cedar Hollow crest\"\n");
    put(&site, "static/crest.png", &PNG);
    site.build().success();
    assert_eq!(fs::read(site.public().join("logo.png")).unwrap(), PNG);
    let index = site.out("index.html");
    assert!(
        index.contains("<img class=\"logo\" src=\"./logo.png\" alt=\"Cedar Hollow crest\">"),
        "{index}"
    );
    let notice = site.out(NOTICE);
    assert!(
        notice.contains("<img class=\"logo\" src=\"../../logo.png\" alt=\"Cedar Hollow crest\">")
    );
    // A link preview shows it, by its full address.
    assert!(notice.contains(&format!(
        "<meta property=\"og:image\" content=\"{BASE}logo.png\">"
    )));
    assert!(notice.contains("<meta property=\"og:image:alt\" content=\"Cedar Hollow crest\">"));
}

#[test]
fn a_missing_logo_file_is_named_with_its_setting_and_line() {
    let site = branded("logo = \"static/crest.png\"\nlogo_alt = \"Cedar Hollow crest\"\n");
    let (code, report) = site.check_json();
    assert_eq!(code, 1, "{report}");
    let text = report.to_string();
    assert!(
        text.contains("there is no logo file static/crest.png in the site folder"),
        "{text}"
    );
    assert!(text.contains("\"field\":\"site.logo\""), "{text}");
    assert!(text.contains("\"line\":12"), "{text}");
    assert!(site.build().code != 0);
    assert!(!site.public().exists(), "nothing is published");
}

#[test]
fn a_logo_of_the_wrong_kind_or_too_large_is_refused() {
    // A GIF renamed to .png.
    let site = branded("logo = \"static/crest.png\"\nlogo_alt = \"Crest\"\n");
    put(&site, "static/crest.png", b"GIF89a\x01\x00\x01\x00");
    let run = site.run(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("named as a .png file, but it is not an image breachpage can publish"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("site.toml:12"), "{}", run.stderr);
    // A JPEG named .svg says what it is.
    put(&site, "static/crest.png", &[0xff, 0xd8, 0xff, 0xe0]);
    let run = site.run(&["check", "--today", TODAY]);
    assert!(
        run.stderr.contains("but it is a JPEG image"),
        "{}",
        run.stderr
    );
    // A real PNG of 300 KB.
    let mut large = PNG.to_vec();
    large.resize(300 * 1024, 0);
    put(&site, "static/crest.png", &large);
    let run = site.run(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is 300 KB"), "{}", run.stderr);
    assert!(run.stderr.contains("at most 100 KB"), "{}", run.stderr);
    // A folder where the file should be.
    fs::remove_file(site.path("static/crest.png")).unwrap();
    fs::create_dir_all(site.path("static/crest.png")).unwrap();
    let run = site.run(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("this is a folder, not an image file"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_svg_logo_is_published_but_not_offered_to_link_previews() {
    let site = branded("logo = \"brand/Crest.SVG\"\nlogo_alt = \"Crest\"\n");
    put(&site, "brand/Crest.SVG", b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n");
    site.build().success();
    assert!(site.public().join("logo.svg").exists());
    assert!(!site.out(NOTICE).contains("og:image"));
}

#[test]
fn the_accent_colour_is_set_once_for_the_stylesheet() {
    let site = branded("accent_color = \"#1D5E3A\"\n");
    site.build().success();
    for page in ["index.html", NOTICE] {
        let html = site.out(page);
        assert_eq!(
            html.matches("<style>:root { --accent: #1d5e3a; }</style>")
                .count(),
            1,
            "{page}"
        );
    }
    assert!(site.out("style.css").contains("--link: var(--accent);"));
    // Without the setting, the theme's own colour stays.
    let plain = Site::new("full-ny");
    plain.build().success();
    assert!(!plain.out("index.html").contains("<style>"));
}

#[test]
fn a_light_accent_colour_is_refused_before_anything_is_published() {
    let site = branded("accent_color = \"#ff9900\"\n");
    let run = site.build();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("site.toml:12"), "{}", run.stderr);
    assert!(run.stderr.contains("contrast ratio of"), "{}", run.stderr);
    assert!(
        run.stderr.contains("a darker shade, such as \"#"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
}

#[test]
fn the_index_shows_the_site_title_once_at_the_top() {
    let site = Site::new("full-ny");
    site.build().success();
    let index = site.out("index.html");
    let body = &index[index.find("<body>").unwrap()..];
    assert_eq!(
        body.matches("Data Breach Notification").count(),
        1,
        "{body}"
    );
    assert!(body.contains("<h1>Data Breach Notification</h1>"));
    // Other pages keep the title in the header: it leads back to the list.
    assert!(site
        .out(NOTICE)
        .contains("<p class=\"site-title\"><a href=\"../../\">Data Breach Notification</a></p>"));
}

#[test]
fn notice_pages_and_the_index_carry_link_previews() {
    let site = Site::new("full-ny");
    site.build().success();
    let notice = site.out(NOTICE);
    for meta in [
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\" content=\"Student records exposed by a misconfigured export\">",
        "<meta property=\"og:description\" content=\"A misconfigured nightly export made student records readable by outsiders.\">",
        "<meta property=\"og:site_name\" content=\"Cedar Hollow Central School District\">",
        "<meta property=\"og:url\" content=\"https://www.cedarhollow-schools.example/data-breach/notices/2026-11-10-sis-export/\">",
    ] {
        assert!(notice.contains(meta), "{meta}");
    }
    let index = site.out("index.html");
    assert!(index.contains("<meta property=\"og:type\" content=\"website\">"));
    assert!(index.contains("<meta property=\"og:title\" content=\"Data Breach Notification\">"));
    assert!(index.contains("<meta property=\"og:description\" content=\"Data breach notifications from Cedar Hollow Central School District:"));
    assert!(index.contains(&format!("<meta property=\"og:url\" content=\"{BASE}\">")));
    // The media release is not a notice: it has no preview of its own.
    assert!(!site
        .out("notices/2026-11-10-sis-export/media-release/index.html")
        .contains("og:"));
}

#[test]
fn without_base_url_link_previews_have_no_address() {
    let site = Site::new("full-ny");
    site.edit(
        "site.toml",
        "base_url = \"https://www.cedarhollow-schools.example/data-breach/\"\n",
        "",
    );
    site.edit(
        "content/incidents/2026-11-10-sis-export.yaml",
        "substitute_notice:\n  reason: count\n",
        "",
    );
    site.build().success();
    let notice = site.out(NOTICE);
    assert!(notice.contains("<meta property=\"og:title\""));
    assert!(!notice.contains("og:url"));
}

#[test]
fn the_media_release_names_the_district_in_its_first_sentence() {
    let site = Site::new("full-ny");
    site.build().success();
    let release = site.out("notices/2026-11-10-sis-export/media-release/index.html");
    assert!(release.contains("<p class=\"lead\"><strong>CEDAR HOLLOW, New York</strong> – Cedar Hollow Central School District is giving notice of a data breach. A misconfigured nightly export"), "{release}");
    let text = site.out("notices/2026-11-10-sis-export/media-release.txt");
    let first = text
        .lines()
        .find(|line| line.starts_with("CEDAR HOLLOW"))
        .unwrap();
    let sentence = first.split(". ").next().unwrap();
    assert!(
        sentence.contains("Cedar Hollow Central School District"),
        "{first}"
    );
}

#[test]
fn a_printed_notice_is_a_letter_from_the_contact() {
    let site = Site::new("full-ny");
    site.build().success();
    let notice = site.out(NOTICE);
    let head = &notice[notice
        .find("<div class=\"letter-head print-only\">")
        .expect("letter head")..];
    let head = &head[..head.find("</div>").unwrap()];
    assert!(head.contains("<p class=\"letter-address\">Cedar Hollow CSD, 12 Orchard Road, Cedar Hollow, NY 10990</p>"), "{head}");
    // Last updated on November 19 (the record's `updated`).
    assert!(
        head.contains("<time datetime=\"2026-11-19\">November 19, 2026</time>"),
        "{head}"
    );
    assert!(
        head.contains("<p class=\"letter-salutation\">Dear parents and guardians,</p>"),
        "{head}"
    );
    let signature = &notice[notice
        .find("<div class=\"letter-signature print-only\">")
        .expect("signature")..];
    let signature = &signature[..signature.find("</div>").unwrap()];
    assert!(signature.contains("<p>Sincerely,</p>"));
    assert!(signature.contains("<strong>Morgan Reyes</strong><br>Data Privacy Officer<br>Cedar Hollow Central School District"), "{signature}");
    // A breach of staff records is addressed to the staff, one of both to both.
    for (groups, salutation) in [
        ("[staff, teachers]", "Dear staff members,"),
        (
            "[students, principals]",
            "Dear parents, guardians and staff members,",
        ),
    ] {
        let other = Site::new("full-ny");
        other.edit(
            "content/incidents/2026-11-10-sis-export.yaml",
            "groups: [students, parents]",
            &format!("groups: {groups}"),
        );
        other.build().success();
        let letter = format!("<p class=\"letter-salutation\">{salutation}</p>");
        assert!(other.out(NOTICE).contains(&letter), "{groups}");
    }
    // The stylesheet shows the letter's parts in print only.
    let css = site.out("style.css");
    assert!(css.contains(".print-only { display: none; }"));
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains(".print-only { display: block; }"));
}

#[test]
fn a_spanish_letter_greets_in_spanish_and_alternates_are_absolute() {
    let site = Site::new("bilingual");
    site.build().success();
    let es = site.out("es/notices/2026-11-10-lunch-accounts/index.html");
    assert!(
        es.contains("<p class=\"letter-salutation\">Estimados padres, madres y tutores:</p>"),
        "{es}"
    );
    assert!(es.contains("<p>Atentamente,</p>"));
    assert!(
        es.contains("<br>Oficial de Privacidad de Datos<br>"),
        "the contact's title in Spanish"
    );
    let base = "https://www.willowcreek-schools.example/data-breach/";
    for (lang, path) in [("en", ""), ("es", "es/"), ("x-default", "")] {
        let link = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{base}{path}notices/2026-11-10-lunch-accounts/\">");
        assert!(es.contains(&link), "{link}");
    }
    assert!(es.contains(&format!(
        "<meta property=\"og:url\" content=\"{base}es/notices/2026-11-10-lunch-accounts/\">"
    )));
    assert!(es.contains("<meta property=\"og:title\" content=\"Acceso sin permiso al sistema de cuentas del comedor\">"));
}

#[test]
fn a_script_in_an_svg_logo_is_refused_and_its_text_wants_a_translation() {
    let site = Site::new("bilingual");
    site.edit(
        "site.toml",
        "languages = [\"en\", \"es\"]\n",
        "languages = [\"en\", \"es\"]\nlogo = \"brand/crest.svg\"\nlogo_alt = \"Willow Creek crest\"\n",
    );
    put(&site, "brand/crest.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>");
    let run = site.run(&["check", "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("holds an event handler (a script)"),
        "{}",
        run.stderr
    );
    put(
        &site,
        "brand/crest.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\"/></svg>",
    );
    let run = site.run(&["check", "--today", TODAY]).success();
    assert!(
        run.stderr
            .contains("no `es` translation of the logo's text"),
        "{}",
        run.stderr
    );
    site.build().success();
    // The Spanish pages read the English text, until it is translated.
    assert!(site.out("es/index.html").contains(
        "<img class=\"logo\" src=\"../logo.svg\" alt=\"Willow Creek crest\" lang=\"en\">"
    ));
    site.edit(
        "site.toml",
        "[site.translations.es]\n",
        "[site.translations.es]\nlogo_alt = \"Escudo de Willow Creek\"\n",
    );
    let run = site.run(&["check", "--today", TODAY]).success();
    assert!(!run.stderr.contains("logo's text"), "{}", run.stderr);
    site.build().success();
    assert!(site
        .out("es/index.html")
        .contains("alt=\"Escudo de Willow Creek\">"));
    assert!(site
        .out("index.html")
        .contains("alt=\"Willow Creek crest\">"));
}

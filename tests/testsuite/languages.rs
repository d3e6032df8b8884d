//! Sites in several languages: `[site] languages = ["en", "es"]`.

use crate::common::{Site, TODAY};

fn built() -> Site {
    let site = Site::new("bilingual");
    site.build().success();
    site
}

const NOTICE: &str = "notices/2026-11-10-lunch-accounts/index.html";
const PAST: &str = "notices/2025-05-01-library-app/index.html";

#[test]
fn each_further_language_is_built_under_its_code() {
    let site = built();
    let index = site.out("es/index.html");
    assert!(
        index.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"),
        "{}",
        &index[..80]
    );
    assert!(index.contains("<h1>Aviso de filtración de datos</h1>"));
    assert!(index.contains("Si el distrito se entera de una filtración"));
    assert!(index.contains("Avisos actuales"));
    assert!(site
        .out("index.html")
        .starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for page in [NOTICE, PAST, "feed.xml", "embed/banner.html"] {
        assert!(site.public().join("es").join(page).exists(), "es/{page}");
    }
    // One data file for both languages.
    assert!(!site.public().join("es/notices.json").exists());
    // The stylesheet is shared.
    assert!(index.contains("href=\"../style.css\""));
}

#[test]
fn translated_texts_and_dates_are_in_the_reader_language() {
    let site = built();
    let page = site.out(&format!("es/{NOTICE}"));
    assert!(page.contains("<h1>Acceso sin permiso al sistema de cuentas del comedor</h1>"));
    assert!(page.contains("Una persona no autorizada entró en el sistema"));
    assert!(page.contains("Se enviaron cartas a todas las familias."));
    assert!(page.contains("<time datetime=\"2026-11-12\">12 de noviembre de 2026</time>"));
    assert!(
        page.contains("Nombres de estudiantes"),
        "data labels are translated"
    );
    assert!(page.contains("Aproximadamente 1,250"));
    assert!(page.contains("padres, madres y tutores"));
    assert!(page.contains("Qué puede hacer usted"));
    assert!(
        page.contains("Revise sus cuentas."),
        "the Spanish default guidance"
    );
    assert!(!page.contains("untranslated"), "fully translated: no note");
    assert!(
        page.contains("Oficial de Privacidad de Datos"),
        "the contact title is translated"
    );
    assert!(site.out(NOTICE).contains("Data Privacy Officer"));
}

#[test]
fn a_missing_translation_falls_back_marked_and_with_a_note() {
    let site = built();
    let page = site.out(&format!("es/{PAST}"));
    assert!(
        page.contains("<h1 lang=\"en\">Library app exposed reading lists</h1>"),
        "{page}"
    );
    assert!(page.contains("<div lang=\"en\"><p>A setting in the library app was wrong.</p>"));
    assert!(page.contains("Parte de este aviso aún no está traducida al español"));
    let index = site.out("es/index.html");
    assert!(
        index.contains("lang=\"en\">Library app exposed reading lists</a>"),
        "{index}"
    );
    let run = site.run(&["check", "--today", TODAY]).success();
    assert!(
        run.stderr
            .contains("no `es` translation of: title, summary, description, investigation"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_page_links_its_other_languages() {
    let site = built();
    let en = site.out(NOTICE);
    // The links in the head are absolute, as search engines want them.
    assert!(en.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://www.willowcreek-schools.example/data-breach/es/notices/2026-11-10-lunch-accounts/\">"), "{en}");
    assert!(en.contains("<a href=\"../../es/notices/2026-11-10-lunch-accounts/\" lang=\"es\" hreflang=\"es\">Español</a>"));
    let es = site.out(&format!("es/{NOTICE}"));
    assert!(es.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.willowcreek-schools.example/data-breach/notices/2026-11-10-lunch-accounts/\">"), "{es}");
    assert!(es.contains("aria-current=\"page\">Español</a>"));
}

#[test]
fn each_language_has_its_own_feed() {
    let site = built();
    let feed = site.out("es/feed.xml");
    assert!(feed.contains("xml:lang=\"es\""));
    assert!(feed.contains("<title>Acceso sin permiso al sistema de cuentas del comedor</title>"));
    assert!(feed.contains(
        "https://www.willowcreek-schools.example/data-breach/es/notices/2026-11-10-lunch-accounts/"
    ));
    assert!(site
        .out("feed.xml")
        .contains("<title>Lunch account system viewed without permission</title>"));
}

#[test]
fn the_spanish_all_clear_is_dated_in_words() {
    let site = Site::new("bilingual");
    site.edit(
        "content/incidents/2026-11-10-lunch-accounts.yaml",
        "status: active",
        "status: resolved",
    );
    site.build().success();
    let index = site.out("es/index.html");
    assert!(index.contains("En este momento no hay avisos."));
    assert!(
        index.contains("al <time datetime=\"2026-11-22\">22 de noviembre de 2026</time>"),
        "{index}"
    );
}

#[test]
fn a_language_without_interface_text_is_refused() {
    let site = Site::new("bilingual");
    site.edit(
        "site.toml",
        "languages = [\"en\", \"es\"]",
        "languages = [\"en\", \"fr\"]",
    );
    let run = site.build().expect_code(1);
    assert!(
        run.stderr
            .contains("no interface text in the language \"fr\""),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
}

#[test]
fn the_spanish_media_release_points_at_the_spanish_notice() {
    let site = Site::new("bilingual");
    site.edit(
        "content/incidents/2026-11-10-lunch-accounts.yaml",
        "notified:\n",
        "substitute_notice:\n  reason: insufficient_contact\nnotified:\n",
    );
    site.build().success();
    let release = site.out("es/notices/2026-11-10-lunch-accounts/media-release.txt");
    assert!(release.contains("PARA PUBLICACIÓN INMEDIATA"), "{release}");
    // The first sentence names the district, in Spanish.
    assert!(
        release.contains("WILLOW CREEK, New York – Willow Creek Central School District informa de una filtración de datos. Alguien vio"),
        "{release}"
    );
    assert!(
        release.contains("https://www.willowcreek-schools.example/data-breach/es/notices/2026-11-10-lunch-accounts/"),
        "{release}"
    );
}

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
    assert!(page.contains("Qué debe hacer ahora"));
    assert!(
        page.contains("Tenga cuidado con los mensajes que usen esta información."),
        "the Spanish step for student records"
    );
    assert!(
        page.contains("href=\"https://consumidor.ftc.gov/articulos/como-reconocer-y-evitar-las-estafas-de-phishing\""),
        "the Spanish version of the federal page"
    );
    assert!(
        page.contains("href=\"https://www.robodeidentidad.gov\""),
        "the FTC's Spanish site among the agencies"
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

// ---- one incident, several groups (tests/fixtures/multi-group) ---------------------------

const GROUPS: &str = "notices/2026-10-28-sis-vendor/index.html";
const GROUPS_RECORD: &str = "content/incidents/2026-10-28-sis-vendor.yaml";

fn position(page: &str, text: &str) -> usize {
    page.find(text)
        .unwrap_or_else(|| panic!("{text:?} is not on the page"))
}

#[test]
fn a_notice_of_several_groups_opens_with_the_help_line_and_what_to_do_now() {
    let site = Site::new("multi-group");
    site.build().success();
    let page = site.out(GROUPS);
    // The help line, then what to do now (each group's offer, then the steps its data
    // calls for), then the rest.
    let order = [
        "<h1>Student information system vendor breach</h1>",
        "<h2 id=\"help-line\">Help line for this incident</h2>",
        "<a href=\"tel:+18335550142\">833-555-0142</a>",
        "<h2 id=\"do-now\">What you should do now</h2>",
        "Free identity protection for students",
        "identity protection for minors through Harbor Identity",
        "Free identity protection for staff",
        "credit monitoring and identity restoration",
        "Freeze your credit, or place a fraud alert.",
        "Check your health benefit statements.",
        "Watch for messages that use this information.",
        "<h2 id=\"on-this-page\">On this page</h2>",
        "<h2 id=\"what-happened\">",
        "Information involved for staff",
        "<h2 id=\"notifying\">How we are notifying you</h2>",
        "<h3 id=\"faq-1\">How do I know if my child was affected?</h3>",
        "<a href=\"https://www.ledgerline.example/incident\">Ledgerline&#39;s notice about the incident</a>",
    ];
    let mut last = 0;
    for text in order {
        let at = position(&page, text);
        assert!(at > last, "{text:?} is out of order");
        last = at;
    }
    // No password or bank account was involved: no step for them.
    assert!(!page.contains("Change your password"));
    assert!(!page.contains("Call your bank"));
    // The total is the groups' sum: 6,412 + 9,150 + 812.
    assert!(page.contains("About 16,374"), "{page}");
    assert!(page.contains("staff: About 812"));

    // The data file carries the groups' own facts and the help line.
    let json: serde_json::Value = serde_json::from_str(&site.out("notices.json")).unwrap();
    let notice = &json["notices"][0];
    assert_eq!(notice["affected"]["count"], 16374);
    assert_eq!(notice["affected"]["by_group"][2]["group"], "staff");
    assert_eq!(notice["affected"]["by_group"][2]["count"], 812);
    assert_eq!(
        notice["affected"]["by_group"][1]["identity_protection"],
        serde_json::Value::Null
    );
    assert_eq!(notice["help_line"]["phone"], "833-555-0142");
    assert_eq!(notice["faq"].as_array().unwrap().len(), 4);

    // Every text in Spanish; nothing marked as untranslated.
    let es = site.out(&format!("es/{GROUPS}"));
    for text in [
        "Línea de ayuda para este incidente",
        "De lunes a viernes, de 9:00 a 21:00 (hora del Este), salvo días festivos",
        "Protección de identidad gratuita para estudiantes",
        "protección de identidad para menores",
        "vigilancia del crédito y restauración de la identidad",
        "Rutas de autobús y saldos de las cuentas del comedor escolar.",
        "¿Cómo sé si mi hijo se vio afectado?",
        "Si no recibió una carta ni un correo electrónico del distrito antes del 20 de noviembre",
        "https://consumidor.ftc.gov/articulos/s0171-robo-de-identidad-medica",
    ] {
        assert!(es.contains(text), "{text}");
    }
    assert!(
        !es.contains("class=\"untranslated\""),
        "fully translated: no note"
    );
    assert!(!es.contains("lang=\"en\">identity"));

    // A question left untranslated is shown in English, marked, and `check` names it.
    site.edit(
        GROUPS_RECORD,
        "      - question: ¿Por qué usaba el distrito esta empresa?\n        answer: Ledgerline administra el sistema de información estudiantil de muchos distritos de Nueva York. El distrito está revisando su contrato.\n",
        "",
    );
    site.edit(
        GROUPS_RECORD,
        "      hours: De lunes a viernes, de 9:00 a 21:00 (hora del Este), salvo días festivos\n",
        "",
    );
    let (_, json) = site.check_json();
    let warning = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["field"] == "translations.es")
        .expect("a warning about the translation");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("help_line.hours, faq"),
        "{warning}"
    );
    site.build().success();
    let es = site.out(&format!("es/{GROUPS}"));
    assert!(
        es.contains(
            "<div lang=\"en\">\n<h3 id=\"faq-4\">Why did the district use this company?</h3>"
        ),
        "{es}"
    );
    assert!(es.contains(
        "<dd lang=\"en\">Monday to Friday, 9 a.m. to 9 p.m. Eastern, except holidays</dd>"
    ));
    assert!(
        es.contains("<dd>Inglés y español</dd>"),
        "the translated languages stay unmarked"
    );
}

#[test]
fn the_media_release_gives_the_help_line_first() {
    let site = Site::new("multi-group");
    site.edit(
        GROUPS_RECORD,
        "notified:\n",
        "substitute_notice:\n  reason: insufficient_contact\nnotified:\n",
    );
    site.build().success();
    for (lang, heading, what) in [
        ("", "Help line for this incident", "<h2>What happened</h2>"),
        (
            "es/",
            "Línea de ayuda para este incidente",
            "<h2>Qué pasó</h2>",
        ),
    ] {
        let release = site.out(&format!(
            "{lang}notices/2026-10-28-sis-vendor/media-release/index.html"
        ));
        assert!(
            position(&release, heading) < position(&release, what),
            "{release}"
        );
        assert!(release.contains("833-555-0142"));
    }
    let text = site.out("notices/2026-10-28-sis-vendor/media-release.txt");
    assert!(
        position(&text, "Help line for this incident: 833-555-0142")
            < position(&text, "WHAT HAPPENED"),
        "{text}"
    );
}

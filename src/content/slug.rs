//! A notice's web address is its record's file name: lowercase ASCII letters, digits
//! and single hyphens. `breachpage new` makes one from the title, in any language.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// A slug is lowercase ASCII letters, digits and single hyphens; the error is a fixed one.
pub fn check_slug(stem: &str) -> Result<(), String> {
    let valid = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !stem.starts_with('-')
        && !stem.ends_with('-')
        && !stem.contains("--");
    if valid {
        return Ok(());
    }
    Err(slugify(stem))
}

/// `Phishing Email (Jan)` → `phishing-email-jan`; `Filtración de datos` →
/// `filtracion-de-datos`. An ASCII title gives the slug it always gave: a changed
/// address would break the links already sent to parents.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in transliterate(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "incident".to_string()
    } else {
        slug
    }
}

/// Latin letters with diacritics as plain ASCII letters (`ñ` → `n`, `ß` → `ss`); other
/// characters as they are. Compatibility decomposition splits accented letters (and
/// ligatures such as `ﬁ`) into base and marks, and the marks are dropped; the table
/// holds the letters that do not decompose.
fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' => out.push_str("ss"),
            'ẞ' => out.push_str("SS"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'đ' | 'ð' => out.push('d'),
            'Đ' | 'Ð' => out.push('D'),
            'þ' => out.push_str("th"),
            'Þ' => out.push_str("TH"),
            'ı' => out.push('i'),
            'ħ' => out.push('h'),
            'Ħ' => out.push('H'),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_checked_and_suggested() {
        assert!(check_slug("2025-01-08-sis-breach").is_ok());
        assert_eq!(check_slug("SIS Breach").unwrap_err(), "sis-breach");
        assert_eq!(check_slug("a--b").unwrap_err(), "a-b");
        assert_eq!(slugify("Phishing Email (Jan)"), "phishing-email-jan");
        assert_eq!(slugify("!!!"), "incident");
    }

    #[test]
    fn accented_titles_get_readable_addresses() {
        let cases = [
            ("Filtración de datos", "filtracion-de-datos"),
            (
                "Niños y niñas: acceso no autorizado",
                "ninos-y-ninas-acceso-no-autorizado",
            ),
            (
                "Correo electrónico — suplantación",
                "correo-electronico-suplantacion",
            ),
            ("Élève, façade, naïve, Über", "eleve-facade-naive-uber"),
            (
                "Straße Æsir Øst Œuvre Łódź",
                "strasse-aesir-ost-oeuvre-lodz",
            ),
            ("Ðiđa þing", "dida-thing"),
            ("ÁÉÍÓÚÜÑ", "aeiouun"),
            ("ﬁle №5", "file-no5"),
        ];
        for (title, slug) in cases {
            assert_eq!(slugify(title), slug, "{title}");
            assert!(check_slug(slug).is_ok(), "{slug}");
        }
        assert_eq!(check_slug("filtración").unwrap_err(), "filtracion");
    }

    #[test]
    fn letters_without_a_latin_form_are_dropped_as_before() {
        assert_eq!(slugify("Утечка данных 2026"), "2026");
        assert_eq!(slugify("数据泄露"), "incident");
    }

    /// The addresses of notices already published come from ASCII titles: each keeps
    /// the slug the rule before transliteration gave.
    #[test]
    fn ascii_titles_keep_their_addresses() {
        fn before(text: &str) -> String {
            let mut slug = String::new();
            for c in text.chars() {
                if c.is_ascii_alphanumeric() {
                    slug.push(c.to_ascii_lowercase());
                } else if !slug.ends_with('-') && !slug.is_empty() {
                    slug.push('-');
                }
            }
            let slug = slug.trim_end_matches('-').to_string();
            if slug.is_empty() {
                "incident".to_string()
            } else {
                slug
            }
        }
        let mut titles: Vec<String> = [
            "SIS export",
            "  Phishing -- email (Jan 2026)!  ",
            "Bus app: 1,200 records",
            "A_B.C/D\\E",
            "---",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Every printable ASCII character, alone and between words.
        titles.extend((0x20u8..0x7f).map(|b| format!("x{}y", b as char)));
        titles.extend((0x20u8..0x7f).map(|b| (b as char).to_string()));
        for title in titles {
            assert_eq!(slugify(&title), before(&title), "{title:?}");
        }
    }
}

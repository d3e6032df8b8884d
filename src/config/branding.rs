//! The branding settings of `[site]`: the logo's file name and alt text, and the accent
//! colour, which must keep text readable (WCAG 2.1 AA). Whether the logo file is there
//! and is an image is checked once the site is loaded (`checks::site::logo`).

use std::path::{Component, Path};

use super::SiteSection;
use crate::contrast::{self, Rgb};

/// The kinds of logo file accepted, by extension.
const LOGO_EXTENSIONS: [&str; 5] = ["png", "svg", "jpg", "jpeg", "webp"];

/// The logo's extension, lowercased, when it is one of [`LOGO_EXTENSIONS`].
pub fn logo_extension(path: &str) -> Option<String> {
    let extension = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    LOGO_EXTENSIONS
        .contains(&extension.as_str())
        .then_some(extension)
}

/// Where the site publishes the logo `file` names: `logo.png`, beside the stylesheet.
pub fn logo_output_path(file: &str) -> Option<String> {
    Some(format!("logo.{}", logo_extension(file)?))
}

/// Takes a problem as (key, message, expected, found).
type Report<'a> = dyn FnMut(&str, String, &str, Option<&str>) + 'a;

/// Reports each problem of the branding settings.
pub(super) fn check(site: &SiteSection, problem: &mut Report) {
    if let Some(logo) = &site.logo {
        let inside = !logo.trim().is_empty()
            && Path::new(logo)
                .components()
                .all(|part| matches!(part, Component::Normal(_) | Component::CurDir));
        if !inside {
            problem(
                "site.logo",
                "the logo must be a file in the site folder, named from there".into(),
                "a path such as \"static/logo.png\"",
                Some(logo),
            );
        } else if logo_extension(logo).is_none() {
            problem(
                "site.logo",
                "the logo is not a kind of image breachpage publishes".into(),
                "a .png, .svg, .jpg or .webp file",
                Some(logo),
            );
        }
        let alt = site.logo_alt.as_deref().unwrap_or("");
        if alt.trim().is_empty() {
            problem(
                "site.logo_alt",
                "the logo needs a text alternative, read aloud to those who cannot see it".into(),
                "logo_alt = \"...\" under [site], saying what the logo shows, such as \"Cedar Hollow Central School District crest\"",
                None,
            );
        }
    } else if site.logo_alt.is_some() {
        problem(
            "site.logo_alt",
            "there is a text alternative but no logo".into(),
            "logo = \"static/logo.png\" under [site], or no logo_alt",
            None,
        );
    }
    if let Some(colour) = &site.accent_color {
        match Rgb::parse(colour.trim()) {
            None => problem(
                "site.accent_color",
                "this is not a colour breachpage can read".into(),
                "a colour written as # and six hexadecimal digits, such as \"#0b4fa8\"",
                Some(colour),
            ),
            Some(rgb) => {
                let (background, _, ratio) = contrast::weakest(rgb);
                if ratio < contrast::AA_TEXT {
                    problem(
                        "site.accent_color",
                        format!(
                            "this colour is too light for text: links in it have a contrast ratio of {} against {background}, and WCAG 2.1 AA needs at least 4.5:1",
                            contrast::shown(ratio)
                        ),
                        &format!(
                            "a darker shade, such as \"{}\"",
                            contrast::darker_shade(rgb).hex()
                        ),
                        Some(colour),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::SiteConfig;
    use crate::diagnostics::Diagnostic;

    fn site(settings: &str) -> String {
        format!("[district]\nname = \"D\"\njurisdiction = \"NY\"\n\n[site]\ntitle = \"T\"\n{settings}\n[contact]\nname = \"A\"\nemail = \"a@example.org\"\n")
    }

    fn problems(settings: &str) -> Vec<Diagnostic> {
        SiteConfig::parse(&site(settings))
            .map(|_| Vec::new())
            .unwrap_or_else(|d| d.sorted().into_iter().cloned().collect())
    }

    #[test]
    fn a_logo_with_its_text_and_a_readable_colour_are_accepted() {
        for settings in [
            "logo = \"static/logo.png\"\nlogo_alt = \"Cedar Hollow crest\"\naccent_color = \"#0B4FA8\"\n",
            "logo = \"./brand/Crest.SVG\"\nlogo_alt = \"Crest\"\n",
            "logo = \"logo.webp\"\nlogo_alt = \"Crest\"\naccent_color = \"#767676\"\n",
        ] {
            let text = site(settings);
            let parsed = SiteConfig::parse(&text);
            // #767676 reads on white (4.54:1) but not on the grey panels (4.17:1).
            if settings.contains("#767676") {
                let diagnostics = parsed.unwrap_err();
                let found = diagnostics.sorted();
                assert_eq!(found[0].field.as_deref(), Some("site.accent_color"));
                continue;
            }
            assert!(parsed.is_ok(), "{settings}: {:?}", parsed.err());
        }
    }

    #[test]
    fn a_logo_needs_its_text_a_kind_of_image_and_a_place_in_the_site() {
        let cases = [
            (
                "logo = \"static/logo.png\"\n",
                "site.logo_alt",
                "text alternative",
                5,
            ),
            (
                "logo = \"static/logo.png\"\nlogo_alt = \"  \"\n",
                "site.logo_alt",
                "text alternative",
                8,
            ),
            (
                "logo = \"static/logo.gif\"\nlogo_alt = \"Crest\"\n",
                "site.logo",
                "kind of image",
                7,
            ),
            (
                "logo = \"static/logo\"\nlogo_alt = \"Crest\"\n",
                "site.logo",
                "kind of image",
                7,
            ),
            (
                "logo = \"../logo.png\"\nlogo_alt = \"Crest\"\n",
                "site.logo",
                "in the site folder",
                7,
            ),
            (
                "logo = \"/srv/logo.png\"\nlogo_alt = \"Crest\"\n",
                "site.logo",
                "in the site folder",
                7,
            ),
            ("logo_alt = \"Crest\"\n", "site.logo_alt", "no logo", 7),
        ];
        for (settings, field, words, line) in cases {
            let found = problems(settings);
            assert_eq!(found.len(), 1, "{settings}: {found:?}");
            assert_eq!(found[0].field.as_deref(), Some(field), "{settings}");
            assert!(
                found[0].message.contains(words),
                "{settings}: {}",
                found[0].message
            );
            assert_eq!(found[0].line, line, "{settings}");
        }
    }

    #[test]
    fn a_light_accent_colour_is_refused_with_its_ratio_and_a_darker_shade() {
        let found = problems("accent_color = \"#ff6600\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        let problem = &found[0];
        assert_eq!(problem.field.as_deref(), Some("site.accent_color"));
        assert_eq!(problem.line, 7);
        assert!(
            problem
                .message
                .contains("2.71:1 against the pale grey panels"),
            "{}",
            problem.message
        );
        assert!(problem.message.contains("4.5:1"), "{}", problem.message);
        let expected = problem.expected.as_deref().unwrap();
        let shade = expected.split('"').nth(1).unwrap();
        let rgb = crate::contrast::Rgb::parse(shade).unwrap();
        assert!(crate::contrast::weakest(rgb).2 >= 4.5, "{expected}");
    }

    #[test]
    fn an_accent_colour_must_be_six_hex_digits() {
        for bad in ["blue", "#fff", "0b4fa8", "#0b4fa8ff", "rgb(0,0,0)"] {
            let found = problems(&format!("accent_color = \"{bad}\"\n"));
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert!(found[0].message.contains("not a colour"), "{bad}");
            assert_eq!(found[0].found.as_deref(), Some(format!("`{bad}`").as_str()));
        }
    }
}

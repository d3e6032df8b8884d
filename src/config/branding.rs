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

/// Reports each problem as (key, message, expected, found).
pub(super) fn check(site: &SiteSection, problem: &mut dyn FnMut(&str, String, &str, Option<&str>)) {
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

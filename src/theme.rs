//! Themes: templates, static files and interface strings. The default theme is built into
//! the binary; a site's `themes/NAME/`, then its own `templates/` and `static/`, override
//! it file by file.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::inside::SiteFolder;
use crate::Failure;

pub const DEFAULT: &str = "default";

const EMBEDDED_TEMPLATES: &[(&str, &str)] = &[
    (
        "404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
    (
        "banner.html",
        include_str!("../themes/default/templates/banner.html"),
    ),
    (
        "base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "breach-list.html",
        include_str!("../themes/default/templates/breach-list.html"),
    ),
    (
        "embed-notices.html",
        include_str!("../themes/default/templates/embed-notices.html"),
    ),
    (
        "embed.html",
        include_str!("../themes/default/templates/embed.html"),
    ),
    (
        "feed.xml",
        include_str!("../themes/default/templates/feed.xml"),
    ),
    (
        "index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "letter.html",
        include_str!("../themes/default/templates/letter.html"),
    ),
    (
        "macros.html",
        include_str!("../themes/default/templates/macros.html"),
    ),
    (
        "media-release.html",
        include_str!("../themes/default/templates/media-release.html"),
    ),
    (
        "media-release.txt",
        include_str!("../themes/default/templates/media-release.txt"),
    ),
    (
        "notice.html",
        include_str!("../themes/default/templates/notice.html"),
    ),
    (
        "notice-format.html",
        include_str!("../themes/default/templates/notice-format.html"),
    ),
    (
        "preview.html",
        include_str!("../themes/default/templates/preview.html"),
    ),
];
const EMBEDDED_STATIC: &[(&str, &[u8])] = &[(
    "style.css",
    include_bytes!("../themes/default/static/style.css"),
)];
const EMBEDDED_STRINGS: &[(&str, &str)] = &[
    ("en", include_str!("../themes/default/strings/en.toml")),
    ("es", include_str!("../themes/default/strings/es.toml")),
];

/// A template's text and the file it came from (for error messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub origin: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Theme {
    /// Template name (`notice.html`) → template.
    pub templates: BTreeMap<String, Template>,
    /// Path in the output (`style.css`, `img/logo.png`) → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Language code → interface strings.
    pub strings: BTreeMap<String, toml::Table>,
}

impl Theme {
    /// Whether the template is the built-in theme's own, not replaced by the site.
    pub fn is_builtin_template(&self, name: &str) -> bool {
        self.templates
            .get(name)
            .is_some_and(|t| t.origin.starts_with("(built-in theme)"))
    }

    /// Whether the static file is the built-in theme's own.
    pub fn is_builtin_static(&self, name: &str) -> bool {
        let builtin = EMBEDDED_STATIC.iter().find(|(n, _)| *n == name);
        match (self.statics.get(name), builtin) {
            (Some(bytes), Some((_, embedded))) => bytes.as_slice() == *embedded,
            _ => false,
        }
    }

    /// The default theme as built into the binary.
    pub fn embedded() -> Theme {
        let mut theme = Theme::default();
        for (name, text) in EMBEDDED_TEMPLATES {
            theme.templates.insert(
                (*name).to_string(),
                Template {
                    origin: format!("(built-in theme)/templates/{name}"),
                    text: (*text).to_string(),
                },
            );
        }
        for (name, bytes) in EMBEDDED_STATIC {
            theme.statics.insert((*name).to_string(), bytes.to_vec());
        }
        for (language, text) in EMBEDDED_STRINGS {
            match toml::from_str(text) {
                Ok(table) => {
                    theme.strings.insert((*language).to_string(), table);
                }
                // Built in and covered by the tests below.
                Err(error) => panic!("built-in strings {language} are invalid: {error}"),
            }
        }
        theme
    }

    /// The theme a site uses: the named theme (built in, or from `themes/NAME/`) with the
    /// site's own `templates/` and `static/` laid over it.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Failure> {
        let mut diagnostics = Diagnostics::new();
        let theme_dir = format!("themes/{name}");
        let on_disk = root.join(&theme_dir).is_dir();
        if name != DEFAULT && !on_disk {
            diagnostics.push(
                Diagnostic::error("site.toml", format!("there is no theme named \"{name}\""))
                    .field("site.theme")
                    .expected(format!(
                        "\"{DEFAULT}\", or the name of a folder under themes/"
                    )),
            );
            return Err(Failure::Config(diagnostics));
        }
        let mut theme = if name == DEFAULT {
            Theme::embedded()
        } else {
            Theme::default()
        };
        if on_disk {
            theme.overlay(root, &theme_dir, &mut diagnostics);
        }
        theme.overlay(root, "", &mut diagnostics);
        if diagnostics.has_errors() {
            return Err(Failure::Site(diagnostics));
        }
        Ok(theme)
    }

    /// Lays `dir/templates`, `dir/static` and `dir/strings` over this theme.
    fn overlay(&mut self, root: &Path, dir: &str, diagnostics: &mut Diagnostics) {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        for (name, bytes) in files_under(root, &format!("{prefix}templates"), diagnostics) {
            let origin = format!("{prefix}templates/{name}");
            match String::from_utf8(bytes) {
                Ok(text) => {
                    self.templates.insert(name, Template { origin, text });
                }
                Err(_) => {
                    diagnostics.push(Diagnostic::error(origin, "this template is not UTF-8 text"))
                }
            }
        }
        for (name, bytes) in files_under(root, &format!("{prefix}static"), diagnostics) {
            self.statics.insert(name, bytes);
        }
        for (name, bytes) in files_under(root, &format!("{prefix}strings"), diagnostics) {
            let Some(language) = name.strip_suffix(".toml") else {
                continue;
            };
            let file = format!("{prefix}strings/{name}");
            let parsed = String::from_utf8(bytes)
                .map_err(|_| "the file is not UTF-8 text".to_string())
                .and_then(|text| {
                    toml::from_str::<toml::Table>(&text).map_err(|e| e.message().to_string())
                });
            match parsed {
                Ok(table) => {
                    // A partial strings file overrides only the strings it gives.
                    self.strings
                        .entry(language.to_string())
                        .or_default()
                        .extend(table);
                }
                Err(message) => diagnostics.push(Diagnostic::error(file, message)),
            }
        }
    }
}

/// Every regular file under `root/dir`, by path relative to `dir`, sorted. Hidden files
/// and editor backups are skipped; symbolic links to folders are not followed (a link loop
/// must not hang a build); links to files are followed only as far as the site folder:
/// one that leads out of it is an error naming the link.
fn files_under(root: &Path, dir: &str, diagnostics: &mut Diagnostics) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !root.join(dir).is_dir() {
        return files;
    }
    let folder = SiteFolder::new(root);
    if let Some(outside) = folder.refuse(&root.join(dir), dir) {
        diagnostics.push(outside);
        return files;
    }
    let mut pending = vec![String::new()];
    while let Some(relative) = pending.pop() {
        let path = root.join(dir).join(&relative);
        let Ok(entries) = fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.starts_with('.') || name.ends_with('~') {
                continue;
            }
            let child = if relative.is_empty() {
                name
            } else {
                format!("{relative}/{name}")
            };
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(child);
            } else if kind.is_file() || (kind.is_symlink() && entry.path().is_file()) {
                if kind.is_symlink() {
                    if let Some(outside) = folder.refuse(&entry.path(), &format!("{dir}/{child}")) {
                        diagnostics.push(outside);
                        continue;
                    }
                }
                match fs::read(entry.path()) {
                    Ok(bytes) => {
                        files.insert(child, bytes);
                    }
                    Err(error) => diagnostics.push(Diagnostic::error(
                        format!("{dir}/{child}"),
                        format!("the file cannot be read: {error}"),
                    )),
                }
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_theme_matches_the_theme_folder() {
        let embedded = Theme::embedded();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diagnostics = Diagnostics::new();
        let on_disk = files_under(root, "themes/default/templates", &mut diagnostics);
        let names: Vec<&String> = embedded.templates.keys().collect();
        assert_eq!(
            names,
            on_disk.keys().collect::<Vec<_>>(),
            "every template file is embedded"
        );
        let statics = files_under(root, "themes/default/static", &mut diagnostics);
        assert_eq!(statics, embedded.statics);
        assert!(embedded.strings["en"].contains_key("no_notifications"));
    }

    #[test]
    fn every_language_translates_every_string() {
        let theme = Theme::embedded();
        let english = &theme.strings["en"];
        for (language, table) in &theme.strings {
            for key in english.keys() {
                assert!(table.contains_key(key), "{language}.toml lacks {key}");
            }
            let months = table["months"].as_array().map_or(0, Vec::len);
            assert_eq!(months, 12, "{language}");
        }
        let spanish = &theme.strings["es"];
        for id in crate::vocabulary::ids() {
            assert!(
                spanish["data_labels"].get(id).is_some(),
                "es lacks the label of {id}"
            );
        }
        for step in crate::vocabulary::steps() {
            assert!(
                spanish["step_texts"].get(&step.id).is_some(),
                "es lacks the step {}",
                step.id
            );
            assert!(
                spanish["step_source_titles"].get(&step.id).is_some(),
                "{}",
                step.id
            );
            let source = spanish["step_sources"][&step.id].as_str().unwrap();
            assert!(
                source.starts_with("https://www.robodeidentidad.gov/")
                    || source.starts_with("https://consumidor.ftc.gov/"),
                "{source}"
            );
        }
    }

    #[test]
    fn site_files_override_the_theme_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("templates")).unwrap();
        fs::create_dir_all(dir.path().join("static/img")).unwrap();
        fs::write(dir.path().join("templates/index.html"), "custom").unwrap();
        fs::write(dir.path().join("static/img/logo.svg"), "<svg/>").unwrap();
        let theme = Theme::load(dir.path(), DEFAULT).unwrap();
        assert_eq!(theme.templates["index.html"].text, "custom");
        assert_eq!(theme.templates["index.html"].origin, "templates/index.html");
        assert!(theme.templates["notice.html"]
            .origin
            .starts_with("(built-in theme)"));
        assert_eq!(theme.statics["img/logo.svg"], b"<svg/>");
        assert!(theme.statics.contains_key("style.css"));
    }

    #[test]
    fn an_unknown_theme_is_a_configuration_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Theme::load(dir.path(), "fancy"),
            Err(Failure::Config(_))
        ));
    }
}

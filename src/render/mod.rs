//! Rendering: a pure function from the validated site to an in-memory set of pages
//! (output path → bytes). `build` writes the set; the preview server serves it.

pub mod format;
pub mod markdown;
mod notices_json;
mod preview;
pub mod templates;
pub mod view;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Incident, Site, Status};
use crate::theme::Theme;
use crate::visibility::{visibility, Withheld};
use format::Strings;
use templates::Templates;
use view::{AgencyView, ContactView, NoticeView, ReleaseView, SiteView, SummaryView};

/// Output path (`notices/SLUG/index.html`, `/`-separated) → contents.
pub type Pages = BTreeMap<String, Vec<u8>>;

#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub today: NaiveDate,
    /// The local preview (`serve`): withheld notices are rendered too, marked as not
    /// published and listed apart on the index, and a 404 page is added. Never set for
    /// `build`.
    pub preview: bool,
}

impl RenderOptions {
    /// The options of the public site, as `build` writes it.
    pub fn public(today: NaiveDate) -> RenderOptions {
        RenderOptions {
            today,
            preview: false,
        }
    }
}

#[derive(Debug)]
pub struct Rendered {
    pub pages: Pages,
    /// Slugs of the notices published, current first.
    pub current: Vec<String>,
    pub past: Vec<String>,
    pub withheld: Vec<(String, Withheld)>,
    /// Things worth fixing that do not stop publication.
    pub warnings: Diagnostics,
}

/// Renders the public site. Fails (with diagnostics) when a template is broken or a
/// published notice cannot be rendered completely.
pub fn render(
    site: &Site,
    theme: &Theme,
    options: &RenderOptions,
) -> Result<Rendered, Diagnostics> {
    let templates = Templates::new(theme)?;
    let language = site.config.site.language.as_str();
    let Some(own) = theme.strings.get(language) else {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(
            Diagnostic::error(
                "site.toml",
                format!("the theme has no interface text in the language \"{language}\""),
            )
            .field("site.language")
            .expected(format!(
                "one of: {}",
                theme.strings.keys().cloned().collect::<Vec<_>>().join(", ")
            )),
        );
        return Err(diagnostics);
    };
    let english = theme.strings.get("en").unwrap_or(own);
    let strings = Strings { own, english };

    let mut current: Vec<&Incident> = Vec::new();
    let mut past: Vec<&Incident> = Vec::new();
    let mut withheld = Vec::new();
    for incident in &site.incidents {
        match visibility(incident, options.today) {
            Ok(()) if incident.status == Status::Active => current.push(incident),
            Ok(()) => past.push(incident),
            Err(reason) => withheld.push((incident.slug.clone(), reason)),
        }
    }
    // Newest first; the slug breaks ties so that the order never depends on the disk.
    let newest_first = |a: &&Incident, b: &&Incident| {
        (b.last_updated().max(b.published), &a.slug)
            .cmp(&(a.last_updated().max(a.published), &b.slug))
    };
    current.sort_by(newest_first);
    past.sort_by(newest_first);

    let previewed: Vec<(&Incident, Withheld)> = if options.preview {
        withheld
            .iter()
            .filter_map(|(slug, reason)| {
                let incident = site.incidents.iter().find(|i| &i.slug == slug)?;
                Some((incident, *reason))
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut renderer = Renderer {
        site,
        templates,
        strings,
        today: options.today,
        preview: options.preview,
        pages: Pages::new(),
        problems: Diagnostics::new(),
        warnings: Diagnostics::new(),
    };
    renderer.check_addresses(&current, &past);
    renderer.index(&current, &past, &previewed);
    for incident in current.iter().chain(&past) {
        renderer.notice(incident, None);
    }
    for (incident, reason) in &previewed {
        renderer.notice(incident, Some(*reason));
    }
    if options.preview && theme.templates.contains_key(preview::NOT_FOUND_TEMPLATE) {
        renderer.not_found();
    }
    renderer.feed(&current, &past);
    renderer.banner(&current);
    let published: Vec<&Incident> = current.iter().chain(&past).copied().collect();
    renderer.add(
        "notices.json",
        notices_json::render(site, &published, options.today),
    );
    for (path, bytes) in &theme.statics {
        renderer
            .pages
            .entry(path.clone())
            .or_insert_with(|| bytes.clone());
    }
    if renderer.problems.has_errors() {
        return Err(renderer.problems);
    }
    Ok(Rendered {
        pages: renderer.pages,
        current: current.iter().map(|i| i.slug.clone()).collect(),
        past: past.iter().map(|i| i.slug.clone()).collect(),
        withheld,
        warnings: renderer.warnings,
    })
}

struct Renderer<'a> {
    site: &'a Site,
    templates: Templates,
    strings: Strings<'a>,
    today: NaiveDate,
    preview: bool,
    pages: Pages,
    problems: Diagnostics,
    warnings: Diagnostics,
}

/// The context every page shares.
#[derive(Serialize)]
struct Common<'a> {
    lang: &'a str,
    root: &'a str,
    site: SiteView,
    contact: ContactView,
    today: format::DateView,
    t: toml::Table,
}

impl Renderer<'_> {
    fn context(&self, root: &str) -> Context {
        let common = Common {
            lang: &self.site.config.site.language,
            root,
            site: SiteView::new(&self.site.config),
            contact: ContactView::district(&self.site.config),
            today: format::date(self.strings, self.today),
            t: self.strings.merged(),
        };
        // Serialising plain data into a context cannot fail.
        Context::from_serialize(common).unwrap_or_default()
    }

    fn add(&mut self, path: &str, bytes: Vec<u8>) {
        self.pages.insert(path.to_string(), bytes);
    }

    fn page(&mut self, path: &str, template: &str, context: &Context) {
        match self.templates.render(template, context) {
            Ok(text) => self.add(path, text.into_bytes()),
            Err(problem) => self.problems.push(*problem),
        }
    }

    /// Media releases and feeds need absolute addresses.
    fn check_addresses(&mut self, current: &[&Incident], past: &[&Incident]) {
        let config = &self.site.config;
        for incident in current.iter().chain(past) {
            if incident.substitute_notice.is_none() {
                continue;
            }
            if config.site.base_url.is_none() {
                self.problems.push(
                    Diagnostic::error(&incident.file, "a media release must give the full web address of the posted notice, and site.toml has no base_url")
                        .field("substitute_notice")
                        .at(&substitute_location(incident))
                        .hint("add base_url = \"https://www.your-district.org/data-breach/\" under [site] in site.toml"),
                );
            }
            if config.district.city.is_none() {
                self.problems.push(
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
        if config.site.base_url.is_none() {
            self.warnings.push(
                Diagnostic::warning("site.toml", "[site] base_url is not set: the feed and the embeddable banner use relative links, which break when pasted into another site")
                    .field("site.base_url")
                    .hint("add base_url = \"https://www.your-district.org/data-breach/\" under [site]"),
            );
        }
    }

    fn index(
        &mut self,
        current: &[&Incident],
        past: &[&Incident],
        previewed: &[(&Incident, Withheld)],
    ) {
        let s = self.strings;
        let mut context = self.context("./");
        let process = if self.site.process_text.trim().is_empty() {
            s.get("process_default")
                .replace("{district}", &self.site.config.district.name)
        } else {
            self.site.process_text.clone()
        };
        context.insert("process_html", &markdown::to_html(&process, 3));
        context.insert("current", &summaries(current, s));
        context.insert("past", &summaries(past, s));
        if self.preview {
            context.insert("preview_mode", &true);
            context.insert("preview_notices", &preview::summaries(previewed, s));
        }
        self.page("index.html", "index.html", &context);
    }

    /// A notice page (and its media release); `withheld` only in the preview.
    fn notice(&mut self, incident: &Incident, withheld: Option<Withheld>) {
        let mut notice = NoticeView::new(incident, self.site.pack, self.strings);
        let (agencies, bureaus) = AgencyView::for_pack(self.site.pack);
        let dir = view::notice_path(&incident.slug);
        let mut context = self.context("../../");
        if let Some(reason) = withheld {
            let config = &self.site.config;
            let release_possible = config.site.base_url.is_some() && config.district.city.is_some();
            preview::fill_gaps(&mut notice, incident, self.strings, release_possible);
            context.insert("preview", &preview::NoticePreview::new(incident, reason));
        }
        context.insert("notice", &notice);
        context.insert("agencies", &agencies);
        context.insert("bureaus", &bureaus);
        self.page(&format!("{dir}index.html"), "notice.html", &context);

        if incident.substitute_notice.is_none() {
            return;
        }
        let config = &self.site.config;
        let (Some(base), Some(city)) = (&config.site.base_url, &config.district.city) else {
            return; // reported by check_addresses
        };
        let release = ReleaseView {
            // Only a previewed draft has no date yet.
            date: format::date(self.strings, incident.published.unwrap_or(self.today)),
            dateline: view::dateline(city),
            notice_url: format!("{base}{dir}"),
            contact: ContactView::media(config),
        };
        context.insert("release", &release);
        context.insert("root", "../../../");
        self.page(
            &format!("{dir}media-release/index.html"),
            "media-release.html",
            &context,
        );
        self.page(
            &format!("{dir}media-release.txt"),
            "media-release.txt",
            &context,
        );
    }

    fn feed(&mut self, current: &[&Incident], past: &[&Incident]) {
        #[derive(Serialize)]
        struct Feed {
            id: String,
            updated: String,
            self_href: String,
            site_href: String,
        }
        #[derive(Serialize)]
        struct Entry {
            title: String,
            id: String,
            href: String,
            published: String,
            updated: String,
            summary: String,
        }
        let base = self.site.config.site.base_url.clone();
        let absolute = |path: &str| format!("{}{path}", base.as_deref().unwrap_or(""));
        let stamp = |date: NaiveDate| format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
        let mut entries = Vec::new();
        let mut newest = None;
        for incident in current.iter().chain(past) {
            let path = view::notice_path(&incident.slug);
            let updated = incident
                .last_updated()
                .max(incident.published)
                .unwrap_or(self.today);
            newest = newest.max(Some(updated));
            entries.push(Entry {
                title: incident.title.clone(),
                id: match &base {
                    Some(_) => absolute(&path),
                    None => format!("urn:breachpage:notice:{}", incident.slug),
                },
                href: absolute(&path),
                published: stamp(view::posted(incident)),
                updated: stamp(updated),
                summary: incident.summary.clone(),
            });
        }
        let feed = Feed {
            id: match &base {
                Some(base) => base.clone(),
                None => "urn:breachpage:feed".to_string(),
            },
            updated: stamp(newest.unwrap_or(self.today)),
            self_href: absolute("feed.xml"),
            site_href: match &base {
                Some(base) => base.clone(),
                None => "./".to_string(),
            },
        };
        let mut context = self.context("");
        context.insert("feed", &feed);
        context.insert("entries", &entries);
        self.page("feed.xml", "feed.xml", &context);
    }

    fn banner(&mut self, current: &[&Incident]) {
        let mut context = self.context("");
        context.insert("current", &summaries(current, self.strings));
        context.insert(
            "base",
            self.site.config.site.base_url.as_deref().unwrap_or(""),
        );
        self.page("embed/banner.html", "banner.html", &context);
    }
}

fn summaries(incidents: &[&Incident], s: Strings) -> Vec<SummaryView> {
    incidents.iter().map(|i| SummaryView::new(i, s)).collect()
}

/// Where the record claims substitute notice.
fn substitute_location(incident: &Incident) -> crate::diagnostics::Location {
    incident
        .locations
        .key("substitute_notice")
        .cloned()
        .unwrap_or_default()
}

//! Rendering: a pure function from the validated site to an in-memory set of pages
//! (output path → bytes). The preview server serves the set; `build` has each page
//! written as soon as it is rendered ([`render_to`]), so that a large site never has to
//! sit in memory whole. Notices are rendered on every core.

mod breach_list;
pub mod format;
mod letter;
pub mod markdown;
mod notice_format;
mod notice_parts;
mod notices_json;
mod preview;
mod share;
pub mod templates;
pub mod view;

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Incident, SiteData, Status};
use crate::theme::Theme;
use crate::visibility::{visibility, Withheld};
use format::Strings;
use letter::LetterView;
use share::ShareView;
use templates::Templates;
use view::{
    AgencyView, ContactView, NoticeDefaults, NoticeView, ReleaseView, SiteView, SummaryView,
};

/// Output path (`notices/SLUG/index.html`, `/`-separated) → contents.
pub type Pages = BTreeMap<String, Vec<u8>>;

/// Where the statutory public list of breaches is, under each language's home.
const BREACH_LIST_PATH: &str = "breaches/";

/// The template of `embed/notices.html`.
const EMBED_NOTICES_TEMPLATE: &str = "embed-notices.html";

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

/// Where rendered pages go: an in-memory [`Pages`] ([`render`]), or the build's staging
/// folder ([`render_to`]). Pages arrive from several threads, in no particular order, and
/// each path once.
pub trait Sink: Sync {
    fn put(&self, path: &str, bytes: Vec<u8>);

    /// [`Sink::put`] for a page in a buffer that the caller goes on using.
    fn put_slice(&self, path: &str, bytes: &[u8]) {
        self.put(path, bytes.to_vec());
    }

    /// A large page, which `write` writes straight to where it goes.
    fn stream(&self, path: &str, write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>) {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        if write(&mut bytes).is_ok() {
            self.put(path, bytes);
        }
    }
}

impl Sink for Mutex<Pages> {
    fn put(&self, path: &str, bytes: Vec<u8>) {
        let mut pages = self.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        pages.insert(path.to_string(), bytes);
    }
}

#[derive(Debug)]
pub struct Rendered {
    /// The pages, from [`render`]; empty from [`render_to`], which hands them to its sink.
    pub pages: Pages,
    /// How many files the site has.
    pub files: usize,
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
    site: &SiteData,
    theme: &Theme,
    options: &RenderOptions,
) -> Result<Rendered, Diagnostics> {
    let pages = Mutex::new(Pages::new());
    let mut rendered = render_to(site, theme, options, &pages)?;
    rendered.pages = pages
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Ok(rendered)
}

/// [`render`], handing each page to `sink` as soon as it is rendered. When it fails, the
/// sink may have received some pages, which must then be discarded.
pub fn render_to(
    site: &SiteData,
    theme: &Theme,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Rendered, Diagnostics> {
    let templates = Templates::new(theme)?;
    let languages = languages(site, theme)?;
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

    let default_lang = languages[0].0.clone();
    let mut renderer = Renderer {
        site,
        common: Context::new(),
        templates,
        strings: languages[0].1,
        lang: default_lang.clone(),
        default_lang,
        prefix: String::new(),
        languages: languages
            .iter()
            .map(|(code, s)| (code.clone(), s.get("language_name").to_string()))
            .collect(),
        today: options.today,
        preview: options.preview,
        sink,
        paths: BTreeSet::new(),
        problems: Diagnostics::new(),
        warnings: Diagnostics::new(),
    };
    let published: Vec<&Incident> = current.iter().chain(&past).copied().collect();
    let lists = Lists {
        current: &current,
        past: &past,
        published: &published,
        previewed: &previewed,
    };
    for (index, (code, strings)) in languages.iter().enumerate() {
        renderer.strings = *strings;
        renderer.lang = code.clone();
        renderer.prefix = if index == 0 {
            String::new()
        } else {
            format!("{code}/")
        };
        renderer.common = renderer.common_context();
        renderer.language(&lists);
    }
    renderer.strings = languages[0].1;
    renderer.lang = renderer.default_lang.clone();
    renderer.prefix = String::new();
    renderer.common = renderer.common_context();
    if options.preview && theme.templates.contains_key(preview::NOT_FOUND_TEMPLATE) {
        let produced = renderer.not_found();
        renderer.absorb(produced);
    }
    // The district's logo (checked before rendering), beside the stylesheet.
    if let Some(logo) = &site.logo {
        if let Some(path) = crate::config::logo_output_path(&logo.file) {
            renderer.sink.put_slice(&path, &logo.bytes);
            renderer.paths.insert(path);
        }
    }
    // A page rendered from a template wins over a static file of the same name.
    for (path, bytes) in &theme.statics {
        if !renderer.paths.contains(path) {
            renderer.sink.put_slice(path, bytes);
            renderer.paths.insert(path.clone());
        }
    }
    if renderer.problems.has_errors() {
        return Err(renderer.problems);
    }
    Ok(Rendered {
        pages: Pages::new(),
        files: renderer.paths.len(),
        current: current.iter().map(|i| i.slug.clone()).collect(),
        past: past.iter().map(|i| i.slug.clone()).collect(),
        withheld,
        warnings: renderer.warnings,
    })
}

/// The languages the site publishes, the default first, each with its interface strings.
/// A language the theme has no text for is left out: the checks (`checks::site`) refuse
/// such a site before it is rendered.
pub fn published_languages<'a>(site: &SiteData, theme: &'a Theme) -> Vec<(String, Strings<'a>)> {
    site.config
        .languages()
        .into_iter()
        .filter_map(|code| {
            let own = theme.strings.get(code)?;
            let english = theme.strings.get("en").unwrap_or(own);
            Some((code.to_string(), Strings { own, english }))
        })
        .collect()
}

/// The languages to build; none at all is an error.
fn languages<'a>(
    site: &SiteData,
    theme: &'a Theme,
) -> Result<Vec<(String, Strings<'a>)>, Diagnostics> {
    let languages = published_languages(site, theme);
    if languages.is_empty() {
        let mut problems = Diagnostics::new();
        problems.push(Diagnostic::error(
            "site.toml",
            "the theme has no interface text in any language the site publishes",
        ));
        return Err(problems);
    }
    Ok(languages)
}

struct Renderer<'a> {
    site: &'a SiteData,
    /// The context every page of the current language starts from: [`Common`] without
    /// the fields that depend on the page.
    common: Context,
    templates: Templates,
    /// The language being rendered, its strings, and where its pages go (`""`, `es/`).
    strings: Strings<'a>,
    lang: String,
    default_lang: String,
    prefix: String,
    /// Every language built: code and name, the default first.
    languages: Vec<(String, String)>,
    today: NaiveDate,
    preview: bool,
    sink: &'a dyn Sink,
    /// Every path handed to the sink.
    paths: BTreeSet<String>,
    problems: Diagnostics,
    warnings: Diagnostics,
}

/// What rendering a page (or a notice with its release) produced: the paths handed to
/// the sink, and any problems.
#[derive(Default)]
struct Produced {
    paths: Vec<String>,
    problems: Vec<Diagnostic>,
}

/// What a thread rendering notices keeps from one notice to the next: the notice pages'
/// context (left as [`Renderer::notice_context`] made it) and the language's defaults.
struct NoticeScratch {
    context: Context,
    defaults: NoticeDefaults,
    /// Where the thread's pages are rendered.
    buffer: Vec<u8>,
}

/// The notices, as the lists show them.
struct Lists<'a> {
    current: &'a [&'a Incident],
    past: &'a [&'a Incident],
    published: &'a [&'a Incident],
    previewed: &'a [(&'a Incident, Withheld)],
}

/// A page of a language that lists the notices; these are rendered one after the other
/// while the notices' own pages are rendered on every core.
enum Task {
    Index,
    /// The statutory public list of breaches (`breaches/`), where the pack asks for one.
    BreachList,
    Feed,
    Banner,
    NoticesEmbed,
    /// `notices.json`, in every language's stead (it is rendered with the first).
    NoticesJson,
}

/// Where the notices' pages come in the order in which pages report their problems.
const NOTICES_ORDER: u8 = 1;

impl Task {
    /// The order in which pages report their problems.
    fn order(&self) -> u8 {
        match self {
            Task::Index => 0,
            Task::Feed => 2,
            Task::Banner => 3,
            Task::NoticesEmbed => 4,
            Task::NoticesJson => 5,
            Task::BreachList => 6,
        }
    }
}

/// The list entries of the current language's notices, made once for the pages that
/// list them.
struct Summaries {
    current: Vec<SummaryView>,
    past: Vec<SummaryView>,
}

/// The context every page shares.
#[derive(Serialize)]
struct Common<'a> {
    lang: &'a str,
    /// From the page to the home of its language.
    root: &'a str,
    /// From the page to the top of the site, where the stylesheet and static files are.
    assets: String,
    /// The same page in every language built (empty when there is only one).
    alternates: Vec<Alternate>,
    site: SiteView,
    contact: ContactView,
    today: format::DateView,
    t: toml::Table,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    name: String,
    href: String,
    /// The full address, for `<link rel="alternate" hreflang>`; only with `base_url`.
    absolute: Option<String>,
    current: bool,
}

impl Renderer<'_> {
    /// The context every page of the current language shares: built once, since the
    /// interface strings in it are the costliest part of a page's context.
    fn common_context(&self) -> Context {
        let common = Common {
            lang: &self.lang,
            root: "",
            assets: String::new(),
            alternates: Vec::new(),
            site: SiteView::new(&self.site.config, &self.lang),
            contact: ContactView::district(&self.site.config, &self.lang),
            today: format::date(self.strings, self.today),
            t: self.strings.merged(),
        };
        // Serialising plain data into a context cannot fail.
        Context::from_serialize(common).unwrap_or_default()
    }

    /// The shared context of the page at `path` (relative to its language's home, e.g.
    /// `notices/SLUG/`), reached from the page by `root`.
    fn context(&self, root: &str, path: &str) -> Context {
        let mut context = self.common.clone();
        self.place(&mut context, root, path);
        context
    }

    /// Sets the fields of the shared context that depend on the page.
    fn place(&self, context: &mut Context, root: &str, path: &str) {
        let assets = match (self.prefix.is_empty(), root) {
            (true, _) => root.to_string(),
            (false, "./") => "../".to_string(),
            (false, _) => format!("{root}../"),
        };
        let alternates = if self.languages.len() < 2 {
            Vec::new()
        } else {
            self.languages
                .iter()
                .map(|(code, name)| {
                    let prefix = if *code == self.default_lang {
                        String::new()
                    } else {
                        format!("{code}/")
                    };
                    Alternate {
                        lang: code.clone(),
                        name: name.clone(),
                        href: format!("{assets}{prefix}{path}"),
                        absolute: self
                            .site
                            .config
                            .site
                            .base_url
                            .as_ref()
                            .map(|base| format!("{base}{prefix}{path}")),
                        current: *code == self.lang,
                    }
                })
                .collect()
        };
        context.insert("root", root);
        context.insert("assets", &assets);
        context.insert("alternates", &alternates);
    }

    /// Renders every page of the current language: the notices on every core while this
    /// thread renders the lists, one after the other (each holds every notice's summary).
    /// Problems are reported in page order.
    fn language(&mut self, lists: &Lists) {
        // Each notice, and whether it is withheld (only the preview renders those).
        let notices: Vec<(&Incident, Option<Withheld>)> = lists
            .current
            .iter()
            .chain(lists.past)
            .map(|incident| (*incident, None))
            .chain(
                lists
                    .previewed
                    .iter()
                    .map(|(incident, reason)| (*incident, Some(*reason))),
            )
            .collect();
        let mut others = vec![Task::Index, Task::Feed, Task::Banner, Task::NoticesEmbed];
        if self.prefix.is_empty() {
            others.push(Task::NoticesJson);
        }
        if self.site.pack.public_list.is_some() {
            others.push(Task::BreachList);
        }
        let this = &*self;
        let (notices_done, others_done) = rayon::join(
            || {
                notices
                    .par_iter()
                    .map_init(
                        || None,
                        |scratch, (incident, withheld)| {
                            this.notice_task(incident, *withheld, scratch)
                        },
                    )
                    .collect::<Vec<_>>()
            },
            || {
                let summaries = OnceCell::new();
                others
                    .iter()
                    .map(|task| this.list_page(task, lists, &summaries))
                    .collect::<Vec<Produced>>()
            },
        );
        let mut done: Vec<(u8, Produced)> = others
            .iter()
            .map(Task::order)
            .zip(others_done)
            .chain(
                notices_done
                    .into_iter()
                    .map(|produced| (NOTICES_ORDER, produced)),
            )
            .collect();
        done.sort_by_key(|(order, _)| *order);
        for (_, produced) in done {
            self.absorb(produced);
        }
    }

    /// Renders a page that lists the notices. `summaries` holds their list entries, made
    /// for the first page that needs them.
    fn list_page(&self, task: &Task, lists: &Lists, summaries: &OnceCell<Summaries>) -> Produced {
        let summaries = || {
            summaries.get_or_init(|| Summaries {
                current: self.summaries(lists.current),
                past: self.summaries(lists.past),
            })
        };
        match *task {
            Task::Index => self.index(summaries(), lists.previewed),
            Task::BreachList => self.breach_list(lists.published),
            Task::Feed => self.feed(lists.current, lists.past),
            Task::Banner => self.banner(summaries()),
            Task::NoticesEmbed => self.notices_embed(summaries()),
            Task::NoticesJson => {
                // The largest file of a big site: written as it is serialised.
                let path = "notices.json";
                self.sink.stream(path, &|out| {
                    notices_json::write(self.site, lists.published, self.today, out)
                });
                Produced {
                    paths: vec![path.to_string()],
                    ..Produced::default()
                }
            }
        }
    }

    /// Renders a notice and its release, from any thread. `scratch` is what the thread
    /// keeps from one notice to the next, made on first use.
    fn notice_task(
        &self,
        incident: &Incident,
        withheld: Option<Withheld>,
        scratch: &mut Option<NoticeScratch>,
    ) -> Produced {
        let scratch = scratch.get_or_insert_with(|| NoticeScratch {
            context: self.notice_context(),
            defaults: NoticeDefaults::new(self.site.pack, self.strings),
            buffer: Vec::new(),
        });
        self.notice(incident, withheld, scratch)
    }

    fn absorb(&mut self, produced: Produced) {
        self.paths.extend(produced.paths);
        for problem in produced.problems {
            self.problems.push(problem);
        }
    }

    /// Renders a page of the current language (`path` is under its home).
    fn page(&self, path: &str, template: &str, context: &Context) -> Produced {
        let mut produced = Produced::default();
        self.render_page(&mut produced, &mut Vec::new(), path, template, context);
        produced
    }

    /// [`Renderer::page`], adding to what a notice produced. The page is rendered into
    /// `buffer`, which a thread reuses from one page to the next.
    fn render_page(
        &self,
        out: &mut Produced,
        buffer: &mut Vec<u8>,
        path: &str,
        template: &str,
        context: &Context,
    ) {
        match self.templates.render_into(template, context, buffer) {
            Ok(()) => {
                let path = format!("{}{path}", self.prefix);
                self.sink.put_slice(&path, buffer);
                out.paths.push(path);
            }
            Err(problem) => out.problems.push(*problem),
        }
    }

    fn index(&self, summaries: &Summaries, previewed: &[(&Incident, Withheld)]) -> Produced {
        let s = self.strings;
        let mut context = self.context("./", "");
        let translated = self.site.process_translations.get(&self.lang);
        let own =
            translated.or(Some(&self.site.process_text).filter(|_| self.lang == self.default_lang));
        let process = match own.filter(|text| !text.trim().is_empty()) {
            Some(text) => text.clone(),
            // The theme's default process text exists in every language.
            None if self.site.process_text.trim().is_empty() => s
                .get("process_default")
                .replace("{district}", &self.site.config.district.name),
            None => {
                context.insert("process_lang", &self.default_lang);
                self.site.process_text.clone()
            }
        };
        context.insert("process_html", &markdown::to_html(&process, 3));
        context.insert("current", &summaries.current);
        context.insert("past", &summaries.past);
        let site = SiteView::new(&self.site.config, &self.lang);
        let description = s
            .get("share_index_description")
            .replace("{district}", &site.district);
        let share = ShareView::new(
            &self.site.config,
            "website",
            &site.title,
            &description,
            &self.prefix,
        );
        context.insert("share", &share);
        if self.site.pack.public_list.is_some() {
            context.insert("breach_list", &BREACH_LIST_PATH);
        }
        if self.preview {
            context.insert("preview_mode", &true);
            context.insert("preview_notices", &preview::summaries(previewed, s));
        }
        self.page("index.html", "index.html", &context)
    }

    /// The statutory public list of breaches, built from the notices the site shows.
    fn breach_list(&self, published: &[&Incident]) -> Produced {
        let Some(list) = &self.site.pack.public_list else {
            return Produced::default();
        };
        let entries = crate::compliance::public_list::entries(
            self.site.pack,
            published,
            self.site.config.district.enrollment,
            self.today,
        );
        let titled: Vec<_> = entries
            .into_iter()
            .map(|entry| {
                let (localized, fallback) =
                    entry.incident.localized(&self.lang, &self.default_lang);
                let title_lang = fallback
                    .contains(&"title")
                    .then(|| self.default_lang.clone());
                (entry, localized.title.clone(), title_lang)
            })
            .collect();
        let view = breach_list::BreachListView::new(
            list,
            &titled,
            &self.site.config.district.name,
            self.strings,
        );
        let mut context = self.context("../", BREACH_LIST_PATH);
        context.insert("list", &view);
        self.page(
            &format!("{BREACH_LIST_PATH}index.html"),
            "breach-list.html",
            &context,
        )
    }

    /// What the context of every notice page of the current language starts from: the
    /// shared context and the agencies.
    fn notice_context(&self) -> Context {
        let (agencies, bureaus) = AgencyView::for_pack(self.site.pack, self.strings);
        let mut context = self.common.clone();
        context.insert("agencies", &agencies);
        context.insert("bureaus", &bureaus);
        for (name, html) in self.templates.shared_parts(&context) {
            context.insert(name, &html);
        }
        context
    }

    /// A notice page (and its media release); `withheld` only in the preview. `context`
    /// starts as [`Renderer::notice_context`] and is left that way, to be reused.
    fn notice(
        &self,
        original: &Incident,
        withheld: Option<Withheld>,
        scratch: &mut NoticeScratch,
    ) -> Produced {
        let mut out = Produced::default();
        self.notice_pages(&mut out, original, withheld, scratch);
        for key in [
            "preview", "notice", "page_url", "release", "share", "letter",
        ] {
            scratch.context.remove(key);
        }
        out
    }

    fn notice_pages(
        &self,
        out: &mut Produced,
        original: &Incident,
        withheld: Option<Withheld>,
        scratch: &mut NoticeScratch,
    ) {
        let (localized, fallback) = original.localized(&self.lang, &self.default_lang);
        let incident = &localized;
        let mut notice = NoticeView::new(incident, self.site.pack, self.strings, &scratch.defaults);
        let context = &mut scratch.context;
        let buffer = &mut scratch.buffer;
        if self.lang != self.default_lang {
            // What is not translated yet is marked as the record's language, item by item.
            let translation = original.translations.get(&self.lang);
            let faq_done = translation.map_or(0, |t| t.faq.len());
            let links_done = translation.map_or(0, |t| t.links.len());
            for (i, item) in notice.faq.iter_mut().enumerate() {
                item.untranslated = i >= faq_done;
            }
            for (i, item) in notice.links.iter_mut().enumerate() {
                item.untranslated = i >= links_done;
            }
            let mark = |field: &str| {
                fallback
                    .contains(&field)
                    .then_some(self.default_lang.as_str())
            };
            notice.offers = notice_parts::offers(
                incident,
                self.strings,
                (mark("identity_protection"), mark("groups")),
                incident.substitute_notice.is_some(),
            );
        }
        notice.fallback = fallback;
        notice.fallback_lang = self.default_lang.clone();
        let dir = view::notice_path(&incident.slug);
        self.place(context, "../../", &dir);
        if let Some(reason) = withheld {
            let config = &self.site.config;
            let release_possible = config.site.base_url.is_some() && config.district.city.is_some();
            preview::fill_gaps(&mut notice, incident, self.strings, release_possible);
            context.insert("preview", &preview::NoticePreview::new(incident, reason));
        }
        context.insert("notice", &notice);
        // The page's full address, printed at the foot of a printed notice.
        if let Some(base) = &self.site.config.site.base_url {
            context.insert("page_url", &format!("{base}{}{dir}", self.prefix));
        }
        let share = ShareView::new(
            &self.site.config,
            "article",
            &incident.title,
            &incident.summary,
            &format!("{}{dir}", self.prefix),
        );
        context.insert("share", &share);
        let contact = ContactView::district(&self.site.config, &self.lang);
        let letter = LetterView::new(
            incident,
            &self.site.config,
            &contact,
            self.strings,
            self.today,
        );
        context.insert("letter", &letter);
        self.render_page(
            out,
            buffer,
            &format!("{dir}index.html"),
            "notice.html",
            context,
        );

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
            opening: self
                .strings
                .get("release_opening")
                .replace("{district}", &config.district.name),
            dateline: view::dateline(city),
            notice_url: format!("{base}{}{dir}", self.prefix),
            contact: ContactView::media(config, &self.lang),
        };
        // The release's context is the notice's, without the page address and the
        // notice's link preview and letter.
        for key in ["page_url", "share", "letter"] {
            context.remove(key);
        }
        self.place(context, "../../../", &format!("{dir}media-release/"));
        context.insert("release", &release);
        self.render_page(
            out,
            buffer,
            &format!("{dir}media-release/index.html"),
            "media-release.html",
            context,
        );
        self.render_page(
            out,
            buffer,
            &format!("{dir}media-release.txt"),
            "media-release.txt",
            context,
        );
    }

    fn feed(&self, current: &[&Incident], past: &[&Incident]) -> Produced {
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
        let base = self
            .site
            .config
            .site
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", self.prefix));
        let absolute = |path: &str| format!("{}{path}", base.as_deref().unwrap_or(""));
        let stamp = |date: NaiveDate| format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
        let mut entries = Vec::new();
        let mut newest = None;
        for original in current.iter().chain(past) {
            let (incident, _) = original.localized(&self.lang, &self.default_lang);
            let incident = &incident;
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
                    None => format!("urn:breachpage:notice:{}{}", self.prefix, incident.slug),
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
                None => format!("urn:breachpage:feed:{}", self.lang),
            },
            updated: stamp(newest.unwrap_or(self.today)),
            self_href: absolute("feed.xml"),
            site_href: match &base {
                Some(base) => base.clone(),
                None => "./".to_string(),
            },
        };
        let mut context = self.context("", "");
        context.insert("feed", &feed);
        context.insert("entries", &entries);
        self.page("feed.xml", "feed.xml", &context)
    }

    fn banner(&self, summaries: &Summaries) -> Produced {
        let mut context = self.context("", "");
        context.insert("current", &summaries.current);
        let base = self.site.config.site.base_url.as_deref().unwrap_or("");
        context.insert("base", &format!("{base}{}", self.prefix));
        self.page("embed/banner.html", "banner.html", &context)
    }

    /// `embed/notices.html`: the current and past notices as a self-contained fragment
    /// for a page of the district's own site (a theme without the template skips it).
    fn notices_embed(&self, summaries: &Summaries) -> Produced {
        if !self.templates.has(EMBED_NOTICES_TEMPLATE) {
            return Produced::default();
        }
        let mut context = self.context("", "");
        context.insert("current", &summaries.current);
        context.insert("past", &summaries.past);
        if self.site.pack.public_list.is_some() {
            context.insert("breach_list", &BREACH_LIST_PATH);
        }
        let base = self.site.config.site.base_url.as_deref().unwrap_or("");
        context.insert("base", &format!("{base}{}", self.prefix));
        self.page("embed/notices.html", EMBED_NOTICES_TEMPLATE, &context)
    }
}

impl Renderer<'_> {
    /// List entries in the current language; untranslated titles and summaries are
    /// marked with their own language.
    fn summaries(&self, incidents: &[&Incident]) -> Vec<SummaryView> {
        incidents
            .iter()
            .map(|original| {
                let (incident, fallback) = original.localized(&self.lang, &self.default_lang);
                let mut summary = SummaryView::new(&incident, self.strings);
                if fallback.contains(&"title") || fallback.contains(&"summary") {
                    summary.text_lang = Some(self.default_lang.clone());
                }
                summary
            })
            .collect()
    }
}

//! What the preview keeps from one render to the next, so that saving one record
//! re-renders that record's pages and the lists, not every notice of a large site.
//!
//! A notice's pages depend on its record and on the setting every page shares: the
//! site's configuration, the theme, the day and the kind of render. Kept pages are used
//! only while that setting is the same and the record's text is unchanged; the parsed
//! templates are kept while the theme is the same.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;

use super::templates::Templates;
use super::RenderOptions;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Incident, Site};
use crate::theme::Theme;
use crate::visibility::Withheld;

#[derive(Default)]
pub struct PageCache {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    setting: Option<Setting>,
    templates: Option<(Theme, Arc<Templates>)>,
    /// Pages kept by the render before this one, and by this one so far.
    before: HashMap<Key, Kept>,
    now: HashMap<Key, Kept>,
    /// Notices (in each language) whose pages the current render took from before.
    reused: usize,
}

/// Everything besides its record that a notice's pages depend on.
#[derive(PartialEq)]
struct Setting {
    /// `site.toml` as data (the configuration has no equality of its own); `None` if it
    /// could not be written out, and then nothing is reused.
    config: Option<String>,
    theme: Theme,
    today: NaiveDate,
    preview: bool,
}

/// A notice in one language: the language's code and the notice's slug.
type Key = (String, String);

/// Pages by path, as handed to the sink.
pub(super) type PageList = Vec<(String, Vec<u8>)>;

/// The pages a notice produced, with what they were produced from.
struct Kept {
    /// The record's text.
    source: Arc<str>,
    withheld: Option<Withheld>,
    pages: PageList,
    problems: Vec<Diagnostic>,
}

impl PageCache {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Every change is a whole insert or swap, so a panic elsewhere leaves no half state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a render: forgets every kept page if the setting changed, and returns the
    /// theme's templates, parsed now or kept from before.
    pub(super) fn begin(
        &self,
        site: &Site,
        theme: &Theme,
        options: &RenderOptions,
    ) -> Result<Arc<Templates>, Diagnostics> {
        let setting = Setting {
            config: serde_json::to_string(&site.config).ok(),
            theme: theme.clone(),
            today: options.today,
            preview: options.preview,
        };
        let mut state = self.lock();
        state.reused = 0;
        let kept_templates = match &state.templates {
            Some((kept_theme, templates)) if kept_theme == theme => Some(Arc::clone(templates)),
            _ => None,
        };
        let templates = match kept_templates {
            Some(templates) => templates,
            None => {
                let templates = Arc::new(Templates::new(theme)?);
                state.templates = Some((theme.clone(), Arc::clone(&templates)));
                templates
            }
        };
        if setting.config.is_none() || state.setting.as_ref() != Some(&setting) {
            state.before.clear();
            state.now.clear();
            state.setting = Some(setting);
        } else {
            let now = std::mem::take(&mut state.now);
            state.before = now;
        }
        Ok(templates)
    }

    /// The pages and problems `incident` produced in `lang` last time, if nothing they
    /// depend on has changed since; they are kept for the next render too.
    pub(super) fn reuse(
        &self,
        lang: &str,
        incident: &Incident,
        withheld: Option<Withheld>,
    ) -> Option<(PageList, Vec<Diagnostic>)> {
        let key = (lang.to_string(), incident.slug.clone());
        let mut state = self.lock();
        let kept = state.before.remove(&key)?;
        if kept.withheld != withheld || *kept.source != *incident.locations.source() {
            return None;
        }
        let found = (kept.pages.clone(), kept.problems.clone());
        state.now.insert(key, kept);
        state.reused += 1;
        Some(found)
    }

    /// How many notices (counted once per language) the last render took from before.
    pub fn reused(&self) -> usize {
        self.lock().reused
    }

    /// Keeps what `incident` produced in `lang` for the next render.
    pub(super) fn keep(
        &self,
        lang: &str,
        incident: &Incident,
        withheld: Option<Withheld>,
        pages: PageList,
        problems: Vec<Diagnostic>,
    ) {
        let kept = Kept {
            source: incident.locations.shared_source(),
            withheld,
            pages,
            problems,
        };
        self.lock()
            .now
            .insert((lang.to_string(), incident.slug.clone()), kept);
    }
}

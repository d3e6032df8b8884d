//! The pipeline, owned by one object: [`Site::load`] reads site.toml, the records and the
//! theme; [`Site::check`] runs every check (the records against the law, the site as a
//! whole); [`Site::render`] turns the checked site into pages, handed to a sink: the
//! build's staging folder, the preview's memory, or nothing at all (`check`). The
//! commands are thin callers of these three.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::checks;
use crate::content::{self, Loaded};
use crate::diagnostics::Diagnostics;
use crate::model;
use crate::render::{self, Pages, RenderOptions, Rendered, Sink};
use crate::theme::Theme;
use crate::Failure;

/// A loaded site: its model and every problem found reading it.
pub struct Site {
    root: PathBuf,
    model: model::SiteData,
    diagnostics: Diagnostics,
}

impl Site {
    /// Reads site.toml and the records at `root`. Fails only when site.toml cannot be
    /// used (exit 2); the problems of records are kept, so that [`Site::check`] reports
    /// every problem at once.
    pub fn load(root: &Path) -> Result<Site, Failure> {
        let Loaded {
            site: model,
            diagnostics,
        } = content::load(root)?;
        Ok(Site {
            root: root.to_path_buf(),
            model,
            diagnostics,
        })
    }

    /// The site as it was read: configuration, rule pack, records (those that could be
    /// read), for reports such as `deadlines`.
    pub fn model(&self) -> &model::SiteData {
        &self.model
    }

    /// The problems found while reading.
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// Loads the theme and runs every check as of `today`. On success the site is ready
    /// to render and the warnings are kept; on failure, every problem found.
    pub fn check(mut self, today: NaiveDate) -> Result<Checked, Failure> {
        let theme = match Theme::load(&self.root, &self.model.config.site.theme) {
            Ok(theme) => Some(theme),
            Err(Failure::Site(problems)) => {
                self.diagnostics.extend(problems);
                None
            }
            Err(failure) => return Err(failure),
        };
        if let Some(theme) = &theme {
            let found = checks::run(&self.model, theme, today);
            self.diagnostics.extend(found);
        }
        match theme {
            Some(theme) if !self.diagnostics.has_errors() => Ok(Checked {
                model: self.model,
                theme,
                warnings: self.diagnostics,
            }),
            _ => Err(Failure::Site(self.diagnostics)),
        }
    }
}

/// A site with no errors: it can be rendered.
pub struct Checked {
    model: model::SiteData,
    theme: Theme,
    warnings: Diagnostics,
}

impl Checked {
    pub fn model(&self) -> &model::SiteData {
        &self.model
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The warnings of the checks (a checked site has no errors).
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// Renders every page into `sink`. On success, the render's summary with every
    /// warning of the site; on failure (a broken template), every problem. When it
    /// fails, the sink may have received some pages, which must then be discarded.
    pub fn render(&self, options: &RenderOptions, sink: &dyn Sink) -> Result<Rendered, Failure> {
        let mut warnings = self.warnings.clone();
        match render::render_to(&self.model, &self.theme, options, sink) {
            Ok(mut rendered) => {
                warnings.extend(std::mem::take(&mut rendered.warnings));
                rendered.warnings = warnings;
                Ok(rendered)
            }
            Err(problems) => {
                warnings.extend(problems);
                Err(Failure::Site(warnings))
            }
        }
    }

    /// [`Checked::render`] into memory: the pages come in `Rendered::pages`.
    pub fn render_pages(&self, options: &RenderOptions) -> Result<Rendered, Failure> {
        let pages = Mutex::new(Pages::new());
        let mut rendered = self.render(options, &pages)?;
        rendered.pages = pages
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Ok(rendered)
    }
}

/// A sink that keeps nothing: `check` renders every page to find every problem, and needs
/// no more memory than `build`, which writes each page as soon as it is rendered.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _path: &str, _bytes: Vec<u8>) {}

    fn put_slice(&self, _path: &str, _bytes: &[u8]) {}

    fn stream(&self, _path: &str, write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>) {
        // Written out all the same, so that `check` runs what `build` runs.
        let _ = write(&mut std::io::sink());
    }
}

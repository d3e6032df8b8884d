//! Files from inside the site only. A symbolic link under `content/`, `templates/`,
//! `static/` or `themes/` that leads out of the site folder is refused: linking
//! `content/_index.md` to `/proc/self/environ`, or a file in `static/` to `/etc/passwd`,
//! would publish it. Links that stay inside the site folder are fine.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The site folder, resolved once, to check files against.
#[derive(Debug, Clone)]
pub struct SiteFolder {
    /// `None` when the folder cannot be resolved; then nothing under it can be read
    /// either, and the readers report that.
    real: Option<PathBuf>,
}

impl SiteFolder {
    pub fn new(root: &Path) -> SiteFolder {
        SiteFolder {
            real: std::fs::canonicalize(root).ok(),
        }
    }

    /// Where `path` really is, when that is outside the site folder. `None` when it is
    /// inside, or when it cannot be resolved (a missing file or a link loop: whoever
    /// reads it reports that).
    pub fn outside(&self, path: &Path) -> Option<PathBuf> {
        let root = self.real.as_ref()?;
        let real = std::fs::canonicalize(path).ok()?;
        (!real.starts_with(root)).then_some(real)
    }

    /// The error for `file` (as named in messages) when it leads out of the site folder.
    pub fn refuse(&self, path: &Path, file: &str) -> Option<Diagnostic> {
        self.outside(path).map(|real| outside(file, &real))
    }
}

/// The error for `file`, a link (or a file in a linked folder) that leads to `real`.
pub fn outside(file: &str, real: &Path) -> Diagnostic {
    Diagnostic::error(
        file,
        format!(
            "this is a link to {}, which is outside the site folder; only files inside the site folder are published, so that nothing else on this computer is published by mistake",
            real.display()
        ),
    )
    .hint("copy the file into the site folder in place of the link, or remove the link")
}

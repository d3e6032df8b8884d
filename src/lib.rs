//! breachpage: turns a school district's YAML incident records into its public
//! data-breach notice site, checking each notice against the jurisdiction's law.
//!
//! Data flows one way, through one object, [`site::Site`]: `load` reads site.toml and the
//! records into the model ([`model::SiteData`]), `check` runs every check
//! ([`checks`], the law in [`compliance`]), and `render` turns the checked site into pages
//! handed to a sink: the build's staging folder, the preview's memory, or nothing at all
//! for `check`. The commands in [`cmd`] are thin callers.

pub mod checks;
pub mod cli;
pub mod cmd;
pub mod compliance;
pub mod config;
pub mod content;
pub(crate) mod contrast;
pub mod diagnostics;
pub(crate) mod inside;
pub mod jurisdiction;
pub mod kit;
pub(crate) mod lock;
pub mod model;
pub(crate) mod output;
pub mod pdf;
pub mod render;
pub(crate) mod serve;
pub mod site;
pub(crate) mod suggest;
pub mod theme;
pub(crate) mod visibility;
pub mod vocabulary;

use diagnostics::Diagnostics;

/// Why a command failed, which decides its exit status.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage (exit 2).
    Usage(String),
    /// `site.toml` is missing, unreadable or invalid (exit 2).
    Config(Diagnostics),
    /// The site has errors: invalid records, broken templates (exit 1).
    Site(Diagnostics),
    /// The output could not be written (exit 1).
    Io(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) | Failure::Config(_) => 2,
            Failure::Site(_) | Failure::Io(_) => 1,
        }
    }
}

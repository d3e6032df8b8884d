//! Loading a site from disk: `site.toml`, `content/_index.md` and every incident record,
//! validated into the [`SiteData`] model. Every problem in every file is collected.

mod evidence;
pub mod fields;
pub mod record;
mod slug;
mod syntax;
pub mod yaml;

use std::fs;
use std::io::Read as _;
use std::path::Path;

use rayon::prelude::*;

use crate::config::{self, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::inside::SiteFolder;
use crate::model::{Incident, Logo, SiteData};
use crate::Failure;

pub use slug::{check_slug, slugify};

pub const INDEX_FILE: &str = "content/_index.md";
pub const INCIDENTS_DIR: &str = "content/incidents";
/// Real records are a few kilobytes; anything this large is a mistake, not a notice.
const MAX_RECORD_BYTES: u64 = 2 * 1024 * 1024;
/// A logo over this is not read at all; `checks::site::logo` holds it to far less.
const MAX_LOGO_READ_BYTES: u64 = 16 * 1024 * 1024;
/// site.toml is a page of settings.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;
/// More problems than this in one record are summed up, not listed: a mangled file can
/// hold hundreds of thousands, and a report nobody can read is no help.
const MAX_PROBLEMS_PER_FILE: usize = 50;

/// A loaded site and what was found wrong with it. When `diagnostics` holds errors, the
/// records with errors are missing from `site.incidents` and nothing may be published.
#[derive(Debug)]
pub struct Loaded {
    pub site: SiteData,
    pub diagnostics: Diagnostics,
}

/// Loads and validates the site at `root`. A missing or invalid `site.toml` is a
/// configuration failure; problems in records are returned as diagnostics.
pub fn load(root: &Path) -> Result<Loaded, Failure> {
    let config = load_config(root)?;
    let Some(pack) = config.pack() else {
        // `SiteConfig::parse` has already rejected unknown jurisdictions.
        return Err(Failure::Usage(format!(
            "site.toml: unknown jurisdiction `{}`",
            config.district.jurisdiction
        )));
    };
    let mut diagnostics = Diagnostics::new();
    let folder = SiteFolder::new(root);
    let process_text = read_inside(root, &folder, INDEX_FILE, &mut diagnostics).unwrap_or_default();
    crate::compliance::pii::check_page(INDEX_FILE, &process_text, &mut diagnostics);
    let mut process_translations = std::collections::BTreeMap::new();
    for code in config.languages().into_iter().skip(1) {
        let file = format!("content/_index.{code}.md");
        if let Some(text) = read_inside(root, &folder, &file, &mut diagnostics) {
            crate::compliance::pii::check_page(&file, &text, &mut diagnostics);
            process_translations.insert(code.to_string(), text);
        }
    }
    let files = record_files(root, &folder, &mut diagnostics);
    // Records are read on every core; each keeps its own diagnostics, merged in file order.
    let read: Vec<_> = files
        .par_iter()
        .map(|(file, slug, regular)| {
            // A file the folder's listing shows as regular is where it is listed; a link is
            // followed only as far as the site folder.
            if !regular {
                if let Some(outside) = folder.refuse(&root.join(file), file) {
                    return (None, single(outside));
                }
            }
            read_and_parse(root, file, slug)
        })
        .collect();
    let mut incidents = Vec::with_capacity(read.len());
    for (incident, problems) in read {
        diagnostics.extend(problems);
        incidents.extend(incident);
    }
    incidents.sort_by(|a, b| a.slug.cmp(&b.slug));
    let logo = read_logo(root, &folder, &config, &mut diagnostics);
    for incident in &incidents {
        evidence::check(root, &folder, incident, &mut diagnostics);
    }
    Ok(Loaded {
        site: SiteData {
            config,
            pack,
            process_text,
            process_translations,
            incidents,
            logo,
        },
        diagnostics,
    })
}

pub fn load_config(root: &Path) -> Result<SiteConfig, Failure> {
    let path = root.join(config::FILE);
    let text = match read_bytes(&path, MAX_CONFIG_BYTES) {
        Ok(Some(bytes)) => String::from_utf8(bytes).map_err(|_| {
            Failure::Config(single(
                Diagnostic::error(config::FILE, "site.toml is not UTF-8 text")
                    .hint("save it as UTF-8 in your editor"),
            ))
        })?,
        Ok(None) => {
            return Err(Failure::Config(single(
                Diagnostic::error(config::FILE, format!("there is no site.toml in {}", root.display()))
                    .hint("run breachpage in the folder of your site, pass --root DIR, or create a new site with `breachpage init`"),
            )));
        }
        Err(unreadable) => {
            return Err(Failure::Config(single(
                unreadable.diagnostic(config::FILE, "site.toml is a page of settings"),
            )))
        }
    };
    SiteConfig::parse(&text).map_err(Failure::Config)
}

/// The file `[site] logo` names, when site.toml names one of a kind it accepts (the name
/// itself is checked with site.toml); a missing or unreadable file is a problem here.
fn read_logo(
    root: &Path,
    folder: &SiteFolder,
    config: &SiteConfig,
    diagnostics: &mut Diagnostics,
) -> Option<Logo> {
    let file = config.site.logo.as_deref()?;
    let extension = config::logo_extension(file)?;
    let path = root.join(file);
    if let Some(outside) = folder.refuse(&path, file) {
        diagnostics.push(outside);
        return None;
    }
    match read_bytes(&path, MAX_LOGO_READ_BYTES) {
        Ok(Some(bytes)) => Some(Logo {
            file: file.to_string(),
            extension,
            bytes,
        }),
        Ok(None) => {
            diagnostics.push(
                Diagnostic::error(config::FILE, format!("there is no logo file {file} in the site folder"))
                    .field("site.logo")
                    .at(&config.location("site.logo"))
                    .hint("put the logo file there, correct the file name (it is counted from the folder that holds site.toml), or remove `logo` and `logo_alt`"),
            );
            None
        }
        Err(Unreadable::NotAFile(kind)) => {
            diagnostics.push(
                Diagnostic::error(file, format!("this is {kind}, not an image file"))
                    .hint("put the logo image here, or name another file in `logo` under [site] in site.toml"),
            );
            None
        }
        Err(unreadable) => {
            diagnostics.push(unreadable.diagnostic(file, "a logo is normally a few kilobytes"));
            None
        }
    }
}

/// Why a file of the site could not be read.
enum Unreadable {
    /// A folder, or a pipe, device or socket, which could block a build or never end.
    NotAFile(&'static str),
    TooLarge(u64),
    Io(std::io::Error),
}

impl Unreadable {
    /// The problem, on `file`; `normal` says what the file normally is.
    fn diagnostic(self, file: &str, normal: &str) -> Diagnostic {
        match self {
            Unreadable::NotAFile(kind) => {
                Diagnostic::error(file, format!("this is {kind}, not a text file"))
                    .hint("replace it with a plain text file, or remove it")
            }
            Unreadable::TooLarge(bytes) => Diagnostic::error(
                file,
                format!(
                    "this file is {:.1} MB; {normal}",
                    bytes as f64 / 1_048_576.0
                ),
            )
            .hint("check that the right file was saved here"),
            Unreadable::Io(error) => {
                Diagnostic::error(file, format!("the file cannot be read: {error}"))
            }
        }
    }
}

/// The bytes of a regular file of at most `limit` bytes; `None` when there is no file
/// (or only a link to one that does not exist). Anything else is refused before it is
/// opened: reading a pipe or a device would block, or never end.
fn read_bytes(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, Unreadable> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Unreadable::Io(error)),
    };
    if meta.is_dir() {
        return Err(Unreadable::NotAFile("a folder"));
    }
    if !meta.is_file() {
        return Err(Unreadable::NotAFile(
            "a pipe, a device or another special file",
        ));
    }
    if meta.len() > limit {
        return Err(Unreadable::TooLarge(meta.len()));
    }
    let file = fs::File::open(path).map_err(Unreadable::Io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read to the end: the file may have grown since it was measured (an editor saving
    // it, or a network share that reported an old size).
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unreadable::TooLarge(bytes.len() as u64));
    }
    Ok(Some(bytes))
}

/// Reads and parses one record: the incident (when it has no errors) and its problems.
fn read_and_parse(root: &Path, file: &str, slug: &str) -> (Option<Incident>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let Some(source) = read_record(root, file, &mut problems) else {
        return (None, problems);
    };
    let incident = record::parse(file, slug, &source, &mut problems);
    let (errors, warnings) = problems.truncate(MAX_PROBLEMS_PER_FILE);
    if errors + warnings > 0 {
        let more = format!(
            "{} more problems in this file are not listed ({errors} errors, {warnings} warnings)",
            errors + warnings
        );
        let hint = "fix the problems listed for this file and check again; it may be damaged, or not a record at all";
        problems.push(match errors {
            0 => Diagnostic::warning(file, more).hint(hint),
            _ => Diagnostic::error(file, more).hint(hint),
        });
    }
    (incident, problems)
}

fn single(diagnostic: Diagnostic) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    diagnostics.push(diagnostic);
    diagnostics
}

/// The record files under `content/incidents/`, sorted, with their slugs and whether the
/// folder's listing already says that each is a regular file (not a link or a pipe).
/// The folder must be there: without it, a build would post the all-clear and take down
/// every notice. An empty folder is the all-clear.
fn record_files(
    root: &Path,
    folder: &SiteFolder,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, String, bool)> {
    let dir = root.join(INCIDENTS_DIR);
    if let Some(outside) = folder.refuse(&dir, INCIDENTS_DIR) {
        diagnostics.push(outside);
        return Vec::new();
    }
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            diagnostics.push(
                Diagnostic::error(
                    INCIDENTS_DIR,
                    format!(
                        "there is no folder {INCIDENTS_DIR}/ in {}. Publishing now would say \"There are currently no notifications.\" and take down every notice posted before, so nothing was published",
                        root.display()
                    ),
                )
                .hint(format!(
                    "check that this is the site's folder (--root); if the district has no notices, create the empty folder {INCIDENTS_DIR}/"
                )),
            );
            return Vec::new();
        }
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                INCIDENTS_DIR,
                format!("the folder cannot be read: {error}"),
            ));
            return Vec::new();
        }
    };
    // A name that is not valid text is kept (with U+FFFD in place of the bad bytes) so
    // that it is reported, not silently skipped.
    let mut names: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .map(|entry| {
            let regular = entry.file_type().is_ok_and(|kind| kind.is_file());
            (entry.file_name().to_string_lossy().into_owned(), regular)
        })
        .collect();
    names.sort();
    let mut files: Vec<(String, String, bool)> = Vec::new();
    // Slug → the file that has it, to find two records with one address.
    let mut taken: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (name, regular) in names {
        // Hidden files, editor backups and swap files are not records.
        if name.starts_with('.') || name.ends_with('~') || name.starts_with('#') {
            continue;
        }
        let file = format!("{INCIDENTS_DIR}/{name}");
        let Some(stem) = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
        else {
            if !root.join(&file).is_dir() {
                diagnostics.push(
                    Diagnostic::warning(
                        &file,
                        "this file is ignored: records must end in .yaml or .yml",
                    )
                    .hint("rename it to end in .yaml if it is an incident record"),
                );
            }
            continue;
        };
        if let Err(suggestion) = check_slug(stem) {
            diagnostics.push(
                Diagnostic::error(&file, "the file name is used as the notice's web address and may only hold lowercase letters, digits and hyphens")
                    .expected("a name such as 2025-01-08-sis-breach.yaml")
                    .found(format!("\"{name}\""))
                    .hint(format!("rename the file to {suggestion}.yaml")),
            );
            continue;
        }
        if let Some(other) = taken.get(stem) {
            diagnostics.push(
                Diagnostic::error(
                    &file,
                    format!("two records have the same name: {other} and this one"),
                )
                .hint("rename or remove one of them; each notice needs its own address"),
            );
            continue;
        }
        taken.insert(stem.to_string(), file.clone());
        files.push((file, stem.to_string(), regular));
    }
    files
}

/// A record file, listed in `content/incidents/`, as text. A link to a missing file is a
/// problem here.
fn read_record(root: &Path, file: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    let text = read_text(root, file, diagnostics);
    // A record that is listed but not there (and not reported as unreadable) is a link
    // to a file that does not exist, or was removed since the folder was listed.
    let path = root.join(file);
    if text.is_none() && !fs::exists(&path).unwrap_or(true) && fs::symlink_metadata(&path).is_ok() {
        diagnostics.push(
            Diagnostic::error(file, "this is a link to a file that does not exist")
                .hint("remove the link, or put back the file it points to"),
        );
    }
    text
}

/// [`read_text`], refusing a link that leads out of the site folder.
fn read_inside(
    root: &Path,
    folder: &SiteFolder,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    if let Some(outside) = folder.refuse(&root.join(file), file) {
        diagnostics.push(outside);
        return None;
    }
    read_text(root, file, diagnostics)
}

/// A file as UTF-8 text; `None` (with a diagnostic) when it cannot be read. A missing
/// `_index.md` is not a problem: the theme's default process text is used.
fn read_text(root: &Path, file: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    let normal = "a record or page text is normally a few kilobytes";
    let bytes = match read_bytes(&root.join(file), MAX_RECORD_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return None,
        Err(unreadable) => {
            diagnostics.push(unreadable.diagnostic(file, normal));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        // Some editors start UTF-8 files with a byte-order mark; it is not content.
        Ok(text) => Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let mut problem = Diagnostic::error(file, "this file is not UTF-8 text")
                .hint("save it as UTF-8 in your editor (\"Save with encoding: UTF-8\")");
            problem.line = line;
            problem.column = 1;
            diagnostics.push(problem);
            None
        }
    }
}

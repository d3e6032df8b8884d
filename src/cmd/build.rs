//! `breachpage build`: validate everything, then write the public site atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::lock::{self, BuildLock};
use crate::output::{self, Staging};
use crate::render::{RenderOptions, Rendered};
use crate::site::Site;
use crate::Failure;

pub fn run(root: &Path, output: Option<&Path>, today: NaiveDate) -> Result<(), Failure> {
    let target = output.map_or_else(|| root.join("public"), Path::to_path_buf);
    guard_output(root, &target, output.is_some())?;
    // A link (to a web server's root) stays a link: the site is built where it points.
    let real = output::resolve(&target).map_err(|error| {
        Failure::Usage(format!(
            "cannot follow the output folder {}: {error}. Point --output at a folder.",
            target.display()
        ))
    })?;
    if real != target {
        guard_output(root, &real, output.is_some())?;
    }
    let failed = |error: std::io::Error| {
        Failure::Io(format!(
            "could not write the site to {}: {error}. The previous site there is unchanged.",
            real.display()
        ))
    };
    // Not a site at all (a wrong --root): say so before anything else.
    if !root.join(crate::config::FILE).is_file() {
        crate::content::load_config(root)?;
    }
    // One build at a time, from before the output is first looked at until it is in place.
    let _lock = BuildLock::acquire(root, &parent_of(&real), lock::WAIT)?;
    for done in output::tidy(&real).map_err(failed)? {
        eprintln!("{done}");
    }
    // What the site published so far, to say which notices this build takes down.
    let previous = {
        let real = real.clone();
        std::thread::Builder::new()
            .name("previous".into())
            .spawn(move || published_before(&real))
            .ok()
    };
    let site = Site::load(root)?.check(today)?;
    // Each page is written into the staging folder as soon as it is rendered; the folder
    // replaces the output only when every page was rendered and written, and is removed
    // (when `staging` is dropped) otherwise.
    let staging = Staging::begin(&real).map_err(failed)?;
    let rendered = site.render(&RenderOptions::public(today), &staging)?;
    let warnings = &rendered.warnings;
    let previous = previous
        .and_then(|thread| thread.join().ok())
        .unwrap_or_default();
    let committed = staging.commit().map_err(failed)?;
    eprint!("{}", warnings.render_text());
    if let Some((at, error)) = &committed.leftover {
        eprintln!(
            "warning: the new site is in place, but the previous one could not be removed ({error}). It is not published; delete it by hand when convenient: {}",
            at.display()
        );
    }
    print!("{}", summary(&rendered, &target, today));
    if real != target {
        println!(
            "{} is a link; the site was written to {}.",
            target.display(),
            real.display()
        );
    }
    print!("{}", removed(&previous, &rendered));
    Ok(())
}

/// Puts back a site that an interrupted build left set aside, for commands other than
/// `build` that write to the site folder. Quietly does nothing while a build is running
/// (that build does it) or when the folder cannot be looked at.
pub fn restore_interrupted(root: &Path) {
    let Ok(real) = output::resolve(&root.join("public")) else {
        return;
    };
    let Ok(_lock) = BuildLock::try_now(&root.join(lock::FILE)) else {
        return;
    };
    match output::tidy(&real) {
        Ok(done) => {
            for done in done {
                eprintln!("{done}");
            }
        }
        Err(error) => eprintln!(
            "warning: an earlier build was interrupted and the previous site could not be put back at {}: {error}. Run `breachpage build` to publish the site again.",
            real.display()
        ),
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The notices in the output's `notices.json`, by slug → title; none when there is none.
fn published_before(output: &Path) -> BTreeMap<String, String> {
    #[derive(serde::Deserialize)]
    struct Published {
        notices: Vec<Notice>,
    }
    #[derive(serde::Deserialize)]
    struct Notice {
        slug: String,
        title: String,
    }
    std::fs::read(output.join("notices.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Published>(&bytes).ok())
        .map(|published| {
            published
                .notices
                .into_iter()
                .map(|notice| (notice.slug, notice.title))
                .collect()
        })
        .unwrap_or_default()
}

/// The lines of the summary that name the notices the previous build published and this
/// one does not.
fn removed(previous: &BTreeMap<String, String>, rendered: &Rendered) -> String {
    let now: std::collections::HashSet<&str> = rendered
        .current
        .iter()
        .chain(&rendered.past)
        .map(String::as_str)
        .collect();
    let gone: Vec<(&String, &String)> = previous
        .iter()
        .filter(|(slug, _)| !now.contains(slug.as_str()))
        .collect();
    if gone.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "Removed {} notice{} that the previous build published:\n",
        gone.len(),
        plural(gone.len())
    );
    for (slug, title) in gone {
        let why = rendered
            .withheld
            .iter()
            .find(|(withheld, _)| withheld == slug)
            .map_or_else(
                || "its record is no longer in content/incidents/".to_string(),
                |(_, reason)| format!("withheld: {}", reason.reason()),
            );
        text.push_str(&format!("  \"{title}\" ({slug}): {why}\n"));
    }
    text
}

/// Refuses output paths whose replacement would destroy something that is not a built
/// site: a file; the site's folder or one above it; one of its source folders, or a
/// folder inside one; any folder holding a site. Paths are compared as written and as
/// the system resolves them (through symbolic links), before anything is written.
/// `explicit`: the folder was named with `--output`, so it may be any folder of the
/// computer; `public/` (or where a `public/` link points) is the site's own.
fn guard_output(root: &Path, target: &Path, explicit: bool) -> Result<(), Failure> {
    let suggestion = root.join("public");
    match std::fs::metadata(target) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Failure::Usage(format!(
                "refusing to write the site to {}: it is a file, not a folder, and building would replace it with the site's pages. Choose a new or empty folder for --output, such as {}",
                target.display(),
                suggestion.display()
            )));
        }
        Ok(_) if explicit && !built_by_breachpage(target) => {
            return Err(Failure::Usage(format!(
                "refusing to write the site to {}: the folder already holds files that breachpage did not build (it has no notices.json), and building would replace them all. Choose a new or empty folder for --output, such as {}, or empty this one first",
                target.display(),
                suggestion.display()
            )));
        }
        _ => {}
    }
    let absolute = |p: &Path| -> PathBuf {
        std::path::absolute(p)
            .map(|a| normalise(&a))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (root_abs, target_abs) = (absolute(root), absolute(target));
    let forms = [
        (root_abs.clone(), target_abs.clone()),
        (resolved(&root_abs), resolved(&target_abs)),
    ];
    for (root_abs, target_abs) in forms {
        let source = ["content", "templates", "static", "themes", ".git"]
            .into_iter()
            .find(|dir| target_abs.starts_with(root_abs.join(dir)));
        if let Some(source) = source {
            return Err(Failure::Usage(format!(
                "refusing to write the site to {}: it is inside the site's {source}/ folder, and building replaces the output folder completely. Choose a folder outside {source}/, such as {}",
                target.display(),
                suggestion.display()
            )));
        }
        let holds_a_site = ["site.toml", "content", ".git"]
            .iter()
            .any(|name| target_abs.join(name).exists());
        if root_abs.starts_with(&target_abs) || holds_a_site {
            return Err(Failure::Usage(format!(
                "refusing to write the site to {}: building replaces the output folder completely, and that folder holds or is part of the site's own files. Choose an empty or new folder, such as {}",
                target.display(),
                suggestion.display()
            )));
        }
    }
    Ok(())
}

/// Whether an existing output folder may be replaced: it is empty, or a site breachpage
/// built (every build writes `notices.json`). Anything else (`--output ~/Documents`)
/// would be lost.
fn built_by_breachpage(folder: &Path) -> bool {
    if folder.join("notices.json").is_file() {
        return true;
    }
    match std::fs::read_dir(folder) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => true,
    }
}

/// `path` with its symbolic links resolved, as far as it exists (the rest is kept as
/// written).
fn resolved(path: &Path) -> PathBuf {
    let mut existing = path;
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |acc, part| acc.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Removes `.` and `..` components without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn summary(rendered: &Rendered, target: &Path, today: NaiveDate) -> String {
    let published = rendered.current.len() + rendered.past.len();
    let mut text = format!(
        "Built {} files into {} (as of {today}).\nPublished {published} notice{}: {} current, {} past.\n",
        rendered.files,
        target.display(),
        plural(published),
        rendered.current.len(),
        rendered.past.len(),
    );
    if rendered.withheld.is_empty() {
        text.push_str("Withheld none.\n");
    } else {
        text.push_str(&format!(
            "Withheld {} notice{}:\n",
            rendered.withheld.len(),
            plural(rendered.withheld.len())
        ));
        for (slug, reason) in &rendered.withheld {
            text.push_str(&format!("  {slug}: {}\n", reason.reason()));
        }
    }
    text
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

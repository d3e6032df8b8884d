//! `breachpage kit SLUG`: the staff kit of one incident, written to `kit/SLUG/` (or
//! `--output`) all at once, after every check `build` runs has passed.

use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;

use crate::compliance::{obligations, residence};
use crate::kit::{self, recipients};
use crate::site::Site;
use crate::{suggest, Failure};

/// Site folders that are published or hold the notices: the kit never goes there, and a
/// recipients file kept there is refused.
const PUBLIC_PLACES: &[&str] = &["public", "content", "static", "themes", "templates"];

pub fn run(
    root: &Path,
    slug: &str,
    recipients_file: Option<&Path>,
    output: Option<&Path>,
    today: NaiveDate,
) -> Result<(), Failure> {
    let target = match output {
        Some(dir) => dir.to_path_buf(),
        None => root.join("kit").join(slug),
    };
    guard(root, &target, "--output", "the kit")?;
    guard_replace(root, &target)?;
    if let Some(file) = recipients_file {
        guard(root, file, "--recipients", "a recipients file")?;
    }
    let checked = Site::load(root)?.check(today)?;
    let site = checked.model();
    let Some(incident) = site.incidents.iter().find(|i| i.slug == slug) else {
        let mut message = format!("there is no incident `{slug}` in content/incidents/");
        if let Some(close) = suggest::closest(slug, site.incidents.iter().map(|i| i.slug.as_str()))
        {
            message.push_str(&format!("; did you mean `{close}`?"));
        }
        return Err(Failure::Usage(message));
    };
    let merge = match recipients_file {
        Some(file) => {
            let bytes = std::fs::read(file).map_err(|error| {
                Failure::Usage(format!(
                    "cannot read the recipients file {}: {error}",
                    file.display()
                ))
            })?;
            let languages = site.config.languages();
            let merge = recipients::read(&bytes, &languages).map_err(|problem| {
                Failure::Usage(format!("the recipients file {}: {problem}", file.display()))
            })?;
            Some(merge)
        }
        None => None,
    };
    let statuses = obligations::evaluate(incident, site.pack, &site.config, today);
    let residences = residence::residences(incident, site.pack, &site.config, today);
    let mut built = kit::assemble(
        site,
        checked.theme(),
        incident,
        &statuses,
        &residences,
        merge.as_ref(),
        today,
    )
    .map_err(Failure::Usage)?;
    let residences = vec![residences];
    let evaluated = vec![(incident, statuses)];
    built.files.insert(
        "deadlines.ics".to_string(),
        super::ics::calendar(&evaluated, &residences, today).into_bytes(),
    );
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|error| {
            Failure::Io(format!("could not create {}: {error}", parent.display()))
        })?;
    }
    crate::output::write_atomically(&built.files, &target).map_err(|error| {
        Failure::Io(format!(
            "could not write the kit to {}: {error}. The previous kit there is unchanged.",
            target.display()
        ))
    })?;
    // The warnings of this record and of the site, not those of other records.
    let mut warnings = checked.warnings().clone();
    warnings
        .retain(|d| d.file == incident.file || !d.file.starts_with(crate::content::INCIDENTS_DIR));
    eprint!("{}", warnings.render_text());
    if incident.status == crate::model::Status::Draft {
        eprintln!("note: {slug} is a draft: read every letter before it is sent");
    }
    println!(
        "Wrote the staff kit of {slug} to {} ({} files):",
        target.display(),
        built.files.len()
    );
    for line in &built.summary {
        println!("  {line}");
    }
    println!("  the compliance record (record.html, record.pdf) and the deadlines calendar (deadlines.ics)");
    Ok(())
}

/// Refuses `path` when it is the site folder itself or inside one of its published
/// places or `content/`.
fn guard(root: &Path, path: &Path, flag: &str, what: &str) -> Result<(), Failure> {
    let root_real = real(root);
    let path_real = real(path);
    if path_real == root_real {
        return Err(Failure::Usage(format!(
            "{flag} {}: {what} may not be the site folder itself; the default is kit/SLUG/",
            path.display()
        )));
    }
    for place in PUBLIC_PLACES {
        if path_real.starts_with(root_real.join(place)) {
            return Err(Failure::Usage(format!(
                "{flag} {}: {what} may not be inside {place}/ of the site, which is published or holds the notices; letters and recipients must never be published. Use kit/ (the default), or a folder outside the site",
                path.display()
            )));
        }
    }
    Ok(())
}

/// Refuses a kit folder that writing would wrongly replace: a file, a folder holding the
/// site (or one of its parents), or a folder of other files (the kit replaces its folder
/// whole; a folder it wrote before has `record.html` and `deadlines.ics`).
fn guard_replace(root: &Path, target: &Path) -> Result<(), Failure> {
    let refuse = |why: &str| {
        Err(Failure::Usage(format!(
            "refusing to write the kit to {}: {why}, and writing the kit replaces the folder completely. Choose a new or empty folder, or leave out --output (kit/SLUG/ in the site's folder)",
            target.display()
        )))
    };
    let (root_real, target_real) = (real(root), real(target));
    if root_real.starts_with(&target_real)
        || ["site.toml", "content", ".git"]
            .iter()
            .any(|name| target_real.join(name).exists())
    {
        return refuse("that folder holds the site's own files");
    }
    match std::fs::metadata(target) {
        Ok(meta) if !meta.is_dir() => refuse("it is a file, not a folder"),
        Ok(_) => {
            let empty = std::fs::read_dir(target)
                .map(|mut entries| entries.next().is_none())
                .unwrap_or(false);
            let kit =
                target.join("record.html").is_file() && target.join("deadlines.ics").is_file();
            if empty || kit {
                Ok(())
            } else {
                refuse("the folder holds files that are not a staff kit")
            }
        }
        Err(_) => Ok(()),
    }
}

/// `path` made absolute with its links resolved, as far as it exists; the rest appended.
fn real(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = absolute.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(found) = std::fs::canonicalize(&existing) {
            let mut out = found;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return normalize(&out);
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return normalize(&absolute),
        }
    }
}

/// `a/./b/../c` as `a/c`.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

//! `breachpage build`: validate everything, then write the public site atomically.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::output::Staging;
use crate::render::{self, RenderOptions, Rendered};
use crate::Failure;

pub fn run(root: &Path, output: Option<&Path>, today: NaiveDate) -> Result<(), Failure> {
    let target = output.map_or_else(|| root.join("public"), Path::to_path_buf);
    guard_output(root, &target)?;
    let (site, theme, diagnostics) = super::validate(root, today)?;
    let failed = |error: std::io::Error| {
        Failure::Io(format!(
            "could not write the site to {}: {error}. The previous site there is unchanged.",
            target.display()
        ))
    };
    // Each page is written into the staging folder as soon as it is rendered; the folder
    // replaces the output only when every page was rendered and written, and is removed
    // (when `staging` is dropped) otherwise.
    let staging = Staging::begin(&target).map_err(failed)?;
    let rendered = render::render_to(&site, &theme, &RenderOptions::public(today), &staging);
    let (rendered, warnings) = super::finish(rendered, diagnostics)?;
    staging.commit().map_err(failed)?;
    eprint!("{}", warnings.render_text());
    print!("{}", summary(&rendered, &target, today));
    Ok(())
}

/// Refuses output folders whose replacement would destroy the site itself: the site's
/// folder or one above it, one of its source folders, or any folder holding a site.
fn guard_output(root: &Path, target: &Path) -> Result<(), Failure> {
    let absolute = |p: &Path| -> PathBuf {
        std::path::absolute(p)
            .map(|a| normalise(&a))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (root_abs, target_abs) = (absolute(root), absolute(target));
    let inside_sources = ["content", "templates", "static", "themes", ".git"]
        .iter()
        .any(|dir| target_abs.starts_with(root_abs.join(dir)));
    let holds_a_site = ["site.toml", "content", ".git"]
        .iter()
        .any(|name| target_abs.join(name).exists());
    if root_abs.starts_with(&target_abs) || inside_sources || holds_a_site {
        return Err(Failure::Usage(format!(
            "refusing to write the site to {}: building replaces the output folder completely, and that folder holds or is part of the site's own files. Choose an empty or new folder, such as {}",
            target.display(),
            root.join("public").display()
        )));
    }
    Ok(())
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

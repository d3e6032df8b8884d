//! The one place that knows `notify`: watches the files a site is built from and calls
//! back once per burst of changes. Editors save in several steps (a temporary file, a
//! rename, a backup), so changes are collected until the files have been quiet briefly.

use std::collections::BTreeSet;
use std::path::{Component, Path};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::config;

/// The folders of a site that its pages are built from, watched with everything in them.
const FOLDERS: [&str; 4] = ["content", "themes", "templates", "static"];
/// How long the files must stay quiet before a rebuild: long enough for an editor's
/// save to complete, short enough not to be noticed.
const QUIET: Duration = Duration::from_millis(30);
/// A steady stream of changes still gets a rebuild this often.
const MAX_WAIT: Duration = Duration::from_millis(500);

/// Watching stops when this is dropped.
pub struct Watching {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

/// Calls `on_change` with the changed paths (relative to `root`) after each burst of
/// changes, on a thread of its own; one call at a time.
pub fn watch(
    root: &Path,
    on_change: impl Fn(&[String]) + Send + 'static,
) -> Result<Watching, String> {
    let root = std::fs::canonicalize(root).map_err(|error| error.to_string())?;
    let (events, receiver) = mpsc::channel();
    let watcher = notify::recommended_watcher(events).map_err(|error| error.to_string())?;
    let watcher = Arc::new(Mutex::new(watcher));
    {
        let mut watcher = watcher.lock().unwrap_or_else(PoisonError::into_inner);
        // The root itself, not recursively: site.toml, and the folders appearing later.
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|error| error.to_string())?;
        for folder in FOLDERS {
            watch_folder(&mut watcher, &root, folder);
        }
    }
    let watching = Watching {
        _watcher: Arc::clone(&watcher),
    };
    let weak = Arc::downgrade(&watcher);
    drop(watcher);
    thread::Builder::new()
        .name("breachpage-watch".to_string())
        .spawn(move || {
            while let Some(changed) = next_burst(&receiver, &root) {
                // A watched folder created after the start (say, templates/) is watched too.
                if let Some(watcher) = weak.upgrade() {
                    let mut watcher = watcher.lock().unwrap_or_else(PoisonError::into_inner);
                    for folder in FOLDERS {
                        if changed.iter().any(|path| path == folder) {
                            watch_folder(&mut watcher, &root, folder);
                        }
                    }
                }
                let changed: Vec<String> = changed.into_iter().collect();
                on_change(&changed);
            }
        })
        .map_err(|error| error.to_string())?;
    Ok(watching)
}

fn watch_folder(watcher: &mut RecommendedWatcher, root: &Path, folder: &str) {
    let path = root.join(folder);
    if path.is_dir() {
        // Watching a folder twice is harmless; a folder that vanished is simply not watched.
        let _ = watcher.watch(&path, RecursiveMode::Recursive);
    }
}

/// Waits for a relevant change, then collects changes until the files are quiet. `None`
/// when watching has stopped.
fn next_burst(receiver: &Receiver<notify::Result<Event>>, root: &Path) -> Option<BTreeSet<String>> {
    let mut changed = BTreeSet::new();
    while changed.is_empty() {
        let event = receiver.recv().ok()?;
        collect(event, root, &mut changed);
    }
    let started = Instant::now();
    loop {
        let left = MAX_WAIT.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Some(changed);
        }
        match receiver.recv_timeout(QUIET.min(left)) {
            Ok(event) => collect(event, root, &mut changed),
            Err(RecvTimeoutError::Timeout) => return Some(changed),
            Err(RecvTimeoutError::Disconnected) => return Some(changed),
        }
    }
}

fn collect(event: notify::Result<Event>, root: &Path, changed: &mut BTreeSet<String>) {
    let Ok(event) = event else {
        // The watcher lost track (e.g. its queue overflowed): rebuild to be safe.
        changed.insert("(files)".to_string());
        return;
    };
    if !matters(&event.kind) {
        return;
    }
    for path in &event.paths {
        if let Some(relative) = relevant(root, path) {
            changed.insert(relative);
        }
    }
}

fn matters(kind: &EventKind) -> bool {
    match kind {
        // Opening and reading change nothing; closing a file written to may be the only
        // sign of a save on some systems.
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The path relative to the root (with `/`), when a change there can change the site.
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|part| match part {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, name) = (parts.first()?, parts.last()?);
    let wanted = if parts.len() == 1 {
        *first == config::FILE || FOLDERS.contains(first)
    } else {
        FOLDERS.contains(first)
    };
    if !wanted || parts.iter().any(|part| part.starts_with('.')) || is_editor_scratch(name) {
        return None;
    }
    Some(parts.join("/"))
}

/// Temporary, swap and backup files that editors write beside the file being saved.
fn is_editor_scratch(name: &str) -> bool {
    const SUFFIXES: [&str; 12] = [
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        ".tmp",
        ".bak",
        ".orig",
        ".crswap",
        ".kate-swp",
        "___jb_tmp___",
        "___jb_old___",
    ];
    name == "4913" // Vim's test of whether the folder is writable
        || name.starts_with('#') // Emacs auto-save
        || name.starts_with(".#") // Emacs lock
        || name.starts_with("~$") // Office lock
        || name.starts_with(".goutputstream-") // GNOME
        || SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_count_and_editor_scratch_files_do_not() {
        let root = Path::new("/site");
        let check = |path: &str| relevant(root, &root.join(path));
        assert_eq!(check("site.toml").as_deref(), Some("site.toml"));
        assert_eq!(
            check("content/incidents/a.yaml").as_deref(),
            Some("content/incidents/a.yaml")
        );
        assert_eq!(check("templates").as_deref(), Some("templates"));
        assert_eq!(
            check("themes/default/static/style.css").as_deref(),
            Some("themes/default/static/style.css")
        );
        for ignored in [
            "public/index.html",
            "target/debug/x",
            "README.md",
            "content/incidents/.a.yaml.swp",
            "content/incidents/a.yaml.swp",
            "content/incidents/a.yaml~",
            "content/incidents/4913",
            "content/incidents/#a.yaml#",
            "content/incidents/.#a.yaml",
            "content/.git/index",
            "static/logo.png___jb_tmp___",
        ] {
            assert_eq!(check(ignored), None, "{ignored}");
        }
        assert_eq!(relevant(root, Path::new("/elsewhere/site.toml")), None);
    }
}

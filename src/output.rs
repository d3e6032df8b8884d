//! Writing the rendered pages to the output folder, all or nothing: the pages go into a
//! staging folder beside the output, which replaces the output only once every file is
//! written. A failed or interrupted build leaves the previous output as it was.
//!
//! Beside an output folder `public`, a build uses (all hidden, all removed when done):
//! - `.public.staging-PID`: the new site while it is written;
//! - `.public.old-N`: the previous site, set aside for the moment between the two renames
//!   of the swap. A build killed in that moment leaves no `public`: the next build (or any
//!   command that writes) finds the newest set-aside copy and puts it back;
//! - `.public.trash-PID-N`: an old site that could not be removed (a read-only folder).
//!   It is never put back, and never stands in the way of a later build.
//!
//! The output may be a symbolic link (to a web server's root): the site is then built
//! into the folder it points to, swapped there, and the link stays as it was.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::render::Sink;

/// How many links a chain of symbolic links may have before it is taken for a loop.
const MAX_LINKS: usize = 40;

/// The folder the site is written to for the output path `output`: `output` itself, or,
/// when it is a symbolic link, the folder the link (or chain of links) points to, which
/// need not exist yet.
pub fn resolve(output: &Path) -> io::Result<PathBuf> {
    let mut path = output.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(format!(
        "{} is a chain of more than {MAX_LINKS} symbolic links, or a loop",
        output.display()
    )))
}

/// The folder that holds `output`, and its name.
fn parent_and_name(output: &Path) -> io::Result<(PathBuf, String)> {
    let name = output.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("the output folder {} needs a name", output.display()),
        )
    })?;
    let parent = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name.to_string()))
}

/// What sits beside an output folder, by kind.
#[derive(Debug, Default)]
struct Beside {
    stagings: Vec<PathBuf>,
    /// Set-aside previous sites, oldest first, with their numbers.
    olds: Vec<(u64, PathBuf)>,
    trash: Vec<PathBuf>,
}

fn beside(output: &Path) -> io::Result<Beside> {
    let (parent, name) = parent_and_name(output)?;
    let mut found = Beside::default();
    let entries = match fs::read_dir(&parent) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(found),
        Err(error) => return Err(error),
    };
    let prefix = format!(".{name}.");
    for entry in entries.filter_map(Result::ok) {
        let Ok(file) = entry.file_name().into_string() else {
            continue;
        };
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let path = entry.path();
        if rest.starts_with("staging") {
            found.stagings.push(path);
        } else if rest.starts_with("trash") {
            found.trash.push(path);
        } else if rest == "old" {
            found.olds.push((0, path)); // the name used before numbered ones
        } else if let Some(n) = rest.strip_prefix("old-").and_then(|n| n.parse().ok()) {
            found.olds.push((n, path));
        }
    }
    found.olds.sort();
    Ok(found)
}

/// Something [`tidy`] did or could not do, for the build to say.
#[derive(Debug)]
pub enum Tidied {
    /// An interrupted build had set the previous site aside here; it was put back.
    Restored(PathBuf),
    /// A leftover of an earlier build that could not be removed; it is ignored.
    Stuck(PathBuf, io::Error),
}

impl std::fmt::Display for Tidied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tidied::Restored(from) => write!(
                f,
                "An earlier build was interrupted while it swapped in the new site, which left no output folder; the previous site, set aside at {}, has been put back.",
                from.display()
            ),
            Tidied::Stuck(path, error) => write!(
                f,
                "warning: a copy left by an earlier build could not be removed ({error}); it does no harm, and you can delete it by hand: {}",
                path.display()
            ),
        }
    }
}

/// Tidies what earlier builds left beside `output` (the resolved folder): when the output
/// is missing because a build was interrupted between the two renames of its swap, the
/// previous site is put back; staging folders and old copies are removed where they can
/// be, and ignored where they cannot. Only an output that cannot be put back is an error.
/// Call it holding the build lock.
pub fn tidy(output: &Path) -> io::Result<Vec<Tidied>> {
    let mut found = beside(output)?;
    let mut done = Vec::new();
    let missing =
        matches!(fs::symlink_metadata(output), Err(e) if e.kind() == io::ErrorKind::NotFound);
    if missing {
        if let Some((_, newest)) = found.olds.pop() {
            fs::rename(&newest, output)?;
            done.push(Tidied::Restored(newest));
        }
    }
    let leftovers = found
        .stagings
        .into_iter()
        .chain(found.olds.into_iter().map(|(_, path)| path))
        .chain(found.trash);
    for path in leftovers {
        if let Err(error) = remove_all(&path) {
            done.push(Tidied::Stuck(path, error));
        }
    }
    Ok(done)
}

/// Removes a file or a folder with everything in it. A folder made read-only (as a
/// published site sometimes is) is made writable by its owner first.
fn remove_all(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_dir() {
        return fs::remove_file(path);
    }
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(first) => {
            if make_writable(path).is_err() {
                return Err(first);
            }
            fs::remove_dir_all(path)
        }
    }
}

/// Lets the owner change every folder under `path` (links are not followed).
fn make_writable(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_dir() {
        return Ok(());
    }
    let mut permissions = meta.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(permissions.mode() | 0o700);
    }
    #[cfg(not(unix))]
    {
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
    }
    fs::set_permissions(path, permissions)?;
    for entry in fs::read_dir(path)? {
        make_writable(&entry?.path())?;
    }
    Ok(())
}

/// A free name beside `output` for `kind` (`staging`, `trash`).
fn unique(output: &Path, kind: &str) -> io::Result<PathBuf> {
    let (parent, name) = parent_and_name(output)?;
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let candidate = parent.join(match n {
            0 => format!(".{name}.{kind}-{pid}"),
            _ => format!(".{name}.{kind}-{pid}-{n}"),
        });
        if fs::symlink_metadata(&candidate).is_err() {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// The name to set the current output aside under: numbered after any already there, so
/// that the newest is the one put back after an interruption.
fn next_old(output: &Path) -> io::Result<PathBuf> {
    let (parent, name) = parent_and_name(output)?;
    let last = beside(output)?.olds.last().map_or(0, |(n, _)| *n);
    Ok(parent.join(format!(".{name}.old-{}", last + 1)))
}

/// Replaces `output` with exactly `pages`, all or nothing (the staff kit, and the tests'
/// way to stage a whole site at once).
pub fn write_atomically(pages: &crate::render::Pages, output: &Path) -> io::Result<Committed> {
    tidy(output)?;
    let staging = Staging::begin(output)?;
    for (path, bytes) in pages {
        staging.write(path, bytes)?;
    }
    staging.commit()
}

/// A finished swap.
#[derive(Debug, Default)]
pub struct Committed {
    /// Where the previous site was left when it could not be removed, and why.
    pub leftover: Option<(PathBuf, io::Error)>,
}

/// An output being written: pages go into the staging folder as they come (from any
/// thread), and [`Staging::commit`] swaps it in for the output. Dropped without a commit,
/// the staging folder is removed and the output stays as it was.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    /// The first write that failed, as a [`Sink`] cannot report it at once.
    failed: Mutex<Option<io::Error>>,
    /// The folders made so far inside the staging folder (a notice's media release goes
    /// beside its page, in a folder that is there already).
    folders: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder beside `output` (the resolved folder, see
    /// [`resolve`]; what earlier builds left there is for [`tidy`]).
    pub fn begin(output: &Path) -> io::Result<Staging> {
        let (parent, _) = parent_and_name(output)?;
        fs::create_dir_all(&parent)?;
        let dir = unique(output, "staging")?;
        fs::create_dir(&dir)?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            failed: Mutex::new(None),
            folders: Mutex::new(HashSet::new()),
            committed: false,
        })
    }
    /// Writes one page (`/`-separated path) into the staging folder.
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.dir.join(path);
        self.make_parent(&target)?;
        fs::write(&target, bytes)
    }

    /// Makes the folder `target` goes in, unless this staging folder has made it already.
    fn make_parent(&self, target: &Path) -> io::Result<()> {
        let Some(parent) = target.parent() else {
            return Ok(());
        };
        let lock = || {
            self.folders
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if lock().contains(parent) {
            return Ok(());
        }
        fs::create_dir_all(parent)?;
        lock().insert(parent.to_path_buf());
        Ok(())
    }

    /// Replaces the output with the staging folder, unless a page could not be written.
    /// Once the new site is in place the swap has succeeded, even when the previous site
    /// cannot be removed: that copy is then moved out of the way, and named in the result.
    pub fn commit(mut self) -> io::Result<Committed> {
        if let Some(error) = self.failed().take() {
            return Err(error); // the staging folder goes when `self` is dropped
        }
        let (output, staging) = (&self.output, &self.dir);
        let old = match fs::symlink_metadata(output) {
            Ok(_) => {
                let old = next_old(output)?;
                fs::rename(output, &old)?;
                Some(old)
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(error),
        };
        if let Err(error) = fs::rename(staging, output) {
            // Put the previous output back before reporting.
            if let Some(old) = &old {
                let _ = fs::rename(old, output);
            }
            return Err(error);
        }
        self.committed = true;
        let mut done = Committed::default();
        if let Some(old) = old {
            if let Err(error) = remove_all(&old) {
                // Never to be taken for a site to put back, nor in the way of a build.
                let at = match unique(output, "trash") {
                    Ok(trash) if fs::rename(&old, &trash).is_ok() => trash,
                    _ => old,
                };
                done.leftover = Some((at, error));
            }
        }
        Ok(done)
    }

    fn failed(&self) -> MutexGuard<'_, Option<io::Error>> {
        self.failed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: Vec<u8>) {
        self.put_slice(path, &bytes);
    }

    fn put_slice(&self, path: &str, bytes: &[u8]) {
        if self.failed().is_some() {
            return; // the build has failed already
        }
        if let Err(error) = self.write(path, bytes) {
            self.failed().get_or_insert(error);
        }
    }

    fn stream(&self, path: &str, write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>) {
        if self.failed().is_some() {
            return;
        }
        let target = self.dir.join(path);
        let written = self
            .make_parent(&target)
            .and_then(|()| fs::File::create(&target))
            .and_then(|file| {
                // Large writes: a streamed page is tens of megabytes on a large site.
                let mut out = io::BufWriter::with_capacity(1 << 20, file);
                write(&mut out)?;
                out.flush()
            });
        if let Err(error) = written {
            self.failed().get_or_insert(error);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(items: &[(&str, &str)]) -> crate::render::Pages {
        items
            .iter()
            .map(|(p, b)| ((*p).to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn replaces_the_output_with_exactly_the_pages() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&pages(&[("index.html", "1"), ("old/page.html", "x")]), &out).unwrap();
        write_atomically(&pages(&[("index.html", "2"), ("a/b.txt", "b")]), &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert_eq!(fs::read_to_string(out.join("a/b.txt")).unwrap(), "b");
        assert!(!out.join("old").exists(), "stale pages are removed");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"], "no staging or retired folder is left");
    }

    #[test]
    fn an_interrupted_build_is_tidied_on_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // Interrupted between retiring the old output and moving the new one in; an
        // older copy that could not be removed is there too.
        for (name, text) in [(".public.old-1", "older"), (".public.old-2", "previous")] {
            fs::create_dir_all(dir.path().join(name)).unwrap();
            fs::write(dir.path().join(name).join("index.html"), text).unwrap();
        }
        fs::create_dir_all(dir.path().join(".public.staging-1")).unwrap();
        fs::create_dir_all(dir.path().join(".public.trash-1")).unwrap();
        let done = tidy(&out).unwrap();
        assert!(
            matches!(&done[..], [Tidied::Restored(from)] if from.ends_with(".public.old-2")),
            "{done:?}"
        );
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "previous"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn a_symbolic_link_is_followed_to_the_folder_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("public");
        #[cfg(unix)]
        std::os::unix::fs::symlink("www/html", &link).unwrap();
        #[cfg(unix)]
        assert_eq!(resolve(&link).unwrap(), dir.path().join("www/html"));
        assert_eq!(
            resolve(&dir.path().join("plain")).unwrap(),
            dir.path().join("plain")
        );
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&pages(&[("index.html", "1")]), &out).unwrap();
        // A page whose path cannot be created: a file where a folder must go.
        let bad = pages(&[("a", "file"), ("a/b.html", "x")]);
        assert!(write_atomically(&bad, &out).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
        assert_eq!(beside(&out).unwrap().stagings, Vec::<PathBuf>::new());
    }

    #[test]
    fn pages_put_into_a_staging_folder_appear_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&pages(&[("index.html", "1")]), &out).unwrap();
        let staging = Staging::begin(&out).unwrap();
        staging.put("index.html", b"2".to_vec());
        staging.put("notices/a/index.html", b"a".to_vec());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert_eq!(
            fs::read_to_string(out.join("notices/a/index.html")).unwrap(),
            "a"
        );
    }

    #[test]
    fn an_abandoned_or_failed_staging_folder_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&pages(&[("index.html", "1")]), &out).unwrap();
        let abandoned = Staging::begin(&out).unwrap();
        abandoned.put("index.html", b"2".to_vec());
        drop(abandoned);
        let failing = Staging::begin(&out).unwrap();
        failing.put("a", b"file".to_vec());
        failing.put("a/b.html", b"x".to_vec()); // a file where a folder must go
        assert!(failing.commit().is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"], "no staging folder is left");
    }
}

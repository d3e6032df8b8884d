//! Writing the rendered pages to the output folder, all or nothing: the pages go into a
//! staging folder beside the output, which replaces the output only once every file is
//! written. A failed or interrupted build leaves the previous output as it was.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::render::{Pages, Sink};

/// The staging and retired folders that sit beside `output` while a build runs.
fn siblings(output: &Path) -> io::Result<(PathBuf, PathBuf)> {
    let name = output.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output folder needs a name",
        )
    })?;
    let parent = output.parent().unwrap_or(Path::new("."));
    Ok((
        parent.join(format!(".{name}.staging")),
        parent.join(format!(".{name}.old")),
    ))
}

/// Replaces `output` with exactly `pages`.
pub fn write_atomically(pages: &Pages, output: &Path) -> io::Result<()> {
    let staging = Staging::begin(output)?;
    for (path, bytes) in pages {
        staging.write(path, bytes)?;
    }
    staging.commit()
}

/// An output being written: pages go into the staging folder as they come (from any
/// thread), and [`Staging::commit`] swaps it in for the output. Dropped without a commit,
/// the staging folder is removed and the output stays as it was.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// The first write that failed, as a [`Sink`] cannot report it at once.
    failed: Mutex<Option<io::Error>>,
    /// The folders made so far inside the staging folder (a notice's media release goes
    /// beside its page, in a folder that is there already).
    folders: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Tidies what an interrupted build left, and creates an empty staging folder.
    pub fn begin(output: &Path) -> io::Result<Staging> {
        let (dir, old) = siblings(output)?;
        recover(output, &dir, &old)?;
        if let Some(parent) = output.parent() {
            if !parent.as_os_str().is_empty() {
                fs::create_dir_all(parent)?;
            }
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            old,
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
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(error) = self.failed().take() {
            return Err(error); // the staging folder goes when `self` is dropped
        }
        let (output, staging, old) = (&self.output, &self.dir, &self.old);
        if output.exists() {
            fs::rename(output, old)?;
        }
        if let Err(error) = fs::rename(staging, output) {
            // Put the previous output back before reporting.
            if old.exists() {
                let _ = fs::rename(old, output);
            }
            return Err(error);
        }
        self.committed = true;
        if old.exists() {
            fs::remove_dir_all(old)?;
        }
        Ok(())
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

/// Tidies what an interrupted build left: a staging folder is discarded; a retired
/// output whose replacement never arrived is put back.
fn recover(output: &Path, staging: &Path, old: &Path) -> io::Result<()> {
    if staging.exists() {
        fs::remove_dir_all(staging)?;
    }
    if old.exists() {
        if output.exists() {
            fs::remove_dir_all(old)?;
        } else {
            fs::rename(old, output)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(items: &[(&str, &str)]) -> Pages {
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
        // Interrupted between retiring the old output and moving the new one in.
        fs::create_dir_all(dir.path().join(".public.old")).unwrap();
        fs::write(dir.path().join(".public.old/index.html"), "previous").unwrap();
        fs::create_dir_all(dir.path().join(".public.staging")).unwrap();
        let (staging, old) = siblings(&out).unwrap();
        recover(&out, &staging, &old).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "previous"
        );
        assert!(!staging.exists() && !old.exists());
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
        assert!(!dir.path().join(".public.staging").exists());
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

//! One build at a time: an advisory lock on a file in the site folder
//! (`.breachpage.lock`, holding the process id of the build that has it). Two builds of
//! one site (a scheduled job and a person, or two terminals) would otherwise delete each
//! other's staging folder and publish half a site. The system releases the lock when the
//! process ends, however it ends, so a killed build never leaves the site locked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::Failure;

/// The lock file's name, in the site folder.
pub const FILE: &str = ".breachpage.lock";
/// How long a build waits for another one to finish before it gives up.
pub const WAIT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(50);

/// The lock, held until dropped.
#[derive(Debug)]
pub struct BuildLock {
    file: File,
    path: PathBuf,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum NotLocked {
    /// Another process holds it; its id, when it wrote one.
    Busy(Option<u32>),
    Io(io::Error),
}

impl BuildLock {
    /// Takes the lock of the site at `root`, waiting up to `wait` for another build to
    /// finish. When the site folder cannot be written to (a read-only checkout), the lock
    /// goes beside the output folder instead: `fallback` is that folder's parent.
    pub fn acquire(root: &Path, fallback: &Path, wait: Duration) -> Result<BuildLock, Failure> {
        let path = root.join(FILE);
        let result = match BuildLock::take(&path, wait) {
            Err(NotLocked::Io(error)) if read_only(&error) => {
                BuildLock::take(&fallback.join(FILE), wait)
            }
            other => other,
        };
        result.map_err(|why| match why {
            NotLocked::Busy(pid) => Failure::Io(busy_message(pid, wait)),
            NotLocked::Io(error) => Failure::Io(format!(
                "could not create the lock file {} that keeps two builds from writing the site at once: {error}. Check that the site folder can be written to.",
                path.display()
            )),
        })
    }

    /// Takes the lock at `path` without waiting, if no one holds it.
    pub fn try_now(path: &Path) -> Result<BuildLock, NotLocked> {
        BuildLock::take(path, Duration::ZERO)
    }

    fn take(path: &Path, wait: Duration) -> Result<BuildLock, NotLocked> {
        let started = Instant::now();
        let mut told = false;
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .map_err(NotLocked::Io)?;
            match file.try_lock() {
                Ok(()) => {
                    // The previous holder may have removed the file after this one opened
                    // it: the lock is then on a file no one else can see. Try again.
                    if !same_file(&file, path) {
                        continue;
                    }
                    file.set_len(0).map_err(NotLocked::Io)?;
                    file.rewind().map_err(NotLocked::Io)?;
                    write!(file, "{}", std::process::id()).map_err(NotLocked::Io)?;
                    file.flush().map_err(NotLocked::Io)?;
                    return Ok(BuildLock {
                        file,
                        path: path.to_path_buf(),
                    });
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let holder = holder(&mut file);
                    if started.elapsed() >= wait {
                        return Err(NotLocked::Busy(holder));
                    }
                    if !told && !wait.is_zero() {
                        eprintln!(
                            "Another build of this site is running ({}); waiting up to {} seconds for it to finish…",
                            process(holder),
                            wait.as_secs()
                        );
                        told = true;
                    }
                    std::thread::sleep(POLL);
                }
                Err(fs::TryLockError::Error(error)) => return Err(NotLocked::Io(error)),
            }
        }
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Removed while still held, so that the site folder is left as it was; the next
        // build checks that the file it locked is still the one in the folder. Where that
        // check cannot be made, the (empty) file stays.
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        } else {
            let _ = self.file.set_len(0);
        }
        let _ = self.file.unlock();
    }
}

/// The message of a build that gave up waiting.
fn busy_message(pid: Option<u32>, wait: Duration) -> String {
    format!(
        "another build of this site is running ({}) and did not finish within {} seconds, so this build stopped without changing anything. Two builds at once would publish a broken site. Wait for the other build to finish and run this one again; if no build is running, that process may be stuck: check it (e.g. `ps -p {}`) before stopping it.",
        process(pid),
        wait.as_secs(),
        pid.map_or_else(|| "PID".to_string(), |p| p.to_string())
    )
}

fn process(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("process id {pid}"),
        None => "process id not known yet".to_string(),
    }
}

/// The process id written in a lock file.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

fn read_only(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, _: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = BuildLock::acquire(dir.path(), dir.path(), WAIT).unwrap();
        let text = fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert_eq!(text, std::process::id().to_string());
        match BuildLock::take(&dir.path().join(FILE), Duration::from_millis(100)) {
            Err(NotLocked::Busy(pid)) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(!dir.path().join(FILE).exists(), "the lock file is removed");
        let again = BuildLock::try_now(&dir.path().join(FILE));
        assert!(again.is_ok());
    }
}

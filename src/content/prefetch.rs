//! Telling the operating system which files will be read next, so that it reads them
//! from disk together, ahead of the threads that parse them. Only a hint: nothing
//! waits for it, and it does nothing where it is not supported.

use std::path::{Path, PathBuf};

/// How many files, spread over the list, are looked at to tell whether the records are
/// in memory already.
const SAMPLES: usize = 16;

/// Asks for every file of `paths` to be read into memory in the background, unless a
/// sample of them shows that the system holds them in memory already (as it does when
/// the site was built or edited a moment ago): then hints would only cost time. Each
/// path comes with whether the folder's listing has shown it to be a regular file.
pub fn hint_all(paths: &[(PathBuf, bool)]) {
    let step = paths.len().div_ceil(SAMPLES).max(1);
    let sample: Vec<&PathBuf> = paths
        .iter()
        .step_by(step)
        .filter(|(_, regular)| *regular)
        .map(|(path, _)| path)
        .collect();
    // An empty sample (every record a link, say) tells nothing: hint then.
    if !sample.is_empty() && sample.iter().all(|path| in_memory(path) == Some(true)) {
        return;
    }
    for (path, regular) in paths {
        hint(path, *regular);
    }
}

/// Opens `path` without blocking, should it be anything but a regular file. `regular`
/// says that the folder's listing has shown it to be one, so it need not be looked at
/// again.
#[cfg(target_os = "linux")]
fn open(path: &Path, regular: bool) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Only regular files: opening a pipe or a device has effects of its own (the loader
    // reports them instead). Without blocking, should one take a file's place meanwhile.
    if !regular && !std::fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
        return None;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .ok()
}

/// Asks for `path` to be read into memory in the background.
#[cfg(target_os = "linux")]
fn hint(path: &Path, regular: bool) {
    use std::os::fd::AsRawFd;
    let Some(file) = open(path, regular) else {
        return;
    };
    // SAFETY: the descriptor belongs to `file`, which is open for the whole call;
    // posix_fadvise only reads its arguments.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED);
    }
}

/// Whether the start of the regular file `path` is in memory: `None` when that cannot
/// be told (the system does not support asking, or the file cannot be opened).
#[cfg(target_os = "linux")]
fn in_memory(path: &Path) -> Option<bool> {
    use std::os::fd::AsRawFd;
    let file = open(path, true)?;
    let mut byte = [0u8; 1];
    let buffer = libc::iovec {
        iov_base: byte.as_mut_ptr().cast(),
        iov_len: byte.len(),
    };
    // SAFETY: the descriptor belongs to `file`, open for the whole call, and `buffer`
    // points at `byte`, which lives until the call returns. RWF_NOWAIT makes the read
    // fail with EAGAIN instead of waiting for the disk.
    let read = unsafe { libc::preadv2(file.as_raw_fd(), &buffer, 1, 0, libc::RWF_NOWAIT) };
    if read >= 0 {
        return Some(true);
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::EAGAIN) => Some(false),
        _ => None,
    }
}

#[cfg(not(target_os = "linux"))]
fn hint(_path: &Path, _regular: bool) {}

#[cfg(not(target_os = "linux"))]
fn in_memory(_path: &Path) -> Option<bool> {
    None
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_file_just_written_is_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.yaml");
        std::fs::write(&path, "title: A record\n").unwrap();
        // Some file systems cannot be asked; those give no answer rather than a wrong one.
        assert_ne!(in_memory(&path), Some(false));
        assert_eq!(in_memory(&dir.path().join("missing.yaml")), None);
    }

    #[test]
    fn hints_pass_over_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            return; // no mkfifo here: nothing to test
        }
        let folder = dir.path().join("folder.yaml");
        std::fs::create_dir(&folder).unwrap();
        // Neither blocks nor fails: a pipe opened to read would wait for a writer.
        hint_all(&[(fifo, false), (folder, false)]);
    }
}

//! Telling the operating system which files will be read next, so that it reads them
//! from disk together, ahead of the threads that parse them. Only a hint: nothing
//! waits for it, and it does nothing where it is not supported.

use std::path::Path;

/// Asks for `path` to be read into memory in the background. `regular` says that the
/// folder's listing has shown it to be a regular file, so it need not be looked at again.
#[cfg(target_os = "linux")]
pub fn hint(path: &Path, regular: bool) {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    // Only regular files: opening a pipe or a device has effects of its own (the loader
    // reports them instead). Without blocking, should one take a file's place meanwhile.
    if !regular && !std::fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
        return;
    }
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path);
    let Ok(file) = opened else {
        return;
    };
    // SAFETY: the descriptor belongs to `file`, which is open for the whole call;
    // posix_fadvise only reads its arguments.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED);
    }
}

#[cfg(not(target_os = "linux"))]
pub fn hint(_path: &Path, _regular: bool) {}

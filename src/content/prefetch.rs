//! Telling the operating system which files will be read next, so that it reads them
//! from disk together, ahead of the threads that parse them. Only a hint: nothing
//! waits for it, and it does nothing where it is not supported.

use std::path::Path;

/// Asks for `path` to be read into memory in the background.
#[cfg(target_os = "linux")]
pub fn hint(path: &Path) {
    use std::os::fd::AsRawFd;
    let Ok(file) = std::fs::File::open(path) else {
        return;
    };
    // SAFETY: the descriptor belongs to `file`, which is open for the whole call;
    // posix_fadvise only reads its arguments.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED);
    }
}

#[cfg(not(target_os = "linux"))]
pub fn hint(_path: &Path) {}

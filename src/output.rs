//! Writing the rendered pages to the output folder, all or nothing: the pages go into a
//! staging folder beside the output, which replaces the output only once every file is
//! written. A failed or interrupted build leaves the previous output as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::render::Pages;

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
    let (staging, old) = siblings(output)?;
    recover(output, &staging, &old)?;
    if let Some(parent) = output.parent() {
        if !parent.as_os_str().is_empty() {
            fs::create_dir_all(parent)?;
        }
    }
    fs::create_dir_all(&staging)?;
    let written = write_all(pages, &staging);
    if let Err(error) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    if output.exists() {
        fs::rename(output, &old)?;
    }
    if let Err(error) = fs::rename(&staging, output) {
        // Put the previous output back before reporting.
        if old.exists() {
            let _ = fs::rename(&old, output);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
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

fn write_all(pages: &Pages, dir: &Path) -> io::Result<()> {
    for (path, bytes) in pages {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, bytes)?;
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
}

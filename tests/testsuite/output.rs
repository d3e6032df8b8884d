//! The output folder and the files a build reads, against what an unlucky webmaster or an
//! attacker would do: two builds at once, an `--output` that names a file, a read-only
//! old site, a kill between the two renames of the swap, a missing incidents folder, a
//! `public/` that is a link to the web server's root, and symbolic links that lead out
//! of the site folder. Each test reproduces one hole of issue 13.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{paths, run, snapshot, Site, Tree, NO_NOTIFICATIONS, TODAY};

const ACTIVE_TITLE: &str = "Student records exposed by a misconfigured export";
const ACTIVE_RECORD: &str = "content/incidents/2026-11-10-sis-export.yaml";

/// A full site built once, with its output.
fn built() -> (Site, Tree) {
    let site = Site::new("full-ny");
    site.build().success();
    let before = site.outputs();
    assert!(before.contains_key("index.html"));
    (site, before)
}

/// `build --today TODAY --output OUTPUT`.
fn build_into(site: &Site, output: &Path) -> crate::common::Run {
    let mut cmd = site.cmd();
    cmd.arg("build")
        .arg("--output")
        .arg(output)
        .args(["--today", TODAY]);
    run(&mut cmd)
}

/// Names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

// ---- one build at a time -------------------------------------------------------------

#[test]
fn two_builds_at_once_never_publish_half_a_site() {
    let (site, expected) = built();
    // Without the lock, about one build in eight failed or left a broken site.
    for round in 0..10 {
        let children: Vec<Child> = (0..4)
            .map(|_| {
                let mut cmd = Command::new(env!("CARGO_BIN_EXE_breachpage"));
                cmd.current_dir(site.tmp())
                    .env_remove("BREACHPAGE_TODAY")
                    .arg("--root")
                    .arg(&site.root)
                    .args(["build", "--today", TODAY])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                cmd.spawn().unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let now = site.outputs();
        assert_eq!(paths(&now), paths(&expected), "round {round}");
        assert!(now == expected, "round {round}: the site differs");
        assert_eq!(site.leftovers(), Vec::<String>::new());
    }
    assert!(
        !site.path(".breachpage.lock").exists(),
        "the lock file goes with the last build"
    );
}

#[test]
fn a_second_build_waits_then_refuses_naming_the_process_that_holds_the_lock() {
    let (site, before) = built();
    // Another build, as far as the binary can tell: this process holds the lock.
    let mut lock = fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(site.path(".breachpage.lock"))
        .unwrap();
    lock.lock().unwrap();
    write!(lock, "{}", std::process::id()).unwrap();
    site.edit(ACTIVE_RECORD, ACTIVE_TITLE, "Changed title");
    let started = Instant::now();
    let refused = site.build();
    let waited = started.elapsed();
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        waited >= Duration::from_secs(4),
        "it waits a few seconds first: {waited:?}"
    );
    crate::common::assert_contains_all(
        &refused.stderr,
        &[
            "another build of this site is running",
            &format!("process id {}", std::process::id()),
            "without changing anything",
        ],
    );
    assert!(site.outputs() == before, "the published site is unchanged");
    assert_eq!(site.leftovers(), Vec::<String>::new());
    // Once the other build is done, the next one runs.
    drop(lock);
    site.build().success();
    assert!(site.out("index.html").contains("Changed title"));
}

// ---- output paths --------------------------------------------------------------------

#[test]
fn output_paths_that_are_files_or_inside_the_sources_are_refused_before_anything_is_written() {
    let site = Site::new("full-ny");
    site.write("templates/keep.txt", "kept");
    site.write("static/css/keep.txt", "kept");
    site.write("themes/default/keep.txt", "kept");
    let notes = site.tmp().join("notes.txt");
    fs::write(&notes, "the district's notes").unwrap();
    let before = site.everything();
    let refused = [
        site.path("site.toml"),
        notes.clone(),
        site.path("content/_index.md"),
        site.root.clone(),
        site.path("content/incidents"),
        site.path("templates"),
        site.path("static/css"),
        site.path("themes/default/out"),
        site.path("content/new-folder"),
    ];
    for output in &refused {
        let run = build_into(&site, output).expect_code(2);
        assert!(
            run.stderr.contains("refusing") && run.stderr.contains(&output.display().to_string()),
            "{}: {}",
            output.display(),
            run.stderr
        );
        assert!(
            run.stderr.contains("Choose"),
            "says what to do: {}",
            run.stderr
        );
    }
    assert!(site.everything() == before, "the site was changed");
    assert_eq!(fs::read_to_string(&notes).unwrap(), "the district's notes");
    assert_eq!(names(site.tmp()), ["notes.txt", "site"]);
    // A link to a file is a file; a link into the sources is inside them.
    #[cfg(unix)]
    {
        let link = site.tmp().join("out-link");
        std::os::unix::fs::symlink(&notes, &link).unwrap();
        build_into(&site, &link).expect_code(2);
        fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink(site.path("content"), &link).unwrap();
        build_into(&site, &link.join("site")).expect_code(2);
        build_into(&site, &link).expect_code(2);
        assert!(site.everything() == before, "the site was changed");
    }
}

// ---- a read-only old site ------------------------------------------------------------

/// Makes `public` impossible to remove for this user (read-only folders; for the
/// superuser, whom permissions do not stop, an immutable file). Returns whether it could.
fn make_undeletable(public: &Path) -> bool {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let (program, args): (&str, &[&str]) = if root {
        ("chattr", &["+i"])
    } else {
        ("chmod", &["-R", "a-w"])
    };
    let target = if root {
        public.join("index.html")
    } else {
        public.to_path_buf()
    };
    Command::new(program)
        .args(args)
        .arg(target)
        .status()
        .is_ok_and(|s| s.success())
}

/// Undoes [`make_undeletable`] for everything under a folder when dropped.
struct Deletable<'a>(&'a Path);

impl Drop for Deletable<'_> {
    fn drop(&mut self) {
        let _ = Command::new("chattr")
            .arg("-R")
            .arg("-i")
            .arg(self.0)
            .output();
        let _ = Command::new("chmod")
            .arg("-R")
            .arg("u+w")
            .arg(self.0)
            .output();
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_old_site_never_blocks_the_next_build() {
    let (site, before) = built();
    let cleanup = Deletable(&site.root);
    if !make_undeletable(&site.public()) {
        eprintln!("skipped: this system cannot make a folder undeletable here");
        return;
    }
    for round in 0..3 {
        site.write(
            ACTIVE_RECORD,
            &site
                .read(ACTIVE_RECORD)
                .replace(ACTIVE_TITLE, &format!("{ACTIVE_TITLE} {round}")),
        );
        let run = site.build();
        assert_eq!(run.code, 0, "round {round}: {}", run.stderr);
        assert!(site
            .out("index.html")
            .contains(&format!("{ACTIVE_TITLE} {round}")));
        assert_eq!(paths(&site.outputs()), paths(&before));
        // What could not be removed is named, and set where no build will take it back.
        let left = site.leftovers();
        for name in &left {
            assert!(name.starts_with(".public.trash-"), "{left:?}");
            assert!(
                run.stderr.contains(name.as_str()),
                "round {round}: {}",
                run.stderr
            );
            assert!(run.stderr.contains("delete it by hand"), "{}", run.stderr);
        }
        // The new site can be made undeletable too: still no build is blocked.
        make_undeletable(&site.public());
    }
    drop(cleanup);
    // Once removable, the leftovers go with the next build.
    site.build().success();
    assert_eq!(site.leftovers(), Vec::<String>::new());
}

// ---- a kill between the two renames --------------------------------------------------

#[test]
fn a_site_set_aside_by_a_killed_build_is_put_back_by_the_next_run_that_writes() {
    // The state a build killed between its two renames leaves: no public/, the previous
    // site set aside (under the name builds used before, and under today's numbered one).
    for set_aside in [".public.old", ".public.old-4"] {
        let (site, before) = built();
        fs::rename(site.public(), site.path(set_aside)).unwrap();
        fs::create_dir(site.path(".public.staging-77")).unwrap();
        // A build that fails on an error still puts the previous site back first.
        site.write(ACTIVE_RECORD, "title: [broken");
        let run = site.build().expect_code(1);
        assert!(run.stderr.contains("has been put back"), "{}", run.stderr);
        assert!(run.stderr.contains(set_aside), "names it: {}", run.stderr);
        assert!(
            site.outputs() == before,
            "{set_aside}: the previous site is back"
        );
        assert_eq!(site.leftovers(), Vec::<String>::new());

        // So does `new`, which writes to the site folder too.
        fs::rename(site.public(), site.path(set_aside)).unwrap();
        let run = site
            .run(&["new", "Lost laptop", "--no-input", "--today", TODAY])
            .success();
        assert!(run.stderr.contains("has been put back"), "{}", run.stderr);
        assert!(site.outputs() == before);
        assert_eq!(site.leftovers(), Vec::<String>::new());
    }
}

// ---- the incidents folder ------------------------------------------------------------

#[test]
fn a_missing_incidents_folder_is_an_error_and_an_empty_one_is_the_all_clear() {
    let (site, before) = built();
    let incidents = site.path("content/incidents");
    let kept = site.tmp().join("incidents");
    fs::rename(&incidents, &kept).unwrap();
    let run = site.build().expect_code(1);
    crate::common::assert_contains_all(
        &run.stderr,
        &[
            "content/incidents",
            "there is no folder",
            "take down every notice",
        ],
    );
    assert!(site.outputs() == before, "nothing was taken down");
    site.run(&["check", "--today", TODAY]).expect_code(1);

    // One notice made a draft: the summary names what the build takes down.
    fs::rename(&kept, &incidents).unwrap();
    site.edit(ACTIVE_RECORD, "status: active", "status: draft");
    let run = site.build().success();
    assert!(
        run.stdout
            .contains("Removed 1 notice that the previous build published"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("\"{ACTIVE_TITLE}\"")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("draft"), "{}", run.stdout);

    // An empty folder is the all-clear, and every notice taken down is named.
    site.edit(ACTIVE_RECORD, "status: draft", "status: active");
    site.build().success();
    fs::remove_dir_all(&incidents).unwrap();
    fs::create_dir(&incidents).unwrap();
    let run = site.build().success();
    assert!(site.out("index.html").contains(NO_NOTIFICATIONS));
    assert!(
        run.stdout
            .contains("Removed 2 notices that the previous build published"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(ACTIVE_TITLE), "{}", run.stdout);
    let again = site.build().success();
    assert!(!again.stdout.contains("Removed"), "{}", again.stdout);
}

// ---- a public/ that is a link --------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_public_folder_that_is_a_link_stays_a_link_and_its_target_gets_the_site() {
    let site = Site::new("full-ny");
    let www = site.tmp().join("www");
    fs::create_dir_all(www.join("html")).unwrap();
    fs::write(www.join("html/stale.html"), "old").unwrap();
    std::os::unix::fs::symlink(www.join("html"), site.public()).unwrap();
    for _ in 0..2 {
        let run = site.build().success();
        assert!(run.stdout.contains("is a link"), "{}", run.stdout);
        let meta = fs::symlink_metadata(site.public()).unwrap();
        assert!(meta.file_type().is_symlink(), "public/ is still a link");
        assert_eq!(fs::read_link(site.public()).unwrap(), www.join("html"));
        let served = snapshot(&www.join("html"));
        assert!(served.contains_key("index.html"), "{:?}", paths(&served));
        assert!(!served.contains_key("stale.html"));
        assert_eq!(
            names(&www),
            ["html"],
            "staged and swapped beside the target"
        );
        assert_eq!(site.leftovers(), Vec::<String>::new());
    }
    // A relative link, to a folder that is not there yet.
    fs::remove_file(site.public()).unwrap();
    std::os::unix::fs::symlink("../www/new-root", site.public()).unwrap();
    site.build().success();
    assert!(www.join("new-root/index.html").is_file());
    assert!(fs::symlink_metadata(site.public())
        .unwrap()
        .file_type()
        .is_symlink());
}

// ---- files from outside the site -----------------------------------------------------

/// A file outside the site folder, as an attacker or a careless link would name it.
fn secret(site: &Site) -> PathBuf {
    let path = site.tmp().join("secret.txt");
    fs::write(&path, "SECRET=hunter2\n").unwrap();
    path
}

#[cfg(unix)]
#[test]
fn links_that_lead_out_of_the_site_are_refused_by_name() {
    use std::os::unix::fs::symlink;
    let (site, before) = built();
    let secret = secret(&site);
    let record = site.tmp().join("record.yaml");
    fs::copy(site.path(ACTIVE_RECORD), &record).unwrap();
    for (file, target) in [
        ("content/_index.md", secret.clone()),
        ("static/passwd.txt", secret.clone()),
        ("templates/index.html", secret.clone()),
        ("content/incidents/2026-11-21-linked.yaml", record.clone()),
    ] {
        if site.path(file).exists() {
            fs::remove_file(site.path(file)).unwrap();
        }
        fs::create_dir_all(site.path(file).parent().unwrap()).unwrap();
        symlink(&target, site.path(file)).unwrap();
        let run = site.build().expect_code(1);
        assert!(run.stderr.contains(file), "names the link: {}", run.stderr);
        assert!(
            run.stderr.contains("outside the site folder"),
            "{}",
            run.stderr
        );
        assert!(site.outputs() == before, "{file}: nothing was published");
        fs::remove_file(site.path(file)).unwrap();
    }
    // A folder of the site that is itself a link out of it.
    let elsewhere = site.tmp().join("static-elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::copy(&secret, elsewhere.join("secret.txt")).unwrap();
    fs::remove_dir_all(site.path("static")).unwrap();
    symlink(&elsewhere, site.path("static")).unwrap();
    let run = site.build().expect_code(1);
    assert!(run.stderr.contains("static"), "{}", run.stderr);
    fs::remove_file(site.path("static")).unwrap();
    // Links that stay inside the site folder are fine.
    site.write("assets/logo.svg", "<svg/>");
    fs::create_dir_all(site.path("static")).unwrap();
    symlink("../assets/logo.svg", site.path("static/logo.svg")).unwrap();
    site.write("content/_index.md", "Process text.\n");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(site.out("logo.svg"), "<svg/>");
    for (path, bytes) in site.outputs() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("hunter2"),
            "{path} holds the secret"
        );
    }
}

/// `breachpage serve` on a free loopback port; killed when dropped.
struct Preview {
    child: Child,
    address: String,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Preview {
    fn start(site: &Site) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_breachpage"))
            .args(["serve", "--port", "0", "--today", TODAY, "--root"])
            .arg(&site.root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        {
            let err = child.stderr.take().unwrap();
            let stderr = std::sync::Arc::clone(&stderr);
            std::thread::spawn(move || {
                for line in BufReader::new(err).lines().map_while(Result::ok) {
                    stderr.lock().unwrap().push_str(&(line + "\n"));
                }
            });
        }
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = loop {
            let line = lines.next().expect("serve prints its address").unwrap();
            if let Some(at) = line.find("http://") {
                break line[at + 7..].trim_end_matches('/').to_string();
            }
        };
        std::thread::spawn(move || lines.for_each(drop));
        Preview {
            child,
            address,
            stderr,
        }
    }

    /// The status and body of `GET path`.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut reply = String::new();
        let _ = stream.read_to_string(&mut reply);
        let status = reply
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, reply)
    }

    fn wait_for_stderr(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.stderr.lock().unwrap().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "serve never said {needle:?}:\n{}",
                self.stderr.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
#[test]
fn the_preview_never_serves_a_link_out_of_the_site_and_shows_the_error() {
    let site = Site::new("full-ny");
    let secret = secret(&site);
    let preview = Preview::start(&site);
    preview.wait_for_stderr("built in");
    assert_eq!(preview.get("/").0, 200);
    fs::create_dir_all(site.path("static")).unwrap();
    std::os::unix::fs::symlink(&secret, site.path("static/passwd.txt")).unwrap();
    preview.wait_for_stderr("outside the site folder");
    let (status, body) = preview.get("/passwd.txt");
    assert_eq!(status, 404, "{body}");
    assert!(!body.contains("hunter2"), "{body}");
    let (_, page) = preview.get("/");
    assert!(
        page.contains("static/passwd.txt"),
        "the error shows: {page}"
    );
    assert!(page.contains("outside the site folder"), "{page}");
    drop(preview);

    // Started with the link there: nothing from outside is served either.
    let preview = Preview::start(&site);
    preview.wait_for_stderr("outside the site folder");
    let (status, body) = preview.get("/passwd.txt");
    assert_ne!(status, 200, "{body}");
    assert!(!body.contains("hunter2"), "{body}");
    assert!(
        body.contains("static/passwd.txt"),
        "the error shows: {body}"
    );
}

#[test]
fn an_output_folder_holding_other_files_is_refused_before_anything_is_lost() {
    // `--output ~/Documents`: a folder that is neither empty nor a site breachpage built.
    let site = Site::new("full-ny");
    let documents = site.tmp().join("Documents");
    fs::create_dir_all(&documents).unwrap();
    fs::write(documents.join("budget.xlsx"), "numbers").unwrap();
    let run = build_into(&site, &documents).expect_code(2);
    crate::common::assert_contains_all(
        &run.stderr,
        &[
            "refusing to write the site to",
            "did not build",
            "notices.json",
        ],
    );
    assert_eq!(
        fs::read_to_string(documents.join("budget.xlsx")).unwrap(),
        "numbers"
    );
    // An empty folder, and then the site built there, are fine.
    let web = site.tmp().join("web");
    fs::create_dir_all(&web).unwrap();
    build_into(&site, &web).success();
    build_into(&site, &web).success();
    assert!(web.join("notices.json").is_file());
}

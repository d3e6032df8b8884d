//! Shared helpers for the integration tests: fixture sites copied into temporary folders,
//! running the `breachpage` binary, reading what it wrote, and snapshots of whole folder
//! trees for before/after comparisons.

// Each test crate (build.rs, errors.rs) uses a different subset of these helpers.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The build date most tests use: every fixture is written around it.
pub const TODAY: &str = "2026-11-22";
/// `TODAY` in words, as pages show it.
pub const TODAY_WORDS: &str = "November 22, 2026";
/// The sentence a page shows for a value that is not yet known.
pub const UNKNOWN_SENTENCE: &str =
    "Not yet known; under investigation. This notice will be updated.";
/// The all-clear statement of the index page.
pub const NO_NOTIFICATIONS: &str = "There are currently no notifications.";

/// A folder tree as relative path (`/`-separated) → file contents.
pub type Tree = BTreeMap<String, Vec<u8>>;

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the run's output unless it exited with `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit status {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn success(self) -> Run {
        self.expect_code(0)
    }
}

/// A fixture site copied into a fresh temporary folder: `<tmp>/site` is the site root,
/// so that the staging folders that sit beside `<tmp>/site/public` stay inside the copy.
pub struct Site {
    dir: TempDir,
    pub root: PathBuf,
}

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl Site {
    pub fn new(fixture: &str) -> Site {
        let source = fixture_dir(fixture);
        assert!(source.is_dir(), "no fixture {}", source.display());
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("site");
        copy_dir(&source, &root);
        Site { dir, root }
    }

    /// The temporary folder that holds the site (for outputs outside the site).
    pub fn tmp(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// The default output folder, `<root>/public`.
    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, text).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        let path = self.path(relative);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn remove(&self, relative: &str) {
        fs::remove_file(self.path(relative)).unwrap();
    }

    /// Replaces `from` with `to` in a site file; `from` must occur in it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// `breachpage --root <root>`, run from the temporary folder, with no
    /// `BREACHPAGE_TODAY` inherited from the environment of the test run.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("breachpage").expect("the breachpage binary");
        cmd.current_dir(self.tmp())
            .env_remove("BREACHPAGE_TODAY")
            .arg("--root")
            .arg(&self.root);
        cmd
    }

    /// Runs the binary with `args` after `--root <root>`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = self.cmd();
        cmd.args(args);
        run(&mut cmd)
    }

    /// `build --today TODAY` into the default output folder.
    pub fn build(&self) -> Run {
        self.run(&["build", "--today", TODAY])
    }

    /// `build --today DATE`, which must succeed.
    pub fn build_on(&self, today: &str) -> Run {
        self.run(&["build", "--today", today]).success()
    }

    /// `check --format json --today TODAY`: the exit status and the parsed report.
    pub fn check_json(&self) -> (i32, serde_json::Value) {
        let run = self.run(&["check", "--format", "json", "--today", TODAY]);
        let report = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "check --format json printed no JSON ({e})\n--- stdout\n{}\n--- stderr\n{}",
                run.stdout, run.stderr
            )
        });
        (run.code, report)
    }

    /// A file of the default output folder as text.
    pub fn out(&self, relative: &str) -> String {
        let path = self.public().join(relative);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The default output folder as a tree.
    pub fn outputs(&self) -> Tree {
        snapshot(&self.public())
    }

    /// The whole site folder (sources and outputs) as a tree.
    pub fn everything(&self) -> Tree {
        snapshot(&self.root)
    }

    /// Staging or retired output folders left beside `public/` (there should be none).
    pub fn leftovers(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.root)
            .unwrap()
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| name.starts_with(".public"))
            .collect();
        names.sort();
        names
    }
}

/// Runs a prepared command to completion.
pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("the breachpage binary runs");
    Run {
        code: output
            .status
            .code()
            .expect("exited normally, not by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes. Empty folders
/// are recorded too (as `path/` with no bytes), so that a tree compares equal only when
/// nothing at all was added, removed or changed. A missing folder is an empty tree.
pub fn snapshot(dir: &Path) -> Tree {
    fn walk(dir: &Path, prefix: &str, tree: &mut Tree) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut empty = true;
        for entry in entries {
            let entry = entry.unwrap();
            empty = false;
            let name = entry.file_name().into_string().expect("UTF-8 file name");
            let relative = format!("{prefix}{name}");
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{relative}/"), tree);
            } else {
                tree.insert(relative, fs::read(entry.path()).unwrap());
            }
        }
        if empty && !prefix.is_empty() {
            tree.insert(prefix.to_string(), Vec::new());
        }
    }
    let mut tree = Tree::new();
    walk(dir, "", &mut tree);
    tree
}

/// The paths of a tree, for readable assertion messages.
pub fn paths(tree: &Tree) -> Vec<&str> {
    tree.keys().map(String::as_str).collect()
}

/// The text files of a tree (everything that is valid UTF-8), by path.
pub fn texts(tree: &Tree) -> Vec<(&str, &str)> {
    tree.iter()
        .filter_map(|(path, bytes)| Some((path.as_str(), std::str::from_utf8(bytes).ok()?)))
        .collect()
}

/// The HTML pages of a tree, by path.
pub fn html_pages(tree: &Tree) -> Vec<(&str, &str)> {
    texts(tree)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .collect()
}

/// The values of every `name="..."` attribute of the tags in `html` (e.g. `href`,
/// `src`). Only real tags are searched: text that merely shows markup (`&lt;img src=...`)
/// holds no `<`.
pub fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag_and_rest = &rest[open..];
        let mut close = 0;
        let mut in_quotes = false;
        for (i, c) in tag_and_rest.char_indices() {
            match c {
                '"' => in_quotes = !in_quotes,
                '>' if !in_quotes => {
                    close = i;
                    break;
                }
                _ => {}
            }
        }
        assert!(
            close > 0,
            "tag is closed: {}",
            &tag_and_rest[..tag_and_rest.len().min(80)]
        );
        let mut tag = &tag_and_rest[..close];
        while let Some(at) = tag.find(&needle) {
            let after = &tag[at + needle.len()..];
            let end = after.find('"').expect("attribute value is closed");
            values.push(&after[..end]);
            tag = &after[end..];
        }
        rest = &tag_and_rest[close..];
    }
    values
}

/// Every start tag named `name` (`<link ...>`), whole.
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!("<{name}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        let after = &rest[at..];
        let end = after.find('>').expect("tag is closed");
        let tag = &after[..=end];
        let next = tag[needle.len()..].chars().next();
        if matches!(next, Some(' ' | '>' | '/')) {
            found.push(tag);
        }
        rest = &after[end..];
    }
    found
}

/// Resolves a relative link found in the page at `page` (a tree path) to the tree path it
/// opens: folders open their `index.html`. `None` for links that leave the tree.
pub fn resolve_link(page: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the page's own file name
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut path = parts.join("/");
    if href.is_empty() || href.ends_with('/') || href == "." || href.ends_with("/.") {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// Whether a link target is an address outside the site (or not a page at all).
pub fn is_external(href: &str) -> bool {
    ["http://", "https://", "mailto:", "tel:", "#"]
        .iter()
        .any(|prefix| href.starts_with(prefix))
}

/// The 1-based line on which `needle` first occurs in `text`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    text[..at].matches('\n').count() + 1
}

/// The position of `needle` in `haystack`, or a panic naming what is missing.
pub fn position(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in:\n{haystack}"))
}

/// Asserts that `haystack` contains every one of `needles`, naming the first one missing.
#[track_caller]
pub fn assert_contains_all(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            haystack.contains(needle),
            "{needle:?} is missing from:\n{haystack}"
        );
    }
}

/// A small XML well-formedness check, enough for generated feeds: one root element,
/// start and end tags that match, quoted attributes, and no bare `&` or `<` in text.
#[track_caller]
pub fn assert_well_formed_xml(xml: &str) {
    let mut rest = xml;
    if let Some(prolog) = rest.strip_prefix("<?xml") {
        let end = prolog.find("?>").expect("XML declaration is closed");
        rest = &prolog[end + 2..];
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    loop {
        let (text, next) = match rest.find('<') {
            Some(at) => (&rest[..at], Some(&rest[at..])),
            None => (rest, None),
        };
        assert_entities(text);
        if stack.is_empty() {
            assert!(text.trim().is_empty(), "text outside the root: {text:?}");
        }
        let Some(next) = next else { break };
        if let Some(comment) = next.strip_prefix("<!--") {
            let end = comment.find("-->").expect("comment is closed");
            rest = &comment[end + 3..];
            continue;
        }
        let end = next.find('>').expect("tag is closed");
        let tag = &next[1..end];
        rest = &next[end + 1..];
        assert_entities(tag);
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop();
            assert_eq!(open, Some(name.trim()), "mismatched end tag </{name}>");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body.split_whitespace().next().expect("tag has a name");
        assert!(
            body.matches('"').count() % 2 == 0,
            "unbalanced quotes in <{tag}>"
        );
        for attribute in body[name.len()..].split('"').step_by(2) {
            let attribute = attribute.trim();
            assert!(
                attribute.is_empty() || attribute.ends_with('='),
                "unquoted attribute in <{tag}>"
            );
        }
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "elements left open: {stack:?}");
    assert_eq!(roots, 1, "an XML document has exactly one root element");
}

fn assert_entities(text: &str) {
    for (at, _) in text.match_indices('&') {
        let entity = &text[at..text[at..].find(';').map_or(text.len(), |end| at + end + 1)];
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity)
            || (entity.starts_with("&#")
                && entity.ends_with(';')
                && entity[2..entity.len() - 1]
                    .trim_start_matches('x')
                    .chars()
                    .all(|c| c.is_ascii_hexdigit())
                && entity.len() > 3);
        assert!(known, "bare or unknown entity {entity:?} in {text:?}");
    }
}

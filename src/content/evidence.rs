//! The files a record keeps as proof of a duty done (`notified.<id>.evidence`): each must
//! be a file inside the site folder, in a place that is never published, so that a
//! receipt or a mailing list cannot reach the public site or escape the district's files.

use std::path::{Component, Path};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::inside::SiteFolder;
use crate::model::{Incident, Status};

/// Folders whose files are published or generated: evidence may not be kept there.
const PUBLISHED: &[(&str, &str)] = &[
    ("public", "the built site, published as it is"),
    ("static", "its files are copied into the published site"),
    (
        "themes",
        "its static files are copied into the published site",
    ),
    ("templates", "the site's page templates"),
    ("content", "the notices' own files"),
    ("kit", "the staff kit, rewritten on every `breachpage kit`"),
];

const EXPECTED: &str = "a path relative to the site folder, such as records/ag-receipt.pdf";

/// Reports every evidence path of `incident` that is not a kept, unpublished file.
pub fn check(root: &Path, folder: &SiteFolder, incident: &Incident, out: &mut Diagnostics) {
    for (id, act) in &incident.notified_acts {
        for (i, written) in act.evidence.iter().enumerate() {
            let field = if act.evidence.len() == 1 {
                format!("notified.{id}.evidence")
            } else {
                format!("notified.{id}.evidence[{i}]")
            };
            if let Some((message, hint)) = problem(root, folder, written) {
                let mut diagnostic = if incident.status == Status::Draft {
                    Diagnostic::warning(&incident.file, message)
                } else {
                    Diagnostic::error(&incident.file, message)
                }
                .field(&field)
                .expected(EXPECTED)
                .found(format!("\"{written}\""))
                .hint(hint);
                let location = incident
                    .locations
                    .value(&field)
                    .or_else(|| incident.locations.value(&format!("notified.{id}.evidence")));
                if let Some(location) = location {
                    diagnostic = diagnostic.at(&location);
                }
                out.push(diagnostic);
            }
        }
    }
}

/// What is wrong with the evidence path `written`, and what to do, if anything.
fn problem(root: &Path, folder: &SiteFolder, written: &str) -> Option<(String, String)> {
    let path = Path::new(written);
    let escapes = path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        return Some((
            "an evidence file must be inside the site folder".to_string(),
            "write the path from the site folder, without a leading / or ..; copy the file into the site folder first (for example into records/)".to_string(),
        ));
    }
    let first = path
        .components()
        .find_map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .unwrap_or_default();
    if let Some((folder_name, why)) = PUBLISHED.iter().find(|(name, _)| *name == first) {
        return Some((
            format!("evidence may not be kept in {folder_name}/ ({why})"),
            "keep proof in a folder of its own, such as records/, which nothing publishes"
                .to_string(),
        ));
    }
    let full = root.join(path);
    if let Some(real) = folder.outside(&full) {
        return Some((
            format!(
                "this evidence file is a link to {}, outside the site folder",
                real.display()
            ),
            "copy the file into the site folder in place of the link".to_string(),
        ));
    }
    if !full.is_file() {
        return Some((
            "this evidence file does not exist".to_string(),
            "check the spelling, or copy the receipt, letter or screenshot to this path in the site folder".to_string(),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_must_be_an_unpublished_file_inside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("records")).unwrap();
        std::fs::write(root.join("records/receipt.pdf"), "%PDF").unwrap();
        std::fs::create_dir_all(root.join("static")).unwrap();
        std::fs::write(root.join("static/receipt.pdf"), "%PDF").unwrap();
        let folder = SiteFolder::new(root);
        let said = |written: &str| problem(root, &folder, written).map(|(m, _)| m);
        assert_eq!(said("records/receipt.pdf"), None);
        assert_eq!(said("./records/receipt.pdf"), None);
        assert!(said("records/missing.pdf")
            .unwrap()
            .contains("does not exist"));
        assert!(said("/etc/passwd")
            .unwrap()
            .contains("inside the site folder"));
        assert!(said("../x.pdf").unwrap().contains("inside the site folder"));
        assert!(said("static/receipt.pdf").unwrap().contains("static/"));
        assert!(said("public/index.html").unwrap().contains("public/"));
        assert!(said("records").unwrap().contains("does not exist"));
    }
}

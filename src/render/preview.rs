//! What only the local preview renders: the notices the public build withholds, marked
//! as not published, and a 404 page. The public build never reaches this module.

use serde::Serialize;

use super::format::Strings;
use super::view::{self, NoticeView};
use super::Renderer;
use crate::model::{Incident, Status};
use crate::visibility::Withheld;

pub const NOT_FOUND_TEMPLATE: &str = "404.html";

/// What a withheld notice's page says about why it is not published.
#[derive(Debug, Serialize)]
pub struct NoticePreview {
    pub reason: String,
    /// No `published` date yet: the page says so instead of a posting date.
    pub unposted: bool,
}

impl NoticePreview {
    pub fn new(incident: &Incident, reason: Withheld) -> NoticePreview {
        NoticePreview {
            reason: reason.reason(),
            unposted: incident.published.is_none(),
        }
    }
}

/// A withheld notice in the index's preview section.
#[derive(Debug, Serialize)]
pub struct PreviewSummary {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub reason: String,
}

pub fn summaries(previewed: &[(&Incident, Withheld)], s: Strings) -> Vec<PreviewSummary> {
    previewed
        .iter()
        .map(|(incident, reason)| PreviewSummary {
            href: view::notice_path(&incident.slug),
            title: or_placeholder(&incident.title, s.get("preview_untitled")),
            summary: or_placeholder(&incident.summary, s.get("preview_missing")),
            reason: reason.reason(),
        })
        .collect()
}

/// Drafts may be incomplete: what is still missing is said, not left blank.
pub fn fill_gaps(notice: &mut NoticeView, incident: &Incident, s: Strings, release_possible: bool) {
    if incident.status == Status::Draft {
        notice.status = "draft";
    }
    notice.title = or_placeholder(&notice.title, s.get("preview_untitled"));
    notice.summary = or_placeholder(&notice.summary, s.get("preview_missing"));
    let missing_html = format!(
        "<p class=\"unknown\">{}</p>\n",
        super::templates::escape(s.get("preview_missing"))
    );
    for html in [&mut notice.description_html, &mut notice.investigation_html] {
        if html.trim().is_empty() {
            html.clone_from(&missing_html);
        }
    }
    // The public build reports a missing base_url or city as an error; the preview of a
    // withheld notice just leaves out the release it cannot produce.
    if !release_possible {
        notice.media_release_href = None;
    }
}

fn or_placeholder(text: &str, placeholder: &str) -> String {
    if text.trim().is_empty() {
        placeholder.to_string()
    } else {
        text.to_string()
    }
}

impl Renderer<'_> {
    /// The page served for addresses the preview does not have. It can be served at any
    /// depth, so its links start at the server's root.
    pub(super) fn not_found(&self) -> super::Produced {
        let mut context = self.context("/", "");
        context.insert("preview_mode", &true);
        self.page("404.html", NOT_FOUND_TEMPLATE, &context)
    }
}

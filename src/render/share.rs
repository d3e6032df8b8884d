//! What a link to a page shows when it is shared (Open Graph): in a text message, an
//! email or a social-media post, parents see the notice's title and summary.

use serde::Serialize;

use crate::config::SiteConfig;

#[derive(Debug, Serialize)]
pub struct ShareView {
    /// `website` for the list of notices, `article` for a notice.
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    /// The page's full address; only with `base_url`.
    pub url: Option<String>,
    /// The logo's full address, when it is of a kind link previews show (not SVG).
    pub image: Option<String>,
}

impl ShareView {
    /// `address` is the page's, from the site's top (`es/notices/SLUG/`).
    pub fn new(
        config: &SiteConfig,
        kind: &'static str,
        title: &str,
        description: &str,
        address: &str,
    ) -> ShareView {
        let base = config.site.base_url.as_deref();
        let image = config
            .site
            .logo
            .as_deref()
            .and_then(crate::config::logo_output_path)
            .filter(|path| !path.ends_with(".svg"));
        ShareView {
            kind,
            title: title.to_string(),
            description: description.to_string(),
            url: base.map(|base| format!("{base}{address}")),
            image: base.zip(image).map(|(base, path)| format!("{base}{path}")),
        }
    }
}

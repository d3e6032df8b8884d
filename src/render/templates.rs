//! The one place that knows Tera: the theme's templates, parsed once per render.

use std::collections::BTreeMap;
use std::error::Error as _;

use tera::{Context, Tera};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::theme::Theme;

const MACROS: &str = "macros.html";

/// Parts that every notice page and media release of a language shows the same way:
/// rendered once per language from the theme's own macros, and handed to the templates
/// as `agencies_html`, `bureaus_html` and `contact_html` (a large site has thousands of
/// notices, and these are a good part of each).
/// Each is (variable, template name, template); the names end in `.html` so that Tera
/// escapes what the macros print, as it does in the pages themselves.
const SHARED_PARTS: [(&str, &str, &str); 3] = [
    (
        "agencies_html",
        "__parts/agencies.html",
        r#"{% import "macros.html" as m %}{{ m::agency_list(items=agencies, t=t) }}"#,
    ),
    (
        "bureaus_html",
        "__parts/bureaus.html",
        r#"{% import "macros.html" as m %}{{ m::agency_list(items=bureaus, t=t) }}"#,
    ),
    (
        "contact_html",
        "__parts/contact.html",
        r#"{% import "macros.html" as m %}{{ m::contact_card(c=contact, t=t) }}"#,
    ),
];

pub struct Templates {
    tera: Tera,
    /// Template name → the file it came from.
    origins: BTreeMap<String, String>,
}

impl Templates {
    pub fn new(theme: &Theme) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::default();
        // Escape HTML and XML; plain-text templates (the .txt media release) stay as written.
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        let origins: BTreeMap<String, String> = theme
            .templates
            .iter()
            .map(|(name, template)| (name.clone(), template.origin.clone()))
            .collect();
        let parts = SHARED_PARTS
            .iter()
            .filter(|_| origins.contains_key(MACROS))
            .map(|(_, name, text)| (*name, *text));
        let sources = theme
            .templates
            .iter()
            .map(|(name, template)| (name.as_str(), template.text.as_str()))
            .chain(parts);
        if let Err(error) = tera.add_raw_templates(sources) {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(problem(&origins, &error, "a template has an error"));
            return Err(diagnostics);
        }
        Ok(Templates { tera, origins })
    }

    /// Whether the theme has the template `name`.
    pub fn has(&self, name: &str) -> bool {
        self.origins.contains_key(name)
    }

    /// The [`SHARED_PARTS`] rendered with `context`, by name; a part the theme's macros
    /// cannot render is left out (a template that uses it reports it missing).
    pub fn shared_parts(&self, context: &Context) -> Vec<(&'static str, String)> {
        SHARED_PARTS
            .iter()
            .filter(|_| self.has(MACROS))
            .filter_map(|(variable, name, _)| {
                Some((*variable, self.tera.render(name, context).ok()?))
            })
            .collect()
    }

    /// Renders the template `name` into `out`, replacing what it held.
    pub fn render_into(
        &self,
        name: &str,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), Box<Diagnostic>> {
        out.clear();
        self.tera
            .render_to(name, context, &mut *out)
            .map_err(|error| {
                let message = format!("the template {name} could not be rendered");
                Box::new(problem(&self.origins, &error, &message))
            })
    }
}

/// Escapes what HTML and XML need escaped, in text and in quoted attributes. Unlike
/// Tera's default it leaves `/` alone, so addresses stay readable in the page source.
pub fn escape(text: &str) -> String {
    // Most texts (names, dates, interface strings) have nothing to escape.
    let Some(first) = text.bytes().position(|byte| ESCAPED[usize::from(byte)]) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 8);
    // Copies the runs between the characters to escape; all five are ASCII, so a byte
    // that matches one is never part of a longer UTF-8 character.
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate().skip(first) {
        if !ESCAPED[usize::from(byte)] {
            continue;
        }
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters in XML: removed.
            0xEF => match text.as_bytes().get(at + 1..at + 3) {
                Some([0xBF, 0xBE | 0xBF]) => {
                    out.push_str(&text[copied..at]);
                    copied = at + 3;
                    continue;
                }
                _ => continue,
            },
            // Control characters have no place in a page, and make an XML feed unreadable
            // (not even `&#1;` is allowed): removed.
            _ => "",
        };
        out.push_str(&text[copied..at]);
        out.push_str(entity);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// The bytes [`escape`] replaces.
const ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let bytes = b"&<>\"'";
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    // C0 controls but tab, line feed and carriage return; 0xEF starts U+FFFE and U+FFFF.
    let mut control = 0;
    while control < 0x20 {
        table[control] = !matches!(control, 0x09 | 0x0A | 0x0D);
        control += 1;
    }
    table[0xEF] = true;
    table
};

/// A Tera error as a diagnostic on the template file it comes from.
fn problem(origins: &BTreeMap<String, String>, error: &tera::Error, message: &str) -> Diagnostic {
    let mut chain = vec![error.to_string()];
    let mut source = error.source();
    while let Some(inner) = source {
        chain.push(inner.to_string());
        source = inner.source();
    }
    let detail = chain.join(": ");
    let file = origins
        .iter()
        .find(|(name, _)| detail.contains(&format!("'{name}'")))
        .map_or_else(|| "templates".to_string(), |(_, origin)| origin.clone());
    let part = SHARED_PARTS
        .iter()
        .find(|(name, ..)| detail.contains(&format!("`{name}` not found")));
    let hint = match part {
        Some((name, _, text)) => format!(
            "`{name}` is made from {MACROS}: {}; the site's {MACROS} must keep that macro, or delete it to use the built-in one",
            text.trim_start_matches(r#"{% import "macros.html" as m %}"#)
        ),
        None => "fix the template, or delete it to use the built-in one".to_string(),
    };
    Diagnostic::error(file, message.to_string())
        .found(detail)
        .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes_but_not_slashes() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a> https://x.org/a"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; https://x.org/a"
        );
        assert_eq!(
            escape("Caf\u{e9} <b>\u{1f600}</b>&"),
            "Caf\u{e9} &lt;b&gt;\u{1f600}&lt;/b&gt;&amp;"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn characters_that_xml_forbids_are_removed() {
        assert_eq!(
            escape("a\u{0}b\u{1b}[31mc\u{7}\td\ne\u{FFFE}f\u{FFFF}g\u{FFFD}\u{F000}<"),
            "ab[31mc\td\nefg\u{FFFD}\u{F000}&lt;"
        );
    }
}

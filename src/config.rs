//! `site.toml`: the district, its contacts and jurisdiction, and output settings.

use serde::{Deserialize, Serialize};

mod branding;

pub use branding::{logo_extension, logo_output_path};

use crate::compliance::pii;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::jurisdiction::{Clock, Pack, Trigger};

pub const FILE: &str = "site.toml";

/// The placeholder enrolment `breachpage init` writes where a state needs one; `check`
/// warns while it is still there.
pub const INIT_ENROLLMENT: u64 = 1000;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub district: District,
    pub site: SiteSection,
    pub contact: Contact,
    #[serde(default)]
    pub media: Option<MediaContact>,
    #[serde(default)]
    pub calendar: Calendar,
    #[serde(default)]
    pub policy: Vec<PolicyTarget>,
    /// The text of site.toml, to point at a setting from the checks that run later.
    #[serde(skip)]
    source: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    pub name: String,
    /// Rule pack code: CA, CT, IL, NY, PA or TX.
    pub jurisdiction: String,
    /// Dateline of media releases, e.g. "Mamaroneck, New York".
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// The number of students enrolled, for a state whose public list of breaches may leave
    /// off those under a share of enrolment (Illinois).
    #[serde(default)]
    pub enrollment: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSection {
    pub title: String,
    /// Absolute address of the published site, ending in `/`.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The default language: its pages are at the root of the site.
    #[serde(default = "default_language")]
    pub language: String,
    /// Every language to build; each but the default goes under `/<code>/`.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The site's texts in other languages, by code: `[site.translations.es]`.
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, SiteTranslation>,
    /// The district's logo, a file in the site folder shown at the top of every page.
    #[serde(default)]
    pub logo: Option<String>,
    /// What the logo shows, for readers who cannot see it; required with `logo`.
    #[serde(default)]
    pub logo_alt: Option<String>,
    /// `#rrggbb`, for links and the line under the page header.
    #[serde(default)]
    pub accent_color: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteTranslation {
    pub title: Option<String>,
    /// `[contact] title` and `hours` in this language.
    pub contact_title: Option<String>,
    pub contact_hours: Option<String>,
    /// `[media] title` in this language.
    pub media_title: Option<String>,
    /// `[site] logo_alt` in this language.
    pub logo_alt: Option<String>,
}

fn default_language() -> String {
    "en".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

/// The representative who assists parents (e.g. the Data Privacy Officer).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
}

/// The contact printed on media releases; the `[contact]` is used when absent.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MediaContact {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Extra non-business days (district closures), YYYY-MM-DD.
    #[serde(default)]
    pub closures: Vec<chrono::NaiveDate>,
}

/// The district's own, stricter target for an obligation, shown beside the legal deadline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyTarget {
    pub obligation: String,
    pub within: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl SiteConfig {
    /// Parses and checks `site.toml`. Every problem is a configuration error.
    pub fn parse(text: &str) -> Result<SiteConfig, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        diagnostics.add_source(FILE, text);
        let mut config: SiteConfig = match toml::from_str(text) {
            Ok(config) => config,
            Err(error) => {
                diagnostics.push(describe(text, &error));
                return Err(diagnostics);
            }
        };
        config.check(text, &mut diagnostics);
        check_texts(text, &mut diagnostics);
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        if let Some(base) = &mut config.site.base_url {
            if !base.ends_with('/') {
                base.push('/');
            }
        }
        config.source = text.to_string();
        Ok(config)
    }

    fn check(&self, text: &str, diagnostics: &mut Diagnostics) {
        let mut problem = |key: &str, message: String, expected: &str, found: Option<&str>| {
            let mut diagnostic = Diagnostic::error(FILE, message)
                .field(key)
                .at(&locate_key(text, key))
                .expected(expected);
            if let Some(found) = found {
                diagnostic = diagnostic.found(format!("`{found}`"));
            }
            diagnostics.push(diagnostic);
        };
        if Pack::get(&self.district.jurisdiction).is_none() {
            let supported = Pack::supported().join(", ");
            problem(
                "district.jurisdiction",
                format!("breachpage has no rules for this jurisdiction; it supports {supported}"),
                &format!("one of {supported}"),
                Some(&self.district.jurisdiction),
            );
        }
        let list = self
            .pack()
            .and_then(|pack| Some((pack, pack.public_list.as_ref()?)));
        if let Some((pack, list)) = list.filter(|(_, l)| l.omit_under_percent.is_some()) {
            match self.district.enrollment {
                None => problem(
                    "district.enrollment",
                    format!(
                        "{} law asks for a public list of breaches that leaves off those of under {}% of the students enrolled ({}), so breachpage needs the number of students enrolled",
                        pack.name,
                        list.omit_under_percent.unwrap_or_default(),
                        list.citation
                    ),
                    "`enrollment = 4210` under [district]: the number of students enrolled, in digits",
                    None,
                ),
                Some(0) => problem(
                    "district.enrollment",
                    "the number of students enrolled cannot be 0".into(),
                    "the number of students enrolled, in digits, such as 4210",
                    Some("0"),
                ),
                Some(_) => {}
            }
        }
        for (key, value) in [
            ("district.name", &self.district.name),
            ("site.title", &self.site.title),
            ("contact.name", &self.contact.name),
        ] {
            if value.trim().is_empty() {
                problem(key, "this must not be empty".into(), "some text", None);
            }
        }
        if self.contact.phone.is_none() && self.contact.email.is_none() {
            problem(
                "contact.phone",
                "parents need a way to reach the contact: give a phone number, an email address, or both".into(),
                "`phone = \"...\"` or `email = \"...\"` under [contact]",
                None,
            );
        }
        for (key, value) in [
            ("site.base_url", &self.site.base_url),
            ("district.website", &self.district.website),
        ] {
            if let Some(url) = value {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    problem(
                        key,
                        "this must be a full web address".into(),
                        "an address starting with https://",
                        Some(url),
                    );
                }
            }
        }
        for (index, policy) in self.policy.iter().enumerate() {
            let at = |field: &str| format!("policy[{index}].{field}");
            if let Err(message) = Clock::try_from(policy.within.clone()) {
                problem(
                    &at("within"),
                    message,
                    "a period such as \"3 business days\", \"30 calendar days\" or \"72 hours\"",
                    Some(&policy.within),
                );
            }
            if let Some(from) = &policy.from {
                if Trigger::parse_policy(from).is_none() {
                    problem(&at("from"), "this is not an event breachpage can count from".into(), "discovered, determined, contractor_notice, delay_end or individuals_notice", Some(from));
                }
            }
            if !crate::jurisdiction::OBLIGATION_IDS.contains(&policy.obligation.as_str()) {
                let hint = crate::suggest::closest(
                    &policy.obligation,
                    crate::jurisdiction::OBLIGATION_IDS.iter().copied(),
                );
                let expected = match hint {
                    Some(close) => format!("an obligation id; did you mean \"{close}\"?"),
                    None => format!("one of: {}", crate::jurisdiction::OBLIGATION_IDS.join(", ")),
                };
                problem(
                    &at("obligation"),
                    "this is not an obligation breachpage knows".into(),
                    &expected,
                    Some(&policy.obligation),
                );
            }
        }
        for (index, code) in self
            .site
            .languages
            .iter()
            .chain(std::iter::once(&self.site.language))
            .enumerate()
        {
            let valid =
                (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
            if !valid {
                let key = if index < self.site.languages.len() {
                    "site.languages"
                } else {
                    "site.language"
                };
                problem(
                    key,
                    "this is not a language code".into(),
                    "a two-letter code such as \"en\" or \"es\"",
                    Some(code),
                );
            }
        }
        if !self.site.languages.is_empty() && !self.site.languages.contains(&self.site.language) {
            problem(
                "site.languages",
                format!(
                    "the list must include the default language \"{}\" (`language`)",
                    self.site.language
                ),
                "a list such as [\"en\", \"es\"]",
                None,
            );
        }
        branding::check(&self.site, &mut problem);
        if self.site.theme.trim().is_empty() {
            problem(
                "site.theme",
                "this must not be empty".into(),
                "a theme name such as \"default\"",
                None,
            );
        }
    }

    /// Where `key` (`site.logo`) is written in site.toml, or its section, or the top.
    pub fn location(&self, key: &str) -> Location {
        locate_key(&self.source, key)
    }

    /// The languages to build, the default first.
    pub fn languages(&self) -> Vec<&str> {
        let mut languages = vec![self.site.language.as_str()];
        for code in &self.site.languages {
            if !languages.contains(&code.as_str()) {
                languages.push(code);
            }
        }
        languages
    }

    /// The jurisdiction's rule pack (checked when parsing).
    pub fn pack(&self) -> Option<&'static Pack> {
        Pack::get(&self.district.jurisdiction)
    }
}

/// Every text of site.toml is published somewhere (contacts on every page, titles,
/// notes): none may hold a Social Security or card number.
fn check_texts(text: &str, diagnostics: &mut Diagnostics) {
    fn walk(value: &toml::Value, key: &mut String, found: &mut Vec<(String, pii::Finding)>) {
        match value {
            toml::Value::String(string) => {
                for finding in pii::find(string, &[]) {
                    found.push((key.clone(), finding));
                }
            }
            toml::Value::Array(items) => {
                let len = key.len();
                for (i, item) in items.iter().enumerate() {
                    key.push_str(&format!("[{i}]"));
                    walk(item, key, found);
                    key.truncate(len);
                }
            }
            toml::Value::Table(table) => {
                let len = key.len();
                for (name, item) in table {
                    if len > 0 {
                        key.push('.');
                    }
                    key.push_str(name);
                    walk(item, key, found);
                    key.truncate(len);
                }
            }
            _ => {}
        }
    }
    let Ok(table) = text.parse::<toml::Table>() else {
        return;
    };
    let mut found = Vec::new();
    walk(&toml::Value::Table(table), &mut String::new(), &mut found);
    for (key, finding) in found {
        let near = locate_key(text, &key);
        let from = near.bytes.start.min(text.len());
        let location = match text.get(from..).and_then(|rest| rest.find(&finding.text)) {
            Some(offset) => {
                Location::from_bytes(text, from + offset..from + offset + finding.text.len())
            }
            None => near,
        };
        diagnostics.push(pii::problem(FILE, &finding, "").field(key).at(&location));
    }
}

fn describe(text: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_string();
    let location = error
        .span()
        .map(|span| Location::from_bytes(text, span))
        .unwrap_or_else(|| Location::from_line_column(text, 1, 1, 0));
    let mut diagnostic = Diagnostic::error(FILE, message.clone()).at(&location);
    // "missing field `x`" points at the table it is missing from.
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        let table = table_at(text, location.bytes.start);
        let key = match table {
            Some(table) => format!("{table}.{field}"),
            None => field.to_string(),
        };
        diagnostic.message = format!("required setting `{key}` is missing");
        diagnostic = diagnostic.field(key).expected(expected_for(field));
    } else if let Some(rest) = message.strip_prefix("unknown field `") {
        // "unknown field `founded`, expected one of `name`, `jurisdiction`, …"
        let (field, known) = rest.split_once('`').unwrap_or((rest, ""));
        let known = known
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        // The name of a `[section]` header itself: a section site.toml does not have.
        let header = line_at(text, location.bytes.start)
            .trim_start()
            .starts_with('[');
        let closest = crate::suggest::closest(field, known.split(", ").filter(|k| !k.is_empty()));
        if header {
            diagnostic.message = format!("site.toml has no section [{field}]");
            if !known.is_empty() {
                diagnostic = diagnostic.expected(format!(
                    "one of the sections: {}",
                    known
                        .split(", ")
                        .map(|k| format!("[{k}]"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            diagnostic = diagnostic.hint(match closest {
                Some(close) => format!("did you mean [{close}]?"),
                None => "check the spelling; docs/webmaster.md lists every section of site.toml"
                    .to_string(),
            });
            return diagnostic;
        }
        diagnostic.message = match section_at(text, location.bytes.start) {
            Section::Header(header) => format!("{header} has no setting `{field}`"),
            Section::Top => format!("site.toml has no setting `{field}` at the top"),
            Section::Inline => format!("this group has no setting `{field}`"),
        };
        if !known.is_empty() {
            diagnostic = diagnostic.expected(format!("one of: {known}"));
        }
        diagnostic = diagnostic.hint(match closest {
            Some(close) => format!("did you mean `{close}`?"),
            None => "check the spelling and the [section] it is under; docs/webmaster.md lists every setting of site.toml".to_string(),
        });
    } else if let Some((plain, hint)) = plain_syntax(&message) {
        // The TOML reader's own phrases ("invalid basic string") mean nothing to staff.
        let curly = line_at(text, location.bytes.start).contains(['“', '”', '‘', '’']);
        let plain = if curly {
            "the text is between curly quotation marks (“ ”), which site.toml does not read as quotation marks"
        } else {
            plain
        };
        diagnostic.message = format!("this line of site.toml cannot be read: {plain}");
        diagnostic = diagnostic.hint(hint);
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        // "invalid type: integer `42`, expected a string"; "invalid value: integer `-5`,
        // expected u64"
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let line = text[..location.bytes.start.min(text.len())]
            .rsplit('\n')
            .next()
            .unwrap_or("");
        // The key is named only when the value is the line's own (not inside `{ … }`).
        diagnostic.message = match line.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() && !value.contains('{') => {
                format!("`{}` has the wrong kind of value", key.trim())
            }
            _ => "this setting has the wrong kind of value".to_string(),
        };
        // serde names the kind first: "integer `42`", "string \"es\"", "sequence".
        let found = found.replacen("floating point", "float", 1);
        let (kind, value) = found.split_once(' ').unwrap_or((&found, ""));
        let kind = match kind {
            "integer" | "float" => "the number",
            "string" => "the text",
            "boolean" => "",
            "sequence" => "a list",
            "map" => "a group of settings",
            other => other,
        };
        diagnostic = diagnostic
            .found(format!("{kind} {value}").trim())
            .expected(plain_kind(expected));
        if expected.contains("string") {
            diagnostic = diagnostic
                .hint("put text in double quotes, for example name = \"Maple Ridge UFSD\"");
        } else if expected.contains("sequence") {
            diagnostic = diagnostic
                .hint("write a list in brackets, for example languages = [\"en\", \"es\"]");
        }
    }
    diagnostic
}

/// The whole line that `offset` is on.
fn line_at(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let end = text[offset..]
        .find('\n')
        .map_or(text.len(), |at| offset + at);
    &text[start..end]
}

/// A TOML syntax error in plain words, with what to do; `None` for the errors of values
/// (unknown, missing or mistyped settings), which are told elsewhere.
fn plain_syntax(message: &str) -> Option<(&'static str, &'static str)> {
    let quote_hint = "write text between straight double quotation marks on one line: name = \"Maple Ridge UFSD\"; curly quotation marks (“ ”) from a word processor do not count";
    let known = [
        ("string", "a text value is not closed with a quotation mark", quote_hint),
        ("expected `\"`", "a text value is not closed with a quotation mark", quote_hint),
        ("expected `'`", "a text value is not closed with a quotation mark", quote_hint),
        ("unclosed table", "a [section] name is not closed with `]`", "write each section name in square brackets on its own line, for example [contact]"),
        ("table header", "a [section] name is not written as one", "write each section name in square brackets on its own line, for example [contact]"),
        ("duplicate key", "a setting is given twice in the same section", "keep one of them and delete the other"),
        ("duplicate", "a section or setting is given twice", "keep one of them and delete the other; several policies are each written under their own [[policy]]"),
        ("unquoted", "a setting's name or value is not written the way site.toml needs", "write each setting as name = value on its own line, with text in double quotation marks"),
        ("expected `=`", "this line is not a setting", "write each setting as name = value on its own line, with text in double quotation marks"),
        ("expected newline", "something follows a setting's value on the same line", "put each setting on its own line; a note after a value starts with #"),
        ("invalid number", "a number is not written as a whole number", "write numbers with digits only, without commas or spaces"),
        ("invalid date", "a date is not written YYYY-MM-DD", "write dates in quotation marks as \"YYYY-MM-DD\", for example \"2025-12-26\""),
        ("unclosed array", "a list opened with `[` is not closed with `]`", "end the list with `]`, for example languages = [\"en\", \"es\"]"),
        ("expected `]`", "a list or section name is not closed with `]`", "end it with `]`"),
        ("expected `}`", "a group opened with `{` is not closed with `}`", "end it with `}`, or write the settings under a [section] of their own"),
        ("invalid", "this line is not written the way site.toml needs", "write each setting as name = value on its own line, with text in double quotation marks; docs/webmaster.md shows a complete site.toml"),
        ("expected", "this line is not written the way site.toml needs", "write each setting as name = value on its own line, with text in double quotation marks; docs/webmaster.md shows a complete site.toml"),
    ];
    if message.starts_with("missing field")
        || message.starts_with("unknown field")
        || message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("unknown variant")
    {
        return None;
    }
    known
        .iter()
        .find(|(phrase, _, _)| message.contains(phrase))
        .map(|(_, plain, hint)| (*plain, *hint))
}

/// Where a line of site.toml is.
enum Section {
    /// Under a header, as written: `[site]`, `[[policy]]`.
    Header(String),
    /// Above every header.
    Top,
    /// Inside an inline group: `contact = { name = "…" }`.
    Inline,
}

/// The section of the line at `offset`.
fn section_at(text: &str, offset: usize) -> Section {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    if before[line_start..].contains('{') {
        return Section::Inline;
    }
    before[..line_start]
        .lines()
        .rev()
        // A header may end with a comment: `[contact] # who answers`.
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .find(|line| line.starts_with('['))
        .map_or(Section::Top, |header| Section::Header(header.to_string()))
}

/// serde's names for kinds of values, in plain words.
fn plain_kind(expected: &str) -> String {
    match expected {
        "a string" => "text in quotes".to_string(),
        "a sequence" => "a list in brackets: [ ... ]".to_string(),
        "a boolean" => "true or false".to_string(),
        "u32" | "u64" | "i64" | "an integer" => "a whole number".to_string(),
        other if other.starts_with("struct ") || other.contains("map") => {
            "a [section] of settings".to_string()
        }
        other => other.to_string(),
    }
}

fn expected_for(field: &str) -> &'static str {
    match field {
        "district" => "a [district] table with `name` and `jurisdiction`",
        "site" => "a [site] table with `title`",
        "contact" => "a [contact] table with `name` and a `phone` or `email`",
        "jurisdiction" => "a jurisdiction code: CA, CT, IL, NY, PA or TX",
        "name" | "title" => "a quoted text value",
        _ => "a value for this setting",
    }
}

/// The `[table]` header that a byte offset sits under, if any.
fn table_at(text: &str, offset: usize) -> Option<String> {
    let end = (offset + text[offset.min(text.len())..].find('\n').unwrap_or(0)).min(text.len());
    text[..end]
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| line.starts_with('[') && !line.starts_with("[["))
        .map(|line| {
            line.trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string()
        })
}

/// Where `table.key` (or `array[index].key`, for `[[array]]` tables) is written, or the
/// table header, or the top of the file.
fn locate_key(text: &str, dotted: &str) -> Location {
    let (table, key) = dotted.split_once('.').unwrap_or(("", dotted));
    let (name, wanted_index) = match table.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
        None => (table, None),
    };
    let mut offset = 0;
    let mut in_table = table.is_empty();
    let mut header = None;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            let array = trimmed.starts_with("[[");
            let header_name = trimmed
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(|c| c == '[' || c == ']')
                .trim();
            in_table = header_name == name
                && match wanted_index {
                    Some(index) if array => {
                        seen += 1;
                        seen - 1 == index
                    }
                    Some(_) => false,
                    None => !array,
                };
            if in_table {
                header = Some(offset..offset + line.trim_end().len());
            }
        } else if in_table {
            let found = trimmed.split('=').next().unwrap_or("").trim();
            if found == key && trimmed.contains('=') {
                let start = offset + (line.len() - trimmed.len());
                return Location::from_bytes(text, start..offset + line.trim_end().len());
            }
        }
        offset += line.len();
    }
    Location::from_bytes(text, header.unwrap_or(0..0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_setting_names_its_section_as_written() {
        let message = |text: &str| {
            let problems = SiteConfig::parse(text).expect_err("an unknown setting");
            problems.sorted()[0].message.clone()
        };
        let base = MINIMAL.replace("[contact]", "[contact] # who answers");
        assert_eq!(
            message(&base.replace("[site]\n", "[site]\ntitel = \"x\"\n")),
            "[site] has no setting `titel`"
        );
        assert!(message(&format!("{base}\n[[policy]]\nbogus = 1\n"))
            .starts_with("[[policy]] has no setting `bogus`"));
        assert_eq!(
            message(&format!("founded = 1901\n{base}")),
            "site.toml has no setting `founded` at the top"
        );
    }

    const MINIMAL: &str = r#"
[district]
name = "Example School District"
jurisdiction = "NY"

[site]
title = "Data Breach Notification"

[contact]
name = "Pat Doe"
email = "privacy@example.org"
"#;

    #[test]
    fn toml_syntax_errors_never_show_the_readers_phrases() {
        let cases = [
            (
                "[district]\nname = \"Maple\n",
                "is not closed with a quotation mark",
            ),
            ("[district]\nname = “Maple”\n", "curly quotation marks"),
            ("[district\nname = \"x\"\n", "[section] name"),
            ("[district]\nname = \"x\"\nname = \"y\"\n", "given twice"),
            ("[district]\nname \"x\"\n", "site.toml"),
        ];
        for (text, plain) in cases {
            let diagnostics = SiteConfig::parse(text).unwrap_err();
            let message = &diagnostics.sorted()[0].message;
            assert!(message.contains(plain), "{text:?}: {message}");
            for raw in [
                "invalid string",
                "invalid basic string",
                "expected `\"`",
                "invalid key",
                "unquoted",
            ] {
                assert!(!message.contains(raw), "{text:?}: {message}");
            }
        }
    }

    #[test]
    fn an_unknown_section_suggests_the_right_one() {
        let text = "[district]\nname = \"x\"\njurisdiction = \"NY\"\n[site]\ntitle = \"t\"\n[contacts]\nname = \"A\"\n";
        let diagnostics = SiteConfig::parse(text).unwrap_err();
        let problem = &diagnostics.sorted()[0];
        assert_eq!(problem.message, "site.toml has no section [contacts]");
        assert_eq!(problem.hint.as_deref(), Some("did you mean [contact]?"));
        assert_eq!(problem.line, 6);
    }

    #[test]
    fn the_core_keys_make_a_valid_site() {
        let config = SiteConfig::parse(MINIMAL).unwrap();
        assert_eq!(config.site.language, "en");
        assert_eq!(config.pack().unwrap().code, "NY");
        assert!(config.media.is_none());
    }

    #[test]
    fn a_missing_key_is_named_with_its_table() {
        let text = MINIMAL.replace("jurisdiction = \"NY\"\n", "");
        let diagnostics = SiteConfig::parse(&text).unwrap_err();
        let item = diagnostics.sorted()[0].clone();
        assert_eq!(item.field.as_deref(), Some("district.jurisdiction"));
        assert_eq!(item.line, 2, "{item:?}");
    }

    #[test]
    fn an_unknown_jurisdiction_lists_the_supported_ones() {
        let text = MINIMAL.replace("\"NY\"", "\"ZZ\"");
        let diagnostics = SiteConfig::parse(&text).unwrap_err();
        let item = diagnostics.sorted()[0].clone();
        assert!(item.message.contains("CA, CT, IL, NY, PA, TX"), "{item:?}");
        assert_eq!(item.line, 4);
    }

    /// Illinois lists breaches of 10% or more of enrolment (105 ILCS 85/27(a)(5)): its sites
    /// must give the enrolment, as a positive whole number; other states need none.
    #[test]
    fn enrollment_is_required_where_the_public_list_needs_it() {
        let il = MINIMAL.replace("\"NY\"", "\"IL\"");
        let item = SiteConfig::parse(&il).unwrap_err().sorted()[0].clone();
        assert_eq!(item.field.as_deref(), Some("district.enrollment"));
        assert!(
            item.message.contains("under 10% of the students enrolled"),
            "{item:?}"
        );
        assert!(item.message.contains("105 ILCS 85/27(a)(5)"), "{item:?}");
        assert_eq!(item.line, 2, "the [district] header: {item:?}");
        let with = il.replace("[site]", "enrollment = 4210\n[site]");
        assert_eq!(
            SiteConfig::parse(&with).unwrap().district.enrollment,
            Some(4210)
        );
        let zero = il.replace("[site]", "enrollment = 0\n[site]");
        let item = SiteConfig::parse(&zero).unwrap_err().sorted()[0].clone();
        assert_eq!(
            (item.field.as_deref(), item.line),
            (Some("district.enrollment"), 6)
        );
        for bad in ["-5", "\"4,210\"", "4210.5"] {
            let text = il.replace("[site]", &format!("enrollment = {bad}\n[site]"));
            let item = SiteConfig::parse(&text).unwrap_err().sorted()[0].clone();
            assert_eq!(item.line, 6, "{bad}: {item:?}");
            assert!(
                item.expected
                    .as_deref()
                    .unwrap_or("")
                    .contains("whole number"),
                "{bad}: {item:?}"
            );
            assert!(item.message.contains("`enrollment`"), "{bad}: {item:?}");
            for jargon in ["u64", "floating", "invalid"] {
                assert!(!format!("{item:?}").contains(jargon), "{bad}: {item:?}");
            }
        }
        assert!(
            SiteConfig::parse(MINIMAL).is_ok(),
            "New York needs no enrolment"
        );
    }

    #[test]
    fn policy_targets_are_checked() {
        let text = format!("{MINIMAL}\n[[policy]]\nobligation = \"individual\"\nwithin = \"3 fortnights\"\nfrom = \"determined\"\n");
        let diagnostics = SiteConfig::parse(&text).unwrap_err();
        let fields: Vec<Option<String>> = diagnostics
            .sorted()
            .iter()
            .map(|d| d.field.clone())
            .collect();
        assert_eq!(
            fields,
            [
                Some("policy[0].obligation".to_string()),
                Some("policy[0].within".to_string())
            ]
        );
        let good = text
            .replace("individual\"", "individuals\"")
            .replace("3 fortnights", "3 business days");
        assert!(SiteConfig::parse(&good).is_ok());
    }

    #[test]
    fn base_url_gains_a_trailing_slash() {
        let text = MINIMAL.replace(
            "[site]\n",
            "[site]\nbase_url = \"https://example.org/breach\"\n",
        );
        let config = SiteConfig::parse(&text).unwrap();
        assert_eq!(
            config.site.base_url.as_deref(),
            Some("https://example.org/breach/")
        );
    }
}

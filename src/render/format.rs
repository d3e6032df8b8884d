//! Words for dates, numbers and phone numbers, in the page's language.

use chrono::{Datelike, NaiveDate, Timelike};
use serde::Serialize;

use crate::model::Moment;

/// The interface strings of one language, falling back to English, then to the key.
#[derive(Clone, Copy)]
pub struct Strings<'a> {
    pub own: &'a toml::Table,
    pub english: &'a toml::Table,
}

impl<'a> Strings<'a> {
    pub fn get(&self, key: &'a str) -> &'a str {
        self.own
            .get(key)
            .or_else(|| self.english.get(key))
            .and_then(toml::Value::as_str)
            .unwrap_or(key)
    }

    /// A string of this language only (no English fallback), e.g. its own `guidance`.
    pub fn own_text(&self, key: &str) -> Option<&'a str> {
        self.own.get(key).and_then(toml::Value::as_str)
    }

    /// An entry of a table such as `data_labels`, in this language or English.
    pub fn entry(&self, table: &str, key: &str) -> Option<&'a str> {
        [self.own, self.english]
            .iter()
            .find_map(|t| t.get(table)?.get(key)?.as_str())
    }

    fn month(&self, month0: u32) -> &'a str {
        let months = self
            .own
            .get("months")
            .or_else(|| self.english.get("months"))
            .and_then(toml::Value::as_array);
        months
            .and_then(|m| m.get(month0 as usize))
            .and_then(toml::Value::as_str)
            .unwrap_or("")
    }

    /// Both tables merged (own over English), for templates.
    pub fn merged(&self) -> toml::Table {
        let mut table = self.english.clone();
        table.extend(self.own.clone());
        table
    }
}

/// A date for templates: machine-readable and in words.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

pub fn date(strings: Strings, date: NaiveDate) -> DateView {
    DateView {
        // NaiveDate's own format is YYYY-MM-DD, and far quicker than a format string.
        iso: date.to_string(),
        text: date_words(strings, date),
    }
}

pub fn moment(strings: Strings, moment: Moment) -> DateView {
    match moment {
        Moment::Date(d) => date(strings, d),
        Moment::DateTime(at) => {
            let time = if strings.get("clock") == "24" {
                format!("{:02}:{:02}", at.hour(), at.minute())
            } else {
                let (pm, hour) = at.hour12();
                let suffix = if pm {
                    strings.get("pm")
                } else {
                    strings.get("am")
                };
                format!("{hour}:{:02} {suffix}", at.minute())
            };
            DateView {
                iso: format!("{}T{:02}:{:02}", at.date(), at.hour(), at.minute()),
                text: format!("{}, {time}", date_words(strings, at.date())),
            }
        }
    }
}

/// "January 8, 2022".
pub fn date_words(strings: Strings, date: NaiveDate) -> String {
    // Written in one pass, not with `replace`: every page shows several dates, and a
    // large site has thousands of pages.
    let mut out = String::with_capacity(24);
    let mut rest = strings.get("date_format");
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("{month}") {
            out.push_str(strings.month(date.month0()));
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{day}") {
            out.push_str(&date.day().to_string());
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{year}") {
            out.push_str(&date.year().to_string());
            rest = after;
        } else {
            out.push('{');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// "1,250", with the language's separator.
pub fn count(strings: Strings, n: u64) -> String {
    thousands(n, strings.get("thousands_separator"))
}

/// `n` with `separator` between groups of three digits.
pub fn thousands(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A `tel:` target: `1-800-771-7755` → `+18007717755`. An extension (`ext. 12`, `x12`) is
/// kept as `;ext=12`.
pub fn phone_href(phone: &str) -> String {
    let lower = phone.to_ascii_lowercase();
    let (number, extension) = match lower.find("ext").or_else(|| lower.find('x')) {
        Some(at) => (&phone[..at], Some(&phone[at..])),
        None => (phone, None),
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let mut href = match digits.len() {
        10 => format!("+1{digits}"),
        11 if digits.starts_with('1') => format!("+{digits}"),
        _ if number.trim_start().starts_with('+') => format!("+{digits}"),
        _ => digits,
    };
    if let Some(extension) = extension {
        let ext: String = extension.chars().filter(char::is_ascii_digit).collect();
        if !ext.is_empty() {
            href.push_str(";ext=");
            href.push_str(&ext);
        }
    }
    href
}

/// A web address as shown to readers: without the scheme and the trailing slash.
pub fn url_text(url: &str) -> String {
    let text = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let text = text.strip_prefix("www.").map_or(text, |rest| {
        // Keep "www." when it is all there is to the host.
        if rest.contains('.') {
            rest
        } else {
            text
        }
    });
    text.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    fn with_strings<T>(f: impl FnOnce(Strings) -> T) -> T {
        let theme = Theme::embedded();
        let english = &theme.strings["en"];
        f(Strings {
            own: english,
            english,
        })
    }

    #[test]
    fn dates_are_written_in_words() {
        let text = with_strings(|s| date_words(s, NaiveDate::from_ymd_opt(2022, 1, 8).unwrap()));
        assert_eq!(text, "January 8, 2022");
        let theme = Theme::embedded();
        let english = &theme.strings["en"];
        let mut own = theme.strings["es"].clone();
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let spanish = |own: &toml::Table| date_words(Strings { own, english }, date);
        assert_eq!(spanish(&own), "22 de noviembre de 2026");
        // Text around and between the placeholders is kept, unknown braces included.
        own.insert("date_format".into(), "{year}/{day} {x} {month".into());
        assert_eq!(spanish(&own), "2026/22 {x} {month");
    }

    #[test]
    fn times_use_the_twelve_hour_clock_in_english() {
        let at = NaiveDate::from_ymd_opt(2025, 1, 8)
            .unwrap()
            .and_hms_opt(14, 5, 0)
            .unwrap();
        let view = with_strings(|s| moment(s, Moment::DateTime(at)));
        assert_eq!(view.text, "January 8, 2025, 2:05 p.m.");
        assert_eq!(view.iso, "2025-01-08T14:05");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(with_strings(|s| count(s, 1250)), "1,250");
        assert_eq!(with_strings(|s| count(s, 999)), "999");
        assert_eq!(with_strings(|s| count(s, 1_234_567)), "1,234,567");
    }

    #[test]
    fn phone_numbers_become_tel_targets() {
        assert_eq!(phone_href("1-800-771-7755"), "+18007717755");
        assert_eq!(phone_href("(914) 555-0142"), "+19145550142");
        assert_eq!(phone_href("914-555-0142 ext. 204"), "+19145550142;ext=204");
    }

    #[test]
    fn urls_are_shown_without_scheme() {
        assert_eq!(
            url_text("https://www.identitytheft.gov"),
            "identitytheft.gov"
        );
        assert_eq!(
            url_text("https://ag.ny.gov/identity-theft/"),
            "ag.ny.gov/identity-theft"
        );
    }
}

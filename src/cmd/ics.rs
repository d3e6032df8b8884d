//! `deadlines --format ics`: the open deadlines as an iCalendar file (RFC 5545) that a
//! calendar app imports: one event per obligation that is due or overdue and has a date,
//! with its citation and how to file in the description, and alarms two days and one day
//! before. Obligations with no fixed date ("without unreasonable delay", "at the same time
//! as the notice") have no event: there is no day to put them on.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

use crate::compliance::calendar::us_offset;
use crate::compliance::obligations::{Due, ObligationStatus, State};
use crate::compliance::residence::Residence;
use crate::jurisdiction::Pack;
use crate::model::{Incident, Status};

/// The calendar of `evaluated`, stamped `today` (so that the same inputs give the same
/// bytes). Lines end with CRLF and are folded at 75 octets, as RFC 5545 §3.1 asks.
/// The duties owed under another state's law where affected people live (`residences`,
/// one list an incident, in the order of `evaluated`) are events too, named for the state.
pub fn calendar(
    evaluated: &[(&Incident, Vec<ObligationStatus>)],
    residences: &[Vec<Residence>],
    today: NaiveDate,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//breachpage//deadlines//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, "X-WR-CALNAME:Data breach notice deadlines");
    let stamp = format!("DTSTAMP:{}T000000Z", today.format("%Y%m%d"));
    let none = Vec::new();
    for (i, (incident, statuses)) in evaluated.iter().enumerate() {
        let elsewhere = residences
            .get(i)
            .unwrap_or(&none)
            .iter()
            .filter_map(|r| Some((Some(r.law.as_ref()?.pack), &r.law.as_ref()?.statuses)));
        for (state, statuses) in std::iter::once((None, statuses)).chain(elsewhere) {
            for status in statuses {
                if !matches!(status.state, State::Due | State::Overdue) {
                    continue;
                }
                let Some(due) = &status.due else {
                    continue;
                };
                event(&mut out, incident, state, status, due, &stamp);
            }
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// One event; `state` is the pack of another state where affected people live, when the
/// duty is owed under its law.
fn event(
    out: &mut String,
    incident: &Incident,
    state: Option<&Pack>,
    status: &ObligationStatus,
    due: &Due,
    stamp: &str,
) {
    let o = &status.obligation;
    let variant = o.variant.as_deref().map(slug_of).unwrap_or_default();
    let code = state.map(|p| format!(".{}", p.code.to_ascii_lowercase()));
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!(
            "UID:{}{}.{}{}{variant}@breachpage",
            incident.slug,
            code.unwrap_or_default(),
            o.id,
            if variant.is_empty() { "" } else { "." }
        ),
    );
    line(out, stamp);
    match due {
        Due::Date(date) => {
            line(
                out,
                &format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            );
            let next = *date + Duration::days(1);
            line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
        Due::Time(local, zone) => {
            // The state's local time, written in UTC so that every calendar shows the same
            // instant.
            let utc = *local - Duration::hours(i64::from(us_offset(*zone, *local)));
            line(out, &format!("DTSTART:{}", utc.format("%Y%m%dT%H%M%SZ")));
            line(out, &format!("DTEND:{}", utc.format("%Y%m%dT%H%M%SZ")));
        }
    }
    let draft = if incident.status == Status::Draft {
        " [draft]"
    } else {
        ""
    };
    let law = state
        .map(|p| format!(" under {} law", p.name))
        .unwrap_or_default();
    let summary = format!(
        "Due: {} → {}{law} ({}){draft}",
        o.who, o.whom, incident.title
    );
    property(out, "SUMMARY", &summary);
    let mut description = format!(
        "{} → {}, for \"{}\": {} after the {}",
        capitalised(&o.who),
        o.whom,
        incident.title,
        o.within,
        status.trigger_text
    );
    if let Some(trigger) = status.trigger {
        let _ = write!(description, " ({})", trigger.format("%B %-d, %Y"));
    }
    let _ = write!(
        description,
        ".\nCitation: {} (obligation `{}`).",
        o.citation, o.id
    );
    if status.state == State::Overdue {
        description.push_str("\nThis deadline has passed.");
    }
    for note in status
        .notes
        .iter()
        .filter(|n| !n.starts_with("How to file"))
    {
        let _ = write!(description, "\n{note}");
    }
    if let Some(file) = &o.file {
        let _ = write!(description, "\nHow to file: {file}");
    }
    if let Some(doubt) = &o.doubt {
        let _ = write!(description, "\n{doubt}");
    }
    let record = match state {
        Some(p) => format!("affected.residents.{}.notified.{}", p.code, o.id),
        None => format!("notified.{}", o.id),
    };
    let _ = write!(
        description,
        "\nRecord it in the incident's record as {record} once done. This is not legal advice."
    );
    property(out, "DESCRIPTION", &description);
    line(out, "CATEGORIES:Data breach notice");
    for before in ["-P2D", "-P1D"] {
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, &format!("TRIGGER:{before}"));
        property(out, "DESCRIPTION", &summary);
        line(out, "END:VALARM");
    }
    line(out, "END:VEVENT");
}

/// `name:value` with the value escaped as TEXT (RFC 5545 §3.3.11).
fn property(out: &mut String, name: &str, value: &str) {
    let mut escaped = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    line(out, &format!("{name}:{escaped}"));
}

/// One content line, folded so that no line is longer than 75 octets (a fold is CRLF and
/// one space; a character is never split).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "after a law-enforcement delay" → "after-a-law-enforcement-delay", for stable UIDs.
fn slug_of(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_folded_at_75_octets_between_characters() {
        let mut out = String::new();
        line(&mut out, &format!("DESCRIPTION:{}", "é".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        let mut out = String::new();
        property(&mut out, "SUMMARY", "a, b; c\\d\ne");
        assert_eq!(out, "SUMMARY:a\\, b\\; c\\\\d\\ne\r\n");
    }

    #[test]
    fn variants_make_stable_uid_parts() {
        assert_eq!(
            slug_of("after a law-enforcement delay"),
            "after-a-law-enforcement-delay"
        );
    }
}

//! Dates, times and recorded acts in words, for staff reports: `deadlines` and the kit's
//! filings and compliance record.

use chrono::NaiveDate;

use crate::compliance::obligations::Due;
use crate::model::{Moment, NoticeMethod, NotificationAct};

/// "November 22, 2026".
pub fn in_words(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// "November 22, 2026", or "November 22, 2026 at 8:45 a.m. Eastern time" for hour clocks
/// (in the state's own time zone).
pub fn due_in_words(due: &Due) -> String {
    match due {
        Due::Date(date) => in_words(*date),
        Due::Time(at, zone) => {
            let time = clock(at.time());
            format!("{} at {time} {} time", in_words(at.date()), zone.name())
        }
    }
}

/// "by mail · by J. Ortiz · reference AG-2025-0042 · proof: records/ag.pdf", or nothing.
pub fn act_in_words(act: &NotificationAct) -> Option<String> {
    let mut parts = Vec::new();
    if let Moment::DateTime(at) = act.at {
        parts.push(format!("at {}", clock(at.time())));
    }
    if let Some(method) = act.method {
        parts.push(
            match method {
                NoticeMethod::Mail => "by mail",
                NoticeMethod::Email => "by email",
                NoticeMethod::Phone => "by phone",
                NoticeMethod::Portal => "on the agency's portal",
                NoticeMethod::Letter => "by letter",
            }
            .to_string(),
        );
    }
    if let Some(by) = &act.by {
        parts.push(format!("done by {by}"));
    }
    if let Some(reference) = &act.reference {
        parts.push(format!("reference {reference}"));
    }
    if !act.evidence.is_empty() {
        parts.push(format!("proof kept: {}", act.evidence.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// "8:45 a.m.".
pub fn clock(time: chrono::NaiveTime) -> String {
    time.format("%-I:%M %p")
        .to_string()
        .replace("AM", "a.m.")
        .replace("PM", "p.m.")
}

/// "November 13, 2026", or "November 13, 2026 at 10:30 a.m.".
pub fn moment_in_words(moment: Moment) -> String {
    match moment {
        Moment::Date(date) => in_words(date),
        Moment::DateTime(at) => format!("{} at {}", in_words(at.date()), clock(at.time())),
    }
}

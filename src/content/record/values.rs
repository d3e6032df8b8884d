//! How each kind of written value is read, and what is said when it cannot be: the
//! plain words, the expected form and the hint of every value problem in a record.

use chrono::NaiveDate;
use serde_yaml::Value;

use crate::jurisdiction::OBLIGATION_IDS;
use crate::model::{
    DelayReason, Group as Audience, Medium, Moment, NoticeMethod, Status, SubstituteReason,
};
use crate::{suggest, vocabulary};

use super::types::{
    Bad, Checked, Field, FromValue, Group, KeyedOf, ListOf, Notice, RawNotice, RawTranslation,
    RawUpdate,
};

pub const DATE_FORMAT: &str = "a date written YYYY-MM-DD, such as 2025-01-08";
const MOMENT_FORMAT: &str = "a date written YYYY-MM-DD, or a date and local time written YYYY-MM-DDTHH:MM (such as 2025-01-08T14:30)";
const STATUS: &str = "`draft` (never published), `active` (a current notification) or `resolved` (kept under past notifications)";
const DATA: &str = "a list of data elements such as [student_name, date_of_birth], or `unknown`; the data list in docs/staff.md lists them all";
const COUNT: &str = "the estimated number of people or records affected, as a whole number such as 1250, or `unknown`";
const MONTHS: &str = "the number of months the service is free, such as 24";
const MEDIUM: &str = "`computerized` (the default: data held on computers or online) or `paper` (printed records, such as a mis-mailed report card)";
const DELAY_REASON: &str = "`investigation` (notice would impede a law-enforcement investigation) or `vulnerability` (notice would expose a security hole not yet fixed)";
const SUBSTITUTE_REASON: &str = "`cost` (notice would cost too much), `count` (too many people to notify) or `insufficient_contact` (the district lacks contact details)";

/// Text, trimmed; the expected form is the field's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

/// A whole number; the expected form is the field's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number(pub u64);

/// `affected.count`: a whole number (or `unknown`, around it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub u64);

/// `affected.residents` as written: a number (residents of the district's state), a group
/// of state codes with numbers, or a list of state codes; the codes and numbers are read
/// by the loader, which reports each at its own path.
#[derive(Debug, Clone, PartialEq)]
pub enum ResidentsValue {
    Number(u64),
    ByState(Vec<(Value, Value)>),
    Listed(Vec<Value>),
}

pub const RESIDENTS: &str = "where the affected people live: state codes with how many live in each, such as `{NY: 400, CT: 12, NJ: 3}`; a list of codes, such as `[CT, NJ]`, when the numbers are not known yet; or one number, for those living in the district's own state";

/// `identity_protection.months`: never published as a different number than the one
/// written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Months(pub u32);

/// A data element's vocabulary id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(pub String);

/// An exact text the PII guard accepts (a number is taken as its digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedText(pub String);

impl FromValue for Text {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        match value {
            Value::String(text) => Ok(Text(trimmed(text))),
            other => Err(not_text(other)),
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromValue for AllowedText {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        match value {
            Value::Number(n) => Ok(AllowedText(n.to_string())),
            other => Text::from_value(other).map(|text| AllowedText(text.0)),
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromValue for Number {
    fn from_value(value: Value) -> Result<Self, Bad> {
        whole_number(value).map(Number)
    }
}

impl FromValue for Count {
    fn from_value(value: Value) -> Result<Self, Bad> {
        whole_number(value)
            .map(Count)
            .map_err(|bad| bad.expected(COUNT))
    }
}

impl FromValue for ResidentsValue {
    fn from_value(value: Value) -> Result<Self, Bad> {
        match value {
            Value::Mapping(map) => Ok(ResidentsValue::ByState(map.into_iter().collect())),
            Value::Sequence(items) => Ok(ResidentsValue::Listed(items)),
            Value::String(_) => Ok(ResidentsValue::Listed(vec![value])),
            other => whole_number(other)
                .map(ResidentsValue::Number)
                .map_err(|bad| bad.expected(RESIDENTS)),
        }
    }
}

impl FromValue for Months {
    fn from_value(value: Value) -> Result<Self, Bad> {
        let months = whole_number(value.clone()).map_err(|bad| bad.expected(MONTHS))?;
        match u32::try_from(months) {
            Ok(months) => Ok(Months(months)),
            Err(_) => Err(Bad::new("this number is far too large")
                .expected(MONTHS)
                .found(value)),
        }
    }
}

impl FromValue for bool {
    fn from_value(value: Value) -> Result<Self, Bad> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(Bad::new("this must be true or false")
                .found(other)
                .hint(Some("write true or false without quotes".into()))),
        }
    }
}

impl FromValue for NaiveDate {
    fn from_value(value: Value) -> Result<Self, Bad> {
        let Some(text) = value.as_str().map(str::trim) else {
            return Err(Bad::new("this must be a date")
                .expected(DATE_FORMAT)
                .found(value));
        };
        parse_date(text).map_err(|hint| {
            Bad::new("this is not a valid date")
                .expected(DATE_FORMAT)
                .hint(Some(hint))
                .found(value.clone())
        })
    }
}

impl FromValue for Moment {
    fn from_value(value: Value) -> Result<Self, Bad> {
        let Some(text) = value.as_str().map(str::trim) else {
            return Err(Bad::new("this must be a date")
                .expected(MOMENT_FORMAT)
                .found(value));
        };
        parse_moment(text).map_err(|hint| {
            let message = if text.contains('T') {
                "this is not a valid date and time"
            } else {
                "this is not a valid date"
            };
            Bad::new(message)
                .expected(MOMENT_FORMAT)
                .hint(Some(hint))
                .found(value.clone())
        })
    }
}

impl FromValue for Status {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let word = one_of(value, ["draft", "active", "resolved"], STATUS, "status")?;
        Ok(match word {
            "draft" => Status::Draft,
            "active" => Status::Active,
            _ => Status::Resolved,
        })
    }
}

impl FromValue for Medium {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let words = crate::content::fields::MEDIA;
        Ok(
            match one_of(value, words.iter().copied(), MEDIUM, "value")? {
                "paper" => Medium::Paper,
                _ => Medium::Computerized,
            },
        )
    }
}

impl FromValue for DelayReason {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let words = crate::content::fields::DELAY_REASONS;
        Ok(
            match one_of(value, words.iter().copied(), DELAY_REASON, "value")? {
                "vulnerability" => DelayReason::Vulnerability,
                _ => DelayReason::Investigation,
            },
        )
    }
}

impl FromValue for SubstituteReason {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let words = ["cost", "count", "insufficient_contact"];
        Ok(match one_of(value, words, SUBSTITUTE_REASON, "reason")? {
            "cost" => SubstituteReason::Cost,
            "count" => SubstituteReason::Count,
            _ => SubstituteReason::InsufficientContact,
        })
    }
}

impl FromValue for Audience {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let name = match &value {
            Value::String(text) => text.trim(),
            _ => return Err(not_text(value).expected(audiences())),
        };
        match Audience::ALL.iter().find(|g| g.as_str() == name) {
            Some(group) => Ok(*group),
            None => {
                let hint = suggest::closest(name, Audience::ALL.iter().map(|g| g.as_str()))
                    .map(|s| format!("did you mean `{s}`?"));
                Err(Bad::new("this is not a group breachpage knows")
                    .expected(audiences())
                    .hint(hint)
                    .found(value))
            }
        }
    }
}

impl ListOf for Audience {
    const SINGLE: bool = true;

    fn not_a_list() -> Bad {
        Bad::new("this must be a list of groups").expected(audiences())
    }

    fn empty() -> Option<Bad> {
        Some(Bad::new("say which groups were affected").expected(audiences()))
    }
}

fn audiences() -> String {
    let names: Vec<&str> = Audience::ALL.iter().map(|g| g.as_str()).collect();
    format!("a list of any of: {}", names.join(", "))
}

impl FromValue for Element {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let id = match &value {
            Value::String(text) => text.trim(),
            _ => return Err(not_text(value).expected("a data element name")),
        };
        if vocabulary::element(id).is_some() {
            return Ok(Element(id.to_string()));
        }
        if id == "unknown" {
            return Err(Bad::new(
                "`unknown` must stand alone: write `data: unknown` instead of a list",
            )
            .expected(DATA)
            .found(value));
        }
        let hint = match suggest::closest(id, vocabulary::ids()) {
            Some(s) => format!(
                "did you mean `{s}`? Elements the list lacks go in `other_data` as plain text"
            ),
            None => {
                "describe elements that are not in the list in `other_data` as plain text".into()
            }
        };
        Err(Bad::new("this is not a data element breachpage knows")
            .expected(DATA)
            .hint(Some(hint))
            .found(value))
    }
}

impl ListOf for Element {
    const SINGLE: bool = true;

    fn not_a_list() -> Bad {
        Bad::new("this must be a list of data elements").expected(DATA)
    }

    fn empty() -> Option<Bad> {
        Some(Bad::new("the list of data elements is empty").expected(DATA))
    }
}

impl ListOf for AllowedText {
    fn not_a_list() -> Bad {
        Bad::new("this must be a list")
    }
}

impl ListOf for Group<RawUpdate> {
    fn not_a_list() -> Bad {
        Bad::new("this must be a list of updates")
            .expected("a list of entries, each with `date` and `text`")
            .hint(Some(
                "start each update with \"- date: YYYY-MM-DD\" on its own line".into(),
            ))
    }
}

const NOTICE: &str = "a date written YYYY-MM-DD, or a record of the act: indented fields date, method, by, reference and evidence";
const NOTICE_METHOD: &str = "`mail`, `email`, `phone`, `portal` or `letter`";

impl FromValue for Notice {
    fn from_value(value: Value) -> Result<Self, Bad> {
        match value {
            Value::Mapping(_) => Group::<RawNotice>::from_value(value).map(Notice::Act),
            Value::String(_) => NaiveDate::from_value(value).map(Notice::On),
            other => Err(Bad::new("this must be a date or a record of the act")
                .expected(NOTICE)
                .found(other)),
        }
    }
}

impl FromValue for NoticeMethod {
    const TEXT: bool = true;

    fn from_value(value: Value) -> Result<Self, Bad> {
        let words = crate::content::fields::NOTICE_METHODS;
        let word = one_of(value, words.iter().copied(), NOTICE_METHOD, "value")?;
        Ok(NoticeMethod::ALL
            .into_iter()
            .find(|m| m.as_str() == word)
            .unwrap_or(NoticeMethod::Mail))
    }
}

/// `notified.<id>.evidence`: paths, or one path on its own.
impl ListOf for Text {
    const SINGLE: bool = true;

    fn not_a_list() -> Bad {
        Bad::new("this must be a list of files")
            .expected("paths inside the site folder, such as [records/ag-receipt.pdf]")
    }
}

/// `notified`: obligation id → date or record; an id written with nothing is left out.
impl KeyedOf for Field<Notice> {
    fn not_a_group() -> Bad {
        Bad::new("this must be a group of fields").expected(format!(
            "a group of indented fields: {}",
            OBLIGATION_IDS.join(", ")
        ))
    }

    fn read(value: Value) -> Self {
        (!value.is_null()).then(|| Checked::new(value))
    }
}

/// `translations`: language code → the translated texts.
impl KeyedOf for Checked<Group<RawTranslation>> {
    fn not_a_group() -> Bad {
        Bad::new("this must be a group of languages")
            .expected("language codes, each with the translated fields, e.g. `es:` then `title:`")
    }

    fn read(value: Value) -> Self {
        Checked::new(value)
    }
}

/// One of `words`, or a problem naming what `kind` of word it is not, with a did-you-mean.
fn one_of<'w>(
    value: Value,
    words: impl IntoIterator<Item = &'w str> + Clone,
    expected: &'static str,
    kind: &str,
) -> Result<&'w str, Bad> {
    let text = match &value {
        Value::String(text) => text.trim(),
        _ => return Err(not_text(value).expected(expected)),
    };
    if let Some(word) = words.clone().into_iter().find(|w| *w == text) {
        return Ok(word);
    }
    let hint = suggest::closest(text, words).map(|s| format!("did you mean `{s}`?"));
    let message = match kind {
        "value" => "this is not a value breachpage knows here".to_string(),
        kind => format!("this is not a {kind} breachpage knows"),
    };
    Err(Bad::new(message).expected(expected).hint(hint).found(value))
}

fn not_text(value: Value) -> Bad {
    let hint = matches!(value, Value::Bool(_) | Value::Number(_))
        .then(|| "put the text in quotes".to_string());
    Bad::new("this must be text").hint(hint).found(value)
}

/// `text` without the blanks around it, in place (a block of Markdown ends with a line
/// break; most texts start with none).
fn trimmed(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text
}

fn whole_number(value: Value) -> Result<u64, Bad> {
    if let Some(n) = value.as_u64() {
        return Ok(n);
    }
    let hint = match &value {
        Value::String(text)
            if text.contains(',') && text.replace(',', "").trim().parse::<u64>().is_ok() =>
        {
            Some(format!(
                "write the number without commas: {}",
                text.replace(',', "").trim()
            ))
        }
        Value::String(text) if text.trim().parse::<u64>().is_ok() => {
            Some("remove the quotes around the number".to_string())
        }
        Value::Number(n) if n.as_f64().is_some_and(|f| f < 0.0) => {
            Some("the number cannot be negative".to_string())
        }
        Value::Number(_) => Some("use a whole number, without decimals".to_string()),
        _ => None,
    };
    Err(Bad::new("this must be a whole number")
        .hint(hint)
        .found(value))
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` strictly; the error is a hint in plain words.
pub fn parse_moment(text: &str) -> Result<Moment, String> {
    let Some((date, time)) = text.split_once('T') else {
        return parse_date(text).map(Moment::Date);
    };
    let date = parse_date(date)?;
    let parsed = (time.len() == 5)
        .then(|| chrono::NaiveTime::parse_from_str(time, "%H:%M").ok())
        .flatten();
    match parsed {
        Some(time) => Ok(Moment::DateTime(date.and_time(time))),
        None => Err("write the time with two-digit hours and minutes on a 24-hour clock, such as 2025-01-08T09:05".to_string()),
    }
}

/// Parses `YYYY-MM-DD` strictly; the error is a hint in plain words.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    // The usual case, read directly: a record has many dates, and a large site many records.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() {
        let number = |digits: &[u8]| {
            digits.iter().try_fold(0u32, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        if let (Some(year), Some(month), Some(day)) = (
            number(&[y1, y2, y3, y4]),
            number(&[m1, m2]),
            number(&[d1, d2]),
        ) {
            return NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
                format!("{text} is not a real calendar date; check the month and the day")
            });
        }
    }
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    if parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2) {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            format!("{text} is not a real calendar date; check the month and the day")
        });
    }
    if parts.len() == 3
        && digits(parts[0], 4)
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
    {
        let padded = format!("{}-{:0>2}-{:0>2}", parts[0], parts[1], parts[2]);
        if NaiveDate::parse_from_str(&padded, "%Y-%m-%d").is_err() {
            return Err(format!(
                "{text} is not a real calendar date; check the month and the day"
            ));
        }
        return Err(format!(
            "write the month and the day with two digits each: {padded}"
        ));
    }
    Err("write dates as year-month-day with digits, such as 2025-01-08".to_string())
}

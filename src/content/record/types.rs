//! The record's shape, described once: serde structs of what may be written in
//! `content/incidents/SLUG.yaml`. Every field is wrapped in a [`Checked`] that never fails
//! (it keeps the typed value, or the problem and what was written), so that one wrong
//! value does not hide the others; keys the structs lack are kept by [`Group`]. The field
//! table (`content/fields.rs`) adds what serde cannot say: help texts and which fields are
//! required; a test keeps its names equal to these structs'.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer};
use serde_yaml::{Mapping, Value};

use crate::model::{
    DelayReason, Group as Audience, Medium, Moment, NoticeMethod, Status, SubstituteReason,
};

use super::values::{AllowedText, Count, Element, Months, Number, ResidentsValue, Text};

/// A field that may be left out: `None` when absent or written empty (`key:`).
pub type Field<T> = Option<Checked<T>>;

/// An incident record as written.
#[derive(Debug, Deserialize)]
pub struct RawRecord {
    pub title: Field<Text>,
    pub status: Field<Status>,
    pub published: Field<NaiveDate>,
    pub updated: Field<NaiveDate>,
    pub summary: Field<Text>,
    pub discovered: Field<Moment>,
    pub determined: Field<Moment>,
    pub occurred: Field<OrUnknown<Group<RawOccurred>>>,
    pub contractor: Field<Group<RawContractor>>,
    pub district_learned: Field<NaiveDate>,
    pub medium: Field<Medium>,
    pub data: Field<OrUnknown<List<Element>>>,
    pub other_data: Field<Text>,
    pub affected: Field<Group<RawAffected>>,
    pub description: Field<Text>,
    pub investigation: Field<Text>,
    pub what_you_can_do: Field<Text>,
    pub law_enforcement_delay: Field<Group<RawDelay>>,
    pub ransom: Field<Group<RawRansom>>,
    pub hipaa: Field<Group<RawHipaa>>,
    pub recovered: Field<NaiveDate>,
    pub substitute_notice: Field<Group<RawSubstitute>>,
    pub updates: Field<List<Group<RawUpdate>>>,
    pub notified: Field<Keyed<Field<Notice>>>,
    pub identity_protection: Field<Group<RawProtection>>,
    pub help_line: Field<Group<RawHelpLine>>,
    pub faq: Field<List<Group<RawFaq>>>,
    pub links: Field<List<Group<RawLink>>>,
    pub notifying: Field<Group<RawNotifying>>,
    pub pii_allow: Field<List<AllowedText>>,
    pub translations: Field<Keyed<Checked<Group<RawTranslation>>>>,
}

#[derive(Debug, Deserialize)]
pub struct RawOccurred {
    pub from: Field<NaiveDate>,
    pub to: Field<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct RawContractor {
    pub name: Field<Text>,
    pub notified_district: Field<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct RawAffected {
    pub count: Field<OrUnknown<Count>>,
    pub estimated: Field<bool>,
    pub groups: Field<List<Member>>,
    pub residents: Field<ResidentsValue>,
}

/// An item of `affected.groups`: a group's name (the short form), or a group written with
/// its own facts (the long form).
#[derive(Debug)]
pub enum Member {
    Name(Audience),
    Detail(Box<Group<RawAffectedGroup>>),
}

#[derive(Debug, Deserialize)]
pub struct RawAffectedGroup {
    pub group: Field<Audience>,
    pub count: Field<OrUnknown<Count>>,
    pub data: Field<OrUnknown<List<Element>>>,
    pub identity_protection: Field<Group<RawProtection>>,
}

#[derive(Debug, Deserialize)]
pub struct RawHelpLine {
    pub phone: Field<Text>,
    pub hours: Field<Text>,
    pub languages: Field<Text>,
    pub email: Field<Text>,
    pub website: Field<Text>,
    pub closes: Field<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct RawFaq {
    pub question: Field<Text>,
    pub answer: Field<Text>,
}

#[derive(Debug, Deserialize)]
pub struct RawLink {
    pub label: Field<Text>,
    pub url: Field<Text>,
}

#[derive(Debug, Deserialize)]
pub struct RawNotifying {
    pub letters: Field<NaiveDate>,
    pub emails: Field<NaiveDate>,
    pub texts: Field<NaiveDate>,
    pub calls: Field<NaiveDate>,
    pub if_nothing: Field<Text>,
}

#[derive(Debug, Deserialize)]
pub struct RawDelay {
    pub requested: Field<NaiveDate>,
    pub lifted: Field<NaiveDate>,
    pub reason: Field<DelayReason>,
}

#[derive(Debug, Deserialize)]
pub struct RawRansom {
    pub paid: Field<Moment>,
}

#[derive(Debug, Deserialize)]
pub struct RawHipaa {
    pub hhs_notified: Field<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct RawSubstitute {
    pub reason: Field<SubstituteReason>,
    pub estimated_cost: Field<Number>,
}

#[derive(Debug, Deserialize)]
pub struct RawUpdate {
    pub date: Field<NaiveDate>,
    pub text: Field<Text>,
}

/// `notified.<id>`: the date a duty was done, or the record of the act.
#[derive(Debug)]
pub enum Notice {
    On(NaiveDate),
    Act(Group<RawNotice>),
}

#[derive(Debug, Deserialize)]
pub struct RawNotice {
    pub date: Field<Moment>,
    pub method: Field<NoticeMethod>,
    pub by: Field<Text>,
    pub reference: Field<Text>,
    pub evidence: Field<List<Text>>,
}

#[derive(Debug, Deserialize)]
pub struct RawProtection {
    pub months: Field<Months>,
    pub service: Field<Text>,
    pub provider: Field<Text>,
    pub enroll_by: Field<NaiveDate>,
    pub how_to_enroll: Field<Text>,
}

#[derive(Debug, Deserialize)]
pub struct RawTranslation {
    pub title: Field<Text>,
    pub summary: Field<Text>,
    pub description: Field<Text>,
    pub investigation: Field<Text>,
    pub what_you_can_do: Field<Text>,
    pub updates: Field<List<Group<RawUpdate>>>,
    pub other_data: Field<Text>,
    pub identity_protection: Field<Group<RawProtectionText>>,
    pub groups: Field<List<Group<RawGroupText>>>,
    pub help_line: Field<Group<RawHelpLineText>>,
    pub faq: Field<List<Group<RawFaq>>>,
    pub links: Field<List<Group<RawLink>>>,
    pub notifying: Field<Group<RawNotifyingText>>,
}

#[derive(Debug, Deserialize)]
pub struct RawProtectionText {
    pub service: Field<Text>,
    pub provider: Field<Text>,
    pub how_to_enroll: Field<Text>,
}

#[derive(Debug, Deserialize)]
pub struct RawGroupText {
    pub group: Field<Audience>,
    pub identity_protection: Field<Group<RawProtectionText>>,
}

#[derive(Debug, Deserialize)]
pub struct RawHelpLineText {
    pub hours: Field<Text>,
    pub languages: Field<Text>,
}

#[derive(Debug, Deserialize)]
pub struct RawNotifyingText {
    pub if_nothing: Field<Text>,
}

/// The texts `pii_allow` lists, read quietly: the texts as written are checked against
/// them before the record is read (its problems are reported with the record's).
pub fn allowed_texts(record: &Value) -> Vec<String> {
    let Some(value) = record.get("pii_allow").filter(|v| !v.is_null()) else {
        return Vec::new();
    };
    match Checked::<List<AllowedText>>::new(value.clone()).read {
        Ok(list) => list
            .items
            .into_iter()
            .filter_map(|item| item.read.ok())
            .filter(|text| !text.is_empty())
            .map(|text| text.0)
            .collect(),
        Err(_) => Vec::new(),
    }
}

// ---- the wrappers --------------------------------------------------------------------

/// What is wrong with a value, in plain words (boxed: values are mostly right).
#[derive(Debug, Clone, PartialEq)]
pub struct Bad(Box<Problem>);

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub message: Cow<'static, str>,
    /// What the field takes, when the value's type says it; otherwise the field's own.
    pub expected: Option<Cow<'static, str>>,
    /// What was written (none when the problem is what is missing, such as an empty list).
    pub found: Option<Value>,
    pub hint: Option<String>,
}

impl Bad {
    pub fn new(message: impl Into<Cow<'static, str>>) -> Bad {
        Bad(Box::new(Problem {
            message: message.into(),
            expected: None,
            found: None,
            hint: None,
        }))
    }

    pub fn expected(mut self, expected: impl Into<Cow<'static, str>>) -> Bad {
        self.0.expected = Some(expected.into());
        self
    }

    pub fn found(mut self, found: Value) -> Bad {
        self.0.found = Some(found);
        self
    }

    pub fn hint(mut self, hint: Option<String>) -> Bad {
        self.0.hint = hint;
        self
    }

    pub fn into_problem(self) -> Problem {
        *self.0
    }
}

/// A type a written value is read as.
pub trait FromValue: Sized {
    /// Whether the value is read from text, which a ` #` may have cut short.
    const TEXT: bool = false;

    fn from_value(value: Value) -> Result<Self, Bad>;

    /// An empty value counts as left out (empty text).
    fn is_empty(&self) -> bool {
        false
    }
}

/// One written value: read as a `T`, or what is wrong with it. Deserializing it never
/// fails, so that every problem in a record is found in one pass.
#[derive(Debug)]
pub struct Checked<T> {
    pub read: Result<T, Bad>,
    /// Whether it was read from text (see [`FromValue::TEXT`]).
    pub text: bool,
}

impl<T: FromValue> Checked<T> {
    pub fn new(value: Value) -> Checked<T> {
        let text = T::TEXT && value.is_string();
        Checked {
            read: T::from_value(value),
            text,
        }
    }
}

impl<'de, T: FromValue> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(deserializer) {
            Ok(value) => Checked::new(value),
            Err(_) => Checked {
                read: Err(Bad::new("this value cannot be read")),
                text: false,
            },
        })
    }
}

/// A value that may be written `unknown` while the investigation goes on.
#[derive(Debug)]
pub enum OrUnknown<T> {
    Known(T),
    Unknown,
}

impl<T: FromValue> FromValue for OrUnknown<T> {
    fn from_value(value: Value) -> Result<Self, Bad> {
        if value.as_str().is_some_and(|s| s.trim() == "unknown") {
            return Ok(OrUnknown::Unknown);
        }
        T::from_value(value).map(OrUnknown::Known)
    }
}

/// A group of fields (a YAML mapping) read as `T`, and the keys `T` lacks.
#[derive(Debug)]
pub struct Group<T> {
    pub fields: T,
    /// Keys that are not fields of `T`, in the order written.
    pub unknown: Vec<String>,
    /// Keys that are not words (`1:`, `[a, b]:`).
    pub not_words: Vec<Value>,
}

impl<T: DeserializeOwned> FromValue for Group<T> {
    fn from_value(value: Value) -> Result<Self, Bad> {
        let Value::Mapping(mut map) = value else {
            return Err(not_a_group::<T>(value));
        };
        let (unknown, not_words) = sort_keys(&map, names::<T>());
        if !not_words.is_empty() {
            map.retain(|key, _| key.is_string());
        }
        let fields = T::deserialize(Value::Mapping(map))
            .map_err(|_| Bad::new("this must be a group of fields"))?;
        Ok(Group {
            fields,
            unknown,
            not_words,
        })
    }
}

fn not_a_group<T: DeserializeOwned>(found: Value) -> Bad {
    Bad::new("this must be a group of fields")
        .expected(format!(
            "a group of indented fields: {}",
            names::<T>().join(", ")
        ))
        .found(found)
}

/// The keys of `map` that are not in `allowed`, and those that are not words.
fn sort_keys(map: &Mapping, allowed: &[&str]) -> (Vec<String>, Vec<Value>) {
    let mut unknown = Vec::new();
    let mut not_words = Vec::new();
    for key in map.keys() {
        match key.as_str() {
            Some(name) if allowed.contains(&name) => {}
            Some(name) => unknown.push(name.to_string()),
            None => not_words.push(key.clone()),
        }
    }
    (unknown, not_words)
}

/// A list, or (where `T` allows it) one item written on its own.
#[derive(Debug)]
pub struct List<T> {
    pub items: Vec<Checked<T>>,
    /// Written as one item, not a list: the item's path is the field's.
    pub single: bool,
}

/// What a list of `T` is called in problems, and whether one item may stand alone.
pub trait ListOf: FromValue {
    const SINGLE: bool = false;
    /// The problem when the value is not a list.
    fn not_a_list() -> Bad;
    /// The problem when the list is empty, if that is one.
    fn empty() -> Option<Bad> {
        None
    }
}

impl<T: ListOf> FromValue for List<T> {
    fn from_value(value: Value) -> Result<Self, Bad> {
        match value {
            Value::Sequence(items) if items.is_empty() => match T::empty() {
                Some(bad) => Err(bad),
                None => Ok(List {
                    items: Vec::new(),
                    single: false,
                }),
            },
            Value::Sequence(items) => Ok(List {
                items: items.into_iter().map(Checked::new).collect(),
                single: false,
            }),
            Value::String(_) if T::SINGLE => Ok(List {
                items: vec![Checked::new(value)],
                single: true,
            }),
            other => Err(T::not_a_list().found(other)),
        }
    }
}

/// A group whose keys are data (obligation ids, language codes), in the order written;
/// keys that are not words are left out.
#[derive(Debug)]
pub struct Keyed<V> {
    pub entries: Vec<(String, V)>,
    pub not_words: Vec<Value>,
}

/// What a group keyed by data is called in problems.
pub trait KeyedOf: Sized {
    fn not_a_group() -> Bad;
    fn read(value: Value) -> Self;
}

impl<V: KeyedOf> FromValue for Keyed<V> {
    fn from_value(value: Value) -> Result<Self, Bad> {
        let Value::Mapping(map) = value else {
            return Err(V::not_a_group().found(value));
        };
        let mut entries = Vec::with_capacity(map.len());
        let mut not_words = Vec::new();
        for (key, value) in map {
            match key {
                Value::String(name) => entries.push((name, V::read(value))),
                other => not_words.push(other),
            }
        }
        Ok(Keyed { entries, not_words })
    }
}

// ---- the names of a struct's fields ----------------------------------------------------

/// The field names of `T`, as serde knows them (in the order declared). Read by asking
/// `T` to deserialize itself from a deserializer that only listens for the names.
pub fn names<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(Names) {
        Err(Heard::Names(names)) => names,
        _ => &[],
    }
}

struct Names;

#[derive(Debug)]
enum Heard {
    Names(&'static [&'static str]),
    Other,
}

impl fmt::Display for Heard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a struct")
    }
}

impl std::error::Error for Heard {}

impl de::Error for Heard {
    fn custom<T: fmt::Display>(_: T) -> Heard {
        Heard::Other
    }
}

impl<'de> Deserializer<'de> for Names {
    type Error = Heard;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Heard> {
        Err(Heard::Names(fields))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Heard> {
        Err(Heard::Other)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fields::{self, Kind};

    /// The field table holds what serde cannot say (help, need, the schema's kinds); its
    /// names and their order are the structs'.
    #[test]
    fn the_field_table_and_the_structs_name_the_same_fields() {
        let structs: [(&[fields::Field], &[&str]); 21] = [
            (fields::RECORD, names::<RawRecord>()),
            (fields::OCCURRED, names::<RawOccurred>()),
            (fields::CONTRACTOR, names::<RawContractor>()),
            (fields::AFFECTED, names::<RawAffected>()),
            (fields::AFFECTED_GROUP, names::<RawAffectedGroup>()),
            (fields::HELP_LINE, names::<RawHelpLine>()),
            (fields::FAQ, names::<RawFaq>()),
            (fields::LINK, names::<RawLink>()),
            (fields::NOTIFYING, names::<RawNotifying>()),
            (fields::PROTECTION_TEXT, names::<RawProtectionText>()),
            (fields::GROUP_TEXT, names::<RawGroupText>()),
            (fields::HELP_LINE_TEXT, names::<RawHelpLineText>()),
            (fields::NOTIFYING_TEXT, names::<RawNotifyingText>()),
            (fields::DELAY, names::<RawDelay>()),
            (fields::RANSOM, names::<RawRansom>()),
            (fields::HIPAA, names::<RawHipaa>()),
            (fields::SUBSTITUTE, names::<RawSubstitute>()),
            (fields::UPDATE, names::<RawUpdate>()),
            (fields::PROTECTION, names::<RawProtection>()),
            (fields::TRANSLATION, names::<RawTranslation>()),
            (fields::NOTICE, names::<RawNotice>()),
        ];
        for (table, names) in structs {
            assert_eq!(fields::names(table), names);
        }
        // Every group of fields in the table has its struct above.
        let mut groups = vec![fields::RECORD];
        let mut i = 0;
        while let Some(group) = groups.get(i).copied() {
            for field in group {
                if let Kind::Group(inner)
                | Kind::GroupOrUnknown(inner)
                | Kind::List(inner)
                | Kind::Groups(inner)
                | Kind::Notified(inner)
                | Kind::ByLanguage(inner) = field.kind
                {
                    if !groups.iter().any(|g| std::ptr::eq(*g, inner)) {
                        groups.push(inner);
                    }
                }
            }
            i += 1;
        }
        assert_eq!(groups.len(), structs.len());
        for group in groups {
            assert!(
                structs.iter().any(|(table, _)| std::ptr::eq(*table, group)),
                "no struct for the group {:?}",
                fields::names(group)
            );
        }
    }

    /// A value of each kind, as the field table describes it.
    fn example(kind: Kind) -> Value {
        let text = |s: &str| Value::String(s.to_string());
        let list = |items: Vec<Value>| Value::Sequence(items);
        let group = |fields: &[fields::Field]| {
            Value::Mapping(
                fields
                    .iter()
                    .map(|f| (text(f.name), example(f.kind)))
                    .collect(),
            )
        };
        match kind {
            Kind::Text | Kind::Markdown => text("Words."),
            Kind::Url => text("https://www.example.com/notice"),
            Kind::Date => text("2025-01-08"),
            Kind::Moment => text("2025-01-08T09:05"),
            Kind::Number | Kind::CountOrUnknown => Value::Number(12.into()),
            Kind::Bool => Value::Bool(true),
            Kind::Status => text("active"),
            Kind::DataList => list(vec![text("student_name")]),
            // The long form: a group of its own facts.
            Kind::Groups(fields) => list(vec![group(fields)]),
            Kind::SubstituteReason => text("cost"),
            Kind::Choice(words) => text(words[words.len() - 1]),
            Kind::TextList => list(vec![text("123-45-6789")]),
            Kind::Files => list(vec![text("records/receipt.pdf")]),
            Kind::Group(fields) | Kind::GroupOrUnknown(fields) => group(fields),
            Kind::List(fields) => list(vec![group(fields)]),
            Kind::Residents => Value::Mapping(
                [(text("NY"), Value::from(10)), (text("CT"), Value::from(2))]
                    .into_iter()
                    .collect(),
            ),
            Kind::Notified(fields) => Value::Mapping(
                [
                    (text("individuals"), text("2025-01-09")),
                    (text("attorney-general"), group(fields)),
                ]
                .into_iter()
                .collect(),
            ),
            Kind::ByLanguage(fields) => {
                Value::Mapping([(text("es"), group(fields))].into_iter().collect())
            }
        }
    }

    fn read(record: &Value) -> (Option<crate::model::Incident>, Vec<(String, String)>) {
        let source = serde_yaml::to_string(record).unwrap();
        let mut diagnostics = crate::diagnostics::Diagnostics::new();
        let incident = super::super::parse("x.yaml", "x", &source, &mut diagnostics);
        let problems = diagnostics
            .sorted()
            .into_iter()
            .map(|d| (d.field.clone().unwrap_or_default(), d.message.clone()))
            .collect();
        (incident, problems)
    }

    /// The table's kinds and the structs' types agree: a record with every field of the
    /// table, each written as its kind says, reads without a problem; and every field of
    /// it is read (a wrong value in any one is reported there, and only there).
    #[test]
    fn every_field_of_the_table_is_read_as_its_kind_says() {
        let Value::Mapping(record) = example(Kind::Group(fields::RECORD)) else {
            unreachable!()
        };
        let (incident, problems) = read(&Value::Mapping(record.clone()));
        assert_eq!(problems, []);
        let incident = incident.unwrap();
        assert_eq!(incident.medium, crate::model::Medium::Paper);
        assert_eq!(incident.translations["es"].updates.len(), 1);

        let mut leaves = Vec::new();
        let mut groups = vec![(String::new(), fields::RECORD)];
        while let Some((path, group)) = groups.pop() {
            for field in group {
                let path = if path.is_empty() {
                    field.name.to_string()
                } else {
                    format!("{path}.{}", field.name)
                };
                match field.kind {
                    Kind::Group(inner) | Kind::GroupOrUnknown(inner) => groups.push((path, inner)),
                    Kind::ByLanguage(inner) => groups.push((format!("{path}.es"), inner)),
                    Kind::Notified(inner) => {
                        groups.push((format!("{path}.attorney-general"), inner))
                    }
                    Kind::List(inner) | Kind::Groups(inner) => {
                        groups.push((format!("{path}[0]"), inner))
                    }
                    kind => leaves.push((path, kind)),
                }
            }
        }
        assert!(leaves.len() > 40, "{leaves:?}");
        for (path, kind) in leaves {
            let mut wrong = Value::Mapping(record.clone());
            let mut at = &mut wrong;
            for part in path.split('.') {
                let (key, item) = match part.split_once('[') {
                    Some((key, _)) => (key, true),
                    None => (part, false),
                };
                at = &mut at[key];
                if item {
                    at = &mut at[0];
                }
            }
            // A group of fields is the wrong value for every other field.
            *at = match kind {
                Kind::Residents => Value::Bool(true),
                _ => Value::Mapping([(Value::from("x"), Value::from(1))].into_iter().collect()),
            };
            let (_, problems) = read(&wrong);
            let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
            assert_eq!(fields, [path.as_str()], "{problems:?}");
        }
    }

    #[test]
    fn only_structs_have_names() {
        assert_eq!(names::<String>(), &[] as &[&str]);
        assert_eq!(names::<Vec<u8>>(), &[] as &[&str]);
    }
}

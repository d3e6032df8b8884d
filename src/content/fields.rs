//! The fields of an incident record, in one table: what serde cannot say about them.
//! The record's shape is the serde structs of `content/record/types.rs`; this table adds
//! each field's help text, whether it is required, and the kind of value the JSON Schema
//! describes. A test keeps its names equal to the structs'. The loader reports missing
//! fields from it, `breachpage schema` turns it into a JSON Schema, and `breachpage new`
//! writes a commented draft from it, so they cannot drift apart.

use serde_json::{json, Map, Value};

use crate::jurisdiction::OBLIGATION_IDS;
use crate::model::Group;
use crate::vocabulary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of plain text.
    Text,
    /// A web address starting `https://` (or `http://`).
    Url,
    /// Markdown, usually several lines.
    Markdown,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    Moment,
    /// A whole number.
    Number,
    /// A whole number or `unknown`.
    CountOrUnknown,
    /// State code → a whole number or `unknown`; a list of state codes; or a whole number.
    Residents,
    Bool,
    Status,
    /// Vocabulary ids, or `unknown`.
    DataList,
    /// Group names, or groups each with the fields given (the long form).
    Groups(&'static [Field]),
    SubstituteReason,
    /// One of the words given.
    Choice(&'static [&'static str]),
    /// A list of exact texts.
    TextList,
    /// Paths of files inside the site folder (one may stand alone).
    Files,
    /// A group of the fields given.
    Group(&'static [Field]),
    /// A group of the fields given, or `unknown`.
    GroupOrUnknown(&'static [Field]),
    /// A list of groups of the fields given.
    List(&'static [Field]),
    /// Obligation id → a date, or a group of the fields given (the record of the act).
    Notified(&'static [Field]),
    /// Language code → a group of the fields given.
    ByLanguage(&'static [Field]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    /// Required unless `status: draft`.
    UnlessDraft,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub need: Need,
    /// What the field means, for people (comments in new records, schema descriptions).
    pub help: &'static str,
}

const fn field(name: &'static str, kind: Kind, need: Need, help: &'static str) -> Field {
    Field {
        name,
        kind,
        need,
        help,
    }
}

use Kind::*;
use Need::*;

/// How a duty may be done (`notified.<id>.method`).
pub const NOTICE_METHODS: &[&str] = &["mail", "email", "phone", "portal", "letter"];

pub const NOTICE: &[Field] = &[
    field("date", Moment, Required, "when it was done: YYYY-MM-DD, or YYYY-MM-DDTHH:MM"),
    field("method", Choice(NOTICE_METHODS), Optional, "how: mail, email, phone, portal or letter"),
    field("by", Text, Optional, "who did it, a name or a role"),
    field("reference", Text, Optional, "the reference, confirmation or receipt number"),
    field("evidence", Files, Optional, "files kept as proof, as paths inside the site folder that are never published, e.g. [records/ag-receipt.pdf]"),
];

pub const OCCURRED: &[Field] = &[
    field(
        "from",
        Date,
        Optional,
        "first day of the unauthorized access",
    ),
    field("to", Date, Optional, "last day of the unauthorized access"),
];

pub const CONTRACTOR: &[Field] = &[
    field("name", Text, Required, "the company whose breach it was"),
    field(
        "notified_district",
        Date,
        Required,
        "the date the company told the district",
    ),
];

/// The words of `group:` in the long form of `affected.groups` (the model's groups).
pub const GROUP_WORDS: &[&str] = &[
    "students",
    "parents",
    "teachers",
    "principals",
    "staff",
    "former_staff",
];

pub const AFFECTED_GROUP: &[Field] = &[
    field("group", Choice(GROUP_WORDS), Required, "which group: students, parents, teachers, principals, staff or former_staff"),
    field("count", CountOrUnknown, Optional, "how many of this group were affected, or unknown; the record's count is the sum when it is left out there"),
    field("data", DataList, Optional, "the data elements of this group (default: the record's `data`, which is then the union of the groups')"),
    field("identity_protection", Group(PROTECTION), Optional, "this group's own offer (default: the record's `identity_protection`)"),
];

pub const AFFECTED: &[Field] = &[
    field(
        "count",
        CountOrUnknown,
        Required,
        "estimated number of people or records affected, or unknown; may be left out when every group gives its own count (it is then their sum)",
    ),
    field(
        "estimated",
        Bool,
        Optional,
        "true (the default) when the count is an estimate",
    ),
    field(
        "groups",
        Groups(AFFECTED_GROUP),
        Required,
        "who was affected: students, parents, teachers, principals, staff, former_staff; or a list of groups each with its own count, data and offer",
    ),
    field(
        "residents",
        Residents,
        Optional,
        "where they live, for the laws of each state: state codes with how many live in each, such as {NY: 400, CT: 12, NJ: 3} (a list of codes when the numbers are not known yet); or one number, for those in the district's own state (default: all of them)",
    ),
];

pub const DELAY: &[Field] = &[
    field("requested", Date, Required, "the date law enforcement asked the district to delay notice"),
    field("lifted", Date, Optional, "the date the delay ended (or the vulnerability was fixed); leave it out while the delay holds (the notice stays unpublished)"),
    field("reason", Choice(DELAY_REASONS), Optional, "investigation (the default: notice would impede a law-enforcement investigation) or vulnerability (notice would expose a security hole not yet fixed; New York only)"),
];

pub const DELAY_REASONS: &[&str] = &["investigation", "vulnerability"];

pub const MEDIA: &[&str] = &["computerized", "paper"];

pub const RANSOM: &[Field] = &[field(
    "paid",
    Moment,
    Required,
    "when the ransom was paid: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for the 24-hour clock",
)];

pub const HIPAA: &[Field] = &[field(
    "hhs_notified",
    Date,
    Required,
    "the date the breach was reported to the US Department of Health and Human Services",
)];

pub const SUBSTITUTE: &[Field] = &[
    field(
        "reason",
        SubstituteReason,
        Required,
        "cost, count or insufficient_contact",
    ),
    field(
        "estimated_cost",
        Number,
        Optional,
        "the cost of direct notice in whole dollars (required when the reason is cost)",
    ),
];

pub const UPDATE: &[Field] = &[
    field("date", Date, Required, "the date of the update"),
    field("text", Markdown, Required, "what changed"),
];

pub const PROTECTION: &[Field] = &[
    field(
        "months",
        Number,
        Required,
        "how many months the service is free",
    ),
    field(
        "service",
        Text,
        Required,
        "what is offered, e.g. credit monitoring and identity restoration",
    ),
    field(
        "provider",
        Text,
        Optional,
        "the company providing the service",
    ),
    field("enroll_by", Date, Optional, "the last day to enroll"),
    field(
        "how_to_enroll",
        Markdown,
        Required,
        "how to enroll: phone number, website, enrollment code",
    ),
];

pub const HELP_LINE: &[Field] = &[
    field("phone", Text, Optional, "the help line's phone number"),
    field(
        "hours",
        Text,
        Optional,
        "when it answers, e.g. Monday to Friday, 8 a.m. to 8 p.m. Eastern",
    ),
    field(
        "languages",
        Text,
        Optional,
        "the languages it answers in, in words",
    ),
    field("email", Text, Optional, "its email address"),
    field(
        "website",
        Url,
        Optional,
        "its web address, starting https://",
    ),
    field("closes", Date, Optional, "the last day it answers"),
];

pub const FAQ: &[Field] = &[
    field(
        "question",
        Text,
        Required,
        "the question, as a reader would ask it",
    ),
    field("answer", Markdown, Required, "the answer"),
];

pub const LINK: &[Field] = &[
    field(
        "label",
        Text,
        Required,
        "what the page is, e.g. PowerSchool's notice to families",
    ),
    field("url", Url, Required, "its address, starting https://"),
];

pub const NOTIFYING: &[Field] = &[
    field("letters", Date, Optional, "the day letters were mailed"),
    field("emails", Date, Optional, "the day emails were sent"),
    field("texts", Date, Optional, "the day text messages were sent"),
    field("calls", Date, Optional, "the day phone calls were made"),
    field(
        "if_nothing",
        Markdown,
        Optional,
        "what it means if a reader got no letter or email",
    ),
];

pub const PROTECTION_TEXT: &[Field] = &[
    field("service", Text, Optional, "what is offered, translated"),
    field(
        "provider",
        Text,
        Optional,
        "the company's name, if it has one in the language",
    ),
    field(
        "how_to_enroll",
        Markdown,
        Optional,
        "how to enroll, translated",
    ),
];

pub const GROUP_TEXT: &[Field] = &[
    field(
        "group",
        Choice(GROUP_WORDS),
        Required,
        "the group whose own offer this translates",
    ),
    field(
        "identity_protection",
        Group(PROTECTION_TEXT),
        Optional,
        "its offer, translated",
    ),
];

pub const HELP_LINE_TEXT: &[Field] = &[
    field("hours", Text, Optional, "the help line's hours, translated"),
    field("languages", Text, Optional, "its languages, translated"),
];

pub const NOTIFYING_TEXT: &[Field] = &[field(
    "if_nothing",
    Markdown,
    Optional,
    "what it means if a reader got nothing, translated",
)];

pub const TRANSLATION: &[Field] = &[
    field("title", Text, Optional, "the headline, translated"),
    field("summary", Text, Optional, "the summary, translated"),
    field(
        "description",
        Markdown,
        Optional,
        "what happened, translated",
    ),
    field(
        "investigation",
        Markdown,
        Optional,
        "what the district is doing, translated",
    ),
    field(
        "what_you_can_do",
        Markdown,
        Optional,
        "the advice to readers, translated",
    ),
    field(
        "updates",
        List(UPDATE),
        Optional,
        "the updates, translated; each matched to the update of the same date",
    ),
    field("other_data", Text, Optional, "the other information, translated"),
    field("identity_protection", Group(PROTECTION_TEXT), Optional, "the offer, translated"),
    field("groups", List(GROUP_TEXT), Optional, "the groups' own offers, translated, by group"),
    field("help_line", Group(HELP_LINE_TEXT), Optional, "the help line's texts, translated"),
    field("faq", List(FAQ), Optional, "the questions and answers, translated, in the same order"),
    field("links", List(LINK), Optional, "the links' labels translated, in the same order (the address may be the page's own translation)"),
    field("notifying", Group(NOTIFYING_TEXT), Optional, "how we are notifying you, translated"),
];

pub const RECORD: &[Field] = &[
    field("title", Text, Required, "the headline of the notice"),
    field("status", Status, Required, "draft (never published), active (a current notification) or resolved (kept under past notifications)"),
    field("published", Date, UnlessDraft, "the date the notice is posted; a later date keeps it unpublished until then"),
    field("updated", Date, Optional, "the date of the last update"),
    field("summary", Text, Required, "one or two plain sentences shown in lists, the feed, the banner and the media release"),
    field("discovered", Moment, Required, "when the breach was discovered: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for clocks counted in hours"),
    field("determined", Moment, Optional, "when the district determined that a breach occurred (default: discovered)"),
    field("occurred", GroupOrUnknown(OCCURRED), Optional, "when the unauthorized access happened, or unknown"),
    field("contractor", Group(CONTRACTOR), Optional, "the third-party contractor whose breach it was"),
    field("district_learned", Date, Optional, "a contractor's breach: the date the district itself first learned of it (the press, a parent, its own monitoring), if before the contractor's notice"),
    field("medium", Choice(MEDIA), Optional, "computerized (the default) or paper, e.g. a mis-mailed printed report card; several laws reach computerized data only"),
    field("data", DataList, Required, "the data elements involved, or unknown; may be left out when every group lists its own (it is then their union)"),
    field("other_data", Text, Optional, "elements the list lacks, in plain words"),
    field("affected", Group(AFFECTED), Required, "who and how many were affected"),
    field("description", Markdown, Required, "what happened"),
    field("investigation", Markdown, Required, "what the district is doing or plans to do"),
    field("what_you_can_do", Markdown, Optional, "advice to readers; the jurisdiction's default guidance is used when absent"),
    field("law_enforcement_delay", Group(DELAY), Optional, "notice delayed at law enforcement's request"),
    field("ransom", Group(RANSOM), Optional, "a ransom was paid (New York: notice within 24 hours and an explanation within 30 days)"),
    field("hipaa", Group(HIPAA), Optional, "a HIPAA breach, e.g. of a self-funded employee health plan, reported to HHS"),
    field("recovered", Date, Optional, "when the district finished eradicating, closing and recovering from the incident (Texas: the cause report to DIR is due 10 business days later)"),
    field("substitute_notice", Group(SUBSTITUTE), Optional, "substitute notice is used: a media release is produced"),
    field("updates", List(UPDATE), Optional, "the public update log (newest first on the page)"),
    field("notified", Notified(NOTICE), Optional, "each obligation met: its date (individuals: 2025-01-20), or a record of the act with date, method, by, reference and evidence"),
    field("identity_protection", Group(PROTECTION), Optional, "the free identity-protection service offered, where the law requires one"),
    field("help_line", Group(HELP_LINE), Optional, "the incident's own help line (a call centre for this incident), shown first on the notice and in the media release"),
    field("faq", List(FAQ), Optional, "questions readers ask, with answers; each gets its own link on the page"),
    field("links", List(LINK), Optional, "other official pages, such as the vendor's own notice"),
    field("notifying", Group(NOTIFYING), Optional, "how the district is telling those affected (the day letters, emails, texts or calls went out) and what it means to get nothing"),
    field("pii_allow", TextList, Optional, "exact texts that look like a Social Security or card number but are not"),
    field("translations", ByLanguage(TRANSLATION), Optional, "the notice in other languages, by language code, e.g. es:"),
];

/// The names of `fields`, for "unknown field" checks.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// The field at `path` (`title`, `affected.count`, `updates[0].date`,
/// `translations.es.title`), if the table has one.
pub fn find(path: &str) -> Option<&'static Field> {
    let mut fields = RECORD;
    let mut found = None;
    let mut parts = path.split('.');
    while let Some(part) = parts.next() {
        // `updates[0]` is an item of `updates`.
        let name = part.split('[').next().unwrap_or(part);
        let field = fields.iter().find(|f| f.name == name)?;
        found = Some(field);
        fields = match field.kind {
            Group(inner) | GroupOrUnknown(inner) | List(inner) | Groups(inner) => inner,
            ByLanguage(inner) | Notified(inner) => {
                parts.next(); // the language code
                inner
            }
            _ => &[],
        };
    }
    found
}

/// The JSON Schema (draft 2020-12) of a record.
pub fn schema() -> Value {
    let mut map = object(RECORD);
    map.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    map.insert(
        "$id".into(),
        json!("https://breachpage.example/schema/incident.json"),
    );
    map.insert("title".into(), json!("breachpage incident record"));
    map.insert(
        "description".into(),
        json!("One incident record of a breachpage site: content/incidents/SLUG.yaml"),
    );
    // `published` is required once the record is no longer a draft.
    map.insert(
        "if".into(),
        json!({ "properties": { "status": { "const": "draft" } } }),
    );
    map.insert("else".into(), json!({ "required": ["published"] }));
    // `data` and `affected.count` may be left out when every group of the long form gives
    // its own (they are then the union and the sum).
    let each_group_gives = |key: &str| {
        json!({ "properties": { "affected": { "properties": { "groups": { "items": {
            "type": "object", "required": [key],
        } } } } } })
    };
    unrequire(&mut map, "data");
    map.insert(
        "anyOf".into(),
        json!([{ "required": ["data"] }, each_group_gives("data")]),
    );
    if let Some(affected) = map
        .get_mut("properties")
        .and_then(|p| p.get_mut("affected"))
        .and_then(Value::as_object_mut)
    {
        unrequire(affected, "count");
        affected.insert(
            "anyOf".into(),
            json!([{ "required": ["count"] }, { "properties": { "groups": { "items": {
                "type": "object", "required": ["count"],
            } } } }]),
        );
    }
    Value::Object(map)
}

fn unrequire(object: &mut Map<String, Value>, key: &str) {
    if let Some(Value::Array(required)) = object.get_mut("required") {
        required.retain(|k| k != key);
    }
}

fn object(fields: &[Field]) -> Map<String, Value> {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in fields {
        let mut property = kind_schema(f.kind);
        if let Some(map) = property.as_object_mut() {
            map.insert("description".into(), json!(f.help));
        }
        properties.insert(f.name.to_string(), property);
        if f.need == Required {
            required.push(f.name);
        }
    }
    let mut map = Map::new();
    map.insert("type".into(), json!("object"));
    map.insert("properties".into(), Value::Object(properties));
    map.insert("required".into(), json!(required));
    map.insert("additionalProperties".into(), json!(false));
    map
}

fn kind_schema(kind: Kind) -> Value {
    let date = json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "format": "date" });
    let unknown = json!({ "const": "unknown" });
    match kind {
        Text | Markdown => json!({ "type": "string", "minLength": 1 }),
        Url => json!({ "type": "string", "pattern": "^https?://[^ ]+$" }),
        Date => date,
        Moment => json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$" }),
        Number => json!({ "type": "integer", "minimum": 0 }),
        CountOrUnknown => json!({ "oneOf": [{ "type": "integer", "minimum": 0 }, unknown] }),
        Residents => {
            let count = json!({ "oneOf": [{ "type": "integer", "minimum": 0 }, unknown] });
            let dates: Map<String, Value> = OBLIGATION_IDS
                .iter()
                .map(|id| ((*id).to_string(), date.clone()))
                .collect();
            let long = json!({
                "type": "object",
                "properties": {
                    "count": count,
                    "notified": { "type": "object", "properties": dates, "additionalProperties": false },
                },
                "additionalProperties": false,
            });
            json!({ "oneOf": [
                { "type": "integer", "minimum": 0 },
                {
                    "type": "object",
                    "patternProperties": { "^[A-Za-z]{2}$": { "oneOf": [count, long] } },
                    "additionalProperties": false,
                },
                { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z]{2}$" } },
            ] })
        }
        Bool => json!({ "type": "boolean" }),
        Status => json!({ "enum": ["draft", "active", "resolved"] }),
        DataList => {
            let ids: Vec<&str> = vocabulary::ids().collect();
            json!({ "oneOf": [
                { "type": "array", "minItems": 1, "items": { "enum": ids } },
                unknown,
            ] })
        }
        Groups(fields) => {
            let groups: Vec<&str> = Group::ALL.iter().map(|g| g.as_str()).collect();
            json!({ "type": "array", "minItems": 1, "items": { "anyOf": [
                { "enum": groups },
                Value::Object(object(fields)),
            ] } })
        }
        SubstituteReason => json!({ "enum": ["cost", "count", "insufficient_contact"] }),
        Choice(words) => json!({ "enum": words }),
        TextList => json!({ "type": "array", "items": { "type": "string" } }),
        Files => json!({ "oneOf": [
            { "type": "array", "items": { "type": "string", "minLength": 1 } },
            { "type": "string", "minLength": 1 },
        ] }),
        Group(fields) => Value::Object(object(fields)),
        GroupOrUnknown(fields) => json!({ "oneOf": [Value::Object(object(fields)), unknown] }),
        List(fields) => json!({ "type": "array", "items": Value::Object(object(fields)) }),
        ByLanguage(fields) => json!({
            "type": "object",
            "patternProperties": { "^[a-z]{2,3}$": Value::Object(object(fields)) },
            "additionalProperties": false,
        }),
        Notified(fields) => {
            let act = json!({ "oneOf": [date, Value::Object(object(fields))] });
            let properties: Map<String, Value> = OBLIGATION_IDS
                .iter()
                .map(|id| ((*id).to_string(), act.clone()))
                .collect();
            json!({ "type": "object", "properties": properties, "additionalProperties": false })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_lists_every_field_and_the_vocabulary() {
        let schema = schema();
        let properties = schema["properties"].as_object().unwrap();
        assert_eq!(properties.len(), RECORD.len());
        assert_eq!(schema["additionalProperties"], false);
        let data = &schema["properties"]["data"]["oneOf"][0]["items"]["enum"];
        assert!(data.as_array().unwrap().contains(&json!("student_name")));
        let affected = &schema["properties"]["affected"];
        assert_eq!(affected["required"], json!(["groups"]));
        assert_eq!(affected["anyOf"][0], json!({ "required": ["count"] }));
        assert_eq!(schema["anyOf"][0], json!({ "required": ["data"] }));
        assert_eq!(
            schema["required"],
            json!([
                "title",
                "status",
                "summary",
                "discovered",
                "affected",
                "description",
                "investigation"
            ])
        );
    }
}

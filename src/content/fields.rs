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
    Groups,
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

pub const AFFECTED: &[Field] = &[
    field(
        "count",
        CountOrUnknown,
        Required,
        "estimated number of people or records affected, or unknown",
    ),
    field(
        "estimated",
        Bool,
        Optional,
        "true (the default) when the count is an estimate",
    ),
    field(
        "groups",
        Groups,
        Required,
        "who was affected: students, parents, teachers, principals, staff",
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
    field("data", DataList, Required, "the data elements involved, or unknown"),
    field("other_data", Text, Optional, "elements the list lacks, in plain words"),
    field("affected", Group(AFFECTED), Required, "who and how many were affected"),
    field("description", Markdown, Required, "what happened"),
    field("investigation", Markdown, Required, "what the district is doing or plans to do"),
    field("what_you_can_do", Markdown, Optional, "advice to readers; the jurisdiction's default guidance is used when absent"),
    field("law_enforcement_delay", Group(DELAY), Optional, "notice delayed at law enforcement's request"),
    field("ransom", Group(RANSOM), Optional, "a ransom was paid (New York: notice within 24 hours and an explanation within 30 days)"),
    field("hipaa", Group(HIPAA), Optional, "a HIPAA breach, e.g. of a self-funded employee health plan, reported to HHS"),
    field("substitute_notice", Group(SUBSTITUTE), Optional, "substitute notice is used: a media release is produced"),
    field("updates", List(UPDATE), Optional, "the public update log (newest first on the page)"),
    field("notified", Notified(NOTICE), Optional, "each obligation met: its date (individuals: 2025-01-20), or a record of the act with date, method, by, reference and evidence"),
    field("identity_protection", Group(PROTECTION), Optional, "the free identity-protection service offered, where the law requires one"),
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
            Group(inner) | GroupOrUnknown(inner) | List(inner) => inner,
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
    Value::Object(map)
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
        Groups => {
            let groups: Vec<&str> = Group::ALL.iter().map(|g| g.as_str()).collect();
            json!({ "type": "array", "minItems": 1, "items": { "enum": groups } })
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
        assert_eq!(affected["required"], json!(["count", "groups"]));
        assert_eq!(
            schema["required"],
            json!([
                "title",
                "status",
                "summary",
                "discovered",
                "data",
                "affected",
                "description",
                "investigation"
            ])
        );
    }
}

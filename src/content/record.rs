//! An incident record (`content/incidents/SLUG.yaml`) read into a typed [`Incident`],
//! with every problem in the file reported, not just the first.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use crate::compliance::{hidden, pii};
use crate::content::fields::{self, names, Field};
use crate::content::yaml::{self, SpanIndex};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::jurisdiction::OBLIGATION_IDS;
use crate::model::{
    Affected, Contractor, DelayReason, Group, IdentityProtection, Incident, Known,
    LawEnforcementDelay, Medium, Moment, Occurred, Status, SubstituteNotice, SubstituteReason,
    Translation, Update,
};
use crate::{suggest, vocabulary};

/// Fields that belong inside a group, for the hint when one is written at the top level.
const NESTED: &[(&str, &[Field])] = &[
    ("occurred", fields::OCCURRED),
    ("contractor", fields::CONTRACTOR),
    ("affected", fields::AFFECTED),
    ("law_enforcement_delay", fields::DELAY),
    ("substitute_notice", fields::SUBSTITUTE),
    ("identity_protection", fields::PROTECTION),
    ("ransom", fields::RANSOM),
    ("hipaa", fields::HIPAA),
];

const DATE_FORMAT: &str = "a date written YYYY-MM-DD, such as 2025-01-08";
const UNKNOWN: &str = "unknown";

/// Reads one record. Problems go to `diagnostics`; `None` when the file cannot be read as
/// a record at all.
pub fn parse(
    file: &str,
    slug: &str,
    source: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Incident> {
    // The diagnostics and the record's span index share one copy of the text.
    let shared: std::sync::Arc<str> = std::sync::Arc::from(source);
    diagnostics.add_shared_source(file, std::sync::Arc::clone(&shared));
    let document = match yaml::parse_shared(shared) {
        Ok(document) => document,
        Err(error) => {
            let mut problem = super::syntax::problem(file, source, &error);
            // One broken draft must not hold up an urgent update to a live notice: a file
            // that plainly says `status: draft` is left out with a warning. Any other file
            // that cannot be read stops the build (dropping a live notice silently would be
            // worse).
            if says_draft(source) {
                problem.severity = crate::diagnostics::Severity::Warning;
                problem.message = format!(
                    "this draft is left out until it can be read: {}",
                    problem.message
                );
            }
            diagnostics.push(problem);
            return None;
        }
    };
    let mut reader = Reader {
        file,
        source,
        spans: &document.spans,
        draft: false,
        misspelled: Vec::new(),
        comments_after_values: source.contains(" #") || source.contains("\t#"),
        diagnostics,
    };
    let mut incident = reader.record(slug, &document.value)?;
    incident.locations = std::sync::Arc::new(document.spans);
    Some(incident)
}

struct Reader<'a> {
    file: &'a str,
    source: &'a str,
    spans: &'a SpanIndex,
    /// Drafts may be incomplete: missing fields are warnings, not errors.
    draft: bool,
    /// Fields written misspelled (reported as unknown), so not reported missing too.
    misspelled: Vec<String>,
    /// Whether any line has a ` #` that may have cut a value short; most records have
    /// none, and then their span index need not be built.
    comments_after_values: bool,
    diagnostics: &'a mut Diagnostics,
}

impl Reader<'_> {
    fn record(&mut self, slug: &str, value: &Value) -> Option<Incident> {
        // Known first, so that every problem in a draft is a warning.
        self.draft = value.get("status").and_then(Value::as_str).map(str::trim) == Some("draft");
        let Some(map) = self.mapping(value, "", &names(fields::RECORD)) else {
            if value.is_null() {
                let problem = Diagnostic::error(self.file, "this record is empty")
                    .at(&self.start())
                    .expected("the fields of an incident record; `breachpage new` writes a complete example");
                self.diagnostics.push(problem);
            }
            return None;
        };
        let status = self
            .required(map, "", "status")
            .and_then(|v| self.status(v));
        self.draft = status == Some(Status::Draft);
        let errors_before = self.diagnostics.error_count();

        let title = self.required_text(map, "", "title", "the headline of the notice");
        let published = self.optional_date(map, "published");
        if published.is_none() && !self.draft && self.get(map, "published").is_none() {
            self.missing(
                "",
                "published",
                "the date the notice is posted, YYYY-MM-DD (required unless status is draft)",
            );
        }
        let updated = self.optional_date(map, "updated");
        let summary = self.required_text(
            map,
            "",
            "summary",
            "one or two plain sentences summing up the incident",
        );
        let discovered = match self.required(map, "", "discovered") {
            Some(value) => self.moment(value, "discovered"),
            None => None,
        };
        let determined = self
            .get(map, "determined")
            .and_then(|v| self.moment(v, "determined"));
        let occurred = self.occurred(map);
        let contractor = self.contractor(map);
        let district_learned = self.optional_date(map, "district_learned");
        let medium = self.medium(map);
        let ransom_paid = self.ransom(map);
        let hipaa_hhs_notified = self.hipaa(map);
        let data = self.data(map);
        let other_data = self.optional_text(map, "other_data");
        let affected = self.affected(map);
        let description =
            self.required_text(map, "", "description", "Markdown text saying what happened");
        let investigation = self.required_text(
            map,
            "",
            "investigation",
            "Markdown text saying what the district is doing or plans to do",
        );
        let what_you_can_do = self.optional_text(map, "what_you_can_do");
        let law_enforcement_delay = self.delay(map);
        let substitute_notice = self.substitute_notice(map);
        let updates = self.updates(map);
        let notified = self.notified(map);
        let identity_protection = self.identity_protection(map);
        let pii_allow = self.pii_allow(map);
        self.pii_guard(value, &mut String::new(), &pii_allow);
        self.hidden_guard(value, "");
        let translations = self.translations(map);

        let status = status?;
        if self.diagnostics.error_count() > errors_before {
            return None;
        }
        Some(Incident {
            slug: slug.to_string(),
            file: self.file.to_string(),
            title: title.unwrap_or_else(|| slug.to_string()),
            status,
            published,
            updated,
            summary: summary.unwrap_or_default(),
            discovered,
            determined,
            occurred,
            contractor,
            district_learned,
            medium,
            ransom_paid,
            hipaa_hhs_notified,
            data,
            other_data,
            affected,
            description: description.unwrap_or_default(),
            investigation: investigation.unwrap_or_default(),
            what_you_can_do,
            law_enforcement_delay,
            substitute_notice,
            updates,
            notified,
            identity_protection,
            pii_allow,
            translations,
            locations: Default::default(),
        })
    }

    fn status(&mut self, value: &Value) -> Option<Status> {
        let expected = "`draft` (never published), `active` (a current notification) or `resolved` (kept under past notifications)";
        let text = self.text(value, "status", expected)?;
        match text.as_str() {
            "draft" => Some(Status::Draft),
            "active" => Some(Status::Active),
            "resolved" => Some(Status::Resolved),
            other => {
                let hint = suggest::closest(other, ["draft", "active", "resolved"])
                    .map(|s| format!("did you mean `{s}`?"));
                self.problem(
                    "status",
                    "this is not a status breachpage knows",
                    expected,
                    Some(value),
                    hint,
                );
                None
            }
        }
    }

    fn occurred(&mut self, map: &Mapping) -> Known<Occurred> {
        let Some(value) = self.get(map, "occurred") else {
            return Known::Known(Occurred::default());
        };
        if value.as_str().is_some_and(|s| s.trim() == UNKNOWN) {
            return Known::Unknown;
        }
        let Some(inner) = self.mapping(value, "occurred", &names(fields::OCCURRED)) else {
            return Known::Known(Occurred::default());
        };
        Known::Known(Occurred {
            from: self
                .get(inner, "from")
                .and_then(|v| self.date(v, "occurred.from")),
            to: self
                .get(inner, "to")
                .and_then(|v| self.date(v, "occurred.to")),
        })
    }

    fn identity_protection(&mut self, map: &Mapping) -> Option<IdentityProtection> {
        let value = self.get(map, "identity_protection")?;
        let inner = self.mapping(value, "identity_protection", &names(fields::PROTECTION))?;
        let months = self
            .required(inner, "identity_protection", "months")
            .and_then(|v| {
                let expected = "the number of months the service is free, such as 24";
                let months = self.whole_number(v, "identity_protection.months", expected)?;
                // Never published as a different number than the one written.
                let fits = u32::try_from(months).ok();
                if fits.is_none() {
                    let path = "identity_protection.months";
                    self.problem(
                        path,
                        "this number is far too large",
                        expected,
                        Some(v),
                        None,
                    );
                }
                fits
            });
        let service = self.required_text(
            inner,
            "identity_protection",
            "service",
            "what is offered, such as \"credit monitoring and identity restoration\"",
        );
        let provider = self.get(inner, "provider").and_then(|v| {
            self.text(
                v,
                "identity_protection.provider",
                "the company providing the service",
            )
        });
        let enroll_by = self
            .get(inner, "enroll_by")
            .and_then(|v| self.date(v, "identity_protection.enroll_by"));
        let how_to_enroll = self.required_text(
            inner,
            "identity_protection",
            "how_to_enroll",
            "Markdown text telling readers how to enroll (phone number, website, code)",
        );
        Some(IdentityProtection {
            months: months?,
            service: service?,
            provider,
            enroll_by,
            how_to_enroll: how_to_enroll?,
        })
    }

    fn translations(&mut self, map: &Mapping) -> BTreeMap<String, Translation> {
        let mut translations = BTreeMap::new();
        let Some(value) = self.get(map, "translations") else {
            return translations;
        };
        let Value::Mapping(languages) = value else {
            self.problem(
                "translations",
                "this must be a group of languages",
                "language codes, each with the translated fields, e.g. `es:` then `title:`",
                Some(value),
                None,
            );
            return translations;
        };
        for (code, value) in languages {
            let Some(code) = code.as_str() else { continue };
            let path = format!("translations.{code}");
            if !((2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())) {
                self.problem(
                    &path,
                    "this is not a language code",
                    "a two-letter code such as `es`",
                    None,
                    None,
                );
                continue;
            }
            let Some(inner) = self.mapping(value, &path, &names(fields::TRANSLATION)) else {
                continue;
            };
            let text = |this: &mut Self, key: &str| {
                this.get(inner, key)
                    .and_then(|v| this.text(v, &format!("{path}.{key}"), "the translated text"))
                    .filter(|t| !t.is_empty())
            };
            let translation = Translation {
                title: text(self, "title"),
                summary: text(self, "summary"),
                description: text(self, "description"),
                investigation: text(self, "investigation"),
                what_you_can_do: text(self, "what_you_can_do"),
                updates: self.update_list(inner, &path),
            };
            translations.insert(code.to_string(), translation);
        }
        translations
    }

    fn pii_allow(&mut self, map: &Mapping) -> Vec<String> {
        let Some(value) = self.get(map, "pii_allow") else {
            return Vec::new();
        };
        let expected = "a list of exact texts that look like Social Security or card numbers but are not, such as [\"123-45-6789\"]";
        let Value::Sequence(items) = value else {
            self.problem(
                "pii_allow",
                "this must be a list",
                expected,
                Some(value),
                None,
            );
            return Vec::new();
        };
        let mut allowed = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("pii_allow[{i}]");
            let text = match item {
                Value::Number(n) => Some(n.to_string()),
                _ => self.text(item, &path, expected),
            };
            allowed.extend(text.filter(|t| !t.is_empty()));
        }
        allowed
    }

    fn contractor(&mut self, map: &Mapping) -> Option<Contractor> {
        let value = self.get(map, "contractor")?;
        let inner = self.mapping(value, "contractor", &names(fields::CONTRACTOR))?;
        let name = self.required_text(inner, "contractor", "name", "the contractor's name");
        let notified_district = match self.required(inner, "contractor", "notified_district") {
            Some(value) => self.date(value, "contractor.notified_district"),
            None => None,
        };
        Some(Contractor {
            name: name?,
            notified_district,
        })
    }

    fn data(&mut self, map: &Mapping) -> Known<Vec<String>> {
        let expected = "a list of data elements such as [student_name, date_of_birth], or `unknown`; the data list in docs/staff.md lists them all";
        let Some(value) = self.required(map, "", "data") else {
            return Known::Unknown;
        };
        if value.as_str().is_some_and(|s| s.trim() == UNKNOWN) {
            return Known::Unknown;
        }
        let items: Vec<(String, &Value)> = match value {
            Value::Sequence(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("data[{i}]"), item))
                .collect(),
            Value::String(_) => vec![("data".to_string(), value)],
            _ => {
                self.problem(
                    "data",
                    "this must be a list of data elements",
                    expected,
                    Some(value),
                    None,
                );
                return Known::Unknown;
            }
        };
        if items.is_empty() {
            self.problem(
                "data",
                "the list of data elements is empty",
                expected,
                None,
                None,
            );
            return Known::Unknown;
        }
        let mut ids = Vec::new();
        for (path, item) in items {
            let Some(id) = self.text(item, &path, "a data element name") else {
                continue;
            };
            if vocabulary::element(&id).is_some() {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            } else if id == UNKNOWN {
                self.problem(
                    &path,
                    "`unknown` must stand alone: write `data: unknown` instead of a list",
                    expected,
                    Some(item),
                    None,
                );
            } else {
                let hint = match suggest::closest(&id, vocabulary::ids()) {
                    Some(s) => format!("did you mean `{s}`? Elements the list lacks go in `other_data` as plain text"),
                    None => "describe elements that are not in the list in `other_data` as plain text".to_string(),
                };
                self.problem(
                    &path,
                    "this is not a data element breachpage knows",
                    expected,
                    Some(item),
                    Some(hint),
                );
            }
        }
        Known::Known(ids)
    }

    fn affected(&mut self, map: &Mapping) -> Affected {
        let mut affected = Affected {
            count: Known::Unknown,
            estimated: true,
            groups: Vec::new(),
            residents: None,
        };
        let Some(value) = self.required(map, "", "affected") else {
            return affected;
        };
        let Some(inner) = self.mapping(value, "affected", &names(fields::AFFECTED)) else {
            return affected;
        };
        if let Some(value) = self.required(inner, "affected", "count") {
            affected.count = match value.as_str() {
                Some(text) if text.trim() == UNKNOWN => Known::Unknown,
                _ => self.whole_number(value, "affected.count", "the estimated number of people or records affected, as a whole number such as 1250, or `unknown`")
                    .map_or(Known::Unknown, Known::Known),
            };
        }
        if let Some(value) = self.get(inner, "estimated") {
            match value {
                Value::Bool(b) => affected.estimated = *b,
                _ => self.problem(
                    "affected.estimated",
                    "this must be true or false",
                    "`true` (the count is an estimate) or `false` (it is exact)",
                    Some(value),
                    Some("write true or false without quotes".into()),
                ),
            }
        }
        if let Some(value) = self.required(inner, "affected", "groups") {
            affected.groups = self.groups(value);
        }
        affected.residents = self.get(inner, "residents").and_then(|v| {
            self.whole_number(
                v,
                "affected.residents",
                "the number of affected people living in the state, as a whole number",
            )
        });
        affected
    }

    fn groups(&mut self, value: &Value) -> Vec<Group> {
        let names: Vec<&str> = Group::ALL.iter().map(|g| g.as_str()).collect();
        let expected = format!("a list of any of: {}", names.join(", "));
        let items: Vec<(String, &Value)> = match value {
            Value::Sequence(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("affected.groups[{i}]"), item))
                .collect(),
            Value::String(_) => vec![("affected.groups".to_string(), value)],
            _ => {
                self.problem(
                    "affected.groups",
                    "this must be a list of groups",
                    &expected,
                    Some(value),
                    None,
                );
                return Vec::new();
            }
        };
        if items.is_empty() {
            self.problem(
                "affected.groups",
                "say which groups were affected",
                &expected,
                None,
                None,
            );
        }
        let mut groups = Vec::new();
        for (path, item) in items {
            let Some(name) = self.text(item, &path, &expected) else {
                continue;
            };
            match Group::ALL.iter().find(|g| g.as_str() == name) {
                Some(group) if !groups.contains(group) => groups.push(*group),
                Some(_) => {}
                None => {
                    let hint = suggest::closest(&name, names.iter().copied())
                        .map(|s| format!("did you mean `{s}`?"));
                    self.problem(
                        &path,
                        "this is not a group breachpage knows",
                        &expected,
                        Some(item),
                        hint,
                    );
                }
            }
        }
        groups
    }

    fn delay(&mut self, map: &Mapping) -> Option<LawEnforcementDelay> {
        let value = self.get(map, "law_enforcement_delay")?;
        let inner = self.mapping(value, "law_enforcement_delay", &names(fields::DELAY))?;
        // A delay without a request date is still a delay: the notice stays withheld.
        let requested = self.required(inner, "law_enforcement_delay", "requested");
        let requested = requested.and_then(|v| self.date(v, "law_enforcement_delay.requested"));
        let lifted = self
            .get(inner, "lifted")
            .and_then(|v| self.date(v, "law_enforcement_delay.lifted"));
        let reason = match self.get(inner, "reason") {
            Some(value) => match self.choice(value, "law_enforcement_delay.reason", fields::DELAY_REASONS, "`investigation` (notice would impede a law-enforcement investigation) or `vulnerability` (notice would expose a security hole not yet fixed)")? {
                "vulnerability" => DelayReason::Vulnerability,
                _ => DelayReason::Investigation,
            },
            None => DelayReason::Investigation,
        };
        Some(LawEnforcementDelay {
            requested: requested?,
            lifted,
            reason,
        })
    }

    fn medium(&mut self, map: &Mapping) -> Medium {
        let Some(value) = self.get(map, "medium") else {
            return Medium::Computerized;
        };
        let expected = "`computerized` (the default: data held on computers or online) or `paper` (printed records, such as a mis-mailed report card)";
        match self.choice(value, "medium", fields::MEDIA, expected) {
            Some("paper") => Medium::Paper,
            _ => Medium::Computerized,
        }
    }

    fn ransom(&mut self, map: &Mapping) -> Option<Moment> {
        let value = self.get(map, "ransom")?;
        let inner = self.mapping(value, "ransom", &names(fields::RANSOM))?;
        let paid = self.required(inner, "ransom", "paid")?;
        self.moment(paid, "ransom.paid")
    }

    fn hipaa(&mut self, map: &Mapping) -> Option<NaiveDate> {
        let value = self.get(map, "hipaa")?;
        let inner = self.mapping(value, "hipaa", &names(fields::HIPAA))?;
        let notified = self.required(inner, "hipaa", "hhs_notified")?;
        self.date(notified, "hipaa.hhs_notified")
    }

    /// One of `words`, or a problem with a did-you-mean.
    fn choice(
        &mut self,
        value: &Value,
        path: &str,
        words: &'static [&'static str],
        expected: &str,
    ) -> Option<&'static str> {
        let text = self.text(value, path, expected)?;
        if let Some(word) = words.iter().find(|w| **w == text.trim()) {
            return Some(word);
        }
        let hint = suggest::closest(text.trim(), words.iter().copied())
            .map(|s| format!("did you mean `{s}`?"));
        self.problem(
            path,
            "this is not a value breachpage knows here",
            expected,
            Some(value),
            hint,
        );
        None
    }

    fn substitute_notice(&mut self, map: &Mapping) -> Option<SubstituteNotice> {
        let value = self.get(map, "substitute_notice")?;
        let inner = self.mapping(value, "substitute_notice", &names(fields::SUBSTITUTE))?;
        let expected = "`cost` (notice would cost too much), `count` (too many people to notify) or `insufficient_contact` (the district lacks contact details)";
        let reason_value = self.required(inner, "substitute_notice", "reason")?;
        let text = self.text(reason_value, "substitute_notice.reason", expected)?;
        let reason = match text.as_str() {
            "cost" => SubstituteReason::Cost,
            "count" => SubstituteReason::Count,
            "insufficient_contact" => SubstituteReason::InsufficientContact,
            other => {
                let hint = suggest::closest(other, ["cost", "count", "insufficient_contact"])
                    .map(|s| format!("did you mean `{s}`?"));
                self.problem(
                    "substitute_notice.reason",
                    "this is not a reason breachpage knows",
                    expected,
                    Some(reason_value),
                    hint,
                );
                return None;
            }
        };
        let estimated_cost = match self.get(inner, "estimated_cost") {
            Some(value) => self.whole_number(
                value,
                "substitute_notice.estimated_cost",
                "the estimated cost of direct notice in whole dollars, such as 275000",
            ),
            None if reason == SubstituteReason::Cost => {
                self.missing("substitute_notice", "estimated_cost", "the estimated cost of direct notice in whole dollars (required when the reason is `cost`)");
                None
            }
            None => None,
        };
        Some(SubstituteNotice {
            reason,
            estimated_cost,
        })
    }

    fn updates(&mut self, map: &Mapping) -> Vec<Update> {
        self.update_list(map, "")
    }

    /// The `updates` list of `map` (whose path is `parent`), newest first.
    fn update_list(&mut self, map: &Mapping, parent: &str) -> Vec<Update> {
        let list_path = join(parent, "updates");
        let Some(value) = self.get(map, "updates") else {
            return Vec::new();
        };
        let Value::Sequence(items) = value else {
            self.problem(
                &list_path,
                "this must be a list of updates",
                "a list of entries, each with `date` and `text`",
                Some(value),
                Some("start each update with \"- date: YYYY-MM-DD\" on its own line".into()),
            );
            return Vec::new();
        };
        let mut updates = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{list_path}[{i}]");
            let Some(inner) = self.mapping(item, &path, &names(fields::UPDATE)) else {
                continue;
            };
            let date = self
                .required(inner, &path, "date")
                .and_then(|v| self.date(v, &format!("{path}.date")));
            let text = self.required_text(inner, &path, "text", "Markdown text of the update");
            if let (Some(date), Some(text)) = (date, text) {
                updates.push(Update { date, text });
            }
        }
        // Newest first; updates of one day keep the order they were written in.
        updates.sort_by_key(|u| std::cmp::Reverse(u.date));
        updates
    }

    fn notified(&mut self, map: &Mapping) -> BTreeMap<String, NaiveDate> {
        let mut notified = BTreeMap::new();
        let Some(value) = self.get(map, "notified") else {
            return notified;
        };
        let Some(inner) = self.mapping(value, "notified", OBLIGATION_IDS) else {
            return notified;
        };
        for (key, value) in inner {
            let Some(id) = key.as_str() else { continue };
            if !OBLIGATION_IDS.contains(&id) || value.is_null() {
                continue;
            }
            if let Some(date) = self.date(value, &format!("notified.{id}")) {
                notified.insert(id.to_string(), date);
            }
        }
        notified
    }

    /// Every text in the record is published somewhere: none may hold an SSN or a card
    /// number. `pii_allow` lists exact texts that only look like one.
    /// `path` is where `value` is; it is extended for the values inside and restored.
    fn pii_guard(&mut self, value: &Value, path: &mut String, allow: &[String]) {
        match value {
            Value::String(text) => {
                for finding in pii::find(text, allow) {
                    let path = path.as_str();
                    let location = self.locate_text(path, &finding.text);
                    let message = format!(
                        "this field contains {}: a published notice must never repeat the data that was breached",
                        finding.kind.describe()
                    );
                    let problem = if self.draft {
                        Diagnostic::warning(self.file, message)
                    } else {
                        Diagnostic::error(self.file, message)
                    };
                    self.diagnostics.push(
                        problem
                            .field(path)
                            .at(&location)
                            .found(format!("\"{}\"", finding.text))
                            .hint(format!(
                                "remove it or describe it in words (\"{}\"); if it is not personal data (a case or reference number), add it to the record as `pii_allow: [\"{}\"]`",
                                match finding.kind {
                                    pii::Kind::SocialSecurityNumber => "Social Security numbers",
                                    pii::Kind::CardNumber => "payment card numbers",
                                },
                                finding.text
                            )),
                    );
                }
            }
            Value::Sequence(items) => {
                let len = path.len();
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(path, "[{i}]"); // writing to a String cannot fail
                    self.pii_guard(item, path, allow);
                    path.truncate(len);
                }
            }
            Value::Mapping(map) => {
                let len = path.len();
                for (key, item) in map {
                    match key.as_str() {
                        Some("pii_allow") if len == 0 => {}
                        Some(key) => {
                            if len > 0 {
                                path.push('.');
                            }
                            path.push_str(key);
                            self.pii_guard(item, path, allow);
                            path.truncate(len);
                        }
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Titles and summaries (the record's and its translations') are shown everywhere; a
    /// character that reorders or hides text would make them read differently from the
    /// record. Refused, with the line and the character named; drafts are warned.
    fn hidden_guard(&mut self, value: &Value, parent: &str) {
        let Value::Mapping(map) = value else { return };
        for (key, item) in map {
            let Some(key) = key.as_str() else { continue };
            let path = join(parent, key);
            match item {
                Value::String(text) if matches!(key, "title" | "summary") => {
                    let Some((at, c, name)) = hidden::first(text) else {
                        continue;
                    };
                    let value = self.spans.value(&path).unwrap_or_else(|| self.start());
                    // The character as it stands in the file, when it is written there as it
                    // is (not as an escape such as `\u202E`).
                    let written = self.source[value.bytes.start..]
                        .find(c)
                        .map(|offset| value.bytes.start + offset)
                        .filter(|start| *start < value.bytes.end.max(value.bytes.start + 1));
                    let location = match written {
                        Some(start) => {
                            Location::from_bytes(self.source, start..start + c.len_utf8())
                        }
                        None => value,
                    };
                    let what = if hidden::reorders(c) {
                        "it changes the order in which the text around it is shown, so the notice would read differently from what is written here"
                    } else {
                        "it is invisible, and can hide inside words and numbers"
                    };
                    let before: String = text[..at]
                        .chars()
                        .rev()
                        .take(20)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let message = format!(
                        "line {}: this {key} contains {name} (U+{:04X}) after \"{}\": {what}",
                        location.line,
                        u32::from(c),
                        before.trim_start()
                    );
                    let problem = if self.draft {
                        Diagnostic::warning(self.file, message)
                    } else {
                        Diagnostic::error(self.file, message)
                    };
                    self.diagnostics.push(
                        problem.field(path.as_str()).at(&location).hint(
                            "delete the character: retype the words around it, or paste the text as plain text",
                        ),
                    );
                }
                Value::Mapping(_)
                    if key == "translations" || parent.starts_with("translations") =>
                {
                    self.hidden_guard(item, &path);
                }
                _ => {}
            }
        }
    }

    /// The location of `text` inside the value of `path`, or of the value itself.
    fn locate_text(&self, path: &str, text: &str) -> Location {
        let value = self.spans.value(path).unwrap_or_else(|| self.start());
        match self.source[value.bytes.start..].find(text) {
            Some(offset) => {
                let start = value.bytes.start + offset;
                Location::from_bytes(self.source, start..start + text.len())
            }
            None => value,
        }
    }

    // ---- value readers -------------------------------------------------------------

    /// `value` as a mapping whose keys are all in `allowed`.
    fn mapping<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Mapping> {
        let Value::Mapping(map) = value else {
            if !value.is_null() || !path.is_empty() {
                let expected = format!("a group of indented fields: {}", allowed.join(", "));
                let what = if path.is_empty() { "a record" } else { "this" };
                self.problem(
                    path,
                    &format!("{what} must be a group of fields"),
                    &expected,
                    Some(value),
                    None,
                );
            }
            return None;
        };
        for key in map.keys() {
            let Some(name) = key.as_str() else {
                let at = self.start();
                self.diagnostics.push(
                    Diagnostic::error(self.file, "field names must be words, such as `title`")
                        .at(&at)
                        .field(path)
                        .found(describe(key)),
                );
                continue;
            };
            if allowed.contains(&name) {
                continue;
            }
            let full = join(path, name);
            let location = self.spans.key(&full).unwrap_or_else(|| self.start());
            let message = format!("`{name}` is not a field breachpage knows here");
            let mut problem = if self.draft {
                Diagnostic::warning(self.file, message)
            } else {
                Diagnostic::error(self.file, message)
            }
            .field(full)
            .at(&location)
            .expected(format!("one of: {}", allowed.join(", ")));
            if let Some(hint) = self.field_hint(path, name, allowed) {
                problem = problem.hint(hint);
            }
            // A misspelled field is reported once, not again as missing.
            if let Some(meant) = suggest::closest(name, allowed.iter().copied()) {
                self.misspelled.push(join(path, meant));
            }
            self.diagnostics.push(problem);
        }
        Some(map)
    }

    fn field_hint(&self, path: &str, name: &str, allowed: &[&str]) -> Option<String> {
        if let Some(s) = suggest::closest(name, allowed.iter().copied()) {
            return Some(format!("did you mean `{s}`?"));
        }
        if path.is_empty() {
            for (group, group_fields) in NESTED {
                if let Some(s) = suggest::closest(name, names(group_fields)) {
                    return Some(format!("did you mean `{s}`, indented under `{group}:`?"));
                }
            }
        }
        None
    }

    /// The value of `key`, treating an empty value (`key:` with nothing after it) as absent.
    fn get<'v>(&self, map: &'v Mapping, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|value| !value.is_null())
    }

    fn required<'v>(&mut self, map: &'v Mapping, parent: &str, key: &str) -> Option<&'v Value> {
        let value = self.get(map, key);
        if value.is_none() {
            self.missing(parent, key, expected_of(key));
        }
        value
    }

    fn missing(&mut self, parent: &str, key: &str, expected: &str) {
        if self.misspelled.iter().any(|m| m == &join(parent, key)) {
            return;
        }
        let path = join(parent, key);
        // A field missing from the record's top level is the record's problem, not line 1's:
        // the message names the file without pointing at a line.
        let location = self.spans.key(&path).or_else(|| self.spans.key(parent));
        let message = if self.draft {
            format!("`{path}` is still missing; it is required before this draft can be published")
        } else {
            format!("required field `{path}` is missing")
        };
        let problem = if self.draft {
            Diagnostic::warning(self.file, message)
        } else {
            Diagnostic::error(self.file, message)
        };
        let problem = match location {
            Some(location) => problem.at(&location),
            None => problem,
        };
        self.diagnostics
            .push(problem.field(path).expected(expected));
    }

    fn required_text(
        &mut self,
        map: &Mapping,
        parent: &str,
        key: &str,
        expected: &str,
    ) -> Option<String> {
        let path = join(parent, key);
        match self.get(map, key) {
            Some(value) => {
                let text = self.text(value, &path, expected)?;
                if text.is_empty() {
                    self.missing(parent, key, expected);
                    return None;
                }
                Some(text)
            }
            None => {
                self.missing(parent, key, expected);
                None
            }
        }
    }

    fn optional_text(&mut self, map: &Mapping, key: &str) -> Option<String> {
        let value = self.get(map, key)?;
        self.text(value, key, "text")
            .filter(|text| !text.is_empty())
    }

    fn text(&mut self, value: &Value, path: &str, expected: &str) -> Option<String> {
        match value {
            Value::String(text) => {
                self.warn_cut_by_comment(path);
                Some(text.trim().to_string())
            }
            _ => {
                let hint = matches!(value, Value::Bool(_) | Value::Number(_))
                    .then(|| "put the text in quotes".to_string());
                self.problem(path, "this must be text", expected, Some(value), hint);
                None
            }
        }
    }

    /// In YAML, ` #` starts a comment, so `title: Breach #3 at school` reads "Breach".
    /// Warns when an unquoted one-line text is followed by a comment on its line.
    fn warn_cut_by_comment(&mut self, path: &str) {
        if !self.comments_after_values {
            return;
        }
        let Some(location) = self.spans.value(path) else {
            return;
        };
        // Only blanks and then `#` right after the value can be such a comment (checked
        // first, so that a long line is not scanned again for each of its values).
        let after = &self.source[location.bytes.end..];
        let blanks_then = after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        if !after.starts_with([' ', '\t']) || !blanks_then.starts_with('#') {
            return;
        }
        let line_end = self.source[location.bytes.end..]
            .find('\n')
            .map_or(self.source.len(), |i| location.bytes.end + i);
        let rest = &self.source[location.bytes.end..line_end];
        let value = &self.source[location.bytes.clone()];
        let quoted = value.starts_with(['"', '\'']) || value.starts_with(['|', '>']);
        if quoted || !rest.trim_start().starts_with('#') || !rest.starts_with([' ', '\t']) {
            return;
        }
        let cut = format!("{value}{rest}");
        self.diagnostics.push(
            Diagnostic::warning(
                self.file,
                "the text after # on this line was read as a comment and left out",
            )
            .field(path)
            .at(&location)
            .found(format!("\"{}\"", value.trim()))
            .hint(format!(
                "if # is part of the text, put the whole value in quotes: \"{}\"",
                cut.trim().replace('"', "\\\"")
            )),
        );
    }

    fn optional_date(&mut self, map: &Mapping, key: &str) -> Option<NaiveDate> {
        let value = self.get(map, key)?;
        self.date(value, key)
    }

    fn date(&mut self, value: &Value, path: &str) -> Option<NaiveDate> {
        let Some(text) = value.as_str().map(str::trim) else {
            self.problem(path, "this must be a date", DATE_FORMAT, Some(value), None);
            return None;
        };
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(hint) => {
                self.problem(
                    path,
                    "this is not a valid date",
                    DATE_FORMAT,
                    Some(value),
                    Some(hint),
                );
                None
            }
        }
    }

    fn moment(&mut self, value: &Value, path: &str) -> Option<Moment> {
        let expected = "a date written YYYY-MM-DD, or a date and local time written YYYY-MM-DDTHH:MM (such as 2025-01-08T14:30)";
        let Some(text) = value.as_str().map(str::trim) else {
            self.problem(path, "this must be a date", expected, Some(value), None);
            return None;
        };
        match parse_moment(text) {
            Ok(moment) => Some(moment),
            Err(hint) => {
                let message = if text.contains('T') {
                    "this is not a valid date and time"
                } else {
                    "this is not a valid date"
                };
                self.problem(path, message, expected, Some(value), Some(hint));
                None
            }
        }
    }

    fn whole_number(&mut self, value: &Value, path: &str, expected: &str) -> Option<u64> {
        if let Some(n) = value.as_u64() {
            return Some(n);
        }
        let hint = match value {
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
        self.problem(
            path,
            "this must be a whole number",
            expected,
            Some(value),
            hint,
        );
        None
    }

    fn problem(
        &mut self,
        path: &str,
        message: &str,
        expected: &str,
        found: Option<&Value>,
        hint: Option<String>,
    ) {
        let location = self.spans.value(path).unwrap_or_else(|| self.start());
        // A draft never blocks the build: its problems are warnings, and it stays unpublished.
        let mut problem = if self.draft {
            let message = format!("{message} (this draft cannot be published until it is fixed)");
            Diagnostic::warning(self.file, message)
        } else {
            Diagnostic::error(self.file, message)
        }
        .at(&location)
        .expected(expected);
        if !path.is_empty() {
            problem = problem.field(path);
        }
        if let Some(found) = found {
            problem = problem.found(describe(found));
        }
        if let Some(hint) = hint {
            problem = problem.hint(hint);
        }
        self.diagnostics.push(problem);
    }

    fn start(&self) -> Location {
        Location::from_line_column(self.source, 1, 1, 0)
    }
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` strictly; the error is a hint in plain words.
/// Whether the text of a record, read line by line, says `status: draft` at its top level.
fn says_draft(source: &str) -> bool {
    let mut statuses = source.lines().filter_map(|line| {
        let value = line.strip_prefix("status:")?;
        let value = value.split(" #").next().unwrap_or("").trim();
        Some(value.trim_matches(|c| c == '"' || c == '\''))
    });
    matches!((statuses.next(), statuses.next()), (Some("draft"), None))
}

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

fn expected_of(key: &str) -> &'static str {
    match key {
        "status" => "`draft`, `active` or `resolved`",
        "discovered" => "the date the breach was discovered, YYYY-MM-DD (or YYYY-MM-DDTHH:MM)",
        "data" => "a list of the data elements involved, or `unknown`",
        "affected" => "a group with `count` and `groups`",
        "count" => "the estimated number affected, or `unknown`",
        "groups" => "a list of the groups affected: students, parents, teachers, principals, staff",
        "notified_district" => "the date the contractor notified the district, YYYY-MM-DD",
        "paid" => "the date (or date and time, YYYY-MM-DDTHH:MM) the ransom was paid",
        "hhs_notified" => "the date the breach was reported to HHS, YYYY-MM-DD",
        "requested" => "the date law enforcement asked for the delay, YYYY-MM-DD",
        "reason" => "`cost`, `count` or `insufficient_contact`",
        "date" => DATE_FORMAT,
        _ => "a value",
    }
}

/// A found value in words.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => format!("`{b}` (a yes/no value)"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let s = s.trim();
            if s.chars().count() > 60 {
                format!("\"{}…\"", s.chars().take(57).collect::<String>())
            } else {
                format!("\"{s}\"")
            }
        }
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a group of fields".to_string(),
        Value::Tagged(tagged) => format!("a value tagged {}", tagged.tag),
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> (Option<Incident>, Vec<Diagnostic>) {
        let mut diagnostics = Diagnostics::new();
        let incident = parse("content/incidents/x.yaml", "x", source, &mut diagnostics);
        (
            incident,
            diagnostics.sorted().into_iter().cloned().collect(),
        )
    }

    const COMPLETE: &str = "\
title: Unauthorized access to the student information system
status: active
published: 2025-01-10
summary: Someone outside the district viewed student records.
discovered: 2025-01-08T14:30
data: [student_name, date_of_birth]
affected:
  count: 1250
  groups: [students, parents]
description: What happened.
investigation: What we are doing.
";

    #[test]
    fn a_complete_record_reads_cleanly() {
        let (incident, problems) = read(COMPLETE);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        assert_eq!(incident.status, Status::Active);
        assert_eq!(incident.affected.count, Known::Known(1250));
        assert!(incident.affected.estimated);
        assert_eq!(
            incident.discovered,
            Some(Moment::DateTime(
                NaiveDate::from_ymd_opt(2025, 1, 8)
                    .unwrap()
                    .and_hms_opt(14, 30, 0)
                    .unwrap()
            ))
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let source = COMPLETE
            .replace("summary:", "sumary:")
            .replace("published: 2025-01-10", "published: 2025-02-30")
            .replace("count: 1250", "count: lots");
        let (incident, problems) = read(&source);
        assert!(incident.is_none());
        let lines: Vec<(usize, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_deref()))
            .collect();
        assert!(lines.contains(&(3, Some("published"))), "{lines:?}");
        assert!(lines.contains(&(4, Some("sumary"))), "{lines:?}");
        assert!(lines.contains(&(8, Some("affected.count"))), "{lines:?}");
        assert!(
            !lines.iter().any(|(_, f)| *f == Some("summary")),
            "a misspelled field is not also reported missing: {lines:?}"
        );
        let unknown = problems
            .iter()
            .find(|p| p.field.as_deref() == Some("sumary"))
            .unwrap();
        assert_eq!(unknown.hint.as_deref(), Some("did you mean `summary`?"));
    }

    #[test]
    fn unknown_values_read_as_unknown() {
        let source = COMPLETE
            .replace("data: [student_name, date_of_birth]", "data: unknown")
            .replace("count: 1250", "count: unknown");
        let (incident, problems) = read(&source);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        assert_eq!(incident.data, Known::Unknown);
        assert_eq!(incident.affected.count, Known::Unknown);
    }

    #[test]
    fn vocabulary_typos_get_a_suggestion() {
        let source = COMPLETE.replace("date_of_birth]", "date_of_brith]");
        let (_, problems) = read(&source);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("data[1]"));
        assert!(problems[0]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean `date_of_birth`?"));
    }

    #[test]
    fn a_nested_field_at_the_top_level_points_to_its_group() {
        let source = format!("{COMPLETE}notified_district: 2025-01-09\n");
        let (_, problems) = read(&source);
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `notified_district`, indented under `contractor:`?")
        );
    }

    #[test]
    fn drafts_may_be_incomplete() {
        let (incident, problems) = read("title: Something happened\nstatus: draft\n");
        assert!(incident.is_some());
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    }

    #[test]
    fn dates_must_be_real_and_written_in_full() {
        assert_eq!(
            parse_date("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
        assert_eq!(
            parse_date("2025-12-31"),
            Ok(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
        );
        for wrong in ["2025-13-01", "2025-00-10", "2025-04-31", "2025-04-00"] {
            assert!(
                parse_date(wrong)
                    .unwrap_err()
                    .contains("not a real calendar date"),
                "{wrong}"
            );
        }
        assert!(parse_date("2025-01-0x").is_err());
        assert!(parse_date("+025-01-08").is_err());
        assert!(parse_date("2025-02-29")
            .unwrap_err()
            .contains("not a real calendar date"));
        assert!(parse_date("2026-2-30")
            .unwrap_err()
            .contains("not a real calendar date"));
        assert_eq!(
            parse_date("2025-2-3").unwrap_err(),
            "write the month and the day with two digits each: 2025-02-03"
        );
        assert!(parse_date("January 8, 2025").is_err());
    }

    #[test]
    fn counts_with_commas_get_a_hint() {
        let (_, problems) = read(&COMPLETE.replace("count: 1250", "count: \"1,250\""));
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("write the number without commas: 1250")
        );
    }

    #[test]
    fn tabs_get_a_hint() {
        let (_, problems) = read("title: x\naffected:\n\tcount: 3\n");
        assert!(
            problems[0].hint.as_deref().unwrap().contains("tab"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_colon_inside_a_value_gets_a_quoting_hint() {
        let (_, problems) = read("title: x\nsummary: Update: all accounts reset\n");
        assert_eq!(problems[0].line, 2, "{problems:?}");
        assert!(
            problems[0].hint.as_deref().unwrap().contains("in quotes"),
            "{problems:?}"
        );
        let (_, problems) = read("title: x\nstatus: active\n  bad: [\n");
        assert!(
            problems[0].hint.as_deref().unwrap().contains("indenting"),
            "{problems:?}"
        );
    }

    #[test]
    fn social_security_numbers_are_caught_where_they_are_written() {
        let source = format!("{COMPLETE}updates:\n  - date: 2025-01-11\n    text: Student 123-45-6789 was affected.\n");
        let (incident, problems) = read(&source);
        assert!(incident.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("updates[0].text"));
        assert_eq!((problems[0].line, problems[0].column), (14, 19));
        let allowed = format!("{source}pii_allow: [\"123-45-6789\"]\n");
        let (incident, problems) = read(&allowed);
        assert!(incident.is_some() && problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn text_cut_by_a_comment_is_flagged() {
        let (_, problems) = read(&COMPLETE.replace(
            "title: Unauthorized access to the student information system",
            "title: Breach #3 at school",
        ));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("\"Breach #3 at school\""),
            "{problems:?}"
        );
        let (_, problems) = read(&COMPLETE.replace(
            "title: Unauthorized access to the student information system",
            "title: \"Breach #3 at school\"",
        ));
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn updates_are_newest_first() {
        let source = format!("{COMPLETE}updates:\n  - date: 2025-01-11\n    text: first\n  - date: 2025-01-15\n    text: second\n");
        let (incident, problems) = read(&source);
        assert!(problems.is_empty(), "{problems:?}");
        let texts: Vec<String> = incident
            .unwrap()
            .updates
            .into_iter()
            .map(|u| u.text)
            .collect();
        assert_eq!(texts, ["second", "first"]);
    }
}

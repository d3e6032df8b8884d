//! A record as written ([`RawRecord`]) turned into the model's [`Incident`], each field's
//! problem reported at its path on the way. The paths name the fields as they are written.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_yaml::Value;

use crate::jurisdiction::{states, OBLIGATION_IDS};
use crate::model::{
    Affected, Contractor, IdentityProtection, Incident, Known, LawEnforcementDelay,
    NotificationAct, Occurred, Residents, StateResidents, Status, SubstituteNotice,
    SubstituteReason, Translation, Update,
};
use crate::suggest;

use super::problems::{describe, Reporter};
use super::types::{
    Checked, Field, Group, Keyed, List, Notice, OrUnknown, RawAffected, RawContractor, RawDelay,
    RawNotice, RawOccurred, RawProtection, RawRecord, RawSubstitute, RawTranslation, RawUpdate,
};
use super::values::{AllowedText, Element, Number, ResidentsValue, Text, DATE_FORMAT, RESIDENTS};

const RESIDENT_COUNT: &str =
    "how many affected people live in the state, as a whole number such as 12, or `unknown`";

/// `notified`, read: the dates the engine counts with, and the records of the acts.
#[derive(Default)]
struct Notified {
    dates: BTreeMap<String, NaiveDate>,
    acts: BTreeMap<String, NotificationAct>,
}

/// For a value whose type says what it takes (a date, a group, a list of updates), in an
/// optional field (never reported missing).
const OWN: &str = "";

impl Reporter<'_> {
    /// The incident of `record`, or `None` when it has errors (a draft's problems are
    /// warnings, and it is kept).
    /// `text_errors` is how many errors the checks of the texts as written found.
    pub fn incident(
        &mut self,
        slug: &str,
        record: Group<RawRecord>,
        text_errors: usize,
    ) -> Option<Incident> {
        self.keys(&record, "");
        let raw = record.fields;
        let status = self.take(raw.status, "status", "`draft`, `active` or `resolved`");
        self.draft = status == Some(Status::Draft);
        // Errors in the fields after `status`, and in the texts, leave the record out.
        let errors_before = self.diagnostics.error_count() - text_errors;

        let title = self.text(raw.title, "title", "the headline of the notice");
        let published = self.take(
            raw.published,
            "published",
            "the date the notice is posted, YYYY-MM-DD (required unless status is draft)",
        );
        let updated = self.take(raw.updated, "updated", DATE_FORMAT);
        let summary = self.text(
            raw.summary,
            "summary",
            "one or two plain sentences summing up the incident",
        );
        let discovered = self.take(
            raw.discovered,
            "discovered",
            "the date the breach was discovered, YYYY-MM-DD (or YYYY-MM-DDTHH:MM)",
        );
        let determined = self.take(raw.determined, "determined", OWN);
        let occurred = self.occurred(raw.occurred);
        let contractor = self.contractor(raw.contractor);
        let district_learned = self.take(raw.district_learned, "district_learned", DATE_FORMAT);
        let medium = self.take(raw.medium, "medium", OWN).unwrap_or_default();
        let ransom_paid = self.take(raw.ransom, "ransom", OWN).and_then(|group| {
            self.keys(&group, "ransom");
            let expected = "the date (or date and time, YYYY-MM-DDTHH:MM) the ransom was paid";
            self.take(group.fields.paid, "ransom.paid", expected)
        });
        let hipaa_hhs_notified = self.take(raw.hipaa, "hipaa", OWN).and_then(|group| {
            self.keys(&group, "hipaa");
            let expected = "the date the breach was reported to HHS, YYYY-MM-DD";
            self.take(group.fields.hhs_notified, "hipaa.hhs_notified", expected)
        });
        let data = self.data(raw.data);
        let other_data = self.text(raw.other_data, "other_data", "text");
        let affected = self.affected(raw.affected);
        let description = self.text(
            raw.description,
            "description",
            "Markdown text saying what happened",
        );
        let investigation = self.text(
            raw.investigation,
            "investigation",
            "Markdown text saying what the district is doing or plans to do",
        );
        let what_you_can_do = self.text(raw.what_you_can_do, "what_you_can_do", "text");
        let law_enforcement_delay = self.delay(raw.law_enforcement_delay);
        let substitute_notice = self.substitute_notice(raw.substitute_notice);
        let updates = self.updates(raw.updates, "updates");
        let Notified {
            dates: notified,
            acts: notified_acts,
        } = self.notified(raw.notified);
        let identity_protection = self.identity_protection(raw.identity_protection);
        let pii_allow = self.pii_allow(raw.pii_allow);
        let translations = self.translations(raw.translations);

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
            notified_acts,
            identity_protection,
            pii_allow,
            translations,
            locations: Default::default(),
        })
    }

    fn text(&mut self, field: Field<Text>, path: &str, expected: &str) -> Option<String> {
        self.take(field, path, expected).map(|text| text.0)
    }

    /// The fields of the group at `path`, its unknown keys reported.
    fn group<T: serde::de::DeserializeOwned>(
        &mut self,
        field: Field<Group<T>>,
        path: &str,
        expected: &str,
    ) -> Option<T> {
        let group = self.take(field, path, expected)?;
        self.keys(&group, path);
        Some(group.fields)
    }

    fn occurred(&mut self, field: Field<OrUnknown<Group<RawOccurred>>>) -> Known<Occurred> {
        match self.take(field, "occurred", OWN) {
            None => Known::Known(Occurred::default()),
            Some(OrUnknown::Unknown) => Known::Unknown,
            Some(OrUnknown::Known(group)) => {
                self.keys(&group, "occurred");
                let raw = group.fields;
                Known::Known(Occurred {
                    from: self.take(raw.from, "occurred.from", DATE_FORMAT),
                    to: self.take(raw.to, "occurred.to", DATE_FORMAT),
                })
            }
        }
    }

    fn contractor(&mut self, field: Field<Group<RawContractor>>) -> Option<Contractor> {
        let raw = self.group(field, "contractor", OWN)?;
        let name = self.text(raw.name, "contractor.name", "the contractor's name");
        let notified_district = self.take(
            raw.notified_district,
            "contractor.notified_district",
            "the date the contractor notified the district, YYYY-MM-DD",
        );
        Some(Contractor {
            name: name?,
            notified_district,
        })
    }

    fn data(&mut self, field: Field<OrUnknown<List<Element>>>) -> Known<Vec<String>> {
        let expected = "a list of the data elements involved, or `unknown`";
        let list = match self.take(field, "data", expected) {
            Some(OrUnknown::Known(list)) => list,
            _ => return Known::Unknown,
        };
        let mut ids: Vec<String> = Vec::new();
        for (path, item) in items(list, "data") {
            if let Some(id) = self.check(item, &path, "a data element name") {
                if !ids.contains(&id.0) {
                    ids.push(id.0);
                }
            }
        }
        Known::Known(ids)
    }

    fn affected(&mut self, field: Field<Group<RawAffected>>) -> Affected {
        let mut affected = Affected {
            count: Known::Unknown,
            estimated: true,
            groups: Vec::new(),
            residents: Residents::NotGiven,
        };
        let Some(raw) = self.group(field, "affected", "a group with `count` and `groups`") else {
            return affected;
        };
        affected.count = match self.take(
            raw.count,
            "affected.count",
            "the estimated number affected, or `unknown`",
        ) {
            Some(OrUnknown::Known(count)) => Known::Known(count.0),
            _ => Known::Unknown,
        };
        let estimated = "`true` (the count is an estimate) or `false` (it is exact)";
        if let Some(b) = self.take(raw.estimated, "affected.estimated", estimated) {
            affected.estimated = b;
        }
        let expected =
            "a list of the groups affected: students, parents, teachers, principals, staff";
        if let Some(list) = self.take(raw.groups, "affected.groups", expected) {
            for (path, item) in items(list, "affected.groups") {
                match self.check(item, &path, OWN) {
                    Some(group) if !affected.groups.contains(&group) => affected.groups.push(group),
                    _ => {}
                }
            }
        }
        if let Some(value) = self.take(raw.residents, "affected.residents", RESIDENTS) {
            affected.residents = self.residents(value, &affected.count);
        }
        affected
    }

    /// `affected.residents`: each state code checked (a name or a slip gets a hint), each
    /// number read, and the numbers never more than `affected.count`.
    fn residents(&mut self, value: ResidentsValue, count: &Known<u64>) -> Residents {
        let path = "affected.residents";
        let mut states: BTreeMap<String, StateResidents> = BTreeMap::new();
        let entries: Vec<(String, Value, Option<Value>)> = match value {
            ResidentsValue::Number(n) => {
                if let Known::Known(count) = count {
                    if n > *count {
                        self.problem(
                            path,
                            &format!("{n} people cannot live in the state when `affected.count` is {count}"),
                            "a number no larger than `affected.count`",
                            None,
                            None,
                        );
                    }
                }
                return Residents::Home(n);
            }
            ResidentsValue::ByState(pairs) => pairs
                .into_iter()
                .map(|(key, n)| {
                    let at = match &key {
                        Value::String(code) => format!("{path}.{code}"),
                        _ => path.to_string(),
                    };
                    (at, key, Some(n))
                })
                .collect(),
            ResidentsValue::Listed(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, code)| (format!("{path}[{i}]"), code, None))
                .collect(),
        };
        for (at, key, value) in entries {
            let Some(code) = self.state_code(&at, &key) else {
                continue;
            };
            let Some(state) = self.state_residents(&at, value) else {
                continue;
            };
            if states.insert(code.to_string(), state).is_some() {
                self.problem(
                    &at,
                    &format!("{} is listed twice", states::name(code)),
                    "each state once, with how many affected people live there",
                    None,
                    None,
                );
            }
        }
        let listed: u64 = states
            .values()
            .filter_map(|state| match state.count {
                Known::Known(n) => Some(n),
                Known::Unknown => None,
            })
            .sum();
        if let Known::Known(count) = count {
            if listed > *count {
                self.problem(
                    path,
                    &format!("the numbers by state add up to {listed}, more than `affected.count` ({count})"),
                    "numbers by state that add up to no more than `affected.count`",
                    None,
                    None,
                );
            }
        }
        Residents::ByState(states)
    }

    /// One state's entry: a number, `unknown` (or nothing, in a list of codes), or a group
    /// with `count` and the dates that state's duties were done (`notified`).
    fn state_residents(&mut self, at: &str, value: Option<Value>) -> Option<StateResidents> {
        let mut state = StateResidents {
            count: Known::Unknown,
            notified: BTreeMap::new(),
        };
        let count = match value {
            None | Some(Value::Null) => return Some(state),
            Some(Value::Mapping(map)) => {
                let mut count = None;
                for (key, value) in map {
                    match key.as_str() {
                        Some("count") => count = Some((format!("{at}.count"), value)),
                        Some("notified") => state.notified = self.state_notified(at, value),
                        _ => {
                            let name = key.as_str().map_or_else(|| describe(&key), str::to_string);
                            self.problem(
                                &format!("{at}.{name}"),
                                &format!("`{name}` is not a field breachpage knows here"),
                                "one of: count, notified",
                                None,
                                None,
                            );
                        }
                    }
                }
                count
            }
            Some(value) => Some((at.to_string(), value)),
        };
        if let Some((path, value)) = count {
            state.count = match value {
                Value::String(word) if word.trim() == "unknown" => Known::Unknown,
                Value::Null => Known::Unknown,
                value => Known::Known(
                    self.check(Checked::<Number>::new(value), &path, RESIDENT_COUNT)?
                        .0,
                ),
            };
        }
        Some(state)
    }

    /// `affected.residents.<STATE>.notified`: obligation id → date.
    fn state_notified(&mut self, at: &str, value: Value) -> BTreeMap<String, NaiveDate> {
        let path = format!("{at}.notified");
        let mut dates = BTreeMap::new();
        let Value::Mapping(map) = value else {
            self.problem(
                &path,
                "this must be a group of fields",
                "the dates that state's duties were done, such as `attorney-general: 2025-03-10`",
                Some(&value),
                None,
            );
            return dates;
        };
        for (key, date) in map {
            let Some(id) = key.as_str() else {
                continue;
            };
            let at = format!("{path}.{id}");
            if !OBLIGATION_IDS.contains(&id) {
                let hint = suggest::closest(id, OBLIGATION_IDS.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                self.problem(
                    &at,
                    &format!("`{id}` is not a duty breachpage knows"),
                    &format!("one of: {}", OBLIGATION_IDS.join(", ")),
                    None,
                    hint,
                );
                continue;
            }
            if let Some(date) = self.check(Checked::<NaiveDate>::new(date), &at, DATE_FORMAT) {
                dates.insert(id.to_string(), date);
            }
        }
        dates
    }

    /// The postal code of the state written at `at`, or its problem reported.
    fn state_code(&mut self, at: &str, written: &Value) -> Option<&'static str> {
        let expected = "a state's two-letter postal code, such as NY, CT or NJ";
        let Value::String(text) = written else {
            self.problem(
                at,
                "this is not a state's postal code",
                expected,
                Some(written),
                None,
            );
            return None;
        };
        if let Some(code) = states::code(text) {
            if !code.eq_ignore_ascii_case(text.trim()) {
                let hint = format!("write the postal code: {code}");
                self.problem(
                    at,
                    "write the state as its two-letter postal code",
                    expected,
                    Some(written),
                    Some(hint),
                );
                return None;
            }
            return Some(code);
        }
        let hint = suggest::closest(text, states::names())
            .and_then(states::code)
            .or_else(|| suggest::closest(text, states::codes()))
            .map(|code| format!("did you mean {code} ({})?", states::name(code)));
        self.problem(
            at,
            "this is not a US state breachpage knows",
            expected,
            Some(written),
            hint,
        );
        None
    }

    fn delay(&mut self, field: Field<Group<RawDelay>>) -> Option<LawEnforcementDelay> {
        let raw = self.group(field, "law_enforcement_delay", OWN)?;
        // A delay without a request date is still a delay: the notice stays withheld.
        let requested = self.take(
            raw.requested,
            "law_enforcement_delay.requested",
            "the date law enforcement asked for the delay, YYYY-MM-DD",
        );
        let lifted = self.take(raw.lifted, "law_enforcement_delay.lifted", DATE_FORMAT);
        let reason = match raw.reason {
            Some(reason) => self.check(reason, "law_enforcement_delay.reason", OWN)?,
            None => Default::default(),
        };
        Some(LawEnforcementDelay {
            requested: requested?,
            lifted,
            reason,
        })
    }

    fn substitute_notice(
        &mut self,
        field: Field<Group<RawSubstitute>>,
    ) -> Option<SubstituteNotice> {
        let raw = self.group(field, "substitute_notice", OWN)?;
        let reason = self.take(
            raw.reason,
            "substitute_notice.reason",
            "`cost`, `count` or `insufficient_contact`",
        )?;
        let path = "substitute_notice.estimated_cost";
        let estimated_cost = match raw.estimated_cost {
            Some(cost) => self.check(
                cost,
                path,
                "the estimated cost of direct notice in whole dollars, such as 275000",
            ),
            None if reason == SubstituteReason::Cost => {
                self.missing(path, "the estimated cost of direct notice in whole dollars (required when the reason is `cost`)");
                None
            }
            None => None,
        };
        Some(SubstituteNotice {
            reason,
            estimated_cost: estimated_cost.map(|n| n.0),
        })
    }

    /// The update log at `path`, newest first.
    fn updates(&mut self, field: Field<List<Group<RawUpdate>>>, path: &str) -> Vec<Update> {
        let Some(list) = self.take(field, path, OWN) else {
            return Vec::new();
        };
        let mut updates = Vec::new();
        for (path, item) in items(list, path) {
            let Some(group) = self.check(item, &path, OWN) else {
                continue;
            };
            self.keys(&group, &path);
            let raw = group.fields;
            let date = self.take(raw.date, &format!("{path}.date"), DATE_FORMAT);
            let text = self.text(
                raw.text,
                &format!("{path}.text"),
                "Markdown text of the update",
            );
            if let (Some(date), Some(text)) = (date, text) {
                updates.push(Update { date, text });
            }
        }
        // Newest first; updates of one day keep the order they were written in.
        updates.sort_by_key(|u| std::cmp::Reverse(u.date));
        updates
    }

    fn notified(&mut self, field: Field<Keyed<Field<Notice>>>) -> Notified {
        let mut notified = Notified::default();
        let Some(keyed) = self.take(field, "notified", OWN) else {
            return notified;
        };
        let unknown: Vec<String> = keyed
            .entries
            .iter()
            .map(|(id, _)| id)
            .filter(|id| !OBLIGATION_IDS.contains(&id.as_str()))
            .cloned()
            .collect();
        self.unknown_keys("notified", &unknown, &keyed.not_words, OBLIGATION_IDS);
        for (id, date) in keyed.entries {
            if !OBLIGATION_IDS.contains(&id.as_str()) {
                continue;
            }
            let path = format!("notified.{id}");
            match self.take(date, &path, DATE_FORMAT) {
                Some(Notice::On(date)) => {
                    notified.dates.insert(id, date);
                }
                Some(Notice::Act(group)) => {
                    if let Some(act) = self.act(group, &path) {
                        notified.dates.insert(id.clone(), act.at.date());
                        notified.acts.insert(id, act);
                    }
                }
                None => {}
            }
        }
        notified
    }

    /// `notified.<id>` written as a record of the act.
    fn act(&mut self, group: Group<RawNotice>, path: &str) -> Option<NotificationAct> {
        self.keys(&group, path);
        let raw = group.fields;
        let at = self.take(
            raw.date,
            &format!("{path}.date"),
            "when it was done: YYYY-MM-DD, or YYYY-MM-DDTHH:MM",
        );
        let method = self.take(raw.method, &format!("{path}.method"), OWN);
        let by = self.text(
            raw.by,
            &format!("{path}.by"),
            "who did it, a name or a role",
        );
        let reference = self.text(
            raw.reference,
            &format!("{path}.reference"),
            "the reference, confirmation or receipt number",
        );
        let expected = "a path inside the site folder, such as records/ag-receipt.pdf";
        let evidence_path = format!("{path}.evidence");
        let evidence = match self.take(raw.evidence, &evidence_path, expected) {
            Some(list) => items(list, &evidence_path)
                .filter_map(|(item_path, item)| self.check(item, &item_path, expected))
                .map(|text| text.0)
                .collect(),
            None => Vec::new(),
        };
        Some(NotificationAct {
            at: at?,
            method,
            by,
            reference,
            evidence,
        })
    }

    fn identity_protection(
        &mut self,
        field: Field<Group<RawProtection>>,
    ) -> Option<IdentityProtection> {
        let raw = self.group(field, "identity_protection", OWN)?;
        let months = self.take(
            raw.months,
            "identity_protection.months",
            "the number of months the service is free, such as 24",
        );
        let service = self.text(
            raw.service,
            "identity_protection.service",
            "what is offered, such as \"credit monitoring and identity restoration\"",
        );
        let provider = self.text(
            raw.provider,
            "identity_protection.provider",
            "the company providing the service",
        );
        let enroll_by = self.take(raw.enroll_by, "identity_protection.enroll_by", DATE_FORMAT);
        let how_to_enroll = self.text(
            raw.how_to_enroll,
            "identity_protection.how_to_enroll",
            "Markdown text telling readers how to enroll (phone number, website, code)",
        );
        Some(IdentityProtection {
            months: months?.0,
            service: service?,
            provider,
            enroll_by,
            how_to_enroll: how_to_enroll?,
        })
    }

    fn pii_allow(&mut self, field: Field<List<AllowedText>>) -> Vec<String> {
        let expected = "a list of exact texts that look like Social Security or card numbers but are not, such as [\"123-45-6789\"]";
        let Some(list) = self.take(field, "pii_allow", expected) else {
            return Vec::new();
        };
        items(list, "pii_allow")
            .filter_map(|(path, item)| self.check(item, &path, expected))
            .map(|text| text.0)
            .collect()
    }

    fn translations(
        &mut self,
        field: Field<Keyed<Checked<Group<RawTranslation>>>>,
    ) -> BTreeMap<String, Translation> {
        let mut translations = BTreeMap::new();
        let Some(keyed) = self.take(field, "translations", OWN) else {
            return translations;
        };
        for (code, item) in keyed.entries {
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
            let Some(group) = self.check(item, &path, OWN) else {
                continue;
            };
            self.keys(&group, &path);
            let raw = group.fields;
            let text = |this: &mut Self, field: Field<Text>, key: &str| {
                this.text(field, &format!("{path}.{key}"), "the translated text")
            };
            let translation = Translation {
                title: text(self, raw.title, "title"),
                summary: text(self, raw.summary, "summary"),
                description: text(self, raw.description, "description"),
                investigation: text(self, raw.investigation, "investigation"),
                what_you_can_do: text(self, raw.what_you_can_do, "what_you_can_do"),
                updates: self.updates(raw.updates, &format!("{path}.updates")),
            };
            translations.insert(code, translation);
        }
        translations
    }
}

/// The items of `list` with their paths: `data[0]`, or `data` for one item written alone.
fn items<'p, T: 'p>(
    list: List<T>,
    path: &'p str,
) -> impl Iterator<Item = (String, Checked<T>)> + 'p {
    let single = list.single;
    list.items.into_iter().enumerate().map(move |(i, item)| {
        let path = if single {
            path.to_string()
        } else {
            format!("{path}[{i}]")
        };
        (path, item)
    })
}

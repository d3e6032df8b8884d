//! A record as written ([`RawRecord`]) turned into the model's [`Incident`], each field's
//! problem reported at its path on the way. The paths name the fields as they are written.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_yaml::Value;

use crate::jurisdiction::{states, OBLIGATION_IDS};
use crate::model::{
    Affected, AffectedGroup, Contractor, Faq, HelpLine, IdentityProtection, Incident, Known,
    LawEnforcementDelay, Link, NotificationAct, Notifying, Occurred, ProtectionText, Residents,
    StateResidents, Status, SubstituteNotice, SubstituteReason, Translation, Update,
};
use crate::suggest;

use super::problems::{describe, Reporter};
use super::types::{
    Checked, Field, Group, Keyed, List, Member, Notice, OrUnknown, RawAffected, RawAffectedGroup,
    RawContractor, RawDelay, RawFaq, RawHelpLine, RawLink, RawNotice, RawNotifying, RawOccurred,
    RawProtection, RawProtectionText, RawRecord, RawSubstitute, RawTranslation, RawUpdate,
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
        let recovered = self.take(raw.recovered, "recovered", DATE_FORMAT);
        let affected = self.affected(raw.affected);
        // The long form may leave `data` to its groups: it is then their union.
        let data = match (raw.data, self.union_of_groups(&affected)) {
            (None, Some(union)) => union,
            (data, _) => {
                let data = self.data(data, "data");
                self.groups_agree_with_data(&affected, &data);
                data
            }
        };
        let other_data = self.text(raw.other_data, "other_data", "text");
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
        let identity_protection =
            self.identity_protection(raw.identity_protection, "identity_protection");
        let help_line = self.help_line(raw.help_line);
        let faq = self.faq(raw.faq, "faq");
        let links = self.links(raw.links, "links");
        let notifying = self.notifying(raw.notifying);
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
            recovered,
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
            help_line,
            faq,
            links,
            notifying,
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

    fn data(&mut self, field: Field<OrUnknown<List<Element>>>, path: &str) -> Known<Vec<String>> {
        let expected = "a list of the data elements involved, or `unknown`";
        let list = match self.take(field, path, expected) {
            Some(OrUnknown::Known(list)) => list,
            _ => return Known::Unknown,
        };
        let mut ids: Vec<String> = Vec::new();
        for (path, item) in items(list, path) {
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
            detail: Vec::new(),
        };
        let Some(raw) = self.group(field, "affected", "a group with `count` and `groups`") else {
            return affected;
        };
        let expected =
            "a list of the groups affected: students, parents, teachers, principals, staff, former_staff";
        let mut members = Vec::new();
        let mut long = false;
        if let Some(list) = self.take(raw.groups, "affected.groups", expected) {
            for (path, item) in items(list, "affected.groups") {
                match self.check(item, &path, OWN) {
                    Some(Member::Name(group)) => members.push((path, group, None)),
                    Some(Member::Detail(detail)) => {
                        long = true;
                        self.keys(&detail, &path);
                        let mut fields = detail.fields;
                        let group = self.take(fields.group.take(), &format!("{path}.group"), OWN);
                        if let Some(group) = group {
                            members.push((path, group, Some(fields)));
                        }
                    }
                    None => {}
                }
            }
        }
        for (path, group, detail) in members {
            if affected.groups.contains(&group) {
                if long {
                    let at = if detail.is_some() {
                        format!("{path}.group")
                    } else {
                        path
                    };
                    let expected = "each group once, with all of its facts";
                    self.problem(&at, "this group is listed twice", expected, None, None);
                }
                continue;
            }
            affected.groups.push(group);
            if long {
                let own = match detail {
                    Some(raw) => self.affected_group(group, raw, &path),
                    None => AffectedGroup {
                        group,
                        count: None,
                        data: None,
                        identity_protection: None,
                    },
                };
                affected.detail.push(own);
            }
        }
        let counts: Option<Vec<&Known<u64>>> = match affected.detail.is_empty() {
            true => None,
            false => affected.detail.iter().map(|g| g.count.as_ref()).collect(),
        };
        affected.count = match (raw.count, counts) {
            // Left out, every group counted: the sum (unknown while any group's is).
            (None, Some(counts)) => counts
                .iter()
                .try_fold(0u64, |sum, c| match c {
                    Known::Known(n) => Some(sum.saturating_add(*n)),
                    Known::Unknown => None,
                })
                .map_or(Known::Unknown, Known::Known),
            (count, counts) => {
                let total = match self.take(
                    count,
                    "affected.count",
                    "the estimated number affected, or `unknown` (it may be left out when every group gives its own count)",
                ) {
                    Some(OrUnknown::Known(count)) => Known::Known(count.0),
                    _ => Known::Unknown,
                };
                if let (Known::Known(total), Some(counts)) = (&total, counts) {
                    self.total_agrees(*total, &counts);
                }
                total
            }
        };
        let estimated = "`true` (the count is an estimate) or `false` (it is exact)";
        if let Some(b) = self.take(raw.estimated, "affected.estimated", estimated) {
            affected.estimated = b;
        }
        if let Some(value) = self.take(raw.residents, "affected.residents", RESIDENTS) {
            affected.residents = self.residents(value, &affected.count);
        }
        affected
    }

    /// One group of the long form of `affected.groups`, at `path`.
    fn affected_group(
        &mut self,
        group: crate::model::Group,
        raw: RawAffectedGroup,
        path: &str,
    ) -> AffectedGroup {
        let count = raw.count.map(|count| {
            let expected = "how many of this group were affected, or `unknown`";
            match self.take(Some(count), &format!("{path}.count"), expected) {
                Some(OrUnknown::Known(count)) => Known::Known(count.0),
                _ => Known::Unknown,
            }
        });
        let data = raw
            .data
            .map(|data| self.data(Some(data), &format!("{path}.data")));
        let identity_protection = self.identity_protection(
            raw.identity_protection,
            &format!("{path}.identity_protection"),
        );
        AffectedGroup {
            group,
            count,
            data,
            identity_protection,
        }
    }

    /// A total written beside the groups' own counts must lie between the largest of
    /// them (people in several groups count once) and their sum.
    fn total_agrees(&mut self, total: u64, counts: &[&Known<u64>]) {
        let known: Vec<u64> = counts
            .iter()
            .filter_map(|c| match c {
                Known::Known(n) => Some(*n),
                Known::Unknown => None,
            })
            .collect();
        let largest = known.iter().copied().max().unwrap_or(0);
        let expected = "the number of people affected in all the groups together; or leave `count` out and it is the sum of the groups' counts";
        if total < largest {
            let message =
                format!("the total, {total}, is less than one group's own count, {largest}");
            self.problem("affected.count", &message, expected, None, None);
        } else if known.len() == counts.len() {
            let sum: u64 = known.iter().fold(0, |a, b| a.saturating_add(*b));
            if total > sum {
                let message =
                    format!("the total, {total}, is more than the groups' counts add up to, {sum}");
                self.problem("affected.count", &message, expected, None, None);
            }
        }
    }

    /// The union of the groups' own data, when every group of the long form lists its own.
    fn union_of_groups(&self, affected: &Affected) -> Option<Known<Vec<String>>> {
        if affected.detail.is_empty() {
            return None;
        }
        let mut union = Vec::new();
        for group in &affected.detail {
            match group.data.as_ref()? {
                Known::Unknown => return Some(Known::Unknown),
                Known::Known(ids) => {
                    for id in ids {
                        if !union.contains(id) {
                            union.push(id.clone());
                        }
                    }
                }
            }
        }
        Some(Known::Known(union))
    }

    /// The record's `data`, written beside the groups' own, must be their union: no group
    /// lists an element it lacks, and (when every group lists its own) it lists none that
    /// no group does.
    fn groups_agree_with_data(&mut self, affected: &Affected, data: &Known<Vec<String>>) {
        let Known::Known(ids) = data else {
            return;
        };
        let expected = "the record's `data` is every element of every group: add the element to `data`, or leave `data` out and it is the groups' union";
        for (i, group) in affected.detail.iter().enumerate() {
            let Some(Known::Known(own)) = &group.data else {
                continue;
            };
            for (j, id) in own.iter().enumerate() {
                if !ids.contains(id) {
                    let message = format!("`{id}` is not in the record's `data`");
                    let path = format!("affected.groups[{i}].data[{j}]");
                    self.problem(&path, &message, expected, None, None);
                }
            }
        }
        if !affected.detail.is_empty() && affected.detail.iter().all(|g| g.data.is_some()) {
            for (j, id) in ids.iter().enumerate() {
                let listed = affected.detail.iter().any(|g| match &g.data {
                    Some(Known::Known(own)) => own.contains(id),
                    _ => true,
                });
                if !listed {
                    let message = format!("no group lists `{id}`");
                    let expected = "each element in the data of the group it belongs to, or leave `data` out and it is the groups' union";
                    self.problem(&format!("data[{j}]"), &message, expected, None, None);
                }
            }
        }
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
        path: &str,
    ) -> Option<IdentityProtection> {
        let raw = self.group(field, path, OWN)?;
        let months = self.take(
            raw.months,
            &format!("{path}.months"),
            "the number of months the service is free, such as 24",
        );
        let service = self.text(
            raw.service,
            &format!("{path}.service"),
            "what is offered, such as \"credit monitoring and identity restoration\"",
        );
        let provider = self.text(
            raw.provider,
            &format!("{path}.provider"),
            "the company providing the service",
        );
        let enroll_by = self.take(raw.enroll_by, &format!("{path}.enroll_by"), DATE_FORMAT);
        let how_to_enroll = self.text(
            raw.how_to_enroll,
            &format!("{path}.how_to_enroll"),
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

    fn help_line(&mut self, field: Field<Group<RawHelpLine>>) -> Option<HelpLine> {
        let raw = self.group(field, "help_line", OWN)?;
        let text = |this: &mut Self, field: Field<Text>, key: &str, expected: &str| {
            this.text(field, &format!("help_line.{key}"), expected)
        };
        let line = HelpLine {
            phone: text(self, raw.phone, "phone", "the help line's phone number"),
            hours: text(self, raw.hours, "hours", "when it answers"),
            languages: text(
                self,
                raw.languages,
                "languages",
                "the languages it answers in",
            ),
            email: text(self, raw.email, "email", "its email address"),
            website: text(
                self,
                raw.website,
                "website",
                "its web address, starting https://",
            ),
            closes: self.take(raw.closes, "help_line.closes", DATE_FORMAT),
        };
        if let Some(website) = &line.website {
            self.web_address(website, "help_line.website");
        }
        if line.phone.is_none() && line.email.is_none() && line.website.is_none() {
            self.problem(
                "help_line",
                "a help line needs a way to reach it",
                "at least one of `phone`, `email` or `website`",
                None,
                None,
            );
            return None;
        }
        Some(line)
    }

    /// An address readers follow must be a web page's (`https://`, or `http://`).
    fn web_address(&mut self, url: &str, path: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
            self.problem(
                path,
                "this is not a web address",
                "a full address starting https://, such as https://www.example.com/notice",
                None,
                None,
            );
        }
    }

    fn faq(&mut self, field: Field<List<Group<RawFaq>>>, path: &str) -> Vec<Faq> {
        let Some(list) = self.take(field, path, OWN) else {
            return Vec::new();
        };
        let mut faq = Vec::new();
        for (path, item) in items(list, path) {
            let Some(group) = self.check(item, &path, OWN) else {
                continue;
            };
            self.keys(&group, &path);
            let raw = group.fields;
            let question = self.text(raw.question, &format!("{path}.question"), "the question");
            let answer = self.text(
                raw.answer,
                &format!("{path}.answer"),
                "Markdown text of the answer",
            );
            if let (Some(question), Some(answer)) = (question, answer) {
                faq.push(Faq { question, answer });
            }
        }
        faq
    }

    fn links(&mut self, field: Field<List<Group<RawLink>>>, path: &str) -> Vec<Link> {
        let Some(list) = self.take(field, path, OWN) else {
            return Vec::new();
        };
        let mut links = Vec::new();
        for (path, item) in items(list, path) {
            let Some(group) = self.check(item, &path, OWN) else {
                continue;
            };
            self.keys(&group, &path);
            let raw = group.fields;
            let label = self.text(raw.label, &format!("{path}.label"), "what the page is");
            let url_path = format!("{path}.url");
            let url = self.text(raw.url, &url_path, "its address, starting https://");
            if let Some(url) = &url {
                self.web_address(url, &url_path);
            }
            if let (Some(label), Some(url)) = (label, url) {
                links.push(Link { label, url });
            }
        }
        links
    }

    fn notifying(&mut self, field: Field<Group<RawNotifying>>) -> Option<Notifying> {
        let raw = self.group(field, "notifying", OWN)?;
        Some(Notifying {
            letters: self.take(raw.letters, "notifying.letters", DATE_FORMAT),
            emails: self.take(raw.emails, "notifying.emails", DATE_FORMAT),
            texts: self.take(raw.texts, "notifying.texts", DATE_FORMAT),
            calls: self.take(raw.calls, "notifying.calls", DATE_FORMAT),
            if_nothing: self.text(
                raw.if_nothing,
                "notifying.if_nothing",
                "Markdown text saying what it means to get no letter or email",
            ),
        })
    }

    /// An offer's translated words, at `path`.
    fn protection_text(
        &mut self,
        field: Field<Group<RawProtectionText>>,
        path: &str,
    ) -> ProtectionText {
        let Some(raw) = self.group(field, path, OWN) else {
            return ProtectionText::default();
        };
        let expected = "the translated text";
        ProtectionText {
            service: self.text(raw.service, &format!("{path}.service"), expected),
            provider: self.text(raw.provider, &format!("{path}.provider"), expected),
            how_to_enroll: self.text(
                raw.how_to_enroll,
                &format!("{path}.how_to_enroll"),
                expected,
            ),
        }
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
                other_data: text(self, raw.other_data, "other_data"),
                identity_protection: self.protection_text(
                    raw.identity_protection,
                    &format!("{path}.identity_protection"),
                ),
                groups: self.group_texts(raw.groups, &format!("{path}.groups")),
                help_line_hours: None,
                help_line_languages: None,
                faq: self.faq(raw.faq, &format!("{path}.faq")),
                links: self.links(raw.links, &format!("{path}.links")),
                if_nothing: None,
            };
            let mut translation = translation;
            if let Some(line) = self.group(raw.help_line, &format!("{path}.help_line"), OWN) {
                translation.help_line_hours = text(self, line.hours, "help_line.hours");
                translation.help_line_languages = text(self, line.languages, "help_line.languages");
            }
            if let Some(notifying) = self.group(raw.notifying, &format!("{path}.notifying"), OWN) {
                translation.if_nothing = text(self, notifying.if_nothing, "notifying.if_nothing");
            }
            translations.insert(code, translation);
        }
        translations
    }
}

impl Reporter<'_> {
    /// The groups' own offers, translated (`translations.CODE.groups`).
    fn group_texts(
        &mut self,
        field: Field<List<Group<super::types::RawGroupText>>>,
        path: &str,
    ) -> Vec<(crate::model::Group, ProtectionText)> {
        let Some(list) = self.take(field, path, OWN) else {
            return Vec::new();
        };
        let mut texts = Vec::new();
        for (path, item) in items(list, path) {
            let Some(group) = self.check(item, &path, OWN) else {
                continue;
            };
            self.keys(&group, &path);
            let raw = group.fields;
            let name = self.take(raw.group, &format!("{path}.group"), OWN);
            let text = self.protection_text(
                raw.identity_protection,
                &format!("{path}.identity_protection"),
            );
            if let Some(name) = name {
                texts.push((name, text));
            }
        }
        texts
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

//! The checks of one incident record against its jurisdiction's pack: the elements a
//! notice must contain, substitute notice, direct notice, the identity-protection offer,
//! dates that cannot all be true, and the facts the law engine reads.

use chrono::NaiveDate;

use crate::compliance::coverage::{holds, Facts, Truth};
use crate::compliance::residence;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::jurisdiction::{states, Element, Pack};
use crate::model::{Incident, Known, SiteData, Status, SubstituteReason};

struct Checker<'a> {
    incident: &'a Incident,
    pack: &'a Pack,
    diagnostics: &'a mut Diagnostics,
}

pub(super) fn check_incident(
    incident: &Incident,
    site: &SiteData,
    today: NaiveDate,
    diagnostics: &mut Diagnostics,
) {
    let mut checker = Checker {
        incident,
        pack: site.pack,
        diagnostics,
    };
    checker.required_elements();
    checker.substitute_notice(today);
    checker.direct_notice();
    checker.identity_protection();
    checker.residents();
    checker.date_order(today);
    checker.law_engine_facts();
}

impl Checker<'_> {
    /// An error, or a warning for drafts (which may be incomplete).
    fn problem(&mut self, field: &str, message: String) -> &mut Diagnostic {
        let severity = if self.incident.status == Status::Draft {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.push(severity, field, message)
    }

    fn warning(&mut self, field: &str, message: String) -> &mut Diagnostic {
        self.push(Severity::Warning, field, message)
    }

    fn push(&mut self, severity: Severity, field: &str, message: String) -> &mut Diagnostic {
        let file = self.incident.file.clone();
        let mut diagnostic = match severity {
            Severity::Error => Diagnostic::error(file, message),
            Severity::Warning => Diagnostic::warning(file, message),
        }
        .field(field);
        // The value when it is on the key's line; otherwise (groups, empty block text) the key.
        let locations = &self.incident.locations;
        let location = match (locations.key(field), locations.value(field)) {
            (Some(key), Some(value)) if value.line != key.line => Some(key),
            (key, value) => value.or(key),
        };
        if let Some(location) = location {
            diagnostic = diagnostic.at(&location);
        }
        self.diagnostics.push_mut(diagnostic)
    }

    fn required_elements(&mut self) {
        let incident = self.incident;
        for required in &self.pack.required {
            let pack = self.pack;
            let law = || {
                format!(
                    "{} law requires {} ({})",
                    pack.name, required.label, required.citation
                )
            };
            let (field, state) = match required.element {
                Element::Description => {
                    ("description", Truth::from(!incident.description.is_empty()))
                }
                Element::Investigation => (
                    "investigation",
                    Truth::from(!incident.investigation.is_empty()),
                ),
                Element::DiscoveryDate => {
                    ("discovered", Truth::from(incident.discovered.is_some()))
                }
                Element::IncidentDates => (
                    "occurred",
                    match &incident.occurred {
                        Known::Unknown => Truth::Unknown,
                        Known::Known(o) => Truth::from(!o.is_empty()),
                    },
                ),
                Element::DataElements => (
                    "data",
                    match &incident.data {
                        Known::Unknown => Truth::Unknown,
                        Known::Known(ids) => Truth::from(!ids.is_empty()),
                    },
                ),
                Element::Count => (
                    "affected.count",
                    match incident.affected.count {
                        Known::Unknown => Truth::Unknown,
                        Known::Known(_) => Truth::Yes,
                    },
                ),
                // Guaranteed by site.toml's validation and by the pack's own tests.
                Element::Contact | Element::Agencies => ("", Truth::Yes),
            };
            let doubt = required.doubt.clone();
            // A field not written at all is reported missing when the record is read.
            // (Asked only when needed: the record's span index is built on first use.)
            let written = || incident.locations.key(field).is_some();
            match state {
                Truth::Yes => {}
                Truth::Unknown if !written() => {}
                Truth::Unknown => {
                    let d =
                        self.warning(field, format!("`{field}` is given as unknown; {}", law()));
                    d.hint = Some("update the notice as soon as this is known".to_string());
                    if let Some(doubt) = doubt {
                        d.hint = Some(format!(
                            "update the notice as soon as this is known (⚠ {doubt})"
                        ));
                    }
                }
                // The record's own required fields are reported missing when it is read.
                Truth::No if field != "occurred" => {}
                Truth::No => {
                    let hint = match required.element {
                        Element::IncidentDates => "add `occurred:` with `from:` and `to:` dates, or write `occurred: unknown` while it is not known",
                        _ => "add it, or write `unknown` while it is not known where the field allows it",
                    };
                    let message = format!("`{field}` is missing; {}", law());
                    // "If known": the notice leaves the line out, and staff are told what to add.
                    let d = if required.if_known {
                        self.warning(
                            field,
                            format!("{message}. The notice leaves the line out until you add it"),
                        )
                    } else {
                        self.problem(field, message)
                    };
                    d.hint = Some(match doubt {
                        Some(doubt) => format!("{hint} (⚠ {doubt})"),
                        None => hint.to_string(),
                    });
                }
            }
        }
    }

    fn substitute_notice(&mut self, today: NaiveDate) {
        let Some(substitute) = &self.incident.substitute_notice else {
            return;
        };
        let t = &self.pack.substitute_notice;
        let doubt_of = |doubt: &Option<String>| {
            doubt
                .as_ref()
                .map(|d| format!(" (⚠ {d})"))
                .unwrap_or_default()
        };
        // A posting that must stay up: a reminder while the period runs (or before it starts).
        if let Some(days) = t.posting_days {
            let until = self
                .incident
                .published
                .map(|posted| posted + chrono::Duration::days(i64::from(days)));
            if until.is_none_or(|until| today < until) {
                let until = until
                    .map(|d| format!(", until {}", d.format("%B %-d, %Y")))
                    .unwrap_or_default();
                let doubt = doubt_of(&t.posting_doubt);
                let d = self.warning(
                    "substitute_notice",
                    format!(
                        "{} law requires the substitute notice to stay posted on the district's website for at least {days} days{until} ({}){doubt}",
                        self.pack.name, t.citation
                    ),
                );
                d.hint = Some("keep this record on the site (a resolved notice stays posted); do not delete it or set it back to draft before then".to_string());
            }
        }
        let money = |n: u64| format!("${}", thousands(n));
        match substitute.reason {
            SubstituteReason::Cost => {
                let Some(cost) = substitute.estimated_cost else {
                    return;
                };
                if cost <= t.cost_over {
                    let doubt = doubt_of(&t.cost_doubt);
                    let d = self.problem(
                        "substitute_notice.estimated_cost",
                        format!(
                            "substitute notice for cost is allowed only when direct notice would cost more than {} ({}){doubt}; the estimate is {}",
                            money(t.cost_over),
                            t.citation,
                            money(cost)
                        ),
                    );
                    d.hint = Some(
                        "notify everyone directly (mail, email or phone), or correct the estimate"
                            .to_string(),
                    );
                }
            }
            SubstituteReason::Count => match self.incident.affected.count {
                Known::Known(count) if count > t.count_over => {}
                Known::Known(count) => {
                    let doubt = doubt_of(&t.count_doubt);
                    let d = self.problem(
                        "substitute_notice.reason",
                        format!(
                            "substitute notice for the number of people is allowed only when more than {} would have to be notified ({}){doubt}; the record says {}",
                            thousands(t.count_over),
                            t.citation,
                            thousands(count)
                        ),
                    );
                    d.hint = Some("notify everyone directly, or use reason `insufficient_contact` if the district lacks their contact details".to_string());
                }
                Known::Unknown => {
                    self.problem(
                        "substitute_notice.reason",
                        format!(
                            "substitute notice for the number of people needs the number: more than {} must be affected ({})",
                            thousands(t.count_over),
                            t.citation
                        ),
                    );
                }
            },
            SubstituteReason::InsufficientContact if !t.insufficient_contact => {
                self.problem(
                    "substitute_notice.reason",
                    format!("{} law does not allow substitute notice for insufficient contact information ({})", self.pack.name, t.citation),
                );
            }
            SubstituteReason::InsufficientContact => {}
        }
    }

    /// A media release is substitute notice: it never discharges a duty to notify each
    /// person directly (NY §2-d: mail, email or telephone; CT §10-234dd: electronically).
    fn direct_notice(&mut self) {
        if self.incident.substitute_notice.is_none() {
            return;
        }
        let facts = Facts::new(self.incident, self.pack);
        let mut seen = Vec::new();
        for obligation in &self.pack.obligations {
            let Some(how) = &obligation.direct else {
                continue;
            };
            if holds(&obligation.when, &facts) == Truth::No || seen.contains(&obligation.citation) {
                continue;
            }
            seen.push(obligation.citation.clone());
            let d = self.warning(
                "substitute_notice",
                format!(
                    "a media release does not replace the notice {} owes {}: {} requires it to reach each of them directly, by {how}",
                    obligation.who, obligation.whom, obligation.citation
                ),
            );
            d.hint = Some(format!(
                "send the direct notices too, and record the day under `notified.{}`; `breachpage deadlines` keeps the duty open until then",
                obligation.id
            ));
        }
    }

    /// Facts the law engine reads that cannot all be true, or that this state's law ignores.
    fn law_engine_facts(&mut self) {
        let i = self.incident;
        let pack = self.pack;
        if i.district_learned.is_some() && i.contractor.is_none() {
            let d = self.warning(
                "district_learned",
                "`district_learned` is for a contractor's breach, and the record names no contractor; for the district's own breach, `discovered` is the day it learned of it".to_string(),
            );
            d.hint = Some("remove `district_learned`, or add `contractor:`".to_string());
        }
        if let (Some(_), Some(determined)) = (&i.contractor, i.determined) {
            let learned = Facts::new(i, pack).district_discovery();
            if let Some(learned) = learned.filter(|l| determined.date() < l.date()) {
                let d = self.warning(
                    "determined",
                    format!(
                        "`determined` ({}) is before the district learned of the contractor's breach ({}): the district cannot determine a breach before it knows of it",
                        determined.date(),
                        learned.date()
                    ),
                );
                d.hint = Some("if the district learned of it earlier (the press, a parent, its own monitoring), add `district_learned:` with that date; otherwise check `determined` for a typing mistake".to_string());
            }
        }
        if let Some(delay) = i.law_enforcement_delay {
            if !pack
                .delay_reasons
                .iter()
                .any(|r| r == delay.reason.as_str())
            {
                let d = self.warning(
                    "law_enforcement_delay.reason",
                    format!(
                        "{} law lets notice wait for a law-enforcement investigation only, not until a security vulnerability is fixed: the usual deadlines still run",
                        pack.name
                    ),
                );
                d.hint = Some("notify on time, or record the written request of a law enforcement agency with `reason: investigation`".to_string());
            }
        }
    }

    fn identity_protection(&mut self) {
        let discovered = Facts::new(self.incident, self.pack)
            .district_discovery()
            .map(|m| m.date());
        for offer in &self.pack.identity_protection {
            if let (Some(effective), Some(discovered)) = (offer.effective, discovered) {
                if discovered < effective {
                    continue;
                }
            }
            let facts = Facts::new(self.incident, self.pack);
            // Owed to the state's residents, and none of them was affected.
            if self.pack.residents_only(&offer.when) && facts.residents() == Known::Known(0) {
                continue;
            }
            let required = holds(&offer.when, &facts);
            // Advice, not law: it never holds up a notice that is due.
            if offer.advice {
                if required != Truth::No && self.incident.identity_protection.is_none() {
                    let d = self.warning(
                        "identity_protection",
                        format!(
                            "consider offering {} months of {} free of charge: {} ({})",
                            offer.months, offer.service, offer.condition, offer.citation
                        ),
                    );
                    d.hint = Some("add `identity_protection:` with `months:`, `service:`, `provider:` and `how_to_enroll:` if the district or the contractor offers it".to_string());
                }
                continue;
            }
            let doubt = offer
                .doubt
                .as_ref()
                .map(|d| format!(" (⚠ {d})"))
                .unwrap_or_default();
            let given = self.incident.identity_protection.as_ref();
            match (required, given) {
                (Truth::No, _) => {}
                (Truth::Yes, Some(p)) if p.months >= offer.months => {}
                (Truth::Yes, Some(p)) => {
                    let d = self.problem(
                        "identity_protection.months",
                        format!(
                            "{} law requires at least {} months of {} when {} ({}){doubt}; the record offers {}",
                            self.pack.name, offer.months, offer.service, offer.condition, offer.citation, p.months
                        ),
                    );
                    d.hint = Some(format!("set `months: {}` or more", offer.months));
                }
                (Truth::Yes, None) => {
                    let d = self.problem(
                        "identity_protection",
                        format!(
                            "{} law requires the notice to offer {} months of {} free of charge, because {} ({}){doubt}",
                            self.pack.name, offer.months, offer.service, offer.condition, offer.citation
                        ),
                    );
                    d.hint = Some(format!(
                        "add `identity_protection:` with `months: {}`, `service:`, `provider:` and `how_to_enroll:`",
                        offer.months
                    ));
                }
                (Truth::Unknown, None) => {
                    self.warning(
                        "identity_protection",
                        format!(
                            "{} law may require an offer of {} months of {} ({}): it does when {}, and the record does not say yet{doubt}",
                            self.pack.name, offer.months, offer.service, offer.citation, offer.condition
                        ),
                    );
                }
                (Truth::Unknown, Some(_)) => {}
            }
        }
    }

    /// Affected people in other states: a warning for each state breachpage has no rules
    /// for, and for each identity-protection offer another state's law asks for its
    /// residents that the record does not make (warnings: whether that law reaches a
    /// district of another state is not settled).
    fn residents(&mut self) {
        let incident = self.incident;
        let home = self.pack.code.as_str();
        for (code, state) in incident.affected.other_states(home) {
            let Some(code) = states::code(code) else {
                continue;
            };
            let name = states::name(code);
            let field = format!("affected.residents.{code}");
            let Some(pack) = Pack::get(code) else {
                let d = self.warning(&field, residence::uncovered(&state.count, name));
                d.hint = Some(
                    "`breachpage deadlines` lists the duties of each state breachpage has rules for"
                        .to_string(),
                );
                continue;
            };
            if pack.residents.is_none() {
                let d = self.warning(&field, residence::unsaid(&state.count, pack));
                d.hint = Some(
                    "`breachpage deadlines` lists the duties breachpage knows of for each state"
                        .to_string(),
                );
            }
            let facts = Facts::elsewhere(incident, pack, home);
            for offer in residence::offers(pack, &facts) {
                let given = incident.identity_protection.as_ref().map(|p| p.months);
                if given.is_some_and(|months| months >= offer.months) {
                    continue;
                }
                let doubt = offer
                    .doubt
                    .as_ref()
                    .or(pack.residents.as_ref().and_then(|r| r.doubt.as_ref()))
                    .map(|d| format!(" (⚠ {d})"))
                    .unwrap_or_default();
                let d = self.warning(
                    "identity_protection",
                    format!(
                        "{}: {} law requires an offer of {} months of {} free of charge to them, because {} ({}){doubt}",
                        residence::people_live_in(&state.count, name),
                        pack.name,
                        offer.months,
                        offer.service,
                        offer.condition,
                        offer.citation
                    ),
                );
                d.hint = Some(format!(
                    "offer at least {} months (`identity_protection.months: {}`), to everyone or to the {} residents",
                    offer.months, offer.months, pack.name
                ));
            }
        }
    }

    /// Dates that cannot all be true are almost always typing mistakes.
    fn date_order(&mut self, today: NaiveDate) {
        let i = self.incident;
        let discovered = i.discovered.map(|m| m.date());
        let before = |this: &mut Self,
                      field: &str,
                      date: Option<NaiveDate>,
                      other_field: &str,
                      other: Option<NaiveDate>,
                      why: &str| {
            if let (Some(date), Some(other)) = (date, other) {
                if date < other {
                    let d = this.problem(
                        field,
                        format!("`{field}` ({date}) is before `{other_field}` ({other}): {why}"),
                    );
                    d.hint = Some("check both dates for a typing mistake".to_string());
                }
            }
        };
        before(
            self,
            "published",
            i.published,
            "discovered",
            discovered,
            "a notice cannot be posted before the breach was discovered",
        );
        before(
            self,
            "determined",
            i.determined.map(|m| m.date()),
            "discovered",
            discovered,
            "the breach cannot be determined before it was discovered",
        );
        let (from, to) = match &i.occurred {
            Known::Known(o) => (o.from, o.to),
            Known::Unknown => (None, None),
        };
        before(
            self,
            "occurred.to",
            to,
            "occurred.from",
            from,
            "the access cannot end before it began",
        );
        before(
            self,
            "discovered",
            discovered,
            "occurred.from",
            from,
            "a breach cannot be discovered before it began",
        );
        if let Some(contractor) = &i.contractor {
            before(
                self,
                "contractor.notified_district",
                contractor.notified_district,
                "discovered",
                discovered,
                "the contractor cannot report a breach before it was discovered",
            );
        }
        if let Some(delay) = &i.law_enforcement_delay {
            before(
                self,
                "law_enforcement_delay.lifted",
                delay.lifted,
                "law_enforcement_delay.requested",
                Some(delay.requested),
                "a delay cannot be lifted before it was requested",
            );
            before(
                self,
                "law_enforcement_delay.requested",
                Some(delay.requested),
                "discovered",
                discovered,
                "a delay cannot be requested before the breach was discovered",
            );
        }
        before(
            self,
            "updated",
            i.updated,
            "published",
            i.published,
            "a notice cannot be updated before it was posted",
        );
        for update in &i.updates {
            before(
                self,
                "updates",
                Some(update.date),
                "published",
                i.published,
                "an update cannot come before the notice was posted",
            );
        }
        for (id, date) in &i.notified {
            before(
                self,
                &format!("notified.{id}"),
                Some(*date),
                "discovered",
                discovered,
                "nobody can be notified of a breach before it was discovered",
            );
        }
        let future = |this: &mut Self, field: &str, date: Option<NaiveDate>| {
            if let Some(date) = date.filter(|d| *d > today) {
                // A warning: building "as of" an earlier day (--today) is legitimate.
                let d = this.warning(
                    field,
                    format!("`{field}` ({date}) is after today ({today})"),
                );
                d.hint = Some(
                    "record only what has happened; only `published` may be a future date"
                        .to_string(),
                );
            }
        };
        future(self, "discovered", discovered);
        for (id, date) in &i.notified {
            future(self, &format!("notified.{id}"), Some(*date));
        }
    }
}

/// `1250000` → `1,250,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

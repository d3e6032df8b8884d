//! A statutory public list of breaches (Illinois, 105 ILCS 85/27(a)(5)), built from the
//! records: which published breaches it shows today, and with what. Only packs with a
//! `[public_list]` have one; nothing here knows about HTML.

use chrono::{Months, NaiveDate};

use crate::compliance::coverage::{count_withheld, holds, Facts, Truth};
use crate::jurisdiction::{Condition, Pack, PublicList};
use crate::model::{Incident, Known, Occurred};

/// One breach on the list.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub incident: &'a Incident,
    /// The number of students, when the list may show it.
    pub count: Count,
    /// The date, estimated date or estimated date range of the breach, when known.
    pub occurred: Option<Occurred>,
    /// The operator's name, for an operator's (contractor's) breach.
    pub operator: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Shown {
        count: u64,
        estimated: bool,
    },
    /// Disclosing it would violate another law (PIPA): left out.
    Withheld,
    /// The record does not know it yet.
    Unknown,
}

/// The breaches the list shows on `today`, newest breach first, from the notices the public
/// site shows (`published`: a breach never reaches the list before its notice does).
pub fn entries<'a>(
    pack: &Pack,
    published: &[&'a Incident],
    enrollment: Option<u64>,
    today: NaiveDate,
) -> Vec<Entry<'a>> {
    let Some(list) = &pack.public_list else {
        return Vec::new();
    };
    let mut entries: Vec<Entry<'a>> = published
        .iter()
        .filter(|incident| listed(list, pack, incident, enrollment, today))
        .map(|incident| Entry {
            incident,
            count: count(pack, incident),
            occurred: match incident.occurred {
                Known::Known(occurred) if occurred.from.or(occurred.to).is_some() => Some(occurred),
                _ => None,
            },
            operator: incident.contractor.as_ref().map(|c| c.name.as_str()),
        })
        .collect();
    let key = |e: &Entry| {
        e.occurred
            .and_then(|o| o.from.or(o.to))
            .or(e.incident.published)
    };
    entries.sort_by(|a, b| {
        key(b)
            .cmp(&key(a))
            .then(a.incident.slug.cmp(&b.incident.slug))
    });
    entries
}

/// Whether the breach belongs on the list today: the statute reaches it (or may: an
/// uncertain one is listed, to be safe), it was first published within `years`, and it
/// is not under the percentage of enrolment that may be left off.
fn listed(
    list: &PublicList,
    pack: &Pack,
    incident: &Incident,
    enrollment: Option<u64>,
    today: NaiveDate,
) -> bool {
    let facts = Facts::new(incident, pack);
    let reached = holds(&[Condition::Covered(list.statute.clone())], &facts) != Truth::No;
    let recent = incident.published.is_some_and(|published| {
        published
            .checked_add_months(Months::new(list.years * 12))
            .is_some_and(|until| today <= until)
    });
    reached && recent && !under_threshold(list, incident, enrollment)
}

/// Fewer students than the percentage of enrolment: `count * 100 < enrollment * percent`.
/// An unknown count or enrolment is never under it.
fn under_threshold(list: &PublicList, incident: &Incident, enrollment: Option<u64>) -> bool {
    match (
        list.omit_under_percent,
        enrollment,
        &incident.affected.count,
    ) {
        (Some(percent), Some(enrollment), Known::Known(count)) => {
            u128::from(*count) * 100 < u128::from(enrollment) * u128::from(percent)
        }
        _ => false,
    }
}

/// The number of students, unless the law forbids stating it (§27(a)(5)(A): PIPA).
fn count(pack: &Pack, incident: &Incident) -> Count {
    match (&incident.affected.count, count_withheld(incident, pack)) {
        (_, true) => Count::Withheld,
        (Known::Known(count), false) => Count::Shown {
            count: *count,
            estimated: incident.affected.estimated,
        },
        (Known::Unknown, false) => Count::Unknown,
    }
}

#[cfg(test)]
mod tests {
    //! Hand-worked from 105 ILCS 85/27(a)(5) before the code was run: a district of 4,210
    //! students, whose 10% is 421.
    use super::*;
    use crate::compliance::testing::{d, incident};

    fn il() -> &'static Pack {
        Pack::get("IL").unwrap()
    }

    const VENDOR: &str = "discovered: 2025-09-02\ncontractor:\n  name: GradeBook Co\n  notified_district: 2025-09-19\noccurred:\n  from: 2025-08-28\n  to: 2025-09-01\ndata: [student_name, student_id, grades]\naffected:\n  count: COUNT\n  groups: [students]\n";

    fn vendor(count: &str) -> Incident {
        incident(&VENDOR.replace("COUNT", count))
    }

    #[test]
    fn a_breach_of_ten_percent_is_listed_and_one_just_under_is_left_off() {
        let today = d(2025, 10, 1);
        // 421 of 4,210 is exactly 10%: listed, with its number, dates and operator.
        let at = vendor("421");
        let shown = entries(il(), &[&at], Some(4210), today);
        assert_eq!(shown.len(), 1);
        assert_eq!(
            shown[0].count,
            Count::Shown {
                count: 421,
                // A count is an estimate unless the record says `estimated: false`.
                estimated: true
            }
        );
        assert_eq!(shown[0].operator, Some("GradeBook Co"));
        assert_eq!(
            shown[0].occurred.map(|o| (o.from, o.to)),
            Some((Some(d(2025, 8, 28)), Some(d(2025, 9, 1))))
        );
        // 420 is 9.98%: the law lets the school leave it off, and breachpage does.
        let under = vendor("420");
        assert!(entries(il(), &[&under], Some(4210), today).is_empty());
        // Without an enrolment, or with an unknown count, nothing is left off.
        assert_eq!(entries(il(), &[&under], None, today).len(), 1);
        let unknown = vendor("unknown");
        let listed = entries(il(), &[&unknown], Some(4210), today);
        assert_eq!(listed[0].count, Count::Unknown);
    }

    #[test]
    fn the_number_is_withheld_when_pipa_personal_information_was_involved() {
        // A name with Social Security numbers is PIPA personal information (815 ILCS
        // 530/5): §27(a)(5)(A) leaves the number out.
        let ssn = incident(
            &VENDOR
                .replace("COUNT", "900")
                .replace("student_id, grades", "student_id, ssn"),
        );
        let shown = entries(il(), &[&ssn], Some(4210), d(2025, 10, 1));
        assert_eq!(shown[0].count, Count::Withheld);
        // Other data (`other_data`) may hide personal information: withheld, to be safe.
        let other = incident(&format!(
            "{}other_data: a spreadsheet\n",
            VENDOR.replace("COUNT", "900")
        ));
        let shown = entries(il(), &[&other], Some(4210), d(2025, 10, 1));
        assert_eq!(shown[0].count, Count::Withheld);
    }

    #[test]
    fn an_entry_stays_five_years_from_its_posting() {
        // Posted January 2, 2024 (the testing record): listed through January 2, 2029,
        // gone on January 3, 2029.
        let posted = vendor("900");
        assert_eq!(
            entries(il(), &[&posted], Some(4210), d(2029, 1, 2)).len(),
            1
        );
        assert!(entries(il(), &[&posted], Some(4210), d(2029, 1, 3)).is_empty());
    }

    #[test]
    fn only_soppa_breaches_are_listed_and_only_where_the_pack_asks() {
        // A staff payroll breach is not student covered information.
        let payroll = incident("discovered: 2025-10-06\ndata: [staff_name, ssn]\naffected:\n  count: 900\n  groups: [staff]\n");
        assert!(entries(il(), &[&payroll], Some(4210), d(2025, 11, 1)).is_empty());
        // New York has no such list.
        let student = vendor("900");
        let ny = Pack::get("NY").unwrap();
        assert!(entries(ny, &[&student], Some(4210), d(2025, 11, 1)).is_empty());
    }
}

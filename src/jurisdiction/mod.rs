//! Jurisdiction rule packs: data files built into the binary (`src/packs/*.toml`), parsed
//! into typed rules. Adding a jurisdiction is adding a file to `PACKS` (and its tests).

pub mod holidays;
pub mod rules;
pub mod states;
pub mod zone;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

pub use holidays::{FederalHoliday, Holiday};
pub use rules::{Clock, Condition, Pace, Trigger};
pub use zone::Zone;

const PACKS: &[(&str, &str)] = &[
    ("CA", include_str!("../packs/ca.toml")),
    ("CT", include_str!("../packs/ct.toml")),
    ("IL", include_str!("../packs/il.toml")),
    ("NY", include_str!("../packs/ny.toml")),
    ("PA", include_str!("../packs/pa.toml")),
    ("TX", include_str!("../packs/tx.toml")),
];
const SHARED: &str = include_str!("../packs/shared.toml");

/// The obligation ids a record may use under `notified:` (SPEC.md, Compliance).
pub const OBLIGATION_IDS: &[&str] = &[
    "contractor-to-district",
    "individuals",
    "website-posting",
    "state-privacy-officer",
    "attorney-general",
    "consumer-reporting-agencies",
    "district-attorney",
    "cyber-incident-report",
    "ransom-payment-notice",
    "ransom-payment-explanation",
    "hipaa-attorney-general",
    "education-agency",
    "parents",
    "cause-report",
];

/// An organisation a reader can call or visit for help.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: String,
    #[serde(default)]
    pub purpose: String,
    pub phone: String,
    pub website: String,
    /// Where the phone number and address come from.
    pub source: String,
    /// When they were last checked (YYYY-MM-DD).
    pub verified: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub code: String,
    pub name: String,
    /// The sentence naming the law under which a notice is given.
    pub law: String,
    /// When the pack as a whole was last checked against the law.
    pub verified: NaiveDate,
    /// Markdown "what you can do" text replacing the shared one.
    #[serde(default)]
    pub guidance: Option<String>,
    #[serde(default, rename = "agency")]
    pub agencies: Vec<Agency>,
    /// Legal categories over the record vocabulary, by id.
    #[serde(default, rename = "category")]
    pub categories: BTreeMap<String, Category>,
    /// What every notice must contain.
    #[serde(rename = "required")]
    pub required: Vec<Required>,
    #[serde(rename = "obligation")]
    pub obligations: Vec<Obligation>,
    /// Targets that are recommended, not legal deadlines; shown beside the obligation.
    #[serde(default, rename = "recommended")]
    pub recommended: Vec<Target>,
    pub substitute_notice: Thresholds,
    #[serde(default, rename = "identity_protection")]
    pub identity_protection: Vec<Offer>,
    /// The statutes whose reach the obligations' `covered:NAME` conditions name.
    #[serde(default, rename = "statute")]
    pub statutes: BTreeMap<String, Statute>,
    /// The grounds on which this state's law lets notice wait (`law_enforcement_delay.reason`).
    #[serde(default = "investigation_only")]
    pub delay_reasons: Vec<String>,
    /// The state's own legal holidays, skipped by business-day clocks beside the federal ones.
    #[serde(default, rename = "holiday")]
    pub holidays: Vec<Holiday>,
    /// Federal holidays (by name: `columbus_day`...) that are not legal holidays of the
    /// state, so business-day clocks count them; a name that is not one is refused.
    #[serde(default)]
    pub federal_holidays_not_observed: Vec<FederalHoliday>,
    /// The state keeps a federal holiday that falls on a weekend on that day only, not on
    /// the Friday before or the Monday after as 5 U.S.C. §6103(b) does.
    #[serde(default)]
    pub federal_holidays_not_moved: bool,
    /// What happens when a period of days ends on a weekend or holiday, if the state has a rule.
    #[serde(default)]
    pub period_end: Option<PeriodEnd>,
    /// The time zone hour clocks run in (default Eastern).
    #[serde(default)]
    pub time_zone: Zone,
    /// A mandated layout of the notice: its title and headings (California).
    #[serde(default)]
    pub notice_format: Option<NoticeFormat>,
    /// A list of breaches the law requires on the district's website, if it does.
    #[serde(default)]
    pub public_list: Option<PublicList>,
    /// When the law forbids a notice to say how many people were affected.
    #[serde(default)]
    pub count_withheld: Option<CountWithheld>,
    /// Why this state's duties do, or do not, reach a district of another state whose
    /// affected people live here (shown with them by `deadlines`).
    #[serde(default)]
    pub residents: Option<ResidentsNote>,
}

/// A statutory public list of breaches (Illinois, 105 ILCS 85/27(a)(5)): which breaches it
/// lists, for how long, and when their number of students is left out.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicList {
    /// The statute (`[statute.NAME]`) whose breaches the list shows.
    pub statute: String,
    /// An entry stays this many years after it was first published.
    pub years: u32,
    /// A breach of fewer than this percentage of `[district] enrollment` may be left off,
    /// and is; the site then needs `enrollment`.
    #[serde(default)]
    pub omit_under_percent: Option<u32>,
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
}

/// The law forbids a notice (and the public list) to state the number of people affected
/// when any of `when` holds, or may hold (Illinois PIPA, 815 ILCS 530/10(a)).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountWithheld {
    pub when: Vec<Condition>,
    pub citation: String,
}

/// What a state's law asks of a district elsewhere whose affected people live in the state:
/// the obligations under a statute with `reaches_elsewhere`, and this note.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidentsNote {
    /// One or two sentences for staff.
    pub note: String,
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
}

/// The title and headings the law makes a notice use, in its words and order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeFormat {
    pub title: String,
    /// Every heading of the default theme's notice, in the order the law gives them.
    #[serde(rename = "heading")]
    pub headings: Vec<Heading>,
    /// The smallest type the law allows, in points (the theme's print style keeps to it).
    pub min_font_size_pt: u32,
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// The theme's section it titles: what_happened, what_information, what_we_are_doing,
    /// what_you_can_do or more_information.
    pub section: String,
    pub text: String,
    /// The notice elements written under it; each must be among the pack's `required`, so
    /// that `check` refuses a record that cannot fill the heading.
    #[serde(default)]
    pub elements: Vec<Element>,
}

/// The default theme's notice sections, in page order.
pub const NOTICE_SECTIONS: &[&str] = &[
    "what_happened",
    "what_information",
    "what_we_are_doing",
    "what_you_can_do",
    "more_information",
];

fn investigation_only() -> Vec<String> {
    vec!["investigation".to_string()]
}

/// A statute's reach: it applies when every condition of any one of its `any` lists holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statute {
    pub name: String,
    /// What it reaches, in plain words, for "does not apply" notes: "student data or teacher
    /// and principal evaluation (APPR) data".
    pub reaches: String,
    pub any: Vec<Vec<Condition>>,
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
    /// Its duties are owed to the state's residents only: with none affected, none apply.
    #[serde(default)]
    pub residents_only: bool,
    /// It binds whoever holds the data of the state's residents, wherever it is (a district
    /// of another state too): its duties follow the affected people home.
    #[serde(default)]
    pub reaches_elsewhere: bool,
}

/// A rule that moves the last day of a period that falls on a weekend or holiday to the next
/// business day (NY General Construction Law §25-a).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodEnd {
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
}

/// A legal category of data, e.g. NY STL §208 "private information".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub label: String,
    pub citation: String,
    pub elements: Vec<String>,
    /// Elements that joined the category later: they count only for breaches the district
    /// discovered on or after the date.
    #[serde(default)]
    pub added: Vec<Added>,
    #[serde(default)]
    pub doubt: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Added {
    pub element: String,
    pub on: NaiveDate,
    pub citation: String,
}

/// An element every notice must contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// `description`.
    Description,
    /// `occurred.from` / `occurred.to`.
    IncidentDates,
    /// `discovered`.
    DiscoveryDate,
    /// `data`: the types, categories and specific elements of information.
    DataElements,
    /// `affected.count`.
    Count,
    /// `investigation`.
    Investigation,
    /// The `[contact]` of site.toml.
    Contact,
    /// The agencies that help with identity theft (the pack's own list).
    Agencies,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    pub element: Element,
    /// What the law asks for, in its words.
    pub label: String,
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
    /// The law asks for it only "if known": a missing one is a warning, not an error.
    #[serde(default)]
    pub if_known: bool,
}

/// Who must notify whom, within how long, counted from what, and when it applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: String,
    /// Distinguishes variants of one id (e.g. "law-enforcement delay").
    #[serde(default)]
    pub variant: Option<String>,
    pub who: String,
    pub whom: String,
    pub within: Clock,
    pub from: Trigger,
    pub when: Vec<Condition>,
    /// Why the obligation applies, in words (shown when it does not).
    pub condition: String,
    pub citation: String,
    pub effective: NaiveDate,
    pub verified: NaiveDate,
    /// ⚠: not verified against primary text.
    #[serde(default)]
    pub doubt: Option<String>,
    /// A record field that also shows the obligation met, when `notified.<id>` is absent.
    #[serde(default)]
    pub met_by: Option<MetBy>,
    /// How notice must reach each person (e.g. "first-class mail, email or telephone"), when
    /// the law requires direct notice: a media release never discharges it.
    #[serde(default)]
    pub direct: Option<String>,
    /// How to file with an agency: the channel and its address.
    #[serde(default)]
    pub file: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetBy {
    /// `contractor.notified_district`.
    ContractorNotice,
    /// `published`: the notice was posted on the website.
    Published,
}

/// A target shown beside an obligation's legal deadline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub obligation: String,
    pub within: Clock,
    pub from: Trigger,
    pub note: String,
    #[serde(default)]
    pub citation: Option<String>,
    /// Only when the event its clock counts from came on or after this date.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
    /// Only when these conditions hold.
    #[serde(default)]
    pub when: Vec<Condition>,
}

/// When substitute notice (website posting, email, statewide media) may replace direct notice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Direct notice would cost more than this many dollars.
    pub cost_over: u64,
    /// More than this many persons would have to be notified.
    pub count_over: u64,
    /// The district lacks sufficient contact information.
    pub insufficient_contact: bool,
    pub citation: String,
    /// ⚠ about the cost threshold.
    #[serde(default)]
    pub cost_doubt: Option<String>,
    /// ⚠ about the number-of-persons threshold.
    #[serde(default)]
    pub count_doubt: Option<String>,
    /// The fewest days the website posting must stay up (California: 30).
    #[serde(default)]
    pub posting_days: Option<u32>,
    /// ⚠ about the posting period.
    #[serde(default)]
    pub posting_doubt: Option<String>,
}

/// An identity-protection service the law requires a notice to offer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub when: Vec<Condition>,
    /// Why the offer is required, in words.
    pub condition: String,
    pub months: u32,
    pub service: String,
    pub citation: String,
    #[serde(default)]
    pub doubt: Option<String>,
    /// Advice only: the law does not require it here, so `check` warns instead of refusing.
    #[serde(default)]
    pub advice: bool,
    /// Only for breaches the district discovered on or after this date.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
}

/// What every jurisdiction shares: federal agencies, the credit bureaus and the default
/// guidance.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    pub guidance: String,
    #[serde(rename = "agency")]
    pub agencies: Vec<Agency>,
    #[serde(rename = "bureau")]
    pub bureaus: Vec<Agency>,
}

impl Pack {
    /// The pack for a jurisdiction code (case-insensitive), if there is one.
    pub fn get(code: &str) -> Option<&'static Pack> {
        packs()
            .iter()
            .find(|pack| pack.code.eq_ignore_ascii_case(code))
    }

    /// The codes of every supported jurisdiction, sorted.
    pub fn supported() -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = PACKS.iter().map(|(code, _)| *code).collect();
        codes.sort_unstable();
        codes
    }

    /// The reader's "what you can do" guidance when a record gives none.
    pub fn guidance(&self) -> &str {
        self.guidance
            .as_deref()
            .unwrap_or_else(|| shared().guidance.as_str())
    }

    /// The agencies a notice lists: the state's own, then the federal ones.
    pub fn agencies(&self) -> Vec<&Agency> {
        self.agencies.iter().chain(&shared().agencies).collect()
    }

    /// The statutes of `obligation`'s `covered:` conditions.
    fn statutes_of<'a>(&'a self, conditions: &'a [Condition]) -> impl Iterator<Item = &'a Statute> {
        conditions.iter().filter_map(|c| match c {
            Condition::Covered(name) => self.statutes.get(name),
            _ => None,
        })
    }

    /// Whether the duty binds a district of another state whose affected people live here.
    pub fn follows_residents(&self, obligation: &Obligation) -> bool {
        self.reaches_elsewhere(&obligation.when)
    }

    /// Whether a rule with these conditions is under a statute that binds a district of
    /// another state whose affected people live here.
    pub fn reaches_elsewhere(&self, conditions: &[Condition]) -> bool {
        self.statutes_of(conditions).any(|s| s.reaches_elsewhere)
    }

    /// Whether the duty is owed to this state's residents only.
    pub fn residents_only(&self, conditions: &[Condition]) -> bool {
        self.statutes_of(conditions).any(|s| s.residents_only)
    }

    /// Every problem with the pack's data; empty for a sound pack. Run by the tests.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (id, category) in &self.categories {
            for element in &category.elements {
                if crate::vocabulary::element(element).is_none() {
                    problems.push(format!("category {id}: unknown data element {element}"));
                }
            }
        }
        for (id, category) in &self.categories {
            for added in &category.added {
                if !category.elements.contains(&added.element) {
                    problems.push(format!(
                        "category {id}: added element {} is not among its elements",
                        added.element
                    ));
                }
            }
        }
        let conditions = self
            .obligations
            .iter()
            .flat_map(|o| &o.when)
            .chain(self.identity_protection.iter().flat_map(|o| &o.when))
            .chain(self.recommended.iter().flat_map(|t| &t.when))
            .chain(self.count_withheld.iter().flat_map(|c| &c.when))
            .chain(self.statutes.values().flat_map(|s| s.any.iter().flatten()));
        for condition in conditions {
            if let Some(category) = condition.category() {
                if !self.categories.contains_key(category) {
                    problems.push(format!("condition names unknown category {category}"));
                }
            }
            if let Some(statute) = condition.statute() {
                if !self.statutes.contains_key(statute) {
                    problems.push(format!("condition names unknown statute {statute}"));
                }
            }
            if let Some(group) = condition.group() {
                if !crate::model::Group::ALL.iter().any(|g| g.as_str() == group) {
                    problems.push(format!("condition names unknown group {group}"));
                }
            }
        }
        if let Some(list) = &self.public_list {
            if !self.statutes.contains_key(&list.statute) {
                problems.push(format!(
                    "public list names unknown statute {}",
                    list.statute
                ));
            }
            if list.years == 0 || list.omit_under_percent.is_some_and(|p| p == 0 || p > 100) {
                problems
                    .push("public list: years must be positive, the percentage 1 to 100".into());
            }
        }
        for holiday in &self.holidays {
            if holiday
                .days(2026)
                .is_none_or(|days| days.is_empty() && holiday.since.is_none())
            {
                problems.push(format!("holiday {}: no valid date rule", holiday.name));
            }
        }
        for reason in &self.delay_reasons {
            if !crate::content::fields::DELAY_REASONS.contains(&reason.as_str()) {
                problems.push(format!("unknown delay reason {reason}"));
            }
        }
        for obligation in &self.obligations {
            if !OBLIGATION_IDS.contains(&obligation.id.as_str()) {
                problems.push(format!("unknown obligation id {}", obligation.id));
            }
            if obligation.when.is_empty() {
                problems.push(format!(
                    "{}: no condition (write \"always\")",
                    obligation.id
                ));
            }
            if obligation.when.contains(&Condition::Elsewhere)
                && !self.follows_residents(obligation)
            {
                problems.push(format!(
                    "{}: a duty for districts elsewhere must be under a statute that reaches them (`reaches_elsewhere`)",
                    obligation.id
                ));
            }
            if obligation.verified < obligation.effective {
                problems.push(format!("{}: verified before it took effect", obligation.id));
            }
        }
        if let Some(format) = &self.notice_format {
            let sections: Vec<&str> = format.headings.iter().map(|h| h.section.as_str()).collect();
            if sections != NOTICE_SECTIONS {
                problems.push(format!(
                    "notice_format: the headings must title {} in that order",
                    NOTICE_SECTIONS.join(", ")
                ));
            }
            for element in format.headings.iter().flat_map(|h| &h.elements) {
                if !self.required.iter().any(|r| r.element == *element) {
                    problems.push(format!(
                        "notice_format: {element:?} is under a heading but not required"
                    ));
                }
            }
        }
        for target in &self.recommended {
            if !self.obligations.iter().any(|o| o.id == target.obligation) {
                problems.push(format!(
                    "recommended target for unknown obligation {}",
                    target.obligation
                ));
            }
        }
        problems
    }
}

pub fn shared() -> &'static Shared {
    static SHARED_DATA: OnceLock<Shared> = OnceLock::new();
    SHARED_DATA.get_or_init(|| parse("shared.toml", SHARED))
}

fn packs() -> &'static [Pack] {
    static PARSED: OnceLock<Vec<Pack>> = OnceLock::new();
    PARSED.get_or_init(|| PACKS.iter().map(|(code, text)| parse(code, text)).collect())
}

/// The packs are part of the program; one that does not parse is a programming error,
/// caught by the tests below before any release.
fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    match toml::from_str(text) {
        Ok(value) => value,
        Err(error) => panic!("built-in rule pack {name} is invalid: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pack_is_sound() {
        for code in Pack::supported() {
            let pack = Pack::get(code).unwrap();
            assert_eq!(pack.problems(), Vec::<String>::new(), "{code}");
        }
    }

    #[test]
    fn every_pack_parses_and_matches_its_code() {
        for (code, _) in PACKS {
            let pack = Pack::get(code).expect("pack present");
            assert_eq!(pack.code, *code);
            assert!(pack.law.starts_with("This notice is provided under"));
            assert!(!pack.agencies.is_empty(), "{code} lists its own agencies");
        }
        assert!(Pack::get("ny").is_some(), "codes are case-insensitive");
        assert!(Pack::get("XX").is_none());
    }

    #[test]
    fn agencies_have_phone_numbers_websites_and_sources() {
        let mut all: Vec<&Agency> = shared().bureaus.iter().collect();
        for code in Pack::supported() {
            all.extend(Pack::get(code).unwrap().agencies());
        }
        for agency in all {
            assert!(
                agency.phone.chars().filter(char::is_ascii_digit).count() >= 10,
                "{}",
                agency.name
            );
            assert!(agency.website.starts_with("https://"), "{}", agency.name);
            assert!(!agency.source.is_empty(), "{}", agency.name);
            assert!(
                chrono::NaiveDate::parse_from_str(&agency.verified, "%Y-%m-%d").is_ok(),
                "{}",
                agency.name
            );
        }
    }

    /// Staff read a doubt as a doubt: each says, in the same words, that it was not
    /// verified against the statute text; and no district's policy is cited as state law.
    #[test]
    fn doubts_say_what_was_not_verified_and_policies_are_not_law() {
        for code in Pack::supported() {
            let pack = Pack::get(code).unwrap();
            let t = &pack.substitute_notice;
            let doubts = pack
                .obligations
                .iter()
                .map(|o| &o.doubt)
                .chain(pack.categories.values().map(|c| &c.doubt))
                .chain(pack.required.iter().map(|r| &r.doubt))
                .chain(pack.statutes.values().map(|s| &s.doubt))
                .chain(pack.identity_protection.iter().map(|o| &o.doubt))
                .chain(pack.period_end.iter().map(|p| &p.doubt))
                .chain(pack.notice_format.iter().map(|f| &f.doubt))
                .chain(pack.public_list.iter().map(|l| &l.doubt))
                .chain(pack.residents.iter().map(|r| &r.doubt))
                .chain([&t.cost_doubt, &t.count_doubt, &t.posting_doubt])
                .flatten();
            for doubt in doubts {
                assert!(
                    doubt.starts_with("Not verified against the statute text"),
                    "{code}: {doubt}"
                );
            }
            let citations = pack
                .obligations
                .iter()
                .map(|o| &o.citation)
                .chain(pack.required.iter().map(|r| &r.citation));
            for citation in citations {
                for district in ["Rye Neck", "Upper Darby", "Danbury"] {
                    assert!(!citation.contains(district), "{code}: {citation}");
                }
            }
        }
    }

    #[test]
    fn a_pack_naming_an_unknown_federal_holiday_is_refused() {
        let (_, tx) = PACKS.iter().find(|(code, _)| *code == "TX").unwrap();
        let known = "federal_holidays_not_observed = [\"columbus_day\", \"juneteenth\"]";
        assert!(tx.contains(known));
        let text = tx.replace(
            known,
            "federal_holidays_not_observed = [\"columbus\", \"juneteenth\"]",
        );
        let error = toml::from_str::<Pack>(&text).unwrap_err().to_string();
        assert!(
            error.contains("federal_holidays_not_observed: \"columbus\" is not a federal holiday"),
            "{error}"
        );
        assert!(error.contains("columbus_day"), "{error}");
        // Texas's own list names Columbus Day (Gov't Code §662.003(a) leaves it out).
        let pack = Pack::get("TX").unwrap();
        assert_eq!(
            pack.federal_holidays_not_observed,
            [FederalHoliday::ColumbusDay, FederalHoliday::Juneteenth]
        );
        assert!(pack.federal_holidays_not_moved);
        for code in ["NY", "CT", "PA", "IL", "CA"] {
            let pack = Pack::get(code).unwrap();
            assert!(pack.federal_holidays_not_observed.is_empty(), "{code}");
            assert!(!pack.federal_holidays_not_moved, "{code}");
        }
    }

    #[test]
    fn state_holidays_are_the_statutes_days() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let days = |code: &str, year| -> Vec<chrono::NaiveDate> {
            let mut all: Vec<_> = Pack::get(code)
                .unwrap()
                .holidays
                .iter()
                .flat_map(|h| h.days(year).unwrap())
                .collect();
            all.sort();
            all
        };
        // NY GCL §24: Lincoln's Birthday (Thursday February 12, 2026) and general election
        // day (Tuesday November 3, 2026).
        assert_eq!(days("NY", 2026), [day(2026, 2, 12), day(2026, 11, 3)]);
        // CT §1-4: Lincoln Day; Saturday February 12, 2028 is also kept on Friday 11.
        assert_eq!(days("CT", 2028), [day(2028, 2, 11), day(2028, 2, 12)]);
        // PA 44 P.S. §11: Good Friday (April 3, 2026), Flag Day (Sunday June 14, 2026,
        // kept on Monday 15), Election Day (November 3, 2026).
        assert_eq!(
            days("PA", 2026),
            [
                day(2026, 4, 3),
                day(2026, 6, 14),
                day(2026, 6, 15),
                day(2026, 11, 3)
            ]
        );
        // IL 5 ILCS 490/60, 490/15: Lincoln's Birthday (Sunday February 12, 2023, kept on
        // Monday 13) and Casimir Pulaski's Birthday (the first Monday of March: March 6, 2023).
        assert_eq!(
            days("IL", 2023),
            [day(2023, 2, 12), day(2023, 2, 13), day(2023, 3, 6)]
        );
        // Saturday February 12, 2028 is not moved (§60 moves a Sunday only); March 6, 2028.
        assert_eq!(days("IL", 2028), [day(2028, 2, 12), day(2028, 3, 6)]);
    }

    /// A duty written for districts elsewhere must be under a statute that reaches them;
    /// CT §36a-701b and NY GBL §899-aa do, PA's Act and NY §2-d do not.
    #[test]
    fn duties_follow_residents_only_under_statutes_that_reach_elsewhere() {
        let reaches = |code: &str, statute: &str| {
            Pack::get(code).unwrap().statutes[statute].reaches_elsewhere
        };
        assert!(reaches("CT", "ct_36a_701b") && reaches("NY", "gbl_899aa"));
        assert!(!reaches("CT", "ct_10_234dd") && !reaches("NY", "edlaw_2d"));
        assert!(!reaches("NY", "stl_208") && !reaches("PA", "pa_act"));
        let mut pack = Pack::get("PA").unwrap().clone();
        let mut stray = pack.obligations[0].clone();
        stray.when.push(Condition::Elsewhere);
        pack.obligations.push(stray);
        assert_eq!(
            pack.problems(),
            ["individuals: a duty for districts elsewhere must be under a statute that reaches them (`reaches_elsewhere`)"]
        );
    }

    #[test]
    fn the_three_credit_bureaus_are_listed() {
        let names: Vec<&str> = shared().bureaus.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Equifax", "Experian", "TransUnion"]);
    }

    #[test]
    fn ny_lists_the_agencies_of_law_md() {
        let ny = Pack::get("NY").unwrap();
        let phones: Vec<&str> = ny.agencies().iter().map(|a| a.phone.as_str()).collect();
        assert_eq!(
            phones,
            ["1-800-771-7755", "1-800-697-1220", "1-877-438-4338"]
        );
    }
}

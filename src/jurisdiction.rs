//! Jurisdiction rule packs: data files built into the binary (`src/packs/*.toml`), parsed
//! into typed rules. Adding a jurisdiction is adding a file to `PACKS`.

use std::sync::OnceLock;

use serde::Deserialize;

const PACKS: &[(&str, &str)] = &[
    ("CT", include_str!("packs/ct.toml")),
    ("NY", include_str!("packs/ny.toml")),
    ("PA", include_str!("packs/pa.toml")),
];
const SHARED: &str = include_str!("packs/shared.toml");

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
    /// Markdown "what you can do" text replacing the shared one.
    #[serde(default)]
    pub guidance: Option<String>,
    #[serde(default, rename = "agency")]
    pub agencies: Vec<Agency>,
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
        PACKS.iter().map(|(code, _)| *code).collect()
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
    fn every_pack_parses_and_matches_its_code() {
        for (code, _) in PACKS {
            let pack = Pack::get(code).expect("pack present");
            assert_eq!(pack.code, *code);
            assert!(pack.law.starts_with("This notice is provided under"));
            assert!(!pack.agencies.is_empty(), "{code} lists its own agencies");
        }
        assert!(Pack::get("ny").is_some(), "codes are case-insensitive");
        assert!(Pack::get("TX").is_none());
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

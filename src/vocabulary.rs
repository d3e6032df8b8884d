//! The data elements a record may list under `data` (`src/packs/vocabulary.toml`), each
//! with its plain-language label and the category a notice groups it under.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

const VOCABULARY: &str = include_str!("packs/vocabulary.toml");

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: String,
    pub label: String,
    pub category: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    /// Category id → heading shown to readers; the order of the file is kept by sorting
    /// on first use below.
    categories: BTreeMap<String, String>,
    #[serde(rename = "element")]
    elements: Vec<Element>,
    #[serde(rename = "step")]
    steps: Vec<Step>,
}

/// Something a reader should do now, called for by some of the elements.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub elements: Vec<String>,
    /// Markdown, in English.
    pub text: String,
    /// The federal page the step follows, and its name for a link.
    pub source: String,
    pub source_title: String,
}

fn vocabulary() -> &'static Vocabulary {
    static PARSED: OnceLock<Vocabulary> = OnceLock::new();
    PARSED.get_or_init(|| match toml::from_str(VOCABULARY) {
        Ok(vocabulary) => vocabulary,
        // Built into the binary and checked by the tests below.
        Err(error) => panic!("built-in vocabulary is invalid: {error}"),
    })
}

/// The element with this id.
pub fn element(id: &str) -> Option<&'static Element> {
    vocabulary()
        .elements
        .iter()
        .find(|element| element.id == id)
}

/// Every element id, in the order of the vocabulary file.
pub fn ids() -> impl Iterator<Item = &'static str> {
    vocabulary()
        .elements
        .iter()
        .map(|element| element.id.as_str())
}

/// The steps that the elements `ids` call for, in the vocabulary's order.
pub fn steps_for(ids: &[String]) -> impl Iterator<Item = &'static Step> + '_ {
    vocabulary()
        .steps
        .iter()
        .filter(move |step| step.elements.iter().any(|e| ids.contains(e)))
}

/// Every step, in order.
pub fn steps() -> &'static [Step] {
    &vocabulary().steps
}

/// The heading of a category.
pub fn category_label(category: &str) -> &'static str {
    vocabulary()
        .categories
        .get(category)
        .map_or("Other information", String::as_str)
}

/// The position of a category in the vocabulary file's element order, so that notices
/// list categories in a stable, meaningful order.
pub fn category_rank(category: &str) -> usize {
    vocabulary()
        .elements
        .iter()
        .position(|element| element.category == category)
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUIRED: [&str; 20] = [
        "student_name",
        "parent_name",
        "address",
        "date_of_birth",
        "place_of_birth",
        "mothers_maiden_name",
        "student_id",
        "ssn",
        "drivers_license",
        "financial_account",
        "biometric",
        "username_password",
        "contact_info",
        "health",
        "grades",
        "special_education",
        "disciplinary",
        "directory_information",
        "student_generated_content",
        "teacher_principal_appr",
    ];

    #[test]
    fn covers_the_vocabulary_of_the_spec() {
        for id in REQUIRED {
            assert!(element(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn every_element_calls_for_a_step_and_every_step_cites_a_federal_page() {
        for id in ids() {
            assert!(
                steps_for(&[id.to_string()]).next().is_some(),
                "{id} calls for no step"
            );
        }
        for step in steps() {
            assert!(
                step.elements.iter().all(|e| element(e).is_some()),
                "{}: {:?}",
                step.id,
                step.elements
            );
            assert!(
                step.source.starts_with("https://www.identitytheft.gov/")
                    || step.source.starts_with("https://consumer.ftc.gov/"),
                "{}",
                step.source
            );
        }
        // Student records alone call for no password change or credit freeze.
        let records: Vec<String> = ["student_name", "grades"].map(String::from).to_vec();
        let chosen: Vec<&str> = steps_for(&records).map(|s| s.id.as_str()).collect();
        assert_eq!(chosen, ["phishing"]);
        let payroll: Vec<String> = ["staff_name", "ssn", "bank_account"]
            .map(String::from)
            .to_vec();
        let chosen: Vec<&str> = steps_for(&payroll).map(|s| s.id.as_str()).collect();
        assert_eq!(chosen, ["credit_freeze", "bank", "phishing"]);
    }

    #[test]
    fn every_element_has_a_label_and_a_known_category() {
        let mut seen = std::collections::BTreeSet::new();
        for id in ids() {
            assert!(seen.insert(id), "{id} listed twice");
            let element = element(id).unwrap();
            assert!(!element.label.is_empty());
            assert!(
                vocabulary().categories.contains_key(&element.category),
                "{id}: unknown category {}",
                element.category
            );
        }
        assert_eq!(category_label("financial"), "Financial information");
    }
}

//! The US states and territories a record may name in `affected.residents`, by postal
//! code, with their names for messages ("3 affected people live in New Jersey").

const STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "the District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("AS", "American Samoa"),
    ("GU", "Guam"),
    ("MP", "the Northern Mariana Islands"),
    ("PR", "Puerto Rico"),
    ("VI", "the U.S. Virgin Islands"),
];

/// The postal code of a state written as its code (any case) or its name: `CT`, `ct`,
/// `Connecticut`.
pub fn code(written: &str) -> Option<&'static str> {
    let written = written.trim();
    STATES
        .iter()
        .find(|(code, name)| {
            code.eq_ignore_ascii_case(written)
                || name
                    .trim_start_matches("the ")
                    .eq_ignore_ascii_case(written)
        })
        .map(|(code, _)| *code)
}

/// The state's name, for sentences: "New Jersey", "the District of Columbia".
pub fn name(code: &str) -> &'static str {
    STATES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map_or("an unknown state", |(_, name)| *name)
}

/// Every postal code, for "did you mean" hints.
pub fn codes() -> impl Iterator<Item = &'static str> + Clone {
    STATES.iter().map(|(code, _)| *code)
}

/// Every name, for "did you mean" hints.
pub fn names() -> impl Iterator<Item = &'static str> + Clone {
    STATES
        .iter()
        .map(|(_, name)| name.trim_start_matches("the "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_read_either_way() {
        assert_eq!(code("CT"), Some("CT"));
        assert_eq!(code("nj"), Some("NJ"));
        assert_eq!(code("New Jersey"), Some("NJ"));
        assert_eq!(code("district of columbia"), Some("DC"));
        assert_eq!(code("XX"), None);
        assert_eq!(name("NJ"), "New Jersey");
        assert_eq!(codes().count(), 56);
    }

    #[test]
    fn every_pack_is_a_state() {
        for pack in super::super::Pack::supported() {
            assert_eq!(code(pack), Some(pack), "{pack}");
        }
    }
}

//! "Did you mean" suggestions for misspelled field names and vocabulary values.

/// The candidate closest to `input`, if one is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = normalise(input);
    candidates
        .into_iter()
        .map(|candidate| {
            let normalised = normalise(candidate);
            let mut score = strsim::normalized_damerau_levenshtein(&input, &normalised);
            // An abbreviation (`special_ed`) is as likely a slip as a typo.
            if input.len() >= 4 && normalised.starts_with(&input) {
                score = score.max(0.8);
            }
            (score, candidate)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// Case, spaces and hyphens are common slips, not differences.
fn normalise(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let fields = ["title", "status", "summary", "discovered", "description"];
        assert_eq!(closest("sumary", fields), Some("summary"));
        assert_eq!(closest("Discovered", fields), Some("discovered"));
        assert_eq!(closest("descripton", fields), Some("description"));
        assert_eq!(closest("colour", fields), None);
        assert_eq!(
            closest("special_ed", ["special_education", "ssn"]),
            Some("special_education")
        );
    }

    #[test]
    fn treats_spaces_and_hyphens_as_underscores() {
        assert_eq!(
            closest("date of birth", ["date_of_birth", "ssn"]),
            Some("date_of_birth")
        );
        assert_eq!(
            closest("student-id", ["student_id", "ssn"]),
            Some("student_id")
        );
    }
}

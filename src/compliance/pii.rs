//! The PII guard: finds US Social Security numbers and payment card numbers in text that
//! is about to be published. A notice describes a breach; it must never repeat one.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SocialSecurityNumber,
    CardNumber,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::SocialSecurityNumber => "what looks like a Social Security number",
            Kind::CardNumber => "what looks like a payment card number",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// The text as written, e.g. `123-45-6789`.
    pub text: String,
}

/// Every SSN or card number in `text`, except those listed in `allow` (exact matches).
pub fn find(text: &str, allow: &[String]) -> Vec<Finding> {
    // Both kinds have nine digits or more: most texts have fewer in all.
    if text.bytes().filter(u8::is_ascii_digit).count() < 9 {
        return Vec::new();
    }
    let mut findings: Vec<Finding> = Vec::new();
    let mut add = |kind, found: &str| {
        let allowed = allow.iter().any(|a| a.trim() == found);
        if !allowed && !findings.iter().any(|f| f.text == found) {
            findings.push(Finding {
                kind,
                text: found.to_string(),
            });
        }
    };
    for (start, run) in digit_runs(text) {
        // Both kinds have nine digits or more; most runs (dates, counts) have fewer.
        if run.bytes().filter(u8::is_ascii_digit).count() < 9 {
            continue;
        }
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        let bare_ssn = digits.len() == 9
            && run.len() == 9
            && valid_ssn(&digits)
            && mentions_ssn(&text[..start]);
        if bare_ssn {
            add(Kind::SocialSecurityNumber, run);
        } else if (13..=19).contains(&digits.len()) && luhn(&digits) {
            add(Kind::CardNumber, run);
        }
        // Digits joined by spaces (text pasted from a table) can hide an SSN inside a
        // longer run: test every group of three words.
        let words: Vec<&str> = run.split([' ', '-']).collect();
        let mut offset = 0;
        let mut positions = Vec::new();
        for word in &words {
            positions.push(offset);
            offset += word.len() + 1;
        }
        for i in 0..words.len().saturating_sub(2) {
            let candidate = &run[positions[i]..positions[i + 2] + words[i + 2].len()];
            let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
            if is_ssn_shape(candidate) && valid_ssn(&digits) {
                add(Kind::SocialSecurityNumber, candidate);
            }
        }
    }
    findings
}

/// Maximal runs of digits joined by single spaces or hyphens, with their byte offsets.
fn digit_runs(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len() {
            let joins_digits = matches!(bytes[end], b' ' | b'-')
                && end + 1 < bytes.len()
                && bytes[end + 1].is_ascii_digit()
                && bytes[end - 1].is_ascii_digit();
            if !(bytes[end].is_ascii_digit() || joins_digits) {
                break;
            }
            end += 1;
        }
        let followed_by_word = end < bytes.len() && bytes[end].is_ascii_alphabetic();
        if !followed_by_word {
            runs.push((start, &text[start..end]));
        }
        i = end.max(i + 1);
    }
    runs
}

/// `123-45-6789` or `123 45 6789`.
fn is_ssn_shape(run: &str) -> bool {
    let parts: Vec<&str> = run.split(['-', ' ']).collect();
    let separators: Vec<char> = run.chars().filter(|c| !c.is_ascii_digit()).collect();
    parts.len() == 3
        && parts[0].len() == 3
        && parts[1].len() == 2
        && parts[2].len() == 4
        && separators.windows(2).all(|w| w[0] == w[1])
}

/// Numbers the Social Security Administration never issues are not SSNs.
fn valid_ssn(digits: &str) -> bool {
    let (area, rest) = digits.split_at(3);
    let (group, serial) = rest.split_at(2);
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

fn mentions_ssn(before: &str) -> bool {
    let window: String = before
        .chars()
        .rev()
        .take(30)
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let lower = window.to_lowercase();
    ["ssn", "social security", "ss#", "ss #"]
        .iter()
        .any(|w| lower.contains(w))
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        find(text, &[]).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn finds_formatted_social_security_numbers() {
        assert_eq!(
            kinds("The SSN 123-45-6789 was exposed."),
            [Kind::SocialSecurityNumber]
        );
        assert_eq!(
            kinds("as 123 45 6789 in the file"),
            [Kind::SocialSecurityNumber]
        );
    }

    #[test]
    fn finds_bare_ssns_only_next_to_the_words() {
        assert_eq!(kinds("SSN: 123456789"), [Kind::SocialSecurityNumber]);
        assert!(kinds("reference 123456789").is_empty());
    }

    #[test]
    fn ignores_numbers_that_are_never_issued() {
        assert!(kinds("000-12-3456 666-12-3456 912-34-5678 123-00-4567 123-45-0000").is_empty());
    }

    #[test]
    fn ignores_dates_phone_numbers_and_counts() {
        assert!(kinds(
            "On 2025-01-08 call 1-800-771-7755 or 914-555-0142; 12,840 people; ZIP 10599-1234."
        )
        .is_empty());
    }

    #[test]
    fn finds_luhn_valid_card_numbers() {
        assert_eq!(kinds("card 4111 1111 1111 1111 used"), [Kind::CardNumber]);
        assert_eq!(kinds("card 4111-1111-1111-1111"), [Kind::CardNumber]);
        assert_eq!(kinds("5500005555555559"), [Kind::CardNumber]);
        assert!(
            kinds("4111 1111 1111 1112").is_empty(),
            "fails the Luhn check"
        );
        assert!(kinds("411111111111").is_empty(), "too short");
    }

    #[test]
    fn finds_ssns_inside_longer_runs_of_numbers() {
        let found = find("Rows 3 078-05-1120 and 4 219-09-9998", &[]);
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["078-05-1120", "219-09-9998"]);
    }

    #[test]
    fn the_same_number_twice_is_one_finding() {
        assert_eq!(find("123-45-6789 and again 123-45-6789", &[]).len(), 1);
    }

    #[test]
    fn allowed_texts_are_accepted() {
        assert!(find("Case 123-45-6789 is closed", &["123-45-6789".to_string()]).is_empty());
        assert_eq!(
            find(
                "Case 123-45-6789 and 234-56-7890",
                &["123-45-6789".to_string()]
            )
            .len(),
            1
        );
    }
}

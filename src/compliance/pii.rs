//! The PII guard: finds US Social Security numbers and payment card numbers in text that
//! is about to be published. A notice describes a breach; it must never repeat one.
//!
//! Text is read the way a person reads it, whatever was pasted from Word or a PDF: it is
//! first [normalised](normalize) (HTML entities and Markdown escapes decoded, Unicode
//! NFKC, zero-width and other invisible format characters removed, every dash read as
//! `-` and every space, tab or run of spaces as one space), then matched:
//!
//! - `123-45-6789` (any dash, with or without spaces around it) wherever it stands apart;
//! - `123 45 6789` and `123.45.6789` when they stand alone and the last group is not a
//!   year (`412 38 2025` is three numbers), or right after words such as "SSN";
//! - nine bare digits right after such words (`SSN: 123456789`);
//! - card numbers: 13 to 19 digits that pass the Luhn check, with a card network's
//!   prefix and length, bare or grouped as cards are printed (`4111 1111 1111 1111`,
//!   `3782 822463 10005`). A 15-digit IMEI has neither.
//!
//! Numbers never issued as SSNs (area 000, 666 or 900–999, group 00, serial 0000), and
//! numbers attached to letters (`CV-123-45-6789`, `A123456789`), are not reported.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

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

    /// The plural, for hints: "remove it or describe it in words (…)".
    pub fn plural(self) -> &'static str {
        match self {
            Kind::SocialSecurityNumber => "Social Security numbers",
            Kind::CardNumber => "payment card numbers",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// The text as written, e.g. `123-45-6789` or `123&ndash;45&ndash;6789`.
    pub text: String,
    /// Where `text` is in the text searched, in bytes.
    pub bytes: Range<usize>,
}

/// Text as a person reads it, each character with the bytes of the original it came from.
pub struct Normalized {
    pub chars: Vec<char>,
    pub spans: Vec<Range<usize>>,
}

impl Normalized {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    fn push(&mut self, c: char, span: Range<usize>) {
        // Runs of spaces are one space, covering all of them.
        if c == ' ' && self.chars.last() == Some(&' ') {
            if let Some(last) = self.spans.last_mut() {
                last.end = span.end;
            }
            return;
        }
        self.chars.push(c);
        self.spans.push(span);
    }
}

/// See the module's documentation.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        chars: Vec::with_capacity(text.len()),
        spans: Vec::with_capacity(text.len()),
    };
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let rest = &text[at..];
        let (decoded, len) = if c == '&' {
            entity(rest).unwrap_or((c, 1))
        } else if c == '\\' {
            match rest[1..].chars().next() {
                Some(escaped) if escaped.is_ascii_punctuation() => (escaped, 2),
                _ => (c, 1),
            }
        } else {
            (c, c.len_utf8())
        };
        let span = at..at + len;
        if decoded.is_ascii() {
            // ASCII is its own NFKC form: the common case, without the tables.
            if let Some(n) = unify(decoded) {
                out.push(n, span);
            }
        } else {
            for n in std::iter::once(decoded).nfkc() {
                if let Some(n) = unify(n) {
                    out.push(n, span.clone());
                }
            }
        }
        at += len;
    }
    out
}

/// Dashes as `-`, spaces as ` `, invisible format characters as nothing.
fn unify(c: char) -> Option<char> {
    if is_invisible(c) {
        return None;
    }
    Some(match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\n' | '\r' => '\n',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Format characters (Unicode category Cf) that show nothing: zero-width spaces and
/// joiners, direction marks and overrides, the soft hyphen, the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// An HTML character reference at the start of `text`: the character and its length.
fn entity(text: &str) -> Option<(char, usize)> {
    let (semicolon, _) = text
        .char_indices()
        .skip(1)
        .take(32)
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))?;
    if !text[semicolon..].starts_with(';') {
        return None;
    }
    let name = &text[1..semicolon];
    let end = semicolon;
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "nbsp" | "NonBreakingSpace" => '\u{A0}',
            "ensp" => '\u{2002}',
            "emsp" => '\u{2003}',
            "emsp13" => '\u{2004}',
            "emsp14" => '\u{2005}',
            "numsp" => '\u{2007}',
            "puncsp" => '\u{2008}',
            "thinsp" | "ThinSpace" => '\u{2009}',
            "hairsp" | "VeryThinSpace" => '\u{200A}',
            "MediumSpace" => '\u{205F}',
            "Tab" => '\t',
            "zwsp" | "ZeroWidthSpace" | "NegativeVeryThinSpace" => '\u{200B}',
            "zwnj" => '\u{200C}',
            "zwj" => '\u{200D}',
            "lrm" => '\u{200E}',
            "rlm" => '\u{200F}',
            "NoBreak" => '\u{2060}',
            "shy" => '\u{AD}',
            "hyphen" | "dash" => '\u{2010}',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "horbar" => '\u{2015}',
            "minus" => '\u{2212}',
            "period" => '.',
            "sol" => '/',
            "num" => '#',
            "colon" => ':',
            "amp" => '&',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// Every SSN or card number in `text`, except those listed in `allow` (matched as written
/// or as read: `123&#45;45&#45;6789` is allowed by `123-45-6789`).
pub fn find(text: &str, allow: &[String]) -> Vec<Finding> {
    // Both kinds have nine digits or more (full-width digits count; digits written as
    // entities have digits in them); most texts have fewer in all.
    if text.chars().filter(|c| c.is_numeric()).count() < 9 {
        return Vec::new();
    }
    let normalized = normalize(text);
    let allowed: Vec<String> = allow
        .iter()
        .map(|a| normalize(a.trim()).text().trim().to_string())
        .collect();
    let mut findings: Vec<Finding> = Vec::new();
    for (kind, chars) in matches(&normalized.chars) {
        let (Some(first), Some(last)) = (
            normalized.spans.get(chars.start),
            normalized.spans.get(chars.end - 1),
        ) else {
            continue;
        };
        let bytes = first.start..last.end;
        let written = text[bytes.clone()].to_string();
        let read: String = normalized.chars[chars].iter().collect();
        let is_allowed = allow.iter().any(|a| a.trim() == written) || allowed.contains(&read);
        if !is_allowed && !findings.iter().any(|f| f.text == written) {
            findings.push(Finding {
                kind,
                text: written,
                bytes,
            });
        }
    }
    findings
}

/// The problem reported for `finding` in `file`: what was found and what to do.
pub fn problem(file: &str, finding: &Finding, allow_hint: &str) -> crate::diagnostics::Diagnostic {
    crate::diagnostics::Diagnostic::error(
        file,
        format!(
            "this text contains {}: a published page must never repeat the data that was breached",
            finding.kind.describe()
        ),
    )
    .found(format!("\"{}\"", finding.text))
    .hint(format!(
        "remove it or describe it in words (\"{}\"){allow_hint}",
        finding.kind.plural()
    ))
}

/// Checks a published page text that is not a record (`content/_index.md` and its
/// translations): every finding is an error at its line.
pub fn check_page(file: &str, text: &str, diagnostics: &mut crate::diagnostics::Diagnostics) {
    let findings = find(text, &[]);
    if findings.is_empty() {
        return;
    }
    diagnostics.add_source(file, text);
    for finding in findings {
        let location = crate::diagnostics::Location::from_bytes(text, finding.bytes.clone());
        diagnostics.push(problem(file, &finding, "").at(&location));
    }
}

/// A run of digit groups joined by separators, in normalised characters.
struct Run {
    groups: Vec<Range<usize>>,
    /// `separators[i]` joins `groups[i]` and `groups[i + 1]`: `-`, `.` or ` `.
    separators: Vec<char>,
}

/// What is found in normalised text, as character ranges.
fn matches(chars: &[char]) -> Vec<(Kind, Range<usize>)> {
    let mut found = Vec::new();
    for run in runs(chars) {
        let digits_of = |from: usize, to: usize| -> String {
            run.groups[from..=to]
                .iter()
                .flat_map(|g| chars[g.clone()].iter())
                .collect()
        };
        let span = |from: usize, to: usize| run.groups[from].start..run.groups[to].end;
        let n = run.groups.len();
        // Cards: the whole run, or any part of it grouped as a card is printed.
        'cards: for from in 0..n {
            for to in (from..n).rev() {
                let digits = digits_of(from, to);
                if digits.len() < 13 {
                    break;
                }
                let lengths: Vec<usize> = run.groups[from..=to].iter().map(Range::len).collect();
                let same_separators = run.separators[from..to].windows(2).all(|w| w[0] == w[1]);
                if digits.len() <= 19
                    && same_separators
                    && card_grouping(&lengths)
                    && card_network(&digits)
                    && luhn(&digits)
                {
                    found.push((Kind::CardNumber, span(from, to)));
                    break 'cards;
                }
            }
        }
        // Nine bare digits after words such as "SSN".
        for (i, group) in run.groups.iter().enumerate() {
            let digits = digits_of(i, i);
            if group.len() == 9 && valid_ssn(&digits) && mentions_ssn(chars, group.start) {
                found.push((Kind::SocialSecurityNumber, group.clone()));
            }
        }
        // 3-2-4 groups.
        for i in 0..n.saturating_sub(2) {
            let lengths = [
                run.groups[i].len(),
                run.groups[i + 1].len(),
                run.groups[i + 2].len(),
            ];
            let separator = run.separators[i];
            if lengths != [3, 2, 4] || run.separators[i + 1] != separator {
                continue;
            }
            let digits = digits_of(i, i + 2);
            if !valid_ssn(&digits) {
                continue;
            }
            // Apart from the rest of the run: at its ends, or joined to it otherwise.
            let apart = (i == 0 || run.separators[i - 1] != separator)
                && (i + 2 == n - 1 || run.separators[i + 2] != separator);
            let last = &digits[5..];
            let year = last.starts_with("19") || last.starts_with("20");
            let strong = separator == '-';
            if mentions_ssn(chars, run.groups[i].start) || (apart && (strong || !year)) {
                found.push((Kind::SocialSecurityNumber, span(i, i + 2)));
            }
        }
    }
    found.sort_by_key(|(_, range)| range.start);
    found
}

/// Maximal runs of digit groups joined by one separator each (`-`, `.` or a space, and
/// spaces around a `-`), that are not part of a word or of a decimal number.
fn runs(chars: &[char]) -> Vec<Run> {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) {
            i += 1;
            continue;
        }
        // Attached to a word (`A123`, `CV-123`) or a number (`3.14`, `1,234`): not one.
        let attached = i > 0
            && (letter(i - 1)
                || (matches!(chars[i - 1], '.' | ',' | '/' | '-' | '_') && i > 1 && letter(i - 2)));
        let mut run = Run {
            groups: Vec::new(),
            separators: Vec::new(),
        };
        let mut at = i;
        loop {
            let start = at;
            while digit(at) {
                at += 1;
            }
            run.groups.push(start..at);
            // A separator: spaces with at most one `-` or `.` among them, then a digit.
            let mut end = at;
            let mut mark = None;
            while let Some(&c) = chars.get(end) {
                match c {
                    ' ' => {}
                    '-' | '.' if mark.is_none() => mark = Some(c),
                    _ => break,
                }
                end += 1;
            }
            if end > at && end - at <= 3 && digit(end) {
                run.separators.push(mark.unwrap_or(' '));
                at = end;
            } else {
                break;
            }
        }
        // Followed by a word (`6789th`, `6789-A`): part of an identifier.
        let followed = letter(at)
            || (matches!(chars.get(at), Some('-' | '_' | '/')) && letter(at + 1))
            || (chars.get(at) == Some(&'.') && digit(at + 1));
        if !attached && !followed {
            runs.push(run);
        }
        i = at.max(i + 1);
    }
    runs
}

/// Cards are printed bare, in fours (the last group shorter), or as American Express and
/// Diners Club print them (4-6-5, 4-6-4).
fn card_grouping(lengths: &[usize]) -> bool {
    match lengths {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [init @ .., last] => init.iter().all(|&l| l == 4) && (1..=4).contains(last),
        [] => false,
    }
}

/// A payment network's prefix and a length it issues.
fn card_network(digits: &str) -> bool {
    let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
    let len = digits.len();
    let (Some(p1), Some(p2), Some(p3), Some(p4), Some(p6)) =
        (prefix(1), prefix(2), prefix(3), prefix(4), prefix(6))
    else {
        return false;
    };
    (p1 == 4 && matches!(len, 13 | 16 | 19))
        || (((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && len == 16)
        || (matches!(p2, 34 | 37) && len == 15)
        || ((p4 == 6011
            || (644..=649).contains(&p3)
            || p2 == 65
            || (622126..=622925).contains(&p6))
            && (16..=19).contains(&len))
        || (((300..=305).contains(&p3) || matches!(p2, 36 | 38 | 39)) && (14..=19).contains(&len))
        || ((3528..=3589).contains(&p4) && (16..=19).contains(&len))
        || (p2 == 62 && (16..=19).contains(&len))
        || ((matches!(
            p4,
            5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761 | 6762 | 6763
        )) && (16..=19).contains(&len))
}

/// Numbers the Social Security Administration never issues are not SSNs.
fn valid_ssn(digits: &str) -> bool {
    if digits.len() != 9 {
        return false;
    }
    let (area, rest) = digits.split_at(3);
    let (group, serial) = rest.split_at(2);
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

/// Whether the words just before `at` name a Social Security number.
fn mentions_ssn(chars: &[char], at: usize) -> bool {
    let from = at.saturating_sub(30);
    let window: String = chars[from..at].iter().collect::<String>().to_lowercase();
    [
        "ssn",
        "social security",
        "ss#",
        "ss #",
        "ss no",
        "soc sec",
        "soc. sec",
    ]
    .iter()
    .any(|w| window.contains(w))
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

    const SSN: Option<Kind> = Some(Kind::SocialSecurityNumber);
    const CARD: Option<Kind> = Some(Kind::CardNumber);

    /// Text, what must be found in it (or `None`: nothing), and why.
    const CASES: &[(&str, Option<Kind>, &str)] = &[
        // Social Security numbers, as people paste them.
        ("The SSN 123-45-6789 was exposed.", SSN, "the standard form"),
        (
            "as 123 45 6789 in the file",
            SSN,
            "spaces, standing alone, no year",
        ),
        ("SSN: 123456789", SSN, "bare digits after the word"),
        (
            "Social Security number 219099999",
            SSN,
            "bare digits after the words",
        ),
        ("ss# 078051120", SSN, "the ss# abbreviation"),
        ("id 123\u{2010}45\u{2010}6789", SSN, "U+2010 hyphen"),
        (
            "id 123\u{2011}45\u{2011}6789",
            SSN,
            "U+2011 non-breaking hyphen (from Word)",
        ),
        ("id 123\u{2012}45\u{2012}6789", SSN, "U+2012 figure dash"),
        ("id 123\u{2013}45\u{2013}6789", SSN, "U+2013 en dash"),
        ("id 123\u{2014}45\u{2014}6789", SSN, "U+2014 em dash"),
        ("id 123\u{2015}45\u{2015}6789", SSN, "U+2015 horizontal bar"),
        ("id 123\u{2212}45\u{2212}6789", SSN, "U+2212 minus sign"),
        (
            "id 123\u{FF0D}45\u{FF0D}6789",
            SSN,
            "full-width hyphen-minus",
        ),
        (
            "id \u{FF11}\u{FF12}\u{FF13}-45-6789",
            SSN,
            "full-width digits (NFKC)",
        ),
        ("id 123\u{A0}45\u{A0}6789", SSN, "no-break spaces"),
        ("id 123\u{2009}45\u{2009}6789", SSN, "thin spaces"),
        (
            "id 123\u{202F}45\u{202F}6789",
            SSN,
            "narrow no-break spaces",
        ),
        ("id 123\t45\t6789", SSN, "tabs (a table pasted from a PDF)"),
        ("id 123  45  6789", SSN, "double spaces"),
        ("id 123.45.6789", SSN, "dots as separators"),
        ("id 123 - 45 - 6789", SSN, "spaces around the dashes"),
        ("id 123\\-45\\-6789", SSN, "Markdown escapes"),
        ("id 123&#45;45&#45;6789", SSN, "decimal HTML entities"),
        ("id 123&#x2D;45&#x2d;6789", SSN, "hexadecimal HTML entities"),
        ("id 123&ndash;45&ndash;6789", SSN, "named HTML entities"),
        ("id 123&nbsp;45&nbsp;6789", SSN, "&nbsp; between the groups"),
        ("id 123-45-6789", SSN, "plain hyphens even without the word"),
        (
            "id 12\u{200B}3-45-67\u{200B}89",
            SSN,
            "zero-width spaces inside the digits",
        ),
        (
            "id 123\u{200D}-\u{2060}45-\u{FEFF}6789",
            SSN,
            "joiners, word joiner, BOM",
        ),
        ("id 123\u{AD}-45-6789", SSN, "a soft hyphen"),
        (
            "id 1\u{202E}23-45-6789",
            SSN,
            "a bidirectional override inside",
        ),
        (
            "SSN 412 38 2025",
            SSN,
            "a year-like end, but the word is there",
        ),
        (
            "Rows 3 078-05-1120 and 4",
            SSN,
            "hyphens inside a run joined by spaces",
        ),
        ("(123-45-6789)", SSN, "in parentheses"),
        (
            "SSN:123-45-6789.",
            SSN,
            "no space after the colon, period after",
        ),
        // Payment cards.
        ("card 4111 1111 1111 1111 used", CARD, "Visa in fours"),
        ("card 4111-1111-1111-1111", CARD, "Visa with hyphens"),
        ("5500005555555559", CARD, "Mastercard, bare"),
        (
            "card 4111\u{A0}1111\u{A0}1111\u{A0}1111",
            CARD,
            "no-break spaces",
        ),
        (
            "card 4111\u{2009}1111\u{2009}1111\u{2009}1111",
            CARD,
            "thin spaces",
        ),
        (
            "card 4111&nbsp;1111&nbsp;1111&nbsp;1111",
            CARD,
            "&nbsp; entities",
        ),
        (
            "card 4111\u{2013}1111\u{2013}1111\u{2013}1111",
            CARD,
            "en dashes",
        ),
        (
            "amex 3782 822463 10005",
            CARD,
            "American Express grouping 4-6-5",
        ),
        ("amex 378282246310005", CARD, "American Express, bare"),
        (
            "diners 3056 930902 5904",
            CARD,
            "Diners Club grouping 4-6-4",
        ),
        ("discover 6011 1111 1111 1117", CARD, "Discover"),
        ("jcb 3530 1113 3330 0000", CARD, "JCB"),
        ("mc 2223 0031 2200 3222", CARD, "Mastercard 2-series"),
        (
            "4111\u{200B}1111\u{200B}1111\u{200B}1111",
            CARD,
            "zero-width spaces between",
        ),
        ("card \u{FF14}111111111111111", CARD, "a full-width digit"),
        ("card 4111 1111 1111 1111.", CARD, "end of sentence"),
        // Not personal data: must not be reported.
        ("000-12-3456", None, "area 000 is never issued"),
        ("666-12-3456", None, "area 666 is never issued"),
        (
            "912-34-5678",
            None,
            "areas 900-999 are never issued (ITINs)",
        ),
        ("123-00-4567", None, "group 00 is never issued"),
        ("123-45-0000", None, "serial 0000 is never issued"),
        (
            "reference 123456789",
            None,
            "nine bare digits without the word",
        ),
        (
            "412 38 2025",
            None,
            "three numbers in a row ending in a year",
        ),
        (
            "Room 412 38 2025 was booked",
            None,
            "three numbers in a row, in a sentence",
        ),
        ("412.38.2025", None, "dotted, ending in a year"),
        (
            "Totals 3 123 45 6789 7",
            None,
            "a 3-2-4 window in a longer run of numbers",
        ),
        ("On 2025-01-08 we learned", None, "an ISO date"),
        ("on 01/08/2025", None, "a US date"),
        (
            "on 01-08-2025 and 08.01.2025",
            None,
            "dates with dashes and dots",
        ),
        ("call 1-800-771-7755", None, "a toll-free number"),
        ("call 914-555-0142", None, "a local number"),
        (
            "call (914) 555-0142 ext. 12",
            None,
            "a number with extension",
        ),
        ("call +1 914 555 0142", None, "an international form"),
        ("call 914.555.0142", None, "a dotted phone number"),
        (
            "call +49 301 23 4567",
            None,
            "a German number with a 3-2-4 tail",
        ),
        ("12,840 people", None, "a count"),
        (
            "1\u{2009}234\u{2009}567 records",
            None,
            "a count with thin-space thousands",
        ),
        ("123 456 789 records", None, "a count with space thousands"),
        ("$1,234,567.89", None, "money"),
        ("ZIP 10599-1234", None, "ZIP+4"),
        ("in 1999, 2000 and 2025", None, "years"),
        ("1999 2000 2001 2002 2003", None, "a row of years"),
        (
            "IMEI 356938035643809",
            None,
            "an IMEI: 15 digits, Luhn-valid, no card prefix",
        ),
        ("IMEI 490154203237518", None, "an IMEI starting with 49"),
        (
            "IMEI 35-209900-176148-1",
            None,
            "an IMEI as printed on the box",
        ),
        ("IMEISV 3569380356438091", None, "an IMEISV: 16 digits"),
        ("4111 1111 1111 1112", None, "fails the Luhn check"),
        ("411111111111", None, "too short for a card"),
        ("1234 5678 9012 3456", None, "no card network starts with 1"),
        (
            "Case No. CV-123-45-6789",
            None,
            "a case number with letters before it",
        ),
        ("Case 2025-CV-04123", None, "a court case number"),
        ("Incident #24-00317", None, "a police incident number"),
        ("report 2024-118-3321", None, "a 4-3-4 report number"),
        ("docket 123-4567-89", None, "a 3-4-2 docket number"),
        ("ticket A123-45-6789", None, "attached to a letter"),
        ("part 123-45-6789-B", None, "followed by a letter"),
        ("version 1.123.45.6789", None, "a version number"),
        (
            "pi is 3.14159 26535 8979",
            None,
            "a decimal number in groups",
        ),
        ("student ID 2024001234", None, "a ten-digit student number"),
        ("order 100234567", None, "nine digits without the word"),
        ("ISBN 978-0-306-40615-7", None, "an ISBN"),
        ("PO 4111-11", None, "a short number"),
        (
            "the years 2019\u{2013}2025",
            None,
            "a range of years with an en dash",
        ),
        (
            "0123 4567 8901 2345 678",
            None,
            "19 digits, no card network starts with 0",
        ),
    ];

    #[test]
    fn the_guard_reads_numbers_as_a_person_does() {
        let found = CASES.iter().filter(|(_, kind, _)| kind.is_some()).count();
        let not = CASES.len() - found;
        assert!(found >= 40 && not >= 40, "{found} true, {not} false cases");
        let mut wrong = Vec::new();
        for (text, expected, why) in CASES {
            let kinds = kinds(text);
            let ok = match expected {
                Some(kind) => kinds.contains(kind),
                None => kinds.is_empty(),
            };
            if !ok {
                wrong.push(format!(
                    "{text:?} ({why}): expected {expected:?}, found {kinds:?}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn findings_are_the_text_as_written_with_its_place() {
        let text = "SSN 123&ndash;45&ndash;6789 here";
        let found = find(text, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "123&ndash;45&ndash;6789");
        assert_eq!(&text[found[0].bytes.clone()], found[0].text);
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
    fn allowed_texts_are_accepted_as_written_or_as_read() {
        assert!(find("Case 123-45-6789 is closed", &["123-45-6789".to_string()]).is_empty());
        assert!(find("Case 123&#45;45&#45;6789", &["123-45-6789".to_string()]).is_empty());
        assert_eq!(
            find(
                "Case 123-45-6789 and 234-56-7890",
                &["123-45-6789".to_string()]
            )
            .len(),
            1
        );
    }

    #[test]
    fn normalising_keeps_the_place_of_every_character() {
        let text = "a&nbsp;\u{200B}b\\-c\u{2013}";
        let normalized = normalize(text);
        assert_eq!(normalized.text(), "a b-c-");
        assert_eq!(normalized.spans[1], 1..7);
        assert_eq!(&text[normalized.spans[3].clone()], "\\-");
    }
}

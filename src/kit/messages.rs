//! The messages of the kit, from the same facts as the letters: an email, an SMS that
//! fits one message, a recorded-call script written to be spoken, and the call-centre
//! sheet (the facts, the questions callers ask, and what staff must not say).
//!
//! The SMS is written in the GSM 7-bit alphabet, the one every phone and carrier reads,
//! which fits 160 characters in one message (a character of its extension table, such as
//! `€` or `[`, takes two). A letter outside it (Spanish á, í, ó, ú) would turn the whole
//! message into UCS-2, 70 characters a message, too few for the notice's address: such a
//! letter is written without its accent (é, ñ, ü, ¿ and ¡ are GSM-7 and stay).

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::render::markdown;

use super::doc::{Block, Doc};
use super::facts::{list, Facts};
use super::letter::paragraphs;

pub const SMS_LIMIT: usize = 160;

const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// The email: its subject and its plain-text body.
pub fn email(facts: &Facts, letter: &Doc) -> String {
    let s = facts.s;
    let mut out = format!(
        "Subject: {} — {}\n\n{}\n\n",
        s.get("kit_subject"),
        facts.district(),
        s.get("kit_email_intro")
    );
    for block in &letter.blocks {
        match block {
            Block::Letterhead(_) => {}
            Block::Title(text) | Block::Para(text) => {
                out.push_str(text);
                out.push_str("\n\n");
            }
            Block::Heading(text) => {
                out.push_str(&text.to_uppercase());
                out.push('\n');
            }
            Block::Lines(lines) => {
                out.push_str(&lines.join("\n"));
                out.push_str("\n\n");
            }
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {item}\n"));
                }
                out.push('\n');
            }
            Block::Fields(fields) => {
                for (label, value) in fields {
                    out.push_str(&format!("{label}: {value}\n"));
                }
                out.push('\n');
            }
            Block::PageBreak => {}
        }
    }
    out.trim_end().to_string() + "\n"
}

/// The SMS, at most [`SMS_LIMIT`] GSM-7 characters; `None` when not even the short form
/// fits (an address far too long) or the site has no web address.
pub fn sms(facts: &Facts) -> Option<String> {
    let url = facts.url.as_deref()?;
    let short = crate::render::format::url_text(url);
    // With the incident's help line, its number too when it fits.
    let with_phone: &[(&str, &str)] = match &facts.notice.help_line {
        Some(h) if h.phone.is_some() => &[
            ("kit_sms_phone", url),
            ("kit_sms_phone", &short),
            ("kit_sms_phone_short", url),
            ("kit_sms_phone_short", &short),
        ],
        _ => &[],
    };
    let plain = [
        ("kit_sms", url),
        ("kit_sms", short.as_str()),
        ("kit_sms_short", url),
        ("kit_sms_short", short.as_str()),
    ];
    let phone = facts.phone().unwrap_or_default();
    let candidates = with_phone.iter().chain(&plain).copied();
    let found = candidates
        .map(|(key, address)| {
            gsm7(
                &facts
                    .s
                    .get(key)
                    .replace("{district}", facts.district())
                    .replace("{url}", address)
                    .replace("{phone}", phone),
            )
        })
        .find(|text| gsm7_length(text) <= SMS_LIMIT);
    found
}

/// `text` in the GSM 7-bit alphabet: a letter outside it loses its accent; typographic
/// quotes and dashes become plain ones; anything else becomes `?`.
pub fn gsm7(text: &str) -> String {
    text.chars()
        .map(|c| {
            if GSM7_BASIC.contains(c) || GSM7_EXTENSION.contains(c) {
                return c;
            }
            match c {
                '‘' | '’' => '\'',
                '“' | '”' => '"',
                '–' | '—' => '-',
                '\u{A0}' => ' ',
                _ => c
                    .nfd()
                    .next()
                    .filter(|base| GSM7_BASIC.contains(*base))
                    .unwrap_or('?'),
            }
        })
        .collect()
}

/// Characters as a carrier counts them in GSM-7 (an extension character counts two);
/// `usize::MAX` when `text` needs UCS-2.
pub fn gsm7_length(text: &str) -> usize {
    let mut length = 0;
    for c in text.chars() {
        if GSM7_BASIC.contains(c) {
            length += 1;
        } else if GSM7_EXTENSION.contains(c) {
            length += 2;
        } else {
            return usize::MAX;
        }
    }
    length
}

/// The recorded-call script: short sentences to be read aloud, with phone numbers read
/// digit by digit and the web address spelled out.
pub fn call_script(facts: &Facts) -> String {
    let s = facts.s;
    let mut lines = vec![
        s.get("kit_call_hello")
            .replace("{district}", facts.district()),
        s.get("kit_call_what").to_string(),
    ];
    if let Some(discovered) = facts.incident.discovered {
        lines.push(
            s.get("kit_call_when")
                .replace("{date}", &spoken_date(facts, discovered.date())),
        );
    }
    lines.push(s.get("kit_call_letter").to_string());
    // The site's address, not the notice's: short enough to be noted down from a call.
    if let Some(base) = &facts.config.site.base_url {
        lines.push(
            s.get("kit_call_website")
                .replace("{address}", &spoken_address(facts, base)),
        );
    }
    if let Some(phone) = facts.phone() {
        let digits = spoken_digits(facts, phone);
        let name = match facts.notice.help_line {
            Some(_) if facts.contact.phone.as_deref() != Some(phone) => s.get("kit_call_help_line"),
            _ => facts.contact.name.as_str(),
        };
        lines.push(
            s.get("kit_call_questions")
                .replace("{name}", name)
                .replace("{phone}", &digits),
        );
        lines.push(s.get("kit_call_repeat").replace("{phone}", &digits));
    }
    lines.push(s.get("kit_call_goodbye").to_string());
    lines.join("\n\n") + "\n"
}

/// A date to be read aloud, all in words: "November ninth, two thousand twenty-six".
pub fn spoken_date(facts: &Facts, date: NaiveDate) -> String {
    let s = facts.s;
    let word = |key: &str, i: usize| {
        list(s, key)
            .get(i)
            .cloned()
            .unwrap_or_else(|| i.to_string())
    };
    let year = match usize::try_from(date.year() - 2000) {
        Ok(0) => s.get("kit_year").replace("{rest}", "").trim().to_string(),
        Ok(rest) if rest < 100 => s
            .get("kit_year")
            .replace("{rest}", &word("kit_numbers", rest)),
        _ => spoken_digits(facts, &date.year().to_string()).replace(", ", " "),
    };
    s.get("kit_spoken_date")
        .replace("{month}", &word("months", date.month0() as usize))
        .replace("{day}", &word("kit_day_words", date.day0() as usize))
        .replace("{year}", &year)
}

/// "914-555-0100" as "nine one four, five five five, zero one zero zero".
pub fn spoken_digits(facts: &Facts, number: &str) -> String {
    let words = list(facts.s, "kit_digits");
    let mut groups: Vec<String> = Vec::new();
    let mut group: Vec<String> = Vec::new();
    for c in number.chars() {
        match c.to_digit(10) {
            Some(d) => group.push(
                words
                    .get(d as usize)
                    .cloned()
                    .unwrap_or_else(|| c.to_string()),
            ),
            None if !group.is_empty() => groups.push(std::mem::take(&mut group).join(" ")),
            None => {}
        }
    }
    if !group.is_empty() {
        groups.push(group.join(" "));
    }
    groups.join(", ")
}

/// "example.org/data-breach/" as "example dot org slash data dash breach", digits read
/// one by one.
fn spoken_address(facts: &Facts, url: &str) -> String {
    let s = facts.s;
    let text = crate::render::format::url_text(url);
    let digits = list(s, "kit_digits");
    let mut out = String::new();
    for c in text.trim_end_matches('/').chars() {
        match c {
            '0'..='9' => {
                let word = c
                    .to_digit(10)
                    .and_then(|d| digits.get(d as usize))
                    .cloned()
                    .unwrap_or_else(|| c.to_string());
                out.push_str(&format!(" {word} "));
            }
            '.' => out.push_str(&format!(" {} ", s.get("kit_dot"))),
            '/' => out.push_str(&format!(" {} ", s.get("kit_slash"))),
            '-' => out.push_str(&format!(" {} ", s.get("kit_dash"))),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The call-centre sheet: what staff answering the phones may say, and must not.
pub fn call_sheet(facts: &Facts) -> Doc {
    let s = facts.s;
    let mut blocks = vec![
        Block::Title(format!(
            "{}: {}",
            s.get("kit_sheet_title"),
            facts.incident.title
        )),
        Block::Heading(s.get("kit_sheet_facts").to_string()),
    ];
    let mut facts_list = vec![facts.incident.summary.clone()];
    facts_list.extend(facts.when_lines());
    facts_list.push(format!("{}: {}", s.get("how_many"), facts.who_line()));
    if let Some(url) = &facts.url {
        facts_list.push(url.clone());
    }
    blocks.push(Block::Bullets(facts_list));
    let groups = facts.group_lines();
    if !groups.is_empty() {
        blocks.push(Block::Heading(s.get("kit_sheet_groups").to_string()));
        blocks.push(Block::Bullets(groups));
    }
    let help_line = facts.help_line_lines();
    if let Some((heading, lines)) = help_line.split_first() {
        blocks.push(Block::Heading(heading.clone()));
        blocks.push(Block::Bullets(lines.to_vec()));
    }
    blocks.push(Block::Heading(s.get("kit_sheet_faq").to_string()));
    let mut faq = vec![
        (s.get("kit_faq_what"), facts.description.clone()),
        (s.get("kit_faq_when"), facts.when_lines().join("\n")),
        (s.get("kit_faq_which"), facts.data_lines().join("\n")),
        (s.get("kit_faq_doing"), facts.investigation.clone()),
        (s.get("kit_faq_do"), facts.guidance.clone()),
    ];
    let every_group: Vec<_> = facts.incident.affected.groups.clone();
    let offers = facts.offers_for(&every_group);
    let offer = if offers.is_empty() {
        s.get("kit_none").to_string()
    } else {
        offers
            .iter()
            .map(|(offer, how)| format!("{offer}\n{how}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    faq.push((s.get("kit_faq_offer"), offer));
    let mut who = facts.help_line_lines();
    who.extend(facts.contact_lines());
    faq.push((s.get("kit_faq_who"), who.join("\n")));
    // The record's own questions and answers, after the ones every caller asks.
    let own: Vec<(&str, String)> = facts
        .incident
        .faq
        .iter()
        .map(|f| (f.question.as_str(), markdown::to_plain(&f.answer)))
        .collect();
    faq.extend(own);
    for (question, answer) in faq {
        blocks.push(Block::Para(question.to_string()));
        blocks.push(Block::Bullets(vec![paragraphs(&answer).join("\n")]));
    }
    blocks.push(Block::Heading(s.get("kit_sheet_must_not").to_string()));
    blocks.push(Block::Bullets(list(s, "kit_sheet_not")));
    Doc {
        title: format!("{}: {}", s.get("kit_sheet_title"), facts.incident.title),
        lang: facts.lang.clone(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spoken words of the built-in languages are complete: ten digits, the numbers
    /// 0 to 99 for years, a word for each day of a month.
    #[test]
    fn every_language_can_read_numbers_and_dates_aloud() {
        let theme = crate::theme::Theme::embedded();
        for (code, own) in &theme.strings {
            let s = crate::render::format::Strings {
                own,
                english: &theme.strings["en"],
            };
            assert_eq!(list(s, "kit_digits").len(), 10, "{code}");
            assert_eq!(list(s, "kit_numbers").len(), 100, "{code}");
            assert_eq!(list(s, "kit_day_words").len(), 31, "{code}");
            assert_eq!(list(s, "months").len(), 12, "{code}");
            assert!(list(s, "kit_sheet_not").len() >= 5, "{code}");
        }
    }

    #[test]
    fn spanish_is_written_in_gsm7_and_counted_as_carriers_count() {
        let text = gsm7("Aviso: filtración de información — ¿qué pasó? Año, niño, pingüino");
        assert_eq!(
            text,
            "Aviso: filtracion de informacion - ¿qué paso? Año, niño, pingüino"
        );
        assert_ne!(gsm7_length(&text), usize::MAX);
        assert_eq!(gsm7_length("abc"), 3);
        assert_eq!(gsm7_length("€5 [x]"), 9);
        assert_eq!(gsm7_length("数据"), usize::MAX);
        assert_eq!(gsm7("数"), "?");
    }
}

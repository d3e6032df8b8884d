//! Characters that make a text read differently from how it is written: bidirectional
//! overrides and isolates reorder what follows them (a title can show one thing and say
//! another), zero-width characters hide inside words and numbers. Titles and summaries,
//! which are shown everywhere (lists, feed, banner, media release), must not have them.

/// The name, in plain words, of a character that titles and summaries must not contain.
pub fn misleading(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "a left-to-right embedding",
        '\u{202B}' => "a right-to-left embedding",
        '\u{202C}' => "a pop-directional-formatting mark",
        '\u{202D}' => "a left-to-right override",
        '\u{202E}' => "a right-to-left override",
        '\u{2066}' => "a left-to-right isolate",
        '\u{2067}' => "a right-to-left isolate",
        '\u{2068}' => "a first-strong isolate",
        '\u{2069}' => "a pop-directional-isolate mark",
        '\u{200B}' => "a zero-width space",
        '\u{200C}' => "a zero-width non-joiner",
        '\u{200D}' => "a zero-width joiner",
        '\u{2060}' => "a word joiner, an invisible character",
        '\u{FEFF}' => "a zero-width no-break space, also called a byte-order mark",
        _ => return None,
    })
}

/// What reorders text (the bidirectional controls) rather than only hides in it.
pub fn reorders(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first misleading character in `text`: its byte offset, the character and its name.
pub fn first(text: &str) -> Option<(usize, char, &'static str)> {
    text.char_indices()
        .find_map(|(at, c)| misleading(c).map(|name| (at, c, name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_characters_in_plain_words() {
        assert_eq!(
            first("Notice \u{202E}gnp.exe"),
            Some((7, '\u{202E}', "a right-to-left override"))
        );
        assert_eq!(first("a\u{200B}b").map(|f| f.2), Some("a zero-width space"));
        assert!(reorders('\u{2067}') && !reorders('\u{200B}'));
        assert_eq!(first("Plain title — with a dash, Árbol, ١٢٣"), None);
        // Marks that right-to-left languages need are not refused.
        assert_eq!(first("\u{200F}שלום\u{200E}"), None);
    }
}

//! Colour contrast by WCAG 2.1 (success criterion 1.4.3, "Contrast (Minimum)"): the
//! relative luminance of sRGB colours and the ratio between two of them. A site's accent
//! colour is refused when text in it would be hard to read.

/// The least contrast WCAG 2.1 AA allows for body text.
pub const AA_TEXT: f64 = 4.5;

/// The backgrounds the default theme puts text in the accent colour on: the page, its
/// pale panels (contact card, notes) and the current-notice box. White also stands for
/// white text on the accent colour: the ratio is the same both ways.
pub const THEME_BACKGROUNDS: [(&str, Rgb); 3] = [
    ("the white page", Rgb(0xff, 0xff, 0xff)),
    ("the pale grey panels", Rgb(0xf4, 0xf6, 0xf8)),
    ("the pale red box of current notices", Rgb(0xff, 0xf5, 0xf5)),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (either case); nothing else.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// `#rrggbb`, lowercase.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.1's relative luminance: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The same hue with every channel scaled by `factor` (below 1: darker).
    fn scaled(self, factor: f64) -> Rgb {
        // The product of a channel and a factor in 0..=1 is in 0..=255.
        let scale = |c: u8| (f64::from(c) * factor).round().clamp(0.0, 255.0) as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// A ratio as people read it, rounded down so that a colour just short of 4.5:1 never
/// shows as "4.50:1".
pub fn shown(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

/// The background against which `colour` has the least contrast, and that contrast.
pub fn weakest(colour: Rgb) -> (&'static str, Rgb, f64) {
    THEME_BACKGROUNDS
        .iter()
        .map(|(name, background)| (*name, *background, ratio(colour, *background)))
        .fold(("", colour, f64::INFINITY), |least, next| {
            if next.2 < least.2 {
                next
            } else {
                least
            }
        })
}

/// The lightest darker shade of `colour` that reads as text on every theme background.
pub fn darker_shade(colour: Rgb) -> Rgb {
    (0..=100)
        .rev()
        .map(|percent| colour.scaled(f64::from(percent) / 100.0))
        .find(|shade| weakest(*shade).2 >= AA_TEXT)
        .unwrap_or(Rgb(0, 0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(hex: &str) -> Rgb {
        Rgb::parse(hex).unwrap()
    }

    /// Pairs with published ratios (WebAIM's checker, the WCAG 2.1 understanding docs).
    #[test]
    fn the_ratio_matches_known_pairs() {
        let white = rgb("#ffffff");
        let cases = [
            ("#000000", "#ffffff", "21.00:1"),
            ("#ffffff", "#ffffff", "1.00:1"),
            ("#767676", "#ffffff", "4.54:1"),
            ("#777777", "#ffffff", "4.47:1"),
            ("#0000ff", "#ffffff", "8.59:1"),
            ("#ff0000", "#ffffff", "3.99:1"),
            ("#595959", "#ffffff", "7.00:1"),
        ];
        for (fore, back, expected) in cases {
            assert_eq!(
                shown(ratio(rgb(fore), rgb(back))),
                expected,
                "{fore} on {back}"
            );
        }
        assert_eq!(ratio(rgb("#767676"), white), ratio(white, rgb("#767676")));
        assert!(ratio(rgb("#767676"), white) >= AA_TEXT);
        assert!(ratio(rgb("#777777"), white) < AA_TEXT);
    }

    #[test]
    fn only_six_digit_hex_colours_are_read() {
        assert_eq!(Rgb::parse("#0B4FA8"), Some(Rgb(0x0b, 0x4f, 0xa8)));
        for bad in [
            "0b4fa8", "#0b4fa", "#0b4fa80", "#0g4fa8", "blue", "#fff", "",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(rgb("#0B4FA8").hex(), "#0b4fa8");
    }

    #[test]
    fn the_weakest_background_is_the_grey_panel() {
        // #767676 passes on white (4.54:1) but not on the panels.
        let (name, background, ratio) = weakest(rgb("#767676"));
        assert_eq!((name, background), ("the pale grey panels", rgb("#f4f6f8")));
        assert!(ratio < AA_TEXT, "{ratio}");
    }

    #[test]
    fn a_suggested_shade_is_darker_and_passes_everywhere() {
        for light in ["#767676", "#ff0000", "#ffd23f", "#3399ff", "#ffffff"] {
            let colour = rgb(light);
            let shade = darker_shade(colour);
            assert!(weakest(shade).2 >= AA_TEXT, "{light} → {}", shade.hex());
            assert!(shade.luminance() < colour.luminance(), "{light}");
            // The lightest such shade: one step lighter fails.
            let lighter = colour.scaled(
                (0..=100)
                    .rev()
                    .map(|p| f64::from(p) / 100.0)
                    .find(|f| colour.scaled(*f) == shade)
                    .unwrap()
                    + 0.01,
            );
            assert!(weakest(lighter).2 < AA_TEXT, "{light}");
        }
        let dark = rgb("#0b4fa8");
        assert_eq!(darker_shade(dark), dark, "a colour that passes is kept");
    }
}

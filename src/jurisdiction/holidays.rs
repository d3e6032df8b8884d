//! A state's legal holidays, as pack data: a fixed date, the nth weekday of a month, a day
//! counted from Easter, or the general election day, each with the rule for one that
//! falls on a weekend; and the US federal holidays by name, so that a pack can say which
//! of them its state does not keep.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    /// `MM-DD`, e.g. `"02-12"` for Lincoln's Birthday.
    #[serde(default)]
    pub date: Option<String>,
    /// The nth weekday of a month: `"3 mon 2"` is the third Monday of February; `"last mon 5"`
    /// the last Monday of May.
    #[serde(default)]
    pub nth: Option<String>,
    /// Days after the `nth` weekday: the Friday after Thanksgiving is `nth = "4 thu 11"`,
    /// `days_after = 1`.
    #[serde(default)]
    pub days_after: i64,
    /// Days from Easter Sunday: Good Friday is -2.
    #[serde(default)]
    pub easter: Option<i64>,
    /// The general election day: the Tuesday after the first Monday of November.
    #[serde(default)]
    pub election_day: bool,
    /// The first year it was a holiday.
    #[serde(default)]
    pub since: Option<i32>,
    #[serde(default)]
    pub observed: Observed,
    pub citation: String,
}

/// Which weekday is kept when a holiday falls on a weekend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Observed {
    /// A Sunday holiday is kept on the Monday after; a Saturday one is not moved.
    #[default]
    SundayToMonday,
    /// Saturday to the Friday before, Sunday to the Monday after.
    Weekend,
    /// Never moved.
    None,
}

impl Holiday {
    /// The day (or days, with the observed one) this holiday makes a non-business day in
    /// the calendar year it falls in; `None` when its rule is malformed (the pack tests
    /// catch that).
    pub fn days(&self, year: i32) -> Option<Vec<NaiveDate>> {
        if self.since.is_some_and(|since| year < since) {
            return Some(Vec::new());
        }
        let day = self.day(year)?;
        let mut days = vec![day];
        let moved = match (self.observed, day.weekday()) {
            (Observed::SundayToMonday | Observed::Weekend, Weekday::Sun) => {
                Some(day + Duration::days(1))
            }
            (Observed::Weekend, Weekday::Sat) => Some(day - Duration::days(1)),
            _ => None,
        };
        days.extend(moved);
        Some(days)
    }

    fn day(&self, year: i32) -> Option<NaiveDate> {
        if let Some(md) = &self.date {
            let (m, d) = md.split_once('-')?;
            return NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?);
        }
        if let Some(rule) = &self.nth {
            let mut parts = rule.split_whitespace();
            let (n, weekday, month) = (parts.next()?, parts.next()?, parts.next()?);
            let weekday: Weekday = weekday.parse().ok()?;
            let month: u32 = month.parse().ok()?;
            let day = if n == "last" {
                (1..=5)
                    .rev()
                    .find_map(|n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n))
            } else {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, n.parse().ok()?)
            };
            return Some(day? + Duration::days(self.days_after));
        }
        if let Some(offset) = self.easter {
            return Some(easter(year)? + Duration::days(offset));
        }
        if self.election_day {
            let monday = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?;
            return Some(monday + Duration::days(1));
        }
        None
    }
}

/// A US federal holiday (5 U.S.C. §6103(a)), named as a pack names it in
/// `federal_holidays_not_observed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum FederalHoliday {
    NewYearsDay,
    MlkDay,
    WashingtonBirthday,
    MemorialDay,
    Juneteenth,
    IndependenceDay,
    LaborDay,
    ColumbusDay,
    VeteransDay,
    Thanksgiving,
    Christmas,
}

impl FederalHoliday {
    pub const ALL: [FederalHoliday; 11] = [
        Self::NewYearsDay,
        Self::MlkDay,
        Self::WashingtonBirthday,
        Self::MemorialDay,
        Self::Juneteenth,
        Self::IndependenceDay,
        Self::LaborDay,
        Self::ColumbusDay,
        Self::VeteransDay,
        Self::Thanksgiving,
        Self::Christmas,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::NewYearsDay => "new_years_day",
            Self::MlkDay => "mlk_day",
            Self::WashingtonBirthday => "washington_birthday",
            Self::MemorialDay => "memorial_day",
            Self::Juneteenth => "juneteenth",
            Self::IndependenceDay => "independence_day",
            Self::LaborDay => "labor_day",
            Self::ColumbusDay => "columbus_day",
            Self::VeteransDay => "veterans_day",
            Self::Thanksgiving => "thanksgiving",
            Self::Christmas => "christmas",
        }
    }

    /// The day itself in `year`, before any move off a weekend; `None` for Juneteenth
    /// before 2021, when it became a federal holiday.
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
        let nth = |month, weekday, n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
        match self {
            Self::NewYearsDay => fixed(1, 1),
            Self::MlkDay => nth(1, Weekday::Mon, 3),
            Self::WashingtonBirthday => nth(2, Weekday::Mon, 3),
            Self::MemorialDay => (1..=5)
                .rev()
                .find_map(|n| NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Mon, n)),
            Self::Juneteenth if year < 2021 => None,
            Self::Juneteenth => fixed(6, 19),
            Self::IndependenceDay => fixed(7, 4),
            Self::LaborDay => nth(9, Weekday::Mon, 1),
            Self::ColumbusDay => nth(10, Weekday::Mon, 2),
            Self::VeteransDay => fixed(11, 11),
            Self::Thanksgiving => nth(11, Weekday::Thu, 4),
            Self::Christmas => fixed(12, 25),
        }
    }
}

impl TryFrom<String> for FederalHoliday {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|h| h.name() == name)
            .ok_or_else(|| {
                let known: Vec<&str> = Self::ALL.iter().map(|h| h.name()).collect();
                format!(
                    "federal_holidays_not_observed: \"{name}\" is not a federal holiday; use one of {}",
                    known.join(", ")
                )
            })
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_sundays_from_the_published_tables() {
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter(2027), Some(d(2027, 3, 28)));
    }

    fn holiday(toml_text: &str) -> Holiday {
        toml::from_str(&format!("name = \"h\"\ncitation = \"c\"\n{toml_text}")).unwrap()
    }

    #[test]
    fn federal_holidays_are_known_by_name() {
        for holiday in FederalHoliday::ALL {
            assert_eq!(
                FederalHoliday::try_from(holiday.name().to_string()),
                Ok(holiday)
            );
        }
        let error = FederalHoliday::try_from("columbus".to_string()).unwrap_err();
        assert!(error.starts_with("federal_holidays_not_observed: \"columbus\""));
        assert!(error.contains("columbus_day"), "{error}");
        // The second Monday of October 2026 is the 12th; Memorial Day 2026 is May 25.
        assert_eq!(
            FederalHoliday::ColumbusDay.date(2026),
            Some(d(2026, 10, 12))
        );
        assert_eq!(FederalHoliday::MemorialDay.date(2026), Some(d(2026, 5, 25)));
    }

    #[test]
    fn rules_give_the_days() {
        // Lincoln's Birthday 2028 is a Saturday: not moved; 2023 is a Sunday: Monday too.
        let lincoln = holiday("date = \"02-12\"");
        assert_eq!(lincoln.days(2028), Some(vec![d(2028, 2, 12)]));
        assert_eq!(
            lincoln.days(2023),
            Some(vec![d(2023, 2, 12), d(2023, 2, 13)])
        );
        let weekend = holiday("date = \"06-14\"\nobserved = \"weekend\"");
        assert_eq!(
            weekend.days(2025),
            Some(vec![d(2025, 6, 14), d(2025, 6, 13)])
        );
        assert_eq!(
            holiday("easter = -2").days(2025),
            Some(vec![d(2025, 4, 18)])
        );
        // Election day 2025: the first Monday of November is the 3rd, so Tuesday the 4th.
        assert_eq!(
            holiday("election_day = true").days(2025),
            Some(vec![d(2025, 11, 4)])
        );
        assert_eq!(
            holiday("nth = \"3 mon 2\"").days(2026),
            Some(vec![d(2026, 2, 16)])
        );
        assert_eq!(
            holiday("nth = \"last mon 5\"").days(2026),
            Some(vec![d(2026, 5, 25)])
        );
        assert_eq!(
            holiday("date = \"06-19\"\nsince = 2022").days(2021),
            Some(vec![])
        );
        assert_eq!(holiday("nth = \"x mon 2\"").days(2026), None);
        // The Friday after Thanksgiving: November 1, 2024 was a Friday, so the fourth
        // Friday (the 22nd) is not the day after the fourth Thursday (the 28th).
        assert_eq!(
            holiday("nth = \"4 thu 11\"\ndays_after = 1").days(2024),
            Some(vec![d(2024, 11, 29)])
        );
    }
}

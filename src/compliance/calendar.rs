//! Clock arithmetic: calendar days, business days (weekends, the US federal holidays the
//! state keeps, with their observed dates, the state's own holidays, district closures) and hours in US Eastern local time.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use crate::jurisdiction::{FederalHoliday, Holiday, Zone};

/// US federal holidays (5 U.S.C. §6103) that fall, as observed, in `year`.
pub fn federal_holidays(year: i32) -> Vec<NaiveDate> {
    kept_federal_holidays(year, &[], false)
}

/// The federal holidays a state keeps in `year`: all but `not_observed`, each on its own
/// day, and also (unless `not_moved`) on the weekday it is observed on when it falls on a
/// weekend (5 U.S.C. §6103(b)).
pub fn kept_federal_holidays(
    year: i32,
    not_observed: &[FederalHoliday],
    not_moved: bool,
) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    // The observed date of next year's New Year's Day can be December 31 of this year.
    for y in [year, year + 1] {
        for holiday in FederalHoliday::ALL {
            if not_observed.contains(&holiday) {
                continue;
            }
            let Some(date) = holiday.date(y) else {
                continue;
            };
            let kept = if not_moved { date } else { observed(date) };
            if kept.year() == year {
                days.push(kept);
            }
        }
    }
    days.sort();
    days
}

/// A holiday on a Saturday is observed on the Friday before; on a Sunday, the Monday after.
fn observed(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date - Duration::days(1),
        Weekday::Sun => date + Duration::days(1),
        _ => date,
    }
}

/// The days that are not business days beyond weekends: the federal holidays the state
/// keeps, the state's own legal holidays and the district's closures.
#[derive(Debug, Clone, Default)]
pub struct Calendar<'a> {
    pub holidays: &'a [Holiday],
    /// Federal holidays that are not legal holidays of the state (pack data).
    pub federal_not_observed: &'a [FederalHoliday],
    /// The state keeps a federal holiday that falls on a weekend on that day only, not on
    /// the Friday before or the Monday after (pack data).
    pub federal_not_moved: bool,
    pub closures: &'a [NaiveDate],
    /// The time zone hour clocks run in.
    pub zone: Zone,
}

impl Calendar<'_> {
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !self.is_weekend_or_holiday(date) && !self.closures.contains(&date)
    }

    /// A Saturday, a Sunday, or a federal holiday the state keeps or a state legal holiday
    /// (closures aside): the days
    /// a rule such as NY General Construction Law §25-a moves a period's last day past.
    pub fn is_weekend_or_holiday(&self, date: NaiveDate) -> bool {
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            || kept_federal_holidays(
                date.year(),
                self.federal_not_observed,
                self.federal_not_moved,
            )
            .contains(&date)
            || self.is_state_holiday(date)
    }

    fn is_state_holiday(&self, date: NaiveDate) -> bool {
        // A holiday of January 1 kept on the Friday before falls in the previous year.
        [date.year(), date.year() + 1].iter().any(|&year| {
            self.holidays
                .iter()
                .filter_map(|h| h.days(year))
                .any(|days| days.contains(&date))
        })
    }

    /// The first day on or after `date` that is not a weekend or holiday.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while self.is_weekend_or_holiday(day) {
            day += Duration::days(1);
        }
        day
    }

    /// The `n`th business day after `trigger` (the trigger day itself never counts).
    pub fn add_business_days(&self, trigger: NaiveDate, n: u32) -> NaiveDate {
        let mut date = trigger;
        let mut counted = 0;
        while counted < n {
            date += Duration::days(1);
            if self.is_business_day(date) {
                counted += 1;
            }
        }
        date
    }
}

/// `n` calendar days after `trigger`: 10 days from 2022-03-25 is 2022-04-04.
pub fn add_calendar_days(trigger: NaiveDate, n: u32) -> NaiveDate {
    trigger + Duration::days(i64::from(n))
}

/// The UTC offset, in hours, of a US time zone at a local date and time: daylight time
/// (one hour more) from 2:00 on the second Sunday of March to 2:00 on the first Sunday of
/// November (15 U.S.C. §260a, since 2007), standard time otherwise.
pub fn us_offset(zone: Zone, local: NaiveDateTime) -> i32 {
    let year = local.year();
    let start = NaiveDate::from_weekday_of_month_opt(year, 3, Weekday::Sun, 2)
        .and_then(|d| d.and_hms_opt(2, 0, 0));
    let end = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Sun, 1)
        .and_then(|d| d.and_hms_opt(2, 0, 0));
    let standard = zone.standard_offset();
    match (start, end) {
        (Some(start), Some(end)) if local >= start && local < end => standard + 1,
        _ => standard,
    }
}

/// `hours` real hours after a local time in `zone`, as local time: across a change to or
/// from daylight time the wall clock moves by one hour more or less.
pub fn add_hours(zone: Zone, local: NaiveDateTime, hours: u32) -> NaiveDateTime {
    let utc = local - Duration::hours(i64::from(us_offset(zone, local)))
        + Duration::hours(i64::from(hours));
    from_utc(zone, utc)
}

/// The local time in `zone` of a UTC time.
fn from_utc(zone: Zone, utc: NaiveDateTime) -> NaiveDateTime {
    let standard = utc + Duration::hours(i64::from(zone.standard_offset()));
    if us_offset(zone, standard) != zone.standard_offset() {
        standard + Duration::hours(1)
    } else {
        standard
    }
}

/// Today's date in US Eastern time, whatever the machine's own time zone.
pub fn today_eastern() -> NaiveDate {
    from_utc(Zone::Eastern, chrono::Utc::now().naive_utc()).date()
}

/// RFC 3339 for a local time in `zone`: `2025-01-11T14:30:00-05:00`.
pub fn rfc3339(zone: Zone, local: NaiveDateTime) -> String {
    let offset = us_offset(zone, local);
    format!("{}{:+03}:00", local.format("%Y-%m-%dT%H:%M:%S"), offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn holidays_of_2025_as_observed() {
        // OPM's published list for 2025.
        assert_eq!(
            federal_holidays(2025),
            vec![
                d(2025, 1, 1),
                d(2025, 1, 20),
                d(2025, 2, 17),
                d(2025, 5, 26),
                d(2025, 6, 19),
                d(2025, 7, 4),
                d(2025, 9, 1),
                d(2025, 10, 13),
                d(2025, 11, 11),
                d(2025, 11, 27),
                d(2025, 12, 25),
            ]
        );
    }

    #[test]
    fn weekend_holidays_move_to_the_nearest_weekday() {
        // July 4, 2026 is a Saturday: observed Friday July 3.
        assert!(federal_holidays(2026).contains(&d(2026, 7, 3)));
        assert!(!federal_holidays(2026).contains(&d(2026, 7, 4)));
        // Juneteenth 2022 was a Sunday: observed Monday June 20.
        assert!(federal_holidays(2022).contains(&d(2022, 6, 20)));
        // Christmas 2022 was a Sunday: observed Monday December 26.
        assert!(federal_holidays(2022).contains(&d(2022, 12, 26)));
        // New Year's Day 2022 was a Saturday: observed Friday December 31, 2021.
        assert!(federal_holidays(2021).contains(&d(2021, 12, 31)));
        assert!(!federal_holidays(2022).contains(&d(2021, 12, 31)));
    }

    #[test]
    fn juneteenth_only_from_2021() {
        assert!(!federal_holidays(2020).contains(&d(2020, 6, 19)));
        assert!(
            federal_holidays(2021).contains(&d(2021, 6, 18)),
            "2021-06-19 was a Saturday"
        );
    }

    #[test]
    fn two_business_days_from_a_friday_before_a_monday_holiday() {
        // Friday January 17, 2025; Monday January 20 is Martin Luther King Jr. Day.
        let calendar = Calendar::default();
        assert_eq!(
            calendar.add_business_days(d(2025, 1, 17), 2),
            d(2025, 1, 22)
        );
    }

    #[test]
    fn a_state_may_not_keep_some_federal_holidays_or_their_moves() {
        // Friday October 9, 2026; Monday October 12 is Columbus Day.
        let federal = Calendar::default();
        assert_eq!(
            federal.add_business_days(d(2026, 10, 9), 1),
            d(2026, 10, 13)
        );
        let not_observed = [FederalHoliday::ColumbusDay];
        let state = Calendar {
            federal_not_observed: &not_observed,
            ..Calendar::default()
        };
        assert_eq!(state.add_business_days(d(2026, 10, 9), 1), d(2026, 10, 12));
        // July 4, 2026 is a Saturday: federally kept on Friday July 3, by a state that does
        // not move its holidays on the Saturday only.
        assert!(federal.is_weekend_or_holiday(d(2026, 7, 3)));
        let not_moved = Calendar {
            federal_not_moved: true,
            ..Calendar::default()
        };
        assert!(!not_moved.is_weekend_or_holiday(d(2026, 7, 3)));
        assert_eq!(not_moved.add_business_days(d(2026, 7, 2), 1), d(2026, 7, 3));
        assert_eq!(federal.add_business_days(d(2026, 7, 2), 1), d(2026, 7, 6));
        assert_eq!(
            kept_federal_holidays(2026, &not_observed, true).len(),
            federal_holidays(2026).len() - 1
        );
    }

    #[test]
    fn closures_are_not_business_days() {
        let closures = [d(2025, 12, 26)];
        let calendar = Calendar {
            closures: &closures,
            ..Calendar::default()
        };
        // Wednesday December 24, 2025: 25th holiday, 26th closure, then the weekend.
        assert_eq!(
            calendar.add_business_days(d(2025, 12, 24), 1),
            d(2025, 12, 29)
        );
    }

    #[test]
    fn calendar_days_count_from_the_day_after() {
        assert_eq!(add_calendar_days(d(2022, 3, 25), 10), d(2022, 4, 4));
    }

    #[test]
    fn hour_clocks_count_real_hours_across_daylight_time() {
        let at = |y, m, day, h| d(y, m, day).and_hms_opt(h, 0, 0).unwrap();
        // Daylight time ends at 2:00 on Sunday November 1, 2026: 72 real hours after
        // 10:00 on Friday October 30 is 9:00 on Monday November 2 (standard time).
        assert_eq!(
            add_hours(Zone::Eastern, at(2026, 10, 30, 10), 72),
            at(2026, 11, 2, 9)
        );
        // It begins at 2:00 on Sunday March 8, 2026: one hour later on the wall clock.
        assert_eq!(
            add_hours(Zone::Eastern, at(2026, 3, 6, 10), 72),
            at(2026, 3, 9, 11)
        );
        assert_eq!(
            add_hours(Zone::Eastern, at(2025, 1, 8, 14), 72),
            at(2025, 1, 11, 14)
        );
    }

    #[test]
    fn eastern_offsets_follow_daylight_time() {
        let at = |y, m, day, h| d(y, m, day).and_hms_opt(h, 0, 0).unwrap();
        assert_eq!(
            rfc3339(Zone::Eastern, at(2025, 1, 11, 14)),
            "2025-01-11T14:00:00-05:00"
        );
        assert_eq!(
            rfc3339(Zone::Eastern, at(2025, 7, 1, 9)),
            "2025-07-01T09:00:00-04:00"
        );
        // 2025-03-09 is the second Sunday of March.
        assert_eq!(us_offset(Zone::Eastern, at(2025, 3, 9, 1)), -5);
        assert_eq!(us_offset(Zone::Eastern, at(2025, 3, 9, 3)), -4);
        // 2025-11-02 is the first Sunday of November.
        assert_eq!(us_offset(Zone::Eastern, at(2025, 11, 2, 1)), -4);
        assert_eq!(us_offset(Zone::Eastern, at(2025, 11, 2, 3)), -5);
    }

    #[test]
    fn other_zones_keep_their_own_offsets() {
        let at = |y, m, day, h| d(y, m, day).and_hms_opt(h, 0, 0).unwrap();
        assert_eq!(
            rfc3339(Zone::Central, at(2025, 1, 11, 14)),
            "2025-01-11T14:00:00-06:00"
        );
        assert_eq!(
            rfc3339(Zone::Pacific, at(2025, 7, 1, 9)),
            "2025-07-01T09:00:00-07:00"
        );
        // 48 real hours after 10:00 on Friday March 7, 2025 in Texas: daylight time begins
        // at 2:00 on Sunday March 9, so the wall clock reads 11:00 on Sunday.
        assert_eq!(
            add_hours(Zone::Central, at(2025, 3, 7, 10), 48),
            at(2025, 3, 9, 11)
        );
    }
}

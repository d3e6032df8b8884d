//! The vocabulary of rule packs: clocks, the events they count from, and the conditions
//! under which a rule applies. Each is written as a short string in the pack files
//! ("7 calendar days", "contractor_notice", "data_in:private_information") and parsed here.

use std::fmt;

use serde::Deserialize;

/// How long an obligation allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Clock {
    Hours(u32),
    CalendarDays(u32),
    BusinessDays(u32),
    /// At the same time as the event counted from: no date of its own, overdue once the
    /// event has happened without it.
    SameTime,
    /// No fixed date: "without unreasonable delay", "as soon as practicable", or "in the
    /// most expedient time possible and without unreasonable delay", in the statute's words.
    NoFixedDate(Pace),
}

/// The words a statute uses for a duty with no day count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    WithoutUnreasonableDelay,
    AsSoonAsPracticable,
    MostExpedient,
    Promptly,
    Immediately,
    /// The statute sets no time at all (Texas Educ. Code §11.175(f)).
    Unstated,
}

impl Pace {
    const ALL: [Pace; 6] = [
        Pace::WithoutUnreasonableDelay,
        Pace::AsSoonAsPracticable,
        Pace::MostExpedient,
        Pace::Promptly,
        Pace::Immediately,
        Pace::Unstated,
    ];

    pub fn words(self) -> &'static str {
        match self {
            Pace::WithoutUnreasonableDelay => "without unreasonable delay",
            Pace::AsSoonAsPracticable => "as soon as practicable",
            Pace::MostExpedient => {
                "in the most expedient time possible and without unreasonable delay"
            }
            Pace::Promptly => "promptly",
            Pace::Immediately => "immediately",
            Pace::Unstated => "with no time set by law",
        }
    }
}

impl TryFrom<String> for Clock {
    type Error = String;

    fn try_from(text: String) -> Result<Clock, String> {
        let text = text.trim().to_ascii_lowercase();
        if text == "at the same time" {
            return Ok(Clock::SameTime);
        }
        if let Some(pace) = Pace::ALL.into_iter().find(|p| p.words() == text) {
            return Ok(Clock::NoFixedDate(pace));
        }
        let (amount, unit) = text
            .split_once(' ')
            .ok_or_else(|| format!("\"{text}\" is not a period: write e.g. \"3 business days\""))?;
        let amount: u32 = amount
            .parse()
            .map_err(|_| format!("\"{amount}\" is not a whole number of days or hours"))?;
        match unit.trim() {
            "hour" | "hours" => Ok(Clock::Hours(amount)),
            "day" | "days" | "calendar day" | "calendar days" => Ok(Clock::CalendarDays(amount)),
            "business day" | "business days" | "working day" | "working days" => Ok(Clock::BusinessDays(amount)),
            other => Err(format!(
                "\"{other}\" is not a unit breachpage knows: use hours, calendar days or business days"
            )),
        }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: &u32| if *n == 1 { "" } else { "s" };
        match self {
            Clock::Hours(n) => write!(f, "{n} hour{}", plural(n)),
            Clock::CalendarDays(n) => write!(f, "{n} calendar day{}", plural(n)),
            Clock::BusinessDays(n) => write!(f, "{n} business day{}", plural(n)),
            Clock::SameTime => write!(f, "at the same time"),
            Clock::NoFixedDate(pace) => write!(f, "{}", pace.words()),
        }
    }
}

/// The event a clock counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// `discovered`.
    Discovery,
    /// `determined` (default: `discovered`).
    Determination,
    /// `contractor.notified_district`.
    ContractorNotice,
    /// The district's own discovery: for a contractor's breach, the earlier of the day the
    /// district learned of it (`district_learned`) and the contractor's notice; otherwise
    /// `discovered`.
    DiscoveryOrContractorNotice,
    /// `law_enforcement_delay.lifted`.
    DelayEnd,
    /// `notified.individuals`.
    IndividualsNotice,
    /// `ransom.paid`.
    RansomPayment,
    /// `hipaa.hhs_notified`.
    HhsNotice,
    /// `recovered`: the end of the eradication, closure and recovery of a security incident.
    Recovery,
}

impl Trigger {
    /// The words for the trigger in reports.
    pub fn describe(self) -> &'static str {
        match self {
            Trigger::Discovery => "discovery",
            Trigger::Determination => "determination that a breach occurred",
            Trigger::ContractorNotice => "receipt of the contractor's notice",
            Trigger::DiscoveryOrContractorNotice => {
                "discovery, or receipt of the contractor's notice"
            }
            Trigger::DelayEnd => "end of the law-enforcement delay",
            Trigger::IndividualsNotice => "notice to individuals",
            Trigger::RansomPayment => "payment of the ransom",
            Trigger::HhsNotice => "notice of the HIPAA breach to HHS",
            Trigger::Recovery => "recovery from the incident",
        }
    }

    /// The id used in `deadlines --format json` (`from`).
    pub fn id(self) -> &'static str {
        match self {
            Trigger::Discovery => "discovery",
            Trigger::Determination => "determination",
            Trigger::ContractorNotice => "contractor_notice",
            Trigger::DiscoveryOrContractorNotice => "discovery_or_contractor_notice",
            Trigger::DelayEnd => "delay_end",
            Trigger::IndividualsNotice => "individuals_notice",
            Trigger::RansomPayment => "ransom_payment",
            Trigger::HhsNotice => "hhs_notice",
            Trigger::Recovery => "recovery",
        }
    }

    /// Parses the names a site's `[[policy]] from` may use.
    pub fn parse_policy(text: &str) -> Option<Trigger> {
        match text.trim() {
            "discovered" | "discovery" => Some(Trigger::Discovery),
            "determined" | "determination" => Some(Trigger::Determination),
            "contractor_notice" | "contractor.notified_district" => Some(Trigger::ContractorNotice),
            "delay_end" | "law_enforcement_delay.lifted" => Some(Trigger::DelayEnd),
            "individuals_notice" | "notified.individuals" => Some(Trigger::IndividualsNotice),
            "district_learned" => Some(Trigger::DiscoveryOrContractorNotice),
            "recovered" | "recovery" => Some(Trigger::Recovery),
            _ => None,
        }
    }
}

/// One condition of a rule; a rule applies when all of its conditions hold.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Condition {
    Always,
    /// The breach was a contractor's (`contractor` is set).
    Contractor,
    /// The district's own breach.
    OwnBreach,
    LawEnforcementDelay,
    NoLawEnforcementDelay,
    /// At least one data element is in the category.
    DataIn(String),
    /// Every data element is in the category.
    DataOnly(String),
    /// At least one data element is outside the category.
    DataBeyond(String),
    /// More than N residents of the state affected (`affected.residents`, default the count).
    ResidentsOver(u64),
    /// More than N persons affected.
    CountOver(u64),
    /// The data was computerized (`medium` is not `paper`).
    Computerized,
    /// A ransom was paid (`ransom.paid`).
    RansomPaid,
    /// A HIPAA breach was reported to HHS (`hipaa.hhs_notified`).
    HipaaBreach,
    /// The group is among `affected.groups`.
    Group(String),
    /// An element of the category is listed; when none is, it may still be involved (the
    /// record may not list, say, the names that go with numbers): unknown, never no.
    DataMaybe(String),
    /// The pack's named statute reaches the breach (`[statute.NAME]`).
    Covered(String),
    /// The pack is applied to a district of another state, because some of the affected
    /// people live in the pack's state (`affected.residents`).
    Elsewhere,
    /// The condition does not hold.
    Not(Box<Condition>),
}

impl TryFrom<String> for Condition {
    type Error = String;

    fn try_from(text: String) -> Result<Condition, String> {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix("not:") {
            return Ok(Condition::Not(Box::new(Condition::try_from(
                rest.to_string(),
            )?)));
        }
        if let Some((kind, category)) = text.split_once(':') {
            let category = category.trim().to_string();
            return match kind.trim() {
                "data_in" => Ok(Condition::DataIn(category)),
                "data_only" => Ok(Condition::DataOnly(category)),
                "data_beyond" => Ok(Condition::DataBeyond(category)),
                "data_maybe" => Ok(Condition::DataMaybe(category)),
                "group" => Ok(Condition::Group(category)),
                "covered" => Ok(Condition::Covered(category)),
                other => Err(format!("unknown condition \"{other}:\"")),
            };
        }
        if let Some((what, n)) = text.split_once('>') {
            let n: u64 = n
                .trim()
                .parse()
                .map_err(|_| format!("\"{n}\" is not a whole number"))?;
            return match what.trim() {
                "residents" => Ok(Condition::ResidentsOver(n)),
                "count" => Ok(Condition::CountOver(n)),
                other => Err(format!("unknown threshold \"{other}\"")),
            };
        }
        match text {
            "always" => Ok(Condition::Always),
            "contractor" => Ok(Condition::Contractor),
            "own_breach" => Ok(Condition::OwnBreach),
            "law_enforcement_delay" => Ok(Condition::LawEnforcementDelay),
            "no_law_enforcement_delay" => Ok(Condition::NoLawEnforcementDelay),
            "computerized" => Ok(Condition::Computerized),
            "ransom_paid" => Ok(Condition::RansomPaid),
            "hipaa" => Ok(Condition::HipaaBreach),
            "elsewhere" => Ok(Condition::Elsewhere),
            other => Err(format!("unknown condition \"{other}\"")),
        }
    }
}

impl Condition {
    /// The category a data condition names, if any.
    pub fn category(&self) -> Option<&str> {
        match self {
            Condition::DataIn(c)
            | Condition::DataOnly(c)
            | Condition::DataBeyond(c)
            | Condition::DataMaybe(c) => Some(c),
            Condition::Not(inner) => inner.category(),
            _ => None,
        }
    }

    /// The statute a `covered:` condition names, if any.
    pub fn statute(&self) -> Option<&str> {
        match self {
            Condition::Covered(s) => Some(s),
            Condition::Not(inner) => inner.statute(),
            _ => None,
        }
    }

    /// The group a `group:` condition names, if any.
    pub fn group(&self) -> Option<&str> {
        match self {
            Condition::Group(g) => Some(g),
            Condition::Not(inner) => inner.group(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_parse_from_words() {
        let parse = |s: &str| Clock::try_from(s.to_string());
        assert_eq!(parse("7 calendar days"), Ok(Clock::CalendarDays(7)));
        assert_eq!(parse("60 days"), Ok(Clock::CalendarDays(60)));
        assert_eq!(parse("2 business days"), Ok(Clock::BusinessDays(2)));
        assert_eq!(parse("3 working days"), Ok(Clock::BusinessDays(3)));
        assert_eq!(parse("72 hours"), Ok(Clock::Hours(72)));
        assert_eq!(parse("at the same time"), Ok(Clock::SameTime));
        assert_eq!(
            parse("As soon as practicable"),
            Ok(Clock::NoFixedDate(Pace::AsSoonAsPracticable))
        );
        let expedient = "in the most expedient time possible and without unreasonable delay";
        assert_eq!(
            parse(expedient).map(|c| c.to_string()).as_deref(),
            Ok(expedient)
        );
        assert!(parse("soon").is_err());
        assert!(parse("3 fortnights").is_err());
        assert_eq!(Clock::BusinessDays(1).to_string(), "1 business day");
    }

    #[test]
    fn conditions_parse_from_words() {
        let parse = |s: &str| Condition::try_from(s.to_string());
        assert_eq!(
            parse("data_in:private_information"),
            Ok(Condition::DataIn("private_information".into()))
        );
        assert_eq!(
            parse("residents > 5000"),
            Ok(Condition::ResidentsOver(5000))
        );
        assert_eq!(parse("contractor"), Ok(Condition::Contractor));
        assert!(parse("sometimes").is_err());
        assert!(parse("data_near:x").is_err());
        assert_eq!(
            parse("not:covered:edlaw_2d"),
            Ok(Condition::Not(Box::new(Condition::Covered(
                "edlaw_2d".into()
            ))))
        );
        assert_eq!(parse("group:staff"), Ok(Condition::Group("staff".into())));
        assert_eq!(parse("computerized"), Ok(Condition::Computerized));
        assert_eq!(parse("elsewhere"), Ok(Condition::Elsewhere));
    }
}

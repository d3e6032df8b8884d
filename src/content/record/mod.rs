//! An incident record (`content/incidents/SLUG.yaml`) read into a typed [`Incident`],
//! with every problem in the file reported, not just the first: the YAML is parsed, then
//! deserialized into the record's serde structs (`types`, whose fields never fail to
//! deserialize and keep what is wrong), and converted into the model (`convert`), each
//! problem becoming a diagnostic at its place in the file (`problems`).

mod convert;
mod guards;
mod problems;
mod types;
mod values;

use std::sync::Arc;

use serde_yaml::Value;

use crate::content::yaml;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::Incident;

use problems::Reporter;
use types::{FromValue, Group, RawRecord};

pub use values::{parse_date, parse_moment};

/// Reads one record. Problems go to `diagnostics`; `None` when the file cannot be read as
/// a record at all.
pub fn parse(
    file: &str,
    slug: &str,
    source: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Incident> {
    // The diagnostics and the record's span index share one copy of the text.
    let shared: Arc<str> = Arc::from(source);
    diagnostics.add_shared_source(file, Arc::clone(&shared));
    let document = match yaml::parse_shared(shared) {
        Ok(document) => document,
        Err(error) => {
            let mut problem = super::syntax::problem(file, source, &error);
            // One broken draft must not hold up an urgent update to a live notice: a file
            // that plainly says `status: draft` is left out with a warning. Any other file
            // that cannot be read stops the build (dropping a live notice silently would be
            // worse).
            if says_draft(source) {
                problem.severity = Severity::Warning;
                problem.message = format!(
                    "this draft is left out until it can be read: {}",
                    problem.message
                );
            }
            diagnostics.push(problem);
            return None;
        }
    };
    let value = document.value;
    let mut reporter = Reporter {
        file,
        source,
        spans: &document.spans,
        // Known first, so that every problem in a draft is a warning.
        draft: value.get("status").and_then(Value::as_str).map(str::trim) == Some("draft"),
        misspelled: Vec::new(),
        comments_after_values: source.contains(" #") || source.contains("\t#"),
        diagnostics,
    };
    if !value.is_mapping() {
        let problem = if value.is_null() {
            Diagnostic::error(file, "this record is empty").expected(
                "the fields of an incident record; `breachpage new` writes a complete example",
            )
        } else {
            let expected = format!(
                "a group of indented fields: {}",
                types::names::<RawRecord>().join(", ")
            );
            Diagnostic::error(file, "a record must be a group of fields")
                .expected(expected)
                .found(problems::describe(&value))
        };
        reporter.diagnostics.push(problem.at(&reporter.start()));
        return None;
    }
    // The texts as written are checked first: reading the record consumes the YAML.
    let errors = reporter.diagnostics.error_count();
    reporter.pii_guard(&value, &mut String::new(), &types::allowed_texts(&value));
    reporter.hidden_guard(&value, "");
    let text_errors = reporter.diagnostics.error_count() - errors;
    let record = match Group::<RawRecord>::from_value(value) {
        Ok(record) => record,
        Err(bad) => {
            reporter.bad("", bad, "");
            return None;
        }
    };
    let mut incident = reporter.incident(slug, record, text_errors)?;
    incident.locations = Arc::new(document.spans);
    Some(incident)
}

/// Whether the text of a record, read line by line, says `status: draft` at its top level.
fn says_draft(source: &str) -> bool {
    let mut statuses = source.lines().filter_map(|line| {
        let value = line.strip_prefix("status:")?;
        let value = value.split(" #").next().unwrap_or("").trim();
        Some(value.trim_matches(|c| c == '"' || c == '\''))
    });
    matches!((statuses.next(), statuses.next()), (Some("draft"), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Known, Moment, Status};
    use chrono::NaiveDate;

    fn read(source: &str) -> (Option<Incident>, Vec<Diagnostic>) {
        let mut diagnostics = Diagnostics::new();
        let incident = parse("content/incidents/x.yaml", "x", source, &mut diagnostics);
        (
            incident,
            diagnostics.sorted().into_iter().cloned().collect(),
        )
    }

    const COMPLETE: &str = "\
title: Unauthorized access to the student information system
status: active
published: 2025-01-10
summary: Someone outside the district viewed student records.
discovered: 2025-01-08T14:30
data: [student_name, date_of_birth]
affected:
  count: 1250
  groups: [students, parents]
description: What happened.
investigation: What we are doing.
";

    #[test]
    fn a_complete_record_reads_cleanly() {
        let (incident, problems) = read(COMPLETE);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        assert_eq!(incident.status, Status::Active);
        assert_eq!(incident.affected.count, Known::Known(1250));
        assert!(incident.affected.estimated);
        assert_eq!(
            incident.discovered,
            Some(Moment::DateTime(
                NaiveDate::from_ymd_opt(2025, 1, 8)
                    .unwrap()
                    .and_hms_opt(14, 30, 0)
                    .unwrap()
            ))
        );
    }

    const TWO_GROUPS: &str = "\
title: Student information system breach
status: active
published: 2025-01-10
summary: A vendor's system was breached.
discovered: 2025-01-08
affected:
  groups:
    - group: students
      count: 495448
      data: [student_name, date_of_birth, student_id]
      identity_protection:
        months: 24
        service: identity protection for minors
        how_to_enroll: Call the help line.
    - group: staff
      count: 56138
      data: [staff_name, ssn, date_of_birth]
    - parents
description: What happened.
investigation: What we are doing.
";

    #[test]
    fn the_long_form_of_groups_derives_the_total_and_the_data() {
        let (incident, problems) = read(TWO_GROUPS);
        assert!(incident.is_none());
        // Parents give no count and no data of their own: the record must give both.
        let found: Vec<&str> = problems.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(found, ["data", "affected.count"], "{problems:?}");
        let two = TWO_GROUPS.replace("    - parents\n", "");
        let (incident, problems) = read(&two);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        assert_eq!(incident.affected.count, Known::Known(551_586));
        assert_eq!(
            incident.data,
            Known::Known(
                [
                    "student_name",
                    "date_of_birth",
                    "student_id",
                    "staff_name",
                    "ssn"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        let students = &incident.affected.detail[0];
        assert_eq!(students.count, Some(Known::Known(495_448)));
        assert_eq!(students.identity_protection.as_ref().unwrap().months, 24);
        assert!(incident.affected.detail[1].identity_protection.is_none());
    }

    #[test]
    fn a_group_without_its_own_data_takes_the_records() {
        let source = TWO_GROUPS
            .replace(
                "description:",
                "data: [student_name, date_of_birth, student_id, staff_name, ssn, address]\ndescription:",
            )
            .replace("  groups:", "  count: 560000\n  groups:");
        let (incident, problems) = read(&source);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        use crate::model::Group;
        assert_eq!(
            incident.affected.groups,
            [Group::Students, Group::Staff, Group::Parents]
        );
        let by_group = incident.affected.data_by_group(&incident.data);
        assert_eq!(by_group.len(), 3);
        assert_eq!(by_group[2].1, &incident.data);
        assert_eq!(
            by_group[1].1,
            &Known::Known(
                ["staff_name", "ssn", "date_of_birth"]
                    .map(String::from)
                    .to_vec()
            )
        );
    }

    #[test]
    fn totals_and_data_that_disagree_with_the_groups_are_errors() {
        let two = TWO_GROUPS.replace("    - parents\n", "");
        let source = two
            .replace("  groups:", "  count: 600000\n  groups:")
            .replace(
                "description:",
                "data: [student_name, date_of_birth, student_id, ssn, grades]\ndescription:",
            );
        let (incident, problems) = read(&source);
        assert!(incident.is_none());
        let found: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.field.as_deref().unwrap_or(""), p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "affected.count",
                    "the total, 600000, is more than the groups' counts add up to, 551586"
                ),
                (
                    "affected.groups[1].data[0]",
                    "`staff_name` is not in the record's `data`"
                ),
                ("data[4]", "no group lists `grades`"),
            ],
            "{problems:#?}"
        );
        // People in two groups count once: a total between the largest group and the sum.
        let (_, problems) = read(&two.replace("  groups:", "  count: 520000\n  groups:"));
        assert!(problems.is_empty(), "{problems:?}");
        let (_, problems) = read(&two.replace("  groups:", "  count: 400000\n  groups:"));
        assert_eq!(
            problems[0].message,
            "the total, 400000, is less than one group's own count, 495448"
        );
        // A group listed twice.
        let (_, problems) = read(&TWO_GROUPS.replace("    - parents\n", "    - students\n"));
        assert_eq!(problems[0].field.as_deref(), Some("affected.groups[2]"));
        assert_eq!(problems[0].message, "this group is listed twice");
    }

    #[test]
    fn help_lines_faqs_and_links_are_read() {
        let source = format!(
            "{COMPLETE}help_line:\n  phone: 833-555-0199\n  hours: Monday to Friday, 9 a.m. to 9 p.m.\n  closes: 2025-04-30\nfaq:\n  - question: Was my child affected?\n    answer: If you got a letter, yes.\nlinks:\n  - label: The vendor's notice\n    url: https://vendor.example/notice\nnotifying:\n  letters: 2025-01-20\n  if_nothing: If you got no letter, you were not affected.\n"
        );
        let (incident, problems) = read(&source);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        assert_eq!(
            incident.help_line.unwrap().phone.as_deref(),
            Some("833-555-0199")
        );
        assert_eq!(incident.faq[0].question, "Was my child affected?");
        assert_eq!(incident.links[0].url, "https://vendor.example/notice");
        assert!(incident.notifying.unwrap().if_nothing.is_some());

        let wrong = source
            .replace("  phone: 833-555-0199\n", "")
            .replace("https://vendor.example/notice", "vendor.example/notice")
            .replace("    answer: If you got a letter, yes.\n", "");
        let (incident, problems) = read(&wrong);
        assert!(incident.is_none());
        let found: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.field.as_deref().unwrap_or(""), p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("faq[0].answer", "required field `faq[0].answer` is missing"),
                ("help_line", "a help line needs a way to reach it"),
                ("links[0].url", "this is not a web address"),
            ],
            "{problems:#?}"
        );
    }

    #[test]
    fn every_reader_text_has_a_translation_or_is_marked_untranslated() {
        let source = format!(
            "{}other_data: Bus routes.\nhelp_line:\n  phone: 833-555-0199\n  hours: Weekdays, 9 to 5\nfaq:\n  - question: Q1?\n    answer: A1.\n  - question: Q2?\n    answer: A2.\nlinks:\n  - label: The vendor's notice\n    url: https://vendor.example/notice\nnotifying:\n  if_nothing: No letter, not affected.\n",
            TWO_GROUPS.replace("    - parents\n", "")
        );
        let translated = format!(
            "{source}translations:\n  es:\n    title: T\n    summary: S\n    description: D\n    investigation: I\n    other_data: Rutas.\n    groups:\n      - group: students\n        identity_protection:\n          service: protección para menores\n          how_to_enroll: Llame.\n    help_line:\n      hours: Entre semana\n    faq:\n      - question: P1?\n        answer: R1.\n    links:\n      - label: El aviso\n        url: https://vendor.example/aviso\n    notifying:\n      if_nothing: Sin carta, no afectado.\n"
        );
        let (incident, problems) = read(&translated);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        let (es, fallback) = incident.localized("es", "en");
        // One question of two is translated; nothing else is missing.
        assert_eq!(fallback, ["faq"]);
        assert_eq!(es.other_data.as_deref(), Some("Rutas."));
        assert_eq!(es.faq[0].question, "P1?");
        assert_eq!(es.faq[1].question, "Q2?");
        assert_eq!(es.links[0].url, "https://vendor.example/aviso");
        assert_eq!(
            es.help_line.as_ref().unwrap().hours.as_deref(),
            Some("Entre semana")
        );
        let students = &es.affected.detail[0];
        assert_eq!(
            students.identity_protection.as_ref().unwrap().service,
            "protección para menores"
        );
        // With no translation at all, every text is named.
        let (_, fallback) = incident.localized("fr", "en");
        assert_eq!(
            fallback,
            [
                "title",
                "summary",
                "description",
                "investigation",
                "other_data",
                "groups",
                "help_line.hours",
                "faq",
                "links",
                "notifying"
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let source = COMPLETE
            .replace("summary:", "sumary:")
            .replace("published: 2025-01-10", "published: 2025-02-30")
            .replace("count: 1250", "count: lots");
        let (incident, problems) = read(&source);
        assert!(incident.is_none());
        let lines: Vec<(usize, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_deref()))
            .collect();
        assert!(lines.contains(&(3, Some("published"))), "{lines:?}");
        assert!(lines.contains(&(4, Some("sumary"))), "{lines:?}");
        assert!(lines.contains(&(8, Some("affected.count"))), "{lines:?}");
        assert!(
            !lines.iter().any(|(_, f)| *f == Some("summary")),
            "a misspelled field is not also reported missing: {lines:?}"
        );
        let unknown = problems
            .iter()
            .find(|p| p.field.as_deref() == Some("sumary"))
            .unwrap();
        assert_eq!(unknown.hint.as_deref(), Some("did you mean `summary`?"));
    }

    #[test]
    fn a_wrong_value_hides_no_other_problem() {
        // A wrong type in a group, an unknown field in another and a missing one in a
        // third, each with its place.
        let source = COMPLETE
            .replace("count: 1250", "count: [1250]\n  estimatd: true")
            .replace("title: Unauthorized access to the student information system\n", "")
            .replace("data: [student_name, date_of_birth]", "data: [student_name, 3]")
            + "contractor:\n  name: Vendor\n  notified_district: soon\nranson:\n  paid: 2025-01-09\n";
        let (incident, problems) = read(&source);
        assert!(incident.is_none());
        let found: Vec<(usize, &str, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_deref().unwrap_or(""), p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (0, "title", "required field `title` is missing"),
                (5, "data[1]", "this must be text"),
                (7, "affected.count", "this must be a whole number"),
                (
                    8,
                    "affected.estimatd",
                    "`estimatd` is not a field breachpage knows here"
                ),
                (
                    14,
                    "contractor.notified_district",
                    "this is not a valid date"
                ),
                (
                    15,
                    "ranson",
                    "`ranson` is not a field breachpage knows here"
                ),
            ],
            "{problems:#?}"
        );
    }

    #[test]
    fn unknown_values_read_as_unknown() {
        let source = COMPLETE
            .replace("data: [student_name, date_of_birth]", "data: unknown")
            .replace("count: 1250", "count: unknown");
        let (incident, problems) = read(&source);
        assert!(problems.is_empty(), "{problems:?}");
        let incident = incident.unwrap();
        assert_eq!(incident.data, Known::Unknown);
        assert_eq!(incident.affected.count, Known::Unknown);
    }

    #[test]
    fn vocabulary_typos_get_a_suggestion() {
        let source = COMPLETE.replace("date_of_birth]", "date_of_brith]");
        let (_, problems) = read(&source);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("data[1]"));
        assert!(problems[0]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean `date_of_birth`?"));
    }

    #[test]
    fn a_nested_field_at_the_top_level_points_to_its_group() {
        let source = format!("{COMPLETE}notified_district: 2025-01-09\n");
        let (_, problems) = read(&source);
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `notified_district`, indented under `contractor:`?")
        );
    }

    #[test]
    fn drafts_may_be_incomplete() {
        let (incident, problems) = read("title: Something happened\nstatus: draft\n");
        assert!(incident.is_some());
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    }

    #[test]
    fn dates_must_be_real_and_written_in_full() {
        assert_eq!(
            parse_date("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
        assert_eq!(
            parse_date("2025-12-31"),
            Ok(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
        );
        for wrong in ["2025-13-01", "2025-00-10", "2025-04-31", "2025-04-00"] {
            assert!(
                parse_date(wrong)
                    .unwrap_err()
                    .contains("not a real calendar date"),
                "{wrong}"
            );
        }
        assert!(parse_date("2025-01-0x").is_err());
        assert!(parse_date("+025-01-08").is_err());
        assert!(parse_date("2025-02-29")
            .unwrap_err()
            .contains("not a real calendar date"));
        assert!(parse_date("2026-2-30")
            .unwrap_err()
            .contains("not a real calendar date"));
        assert_eq!(
            parse_date("2025-2-3").unwrap_err(),
            "write the month and the day with two digits each: 2025-02-03"
        );
        assert!(parse_date("January 8, 2025").is_err());
    }

    #[test]
    fn counts_with_commas_get_a_hint() {
        let (_, problems) = read(&COMPLETE.replace("count: 1250", "count: \"1,250\""));
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("write the number without commas: 1250")
        );
    }

    #[test]
    fn tabs_get_a_hint() {
        let (_, problems) = read("title: x\naffected:\n\tcount: 3\n");
        assert!(
            problems[0].hint.as_deref().unwrap().contains("tab"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_colon_inside_a_value_gets_a_quoting_hint() {
        let (_, problems) = read("title: x\nsummary: Update: all accounts reset\n");
        assert_eq!(problems[0].line, 2, "{problems:?}");
        assert!(
            problems[0].hint.as_deref().unwrap().contains("in quotes"),
            "{problems:?}"
        );
        let (_, problems) = read("title: x\nstatus: active\n  bad: [\n");
        assert!(
            problems[0].hint.as_deref().unwrap().contains("indenting"),
            "{problems:?}"
        );
    }

    #[test]
    fn social_security_numbers_are_caught_where_they_are_written() {
        let source = format!("{COMPLETE}updates:\n  - date: 2025-01-11\n    text: Student 123-45-6789 was affected.\n");
        let (incident, problems) = read(&source);
        assert!(incident.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("updates[0].text"));
        assert_eq!((problems[0].line, problems[0].column), (14, 19));
        let allowed = format!("{source}pii_allow: [\"123-45-6789\"]\n");
        let (incident, problems) = read(&allowed);
        assert!(incident.is_some() && problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn text_cut_by_a_comment_is_flagged() {
        let (_, problems) = read(&COMPLETE.replace(
            "title: Unauthorized access to the student information system",
            "title: Breach #3 at school",
        ));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("\"Breach #3 at school\""),
            "{problems:?}"
        );
        let (_, problems) = read(&COMPLETE.replace(
            "title: Unauthorized access to the student information system",
            "title: \"Breach #3 at school\"",
        ));
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn updates_are_newest_first() {
        let source = format!("{COMPLETE}updates:\n  - date: 2025-01-11\n    text: first\n  - date: 2025-01-15\n    text: second\n");
        let (incident, problems) = read(&source);
        assert!(problems.is_empty(), "{problems:?}");
        let texts: Vec<String> = incident
            .unwrap()
            .updates
            .into_iter()
            .map(|u| u.text)
            .collect();
        assert_eq!(texts, ["second", "first"]);
    }
}

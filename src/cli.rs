//! The command line (clap).

use std::net::IpAddr;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "breachpage",
    version,
    about = "Builds a school district's public data-breach notice site from YAML incident records",
    long_about = "Builds a school district's public data-breach notice site from YAML incident \
records, and checks every notice against the jurisdiction's law before it is published.\n\n\
Exit status: 0 success; 1 the site has errors; 2 bad usage or unreadable configuration."
)]
pub struct Cli {
    /// The site's folder (the one holding site.toml)
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate everything, then write the public site
    Build {
        /// Where to write the site [default: public/ in the site's folder]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[command(flatten)]
        today: Today,
    },
    /// Run every validation that build runs, and write nothing
    Check {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        today: Today,
    },
    /// Start a new incident record: a commented draft in content/incidents/
    New {
        /// The headline of the notice
        title: String,
        /// Mark what this state's law requires [default: the site's jurisdiction]
        #[arg(long, value_name = "XX")]
        jurisdiction: Option<String>,
        /// When the breach was discovered (YYYY-MM-DD or YYYY-MM-DDTHH:MM)
        #[arg(long, value_name = "DATE")]
        discovered: Option<String>,
        /// One or two plain sentences summing up the incident
        #[arg(long)]
        summary: Option<String>,
        /// The contractor whose breach it was
        #[arg(long, value_name = "NAME")]
        contractor: Option<String>,
        /// About how many people were affected (3100 or 3,100)
        #[arg(long, value_parser = parse_count)]
        count: Option<u64>,
        /// Who was affected: students, parents, teachers, principals, staff
        #[arg(long, value_delimiter = ',')]
        groups: Vec<String>,
        /// Ask for the key facts even when not run in a terminal
        #[arg(long, conflicts_with = "no_input")]
        interactive: bool,
        /// Never ask; use only the flags given
        #[arg(long)]
        no_input: bool,
        #[command(flatten)]
        today: Today,
    },
    /// Create a new, working site skeleton in DIR (default: the current folder)
    Init {
        /// Where to create the site
        dir: Option<PathBuf>,
        /// Whose law applies: CA, CT, IL, NY, PA or TX
        #[arg(long, value_name = "XX")]
        jurisdiction: Option<String>,
        /// The district's full name
        #[arg(long, value_name = "NAME")]
        district: Option<String>,
        /// Ask for the district and state even when not run in a terminal
        #[arg(long, conflicts_with = "no_input")]
        interactive: bool,
        /// Never ask; use only the flags given
        #[arg(long)]
        no_input: bool,
    },
    /// Print the JSON Schema of an incident record, for editors
    Schema,
    /// Show the legal timeline of each incident: every obligation, its due date and state
    Deadlines {
        /// Only this incident (the record's file name without .yaml)
        slug: Option<String>,
        /// Output format: text, json, or ics (an iCalendar file of the open deadlines, for a
        /// calendar app)
        #[arg(long, value_enum, default_value_t = DeadlinesFormat::Text)]
        format: DeadlinesFormat,
        /// Exit with status 1 when any obligation is overdue (for a daily cron job)
        #[arg(long)]
        fail_on_overdue: bool,
        #[command(flatten)]
        today: Today,
    },
    /// Write the staff kit of an incident: letters (HTML and PDF), email, SMS, call script,
    /// call-centre sheet, regulator filings, the compliance record and a mail merge
    #[command(
        long_about = "Writes the staff kit of one incident to kit/SLUG/ in the site's folder (or \
--output): letters to each audience the record names (parents and guardians, adult students, \
staff) as HTML and print-ready PDF, an email, an SMS, a recorded-call script and a call-centre \
sheet, in every language the site publishes; a pre-filled sheet for each regulator filing \
that applies, with its due date and how to file; the incident's compliance record; and the \
deadlines as a calendar file. With --recipients, one PDF per audience and language with one \
letter per recipient, for a mail house, and merge-report.txt. Every check of `build` runs \
first. The kit is never written inside public/, content/, static/, themes/ or templates/, \
and recipients' names and addresses appear only in the mail-merge PDFs."
    )]
    Kit {
        /// The incident (the record's file name without .yaml)
        slug: String,
        /// A CSV file of recipients: columns name, address_1, address_2, …, language,
        /// audience (see docs/kit.md)
        #[arg(long, value_name = "FILE")]
        recipients: Option<PathBuf>,
        /// Where to write the kit [default: kit/SLUG/ in the site's folder]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[command(flatten)]
        today: Today,
    },
    /// Preview the site locally, drafts included and marked, reloading the browser on every change
    #[command(
        long_about = "Serves a local preview of the site and rebuilds it in memory whenever \
site.toml, content/, themes/, templates/ or static/ change; open pages reload by themselves. \
Notices the public site leaves out (drafts, scheduled notices, notices under a law-enforcement \
delay) are shown, marked \"Preview — not published\". When a change breaks the site, the last \
good version stays up with the errors shown over it. Nothing is written to public/."
    )]
    Serve {
        /// The port to listen on (0: any free port)
        #[arg(long, default_value_t = 8000, value_name = "N")]
        port: u16,
        /// The address to listen on. Anything but a loopback address makes the preview,
        /// drafts included, reachable from other computers
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: IpAddr,
        /// Open the preview in the default web browser
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        today: Today,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// `deadlines` also writes a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeadlinesFormat {
    Text,
    Json,
    Ics,
}

#[derive(Debug, clap::Args)]
pub struct Today {
    /// Treat this date (YYYY-MM-DD) as today, for reproducible builds and checks
    #[arg(long = "today", env = "BREACHPAGE_TODAY", value_name = "DATE", value_parser = parse_today)]
    pub date: Option<NaiveDate>,
}

impl Today {
    /// The date given, or today in US Eastern time: the earliest midnight of the supported
    /// states, so that a deadline is never shown later than it is (hour clocks use each
    /// state's own time zone).
    pub fn resolve(&self) -> NaiveDate {
        self.date
            .unwrap_or_else(crate::compliance::calendar::today_eastern)
    }
}

/// A whole number, with or without thousands separators: `3,100` is 3100.
fn parse_count(text: &str) -> Result<u64, String> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{A0}'))
        .collect();
    digits.parse().map_err(|_| {
        format!("\"{text}\" is not a number of people: write a whole number such as 3100 (3,100 is fine too)")
    })
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    crate::content::record::parse_date(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_may_have_thousands_separators() {
        assert_eq!(parse_count("3,100"), Ok(3100));
        assert_eq!(parse_count(" 12 500 "), Ok(12500));
        assert!(parse_count("about 40")
            .unwrap_err()
            .contains("whole number such as 3100"));
    }
}

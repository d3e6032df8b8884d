//! Synthetic breachpage sites for benchmarks and tests: N incident records of realistic
//! variety (statuses, contractors, data lists, unknowns, updates, delays, substitute
//! notice), every one valid under `breachpage check` for the chosen jurisdiction, and an
//! equivalent Hugo site (same pages, same Markdown) to compare build times against.
//!
//! Deterministic: the same N, jurisdiction and seed give the same files.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use chrono::{Duration, NaiveDate};

/// The build date the generated sites are written around (`--today`).
pub const TODAY: &str = "2026-11-22";

#[derive(Debug, Clone)]
pub struct Options {
    pub count: usize,
    /// `NY`, `CT` or `PA`.
    pub jurisdiction: String,
    pub seed: u64,
}

/// What one generated record is, and what a public build makes of it.
#[derive(Debug, Clone)]
pub struct Record {
    pub slug: String,
    pub yaml: String,
    pub title: String,
    pub summary: String,
    /// Posting date, when the record is not a draft.
    pub published: Option<NaiveDate>,
    /// Whether a build on [`TODAY`] publishes it.
    pub public: bool,
    pub media_release: bool,
    /// The Markdown a reader sees on the notice (description, investigation, updates).
    pub markdown: String,
}

/// Counts of what was generated.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub records: usize,
    pub public: usize,
    pub media_releases: usize,
    pub words: usize,
}

/// A small deterministic generator (SplitMix64): no dependency, same output everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1).max(1) as u64;
        lo + (self.next() % span) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const GROUPS: &[&str] = &["students", "parents", "teachers", "principals", "staff"];
const SCHOOLS: &[&str] = &[
    "Maple Ridge High School",
    "Birchwood Middle School",
    "Cedar Lane Elementary School",
    "Hillcrest Elementary School",
    "the district office",
    "the transportation department",
    "the special education office",
    "the adult education program",
];
const CONTRACTORS: &[&str] = &[
    "ClassNotes Learning, Inc.",
    "BrightPath Student Systems",
    "Lumen Assessment Co.",
    "Harbor Transportation Software",
    "NorthStar Payroll Services",
    "Keystone Health Records LLC",
    "Summit Library Solutions",
];
const SYSTEMS: &[&str] = &[
    "student information system",
    "gradebook",
    "payroll portal",
    "cafeteria payment service",
    "bus routing application",
    "nurse's office records system",
    "library catalogue",
    "online assessment platform",
];

struct Topic {
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    cause: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        slug: "phishing",
        title: "Phishing email gave access to the {system}",
        summary: "A phishing email tricked a staff member at {school} into sharing a password, and someone used it to view records in the {system}.",
        cause: &[
            "A staff member at {school} received an email that looked like a message from the help desk and entered a password on a fake sign-in page.",
            "The person who sent the email then signed in to the {system} with that password.",
            "The email was written to look like a routine request to confirm an account before the end of the school year.",
        ],
    },
    Topic {
        slug: "vendor-breach",
        title: "Breach at a vendor that runs the {system}",
        summary: "{contractor}, which runs the {system} the District uses, reported that an unauthorized person accessed its systems.",
        cause: &[
            "{contractor} told the District that someone outside the company had signed in to one of its support accounts with a stolen password.",
            "The company runs the {system} used at {school} and other schools in the District.",
            "The company found the access while reviewing its own sign-in records.",
        ],
    },
    Topic {
        slug: "ransomware",
        title: "Ransomware attack on the {system}",
        summary: "Malicious software locked files on servers that hold the {system}, and some files were copied before the attack was stopped.",
        cause: &[
            "Malicious software known as ransomware locked files on two servers used by {school}.",
            "The attackers demanded payment; the District did not pay and restored its systems from backups.",
            "Before the files were locked, some of them were copied to a computer outside the District.",
        ],
    },
    Topic {
        slug: "misdirected-email",
        title: "Spreadsheet emailed to the wrong recipients",
        summary: "A spreadsheet with information about people at {school} was emailed to a distribution list by mistake.",
        cause: &[
            "A staff member at {school} attached the wrong file to an email sent to a distribution list of parents.",
            "The spreadsheet had been exported from the {system} for an internal report.",
            "Several recipients told the District about the mistake within the hour.",
        ],
    },
    Topic {
        slug: "lost-laptop",
        title: "Laptop lost with unencrypted files",
        summary: "A District laptop holding files from the {system} was lost, and the files on it were not encrypted.",
        cause: &[
            "A laptop assigned to a staff member at {school} was left on a train and has not been found.",
            "The laptop held files downloaded from the {system} for work at home.",
            "The laptop was protected by a password, but the files on it were not encrypted.",
        ],
    },
    Topic {
        slug: "shared-folder",
        title: "Shared folder open to anyone with the link",
        summary: "A shared folder with records from the {system} could be opened by anyone who had its link.",
        cause: &[
            "A shared folder used by {school} was set so that anyone with its link could open it.",
            "The folder held reports exported from the {system}.",
            "The link had been posted on a class page that was visible to the public.",
        ],
    },
];

const INVESTIGATION: &[&str] = &[
    "The District reset the passwords of every affected account and turned on two-step sign-in for all staff.",
    "The District hired an independent security firm to find out exactly what was seen or copied.",
    "The District reported the incident to the State Education Department's Chief Privacy Officer.",
    "Law enforcement was informed and is reviewing what happened.",
    "The District is reviewing its contract with the company and the company's data security plan.",
    "Staff at {school} will complete additional training on recognising suspicious email.",
    "The District removed the files from the shared folder and reviewed every other shared folder it uses.",
    "The {system} now records every sign-in, and the records are reviewed each week.",
    "Letters are being mailed to every affected family, with the steps described on this page.",
    "The District is checking whether any of the information has been posted online.",
];

const DETAILS: &[&str] = &[
    "The District has *no evidence* that the information has been misused.",
    "The information that could be seen is listed below, grouped by category.",
    "No passwords for families' own accounts were involved.",
    "The District learned of the problem from a report by a member of its staff.",
    "Records from earlier school years were **not** involved.",
    "Families can read more about protecting themselves at [IdentityTheft.gov](https://www.identitytheft.gov).",
    "The District is sorry that this happened and takes the privacy of its students and staff seriously.",
    "The affected records were created between the start of the school year and the date of the incident.",
];

const UPDATES: &[&str] = &[
    "Letters were mailed to the families of all affected students.",
    "The independent review is complete and found no sign that the information was copied or used.",
    "The company finished restoring its systems and has added two-step sign-in for all of its staff.",
    "The District answered questions from families at the board meeting; the *recording* is on the District's website.",
    "Law enforcement has closed its inquiry. The District considers this matter resolved.",
    "The number of people affected was revised after the review of the server records.",
    "A call centre is now open for questions, Monday to Friday, 8:00 a.m. to 6:00 p.m.",
];

fn fill(template: &str, school: &str, system: &str, contractor: &str) -> String {
    template
        .replace("{school}", school)
        .replace("{system}", system)
        .replace("{contractor}", contractor)
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A YAML literal block (`|`) indented by `indent` spaces under its key.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::from("|\n");
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{pad}{line}");
        }
    }
    out
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Sentences drawn from `bank` (and `extra`) until about `target` words.
fn paragraph(rng: &mut Rng, first: &[String], bank: &[String], target: usize) -> String {
    let mut sentences: Vec<String> = first.to_vec();
    while words(&sentences.join(" ")) < target {
        let next = rng.pick(bank).clone();
        if sentences.last() != Some(&next) {
            sentences.push(next);
        }
    }
    sentences.join(" ")
}

fn date_words(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// Generates record `index` of a site.
pub fn record(rng: &mut Rng, index: usize, jurisdiction: &str) -> Record {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let start = NaiveDate::from_ymd_opt(2019, 1, 7).unwrap_or_default();
    let days = (today - start).num_days() - 25;
    let discovered = start + Duration::days(rng.range(0, days));
    let topic = rng.pick(TOPICS);
    let school = *rng.pick(SCHOOLS);
    let system = *rng.pick(SYSTEMS);
    let has_contractor = topic.slug == "vendor-breach" || rng.chance(25);
    let contractor = *rng.pick(CONTRACTORS);
    let f = |t: &str| fill(t, school, system, contractor);

    let title = f(topic.title);
    let summary = f(topic.summary);
    let slug = format!("{discovered}-{}-{index:05}", topic.slug);

    // Status: recent matters are current; a few records are drafts.
    let age = (today - discovered).num_days();
    let draft = rng.chance(4);
    let active = !draft && (age < 150 || rng.chance(5));
    let status = if draft {
        "draft"
    } else if active {
        "active"
    } else {
        "resolved"
    };

    let mut yaml = String::new();
    let _ = writeln!(yaml, "# Synthetic record {index} (breachpage benchmark).");
    let _ = writeln!(yaml, "title: {}", quoted(&title));
    let _ = writeln!(yaml, "status: {status}");

    let contractor_notice =
        has_contractor.then(|| (discovered + Duration::days(rng.range(0, 6))).min(today));
    let ready = contractor_notice.unwrap_or(discovered);
    let delay = !draft && rng.chance(3);
    let delay_lifted = delay && rng.chance(60);
    let scheduled = !draft && !delay && rng.chance(2);
    let published = if draft {
        None
    } else if scheduled {
        Some(today + Duration::days(rng.range(1, 30)))
    } else {
        Some((ready + Duration::days(rng.range(1, 14))).min(today))
    };
    let mut update_dates: Vec<NaiveDate> = Vec::new();
    if let Some(published) = published.filter(|p| *p < today) {
        let count = rng.range(0, 3);
        for _ in 0..count {
            let span = (today - published).num_days().min(200);
            update_dates.push(published + Duration::days(rng.range(1, span.max(1))));
        }
        update_dates.sort();
        update_dates.dedup();
        update_dates.reverse();
    }
    if let Some(published) = published {
        let _ = writeln!(yaml, "published: {published}");
        if let Some(newest) = update_dates.first() {
            let _ = writeln!(yaml, "updated: {newest}");
        }
    }
    let _ = writeln!(yaml, "summary: {}", quoted(&summary));
    if rng.chance(10) {
        let _ = writeln!(
            yaml,
            "discovered: {discovered}T{:02}:{:02}",
            rng.range(7, 17),
            rng.range(0, 59)
        );
    } else {
        let _ = writeln!(yaml, "discovered: {discovered}");
    }
    if rng.chance(15) {
        let determined = (discovered + Duration::days(rng.range(0, 4))).min(today);
        let _ = writeln!(yaml, "determined: {determined}");
    }
    let occurred_unknown = rng.chance(8);
    if occurred_unknown {
        let _ = writeln!(yaml, "occurred: unknown");
    } else {
        let from = discovered - Duration::days(rng.range(0, 30));
        let to = (from + Duration::days(rng.range(0, 7))).min(discovered);
        let _ = writeln!(yaml, "occurred:\n  from: {from}\n  to: {to}");
    }
    if let Some(notified) = contractor_notice {
        let _ = writeln!(
            yaml,
            "contractor:\n  name: {}\n  notified_district: {notified}",
            quoted(contractor)
        );
    }

    // Data: a few elements of the vocabulary, or not yet known.
    let data_unknown = rng.chance(6);
    let mut data: Vec<&str> = Vec::new();
    if data_unknown {
        let _ = writeln!(yaml, "data: unknown");
    } else {
        // Every element the loader knows, from the vocabulary itself.
        let vocabulary: Vec<&str> = breachpage::vocabulary::ids().collect();
        let n = rng.range(1, 6);
        for _ in 0..n {
            let element = *rng.pick(&vocabulary);
            if !data.contains(&element) {
                data.push(element);
            }
        }
        if rng.chance(50) {
            let _ = writeln!(yaml, "data: [{}]", data.join(", "));
        } else {
            let _ = writeln!(yaml, "data:");
            for element in &data {
                let _ = writeln!(yaml, "  - {element}");
            }
        }
    }
    if rng.chance(10) {
        let _ = writeln!(
            yaml,
            "other_data: \"Bus stop locations and lunch account balances\""
        );
    }

    // Who and how many.
    let count_unknown = rng.chance(6);
    let substitute = !draft && rng.chance(8);
    let reason = *rng.pick(&["cost", "insufficient_contact", "count"]);
    let (reason, count) = if substitute && reason == "count" && !count_unknown {
        ("count", rng.range(600_000, 900_000) as u64)
    } else {
        let reason = if reason == "count" { "cost" } else { reason };
        let magnitude = *rng.pick(&[10, 100, 1_000, 5_000]);
        (reason, rng.range(1, magnitude) as u64)
    };
    let _ = writeln!(yaml, "affected:");
    if count_unknown {
        let _ = writeln!(yaml, "  count: unknown");
    } else {
        let _ = writeln!(yaml, "  count: {count}");
        if rng.chance(30) {
            let _ = writeln!(yaml, "  estimated: false");
        }
    }
    let mut groups: Vec<&str> = Vec::new();
    for _ in 0..rng.range(1, 3) {
        let group = *rng.pick(GROUPS);
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    let _ = writeln!(yaml, "  groups: [{}]", groups.join(", "));

    // The text: about 300 words of Markdown across description, investigation, updates.
    let on = date_words(discovered);
    let opening = vec![
        format!("On {on}, the District learned of a problem affecting {school}."),
        f(topic.cause[0]),
    ];
    let cause: Vec<String> = topic.cause.iter().map(|s| f(s)).collect();
    let details: Vec<String> = DETAILS.iter().map(|s| f(s)).collect();
    let first = paragraph(rng, &opening, &cause, 50);
    let second = paragraph(rng, &[], &details, 55);
    let description = format!("{first}\n\n{second}");
    let steps: Vec<String> = INVESTIGATION.iter().map(|s| f(s)).collect();
    let mut investigation = String::new();
    let mut taken: Vec<&String> = Vec::new();
    while words(&investigation) < 95 && taken.len() < steps.len() {
        let step = rng.pick(&steps);
        if taken.contains(&step) {
            continue;
        }
        taken.push(step);
        let _ = writeln!(investigation, "- {step}");
    }
    let updates: Vec<(NaiveDate, String)> = update_dates
        .iter()
        .map(|date| {
            let bank: Vec<String> = UPDATES.iter().map(|s| (*s).to_string()).collect();
            (*date, paragraph(rng, &[], &bank, 30))
        })
        .collect();
    let _ = write!(yaml, "description: {}", block(&description, 2));
    let _ = write!(yaml, "investigation: {}", block(&investigation, 2));
    if rng.chance(10) {
        let text = "- Watch your accounts and statements for anything you do not recognise.\n- Call the District's contact below with any question.\n";
        let _ = write!(yaml, "what_you_can_do: {}", block(text, 2));
    }
    if !updates.is_empty() {
        let _ = writeln!(yaml, "updates:");
        for (date, text) in &updates {
            let _ = writeln!(yaml, "  - date: {date}");
            let _ = write!(yaml, "    text: {}", block(text, 6));
        }
    }

    if delay {
        let requested = discovered + Duration::days(1);
        let _ = writeln!(yaml, "law_enforcement_delay:\n  requested: {requested}");
        if delay_lifted {
            let lifted = requested + Duration::days(rng.range(1, 10));
            let _ = writeln!(yaml, "  lifted: {lifted}");
        }
    }
    if substitute {
        let _ = writeln!(yaml, "substitute_notice:\n  reason: {reason}");
        if reason == "cost" {
            let _ = writeln!(yaml, "  estimated_cost: {}", rng.range(300_000, 600_000));
        }
    }
    // CT (SSNs) and PA (a name with an SSN, bank or licence number) require an offer;
    // offering 24 months whenever such numbers are involved satisfies every pack.
    let sensitive = data.iter().any(|d| {
        matches!(
            *d,
            "ssn" | "financial_account" | "bank_account" | "drivers_license"
        )
    });
    if sensitive || (data_unknown && jurisdiction != "NY") {
        let enroll_by = published.unwrap_or(today) + Duration::days(90);
        let _ = writeln!(
            yaml,
            "identity_protection:\n  months: 24\n  service: \"credit monitoring and identity restoration\"\n  provider: \"Kroll\"\n  enroll_by: {enroll_by}"
        );
        let how = "Call 1-866-555-0199, Monday to Friday, or enroll at\n[enroll.example.com](https://enroll.example.com) with the code in your letter.\n";
        let _ = write!(yaml, "  how_to_enroll: {}", block(how, 4));
    }
    if let Some(published) = published.filter(|p| *p <= today) {
        let _ = writeln!(yaml, "notified:");
        let _ = writeln!(yaml, "  individuals: {published}");
        if has_contractor {
            let _ = writeln!(
                yaml,
                "  contractor-to-district: {}",
                contractor_notice.unwrap_or(discovered)
            );
        }
    }

    let withheld = draft || scheduled || (delay && !delay_lifted);
    let mut markdown = format!(
        "## What happened\n\n{description}\n\n## What the district is doing\n\n{investigation}"
    );
    if !updates.is_empty() {
        markdown.push_str("\n## Updates\n");
        for (date, text) in &updates {
            let _ = write!(markdown, "\n### {}\n\n{text}\n", date_words(*date));
        }
    }
    Record {
        slug,
        yaml,
        title,
        summary,
        published,
        public: !withheld,
        media_release: substitute && !withheld,
        markdown,
    }
}

pub fn records(options: &Options) -> Vec<Record> {
    let mut rng = Rng::new(options.seed);
    (0..options.count)
        .map(|i| record(&mut rng, i, &options.jurisdiction))
        .collect()
}

fn site_toml(jurisdiction: &str) -> String {
    let state = match jurisdiction {
        "CT" => "Connecticut",
        "PA" => "Pennsylvania",
        "IL" => "Illinois",
        _ => "New York",
    };
    // Illinois's public list of breaches leaves off those under 10% of enrolment.
    let enrollment = if jurisdiction == "IL" {
        "enrollment = 4210\n"
    } else {
        ""
    };
    format!(
        r#"# A synthetic site generated by `cargo run --example gen_site` (benchmarks).
[district]
name = "Maple Ridge Union Free School District"
jurisdiction = "{jurisdiction}"
city = "Maple Ridge, {state}"
website = "https://www.mapleridge-schools.example"
{enrollment}
[site]
title = "Data Breach Notification"
base_url = "https://www.mapleridge-schools.example/data-breach/"
language = "en"

[contact]
name = "Jordan Alvarez"
title = "Data Privacy Officer"
phone = "914-555-0142"
email = "privacy@mapleridge-schools.example"
address = "1 Schoolhouse Lane, Maple Ridge"
hours = "Monday to Friday, 8:00 a.m. to 4:00 p.m."

[media]
name = "Casey Morgan"
phone = "914-555-0150"
email = "communications@mapleridge-schools.example"
"#
    )
}

const PROCESS_TEXT: &str = "When the District learns that student, parent or staff \
information has been accessed without authorization, it investigates, notifies the \
people affected and the State, and posts a notice on this page.\n\nQuestions? Contact \
the Data Privacy Officer listed below.\n";

/// Writes a breachpage site with `options.count` records into `dir` (which must not hold
/// records already).
pub fn write_site(dir: &Path, options: &Options) -> io::Result<Summary> {
    let incidents = dir.join("content/incidents");
    fs::create_dir_all(&incidents)?;
    fs::write(dir.join("site.toml"), site_toml(&options.jurisdiction))?;
    fs::write(dir.join("content/_index.md"), PROCESS_TEXT)?;
    let mut summary = Summary::default();
    for record in records(options) {
        fs::write(
            incidents.join(format!("{}.yaml", record.slug)),
            &record.yaml,
        )?;
        summary.records += 1;
        summary.public += usize::from(record.public);
        summary.media_releases += usize::from(record.media_release);
        summary.words += words(&record.markdown);
    }
    Ok(summary)
}

/// Writes the equivalent Hugo site into `dir`: one Markdown page per notice page the
/// breachpage build publishes (notices and media releases) with the same text, an index
/// listing every page, and a feed of every page.
pub fn write_hugo(dir: &Path, options: &Options) -> io::Result<usize> {
    let content = dir.join("content/notices");
    let layouts = dir.join("layouts/_default");
    fs::create_dir_all(&content)?;
    fs::create_dir_all(&layouts)?;
    fs::write(
        dir.join("config.toml"),
        "baseURL = \"https://www.mapleridge-schools.example/data-breach/\"\n\
         title = \"Data Breach Notification\"\n\
         languageCode = \"en\"\n\
         rssLimit = -1\n\
         buildFuture = true\n\
         disableKinds = [\"taxonomy\", \"term\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
    )?;
    fs::write(dir.join("content/_index.md"), PROCESS_TEXT)?;
    fs::write(
        dir.join("layouts/index.html"),
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | relURL }}"></head>
<body><h1>{{ .Site.Title }}</h1>{{ .Content }}
<ul>{{ range .Site.RegularPages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time><p>{{ .Params.summary }}</p></li>{{ end }}
</ul></body></html>
"#,
    )?;
    fs::write(
        layouts.join("single.html"),
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><p><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></p>
<article><h1>{{ .Title }}</h1><p>Posted <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time></p>
<p>{{ .Params.summary }}</p>
{{ .Content }}</article></body></html>
"#,
    )?;
    fs::write(
        layouts.join("list.html"),
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"#,
    )?;
    let mut pages = 0;
    for record in records(options).iter().filter(|r| r.public) {
        let date = record.published.unwrap_or_default();
        let front = |title: &str| {
            format!(
                "---\ntitle: {}\ndate: {date}\nsummary: {}\n---\n\n",
                quoted(title),
                quoted(&record.summary)
            )
        };
        fs::write(
            content.join(format!("{}.md", record.slug)),
            format!("{}{}", front(&record.title), record.markdown),
        )?;
        pages += 1;
        if record.media_release {
            let release = format!(
                "**FOR IMMEDIATE RELEASE**\n\n{}\n\n{}\n\n###\n",
                record.summary, record.markdown
            );
            fs::write(
                content.join(format!("{}-media-release.md", record.slug)),
                format!(
                    "{}{release}",
                    front(&format!("Media release: {}", record.title))
                ),
            )?;
            pages += 1;
        }
    }
    Ok(pages)
}

//! `breachpage build`: what the public site contains, what it never contains, and that
//! the same inputs always give the same bytes. The fixture sites are in tests/fixtures/.

use std::collections::BTreeSet;

use crate::common::*;

/// The active notice of `full-ny`, which uses every field of a record.
const ACTIVE: &str = "2026-11-10-sis-export";
const ACTIVE_TITLE: &str = "Student records exposed by a misconfigured export";
/// The resolved notice of `full-ny`.
const RESOLVED: &str = "2025-06-02-library-app";
const RESOLVED_TITLE: &str = "Library app showed borrowing history to other users";
const BASE_URL: &str = "https://www.cedarhollow-schools.example/data-breach/";

/// The notices of `full-ny` that must never be published on TODAY: slug, title, summary.
const WITHHELD: &[(&str, &str, &str)] = &[
    (
        "2026-11-21-payroll-phish",
        "Quietdraft payroll phishing",
        "A phishing email reached payroll staff.",
    ),
    (
        "2026-12-01-stolen-laptop",
        "Laterdate stolen laptop",
        "A laptop holding attendance files was stolen from a car.",
    ),
    (
        "2026-11-15-ransomware",
        "Heldback ransomware attack",
        "Ransomware encrypted a file server.",
    ),
];

fn built(fixture: &str) -> Site {
    let site = Site::new(fixture);
    site.build().success();
    site
}

fn notice_page(site: &Site, slug: &str) -> String {
    site.out(&format!("notices/{slug}/index.html"))
}

/// The part of `text` from `start` up to `end` (or to the end of the text).
fn section<'a>(text: &'a str, start: &str, end: Option<&str>) -> &'a str {
    let from = position(text, start);
    let rest = &text[from..];
    match end {
        Some(end) => &rest[..position(rest, end)],
        None => rest,
    }
}

// ---- the all-clear -------------------------------------------------------------------

#[test]
fn an_empty_site_says_there_are_no_notifications_as_of_the_build_date() {
    let site = Site::new("empty-ny");
    let run = site.build().success();
    let index = site.out("index.html");
    let message = position(&index, NO_NOTIFICATIONS);
    let as_of = message + position(&index[message..], "as of");
    let date = as_of + position(&index[as_of..], TODAY_WORDS);
    assert!(
        date - message < 200,
        "the date follows the message closely:\n{index}"
    );
    assert!(index.contains("datetime=\"2026-11-22\""), "{index}");
    // The process text of content/_index.md is shown.
    assert!(index.contains("Birch Valley posts every notice of a data breach on this page."));
    assert_contains_all(
        &run.stdout,
        &["Built ", "Published 0 notices", "Withheld none."],
    );
    // No notices: no notice pages.
    assert!(
        site.outputs().keys().all(|p| !p.starts_with("notices/")),
        "{:?}",
        paths(&site.outputs())
    );
}

#[test]
fn the_build_date_can_come_from_breachpage_today() {
    let site = Site::new("empty-ny");
    let mut cmd = site.cmd();
    cmd.arg("build").env("BREACHPAGE_TODAY", "2026-11-05");
    run(&mut cmd).success();
    let index = site.out("index.html");
    let message = position(&index, NO_NOTIFICATIONS);
    assert!(
        index[message..].contains("as of <time datetime=\"2026-11-05\">November 5, 2026</time>"),
        "{index}"
    );
    assert!(!index.contains(TODAY_WORDS));
}

#[test]
fn the_today_option_wins_over_the_environment() {
    let site = Site::new("empty-ny");
    let mut cmd = site.cmd();
    cmd.args(["build", "--today", TODAY])
        .env("BREACHPAGE_TODAY", "2026-01-01");
    run(&mut cmd).success();
    let index = site.out("index.html");
    assert!(index.contains(TODAY_WORDS), "{index}");
    assert!(!index.contains("January 1, 2026"), "{index}");
}

#[test]
fn a_bad_today_is_bad_usage() {
    let site = Site::new("empty-ny");
    let bad = site.run(&["build", "--today", "2026-13-01"]).expect_code(2);
    assert!(bad.stderr.contains("--today"), "{}", bad.stderr);
    let mut cmd = site.cmd();
    cmd.arg("build").env("BREACHPAGE_TODAY", "next tuesday");
    run(&mut cmd).expect_code(2);
    assert!(!site.public().exists(), "nothing is written");
}

#[test]
fn the_all_clear_is_shown_while_only_past_notices_are_published() {
    let site = Site::new("full-ny");
    // Before the active notice's publication date: it is still scheduled.
    let run = site.build_on("2026-11-11");
    let index = site.out("index.html");
    let current = section(&index, "Current notifications", Some("Past notifications"));
    assert!(current.contains(NO_NOTIFICATIONS), "{current}");
    assert!(current.contains("November 11, 2026"), "{current}");
    let past = section(&index, "Past notifications", None);
    assert!(past.contains(RESOLVED_TITLE), "{past}");
    assert!(!index.contains(ACTIVE_TITLE));
    assert!(
        run.stdout
            .contains(&format!("  {ACTIVE}: scheduled for 2026-11-12")),
        "{}",
        run.stdout
    );
    let banner = site.out("embed/banner.html");
    assert!(banner.contains("November 11, 2026"), "{banner}");
    assert!(banner.contains(&format!("href=\"{BASE_URL}\"")), "{banner}");
}

// ---- a notice, field by field --------------------------------------------------------

#[test]
fn the_index_lists_current_and_past_notices_in_their_sections() {
    let site = built("full-ny");
    let index = site.out("index.html");
    assert!(!index.contains(NO_NOTIFICATIONS), "{index}");
    let current = section(&index, "Current notifications", Some("Past notifications"));
    let past = section(&index, "Past notifications", None);
    assert!(current.contains(ACTIVE_TITLE), "{current}");
    assert!(!current.contains(RESOLVED_TITLE), "{current}");
    assert!(past.contains(RESOLVED_TITLE), "{past}");
    assert!(!past.contains(ACTIVE_TITLE), "{past}");
    // Each entry shows when it was posted and last updated.
    assert_contains_all(current, &["November 12, 2026", "November 19, 2026"]);
    assert!(past.contains("June 5, 2025"), "{past}");
}

#[test]
fn an_active_notice_shows_every_field_of_its_record() {
    let site = built("full-ny");
    let page = notice_page(&site, ACTIVE);
    assert_contains_all(
        &page,
        &[
            // title, summary, posted and last updated
            &format!("<h1>{ACTIVE_TITLE}</h1>"),
            "A misconfigured nightly export made student records readable by outsiders.",
            "First posted <time datetime=\"2026-11-12\">November 12, 2026</time>",
            "Last updated <time datetime=\"2026-11-19\">November 19, 2026</time>",
            // what happened, when, and when it was found out
            "Brightpath Records found that a nightly export file was stored",
            "Between <time datetime=\"2026-11-01\">November 1, 2026</time> and <time datetime=\"2026-11-08\">November 8, 2026</time>",
            "November 9, 2026, 2:30 p.m.",
            "November 10, 2026",
            // the contractor and when it told the district
            "Brightpath Records",
            "datetime=\"2026-11-09\">November 9, 2026</time>",
            // data elements by plain-language label, and other data
            "Student names",
            "Dates of birth",
            "Student ID numbers",
            "Home addresses",
            "Bus route numbers",
            // how many (with a thousands separator), and which groups
            "About 612,500",
            "students",
            "parents and guardians",
            // what the district is doing, and the record's own what-you-can-do
            "Brightpath Records removed the file and reviewed its access logs.",
            "Call the Cedar Hollow family hotline at <a href=\"tel:+19145550199\">914-555-0199</a>",
            // contact from site.toml, with a tel: link
            "Morgan Reyes",
            "Data Privacy Officer",
            "href=\"tel:+19145550100\">914-555-0100</a>",
            "href=\"mailto:privacy@cedarhollow-schools.example\"",
            "Cedar Hollow CSD, 12 Orchard Road, Cedar Hollow, NY 10990",
            "Monday to Friday, 8:00 a.m. to 4:00 p.m.",
            // the agencies New York requires, the FTC and the three credit bureaus
            "New York State Attorney General",
            "1-800-771-7755",
            "href=\"tel:+18007717755\"",
            "Federal Trade Commission",
            "1-877-438-4338",
            "Equifax",
            "Experian",
            "TransUnion",
            // the law under which the notice is given
            "This notice is provided under New York Education Law §2-d",
        ],
    );
    // A list of groups is shown as words, not as a printed array.
    assert!(!page.contains("[students"), "{page}");
    // The record's what_you_can_do replaces the default guidance.
    assert!(!page.contains("Watch your accounts."), "{page}");
    // Markdown in updates is rendered.
    assert!(page.contains("<strong>forensic review</strong>"), "{page}");
}

#[test]
fn the_update_log_is_newest_first() {
    let site = built("full-ny");
    let page = notice_page(&site, ACTIVE);
    let newer = position(&page, "November 18, 2026");
    let older = position(&page, "November 14, 2026");
    assert!(newer < older, "newest update first:\n{page}");
    let newer_text = position(&page, "finished its <strong>forensic review</strong>");
    let older_text = position(&page, "Letters were mailed to every family");
    assert!(newer < newer_text && newer_text < older && older < older_text);
}

#[test]
fn a_notice_without_its_own_guidance_shows_the_steps_its_data_calls_for() {
    let site = built("full-ny");
    let page = notice_page(&site, RESOLVED);
    assert_contains_all(
        &page,
        &[
            &format!("<h1>{RESOLVED_TITLE}</h1>"),
            "First posted <time datetime=\"2025-06-05\">June 5, 2025</time>",
            "<h2 id=\"do-now\">What you should do now</h2>",
            // Student names and work: watch for phishing that uses them, with its source.
            "Watch for messages that use this information.",
            "href=\"https://consumer.ftc.gov/articles/how-recognize-and-avoid-phishing-scams\"",
            "1-800-771-7755",
            "87",
            "This notice is provided under New York Education Law §2-d",
        ],
    );
    // No password, account or Social Security number was involved: the general list and
    // the steps for them stay away.
    for absent in [
        "Watch your accounts.",
        "Change your password",
        "Freeze your credit",
        "Call your bank",
    ] {
        assert!(!page.contains(absent), "{absent}");
    }
    // While the data is not known, the general list is all a notice can give.
    let site = built("unknowns");
    let page = site.out("notices/2026-11-20-email-compromise/index.html");
    assert!(page.contains("Watch your accounts."), "{page}");
    assert!(!page.contains("class=\"steps\""), "{page}");
}

// ---- the media release ---------------------------------------------------------------

#[test]
fn substitute_notice_produces_a_media_release_in_html_and_text() {
    let site = built("full-ny");
    let notice_url = format!("{BASE_URL}notices/{ACTIVE}/");
    let facts = [
        "FOR IMMEDIATE RELEASE",
        "November 12, 2026",
        "CEDAR HOLLOW, New York",
        notice_url.as_str(),
        "Riley Chen",
        "914-555-0111",
        "press@cedarhollow-schools.example",
        "About 612,500",
        "Student names",
        "###",
    ];
    let html = site.out(&format!("notices/{ACTIVE}/media-release/index.html"));
    assert_contains_all(&html, &facts);
    assert!(html.contains(ACTIVE_TITLE), "headline:\n{html}");
    assert!(
        html.contains(&format!("href=\"{notice_url}\"")),
        "the posted notice is linked:\n{html}"
    );
    assert!(
        position(&html, "FOR IMMEDIATE RELEASE") < position(&html, "###"),
        "### ends the release"
    );

    let text = site.out(&format!("notices/{ACTIVE}/media-release.txt"));
    assert_contains_all(&text, &facts);
    assert!(
        text.to_uppercase().contains(&ACTIVE_TITLE.to_uppercase()),
        "headline:\n{text}"
    );
    assert!(
        text.trim_start().starts_with("FOR IMMEDIATE RELEASE"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("###"), "{text}");
    for markup in ["<p>", "<a ", "<strong>", "<li>", "&amp;", "&lt;", "&#39;"] {
        assert!(
            !text.contains(markup),
            "plain text has no {markup}:\n{text}"
        );
    }
}

#[test]
fn a_notice_with_substitute_notice_links_to_its_media_release() {
    let site = built("full-ny");
    let page = notice_page(&site, ACTIVE);
    assert!(page.contains("href=\"media-release/\""), "{page}");
    let json: serde_json::Value = serde_json::from_str(&site.out("notices.json")).unwrap();
    let active = json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["slug"] == ACTIVE)
        .unwrap();
    assert_eq!(
        active["media_release"],
        format!("{BASE_URL}notices/{ACTIVE}/media-release/")
    );
}

#[test]
fn the_media_contact_defaults_to_the_district_contact() {
    let site = Site::new("full-ny");
    let config = site.read("site.toml");
    let without_media = &config[..position(&config, "[media]")];
    site.write("site.toml", without_media);
    site.build().success();
    let text = site.out(&format!("notices/{ACTIVE}/media-release.txt"));
    let contact = section(&text, "Media contact", Some("CEDAR HOLLOW"));
    assert_contains_all(contact, &["Morgan Reyes", "914-555-0100"]);
    assert!(!text.contains("Riley Chen"), "{text}");
}

// ---- what is never published ---------------------------------------------------------

#[test]
fn drafts_scheduled_and_held_notices_never_reach_the_output() {
    let site = Site::new("full-ny");
    let run = site.build().success();
    let outputs = site.outputs();
    for (slug, title, summary) in WITHHELD {
        for (path, text) in texts(&outputs) {
            for secret in [slug, title, summary] {
                assert!(!text.contains(secret), "{path} shows {secret:?}");
            }
        }
        assert!(
            outputs.keys().all(|p| !p.contains(slug)),
            "{slug}: {:?}",
            paths(&outputs)
        );
    }
    assert_contains_all(
        &run.stdout,
        &[
            "Published 2 notices: 1 current, 1 past.",
            "Withheld 3 notices:",
            "  2026-11-21-payroll-phish: draft",
            "  2026-12-01-stolen-laptop: scheduled for 2026-12-01",
            "  2026-11-15-ransomware: law-enforcement delay",
        ],
    );
    // The published ones are there.
    assert!(outputs.contains_key(&format!("notices/{ACTIVE}/index.html")));
    assert!(outputs.contains_key(&format!("notices/{RESOLVED}/index.html")));
}

#[test]
fn a_scheduled_notice_is_published_on_its_date() {
    let site = Site::new("full-ny");
    only_one_current_notice(&site);
    let run = site.build_on("2026-12-01");
    let page = notice_page(&site, "2026-12-01-stolen-laptop");
    assert!(page.contains("Laterdate stolen laptop"), "{page}");
    assert!(site.out("index.html").contains("Laterdate stolen laptop"));
    assert!(
        !run.stdout.contains("2026-12-01-stolen-laptop"),
        "{}",
        run.stdout
    );
    // The others stay withheld.
    assert!(!site.out("index.html").contains("Heldback"));
    assert!(!site.out("index.html").contains("Quietdraft"));
}

/// Resolves the active notice of `full-ny`, so that a notice published later is the only
/// current one (see `two_current_notices_are_both_listed` for why).
fn only_one_current_notice(site: &Site) {
    site.edit(
        &format!("content/incidents/{ACTIVE}.yaml"),
        "status: active",
        "status: resolved",
    );
}

#[test]
fn two_current_notices_are_both_listed() {
    let site = Site::new("full-ny");
    // On December 1 the scheduled notice joins the active one.
    let run = site.run(&["build", "--today", "2026-12-01"]).success();
    assert!(run.stdout.contains("2 current"), "{}", run.stdout);
    let index = site.out("index.html");
    let current = section(&index, "Current notifications", Some("Past notifications"));
    assert_contains_all(current, &[ACTIVE_TITLE, "Laterdate stolen laptop"]);
}

#[test]
fn a_law_enforcement_delay_lifted_only_after_today_still_withholds() {
    let site = Site::new("full-ny");
    only_one_current_notice(&site);
    let file = "content/incidents/2026-11-15-ransomware.yaml";
    site.edit(
        file,
        "  requested: 2026-11-15\n",
        "  requested: 2026-11-15\n  lifted: 2026-11-25\n",
    );
    let run = site.build().success();
    for (path, text) in texts(&site.outputs()) {
        assert!(!text.contains("Heldback"), "{path} shows the held notice");
    }
    assert!(
        run.stdout
            .contains("  2026-11-15-ransomware: law-enforcement delay"),
        "{}",
        run.stdout
    );
    // Once the lifted date has come, the notice is published.
    site.build_on("2026-11-25");
    assert!(notice_page(&site, "2026-11-15-ransomware").contains("Heldback ransomware attack"));
}

#[test]
fn the_reason_for_a_delay_lifted_after_today_names_the_lifted_date() {
    let site = Site::new("full-ny");
    site.edit(
        "content/incidents/2026-11-15-ransomware.yaml",
        "  requested: 2026-11-15\n",
        "  requested: 2026-11-15\n  lifted: 2026-11-25\n",
    );
    let run = site.build().success();
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("2026-11-15-ransomware"))
        .unwrap();
    assert!(!line.contains("has no lifted date"), "{line}");
    assert!(line.contains("until 2026-11-25"), "{line}");
}

// ---- unknown values ------------------------------------------------------------------

#[test]
fn unknown_data_and_count_render_the_exact_sentence() {
    let site = built("unknowns");
    let page = notice_page(&site, "2026-11-20-email-compromise");
    let data = section(
        &page,
        "What information was involved",
        Some("Who was affected"),
    );
    assert!(data.contains(UNKNOWN_SENTENCE), "{data}");
    let who = section(&page, "Who was affected", Some("What we are doing"));
    let count = section(who, "How many people", Some("Groups affected"));
    assert!(count.contains(UNKNOWN_SENTENCE), "{count}");
    assert!(who.contains("staff"), "{who}");

    let json: serde_json::Value = serde_json::from_str(&site.out("notices.json")).unwrap();
    let notice = &json["notices"][0];
    assert_eq!(notice["data"], "unknown");
    assert_eq!(notice["affected"]["count"], "unknown");
}

#[test]
fn check_warns_about_unknown_values() {
    let site = Site::new("unknowns");
    let (code, report) = site.check_json();
    assert_eq!(code, 0, "unknown values are not errors: {report}");
    assert_eq!(report["ok"], true);
    assert_eq!(report["errors"], 0);
    let fields: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert!(fields.contains(&"data"), "{report}");
    assert!(fields.contains(&"affected.count"), "{report}");
}

// ---- safety of the published pages ---------------------------------------------------

#[test]
fn raw_html_in_markdown_and_text_fields_is_shown_as_text() {
    let site = built("hostile-markdown");
    let page = notice_page(&site, "2026-11-01-hostile");
    let index = site.out("index.html");
    for html in [&page, &index] {
        let lower = html.to_lowercase();
        for tag in ["<script", "<img", "<iframe", "<div onclick", "<b>", "<em>"] {
            assert!(!lower.contains(tag), "{tag} became markup:\n{html}");
        }
        assert!(!lower.contains("javascript:"), "{html}");
    }
    assert_contains_all(
        &page,
        &[
            "&lt;script&gt;alert(",
            "&lt;img src=",
            "&lt;iframe",
            "&lt;div onclick=",
            // Plain-text fields are escaped by the templates.
            "Breach of the &lt;b&gt;portal&lt;/b&gt; &amp; gradebook",
            "&lt;em&gt;Locker numbers&lt;/em&gt;",
            // An image becomes a link to it: nothing is loaded from another host.
            "<a href=\"https://cdn.example.com/logo.png\">district logo</a>",
            // A javascript: link keeps its text and loses its target.
            "click me</a>",
        ],
    );
    assert!(
        index.contains("&lt;script&gt;alert(\"index\")&lt;/script&gt;")
            || index.contains("&lt;script&gt;alert(&quot;index&quot;)&lt;/script&gt;"),
        "{index}"
    );
    assert!(index.contains("<a href=\"https://tracker.example.com/pixel.gif\">tracking pixel</a>"));
}

#[test]
fn no_page_runs_scripts_or_loads_anything_from_another_host() {
    for fixture in [
        "empty-ny",
        "full-ny",
        "unknowns",
        "hostile-markdown",
        "theme-override",
    ] {
        let site = built(fixture);
        let outputs = site.outputs();
        let pages = html_pages(&outputs);
        assert!(pages.len() >= 2, "{fixture}: {:?}", paths(&outputs));
        for (path, html) in pages {
            let lower = html.to_lowercase();
            assert!(!lower.contains("<script"), "{fixture}/{path} has a script");
            for value in attribute_values(&lower, "src") {
                assert!(
                    !value.starts_with("http") && !value.starts_with("//"),
                    "{fixture}/{path} loads {value}"
                );
            }
            for tag in tags(&lower, "link") {
                for href in attribute_values(tag, "href") {
                    assert!(
                        !href.starts_with("http") && !href.starts_with("//"),
                        "{fixture}/{path} loads {tag}"
                    );
                }
            }
            for tag in ["<img", "<iframe", "<object", "<video", "<audio"] {
                assert!(!lower.contains(tag), "{fixture}/{path} has {tag}");
            }
        }
        for (path, text) in texts(&outputs) {
            if path.ends_with(".css") {
                let lower = text.to_lowercase();
                assert!(!lower.contains("@import"), "{fixture}/{path}");
                assert!(!lower.contains("url(http"), "{fixture}/{path}");
                assert!(!lower.contains("url(\"http"), "{fixture}/{path}");
                assert!(!lower.contains("url('http"), "{fixture}/{path}");
            }
        }
    }
}

// ---- reproducibility and atomic replacement ------------------------------------------

#[test]
fn two_builds_of_the_same_inputs_are_byte_identical() {
    let site = Site::new("full-ny");
    let first_dir = site.tmp().join("first");
    let second_dir = site.tmp().join("second");
    for dir in [&first_dir, &second_dir] {
        let mut cmd = site.cmd();
        cmd.arg("build")
            .arg("--output")
            .arg(dir)
            .args(["--today", TODAY]);
        run(&mut cmd).success();
    }
    let first = snapshot(&first_dir);
    let second = snapshot(&second_dir);
    assert!(first.len() >= 9, "{:?}", paths(&first));
    assert_eq!(paths(&first), paths(&second));
    assert!(first == second, "the two builds differ");

    // Building again into the same folder changes nothing either.
    site.build().success();
    let again = site.outputs();
    site.build().success();
    assert!(again == site.outputs());
    assert!(again == first);
}

#[test]
fn a_build_replaces_the_output_folder_completely() {
    let site = Site::new("full-ny");
    site.write("public/stale.html", "<p>left from an earlier build</p>");
    site.write("public/notices/old-notice/index.html", "old");
    site.build().success();
    let outputs = site.outputs();
    assert!(!outputs.contains_key("stale.html"), "{:?}", paths(&outputs));
    assert!(outputs.keys().all(|p| !p.contains("old-notice")));
    assert!(outputs.contains_key("index.html"));
    assert_eq!(site.leftovers(), Vec::<String>::new());
}

#[test]
fn the_output_folder_can_be_chosen() {
    let site = Site::new("empty-ny");
    let run = site.run(&["build", "--output", "elsewhere", "--today", TODAY]);
    let run = run.success();
    // A relative --output is taken from the working folder.
    let target = site.tmp().join("elsewhere");
    assert!(target.join("index.html").is_file(), "{}", run.stdout);
    assert!(run.stdout.contains("elsewhere"), "{}", run.stdout);
    assert!(!site.public().exists());
}

#[test]
fn the_summary_counts_the_files_written() {
    let site = Site::new("full-ny");
    let run = site.build().success();
    let count = site.outputs().len();
    assert!(
        run.stdout
            .starts_with(&format!("Built {count} files into ")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("as of 2026-11-22"), "{}", run.stdout);
}

// ---- feed, data and banner -----------------------------------------------------------

#[test]
fn the_feed_is_well_formed_atom_with_one_entry_per_published_notice() {
    let site = built("full-ny");
    let feed = site.out("feed.xml");
    assert!(feed.starts_with("<?xml"), "{feed}");
    assert!(
        feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""),
        "{feed}"
    );
    assert_well_formed_xml(&feed);
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");
    assert_eq!(feed.matches("</entry>").count(), 2, "{feed}");
    let updated: Vec<&str> = feed
        .split("<updated>")
        .skip(1)
        .map(|rest| &rest[..position(rest, "</updated>")])
        .collect();
    assert_eq!(updated.len(), 3, "the feed's and each entry's: {feed}");
    for value in &updated {
        assert!(
            chrono::DateTime::parse_from_rfc3339(value).is_ok(),
            "{value} is not RFC 3339"
        );
    }
    // The feed is as new as its newest notice (last updated November 19).
    assert!(updated[0].starts_with("2026-11-19"), "{feed}");
    for value in feed.split("<published>").skip(1) {
        let value = &value[..position(value, "</published>")];
        assert!(
            chrono::DateTime::parse_from_rfc3339(value).is_ok(),
            "{value}"
        );
    }
    assert_contains_all(
        &feed,
        &[
            &format!("href=\"{BASE_URL}notices/{ACTIVE}/\""),
            &format!("href=\"{BASE_URL}notices/{RESOLVED}/\""),
            &format!("<id>{BASE_URL}notices/{ACTIVE}/</id>"),
            &format!("<title>{ACTIVE_TITLE}</title>"),
            &format!("href=\"{BASE_URL}feed.xml\""),
        ],
    );
}

#[test]
fn an_empty_feed_is_still_well_formed() {
    let site = built("empty-ny");
    let feed = site.out("feed.xml");
    assert_well_formed_xml(&feed);
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_eq!(feed.matches("<entry>").count(), 0, "{feed}");
    assert!(feed.contains("<updated>2026-11-22T"), "{feed}");
}

#[test]
fn escaped_titles_keep_the_feed_well_formed() {
    let site = built("hostile-markdown");
    let feed = site.out("feed.xml");
    assert_well_formed_xml(&feed);
    assert!(
        feed.contains("Breach of the &lt;b&gt;portal&lt;/b&gt; &amp; gradebook"),
        "{feed}"
    );
}

#[test]
fn notices_json_lists_exactly_the_published_notices() {
    let site = built("full-ny");
    let json: serde_json::Value = serde_json::from_str(&site.out("notices.json")).unwrap();
    assert_eq!(json["generated"], TODAY);
    assert_eq!(json["jurisdiction"], "NY");
    assert_eq!(json["district"], "Cedar Hollow Central School District");
    let notices = json["notices"].as_array().unwrap();
    let slugs: BTreeSet<&str> = notices
        .iter()
        .map(|n| n["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, BTreeSet::from([ACTIVE, RESOLVED]));
    assert_eq!(notices.len(), 2);
    let active = notices.iter().find(|n| n["slug"] == ACTIVE).unwrap();
    assert_eq!(active["status"], "active");
    assert_eq!(active["title"], ACTIVE_TITLE);
    assert_eq!(active["url"], format!("{BASE_URL}notices/{ACTIVE}/"));
    assert_eq!(active["published"], "2026-11-12");
    assert_eq!(active["updated"], "2026-11-19");
    assert_eq!(active["affected"]["count"], 612500);
    assert_eq!(active["contractor"], "Brightpath Records");
    assert_eq!(active["updates"][0]["date"], "2026-11-18", "newest first");
    let resolved = notices.iter().find(|n| n["slug"] == RESOLVED).unwrap();
    assert_eq!(resolved["status"], "resolved");
    assert!(resolved["media_release"].is_null());
}

#[test]
fn the_banner_has_no_script_and_links_absolutely_to_the_site() {
    let site = built("full-ny");
    let banner = site.out("embed/banner.html");
    assert!(!banner.to_lowercase().contains("<script"), "{banner}");
    assert!(banner.contains(ACTIVE_TITLE), "{banner}");
    assert!(
        !banner.contains(RESOLVED_TITLE),
        "only current notices: {banner}"
    );
    let hrefs = attribute_values(&banner, "href");
    assert!(
        hrefs.contains(&format!("{BASE_URL}notices/{ACTIVE}/").as_str()),
        "{banner}"
    );
    for href in hrefs {
        assert!(href.starts_with(BASE_URL), "{href} in {banner}");
    }
}

// ---- links ---------------------------------------------------------------------------

#[test]
fn links_between_pages_are_relative_and_lead_to_pages_that_exist() {
    let site = built("full-ny");
    let outputs = site.outputs();
    let index = site.out("index.html");
    for slug in [ACTIVE, RESOLVED] {
        assert!(
            index.contains(&format!("href=\"notices/{slug}/\""))
                || index.contains(&format!("href=\"./notices/{slug}/\"")),
            "the index links {slug} relatively:\n{index}"
        );
    }
    let page = notice_page(&site, ACTIVE);
    assert!(page.contains("href=\"../../style.css\""), "{page}");
    let release = site.out(&format!("notices/{ACTIVE}/media-release/index.html"));
    assert!(release.contains("href=\"../../../style.css\""), "{release}");

    let mut checked = 0;
    for (path, html) in html_pages(&outputs) {
        if path.starts_with("embed/") {
            continue; // pasted into another site: absolute links, tested above
        }
        for href in attribute_values(html, "href") {
            assert!(
                !href.starts_with('/'),
                "{path}: {href} breaks when the site is not at the host's root"
            );
            if is_external(href) {
                continue;
            }
            let target = resolve_link(path, href)
                .unwrap_or_else(|| panic!("{path}: {href} leaves the site"));
            assert!(
                outputs.contains_key(&target),
                "{path}: {href} leads to {target}, which was not built"
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} internal links checked");
}

// ---- theme overrides -----------------------------------------------------------------

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let site = built("theme-override");
    let index = site.out("index.html");
    assert!(
        index.contains("<h1 class=\"juniper-custom-index\">"),
        "{index}"
    );
    assert!(index.contains("Override check notice"), "{index}");
    // The other templates are the built-in ones.
    let page = notice_page(&site, "2026-10-01-override-check");
    assert!(page.contains("What happened"), "{page}");
    assert!(!page.contains("juniper-custom-index"));
    let outputs = site.outputs();
    assert_eq!(
        outputs.get("robots.txt"),
        Some(&std::fs::read(fixture_dir("theme-override").join("static/robots.txt")).unwrap())
    );
    assert_eq!(
        outputs.get("style.css"),
        Some(&std::fs::read(fixture_dir("theme-override").join("static/style.css")).unwrap()),
        "the site's static/style.css replaces the theme's"
    );
}

#[test]
fn the_contact_card_and_agency_lists_are_escaped_like_the_rest_of_the_page() {
    let site = Site::new("full-ny");
    site.edit(
        "site.toml",
        "title = \"Data Privacy Officer\"",
        "title = \"Privacy & <b>Records</b> O'Neil\"",
    );
    site.build().success();
    for page in [
        notice_page(&site, "2026-11-10-sis-export"),
        site.out("index.html"),
    ] {
        assert!(
            page.contains("Privacy &amp; &lt;b&gt;Records&lt;/b&gt; O&#39;Neil"),
            "{page}"
        );
        assert!(!page.contains("<b>Records</b>"), "{page}");
    }
}

#[test]
fn an_overridden_macro_shapes_every_notice() {
    // The agency list and contact card of notices are rendered once per language from
    // the theme's macros; a site's own macros.html must still shape them.
    let site = Site::new("full-ny");
    let macros = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/macros.html"),
    )
    .unwrap();
    let custom = macros
        .replace("<ul class=\"agencies\">", "<ul class=\"agencies mine\">")
        .replace(
            "<address class=\"contact\">",
            "<address class=\"contact mine\">",
        );
    assert_ne!(custom, macros);
    site.write("templates/macros.html", &custom);
    site.build().success();
    let page = notice_page(&site, "2026-11-10-sis-export");
    assert_eq!(
        page.matches("<ul class=\"agencies mine\">").count(),
        2,
        "{page}"
    );
    assert!(page.contains("<address class=\"contact mine\">"), "{page}");
    let release = site.out("notices/2026-11-10-sis-export/media-release/index.html");
    assert_eq!(release.matches("<ul class=\"agencies mine\">").count(), 2);
    // A macros.html without the macros: the notice template reports what is missing.
    site.write(
        "templates/macros.html",
        "{% macro date(d) %}{{ d.text }}{% endmacro date %}\n",
    );
    let run = site.build().expect_code(1);
    assert!(run.stderr.contains("notice.html"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`agencies_html` is made from macros.html"),
        "{}",
        run.stderr
    );
}

// ---- check on a valid site -----------------------------------------------------------

#[test]
fn check_passes_a_valid_site_and_writes_nothing() {
    let site = Site::new("full-ny");
    let before = site.everything();
    let run = site.run(&["check", "--today", TODAY]).success();
    assert!(
        run.stdout.contains("No errors") && run.stdout.contains("2 notices would be published"),
        "{}",
        run.stdout
    );
    let (code, report) = site.check_json();
    assert_eq!(code, 0);
    assert_eq!(report["ok"], true);
    assert_eq!(report["errors"], 0);
    assert!(site.everything() == before, "check changed the site folder");
    assert!(!site.public().exists());
    assert_eq!(site.leftovers(), Vec::<String>::new());
}

#[test]
fn a_site_without_base_url_builds_with_a_warning() {
    let site = Site::new("empty-ny");
    let run = site.build().success();
    assert!(run.stderr.contains("site.base_url"), "{}", run.stderr);
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    let (code, report) = site.check_json();
    assert_eq!(code, 0);
    assert_eq!(report["ok"], true);
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["field"] == "site.base_url")
        .unwrap_or_else(|| panic!("no base_url warning: {report}"));
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["file"], "site.toml");
}

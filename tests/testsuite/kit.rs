//! `breachpage kit`: the staff kit of an incident. The PDFs are real PDFs (a sound
//! cross-reference table, the expected pages, the words in them), the SMS fits one
//! message, the calendar parses, and recipients' names never reach public/, the
//! messages or the merge report.

use std::collections::BTreeMap;
use std::path::Path;

use breachpage::kit::messages::{gsm7_length, SMS_LIMIT};
use breachpage::pdf::page_count;

use crate::common::{snapshot, Site, TODAY};

const BILINGUAL: &str = "2026-11-10-lunch-accounts";

fn kit(site: &Site, slug: &str) -> BTreeMap<String, Vec<u8>> {
    snapshot(&site.path(&format!("kit/{slug}")))
}

/// A structurally sound PDF: the header, the end marker, and a cross-reference table
/// whose every entry points at the object it names. Returns the number of pages.
fn assert_real_pdf(bytes: &[u8]) -> usize {
    // Offsets count bytes: each byte is read as one character.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let at = |offset: usize| -> String { text.chars().skip(offset).take(40).collect() };
    assert!(text.starts_with("%PDF-1."), "no PDF header");
    assert!(text.trim_end().ends_with("%%EOF"), "no %%EOF");
    let start: usize = text
        .rsplit("startxref")
        .next()
        .and_then(|tail| tail.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("startxref");
    let xref = at(start);
    assert!(
        xref.starts_with("xref"),
        "startxref does not point at the table: {xref:?}"
    );
    let table: String = text.chars().skip(start).collect();
    let mut lines = table.lines().skip(1);
    let header: Vec<usize> = lines
        .next()
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let (first, count) = (header[0], header[1]);
    for (i, line) in lines.take(count).enumerate() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts[2] == "n" {
            let offset: usize = parts[0].parse().unwrap();
            let object = format!("{} 0 obj", first + i);
            assert!(
                at(offset).starts_with(&object),
                "object {} is not where the table says",
                first + i
            );
        }
    }
    let pages = page_count(bytes);
    let declared = text
        .split("/Type /Pages")
        .nth(1)
        .and_then(|rest| rest.split("/Count ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("/Count");
    assert_eq!(pages, declared, "the page tree's count");
    pages
}

/// The texts a PDF shows, decoded from WinAnsi (literal and hexadecimal strings).
/// Fails naming the first text `haystack` lacks, and shows what it has.
fn assert_has_all(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(haystack.contains(needle), "{needle}: {haystack}");
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut out = String::new();
    for line in text.lines().filter(|l| l.ends_with(" Tj")) {
        let shown = &line[..line.len() - 3];
        if let Some(hex) = shown.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect();
            out.extend(bytes.iter().map(|&b| char::from(b)));
        } else if let Some(literal) = shown.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
            out.push_str(
                &literal
                    .replace("\\(", "(")
                    .replace("\\)", ")")
                    .replace("\\\\", "\\"),
            );
        }
        out.push('\n');
    }
    out
}

#[test]
fn letters_messages_filings_and_the_record_in_every_language() {
    let site = Site::new("bilingual");
    let run = site.run(&["kit", BILINGUAL, "--today", TODAY]).success();
    assert!(run.stdout.contains("Wrote the staff kit"), "{}", run.stdout);
    let files = kit(&site, BILINGUAL);
    for lang in ["en", "es"] {
        for audience in ["parents", "students"] {
            let stem = format!("letters/{lang}/{audience}");
            let pdf = &files[&format!("{stem}.pdf")];
            let pages = assert_real_pdf(pdf);
            assert!((1..=3).contains(&pages), "{stem}: {pages} pages");
            let text = pdf_text(pdf);
            assert!(
                text.contains(&format!("Page {pages} of {pages}"))
                    || text.contains(&format!("Página {pages} de {pages}")),
                "{text}"
            );
            let html = String::from_utf8_lossy(&files[&format!("{stem}.html")]).to_string();
            assert!(html.contains(&format!("<html lang=\"{lang}\">")));
            assert!(!html.contains("<script"));
            // The letter has the letterhead, the date, the notice's elements, the agencies,
            // a signature, in both forms.
            for needle in [
                "Willow Creek Central School District",
                "Ana Ruiz",
                "1-800-771-7755",
                // The FTC's own site in the reader's language.
                if lang == "es" {
                    "robodeidentidad.gov"
                } else {
                    "identitytheft.gov"
                },
            ] {
                assert!(text.contains(needle), "{stem}.pdf lacks {needle}: {text}");
                assert!(html.contains(needle), "{stem}.html lacks {needle}");
            }
        }
    }
    let en = pdf_text(&files["letters/en/parents.pdf"]);
    assert_has_all(
        &en,
        &[
            "November 22, 2026",
            "Dear parent or guardian,",
            "An unauthorized person signed in to the lunch account system.",
            "About 1,250",
            "Sincerely,",
            "https://www.willowcreek-schools.example/data-breach/notices/2026-11-10-lunch-accounts/",
        ],
    );
    let es = pdf_text(&files["letters/es/parents.pdf"]);
    assert_has_all(
        &es,
        &[
            "22 de noviembre de 2026",
            "Estimado padre, madre o tutor:",
            "Una persona no autorizada entró en el sistema de cuentas del comedor.",
            "Atentamente,",
            "/es/notices/2026-11-10-lunch-accounts/",
        ],
    );
    assert!(pdf_text(&files["letters/en/students.pdf"]).contains("Dear student,"));

    // Messages.
    for lang in ["en", "es"] {
        let sms = String::from_utf8(files[&format!("messages/{lang}/sms.txt")].clone()).unwrap();
        let sms = sms.trim_end();
        assert!(gsm7_length(sms) <= SMS_LIMIT, "{lang}: {sms}");
        assert!(
            sms.contains("willowcreek-schools.example/data-breach/"),
            "{sms}"
        );
        let script =
            String::from_utf8(files[&format!("messages/{lang}/call-script.txt")].clone()).unwrap();
        assert!(
            !script.chars().any(|c| c.is_ascii_digit()),
            "digits are spoken: {script}"
        );
        let email =
            String::from_utf8(files[&format!("messages/{lang}/email.txt")].clone()).unwrap();
        assert!(email.starts_with("Subject: "), "{email}");
        assert_real_pdf(&files[&format!("messages/{lang}/call-centre.pdf")]);
    }
    let script = String::from_utf8(files["messages/en/call-script.txt"].clone()).unwrap();
    assert!(
        script.contains("five five five, zero one zero, zero one four two"),
        "{script}"
    );
    assert!(
        script.contains("The district learned of it on November ninth, two thousand twenty-six."),
        "{script}"
    );
    let es_script = String::from_utf8(files["messages/es/call-script.txt"].clone()).unwrap();
    assert!(
        es_script.contains("El distrito lo supo el nueve de noviembre de dos mil veintiséis."),
        "{es_script}"
    );
    let sheet = pdf_text(&files["messages/en/call-centre.pdf"]);
    assert!(sheet.contains("What you must not say"), "{sheet}");
    let es_sms = String::from_utf8(files["messages/es/sms.txt"].clone()).unwrap();
    assert!(es_sms.contains("filtracion"), "written in GSM-7: {es_sms}");

    // Filings: the record's data is §2-d student data; the CPO report applies.
    let cpo = pdf_text(&files["filings/state-privacy-officer.pdf"]);
    assert_real_pdf(&files["filings/state-privacy-officer.pdf"]);
    assert_has_all(
        &cpo,
        &[
            "8 NYCRR 121.10",
            "Who is reporting",
            "Number of persons affected",
            "1,250",
        ],
    );
    // The record: each duty, with what was done.
    let record = pdf_text(&files["record.pdf"]);
    assert!(record.contains("state-privacy-officer"), "{record}");
    assert!(
        record.contains("done on time, on November 12, 2026"),
        "{record}"
    );

    // The calendar parses with a real iCalendar parser.
    let ics = &files["deadlines.ics"];
    let mut parser = ical::IcalParser::new(&ics[..]);
    parser.next().expect("a calendar").expect("RFC 5545");
}

#[test]
fn a_duty_recorded_as_an_act_shows_in_the_compliance_record() {
    let site = Site::new("bilingual");
    let record = format!("content/incidents/{BILINGUAL}.yaml");
    site.edit(
        &record,
        "  state-privacy-officer: 2026-11-12\n",
        "  state-privacy-officer:\n    date: 2026-11-12T15:05\n    method: portal\n    by: Ana Ruiz\n    reference: CPO-77\n    evidence: records/cpo.pdf\n",
    );
    site.write("records/cpo.pdf", "%PDF-1.4");
    site.run(&["kit", BILINGUAL, "--today", TODAY]).success();
    let files = kit(&site, BILINGUAL);
    let record = String::from_utf8_lossy(&files["record.html"]).to_string();
    assert_has_all(
        &record,
        &[
            "November 12, 2026 at 3:05 p.m.",
            "on the agency&#39;s portal",
            "reference CPO-77",
            "records/cpo.pdf",
        ],
    );
    let filing = String::from_utf8_lossy(&files["filings/state-privacy-officer.html"]).to_string();
    assert!(filing.contains("CPO-77"), "{filing}");
    assert!(
        filing.contains("the district</dd>"),
        "who files, in words: {filing}"
    );
}

#[test]
fn the_mail_merge_prints_one_letter_per_recipient_and_never_publishes_them() {
    let site = Site::new("bilingual");
    let people = [
        ("Zebulon Quist", "41 Marigold Lane"),
        ("Ximena Olvera", "7 Juniper Court"),
        ("Yusuf Brandt", "93 Larch Way"),
    ];
    let csv = format!(
        "name,address_1,address_2,language,audience\n\
{},{},\"Willow Creek, NY 10999\",en,parents\n\
{},{},\"Willow Creek, NY 10999\",es,parents\n\
{},{},\"Willow Creek, NY 10999\",,students\n\
{},{},\"Willow Creek, NY 10999\",en,parents\n\
Wanda Nobody,,,en,parents\n\
Quentin Elsewhere,5 Far Rd,,de,parents\n\
Una Known,6 Far Rd,,en,janitors\n",
        people[0].0,
        people[0].1,
        people[1].0,
        people[1].1,
        people[2].0,
        people[2].1,
        people[0].0,
        people[0].1,
    );
    let list = site.tmp().join("recipients.csv");
    std::fs::write(&list, csv).unwrap();
    let run = site
        .run(&[
            "kit",
            BILINGUAL,
            "--recipients",
            list.to_str().unwrap(),
            "--today",
            TODAY,
        ])
        .success();
    let build = site.build().success();
    let files = kit(&site, BILINGUAL);

    // One letter per usable row, each starting on its own page.
    let single = assert_real_pdf(&files["letters/en/parents.pdf"]);
    let parents_en = &files["mail-merge/parents-en.pdf"];
    assert_eq!(
        assert_real_pdf(parents_en),
        2 * single,
        "two letters (one a duplicate)"
    );
    let text = pdf_text(parents_en);
    assert_eq!(text.matches("Dear Zebulon Quist,").count(), 2);
    assert!(text.contains("41 Marigold Lane"));
    assert_eq!(text.matches(&format!("Page 1 of {single}")).count(), 2);
    let parents_es = pdf_text(&files["mail-merge/parents-es.pdf"]);
    assert!(
        parents_es.contains("Estimado/a Ximena Olvera:"),
        "{parents_es}"
    );
    assert!(pdf_text(&files["mail-merge/students-en.pdf"]).contains("Yusuf Brandt"));

    let report = String::from_utf8(files["mail-merge/merge-report.txt"].clone()).unwrap();
    assert!(report.contains("rows 6\n"), "missing address: {report}");
    assert!(report.contains("7 (de)"), "unknown language: {report}");
    assert!(report.contains("rows 8\n"), "unknown audience: {report}");
    assert!(report.contains("5 (same as row 2)"), "duplicate: {report}");
    assert!(
        report.contains("parents   en       2 letters  mail-merge/parents-en.pdf"),
        "{report}"
    );
    assert!(report.contains("parents   es       1 letter  "), "{report}");

    // Names and addresses appear in the mail-merge PDFs only.
    let mut names: Vec<&str> = people.iter().flat_map(|(n, a)| [*n, *a]).collect();
    names.extend(["Wanda Nobody", "Quentin Elsewhere", "Una Known"]);
    for (path, bytes) in crate::common::snapshot(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        for name in &names {
            assert!(!text.contains(name), "{name} in public/{path}");
        }
    }
    for (path, bytes) in &files {
        if path.starts_with("mail-merge/") && path.ends_with(".pdf") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        for name in &names {
            assert!(!text.contains(name), "{name} in kit/{path}");
        }
    }
    for output in [&run.stdout, &run.stderr, &build.stdout, &build.stderr] {
        for name in &names {
            assert!(!output.contains(name), "{name} printed: {output}");
        }
    }

    // A broken file is reported by row number, without its contents.
    std::fs::write(
        &list,
        b"name,address_1,audience\nZebulon Quist,41 Marigold Lane \xff,parents\n",
    )
    .unwrap();
    let run = site
        .run(&[
            "kit",
            BILINGUAL,
            "--recipients",
            list.to_str().unwrap(),
            "--today",
            TODAY,
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("row 2 cannot be read"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Zebulon"), "{}", run.stderr);
    assert!(!run.stderr.contains("Marigold"), "{}", run.stderr);
}

#[test]
fn the_kit_is_never_written_where_it_would_be_published() {
    let site = Site::new("bilingual");
    for place in ["public/kit", "content/kit", "static/letters", "."] {
        let run = site
            .run(&[
                "kit",
                BILINGUAL,
                "--output",
                site.path(place).to_str().unwrap(),
                "--today",
                TODAY,
            ])
            .expect_code(2);
        assert!(run.stderr.contains("may not be"), "{place}: {}", run.stderr);
    }
    site.write("static/recipients.csv", "name,address_1,audience\n");
    let run = site
        .run(&[
            "kit",
            BILINGUAL,
            "--recipients",
            site.path("static/recipients.csv").to_str().unwrap(),
            "--today",
            TODAY,
        ])
        .expect_code(2);
    assert!(run.stderr.contains("static/"), "{}", run.stderr);
    assert!(!site.path("kit").exists());

    // A kit/ that is a link into public/ is where it leads.
    #[cfg(unix)]
    {
        std::fs::create_dir_all(site.public()).unwrap();
        std::os::unix::fs::symlink(site.public(), site.path("kit")).unwrap();
        let run = site
            .run(&["kit", BILINGUAL, "--today", TODAY])
            .expect_code(2);
        assert!(run.stderr.contains("public/"), "{}", run.stderr);
        assert!(!site.public().join(BILINGUAL).exists());
        std::fs::remove_file(site.path("kit")).unwrap();
    }

    // A folder of other files, or one that holds the site, is not replaced.
    let documents = site.tmp().join("Documents");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::write(documents.join("budget.xlsx"), "x").unwrap();
    for place in [documents.clone(), site.tmp().to_path_buf()] {
        let run = site
            .run(&[
                "kit",
                BILINGUAL,
                "--output",
                place.to_str().unwrap(),
                "--today",
                TODAY,
            ])
            .expect_code(2);
        assert!(
            run.stderr.contains("refusing to write the kit"),
            "{}",
            run.stderr
        );
    }
    assert!(documents.join("budget.xlsx").is_file());

    // Outside the site, anywhere; the default is kit/SLUG/.
    let outside = site.tmp().join("letters-for-the-printer");
    site.run(&[
        "kit",
        BILINGUAL,
        "--output",
        outside.to_str().unwrap(),
        "--today",
        TODAY,
    ])
    .success();
    assert!(Path::new(&outside).join("letters/en/parents.pdf").is_file());
    // A kit it wrote before is replaced.
    site.run(&[
        "kit",
        BILINGUAL,
        "--output",
        outside.to_str().unwrap(),
        "--today",
        TODAY,
    ])
    .success();

    // Check's rules apply first: a site with errors gets no kit.
    site.edit(
        &format!("content/incidents/{BILINGUAL}.yaml"),
        "discovered: 2026-11-09",
        "discovered: 2026-13-09",
    );
    site.run(&["kit", BILINGUAL, "--today", TODAY])
        .expect_code(1);
    assert!(!site.path("kit").exists());
    let run = site.run(&["kit", "no-such-incident", "--today", TODAY]);
    assert_ne!(run.code, 0);
}

/// Pennsylvania: the county district attorney is told by letter (a cover letter is in the
/// sheet), the Attorney General through its portal; a staff breach gets the staff letter.
#[test]
fn pennsylvania_filings_include_the_district_attorney_letter() {
    let site = Site::new("compliance-pa");
    site.write(
        "content/incidents/2026-11-10-payroll.yaml",
        "title: Payroll records taken in a phishing attack
status: active
published: 2026-11-12
summary: A phishing email gave an outsider access to payroll records.
discovered: 2026-11-09
occurred:
  from: 2026-11-02
  to: 2026-11-06
data: [staff_name, ssn]
affected:
  count: 640
  groups: [staff]
  residents: 610
description: An employee answered a phishing email.
investigation: We reset passwords and added two-factor sign-in.
identity_protection:
  months: 12
  service: credit monitoring and a free credit report
  provider: Kroll
  enroll_by: 2027-02-28
  how_to_enroll: Call 1-866-555-0110 and give the code PAYROLL26.
",
    );
    site.run(&["kit", "2026-11-10-payroll", "--today", TODAY])
        .success();
    let files = kit(&site, "2026-11-10-payroll");
    assert!(files.contains_key("letters/en/staff.pdf"));
    assert!(!files.contains_key("letters/en/parents.pdf"));
    let letter = pdf_text(&files["letters/en/staff.pdf"]);
    assert_has_all(
        &letter,
        &[
            "Dear colleague,",
            "12 months of credit monitoring and a free credit report through Kroll",
            "Enroll by: February 28, 2027.",
            "Call 1-866-555-0110 and give the code PAYROLL26.",
        ],
    );
    let da = pdf_text(&files["filings/district-attorney.pdf"]);
    assert_has_all(
        &da,
        &[
            "73 P.S. §2303(a.2)",
            "gives notice under 73 P.S. §2303(a.2)",
            "To the district attorney of the county where the breach occurred",
            "Residents of Pennsylvania affected",
            "610",
        ],
    );
    let ag = pdf_text(&files["filings/attorney-general.pdf"]);
    assert!(ag.contains("attorneygeneral.gov/report-breach"), "{ag}");
    assert!(!ag.contains("gives notice under"), "no letter for a portal");
}

/// Staff of a New York district who live in Connecticut and New Jersey: Connecticut's
/// Attorney General filing is in the kit, the record lists Connecticut's duties, and New
/// Jersey is named as a state whose law staff must check.
#[test]
fn filings_and_the_record_follow_residents_of_other_states() {
    let site = Site::new("compliance-ny");
    site.write(
        "content/incidents/2026-11-10-payroll.yaml",
        "title: Payroll records taken in a phishing attack
status: active
published: 2026-11-12
summary: A phishing email gave an outsider access to payroll records.
discovered: 2026-11-09
occurred:
  from: 2026-11-02
  to: 2026-11-06
data: [staff_name, ssn]
affected:
  count: 400
  groups: [staff]
  residents: {NY: 385, CT: 12, NJ: 3}
description: An employee answered a phishing email.
investigation: We reset passwords and added two-factor sign-in.
identity_protection:
  months: 24
  service: identity theft prevention and mitigation services
  how_to_enroll: Call 1-866-555-0110 and give the code PAYROLL26.
",
    );
    site.run(&["kit", "2026-11-10-payroll", "--today", TODAY])
        .success();
    let files = kit(&site, "2026-11-10-payroll");
    let ct = pdf_text(&files["filings/ct-attorney-general.pdf"]);
    assert_has_all(
        &ct,
        &[
            "Connecticut",
            "C.G.S. §36a-701b(b)(2)",
            "Residents of Connecticut affected",
            "12",
        ],
    );
    let ny = pdf_text(&files["filings/attorney-general.pdf"]);
    assert!(ny.contains("Residents of New York affected"), "{ny}");
    assert!(ny.contains("385"), "{ny}");
    let record = pdf_text(&files["record.pdf"]);
    assert!(record.contains("Under the law of Connecticut"), "{record}");
    assert!(record.contains("New Jersey"), "{record}");
}

/// A letter the PDF fonts cannot print (here, a site's own closing in another script) is
/// written as HTML only, and the command says so; nothing prints as `?`.
#[test]
fn a_letter_in_another_script_is_left_as_html() {
    let site = Site::new("bilingual");
    site.write("strings/es.toml", "kit_closing = \"敬具\"\n");
    let run = site.run(&["kit", BILINGUAL, "--today", TODAY]).success();
    let files = kit(&site, BILINGUAL);
    assert!(files.contains_key("letters/es/parents.html"));
    assert!(!files.contains_key("letters/es/parents.pdf"));
    assert!(files.contains_key("letters/en/parents.pdf"));
    assert!(
        run.stdout.contains("letters/es/parents.pdf not made"),
        "{}",
        run.stdout
    );
    let html = String::from_utf8_lossy(&files["letters/es/parents.html"]).to_string();
    assert!(html.contains("敬具"));
}

/// An incident whose groups have their own data and offers, with its own help line: each
/// letter tells its readers their own data and their own offer, the help line comes
/// first among the contacts, and the messages give its number.
#[test]
fn each_letter_tells_its_group_its_own_data_and_offer_and_the_help_line() {
    const SLUG: &str = "2026-10-28-sis-vendor";
    let site = Site::new("multi-group");
    site.run(&["kit", SLUG, "--today", TODAY]).success();
    let files = kit(&site, SLUG);
    let text = |path: &str| String::from_utf8_lossy(&files[path]).to_string();
    let staff = text("letters/en/staff.html");
    let parents = text("letters/en/parents.html");
    let minors = "identity protection for minors";
    let credit = "credit monitoring and identity restoration";

    assert!(staff.contains(credit), "{staff}");
    assert!(
        !staff.contains(minors),
        "the students' offer in the staff letter"
    );
    // The data of each letter's own groups ("Social Security number" alone is also in
    // the advice every letter gives).
    assert!(staff.contains("Social Security numbers"), "{staff}");
    assert!(
        !staff.contains("Student ID numbers"),
        "the students' data in the staff letter"
    );
    assert!(
        staff.contains("Staff received an enrollment code by email"),
        "{staff}"
    );
    assert!(parents.contains(minors), "{parents}");
    assert!(
        !parents.contains(credit),
        "the staff's offer in the parents' letter"
    );
    assert!(
        !parents.contains("Social Security numbers"),
        "the staff's data in the parents' letter"
    );
    assert!(parents.contains("Health"), "the students' data: {parents}");

    // The help line, with its closing date, before the district's standing contact.
    for (name, letter) in [("staff", &staff), ("parents", &parents)] {
        let help = letter.find("833-555-0142").expect(name);
        let standing = letter.rfind("518-555-0130").expect(name);
        assert!(help < standing, "{name}: the help line comes first");
        assert!(letter.contains("Open until: February 26, 2027"), "{name}");
    }
    let pdf = pdf_text(&files["letters/en/staff.pdf"]);
    assert!(pdf.contains("833-555-0142"), "{pdf}");

    // Spanish: the translated offers.
    let es_staff = text("letters/es/staff.html");
    assert!(
        es_staff.contains("vigilancia del crédito y restauración de la identidad"),
        "{es_staff}"
    );
    assert!(!es_staff.contains(credit), "{es_staff}");
    let es_parents = text("letters/es/parents.html");
    assert!(
        es_parents.contains("protección de identidad para menores"),
        "{es_parents}"
    );
    assert!(es_parents.contains("833-555-0142"), "{es_parents}");

    // Messages: the help line's number, spoken; the call-centre sheet gives each group.
    let script = text("messages/en/call-script.txt");
    assert!(
        script.contains("our help line at eight three three, five five five, zero one four two"),
        "{script}"
    );
    assert!(text("messages/en/email.txt").contains("833-555-0142"));
    for lang in ["en", "es"] {
        let sms = text(&format!("messages/{lang}/sms.txt"));
        assert!(gsm7_length(sms.trim_end()) <= SMS_LIMIT, "{lang}: {sms}");
    }
    let sheet = text("messages/en/call-centre.html");
    for needle in [
        "6,412",
        "9,150",
        "812",
        minors,
        credit,
        "833-555-0142",
        "Monday to Friday, 9 a.m. to 9 p.m. Eastern, except holidays",
        // The record's own questions.
        "Does identity protection for minors cost anything?",
    ] {
        assert!(sheet.contains(needle), "the sheet lacks {needle}: {sheet}");
    }
}

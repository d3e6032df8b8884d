//! The staff kit of one incident (`breachpage kit`): letters, messages, regulator
//! filings, the compliance record and, with a recipients file, the mail merge, all made
//! from the checked record, the site's contacts and the jurisdiction's pack, in every
//! language the site publishes. This module makes the files in memory; the command
//! writes them.

pub mod doc;
pub mod facts;
pub mod filings;
pub mod letter;
pub mod messages;
pub mod recipients;
pub mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::compliance::obligations::ObligationStatus;
use crate::compliance::residence::Residence;
use crate::model::{Incident, SiteData};
use crate::pdf::{self, layout::Flow};
use crate::theme::Theme;

use doc::Doc;
use facts::Facts;
use letter::Audience;

/// Path inside the kit folder → contents.
pub type Files = BTreeMap<String, Vec<u8>>;

/// The kit's files, and a line for each part, for the command's summary.
pub struct Kit {
    pub files: Files,
    pub summary: Vec<String>,
}

/// Every file of the kit of `incident`. `statuses` are its obligations as of `today`,
/// `residences` the states where some affected people live; `merge`, the recipients read
/// from the file given.
pub fn assemble(
    site: &SiteData,
    theme: &Theme,
    incident: &Incident,
    statuses: &[ObligationStatus],
    residences: &[Residence],
    merge: Option<&recipients::Merge>,
    today: NaiveDate,
) -> Result<Kit, String> {
    let mut files = Files::new();
    let mut summary = Vec::new();
    let languages = crate::render::published_languages(site, theme);
    let audiences = Audience::for_groups(&incident.affected.groups);
    let mut letters = 0;
    let mut all_facts = Vec::new();
    for (lang, s) in &languages {
        let facts = Facts::new(site, incident, lang, *s, today);
        for audience in &audiences {
            let letter = letter::compose(&facts, *audience, None);
            let stem = format!("letters/{lang}/{}", audience.as_str());
            summary.extend(put_doc(&mut files, &stem, &letter, s.get("kit_page")));
            letters += 1;
        }
        let generic = audiences.first().map(|a| letter::compose(&facts, *a, None));
        let dir = format!("messages/{lang}");
        if let Some(generic) = &generic {
            files.insert(
                format!("{dir}/email.txt"),
                messages::email(&facts, generic).into_bytes(),
            );
        }
        match messages::sms(&facts) {
            Some(sms) => {
                files.insert(format!("{dir}/sms.txt"), format!("{sms}\n").into_bytes());
            }
            None => summary.push(format!(
                "no SMS in {lang}: {}",
                if facts.url.is_none() {
                    "site.toml has no base_url, so the notice has no address to send"
                } else {
                    "the notice's address is too long for one message"
                }
            )),
        }
        files.insert(
            format!("{dir}/call-script.txt"),
            messages::call_script(&facts).into_bytes(),
        );
        summary.extend(put_doc(
            &mut files,
            &format!("{dir}/call-centre"),
            &messages::call_sheet(&facts),
            s.get("kit_page"),
        ));
        all_facts.push(facts);
    }
    summary.insert(
        0,
        format!(
            "{letters} letter{} ({}) in {}",
            if letters == 1 { "" } else { "s" },
            audiences
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            languages
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );

    // Filings and the record are for agencies and auditors: in the default language's
    // facts, with English labels.
    let Some(first) = all_facts.first() else {
        return Err("the theme has no interface text in any language the site publishes".into());
    };
    let english_page = "Page {page} of {pages}";
    let home = site.config.district.jurisdiction.as_str();
    let mut laws = vec![(
        String::new(),
        filings::Law {
            state: &site.pack.name,
            residents: incident.affected.residents_in(home, home),
            home: true,
        },
        statuses,
    )];
    for residence in residences {
        if let Some(law) = &residence.law {
            laws.push((
                format!("{}-", residence.code.to_ascii_lowercase()),
                filings::Law {
                    state: residence.name,
                    residents: residence.people.clone(),
                    home: false,
                },
                &law.statuses,
            ));
        }
    }
    let mut filed: Vec<String> = Vec::new();
    for (prefix, law, statuses) in &laws {
        for status in statuses.iter().filter(|s| filings::is_filing(s)) {
            let mut id = format!("{prefix}{}", status.obligation.id);
            if filed.contains(&id) {
                id = format!("{id}-{}", filed.len() + 1);
            }
            summary.extend(put_doc(
                &mut files,
                &format!("filings/{id}"),
                &filings::sheet(first, status, law),
                english_page,
            ));
            filed.push(id);
        }
    }
    summary.push(if filed.is_empty() {
        "no regulator filings apply".to_string()
    } else {
        format!("filings: {}", filed.join(", "))
    });
    let elsewhere: Vec<(&str, &[ObligationStatus])> = laws
        .iter()
        .skip(1)
        .map(|(_, law, statuses)| (law.state, *statuses))
        .collect();
    let unknown: Vec<String> = residences
        .iter()
        .filter_map(Residence::open_question)
        .collect();
    summary.extend(put_doc(
        &mut files,
        "record",
        &filings::record(first, statuses, &elsewhere, &unknown, today),
        english_page,
    ));

    if let Some(merge) = merge {
        let mut printed = BTreeMap::new();
        for ((audience, lang), people) in &merge.groups {
            let Some(facts) = all_facts.iter().find(|f| &f.lang == lang) else {
                continue;
            };
            let mut flow = Flow::new(facts.s.get("kit_page"));
            let mut title = String::new();
            let mut printable = true;
            for person in people {
                let letter = letter::compose(facts, *audience, Some(person));
                title.clone_from(&letter.title);
                printable &= letter.printable();
                doc::to_pages(&letter, &mut flow);
            }
            if !printable {
                summary.push(format!(
                    "mail merge for {} in {lang} not made: the letter has characters the PDF fonts cannot print",
                    audience.as_str()
                ));
                continue;
            }
            let pages = flow.finish();
            let file = format!("mail-merge/{}-{lang}.pdf", audience.as_str());
            printed.insert((*audience, lang.clone()), (file.clone(), pages.len()));
            files.insert(file, pdf::write(&pages, &title, lang));
        }
        files.insert(
            "mail-merge/merge-report.txt".to_string(),
            merge.report(&printed).into_bytes(),
        );
        let total: usize = merge.groups.values().map(Vec::len).sum();
        summary.push(format!(
            "mail merge: {total} letter{} in {} file{}; see mail-merge/merge-report.txt",
            if total == 1 { "" } else { "s" },
            printed.len(),
            if printed.len() == 1 { "" } else { "s" }
        ));
    }
    Ok(Kit { files, summary })
}

/// `doc` as `stem.html` and `stem.pdf`; only the HTML when the PDF fonts cannot print it
/// (a language in another script), with a line for the summary saying so.
fn put_doc(files: &mut Files, stem: &str, doc: &Doc, footer: &str) -> Option<String> {
    files.insert(format!("{stem}.html"), doc::to_html(doc).into_bytes());
    if !doc.printable() {
        return Some(format!(
            "{stem}.pdf not made: its text has characters the PDF fonts cannot print (they print Latin letters only); print {stem}.html from a browser"
        ));
    }
    let mut flow = Flow::new(footer);
    doc::to_pages(doc, &mut flow);
    files.insert(
        format!("{stem}.pdf"),
        pdf::write(&flow.finish(), &doc.title, &doc.lang),
    );
    None
}

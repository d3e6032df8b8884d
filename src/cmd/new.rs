//! `breachpage new "TITLE"`: a new draft record with every field present and explained,
//! the jurisdiction's required elements marked, and the key facts filled in.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cmd::prompt::{self, Prompter};
use crate::content::fields::{self, Field, Kind, Need};
use crate::content::{self, record, INCIDENTS_DIR};
use crate::jurisdiction::{Element, Pack};
use crate::model::Group;
use crate::Failure;

/// The facts a new record starts with; each is optional.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    pub discovered: Option<String>,
    pub summary: Option<String>,
    pub contractor: Option<String>,
    pub count: Option<u64>,
    pub groups: Vec<String>,
}

pub struct Options {
    pub title: String,
    pub jurisdiction: Option<String>,
    pub facts: Facts,
    pub interactive: bool,
    pub no_input: bool,
    pub today: NaiveDate,
}

/// Where the schema sits relative to a record, for editors.
pub const SCHEMA_FILE: &str = "breachpage.schema.json";

pub fn run(root: &Path, mut options: Options) -> Result<(), Failure> {
    let pack = match &options.jurisdiction {
        Some(code) => Pack::get(code).ok_or_else(|| {
            Failure::Usage(format!(
                "breachpage has no rules for the jurisdiction `{code}`; it supports {}",
                Pack::supported().join(", ")
            ))
        })?,
        None => content::load_config(root)?.pack().ok_or_else(|| {
            Failure::Usage("site.toml names no supported jurisdiction".to_string())
        })?,
    };
    // A site that an interrupted build left set aside is put back first.
    super::build::restore_interrupted(root);
    if options.title.trim().is_empty() {
        return Err(Failure::Usage(
            "give the incident a title: breachpage new \"Phishing email to staff\"".to_string(),
        ));
    }
    let path = record_path(root, &options.title, options.today);
    if path.exists() {
        return Err(Failure::Usage(format!(
            "{} already exists; breachpage never overwrites a record. Edit it, or choose another title",
            path.display()
        )));
    }
    if prompt::should_ask(options.interactive, options.no_input) {
        ask(&mut Prompter::stdin(), &mut options.facts);
    }
    validate(&options.facts)?;
    let text = scaffold(&options.title, &options.facts, pack);
    let io = |e: std::io::Error| Failure::Io(format!("could not write {}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(io)?;
    }
    fs::write(&path, text).map_err(io)?;
    let schema = root.join(SCHEMA_FILE);
    if !schema.exists() {
        fs::write(&schema, super::schema::text() + "\n").map_err(io)?;
    }
    println!("Wrote {}", path.display());
    println!("It is a draft: fill it in, run `breachpage check` to see what is still missing, then set `status: active` and `published:` to post it.");
    Ok(())
}

/// `content/incidents/<today>-<slug>.yaml`, the slug cut at a word boundary.
fn record_path(root: &Path, title: &str, today: NaiveDate) -> PathBuf {
    let mut slug = content::slugify(title);
    if slug.len() > 48 {
        let cut = slug[..48].rfind('-').unwrap_or(48);
        slug.truncate(cut);
    }
    root.join(INCIDENTS_DIR)
        .join(format!("{}-{slug}.yaml", today.format("%Y-%m-%d")))
}

fn ask<R: std::io::BufRead>(prompter: &mut Prompter<R>, facts: &mut Facts) {
    eprintln!("A few key facts (all can be changed later in the file):");
    let moment = |s: &str| record::parse_moment(s).map(|_| s.to_string());
    if facts.discovered.is_none() {
        facts.discovered = prompter.ask(
            "When was the breach discovered? (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
            true,
            moment,
        );
    }
    if facts.summary.is_none() {
        facts.summary = prompter.ask("In one or two plain sentences, what happened?", true, |s| {
            Ok(s.to_string())
        });
    }
    if facts.contractor.is_none() {
        facts.contractor = prompter.ask(
            "Was it a contractor's breach? Name the company",
            true,
            |s| Ok(s.to_string()),
        );
    }
    if facts.count.is_none() {
        facts.count = prompter.ask("About how many people were affected?", true, |s| {
            s.replace(',', "")
                .parse::<u64>()
                .map_err(|_| "write a whole number, such as 1250".to_string())
        });
    }
    if facts.groups.is_empty() {
        let names: Vec<&str> = Group::ALL.iter().map(|g| g.as_str()).collect();
        let question = format!(
            "Who was affected? ({}, separated by commas)",
            names.join(", ")
        );
        facts.groups = prompter
            .ask(&question, true, parse_groups)
            .unwrap_or_default();
    }
}

fn parse_groups(text: &str) -> Result<Vec<String>, String> {
    let names: Vec<&str> = Group::ALL.iter().map(|g| g.as_str()).collect();
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            if names.contains(&s) {
                Ok(s.to_string())
            } else {
                Err(format!("\"{s}\" is not a group; use {}", names.join(", ")))
            }
        })
        .collect()
}

fn validate(facts: &Facts) -> Result<(), Failure> {
    if let Some(discovered) = &facts.discovered {
        record::parse_moment(discovered)
            .map_err(|hint| Failure::Usage(format!("--discovered: {hint}")))?;
    }
    parse_groups(&facts.groups.join(",")).map_err(|e| Failure::Usage(format!("--groups: {e}")))?;
    Ok(())
}

/// The record's text: every field, commented, with the facts filled in.
pub fn scaffold(title: &str, facts: &Facts, pack: &Pack) -> String {
    let mut values: BTreeMap<&str, String> = BTreeMap::new();
    values.insert("title", quote(title));
    values.insert("status", "draft".to_string());
    values.insert("data", "unknown".to_string());
    values.insert(
        "affected.count",
        facts.count.map_or("unknown".to_string(), |n| n.to_string()),
    );
    if let Some(d) = &facts.discovered {
        values.insert("discovered", d.clone());
    }
    if let Some(s) = &facts.summary {
        values.insert("summary", quote(s));
    }
    if let Some(c) = &facts.contractor {
        values.insert("contractor.name", quote(c));
    }
    if !facts.groups.is_empty() {
        values.insert("affected.groups", format!("[{}]", facts.groups.join(", ")));
    }
    let mut out = format!(
        "# yaml-language-server: $schema=../../{SCHEMA_FILE}\n\
         # A breachpage incident record. It is a draft: it is never published until `status`\n\
         # is `active` or `resolved` and `published` is set. Empty fields are ignored; write\n\
         # `unknown` where a fact is not known yet. Run `breachpage check` to see what is\n\
         # still missing. \"{} law\" marks what a notice must contain under {} law.\n",
        pack.code, pack.name
    );
    write_fields(
        &mut out,
        fields::RECORD,
        "",
        0,
        &values,
        pack,
        facts.contractor.is_some(),
    );
    out
}

fn write_fields(
    out: &mut String,
    list: &[Field],
    parent: &str,
    depth: usize,
    values: &BTreeMap<&str, String>,
    pack: &Pack,
    contractor: bool,
) {
    let indent = "  ".repeat(depth);
    for f in list {
        let path = if parent.is_empty() {
            f.name.to_string()
        } else {
            format!("{parent}.{}", f.name)
        };
        let need = match f.need {
            Need::Required => " (required)",
            Need::UnlessDraft => " (required to publish)",
            Need::Optional => "",
        };
        let law = law_note(pack, &path);
        let _ = writeln!(out, "\n{indent}# {}{need}{law}", capitalise(f.help));
        // Optional groups stay commented out: an empty group would claim, for example, a
        // contractor's breach.
        let commented = matches!(
            f.kind,
            Kind::Group(_) | Kind::List(_) | Kind::Notified(_) | Kind::ByLanguage(_)
        ) && f.need == Need::Optional
            && !(f.name == "contractor" && contractor);
        let hash = if commented { "# " } else { "" };
        match f.kind {
            Kind::Group(children) | Kind::GroupOrUnknown(children) => {
                if f.kind == Kind::GroupOrUnknown(children) {
                    let _ = writeln!(out, "{indent}# (or write `{}: unknown`)", f.name);
                }
                let _ = writeln!(out, "{indent}{hash}{}:", f.name);
                let mut nested = String::new();
                write_fields(
                    &mut nested,
                    children,
                    &path,
                    depth + 1,
                    values,
                    pack,
                    contractor,
                );
                for line in nested.lines().filter(|l| !l.trim().is_empty()) {
                    if commented && !line.trim_start().starts_with('#') {
                        let (lead, rest) = line.split_at(line.len() - line.trim_start().len());
                        let _ = writeln!(out, "{lead}# {rest}");
                    } else {
                        let _ = writeln!(out, "{line}");
                    }
                }
            }
            Kind::List(children) => {
                let _ = writeln!(out, "{indent}# {}:", f.name);
                for (i, child) in children.iter().enumerate() {
                    let lead = if i == 0 { "- " } else { "  " };
                    let example = match child.kind {
                        Kind::Date => "YYYY-MM-DD",
                        _ => "...",
                    };
                    let _ = writeln!(out, "{indent}#   {lead}{}: {example}", child.name);
                }
            }
            Kind::ByLanguage(children) => {
                let _ = writeln!(out, "{indent}# {}:", f.name);
                let _ = writeln!(out, "{indent}#   es:");
                for child in children.iter().filter(|c| matches!(c.kind, Kind::Text)) {
                    let _ = writeln!(out, "{indent}#     {}: ...", child.name);
                }
            }
            Kind::Notified(_) => {
                let _ = writeln!(out, "{indent}# {}:", f.name);
                let _ = writeln!(out, "{indent}#   individuals: YYYY-MM-DD");
                let _ = writeln!(out, "{indent}#   attorney-general:");
                let _ = writeln!(out, "{indent}#     date: YYYY-MM-DDTHH:MM");
                let _ = writeln!(out, "{indent}#     method: portal");
                let _ = writeln!(out, "{indent}#     by: name or role");
                let _ = writeln!(out, "{indent}#     reference: receipt number");
                let _ = writeln!(out, "{indent}#     evidence: [records/receipt.pdf]");
            }
            Kind::Markdown => match values.get(path.as_str()) {
                Some(value) => {
                    let _ = writeln!(out, "{indent}{}: {value}", f.name);
                }
                None => {
                    let _ = writeln!(out, "{indent}{}: |", f.name);
                    let _ = writeln!(out, "{indent}  ");
                }
            },
            _ => {
                let value = values.get(path.as_str()).map(String::as_str).unwrap_or("");
                let space = if value.is_empty() { "" } else { " " };
                let _ = writeln!(out, "{indent}{hash}{}:{space}{value}", f.name);
            }
        }
    }
}

/// " (NY law: 8 NYCRR 121.10)" when the pack requires this field in a notice.
fn law_note(pack: &Pack, path: &str) -> String {
    let citations: Vec<&str> = pack
        .required
        .iter()
        .filter(|r| element_field(r.element) == Some(path))
        .map(|r| r.citation.as_str())
        .collect();
    if citations.is_empty() {
        String::new()
    } else {
        format!(" [{} law: {}]", pack.code, citations.join("; "))
    }
}

fn element_field(element: Element) -> Option<&'static str> {
    match element {
        Element::Description => Some("description"),
        Element::IncidentDates => Some("occurred"),
        Element::DiscoveryDate => Some("discovered"),
        Element::DataElements => Some("data"),
        Element::Count => Some("affected.count"),
        Element::Investigation => Some("investigation"),
        Element::Contact | Element::Agencies => None,
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
fn quote(text: &str) -> String {
    serde_json::to_string(text.trim()).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::model::Status;

    #[test]
    fn a_fresh_scaffold_is_a_valid_draft_with_only_warnings() {
        for code in Pack::supported() {
            let pack = Pack::get(code).unwrap();
            let text = scaffold("Phishing: staff email", &Facts::default(), pack);
            let mut diagnostics = Diagnostics::new();
            let incident = record::parse("x.yaml", "x", &text, &mut diagnostics);
            assert!(
                !diagnostics.has_errors(),
                "{code}: {}",
                diagnostics.render_text()
            );
            let incident = incident.unwrap();
            assert_eq!(incident.status, Status::Draft);
            assert_eq!(incident.title, "Phishing: staff email");
            assert!(
                incident.contractor.is_none(),
                "optional groups stay commented out"
            );
        }
    }

    #[test]
    fn facts_are_filled_in() {
        let facts = Facts {
            discovered: Some("2026-11-19T08:45".into()),
            summary: Some("Two accounts were \"phished\".".into()),
            contractor: Some("Mail Co".into()),
            count: Some(2),
            groups: vec!["staff".into()],
        };
        let text = scaffold("Phishing", &facts, Pack::get("NY").unwrap());
        assert!(text.starts_with("# yaml-language-server: $schema=../../breachpage.schema.json\n"));
        let mut diagnostics = Diagnostics::new();
        let incident = record::parse("x.yaml", "x", &text, &mut diagnostics).unwrap();
        assert_eq!(incident.summary, "Two accounts were \"phished\".");
        assert_eq!(incident.contractor.unwrap().name, "Mail Co");
        assert_eq!(incident.affected.groups, [Group::Staff]);
        assert!(text.contains("[NY law: 8 NYCRR 121.10]"), "{text}");
    }

    #[test]
    fn answers_are_asked_for_and_checked() {
        let input = b"2026-2-3\n2026-02-03\nSomething happened.\n\nabout ten\n10\nkids\nstudents, parents\n";
        let mut prompter = Prompter::new(&input[..]);
        let mut facts = Facts::default();
        ask(&mut prompter, &mut facts);
        assert_eq!(facts.discovered.as_deref(), Some("2026-02-03"));
        assert_eq!(facts.summary.as_deref(), Some("Something happened."));
        assert_eq!(facts.contractor, None);
        assert_eq!(facts.count, Some(10));
        assert_eq!(facts.groups, ["students", "parents"]);
    }
}

//! `breachpage init [DIR]`: a new, working site skeleton.

use std::fs;
use std::path::Path;

use crate::cmd::new::SCHEMA_FILE;
use crate::cmd::prompt::{self, Prompter};
use crate::config::SiteConfig;
use crate::content::{INCIDENTS_DIR, INDEX_FILE};
use crate::jurisdiction::Pack;
use crate::Failure;

pub struct Options {
    pub jurisdiction: Option<String>,
    pub district: Option<String>,
    pub interactive: bool,
    pub no_input: bool,
}

const SITE_TOML: &str = include_str!("init/site.toml");
const INDEX_MD: &str = include_str!("init/_index.md");

pub fn run(dir: &Path, mut options: Options) -> Result<(), Failure> {
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::Usage(format!(
            "{} is a file, not a folder; give the name of a new or empty folder for the site",
            dir.display()
        )));
    }
    for existing in ["site.toml", "content"] {
        if dir.join(existing).exists() {
            return Err(Failure::Usage(format!(
                "{} already holds a site ({existing} exists); breachpage init never overwrites one. Choose an empty or new folder",
                dir.display()
            )));
        }
    }
    if prompt::should_ask(options.interactive, options.no_input) {
        let mut prompter = Prompter::stdin();
        if options.district.is_none() {
            options.district =
                prompter.ask("The district's full name", false, |s| Ok(s.to_string()));
        }
        if options.jurisdiction.is_none() {
            let question = format!("Its state ({})", Pack::supported().join(", "));
            options.jurisdiction = prompter.ask(&question, false, |s| {
                Pack::get(s)
                    .map(|p| p.code.clone())
                    .ok_or_else(|| format!("use one of {}", Pack::supported().join(", ")))
            });
        }
    }
    let Some(code) = options.jurisdiction else {
        return Err(Failure::Usage(format!(
            "say which state's law applies: breachpage init --jurisdiction NY (supported: {})",
            Pack::supported().join(", ")
        )));
    };
    let pack = Pack::get(&code).ok_or_else(|| {
        Failure::Usage(format!(
            "breachpage has no rules for `{code}`; it supports {}",
            Pack::supported().join(", ")
        ))
    })?;
    let district = options
        .district
        .unwrap_or_else(|| "Example School District".to_string());
    let site_toml = SITE_TOML
        .replace("{district}", &toml_string(&district))
        .replace("{jurisdiction}", &pack.code)
        .replace("{enrollment}", &enrollment_lines(pack));
    // The skeleton must build at once; a broken template is a bug caught by the tests.
    if let Err(problems) = SiteConfig::parse(&site_toml) {
        return Err(Failure::Config(problems));
    }
    let io = |e: std::io::Error| {
        Failure::Io(format!(
            "could not create the site in {}: {e}",
            dir.display()
        ))
    };
    fs::create_dir_all(dir.join(INCIDENTS_DIR)).map_err(io)?;
    fs::write(dir.join("site.toml"), site_toml).map_err(io)?;
    fs::write(
        dir.join(INDEX_FILE),
        INDEX_MD.replace("{district}", &district),
    )
    .map_err(io)?;
    fs::write(dir.join(INCIDENTS_DIR).join(".gitkeep"), "").map_err(io)?;
    fs::write(dir.join(SCHEMA_FILE), super::schema::text() + "\n").map_err(io)?;
    fs::write(
        dir.join(".gitignore"),
        "/public/\n/.public.*\n/.breachpage.lock\n/kit/\n",
    )
    .map_err(io)?;
    println!("Created a {} site in {}.", pack.name, dir.display());
    println!("Next: fill in site.toml (contact, web address), edit content/_index.md, then run `breachpage build`.");
    println!("To start a notice: breachpage new \"Short title of the incident\"");
    Ok(())
}

/// The `enrollment` setting: a placeholder that `check` flags where the state's public list
/// of breaches needs it (Illinois), a comment elsewhere.
fn enrollment_lines(pack: &Pack) -> String {
    match pack.public_list.as_ref().and_then(|l| Some((l, l.omit_under_percent?))) {
        Some((list, percent)) => format!(
            "# The number of students enrolled: {} law's public list of breaches leaves off those of\n# under {percent}% of it ({}). Replace this placeholder with the real number.\nenrollment = {}\n",
            pack.name,
            list.citation,
            crate::config::INIT_ENROLLMENT
        ),
        None => "# The number of students enrolled (only states with a public list of breaches use it).\n# enrollment = 4210\n".to_string(),
    }
}

/// A TOML basic string's contents (the quotes are in the template).
fn toml_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

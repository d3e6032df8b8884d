//! Generates a synthetic breachpage site for benchmarks (see docs/development.md, "Benchmarks"):
//!
//! ```sh
//! cargo run --release --example gen_site -- N DIR [--jurisdiction NY|CT|PA] [--seed S] [--hugo HUGO_DIR]
//! ```
//!
//! `DIR` gets `site.toml`, `content/_index.md` and N records, all valid under
//! `breachpage check --today 2026-11-22`. With `--hugo`, an equivalent Hugo site (one
//! Markdown page per published notice page, the same text) is written to `HUGO_DIR`.

mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_site N DIR [--jurisdiction NY|CT|PA] [--seed S] [--hugo HUGO_DIR]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_site: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut options = synth::Options {
        count: 0,
        jurisdiction: "NY".to_string(),
        seed: 2026,
    };
    let mut hugo: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--jurisdiction" => options.jurisdiction = value("--jurisdiction")?.to_uppercase(),
            "--seed" => {
                options.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed must be a whole number".to_string())?
            }
            "--hugo" => hugo = Some(PathBuf::from(value("--hugo")?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => positional.push(arg),
        }
    }
    let [count, dir] = positional.as_slice() else {
        return Err("expected N and DIR".to_string());
    };
    options.count = count
        .replace(['_', ','], "")
        .parse()
        .map_err(|_| format!("N must be a whole number, not {count:?}"))?;
    if !["NY", "CT", "PA"].contains(&options.jurisdiction.as_str()) {
        return Err("--jurisdiction must be NY, CT or PA".to_string());
    }
    let dir = PathBuf::from(dir);
    if dir.join("content/incidents").exists() {
        return Err(format!(
            "{} already holds a site; choose a new folder",
            dir.display()
        ));
    }
    let summary = synth::write_site(&dir, &options)
        .map_err(|error| format!("could not write {}: {error}", dir.display()))?;
    println!(
        "{}: {} records ({} published, {} with a media release), {} words of Markdown ({} a record), build with --today {}",
        dir.display(),
        summary.records,
        summary.public,
        summary.media_releases,
        summary.words,
        summary.words / summary.records.max(1),
        synth::TODAY
    );
    if let Some(hugo) = hugo {
        let pages = synth::write_hugo(&hugo, &options)
            .map_err(|error| format!("could not write {}: {error}", hugo.display()))?;
        println!("{}: Hugo site with {pages} pages", hugo.display());
    }
    Ok(())
}

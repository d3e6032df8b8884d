//! One module per command. Each returns what it produced or a [`crate::Failure`]; `main`
//! turns failures into messages and exit statuses.

pub mod build;
pub mod check;
pub mod deadlines;
pub mod init;
pub mod new;
pub mod prompt;
pub mod schema;
pub mod serve;

use std::path::Path;

use crate::cli::{Cli, Command};
use crate::content::{self, Loaded};
use crate::diagnostics::Diagnostics;
use crate::model::Site;
use crate::render::{self, RenderOptions, Rendered};
use crate::theme::Theme;
use crate::Failure;

pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Build { output, today } => {
            build::run(&cli.root, output.as_deref(), today.resolve())
        }
        Command::Check { format, today } => check::run(&cli.root, format, today.resolve()),
        Command::Serve {
            port,
            bind,
            open,
            today,
        } => serve::run(&cli.root, port, bind, open, today.date),
        Command::New {
            title,
            jurisdiction,
            discovered,
            summary,
            contractor,
            count,
            groups,
            interactive,
            no_input,
            today,
        } => new::run(
            &cli.root,
            new::Options {
                title,
                jurisdiction,
                facts: new::Facts {
                    discovered,
                    summary,
                    contractor,
                    count,
                    groups,
                },
                interactive,
                no_input,
                today: today.resolve(),
            },
        ),
        Command::Init {
            dir,
            jurisdiction,
            district,
            interactive,
            no_input,
        } => init::run(
            &dir.unwrap_or_else(|| cli.root.clone()),
            init::Options {
                jurisdiction,
                district,
                interactive,
                no_input,
            },
        ),
        Command::Schema => schema::run(),
        Command::Deadlines {
            slug,
            format,
            fail_on_overdue,
            today,
        } => deadlines::run(
            &cli.root,
            slug.as_deref(),
            format,
            fail_on_overdue,
            today.resolve(),
        ),
    }
}

/// Loads, validates and renders the site in memory: everything `build` does but write.
/// On success, the warnings come with the pages; on failure, every problem found.
pub fn validate_and_render(
    root: &Path,
    today: chrono::NaiveDate,
) -> Result<(Rendered, Diagnostics), Failure> {
    validate_and_render_with(root, &RenderOptions::public(today))
}

/// [`validate_and_render`] with any render options (the preview's, for `serve`).
pub fn validate_and_render_with(
    root: &Path,
    options: &RenderOptions,
) -> Result<(Rendered, Diagnostics), Failure> {
    let (site, theme, diagnostics) = validate(root, options.today)?;
    finish(render::render(&site, &theme, options), diagnostics)
}

/// Loads and validates the site and its theme: everything before rendering. On failure,
/// every problem found; on success, the warnings.
pub fn validate(
    root: &Path,
    today: chrono::NaiveDate,
) -> Result<(Site, Theme, Diagnostics), Failure> {
    let Loaded {
        site,
        mut diagnostics,
    } = content::load(root)?;
    diagnostics.extend(crate::compliance::check(&site, today));
    let theme = match Theme::load(root, &site.config.site.theme) {
        Ok(theme) => Some(theme),
        Err(Failure::Site(problems)) => {
            diagnostics.extend(problems);
            None
        }
        Err(failure) => return Err(failure),
    };
    let Some(theme) = theme.filter(|_| !diagnostics.has_errors()) else {
        return Err(Failure::Site(diagnostics));
    };
    Ok((site, theme, diagnostics))
}

/// A render's outcome together with the problems [`validate`] found before it.
pub fn finish(
    result: Result<Rendered, Diagnostics>,
    mut diagnostics: Diagnostics,
) -> Result<(Rendered, Diagnostics), Failure> {
    match result {
        Ok(mut rendered) => {
            diagnostics.extend(std::mem::take(&mut rendered.warnings));
            Ok((rendered, diagnostics))
        }
        Err(problems) => {
            diagnostics.extend(problems);
            Err(Failure::Site(diagnostics))
        }
    }
}

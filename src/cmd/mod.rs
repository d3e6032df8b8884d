//! One module per command. Each returns what it produced or a [`crate::Failure`]; `main`
//! turns failures into messages and exit statuses.

pub mod build;
pub mod check;
pub mod deadlines;
mod ics;
pub mod init;
pub mod kit;
pub mod new;
pub mod prompt;
pub mod schema;
pub mod serve;

use crate::cli::{Cli, Command};
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
        Command::Kit {
            slug,
            recipients,
            output,
            today,
        } => kit::run(
            &cli.root,
            &slug,
            recipients.as_deref(),
            output.as_deref(),
            today.resolve(),
        ),
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

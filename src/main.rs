use std::process::ExitCode;

use clap::Parser;

use breachpage::cli::{Cli, Command};
use breachpage::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Only `build` writes the site, so only its failures say what was left as it was.
    let builds = matches!(cli.command, Command::Build { .. });
    match breachpage::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            report(&failure, builds);
            ExitCode::from(failure.exit_code())
        }
    }
}

fn report(failure: &Failure, builds: bool) {
    match failure {
        Failure::Usage(message) | Failure::Io(message) => {
            eprintln!("error: {}", breachpage::diagnostics::printable(message));
        }
        Failure::Config(diagnostics) => {
            eprint!("{}", diagnostics.render_text());
            if !diagnostics.is_empty() {
                let unchanged = if builds {
                    "; nothing was built or changed"
                } else {
                    ""
                };
                eprintln!("site.toml must be fixed first{unchanged}.");
            }
        }
        Failure::Site(diagnostics) => {
            eprint!("{}", diagnostics.render_text());
            let errors = diagnostics.error_count();
            if errors > 0 {
                let unchanged = if builds {
                    "; nothing was written, and any site built before is unchanged"
                } else {
                    ""
                };
                eprintln!(
                    "{errors} error{} found{unchanged}.",
                    if errors == 1 { "" } else { "s" }
                );
            }
        }
    }
}

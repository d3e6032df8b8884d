use std::process::ExitCode;

use clap::Parser;

use breachpage::cli::Cli;
use breachpage::Failure;

/// A build makes millions of small allocations on several threads; mimalloc serves them
/// in a fraction of the time the system allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match breachpage::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            report(&failure);
            ExitCode::from(failure.exit_code())
        }
    }
}

fn report(failure: &Failure) {
    match failure {
        Failure::Usage(message) | Failure::Io(message) => {
            eprintln!("error: {}", breachpage::diagnostics::printable(message));
        }
        Failure::Config(diagnostics) => {
            eprint!("{}", diagnostics.render_text());
            if !diagnostics.is_empty() {
                eprintln!("site.toml must be fixed first; nothing was built or changed.");
            }
        }
        Failure::Site(diagnostics) => {
            eprint!("{}", diagnostics.render_text());
            let errors = diagnostics.error_count();
            if errors > 0 {
                eprintln!(
                    "{errors} error{} found; nothing was written, and any site built before is unchanged.",
                    if errors == 1 { "" } else { "s" }
                );
            }
        }
    }
}

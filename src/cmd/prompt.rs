//! Asking a person for the key facts, one line at a time, when a command runs in a
//! terminal (or when asked to with `--interactive`).

use std::io::{self, BufRead, IsTerminal, Write};

/// Whether to ask: `--interactive` forces it, `--no-input` forbids it, otherwise only
/// when both standard input and standard error are terminals.
pub fn should_ask(interactive: bool, no_input: bool) -> bool {
    if no_input {
        return false;
    }
    interactive || (io::stdin().is_terminal() && io::stderr().is_terminal())
}

pub struct Prompter<R: BufRead> {
    input: R,
}

impl Prompter<io::StdinLock<'static>> {
    pub fn stdin() -> Self {
        Prompter {
            input: io::stdin().lock(),
        }
    }
}

impl<R: BufRead> Prompter<R> {
    pub fn new(input: R) -> Self {
        Prompter { input }
    }

    /// Asks `question` until `check` accepts the answer; an empty answer is `None` when
    /// the question may be skipped.
    pub fn ask<T>(
        &mut self,
        question: &str,
        optional: bool,
        check: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        loop {
            let suffix = if optional { " (Enter to skip)" } else { "" };
            eprint!("{question}{suffix}: ");
            let _ = io::stderr().flush();
            let mut line = String::new();
            match self.input.read_line(&mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
            let answer = line.trim();
            if answer.is_empty() && optional {
                return None;
            }
            match check(answer) {
                Ok(value) => return Some(value),
                Err(problem) => eprintln!("  {problem}"),
            }
        }
    }
}

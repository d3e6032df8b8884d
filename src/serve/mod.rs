//! The local preview (`breachpage serve`): the site rendered into memory with the notices
//! the public build withholds, served over HTTP, rebuilt on every change and reloaded in
//! the browser over Server-Sent Events. It never writes to disk.
//!
//! - [`gate`]: the listening socket: bounds each request head in size and time, and
//!   notices at once when a tab closes.
//! - [`http`]: the one `tiny_http` user: the `Host` check, a bounded pool of page workers
//!   and a thread per (capped) event stream.
//! - [`routes`]: addresses to replies, from the in-memory page set only.
//! - [`inject`]: the reload script, the error overlay and the warnings strip.
//! - [`watch`]: the one `notify` user: which changes trigger a rebuild, debounced.

mod gate;
mod http;
mod inject;
mod routes;
mod watch;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::{Pages, RenderOptions, Rendered};
use crate::site::Site;
use crate::{config, content, Failure};

/// The live-reload event stream. Rendered pages never start with `_`.
pub(crate) const EVENTS_PATH: &str = "/_breachpage/events";

/// Page workers: pages are served from memory in microseconds, so a few suffice.
const WORKERS: usize = 8;
/// Open event streams (one per preview tab) at most; each holds a thread.
const MAX_STREAMS: usize = 64;

pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
    /// A fixed "today", or `None` for the local date at each rebuild.
    pub today: Option<NaiveDate>,
}

/// One state of the preview: the last good pages and what is shown over them.
pub struct Snapshot {
    /// Grows with every rebuild, good or failed; open pages reload when it changes.
    pub generation: u64,
    /// The last pages that rendered without errors; `None` until a build succeeds.
    pub pages: Option<Arc<Pages>>,
    /// Added to every HTML page: the reload script, and the error overlay or warnings.
    pub snippet: String,
}

/// The current snapshot, and a signal for the event streams when it changes.
pub struct Live {
    state: Mutex<LiveState>,
    changed: Condvar,
}

struct LiveState {
    snapshot: Arc<Snapshot>,
    stopping: bool,
}

pub enum Wait {
    Changed(u64),
    TimedOut,
    Stopping,
    /// The condition given to [`Live::wait_change_unless`] holds.
    Gone,
}

impl Live {
    fn new() -> Live {
        Live {
            state: Mutex::new(LiveState {
                snapshot: Arc::new(Snapshot {
                    generation: 0,
                    pages: None,
                    snippet: String::new(),
                }),
                stopping: false,
            }),
            changed: Condvar::new(),
        }
    }

    // A panic elsewhere cannot leave the state half-written: it is replaced whole.
    fn lock(&self) -> MutexGuard<'_, LiveState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.lock().snapshot)
    }

    fn publish(&self, snapshot: Snapshot) {
        self.lock().snapshot = Arc::new(snapshot);
        self.changed.notify_all();
    }

    fn stop(&self) {
        self.lock().stopping = true;
        self.changed.notify_all();
    }

    /// Wakes every waiter to look at its condition again (see [`Live::wait_change_unless`]).
    /// Whoever changes what a condition reads does so before calling this.
    pub fn nudge(&self) {
        let _state = self.lock();
        self.changed.notify_all();
    }

    /// Blocks until the generation differs from `seen`, the server stops, or `timeout`.
    #[cfg(test)]
    pub fn wait_change(&self, seen: u64, timeout: Duration) -> Wait {
        self.wait_change_unless(seen, timeout, &|| false)
    }

    /// As `wait_change`, and also returns when `gone` holds, checked on every
    /// [`Live::nudge`].
    pub fn wait_change_unless(
        &self,
        seen: u64,
        timeout: Duration,
        gone: &dyn Fn() -> bool,
    ) -> Wait {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        loop {
            if state.stopping {
                return Wait::Stopping;
            }
            if gone() {
                return Wait::Gone;
            }
            if state.snapshot.generation != seen {
                return Wait::Changed(state.snapshot.generation);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Wait::TimedOut;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// Rebuilds the site into a new snapshot; one build at a time, so that the newest files
/// always win.
struct Builder {
    root: PathBuf,
    today: Option<NaiveDate>,
    live: Arc<Live>,
    running: Mutex<()>,
}

impl Builder {
    fn rebuild(&self, why: &str) {
        let _one_at_a_time = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        let started = Instant::now();
        let today = self
            .today
            .unwrap_or_else(crate::compliance::calendar::today_eastern);
        let options = RenderOptions {
            today,
            preview: true,
        };
        let result = Site::load(&self.root)
            .and_then(|site| site.check(today))
            .and_then(|site| site.render_pages(&options))
            .map(|mut rendered| {
                let warnings = std::mem::take(&mut rendered.warnings);
                (rendered, warnings)
            });
        let previous = self.live.current();
        let generation = previous.generation + 1;
        let took = started.elapsed().as_millis();
        let clock = chrono::Local::now().format("%H:%M:%S");
        let snapshot = match result {
            Ok((rendered, warnings)) => {
                eprintln!(
                    "[{clock}] {why}: built in {took} ms. {}",
                    summary(&rendered, &warnings)
                );
                if generation == 1 {
                    eprint!("{}", warnings.render_text());
                }
                Snapshot {
                    generation,
                    snippet: inject::snippet(generation, &inject::Problems::Warnings(&warnings)),
                    pages: Some(Arc::new(rendered.pages)),
                }
            }
            Err(failure) => {
                let diagnostics = diagnostics_of(failure, &self.root);
                let errors = diagnostics.error_count();
                eprint!("{}", diagnostics.render_text());
                eprintln!(
                    "[{clock}] {why}: {errors} error{} found in {took} ms; {}",
                    if errors == 1 { "" } else { "s" },
                    if previous.pages.is_some() {
                        "still serving the last good version, with the errors shown over it."
                    } else {
                        "serving a page with the errors until they are fixed."
                    }
                );
                Snapshot {
                    generation,
                    snippet: inject::snippet(
                        generation,
                        &inject::Problems::Errors {
                            diagnostics: &diagnostics,
                            last_good: previous.pages.is_some(),
                        },
                    ),
                    pages: previous.pages.clone(),
                }
            }
        };
        self.live.publish(snapshot);
    }
}

fn summary(rendered: &Rendered, warnings: &Diagnostics) -> String {
    let published = rendered.current.len() + rendered.past.len();
    let mut text = format!(
        "{} notice{} published, {} shown only in the preview",
        published,
        if published == 1 { "" } else { "s" },
        rendered.withheld.len(),
    );
    match warnings.warning_count() {
        0 => text.push('.'),
        1 => text.push_str("; 1 warning."),
        n => text.push_str(&format!("; {n} warnings.")),
    }
    text
}

/// Every failure as diagnostics the overlay can show.
fn diagnostics_of(failure: Failure, root: &Path) -> Diagnostics {
    match failure {
        Failure::Site(diagnostics) | Failure::Config(diagnostics) => diagnostics,
        Failure::Usage(message) | Failure::Io(message) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(Diagnostic::error(root.display().to_string(), message));
            diagnostics
        }
    }
}

pub fn run(options: &Options) -> Result<(), Failure> {
    let root = &options.root;
    if !root.is_dir() {
        return Err(Failure::Usage(format!(
            "there is no folder {}; pass the site's folder with --root DIR",
            root.display()
        )));
    }
    // The wrong folder is a usage error; a broken site.toml is shown in the browser.
    if !root.join(config::FILE).exists() {
        content::load_config(root)?;
    }

    // Caught from the start: a Ctrl-C during the first build also stops cleanly.
    let (stop_tx, stop_rx) = mpsc::channel();
    if let Err(error) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        eprintln!("warning: Ctrl-C cannot be caught ({error}); it will stop the preview abruptly.");
    }

    let address = SocketAddr::new(options.bind, options.port);
    let server = http::Server::bind(address).map_err(|error| bind_failure(error, address))?;
    let url = url_of(server.local_addr().unwrap_or(address));
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: other computers that can reach this one can open the preview, drafts and withheld notices included. Use the default --bind 127.0.0.1 unless you mean to share it.",
            options.bind
        );
    }

    let live = Arc::new(Live::new());
    let builder = Arc::new(Builder {
        root: root.clone(),
        today: options.today,
        live: Arc::clone(&live),
        running: Mutex::new(()),
    });
    // Watching starts before the first build, so that no change made during it is missed.
    let watcher = {
        let builder = Arc::clone(&builder);
        watch::watch(root, move |changed: &[String]| {
            builder.rebuild(&describe_changes(changed));
        })
    };
    let watcher = match watcher {
        Ok(watcher) => Some(watcher),
        Err(message) => {
            eprintln!("warning: cannot watch the site's files for changes ({message}); restart breachpage serve to see changes.");
            None
        }
    };
    builder.rebuild("first build");

    let running = http::start(server, Arc::clone(&live), WORKERS, MAX_STREAMS);
    println!("Serving a preview of {} at {url}", root.display());
    println!(
        "Notices the public site leaves out are shown, marked \"Preview — not published\". Nothing is written to public/."
    );
    println!(
        "Watching site.toml, content/, themes/, templates/ and static/. Press Ctrl-C to stop."
    );
    if options.open {
        open_browser(&url);
    }

    // Returns on Ctrl-C (or SIGTERM); an error means the handler is gone, and so is the way
    // to stop gracefully.
    let _ = stop_rx.recv();
    eprintln!("Stopping the preview…");
    drop(watcher);
    live.stop();
    running.stop();
    println!("Stopped.");
    Ok(())
}

fn describe_changes(changed: &[String]) -> String {
    match changed {
        [] => "changed".to_string(),
        [one] => format!("{one} changed"),
        [first, rest @ ..] => format!("{first} and {} more changed", rest.len()),
    }
}

fn bind_failure(error: http::BindError, address: SocketAddr) -> Failure {
    let port = address.port();
    Failure::Usage(match error {
        http::BindError::InUse => format!(
            "port {port} is already in use on {}: another program (perhaps another breachpage serve) is listening there. Stop it, or choose another port with --port N (for example --port {}).",
            address.ip(),
            port.checked_add(1).unwrap_or(8001)
        ),
        http::BindError::Denied => format!(
            "not allowed to listen on port {port}: ports below 1024 need administrator rights. Choose another port with --port N (for example --port 8000)."
        ),
        http::BindError::Unavailable => format!(
            "cannot listen on {}: this computer has no such address. Leave out --bind to use 127.0.0.1.",
            address.ip()
        ),
        http::BindError::Other(message) => {
            format!("cannot listen on {address}: {message}. Try another port with --port N.")
        }
    })
}

/// The address to open in a browser; an unspecified bind address is reached locally
/// through the loopback address.
fn url_of(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

/// Best effort: a missing opener is reported, never fatal.
fn open_browser(url: &str) {
    let candidates: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["explorer"]
    } else {
        &["xdg-open", "sensible-browser"]
    };
    for program in candidates {
        let spawned = std::process::Command::new(program)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if let Ok(mut child) = spawned {
            // Reaped in the background so that it leaves no zombie.
            std::thread::spawn(move || child.wait());
            return;
        }
    }
    eprintln!(
        "note: could not open a browser ({} not found); open {url} yourself.",
        candidates.join(" or ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_use_a_reachable_address() {
        let any: SocketAddr = "0.0.0.0:8000".parse().unwrap();
        assert_eq!(url_of(any), "http://127.0.0.1:8000/");
        let v6: SocketAddr = "[::1]:8001".parse().unwrap();
        assert_eq!(url_of(v6), "http://[::1]:8001/");
    }

    #[test]
    fn waiting_returns_on_change_and_on_stop() {
        let live = Live::new();
        assert!(matches!(
            live.wait_change(0, Duration::from_millis(1)),
            Wait::TimedOut
        ));
        live.publish(Snapshot {
            generation: 1,
            pages: None,
            snippet: String::new(),
        });
        assert!(matches!(
            live.wait_change(0, Duration::from_secs(5)),
            Wait::Changed(1)
        ));
        live.stop();
        assert!(matches!(
            live.wait_change(1, Duration::from_secs(5)),
            Wait::Stopping
        ));
    }
}

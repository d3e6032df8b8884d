//! Times rendering alone: loads and checks a site once, then renders it in memory RUNS
//! times and prints the median and the fastest. Pin it to one core to compare changes
//! to the renderer without the noise of the disk and of the other core:
//!
//!     cargo build --release --example render_bench
//!     taskset -c 1 target/release/examples/render_bench target/bench/site-1000 15
//!
//! (`scripts/bench.sh` makes the synthetic sites; see docs/development.md, "Benchmarks".)

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use breachpage::render::RenderOptions;
use breachpage::site::Site;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.first() else {
        eprintln!("usage: render_bench SITE [RUNS]");
        return ExitCode::from(2);
    };
    let runs: usize = match args.get(1).map(|n| n.parse()) {
        None => 9,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("RUNS must be a positive whole number");
            return ExitCode::from(2);
        }
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date");
    let site = match Site::load(Path::new(root)).and_then(|site| site.check(today)) {
        Ok(checked) => checked,
        Err(failure) => {
            eprintln!("{root} does not pass check: {failure:?}");
            return ExitCode::FAILURE;
        }
    };
    let options = RenderOptions::public(today);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let rendered = site.render_pages(&options);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        if let Err(failure) = rendered {
            eprintln!("{root} does not render: {failure:?}");
            return ExitCode::FAILURE;
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} records, {runs} renders: median {:.1} ms, fastest {:.1} ms",
        site.model().incidents.len(),
        times[runs / 2],
        times[0]
    );
    ExitCode::SUCCESS
}

//! Work spread over every core for the two heavy phases of a build: reading the records
//! and rendering the notices. Results always come back in input order, so the output and
//! the order of diagnostics never depend on the number of cores.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `items.iter().map(f).collect()`, computed on as many threads as there are cores (or
/// as the process may use). A panic in `f` is passed on to the caller.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_with(items, || (), |(), item| f(item))
}

/// [`map`], where each thread first makes a scratch value with `init` and hands it to
/// every call of `f` it makes (to reuse what is costly to build).
pub fn map_with<T: Sync, S, R: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        let mut scratch = init();
        return items.iter().map(|item| f(&mut scratch, item)).collect();
    }
    // Items are handed out one at a time, so that a long one never holds up the rest.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut scratch = init();
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(&mut scratch, item)));
        }
    };
    let mut results: Vec<(usize, R)> = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        let mut results = Vec::with_capacity(items.len());
        for worker in workers {
            match worker.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::{map, map_with};

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(map(&[] as &[u8], |b| *b).is_empty());
    }

    #[test]
    fn each_thread_reuses_its_scratch_value() {
        let items: Vec<usize> = (0..100).collect();
        let counts = map_with(
            &items,
            || 0,
            |calls, _| {
                *calls += 1;
                *calls
            },
        );
        // Each thread counts its own calls from 1: with the scratch value reused, only
        // the first call on each thread sees 1.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let first_calls = counts.iter().filter(|c| **c == 1).count();
        assert!((1..=threads).contains(&first_calls), "{counts:?}");
        assert_eq!(counts.len(), items.len());
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_reaches_the_caller() {
        let items = [1, 2, 3, 4];
        map(&items, |n| {
            if *n == 3 {
                panic!("boom");
            }
            *n
        });
    }
}

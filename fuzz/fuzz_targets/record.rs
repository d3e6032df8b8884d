//! Record parsing, validation, deadlines, reports and page views (fast).
#![no_main]

mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run(data, false));

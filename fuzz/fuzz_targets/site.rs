//! The record target, and the whole site rendered with the built-in theme (slower).
#![no_main]

mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run(data, true));

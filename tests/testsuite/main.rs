//! The integration tests, one binary with a module per feature (as mdBook's
//! `tests/testsuite/`): each spawns the built `breachpage` on fixture sites copied to a
//! temporary folder (`tests/fixtures/`), or tests the pipeline where the command line adds
//! nothing. Shared helpers are in `common`.

#![allow(dead_code)]

mod authoring;
mod branding;
mod build;
mod common;
mod compliance;
mod docs;
mod embed;
mod errors;
mod generated;
mod illinois;
mod kit;
mod languages;
mod output;
mod pipeline;
mod published_text;
mod robustness;
mod serve;
mod snapshots;
mod texas_california;

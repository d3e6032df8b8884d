//! `breachpage serve`: the local preview with live reload (see [`crate::serve`]).

use std::net::IpAddr;
use std::path::Path;

use chrono::NaiveDate;

use crate::serve::{self, Options};
use crate::Failure;

/// `today`: a fixed date, or `None` for the local date at each rebuild.
pub fn run(
    root: &Path,
    port: u16,
    bind: IpAddr,
    open: bool,
    today: Option<NaiveDate>,
) -> Result<(), Failure> {
    serve::run(&Options {
        root: root.to_path_buf(),
        bind,
        port,
        open,
        today,
    })
}

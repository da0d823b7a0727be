//! Validated settings: raw CLI arguments resolved once (as-of month, taxonomy) so the rest of
//! the code reads checked values only.

use anyhow::{bail, Context};
use chrono::Datelike;

use crate::cli::GlobalArgs;
use crate::period::Month;
use crate::taxonomy::Taxonomy;

/// `--as-of YYYY-MM`, or the current month.
pub fn resolve_as_of(arg: Option<&str>) -> anyhow::Result<Month> {
    match arg {
        Some(s) => match Month::parse_ym(s.trim()) {
            Some(m) => Ok(m),
            None => bail!("--as-of `{s}`: expected YYYY-MM, e.g. 2026-11"),
        },
        None => {
            let today = chrono::Local::now().date_naive();
            Month::new(today.year(), today.month()).context("the system clock is out of range")
        }
    }
}

/// The taxonomy: built-in, extended by `--taxonomy FILE` when given.
pub fn load_taxonomy(global: &GlobalArgs) -> anyhow::Result<Taxonomy> {
    let tax = match &global.taxonomy {
        Some(path) => Taxonomy::with_user_file(path)?,
        None => Taxonomy::builtin()?,
    };
    Ok(tax)
}

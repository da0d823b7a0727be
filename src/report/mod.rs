//! Output formats for the profile: one enum, one emitter trait, one file per format.
//!
//! Takes a [`Profile`]; writes it to an injected writer. Guarantees: library code never prints;
//! table output fits 100 columns; CSV and Parquet go through [`crate::frame`].

pub mod charts;
mod csv;
pub mod folder;
pub mod html;
mod json;
pub mod json_resume;
pub mod markdown;
mod parquet;
pub mod rank;
mod table;

pub use table::fit as fit_width;

/// What a report shows of a ranking: the best fits (best first; a batch keeps the best
/// [`crate::ranked::TOP`]) and how many postings there were in all.
#[derive(Debug, Clone, Copy)]
pub struct Ranking<'a> {
    pub top: &'a [crate::matching::Fit],
    pub total: usize,
    pub scored: usize,
}

impl<'a> Ranking<'a> {
    /// Every fit of `fits` (already ranked).
    pub fn of(fits: &'a [crate::matching::Fit]) -> Self {
        Ranking {
            top: fits,
            total: fits.len(),
            scored: fits.iter().filter(|f| f.score.is_some()).count(),
        }
    }
}

use std::io::Write;

use crate::cli::ProfileFormat;
use crate::profile::Profile;

/// Writes a profile in one format.
pub trait ProfileEmitter {
    fn emit(&self, profile: &Profile, w: &mut dyn Write) -> anyhow::Result<()>;
}

/// The emitter for `format`.
pub fn profile_emitter(format: ProfileFormat) -> Box<dyn ProfileEmitter> {
    match format {
        ProfileFormat::Table => Box::new(table::Table),
        ProfileFormat::Json => Box::new(json::Json),
        ProfileFormat::Csv => Box::new(csv::Csv),
        ProfileFormat::Parquet => Box::new(parquet::Parquet),
        ProfileFormat::JsonResume => Box::new(json_resume::JsonResume),
    }
}

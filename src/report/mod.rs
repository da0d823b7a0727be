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

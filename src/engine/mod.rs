//! The pipeline as a library: profile a résumé, then rank, total the gaps of, or cross
//! (matrix) a batch of postings. `commands` resolves settings and prints; everything here
//! takes checked values and returns typed outcomes.
//!
//! - [`batch`]: find posting files and table rows, parse and score them in parallel, each behind
//!   the panic guard ([`guard`]); [`corpus`] reads CSV/JSONL/Parquet rows, [`shard`] splits a
//!   run across machines.
//! - [`ranked`]: fits in rank order, spilled to disk beyond a bound.
//! - [`rank`] (with its report folder), [`gaps`], [`matrix`] and [`stream`] (`score
//!   --jobs-jsonl`): the batch commands.
//! - [`types`]: what they give back ([`Skipped`], [`Row`]); a leaf, read by the writers.
//!
//! Nothing here prints: warnings, skipped inputs and progress reach the caller through
//! [`Hooks`].

pub mod batch;
pub mod corpus;
pub mod guard;
pub mod matrix;
pub mod rank;
pub mod ranked;
pub mod shard;
pub mod stream;
mod types;

use std::path::{Path, PathBuf};

pub use rank::{gaps, rank, RankJob};
pub use types::{Row, Skipped};

use crate::period::Month;
use crate::profile::{self, Profile};
use crate::taxonomy::Taxonomy;

/// Where a batch's postings come from: files and folders (`.md`, `.txt`, `.html`, `.json`,
/// and tables of postings read through `columns`), optionally one shard of them.
#[derive(Debug, Clone, Default)]
pub struct Sources<'a> {
    pub jobs: &'a [PathBuf],
    pub columns: corpus::Columns,
    pub shard: Option<shard::Shard>,
}

impl Sources<'_> {
    /// `path`, named for this run's shard when there is one (`out.shard-1-of-4.csv`).
    pub fn output_path(&self, path: &Path) -> PathBuf {
        self.shard
            .map_or_else(|| path.to_path_buf(), |s| s.output_path(path))
    }

    /// The JOBS arguments, `, `-joined (for messages).
    fn describe(&self) -> String {
        self.jobs
            .iter()
            .map(|j| j.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Something a batch reports while it runs, in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// About an input that is read all the same (`path: message`).
    SourceWarning(&'a str),
    /// About one posting (`path:line: message`), as it is scored.
    PostingWarning(&'a str),
    /// An input that could not be used (after scoring, sorted by path).
    Skipped(&'a Skipped),
}

/// The caller's side of a batch: events and progress.
pub struct Hooks<'a> {
    /// Warnings and skipped inputs; an error (e.g. a closed stderr) stops the run.
    pub event: &'a mut dyn FnMut(Event<'_>) -> std::io::Result<()>,
    /// How many units of work there are (a hint, known once the inputs are open); 0 when
    /// unknown (the caller draws a spinner instead of a bar).
    pub expect: &'a mut dyn FnMut(usize),
    /// One posting done; called from worker threads.
    pub tick: &'a (dyn Fn() + Sync),
}

/// Read and profile the résumé at `path` (Markdown, or JSON Resume when the file is one): the
/// whole pipeline behind `skillfit profile`.
/// Warnings (encoding notes, bad periods) are returned inside the profile.
pub fn profile_resume(path: &Path, tax: &Taxonomy, as_of: Month) -> anyhow::Result<Profile> {
    let doc = crate::input::read_document(path)?;
    let parsed = if crate::resume::json::is_json_resume(path, &doc.text) {
        crate::resume::json::parse_json_resume(&doc.text, tax)
            .map_err(|e| anyhow::anyhow!(e.describe(&path.display().to_string())))?
    } else {
        crate::resume::parse_resume(&doc.text, tax)
    };
    let mut profile =
        crate::resume::tenure::build_profile(&parsed, tax, as_of, &path.display().to_string());
    profile.person = crate::resume::person::headline(&doc.text);
    if let Some(note) = doc.encoding_note {
        profile.warnings.insert(
            0,
            profile::WarningRecord {
                line: None,
                message: note,
            },
        );
    }
    Ok(profile)
}

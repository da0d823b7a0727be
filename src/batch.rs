//! Batch scoring: find posting files, parse and score them in parallel, collect failures.
//!
//! Takes the JOBS arguments (files or folders), the taxonomy, the résumé side and the scoring
//! settings; gives fits in a deterministic order plus the skipped files with reasons.
//! Guarantees: one bad file never stops the run (it becomes a [`Skipped`]); output order does
//! not depend on thread scheduling; files are read one at a time per worker, so memory holds
//! per-posting results, not the corpus.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Scoring;
use crate::matching::{self, Fit, ResumeSkills};
use crate::posting;
use crate::taxonomy::Taxonomy;

/// A posting that could not be used, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// Posting files under `inputs` (folders recursed, hidden entries skipped), sorted, plus
/// inputs that do not exist.
pub fn discover(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    discover_files(inputs, &|p| posting::is_posting_file(p) && !is_readme(p))
}

/// Files under `inputs` that `wanted` accepts (folders recursed, hidden entries skipped; a file
/// named explicitly is always taken), sorted and deduplicated, plus inputs that do not exist
/// or cannot be read.
pub fn discover_files(
    inputs: &[PathBuf],
    wanted: &dyn Fn(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, wanted, &mut files, &mut skipped);
        } else if input.is_file() {
            // A file named explicitly is tried whatever its extension (and reported if unknown).
            files.push(input.clone());
        } else {
            skipped.push(Skipped {
                path: input.display().to_string(),
                reason: "no such file or folder".to_owned(),
            });
        }
    }
    files.sort();
    files.dedup();
    (files, skipped)
}

fn walk(
    dir: &Path,
    wanted: &dyn Fn(&Path) -> bool,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped {
                path: dir.display().to_string(),
                reason: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, wanted, files, skipped);
        } else if wanted(&path) {
            files.push(path);
        }
    }
}

/// `README.md` files inside a jobs folder describe the folder; they are not postings.
fn is_readme(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
}

/// Parse and score every file in parallel, keeping only the (compact) fit of each posting;
/// results in input order. `on_done` is called once per file (for a progress bar).
pub fn score_all(
    files: &[PathBuf],
    tax: &Taxonomy,
    have: &ResumeSkills,
    scoring: &Scoring,
    on_done: &(dyn Fn() + Sync),
) -> Vec<Result<Fit, Skipped>> {
    files
        .par_iter()
        .map(|path| {
            let result = score_file(path, tax, have, scoring).map(|mut fit| {
                fit.compact();
                fit
            });
            on_done();
            result
        })
        .collect()
}

/// Parse and score one file, with full evidence texts.
pub fn score_file(
    path: &Path,
    tax: &Taxonomy,
    have: &ResumeSkills,
    scoring: &Scoring,
) -> Result<Fit, Skipped> {
    let outcome = crate::guard::isolate(|| {
        crate::guard::inject_test_panic(path);
        posting::load_posting(path, tax).map(|p| matching::score(have, &p, scoring))
    });
    match outcome {
        Ok(Ok(fit)) => Ok(fit),
        Ok(Err(e)) => Err(Skipped {
            path: path.display().to_string(),
            reason: e.reason(),
        }),
        Err(reason) => Err(Skipped {
            path: path.display().to_string(),
            reason,
        }),
    }
}

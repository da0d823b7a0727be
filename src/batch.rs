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

/// One posting to read: a file, or a row of a table (see [`crate::corpus`]).
#[derive(Debug, Clone)]
pub enum Work {
    File(PathBuf),
    Row(crate::corpus::Row),
}

impl Work {
    /// The id shown in results (the `posting` column) and hashed by `--shard`.
    pub fn id(&self) -> String {
        match self {
            Work::File(p) => p.display().to_string(),
            Work::Row(r) => r.id.clone(),
        }
    }
}

/// Read one posting and hand it to `then`, behind the panic guard: any failure (or panic) is a
/// [`Skipped`] named by the file or the row.
pub fn with_posting<T>(
    work: &Work,
    tax: &Taxonomy,
    then: impl FnOnce(posting::Posting) -> T,
) -> Result<T, Skipped> {
    let id = work.id();
    let outcome = crate::guard::isolate(|| {
        crate::guard::inject_test_panic(Path::new(&id));
        match work {
            Work::File(path) => posting::load_posting(path, tax),
            Work::Row(row) => crate::corpus::parse_row(row, tax),
        }
        .map(then)
    });
    match outcome {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(e)) => Err(Skipped {
            path: id,
            reason: e.reason(),
        }),
        Err(reason) => Err(Skipped { path: id, reason }),
    }
}

/// Parse and score a chunk of postings in parallel (compact fits, in chunk order).
pub fn score_work(
    chunk: &[Result<Work, Skipped>],
    tax: &Taxonomy,
    have: &ResumeSkills,
    scoring: &Scoring,
    on_done: &(dyn Fn() + Sync),
) -> Vec<Result<Fit, Skipped>> {
    chunk
        .par_iter()
        .map(|w| {
            let r = match w {
                Ok(work) => with_posting(work, tax, |p| {
                    let mut fit = matching::score(have, &p, scoring);
                    fit.compact();
                    fit
                }),
                Err(s) => Err(s.clone()),
            };
            on_done();
            r
        })
        .collect()
}

/// Every posting named by JOBS: files (folders searched as [`discover`] does) and the rows of
/// table files (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.parquet`, named explicitly), handed out a
/// chunk at a time so memory holds one chunk of a table, not the table. With a shard, only the
/// postings (and skipped rows) whose id hashes to it.
pub struct Postings {
    files: Vec<PathBuf>,
    next_file: usize,
    tables: Vec<crate::corpus::Table>,
    next_table: usize,
    shard: Option<crate::shard::Shard>,
    /// Inputs that do not exist or cannot be read (found while opening).
    pub skipped: Vec<Skipped>,
}

impl Postings {
    /// Find the files and open the tables; a table whose columns do not fit is an error.
    pub fn open(
        jobs: &[PathBuf],
        columns: &crate::corpus::Columns,
        shard: Option<crate::shard::Shard>,
    ) -> anyhow::Result<Postings> {
        let (found, skipped) = discover(jobs);
        let (tables, files): (Vec<PathBuf>, Vec<PathBuf>) =
            found.into_iter().partition(|p| crate::corpus::is_table(p));
        let files = files
            .into_iter()
            .filter(|f| shard.is_none_or(|s| s.keeps(&f.display().to_string())))
            .collect();
        let tables = tables
            .iter()
            .map(|t| crate::corpus::Table::open(t, columns))
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Postings {
            files,
            next_file: 0,
            tables,
            next_table: 0,
            shard,
            skipped,
        })
    }

    /// Postings known before reading (files, plus the rows of Parquet tables).
    pub fn len_hint(&self) -> usize {
        let rows: usize = self
            .tables
            .iter()
            .filter_map(crate::corpus::Table::known_rows)
            .sum();
        let rows = match self.shard {
            Some(s) => rows / s.count as usize,
            None => rows,
        };
        self.files.len() + rows
    }

    /// Up to `max` more postings (or rows that could not be read), files first; `None` at the
    /// end. An error means a table could not be read further.
    pub fn next_chunk(&mut self, max: usize) -> anyhow::Result<Option<Vec<Result<Work, Skipped>>>> {
        if self.next_file < self.files.len() {
            let end = (self.next_file + max).min(self.files.len());
            let chunk = self.files[self.next_file..end]
                .iter()
                .map(|f| Ok(Work::File(f.clone())))
                .collect();
            self.next_file = end;
            return Ok(Some(chunk));
        }
        while let Some(table) = self.tables.get_mut(self.next_table) {
            let batch = table.next_batch(max)?;
            if batch.is_empty() {
                self.next_table += 1;
                continue;
            }
            let kept: Vec<Result<Work, Skipped>> = batch
                .into_iter()
                .filter(|r| {
                    let id = match r {
                        Ok(row) => &row.id,
                        Err(s) => &s.path,
                    };
                    self.shard.is_none_or(|s| s.keeps(id))
                })
                .map(|r| r.map(Work::Row))
                .collect();
            if !kept.is_empty() {
                return Ok(Some(kept));
            }
        }
        Ok(None)
    }
}

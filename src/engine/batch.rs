//! Batch scoring: find posting files, parse and score them in parallel, collect failures.
//!
//! Takes the JOBS arguments (files or folders), the taxonomy, the résumé side and the scoring
//! settings; gives fits in a deterministic order plus the skipped files with reasons.
//! Guarantees: one bad file never stops the run (it becomes a [`Skipped`]); output order does
//! not depend on thread scheduling; files are read one at a time per worker, so memory holds
//! per-posting results, not the corpus.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Skipped;
use crate::matching::Scoring;
use crate::matching::{self, Fit, ResumeSkills};
use crate::posting;
use crate::taxonomy::Taxonomy;

/// What [`discover`] found: the files to read (sorted, each file once), the inputs and
/// entries that cannot be used, and warnings about files that are read all the same.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
    /// `path: message` lines (a file name that is not valid UTF-8).
    pub warnings: Vec<String>,
}

/// Posting files under `inputs` (folders recursed, hidden entries and `README.md` skipped).
pub fn discover(inputs: &[PathBuf]) -> Found {
    discover_files(inputs, &|p| posting::is_posting_file(p) && !is_readme(p))
}

/// Files under `inputs` that `wanted` accepts (folders recursed with `walkdir`, symbolic links
/// followed, hidden entries skipped; a file named explicitly is always taken), sorted and
/// deduplicated. Nothing is dropped silently: a missing input, a folder or entry that cannot
/// be read, a broken link, a symbolic link loop and a wanted entry that is not a regular file
/// (a pipe would block) become [`Skipped`]; a file name that is not valid UTF-8 is read and
/// warned about (it is shown with U+FFFD).
pub fn discover_files(inputs: &[PathBuf], wanted: &dyn Fn(&Path) -> bool) -> Found {
    let mut found = Found::default();
    let mut saw_link = false;
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => walk(input, wanted, &mut found, &mut saw_link),
            // A file named explicitly is tried whatever its extension (and reported if
            // unknown); a pipe or device is refused when it is read.
            Ok(_) => {
                saw_link |= input.is_symlink();
                found.files.push(input.clone());
            }
            Err(e) => found.skipped.push(Skipped {
                path: input.display().to_string(),
                reason: if input.is_symlink() {
                    "broken symbolic link".to_owned()
                } else if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file or folder".to_owned()
                } else {
                    format!("cannot read: {e}")
                },
            }),
        }
    }
    found.files.sort();
    found.files.dedup();
    if saw_link {
        dedup_same_file(&mut found.files);
    }
    for f in &found.files {
        if f.to_str().is_none() {
            found.warnings.push(format!(
                "{}: file name is not valid UTF-8; it is shown with U+FFFD in place of the bad bytes",
                f.display()
            ));
        }
    }
    found
}

fn walk(dir: &Path, wanted: &dyn Fn(&Path) -> bool, found: &mut Found, saw_link: &mut bool) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."));
    for entry in walker {
        match entry {
            Ok(e) => {
                *saw_link |= e.path_is_symlink();
                let kind = e.file_type();
                if kind.is_dir() || !wanted(e.path()) {
                    continue;
                }
                if kind.is_file() {
                    found.files.push(e.into_path());
                } else {
                    found.skipped.push(Skipped {
                        path: e.path().display().to_string(),
                        reason: "not a regular file (a pipe, socket or device)".to_owned(),
                    });
                }
            }
            Err(err) => {
                let Some(path) = err.path().map(Path::to_path_buf) else {
                    continue;
                };
                let reason = if let Some(ancestor) = err.loop_ancestor() {
                    format!(
                        "symbolic link loop (leads back to {}); not followed",
                        ancestor.display()
                    )
                } else if path.is_symlink() && std::fs::metadata(&path).is_err() {
                    // A dangling link: worth naming when it could have been a posting or a
                    // folder of them (no extension), not when it is some other kind of file.
                    if !wanted(&path) && path.extension().is_some() {
                        continue;
                    }
                    "broken symbolic link".to_owned()
                } else {
                    match err.io_error() {
                        Some(io) => format!("cannot read: {io}"),
                        None => format!("cannot read: {err}"),
                    }
                };
                found.skipped.push(Skipped {
                    path: path.display().to_string(),
                    reason,
                });
            }
        }
    }
}

/// Keep one path per file when symbolic links made the same file reachable twice (the first
/// in sorted order wins).
fn dedup_same_file(files: &mut Vec<PathBuf>) {
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| match file_identity(f) {
        Some(id) => seen.insert(id),
        None => true,
    });
}

#[cfg(unix)]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// `README.md` files inside a jobs folder describe the folder; they are not postings.
fn is_readme(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
}

/// One posting to read: a file, or a row of a table (see [`crate::engine::corpus`]).
#[derive(Debug, Clone)]
pub enum Work {
    File(PathBuf),
    Row(crate::engine::corpus::Row),
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
    let outcome = crate::engine::guard::isolate(|| {
        crate::engine::guard::inject_test_panic(Path::new(&id));
        match work {
            Work::File(path) => posting::load_posting(path, tax),
            Work::Row(row) => crate::engine::corpus::parse_row(row, tax),
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

/// Parse and score a chunk of postings in parallel (fits with their evidence texts, in chunk
/// order; the caller keeps what it needs and [`Fit::compact`]s the rest).
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
                Ok(work) => with_posting(work, tax, |p| matching::score(have, &p, scoring)),
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
    tables: Vec<crate::engine::corpus::Table>,
    next_table: usize,
    shard: Option<crate::engine::shard::Shard>,
    /// Inputs that do not exist or cannot be read (found while opening).
    pub skipped: Vec<Skipped>,
    /// Files read all the same, with a warning (a file name that is not valid UTF-8).
    pub warnings: Vec<String>,
}

impl Postings {
    /// Find the files and open the tables; a table whose columns do not fit is an error.
    pub fn open(
        jobs: &[PathBuf],
        columns: &crate::engine::corpus::Columns,
        shard: Option<crate::engine::shard::Shard>,
    ) -> anyhow::Result<Postings> {
        let Found {
            files: found,
            skipped,
            warnings,
        } = discover(jobs);
        let (tables, files): (Vec<PathBuf>, Vec<PathBuf>) = found
            .into_iter()
            .partition(|p| crate::engine::corpus::is_table(p));
        let files = files
            .into_iter()
            .filter(|f| shard.is_none_or(|s| s.keeps(&f.display().to_string())))
            .collect();
        let tables = tables
            .iter()
            .map(|t| crate::engine::corpus::Table::open(t, columns))
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Postings {
            files,
            next_file: 0,
            tables,
            next_table: 0,
            shard,
            skipped,
            warnings,
        })
    }

    /// Postings known before reading (files, plus the rows of Parquet tables).
    pub fn len_hint(&self) -> usize {
        let rows: usize = self
            .tables
            .iter()
            .filter_map(crate::engine::corpus::Table::known_rows)
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

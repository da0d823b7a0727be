//! Streams: postings as JSON lines in, one JSON result per line out, in input order.
//!
//! For pipes and engines (`skillfit score RESUME --jobs-jsonl -`). Each input line is a JSON
//! object with the fields of a `.jsonl` corpus (text in `description`, `job_description`,
//! `job_summary` or `text`; id in `job_id`, `id` or `job_link`; …). Each output line has the
//! columns of `fits.csv` plus `line` (the input line number); a line that could not be scored
//! has an `error` field instead of a silent drop. Lines are read on their own thread; whatever
//! has arrived is scored in parallel as one batch (at most [`BATCH`] lines), written and
//! flushed, so a producer that waits for answers never deadlocks and an engine gets steady
//! output.

use std::io::{BufRead, Write};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::batch::{self, Work};
use crate::engine::corpus::{self, Columns};
use crate::matching::Scoring;
use crate::matching::{self, Fit, ResumeSkills};
use crate::num::{round1, round2};
use crate::taxonomy::Taxonomy;

/// Most lines scored (and flushed) together.
pub const BATCH: usize = 512;

/// One output line: the columns of `fits.csv`, the input line number, and `error` when the
/// line could not be scored.
#[derive(Debug, Serialize)]
pub struct LineResult {
    pub line: u64,
    pub posting: Option<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub score: Option<f64>,
    pub required_met: Option<usize>,
    pub required_total: Option<usize>,
    pub preferred_met: Option<usize>,
    pub preferred_total: Option<usize>,
    /// `; `-joined, as in `fits.csv`.
    pub missing_required: Option<String>,
    /// As in `fits.csv`: the score before the two-sided fit, and the fit's other parts.
    pub coverage: Option<f64>,
    pub relevance: Option<f64>,
    pub confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl LineResult {
    fn fit(line: u64, f: &Fit) -> Self {
        LineResult {
            line,
            posting: Some(f.path.clone()),
            title: Some(f.title.clone()),
            company: f.company.clone(),
            score: f.score.map(round1),
            required_met: Some(f.required_met),
            required_total: Some(f.required_total),
            preferred_met: Some(f.preferred_met),
            preferred_total: Some(f.preferred_total),
            missing_required: Some(f.missing_required.join("; ")),
            coverage: f.coverage.map(round1),
            relevance: f.relevance.map(round1),
            confidence: f.confidence.map(round2),
            error: None,
        }
    }

    fn failed(line: u64, posting: Option<String>, error: String) -> Self {
        LineResult {
            line,
            posting,
            title: None,
            company: None,
            score: None,
            required_met: None,
            required_total: None,
            preferred_met: None,
            preferred_total: None,
            missing_required: None,
            coverage: None,
            relevance: None,
            confidence: None,
            error: Some(error),
        }
    }
}

/// Counts of a finished stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub scored: usize,
    pub failed: usize,
}

/// Score every line of `input` against `have`; results to `out`, one line each, flushed per
/// batch. `shown` names the input in default ids (`-:row 3`). An error is a failure to read
/// the input or to write the output.
pub fn score_jsonl(
    input: Box<dyn BufRead + Send>,
    shown: &str,
    columns: &Columns,
    tax: &Taxonomy,
    have: &ResumeSkills,
    scoring: &Scoring,
    out: &mut dyn Write,
) -> anyhow::Result<Counts> {
    let (tx, rx) = mpsc::sync_channel::<std::io::Result<(u64, Vec<u8>)>>(BATCH * 2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut input = input;
            let mut number = 0u64;
            loop {
                let mut buf = Vec::new();
                match input.read_until(b'\n', &mut buf) {
                    Ok(0) => break,
                    Ok(_) => {
                        number += 1;
                        if buf.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        if tx.send(Ok((number, buf))).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        break;
                    }
                }
            }
        });
        let mut counts = Counts {
            scored: 0,
            failed: 0,
        };
        let mut run = || -> anyhow::Result<()> {
            while let Ok(first) = rx.recv() {
                let mut lines = vec![first?];
                while lines.len() < BATCH {
                    match rx.try_recv() {
                        Ok(next) => lines.push(next?),
                        Err(_) => break,
                    }
                }
                let results: Vec<LineResult> = lines
                    .par_iter()
                    .map(|(number, bytes)| {
                        match corpus::row_from_json_line(bytes, columns, *number, shown) {
                            Err(e) => LineResult::failed(*number, None, e),
                            Ok(row) => {
                                let id = row.id.clone();
                                match batch::with_posting(&Work::Row(row), tax, |p| {
                                    matching::score(have, &p, scoring)
                                }) {
                                    Ok(fit) => LineResult::fit(*number, &fit),
                                    Err(s) => LineResult::failed(*number, Some(id), s.reason),
                                }
                            }
                        }
                    })
                    .collect();
                for r in &results {
                    if r.error.is_some() {
                        counts.failed += 1;
                    } else {
                        counts.scored += 1;
                    }
                    serde_json::to_writer(&mut *out, r)?;
                    out.write_all(b"\n")?;
                }
                out.flush()?;
            }
            Ok(())
        };
        let result = run();
        // Unblock the reader if we stop early (a write failed).
        drop(rx);
        result.map(|()| counts)
    })
}

/// `skillfit score RESUME --jobs-jsonl SRC`: `-` is standard input. Gives how many lines
/// failed (the command exits 1 when any did).
pub fn run(
    src: &std::path::Path,
    tax: &Taxonomy,
    have: &ResumeSkills,
    scoring: &Scoring,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    use anyhow::Context as _;
    let shown = src.display().to_string();
    let input: Box<dyn BufRead + Send> = if shown == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(src).with_context(|| format!("{shown}: cannot open"))?,
        ))
    };
    let counts = score_jsonl(input, &shown, &Columns::default(), tax, have, scoring, out)?;
    Ok(counts.failed)
}

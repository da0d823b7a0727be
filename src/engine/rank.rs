//! `rank` and `gaps`: one résumé against a batch of postings.
//!
//! Postings are scored in chunks ([`batch::Postings::next_chunk`]); each chunk's fits are
//! first seen by the sinks (gap totals, the report's long-form rows, the best fits to explain)
//! and then kept in rank order by [`Ranked`] (stripped of their rows, spilled to disk beyond a
//! bound), so memory stays bounded however many postings there are.

use std::path::{Path, PathBuf};

use super::ranked::{self, Ranked};
use super::{batch, Event, Hooks, Skipped, Sources};
use crate::matching::{self, Fit, Gap, GapAcc, ResumeSkills, Scoring};
use crate::profile::Profile;
use crate::report;
use crate::taxonomy::Taxonomy;

/// Postings explained in the report (`postings/<slug>.md`): the best ones. The rest are in
/// the CSV/Parquet files; a 100,000-posting run does not write 100,000 Markdown files.
pub const EXPLAIN_TOP: usize = 100;

/// Postings parsed and scored together. Each chunk's fits keep their rows and evidence texts
/// until the sinks have seen them (and one chunk's rows wait for the writer), so this bounds
/// that memory: `rank` of 100,000 generated postings with the report peaked at 301-315 MB
/// with chunks of 4,096, 282-290 MB with 2,048 and 266-270 MB with 1,024 (BENCHMARKS.md).
const CHUNK: usize = 1024;

/// One chunk's requirement rows on their way to the writer: (posting path, its rows).
type Rows = Vec<(String, Vec<crate::matching::RequirementFit>)>;

/// What to rank and what to keep.
#[derive(Debug, Clone, Default)]
pub struct RankJob<'a> {
    pub sources: Sources<'a>,
    /// Keep only the best N fits (when nothing needs the others: no report, no score floor).
    pub keep: Option<usize>,
    /// Write the report folder here, atomically (`None`: no report).
    pub report_dir: Option<PathBuf>,
    /// Keep each fit's requirement rows in [`RankOutcome::fits`] (JSON output shows them).
    pub keep_rows: bool,
}

/// A ranked batch: every fit (or the best `keep`) in rank order, what was skipped, and where
/// the report went.
pub struct RankOutcome {
    pub fits: Ranked,
    pub skipped: Vec<Skipped>,
    /// The report's `summary.md`, when a report was written.
    pub report: Option<PathBuf>,
}

/// The gaps of a batch and what was skipped.
pub struct GapsOutcome {
    pub gaps: Vec<Gap>,
    pub skipped: Vec<Skipped>,
}

/// Rank every posting of `job.sources` for `profile`; write the report folder when asked.
pub fn rank(
    profile: &Profile,
    tax: &Taxonomy,
    scoring: &Scoring,
    job: &RankJob<'_>,
    hooks: &mut Hooks<'_>,
) -> anyhow::Result<RankOutcome> {
    // The report's long-form rows are streamed to disk while scoring; only per-posting
    // results stay in memory (plus the rows themselves when JSON output asks for them).
    let stage = job
        .report_dir
        .as_deref()
        .map(report::folder::Staging::begin)
        .transpose()?;
    let sink = match &stage {
        Some(st) => Some(crate::frame::RequirementsSink::create(
            &st.path(Path::new("requirements.csv"))?,
            &st.path(Path::new("requirements.parquet"))?,
        )?),
        None => None,
    };
    let mut gap_acc = GapAcc::default();
    let mut best: Vec<Fit> = Vec::new();
    // The requirement rows go to disk on a thread of their own (frame, CSV and Parquet),
    // while the next chunk is scored; chunks arrive in order, and one waits at most (a
    // rendezvous: peak memory holds two chunks of rows, not four).
    let (scored, written) = std::thread::scope(|scope| {
        let (tx, writer) = match sink {
            Some(mut sink) => {
                let (tx, rx) = std::sync::mpsc::sync_channel::<Rows>(0);
                let writer = scope.spawn(move || -> anyhow::Result<()> {
                    for rows in rx {
                        sink.write_frame(&crate::frame::requirements_frame_of(&rows)?)?;
                    }
                    sink.finish()?;
                    Ok(())
                });
                (Some(tx), Some(writer))
            }
            None => (None, None),
        };
        // The report's gaps and the best fits with their rows and evidence texts (it
        // explains them); nothing of either without a report.
        let mut on_chunk = |chunk: &mut [Fit]| -> anyhow::Result<()> {
            if stage.is_some() {
                chunk.iter().for_each(|f| gap_acc.add(f));
                keep_best(&mut best, chunk);
            }
            for f in chunk.iter_mut() {
                f.compact();
            }
            // The rows move to the writer (it builds their frame); JSON output keeps a copy.
            if let Some(tx) = &tx {
                let rows: Rows = chunk
                    .iter_mut()
                    .map(|f| {
                        let reqs = if job.keep_rows {
                            f.requirements.clone()
                        } else {
                            std::mem::take(&mut f.requirements)
                        };
                        (f.path.clone(), reqs)
                    })
                    .collect();
                if tx.send(rows).is_err() {
                    anyhow::bail!("the requirements writer stopped");
                }
            } else if !job.keep_rows {
                chunk.iter_mut().for_each(Fit::strip);
            }
            Ok(())
        };
        let scored = score_batch(
            profile,
            tax,
            scoring,
            &job.sources,
            job.keep,
            &mut on_chunk,
            hooks,
        );
        drop(tx);
        let written = writer.map(|w| {
            w.join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("the requirements writer failed")))
        });
        (scored, written)
    });
    // A failed write explains a stopped writer better than the send that found it stopped.
    let written = written.transpose()?;
    let (mut fits, skipped) = scored?;
    let report = match (stage, written, &job.report_dir) {
        (Some(stage), Some(()), Some(dir)) => {
            let gaps = gap_acc.finish();
            write_report(profile, &mut fits, &best, &gaps, &skipped, stage)?;
            Some(dir.join("summary.md"))
        }
        _ => None,
    };
    Ok(RankOutcome {
        fits,
        skipped,
        report,
    })
}

/// Total the gaps of every posting of `sources` for `profile`; no fit is kept.
pub fn gaps(
    profile: &Profile,
    tax: &Taxonomy,
    scoring: &Scoring,
    sources: &Sources<'_>,
    hooks: &mut Hooks<'_>,
) -> anyhow::Result<GapsOutcome> {
    let mut acc = GapAcc::default();
    let (_, skipped) = score_batch(
        profile,
        tax,
        scoring,
        sources,
        Some(0),
        &mut |chunk| {
            for f in chunk.iter_mut() {
                acc.add(f);
                f.strip();
            }
            Ok(())
        },
        hooks,
    )?;
    Ok(GapsOutcome {
        gaps: acc.finish(),
        skipped,
    })
}

/// `best` ← the best [`EXPLAIN_TOP`] of `best` and `chunk`, in rank order. Only the chunk's
/// own best [`EXPLAIN_TOP`] are cloned (the sort is stable, so the others could not have made
/// it either).
fn keep_best(best: &mut Vec<Fit>, chunk: &[Fit]) {
    let bar = best.get(EXPLAIN_TOP.wrapping_sub(1));
    let mut fresh: Vec<&Fit> = chunk
        .iter()
        .filter(|f| bar.is_none_or(|b| matching::rank_order(f, b).is_lt()))
        .collect();
    fresh.sort_by(|a, b| matching::rank_order(a, b));
    fresh.truncate(EXPLAIN_TOP);
    let fresh: Vec<Fit> = fresh.into_iter().cloned().collect();
    best.extend(fresh);
    matching::rank(best);
    best.truncate(EXPLAIN_TOP);
}

/// Parse and score every posting of `sources`; fits ranked, skipped inputs reported through
/// `hooks` (and returned). With `keep` set, only the best `keep` fits are kept while scoring
/// (bounded memory). `on_chunk` sees each chunk of fresh fits (with their requirement rows and
/// evidence texts) before they are kept.
fn score_batch(
    profile: &Profile,
    tax: &Taxonomy,
    scoring: &Scoring,
    sources: &Sources<'_>,
    keep: Option<usize>,
    on_chunk: &mut dyn FnMut(&mut [Fit]) -> anyhow::Result<()>,
    hooks: &mut Hooks<'_>,
) -> anyhow::Result<(Ranked, Vec<Skipped>)> {
    let have = ResumeSkills::from_profile(profile, tax);
    let mut source = batch::Postings::open(sources.jobs, &sources.columns, sources.shard)?;
    let mut skipped = std::mem::take(&mut source.skipped);
    for w in &source.warnings {
        (hooks.event)(Event::SourceWarning(w))?;
    }
    (hooks.expect)(source.len_hint());
    // Fits that `on_chunk` stripped of their rows can wait on disk (sorted runs) once there
    // are many: memory stays bounded however many postings there are.
    let mut fits = Ranked::new(Some(ranked::spill_at()));
    while let Some(chunk) = source.next_chunk(CHUNK)? {
        let mut fresh = Vec::with_capacity(chunk.len());
        for outcome in batch::score_work(&chunk, tax, &have, scoring, hooks.tick) {
            match outcome {
                Ok(f) => {
                    for w in &f.warnings {
                        (hooks.event)(Event::PostingWarning(w))?;
                    }
                    fresh.push(f)
                }
                Err(s) => skipped.push(s),
            }
        }
        on_chunk(&mut fresh)?;
        fits.push(fresh)?;
        if let Some(k) = keep {
            fits.truncate(k);
        }
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    for s in &skipped {
        (hooks.event)(Event::Skipped(s))?;
    }
    if fits.is_empty() && skipped.is_empty() {
        anyhow::bail!(
            "no posting files ({}) in {}",
            crate::posting::EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" "),
            sources.describe()
        );
    }
    if fits.is_empty() {
        anyhow::bail!(
            "no postings to rank in {} ({} skipped)",
            sources.describe(),
            skipped.len()
        );
    }
    Ok((fits, skipped))
}

/// Write the report folder (`summary.md`, `report.html`, explanations, charts, `fits.csv`;
/// the requirement rows were streamed into `stage` while scoring) and commit it.
fn write_report(
    profile: &Profile,
    fits: &mut Ranked,
    explained: &[Fit],
    gaps: &[Gap],
    skipped: &[Skipped],
    stage: report::folder::Staging,
) -> anyhow::Result<()> {
    report::folder::write_fits(&stage.path(Path::new("fits.csv"))?, fits.iter()?)?;
    let ranking = report::Ranking {
        top: fits.top(),
        total: fits.len(),
        scored: fits.scored(),
    };
    for (rel, bytes) in report::folder::render(profile, ranking, explained, gaps, skipped)? {
        stage.add(&rel, &bytes)?;
    }
    let charts = report::charts::render_all(profile, ranking.top, explained, gaps)?;
    let inline = report::html::Charts::from_rendered(&charts);
    let page = report::html::page(profile, ranking, explained, gaps, skipped, &inline);
    stage.add(Path::new("report.html"), page.as_bytes())?;
    for (name, bytes) in &charts {
        stage.add(Path::new(name), bytes)?;
    }
    stage.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ranked::tests::fit;

    #[test]
    fn keep_best_keeps_what_ranking_everything_keeps() {
        // Ties on purpose: 101 scores, 37 paths, some postings without a score.
        let all: Vec<Fit> = (0..1000)
            .map(|i| fit(i, (i % 7 != 0).then(|| ((i * 37) % 101) as f64)))
            .collect();
        let mut everything = all.clone();
        matching::rank(&mut everything);
        everything.truncate(EXPLAIN_TOP);
        let titles = |v: &[Fit]| v.iter().map(|f| f.title.clone()).collect::<Vec<_>>();
        for size in [1, 7, 64, 250, 1000] {
            let mut best = Vec::new();
            for chunk in all.chunks(size) {
                keep_best(&mut best, chunk);
            }
            assert_eq!(titles(&best), titles(&everything), "chunks of {size}");
        }
    }
}

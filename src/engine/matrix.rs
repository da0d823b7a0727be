//! Matrix mode: many résumés × many postings, the best K postings per résumé.
//!
//! Takes résumé and posting paths; gives ranked rows. Each side is reduced once (a posting to
//! its scoring units, a résumé to a [`Prepared`] table of its skills); résumés are scored a
//! block of 16 at a time over one walk of the postings. Each résumé is scored only against the
//! postings that name at least one skill it has (at any level), found through an inverted
//! index (skill → postings). Every other posting scores its floor, [`matching::floor_value`]
//! (nothing covered, nothing of the core used: only the prior part, which depends on the
//! posting alone), so the postings are sorted once by floor and the best of them compete with
//! the candidates for the top K. Scores come from [`matching::score_prepared`], the same
//! arithmetic as `skillfit score`/`rank`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::engine::batch;
use crate::engine::{Row, Skipped};
use crate::matching::Scoring;
use crate::matching::{self, Compact, Prepared, ResumeSkills};
use crate::period::Month;

use crate::taxonomy::{SkillId, Taxonomy};

pub struct MatrixPosting {
    pub path: String,
    pub title: String,
    pub company: Option<String>,
    compact: Compact,
}

/// Résumé files under `inputs` (`.md`, `.markdown`, `.txt`, `.json` for JSON Resume), sorted.
pub fn discover_resumes(inputs: &[PathBuf]) -> batch::Found {
    batch::discover_files(inputs, &|p: &Path| {
        p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
            matches!(
                x.to_ascii_lowercase().as_str(),
                "md" | "markdown" | "txt" | "json"
            )
        }) && !p
            .file_name()
            .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
    })
}

/// Résumés scored together over one walk of the postings (one bit each in a [`Mask`]).
const BLOCK: usize = 16;
type Mask = u16;

/// Scores kept per résumé before they are cut back to the best `k` (small in tests, so that
/// they cut).
#[cfg(not(test))]
const KEEP: usize = 4096;
#[cfg(test)]
const KEEP: usize = 8;

/// Best first: higher score, then lower index (path order, the tie-break of `rank`).
fn by_rank(a: &(f64, u32), b: &(f64, u32)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The postings of a matrix run, indexed once for every résumé: skill → postings naming it,
/// and every scorable posting by its floor.
struct Index<'a> {
    postings: &'a [MatrixPosting],
    by_skill: crate::taxonomy::FastMap<SkillId, Vec<u32>>,
    /// (floor, index), best first: what a résumé that has none of a posting's skills scores.
    floors: Vec<(f64, u32)>,
}

impl<'a> Index<'a> {
    fn new(postings: &'a [MatrixPosting], scoring: &Scoring) -> Self {
        let mut by_skill: crate::taxonomy::FastMap<SkillId, Vec<u32>> = Default::default();
        for (i, p) in postings.iter().enumerate() {
            let mut skills: Vec<SkillId> = p.compact.named().collect();
            skills.sort();
            skills.dedup();
            for s in skills {
                by_skill.entry(s).or_default().push(i as u32);
            }
        }
        // Postings are sorted by path, so index order is the tie-break order of `rank`.
        let mut floors: Vec<(f64, u32)> = postings
            .iter()
            .enumerate()
            .filter_map(|(i, p)| matching::floor_value(&p.compact, scoring).map(|f| (f, i as u32)))
            .collect();
        floors.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Index {
            postings,
            by_skill,
            floors,
        }
    }

    /// The best `k` postings for each résumé of `block` (at most [`BLOCK`]): every posting
    /// naming one of a résumé's skills is scored; of the others only the best `k` by floor can
    /// enter its top `k`. The postings are walked once for the whole block (each posting's
    /// units are read once per block, not once per résumé: at 100k postings they do not fit
    /// in the cache).
    fn best_k(&self, block: &[&Prepared], k: usize, scoring: &Scoring) -> Vec<Vec<(f64, u32)>> {
        debug_assert!(block.len() <= BLOCK);
        // Bit r of a posting's mask: it names a skill résumé r has.
        let mut masks = vec![0 as Mask; self.postings.len()];
        for (r, have) in block.iter().enumerate() {
            for s in have.skills() {
                for &i in self.by_skill.get(&s).map(Vec::as_slice).unwrap_or(&[]) {
                    masks[i as usize] |= 1 << r;
                }
            }
        }
        // (score, index) is a strict order (indexes differ), so the best `k` of all are the
        // best `k` of the best `k` so far and the rest: each list is cut back to `k` whenever
        // it reaches `KEEP` (or `2k`, if larger), and memory stays small however many postings
        // there are.
        let keep = |v: &mut Vec<(f64, u32)>| {
            if k > 0 && v.len() > k {
                v.select_nth_unstable_by(k - 1, by_rank);
                v.truncate(k);
            }
        };
        let mut scored: Vec<Vec<(f64, u32)>> = vec![Vec::new(); block.len()];
        for (i, &mask) in masks.iter().enumerate() {
            let compact = &self.postings[i].compact;
            let mut rest = mask;
            while rest != 0 {
                let r = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if let Some(s) = matching::score_prepared(block[r], compact, scoring) {
                    let v = &mut scored[r];
                    v.push((s, i as u32));
                    if v.len() >= KEEP.max(2 * k) {
                        keep(v);
                    }
                }
            }
        }
        for (r, scored) in scored.iter_mut().enumerate() {
            scored.extend(
                self.floors
                    .iter()
                    .filter(|(_, i)| masks[*i as usize] & (1 << r) == 0)
                    .take(k)
                    .copied(),
            );
            keep(scored);
            scored.sort_by(by_rank);
        }
        scored
    }

    /// The rows of one résumé's best postings.
    fn rows(&self, resume: &Path, best: Vec<(f64, u32)>) -> Vec<Row> {
        let resume = resume.display().to_string();
        best.into_iter()
            .enumerate()
            .map(|(rank, (score, i))| {
                let p = &self.postings[i as usize];
                Row {
                    resume: resume.clone(),
                    rank: rank as u32 + 1,
                    posting: p.path.clone(),
                    title: p.title.clone(),
                    company: p.company.clone(),
                    score,
                }
            })
            .collect()
    }
}

/// Score every résumé against `postings`; the top `k` rows per résumé, résumés in path order.
/// Each résumé is read and scored behind the panic guard: a bad one is skipped, not fatal.
pub fn top_k(
    resumes: &[PathBuf],
    postings: &[MatrixPosting],
    tax: &Taxonomy,
    as_of: Month,
    scoring: &Scoring,
    k: usize,
    tick: &(dyn Fn() + Sync),
) -> (Vec<Row>, Vec<Skipped>) {
    let index = Index::new(postings, scoring);
    let skipped = |path: &Path, reason: String| Skipped {
        path: path.display().to_string(),
        reason,
    };
    // Résumés are read one by one and scored a block at a time, each behind the panic
    // guard: a résumé that fails to read is skipped; a block whose scoring panics is scored
    // again résumé by résumé, so only the one that panics is lost.
    let results: Vec<Result<Vec<Row>, Skipped>> = resumes
        .par_chunks(BLOCK)
        .flat_map_iter(|paths| {
            // Each résumé is kept only as what scoring reads (not its evidence records).
            let haves: Vec<Result<Prepared, Skipped>> = paths
                .iter()
                .map(|path| {
                    crate::engine::guard::isolate(|| {
                        crate::engine::guard::inject_test_panic(path);
                        let profile = super::profile_resume(path, tax, as_of)
                            .map_err(|e| skipped(path, format!("{e:#}")))?;
                        Ok(ResumeSkills::from_profile(&profile, tax).prepare(scoring))
                    })
                    .unwrap_or_else(|reason| Err(skipped(path, reason)))
                })
                .collect();
            let ok: Vec<&Prepared> = haves.iter().filter_map(|h| h.as_ref().ok()).collect();
            let mut bests = crate::engine::guard::isolate(|| index.best_k(&ok, k, scoring))
                .map(Vec::into_iter)
                .ok();
            let out: Vec<Result<Vec<Row>, Skipped>> = paths
                .iter()
                .zip(&haves)
                .map(|(path, have)| {
                    let r = match have {
                        Err(s) => Err(s.clone()),
                        Ok(have) => match bests.as_mut().and_then(Iterator::next) {
                            Some(best) => Ok(index.rows(path, best)),
                            None => crate::engine::guard::isolate(|| {
                                index.best_k(&[have], k, scoring).pop().unwrap_or_default()
                            })
                            .map(|best| index.rows(path, best))
                            .map_err(|reason| skipped(path, reason)),
                        },
                    };
                    tick();
                    r
                })
                .collect();
            out
        })
        .collect();
    let mut rows = Vec::new();
    let mut skips = Vec::new();
    for r in results {
        match r {
            Ok(mut v) => rows.append(&mut v),
            Err(s) => skips.push(s),
        }
    }
    (rows, skips)
}

/// Everything `matrix` found: rows, skipped inputs, and warnings about inputs read anyway.
pub struct Outcome {
    pub rows: Vec<Row>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// Load and reduce a chunk of postings (files or table rows) in parallel.
pub fn load_work(
    chunk: &[Result<batch::Work, Skipped>],
    tax: &Taxonomy,
    tick: &(dyn Fn() + Sync),
) -> Vec<Result<MatrixPosting, Skipped>> {
    chunk
        .par_iter()
        .map(|w| {
            let r = match w {
                Ok(work) => batch::with_posting(work, tax, |p| MatrixPosting {
                    compact: Compact::new(&p),
                    path: p.path,
                    title: p.title,
                    company: p.company,
                }),
                Err(s) => Err(s.clone()),
            };
            tick();
            r
        })
        .collect()
}

/// Load and score: the whole `matrix` command minus output. Postings come from `source`
/// (files and table rows, already sharded); they are ordered by id, the tie-break of `rank`.
pub fn run(
    resumes: &[PathBuf],
    source: &mut batch::Postings,
    tax: &Taxonomy,
    as_of: Month,
    scoring: &Scoring,
    k: usize,
    tick: &(dyn Fn() + Sync),
) -> anyhow::Result<Outcome> {
    let mut skipped = std::mem::take(&mut source.skipped);
    let mut warnings = std::mem::take(&mut source.warnings);
    let mut postings = Vec::new();
    while let Some(chunk) = source.next_chunk(4096)? {
        for r in load_work(&chunk, tax, tick) {
            match r {
                Ok(p) if p.compact.is_scorable() => postings.push(p),
                Ok(_) => {}
                Err(s) => skipped.push(s),
            }
        }
    }
    postings.sort_by(|a, b| a.path.cmp(&b.path));
    let mut found = discover_resumes(resumes);
    skipped.append(&mut found.skipped);
    warnings.append(&mut found.warnings);
    let (rows, mut rs) = top_k(&found.files, &postings, tax, as_of, scoring, k, tick);
    skipped.append(&mut rs);
    Ok(Outcome {
        rows,
        skipped,
        warnings,
    })
}

/// The file `matrix` writes, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Parquet,
    Csv,
}

impl Format {
    /// `.parquet` or `.csv` (any case); anything else is a usage error naming the file.
    pub fn from_path(path: &Path) -> anyhow::Result<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("parquet") => Ok(Format::Parquet),
            Some("csv") => Ok(Format::Csv),
            _ => anyhow::bail!("--out {}: use a .parquet or .csv file name", path.display()),
        }
    }
}

/// Every résumé of `resumes` × every posting of `sources`: each résumé's best `k` postings.
/// Warnings and skipped inputs go to `hooks` (and skipped ones are returned); an error when no
/// row could be made at all.
pub fn matrix(
    resumes: &[PathBuf],
    sources: &super::Sources<'_>,
    tax: &Taxonomy,
    as_of: Month,
    scoring: &Scoring,
    k: usize,
    hooks: &mut super::Hooks<'_>,
) -> anyhow::Result<Outcome> {
    let mut source = batch::Postings::open(sources.jobs, &sources.columns, sources.shard)?;
    // Postings are loaded, then résumés scored: no total is known up front.
    (hooks.expect)(0);
    let o = run(resumes, &mut source, tax, as_of, scoring, k, hooks.tick)?;
    for w in &o.warnings {
        (hooks.event)(super::Event::SourceWarning(w))?;
    }
    for s in &o.skipped {
        (hooks.event)(super::Event::Skipped(s))?;
    }
    if o.rows.is_empty() {
        anyhow::bail!("nothing to write: no résumé could be scored against any posting");
    }
    Ok(o)
}

/// The rows as Parquet or CSV (through the `matrix` frame).
pub fn write(rows: &[Row], format: Format, w: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let df = crate::frame::matrix_frame(rows)?;
    match format {
        Format::Parquet => crate::frame::write_parquet(&df, w)?,
        Format::Csv => crate::frame::write_csv(&df, w)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture posting and résumé: a block of résumés gets the same best postings, with
    /// the same scores, as each résumé scored alone, and as `score` gives one by one.
    #[test]
    fn a_block_scores_as_each_resume_alone() {
        let tax = Taxonomy::builtin().unwrap();
        let as_of = Month::new(2026, 11).unwrap();
        let scoring = Scoring::default();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let sorted = |d: &str| {
            let mut v: Vec<PathBuf> = std::fs::read_dir(dir.join(d))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect();
            v.sort();
            v
        };
        let mut postings: Vec<(MatrixPosting, crate::posting::Posting)> = Vec::new();
        for path in sorted("postings") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.display().to_string();
            let Ok(p) = crate::posting::parse_posting(&text, "md", &name, &tax) else {
                continue;
            };
            let m = MatrixPosting {
                compact: Compact::new(&p),
                path: name,
                title: p.title.clone(),
                company: p.company.clone(),
            };
            if m.compact.is_scorable() {
                postings.push((m, p));
            }
        }
        let (matrix_postings, parsed): (Vec<MatrixPosting>, Vec<crate::posting::Posting>) =
            postings.into_iter().unzip();
        assert!(matrix_postings.len() > 20, "{}", matrix_postings.len());
        let index = Index::new(&matrix_postings, &scoring);
        let haves: Vec<(ResumeSkills, Prepared)> = sorted("resumes")
            .iter()
            .take(BLOCK + 3)
            .map(|p| {
                let profile = super::super::profile_resume(p, &tax, as_of).unwrap();
                let have = ResumeSkills::from_profile(&profile, &tax);
                let prepared = have.prepare(&scoring);
                (have, prepared)
            })
            .collect();
        assert!(haves.len() > BLOCK);
        let k = 3;
        for block in haves.chunks(BLOCK) {
            let refs: Vec<&Prepared> = block.iter().map(|h| &h.1).collect();
            let together = index.best_k(&refs, k, &scoring);
            assert_eq!(together.len(), block.len());
            for ((have, prepared), best) in block.iter().zip(&together) {
                assert_eq!(best, &index.best_k(&[prepared], k, &scoring)[0]);
                // Every posting scored in full, best first: the same `k`.
                let mut all: Vec<(f64, u32)> = parsed
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let fit = crate::matching::score(have, p, &scoring);
                        (fit.shown_score().unwrap(), i as u32)
                    })
                    .collect();
                all.sort_by(by_rank);
                all.truncate(k);
                assert_eq!(best, &all);
            }
        }
    }
}

//! Every fit of a batch run in rank order, in bounded memory.
//!
//! A million-posting `rank` used to hold every [`Fit`] until the end (about 2 KB each, over
//! 2 GB). [`Ranked`] holds at most [`SPILL_AT`] of them: beyond that, it sorts what it holds and
//! writes it to an anonymous temporary file (a sorted run, deleted when dropped). At the end the
//! runs are merged, so the fits come back in exactly the order [`matching::rank`] gives an
//! in-memory vector (ties keep their arrival order, like the stable sort). The best [`TOP`]
//! fits and the counts are always at hand for the report.
//!
//! Only fits without requirement rows ([`Fit::strip`]) can be written to a run; a batch that
//! keeps the rows (`rank --format json`) keeps everything in memory, as before.

use std::cmp::Ordering;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

use crate::matching::{self, CoreUse, Fit, Parts};
use crate::posting::Level;

/// Fits held in memory before a sorted run goes to disk (about 70 MB of them), unless the
/// environment sets `SKILLFIT_SPILL_AT` (a positive number; documented in the README).
pub const SPILL_AT: usize = 100_000;

/// [`SPILL_AT`], or `SKILLFIT_SPILL_AT` from the environment.
pub fn spill_at() -> usize {
    std::env::var("SKILLFIT_SPILL_AT")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(SPILL_AT)
}
/// Fits always kept in memory, best first: what the report shows, charts and explains.
pub const TOP: usize = 200;

pub struct Ranked {
    held: Vec<Fit>,
    runs: Vec<(File, usize)>,
    spill_at: usize,
    len: usize,
    scored: usize,
    top: Vec<Fit>,
}

impl Ranked {
    /// `spill_at`: fits held before a run is written; `None` keeps everything in memory.
    pub fn new(spill_at: Option<usize>) -> Self {
        Ranked {
            held: Vec::new(),
            runs: Vec::new(),
            spill_at: spill_at.unwrap_or(usize::MAX).max(1),
            len: 0,
            scored: 0,
            top: Vec::new(),
        }
    }

    pub fn push(&mut self, chunk: Vec<Fit>) -> io::Result<()> {
        self.len += chunk.len();
        self.scored += chunk.iter().filter(|f| f.score.is_some()).count();
        // Once the best ones are known (sorted at the end of the last push), only a fit that
        // beats the last of them is copied.
        let full = self.top.len() >= TOP;
        let before = self.top.len();
        for f in &chunk {
            let beats_last = !full
                || self.top[..before]
                    .last()
                    .is_some_and(|w| matching::rank_order(f, w) == Ordering::Less);
            if beats_last {
                self.top.push(f.clone());
            }
        }
        matching::rank(&mut self.top);
        self.top.truncate(TOP);
        self.held.extend(chunk);
        if self.held.len() >= self.spill_at {
            self.spill()?;
        }
        Ok(())
    }

    /// Keep only the best `n` (no run is written after this).
    pub fn truncate(&mut self, n: usize) {
        if self.runs.is_empty() {
            matching::rank(&mut self.held);
            self.held.truncate(n);
        }
    }

    fn spill(&mut self) -> io::Result<()> {
        if self.held.iter().any(|f| !f.requirements.is_empty()) {
            // Rows cannot be written to a run: keep holding (see the module comment).
            self.spill_at = usize::MAX;
            return Ok(());
        }
        matching::rank(&mut self.held);
        let mut w = BufWriter::new(tempfile::tempfile()?);
        for f in &self.held {
            encode(f, &mut w)?;
        }
        let mut file = w.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        self.runs.push((file, self.held.len()));
        self.held.clear();
        Ok(())
    }

    /// Postings scored (with or without a score).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Postings that got a score.
    pub fn scored(&self) -> usize {
        self.scored
    }

    /// The best fits (at most [`TOP`]), best first.
    pub fn top(&self) -> &[Fit] {
        &self.top
    }

    /// Did any fit go to disk?
    #[cfg(test)]
    pub fn has_spilled(&self) -> bool {
        !self.runs.is_empty()
    }

    /// Every fit, best first (as often as needed: each call reads the runs from the start).
    /// What `rank` shows: the fits at or above `min_score` (as shown, one decimal; unscored
    /// ones only without a floor), at most `top` of them, in rank order.
    pub fn shown(
        &mut self,
        min_score: Option<f64>,
        top: Option<usize>,
    ) -> io::Result<impl Iterator<Item = io::Result<Fit>> + '_> {
        let keep = move |f: &io::Result<Fit>| {
            f.as_ref().map_or(true, |f| {
                min_score.is_none_or(|m| f.shown_score().is_some_and(|x| x >= m))
            })
        };
        Ok(self.iter()?.filter(keep).take(top.unwrap_or(usize::MAX)))
    }

    pub fn iter(&mut self) -> io::Result<Merged<'_>> {
        matching::rank(&mut self.held);
        let mut heads = Vec::with_capacity(self.runs.len() + 1);
        for (file, count) in &self.runs {
            let mut file = file.try_clone()?;
            file.rewind()?;
            let mut run = Run::File(BufReader::new(file), *count);
            let head = run.next_fit()?;
            heads.push((run, head));
        }
        // Held fits arrived after every run: last among equals, as in a stable sort.
        let mut held = Run::Held(self.held.iter());
        let head = held.next_fit()?;
        heads.push((held, head));
        Ok(Merged { heads })
    }
}

enum Run<'a> {
    File(BufReader<File>, usize),
    Held(std::slice::Iter<'a, Fit>),
}

impl Run<'_> {
    fn next_fit(&mut self) -> io::Result<Option<Fit>> {
        match self {
            Run::Held(it) => Ok(it.next().cloned()),
            Run::File(_, 0) => Ok(None),
            Run::File(r, left) => {
                *left -= 1;
                decode(r).map(Some)
            }
        }
    }
}

/// The k-way merge of sorted runs (a handful: one per [`SPILL_AT`] fits).
pub struct Merged<'a> {
    heads: Vec<(Run<'a>, Option<Fit>)>,
}

impl Iterator for Merged<'_> {
    type Item = io::Result<Fit>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut best: Option<usize> = None;
        for (i, (_, head)) in self.heads.iter().enumerate() {
            let Some(f) = head else { continue };
            let better = match best.and_then(|b| self.heads[b].1.as_ref()) {
                None => true,
                Some(b) => matching::rank_order(f, b) == Ordering::Less,
            };
            if better {
                best = Some(i);
            }
        }
        let (run, head) = &mut self.heads[best?];
        let fit = head.take()?;
        match run.next_fit() {
            Ok(next) => *head = next,
            Err(e) => return Some(Err(e)),
        }
        Some(Ok(fit))
    }
}

fn put_u64(w: &mut impl Write, n: u64) -> io::Result<()> {
    w.write_all(&n.to_le_bytes())
}

fn put_str(w: &mut impl Write, s: &str) -> io::Result<()> {
    put_u64(w, s.len() as u64)?;
    w.write_all(s.as_bytes())
}

fn put_strs(w: &mut impl Write, v: &[String]) -> io::Result<()> {
    put_u64(w, v.len() as u64)?;
    v.iter().try_for_each(|s| put_str(w, s))
}

fn put_opt_f64(w: &mut impl Write, x: Option<f64>) -> io::Result<()> {
    w.write_all(&[u8::from(x.is_some())])?;
    put_u64(w, x.map_or(0, f64::to_bits))
}

fn put_f64(w: &mut impl Write, x: f64) -> io::Result<()> {
    put_u64(w, x.to_bits())
}

/// Every level, by its number in a run.
const LEVELS: [Level; 5] = [
    Level::Required,
    Level::Unspecified,
    Level::Preferred,
    Level::Stack,
    Level::Mentioned,
];

fn put_level(w: &mut impl Write, level: Level) -> io::Result<()> {
    let n = LEVELS.iter().position(|l| *l == level).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "a level with no number in ranked.rs",
        )
    })?;
    w.write_all(&[n as u8])
}

fn get_f64(r: &mut impl Read) -> io::Result<f64> {
    Ok(f64::from_bits(get_u64(r)?))
}

fn get_level(r: &mut impl Read) -> io::Result<Level> {
    let mut b = [0u8; 1];
    r.read_exact(&mut b)?;
    LEVELS
        .get(usize::from(b[0]))
        .copied()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "bad level in a run"))
}

fn get_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn get_usize(r: &mut impl Read) -> io::Result<usize> {
    usize::try_from(get_u64(r)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn get_str(r: &mut impl Read) -> io::Result<String> {
    let mut b = vec![0u8; get_usize(r)?];
    r.read_exact(&mut b)?;
    String::from_utf8(b).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn get_strs(r: &mut impl Read) -> io::Result<Vec<String>> {
    (0..get_usize(r)?).map(|_| get_str(r)).collect()
}

fn get_opt_f64(r: &mut impl Read) -> io::Result<Option<f64>> {
    let mut flag = [0u8; 1];
    r.read_exact(&mut flag)?;
    let bits = get_u64(r)?;
    Ok((flag[0] == 1).then(|| f64::from_bits(bits)))
}

/// One stripped fit, every field exact (floats by their bits).
fn encode(f: &Fit, w: &mut impl Write) -> io::Result<()> {
    put_str(w, &f.path)?;
    put_str(w, &f.title)?;
    w.write_all(&[u8::from(f.company.is_some())])?;
    put_str(w, f.company.as_deref().unwrap_or(""))?;
    put_opt_f64(w, f.score)?;
    put_opt_f64(w, f.coverage)?;
    put_opt_f64(w, f.relevance)?;
    put_opt_f64(w, f.confidence)?;
    w.write_all(&[u8::from(f.parts.is_some())])?;
    let parts = f.parts.unwrap_or(Parts {
        coverage: 0.0,
        relevance: 0.0,
        prior: 0.0,
    });
    for x in [parts.coverage, parts.relevance, parts.prior] {
        put_f64(w, x)?;
    }
    put_u64(w, f.core_used.len() as u64)?;
    for c in &f.core_used {
        put_str(w, &c.skill)?;
        put_level(w, c.level)?;
        for x in [c.strength, c.level_weight, c.points] {
            put_f64(w, x)?;
        }
    }
    put_f64(w, f.coverage_factor)?;
    for n in [
        f.required_met,
        f.required_total,
        f.preferred_met,
        f.preferred_total,
    ] {
        put_u64(w, n as u64)?;
    }
    put_strs(w, &f.missing_required)?;
    put_u64(w, f.required_points.to_bits())?;
    put_u64(w, f.preferred_points.to_bits())?;
    put_strs(w, &f.warnings)
}

fn decode(r: &mut impl Read) -> io::Result<Fit> {
    let path = get_str(r)?;
    let title = get_str(r)?;
    let mut flag = [0u8; 1];
    r.read_exact(&mut flag)?;
    let company = get_str(r)?;
    let company = (flag[0] == 1).then_some(company);
    let score = get_opt_f64(r)?;
    let coverage = get_opt_f64(r)?;
    let relevance = get_opt_f64(r)?;
    let confidence = get_opt_f64(r)?;
    r.read_exact(&mut flag)?;
    let parts = Parts {
        coverage: get_f64(r)?,
        relevance: get_f64(r)?,
        prior: get_f64(r)?,
    };
    let parts = (flag[0] == 1).then_some(parts);
    let core_used = (0..get_usize(r)?)
        .map(|_| {
            Ok(CoreUse {
                skill: get_str(r)?,
                level: get_level(r)?,
                strength: get_f64(r)?,
                level_weight: get_f64(r)?,
                points: get_f64(r)?,
            })
        })
        .collect::<io::Result<Vec<_>>>()?;
    let coverage_factor = get_f64(r)?;
    let required_met = get_usize(r)?;
    let required_total = get_usize(r)?;
    let preferred_met = get_usize(r)?;
    let preferred_total = get_usize(r)?;
    let missing_required = get_strs(r)?;
    let required_points = f64::from_bits(get_u64(r)?);
    let preferred_points = f64::from_bits(get_u64(r)?);
    let warnings = get_strs(r)?;
    Ok(Fit {
        path,
        title,
        company,
        score,
        coverage,
        relevance,
        confidence,
        parts,
        core_used,
        coverage_factor,
        required_met,
        required_total,
        preferred_met,
        preferred_total,
        missing_required,
        required_points,
        preferred_points,
        requirements: Vec::new(),
        warnings,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn fit(i: usize, score: Option<f64>) -> Fit {
        Fit {
            path: format!("jobs/{:03}.md", i % 37),
            title: format!("Posting {i} — インフラ"),
            company: (i % 3 == 0).then(|| format!("株式会社{i}")),
            score,
            coverage: score.map(|s| s * 1.1),
            relevance: score.map(|s| s / 3.0),
            confidence: Some(0.6),
            parts: score.map(|s| Parts {
                coverage: s / 2.0,
                relevance: s / 5.0,
                prior: 12.0,
            }),
            core_used: (0..i % 3)
                .map(|k| CoreUse {
                    skill: format!("core{k}"),
                    level: LEVELS[(i + k) % LEVELS.len()],
                    strength: 0.5,
                    level_weight: 0.75,
                    points: 1.0 / 7.0,
                })
                .collect(),
            coverage_factor: 0.3,
            required_met: i % 5,
            required_total: 5,
            preferred_met: i % 2,
            preferred_total: 2,
            missing_required: (0..i % 4).map(|k| format!("skill{k}")).collect(),
            required_points: 0.1 + i as f64 / 7.0,
            preferred_points: 1.0 / 3.0,
            requirements: Vec::new(),
            warnings: if i % 11 == 0 {
                vec![format!("{i}: warning")]
            } else {
                Vec::new()
            },
        }
    }

    fn fits() -> Vec<Fit> {
        // Scores with ties (same score, same path) and unscored ones.
        (0..1_000)
            .map(|i| fit(i, (i % 13 != 0).then(|| ((i * 7919) % 101) as f64 / 1.7)))
            .collect()
    }

    fn key(f: &Fit) -> String {
        format!("{f:?}")
    }

    #[test]
    fn runs_merge_to_the_order_of_an_in_memory_sort() {
        let mut expected = fits();
        matching::rank(&mut expected);
        for spill_at in [1, 7, 64, 999, 1_000, 5_000] {
            let mut r = Ranked::new(Some(spill_at));
            for chunk in fits().chunks(50) {
                r.push(chunk.to_vec()).unwrap();
            }
            assert_eq!(r.has_spilled(), spill_at <= 1_000, "{spill_at}");
            assert_eq!(r.len(), 1_000);
            assert_eq!(
                r.scored(),
                expected.iter().filter(|f| f.score.is_some()).count()
            );
            assert_eq!(
                r.top().iter().map(key).collect::<Vec<_>>(),
                expected[..TOP].iter().map(key).collect::<Vec<_>>()
            );
            // Twice: the report and stdout both read every fit.
            for _ in 0..2 {
                let got: Vec<Fit> = r.iter().unwrap().map(|f| f.unwrap()).collect();
                assert_eq!(
                    got.iter().map(key).collect::<Vec<_>>(),
                    expected.iter().map(key).collect::<Vec<_>>(),
                    "spill_at {spill_at}"
                );
            }
        }
    }

    #[test]
    fn fits_with_rows_stay_in_memory() {
        let mut with_rows = fits();
        with_rows[0]
            .requirements
            .push(crate::matching::RequirementFit {
                skill: "Go".into(),
                level: crate::posting::Level::Required,
                min_years: None,
                group: None,
                alternatives: Vec::new(),
                matched_by: crate::taxonomy::MatchKind::Exact,
                similarity: 1.0,
                months_have: Some(12),
                earned: 1.0,
                points: 10.0,
                max_points: 10.0,
                is_met: true,
                resume_line: Some(3),
                resume_text: None,
                posting_text: String::new(),
            });
        let mut r = Ranked::new(Some(10));
        r.push(with_rows).unwrap();
        assert!(!r.has_spilled());
        let got: Vec<Fit> = r.iter().unwrap().map(|f| f.unwrap()).collect();
        assert_eq!(got.len(), 1_000);
        assert_eq!(got.iter().filter(|f| !f.requirements.is_empty()).count(), 1);
    }
}

//! Gaps: what the postings ask for that the résumé lacks or has too little of.
//!
//! Takes scored fits; gives one row per skill: a group-by over the requirements where
//! `earned < 1`, as DESIGN.md describes. Each row sums the fit points the skill would add
//! (`score_gain`: the requirement's missing coverage points × the posting's
//! `confidence × coverage share`) and, to rank them, the same points weighted by how close
//! each posting is to the person (`weighted_gain`: × the posting's relevance, 0..1, i.e. how
//! much of the person's core it uses). So a skill asked by postings that already use the
//! person's core comes first, and the skills of a posting outside their field (relevance
//! near 0) come last however many points they would add there. Ties: score_gain, then the
//! number of postings, then the name.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Fit;
use crate::posting::Level;
use crate::taxonomy::MatchKind;

/// Whether the person lacks a skill or has it for too short a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GapStatus {
    /// Not in the résumé at all.
    Missing,
    /// In the résumé, for fewer years than asked.
    Short,
}

impl GapStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GapStatus::Missing => "missing",
            GapStatus::Short => "short",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub skill: String,
    /// `missing` (not in the résumé) or `short` (has it, with fewer years or less certainty).
    pub status: GapStatus,
    pub postings_asking: usize,
    pub required_in: usize,
    pub preferred_in: usize,
    pub months_have: Option<u32>,
    pub max_years_asked: Option<f64>,
    /// Points the skill would add to the scores, summed over the postings.
    pub score_gain: f64,
    /// `score_gain` with each posting's points weighted by its relevance (0..1): how close
    /// the postings that ask for the skill are to the person. Gaps are ranked by it.
    pub weighted_gain: f64,
}

/// Gaps of `fits` (which must still hold their requirement rows).
pub fn gaps(fits: &[Fit]) -> Vec<Gap> {
    let mut acc = GapAcc::default();
    for f in fits {
        acc.add(f);
    }
    acc.finish()
}

/// Gaps accumulated one fit at a time, so a batch run need not keep every requirement row.
#[derive(Debug, Default)]
pub struct GapAcc {
    by: BTreeMap<String, Gap>,
}

impl GapAcc {
    pub fn add(&mut self, f: &Fit) {
        if f.score.is_none() {
            return;
        }
        let by = &mut self.by;
        for r in &f.requirements {
            if r.earned >= 0.999 {
                continue;
            }
            let g = by.entry(r.skill.clone()).or_insert_with(|| Gap {
                skill: r.skill.clone(),
                status: if r.matched_by == MatchKind::Missing {
                    GapStatus::Missing
                } else {
                    GapStatus::Short
                },
                postings_asking: 0,
                required_in: 0,
                preferred_in: 0,
                months_have: r.months_have,
                max_years_asked: None,
                score_gain: 0.0,
                weighted_gain: 0.0,
            });
            g.postings_asking += 1;
            match r.level {
                Level::Required => g.required_in += 1,
                _ => g.preferred_in += 1,
            }
            g.max_years_asked = match (g.max_years_asked, r.min_years) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            let gain = (r.max_points - r.points) * f.coverage_factor;
            g.score_gain += gain;
            g.weighted_gain += gain * f.relevance.unwrap_or(0.0) / 100.0;
        }
    }

    pub fn finish(self) -> Vec<Gap> {
        finish(self.by)
    }
}

fn finish(by: BTreeMap<String, Gap>) -> Vec<Gap> {
    let mut out: Vec<Gap> = by
        .into_values()
        .map(|mut g| {
            g.score_gain = (g.score_gain * 10.0).round() / 10.0;
            g.weighted_gain = (g.weighted_gain * 10.0).round() / 10.0;
            g
        })
        .collect();
    out.sort_by(|a, b| {
        b.weighted_gain
            .total_cmp(&a.weighted_gain)
            .then(b.score_gain.total_cmp(&a.score_gain))
            .then(b.postings_asking.cmp(&a.postings_asking))
            .then(a.skill.cmp(&b.skill))
    });
    out
}

//! Scoring: a profile × a posting → [`Fit`], with per-requirement evidence.
//!
//! Takes the résumé's skills ([`ResumeSkills`], built once per run from the profile) and one
//! [`Posting`]; gives a score in 0..=100 whose points add up requirement by requirement.
//! Model (DESIGN.md "Matching and scoring", weights in [`crate::config::Scoring`]):
//! `score = 100 × (w_req × required_coverage + w_pref × preferred_coverage)`; each requirement
//! (an any-of group counts once, by its best member) earns
//! `similarity × min(1, months_have / (12 × min_years))` (× recency decay when configured);
//! a skill listed without dated months earns `undated_credit` when years are asked. With no
//! preferred requirements all weight goes to required ones (and vice versa). A posting with
//! neither is not scored: `score` is `None`.

mod gaps;

use std::collections::HashMap;

use serde::Serialize;

pub use gaps::{gaps, Gap, GapAcc};

use crate::config::Scoring;
use crate::period::Month;
use crate::posting::{Level, Posting};
use crate::profile::Profile;
use crate::taxonomy::{SkillId, Taxonomy};

/// What the résumé has of one skill.
#[derive(Debug, Clone)]
pub struct Have {
    pub name: String,
    pub months: Option<u32>,
    pub claimed_months: Option<u32>,
    pub last_used: Option<Month>,
    /// `exact`, `alias`, `fuzzy` (mentioned) or `implied` (only through a narrower skill).
    pub matched_by: &'static str,
    pub similarity: f64,
    pub line: Option<usize>,
    pub text: Option<String>,
}

/// The résumé side, indexed by skill.
#[derive(Debug, Clone, Default)]
pub struct ResumeSkills {
    pub as_of: Option<Month>,
    /// Indexed by skill id: a dense table, because scoring looks skills up in its inner loop
    /// (matrix mode does it ~10⁸ times).
    by_skill: Vec<Option<Have>>,
}

impl ResumeSkills {
    pub fn from_profile(p: &Profile, tax: &Taxonomy) -> Self {
        let mut by_skill: Vec<Option<Have>> = vec![None; tax.len()];
        for s in &p.skills {
            let Some(id) = tax.by_id(&s.id) else { continue };
            // The best direct evidence: dated over undated, exact/alias over fuzzy, earliest
            // line; else the first implied one.
            let best = s
                .evidence
                .iter()
                .filter(|e| e.matched_by != "implied")
                .max_by(|a, b| {
                    a.period
                        .is_some()
                        .cmp(&b.period.is_some())
                        .then(
                            a.similarity
                                .unwrap_or(1.0)
                                .total_cmp(&b.similarity.unwrap_or(1.0)),
                        )
                        .then(b.line.cmp(&a.line))
                })
                .or_else(|| s.evidence.first());
            by_skill[id.index()] = Some(Have {
                name: s.skill.clone(),
                months: s.months,
                claimed_months: s.claimed_months,
                last_used: s.last_used.as_deref().and_then(Month::parse_ym),
                matched_by: best.map_or("implied", |e| e.matched_by),
                similarity: best.and_then(|e| e.similarity).unwrap_or(1.0),
                line: best.map(|e| e.line),
                text: best.map(|e| e.text.clone()),
            });
        }
        ResumeSkills {
            as_of: Month::parse_ym(&p.as_of),
            by_skill,
        }
    }

    pub fn get(&self, id: SkillId) -> Option<&Have> {
        self.by_skill.get(id.index()).and_then(Option::as_ref)
    }

    /// Every skill the résumé has (directly or implied).
    pub fn skills(&self) -> impl Iterator<Item = SkillId> + '_ {
        self.by_skill
            .iter()
            .enumerate()
            .filter(|(_, h)| h.is_some())
            .map(|(i, _)| SkillId(i as u32))
    }

    pub fn len(&self) -> usize {
        self.by_skill.iter().filter(|h| h.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One scored requirement (an any-of group is one unit, shown by its best member).
#[derive(Debug, Clone, Serialize)]
pub struct RequirementFit {
    pub skill: String,
    pub level: Level,
    pub min_years: Option<f64>,
    pub group: Option<u32>,
    /// The other members of an any-of group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// How the résumé matched it: `exact`, `alias`, `fuzzy`, `implied`, or `missing`.
    pub matched_by: &'static str,
    pub similarity: f64,
    pub months_have: Option<u32>,
    /// 0..=1.
    pub earned: f64,
    /// Share of the score this requirement contributed (the points add up to the score).
    pub points: f64,
    /// Points it could contribute.
    pub max_points: f64,
    pub is_met: bool,
    pub resume_line: Option<usize>,
    /// Evidence texts; dropped by [`Fit::compact`] in batch runs to keep memory per posting
    /// small (the report re-scores its top postings to explain them).
    pub resume_text: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub posting_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub path: String,
    pub title: String,
    pub company: Option<String>,
    /// `None` when the posting names no required or preferred skill.
    pub score: Option<f64>,
    pub required_met: usize,
    pub required_total: usize,
    pub preferred_met: usize,
    pub preferred_total: usize,
    pub missing_required: Vec<String>,
    /// Points from required and from preferred requirements (they add up to the score).
    pub required_points: f64,
    pub preferred_points: f64,
    /// Empty in batch runs once the rows have been streamed to the report (see `rank`).
    pub requirements: Vec<RequirementFit>,
    /// The posting's warnings (`path:line: …`), e.g. front matter that was ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Earned fraction for having `have` against `min_years`.
fn earn(
    have: &Have,
    min_years: Option<f64>,
    posting_similarity: f64,
    s: &Scoring,
    as_of: Option<Month>,
) -> (f64, bool) {
    let similarity = have.similarity * posting_similarity;
    let years_factor = match min_years {
        None => 1.0,
        Some(y) if y <= 0.0 => 1.0,
        Some(y) => match have.months.or(have.claimed_months) {
            Some(m) => (f64::from(m) / (12.0 * y)).min(1.0),
            None => s.undated_credit,
        },
    };
    let recency = match (s.recency_half_life_years, have.last_used, as_of) {
        (h, Some(last), Some(now)) if h > 0.0 => {
            let years = f64::from((now.index() - last.index()).max(0)) / 12.0;
            0.5f64.powf(years / h)
        }
        _ => 1.0,
    };
    (similarity * years_factor * recency, years_factor >= 1.0)
}

/// A member of a requirement unit, reduced to what scoring needs.
#[derive(Debug, Clone)]
struct Member {
    skill: SkillId,
    min_years: Option<f64>,
    similarity: f64,
    /// Index into the posting's requirements.
    index: usize,
}

#[derive(Debug, Clone)]
struct Unit {
    level: Level,
    members: Vec<Member>,
}

/// A posting reduced once to its scoring units (standalone requirements, one unit per any-of
/// group). Both [`score`] and [`score_value`] go through it, so a batch or matrix run gives the
/// same numbers as `skillfit score`.
#[derive(Debug, Clone)]
pub struct Compact {
    units: Vec<Unit>,
    n_req: usize,
    n_pref: usize,
}

impl Compact {
    pub fn new(posting: &Posting) -> Self {
        let mut units: Vec<Unit> = Vec::new();
        let mut group_index: HashMap<u32, usize> = HashMap::new();
        for (index, r) in posting.requirements.iter().enumerate() {
            // Stack and mentioned skills are context, not asks; an unlabelled posting's
            // skills are scored as its requirements.
            let Some(level) = r.level.scored_as() else {
                continue;
            };
            let m = Member {
                skill: r.skill_id,
                min_years: r.min_years,
                similarity: r.similarity,
                index,
            };
            let slot = match r.group {
                Some(g) => match group_index.get(&g) {
                    Some(&i) => Some(i),
                    None => {
                        group_index.insert(g, units.len());
                        None
                    }
                },
                None => None,
            };
            match slot {
                Some(i) => {
                    units[i].level = units[i].level.min(level);
                    units[i].members.push(m);
                }
                None => units.push(Unit {
                    level,
                    members: vec![m],
                }),
            }
        }
        let n_req = units.iter().filter(|u| u.level == Level::Required).count();
        let n_pref = units.iter().filter(|u| u.level == Level::Preferred).count();
        Compact {
            units,
            n_req,
            n_pref,
        }
    }

    /// The skills the posting asks for (required or preferred).
    pub fn skills(&self) -> impl Iterator<Item = SkillId> + '_ {
        self.units
            .iter()
            .flat_map(|u| u.members.iter().map(|m| m.skill))
    }

    pub fn is_scorable(&self) -> bool {
        self.n_req + self.n_pref > 0
    }

    fn weights(&self, s: &Scoring) -> (f64, f64) {
        match (self.n_req, self.n_pref) {
            (0, 0) => (0.0, 0.0),
            (_, 0) => (1.0, 0.0),
            (0, _) => (0.0, 1.0),
            _ => {
                let total = s.required_weight + s.preferred_weight;
                if total > 0.0 {
                    (s.required_weight / total, s.preferred_weight / total)
                } else {
                    (0.5, 0.5)
                }
            }
        }
    }

    fn max_points(&self, level: Level, w: (f64, f64)) -> f64 {
        let (weight, n) = match level {
            Level::Required => (w.0, self.n_req),
            _ => (w.1, self.n_pref),
        };
        if n > 0 {
            100.0 * weight / n as f64
        } else {
            0.0
        }
    }
}

/// The best member of `u`: (earned, years met, member, what the résumé has).
fn best_member<'a, 'h>(
    have: &'h ResumeSkills,
    u: &'a Unit,
    s: &Scoring,
) -> Option<(f64, bool, &'a Member, Option<&'h Have>)> {
    let mut best: Option<(f64, bool, &Member, Option<&Have>)> = None;
    for m in &u.members {
        let h = have.get(m.skill);
        let (earned, met) = match h {
            Some(h) => earn(h, m.min_years, m.similarity, s, have.as_of),
            None => (0.0, false),
        };
        if best.as_ref().is_none_or(|b| earned > b.0) {
            best = Some((earned, met, m, h));
        }
    }
    best
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Just the score of a reduced posting (the fast path for batch and matrix runs).
pub fn score_value(have: &ResumeSkills, c: &Compact, s: &Scoring) -> Option<f64> {
    if !c.is_scorable() {
        return None;
    }
    let w = c.weights(s);
    let raw: f64 = c
        .units
        .iter()
        .filter_map(|u| best_member(have, u, s).map(|b| c.max_points(u.level, w) * b.0))
        .sum();
    Some(round1(raw))
}

/// Score one posting, with per-requirement evidence.
pub fn score(have: &ResumeSkills, posting: &Posting, s: &Scoring) -> Fit {
    let c = Compact::new(posting);
    let w = c.weights(s);
    let mut fits = Vec::with_capacity(c.units.len());
    let mut raw = 0.0;
    for u in &c.units {
        let max_points = c.max_points(u.level, w);
        let Some((earned, met, m, h)) = best_member(have, u, s) else {
            continue;
        };
        raw += max_points * earned;
        let r = &posting.requirements[m.index];
        let alternatives = u
            .members
            .iter()
            .filter(|x| x.skill != m.skill)
            .map(|x| posting.requirements[x.index].skill.clone())
            .collect();
        fits.push(RequirementFit {
            skill: r.skill.clone(),
            level: u.level,
            min_years: u
                .members
                .iter()
                .filter_map(|x| x.min_years)
                .reduce(f64::max),
            group: r.group,
            alternatives,
            matched_by: h.map_or("missing", |h| h.matched_by),
            similarity: round2(h.map_or(0.0, |h| h.similarity * r.similarity)),
            months_have: h.and_then(|h| h.months),
            earned: round2(earned),
            points: round2(max_points * earned),
            max_points: round2(max_points),
            is_met: h.is_some() && met,
            resume_line: h.and_then(|h| h.line),
            resume_text: h.and_then(|h| h.text.clone()),
            posting_text: r.text.clone(),
        });
    }
    let score = c.is_scorable().then(|| round1(raw));
    let count = |level: Level, met: bool| {
        fits.iter()
            .filter(|f| f.level == level && (!met || f.is_met))
            .count()
    };
    let points_of = |level: Level| {
        round2(
            fits.iter()
                .filter(|f| f.level == level)
                .map(|f| f.max_points * f.earned)
                .sum(),
        )
    };
    let (required_points, preferred_points) =
        (points_of(Level::Required), points_of(Level::Preferred));
    Fit {
        path: posting.path.clone(),
        title: posting.title.clone(),
        company: posting.company.clone(),
        score,
        required_points,
        preferred_points,
        required_met: count(Level::Required, true),
        required_total: count(Level::Required, false),
        preferred_met: count(Level::Preferred, true),
        preferred_total: count(Level::Preferred, false),
        missing_required: fits
            .iter()
            .filter(|f| f.level == Level::Required && f.matched_by == "missing")
            .map(|f| {
                if f.alternatives.is_empty() {
                    f.skill.clone()
                } else {
                    format!("{} (or {})", f.skill, f.alternatives.join(", "))
                }
            })
            .collect(),
        requirements: fits,
        warnings: posting.warnings.clone(),
    }
}

impl Fit {
    /// Drop the per-requirement rows (after they were written out); ranking data stays.
    pub fn strip(&mut self) {
        self.requirements = Vec::new();
    }

    /// Drop the evidence texts (kept: everything that goes into CSV/Parquet and the ranking).
    pub fn compact(&mut self) {
        for r in &mut self.requirements {
            r.resume_text = None;
            r.posting_text = String::new();
        }
        self.requirements.shrink_to_fit();
    }
}

/// Sort fits: scored ones by score (highest first), then by path; unscored last.
pub fn rank(fits: &mut [Fit]) {
    fits.sort_by(rank_order);
}

/// The order of [`rank`] (`Less`: `a` comes first).
pub fn rank_order(a: &Fit, b: &Fit) -> std::cmp::Ordering {
    match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.path.cmp(&b.path)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.path.cmp(&b.path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::parse_posting;

    fn setup(resume: &str, posting: &str) -> Fit {
        let tax = Taxonomy::builtin().unwrap();
        let r = crate::resume::parse_resume(resume, &tax);
        let p = crate::resume::tenure::build_profile(&r, &tax, Month::new(2026, 11).unwrap(), "r");
        let have = ResumeSkills::from_profile(&p, &tax);
        let posting = parse_posting(posting, "md", "p.md", &tax).unwrap();
        score(&have, &posting, &Scoring::default())
    }

    const RESUME: &str = "## スキル\n\nPython | Redis |\n\n## 職歴\n### 株式会社A (2020年01月 〜 2022年12月)\n- Go と EKS で開発\n";

    #[test]
    fn points_add_up_and_years_scale() {
        let f = setup(
            RESUME,
            "## 必須\n- Go 3年以上\n- Kubernetes 6年以上\n- Rust\n## 歓迎\n- Python 2年以上\n",
        );
        // Go 36/36 → 1; Kubernetes (implied by EKS) 36/72 → 0.5; Rust 0; Python listed, no dates → 0.5.
        let get = |n: &str| f.requirements.iter().find(|r| r.skill == n).unwrap();
        assert_eq!(get("Go").earned, 1.0);
        assert_eq!(get("Kubernetes").earned, 0.5);
        assert_eq!(get("Kubernetes").matched_by, "implied");
        assert_eq!(get("Rust").matched_by, "missing");
        assert_eq!(get("Python").earned, 0.5);
        let expected = 70.0 * (1.0 + 0.5 + 0.0) / 3.0 + 30.0 * 0.5;
        assert!((f.score.unwrap() - expected).abs() < 0.06, "{:?}", f.score);
        let sum: f64 = f.requirements.iter().map(|r| r.points).sum();
        assert!((sum - f.score.unwrap()).abs() < 0.1);
        assert_eq!(f.missing_required, vec!["Rust"]);
        assert_eq!((f.required_met, f.required_total), (1, 3));
    }

    #[test]
    fn any_of_group_counts_once_by_its_best_member() {
        let f = setup(RESUME, "## 必須\n- Java または Go\n");
        assert_eq!(f.requirements.len(), 1);
        assert_eq!(f.requirements[0].skill, "Go");
        assert_eq!(f.score, Some(100.0));
    }

    #[test]
    fn no_requirements_is_not_scored() {
        let f = setup(RESUME, "# Blog\n\nWe love Go.\n");
        assert_eq!(f.score, None);
    }
}

//! Scoring: a profile × a posting → [`Fit`], with per-requirement evidence.
//!
//! Takes the résumé's skills ([`ResumeSkills`], built once per run from the profile) and one
//! [`Posting`]; gives a score in 0..=100 whose points add up part by part (README "How the
//! score works", weights in [`Scoring`]):
//!
//! - **coverage** (the score before issue 9, kept as [`Fit::coverage`]):
//!   `100 × (w_req × required_coverage + w_pref × preferred_coverage)`; each requirement (an
//!   any-of group counts once, by its best member) earns
//!   `similarity × min(1, months_have / (12 × min_years))` (× recency decay when configured);
//!   a skill listed without dated months earns `undated_credit` when years are asked. With no
//!   preferred requirements all weight goes to required ones (and vice versa).
//! - **relevance**: how much of the person's core the posting uses, at any level (stack and
//!   prose too): `min(1, Σ strength × level_weight / core)`, where a skill's strength grows
//!   with its months and fades with the years since its last use, and `core` is the summed
//!   strength of the person's `core_size` strongest skills.
//! - **confidence** `n / (n + confidence_units)` over the posting's n asks: the fit is
//!   `confidence × (coverage and relevance, weighted) + (1 − confidence) × neutral_score`, so a
//!   posting with three generic asks cannot reach 100.
//!
//! A posting with no required or preferred skill is not scored: `score` is `None`.

mod gaps;
mod scoring;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

pub use gaps::{gaps, Gap, GapAcc, GapStatus};
pub use scoring::Scoring;

use crate::num::{round1, round2};
use crate::period::Month;
use crate::posting::{Level, Posting};
use crate::profile::Profile;
use crate::taxonomy::{MatchKind, SkillId, Taxonomy};

/// What the résumé has of one skill.
#[derive(Debug, Clone)]
pub struct Have {
    pub name: String,
    pub months: Option<u32>,
    pub claimed_months: Option<u32>,
    pub last_used: Option<Month>,
    /// `Exact`, `Alias`, `Fuzzy` (mentioned) or `Implied` (only through a narrower skill).
    pub matched_by: MatchKind,
    pub similarity: f64,
    pub line: Option<usize>,
    pub text: Option<String>,
    /// Whether the skill can be part of the person's core (relevance): not for collaboration
    /// tools (Slack, Jira, Notion), which say nothing about the work.
    pub core: bool,
}

/// Taxonomy categories that never make a core skill.
const NOT_CORE: &[&str] = &["collaboration"];

/// The résumé side, indexed by skill.
#[derive(Debug, Clone, Default)]
pub struct ResumeSkills {
    pub as_of: Option<Month>,
    /// Indexed by skill id: a dense table, because scoring looks skills up in its inner loop
    /// (matrix mode does it ~10⁸ times).
    by_skill: Vec<Option<Have>>,
    /// Listed terms the taxonomy does not know, by [`SkillId::term`] of their normalised
    /// name: a posting that lists the same unknown name asks for them.
    terms: HashMap<SkillId, Have>,
    /// The skills present in `by_skill`, in id order, then the terms.
    owned: Vec<SkillId>,
    /// The summed strength of the core, for the settings it was computed with (computed once
    /// per run: every posting divides by it).
    core_cache: OnceLock<(CoreKey, f64)>,
}

/// The settings the core depends on, as bits (exact comparison).
type CoreKey = [u64; 4];

fn core_key(s: &Scoring) -> CoreKey {
    [
        s.core_size.to_bits(),
        s.core_full_years.to_bits(),
        s.core_half_life_years.to_bits(),
        s.core_undated_strength.to_bits(),
    ]
}

impl ResumeSkills {
    pub fn from_profile(p: &Profile, tax: &Taxonomy) -> Self {
        let mut by_skill: Vec<Option<Have>> = vec![None; tax.len()];
        let mut terms: HashMap<SkillId, Have> = HashMap::new();
        for s in &p.skills {
            if !s.known {
                // Not part of the core (nothing says how long or how central), but met where
                // a posting asks for the same name.
                let key = crate::taxonomy::normalize_key(&s.skill);
                terms.entry(SkillId::term(&key)).or_insert_with(|| Have {
                    name: s.skill.clone(),
                    months: s.months,
                    claimed_months: s.claimed_months,
                    last_used: s.last_used,
                    matched_by: MatchKind::Unknown,
                    similarity: 1.0,
                    line: s.evidence.first().map(|e| e.line),
                    text: s.evidence.first().map(|e| e.text.clone()),
                    core: false,
                });
                continue;
            }
            let Some(id) = tax.by_id(&s.id) else { continue };
            // The best direct evidence: dated over undated, exact/alias over fuzzy, earliest
            // line; else the first implied one.
            let best = s
                .evidence
                .iter()
                .filter(|e| e.matched_by != MatchKind::Implied)
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
                last_used: s.last_used,
                matched_by: best.map_or(MatchKind::Implied, |e| e.matched_by),
                similarity: best.and_then(|e| e.similarity).unwrap_or(1.0),
                line: best.map(|e| e.line),
                text: best.map(|e| e.text.clone()),
                core: !NOT_CORE.contains(&s.category.as_str()),
            });
        }
        let mut owned: Vec<SkillId> = by_skill
            .iter()
            .enumerate()
            .filter(|(_, h)| h.is_some())
            .map(|(i, _)| SkillId(i as u32))
            .collect();
        let mut term_ids: Vec<SkillId> = terms.keys().copied().collect();
        term_ids.sort();
        owned.extend(term_ids);
        ResumeSkills {
            as_of: Some(p.as_of),
            by_skill,
            terms,
            owned,
            core_cache: OnceLock::new(),
        }
    }

    /// How strongly `have` belongs to the person's core (0..=1): `similarity ×
    /// min(1, months / (12 × core_full_years))` (`core_undated_strength` without dated months),
    /// halved every `core_half_life_years` since it was last used; 0 for a collaboration tool.
    pub fn strength(&self, have: &Have, s: &Scoring) -> f64 {
        if !have.core {
            return 0.0;
        }
        let depth = match have.months.or(have.claimed_months) {
            Some(m) if s.core_full_years > 0.0 => {
                (f64::from(m) / (12.0 * s.core_full_years)).min(1.0)
            }
            Some(_) => 1.0,
            None => s.core_undated_strength,
        };
        have.similarity * depth * recency(have.last_used, s.core_half_life_years, self.as_of)
    }

    /// The person's core: the summed strength of their `core_size` strongest skills.
    pub fn core(&self, s: &Scoring) -> f64 {
        let key = core_key(s);
        if let Some((k, v)) = self.core_cache.get() {
            if *k == key {
                return *v;
            }
        }
        let mut strengths: Vec<f64> = self
            .owned
            .iter()
            .filter_map(|&id| self.get(id).map(|h| self.strength(h, s)))
            .collect();
        strengths.sort_by(|a, b| b.total_cmp(a));
        // core_size is validated as a whole number ≥ 1; the cast saturates.
        let v: f64 = strengths.iter().take(s.core_size.max(1.0) as usize).sum();
        // The first settings seen are cached; others are computed each time.
        let _ = self.core_cache.set((key, v));
        v
    }

    pub fn get(&self, id: SkillId) -> Option<&Have> {
        if id.is_term() {
            return self.terms.get(&id);
        }
        self.by_skill.get(id.index()).and_then(Option::as_ref)
    }

    /// Every skill the résumé has (directly or implied).
    pub fn skills(&self) -> impl Iterator<Item = SkillId> + '_ {
        self.owned.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.owned.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What scoring reads of one skill the résumé has, with its recency and its core strength
/// worked out once for a run's settings.
#[derive(Debug, Clone, Copy)]
struct Quick {
    similarity: f64,
    months: Option<u32>,
    recency: f64,
    strength: f64,
}

/// A résumé ready to be scored against many postings with one [`Scoring`] (matrix mode scores
/// each résumé ~10⁵ times): a small table per skill it has, instead of its evidence records,
/// and no powers in the inner loop. [`score_prepared`] gives the same numbers as [`score`].
pub struct Prepared {
    /// Every skill the résumé has, as [`ResumeSkills::skills`].
    owned: Vec<SkillId>,
    /// Skill index → 1 + its place in `quick`, 0 when the résumé does not have it.
    slot: Vec<u32>,
    quick: Vec<Quick>,
    terms: HashMap<SkillId, Quick>,
    core: f64,
}

impl ResumeSkills {
    pub fn prepare(&self, s: &Scoring) -> Prepared {
        let quick_of = |h: &Have| Quick {
            similarity: h.similarity,
            months: h.months.or(h.claimed_months),
            recency: recency(h.last_used, s.recency_half_life_years, self.as_of),
            strength: self.strength(h, s),
        };
        let mut slot = vec![0u32; self.by_skill.len()];
        let mut quick = Vec::new();
        for (i, h) in self.by_skill.iter().enumerate() {
            if let Some(h) = h {
                quick.push(quick_of(h));
                slot[i] = quick.len() as u32;
            }
        }
        Prepared {
            owned: self.owned.clone(),
            slot,
            quick,
            terms: self.terms.iter().map(|(k, h)| (*k, quick_of(h))).collect(),
            core: self.core(s),
        }
    }
}

impl Prepared {
    /// Every skill the résumé has (directly or implied).
    pub fn skills(&self) -> impl Iterator<Item = SkillId> + '_ {
        self.owned.iter().copied()
    }

    fn get(&self, id: SkillId) -> Option<&Quick> {
        if id.is_term() {
            return self.terms.get(&id);
        }
        match self.slot.get(id.index()) {
            Some(&n) if n > 0 => self.quick.get(n as usize - 1),
            _ => None,
        }
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
    pub matched_by: MatchKind,
    #[serde(serialize_with = "crate::num::r2")]
    pub similarity: f64,
    pub months_have: Option<u32>,
    /// 0..=1.
    #[serde(serialize_with = "crate::num::r2")]
    pub earned: f64,
    /// Coverage points this requirement contributed (they add up to `coverage`; its share of
    /// the score is `parts.coverage / coverage` of them).
    #[serde(serialize_with = "crate::num::r2")]
    pub points: f64,
    /// Points it could contribute.
    #[serde(serialize_with = "crate::num::r2")]
    pub max_points: f64,
    pub is_met: bool,
    pub resume_line: Option<usize>,
    /// Evidence texts; dropped by [`Fit::compact`] in batch runs to keep memory per posting
    /// small (the report re-scores its top postings to explain them).
    pub resume_text: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub posting_text: String,
}

/// One skill of the person's that the posting uses (the relevance side of the fit).
#[derive(Debug, Clone, Serialize)]
pub struct CoreUse {
    pub skill: String,
    /// The level the posting names it at.
    pub level: Level,
    /// How strongly the skill belongs to the person's core (0..1).
    #[serde(serialize_with = "crate::num::r2")]
    pub strength: f64,
    /// The level's weight (1 for required and unlabelled skills).
    #[serde(serialize_with = "crate::num::r2")]
    pub level_weight: f64,
    /// Points of the fit it contributed (they add up to `parts.relevance`).
    #[serde(serialize_with = "crate::num::r2")]
    pub points: f64,
}

/// The fit, part by part: the three add up to the score.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Parts {
    /// `confidence × coverage share × coverage`.
    #[serde(serialize_with = "crate::num::r2")]
    pub coverage: f64,
    /// `confidence × relevance share × relevance`.
    #[serde(serialize_with = "crate::num::r2")]
    pub relevance: f64,
    /// `(1 − confidence) × neutral_score`.
    #[serde(serialize_with = "crate::num::r2")]
    pub prior: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub path: String,
    pub title: String,
    pub company: Option<String>,
    /// The fit (0..100): coverage and relevance, pulled toward a neutral prior when the posting
    /// asks for little. `None` when the posting names no required or preferred skill.
    /// Exact; writers round it ([`crate::num`]) and ranking uses [`Fit::shown_score`].
    #[serde(serialize_with = "crate::num::r1_opt")]
    pub score: Option<f64>,
    /// How much of the posting the person meets (0..100): the score before issue 9; the
    /// requirement `points` add up to it.
    #[serde(serialize_with = "crate::num::r1_opt")]
    pub coverage: Option<f64>,
    /// How much of the person's core the posting uses (0..100).
    #[serde(serialize_with = "crate::num::r1_opt")]
    pub relevance: Option<f64>,
    /// How much the posting's asks say (0..1): `n / (n + confidence_units)`.
    #[serde(serialize_with = "crate::num::r2_opt")]
    pub confidence: Option<f64>,
    /// The score, part by part.
    pub parts: Option<Parts>,
    /// The person's skills the posting uses, strongest contribution first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub core_used: Vec<CoreUse>,
    /// Fit points per coverage point (`confidence × coverage share`): what a requirement's
    /// missing coverage points are worth in the score (gaps use it).
    #[serde(skip)]
    pub coverage_factor: f64,
    pub required_met: usize,
    pub required_total: usize,
    pub preferred_met: usize,
    pub preferred_total: usize,
    pub missing_required: Vec<String>,
    /// Coverage points from required and from preferred requirements (they add up to
    /// `coverage`).
    #[serde(serialize_with = "crate::num::r2")]
    pub required_points: f64,
    #[serde(serialize_with = "crate::num::r2")]
    pub preferred_points: f64,
    /// Empty in batch runs once the rows have been streamed to the report (see `rank`).
    pub requirements: Vec<RequirementFit>,
    /// The posting's warnings (`path:line: …`), e.g. front matter that was ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Earned fraction for having `have` against `min_years`.
fn earn(
    have: &Have,
    min_years: Option<f64>,
    posting_similarity: f64,
    s: &Scoring,
    as_of: Option<Month>,
) -> (f64, bool) {
    earn_with(
        have.similarity,
        have.months.or(have.claimed_months),
        recency(have.last_used, s.recency_half_life_years, as_of),
        min_years,
        posting_similarity,
        s,
    )
}

/// `0.5^(years since last used / half life)`, 1 without a date or a half life.
fn recency(last_used: Option<Month>, half_life_years: f64, as_of: Option<Month>) -> f64 {
    match (half_life_years, last_used, as_of) {
        (h, Some(last), Some(now)) if h > 0.0 => {
            let years = f64::from((now.index() - last.index()).max(0)) / 12.0;
            0.5f64.powf(years / h)
        }
        _ => 1.0,
    }
}

/// [`earn`] from what it reads of the skill the résumé has (its recency worked out).
fn earn_with(
    have_similarity: f64,
    months: Option<u32>,
    recency: f64,
    min_years: Option<f64>,
    posting_similarity: f64,
    s: &Scoring,
) -> (f64, bool) {
    let similarity = have_similarity * posting_similarity;
    let years_factor = match min_years {
        None => 1.0,
        Some(y) if y <= 0.0 => 1.0,
        Some(y) => match months {
            Some(m) => (f64::from(m) / (12.0 * y)).min(1.0),
            None => s.undated_credit,
        },
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
    /// Every skill the posting names, at any level (for relevance).
    uses: Vec<Use>,
}

/// A skill the posting names, at its strongest level.
#[derive(Debug, Clone)]
struct Use {
    skill: SkillId,
    level: Level,
    similarity: f64,
}

fn level_weight(level: Level, s: &Scoring) -> f64 {
    match level {
        Level::Required | Level::Unspecified => 1.0,
        Level::Preferred => s.relevance_preferred,
        Level::Stack => s.relevance_stack,
        Level::Mentioned => s.relevance_mentioned,
    }
}

impl Compact {
    pub fn new(posting: &Posting) -> Self {
        let mut units: Vec<Unit> = Vec::new();
        let mut group_index: crate::taxonomy::FastMap<u32, usize> = Default::default();
        let mut uses: Vec<Use> = Vec::new();
        for r in &posting.requirements {
            match uses.iter_mut().find(|u| u.skill == r.skill_id) {
                Some(u) => {
                    if r.level < u.level {
                        u.level = r.level;
                    }
                    u.similarity = u.similarity.max(r.similarity);
                }
                None => uses.push(Use {
                    skill: r.skill_id,
                    level: r.level,
                    similarity: r.similarity,
                }),
            }
        }
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
            uses,
        }
    }

    /// `n / (n + confidence_units)` over the posting's asks (1 when `confidence_units` is 0).
    fn confidence(&self, s: &Scoring) -> f64 {
        let n = (self.n_req + self.n_pref) as f64;
        if n + s.confidence_units > 0.0 {
            n / (n + s.confidence_units)
        } else {
            0.0
        }
    }

    /// Relevance (0..=1) and the raw contribution of each used skill (before the cap at 1).
    fn relevance<'a, 'h>(
        &'a self,
        have: &'h ResumeSkills,
        s: &Scoring,
        mut each: impl FnMut(&'a Use, &'h Have, f64, f64),
    ) -> f64 {
        let core = have.core(s);
        if core <= 0.0 {
            return 0.0;
        }
        let mut raw = 0.0;
        for u in &self.uses {
            let Some(h) = have.get(u.skill) else { continue };
            let strength = have.strength(h, s) * u.similarity;
            let c = strength * level_weight(u.level, s);
            if c > 0.0 {
                each(u, h, strength, c / core);
                raw += c;
            }
        }
        (raw / core).min(1.0)
    }

    /// The skills the posting asks for (required or preferred).
    pub fn skills(&self) -> impl Iterator<Item = SkillId> + '_ {
        self.units
            .iter()
            .flat_map(|u| u.members.iter().map(|m| m.skill))
    }

    /// Every skill the posting names, at any level (what relevance looks at): a résumé with
    /// none of them scores [`floor_value`].
    pub fn named(&self) -> impl Iterator<Item = SkillId> + '_ {
        self.uses.iter().map(|u| u.skill)
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

/// The shares of coverage and relevance (adding up to 1).
fn shares(s: &Scoring) -> (f64, f64) {
    let total = s.coverage_weight + s.relevance_weight;
    if total > 0.0 {
        (s.coverage_weight / total, s.relevance_weight / total)
    } else {
        (1.0, 0.0)
    }
}

/// The fit from coverage (0..100), relevance (0..1) and confidence, part by part.
fn combine(coverage: f64, relevance: f64, confidence: f64, s: &Scoring) -> Parts {
    let (wc, wr) = shares(s);
    Parts {
        coverage: confidence * wc * coverage,
        relevance: confidence * wr * 100.0 * relevance,
        prior: (1.0 - confidence) * s.neutral_score,
    }
}

impl Parts {
    fn total(&self) -> f64 {
        self.coverage + self.relevance + self.prior
    }
}

/// Just the score of a reduced posting. Prepares the résumé on every call: to score many
/// postings, prepare it once ([`ResumeSkills::prepare`]) and call [`score_prepared`].
pub fn score_value(have: &ResumeSkills, c: &Compact, s: &Scoring) -> Option<f64> {
    score_prepared(&have.prepare(s), c, s)
}

/// Just the score of a reduced posting for a prepared résumé (the fast path for matrix runs):
/// the arithmetic of [`score`], in the same order.
pub fn score_prepared(p: &Prepared, c: &Compact, s: &Scoring) -> Option<f64> {
    if !c.is_scorable() {
        return None;
    }
    let w = c.weights(s);
    let coverage: f64 = c
        .units
        .iter()
        .filter_map(|u| {
            // As [`best_member`]: the first member with the most earned.
            let mut best: Option<f64> = None;
            for m in &u.members {
                let earned = match p.get(m.skill) {
                    Some(q) => {
                        earn_with(
                            q.similarity,
                            q.months,
                            q.recency,
                            m.min_years,
                            m.similarity,
                            s,
                        )
                        .0
                    }
                    None => 0.0,
                };
                if best.is_none_or(|b| earned > b) {
                    best = Some(earned);
                }
            }
            best.map(|b| c.max_points(u.level, w) * b)
        })
        .sum();
    // As [`Compact::relevance`].
    let relevance = if p.core <= 0.0 {
        0.0
    } else {
        let mut raw = 0.0;
        for u in &c.uses {
            let Some(q) = p.get(u.skill) else { continue };
            let strength = q.strength * u.similarity;
            let contribution = strength * level_weight(u.level, s);
            if contribution > 0.0 {
                raw += contribution;
            }
        }
        (raw / p.core).min(1.0)
    };
    // Rounded as shown: matrix rows rank and tie on the score a reader sees.
    Some(round1(
        combine(coverage, relevance, c.confidence(s), s).total(),
    ))
}

/// The score of a reduced posting for a résumé that has none of the skills it names: only the
/// prior part, `(1 − confidence) × neutral_score` (what [`score_value`] gives then).
pub fn floor_value(c: &Compact, s: &Scoring) -> Option<f64> {
    c.is_scorable()
        .then(|| round1(combine(0.0, 0.0, c.confidence(s), s).total()))
}

/// Each used skill's points, scaled so they add up to the relevance part (the sum of the
/// shares can pass 1, where relevance is capped); by points as shown, then by name.
fn core_uses(used: &[(&Use, &Have, f64, f64)], relevance_part: f64, s: &Scoring) -> Vec<CoreUse> {
    let share_sum: f64 = used.iter().map(|x| x.3).sum();
    let mut core_used: Vec<CoreUse> = used
        .iter()
        .map(|&(u, h, strength, share)| CoreUse {
            skill: h.name.clone(),
            level: u.level,
            strength,
            level_weight: level_weight(u.level, s),
            points: if share_sum > 0.0 {
                relevance_part * share / share_sum
            } else {
                0.0
            },
        })
        .collect();
    core_used.sort_by(|a, b| {
        round2(b.points)
            .total_cmp(&round2(a.points))
            .then(a.skill.cmp(&b.skill))
    });
    core_used
}

/// The required skills the person lacks (`Go (or Rust)` for an any-of group).
fn missing_required(fits: &[RequirementFit]) -> Vec<String> {
    fits.iter()
        .filter(|f| f.level == Level::Required && f.matched_by == MatchKind::Missing)
        .map(|f| {
            if f.alternatives.is_empty() {
                f.skill.clone()
            } else {
                format!("{} (or {})", f.skill, f.alternatives.join(", "))
            }
        })
        .collect()
}

/// One row per scoring unit (an any-of group is one, by its best member), and the coverage
/// points they add up to.
fn requirement_fits(
    have: &ResumeSkills,
    posting: &Posting,
    c: &Compact,
    s: &Scoring,
) -> (Vec<RequirementFit>, f64) {
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
            matched_by: h.map_or(MatchKind::Missing, |h| h.matched_by),
            similarity: h.map_or(0.0, |h| h.similarity * r.similarity),
            months_have: h.and_then(|h| h.months),
            earned,
            points: max_points * earned,
            max_points,
            is_met: h.is_some() && met,
            resume_line: h.and_then(|h| h.line),
            resume_text: h.and_then(|h| h.text.clone()),
            posting_text: r.text.clone(),
        });
    }
    (fits, raw)
}

/// Score one posting, with per-requirement evidence.
pub fn score(have: &ResumeSkills, posting: &Posting, s: &Scoring) -> Fit {
    let c = Compact::new(posting);
    let (fits, raw) = requirement_fits(have, posting, &c, s);
    let scorable = c.is_scorable();
    let confidence = c.confidence(s);
    let mut used: Vec<(&Use, &Have, f64, f64)> = Vec::new();
    let relevance = c.relevance(have, s, |u, h, strength, share| {
        used.push((u, h, strength, share))
    });
    let parts = combine(raw, relevance, confidence, s);
    let score = scorable.then(|| parts.total());
    let core_used = if scorable {
        core_uses(&used, parts.relevance, s)
    } else {
        Vec::new()
    };
    let count = |level: Level, met: bool| {
        fits.iter()
            .filter(|f| f.level == level && (!met || f.is_met))
            .count()
    };
    let points_of = |level: Level| {
        fits.iter()
            .filter(|f| f.level == level)
            .map(|f| f.points)
            .sum()
    };
    let (required_points, preferred_points) =
        (points_of(Level::Required), points_of(Level::Preferred));
    Fit {
        path: posting.path.clone(),
        title: posting.title.clone(),
        company: posting.company.clone(),
        score,
        coverage: scorable.then_some(raw),
        relevance: scorable.then_some(100.0 * relevance),
        confidence: scorable.then_some(confidence),
        parts: scorable.then_some(parts),
        core_used,
        coverage_factor: if scorable {
            confidence * shares(s).0
        } else {
            0.0
        },
        required_points,
        preferred_points,
        required_met: count(Level::Required, true),
        required_total: count(Level::Required, false),
        preferred_met: count(Level::Preferred, true),
        preferred_total: count(Level::Preferred, false),
        missing_required: missing_required(&fits),
        requirements: fits,
        warnings: posting.warnings.clone(),
    }
}

impl Fit {
    /// The score as every output shows it (one decimal): what ranking and `--min-score`
    /// compare, so two postings shown with the same score are ordered by path.
    pub fn shown_score(&self) -> Option<f64> {
        self.score.map(round1)
    }

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
    match (a.shown_score(), b.shown_score()) {
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
        assert_eq!(get("Kubernetes").matched_by, MatchKind::Implied);
        assert_eq!(get("Rust").matched_by, MatchKind::Missing);
        assert_eq!(get("Python").earned, 0.5);
        let expected = 70.0 * (1.0 + 0.5 + 0.0) / 3.0 + 30.0 * 0.5;
        assert!(
            (f.coverage.unwrap() - expected).abs() < 0.06,
            "{:?}",
            f.coverage
        );
        let sum: f64 = f.requirements.iter().map(|r| r.points).sum();
        assert!((sum - f.coverage.unwrap()).abs() < 0.1);
        assert_eq!(f.missing_required, vec!["Rust"]);
        assert_eq!((f.required_met, f.required_total), (1, 3));
    }

    #[test]
    fn any_of_group_counts_once_by_its_best_member() {
        let f = setup(RESUME, "## 必須\n- Java または Go\n");
        assert_eq!(f.requirements.len(), 1);
        assert_eq!(f.requirements[0].skill, "Go");
        assert_eq!(f.coverage, Some(100.0));
    }

    fn setup_with(resume: &str, posting: &str, s: &Scoring) -> Fit {
        let tax = Taxonomy::builtin().unwrap();
        let r = crate::resume::parse_resume(resume, &tax);
        let p = crate::resume::tenure::build_profile(&r, &tax, Month::new(2026, 11).unwrap(), "r");
        let have = ResumeSkills::from_profile(&p, &tax);
        let posting = parse_posting(posting, "md", "p.md", &tax).unwrap();
        let fit = score(&have, &posting, s);
        // The fast path gives the same number.
        assert_eq!(
            score_value(&have, &Compact::new(&posting), s),
            fit.shown_score()
        );
        fit
    }

    const SRE: &str = "## 職歴\n### 株式会社A (2019年01月 〜 2026年10月)\n- Go、Terraform、EKS、Datadog、PostgreSQL で SRE 業務\n### 株式会社B (2012年01月 〜 2012年06月)\n- React で画面開発\n";

    #[test]
    fn parts_add_up_to_the_score_and_core_points_to_relevance() {
        let f = setup_with(
            SRE,
            "## 必須\n- Go\n- Terraform\n- Kafka\n## 歓迎\n- Datadog\n## 開発環境\n- PostgreSQL, EKS\n",
            &Scoring::default(),
        );
        let p = f.parts.unwrap();
        // Exact inside: the parts add up to the score, the core points to the relevance part.
        assert!((p.coverage + p.relevance + p.prior - f.score.unwrap()).abs() < 1e-9);
        let core: f64 = f.core_used.iter().map(|u| u.points).sum();
        assert!((core - p.relevance).abs() < 1e-9, "{core} vs {p:?}");
        // Stack skills count for relevance, not for coverage.
        assert!(f
            .core_used
            .iter()
            .any(|u| u.skill == "PostgreSQL" && u.level == Level::Stack));
        assert!(f.requirements.iter().all(|r| r.skill != "PostgreSQL"));
        // 4 asks, confidence_units 2.
        assert!((f.confidence.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn coverage_alone_is_the_old_score() {
        let s = Scoring {
            relevance_weight: 0.0,
            confidence_units: 0.0,
            ..Scoring::default()
        };
        let f = setup_with(SRE, "## 必須\n- Go\n- Kafka\n## 歓迎\n- React\n", &s);
        assert_eq!(f.score, f.coverage);
        assert_eq!(f.coverage, Some(65.0));
    }

    #[test]
    fn few_generic_asks_are_pulled_to_the_prior_and_core_use_wins() {
        let s = Scoring::default();
        // Three asks the person covers, but one is an old side skill: full coverage,
        // little of their core.
        let short = setup_with(SRE, "## 必須\n- React\n- Go\n- PostgreSQL\n", &s);
        assert_eq!(short.coverage, Some(100.0));
        assert!(short.score.unwrap() < 80.0, "{:?}", short.score);
        // Their field, with a gap: lower coverage, higher fit.
        let field = setup_with(
            SRE,
            "## 必須\n- Go\n- Terraform\n- EKS\n- Kafka\n- Datadog\n## 歓迎\n- PostgreSQL\n",
            &s,
        );
        assert!(field.coverage.unwrap() < short.coverage.unwrap());
        assert!(
            field.score.unwrap() > short.score.unwrap(),
            "{:?} vs {:?}",
            field.score,
            short.score
        );
        // An old skill is a weak part of the core.
        let react = short.core_used.iter().find(|u| u.skill == "React").unwrap();
        let go = short.core_used.iter().find(|u| u.skill == "Go").unwrap();
        assert!(
            react.strength < 0.1 && go.strength > 0.95,
            "{react:?} {go:?}"
        );
    }

    #[test]
    fn gaps_of_near_fit_postings_come_before_those_of_far_ones() {
        let s = Scoring::default();
        // A mobile posting the person shares nothing with: its gaps would add many points
        // (one posting, five asks) but it is far from them.
        let mobile = setup_with(
            SRE,
            "## 必須\n- Swift\n- Kotlin\n- Android\n- iOS\n- Flutter\n",
            &s,
        );
        // Two SRE postings that use their core and both ask for Kafka.
        let a = setup_with(
            SRE,
            "## 必須\n- Go\n- Terraform\n- EKS\n- Datadog\n- Kafka\n- Istio\n",
            &s,
        );
        let b = setup_with(
            SRE,
            "## 必須\n- Terraform\n- EKS\n- PostgreSQL\n- Kafka\n## 歓迎\n- Linkerd\n",
            &s,
        );
        let g = gaps(&[mobile, a, b]);
        let pos = |n: &str| g.iter().position(|x| x.skill == n).unwrap();
        let swift = &g[pos("Swift")];
        let kafka = &g[pos("Kafka")];
        // Unweighted, Swift would look as good as Kafka; weighted by closeness it is last.
        assert!(
            swift.score_gain > 0.0 && swift.weighted_gain == 0.0,
            "{swift:?}"
        );
        assert_eq!(pos("Kafka"), 0, "{g:#?}");
        assert!(kafka.weighted_gain > g[pos("Istio")].weighted_gain);
        for far in ["Swift", "Kotlin", "Android", "iOS", "Flutter"] {
            assert!(pos(far) > pos("Linkerd"), "{far} before Linkerd: {g:#?}");
        }
    }

    #[test]
    fn no_requirements_is_not_scored() {
        let f = setup(RESUME, "# Blog\n\nWe love Go.\n");
        assert_eq!(f.score, None);
    }
}

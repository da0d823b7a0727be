//! The scoring weights: what `[scoring]` in `skillfit.toml` sets (README "How the score
//! works"). Owned by the scoring core; the config layer only fills it in.

use serde::Deserialize;

/// Every weight of the score, with the defaults of `skillfit config --default`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scoring {
    pub required_weight: f64,
    pub preferred_weight: f64,
    pub undated_credit: f64,
    pub recency_half_life_years: f64,
    /// Share of coverage and of relevance in the fit (before confidence).
    pub coverage_weight: f64,
    pub relevance_weight: f64,
    /// How many of the person's strongest skills make their core (a whole number ≥ 1).
    pub core_size: f64,
    /// Months of use at which a skill reaches full strength, in years.
    pub core_full_years: f64,
    /// Halve a skill's strength every N years since last use (0 = off).
    pub core_half_life_years: f64,
    /// Strength (0..1) of a skill listed without dated months.
    pub core_undated_strength: f64,
    /// Weight (0..1) of a core skill the posting names as preferred, in its stack, or in prose.
    pub relevance_preferred: f64,
    pub relevance_stack: f64,
    pub relevance_mentioned: f64,
    /// `confidence = n / (n + confidence_units)` over the posting's n asks.
    pub confidence_units: f64,
    /// Where a posting with few asks is pulled (0..100).
    pub neutral_score: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            required_weight: 0.7,
            preferred_weight: 0.3,
            undated_credit: 0.5,
            recency_half_life_years: 0.0,
            coverage_weight: 0.5,
            relevance_weight: 0.5,
            core_size: 10.0,
            core_full_years: 3.0,
            core_half_life_years: 4.0,
            core_undated_strength: 0.25,
            relevance_preferred: 0.75,
            relevance_stack: 0.75,
            relevance_mentioned: 0.25,
            confidence_units: 2.0,
            neutral_score: 30.0,
        }
    }
}

impl Scoring {
    /// Every setting by its key, in the order `skillfit config` prints them.
    pub fn fields(&self) -> [(&'static str, f64); 15] {
        [
            ("required_weight", self.required_weight),
            ("preferred_weight", self.preferred_weight),
            ("undated_credit", self.undated_credit),
            ("recency_half_life_years", self.recency_half_life_years),
            ("coverage_weight", self.coverage_weight),
            ("relevance_weight", self.relevance_weight),
            ("core_size", self.core_size),
            ("core_full_years", self.core_full_years),
            ("core_half_life_years", self.core_half_life_years),
            ("core_undated_strength", self.core_undated_strength),
            ("relevance_preferred", self.relevance_preferred),
            ("relevance_stack", self.relevance_stack),
            ("relevance_mentioned", self.relevance_mentioned),
            ("confidence_units", self.confidence_units),
            ("neutral_score", self.neutral_score),
        ]
    }
}

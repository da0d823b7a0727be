//! The one view of a fit that every writer shows: [`shown`] rounds a fit's exact figures once,
//! the way JSON writes them ([`crate::num`]), so the terminal, Markdown, HTML, CSV/Parquet and
//! the charts all print the same numbers for the same posting.

use crate::matching::{CoreUse, Fit, Parts, RequirementFit};
use crate::num::{round1, round2};

/// `f` with every figure rounded as shown: scores, coverage and relevance to one decimal;
/// points, similarities, confidence and strengths to two.
pub fn shown(f: &Fit) -> Fit {
    Fit {
        score: f.score.map(round1),
        coverage: f.coverage.map(round1),
        relevance: f.relevance.map(round1),
        confidence: f.confidence.map(round2),
        parts: f.parts.map(|p| Parts {
            coverage: round2(p.coverage),
            relevance: round2(p.relevance),
            prior: round2(p.prior),
        }),
        core_used: f
            .core_used
            .iter()
            .map(|u| CoreUse {
                strength: round2(u.strength),
                level_weight: round2(u.level_weight),
                points: round2(u.points),
                ..u.clone()
            })
            .collect(),
        required_points: round2(f.required_points),
        preferred_points: round2(f.preferred_points),
        requirements: f.requirements.iter().map(requirement).collect(),
        ..f.clone()
    }
}

/// One requirement row as shown (two decimals).
pub fn requirement(r: &RequirementFit) -> RequirementFit {
    RequirementFit {
        similarity: round2(r.similarity),
        earned: round2(r.earned),
        points: round2(r.points),
        max_points: round2(r.max_points),
        ..r.clone()
    }
}

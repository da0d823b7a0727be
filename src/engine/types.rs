//! What the engine gives back and the writers read: a leaf module (it imports nothing of
//! skillfit), so reports and frames depend on it without depending on the engine.

use serde::Serialize;

/// A posting that could not be used, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// One row of `matrix`: a résumé's `rank`-th best posting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub resume: String,
    pub rank: u32,
    pub posting: String,
    pub title: String,
    pub company: Option<String>,
    pub score: f64,
}

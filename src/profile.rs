//! The profile: what `skillfit profile` reports, as a plain serialisable model.
//!
//! Takes nothing itself; [`crate::resume::tenure::build_profile`] fills it. Reports, charts and
//! the Polars frames read this model, so no other module depends on résumé internals. The JSON
//! shape is a contract (issue "skillfit profile"): `as_of`, `total_months`, `companies`,
//! `projects`, `skills[{skill, category, listed, months, first_used, last_used, mentions,
//! evidence[{line, text, matched_by}]}]`; fields may be added, never renamed.

use serde::Serialize;

use crate::period::Month;
use crate::taxonomy::MatchKind;

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// The résumé file as given on the command line.
    pub source: String,
    /// The person's name (and role) when the résumé states it ([`crate::resume::person`]).
    /// Only for titles: not part of the JSON, CSV or Parquet output.
    #[serde(skip)]
    pub person: Option<String>,
    pub as_of: Month,
    /// Distinct months in the union of all company periods.
    pub total_months: u32,
    pub companies: Vec<CompanyRecord>,
    pub projects: Vec<ProjectRecord>,
    pub skills: Vec<SkillRecord>,
    /// Entries of skill sections the taxonomy does not know.
    pub unknown_terms: Vec<TermRecord>,
    pub warnings: Vec<WarningRecord>,
}

impl Profile {
    /// The résumé's file name, without its directories: what titles and headers show, so a
    /// report never carries the directory layout of the machine that wrote it.
    pub fn file_name(&self) -> String {
        std::path::Path::new(&self.source)
            .file_name()
            .map_or_else(|| self.source.clone(), |n| n.to_string_lossy().into_owned())
    }

    /// `resume.md — Name — Role`: the file name, and who it is about when the résumé says.
    pub fn title(&self) -> String {
        match &self.person {
            Some(p) => format!("{} — {p}", self.file_name()),
            None => self.file_name(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CompanyRecord {
    pub name: String,
    pub start: Month,
    /// `null` while ongoing.
    pub end: Option<Month>,
    pub months: u32,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectRecord {
    pub company: String,
    pub title: String,
    pub start: Month,
    pub end: Option<Month>,
    pub months: u32,
    pub skills: Vec<String>,
    pub tags: Vec<String>,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillRecord {
    /// The taxonomy's display name.
    pub skill: String,
    pub id: String,
    /// The taxonomy category; empty (written as `null`) for a term the taxonomy does not know.
    #[serde(serialize_with = "empty_as_null")]
    pub category: String,
    /// Whether the taxonomy knows the skill; `false` for a listed term it does not know.
    pub known: bool,
    pub listed: bool,
    /// `null` when there is no dated evidence (not zero experience).
    pub months: Option<u32>,
    pub first_used: Option<Month>,
    pub last_used: Option<Month>,
    /// Direct mentions in the document (implied ones are not counted).
    pub mentions: u32,
    /// What the person wrote themselves (`Go: 3年`), in months.
    pub claimed_months: Option<u32>,
    /// Runs of consecutive months of use, for timelines.
    pub intervals: Vec<Interval>,
    /// Companies where the skill was used.
    pub companies: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub start: Month,
    pub end: Month,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub line: usize,
    pub text: String,
    /// `exact`, `alias`, `fuzzy`, `implied` or `unknown` (written in lower case).
    pub matched_by: MatchKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// For `implied`: the skill that was mentioned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The period the mention counts for (`null` when undated).
    pub period: Option<Interval>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermRecord {
    pub term: String,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct WarningRecord {
    pub line: Option<usize>,
    pub message: String,
}

fn empty_as_null<S: serde::Serializer>(s: &str, ser: S) -> Result<S::Ok, S::Error> {
    if s.is_empty() {
        ser.serialize_none()
    } else {
        ser.serialize_str(s)
    }
}

//! Output formats for the profile: one enum, one emitter trait, one file per format.
//!
//! Takes a [`Profile`]; writes it to an injected writer. Guarantees: library code never prints;
//! table output fits 100 columns; CSV and Parquet go through [`crate::frame`].

pub mod charts;
mod csv;
pub(crate) mod folder;
pub(crate) mod html;
mod json;
pub(crate) mod json_resume;
pub(crate) mod markdown;
mod parquet;
pub(crate) mod posting;
pub(crate) mod rank;
mod table;
pub(crate) mod taxonomy;
pub(crate) mod view;

pub use table::fit as fit_width;

/// What a report shows of a ranking: the best fits (best first; a batch keeps the best
/// [`crate::engine::ranked::TOP`]) and how many postings there were in all.
#[derive(Debug, Clone, Copy)]
pub struct Ranking<'a> {
    pub top: &'a [crate::matching::Fit],
    pub total: usize,
    pub scored: usize,
}

impl<'a> Ranking<'a> {
    /// Every fit of `fits` (already ranked).
    pub fn of(fits: &'a [crate::matching::Fit]) -> Self {
        Ranking {
            top: fits,
            total: fits.len(),
            scored: fits.iter().filter(|f| f.score.is_some()).count(),
        }
    }
}

use std::io::Write;

use crate::profile::Profile;

/// The formats of `skillfit profile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileFormat {
    Table,
    Json,
    Csv,
    Parquet,
    /// A JSON Resume document (jsonresume.org) with months per skill in `x-skillfit`.
    JsonResume,
}

/// Writes a profile in one format.
pub trait ProfileEmitter {
    fn emit(&self, profile: &Profile, w: &mut dyn Write) -> anyhow::Result<()>;
}

/// The emitter for `format`.
pub fn profile_emitter(format: ProfileFormat) -> Box<dyn ProfileEmitter> {
    match format {
        ProfileFormat::Table => Box::new(table::Table),
        ProfileFormat::Json => Box::new(json::Json),
        ProfileFormat::Csv => Box::new(csv::Csv),
        ProfileFormat::Parquet => Box::new(parquet::Parquet),
        ProfileFormat::JsonResume => Box::new(json_resume::JsonResume),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::matching::{self, Fit, ResumeSkills};
    use crate::num::fmt1;
    use crate::period::Month;
    use crate::taxonomy::Taxonomy;

    /// The bundled sample (the résumé and `jobs/` of `reports/sample`), scored and ranked.
    fn sample() -> (crate::profile::Profile, Vec<Fit>) {
        let tax = Taxonomy::builtin().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let resume = root.join("tests/fixtures/resumes/ja_sre.md");
        let profile = crate::profile_resume(&resume, &tax, Month::new(2026, 11).unwrap()).unwrap();
        let have = ResumeSkills::from_profile(&profile, &tax);
        let s = matching::Scoring::default();
        let mut fits: Vec<Fit> = std::fs::read_dir(root.join("jobs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter_map(|p| crate::posting::load_posting(&p, &tax).ok())
            .map(|p| matching::score(&have, &p, &s))
            .collect();
        matching::rank(&mut fits);
        (profile, fits)
    }

    /// The figure each output prints for `fits[i]`'s score.
    fn assert_agree(profile: &crate::profile::Profile, fits: &[Fit]) {
        let ranking = super::Ranking::of(fits);
        let mut table = Vec::new();
        let mut t = super::rank::RankTable::new(crate::style::Paint::OFF, &mut table).unwrap();
        for f in fits {
            t.row(f).unwrap();
        }
        t.finish(&[]).unwrap();
        let table = String::from_utf8(table).unwrap();
        let mut csv = Vec::new();
        crate::frame::write_fits_csv(fits.iter().cloned().map(Ok), &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let md = super::markdown::summary(profile, ranking, &[], &[], &[]);
        let charts = super::html::Charts {
            timeline: None,
            ranking: None,
            gaps: None,
            coverage: None,
        };
        let html = super::html::page(profile, ranking, fits, &[], &[], &charts);
        let bars = super::charts::ranking_data(fits);
        for (i, f) in fits.iter().enumerate().filter(|(_, f)| f.score.is_some()) {
            let want = fmt1(f.score.unwrap());
            let json = serde_json::to_value(f).unwrap();
            assert_eq!(
                fmt1(json["score"].as_f64().unwrap()),
                want,
                "JSON, {}",
                f.path
            );
            // Rows are numbered from 1 after a header and a rule.
            let line = table.lines().nth(i + 2).unwrap();
            let cells: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(
                cells[..2],
                [(i + 1).to_string().as_str(), want.as_str()],
                "table"
            );
            let row = csv.lines().find(|l| l.starts_with(&f.path)).unwrap();
            assert!(row.contains(&format!(",{want},")), "CSV: {row} vs {want}");
            assert!(
                md.contains(&format!("| {} | {want} |", i + 1)),
                "Markdown, {want}"
            );
            let cell = format!("<td class=\"n\">{want} <span class=\"bar\"");
            assert!(html.contains(&cell), "HTML ranking, {want}");
            assert!(
                html.contains(&format!("<strong>{want}</strong>")),
                "HTML, {want}"
            );
            assert_eq!(fmt1(bars[i].score), want, "ranking chart, {}", f.path);
        }
    }

    #[test]
    fn every_output_shows_the_same_score() {
        let (profile, fits) = sample();
        assert!(fits.iter().filter(|f| f.score.is_some()).count() >= 5);
        assert_agree(&profile, &fits);
    }

    #[test]
    fn scores_on_a_rounding_edge_agree_too() {
        // Exact figures just below and at a half: each output must round them the same way
        // (the parts of the fit, rounded one by one, add up to more than the score).
        let (profile, mut fits) = sample();
        fits.truncate(3);
        for (f, score) in fits.iter_mut().zip([59.849_999_9, 42.25, 0.05]) {
            f.score = Some(score);
            if let Some(p) = &mut f.parts {
                p.coverage = score / 3.0 + 0.004;
                p.relevance = score / 3.0 + 0.004;
                p.prior = score - p.coverage - p.relevance;
            }
        }
        assert_agree(&profile, &fits);
    }
}

//! Ranking agreement with the hand-written pairwise judgments in `tests/ranking/judgments.toml`.
//!
//! Shared by `tests/it/ranking.rs` (which asserts the thresholds) and `examples/ranking.rs` (which
//! prints the agreement): both `#[path]`-include this file, so the number the test checks and
//! the number the example prints come from the same code.
//!
//! Every judged résumé is scored against every posting in `jobs/` and `tests/ranking/postings/`
//! with the default scoring settings (as of 2026-11); a judgment agrees when the `better`
//! posting's score is strictly higher than the `worse` one's (a tie disagrees; an unscored
//! posting is below every scored one).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use skillfit::config::Scoring;
use skillfit::matching::{self, Fit, ResumeSkills};
use skillfit::period::Month;
use skillfit::posting;
use skillfit::taxonomy::Taxonomy;

#[derive(Deserialize)]
pub struct File {
    pub resume: Vec<Resume>,
}

#[derive(Deserialize)]
pub struct Resume {
    pub name: String,
    pub path: String,
    #[serde(default)]
    pub optional: bool,
    /// Postings of `jobs/` outside the person's field (none may be in their top three).
    #[serde(default)]
    pub outside_field: Vec<String>,
    pub judgments: Vec<Judgment>,
}

#[derive(Deserialize)]
pub struct Judgment {
    pub better: String,
    pub worse: String,
    #[serde(default)]
    pub strong: bool,
    pub why: String,
}

/// One résumé's result.
pub struct Outcome {
    pub name: String,
    pub total: usize,
    pub agreed: usize,
    pub strong_total: usize,
    pub strong_agreed: usize,
    /// (judgment, score of better, score of worse) for each disagreement.
    pub misses: Vec<(String, Option<f64>, Option<f64>, bool)>,
    /// Top three of `jobs/` (file names) by the ranking.
    pub top3_jobs: Vec<String>,
    pub outside_in_top3: Vec<String>,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn load() -> Result<File, String> {
    let path = root().join("tests/ranking/judgments.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// File name → path, over `jobs/` and `tests/ranking/postings/`.
pub fn postings() -> Result<BTreeMap<String, PathBuf>, String> {
    let mut out = BTreeMap::new();
    for dir in ["jobs", "tests/ranking/postings"] {
        let entries = std::fs::read_dir(root().join(dir)).map_err(|e| format!("{dir}: {e}"))?;
        for e in entries {
            let p = e.map_err(|e| format!("{dir}: {e}"))?.path();
            if posting::is_posting_file(&p) && p.file_name().is_some_and(|n| n != "README.md") {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if out.insert(name.clone(), p).is_some() {
                    return Err(format!("posting file name {name} is not unique"));
                }
            }
        }
    }
    Ok(out)
}

/// Score `resume` against every posting: file name → fit.
pub fn fits(
    resume: &Path,
    all: &BTreeMap<String, PathBuf>,
    tax: &Taxonomy,
    scoring: &Scoring,
) -> Result<BTreeMap<String, Fit>, String> {
    let as_of = Month::new(2026, 11).ok_or("bad month")?;
    let profile = skillfit::profile_resume(resume, tax, as_of)
        .map_err(|e| format!("{}: {e}", resume.display()))?;
    let have = ResumeSkills::from_profile(&profile, tax);
    let mut out = BTreeMap::new();
    for (name, path) in all {
        let p = posting::load_posting(path, tax).map_err(|e| format!("{name}: {e}"))?;
        out.insert(name.clone(), matching::score(&have, &p, scoring));
    }
    Ok(out)
}

fn above(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x > y,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Measure one résumé (`None` when it is optional and absent).
pub fn measure(
    r: &Resume,
    all: &BTreeMap<String, PathBuf>,
    tax: &Taxonomy,
    scoring: &Scoring,
) -> Result<Option<Outcome>, String> {
    let path = root().join(&r.path);
    if !path.exists() {
        return if r.optional {
            Ok(None)
        } else {
            Err(format!("{}: missing", r.path))
        };
    }
    let fits = fits(&path, all, tax, scoring)?;
    let score_of = |name: &str| -> Result<Option<f64>, String> {
        fits.get(name)
            .map(|f| f.score)
            .ok_or_else(|| format!("{}: unknown posting {name}", r.name))
    };
    let mut o = Outcome {
        name: r.name.clone(),
        total: 0,
        agreed: 0,
        strong_total: 0,
        strong_agreed: 0,
        misses: Vec::new(),
        top3_jobs: Vec::new(),
        outside_in_top3: Vec::new(),
    };
    for j in &r.judgments {
        let (b, w) = (score_of(&j.better)?, score_of(&j.worse)?);
        let ok = above(b, w);
        o.total += 1;
        o.agreed += usize::from(ok);
        if j.strong {
            o.strong_total += 1;
            o.strong_agreed += usize::from(ok);
        }
        if !ok {
            o.misses.push((
                format!("{} > {} ({})", j.better, j.worse, j.why),
                b,
                w,
                j.strong,
            ));
        }
    }
    let jobs_dir = root().join("jobs");
    let mut jobs: Vec<Fit> = fits
        .iter()
        .filter(|(n, _)| all.get(*n).is_some_and(|p| p.starts_with(&jobs_dir)))
        .map(|(_, f)| f.clone())
        .collect();
    matching::rank(&mut jobs);
    o.top3_jobs = jobs
        .iter()
        .take(3)
        .map(|f| {
            Path::new(&f.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    o.outside_in_top3 = o
        .top3_jobs
        .iter()
        .filter(|n| r.outside_field.contains(n))
        .cloned()
        .collect();
    Ok(Some(o))
}

/// A plain-text report of `outcomes`.
pub fn report(outcomes: &[Outcome], verbose: bool) -> String {
    let mut s = String::new();
    let (mut t, mut a, mut st, mut sa) = (0, 0, 0, 0);
    for o in outcomes {
        t += o.total;
        a += o.agreed;
        st += o.strong_total;
        sa += o.strong_agreed;
        s.push_str(&format!(
            "{:<12} {:>3}/{:<3} agree ({:>5.1} %)  strong {:>2}/{:<2}  top 3 of jobs/: {}{}\n",
            o.name,
            o.agreed,
            o.total,
            100.0 * o.agreed as f64 / o.total.max(1) as f64,
            o.strong_agreed,
            o.strong_total,
            o.top3_jobs.join(", "),
            if o.outside_in_top3.is_empty() {
                String::new()
            } else {
                format!("  OUTSIDE FIELD: {}", o.outside_in_top3.join(", "))
            }
        ));
        if verbose {
            for (m, b, w, strong) in &o.misses {
                s.push_str(&format!(
                    "    miss{} {:?} vs {:?}: {m}\n",
                    if *strong { " (strong)" } else { "" },
                    b,
                    w
                ));
            }
        }
    }
    s.push_str(&format!(
        "{:<12} {:>3}/{:<3} agree ({:>5.1} %)  strong {:>2}/{:<2}\n",
        "all",
        a,
        t,
        100.0 * a as f64 / t.max(1) as f64,
        sa,
        st
    ));
    s
}

//! Terminal and stdout output for `rank`, `score --explain` and `gaps`.

use std::io::Write;

use serde::Serialize;

use super::table::fit;
use crate::batch::Skipped;
use crate::matching::{Fit, Gap};
use crate::profile::format_months;

/// `rank --format json`.
#[derive(Serialize)]
pub struct RankJson<'a> {
    pub as_of: &'a str,
    pub resume: &'a str,
    pub postings: &'a [Fit],
    pub skipped: &'a [Skipped],
}

pub fn rank_table(fits: &[&Fit], skipped: &[Skipped], w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        w,
        "{:>3} {:>5}  {} {} {:>5} {:>5}  Missing required",
        "#",
        "Score",
        fit("Title", 34),
        fit("Company", 18),
        "Req",
        "Pref"
    )?;
    writeln!(w, "{}", "─".repeat(99))?;
    for (i, f) in fits.iter().enumerate() {
        let score = f
            .score
            .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1}"));
        let missing = if f.score.is_none() {
            "(no requirements recognised)".to_owned()
        } else {
            f.missing_required.join(", ")
        };
        writeln!(
            w,
            "{:>3} {:>5}  {} {} {:>5} {:>5}  {}",
            i + 1,
            score,
            fit(&f.title, 34),
            fit(f.company.as_deref().unwrap_or(""), 18),
            format!("{}/{}", f.required_met, f.required_total),
            format!("{}/{}", f.preferred_met, f.preferred_total),
            fit(&missing, 22).trim_end()
        )?;
    }
    for s in skipped {
        writeln!(w, "  skipped {}: {}", s.path, s.reason)?;
    }
    Ok(())
}

pub fn explain(f: &Fit, w: &mut dyn Write, detailed: bool) -> std::io::Result<()> {
    writeln!(w, "{}", f.title)?;
    if let Some(c) = &f.company {
        writeln!(w, "{c}")?;
    }
    writeln!(w, "{}", f.path)?;
    match f.score {
        Some(s) => writeln!(
            w,
            "Score {s:.1} / 100 · required {}/{} · preferred {}/{}",
            f.required_met, f.required_total, f.preferred_met, f.preferred_total
        )?,
        None => {
            writeln!(
                w,
                "Not scored: no required or preferred skill was recognised."
            )?;
            return Ok(());
        }
    }
    if !f.missing_required.is_empty() {
        writeln!(w, "Missing required: {}", f.missing_required.join(", "))?;
    }
    if !detailed {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(
        w,
        "{} {} {:>6}  {} {:>7} {:>6} {:>13}",
        fit("Level", 9),
        fit("Skill", 26),
        "Asked",
        fit("Matched by", 10),
        "Have",
        "Earned",
        "Points"
    )?;
    writeln!(w, "{}", "─".repeat(86))?;
    for r in &f.requirements {
        let mut name = r.skill.clone();
        if !r.alternatives.is_empty() {
            name = format!("{name} (or {})", r.alternatives.join(", "));
        }
        let matched = if r.matched_by == "fuzzy" {
            format!("fuzzy {:.2}", r.similarity)
        } else {
            r.matched_by.to_owned()
        };
        writeln!(
            w,
            "{} {} {:>6}  {} {:>7} {:>6.2} {:>6.2} / {:>4.1}",
            fit(r.level.as_str(), 9),
            fit(&name, 26),
            r.min_years
                .map_or_else(|| "–".to_owned(), |y| format!("{y}y")),
            fit(&matched, 10),
            r.months_have.map_or_else(|| "–".to_owned(), format_months),
            r.earned,
            r.points,
            r.max_points
        )?;
        if let (Some(line), Some(text)) = (r.resume_line, &r.resume_text) {
            writeln!(
                w,
                "{:>10} résumé line {line}: {}",
                "",
                fit(text, 60).trim_end()
            )?;
        }
    }
    writeln!(w, "{}", "─".repeat(86))?;
    let total: f64 = f.requirements.iter().map(|r| r.points).sum();
    writeln!(
        w,
        "{:>71} {:>6.2} = score {:.1}",
        "total",
        total,
        f.score.unwrap_or(0.0)
    )?;
    Ok(())
}

pub fn gaps_table(gaps: &[Gap], w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        w,
        "{} {} {:>8} {:>8} {:>7} {:>8} {:>10}",
        fit("Skill", 28),
        fit("Status", 8),
        "Postings",
        "Required",
        "Asked",
        "You have",
        "Would add"
    )?;
    writeln!(w, "{}", "─".repeat(84))?;
    for g in gaps {
        writeln!(
            w,
            "{} {} {:>8} {:>8} {:>7} {:>8} {:>10.1}",
            fit(&g.skill, 28),
            fit(g.status, 8),
            g.postings_asking,
            g.required_in,
            g.max_years_asked
                .map_or_else(|| "–".to_owned(), |y| format!("{y}y")),
            g.months_have.map_or_else(|| "–".to_owned(), format_months),
            g.score_gain
        )?;
    }
    Ok(())
}

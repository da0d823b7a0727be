//! Terminal and stdout output for `rank`, `score --explain` and `gaps`.

use std::io::Write;

use serde::Serialize;

use super::table::fit;
use crate::engine::Skipped;
use crate::matching::{Fit, Gap, GapStatus};
use crate::period::format_months;
use crate::style::Paint;
use crate::taxonomy::MatchKind;

/// What `rank` prints on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Table,
    /// Every fit with its requirement rows.
    Json,
    Csv,
}

/// `rank`'s stdout: the `shown` fits (already filtered, in rank order), streamed as a table
/// or CSV, or collected into one JSON document.
pub fn write_ranking(
    format: Output,
    shown: impl Iterator<Item = std::io::Result<Fit>>,
    profile: &crate::profile::Profile,
    skipped: &[Skipped],
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Output::Table => {
            let mut table = RankTable::new(paint, out)?;
            for f in shown {
                table.row(&f?)?;
            }
            table.finish(skipped)?;
        }
        Output::Json => {
            let postings = shown.collect::<std::io::Result<Vec<_>>>()?;
            let j = RankJson {
                as_of: profile.as_of,
                resume: &profile.source,
                postings: &postings,
                skipped,
            };
            serde_json::to_writer_pretty(&mut *out, &j)?;
            writeln!(out)?;
        }
        Output::Csv => crate::frame::write_fits_csv(shown, out)?,
    }
    Ok(())
}

/// `rank --format json`.
#[derive(Serialize)]
pub struct RankJson<'a> {
    pub as_of: crate::period::Month,
    pub resume: &'a str,
    pub postings: &'a [Fit],
    pub skipped: &'a [Skipped],
}

/// `rank`'s table, written row by row as the ranking streams in.
pub struct RankTable<'w> {
    paint: Paint,
    w: &'w mut dyn Write,
    rows: usize,
}

impl<'w> RankTable<'w> {
    /// Writes the header.
    pub fn new(paint: Paint, w: &'w mut dyn Write) -> std::io::Result<Self> {
        let header = format!(
            "{:>3} {:>5} {:>5}  {} {} {:>5} {:>5}  Missing required",
            "#",
            "Score",
            "Cover",
            fit("Title", 34),
            fit("Company", 18),
            "Req",
            "Pref"
        );
        writeln!(w, "{}", paint.header(&header))?;
        writeln!(w, "{}", "─".repeat(105))?;
        Ok(RankTable { paint, w, rows: 0 })
    }

    pub fn row(&mut self, f: &Fit) -> std::io::Result<()> {
        let f = &super::view::shown(f);
        let paint = self.paint;
        self.rows += 1;
        let score = f
            .score
            .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1}"));
        let coverage = f
            .coverage
            .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1}"));
        let missing = if f.score.is_none() {
            paint.score(None, fit("(no requirements recognised)", 22).trim_end())
        } else {
            paint.missing(fit(&f.missing_required.join(", "), 22).trim_end())
        };
        writeln!(
            self.w,
            "{:>3} {} {:>5}  {} {} {:>5} {:>5}  {}",
            self.rows,
            paint.score(f.score, &format!("{score:>5}")),
            coverage,
            fit(&f.title, 34),
            fit(f.company.as_deref().unwrap_or(""), 18),
            format!("{}/{}", f.required_met, f.required_total),
            format!("{}/{}", f.preferred_met, f.preferred_total),
            missing
        )
    }

    /// Writes the skipped postings after the rows.
    pub fn finish(self, skipped: &[Skipped]) -> std::io::Result<()> {
        for s in skipped {
            writeln!(
                self.w,
                "  {} {}: {}",
                self.paint.short("skipped"),
                s.path,
                s.reason
            )?;
        }
        Ok(())
    }
}

/// `score`'s table: the headline (score, parts, requirements met, missing required skills);
/// with `detailed` (`--explain`), the requirement and core tables and the formula too.
pub fn explain(f: &Fit, paint: Paint, w: &mut dyn Write, detailed: bool) -> std::io::Result<()> {
    let f = &super::view::shown(f);
    writeln!(w, "{}", paint.header(&f.title))?;
    if let Some(c) = &f.company {
        writeln!(w, "{c}")?;
    }
    writeln!(w, "{}", f.path)?;
    match f.score {
        Some(s) => writeln!(
            w,
            "Score {} / 100 · coverage {:.1} · relevance {:.1} · confidence {:.2} · required {}/{} · preferred {}/{}",
            paint.score(Some(s), &format!("{s:.1}")),
            f.coverage.unwrap_or(0.0),
            f.relevance.unwrap_or(0.0),
            f.confidence.unwrap_or(0.0),
            f.required_met,
            f.required_total,
            f.preferred_met,
            f.preferred_total
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
        writeln!(
            w,
            "Missing required: {}",
            paint.missing(&f.missing_required.join(", "))
        )?;
    }
    if !detailed {
        return Ok(());
    }
    requirement_table(f, paint, w)?;
    core_table(f, paint, w)?;
    formula(f, paint, w)
}

/// `--explain`: one row per requirement (with the résumé line that meets it), totalled.
fn requirement_table(f: &Fit, paint: Paint, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w)?;
    let header = format!(
        "{} {} {:>6}  {} {:>7} {:>6} {:>13}",
        fit("Level", 9),
        fit("Skill", 26),
        "Asked",
        fit("Matched by", 10),
        "Have",
        "Earned",
        "Points"
    );
    writeln!(w, "{}", paint.header(&header))?;
    writeln!(w, "{}", "─".repeat(86))?;
    for r in &f.requirements {
        let mut name = r.skill.clone();
        if !r.alternatives.is_empty() {
            name = format!("{name} (or {})", r.alternatives.join(", "));
        }
        let matched = if r.matched_by == MatchKind::Fuzzy {
            format!("fuzzy {:.2}", r.similarity)
        } else {
            r.matched_by.as_str().to_owned()
        };
        let matched = if r.matched_by == MatchKind::Missing {
            paint.missing(&fit(&matched, 10))
        } else {
            fit(&matched, 10)
        };
        writeln!(
            w,
            "{} {} {:>6}  {} {:>7} {:>6.2} {:>6.2} / {:>4.1}",
            fit(r.level.as_str(), 9),
            fit(&name, 26),
            r.min_years
                .map_or_else(|| "–".to_owned(), |y| format!("{y}y")),
            matched,
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
        "{:>71} {:>6.2} = coverage {:.1}",
        "total",
        total,
        f.coverage.unwrap_or(0.0)
    )
}

/// `--explain`: the person's core skills the posting uses, totalled to the relevance part.
fn core_table(f: &Fit, paint: Paint, w: &mut dyn Write) -> std::io::Result<()> {
    if !f.core_used.is_empty() {
        writeln!(w)?;
        let header = format!(
            "{} {} {:>8} {:>6} {:>6}",
            fit("Your core", 26),
            fit("Named as", 11),
            "Strength",
            "Weight",
            "Points"
        );
        writeln!(w, "{}", paint.header(&header))?;
        writeln!(w, "{}", "─".repeat(61))?;
        for u in &f.core_used {
            writeln!(
                w,
                "{} {} {:>8.2} {:>6.2} {:>6.2}",
                fit(&u.skill, 26),
                fit(u.level.as_str(), 11),
                u.strength,
                u.level_weight,
                u.points
            )?;
        }
        writeln!(w, "{}", "─".repeat(61))?;
        let total: f64 = f.core_used.iter().map(|u| u.points).sum();
        writeln!(
            w,
            "{:>54} {:>6.2} = relevance part (relevance {:.1})",
            "total",
            total,
            f.relevance.unwrap_or(0.0)
        )?;
    }
    Ok(())
}

/// `--explain`: the fit, part by part.
fn formula(f: &Fit, paint: Paint, w: &mut dyn Write) -> std::io::Result<()> {
    if let (Some(p), Some(c)) = (f.parts, f.confidence) {
        let score = f.score.unwrap_or(0.0);
        writeln!(w)?;
        writeln!(
            w,
            "Fit = confidence {c:.2} × (coverage and relevance, weighted) + {:.2} × neutral prior",
            1.0 - c
        )?;
        writeln!(
            w,
            "  coverage  {:>5.1} → {:>6.2}",
            f.coverage.unwrap_or(0.0),
            p.coverage
        )?;
        writeln!(
            w,
            "  relevance {:>5.1} → {:>6.2}",
            f.relevance.unwrap_or(0.0),
            p.relevance
        )?;
        writeln!(w, "  prior           → {:>6.2}", p.prior)?;
        writeln!(
            w,
            "  score           = {}",
            paint.score(f.score, &format!("{score:>6.1}"))
        )?;
    }
    Ok(())
}

pub fn gaps_table(gaps: &[Gap], paint: Paint, w: &mut dyn Write) -> std::io::Result<()> {
    let header = format!(
        "{} {} {:>8} {:>8} {:>7} {:>8} {:>10} {:>9}",
        fit("Skill", 28),
        fit("Status", 8),
        "Postings",
        "Required",
        "Asked",
        "You have",
        "Would add",
        "Weighted"
    );
    writeln!(w, "{}", paint.header(&header))?;
    writeln!(w, "{}", "─".repeat(94))?;
    for g in gaps {
        let status = match g.status {
            GapStatus::Missing => paint.missing(&fit(g.status.as_str(), 8)),
            GapStatus::Short => paint.short(&fit(g.status.as_str(), 8)),
        };
        writeln!(
            w,
            "{} {} {:>8} {:>8} {:>7} {:>8} {:>10.1} {:>9.1}",
            fit(&g.skill, 28),
            status,
            g.postings_asking,
            g.required_in,
            g.max_years_asked
                .map_or_else(|| "–".to_owned(), |y| format!("{y}y")),
            g.months_have.map_or_else(|| "–".to_owned(), format_months),
            g.score_gain,
            g.weighted_gain
        )?;
    }
    Ok(())
}

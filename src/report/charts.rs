//! Models → chart data: which skills, postings and cells the charts show. The chart code
//! itself ([`crate::chart`]) takes only this plain data.

use crate::chart::{Band, Cell, ChartFormat, Coverage, GapBar, RankBar, Timeline, TimelineRow};
use crate::matching::{Fit, Gap};
use crate::profile::Profile;

/// Rows of the timeline by default.
pub const TIMELINE_ROWS: usize = 40;
/// Postings in the ranking and coverage charts.
pub const CHART_POSTINGS: usize = 20;
/// Skills in the gaps and coverage charts.
pub const CHART_SKILLS: usize = 15;

/// Row order of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineSort {
    /// Most months first.
    Months,
    FirstUsed,
    Category,
}

/// The timeline of `p`: the top `top` skills with dated use (by `sort`), optionally of one
/// category, plus the skills listed without dates.
pub fn timeline_data(
    p: &Profile,
    top: usize,
    category: Option<&str>,
    sort: TimelineSort,
) -> Timeline {
    let in_category = |c: &str| category.is_none_or(|x| x == c);
    let mut dated: Vec<_> = p
        .skills
        .iter()
        .filter(|s| s.months.is_some() && in_category(&s.category))
        .collect();
    // The profile is already ordered by months, then listed skills first, then mentions: the
    // top N are the ones the person has used longest and names themselves. Then order as asked.
    dated.truncate(top);
    match sort {
        TimelineSort::Months => {}
        TimelineSort::FirstUsed => dated.sort_by(|a, b| {
            a.first_used
                .cmp(&b.first_used)
                .then(b.months.cmp(&a.months))
        }),
        TimelineSort::Category => {
            dated.sort_by(|a, b| a.category.cmp(&b.category).then(b.months.cmp(&a.months)))
        }
    }
    Timeline {
        title: format!("Skill timeline — {} (as of {})", p.title(), p.as_of),
        as_of: p.as_of,
        companies: p
            .companies
            .iter()
            .map(|c| Band {
                label: c.name.clone(),
                start: c.start,
                end: c.end.unwrap_or(p.as_of).min(p.as_of),
                is_open: c.end.is_none(),
            })
            .collect(),
        rows: dated
            .into_iter()
            .map(|s| TimelineRow {
                skill: s.skill.clone(),
                category: s.category.clone(),
                months: s.months,
                intervals: s.intervals.iter().map(|i| (i.start, i.end)).collect(),
            })
            .collect(),
        undated: p
            .skills
            .iter()
            .filter(|s| s.listed && s.months.is_none() && in_category(&s.category))
            .map(|s| s.skill.clone())
            .collect(),
    }
}

fn label(f: &Fit) -> String {
    match &f.company {
        Some(c) => format!("{} — {c}", f.title),
        None => f.title.clone(),
    }
}

pub fn ranking_data(fits: &[Fit]) -> Vec<RankBar> {
    fits.iter()
        .filter(|f| f.score.is_some())
        .take(CHART_POSTINGS)
        .map(|f| RankBar {
            label: label(f),
            score: f.score.map_or(0.0, crate::num::round1),
            required_points: f.required_points * f.coverage_factor,
            preferred_points: f.preferred_points * f.coverage_factor,
            relevance_points: f.parts.map_or(0.0, |p| p.relevance),
            prior_points: f.parts.map_or(0.0, |p| p.prior),
        })
        .collect()
}

pub fn gaps_data(gaps: &[Gap]) -> Vec<GapBar> {
    gaps.iter()
        .take(CHART_SKILLS)
        .map(|g| GapBar {
            skill: g.skill.clone(),
            score_gain: g.weighted_gain,
            postings: g.postings_asking,
        })
        .collect()
}

/// The best postings × the skills they ask for most.
pub fn coverage_data(fits: &[Fit]) -> Coverage {
    let postings: Vec<&Fit> = fits
        .iter()
        .filter(|f| f.score.is_some())
        .take(CHART_POSTINGS)
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for f in &postings {
        for r in &f.requirements {
            match counts.iter_mut().find(|(s, _)| *s == r.skill) {
                Some((_, n)) => *n += 1,
                None => counts.push((r.skill.clone(), 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.truncate(CHART_SKILLS);
    let skills: Vec<String> = counts.into_iter().map(|(s, _)| s).collect();
    let cells = postings
        .iter()
        .map(|f| {
            skills
                .iter()
                .map(|s| match f.requirements.iter().find(|r| &r.skill == s) {
                    None => Cell::NotAsked,
                    Some(r) if r.is_met => Cell::Met,
                    Some(r) if r.earned > 0.0 => Cell::Partial,
                    Some(_) => Cell::Missing,
                })
                .collect()
        })
        .collect();
    Coverage {
        postings: postings.iter().map(|f| label(f)).collect(),
        skills,
        cells,
    }
}

/// Every chart of a rank report, as (file name, bytes), PNG and SVG. `explained` are the best
/// fits with their requirement rows (for the coverage grid).
pub fn render_all(
    profile: &Profile,
    fits: &[Fit],
    explained: &[Fit],
    gaps: &[Gap],
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let timeline = timeline_data(profile, TIMELINE_ROWS, None, TimelineSort::Months);
    let ranking = ranking_data(fits);
    let gap_bars = gaps_data(gaps);
    let coverage = coverage_data(explained);
    let mut out = Vec::new();
    for (ext, format) in [("svg", ChartFormat::Svg), ("png", ChartFormat::Png)] {
        out.push((
            format!("timeline.{ext}"),
            crate::chart::timeline(&timeline, format)?,
        ));
        out.push((
            format!("ranking.{ext}"),
            crate::chart::ranking(&ranking, "Best-fitting postings (points)", format)?,
        ));
        out.push((
            format!("gaps.{ext}"),
            crate::chart::gaps(
                &gap_bars,
                "Skills missing most (score they would add)",
                format,
            )?,
        ));
        out.push((
            format!("coverage.{ext}"),
            crate::chart::coverage(&coverage, "Coverage: postings × skills", format)?,
        ));
    }
    Ok(out)
}

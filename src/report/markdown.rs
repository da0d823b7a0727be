//! Markdown reports: `summary.md` and one explanation per posting. Everything that came from a
//! document is escaped (pipes, brackets, emphasis, HTML, newlines) so a posting cannot break
//! the table or inject links.

use std::fmt::Write as _;

use crate::engine::Skipped;
use crate::matching::{Fit, Gap};
use crate::period::format_months;
use crate::profile::Profile;

/// Rows of the ranking table in `summary.md`; the full ranking is in `fits.csv`.
const SUMMARY_ROWS: usize = 200;

/// Escape untrusted text for a Markdown table cell or inline text.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '|' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn years(y: Option<f64>) -> String {
    y.map_or_else(|| "–".to_owned(), |y| format!("{y}y"))
}

fn months(m: Option<u32>) -> String {
    m.map_or_else(|| "–".to_owned(), format_months)
}

/// Score as shown in tables.
pub fn score_text(f: &Fit) -> String {
    super::view::shown(f)
        .score
        .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1}"))
}

/// `summary.md`. `slugs[i]` names the explanation of `fits[i]` (only the best have one).
pub fn summary(
    profile: &Profile,
    ranking: super::Ranking<'_>,
    slugs: &[String],
    gaps: &[Gap],
    skipped: &[Skipped],
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# skillfit report: {}\n", md_escape(&profile.title()));
    let scored = ranking.scored;
    let _ = writeln!(
        s,
        "As of {} · {} postings ranked · {} without requirements · {} skipped · experience {} across {} companies\n",
        profile.as_of,
        scored,
        ranking.total - scored,
        skipped.len(),
        format_months(profile.total_months),
        profile.companies.len()
    );
    ranking_table(&mut s, ranking, slugs);
    gaps_table(&mut s, gaps);
    if !skipped.is_empty() {
        let _ = writeln!(s, "\n## Skipped\n");
        for k in skipped {
            let _ = writeln!(
                s,
                "- `{}`: {}",
                k.path.replace('`', "'"),
                md_escape(&k.reason)
            );
        }
    }
    let _ = writeln!(s, "\n## Profile\n");
    for c in &profile.companies {
        let _ = writeln!(
            s,
            "- {} ({} – {}, {})",
            md_escape(&c.name),
            c.start,
            c.end.map_or_else(|| "now".to_owned(), |m| m.to_string()),
            format_months(c.months)
        );
    }
    let top: Vec<String> = profile
        .skills
        .iter()
        .filter(|k| k.months.is_some())
        .take(15)
        .map(|k| format!("{} {}", md_escape(&k.skill), months(k.months)))
        .collect();
    let _ = writeln!(s, "\nMost experience: {}.", top.join(", "));
    s
}

/// One posting's explanation: every requirement and the points it earned.
pub fn explanation(f: &Fit) -> String {
    let f = &super::view::shown(f);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", md_escape(&f.title));
    if let Some(c) = &f.company {
        let _ = writeln!(s, "Company: {}  ", md_escape(c));
    }
    let _ = writeln!(s, "File: `{}`  ", f.path.replace('`', "'"));
    let _ = writeln!(
        s,
        "Score: **{}** · coverage {} · relevance {} · confidence {} · required {}/{} · preferred {}/{}\n",
        score_text(f),
        f.coverage
            .map_or_else(|| "n/a".to_owned(), |c| format!("{c:.1}")),
        f.relevance
            .map_or_else(|| "n/a".to_owned(), |c| format!("{c:.1}")),
        f.confidence
            .map_or_else(|| "n/a".to_owned(), |c| format!("{c:.2}")),
        f.required_met,
        f.required_total,
        f.preferred_met,
        f.preferred_total
    );
    if f.requirements.is_empty() {
        let _ = writeln!(
            s,
            "No required or preferred skill was recognised in this posting, so it is not scored."
        );
        return s;
    }
    requirement_table(&mut s, f);
    core_table(&mut s, f);
    if let (Some(p), Some(c)) = (f.parts, f.confidence) {
        let _ = writeln!(
            s,
            "Score {} = coverage part {:.2} + relevance part {:.2} + prior {:.2} \
             (confidence {c:.2}; README, \"How the score works\").\n",
            score_text(f),
            p.coverage,
            p.relevance,
            p.prior
        );
    }
    let _ = writeln!(s, "## Evidence\n");
    for r in &f.requirements {
        let _ = writeln!(
            s,
            "- **{}**: posting says “{}”",
            md_escape(&r.skill),
            md_escape(&r.posting_text)
        );
        if let (Some(line), Some(text)) = (r.resume_line, &r.resume_text) {
            let _ = writeln!(s, "  - résumé line {line}: “{}”", md_escape(text));
        }
    }
    s
}

/// The ranking table of `summary.md`: the best [`SUMMARY_ROWS`], linked to their
/// explanations.
fn ranking_table(s: &mut String, ranking: super::Ranking<'_>, slugs: &[String]) {
    let _ = writeln!(s, "## Ranking\n");
    let _ = writeln!(
        s,
        "| # | Score | Coverage | Posting | Company | Required | Preferred | Missing required |"
    );
    let _ = writeln!(s, "|---:|---:|---:|---|---|---|---|---|");
    for (i, f) in ranking.top.iter().enumerate().take(SUMMARY_ROWS) {
        let f = &super::view::shown(f);
        let title = match slugs.get(i) {
            Some(slug) => format!("[{}](postings/{slug}.md)", md_escape(&f.title)),
            None => md_escape(&f.title),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {}/{} | {}/{} | {} |",
            i + 1,
            score_text(f),
            f.coverage
                .map_or_else(|| "n/a".to_owned(), |c| format!("{c:.1}")),
            title,
            md_escape(f.company.as_deref().unwrap_or("")),
            f.required_met,
            f.required_total,
            f.preferred_met,
            f.preferred_total,
            md_escape(&f.missing_required.join(", "))
        );
    }
    if ranking.total > SUMMARY_ROWS {
        let _ = writeln!(
            s,
            "\n… and {} more postings in `fits.csv`.",
            ranking.total - SUMMARY_ROWS
        );
    }
}

/// The gaps table of `summary.md` (the first 15).
fn gaps_table(s: &mut String, gaps: &[Gap]) {
    let _ = writeln!(s, "\n## Top gaps\n");
    if gaps.is_empty() {
        let _ = writeln!(s, "Nothing missing.");
    } else {
        let _ = writeln!(
            s,
            "Ordered by the score each skill would add, weighted by how close the postings \
             asking for it are to you (their relevance).\n"
        );
        let _ = writeln!(s, "| Skill | Status | Postings asking | Required in | Years asked (max) | You have | Score it would add | Weighted by closeness |");
        let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|");
        for g in gaps.iter().take(15) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {:.1} | {:.1} |",
                md_escape(&g.skill),
                g.status.as_str(),
                g.postings_asking,
                g.required_in,
                years(g.max_years_asked),
                months(g.months_have),
                g.score_gain,
                g.weighted_gain
            );
        }
    }
}

/// One row per requirement with the points it earned, totalled to the coverage.
fn requirement_table(s: &mut String, f: &Fit) {
    let _ = writeln!(
        s,
        "| Level | Skill | Years asked | Matched by | You have | Earned | Points |"
    );
    let _ = writeln!(s, "|---|---|---:|---|---:|---:|---:|");
    for r in &f.requirements {
        let skill = if r.alternatives.is_empty() {
            md_escape(&r.skill)
        } else {
            format!(
                "{} (any of: {})",
                md_escape(&r.skill),
                md_escape(&r.alternatives.join(", "))
            )
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {:.2} | {:.2} / {:.2} |",
            r.level.as_str(),
            skill,
            years(r.min_years),
            r.matched_by.as_str(),
            months(r.months_have),
            r.earned,
            r.points,
            r.max_points
        );
    }
    let total: f64 = f.requirements.iter().map(|r| r.points).sum();
    let _ = writeln!(s, "\nPoints add up to the coverage, {total:.1}.\n");
}

/// The person's core skills the posting uses (relevance).
fn core_table(s: &mut String, f: &Fit) {
    if !f.core_used.is_empty() {
        let _ = writeln!(s, "Your core skills this posting uses (relevance):\n");
        let _ = writeln!(s, "| Skill | Named as | Strength | Weight | Points |");
        let _ = writeln!(s, "|---|---|---:|---:|---:|");
        for u in &f.core_used {
            let _ = writeln!(
                s,
                "| {} | {} | {:.2} | {:.2} | {:.2} |",
                md_escape(&u.skill),
                u.level.as_str(),
                u.strength,
                u.level_weight,
                u.points
            );
        }
        let _ = writeln!(s);
    }
}

#[cfg(test)]
mod tests {
    use super::md_escape;

    #[test]
    fn escapes_table_breakers() {
        assert_eq!(md_escape("a|b\nc [x](y) <b>"), "a\\|b c \\[x\\](y) \\<b\\>");
    }
}

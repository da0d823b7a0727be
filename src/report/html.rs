//! `report.html`: one self-contained page (no network, no external CSS/JS): the profile
//! summary and timeline, the ranked table, the charts inline as SVG, and each posting's
//! explanation in a collapsible `<details>`. Everything that came from a document is escaped.

use std::fmt::Write as _;

use crate::engine::Skipped;
use crate::matching::{Fit, Gap};
use crate::period::format_months;
use crate::profile::Profile;
use crate::taxonomy::MatchKind;

/// Charts to inline (SVG text), each optional.
#[derive(Default)]
pub struct Charts {
    pub timeline: Option<String>,
    pub ranking: Option<String>,
    pub gaps: Option<String>,
    pub coverage: Option<String>,
}

impl Charts {
    /// The SVG charts among `rendered` (`(file name, bytes)`, as
    /// [`super::charts::render_all`] gives them), to inline into the page.
    pub fn from_rendered(rendered: &[(String, Vec<u8>)]) -> Charts {
        let svg = |name: &str| {
            rendered
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        };
        Charts {
            timeline: svg("timeline.svg"),
            ranking: svg("ranking.svg"),
            gaps: svg("gaps.svg"),
            coverage: svg("coverage.svg"),
        }
    }
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An SVG produced by our own chart code, stripped of its XML declaration for inlining.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => "",
    }
}

const STYLE: &str = "body{font-family:'skillfit-jp',system-ui,-apple-system,'Hiragino Sans','Noto Sans JP',sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.muted{color:#777}
.chart svg{max-width:100%;height:auto;display:block;margin:1rem 0}
details{margin:.4rem 0;border:1px solid #eee;border-radius:6px;padding:.4rem .8rem}summary{cursor:pointer}
.bar{display:inline-block;height:.7rem;background:#3b82f6;border-radius:2px;vertical-align:middle}
.missing{color:#b91c1c}.met{color:#15803d}";

/// The whole page.
pub fn page(
    profile: &Profile,
    ranking: super::Ranking<'_>,
    explained: &[Fit],
    gaps: &[Gap],
    skipped: &[Skipped],
    charts: &Charts,
) -> String {
    let mut h = String::new();
    // The bundled chart font, embedded so Japanese text renders on machines without a CJK
    // font (the page must work offline, from the file system).
    let font = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        crate::chart::font_bytes(),
    );
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>skillfit report: {}</title>\n<style>@font-face{{font-family:'skillfit-jp';src:url(data:font/ttf;base64,{font}) format('truetype');font-display:block}}\n{STYLE}</style>\n</head>\n<body>\n",
        esc(&profile.title())
    );
    let _ = writeln!(h, "<h1>skillfit report</h1>");
    let (fits, scored) = (ranking.top, ranking.scored);
    let _ = writeln!(
        h,
        "<p class=\"muted\">Résumé <code>{}</code>{} · as of {} · {} postings ranked · {} skipped</p>",
        esc(&profile.file_name()),
        profile
            .person
            .as_deref()
            .map_or_else(String::new, |p| format!(" ({})", esc(p))),
        profile.as_of,
        scored,
        skipped.len()
    );

    let _ = writeln!(h, "<h2>Profile</h2>");
    let _ = writeln!(
        h,
        "<p>Total experience: <strong>{}</strong> ({} months) across {} companies.</p>",
        format_months(profile.total_months),
        profile.total_months,
        profile.companies.len()
    );
    let _ = writeln!(
        h,
        "<table><tr><th>Company</th><th>From</th><th>To</th><th class=\"n\">Length</th></tr>"
    );
    for c in &profile.companies {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            esc(&c.name),
            c.start,
            c.end.map_or_else(|| "now".to_owned(), |m| m.to_string()),
            format_months(c.months)
        );
    }
    let _ = writeln!(h, "</table>");
    if let Some(svg) = &charts.timeline {
        let _ = writeln!(h, "<div class=\"chart\">{}</div>", inline_svg(svg));
    }

    let _ = writeln!(h, "<h2>Ranking</h2>");
    if let Some(svg) = &charts.ranking {
        let _ = writeln!(h, "<div class=\"chart\">{}</div>", inline_svg(svg));
    }
    let _ = writeln!(h, "<table><tr><th class=\"n\">#</th><th class=\"n\">Score</th><th class=\"n\">Coverage</th><th>Posting</th><th>Company</th><th class=\"n\">Required</th><th class=\"n\">Preferred</th><th>Missing required</th></tr>");
    for (i, f) in fits.iter().enumerate().take(200) {
        let f = &super::view::shown(f);
        let score = f
            .score
            .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1}"));
        let width = f.score.unwrap_or(0.0).clamp(0.0, 100.0);
        let _ = writeln!(
            h,
            "<tr><td class=\"n\">{}</td><td class=\"n\">{score} <span class=\"bar\" style=\"width:{:.0}px\"></span></td><td class=\"n\">{}</td><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td class=\"n\">{}/{}</td><td class=\"n\">{}/{}</td><td class=\"missing\">{}</td></tr>",
            i + 1,
            width * 0.6,
            f.coverage
                .map_or_else(|| "n/a".to_owned(), |c| format!("{c:.1}")),
            esc(&f.title),
            esc(&f.path),
            esc(f.company.as_deref().unwrap_or("")),
            f.required_met,
            f.required_total,
            f.preferred_met,
            f.preferred_total,
            esc(&f.missing_required.join(", "))
        );
    }
    let _ = writeln!(h, "</table>");
    if ranking.total > 200 {
        let _ = writeln!(
            h,
            "<p class=\"muted\">… and {} more in fits.csv.</p>",
            ranking.total - 200
        );
    }

    let _ = writeln!(h, "<h2>Gaps</h2>");
    if let Some(svg) = &charts.gaps {
        let _ = writeln!(h, "<div class=\"chart\">{}</div>", inline_svg(svg));
    }
    let _ = writeln!(h, "<table><tr><th>Skill</th><th>Status</th><th class=\"n\">Postings</th><th class=\"n\">Required in</th><th class=\"n\">Score it would add</th><th class=\"n\">Weighted by closeness</th></tr>");
    for g in gaps.iter().take(30) {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td></tr>",
            esc(&g.skill),
            g.status.as_str(),
            g.postings_asking,
            g.required_in,
            g.score_gain,
            g.weighted_gain
        );
    }
    let _ = writeln!(h, "</table>");
    if let Some(svg) = &charts.coverage {
        let _ = writeln!(
            h,
            "<h2>Coverage</h2>\n<div class=\"chart\">{}</div>",
            inline_svg(svg)
        );
    }

    let _ = writeln!(h, "<h2>Explanations</h2>");
    for f in explained {
        let f = &super::view::shown(f);
        let score = f
            .score
            .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1}"));
        let _ = writeln!(
            h,
            "<details><summary><strong>{score}</strong> {} <span class=\"muted\">{}</span></summary>",
            esc(&f.title),
            esc(f.company.as_deref().unwrap_or(""))
        );
        if let (Some(p), Some(c)) = (f.parts, f.confidence) {
            let _ = writeln!(
                h,
                "<p class=\"muted\">Score {score} = coverage part {:.2} (coverage {:.1}) + relevance part {:.2} (relevance {:.1}) + prior {:.2} (confidence {c:.2}). The points below add up to the coverage.</p>",
                p.coverage,
                f.coverage.unwrap_or(0.0),
                p.relevance,
                f.relevance.unwrap_or(0.0),
                p.prior
            );
        }
        let _ = writeln!(h, "<table><tr><th>Level</th><th>Skill</th><th class=\"n\">Years asked</th><th>Matched by</th><th class=\"n\">You have</th><th class=\"n\">Points</th><th>Evidence</th></tr>");
        for r in &f.requirements {
            let skill = if r.alternatives.is_empty() {
                esc(&r.skill)
            } else {
                format!(
                    "{} <span class=\"muted\">(any of: {})</span>",
                    esc(&r.skill),
                    esc(&r.alternatives.join(", "))
                )
            };
            let evidence = match (r.resume_line, &r.resume_text) {
                (Some(l), Some(t)) => format!("line {l}: {}", esc(t)),
                _ => String::new(),
            };
            let class = if r.matched_by == MatchKind::Missing {
                "missing"
            } else if r.is_met {
                "met"
            } else {
                ""
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{skill}</td><td class=\"n\">{}</td><td class=\"{class}\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2} / {:.2}</td><td class=\"muted\">{evidence}</td></tr>",
                r.level.as_str(),
                r.min_years.map_or_else(|| "–".to_owned(), |y| format!("{y}y")),
                r.matched_by.as_str(),
                r.months_have.map_or_else(|| "–".to_owned(), format_months),
                r.points,
                r.max_points
            );
        }
        let _ = writeln!(h, "</table></details>");
    }
    if !skipped.is_empty() {
        let _ = writeln!(h, "<h2>Skipped</h2><ul>");
        for s in skipped {
            let _ = writeln!(
                h,
                "<li><code>{}</code>: {}</li>",
                esc(&s.path),
                esc(&s.reason)
            );
        }
        let _ = writeln!(h, "</ul>");
    }
    let _ = writeln!(
        h,
        "<p class=\"muted\">Generated by skillfit {}.</p>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_document_text() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn inline_svg_drops_the_xml_declaration() {
        assert_eq!(
            inline_svg("<?xml version=\"1.0\"?>\n<svg a=\"1\"/>"),
            "<svg a=\"1\"/>"
        );
        assert_eq!(inline_svg("not svg"), "");
    }
}

//! `--format table`: companies, total experience and one line per skill, readable at 100
//! columns (CJK text padded by display width, long names cut with `…`).

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::ProfileEmitter;
use crate::period::format_months;
use crate::profile::Profile;

pub struct Table;

/// Pad or cut `s` to exactly `width` display columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total = s.width();
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if total > width && used + w + 1 > width {
            out.push('…');
            used += 1;
            break;
        }
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

impl ProfileEmitter for Table {
    fn emit(&self, p: &Profile, w: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(w, "{} (as of {})", p.title(), p.as_of)?;
        writeln!(
            w,
            "Total experience: {} ({} months)",
            format_months(p.total_months),
            p.total_months
        )?;
        if !p.companies.is_empty() {
            writeln!(w)?;
            writeln!(w, "Companies")?;
            for c in &p.companies {
                let end = c.end.map_or_else(|| "now".to_owned(), |m| m.to_string());
                writeln!(
                    w,
                    "  {} {} – {:<7}  {}",
                    fit(&c.name, 40),
                    c.start,
                    end,
                    format_months(c.months)
                )?;
            }
        }
        writeln!(w)?;
        writeln!(
            w,
            "{} {} {} {}  {}  {} Mentions",
            fit("Skill", 26),
            fit("Category", 17),
            fit("Experience", 10),
            fit("First", 7),
            fit("Last", 7),
            fit("Listed", 6),
        )?;
        writeln!(w, "{}", "─".repeat(92))?;
        for s in &p.skills {
            let months = s.months.map_or_else(|| "—".to_owned(), format_months);
            writeln!(
                w,
                "{} {} {} {}  {}  {} {:>8}",
                fit(&s.skill, 26),
                fit(&s.category, 17),
                fit(&months, 10),
                fit(
                    &s.first_used
                        .map_or_else(|| "—".to_owned(), |m| m.to_string()),
                    7
                ),
                fit(
                    &s.last_used
                        .map_or_else(|| "—".to_owned(), |m| m.to_string()),
                    7
                ),
                fit(if s.listed { "yes" } else { "" }, 6),
                s.mentions
            )?;
        }
        let undated = p.skills.iter().filter(|s| s.months.is_none()).count();
        writeln!(w)?;
        writeln!(
            w,
            "{} skills, {} with dated experience, {} listed without dates.",
            p.skills.len(),
            p.skills.len() - undated,
            p.skills
                .iter()
                .filter(|s| s.listed && s.months.is_none())
                .count()
        )?;
        if !p.unknown_terms.is_empty() {
            let terms: Vec<&str> = p.unknown_terms.iter().map(|t| t.term.as_str()).collect();
            writeln!(w, "Not in the taxonomy: {}", terms.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::fit;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("Go", 4), "Go  ");
        let cut = fit("アソビュー株式会社", 10);
        assert_eq!(cut.width(), 10);
        assert!(cut.contains('…'));
    }
}

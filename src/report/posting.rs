//! `skillfit posting`: what was read from one posting, as a table.

use std::io::Write;

use crate::posting::Posting;
use crate::taxonomy::MatchKind;
use crate::text;

/// Title, company and path, then one line per requirement (level, skill, years asked, any-of
/// group, how it was recognised, the posting's words), then the terms the taxonomy lacks.
pub fn table(p: &Posting, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", p.title)?;
    if let Some(c) = &p.company {
        writeln!(out, "{c}")?;
    }
    writeln!(out, "{}", p.path)?;
    writeln!(out)?;
    for r in &p.requirements {
        let years = r.min_years.map_or_else(String::new, |y| format!("{y}y+"));
        let group = r.group.map_or_else(String::new, |g| format!("any-of #{g}"));
        let how = match r.matched_by {
            MatchKind::Fuzzy => format!("fuzzy {}", crate::num::fmt2(r.similarity)),
            k => k.as_str().to_owned(),
        };
        writeln!(
            out,
            "{} {} {:>5} {} {} {}",
            super::fit_width(r.level.as_str(), 10),
            super::fit_width(&r.skill, 24),
            years,
            super::fit_width(&group, 9),
            super::fit_width(&how, 10),
            text::ellipsize(&r.text, 36)
        )?;
    }
    if !p.unknown_terms.is_empty() {
        writeln!(out, "\nNot in the taxonomy: {}", p.unknown_terms.join(", "))?;
    }
    Ok(())
}

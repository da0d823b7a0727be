//! `skillfit taxonomy list` and `show`: the catalogue, as a table or JSON.

use std::io::Write;

use crate::taxonomy::{self, SkillId, Taxonomy};
use crate::text;

/// Every skill (of `category`, when given), by category then name: name, category, source,
/// aliases.
pub fn list(tax: &Taxonomy, category: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    let mut skills: Vec<&taxonomy::Skill> = tax
        .skills()
        .iter()
        .filter(|s| category.is_none_or(|c| s.category == c))
        .collect();
    skills.sort_by(|a, b| {
        let pos = |c: &str| taxonomy::CATEGORIES.iter().position(|x| *x == c);
        pos(&a.category)
            .cmp(&pos(&b.category))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    for s in &skills {
        let aliases = text::ellipsize(&s.aliases.join(", "), 50);
        // The first source is where the skill comes from; others also list it.
        let source = s.sources.first().map_or("", String::as_str);
        writeln!(
            out,
            "{} {} {} {}",
            super::fit_width(&s.name, 26),
            super::fit_width(&s.category, 17),
            super::fit_width(source, 15),
            aliases
        )?;
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    aliases: &'a [String],
    implies: Vec<&'a str>,
    case_sensitive: bool,
    sources: &'a [String],
    ambiguous: bool,
}

/// One skill: id, name, category, aliases, what it implies, where it comes from.
pub fn show(tax: &Taxonomy, id: SkillId, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let s = tax.skill(id);
    let implies: Vec<&str> = tax
        .implied(id)
        .iter()
        .map(|&i| tax.skill(i).name.as_str())
        .collect();
    if json {
        let j = ShowJson {
            id: &s.id,
            name: &s.name,
            category: &s.category,
            aliases: &s.aliases,
            implies,
            case_sensitive: s.is_case_sensitive,
            sources: &s.sources,
            ambiguous: s.is_ambiguous,
        };
        serde_json::to_writer_pretty(&mut *out, &j)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} ({})", s.name, s.id)?;
    writeln!(out, "  category: {}", s.category)?;
    writeln!(out, "  aliases:  {}", s.aliases.join(", "))?;
    writeln!(out, "  implies:  {}", implies.join(", "))?;
    writeln!(out, "  source:   {}", s.sources.join(", "))?;
    if s.is_ambiguous {
        writeln!(
            out,
            "  ambiguous: an ordinary word; counts only where it names the product"
        )?;
    }
    if s.is_case_sensitive {
        writeln!(out, "  matched only with the case written above")?;
    }
    Ok(())
}

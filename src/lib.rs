//! skillfit: résumé → skills and tenure, matched against saved job postings.
//!
//! Data flows one way (see ARCHITECTURE.md): `input` reads bytes into text, `resume` parses a
//! résumé into sections and mentions over the `taxonomy`, `resume::tenure` builds the
//! `profile`, and `report` writes it (CSV/Parquet through `frame`, the only Polars user).
//! Library code never prints: [`run`] writes to the writers it is given.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod frame;
pub mod input;
pub mod output;
pub mod period;
pub mod profile;
pub mod report;
pub mod resume;
pub mod settings;
pub mod taxonomy;
pub mod text;

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use cli::{Cli, Command, ProfileArgs, ProfileFormat, ShowFormat, TaxonomyCommand};
use period::Month;
use profile::Profile;
use taxonomy::Taxonomy;

/// Documented exit codes (README "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked.
    Ok = 0,
    /// Finished, but some inputs were skipped.
    Partial = 1,
    /// Usage error or fatal error.
    Failure = 2,
}

/// Read and profile the résumé at `path`: the whole pipeline behind `skillfit profile`.
/// Warnings (encoding notes, bad periods) are returned inside the profile.
pub fn profile_resume(path: &Path, tax: &Taxonomy, as_of: Month) -> anyhow::Result<Profile> {
    let doc = input::read_document(path)?;
    let parsed = resume::parse_resume(&doc.text, tax);
    let mut profile =
        resume::tenure::build_profile(&parsed, tax, as_of, &path.display().to_string());
    if let Some(note) = doc.encoding_note {
        profile.warnings.insert(
            0,
            profile::WarningRecord {
                line: None,
                message: note,
            },
        );
    }
    Ok(profile)
}

/// Run one command line. `out` gets results, `err` gets warnings.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let tax = settings::load_taxonomy(&cli.global)?;
    if !cli.global.quiet {
        for note in &tax.notes {
            writeln!(err, "skillfit: note: {note}")?;
        }
    }
    match cli.command {
        Command::Profile(args) => run_profile(&args, &tax, cli.global.quiet, out, err),
        Command::Taxonomy(TaxonomyCommand::List { category }) => {
            taxonomy_list(&tax, category.as_deref(), out)
        }
        Command::Taxonomy(TaxonomyCommand::Show { name, format }) => {
            taxonomy_show(&tax, &name, format, out, err)
        }
    }
}

fn run_profile(
    args: &ProfileArgs,
    tax: &Taxonomy,
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let as_of = settings::resolve_as_of(args.as_of.as_deref())?;
    if args.format == ProfileFormat::Parquet && args.output.is_none() {
        anyhow::bail!("--format parquet writes a binary file: add --output FILE");
    }
    let profile = profile_resume(&args.resume, tax, as_of)?;
    if !quiet {
        for w in &profile.warnings {
            match w.line {
                Some(line) => writeln!(
                    err,
                    "skillfit: warning: {}:{line}: {}",
                    profile.source, w.message
                )?,
                None => writeln!(err, "skillfit: warning: {}: {}", profile.source, w.message)?,
            }
        }
        for t in &profile.unknown_terms {
            writeln!(
                err,
                "skillfit: note: {}:{}: `{}` is not in the taxonomy (add it with --taxonomy)",
                profile.source, t.line, t.term
            )?;
        }
    }
    let emitter = report::profile_emitter(args.format);
    match &args.output {
        Some(path) => output::write_atomic(path, |w| emitter.emit(&profile, w))
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => emitter.emit(&profile, out)?,
    }
    Ok(Exit::Ok)
}

fn taxonomy_list(
    tax: &Taxonomy,
    category: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<Exit> {
    if let Some(c) = category {
        if !taxonomy::CATEGORIES.contains(&c) {
            anyhow::bail!(
                "unknown category `{c}`; known: {}",
                taxonomy::CATEGORIES.join(", ")
            );
        }
    }
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
        writeln!(
            out,
            "{} {} {}",
            report::fit_width(&s.name, 26),
            report::fit_width(&s.category, 17),
            aliases
        )?;
    }
    Ok(Exit::Ok)
}

#[derive(serde::Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    aliases: &'a [String],
    implies: Vec<&'a str>,
    case_sensitive: bool,
}

fn taxonomy_show(
    tax: &Taxonomy,
    name: &str,
    format: ShowFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(id) = tax.resolve(name) else {
        let near = tax.suggest(name, 5);
        writeln!(err, "skillfit: no skill named `{name}` in the taxonomy")?;
        if !near.is_empty() {
            writeln!(err, "  did you mean: {}", near.join(", "))?;
        }
        return Ok(Exit::Failure);
    };
    let s = tax.skill(id);
    let implies: Vec<&str> = tax
        .implied(id)
        .iter()
        .map(|&i| tax.skill(i).name.as_str())
        .collect();
    match format {
        ShowFormat::Json => {
            let j = ShowJson {
                id: &s.id,
                name: &s.name,
                category: &s.category,
                aliases: &s.aliases,
                implies,
                case_sensitive: s.is_case_sensitive,
            };
            serde_json::to_writer_pretty(&mut *out, &j)?;
            writeln!(out)?;
        }
        ShowFormat::Text => {
            writeln!(out, "{} ({})", s.name, s.id)?;
            writeln!(out, "  category: {}", s.category)?;
            writeln!(out, "  aliases:  {}", s.aliases.join(", "))?;
            writeln!(out, "  implies:  {}", implies.join(", "))?;
            if s.is_case_sensitive {
                writeln!(out, "  matched only with the case written above")?;
            }
        }
    }
    Ok(Exit::Ok)
}

//! skillfit: résumé → skills and tenure, matched against saved job postings.
//!
//! Data flows one way (see ARCHITECTURE.md): `input` reads bytes into text, `resume` parses a
//! résumé into sections and mentions over the `taxonomy`, `resume::tenure` builds the
//! `profile`, and `report` writes it (CSV/Parquet through `frame`, the only Polars user).
//! Library code never prints: [`run`] writes to the writers it is given.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod batch;
pub mod chart;
pub mod cli;
mod commands;
pub mod config;
pub mod corpus;
pub mod doc;
pub mod frame;
pub mod guard;
pub mod input;
pub mod matching;
pub mod matrix;
pub mod num;
pub mod output;
pub mod period;
pub mod posting;
pub mod profile;
pub mod ranked;
pub mod report;
pub mod resume;
pub mod settings;
pub mod shard;
pub mod stream;
pub mod style;
pub mod taxonomy;
pub mod text;

use std::io::Write;
use std::path::Path;

use cli::{Cli, Command, TaxonomyCommand};
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

/// Read and profile the résumé at `path` (Markdown, or JSON Resume when the file is one): the
/// whole pipeline behind `skillfit profile`.
/// Warnings (encoding notes, bad periods) are returned inside the profile.
pub fn profile_resume(path: &Path, tax: &Taxonomy, as_of: Month) -> anyhow::Result<Profile> {
    let doc = input::read_document(path)?;
    let parsed = if resume::json::is_json_resume(path, &doc.text) {
        resume::json::parse_json_resume(&doc.text, tax)
            .map_err(|e| anyhow::anyhow!(e.describe(&path.display().to_string())))?
    } else {
        resume::parse_resume(&doc.text, tax)
    };
    let mut profile =
        resume::tenure::build_profile(&parsed, tax, as_of, &path.display().to_string());
    profile.person = resume::person::headline(&doc.text);
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

/// Run one command line. `out` gets results, `err` gets warnings; they are coloured only with
/// `--color always` (see [`style::Colors::for_writers`]).
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let colors = style::Colors::for_writers(cli.global.color);
    run_with(cli, out, err, colors)
}

/// [`run`] with the colour of each writer decided by the caller (the binary uses
/// [`style::Colors::detect`] on its own stdout and stderr).
pub fn run_with(
    cli: Cli,
    out: &mut dyn Write,
    err: &mut dyn Write,
    colors: style::Colors,
) -> anyhow::Result<Exit> {
    // These two describe the command line itself: no taxonomy, no config.
    match &cli.command {
        Command::Completions(args) => return commands::completions(args.shell, out),
        Command::Man(args) => return commands::man(args.command.as_deref(), out),
        _ => {}
    }
    if let Some(n) = cli.global.threads {
        if n == 0 {
            anyhow::bail!("--threads must be at least 1");
        }
        // Fails only if a pool already exists (a second `run` in one process): keep it.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let tax = settings::load_taxonomy(&cli.global)?;
    if !cli.global.quiet {
        for note in &tax.notes {
            writeln!(err, "{} {note}", colors.err.note())?;
        }
    }
    // Found once; read only by the commands that score.
    let lookup = config::Lookup::from_process(cli.global.config.as_deref());
    let config = config::discover(&lookup);
    let ctx = commands::Context {
        tax: &tax,
        global: &cli.global,
        colors,
        config: config.as_ref(),
        lookup: &lookup,
    };
    match &cli.command {
        Command::Profile(args) => commands::profile(&ctx, args, out, err),
        Command::Timeline(args) => commands::timeline(&ctx, args, err),
        Command::Posting(args) => commands::posting(&ctx, args, out, err),
        Command::Score(args) => commands::score(&ctx, args, out, err),
        Command::Rank(args) => commands::rank(&ctx, args, out, err),
        Command::Gaps(args) => commands::gaps(&ctx, args, out, err),
        Command::Matrix(args) => commands::matrix(&ctx, args, err),
        Command::Config(args) => commands::config(&ctx, args, out, err),
        Command::Taxonomy(TaxonomyCommand::List { category }) => {
            commands::taxonomy_list(&tax, category.as_deref(), out)
        }
        Command::Taxonomy(TaxonomyCommand::Show { name, format }) => {
            commands::taxonomy_show(&tax, name, *format, out, err)
        }
        Command::Completions(args) => commands::completions(args.shell, out),
        Command::Man(args) => commands::man(args.command.as_deref(), out),
    }
}

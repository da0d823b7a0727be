//! skillfit: résumé → skills and tenure, matched against saved job postings.
//!
//! Data flows one way (see ARCHITECTURE.md): `cli` parses the command line, `settings` resolves
//! it once, `commands` dispatches to the library and prints. In the library, `input` reads
//! bytes into text, `resume` and `posting` parse documents over the `taxonomy`,
//! `resume::tenure` builds the `profile`, `matching` scores, `engine` runs batches (`rank`,
//! `gaps`, `matrix`), and `report`, `frame` and `chart` write the results.
//! Library code never prints: [`run`] writes to the writers it is given.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod chart;
pub mod cli;
mod commands;
pub mod config;
mod console;
pub(crate) mod doc;
pub(crate) mod engine;
pub mod frame;
pub mod input;
pub(crate) mod markup;
pub mod matching;
pub(crate) mod num;
pub(crate) mod output;
pub mod period;
pub mod posting;
pub mod profile;
pub mod report;
pub mod resume;
pub(crate) mod settings;
pub mod style;
pub mod taxonomy;
pub mod text;

use std::io::Write;

use cli::{Cli, Command, TaxonomyCommand};

pub use engine::profile_resume;

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

impl Exit {
    /// `Partial` when `some_skipped`, else `Ok`.
    pub fn partial_if(some_skipped: bool) -> Exit {
        if some_skipped {
            Exit::Partial
        } else {
            Exit::Ok
        }
    }
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
        Command::Completions(args) => {
            cli::completions(args.shell, out);
            return Ok(Exit::Ok);
        }
        Command::Man(args) => {
            cli::man(args.command.as_deref(), out)?;
            return Ok(Exit::Ok);
        }
        _ => {}
    }
    let s = settings::Settings::resolve(&cli.global, colors)?;
    if !s.quiet {
        for note in &s.tax.notes {
            writeln!(err, "{} {note}", colors.err.note())?;
        }
    }
    let io = &mut commands::Io { out, err };
    match &cli.command {
        Command::Profile(args) => commands::profile(&s, args, io),
        Command::Timeline(args) => commands::timeline(&s, args, io),
        Command::Posting(args) => commands::posting(&s, args, io),
        Command::Score(args) => commands::score(&s, args, io),
        Command::Rank(args) => commands::rank(&s, args, io),
        Command::Gaps(args) => commands::gaps(&s, args, io),
        Command::Matrix(args) => commands::matrix(&s, args, io),
        Command::Config(args) => commands::config(&s, args, io),
        Command::Taxonomy(TaxonomyCommand::List { category }) => {
            commands::taxonomy_list(&s, category.as_deref(), io)
        }
        Command::Taxonomy(TaxonomyCommand::Show { name, format }) => {
            commands::taxonomy_show(&s, name, *format, io)
        }
        Command::Completions(_) | Command::Man(_) => Ok(Exit::Ok),
    }
}

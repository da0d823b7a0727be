//! Command-line arguments (clap derive). Declarations only: no I/O, no validation beyond what
//! clap does; [`crate::settings`] turns these into validated settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "skillfit",
    version,
    about = "Résumé → skills and tenure, scored against saved job postings. Offline, deterministic.",
    long_about = "skillfit reads a résumé (Japanese or English Markdown), works out which skills \
the person has and for how long, and matches that against saved job postings.\n\n\
Exit codes: 0 ok, 1 finished but some inputs were skipped, 2 usage or fatal error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Extra skills and aliases (TOML, same format as the built-in taxonomy); overrides
    /// built-in entries with the same id.
    #[arg(long, global = true, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,

    /// Do not print warnings.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Skills, companies and months of experience found in a résumé.
    Profile(ProfileArgs),
    /// Inspect the skill taxonomy.
    #[command(subcommand)]
    Taxonomy(TaxonomyCommand),
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// The résumé (Markdown, Japanese or English).
    #[arg(value_name = "RESUME")]
    pub resume: PathBuf,

    /// Month that closes open periods (`2025年04月 〜`, `– Present`); default: this month.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<String>,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ProfileFormat::Table)]
    pub format: ProfileFormat,

    /// Write to FILE instead of standard output (written atomically).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileFormat {
    Table,
    Json,
    Csv,
    Parquet,
}

#[derive(Debug, Subcommand)]
pub enum TaxonomyCommand {
    /// List skills, optionally of one category.
    List {
        /// Only this category (e.g. `language`, `aws`, `practice`).
        #[arg(long, short)]
        category: Option<String>,
    },
    /// Show the skill a name or alias resolves to.
    Show {
        /// A skill name, alias or id (`k8s`, `Amazon EKS`, `シェルスクリプト`).
        name: String,
        #[arg(long, short, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}

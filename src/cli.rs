//! Command-line arguments (clap derive). Declarations only: no I/O, no validation beyond what
//! clap does; [`crate::settings`] turns these into validated settings.

use std::path::PathBuf;

use clap::{Args, ColorChoice, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "skillfit",
    version,
    about = "Résumé → skills and tenure, scored against saved job postings. Offline, deterministic.",
    long_about = "skillfit reads a résumé (Japanese or English Markdown, or JSON Resume), works out which skills \
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

    /// Scoring settings. Default: $SKILLFIT_CONFIG, else ./skillfit.toml, else
    /// skillfit/config.toml in the user config directory (`skillfit config --path` shows which).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colour in terminal output: `auto` colours a terminal only (and honours NO_COLOR and
    /// CLICOLOR_FORCE), `always` also colours a pipe, `never` never colours.
    #[arg(long, global = true, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Do not print warnings (or the progress bar).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Never draw a progress bar (it is only drawn when stderr is a terminal).
    #[arg(long, global = true)]
    pub no_progress: bool,

    /// Worker threads for batch commands (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Skills, companies and months of experience found in a résumé.
    Profile(ProfileArgs),
    /// Draw the skill timeline of a résumé (PNG or SVG, by the file extension).
    Timeline(TimelineArgs),
    /// What skillfit extracts from one saved job posting.
    Posting(PostingArgs),
    /// Score one posting against a résumé; `--explain` shows every point.
    Score(ScoreArgs),
    /// Rank saved postings by fit and write a report folder.
    Rank(RankArgs),
    /// Skills the postings ask for that the résumé lacks or has too little of.
    Gaps(GapsArgs),
    /// Every résumé against every posting: the top K postings per résumé.
    Matrix(MatrixArgs),
    /// Show the scoring configuration.
    Config(ConfigArgs),
    /// Inspect the skill taxonomy.
    #[command(subcommand)]
    Taxonomy(TaxonomyCommand),
    /// Print a shell completion script (see README, "Shell completion").
    Completions(CompletionsArgs),
    /// Print the man page (roff) of skillfit, or of one command (`skillfit man rank`).
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command (`rank`, `profile`, …): its own page, `skillfit-COMMAND(1)`.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The résumé.
    pub resume: PathBuf,
    /// Output file, `.png` or `.svg`.
    #[arg(long, short, value_name = "FILE", default_value = "timeline.png")]
    pub output: PathBuf,
    /// Month that closes open periods; default: this month.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<String>,
    /// Skills shown (those with the most months; listed and often-mentioned ones first on ties).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub top: usize,
    /// Only skills of this category (`skillfit taxonomy list` shows them).
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Row order.
    #[arg(long, value_enum, default_value_t = TimelineSort::Months)]
    pub sort: TimelineSort,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineSort {
    Months,
    FirstUsed,
    Category,
}

#[derive(Debug, Args)]
pub struct PostingArgs {
    /// A posting: .md, .txt, .html/.htm or .json (schema.org JobPosting / JSON Resume job).
    pub posting: PathBuf,
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The résumé.
    pub resume: PathBuf,
    /// The posting.
    #[arg(required_unless_present = "jobs_jsonl")]
    pub posting: Option<PathBuf>,
    /// Score a stream instead: postings as JSON lines (`-` = standard input; fields as for
    /// `.jsonl` corpora), one JSON result per line on standard output, in input order.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["posting", "explain"])]
    pub jobs_jsonl: Option<PathBuf>,
    /// List every requirement: level, years asked, what matched it, points earned.
    #[arg(long)]
    pub explain: bool,
    /// Month that closes open periods; default: this month.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<String>,
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    /// The résumé.
    pub resume: PathBuf,
    /// Posting files or folders (searched recursively for .md .txt .html .htm .json).
    #[arg(required = true)]
    pub jobs: Vec<PathBuf>,
    /// Show only the best N.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Show only postings scoring at least S.
    #[arg(long, value_name = "S")]
    pub min_score: Option<f64>,
    #[arg(long, short, value_enum, default_value_t = RankFormat::Table)]
    pub format: RankFormat,
    /// Report folder (default: reports/<résumé name>/).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Do not write the report folder.
    #[arg(long, conflicts_with = "out")]
    pub no_report: bool,
    /// Month that closes open periods; default: this month.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    /// The résumé.
    pub resume: PathBuf,
    /// Posting files or folders.
    #[arg(required = true)]
    pub jobs: Vec<PathBuf>,
    /// Show only the top N skills.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
    /// Month that closes open periods; default: this month.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Résumé files or folders (searched recursively for .md, .txt and JSON Resume .json).
    #[arg(required = true)]
    pub resumes: Vec<PathBuf>,
    /// Posting files or folders.
    #[arg(long, required = true, num_args = 1..)]
    pub jobs: Vec<PathBuf>,
    /// Postings kept per résumé.
    #[arg(long, value_name = "K", default_value_t = 50)]
    pub top: usize,
    /// Output file: `.parquet` or `.csv` (written atomically).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Month that closes open periods; default: this month.
    #[arg(long, value_name = "YYYY-MM")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default skillfit.toml (with comments).
    #[arg(long, conflicts_with = "path")]
    pub default: bool,
    /// Print the path of the config file in effect (nothing on stdout when none is).
    #[arg(long)]
    pub path: bool,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// The résumé (Markdown, Japanese or English, or a JSON Resume file).
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
    /// A JSON Resume document (jsonresume.org) with months per skill in `x-skillfit`.
    JsonResume,
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
        #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    #[value(alias = "text")]
    Table,
    Json,
}

/// Tabular corpora (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.parquet` among JOBS) and shards.
#[derive(Debug, Args, Default)]
pub struct CorpusArgs {
    /// Column holding the posting text (default: description, job_description, job_summary, text).
    #[arg(long, value_name = "COL")]
    pub text_col: Option<String>,
    /// Column holding the posting id (default: job_id, id, job_link; else `file:row N`).
    #[arg(long, value_name = "COL")]
    pub id_col: Option<String>,
    /// Column holding the title (default: title, position_title, job_title).
    #[arg(long, value_name = "COL")]
    pub title_col: Option<String>,
    /// Column holding the company (default: company, company_name).
    #[arg(long, value_name = "COL")]
    pub company_col: Option<String>,
    /// Column holding the URL (default: url, job_url, job_link, link).
    #[arg(long, value_name = "COL")]
    pub url_col: Option<String>,
    /// Keep only the postings whose id hashes (FNV-1a 64) to shard I of N (0 <= I < N); output
    /// files get `.shard-I-of-N` in their name.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::engine::shard::Shard>,
}

/// `skillfit completions SHELL`: the script for that shell, on `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "skillfit", out);
}

/// `skillfit man [COMMAND]`: the man page (roff) of `skillfit`, or `skillfit-COMMAND(1)`.
pub fn man(command: Option<&str>, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    // Built, subcommands carry the global flags and their `skillfit-COMMAND` names.
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => anyhow::bail!(
                "no command `{name}`; known: {}",
                cmd.get_subcommands()
                    .map(|c| c.get_name())
                    .filter(|n| *n != "help")
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    };
    clap_mangen::Man::new(page)
        .source(format!("skillfit {}", env!("CARGO_PKG_VERSION")))
        .render(out)?;
    Ok(())
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

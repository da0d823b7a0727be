//! Validated settings: the command line and the config file resolved once (ripgrep's
//! flags → HiArgs, uv's CLI → settings), so the layers below read checked values only and no
//! `clap` type reaches them. [`Settings`] holds what every command shares; the per-command
//! conversions (`--as-of` → [`Month`], format flags → the writers' enums, corpus flags →
//! [`Columns`]) are here too.

use anyhow::{bail, Context};
use chrono::Datelike;

use crate::cli::{self, CorpusArgs, GlobalArgs};
use crate::engine::corpus::Columns;
use crate::engine::Sources;
use crate::matching::Scoring;
use crate::period::Month;
use crate::taxonomy::Taxonomy;
use crate::{config, report, style};

/// What every command shares, resolved from the global flags.
pub struct Settings {
    pub tax: Taxonomy,
    pub colors: style::Colors,
    /// `--quiet`: no warnings, notes or progress bar.
    pub quiet: bool,
    /// A progress bar may be drawn (not quiet, not `--no-progress`, stderr is a terminal).
    pub progress: bool,
    /// The config file in effect (`None`: built-in defaults), and where it was looked for.
    pub config: Option<config::Found>,
    pub lookup: config::Lookup,
}

impl Settings {
    /// Resolve the global flags: thread pool, taxonomy, config file location.
    pub fn resolve(global: &GlobalArgs, colors: style::Colors) -> anyhow::Result<Settings> {
        if let Some(n) = global.threads {
            if n == 0 {
                bail!("--threads must be at least 1");
            }
            // Fails only if a pool already exists (a second `run` in one process): keep it.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global();
        }
        let tax = match &global.taxonomy {
            Some(path) => Taxonomy::with_user_file(path)?,
            None => Taxonomy::builtin()?,
        };
        // Found once; read only by the commands that score.
        let lookup = config::Lookup::from_process(global.config.as_deref());
        let config = config::discover(&lookup);
        let progress = {
            use std::io::IsTerminal;
            !global.quiet && !global.no_progress && std::io::stderr().is_terminal()
        };
        Ok(Settings {
            tax,
            colors,
            quiet: global.quiet,
            progress,
            config,
            lookup,
        })
    }

    /// The scoring weights: the config file's `[scoring]`, else the defaults. The one place
    /// the config file is read.
    pub fn scoring(&self) -> anyhow::Result<Scoring> {
        Ok(config::load(self.config.as_ref())?.scoring)
    }
}

/// `--as-of YYYY-MM`, or the current month.
pub fn resolve_as_of(arg: Option<&str>) -> anyhow::Result<Month> {
    match arg {
        Some(s) => match Month::parse_ym(s.trim()) {
            Some(m) => Ok(m),
            None => bail!("--as-of `{s}`: expected YYYY-MM, e.g. 2026-11"),
        },
        None => {
            let today = chrono::Local::now().date_naive();
            Month::new(today.year(), today.month()).context("the system clock is out of range")
        }
    }
}

/// JOBS and the corpus flags: where a batch reads its postings.
pub fn sources<'a>(jobs: &'a [std::path::PathBuf], corpus: &CorpusArgs) -> Sources<'a> {
    Sources {
        jobs,
        columns: Columns {
            text: corpus.text_col.clone(),
            id: corpus.id_col.clone(),
            title: corpus.title_col.clone(),
            company: corpus.company_col.clone(),
            url: corpus.url_col.clone(),
        },
        shard: corpus.shard,
    }
}

impl From<cli::ProfileFormat> for report::ProfileFormat {
    fn from(f: cli::ProfileFormat) -> Self {
        match f {
            cli::ProfileFormat::Table => report::ProfileFormat::Table,
            cli::ProfileFormat::Json => report::ProfileFormat::Json,
            cli::ProfileFormat::Csv => report::ProfileFormat::Csv,
            cli::ProfileFormat::Parquet => report::ProfileFormat::Parquet,
            cli::ProfileFormat::JsonResume => report::ProfileFormat::JsonResume,
        }
    }
}

impl From<cli::TimelineSort> for report::charts::TimelineSort {
    fn from(s: cli::TimelineSort) -> Self {
        match s {
            cli::TimelineSort::Months => report::charts::TimelineSort::Months,
            cli::TimelineSort::FirstUsed => report::charts::TimelineSort::FirstUsed,
            cli::TimelineSort::Category => report::charts::TimelineSort::Category,
        }
    }
}

impl From<cli::RankFormat> for report::rank::Output {
    fn from(f: cli::RankFormat) -> Self {
        match f {
            cli::RankFormat::Table => report::rank::Output::Table,
            cli::RankFormat::Json => report::rank::Output::Json,
            cli::RankFormat::Csv => report::rank::Output::Csv,
        }
    }
}

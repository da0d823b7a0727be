//! Dispatch and printing: one function per subcommand. Each turns its arguments into checked
//! values ([`crate::settings`]), calls the library ([`crate::engine`], the parsers, the
//! scorer) and hands the outcome to a writer ([`crate::report`]). No pipeline logic lives here.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::cli::{
    ConfigArgs, GapsArgs, MatrixArgs, PostingArgs, ProfileArgs, ProfileFormat, RankArgs,
    RankFormat, ScoreArgs, ShowFormat, TimelineArgs,
};
use crate::engine::{self, RankJob};
use crate::matching::{self, ResumeSkills};
use crate::profile::Profile;
use crate::settings::{self, Settings};
use crate::{config, console, output, posting, report, taxonomy, Exit};

/// Where a command writes: results on `out`, warnings and notes on `err`.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// Profile the résumé (as of `as_of`, or this month) and print its warnings.
fn load_profile(
    s: &Settings,
    resume: &Path,
    as_of: Option<&str>,
    err: &mut dyn Write,
) -> anyhow::Result<Profile> {
    let as_of = settings::resolve_as_of(as_of)?;
    let p = engine::profile_resume(resume, &s.tax, as_of)?;
    console::print_profile_warnings(s, &p, err)?;
    Ok(p)
}

pub fn profile(s: &Settings, args: &ProfileArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    if args.format == ProfileFormat::Parquet && args.output.is_none() {
        anyhow::bail!("--format parquet writes a binary file: add --output FILE");
    }
    let profile = load_profile(s, &args.resume, args.as_of.as_deref(), io.err)?;
    let emitter = report::profile_emitter(args.format.into());
    match &args.output {
        Some(path) => output::write_atomic(path, |w| emitter.emit(&profile, w))
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => emitter.emit(&profile, io.out)?,
    }
    Ok(Exit::Ok)
}

pub fn timeline(s: &Settings, args: &TimelineArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let Some(format) = crate::chart::ChartFormat::from_path(&args.output) else {
        anyhow::bail!("-o {}: use a .png or .svg file name", args.output.display());
    };
    if let Some(c) = &args.category {
        taxonomy::known_category(c)?;
    }
    let profile = load_profile(s, &args.resume, args.as_of.as_deref(), io.err)?;
    let category = args.category.as_deref();
    let data = report::charts::timeline_data(&profile, args.top, category, args.sort.into());
    let bytes = crate::chart::timeline(&data, format)?;
    output::write_atomic(&args.output, |w| Ok(w.write_all(&bytes)?))
        .with_context(|| format!("{}: cannot write", args.output.display()))?;
    if !s.quiet {
        writeln!(
            io.err,
            "skillfit: timeline written to {}",
            output::shown_path(&args.output)
        )?;
    }
    Ok(Exit::Ok)
}

pub fn posting(s: &Settings, args: &PostingArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let p = posting::load_posting(&args.posting, &s.tax)?;
    console::print_posting_warnings(s, &p, io.err)?;
    if !p.has_requirements() && !s.quiet {
        let warning = s.colors.err.warning();
        writeln!(
            io.err,
            "{warning} {}: no required or preferred skill recognised",
            p.path
        )?;
    }
    match args.format {
        ShowFormat::Json => console::json(&p, io.out)?,
        ShowFormat::Table => report::posting::table(&p, io.out)?,
    }
    Ok(Exit::Ok)
}

pub fn score(s: &Settings, args: &ScoreArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let scoring = s.scoring()?;
    let profile = load_profile(s, &args.resume, args.as_of.as_deref(), io.err)?;
    let have = ResumeSkills::from_profile(&profile, &s.tax);
    if let Some(src) = &args.jobs_jsonl {
        let failed = engine::stream::run(src, &s.tax, &have, &scoring, io.out)?;
        return Ok(Exit::partial_if(failed > 0));
    }
    let Some(posting) = &args.posting else {
        anyhow::bail!("give a POSTING file, or --jobs-jsonl FILE (- for standard input)");
    };
    let p = posting::load_posting(posting, &s.tax)?;
    console::print_posting_warnings(s, &p, io.err)?;
    let fit = matching::score(&have, &p, &scoring);
    match args.format {
        ShowFormat::Json => console::json(&fit, io.out)?,
        ShowFormat::Table => report::rank::explain(&fit, s.colors.out, io.out, args.explain)?,
    }
    Ok(Exit::Ok)
}

pub fn rank(s: &Settings, args: &RankArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let scoring = s.scoring()?;
    let profile = load_profile(s, &args.resume, args.as_of.as_deref(), io.err)?;
    let sources = settings::sources(&args.jobs, &args.corpus);
    let report_dir = (!args.no_report).then(|| {
        let dir = args.out.clone();
        sources.output_path(&dir.unwrap_or_else(|| report::folder::default_dir(&args.resume)))
    });
    let job = RankJob {
        sources,
        // Without a report, only the shown postings need to be kept.
        keep: (args.no_report && args.min_score.is_none())
            .then_some(args.top)
            .flatten(),
        report_dir,
        keep_rows: args.format == RankFormat::Json,
    };
    let mut o = console::with_hooks(s, io.err, |h| {
        engine::rank(&profile, &s.tax, &scoring, &job, h)
    })?;
    if let (Some(summary), false) = (&o.report, s.quiet) {
        writeln!(
            io.err,
            "skillfit: report written to {}",
            output::shown_path(summary)
        )?;
    }
    // Every fit (or the best `--top`) at or above `--min-score`, streamed in rank order.
    let shown = o.fits.shown(args.min_score, args.top)?;
    let paint = s.colors.out;
    let format = args.format.into();
    report::rank::write_ranking(format, shown, &profile, &o.skipped, paint, io.out)?;
    Ok(Exit::partial_if(!o.skipped.is_empty()))
}

pub fn gaps(s: &Settings, args: &GapsArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let scoring = s.scoring()?;
    let profile = load_profile(s, &args.resume, args.as_of.as_deref(), io.err)?;
    let sources = settings::sources(&args.jobs, &args.corpus);
    let mut o = console::with_hooks(s, io.err, |h| {
        engine::gaps(&profile, &s.tax, &scoring, &sources, h)
    })?;
    if let Some(n) = args.top {
        o.gaps.truncate(n);
    }
    match args.format {
        ShowFormat::Json => console::json(&o.gaps, io.out)?,
        ShowFormat::Table => report::rank::gaps_table(&o.gaps, s.colors.out, io.out)?,
    }
    Ok(Exit::partial_if(!o.skipped.is_empty()))
}

pub fn matrix(s: &Settings, args: &MatrixArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let scoring = s.scoring()?;
    let as_of = settings::resolve_as_of(args.as_of.as_deref())?;
    let format = engine::matrix::Format::from_path(&args.out)?;
    let sources = settings::sources(&args.jobs, &args.corpus);
    let out_path = sources.output_path(&args.out);
    let o = console::with_hooks(s, io.err, |h| {
        engine::matrix::matrix(
            &args.resumes,
            &sources,
            &s.tax,
            as_of,
            &scoring,
            args.top,
            h,
        )
    })?;
    output::write_atomic(&out_path, |w| engine::matrix::write(&o.rows, format, w))
        .with_context(|| format!("{}: cannot write", out_path.display()))?;
    if !s.quiet {
        let (n, shown) = (o.rows.len(), output::shown_path(&out_path));
        writeln!(io.err, "skillfit: {n} rows written to {shown}")?;
    }
    Ok(Exit::partial_if(!o.skipped.is_empty()))
}

pub fn config(s: &Settings, args: &ConfigArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    if args.default {
        io.out.write_all(config::DEFAULT_TOML.as_bytes())?;
        return Ok(Exit::Ok);
    }
    if args.path {
        console::config_path(s, io.out, io.err)?;
        return Ok(Exit::Ok);
    }
    let scoring = s.scoring()?;
    writeln!(io.out, "[scoring]")?;
    for (name, v) in scoring.fields() {
        writeln!(io.out, "{name} = {v:?}")?;
    }
    Ok(Exit::Ok)
}

pub fn taxonomy_list(
    s: &Settings,
    category: Option<&str>,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    if let Some(c) = category {
        taxonomy::known_category(c)?;
    }
    report::taxonomy::list(&s.tax, category, io.out)?;
    Ok(Exit::Ok)
}

pub fn taxonomy_show(
    s: &Settings,
    name: &str,
    format: ShowFormat,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let Some(id) = s.tax.resolve(name) else {
        writeln!(io.err, "skillfit: no skill named `{name}` in the taxonomy")?;
        let near = s.tax.suggest(name, 5);
        if !near.is_empty() {
            writeln!(io.err, "  did you mean: {}", near.join(", "))?;
        }
        return Ok(Exit::Failure);
    };
    report::taxonomy::show(&s.tax, id, format == ShowFormat::Json, io.out)?;
    Ok(Exit::Ok)
}

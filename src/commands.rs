//! One function per subcommand: resolve settings, run the pipeline, hand results to a writer.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::batch::{self, Skipped};
use crate::cli::{
    ConfigArgs, GapsArgs, GlobalArgs, MatrixArgs, PostingArgs, ProfileArgs, ProfileFormat,
    RankArgs, RankFormat, ScoreArgs, ShowFormat, TimelineArgs,
};
use crate::matching::{self, Fit, ResumeSkills};
use crate::profile::Profile;
use crate::taxonomy::{self, Taxonomy};
use crate::{config, output, posting, report, settings, style, text, Exit};

pub struct Context<'a> {
    pub tax: &'a Taxonomy,
    pub global: &'a GlobalArgs,
    pub colors: style::Colors,
    /// The config file in effect (`None`: built-in defaults), found once per run.
    pub config: Option<&'a config::Found>,
    pub lookup: &'a config::Lookup,
}

impl Context<'_> {
    fn warning(&self) -> String {
        self.colors.err.warning()
    }

    fn load_config(&self) -> anyhow::Result<config::Config> {
        Ok(config::load(self.config)?)
    }
}

fn print_profile_warnings(ctx: &Context, p: &Profile, err: &mut dyn Write) -> std::io::Result<()> {
    if ctx.global.quiet {
        return Ok(());
    }
    let warning = ctx.warning();
    for w in &p.warnings {
        match w.line {
            Some(line) => writeln!(err, "{warning} {}:{line}: {}", p.source, w.message)?,
            None => writeln!(err, "{warning} {}: {}", p.source, w.message)?,
        }
    }
    for t in &p.unknown_terms {
        writeln!(
            err,
            "{} {}:{}: `{}` is not in the taxonomy (add it with --taxonomy)",
            ctx.colors.err.note(),
            p.source,
            t.line,
            t.term
        )?;
    }
    Ok(())
}

/// Profile the résumé and print its warnings.
fn load_profile(
    ctx: &Context,
    resume: &std::path::Path,
    as_of: Option<&str>,
    err: &mut dyn Write,
) -> anyhow::Result<Profile> {
    let as_of = settings::resolve_as_of(as_of)?;
    let p = crate::profile_resume(resume, ctx.tax, as_of)?;
    print_profile_warnings(ctx, &p, err)?;
    Ok(p)
}

pub fn profile(
    ctx: &Context,
    args: &ProfileArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    if args.format == ProfileFormat::Parquet && args.output.is_none() {
        anyhow::bail!("--format parquet writes a binary file: add --output FILE");
    }
    let profile = load_profile(ctx, &args.resume, args.as_of.as_deref(), err)?;
    let emitter = report::profile_emitter(args.format);
    match &args.output {
        Some(path) => output::write_atomic(path, |w| emitter.emit(&profile, w))
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => emitter.emit(&profile, out)?,
    }
    Ok(Exit::Ok)
}

pub fn timeline(ctx: &Context, args: &TimelineArgs, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let Some(format) = crate::chart::ChartFormat::from_path(&args.output) else {
        anyhow::bail!("-o {}: use a .png or .svg file name", args.output.display());
    };
    if let Some(c) = &args.category {
        if !taxonomy::CATEGORIES.contains(&c.as_str()) {
            anyhow::bail!(
                "unknown category `{c}`; known: {}",
                taxonomy::CATEGORIES.join(", ")
            );
        }
    }
    let profile = load_profile(ctx, &args.resume, args.as_of.as_deref(), err)?;
    let data =
        report::charts::timeline_data(&profile, args.top, args.category.as_deref(), args.sort);
    let bytes = crate::chart::timeline(&data, format)?;
    output::write_atomic(&args.output, |w| Ok(w.write_all(&bytes)?))
        .with_context(|| format!("{}: cannot write", args.output.display()))?;
    if !ctx.global.quiet {
        writeln!(
            err,
            "skillfit: timeline written to {}",
            output::shown_path(&args.output)
        )?;
    }
    Ok(Exit::Ok)
}

pub fn posting(
    ctx: &Context,
    args: &PostingArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let p = posting::load_posting(&args.posting, ctx.tax)?;
    if !ctx.global.quiet {
        for w in &p.warnings {
            writeln!(err, "{} {w}", ctx.warning())?;
        }
    }
    if !p.has_requirements() && !ctx.global.quiet {
        writeln!(
            err,
            "{} {}: no required or preferred skill recognised",
            ctx.warning(),
            p.path
        )?;
    }
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &p)?;
            writeln!(out)?;
        }
        ShowFormat::Table => {
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
                    taxonomy::MatchKind::Fuzzy => format!("fuzzy {:.2}", r.similarity),
                    k => k.as_str().to_owned(),
                };
                writeln!(
                    out,
                    "{} {} {:>5} {} {} {}",
                    report::fit_width(r.level.as_str(), 10),
                    report::fit_width(&r.skill, 24),
                    years,
                    report::fit_width(&group, 9),
                    report::fit_width(&how, 10),
                    text::ellipsize(&r.text, 36)
                )?;
            }
            if !p.unknown_terms.is_empty() {
                writeln!(out, "\nNot in the taxonomy: {}", p.unknown_terms.join(", "))?;
            }
        }
    }
    Ok(Exit::Ok)
}

pub fn score(
    ctx: &Context,
    args: &ScoreArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let cfg = ctx.load_config()?;
    let profile = load_profile(ctx, &args.resume, args.as_of.as_deref(), err)?;
    let have = ResumeSkills::from_profile(&profile, ctx.tax);
    if let Some(src) = &args.jobs_jsonl {
        return crate::stream::run(src, ctx.tax, &have, &cfg.scoring, out);
    }
    let Some(posting) = &args.posting else {
        anyhow::bail!("give a POSTING file, or --jobs-jsonl FILE (- for standard input)");
    };
    let p = posting::load_posting(posting, ctx.tax)?;
    if !ctx.global.quiet {
        for w in &p.warnings {
            writeln!(err, "{} {w}", ctx.warning())?;
        }
    }
    let fit = matching::score(&have, &p, &cfg.scoring);
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &fit)?;
            writeln!(out)?;
        }
        ShowFormat::Table => report::rank::explain(&fit, ctx.colors.out, out, args.explain)?,
    }
    Ok(Exit::Ok)
}

/// Postings explained in the report (`postings/<slug>.md`): the best ones. The rest are in
/// the CSV/Parquet files; a 100,000-posting run does not write 100,000 Markdown files.
const EXPLAIN_TOP: usize = 100;

/// A progress bar on stderr when it is a terminal (and not `--quiet`/`--no-progress`).
fn progress(global: &GlobalArgs, len: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if global.quiet || global.no_progress || !std::io::stderr().is_terminal() || len < 2 {
        return None;
    }
    let pb = indicatif::ProgressBar::new(len as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} {pos}/{len} postings [{bar:30}] {per_sec} eta {eta}",
    )
    .map(|s| s.progress_chars("=> "))
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    pb.set_style(style);
    Some(pb)
}

struct Batch {
    /// Every fit (or the best `keep`), in rank order once scoring is done.
    fits: crate::ranked::Ranked,
    skipped: Vec<Skipped>,
    have: ResumeSkills,
    scoring: matching::Scoring,
}

/// Parse and score every posting under `jobs`; fits ranked, skipped files reported on `err`.
/// With `keep` set, only the best `keep` fits are kept while scoring (bounded memory).
/// `on_chunk` sees each chunk of fresh fits (with their requirement rows) before they are kept.
fn rank_all(
    ctx: &Context,
    profile: &Profile,
    jobs: &[PathBuf],
    corpus: &crate::cli::CorpusArgs,
    keep: Option<usize>,
    on_chunk: &mut dyn FnMut(&mut [Fit]) -> anyhow::Result<()>,
    err: &mut dyn Write,
) -> anyhow::Result<Batch> {
    let cfg = ctx.load_config()?;
    let have = ResumeSkills::from_profile(profile, ctx.tax);
    let mut source = batch::Postings::open(jobs, &corpus.into(), corpus.shard)?;
    let mut skipped = std::mem::take(&mut source.skipped);
    if !ctx.global.quiet {
        for w in &source.warnings {
            writeln!(err, "skillfit: warning: {w}")?;
        }
    }
    let pb = progress(ctx.global, source.len_hint());
    let tick = || {
        if let Some(pb) = &pb {
            pb.inc(1);
        }
    };
    // Fits that `on_chunk` stripped of their rows can wait on disk (sorted runs) once there
    // are many: memory stays bounded however many postings there are.
    let mut fits = crate::ranked::Ranked::new(Some(crate::ranked::spill_at()));
    // Score in chunks so that `keep` bounds memory on huge corpora (and tables stream).
    while let Some(chunk) = source.next_chunk(4096)? {
        let mut fresh = Vec::with_capacity(chunk.len());
        for outcome in batch::score_work(&chunk, ctx.tax, &have, &cfg.scoring, &tick) {
            match outcome {
                Ok(f) => {
                    if !ctx.global.quiet {
                        for w in &f.warnings {
                            writeln!(err, "{} {w}", ctx.warning())?;
                        }
                    }
                    fresh.push(f)
                }
                Err(s) => skipped.push(s),
            }
        }
        on_chunk(&mut fresh)?;
        fits.push(fresh)?;
        if let Some(k) = keep {
            fits.truncate(k);
        }
    }
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    if !ctx.global.quiet {
        for s in &skipped {
            writeln!(
                err,
                "{} {}: {}",
                ctx.colors.err.short("skillfit: skipped"),
                s.path,
                s.reason
            )?;
        }
    }
    if fits.is_empty() && skipped.is_empty() {
        anyhow::bail!(
            "no posting files ({}) in {}",
            posting::EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" "),
            jobs.iter()
                .map(|j| j.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if fits.is_empty() {
        anyhow::bail!(
            "no postings to rank in {} ({} skipped)",
            jobs.iter()
                .map(|j| j.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            skipped.len()
        );
    }
    Ok(Batch {
        fits,
        skipped,
        have,
        scoring: cfg.scoring,
    })
}

fn default_report_dir(resume: &std::path::Path) -> PathBuf {
    let stem = resume
        .file_stem()
        .map_or_else(|| "resume".to_owned(), |s| s.to_string_lossy().into_owned());
    PathBuf::from("reports").join(report::folder::slug(&stem))
}

pub fn rank(
    ctx: &Context,
    args: &RankArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let profile = load_profile(ctx, &args.resume, args.as_of.as_deref(), err)?;
    // Without a report, only the shown postings need to be kept.
    let keep = if args.no_report && args.min_score.is_none() {
        args.top
    } else {
        None
    };
    let report_dir = (!args.no_report).then(|| {
        let dir = args
            .out
            .clone()
            .unwrap_or_else(|| default_report_dir(&args.resume));
        match args.corpus.shard {
            Some(s) => s.output_path(&dir),
            None => dir,
        }
    });
    // The report's long-form rows are streamed to disk while scoring; only per-posting
    // results stay in memory (plus the rows themselves when JSON output asks for them).
    let stage = report_dir
        .as_deref()
        .map(report::folder::Staging::begin)
        .transpose()?;
    let mut sink = match &stage {
        Some(st) => Some(crate::frame::RequirementsSink::create(
            &st.path(std::path::Path::new("requirements.csv"))?,
            &st.path(std::path::Path::new("requirements.parquet"))?,
        )?),
        None => None,
    };
    let mut gap_acc = matching::GapAcc::default();
    let keep_rows = args.format == RankFormat::Json;
    // The best fits with their requirement rows, for explaining postings read from tables
    // (a file is simply read again).
    let mut best: Vec<Fit> = Vec::new();
    let mut on_chunk = |chunk: &mut [Fit]| -> anyhow::Result<()> {
        for f in chunk.iter() {
            gap_acc.add(f);
        }
        if report_dir.is_some() {
            best.extend(chunk.iter().cloned());
            matching::rank(&mut best);
            best.truncate(EXPLAIN_TOP);
        }
        if let Some(sink) = &mut sink {
            sink.write(chunk)?;
        }
        if !keep_rows {
            chunk.iter_mut().for_each(Fit::strip);
        }
        Ok(())
    };
    let b = rank_all(
        ctx,
        &profile,
        &args.jobs,
        &args.corpus,
        keep,
        &mut on_chunk,
        err,
    )?;
    let gaps = gap_acc.finish();
    let mut fits = b.fits;
    if let (Some(stage), Some(sink), Some(dir)) = (stage, sink, &report_dir) {
        sink.finish()?;
        // Re-score the best postings with their evidence texts for the explanations.
        let explained: Vec<Fit> = fits
            .top()
            .iter()
            .take(EXPLAIN_TOP)
            .map(|f| {
                let path = std::path::Path::new(&f.path);
                let reread = path
                    .is_file()
                    .then(|| batch::score_file(path, ctx.tax, &b.have, &b.scoring).ok())
                    .flatten();
                reread
                    .or_else(|| best.iter().find(|k| k.path == f.path).cloned())
                    .unwrap_or_else(|| f.clone())
            })
            .collect();
        report::folder::write_fits(&stage.path(std::path::Path::new("fits.csv"))?, fits.iter()?)?;
        let ranking = report::Ranking {
            top: fits.top(),
            total: fits.len(),
            scored: fits.scored(),
        };
        for (rel, bytes) in
            report::folder::render(&profile, ranking, &explained, &gaps, &b.skipped)?
        {
            stage.add(&rel, &bytes)?;
        }
        let charts = report::charts::render_all(&profile, ranking.top, &explained, &gaps)?;
        let svg = |name: &str| {
            charts
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        };
        let inline = report::html::Charts {
            timeline: svg("timeline.svg"),
            ranking: svg("ranking.svg"),
            gaps: svg("gaps.svg"),
            coverage: svg("coverage.svg"),
        };
        let page = report::html::page(&profile, ranking, &explained, &gaps, &b.skipped, &inline);
        stage.add(std::path::Path::new("report.html"), page.as_bytes())?;
        for (name, bytes) in &charts {
            stage.add(std::path::Path::new(name), bytes)?;
        }
        stage.commit()?;
        if !ctx.global.quiet {
            writeln!(
                err,
                "skillfit: report written to {}",
                output::shown_path(&dir.join("summary.md"))
            )?;
        }
    }
    // What stdout shows: every fit (or the best `--top`) at or above `--min-score`, streamed
    // in rank order.
    let min_score = args.min_score;
    let shown = fits
        .iter()?
        .filter(|f| {
            f.as_ref().map_or(true, |f| {
                min_score.is_none_or(|m| f.shown_score().is_some_and(|s| s >= m))
            })
        })
        .take(args.top.unwrap_or(usize::MAX));
    match args.format {
        RankFormat::Table => {
            let mut table = report::rank::RankTable::new(ctx.colors.out, out)?;
            for f in shown {
                table.row(&f?)?;
            }
            table.finish(&b.skipped)?;
        }
        RankFormat::Json => {
            // JSON keeps every requirement row, so these fits were never written to disk.
            let shown_owned = shown.collect::<std::io::Result<Vec<Fit>>>()?;
            let j = report::rank::RankJson {
                as_of: profile.as_of,
                resume: &profile.source,
                postings: &shown_owned,
                skipped: &b.skipped,
            };
            serde_json::to_writer_pretty(&mut *out, &j)?;
            writeln!(out)?;
        }
        RankFormat::Csv => crate::frame::write_fits_csv(shown, out)?,
    }
    Ok(if b.skipped.is_empty() {
        Exit::Ok
    } else {
        Exit::Partial
    })
}

pub fn gaps(
    ctx: &Context,
    args: &GapsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let profile = load_profile(ctx, &args.resume, args.as_of.as_deref(), err)?;
    // Gaps are summed as the postings are scored; no fit needs to be kept.
    let mut acc = matching::GapAcc::default();
    let b = rank_all(
        ctx,
        &profile,
        &args.jobs,
        &args.corpus,
        Some(0),
        &mut |chunk| {
            for f in chunk.iter_mut() {
                acc.add(f);
                f.strip();
            }
            Ok(())
        },
        err,
    )?;
    let mut gaps = acc.finish();
    if let Some(n) = args.top {
        gaps.truncate(n);
    }
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &gaps)?;
            writeln!(out)?;
        }
        ShowFormat::Table => report::rank::gaps_table(&gaps, ctx.colors.out, out)?,
    }
    Ok(if b.skipped.is_empty() {
        Exit::Ok
    } else {
        Exit::Partial
    })
}

pub fn matrix(ctx: &Context, args: &MatrixArgs, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let cfg = ctx.load_config()?;
    let as_of = settings::resolve_as_of(args.as_of.as_deref())?;
    let ext = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_parquet = match ext.as_deref() {
        Some("parquet") => true,
        Some("csv") => false,
        _ => anyhow::bail!(
            "--out {}: use a .parquet or .csv file name",
            args.out.display()
        ),
    };
    let pb = progress(ctx.global, 0).or_else(|| {
        use std::io::IsTerminal;
        (!ctx.global.quiet && !ctx.global.no_progress && std::io::stderr().is_terminal())
            .then(indicatif::ProgressBar::no_length)
    });
    let tick = || {
        if let Some(pb) = &pb {
            pb.inc(1);
        }
    };
    let out_path = match args.corpus.shard {
        Some(s) => s.output_path(&args.out),
        None => args.out.clone(),
    };
    let mut source = batch::Postings::open(&args.jobs, &(&args.corpus).into(), args.corpus.shard)?;
    let crate::matrix::Outcome {
        rows,
        skipped,
        warnings,
    } = crate::matrix::run(
        &args.resumes,
        &mut source,
        ctx.tax,
        as_of,
        &cfg.scoring,
        args.top,
        &tick,
    )?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    if !ctx.global.quiet {
        for w in &warnings {
            writeln!(err, "skillfit: warning: {w}")?;
        }
        for s in &skipped {
            writeln!(
                err,
                "{} {}: {}",
                ctx.colors.err.short("skillfit: skipped"),
                s.path,
                s.reason
            )?;
        }
    }
    if rows.is_empty() {
        anyhow::bail!("nothing to write: no résumé could be scored against any posting");
    }
    let df = crate::frame::matrix_frame(&rows)?;
    output::write_atomic(&out_path, |w| {
        if is_parquet {
            crate::frame::write_parquet(&df, w)?;
        } else {
            crate::frame::write_csv(&df, w)?;
        }
        Ok(())
    })
    .with_context(|| format!("{}: cannot write", out_path.display()))?;
    if !ctx.global.quiet {
        writeln!(
            err,
            "skillfit: {} rows written to {}",
            rows.len(),
            output::shown_path(&out_path)
        )?;
    }
    Ok(if skipped.is_empty() {
        Exit::Ok
    } else {
        Exit::Partial
    })
}

pub fn config(
    ctx: &Context,
    args: &ConfigArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    if args.default {
        out.write_all(config::DEFAULT_TOML.as_bytes())?;
        return Ok(Exit::Ok);
    }
    if args.path {
        match ctx.config {
            Some(found) => {
                writeln!(out, "{}", found.path.display())?;
                if !ctx.global.quiet {
                    writeln!(
                        err,
                        "{} config file from {}",
                        ctx.colors.err.note(),
                        found.origin.describe()
                    )?;
                }
            }
            None => writeln!(
                err,
                "{} no config file in effect: built-in defaults (looked at {})",
                ctx.colors.err.note(),
                ctx.lookup.places().join(", ")
            )?,
        }
        return Ok(Exit::Ok);
    }
    let c = ctx.load_config()?;
    let s = &c.scoring;
    writeln!(out, "[scoring]")?;
    for (name, v) in s.fields() {
        writeln!(out, "{name} = {v:?}")?;
    }
    Ok(Exit::Ok)
}

/// `skillfit completions SHELL`: the script for that shell, on `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> anyhow::Result<Exit> {
    use clap::CommandFactory;
    let mut cmd = crate::cli::Cli::command();
    clap_complete::generate(shell, &mut cmd, "skillfit", out);
    Ok(Exit::Ok)
}

/// `skillfit man [COMMAND]`: the man page (roff) of `skillfit`, or `skillfit-COMMAND(1)`.
pub fn man(command: Option<&str>, out: &mut dyn Write) -> anyhow::Result<Exit> {
    use clap::CommandFactory;
    let mut cmd = crate::cli::Cli::command();
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
    Ok(Exit::Ok)
}

pub fn taxonomy_list(
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
        // The first source is where the skill comes from; others also list it.
        let source = s.sources.first().map_or("", String::as_str);
        writeln!(
            out,
            "{} {} {} {}",
            report::fit_width(&s.name, 26),
            report::fit_width(&s.category, 17),
            report::fit_width(source, 15),
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
    sources: &'a [String],
    ambiguous: bool,
}

pub fn taxonomy_show(
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
                sources: &s.sources,
                ambiguous: s.is_ambiguous,
            };
            serde_json::to_writer_pretty(&mut *out, &j)?;
            writeln!(out)?;
        }
        ShowFormat::Table => {
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
        }
    }
    Ok(Exit::Ok)
}

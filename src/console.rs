//! What the terminal shows besides results: warnings and notes about the inputs, skipped
//! files, the progress bar, and JSON on stdout. Used by [`crate::commands`].

use std::io::Write;

use crate::engine::{Event, Hooks};
use crate::posting::Posting;
use crate::profile::Profile;
use crate::settings::Settings;

pub fn print_profile_warnings(
    s: &Settings,
    p: &Profile,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    if s.quiet {
        return Ok(());
    }
    for w in &p.warnings {
        match w.line {
            Some(line) => writeln!(
                err,
                "{} {}:{line}: {}",
                s.colors.err.warning(),
                p.source,
                w.message
            )?,
            None => writeln!(
                err,
                "{} {}: {}",
                s.colors.err.warning(),
                p.source,
                w.message
            )?,
        }
    }
    for t in &p.unknown_terms {
        let note = s.colors.err.note();
        let (source, line, term) = (&p.source, t.line, &t.term);
        writeln!(
            err,
            "{note} {source}:{line}: `{term}` is not in the taxonomy (add it with --taxonomy)"
        )?;
    }
    Ok(())
}

pub fn print_posting_warnings(
    s: &Settings,
    p: &Posting,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    for w in p.warnings.iter().filter(|_| !s.quiet) {
        writeln!(err, "{} {w}", s.colors.err.warning())?;
    }
    Ok(())
}

/// Runs `f` with hooks that print a batch's warnings and skipped inputs on `err` (unless
/// quiet) and draw a progress bar on a terminal.
pub fn with_hooks<R>(s: &Settings, err: &mut dyn Write, f: impl FnOnce(&mut Hooks<'_>) -> R) -> R {
    use indicatif::{ProgressBar, ProgressStyle};
    // Made once the engine says how much work there is: a bar for a known count of postings
    // (two or more), a spinner when the count is unknown (0).
    let pb: std::sync::OnceLock<ProgressBar> = std::sync::OnceLock::new();
    let mut event = |e: Event<'_>| -> std::io::Result<()> {
        if let (true, Some(pb)) = (matches!(e, Event::Skipped(_)), pb.get()) {
            pb.finish_and_clear();
        }
        match e {
            _ if s.quiet => Ok(()),
            Event::SourceWarning(w) => writeln!(err, "skillfit: warning: {w}"),
            Event::PostingWarning(w) => writeln!(err, "{} {w}", s.colors.err.warning()),
            Event::Skipped(k) => {
                let label = s.colors.err.short("skillfit: skipped");
                writeln!(err, "{label} {}: {}", k.path, k.reason)
            }
        }
    };
    let mut expect = |n: usize| {
        if !s.progress || n == 1 {
            return;
        }
        let bar = if n == 0 {
            ProgressBar::no_length()
        } else {
            let style = ProgressStyle::with_template(
                "{spinner} {pos}/{len} postings [{bar:30}] {per_sec} eta {eta}",
            )
            .map(|st| st.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            ProgressBar::new(n as u64).with_style(style)
        };
        let _ = pb.set(bar);
    };
    let tick = || pb.get().iter().for_each(|pb| pb.inc(1));
    let r = f(&mut Hooks {
        event: &mut event,
        expect: &mut expect,
        tick: &tick,
    });
    pb.get().iter().for_each(|pb| pb.finish_and_clear());
    r
}

/// Pretty JSON and a final newline.
pub fn json(value: &impl serde::Serialize, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// `skillfit config --path`: the config file in effect on stdout (where it came from on
/// stderr), or a note that there is none and where it was looked for.
pub fn config_path(s: &Settings, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<()> {
    let note = s.colors.err.note();
    match &s.config {
        Some(found) => {
            writeln!(out, "{}", found.path.display())?;
            if !s.quiet {
                writeln!(err, "{note} config file from {}", found.origin.describe())?;
            }
        }
        None => {
            let places = s.lookup.places().join(", ");
            writeln!(
                err,
                "{note} no config file in effect: built-in defaults (looked at {places})"
            )?;
        }
    }
    Ok(())
}

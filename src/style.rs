//! Colour in terminal output: scores, missing skills, warnings.
//!
//! Library code writes to the writers it is given; whether a writer gets ANSI escapes is
//! decided once, per writer, into a [`Paint`]. The process's own stdout and stderr are coloured
//! by [`Colors::detect`] (`--color`, then `NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR` and whether
//! the stream is a terminal, the rules clap and anstream use); writers handed in by a caller
//! (tests, other programs) are coloured only with `--color always` ([`Colors::for_writers`]).
//! Files (reports, CSV, JSON) never get colour.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use clap::ColorChoice;

/// Scores at or above this are shown green, below [`SCORE_LOW`] red, yellow in between.
pub const SCORE_HIGH: f64 = 70.0;
pub const SCORE_LOW: f64 = 40.0;

/// Colour for one writer: on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    on: bool,
}

impl Paint {
    pub const OFF: Paint = Paint { on: false };
    pub const ON: Paint = Paint { on: true };

    pub fn is_on(self) -> bool {
        self.on
    }

    /// `text` wrapped in `style` (and a reset) when colour is on, unchanged otherwise. Callers
    /// pad before painting, so column widths never count escape codes.
    pub fn paint(self, style: Style, text: &str) -> String {
        if self.on && !text.trim().is_empty() {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    /// A score (already formatted): green when high, yellow in the middle, red when low, dim
    /// when the posting could not be scored.
    pub fn score(self, score: Option<f64>, text: &str) -> String {
        let color = match score {
            None => return self.paint(Style::new().dimmed(), text),
            Some(s) if s >= SCORE_HIGH => AnsiColor::Green,
            Some(s) if s >= SCORE_LOW => AnsiColor::Yellow,
            Some(_) => AnsiColor::Red,
        };
        self.paint(Style::new().fg_color(Some(color.into())).bold(), text)
    }

    /// Skills the résumé lacks.
    pub fn missing(self, text: &str) -> String {
        self.paint(Style::new().fg_color(Some(AnsiColor::Red.into())), text)
    }

    /// Skills the résumé has, but with too little experience.
    pub fn short(self, text: &str) -> String {
        self.paint(Style::new().fg_color(Some(AnsiColor::Yellow.into())), text)
    }

    /// Column headers and titles.
    pub fn header(self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    /// `skillfit: warning:` and the like, on stderr.
    pub fn warning(self) -> String {
        self.paint(
            Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold(),
            "skillfit: warning:",
        )
    }

    /// `skillfit: note:`.
    pub fn note(self) -> String {
        self.paint(
            Style::new().fg_color(Some(AnsiColor::Cyan.into())),
            "skillfit: note:",
        )
    }

    /// `skillfit: error:`.
    pub fn error(self) -> String {
        self.paint(
            Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
            "skillfit: error:",
        )
    }
}

/// Colour for the two output streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colors {
    /// Results (standard output).
    pub out: Paint,
    /// Warnings and notes (standard error).
    pub err: Paint,
}

impl Colors {
    /// For writers handed in by a caller, which are not terminals: colour only when forced
    /// with `--color always`.
    pub fn for_writers(choice: ColorChoice) -> Colors {
        let p = Paint {
            on: choice == ColorChoice::Always,
        };
        Colors { out: p, err: p }
    }

    /// For this process's standard output and error: `--color always|never` decides; with
    /// `auto`, `NO_COLOR` (set and not empty) turns colour off, `CLICOLOR_FORCE` turns it on,
    /// `CLICOLOR=0` turns it off, and otherwise a stream is coloured only when it is a terminal
    /// that supports colour. A pipe is never coloured unless forced.
    pub fn detect(choice: ColorChoice) -> Colors {
        let global = match choice {
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
            ColorChoice::Auto => anstream::ColorChoice::Auto,
        };
        global.write_global();
        let on = |c: anstream::ColorChoice| Paint {
            on: c != anstream::ColorChoice::Never,
        };
        Colors {
            out: on(anstream::AutoStream::choice(&std::io::stdout())),
            err: on(anstream::AutoStream::choice(&std::io::stderr())),
        }
    }
}

/// `raw` ready for what a [`Paint`] writes: unchanged when colour is off; when it is on,
/// through anstream, which passes the escapes through (and on an old Windows console turns
/// them into console calls).
pub fn stream<S>(raw: S, paint: Paint) -> Box<dyn Write>
where
    S: anstream::stream::RawStream + anstream::stream::AsLockedWrite + 'static,
{
    if paint.on {
        Box::new(anstream::AutoStream::new(
            raw,
            anstream::ColorChoice::Always,
        ))
    } else {
        Box::new(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_writes_plain_text_and_on_wraps_it() {
        assert_eq!(Paint::OFF.score(Some(90.0), " 90.0"), " 90.0");
        assert_eq!(Paint::OFF.warning(), "skillfit: warning:");
        let on = Paint::ON.score(Some(90.0), " 90.0");
        assert!(on.starts_with("\u{1b}["), "{on:?}");
        assert!(on.contains(" 90.0") && on.ends_with("\u{1b}[0m"), "{on:?}");
        // Green, yellow and red are different escapes.
        let hi = Paint::ON.score(Some(80.0), "x");
        let mid = Paint::ON.score(Some(50.0), "x");
        let lo = Paint::ON.score(Some(10.0), "x");
        assert!(hi != mid && mid != lo && hi != lo);
        // Blank padding is never painted (a column stays blank).
        assert_eq!(Paint::ON.missing("   "), "   ");
    }

    #[test]
    fn handed_in_writers_are_coloured_only_when_forced() {
        assert_eq!(Colors::for_writers(ColorChoice::Auto), Colors::default());
        assert_eq!(Colors::for_writers(ColorChoice::Never), Colors::default());
        let forced = Colors::for_writers(ColorChoice::Always);
        assert!(forced.out.is_on() && forced.err.is_on());
    }
}

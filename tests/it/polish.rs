//! Daily-use polish (issue 12): shell completions, the man page, colour, config discovery, and
//! report titles that never carry an absolute path. Runs the real binary with a scrubbed
//! environment, a temporary HOME and XDG config dir, and a temporary current directory.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

use crate::harness::{bare, bin, root, skipped, stderr, stdout};
use clap::Parser;

/// The binary with nothing from the caller's environment but PATH (and a fixed locale), and HOME
/// and XDG_CONFIG_HOME pointing into `home` (so no real user config is ever read). No
/// `NO_COLOR`: the colour tests set it themselves.
fn skillfit(home: &Path) -> Command {
    let mut c = bare();
    c.env("HOME", home).env("XDG_CONFIG_HOME", home.join("xdg"));
    c
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
}

const ESC: u8 = 0x1b;

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&ESC)
}

// ---------------------------------------------------------------- completions and man page

#[test]
fn completions_generate_for_every_shell() {
    let home = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef skillfit"),
        ("fish", "complete -c skillfit"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "set edit:completion:arg-completer[skillfit]"),
    ] {
        let o = skillfit(home.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        ok(&o);
        let script = stdout(&o);
        assert!(
            script.contains(marker),
            "{shell}: no `{marker}` in\n{script}"
        );
        // Every subcommand and a global flag are completed.
        for word in ["rank", "matrix", "taxonomy", "completions", "color"] {
            assert!(script.contains(word), "{shell}: `{word}` not completed");
        }
    }
    let o = skillfit(home.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

/// Subcommands with their own page, `skillfit-COMMAND(1)`, committed in doc/.
const PAGES: &[&str] = &[
    "profile",
    "timeline",
    "posting",
    "score",
    "rank",
    "gaps",
    "matrix",
    "config",
    "taxonomy",
    "completions",
    "man",
];

fn man_page(home: &Path, command: Option<&str>) -> String {
    let mut c = skillfit(home);
    c.arg("man");
    if let Some(cmd) = command {
        c.arg(cmd);
    }
    let o = c.output().unwrap();
    ok(&o);
    stdout(&o)
}

#[test]
fn man_page_is_roff_and_renders() {
    let home = tempfile::tempdir().unwrap();
    let page = man_page(home.path(), None);
    assert!(page.contains(".TH skillfit 1"), "not a man page:\n{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    assert!(
        page.contains("skillfit\\-rank(1)"),
        "subcommands not listed"
    );
    let rank = man_page(home.path(), Some("rank"));
    let th = format!(
        ".TH skillfit-rank 1  \"skillfit {}\"",
        env!("CARGO_PKG_VERSION")
    );
    assert!(rank.contains(&th), "{rank}");
    assert!(
        rank.contains("\\-\\-min\\-score"),
        "rank's own flags missing"
    );
    assert!(rank.contains("\\-\\-color"), "global flags missing");

    let o = skillfit(home.path())
        .args(["man", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no command `nonsense`"),
        "{}",
        stderr(&o)
    );

    // Render it with man(1) when the machine has it.
    let have_man = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_man {
        skipped(
            "man_page_is_roff_and_renders (the man(1) half)",
            "man(1) is not installed: checked the roff source only",
        );
        return;
    }
    let file = home.path().join("skillfit.1");
    std::fs::write(&file, &page).unwrap();
    let o = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    assert!(o.status.success(), "man -l failed: {}", stderr(&o));
    let shown = stdout(&o);
    for words in [
        "NAME",
        "SYNOPSIS",
        "SUBCOMMANDS",
        "--color <WHEN>",
        "skillfit-rank(1)",
    ] {
        assert!(
            shown.contains(words),
            "`{words}` not in the rendered page:\n{shown}"
        );
    }
    assert!(
        !shown.contains(".SH"),
        "roff requests left unrendered:\n{shown}"
    );
}

#[test]
fn committed_man_pages_are_current() {
    let home = tempfile::tempdir().unwrap();
    let doc = root().join("doc");
    let mut pages = vec![(doc.join("skillfit.1"), man_page(home.path(), None))];
    for cmd in PAGES {
        pages.push((
            doc.join(format!("skillfit-{cmd}.1")),
            man_page(home.path(), Some(cmd)),
        ));
    }
    for (path, now) in pages {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == now,
            "{} differs from `skillfit man` (regenerate: scripts/man.sh, README Development)",
            path.display()
        );
    }
}

// ---------------------------------------------------------------- colour

fn rank_args() -> Vec<&'static str> {
    vec![
        "rank",
        "tests/fixtures/resumes/ja_sre.md",
        "jobs",
        "--as-of",
        "2026-11",
        "--no-report",
        "--top",
        "8",
    ]
}

#[test]
fn pipes_and_no_color_get_no_escapes_and_always_gets_them() {
    let home = tempfile::tempdir().unwrap();
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut c = skillfit(home.path());
        c.args(rank_args()).args(extra);
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.output().unwrap();
        ok(&o);
        o
    };
    // A pipe: never coloured by default, nor with NO_COLOR.
    let plain = run(&[], &[]);
    assert!(!has_escape(&plain.stdout), "{}", stdout(&plain));
    let no_color = run(&[], &[("NO_COLOR", "1")]);
    assert!(!has_escape(&no_color.stdout));
    assert_eq!(plain.stdout, no_color.stdout);
    let never = run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]);
    assert!(
        !has_escape(&never.stdout),
        "--color never beats CLICOLOR_FORCE"
    );

    // Forced: escapes, and the text is the same once they are taken out.
    let always = run(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(has_escape(&always.stdout), "--color always gave no escapes");
    assert_eq!(strip(&stdout(&always)), stdout(&plain));
    let forced = run(&[], &[("CLICOLOR_FORCE", "1")]);
    assert!(has_escape(&forced.stdout), "CLICOLOR_FORCE gave no escapes");
    let both = run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!has_escape(&both.stdout), "NO_COLOR beats CLICOLOR_FORCE");

    // Notes and warnings on stderr are coloured the same way (this résumé lists a term the
    // taxonomy does not know).
    let resume = home.path().join("unknown_term.md");
    std::fs::write(
        &resume,
        "## Experience\n### Acme Inc. (2020-01 - 2021-12)\n## Skills\nTools: Go, Zephyrcastle, Docker\n",
    )
    .unwrap();
    let resume = resume.to_str().unwrap();
    let o = skillfit(home.path())
        .args(["profile", resume, "--as-of", "2026-11", "--color", "always"])
        .output()
        .unwrap();
    ok(&o);
    assert!(
        stderr(&o).contains("\u{1b}["),
        "notes not coloured: {}",
        stderr(&o)
    );
    let o = skillfit(home.path())
        .args(["profile", resume, "--as-of", "2026-11"])
        .output()
        .unwrap();
    ok(&o);
    assert!(!has_escape(&o.stderr), "{}", stderr(&o));
    assert!(stderr(&o).contains("skillfit: note:"));
}

/// Remove `ESC [ … m` sequences.
fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Library callers hand in their own writers: no colour unless `--color always`.
#[test]
fn injected_writers_are_plain_unless_forced() {
    let run = |color: &str| {
        let mut argv = vec!["skillfit", "--color", color];
        argv.extend(rank_args());
        let cli = skillfit::cli::Cli::parse_from(
            argv.iter()
                .map(|a| a.replace("tests/", &format!("{}/tests/", root().display())))
                .map(|a| {
                    if a == "jobs" {
                        root().join("jobs").display().to_string()
                    } else {
                        a
                    }
                }),
        );
        let (mut out, mut err) = (Vec::new(), Vec::new());
        skillfit::run(cli, &mut out, &mut err).unwrap();
        out
    };
    assert!(!has_escape(&run("auto")));
    assert!(!has_escape(&run("never")));
    assert!(has_escape(&run("always")));
}

/// On a terminal, `auto` colours and `NO_COLOR` turns it off. Needs python3 for the pty.
#[test]
fn a_terminal_is_coloured_unless_no_color() {
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if python.map(|o| !o.status.success()).unwrap_or(true) {
        skipped(
            "a_terminal_is_coloured_unless_no_color",
            "python3 (used to open a pty) is not installed",
        );
        return;
    }
    let script = r#"
import os, pty, sys, signal
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.alarm(60)
buf = b""
while True:
    try:
        d = os.read(fd, 4096)
    except OSError:
        break
    if not d:
        break
    buf += d
os.waitpid(pid, 0)
sys.stdout.write("escapes" if b"\x1b[" in buf else "plain")
"#;
    let home = tempfile::tempdir().unwrap();
    let bin = bin();
    let on_tty = |no_color: bool| {
        let mut c = std::process::Command::new("python3");
        c.arg("-c")
            .arg(script)
            .arg(bin)
            .args(rank_args())
            // The progress bar moves the cursor with escapes of its own.
            .arg("--no-progress")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("TERM", "xterm-256color")
            .current_dir(root());
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&c.output().unwrap().stdout).into_owned()
    };
    assert_eq!(on_tty(false), "escapes");
    assert_eq!(on_tty(true), "plain");
}

// ---------------------------------------------------------------- config discovery

/// A config whose `required_weight` tells which file was read.
fn write_config(path: &Path, weight: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        path,
        format!("[scoring]\nrequired_weight = {weight}\npreferred_weight = 0.2\n"),
    )
    .unwrap();
}

#[test]
fn config_discovery_order_at_each_level() {
    let home = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let home_p = home.path();
    let in_effect = |env: &[(&str, &Path)], args: &[&str], xdg: bool| {
        let mut c = skillfit(home_p);
        c.current_dir(cwd.path());
        if !xdg {
            c.env_remove("XDG_CONFIG_HOME");
        }
        for (k, v) in env {
            c.env(k, v);
        }
        let path = c.args(args).args(["config", "--path"]).output().unwrap();
        ok(&path);
        let mut c = skillfit(home_p);
        c.current_dir(cwd.path());
        if !xdg {
            c.env_remove("XDG_CONFIG_HOME");
        }
        for (k, v) in env {
            c.env(k, v);
        }
        let shown = c.args(args).arg("config").output().unwrap();
        ok(&shown);
        let weight = stdout(&shown)
            .lines()
            .find_map(|l| l.strip_prefix("required_weight = ").map(str::to_owned))
            .unwrap_or_default();
        (stdout(&path).trim().to_owned(), stderr(&path), weight)
    };

    // Nothing anywhere: built-in defaults, and `--path` says so.
    let (path, err, weight) = in_effect(&[], &[], true);
    assert_eq!(path, "");
    assert!(err.contains("no config file in effect"), "{err}");
    assert_eq!(weight, "0.7");

    // The user config directory: $XDG_CONFIG_HOME/skillfit/config.toml …
    let xdg_file = home_p.join("xdg/skillfit/config.toml");
    write_config(&xdg_file, "0.61");
    let (path, err, weight) = in_effect(&[], &[], true);
    assert_eq!(
        (path.as_str(), weight.as_str()),
        (xdg_file.to_str().unwrap(), "0.61")
    );
    assert!(err.contains("user config directory"), "{err}");
    // … or ~/.config/skillfit/config.toml without XDG_CONFIG_HOME.
    let home_file = home_p.join(".config/skillfit/config.toml");
    write_config(&home_file, "0.62");
    let (path, _, weight) = in_effect(&[], &[], false);
    assert_eq!(
        (path.as_str(), weight.as_str()),
        (home_file.to_str().unwrap(), "0.62")
    );

    // ./skillfit.toml beats the user config directory.
    write_config(&cwd.path().join("skillfit.toml"), "0.63");
    let (path, _, weight) = in_effect(&[], &[], true);
    assert_eq!((path.as_str(), weight.as_str()), ("skillfit.toml", "0.63"));

    // $SKILLFIT_CONFIG beats ./skillfit.toml.
    let env_file = home_p.join("env.toml");
    write_config(&env_file, "0.64");
    let (path, err, weight) = in_effect(&[("SKILLFIT_CONFIG", &env_file)], &[], true);
    assert_eq!(
        (path.as_str(), weight.as_str()),
        (env_file.to_str().unwrap(), "0.64")
    );
    assert!(err.contains("$SKILLFIT_CONFIG"), "{err}");

    // --config beats $SKILLFIT_CONFIG.
    let flag_file = home_p.join("flag.toml");
    write_config(&flag_file, "0.65");
    let (path, _, weight) = in_effect(
        &[("SKILLFIT_CONFIG", &env_file)],
        &["--config", flag_file.to_str().unwrap()],
        true,
    );
    assert_eq!(
        (path.as_str(), weight.as_str()),
        (flag_file.to_str().unwrap(), "0.65")
    );

    // A file named by the variable must exist: an error naming it, not a silent fallback.
    let missing = home_p.join("missing.toml");
    let o = skillfit(home_p)
        .current_dir(cwd.path())
        .env("SKILLFIT_CONFIG", &missing)
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("missing.toml: cannot read"),
        "{}",
        stderr(&o)
    );

    // Scoring reads the same file: a bad user config fails `score`, naming file and line.
    std::fs::remove_file(cwd.path().join("skillfit.toml")).unwrap();
    std::fs::write(&xdg_file, "[scoring]\nrequired_wieght = 1\n").unwrap();
    let o = skillfit(home_p)
        .current_dir(cwd.path())
        .args([
            "score",
            root()
                .join("tests/fixtures/resumes/ja_sre.md")
                .to_str()
                .unwrap(),
            root().join("jobs/backend_go.md").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let want = format!("{}:2: unknown field `required_wieght`", xdg_file.display());
    assert!(stderr(&o).contains(&want), "{}", stderr(&o));
}

// ---------------------------------------------------------------- no absolute paths

#[test]
fn reports_and_chart_titles_never_carry_an_absolute_path() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let work_dir = work.path().canonicalize().unwrap();
    // The résumé given by its absolute path, the postings relative to the current directory.
    let resume = work_dir.join("private/people/ja_sre.md");
    std::fs::create_dir_all(resume.parent().unwrap()).unwrap();
    std::fs::copy(root().join("tests/fixtures/resumes/ja_sre.md"), &resume).unwrap();
    std::fs::create_dir_all(work_dir.join("jobs")).unwrap();
    for name in ["backend_go.md", "devops_en.txt", "infra_table.md"] {
        std::fs::copy(
            root().join("jobs").join(name),
            work_dir.join("jobs").join(name),
        )
        .unwrap();
    }
    let out = work_dir.join("out");
    let o = skillfit(home.path())
        .current_dir(&work_dir)
        .args([
            "rank",
            resume.to_str().unwrap(),
            "jobs",
            "--as-of",
            "2026-11",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    ok(&o);
    // The message shows --out relative to the current directory.
    assert!(
        stderr(&o).contains("report written to out/summary.md"),
        "{}",
        stderr(&o)
    );
    let abs = work_dir.display().to_string();
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        summary.starts_with("# skillfit report: ja\\_sre.md — 北川 湊\n"),
        "{summary}"
    );
    assert!(html.contains("<title>skillfit report: ja_sre.md — 北川 湊</title>"));
    for (name, text) in [("summary.md", &summary), ("report.html", &html)] {
        assert!(!text.contains(&abs), "{name} carries {abs}");
        assert!(
            !text.contains("private/people"),
            "{name} carries the résumé's folders"
        );
    }
    // Every other text file of the report too (explanations, SVG charts, CSV).
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                assert!(!text.contains(&abs), "{} carries {abs}", p.display());
            }
        }
    }

    // Chart titles (drawn as outlines in the SVG, so checked on the chart data).
    let tax = skillfit::taxonomy::Taxonomy::builtin().unwrap();
    let as_of = skillfit::period::Month::parse_ym("2026-11").unwrap();
    let profile = skillfit::profile_resume(&resume, &tax, as_of).unwrap();
    let data = skillfit::report::charts::timeline_data(
        &profile,
        40,
        None,
        skillfit::report::charts::TimelineSort::Months,
    );
    assert_eq!(
        data.title,
        "Skill timeline — ja_sre.md — 北川 湊 (as of 2026-11)"
    );

    // The timeline command's message, and the terminal header of `profile`.
    let o = skillfit(home.path())
        .current_dir(&work_dir)
        .args([
            "timeline",
            resume.to_str().unwrap(),
            "--as-of",
            "2026-11",
            "-o",
            work_dir.join("charts/t.svg").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    ok(&o);
    assert!(
        stderr(&o).contains("timeline written to charts/t.svg"),
        "{}",
        stderr(&o)
    );
    let o = skillfit(home.path())
        .args(["profile", resume.to_str().unwrap(), "--as-of", "2026-11"])
        .output()
        .unwrap();
    ok(&o);
    assert!(
        stdout(&o).starts_with("ja_sre.md — 北川 湊 (as of 2026-11)\n"),
        "{}",
        stdout(&o)
    );
}

//! The shared test harness: where things are, the binary with a scrubbed environment, and a
//! small fluent wrapper to run it and check what it did.
//!
//! ```ignore
//! Test::new()
//!     .args(["profile", "tests/fixtures/resumes/ja_sre.md", "--as-of", "2026-13"])
//!     .run()
//!     .exit(2)
//!     .stdout_is("")
//!     .stderr_is("skillfit: error: --as-of `2026-13`: expected YYYY-MM, e.g. 2026-11\n");
//! ```

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository (the tests run the binary from here, so relative paths name fixtures).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// A file of the reference data beside CI checkouts (`../shared/seed/`). Tests that call this
/// are `#[ignore = "needs ../shared/seed ..."]`: they run with `cargo test -- --ignored` and
/// fail loudly when the file is absent instead of passing without checking anything.
pub fn seed(rel: &str) -> PathBuf {
    let path = root().join("../shared/seed").join(rel);
    assert!(
        path.exists(),
        "{} is absent: this test needs the reference data beside the checkout (../shared/seed/)",
        path.display()
    );
    path
}

/// The reference résumé of `../shared/seed/` (see [`seed`]).
pub const SEED_RESUME: &str = "000_8a3727faef1aa032.txt";

/// A fresh temporary directory, removed when dropped.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

/// The path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_skillfit")
}

/// The binary with a scrubbed environment (only PATH and a fixed UTF-8 locale; no user config,
/// no colour settings), run from the repository root.
pub fn bare() -> Command {
    let mut c = Command::new(bin());
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .current_dir(root());
    c
}

/// [`bare`] with `NO_COLOR=1`: what most tests use.
pub fn skillfit() -> Command {
    let mut c = bare();
    c.env("NO_COLOR", "1");
    c
}

/// Run [`skillfit`] with `args` and collect its output.
pub fn run(args: &[&str]) -> Output {
    skillfit().args(args).output().expect("runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Report a test (or part of one) that cannot run in this environment and so passes without
/// having checked anything: `SKIPPED test: why`, written to the real stderr, past the test
/// runner's output capture, so that it shows in the `cargo test` output.
pub fn skipped(test: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {why}");
}

/// One run of the binary, built fluently: `Test::new().args([...]).run()`.
pub struct Test {
    cmd: Command,
    line: String,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    /// [`skillfit`]: scrubbed environment, `NO_COLOR=1`, run from the repository root.
    pub fn new() -> Self {
        Test {
            cmd: skillfit(),
            line: "skillfit".to_owned(),
        }
    }

    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Self {
        let _ = write!(self.line, " {}", a.as_ref().to_string_lossy());
        self.cmd.arg(a);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.cmd.write_stdin(input.into());
        self
    }

    pub fn run(mut self) -> Run {
        let output = self.cmd.output().expect("the binary runs");
        Run {
            output,
            line: self.line,
        }
    }
}

/// What a [`Test`] did. Every check panics with the command line, exit code, stdout and
/// stderr, and returns `self` so checks chain.
pub struct Run {
    pub output: Output,
    line: String,
}

impl Run {
    fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\n  command: {}\n  exit: {:?}\n  stdout:\n{}\n  stderr:\n{}",
            self.line,
            self.output.status.code(),
            self.stdout(),
            self.stderr()
        )
    }

    pub fn stdout(&self) -> String {
        stdout(&self.output)
    }

    pub fn stderr(&self) -> String {
        stderr(&self.output)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| self.fail(&format!("stdout is not JSON: {e}")))
    }

    /// Exit code 0.
    pub fn success(self) -> Self {
        self.exit(0)
    }

    pub fn exit(self, code: i32) -> Self {
        if self.output.status.code() != Some(code) {
            self.fail(&format!("expected exit code {code}"));
        }
        self
    }

    pub fn stdout_is(self, want: &str) -> Self {
        if self.stdout() != want {
            self.fail(&format!("expected stdout {want:?}"));
        }
        self
    }

    pub fn stdout_contains(self, needle: &str) -> Self {
        if !self.stdout().contains(needle) {
            self.fail(&format!("expected stdout to contain {needle:?}"));
        }
        self
    }

    pub fn stderr_is(self, want: &str) -> Self {
        if self.stderr() != want {
            self.fail(&format!("expected stderr {want:?}"));
        }
        self
    }

    pub fn stderr_contains(self, needle: &str) -> Self {
        if !self.stderr().contains(needle) {
            self.fail(&format!("expected stderr to contain {needle:?}"));
        }
        self
    }
}

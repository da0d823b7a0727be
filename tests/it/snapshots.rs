//! Snapshots (insta) of every text output format of the user-facing commands, on the bundled
//! résumés and sample postings, as of 2026-11, run from the repository root with relative paths
//! and `--color never`. A change in any output fails here with a diff; when the change is
//! intended, rewrite the snapshots with `INSTA_UPDATE=always cargo test --test it snapshots` (or
//! `cargo insta review`) and read the diff before committing it. CI runs with
//! `INSTA_UPDATE=no`: a mismatch fails, nothing is written.
//!
//! Formats that are binary (Parquet, PNG) are not here; the SVG charts have their own golden
//! files (`tests/golden/charts/`, `chart.rs`).

use std::path::Path;

use crate::harness::{tempdir, Test};

const AS_OF: &str = "2026-11";
const JA: &str = "tests/fixtures/resumes/ja_sre.md";
/// A short résumé: its JSON outputs stay small enough to review.
const EN: &str = "tests/fixtures/resumes/en_heading_table.md";
const POSTING: &str = "jobs/sre_aws_eks.md";

/// Stdout of a successful run of `args` (plus `--color never`), the command line kept as the
/// snapshot's description.
fn output(args: &[&str]) -> (String, String) {
    let run = Test::new().args(args).args(["--color", "never"]).run();
    let run = run.success();
    (format!("skillfit {}", args.join(" ")), run.stdout())
}

/// Compare `text` with the snapshot `name`, described by `what` (the command line).
fn snapshot(name: &str, what: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_description(what);
    settings.set_omit_expression(true);
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Run `args` and compare its stdout with the snapshot `name`.
fn check(name: &str, args: &[&str]) {
    let (what, text) = output(args);
    snapshot(name, &what, &text);
}

// ------------------------------------------------------------------------------------ profile

#[test]
fn profile_table() {
    check("profile_table", &["profile", JA, "--as-of", AS_OF]);
}

#[test]
fn profile_json() {
    check(
        "profile_json",
        &["profile", EN, "--as-of", AS_OF, "--format", "json"],
    );
}

#[test]
fn profile_csv() {
    check(
        "profile_csv",
        &["profile", EN, "--as-of", AS_OF, "--format", "csv"],
    );
}

#[test]
fn profile_json_resume() {
    check(
        "profile_json_resume",
        &["profile", EN, "--as-of", AS_OF, "--format", "json-resume"],
    );
}

// ------------------------------------------------------------------------------ posting, score

#[test]
fn posting_table() {
    check("posting_table", &["posting", POSTING]);
}

#[test]
fn posting_json() {
    check("posting_json", &["posting", POSTING, "--format", "json"]);
}

#[test]
fn score_table() {
    check("score_table", &["score", JA, POSTING, "--as-of", AS_OF]);
}

#[test]
fn score_table_explain() {
    check(
        "score_table_explain",
        &["score", JA, POSTING, "--as-of", AS_OF, "--explain"],
    );
}

#[test]
fn score_json() {
    check(
        "score_json",
        &["score", JA, POSTING, "--as-of", AS_OF, "--format", "json"],
    );
}

#[test]
fn score_jsonl_stream() {
    let input = concat!(
        r###"{"id": "a", "title": "SRE", "description": "## 必須\n- Go 3年以上\n- AWS\n- Terraform\n"}"###,
        "\n",
        r###"{"id": "b", "title": "Frontend", "description": "## Requirements\n- React\n- TypeScript\n"}"###,
        "\n",
    );
    let args = ["score", JA, "--jobs-jsonl", "-", "--as-of", AS_OF];
    let run = Test::new()
        .args(args)
        .args(["--color", "never"])
        .stdin(input)
        .run()
        .success();
    snapshot(
        "score_jsonl_stream",
        &format!("skillfit {} (two postings on stdin)", args.join(" ")),
        &run.stdout(),
    );
}

// -------------------------------------------------------------------------------- rank, gaps

#[test]
fn rank_table() {
    check(
        "rank_table",
        &["rank", JA, "jobs", "--as-of", AS_OF, "--no-report"],
    );
}

#[test]
fn rank_csv() {
    check(
        "rank_csv",
        &[
            "rank",
            JA,
            "jobs",
            "--as-of",
            AS_OF,
            "--no-report",
            "--format",
            "csv",
        ],
    );
}

#[test]
fn rank_json() {
    // Two postings: the JSON of a whole folder is thousands of lines.
    check(
        "rank_json",
        &[
            "rank",
            JA,
            POSTING,
            "jobs/frontend_react.md",
            "--as-of",
            AS_OF,
            "--no-report",
            "--format",
            "json",
        ],
    );
}

#[test]
fn gaps_table() {
    check(
        "gaps_table",
        &["gaps", JA, "jobs", "--as-of", AS_OF, "--top", "10"],
    );
}

#[test]
fn gaps_json() {
    check(
        "gaps_json",
        &[
            "gaps", JA, "jobs", "--as-of", AS_OF, "--top", "5", "--format", "json",
        ],
    );
}

/// Every file of a folder (relative, sorted, `/` for folders), one a line.
fn listing(dir: &Path) -> String {
    let mut names = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                names.push(format!("{rel}/"));
                stack.push(p);
            } else {
                names.push(rel);
            }
        }
    }
    names.sort();
    names.join("\n") + "\n"
}

/// `report.html` without what other tests pin: the embedded font (base64) and the inline SVG
/// charts (golden files in `tests/golden/charts/`, and `reports/sample/*.svg`).
fn redact_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 8);
    let mut rest = html;
    loop {
        let font = rest.find(";base64,");
        let svg = rest.find("<svg");
        match (font, svg) {
            (Some(f), s) if s.is_none_or(|s| f < s) => {
                let start = f + ";base64,".len();
                let len = rest[start..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || "+/=".contains(c)))
                    .unwrap_or(rest.len() - start);
                out.push_str(&rest[..start]);
                out.push_str("[base64 redacted]");
                rest = &rest[start + len..];
            }
            (_, Some(s)) => {
                let open_end = s + rest[s..].find('>').expect("<svg …>") + 1;
                let close = s + rest[s..].find("</svg>").expect("</svg>") + "</svg>".len();
                out.push_str(&rest[..open_end]);
                out.push_str("[chart redacted]</svg>");
                rest = &rest[close..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn rank_report_folder() {
    let dir = tempdir();
    let out = dir.path().join("report");
    let args = [
        "rank", JA, "jobs", "--as-of", AS_OF, "--color", "never", "--out",
    ];
    Test::new().args(args).arg(&out).run().success();
    let what = format!("skillfit {} [TMP]/report", args.join(" "));
    // The temporary folder's path, should a file name it, is redacted.
    let read = |f: &str| {
        std::fs::read_to_string(out.join(f))
            .unwrap()
            .replace(dir.path().to_str().unwrap(), "[TMP]")
    };
    snapshot("rank_report_files", &what, &listing(&out));
    snapshot("rank_report_summary_md", &what, &read("summary.md"));
    snapshot(
        "rank_report_html",
        &format!("{what}; report.html without its font and charts"),
        &redact_html(&read("report.html")),
    );
}

// ------------------------------------------------------------------------- matrix, taxonomy

#[test]
fn matrix_csv() {
    let dir = tempdir();
    let out = dir.path().join("m.csv");
    let args = [
        "matrix", JA, EN, "--jobs", "jobs", "--top", "3", "--as-of", AS_OF, "--out",
    ];
    Test::new().args(args).arg(&out).run().success();
    snapshot(
        "matrix_csv",
        &format!("skillfit {} m.csv", args.join(" ")),
        &std::fs::read_to_string(&out).unwrap(),
    );
}

#[test]
fn taxonomy_show_table() {
    check("taxonomy_show_table", &["taxonomy", "show", "k8s"]);
}

#[test]
fn taxonomy_show_json() {
    check(
        "taxonomy_show_json",
        &["taxonomy", "show", "Amazon EKS", "--format", "json"],
    );
}

#[test]
fn taxonomy_list_table() {
    check(
        "taxonomy_list_table",
        &["taxonomy", "list", "--category", "vcs"],
    );
}

// ------------------------------------------------------------------------------ config, help

/// `config` with an empty HOME and no config file: the defaults.
fn config(name: &str, args: &[&str]) {
    let home = tempdir();
    let run = Test::new()
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("xdg"))
        .run()
        .success();
    snapshot(
        name,
        &format!("skillfit {} (no config file)", args.join(" ")),
        &run.stdout(),
    );
}

#[test]
fn config_table() {
    config("config_table", &["config"]);
}

#[test]
fn config_default_toml() {
    config("config_default_toml", &["config", "--default"]);
}

#[test]
fn help() {
    check("help", &["--help"]);
}

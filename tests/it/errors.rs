//! The exact stderr and exit code of each user-facing error: what a person sees when an input,
//! an option or a file is wrong. One test per message; a change in the wording fails here (on
//! purpose: the messages are part of the interface). `bad_inputs.rs` checks the same refusals
//! in context (no partial output, batches going on); this pins the words.
//!
//! Files made for a test live in a temporary folder that is also the current directory, so the
//! messages name them by a relative path.

use std::path::Path;

use crate::harness::{tempdir, Test};

const RESUME: &str = "tests/fixtures/resumes/ja_sre.md";
const POSTING: &str = "jobs/sre_aws_eks.md";
const CATEGORIES: &str = "language, framework, database, aws, gcp, azure, cloud, container, \
orchestration, iac, config-management, ci-cd, observability, os, networking, web-server, \
messaging, data, ml, frontend, mobile, testing, security, collaboration, vcs, practice, tool, \
other";

/// `skillfit ARGS` from the repository root: exit 2, nothing on stdout, exactly `stderr`.
fn refused(args: &[&str], stderr: &str) {
    Test::new()
        .args(args)
        .run()
        .exit(2)
        .stdout_is("")
        .stderr_is(stderr);
}

/// The same, run in `dir` (holding the files the test wrote) with the bundled résumé copied in
/// as `r.md` and the SRE posting as `jobs/sre.md`.
fn refused_in(dir: &Path, args: &[&str], stderr: &str) {
    let root = crate::harness::root();
    if !dir.join("r.md").exists() {
        std::fs::copy(root.join(RESUME), dir.join("r.md")).unwrap();
        std::fs::create_dir_all(dir.join("jobs")).unwrap();
        std::fs::copy(root.join(POSTING), dir.join("jobs/sre.md")).unwrap();
    }
    Test::new()
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .run()
        .exit(2)
        .stdout_is("")
        .stderr_is(stderr);
}

// ------------------------------------------------------------------------------ input files

#[test]
fn missing_resume() {
    refused(
        &["profile", "nope.md", "--as-of", "2026-11"],
        "skillfit: error: nope.md: no such file\n",
    );
}

#[test]
fn resume_that_is_a_folder() {
    refused(
        &["profile", "tests/fixtures/bad", "--as-of", "2026-11"],
        "skillfit: error: tests/fixtures/bad: is a directory, expected a file\n",
    );
}

#[test]
fn empty_resume() {
    refused(
        &[
            "profile",
            "tests/fixtures/bad/empty.md",
            "--as-of",
            "2026-11",
        ],
        "skillfit: error: tests/fixtures/bad/empty.md: file is empty\n",
    );
}

#[test]
fn binary_resume() {
    refused(
        &[
            "profile",
            "tests/fixtures/bad/binary.md",
            "--as-of",
            "2026-11",
        ],
        "skillfit: error: tests/fixtures/bad/binary.md: looks like a binary file, not text\n",
    );
}

#[cfg(unix)]
#[test]
fn resume_that_is_a_device() {
    refused(
        &["profile", "/dev/null", "--as-of", "2026-11"],
        "skillfit: error: /dev/null: not a regular file (a pipe, socket or device)\n",
    );
}

#[test]
fn resume_too_large() {
    let dir = tempdir();
    // Sparse: refused from its size, never read.
    std::fs::File::create(dir.path().join("big.md"))
        .unwrap()
        .set_len(21_000_000)
        .unwrap();
    refused_in(
        dir.path(),
        &["profile", "big.md", "--as-of", "2026-11"],
        "skillfit: error: big.md: file is 21000000 bytes, more than the 20971520 byte limit\n",
    );
}

#[test]
fn json_resume_that_is_not_json() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"basics": {"name": "X"}, "work": ["#,
    )
    .unwrap();
    refused_in(
        dir.path(),
        &["profile", "bad.json", "--as-of", "2026-11"],
        "skillfit: error: bad.json:1:35: not valid JSON: EOF while parsing a list\n",
    );
}

#[test]
fn json_resume_with_a_wrong_type() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"basics": {"name": "X"}, "work": [{"name": 3, "startDate": "2020-01"}]}"#,
    )
    .unwrap();
    refused_in(
        dir.path(),
        &["profile", "bad.json", "--as-of", "2026-11"],
        "skillfit: error: bad.json:1: work[0].name: expected a string, found a number\n",
    );
}

#[test]
fn posting_with_an_unsupported_extension() {
    refused(
        &["posting", "tests/fixtures/resumes/ja_sre.expected.toml"],
        "skillfit: error: tests/fixtures/resumes/ja_sre.expected.toml: unsupported extension \
         (expected one of: md, markdown, txt, html, htm, json)\n",
    );
}

#[test]
fn posting_that_is_not_json() {
    let dir = tempdir();
    std::fs::write(dir.path().join("p.json"), r#"{"title": "#).unwrap();
    refused_in(
        dir.path(),
        &["posting", "p.json"],
        "skillfit: error: p.json: invalid JSON: EOF while parsing a value at line 1 column 10\n",
    );
}

// ---------------------------------------------------------------------------------- options

#[test]
fn bad_as_of() {
    for bad in ["2026-13", "26-11"] {
        refused(
            &["profile", RESUME, "--as-of", bad],
            &format!("skillfit: error: --as-of `{bad}`: expected YYYY-MM, e.g. 2026-11\n"),
        );
    }
}

#[test]
fn zero_threads() {
    for args in [
        ["--threads", "0", "profile", RESUME, "--as-of", "2026-11"],
        ["profile", RESUME, "--as-of", "2026-11", "--threads", "0"],
    ] {
        refused(&args, "skillfit: error: --threads must be at least 1\n");
    }
}

#[test]
fn unknown_format() {
    refused(
        &["profile", RESUME, "--format", "yaml"],
        "error: invalid value 'yaml' for '--format <FORMAT>'\n  \
         [possible values: table, json, csv, parquet, json-resume]\n\n\
         For more information, try '--help'.\n",
    );
}

#[test]
fn unknown_command() {
    refused(
        &["frobnicate"],
        "error: unrecognized subcommand 'frobnicate'\n\n\
         Usage: skillfit [OPTIONS] <COMMAND>\n\n\
         For more information, try '--help'.\n",
    );
}

#[test]
fn missing_jobs_argument() {
    refused(
        &["rank", RESUME],
        "error: the following required arguments were not provided:\n  <JOBS>...\n\n\
         Usage: skillfit rank <RESUME> <JOBS>...\n\n\
         For more information, try '--help'.\n",
    );
}

#[test]
fn score_without_a_posting() {
    refused(
        &["score", RESUME, "--as-of", "2026-11"],
        "error: the following required arguments were not provided:\n  <POSTING>\n\n\
         Usage: skillfit score --as-of <YYYY-MM> <RESUME> <POSTING>\n\n\
         For more information, try '--help'.\n",
    );
}

#[test]
fn score_with_a_posting_and_a_stream() {
    refused(
        &[
            "score",
            RESUME,
            POSTING,
            "--jobs-jsonl",
            "-",
            "--as-of",
            "2026-11",
        ],
        "error: the argument '[POSTING]' cannot be used with '--jobs-jsonl <FILE>'\n\n\
         Usage: skillfit score --as-of <YYYY-MM> <RESUME> <POSTING>\n\n\
         For more information, try '--help'.\n",
    );
}

#[test]
fn bad_shard() {
    for bad in ["4/4", "x"] {
        refused(
            &["rank", RESUME, "jobs", "--shard", bad, "--no-report"],
            &format!(
                "error: invalid value '{bad}' for '--shard <I/N>': `{bad}`: expected I/N with \
                 0 <= I < N (e.g. 0/4)\n\nFor more information, try '--help'.\n"
            ),
        );
    }
}

#[test]
fn parquet_to_a_terminal() {
    refused(
        &[
            "profile", RESUME, "--as-of", "2026-11", "--format", "parquet",
        ],
        "skillfit: error: --format parquet writes a binary file: add --output FILE\n",
    );
}

#[test]
fn timeline_to_an_unknown_image_format() {
    refused(
        &["timeline", RESUME, "--as-of", "2026-11", "-o", "t.gif"],
        "skillfit: error: -o t.gif: use a .png or .svg file name\n",
    );
}

#[test]
fn matrix_to_an_unknown_table_format() {
    refused(
        &[
            "matrix", RESUME, "--jobs", "jobs", "--as-of", "2026-11", "--out", "m.txt",
        ],
        "skillfit: error: --out m.txt: use a .parquet or .csv file name\n",
    );
}

#[test]
fn unknown_category() {
    for args in [
        &["taxonomy", "list", "--category", "languages"][..],
        &[
            "timeline",
            RESUME,
            "--as-of",
            "2026-11",
            "-o",
            "t.svg",
            "--category",
            "languages",
        ][..],
    ] {
        refused(
            args,
            &format!("skillfit: error: unknown category `languages`; known: {CATEGORIES}\n"),
        );
    }
}

#[test]
fn unknown_skill() {
    refused(
        &["taxonomy", "show", "Kubernets"],
        "skillfit: no skill named `Kubernets` in the taxonomy\n  did you mean: Kubernetes, \
         Kubeneties, kubernetes engine, kubernetes service, kubernetes security\n",
    );
}

#[test]
fn unknown_man_page() {
    refused(
        &["man", "nonsense"],
        "skillfit: error: no command `nonsense`; known: profile, timeline, posting, score, rank, \
         gaps, matrix, config, taxonomy, completions, man\n",
    );
}

// ----------------------------------------------------------------------- config and taxonomy

#[test]
fn config_with_a_wrong_type_names_the_line() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[scoring]\nrequired_weight = 0.7\npreferred_weight = \"x\"\n",
    )
    .unwrap();
    refused_in(
        dir.path(),
        &[
            "--config",
            "bad.toml",
            "score",
            "r.md",
            "jobs/sre.md",
            "--as-of",
            "2026-11",
        ],
        "skillfit: error: bad.toml:3: invalid type: string \"x\", expected f64\n",
    );
    // The same file through $SKILLFIT_CONFIG.
    Test::new()
        .arg("config")
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("SKILLFIT_CONFIG", "bad.toml")
        .run()
        .exit(2)
        .stdout_is("")
        .stderr_is("skillfit: error: bad.toml:3: invalid type: string \"x\", expected f64\n");
}

#[test]
fn config_with_an_unknown_key_names_the_line_and_the_keys() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("c.toml"),
        "[scoring]\nrequired_weight = 0.7\nnonsense = 1\n",
    )
    .unwrap();
    refused_in(
        dir.path(),
        &["--config", "c.toml", "config"],
        "skillfit: error: c.toml:3: unknown field `nonsense`, expected one of `required_weight`, \
         `preferred_weight`, `undated_credit`, `recency_half_life_years`, `coverage_weight`, \
         `relevance_weight`, `core_size`, `core_full_years`, `core_half_life_years`, \
         `core_undated_strength`, `relevance_preferred`, `relevance_stack`, \
         `relevance_mentioned`, `confidence_units`, `neutral_score`\n",
    );
}

#[test]
fn config_that_is_not_toml() {
    let dir = tempdir();
    std::fs::write(dir.path().join("c.toml"), "[scoring\n").unwrap();
    refused_in(
        dir.path(),
        &["--config", "c.toml", "config"],
        "skillfit: error: c.toml:1: unclosed table, expected `]`\n",
    );
}

#[test]
fn config_with_a_negative_weight() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("c.toml"),
        "[scoring]\nrequired_weight = -1\n",
    )
    .unwrap();
    // Line 1 (the table), as the message stands today.
    refused_in(
        dir.path(),
        &["--config", "c.toml", "config"],
        "skillfit: error: c.toml:1: scoring.required_weight must be a number ≥ 0, found -1\n",
    );
}

#[test]
fn missing_config() {
    let dir = tempdir();
    refused_in(
        dir.path(),
        &["--config", "nope.toml", "config"],
        "skillfit: error: nope.toml: cannot read: No such file or directory (os error 2)\n",
    );
}

#[test]
fn taxonomy_with_a_wrong_type_names_line_and_column() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("t.toml"),
        "[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"tool\"\naliases = \"y\"\n",
    )
    .unwrap();
    refused_in(
        dir.path(),
        &["--taxonomy", "t.toml", "taxonomy", "list"],
        "skillfit: error: t.toml:5:11: invalid type: string \"y\", expected a sequence\n",
    );
}

#[test]
fn taxonomy_with_an_unknown_category() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("t.toml"),
        "[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"nonsense\"\n",
    )
    .unwrap();
    refused_in(
        dir.path(),
        &["--taxonomy", "t.toml", "taxonomy", "list"],
        &format!("skillfit: error: t.toml:1: unknown category `nonsense`; known: {CATEGORIES}\n"),
    );
}

#[test]
fn missing_taxonomy() {
    let dir = tempdir();
    refused_in(
        dir.path(),
        &["--taxonomy", "nope.toml", "taxonomy", "list"],
        "skillfit: error: nope.toml: cannot read: No such file or directory (os error 2)\n",
    );
}

// --------------------------------------------------------------------------- postings, output

#[test]
fn folder_with_no_postings() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    for command in ["rank", "gaps"] {
        refused_in(
            dir.path(),
            &[command, "r.md", "empty", "--as-of", "2026-11"],
            "skillfit: error: no posting files (.md .markdown .txt .html .htm .json) in empty\n",
        );
    }
    refused_in(
        dir.path(),
        &[
            "matrix", "r.md", "--jobs", "empty", "--as-of", "2026-11", "--out", "m.csv",
        ],
        "skillfit: error: nothing to write: no résumé could be scored against any posting\n",
    );
}

#[test]
fn no_posting_could_be_read() {
    refused(
        &["rank", RESUME, "nope", "--no-report", "--as-of", "2026-11"],
        "skillfit: skipped nope: no such file or folder\n\
         skillfit: error: no postings to rank in nope (1 skipped)\n",
    );
}

#[test]
fn table_without_a_text_column() {
    let dir = tempdir();
    std::fs::write(dir.path().join("t.csv"), "id,foo\n1,bar\n").unwrap();
    refused_in(
        dir.path(),
        &["rank", "r.md", "t.csv", "--no-report", "--as-of", "2026-11"],
        "skillfit: error: t.csv: no posting text column (looked for description, \
         job_description, job_summary, text); columns: id, foo; name it with --text-col\n",
    );
    refused_in(
        dir.path(),
        &[
            "rank",
            "r.md",
            "t.csv",
            "--no-report",
            "--as-of",
            "2026-11",
            "--text-col",
            "body",
        ],
        "skillfit: error: t.csv: no column `body` (--text-col); columns: id, foo\n",
    );
}

#[test]
fn out_that_is_a_file_or_not_a_report() {
    let dir = tempdir();
    std::fs::write(dir.path().join("taken"), "mine\n").unwrap();
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/a.txt"), "mine\n").unwrap();
    for out in ["taken", "notes"] {
        refused_in(
            dir.path(),
            &["rank", "r.md", "jobs", "--as-of", "2026-11", "--out", out],
            &format!(
                "skillfit: error: {out}: exists and is not a skillfit report folder; refusing \
                 to overwrite it (choose another --out)\n"
            ),
        );
    }
    refused_in(
        dir.path(),
        &[
            "rank",
            "r.md",
            "jobs",
            "--as-of",
            "2026-11",
            "--out",
            "taken/sub",
        ],
        "skillfit: error: taken/sub: taken is a file, not a folder\n",
    );
    refused_in(
        dir.path(),
        &[
            "profile",
            "r.md",
            "--as-of",
            "2026-11",
            "--format",
            "csv",
            "-o",
            "taken/p.csv",
        ],
        "skillfit: error: taken/p.csv: cannot write: taken is a file, not a folder\n",
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken")).unwrap(),
        "mine\n"
    );
}

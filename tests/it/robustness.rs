//! Issue 8 regressions: nothing a document contains crashes, stalls or silently drops work.
//! Each case was a real failure: a panic, a super-linear stall, or a posting lost because of
//! optional metadata.

use std::process::Output;

use crate::harness::{root, skillfit, stderr};
use serde_json::Value;

fn rank_json(jobs: &std::path::Path, extra_env: &[(&str, &str)]) -> Output {
    let mut c = skillfit();
    for (k, v) in extra_env {
        c.env(k, v);
    }
    c.args([
        "rank",
        "tests/fixtures/resumes/ja_sre.md",
        jobs.to_str().unwrap(),
        "--as-of",
        "2026-11",
        "--format",
        "json",
        "--no-report",
    ])
    .output()
    .expect("runs")
}

fn paths(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn entity_before_japanese_text_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("amp.html"),
        "<html><body><h1>インフラエンジニア</h1><h2>必須</h2><ul><li>Go &amp;DX推進室 AWS</li><li>&DX推進室推進室 Terraform</li></ul></body></html>",
    )
    .unwrap();
    let o = rank_json(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(paths(&v, "postings").len(), 1);
    let o = skillfit()
        .args(["posting", "--format", "json"])
        .arg(dir.path().join("amp.html"))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let skills: Vec<&str> = v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["skill"].as_str().unwrap())
        .collect();
    for s in ["Go", "AWS", "Terraform"] {
        assert!(skills.contains(&s), "{s} missing from {skills:?}");
    }
}

#[test]
fn multi_line_flow_mapping_in_yaml_front_matter_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hugo.md"),
        "---\ntitle: \"Platform Engineer\"\ncompany: Hakobune Cargo Ltd.\njsonld: {\n  \"@type\": \"JobPosting\",\n  \"title\": \"Platform Engineer\"\n}\ntags: [go,\n  kubernetes]\n---\n\n## Requirements\n\n- Go\n- Kubernetes\n",
    )
    .unwrap();
    let o = rank_json(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(paths(&v, "postings").len(), 1, "{}", stderr(&o));
    assert!(paths(&v, "skipped").is_empty());
    assert_eq!(v["postings"][0]["company"], "Hakobune Cargo Ltd.");
    assert!(!stderr(&o).contains("front matter"), "{}", stderr(&o));
}

#[test]
fn front_matter_that_never_closes_or_does_not_parse_keeps_the_posting() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken_fm.md"),
        "---\ntitle: [unclosed\ncompany: X\n---\n\n## 必須\n\n- Python 3年以上\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad_toml.md"),
        "+++\ntitle = \"SRE\nfoo\n+++\n\n## Requirements\n\n- Terraform\n",
    )
    .unwrap();
    let o = rank_json(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(paths(&v, "postings").len(), 2, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("broken_fm.md:3: front matter ignored"),
        "{err}"
    );
    assert!(err.contains("bad_toml.md:"), "{err}");
}

#[test]
fn a_panicking_posting_is_named_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["sre_aws_eks.md", "frontend_react.md"] {
        std::fs::copy(root().join("jobs").join(f), dir.path().join(f)).unwrap();
    }
    let o = rank_json(
        dir.path(),
        &[("SKILLFIT_TEST_PANIC_ON", "frontend_react.md")],
    );
    if !cfg!(debug_assertions) {
        // The fault injection exists only in debug builds.
        return;
    }
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("frontend_react.md: internal error while reading this file; please report it"),
        "{err}"
    );
    assert!(
        !err.contains("RUST_BACKTRACE"),
        "the default hook printed: {err}"
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(paths(&v, "postings").len(), 1);
    assert!(paths(&v, "skipped")[0].ends_with("frontend_react.md"));
}

#[test]
fn a_panicking_resume_in_matrix_is_named_and_the_rest_go_on() {
    if !cfg!(debug_assertions) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.csv");
    let o = skillfit()
        .env("SKILLFIT_TEST_PANIC_ON", "en_acme.md")
        .args([
            "matrix",
            "tests/fixtures/resumes/ja_sre.md",
            "tests/fixtures/resumes/en_acme.md",
            "--jobs",
            "jobs",
            "--as-of",
            "2026-11",
            "--top",
            "3",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("en_acme.md: internal error"),
        "{}",
        stderr(&o)
    );
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("ja_sre.md"));
    assert!(!csv.contains("en_acme.md"));
}

/// One 2 MB line of repeated skill names: finishes (it used to stall, super-linear in the line
/// length), and the skill is found. Growth is measured in `scripts/linear.sh`, not timed here.
#[test]
fn one_huge_line_resume_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.md");
    std::fs::write(&path, "Kubernetes ".repeat(200_000)).unwrap();
    let o = skillfit()
        .args(["profile", "--format", "json", "--as-of", "2026-11"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["skill"] == "Kubernetes"));
}

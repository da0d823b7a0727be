//! `--shard I/N`: the union of the N shards is the unsharded run, and a retried shard writes
//! the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::harness::{root, skillfit};
use serde_json::Value;

/// The bundled postings as files, plus the same texts as rows of a CSV (ids `row-<name>`).
fn corpus(dir: &Path) -> PathBuf {
    let csv_path = dir.join("rows.csv");
    let mut w = csv::Writer::from_path(&csv_path).unwrap();
    w.write_record(["id", "description"]).unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("jobs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "README.md")
        .collect();
    names.sort();
    for p in names {
        let id = format!("row-{}", p.file_name().unwrap().to_string_lossy());
        w.write_record([id, std::fs::read_to_string(&p).unwrap()])
            .unwrap();
    }
    w.flush().unwrap();
    csv_path
}

fn rank_rows(extra: &[&str], csv_path: &Path) -> BTreeSet<String> {
    let o = skillfit()
        .args(["rank", "tests/fixtures/resumes/ja_sre.md", "jobs"])
        .arg(csv_path)
        .args(["--as-of", "2026-11", "--no-report", "-f", "json", "-q"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    j["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["path"], p["score"]))
        .collect()
}

#[test]
fn four_rank_shards_cover_every_posting_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = corpus(dir.path());
    let all = rank_rows(&[], &csv_path);
    assert_eq!(all.len(), 36);
    let mut union = BTreeSet::new();
    let mut total = 0;
    for i in 0..4 {
        let part = rank_rows(&["--shard", &format!("{i}/4")], &csv_path);
        assert!(
            !part.is_empty() && part.len() < all.len(),
            "shard {i}: {}",
            part.len()
        );
        total += part.len();
        union.extend(part);
    }
    assert_eq!(total, all.len(), "no posting in two shards");
    assert_eq!(union, all);
}

type MatrixRows = BTreeMap<String, Vec<(f64, String)>>;

fn read_matrix_csv(path: &Path) -> MatrixRows {
    let mut r = csv::Reader::from_path(path).unwrap();
    let mut m: MatrixRows = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        // resume, rank, posting, title, company, score
        m.entry(rec[0].to_owned())
            .or_default()
            .push((rec[5].parse().unwrap(), rec[2].to_owned()));
    }
    m
}

/// Keep the best `k` per résumé: score descending, then posting id (the tie-break of rank).
fn top(mut m: MatrixRows, k: usize) -> MatrixRows {
    for v in m.values_mut() {
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        v.truncate(k);
    }
    m
}

#[test]
fn merged_matrix_shards_equal_the_unsharded_run_and_a_retry_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = corpus(dir.path());
    let matrix = |out: &Path, shard: Option<usize>| {
        let mut c = skillfit();
        c.args(["matrix", "tests/fixtures/resumes", "--jobs", "jobs"])
            .arg(&csv_path)
            .args(["--top", "5", "--as-of", "2026-11", "-q", "--out"])
            .arg(out);
        if let Some(i) = shard {
            c.args(["--shard", &format!("{i}/4")]);
        }
        let o = c.output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    let whole = dir.path().join("m.csv");
    matrix(&whole, None);
    let mut merged: MatrixRows = BTreeMap::new();
    for i in 0..4 {
        matrix(&dir.path().join("m.csv"), Some(i));
        let part = dir.path().join(format!("m.shard-{i}-of-4.csv"));
        for (resume, rows) in read_matrix_csv(&part) {
            merged.entry(resume).or_default().extend(rows);
        }
    }
    let want = top(read_matrix_csv(&whole), 5);
    // Every résumé in the folder (Markdown and JSON Resume) has its rows.
    let resumes = std::fs::read_dir("tests/fixtures/resumes")
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path();
            matches!(p.extension().and_then(|x| x.to_str()), Some("md" | "json"))
        })
        .count();
    assert_eq!(want.len(), resumes, "one entry per résumé");
    assert_eq!(top(merged, 5), want);

    // A retried shard (same command, same output name) writes the same bytes, CSV and Parquet.
    for ext in ["csv", "parquet"] {
        let out = dir.path().join(format!("r.{ext}"));
        matrix(&out, Some(2));
        let written = dir.path().join(format!("r.shard-2-of-4.{ext}"));
        let first = std::fs::read(&written).unwrap();
        matrix(&out, Some(2));
        assert_eq!(std::fs::read(&written).unwrap(), first, "{ext}");
        assert!(!out.exists(), "only the shard's name is written");
    }
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let o = skillfit()
        .args([
            "rank",
            "tests/fixtures/resumes/ja_sre.md",
            "jobs",
            "--shard",
            "4/4",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("0 <= I < N"));
}

//! Tabular corpora (CSV, TSV, JSONL, Parquet rows as postings) and the JSON-lines stream of
//! `score --jobs-jsonl`: rows score exactly like the same postings saved as files.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use crate::harness::{root, skillfit};
use serde_json::Value;

const RESUME: &str = "tests/fixtures/resumes/ja_sre.md";

/// (file name, text) of the bundled postings in `jobs/`.
fn bundled() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(root().join("jobs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "README.md")
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// posting id → (score, required met/total, preferred met/total) from `rank -f json`.
fn rank_scores(o: &Output) -> BTreeMap<String, Value> {
    let j: Value = serde_json::from_slice(&o.stdout).expect("rank JSON");
    j["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = Path::new(p["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let key = serde_json::json!([
                p["score"],
                p["required_met"],
                p["required_total"],
                p["preferred_met"],
                p["preferred_total"],
                p["missing_required"]
            ]);
            (id, key)
        })
        .collect()
}

fn rank(jobs: &[&Path], extra: &[&str]) -> Output {
    let mut c = skillfit();
    c.args(["rank", RESUME])
        .args(jobs)
        .args(["--as-of", "2026-11", "--no-report", "-f", "json", "-q"])
        .args(extra);
    c.output().unwrap()
}

fn write_csv(path: &Path, header: &[&str], rows: &[Vec<String>], delim: u8) {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delim)
        .from_path(path)
        .unwrap();
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn rows_of_csv_tsv_jsonl_and_parquet_score_like_the_same_postings_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let posts = bundled();
    assert!(posts.len() >= 15);
    let files = rank(&[&root().join("jobs")], &[]);
    assert_eq!(files.status.code(), Some(0), "{files:?}");
    let want = rank_scores(&files);
    assert_eq!(want.len(), posts.len());

    // A job-board export: id, company, title, the text, and a column we do not read.
    let header = [
        "job_id",
        "company_name",
        "title",
        "description",
        "skills_desc",
    ];
    let rows: Vec<Vec<String>> = posts
        .iter()
        .map(|(name, text)| {
            vec![
                name.clone(),
                "株式会社テスト".to_owned(),
                format!("Role, \"quoted\" {name}"),
                text.clone(),
                "Go; AWS".to_owned(),
            ]
        })
        .collect();
    let csv_path = dir.path().join("export.csv");
    write_csv(&csv_path, &header, &rows, b',');
    let tsv_path = dir.path().join("export.tsv");
    write_csv(&tsv_path, &header, &rows, b'\t');

    let jsonl_path = dir.path().join("dump.jsonl");
    let lines: Vec<String> = posts
        .iter()
        .map(|(name, text)| {
            serde_json::json!({"id": name, "site": "example", "job_url": format!("https://jobs.example/{name}"),
                "title": name, "company": "Example K.K.", "description": text})
            .to_string()
        })
        .collect();
    std::fs::write(&jsonl_path, lines.join("\n") + "\n").unwrap();

    // Parquet with small row groups, so that several slices are read.
    let pq_path = dir.path().join("table.parquet");
    let mut w = skillfit::frame::text_parquet_writer(&pq_path, &["job_id", "text"], 4).unwrap();
    for chunk in posts.chunks(5) {
        skillfit::frame::write_text_parquet_batch(
            &mut w,
            &[
                ("job_id", chunk.iter().map(|p| Some(p.0.clone())).collect()),
                ("text", chunk.iter().map(|p| Some(p.1.clone())).collect()),
            ],
        )
        .unwrap();
    }
    w.finish().unwrap();

    for (path, extra) in [
        (&csv_path, vec!["--text-col", "description"]),
        (&tsv_path, vec![]),
        (&jsonl_path, vec![]),
        (&pq_path, vec![]),
    ] {
        let o = rank(&[path], &extra);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(rank_scores(&o), want, "{}", path.display());
    }

    // Title and company come from their columns; the posting id is the row id.
    let o = rank(&[&csv_path], &[]);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &j["postings"][0];
    assert!(first["title"]
        .as_str()
        .unwrap()
        .starts_with("Role, \"quoted\" "));
    assert_eq!(first["company"], "株式会社テスト");
    assert!(!first["path"].as_str().unwrap().contains('/'));
}

#[test]
fn bad_rows_are_named_by_file_and_row_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = "SRE\n必須スキル\n・AWS での運用経験 3年以上\n・Kubernetes\n";
    let csv_path = dir.path().join("c.csv");
    let body = format!(
        "job_id,title,description\n\
         a1,SRE,\"{good}\"\n\
         a2,Empty,\n\
         a3,Too,many,fields\n\
         a4,SRE again,\"{good}\"\n"
    );
    std::fs::write(&csv_path, body).unwrap();
    let o = rank(&[&csv_path], &[]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = j["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a1", "a4"]);
    let skipped: Vec<String> = j["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s["path"].as_str().unwrap(),
                s["reason"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].ends_with("c.csv:row 2: no posting text in column `description` (line 7)"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].contains("c.csv:row 3: broken CSV record"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].contains("4 fields where the header has 3"),
        "{skipped:?}"
    );

    let jsonl = dir.path().join("d.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n{{not json\n[1,2]\n{}\n",
            serde_json::json!({"id": "j1", "text": good}),
            serde_json::json!({"id": "j4", "text": good})
        ),
    )
    .unwrap();
    let o = rank(&[&jsonl], &[]);
    assert_eq!(o.status.code(), Some(1));
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["postings"].as_array().unwrap().len(), 2);
    let reasons: Vec<String> = j["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s["path"].as_str().unwrap(),
                s["reason"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        reasons[0].contains("d.jsonl:row 2: invalid JSON"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].contains("d.jsonl:row 3: not a JSON object"),
        "{reasons:?}"
    );
}

#[test]
fn a_table_without_a_text_column_is_an_error_that_lists_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.csv");
    std::fs::write(&p, "job_id,body,company\n1,Go 3年以上,A\n").unwrap();
    let o = rank(&[&p], &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("x.csv: no posting text column"), "{err}");
    assert!(err.contains("columns: job_id, body, company"), "{err}");
    assert!(err.contains("--text-col"), "{err}");
    let o = rank(&[&p], &["--text-col", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no column `nope` (--text-col)"));
    // Named explicitly, an unusual column works.
    let o = rank(&[&p], &["--text-col", "body", "--company-col", "company"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_row_that_panics_is_skipped_and_the_others_are_scored() {
    if !cfg!(debug_assertions) {
        return; // the fault injection only exists in debug builds
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.jsonl");
    let good = "Requirements\n- 3+ years of Go\n- AWS\n";
    let lines: Vec<String> = ["r1", "boom", "r3"]
        .iter()
        .map(|id| serde_json::json!({"id": id, "text": good}).to_string())
        .collect();
    std::fs::write(&p, lines.join("\n")).unwrap();
    let o = skillfit()
        .env("SKILLFIT_TEST_PANIC_ON", "boom")
        .args(["rank", RESUME])
        .arg(&p)
        .args(["--as-of", "2026-11", "--no-report", "-f", "json", "-q"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["postings"].as_array().unwrap().len(), 2);
    assert_eq!(j["skipped"][0]["path"], "boom");
    assert!(j["skipped"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("internal error"));
}

#[test]
fn a_jsonl_stream_gives_one_result_per_line_in_order_with_errors_named() {
    let posts = bundled();
    let files = rank(&[&root().join("jobs")], &[]);
    let want = rank_scores(&files);
    let mut input = String::new();
    for (i, (name, text)) in posts.iter().enumerate() {
        input.push_str(&serde_json::json!({"job_id": name, "description": text}).to_string());
        input.push('\n');
        if i == 3 {
            input.push_str("{broken\n");
            input.push_str("{\"job_id\": \"no-text\"}\n");
        }
    }
    let o = skillfit()
        .args([
            "score",
            RESUME,
            "--jobs-jsonl",
            "-",
            "--as-of",
            "2026-11",
            "-q",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(out.len(), posts.len() + 2);
    let lines: Vec<u64> = out.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "results in input order");
    assert!(out[4]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(out[5]["error"]
        .as_str()
        .unwrap()
        .contains("no posting text column"));
    assert_eq!(out[5]["posting"], Value::Null);
    for r in out.iter().filter(|r| r.get("error").is_none()) {
        let id = r["posting"].as_str().unwrap();
        let missing: Vec<&str> = r["missing_required"]
            .as_str()
            .unwrap()
            .split("; ")
            .filter(|s| !s.is_empty())
            .collect();
        let key = serde_json::json!([
            r["score"],
            r["required_met"],
            r["required_total"],
            r["preferred_met"],
            r["preferred_total"],
            missing
        ]);
        assert_eq!(want[id], key, "{id}");
    }
    // All good: exit 0.
    let o = skillfit()
        .args([
            "score",
            RESUME,
            "--jobs-jsonl",
            "-",
            "--as-of",
            "2026-11",
            "-q",
        ])
        .write_stdin(format!(
            "{}\n",
            serde_json::json!({"id": "x", "text": "Requirements\n- Go"})
        ))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
}

//! JSON Resume in and out: the binary on the JSON mirror of a Markdown fixture, on bad JSON,
//! and `profile --format json-resume` validated against the vendored official schema
//! (tests/schema/jsonresume/, @jsonresume/schema) and read back.

use std::path::Path;

use serde_json::{json, Value};

use crate::harness::{root, run, seed, stderr, SEED_RESUME};

const AS_OF: &str = "2026-11";

fn profile(path: &Path, format: &str) -> Value {
    let o = run(&[
        "profile",
        path.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        format,
    ]);
    assert!(o.status.success(), "profile {path:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

fn companies(p: &Value) -> Vec<(String, String, Value, i64)> {
    p["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["start"].as_str().unwrap().to_owned(),
                c["end"].clone(),
                c["months"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn projects(p: &Value) -> Vec<Value> {
    p["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let mut skills: Vec<&str> = x["skills"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            skills.sort_unstable();
            json!([
                x["company"],
                x["title"],
                x["start"],
                x["end"],
                x["months"],
                skills
            ])
        })
        .collect()
}

/// Per skill: what tenure gives it (months, first and last use, runs) and how it was found.
fn skills(p: &Value) -> std::collections::BTreeMap<String, Value> {
    p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["skill"].as_str().unwrap().to_owned(),
                json!([
                    s["months"],
                    s["first_used"],
                    s["last_used"],
                    s["intervals"],
                    s["listed"],
                    s["known"],
                    s["id"],
                    s["claimed_months"]
                ]),
            )
        })
        .collect()
}

#[test]
fn json_mirror_of_a_markdown_fixture_gives_the_same_profile() {
    let md = profile(&root().join("tests/fixtures/resumes/en_compact.md"), "json");
    let js = profile(
        &root().join("tests/fixtures/resumes/en_compact.json"),
        "json",
    );
    assert_eq!(js["total_months"], 143);
    assert_eq!(md["total_months"], js["total_months"]);
    assert_eq!(companies(&md), companies(&js));
    assert_eq!(projects(&md), projects(&js));
    // Every skill with dated use has the same months, first/last use and runs; every listed
    // known skill is listed in both.
    let (a, b) = (skills(&md), skills(&js));
    let mut dated = 0;
    for (name, s) in &a {
        if !s[0].is_null() {
            dated += 1;
            assert_eq!(Some(s), b.get(name), "{name}");
        }
        if s[4] == true && s[5] == true {
            assert_eq!(b.get(name).map(|x| &x[4]), Some(&json!(true)), "{name}");
        }
    }
    assert!(dated >= 25, "only {dated} dated skills");
    for (name, s) in &b {
        if !s[0].is_null() {
            assert_eq!(Some(s), a.get(name), "{name} only dated in the JSON");
        }
    }
    // The dated highlight is the innermost unit, as the dated list item is in Markdown.
    assert_eq!(b["Kotlin"][0], 4);
    assert_eq!(b["Go"][0], 16);
    assert_eq!(b["Kubernetes"][0], 33, "typo matched fuzzily, GKE implies");
}

#[test]
fn education_never_counts() {
    // The fixture's education (2013-09..2014-09, courses naming Java and Go) adds nothing.
    let path = root().join("tests/fixtures/resumes/en_compact.json");
    let p = profile(&path, "json");
    assert_eq!(p["total_months"], 143);
    assert_eq!(
        skills(&p)["Go"][1],
        "2021-09",
        "Go's first use is not the course"
    );
    assert_eq!(skills(&p)["Java"][0], 46);
    // The same entry moved to `work` would count: the test can fail.
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let edu = doc["education"][0].clone();
    let dir = tempfile::tempdir().unwrap();
    let as_work = dir.path().join("as_work.json");
    doc["work"].as_array_mut().unwrap().push(json!({
        "name": edu["institution"], "startDate": edu["startDate"], "endDate": edu["endDate"],
        "highlights": edu["courses"],
    }));
    std::fs::write(&as_work, doc.to_string()).unwrap();
    let w = profile(&as_work, "json");
    assert_eq!(w["total_months"], 143 + 13);
    assert_eq!(skills(&w)["Go"][1], "2013-09");
    // Education alone: no employer, no months.
    let only = dir.path().join("only_education.json");
    std::fs::write(
        &only,
        json!({"education": [edu], "skills": [{"name": "Go"}]}).to_string(),
    )
    .unwrap();
    let o = profile(&only, "json");
    assert_eq!(o["total_months"], 0);
    assert!(o["companies"].as_array().unwrap().is_empty());
    assert!(skills(&o)["Go"][0].is_null());
}

#[test]
fn json_resume_is_detected_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("resume.txt");
    std::fs::copy(root().join("tests/fixtures/resumes/en_compact.json"), &txt).unwrap();
    let p = profile(&txt, "json");
    assert_eq!(p["total_months"], 143);
    assert_eq!(p["companies"].as_array().unwrap().len(), 4);
}

fn fails_with(file: &str, content: &str, needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    std::fs::write(&path, content).unwrap();
    let o = run(&["profile", path.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2), "{file}: {}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    for n in needles {
        assert!(err.contains(n), "{file}: `{n}` not in {err}");
    }
}

#[test]
fn bad_json_resumes_fail_naming_the_json_path() {
    fails_with(
        "broken.json",
        "{\"work\": [\n  {\"name\": \"A\",,}\n]}",
        &["broken.json:2:", "not valid JSON"],
    );
    fails_with(
        "list.json",
        "[{\"name\": \"Go\"}]",
        &["list.json", "not a JSON Resume object"],
    );
    fails_with(
        "posting.json",
        "{\"title\": \"SRE\", \"required\": [\"Go\"]}",
        &["posting.json", "not a résumé"],
    );
    fails_with(
        "month.json",
        "{\n\"work\": [\n {\"name\": \"A\", \"startDate\": \"2019-04\"},\n {\"name\": \"B\", \"startDate\": \"2020-04\"},\n {\"name\": \"C\",\n  \"startDate\": \"2021-13\"}\n]}",
        &["month.json:6: work[2].startDate", "no such month"],
    );
    fails_with(
        "day.json",
        "{\"work\": [{\"name\": \"A\", \"startDate\": \"2023-02-29\"}]}",
        &["work[0].startDate", "`2023-02-29`: no such day"],
    );
    fails_with(
        "reversed.json",
        "{\"volunteer\": [{\"organization\": \"A\", \"startDate\": \"2022\", \"endDate\": \"2021-05\"}]}",
        &["volunteer[0].endDate", "before it starts"],
    );
    fails_with(
        "words.json",
        "{\"projects\": [{\"name\": \"X\", \"startDate\": \"last spring\"}]}",
        &[
            "projects[0].startDate",
            "not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
        ],
    );
    fails_with(
        "types.json",
        "{\"skills\": [{\"name\": \"Go\", \"keywords\": \"Rust\"}]}",
        &["skills[0].keywords", "expected an array"],
    );
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schema/jsonresume/schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official schema compiles")
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is not a valid JSON Resume:\n{}",
        errors.join("\n")
    );
}

/// `profile X --format json-resume` validates, and reading it back gives the same profile.
fn round_trip(v: &jsonschema::Validator, resume: &Path) {
    let original = profile(resume, "json");
    let doc = profile(resume, "json-resume");
    assert_valid(v, &doc, &resume.display().to_string());
    let dir = tempfile::tempdir().unwrap();
    let back_path = dir.path().join("resume.json");
    std::fs::write(&back_path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let back = profile(&back_path, "json");
    let what = resume.display();
    assert_eq!(original["total_months"], back["total_months"], "{what}");
    assert_eq!(companies(&original), companies(&back), "{what}");
    assert_eq!(projects(&original), projects(&back), "{what}");
    assert_eq!(skills(&original), skills(&back), "{what}");
    // skillfit's figures are in the document itself.
    let first = &doc["skills"][0];
    let top = &original["skills"][0];
    assert_eq!(first["name"], top["skill"]);
    assert_eq!(first["x-skillfit"]["months"], top["months"]);
    assert_eq!(first["x-skillfit"]["first_used"], top["first_used"]);
    assert_eq!(first["x-skillfit"]["last_used"], top["last_used"]);
}

#[test]
fn json_resume_output_is_valid_and_reads_back_the_same() {
    let v = validator();
    let dir = root().join("tests/fixtures/resumes");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md" || e == "json") {
            round_trip(&v, &path);
            n += 1;
        }
    }
    assert!(n >= 5, "only {n} fixtures");
    // The schema is really checked: a wrong date and a wrong type are rejected.
    let mut bad = profile(&dir.join("en_acme.md"), "json-resume");
    bad["work"][0]["startDate"] = json!("Jan 2019");
    assert!(!v.is_valid(&bad));
    let mut bad = profile(&dir.join("en_acme.md"), "json-resume");
    bad["skills"][0]["keywords"] = json!("Go");
    assert!(!v.is_valid(&bad));
}

#[test]
#[ignore = "needs ../shared/seed (CI checkouts have it): cargo test -- --ignored"]
fn json_resume_output_of_the_seed_resume() {
    round_trip(&validator(), &seed(SEED_RESUME));
}

#[test]
fn other_commands_read_json_resumes() {
    let js = "tests/fixtures/resumes/en_compact.json";
    let md = "tests/fixtures/resumes/en_compact.md";
    let score = |r: &str| {
        let o = run(&[
            "score",
            r,
            "jobs/backend_go.md",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["score"].clone()
    };
    assert_eq!(score(js), score(md));
    assert!(score(js).as_f64().is_some_and(|s| s > 0.0));
    let o = run(&["gaps", js, "jobs", "--as-of", AS_OF, "--format", "json"]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let o = run(&[
        "rank",
        js,
        "jobs",
        "--as-of",
        AS_OF,
        "--no-report",
        "--format",
        "json",
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("t.svg");
    let o = run(&[
        "timeline",
        js,
        "--as-of",
        AS_OF,
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let csv = dir.path().join("m.csv");
    let o = run(&[
        "matrix",
        js,
        md,
        "--jobs",
        "jobs",
        "--as-of",
        AS_OF,
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(
        rows.contains("en_compact.json") && rows.contains("en_compact.md"),
        "{rows}"
    );
}

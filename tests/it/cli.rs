//! Integration tests: run the real binary on fixtures and compare with the expected files. The
//! reference résumé beside CI checkouts (`../shared/seed/`) has its own `#[ignore]`d tests
//! (`cargo test -- --ignored`).

use std::path::{Path, PathBuf};

use serde_json::Value;
use skillfit::taxonomy::Taxonomy;

use crate::harness::{
    bin, fixture, root, run, seed, skillfit, skipped, stderr, stdout, Test, SEED_RESUME,
};

fn profile_json(path: &Path, as_of: &str) -> Value {
    let o = run(&[
        "profile",
        path.to_str().unwrap(),
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    assert!(
        o.status.success(),
        "profile {path:?} failed: {}",
        stderr(&o)
    );
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// Display name of `name` through the taxonomy (how the expected files are compared).
fn canon(tax: &Taxonomy, name: &str) -> String {
    let id = tax
        .resolve(name)
        .unwrap_or_else(|| panic!("`{name}` is not in the taxonomy"));
    tax.skill(id).name.clone()
}

fn skill<'a>(profile: &'a Value, name: &str) -> Option<&'a Value> {
    profile["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["skill"] == name)
}

fn end_of(v: &toml::Value) -> Value {
    match v.as_str() {
        Some("present") => Value::Null,
        Some(s) => Value::String(s.to_owned()),
        None => Value::Null,
    }
}

/// Check a profile against an expected.toml (the seed's schema), reading the figures from the
/// TOML itself.
fn check_expected(resume: &Path, expected: &Path) {
    let tax = Taxonomy::builtin().unwrap();
    let exp: toml::Value = toml::from_str(&std::fs::read_to_string(expected).unwrap()).unwrap();
    let as_of = exp["as_of"].as_str().unwrap();
    let p = profile_json(resume, as_of);
    let mut failures: Vec<String> = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };

    check(
        p["total_months"].as_i64() == exp["total_months"].as_integer(),
        format!(
            "total_months {} != {}",
            p["total_months"], exp["total_months"]
        ),
    );

    let companies = p["companies"].as_array().unwrap();
    let exp_companies = exp
        .get("companies")
        .and_then(|c| c.as_array())
        .cloned()
        .unwrap_or_default();
    check(
        companies.len() == exp_companies.len(),
        format!(
            "{} companies, expected {}: {:?}",
            companies.len(),
            exp_companies.len(),
            companies
                .iter()
                .map(|c| c["name"].to_string())
                .collect::<Vec<_>>()
        ),
    );
    for c in &exp_companies {
        let name = c["name"].as_str().unwrap();
        match companies.iter().find(|x| x["name"] == name) {
            None => check(false, format!("company {name} missing")),
            Some(x) => {
                check(
                    x["start"] == c["start"].as_str().unwrap(),
                    format!("{name} start {}", x["start"]),
                );
                check(
                    x["end"] == end_of(&c["end"]),
                    format!("{name} end {}", x["end"]),
                );
                check(
                    x["months"].as_i64() == c["months"].as_integer(),
                    format!("{name} months {} != {}", x["months"], c["months"]),
                );
            }
        }
    }

    let projects = p["projects"].as_array().unwrap();
    // Every project, no more (a dated row of facts is not a project of its own).
    if let Some(n) = exp.get("project_count").and_then(|n| n.as_integer()) {
        check(
            projects.len() as i64 == n,
            format!(
                "{} projects, expected {n}: {:?}",
                projects.len(),
                projects
                    .iter()
                    .map(|x| x["title"].to_string())
                    .collect::<Vec<_>>()
            ),
        );
    }
    for e in exp
        .get("projects")
        .and_then(|c| c.as_array())
        .cloned()
        .unwrap_or_default()
    {
        let company = e["company"].as_str().unwrap();
        let title = e["title_contains"].as_str().unwrap();
        let Some(x) = projects
            .iter()
            .find(|x| x["company"] == company && x["title"].as_str().unwrap().contains(title))
        else {
            check(false, format!("project {company} / {title} missing"));
            continue;
        };
        check(
            x["start"] == e["start"].as_str().unwrap(),
            format!("project {title} start {}", x["start"]),
        );
        check(
            x["end"] == end_of(&e["end"]),
            format!("project {title} end {}", x["end"]),
        );
        if let Some(tags) = e.get("tags").and_then(|t| t.as_array()) {
            let skills: Vec<&str> = x["skills"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s.as_str())
                .collect();
            for t in tags {
                let t = canon(&tax, t.as_str().unwrap());
                check(
                    skills.contains(&t.as_str()),
                    format!("project {title} lacks tag {t}"),
                );
            }
        }
    }

    if let Some(section) = exp.get("skills_section") {
        let listed = section["listed"].as_array().unwrap();
        let mut distinct: Vec<String> = Vec::new();
        for name in listed {
            let n = canon(&tax, name.as_str().unwrap());
            match skill(&p, &n) {
                Some(s) => check(s["listed"] == true, format!("{n} not marked listed")),
                None => check(false, format!("listed skill {n} missing")),
            }
            if !distinct.contains(&n) {
                distinct.push(n);
            }
        }
        // Terms the taxonomy does not know, listed as written (`"known": false`).
        for term in section
            .get("unknown")
            .and_then(|u| u.as_array())
            .into_iter()
            .flatten()
        {
            let term = term.as_str().unwrap();
            match skill(&p, term) {
                Some(s) => check(
                    s["listed"] == true && s["known"] == false,
                    format!("{term} should be a listed unknown term: {s}"),
                ),
                None => check(false, format!("unknown term {term} missing")),
            }
        }
        if let Some(d) = section.get("distinct").and_then(|d| d.as_integer()) {
            check(
                distinct.len() as i64 == d,
                format!(
                    "{} distinct listed skills after resolving, expected {d}",
                    distinct.len()
                ),
            );
        }
    }

    if let Some(tenure) = exp.get("tenure_months").and_then(|t| t.as_table()) {
        for (name, want) in tenure {
            let n = canon(&tax, name);
            let allowed: Vec<i64> = match want {
                toml::Value::Integer(i) => vec![*i],
                toml::Value::Array(a) => a.iter().filter_map(|v| v.as_integer()).collect(),
                other => panic!("bad tenure value {other}"),
            };
            let got = skill(&p, &n).and_then(|s| s["months"].as_i64());
            check(
                got.is_some_and(|g| allowed.contains(&g)),
                format!("{n}: months {got:?}, expected one of {allowed:?}"),
            );
        }
    }

    if let Some(checks) = exp.get("checks") {
        for name in checks
            .get("listed_without_dates")
            .and_then(|l| l.as_array())
            .into_iter()
            .flatten()
        {
            let n = canon(&tax, name.as_str().unwrap());
            match skill(&p, &n) {
                Some(s) => check(
                    s["months"].is_null(),
                    format!("{n} should have months null, has {}", s["months"]),
                ),
                None => check(false, format!("{n} missing (listed without dates)")),
            }
        }
        // Named in the résumé (so present), but never as a listed skill.
        for name in checks
            .get("not_listed")
            .and_then(|l| l.as_array())
            .into_iter()
            .flatten()
        {
            let n = canon(&tax, name.as_str().unwrap());
            match skill(&p, &n) {
                Some(s) => check(s["listed"] == false, format!("{n} must not be listed")),
                None => check(
                    false,
                    format!("{n} missing (expected as an unlisted mention)"),
                ),
            }
        }
        for name in checks
            .get("not_skills")
            .and_then(|l| l.as_array())
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap();
            let as_skill = tax.resolve(name).map(|id| tax.skill(id).name.clone());
            let present = p["skills"].as_array().unwrap().iter().any(|s| {
                s["skill"].as_str().unwrap().eq_ignore_ascii_case(name)
                    || as_skill.as_deref() == s["skill"].as_str()
            });
            check(!present, format!("{name} must not be a skill"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagrees with {}:\n  {}",
        resume.display(),
        expected.display(),
        failures.join("\n  ")
    );
}

#[test]
#[ignore = "needs ../shared/seed (CI checkouts have it): cargo test -- --ignored"]
fn reference_resume_matches_its_ground_truth() {
    check_expected(&seed(SEED_RESUME), &seed("expected.toml"));
}

#[test]
fn fixture_resumes_match_their_expected_files() {
    let dir = fixture("resumes");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        // `NAME.json` is the JSON Resume mirror of `NAME.md`: the same ground truth.
        if path.extension().is_some_and(|e| e == "md" || e == "json") {
            let expected = path.with_extension("expected.toml");
            assert!(expected.exists(), "{} has no expected file", path.display());
            check_expected(&path, &expected);
            seen += 1;
        }
    }
    assert!(seen >= 5, "only {seen} fixture résumés");
}

#[test]
fn profile_json_has_the_contract_shape() {
    let p = profile_json(&fixture("resumes/ja_sre.md"), "2026-11");
    for key in ["as_of", "total_months", "companies", "projects", "skills"] {
        assert!(p.get(key).is_some(), "missing {key}");
    }
    let s = &p["skills"][0];
    for key in [
        "skill",
        "category",
        "listed",
        "months",
        "first_used",
        "last_used",
        "mentions",
        "evidence",
    ] {
        assert!(s.get(key).is_some(), "skill lacks {key}");
    }
    let e = &s["evidence"][0];
    for key in ["line", "text", "matched_by"] {
        assert!(e.get(key).is_some(), "evidence lacks {key}");
    }
    let c = &p["companies"][0];
    for key in ["name", "start", "end", "months"] {
        assert!(c.get(key).is_some(), "company lacks {key}");
    }
    let pr = &p["projects"][0];
    for key in ["company", "title", "start", "end", "skills"] {
        assert!(pr.get(key).is_some(), "project lacks {key}");
    }
}

#[test]
fn table_output_fits_100_columns() {
    let o = run(&[
        "profile",
        "tests/fixtures/resumes/ja_sre.md",
        "--as-of",
        "2026-11",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Total experience"));
    for line in text.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 100, "{width} columns: {line}");
    }
}

#[test]
fn csv_and_parquet_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("p.csv");
    let o = run(&[
        "profile",
        "tests/fixtures/resumes/en_acme.md",
        "--as-of",
        "2026-11",
        "--format",
        "csv",
        "--output",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("skill,category,listed,mentions,months,first_used,last_used"));
    assert!(text.lines().any(|l| l.starts_with("Go,language,true,")));

    let pq = dir.path().join("p.parquet");
    let o = run(&[
        "profile",
        "tests/fixtures/resumes/en_acme.md",
        "--as-of",
        "2026-11",
        "--format",
        "parquet",
        "-o",
        pq.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&pq).unwrap();
    assert_eq!(&bytes[..4], b"PAR1");
    // No temp files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    let o = run(&[
        "profile",
        "tests/fixtures/resumes/en_acme.md",
        "--format",
        "parquet",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output"));
}

#[test]
fn bad_inputs_fail_cleanly() {
    let cases: &[(&str, &str)] = &[
        ("tests/fixtures/bad/empty.md", "file is empty"),
        ("tests/fixtures/bad/binary.md", "binary"),
        ("tests/fixtures/bad", "is a directory"),
        ("tests/fixtures/bad/nope.md", "no such file"),
    ];
    for (path, message) in cases {
        let o = run(&["profile", path, "--as-of", "2026-11"]);
        assert_eq!(o.status.code(), Some(2), "{path}");
        let err = stderr(&o);
        assert!(err.contains(path) && err.contains(message), "{path}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(o.stdout.is_empty());
    }
    let o = run(&[
        "profile",
        "tests/fixtures/resumes/ja_sre.md",
        "--as-of",
        "2026-13",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "skillfit: error: --as-of `2026-13`: expected YYYY-MM, e.g. 2026-11\n"
    );
}

#[test]
fn other_encodings_are_decoded_and_reported() {
    for (file, enc) in [("sjis.md", "Shift_JIS"), ("utf16.md", "UTF-16LE")] {
        let o = run(&[
            "profile",
            &format!("tests/fixtures/bad/{file}"),
            "--as-of",
            "2026-11",
            "--format",
            "json",
        ]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("decoded from {enc}")),
            "{}",
            stderr(&o)
        );
        let p: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(p["total_months"], 36, "{file}");
        assert_eq!(skill(&p, "Java").unwrap()["months"], 36);
        assert_eq!(skill(&p, "PostgreSQL").unwrap()["months"], 36);
        assert!(skill(&p, "Linux").unwrap()["months"].is_null());
    }
}

#[test]
fn undated_resume_lists_skills_with_null_months() {
    let o = run(&[
        "profile",
        "tests/fixtures/bad/no_dates.md",
        "--as-of",
        "2026-11",
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("no dated sections found"),
        "{}",
        stderr(&o)
    );
    let p: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["total_months"], 0);
    let skills = p["skills"].as_array().unwrap();
    assert!(skills.len() >= 10);
    assert!(skills.iter().all(|s| s["months"].is_null()));
}

#[test]
fn reversed_period_is_a_warning_naming_the_line() {
    let path = "tests/fixtures/bad/end_before_start.md";
    let text = std::fs::read_to_string(fixture("bad/end_before_start.md")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("株式会社逆転"))
        .unwrap()
        + 1;
    let o = run(&["profile", path, "--as-of", "2026-11", "--format", "json"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains(&format!(
            "{path}:{line}: period ends before it starts (2021-08 – 2020-04); ignored"
        )),
        "{}",
        stderr(&o)
    );
    let p: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["total_months"], 19);
}

#[test]
fn taxonomy_show_resolves_aliases_and_suggests() {
    let v = Test::new()
        .args(["taxonomy", "show", "k8s", "--format", "json"])
        .run()
        .success()
        .json();
    assert_eq!(v["name"], "Kubernetes");
    for key in ["id", "name", "category", "aliases", "implies"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let v = Test::new()
        .args(["taxonomy", "show", "Amazon EKS", "--format", "json"])
        .run()
        .json();
    let implies: Vec<&str> = v["implies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(
        implies.contains(&"Kubernetes") && implies.contains(&"AWS"),
        "{implies:?}"
    );

    Test::new()
        .args(["taxonomy", "show", "Kubernets"])
        .run()
        .exit(2)
        .stderr_contains("did you mean: Kubernetes")
        .stdout_is("");
}

#[test]
fn taxonomy_list_by_category() {
    let text = Test::new()
        .args(["taxonomy", "list", "--category", "language"])
        .run()
        .success()
        .stdout();
    assert!(text.lines().any(|l| l.starts_with("Go ")));
    assert!(text.lines().all(|l| l.contains("language")));
    Test::new()
        .args(["taxonomy", "list", "--category", "languages"])
        .run()
        .exit(2);
}

#[test]
fn user_taxonomy_extends_and_bad_file_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("my.toml");
    std::fs::write(
        &good,
        "[[skill]]\nid = \"zorblatt\"\nname = \"Zorblatt\"\ncategory = \"tool\"\naliases = [\"ゾルブラット\"]\n",
    )
    .unwrap();
    let o = run(&[
        "--taxonomy",
        good.to_str().unwrap(),
        "taxonomy",
        "show",
        "ゾルブラット",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Zorblatt (zorblatt)"));

    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"tool\"\naliases = \"y\"\n",
    )
    .unwrap();
    let o = run(&["--taxonomy", bad.to_str().unwrap(), "taxonomy", "list"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:5:", bad.display())), "{err}");
}

#[test]
fn help_lists_the_commands() {
    Test::new()
        .arg("--help")
        .run()
        .success()
        .stdout_contains("profile")
        .stdout_contains("taxonomy");
}

/// Compare `skillfit posting --format json` for every sample posting with its expected file.
#[test]
fn sample_postings_match_their_expected_files() {
    let tax = Taxonomy::builtin().unwrap();
    let dir = root().join("tests/expected/postings");
    let mut failures = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let exp_path = entry.unwrap().path();
        let Some(name) = exp_path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".toml"))
        else {
            continue;
        };
        seen += 1;
        // The sample jobs/ folder, else the extraction-only fixtures (kept out of jobs/, whose
        // postings the ranking tests and the example report use).
        let posting = if root().join("jobs").join(name).is_file() {
            format!("jobs/{name}")
        } else {
            format!("tests/fixtures/postings/{name}")
        };
        let exp: toml::Value =
            toml::from_str(&std::fs::read_to_string(&exp_path).unwrap()).unwrap();
        let o = run(&["posting", &posting, "--format", "json"]);
        if !o.status.success() {
            failures.push(format!("{posting}: failed: {}", stderr(&o)));
            continue;
        }
        let got: Value = serde_json::from_slice(&o.stdout).unwrap();
        for key in ["title", "company"] {
            if let Some(want) = exp.get(key).and_then(|v| v.as_str()) {
                if got[key] != want {
                    failures.push(format!("{posting}: {key} {} != {want:?}", got[key]));
                }
            }
        }
        let reqs = got["requirements"].as_array().unwrap();
        for level in ["required", "preferred"] {
            let want = exp
                .get(level)
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            let mut want_names = Vec::new();
            let mut labels: Vec<(String, Value)> = Vec::new();
            for w in &want {
                // `unknown = true`: a name the taxonomy does not know, kept as written.
                let unknown = w.get("unknown").and_then(|u| u.as_bool()) == Some(true);
                let skill = if unknown {
                    w["skill"].as_str().unwrap().to_owned()
                } else {
                    canon(&tax, w["skill"].as_str().unwrap())
                };
                want_names.push(skill.clone());
                let Some(r) = reqs.iter().find(|r| r["skill"] == skill.as_str()) else {
                    failures.push(format!("{posting}: {level} {skill} not extracted"));
                    continue;
                };
                if r["level"] != level {
                    failures.push(format!("{posting}: {skill} is {} not {level}", r["level"]));
                }
                if unknown && r["matched_by"] != "unknown" {
                    failures.push(format!("{posting}: {skill} should be an unknown name"));
                }
                let want_years = w
                    .get("min_years")
                    .and_then(|y| y.as_float().or(y.as_integer().map(|i| i as f64)));
                if r["min_years"].as_f64() != want_years {
                    failures.push(format!(
                        "{posting}: {skill} min_years {} != {want_years:?}",
                        r["min_years"]
                    ));
                }
                match w.get("group").and_then(|g| g.as_str()) {
                    Some(label) => {
                        if r["group"].is_null() {
                            failures.push(format!(
                                "{posting}: {skill} should be in any-of group {label}"
                            ));
                        }
                        if let Some((_, g)) = labels.iter().find(|(l, _)| l == label) {
                            if *g != r["group"] {
                                failures.push(format!("{posting}: {skill} not in the same group as the other `{label}` members"));
                            }
                        } else {
                            labels.push((label.to_owned(), r["group"].clone()));
                        }
                    }
                    None => {
                        if !r["group"].is_null() {
                            failures.push(format!("{posting}: {skill} should not be in a group"));
                        }
                    }
                }
            }
            for r in reqs.iter().filter(|r| r["level"] == level) {
                let skill = r["skill"].as_str().unwrap();
                if !want_names.iter().any(|w| w == skill) {
                    failures.push(format!(
                        "{posting}: unexpected {level} {skill} from “{}”",
                        r["text"]
                    ));
                }
            }
        }
        for a in exp
            .get("absent")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let skill = canon(&tax, a.as_str().unwrap());
            if reqs.iter().any(|r| r["skill"] == skill.as_str()) {
                failures.push(format!("{posting}: {skill} must not be extracted"));
            }
        }
    }
    assert!(seen >= 16, "only {seen} expected posting files");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn batch_with_broken_files_ranks_the_rest_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    for f in ["sre_aws_eks.md", "frontend_react.md", "backend_java.txt"] {
        std::fs::copy(root().join("jobs").join(f), jobs.join(f)).unwrap();
    }
    for f in std::fs::read_dir(fixture("postings_bad")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, jobs.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(jobs.join("empty.md"), "").unwrap();
    std::fs::write(jobs.join("binary.html"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(jobs.join("notes.xyz"), "ignored: unknown extension").unwrap();
    // A 50 MB posting (sparse: refused from its size, never read).
    std::fs::File::create(jobs.join("huge.md"))
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let out = dir.path().join("report");
    let o = run(&[
        "rank",
        "tests/fixtures/resumes/ja_sre.md",
        jobs.to_str().unwrap(),
        "--as-of",
        "2026-11",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let skipped: Vec<String> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {}", s["path"], s["reason"]))
        .collect();
    for bad in ["broken.json", "empty.md", "binary.html"] {
        assert!(
            skipped.iter().any(|s| s.contains(bad)),
            "{bad} not skipped: {skipped:?}"
        );
        assert!(stderr(&o).contains(bad), "{bad} not reported on stderr");
    }
    assert!(skipped.iter().all(|s| !s.contains("notes.xyz")));
    // Front matter is optional metadata: when it does not parse, the posting is still read.
    assert!(
        skipped.iter().all(|s| !s.contains("bad_front_matter.md")),
        "{skipped:?}"
    );
    assert!(
        stderr(&o).contains("bad_front_matter.md:3: front matter ignored"),
        "{}",
        stderr(&o)
    );
    let postings = v["postings"].as_array().unwrap();
    let titles: Vec<&str> = postings
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(titles[0].ends_with("sre_aws_eks.md"), "{titles:?}");
    let blog = postings
        .iter()
        .find(|p| p["path"].as_str().unwrap().ends_with("no_requirements.md"))
        .unwrap();
    assert!(
        blog["score"].is_null(),
        "a posting without requirements is not scored"
    );
    for f in [
        "summary.md",
        "fits.csv",
        "requirements.csv",
        "requirements.parquet",
        "profile.csv",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
}

#[test]
fn score_explain_points_add_up() {
    let o = run(&[
        "score",
        "tests/fixtures/resumes/ja_sre.md",
        "jobs/sre_aws_eks.md",
        "--as-of",
        "2026-11",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let score = v["score"].as_f64().unwrap();
    let coverage = v["coverage"].as_f64().unwrap();
    // Requirement points add up to coverage; the parts add up to the score; the core skills'
    // points add up to the relevance part.
    let sum: f64 = v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["points"].as_f64().unwrap())
        .sum();
    assert!((coverage - sum).abs() < 0.15, "{coverage} vs {sum}");
    let parts = &v["parts"];
    let relevance_part = parts["relevance"].as_f64().unwrap();
    let parts_sum =
        parts["coverage"].as_f64().unwrap() + relevance_part + parts["prior"].as_f64().unwrap();
    assert!((score - parts_sum).abs() < 0.06, "{score} vs {parts}");
    let core_sum: f64 = v["core_used"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["points"].as_f64().unwrap())
        .sum();
    assert!(
        (relevance_part - core_sum).abs() < 0.1,
        "{relevance_part} vs {core_sum}"
    );
    let o = run(&[
        "score",
        "tests/fixtures/resumes/ja_sre.md",
        "jobs/sre_aws_eks.md",
        "--as-of",
        "2026-11",
        "--explain",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("total")
            && text.contains(&format!("= coverage {coverage:.1}"))
            && text.contains(&format!("score           = {score:>6.1}")),
        "{text}"
    );
}

/// Every SRE/platform posting of `jobs/` ranks above every frontend and mobile one for `resume`.
fn sre_postings_rank_first(resume: &Path) {
    let o = run(&[
        "rank",
        resume.to_str().unwrap(),
        "jobs",
        "--as-of",
        "2026-11",
        "--format",
        "json",
        "--no-report",
    ]);
    assert!(o.status.code() == Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = v["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    let pos = |needle: &str| {
        paths
            .iter()
            .position(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in {paths:?}"))
    };
    let worst_sre = ["sre_", "platform_"]
        .iter()
        .flat_map(|k| {
            paths
                .iter()
                .enumerate()
                .filter(move |(_, p)| p.contains(k))
                .map(|(i, _)| i)
        })
        .max()
        .unwrap();
    for other in ["frontend_", "mobile_", "ios_"] {
        assert!(
            worst_sre < pos(other),
            "{}: an SRE/platform posting ranks below {other}: {paths:?}",
            resume.display()
        );
    }
}

#[test]
fn sre_postings_rank_above_frontend_and_mobile() {
    sre_postings_rank_first(&fixture("resumes/ja_sre.md"));
}

#[test]
#[ignore = "needs ../shared/seed (CI checkouts have it): cargo test -- --ignored"]
fn sre_postings_rank_above_frontend_and_mobile_for_the_reference_resume() {
    sre_postings_rank_first(&seed(SEED_RESUME));
}

#[test]
fn committed_example_report_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample");
    let o = run(&[
        "rank",
        "tests/fixtures/resumes/ja_sre.md",
        "jobs",
        "--as-of",
        "2026-11",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.code() == Some(0), "{}", stderr(&o));
    let committed = root().join("reports/sample");
    let mut compared = 0;
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(committed.join(&rel)).unwrap() {
            let e = e.unwrap();
            let rel = rel.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                stack.push(rel);
                continue;
            }
            let name = rel.to_string_lossy();
            // Binary files, and report.html (not committed: it embeds a 3 MB font), are only
            // checked for presence.
            if name.ends_with(".parquet") || name.ends_with(".png") || name == "report.html" {
                assert!(out.join(&rel).is_file(), "{name} not produced");
                continue;
            }
            let want = std::fs::read_to_string(committed.join(&rel)).unwrap();
            let got = std::fs::read_to_string(out.join(&rel)).unwrap_or_default();
            if got != want {
                let line = got
                    .lines()
                    .zip(want.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                panic!(
                    "reports/sample/{name} differs from what the code produces now (first at line {}: now {:?}, committed {:?}); regenerate it (README, Development)",
                    line + 1,
                    got.lines().nth(line).map(|l| l.chars().take(200).collect::<String>()),
                    want.lines().nth(line).map(|l| l.chars().take(200).collect::<String>()),
                );
            }
            compared += 1;
        }
    }
    assert!(compared >= 5);
}

#[test]
fn matrix_scores_equal_rank_scores() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.csv");
    let resumes = [
        "tests/fixtures/resumes/ja_sre.md",
        "tests/fixtures/resumes/en_acme.md",
    ];
    let o = run(&[
        "matrix",
        resumes[0],
        resumes[1],
        "--jobs",
        "jobs",
        "--top",
        "100",
        "--as-of",
        "2026-11",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut rows = 0;
    for resume in resumes {
        let o = run(&[
            "rank",
            resume,
            "jobs",
            "--as-of",
            "2026-11",
            "--format",
            "json",
            "--no-report",
        ]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        for p in v["postings"].as_array().unwrap() {
            let Some(score) = p["score"].as_f64() else {
                continue;
            };
            let path = p["path"].as_str().unwrap();
            let line = csv
                .lines()
                .find(|l| l.starts_with(&format!("{resume},")) && l.contains(&format!(",{path},")))
                .unwrap_or_else(|| panic!("{resume} × {path} missing from matrix"));
            let got: f64 = line.rsplit(',').next().unwrap().parse().unwrap();
            assert_eq!(got, score, "{resume} × {path}");
            rows += 1;
        }
    }
    assert!(rows >= 30);
}

/// `n` folders under `dir/corpus`, each holding a copy of the sample postings in `jobs/`.
fn copies_of_the_samples(dir: &Path, n: usize) -> PathBuf {
    let corpus = dir.join("corpus");
    for i in 0..n {
        let sub = corpus.join(format!("batch{i:02}"));
        std::fs::create_dir_all(&sub).unwrap();
        for e in std::fs::read_dir(root().join("jobs")).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().unwrap() != "README.md" {
                std::fs::copy(&p, sub.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    corpus
}

#[test]
fn rank_is_identical_with_one_thread_and_many() {
    // ~1,000 postings: the sample postings copied into 56 folders.
    let dir = tempfile::tempdir().unwrap();
    let corpus = copies_of_the_samples(dir.path(), 56);
    let rank = |threads: Option<&str>| {
        let mut args = vec![
            "rank",
            "tests/fixtures/resumes/ja_sre.md",
            corpus.to_str().unwrap(),
            "--as-of",
            "2026-11",
            "--format",
            "json",
            "--no-report",
        ];
        if let Some(t) = threads {
            args.extend(["--threads", t]);
        }
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout
    };
    let one = rank(Some("1"));
    let many = rank(None);
    let v: Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(v["postings"].as_array().unwrap().len(), 56 * 18);
    assert!(
        one == many,
        "output differs between --threads 1 and the default"
    );
}

#[test]
fn rank_with_fits_on_disk_writes_the_same_bytes() {
    // 180 postings (the samples in 10 folders); `SKILLFIT_SPILL_AT=7` makes the ranking hold
    // at most 7 fits in memory and merge sorted runs from temporary files.
    let dir = tempfile::tempdir().unwrap();
    let corpus = copies_of_the_samples(dir.path(), 10);
    let rank = |spill_at: Option<&str>, out: &Path, format: &str| {
        let mut c = skillfit();
        if let Some(n) = spill_at {
            c.env("SKILLFIT_SPILL_AT", n);
        }
        let o = c
            .args([
                "rank",
                "tests/fixtures/resumes/ja_sre.md",
                corpus.to_str().unwrap(),
                "--as-of",
                "2026-11",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout
    };
    for format in ["csv", "table"] {
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let in_memory = rank(None, &a, format);
        let on_disk = rank(Some("7"), &b, format);
        assert_eq!(
            in_memory.iter().filter(|&&c| c == b'\n').count(),
            if format == "csv" { 181 } else { 182 }
        );
        assert!(
            in_memory == on_disk,
            "{format} output differs when fits wait on disk"
        );
        for file in ["fits.csv", "summary.md", "report.html", "ranking.svg"] {
            let (x, y) = (
                std::fs::read(a.join(file)).unwrap(),
                std::fs::read(b.join(file)).unwrap(),
            );
            assert!(x == y, "{file} differs when fits wait on disk");
        }
    }
}

#[test]
fn timeline_of_the_bundled_resume() {
    check_timeline(
        &fixture("resumes/ja_sre.md"),
        ("2019-07", "2026-11"),
        ("2023-10", "2025-03"),
        "株式会社ナギサテック",
        "Ansible",
    );
}

#[test]
#[ignore = "needs ../shared/seed (CI checkouts have it): cargo test -- --ignored"]
fn timeline_of_the_reference_resume() {
    check_timeline(
        &seed(SEED_RESUME),
        ("2020-07", "2026-11"),
        ("2022-09", "2025-03"),
        "アソビュー株式会社",
        "Python",
    );
}

/// The timeline of `resume` as of 2026-11: the first and last AWS months, Go's one interval, an
/// open company and an undated skill; then the SVG is drawn as outlines and a `.gif` is refused.
fn check_timeline(
    resume: &Path,
    aws: (&str, &str),
    go: (&str, &str),
    company: &str,
    undated: &str,
) {
    let ym = |s: &str| skillfit::period::Month::parse_ym(s).expect("a YYYY-MM month");
    let tax = Taxonomy::builtin().unwrap();
    let p = skillfit::profile_resume(
        resume,
        &tax,
        skillfit::period::Month::new(2026, 11).unwrap(),
    )
    .unwrap();
    let t = skillfit::report::charts::timeline_data(
        &p,
        40,
        None,
        skillfit::report::charts::TimelineSort::Months,
    );
    let row = |name: &str| {
        t.rows
            .iter()
            .find(|r| r.skill == name)
            .unwrap_or_else(|| panic!("{name} not on the timeline"))
    };
    let aws_row = row("AWS");
    assert_eq!(aws_row.intervals.first().unwrap().0, ym(aws.0));
    assert_eq!(aws_row.intervals.last().unwrap().1, ym(aws.1));
    assert_eq!(row("Go").intervals, vec![(ym(go.0), ym(go.1))]);
    assert!(t.companies.iter().any(|c| c.label == company && c.is_open));
    assert!(t.undated.iter().any(|u| u == undated), "{:?}", t.undated);

    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("t.svg");
    let o = run(&[
        "timeline",
        resume.to_str().unwrap(),
        "--as-of",
        "2026-11",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("<svg") && !text.contains("<text"),
        "text is drawn as outlines"
    );
    let o = run(&["timeline", resume.to_str().unwrap(), "-o", "t.gif"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".png or .svg"));
}

/// The progress bar draws on stderr from worker threads: with stderr on a terminal the run must
/// finish (it once deadlocked on the stderr lock) and show progress. Needs python3 for the pty.
#[test]
fn progress_bar_on_a_terminal_does_not_hang() {
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if python.map(|o| !o.status.success()).unwrap_or(true) {
        skipped(
            "progress_bar_on_a_terminal_does_not_hang",
            "python3 (used to open a pty) is not installed",
        );
        return;
    }
    let script = r#"
import os, pty, sys, signal
pid, fd = pty.fork()
if pid == 0:
    out = os.open(os.devnull, os.O_WRONLY)
    os.dup2(out, 1)
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
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
print(buf.decode(errors="replace").count("postings"))
"#;
    let o = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(bin())
        .args([
            "rank",
            "tests/fixtures/resumes/ja_sre.md",
            "jobs",
            "--as-of",
            "2026-11",
            "--no-report",
            "--threads",
            "2",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("0"),
        "run did not finish cleanly: {text} {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let frames: usize = lines.next().and_then(|l| l.parse().ok()).unwrap_or(0);
    assert!(frames >= 1, "no progress drawn on the terminal");
}

/// Never let a skill vanish, on both sides: a name the taxonomy does not know, listed in a
/// résumé's skill section, meets the same name listed among known ones in a posting's
/// requirements (`Zorblix`); an unknown alternative (`Quuxbase or PostgreSQL`) joins its
/// neighbour's any-of group, so the posting does not ask for both.
#[test]
fn unknown_names_are_asked_and_met_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("resume.md");
    let posting = dir.path().join("posting.md");
    std::fs::write(
        &resume,
        "# Ada\n\n## Experience\n\n### Engineer — Lumen Ltd (Jan 2020 – Present)\n\n\
         - Built the ordering services.\n\n## Skills\n\n- Languages: Go, Zorblix, Kubernetes\n",
    )
    .unwrap();
    std::fs::write(
        &posting,
        "# Backend Engineer\n\n## Requirements\n\n- Go, Zorblix and Kubernetes\n\
         - Quuxbase or PostgreSQL\n",
    )
    .unwrap();
    let o = run(&[
        "score",
        resume.to_str().unwrap(),
        posting.to_str().unwrap(),
        "--as-of",
        "2026-11",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let fit = if v.is_array() { &v[0] } else { &v };
    let req = |name: &str| {
        fit["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["skill"] == name)
            .unwrap_or_else(|| panic!("{name} not asked: {fit}"))
            .clone()
    };
    let zorblix = req("Zorblix");
    assert_eq!(zorblix["level"], "required");
    assert_eq!(zorblix["is_met"], true, "{zorblix}");
    // One row for the group, its other members as alternatives.
    let pg = req("PostgreSQL");
    assert_eq!(pg["alternatives"], serde_json::json!(["Quuxbase"]), "{pg}");
    assert_eq!(
        fit["required_total"], 4,
        "Go, Zorblix, Kubernetes, one of Quuxbase/PostgreSQL"
    );
    assert_eq!(fit["required_met"], 3);
}

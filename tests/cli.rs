//! Integration tests: run the real binary on fixtures (and, when present, on the reference
//! résumé in `../shared/seed/`) and compare with the expected files.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use skillfit::taxonomy::Taxonomy;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The binary with a scrubbed environment (no colour, fixed locale, no user config).
fn skillfit() -> Command {
    let mut c = Command::cargo_bin("skillfit").expect("binary builds");
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .current_dir(root());
    c
}

fn run(args: &[&str]) -> Output {
    skillfit().args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

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
fn reference_resume_matches_its_ground_truth() {
    let seed = root().join("../shared/seed");
    let resume = seed.join("000_8a3727faef1aa032.txt");
    if !resume.exists() {
        eprintln!(
            "skipping: {} is absent (it only exists beside CI checkouts)",
            resume.display()
        );
        return;
    }
    check_expected(&resume, &seed.join("expected.toml"));
}

#[test]
fn fixture_resumes_match_their_expected_files() {
    let dir = fixture("resumes");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let expected = path.with_extension("expected.toml");
            assert!(expected.exists(), "{} has no expected file", path.display());
            check_expected(&path, &expected);
            seen += 1;
        }
    }
    assert!(seen >= 4, "only {seen} fixture résumés");
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
    let o = run(&["taxonomy", "show", "k8s", "--format", "json"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["name"], "Kubernetes");
    for key in ["id", "name", "category", "aliases", "implies"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let o = run(&["taxonomy", "show", "Amazon EKS", "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
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

    let o = run(&["taxonomy", "show", "Kubernets"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean: Kubernetes"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn taxonomy_list_by_category() {
    let o = run(&["taxonomy", "list", "--category", "language"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.lines().any(|l| l.starts_with("Go ")));
    assert!(text.lines().all(|l| l.contains("language")));
    let o = run(&["taxonomy", "list", "--category", "languages"]);
    assert_eq!(o.status.code(), Some(2));
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
    let o = run(&["--help"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("profile") && text.contains("taxonomy"));
}

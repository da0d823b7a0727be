//! The bad-input catalogue of issue 8, run against the real binary.
//!
//! Every case says what the right behaviour is: a single bad input is a clear error naming the
//! file (and the line where there is one) with exit 2; in a batch the same file is a skipped
//! entry named on stderr and the run exits 1; text in a legacy encoding (or slightly damaged)
//! is decoded with a note. Commands that write `--out`/`--output` leave no partial file behind
//! when they fail. Cases that need privileges the test does not have (dropping to an
//! unprivileged user, mounting a tiny tmpfs) are skipped with a printed note saying so.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::harness::{bin, root, skillfit, skipped, stderr};
use serde_json::Value;

const RESUME: &str = "tests/fixtures/resumes/ja_sre.md";
const POSTING: &str = "# SRE\n\n## 必須\n\n- Go 3年以上\n- AWS\n- Terraform\n";

fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut v: Vec<u8> = if bom {
        if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        }
    } else {
        Vec::new()
    };
    for u in s.encode_utf16() {
        v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

/// What `skillfit posting FILE` must do with one file.
enum Expect {
    /// Exit 0, these skills among the requirements, these texts in stderr (warnings).
    Read(&'static [&'static str], &'static [&'static str]),
    /// Exit 2 and this reason after `FILE: ` on stderr (the batch skips it with the reason).
    Refused(&'static str),
}

struct Case {
    file: &'static str,
    bytes: Vec<u8>,
    expect: Expect,
}

fn posting_cases() -> Vec<Case> {
    use Expect::*;
    let post = POSTING;
    let mut nul = post.as_bytes().to_vec();
    nul.extend(b"- Python\x00\x00 and Kubernetes on our own platform\n");
    let mut bad_utf8 = "# 基盤エンジニア\n\n## 必須\n\n- Go と AWS\n"
        .as_bytes()
        .to_vec();
    bad_utf8.extend(b"- \xff\xfe Terraform\n");
    let mut bom_fm = b"\xEF\xBB\xBF".to_vec();
    bom_fm.extend(format!("---\ntitle: SRE\ncompany: 株式会社ハコブネ\n---\n\n{post}").as_bytes());
    vec![
        // The issue's three.
        Case {
            file: "amp.html",
            bytes: "<html><body><h1>データ基盤エンジニア</h1><h2>必須</h2><ul><li>Go &amp;DX推進室 AWS</li></ul></body></html>".into(),
            expect: Read(&["Go", "AWS"], &[]),
        },
        Case {
            file: "hugo.md",
            bytes: "---\ntitle: \"Platform Engineer\"\ncompany: Hakobune Cargo Ltd.\njsonld: {\n  \"@type\": \"JobPosting\",\n  \"title\": \"Platform Engineer\"\n}\n---\n\n## Requirements\n\n- Go\n- Kubernetes\n".into(),
            expect: Read(&["Go", "Kubernetes"], &[]),
        },
        Case {
            file: "empty.md",
            bytes: Vec::new(),
            expect: Refused("file is empty"),
        },
        Case {
            file: "blank.txt",
            bytes: b"  \n\t\n   \n".to_vec(),
            expect: Refused("file is empty"),
        },
        Case {
            file: "image.md",
            bytes: (0..=255u8).cycle().take(4096).collect(),
            expect: Refused("looks like a binary file, not text"),
        },
        Case {
            file: "nul.md",
            bytes: nul,
            expect: Read(&["Go", "Python"], &["nul.md: 2 NUL bytes removed (first on line 8)"]),
        },
        Case {
            file: "sjis.txt",
            bytes: encoding_rs::SHIFT_JIS.encode("インフラエンジニア\n【必須スキル】\nGo 3年以上\nAWS\n").0.into_owned(),
            expect: Read(&["Go", "AWS"], &["sjis.txt: decoded from Shift_JIS"]),
        },
        Case {
            file: "utf16le_bom.md",
            bytes: utf16(post, true, true),
            expect: Read(&["Go", "AWS"], &["utf16le_bom.md: decoded from UTF-16LE"]),
        },
        Case {
            file: "utf16be_bom.md",
            bytes: utf16(post, false, true),
            expect: Read(&["Go", "AWS"], &["utf16be_bom.md: decoded from UTF-16BE"]),
        },
        Case {
            file: "utf16le.md",
            bytes: utf16(post, true, false),
            expect: Read(&["Go", "AWS"], &["utf16le.md: decoded from UTF-16LE (no byte order mark)"]),
        },
        Case {
            file: "utf16be.md",
            bytes: utf16(post, false, false),
            expect: Read(&["Go", "AWS"], &["utf16be.md: decoded from UTF-16BE (no byte order mark)"]),
        },
        Case {
            file: "bad_utf8.md",
            bytes: bad_utf8,
            expect: Read(
                &["Go", "AWS", "Terraform"],
                &["bad_utf8.md: invalid UTF-8 replaced with U+FFFD (2 places, first on line 6)"],
            ),
        },
        Case {
            file: "bom_front_matter.md",
            bytes: bom_fm,
            expect: Read(&["Go", "AWS"], &[]),
        },
        Case {
            file: "crlf.md",
            bytes: post.replace('\n', "\r\n").into_bytes(),
            expect: Read(&["Go", "AWS", "Terraform"], &[]),
        },
        Case {
            file: "lone_cr.txt",
            bytes: "SRE\r【必須スキル】\rGo 3年以上\rAWS\rTerraform\r".into(),
            expect: Read(&["Go", "AWS", "Terraform"], &[]),
        },
        Case {
            file: "invisible.md",
            bytes: "# SRE\n\n## 必須\n\n- G\u{200b}o\n- \u{202e}AWS\u{202c}\n- Ter\u{200d}raform\u{2066}\n".into(),
            expect: Read(&["Go", "AWS", "Terraform"], &[]),
        },
        Case {
            file: "deep_quotes.md",
            bytes: format!("## 必須\n\n{}Go\n", "> ".repeat(50_000)).into_bytes(),
            expect: Read(&["Go"], &[]),
        },
        Case {
            file: "deep_divs.html",
            bytes: format!(
                "<h2>必須</h2>{}<li>Go</li>{}",
                "<div>".repeat(50_000),
                "</div>".repeat(50_000)
            )
            .into_bytes(),
            expect: Read(&["Go"], &[]),
        },
        Case {
            file: "unclosed_front_matter.md",
            bytes: format!("---\ntitle: SRE\ncompany: 株式会社ハコブネ\n\n{post}").into_bytes(),
            expect: Read(
                &["Go", "AWS"],
                &["unclosed_front_matter.md:1: front matter is never closed"],
            ),
        },
    ]
}

/// Sizes above the documented limit (`input::MAX_DOCUMENT_BYTES`, 20 MiB) are refused before
/// reading; the file is real text for its first bytes, then extended to 100 MB.
fn write_100mb(path: &Path) {
    std::fs::write(path, POSTING.repeat(1000)).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.set_len(100_000_000).unwrap();
}

const TOO_LARGE: &str = "file is 100000000 bytes, more than the 20971520 byte limit";

fn posting_json(path: &Path) -> (Output, Vec<String>) {
    let o = skillfit()
        .args(["posting", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let skills = serde_json::from_slice::<Value>(&o.stdout)
        .ok()
        .and_then(|v| {
            v["requirements"].as_array().map(|a| {
                a.iter()
                    .filter_map(|r| r["skill"].as_str().map(str::to_owned))
                    .collect()
            })
        })
        .unwrap_or_default();
    (o, skills)
}

/// Files in `dir` whose names start with `.` (staging folders, temporary files).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[test]
fn each_bad_posting_alone_is_read_with_a_note_or_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    for case in posting_cases() {
        let path = dir.path().join(case.file);
        std::fs::write(&path, &case.bytes).unwrap();
        let (o, skills) = posting_json(&path);
        let err = stderr(&o);
        match case.expect {
            Expect::Read(want, notes) => {
                assert_eq!(o.status.code(), Some(0), "{}: {err}", case.file);
                for s in want {
                    assert!(
                        skills.iter().any(|k| k == s),
                        "{}: {s} not in {skills:?}",
                        case.file
                    );
                }
                for n in notes {
                    assert!(
                        err.contains(n),
                        "{}: expected `{n}` in stderr: {err}",
                        case.file
                    );
                }
                if notes.is_empty() {
                    assert!(
                        !err.contains("warning"),
                        "{}: unexpected warning: {err}",
                        case.file
                    );
                }
            }
            Expect::Refused(reason) => {
                assert_eq!(o.status.code(), Some(2), "{}: {err}", case.file);
                let line = format!("skillfit: error: {}: {reason}", path.display());
                assert!(
                    err.contains(&line),
                    "{}: expected `{line}` in: {err}",
                    case.file
                );
            }
        }
        assert!(!err.contains("panicked"), "{}: {err}", case.file);
    }
    // Metadata the issue's Hugo page carries is read, not rejected.
    let (o, _) = posting_json(&dir.path().join("hugo.md"));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["company"], "Hakobune Cargo Ltd.");
    let (o, _) = posting_json(&dir.path().join("bom_front_matter.md"));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["company"], "株式会社ハコブネ", "front matter after a BOM");

    let big = dir.path().join("huge.md");
    write_100mb(&big);
    let (o, _) = posting_json(&big);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{}: {TOO_LARGE}", big.display())),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_batch_of_bad_postings_skips_and_names_each_one_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    let cases = posting_cases();
    for case in &cases {
        std::fs::write(jobs.join(case.file), &case.bytes).unwrap();
    }
    write_100mb(&jobs.join("huge.md"));
    // A symbolic link loop, and a link to a file that is gone.
    #[cfg(unix)]
    {
        std::fs::create_dir(jobs.join("more")).unwrap();
        std::os::unix::fs::symlink("..", jobs.join("more").join("loop")).unwrap();
        std::os::unix::fs::symlink("gone.md", jobs.join("dangling.md")).unwrap();
    }
    let out = dir.path().join("report");
    let o = skillfit()
        .args([
            "rank", RESUME, "--as-of", "2026-11", "--format", "json", "--out",
        ])
        .arg(&out)
        .arg(&jobs)
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let skipped: Vec<(String, String)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_owned(),
                s["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let shown = |p: &Path| p.display().to_string();
    let mut expected_skips: Vec<(String, String)> = cases
        .iter()
        .filter_map(|c| match c.expect {
            Expect::Refused(r) => Some((shown(&jobs.join(c.file)), r.to_owned())),
            Expect::Read(..) => None,
        })
        .collect();
    expected_skips.push((shown(&jobs.join("huge.md")), TOO_LARGE.to_owned()));
    #[cfg(unix)]
    {
        expected_skips.push((
            shown(&jobs.join("dangling.md")),
            "broken symbolic link".to_owned(),
        ));
        expected_skips.push((
            shown(&jobs.join("more").join("loop")),
            format!(
                "symbolic link loop (leads back to {}); not followed",
                jobs.display()
            ),
        ));
    }
    for (path, reason) in &expected_skips {
        assert!(
            skipped.iter().any(|(p, r)| p == path && r == reason),
            "{path}: {reason} not in {skipped:?}"
        );
        let line = format!("skillfit: skipped {path}: {reason}");
        assert!(err.contains(&line), "expected `{line}` in: {err}");
    }
    assert_eq!(skipped.len(), expected_skips.len(), "{skipped:?}");
    let read = v["postings"].as_array().unwrap().len();
    let readable = cases
        .iter()
        .filter(|c| matches!(c.expect, Expect::Read(..)))
        .count();
    assert_eq!(read, readable, "every readable posting is ranked");
    // The report is written whole (a partial run still reports), with no staging left over.
    assert!(out.join("summary.md").is_file());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// A résumé written to `--output`: on failure nothing is left behind.
fn profile_to_file(resume: &Path, out: &Path) -> Output {
    skillfit()
        .args([
            "profile", "--as-of", "2026-11", "--format", "json", "--output",
        ])
        .arg(out)
        .arg(resume)
        .output()
        .unwrap()
}

#[test]
fn bad_resumes_are_refused_without_output_or_read_with_line_numbered_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let outdir = dir.path().join("out");
    std::fs::create_dir(&outdir).unwrap();
    let out = outdir.join("profile.json");

    // Refused: the error names the file, exit 2, no output file and no temporary file.
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let big = dir.path().join("huge.md");
    write_100mb(&big);
    let binary = dir.path().join("binary.md");
    std::fs::write(&binary, (0..=255u8).cycle().take(4096).collect::<Vec<u8>>()).unwrap();
    for (path, reason) in [
        (&empty, "file is empty"),
        (&big, TOO_LARGE),
        (&binary, "looks like a binary file, not text"),
    ] {
        let o = profile_to_file(path, &out);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let line = format!("skillfit: error: {}: {reason}", path.display());
        assert!(
            stderr(&o).contains(&line),
            "expected `{line}` in {}",
            stderr(&o)
        );
        assert!(!out.exists());
        assert!(leftovers(&outdir).is_empty(), "{:?}", leftovers(&outdir));
    }

    // Impossible dates and a reversed period: read, with a warning naming file:line each.
    let dates = dir.path().join("dates.md");
    std::fs::write(
        &dates,
        "# 職務経歴書\n\n## 職務経歴\n\n### 株式会社アオバ (2022年13月 〜 2023年3月)\n\n- Go\n\n### 株式会社コハク (0000/00 〜 2020/01)\n\n- AWS\n\n### 株式会社ミナト 2019-02-30 〜 2020-03-01\n\n- Terraform\n\n### 株式会社サカサ (2021年08月 〜 2020年04月)\n\n- Python\n",
    )
    .unwrap();
    let o = profile_to_file(&dates, &out);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let d = dates.display();
    for w in [
        format!("{d}:5: impossible date 2022年13月 (month 13) in a period; the period is ignored"),
        format!("{d}:9: impossible date 0000/00 (year 0 and month 0) in a period; the period is ignored"),
        format!("{d}:13: invalid day 30 in 2019-02-30; using the month"),
        format!("{d}:17: period ends before it starts (2021-08 – 2020-04); ignored"),
    ] {
        assert!(err.contains(&w), "expected `{w}` in: {err}");
    }
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let months = |name: &str| {
        v["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["skill"] == name)
            .map(|s| s["months"].clone())
    };
    assert_eq!(
        months("Terraform"),
        Some(Value::from(14)),
        "2019-02 .. 2020-03"
    );
    assert_eq!(
        months("Go"),
        Some(Value::Null),
        "the impossible period gives no months"
    );

    // Legacy encodings and odd line ends: decoded, with a note.
    let sjis = dir.path().join("sjis.md");
    std::fs::write(
        &sjis,
        encoding_rs::SHIFT_JIS
            .encode(
                "# 職務経歴書\r\n\r\n### 株式会社テスト (2020年4月 〜 2021年3月)\r\n\r\n- Go\r\n",
            )
            .0,
    )
    .unwrap();
    let utf16 = dir.path().join("utf16.md");
    std::fs::write(
        &utf16,
        super_utf16("# Resume\r### Acme Corp (Apr 2020 – Mar 2021)\r- Go\r"),
    )
    .unwrap();
    for (path, note) in [
        (&sjis, "decoded from Shift_JIS"),
        (&utf16, "decoded from UTF-16LE (no byte order mark)"),
    ] {
        let o = profile_to_file(path, &out);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{err}");
        assert!(
            err.contains(&format!("{}: {note}", path.display())),
            "{err}"
        );
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let go = v["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["skill"] == "Go")
            .cloned();
        assert_eq!(
            go.map(|g| g["months"].clone()),
            Some(Value::from(12)),
            "{path:?}"
        );
    }

    // 50k-deep nesting and one multi-MB line: finish, and the skill is found.
    let deep = dir.path().join("deep.md");
    std::fs::write(
        &deep,
        format!(
            "{}Terraform\n\n{}<p>AWS</p>{}\n",
            "> ".repeat(50_000),
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        ),
    )
    .unwrap();
    let line = dir.path().join("one_line.md");
    std::fs::write(&line, "Kubernetes ".repeat(400_000)).unwrap();
    // (Not `Go`: an ordinary word alone in a document naming no other technology is not
    // taken as the language; see tests/it/precision.rs.)
    for (path, skill) in [(&deep, "Terraform"), (&line, "Kubernetes")] {
        let o = profile_to_file(path, &out);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert!(
            v["skills"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["skill"] == skill),
            "{path:?}: {skill}"
        );
    }
}

fn super_utf16(s: &str) -> Vec<u8> {
    utf16(s, true, false)
}

#[test]
fn a_folder_with_no_postings_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::write(jobs.join("notes.rst"), "Go and AWS\n").unwrap();
    std::fs::write(jobs.join(".hidden.md"), POSTING).unwrap();
    std::fs::write(jobs.join("README.md"), POSTING).unwrap();
    let out = dir.path().join("report");
    let o = skillfit()
        .args(["rank", RESUME, "--as-of", "2026-11", "--out"])
        .arg(&out)
        .arg(&jobs)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let line = format!(
        "skillfit: error: no posting files (.md .markdown .txt .html .htm .json) in {}",
        jobs.display()
    );
    assert!(stderr(&o).contains(&line), "{}", stderr(&o));
    assert!(!out.exists());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn an_out_that_is_a_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    std::fs::write(&file, "mine\n").unwrap();
    let o = skillfit()
        .args(["rank", RESUME, "jobs", "--as-of", "2026-11", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "{}: exists and is not a skillfit report folder",
            file.display()
        )),
        "{}",
        stderr(&o)
    );
    let under = file.join("m.csv");
    let o = skillfit()
        .args([
            "matrix", RESUME, "--jobs", "jobs", "--as-of", "2026-11", "--out",
        ])
        .arg(&under)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "{}: cannot write: {} is a file, not a folder",
            under.display(),
            file.display()
        )),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Permission checks do not apply to root: run the binary as `nobody` instead (through
/// `setpriv`, with a hard link of the binary in `dir` so that it can be reached). `None`
/// (with a note) when that is not possible here.
fn unprivileged(dir: &Path) -> Option<std::process::Command> {
    let bin = bin();
    if !is_root() {
        let mut c = std::process::Command::new(bin);
        c.current_dir(dir);
        return Some(c);
    }
    let link = dir.join("skillfit-bin");
    let ok = (link.exists() || std::fs::hard_link(bin, &link).is_ok())
        && std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
    if !ok {
        skipped(
            "unreadable_files_and_read_only_output_folders_are_named",
            "running as root and cannot drop to an unprivileged user (setpriv, hard link)",
        );
        return None;
    }
    let mut c = std::process::Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&link)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8");
    Some(c)
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_read_only_output_folders_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some(_) = unprivileged(dir) else { return };
    let resume = dir.join("resume.md");
    std::fs::copy(root().join(RESUME), &resume).unwrap();
    let jobs = dir.join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::copy(root().join("jobs/sre_aws_eks.md"), jobs.join("ok.md")).unwrap();
    std::fs::write(jobs.join("locked.md"), POSTING).unwrap();
    std::fs::set_permissions(
        jobs.join("locked.md"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let locked_dir = jobs.join("locked");
    std::fs::create_dir(&locked_dir).unwrap();
    std::fs::write(locked_dir.join("inner.md"), POSTING).unwrap();
    std::fs::set_permissions(&locked_dir, std::fs::Permissions::from_mode(0o000)).unwrap();
    let ro = dir.join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();

    let run = |args: &[&str]| {
        let o = unprivileged(dir).unwrap().args(args).output().unwrap();
        (o.status.code(), stderr(&o))
    };
    // Alone: an error naming the file.
    let (code, err) = run(&["posting", "jobs/locked.md"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("skillfit: error: jobs/locked.md: cannot read: Permission denied"),
        "{err}"
    );
    // In a batch: skipped and named (the file and the folder), exit 1.
    let (code, err) = run(&[
        "rank",
        "resume.md",
        "jobs",
        "--as-of",
        "2026-11",
        "--no-report",
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("skillfit: skipped jobs/locked.md: cannot read: Permission denied"),
        "{err}"
    );
    assert!(
        err.contains("skillfit: skipped jobs/locked: cannot read: Permission denied"),
        "{err}"
    );
    // A read-only output folder: a clear error, nothing written.
    let (code, err) = run(&[
        "rank",
        "resume.md",
        "jobs/ok.md",
        "--as-of",
        "2026-11",
        "--out",
        "ro/report",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("ro: cannot create a temporary folder") && err.contains("Permission denied"),
        "{err}"
    );
    let (code, err) = run(&[
        "profile",
        "resume.md",
        "--as-of",
        "2026-11",
        "-f",
        "json",
        "-o",
        "ro/p.json",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("skillfit: error: ro/p.json: cannot write")
            && err.contains("Permission denied"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
    // Let the temporary folder be removed.
    std::fs::set_permissions(&locked_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A tiny tmpfs, unmounted when dropped.
struct TinyDisk(PathBuf);

impl TinyDisk {
    fn mount(at: &Path) -> Option<TinyDisk> {
        std::fs::create_dir_all(at).ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| TinyDisk(at.to_owned()))
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_fails_cleanly_and_leaves_no_partial_output() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = TinyDisk::mount(&tmp.path().join("disk")) else {
        skipped(
            "a_full_disk_fails_cleanly_and_leaves_no_partial_output",
            "cannot mount a tmpfs here (needs root and mount rights)",
        );
        return;
    };
    // Fill it, leaving no room.
    let filler = disk.0.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![b'x'; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }
    let cases: [(&str, Vec<String>); 3] = [
        (
            "rank",
            vec![
                "rank".into(),
                RESUME.into(),
                "jobs".into(),
                "--out".into(),
                disk.0.join("report").display().to_string(),
            ],
        ),
        (
            "matrix",
            vec![
                "matrix".into(),
                RESUME.into(),
                "--jobs".into(),
                "jobs".into(),
                "--out".into(),
                disk.0.join("m.parquet").display().to_string(),
            ],
        ),
        (
            "profile",
            vec![
                "profile".into(),
                RESUME.into(),
                "-f".into(),
                "csv".into(),
                "-o".into(),
                disk.0.join("p.csv").display().to_string(),
            ],
        ),
    ];
    for (name, args) in cases {
        let o = skillfit()
            .args(&args)
            .args(["--as-of", "2026-11"])
            .output()
            .unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains("No space left on device"), "{name}: {err}");
        let left: Vec<String> = std::fs::read_dir(&disk.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            left,
            vec!["filler".to_owned()],
            "{name}: partial output left"
        );
    }
}

//! Linear-time evidence for issue 8: every pathological document shape at two sizes (1 MB and
//! 10 MB), parsed by the real résumé and posting parsers, against the floor of reading the same
//! bytes and walking them with pulldown-cmark (what `examples/floor.rs` does per file).
//!
//! ```sh
//! scripts/linear.sh                                   # release build, full table
//! cargo run --release --example linear -- --only div  # shapes whose name contains "div"
//! ```
//!
//! Each timing runs in a child process (this program with `--one PARSER FILE`), so a stall is
//! cut off after `LINEAR_TIMEOUT` seconds (default 60) instead of hanging the run, and the
//! child's peak RSS is its own. Best of `LINEAR_REPS` runs (default 3), and of more for short
//! runs (repeated until a second is spent, at most 20: tens of milliseconds are noisy on a
//! shared machine). Growth = time at
//! 10 MB / time at 1 MB (linear ≈ 10, target ≤ 12); floor = read + pulldown-cmark event walk of
//! the same file (target: parse ≤ 10× floor). "Growth vs floor" = 10 × time growth ÷ floor
//! growth: where reading the bytes itself grows more than 10× (caches, memory shared with other
//! work), that part is the machine's. Output: a Markdown table on stdout.
//! `LINEAR_BASE_BYTES` (default 1000000) sets the smaller size; the larger is 10× it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use skillfit::period::Month;
use skillfit::posting::parse_posting;
use skillfit::taxonomy::Taxonomy;

/// Which parser reads a shape.
#[derive(Clone, Copy)]
enum Parser {
    /// `skillfit::profile_resume` on a `.md` file (read + decode + parse + profile).
    Resume,
    /// Read the file, then `parse_posting` with this extension.
    Posting(&'static str),
}

impl Parser {
    fn name(self) -> &'static str {
        match self {
            Parser::Resume => "resume",
            Parser::Posting(ext) => ext,
        }
    }

    fn from_name(s: &str) -> Option<Parser> {
        match s {
            "resume" => Some(Parser::Resume),
            "md" => Some(Parser::Posting("md")),
            "txt" => Some(Parser::Posting("txt")),
            "html" => Some(Parser::Posting("html")),
            "json" => Some(Parser::Posting("json")),
            _ => None,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Parser::Resume => "md",
            Parser::Posting(ext) => ext,
        }
    }
}

/// A document shape: a name, what it is, and a generator for about `bytes` bytes.
struct Shape {
    name: &'static str,
    what: &'static str,
    parsers: &'static [Parser],
    gen: fn(usize) -> String,
}

const R: Parser = Parser::Resume;
const MD: Parser = Parser::Posting("md");
const TXT: Parser = Parser::Posting("txt");
const HTML: Parser = Parser::Posting("html");
const JSON: Parser = Parser::Posting("json");

/// `unit` repeated to `bytes` (whole units).
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len()).max(1))
}

/// `n` levels of `open`, then `inner`, then `n` levels of `close`, with `n` chosen for `bytes`.
fn nest(open: &str, inner: &str, close: &str, bytes: usize) -> String {
    let n = (bytes / (open.len() + close.len())).max(1);
    let mut s = String::with_capacity(bytes + inner.len());
    s.push_str(&open.repeat(n));
    s.push_str(inner);
    s.push_str(&close.repeat(n));
    s
}

/// Lines from `line(i)` until `bytes` is reached.
fn lines(bytes: usize, line: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&line(i));
        s.push('\n');
        i += 1;
    }
    s
}

const SKILLS: [&str; 8] = [
    "Go",
    "Kubernetes",
    "AWS",
    "Python",
    "Terraform",
    "TypeScript",
    "PostgreSQL",
    "Datadog",
];

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "huge_line",
            what: "one line: `Kubernetes ` repeated",
            parsers: &[R, MD, TXT],
            gen: |b| repeat("Kubernetes ", b),
        },
        Shape {
            name: "list_items",
            what: "`- Go` lines (a million at 5 MB)",
            parsers: &[R, MD, TXT],
            gen: |b| repeat("- Go\n", b),
        },
        Shape {
            name: "blockquotes",
            what: "one line of nested `> ` (500k deep at 1 MB), then `Go`",
            parsers: &[R, MD],
            gen: |b| nest("> ", "Go\n", "", b),
        },
        Shape {
            name: "divs",
            what: "nested `<div>` … `</div>` (90k deep at 1 MB) around `Go`",
            parsers: &[HTML, R],
            gen: |b| nest("<div>", "Go", "</div>", b),
        },
        Shape {
            name: "table_columns",
            what: "one Markdown table: header, separator and one row of N columns (66k at 1 MB)",
            parsers: &[R, MD],
            gen: |b| {
                let n = (b / 15).max(1);
                format!(
                    "|{}\n|{}\n|{}\n",
                    " 期 |".repeat(n),
                    "----|".repeat(n),
                    " Go |".repeat(n)
                )
            },
        },
        Shape {
            name: "wave_dashes",
            what: "one line: `〜` repeated",
            parsers: &[R, MD, TXT],
            gen: |b| repeat("〜", b),
        },
        Shape {
            name: "dated_wave_dashes",
            what: "one line: `2020年4月` then `〜` repeated",
            parsers: &[R, TXT],
            gen: |b| format!("2020年4月{}", repeat("〜", b)),
        },
        Shape {
            name: "pipes",
            what: "one line: `|` repeated",
            parsers: &[R, MD, TXT],
            gen: |b| repeat("|", b),
        },
        Shape {
            name: "entities",
            what: "`&amp;` repeated in one `<li>` (a million at 5 MB)",
            parsers: &[HTML],
            gen: |b| {
                format!(
                    "<html><body><h2>Requirements</h2><ul><li>{}</li></ul></body></html>",
                    repeat("&amp;", b)
                )
            },
        },
        Shape {
            name: "entities_json",
            what: "a JSON `JobPosting` whose description is `&amp;` repeated",
            parsers: &[JSON],
            gen: |b| {
                format!(
                    "{{\"@type\":\"JobPosting\",\"title\":\"SRE\",\"description\":\"<li>{}</li>\"}}",
                    repeat("&amp;", b)
                )
            },
        },
        Shape {
            name: "entities_ja",
            what: "`&amp;DX推進室 ` repeated in one `<li>`",
            parsers: &[HTML],
            gen: |b| {
                format!(
                    "<html><body><ul><li>{}</li></ul></body></html>",
                    repeat("&amp;DX推進室 ", b)
                )
            },
        },
        Shape {
            name: "digit_lines",
            what: "lines of 64 digits",
            parsers: &[R, MD, TXT],
            gen: |b| lines(b, |i| format!("{:064}", i as u128 * 2_654_435_761)),
        },
        Shape {
            name: "digit_line",
            what: "one line of digits",
            parsers: &[R, TXT],
            gen: |b| repeat("2020", b),
        },
        Shape {
            name: "requirements",
            what: "`## Requirements` then requirement bullets (52k at 1 MB)",
            parsers: &[MD, TXT],
            gen: |b| {
                let mut s = String::from("# Engineer\n\n## Requirements\n\n");
                s.push_str(&lines(b, |i| {
                    format!("- {} 3+ years", SKILLS[i % SKILLS.len()])
                }));
                s
            },
        },
        Shape {
            name: "requirements_html",
            what: "`<h2>必須スキル</h2>` then `<li>` requirements (30k at 1 MB)",
            parsers: &[HTML],
            gen: |b| {
                let mut s = String::from("<html><body><h2>必須スキル</h2><ul>\n");
                s.push_str(&lines(b, |i| {
                    format!("<li>{}（3年以上）</li>", SKILLS[i % SKILLS.len()])
                }));
                s.push_str("</ul></body></html>\n");
                s
            },
        },
        Shape {
            name: "hidden_blocks",
            what: "`<nav>`, `<script>`, `<style>` blocks and `<dl>` lists, repeated (page chrome; 22k of each at 1 MB)",
            parsers: &[HTML, R],
            gen: |b| {
                repeat(
                    "<nav>Java</nav><SCRIPT>var Go=1;</script><style>.a{}</style><dl><dt>必須</dt><dd>Go</dd></dl>\n",
                    b,
                )
            },
        },
        Shape {
            name: "unknown_terms",
            what: "`## Skills` then `- Go, ZorbN` lines: a distinct unknown name on each",
            parsers: &[R, MD],
            gen: |b| {
                let mut s = String::from("## Skills\n\n");
                s.push_str(&lines(b, |i| format!("- Go, Zorb{i}")));
                s
            },
        },
        Shape {
            name: "misspelt_line",
            what: "`## Skills` then one line: `Google Tagmanager, Kuberntes, ` repeated (resolved variants)",
            parsers: &[R],
            gen: |b| format!("## Skills\n\n{}", repeat("Google Tagmanager, Kuberntes, ", b)),
        },
        Shape {
            name: "platform_entries",
            what: "`### Azure` in a skill section, then one line: `SQL Database / Batch / Functions / ` repeated",
            parsers: &[R],
            gen: |b| {
                format!(
                    "## Skills\n\n### Azure\n\n{}",
                    repeat("SQL Database / Batch / Functions / ", b)
                )
            },
        },
        Shape {
            name: "family_parens",
            what: "one `Stack:` line: `Spring (Core, Boot, AOP), JPA (Hibernate), ` repeated",
            parsers: &[R],
            gen: |b| format!("Stack: {}", repeat("Spring (Core, Boot, AOP), JPA (Hibernate), ", b)),
        },
        Shape {
            name: "dated_headings",
            what: "résumé: `### 株式会社N 1990年4月〜1991年3月` + `#### 案件N` + `- Go / AWS` blocks (12k employers at 1 MB)",
            parsers: &[R],
            gen: |b| {
                let mut s = String::from("# 職務経歴書\n\n## 職務経歴\n\n");
                s.push_str(&lines(b, |i| {
                    let y = 1990 + (i % 30);
                    format!(
                        "### 株式会社{i} {y}年4月〜{}年3月\n\n#### 案件{i}\n\n- {} / AWS\n",
                        y + 1,
                        SKILLS[i % SKILLS.len()]
                    )
                }));
                s
            },
        },
        Shape {
            name: "dated_list",
            what: "résumé: one dated employer heading, then `- EKS` lines (EKS implies Kubernetes, AWS)",
            parsers: &[R],
            gen: |b| {
                let mut s = String::from("# 職務経歴\n\n## 株式会社テスト 2020年4月〜現在\n\n");
                s.push_str(&repeat("- EKS\n", b));
                s
            },
        },
        Shape {
            name: "dated_rows",
            what: "résumé: a table of dated rows `| 1990/04〜1991/03 | 株式会社N | Go |`",
            parsers: &[R],
            gen: |b| {
                let mut s = String::from("## 職務経歴\n\n| 期間 | 会社 | 技術 |\n|---|---|---|\n");
                s.push_str(&lines(b, |i| {
                    let y = 1990 + (i % 30);
                    format!(
                        "| {y}/04〜{}/03 | 株式会社{i} | {} |",
                        y + 1,
                        SKILLS[i % SKILLS.len()]
                    )
                }));
                s
            },
        },
    ]
}

// ---------------------------------------------------------------------------------------
// Child: one timed parse
// ---------------------------------------------------------------------------------------

/// Peak resident set size of this process in MB (Linux), if known.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// `--one PARSER FILE`: parse once, print `seconds rss_mb status`.
fn one(parser: &str, file: &Path) -> ExitCode {
    let Some(parser) = Parser::from_name(parser) else {
        eprintln!("linear: unknown parser {parser}");
        return ExitCode::from(2);
    };
    let tax = match Taxonomy::builtin() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("linear: taxonomy: {e}");
            return ExitCode::from(2);
        }
    };
    let as_of = Month::new(2026, 11).expect("valid month");
    let t0 = Instant::now();
    let status = match parser {
        Parser::Resume => match skillfit::profile_resume(file, &tax, as_of) {
            Ok(p) => format!(
                "ok, {} companies, {} skills",
                p.companies.len(),
                p.skills.len()
            ),
            Err(e) => format!("Err: {}", first_words(&e.to_string())),
        },
        Parser::Posting(ext) => {
            let text = match std::fs::read_to_string(file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("linear: {}: {e}", file.display());
                    return ExitCode::from(2);
                }
            };
            match parse_posting(&text, ext, &file.display().to_string(), &tax) {
                Ok(p) => format!("ok, {} requirements", p.requirements.len()),
                Err(e) => format!("Err: {}", first_words(&e.reason())),
            }
        }
    };
    let secs = t0.elapsed().as_secs_f64();
    println!("{secs:.6} {:.0} {status}", peak_rss_mb().unwrap_or(0.0));
    ExitCode::SUCCESS
}

fn first_words(s: &str) -> String {
    s.split_whitespace().take(8).collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------
// Parent: generate, time, tabulate
// ---------------------------------------------------------------------------------------

/// The floor for one file: read it and walk every pulldown-cmark event (as examples/floor.rs).
fn floor_once(file: &Path) -> f64 {
    let t0 = Instant::now();
    let raw = std::fs::read(file).expect("generated file is readable");
    let text = String::from_utf8_lossy(&raw);
    let events = pulldown_cmark::Parser::new(&text).count();
    std::hint::black_box(events);
    t0.elapsed().as_secs_f64()
}

struct Timing {
    secs: f64,
    rss_mb: f64,
    status: String,
    timed_out: bool,
}

/// Run the child once; `None` if it failed.
fn run_child(parser: Parser, file: &Path, timeout: Duration) -> Option<Timing> {
    let exe = std::env::current_exe().ok()?;
    let mut child = Command::new(exe)
        .arg("--one")
        .arg(parser.name())
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let t0 = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if t0.elapsed() > timeout => {
                eprintln!(
                    "linear: {} on {} still running after {:.0} s (pid {}): stopped",
                    parser.name(),
                    file.display(),
                    timeout.as_secs_f64(),
                    child.id()
                );
                let _ = child.kill();
                let _ = child.wait();
                return Some(Timing {
                    secs: timeout.as_secs_f64(),
                    rss_mb: 0.0,
                    status: "TIMEOUT".to_owned(),
                    timed_out: true,
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => return None,
        }
    }
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let line = String::from_utf8_lossy(&out.stdout);
    let mut parts = line.split_whitespace();
    let secs = parts.next()?.parse().ok()?;
    let rss_mb = parts.next()?.parse().ok()?;
    let status = parts.collect::<Vec<_>>().join(" ");
    Some(Timing {
        secs,
        rss_mb,
        status,
        timed_out: false,
    })
}

/// Best of `reps` child runs (stops early after a timeout or when the runs add up to 30 s).
fn best_of(parser: Parser, file: &Path, reps: usize, timeout: Duration) -> Option<Timing> {
    let mut best: Option<Timing> = None;
    let mut spent = 0.0;
    // Short runs are noisy on a shared machine: they repeat until a second is spent (at most
    // 20 times), so the best of them is a steady figure.
    for i in 0.. {
        if i >= reps && (spent > 1.0 || i >= 20) {
            break;
        }
        let t = run_child(parser, file, timeout)?;
        spent += t.secs;
        let stop = t.timed_out || spent > 30.0;
        if best.as_ref().is_none_or(|b| t.secs < b.secs) {
            best = Some(t);
        }
        if stop {
            break;
        }
    }
    best
}

fn env_num(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `1MB`, `10MB`, `100KB`… (decimal units).
fn size_label(bytes: usize) -> String {
    if bytes >= 1_000_000 && bytes % 1_000_000 == 0 {
        format!("{}MB", bytes / 1_000_000)
    } else if bytes >= 1000 && bytes % 1000 == 0 {
        format!("{}KB", bytes / 1000)
    } else {
        format!("{bytes}B")
    }
}

fn fmt_secs(s: f64) -> String {
    if s < 1.0 {
        format!("{:.1} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}

/// `--gen DIR`: write every shape at both sizes into DIR (for profiling one of them) and stop.
fn generate_only(dir: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("linear: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let base = env_num("LINEAR_BASE_BYTES", 1e6).max(100.0) as usize;
    for shape in shapes() {
        for bytes in [base, base * 10] {
            let text = (shape.gen)(bytes);
            let mut exts: Vec<&str> = shape.parsers.iter().map(|p| p.ext()).collect();
            exts.sort_unstable();
            exts.dedup();
            for ext in exts {
                let path = dir.join(format!("{}-{}.{ext}", shape.name, size_label(bytes)));
                if let Err(e) = std::fs::write(&path, &text) {
                    eprintln!("linear: {}: {e}", path.display());
                    return ExitCode::from(2);
                }
                println!("{}", path.display());
            }
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        let (Some(parser), Some(file)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: linear --one PARSER FILE");
            return ExitCode::from(2);
        };
        return one(parser, Path::new(file));
    }
    let (only, keep) = match args.as_slice() {
        [] => (None, None),
        [flag, pat] if flag == "--only" => (Some(pat.clone()), None),
        [flag, dir] if flag == "--gen" => (None, Some(PathBuf::from(dir))),
        _ => {
            eprintln!("usage: linear [--only SHAPE_SUBSTRING | --gen DIR]");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = keep {
        return generate_only(&dir);
    }
    let reps = env_num("LINEAR_REPS", 3.0).max(1.0) as usize;
    let base = env_num("LINEAR_BASE_BYTES", 1e6).max(100.0) as usize;
    let sizes = [(size_label(base), base), (size_label(base * 10), base * 10)];
    let timeout = Duration::from_secs_f64(env_num("LINEAR_TIMEOUT", 60.0).max(1.0));
    let dir = match tempfile::Builder::new().prefix("skillfit-linear").tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("linear: temp dir: {e}");
            return ExitCode::from(2);
        }
    };
    let profile = if cfg!(debug_assertions) {
        "debug (unoptimised: times are slow, growth factors still hold)"
    } else {
        "release"
    };
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| shape | parser | size | bytes | time | floor | time/floor | growth (10×/1× size) | growth vs floor | peak RSS MB | result |"
    );
    let _ = writeln!(
        table,
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
    );
    let mut failures = Vec::new();
    let mut described = Vec::new();
    for shape in shapes() {
        if only.as_deref().is_some_and(|p| !shape.name.contains(p)) {
            continue;
        }
        described.push(format!("- `{}`: {}", shape.name, shape.what));
        let ext_files: Vec<(&str, PathBuf, usize)> = {
            let mut v = Vec::new();
            for (label, bytes) in &sizes {
                let text = (shape.gen)(*bytes);
                for ext in ["md", "txt", "html", "json"] {
                    if shape.parsers.iter().any(|p| p.ext() == ext) {
                        let path = dir.path().join(format!("{}-{label}.{ext}", shape.name));
                        if let Err(e) = std::fs::write(&path, &text) {
                            eprintln!("linear: {}: {e}", path.display());
                            return ExitCode::from(2);
                        }
                    }
                }
                v.push((label.as_str(), dir.path().join(shape.name), text.len()));
            }
            v
        };
        for &parser in shape.parsers {
            let mut prev: Option<f64> = None;
            let mut prev_floor: Option<f64> = None;
            for (label, stem, bytes) in &ext_files {
                let file = PathBuf::from(format!("{}-{label}.{}", stem.display(), parser.ext()));
                eprintln!("linear: {} {} {label}", shape.name, parser.name());
                let mut floor = f64::INFINITY;
                let mut floor_spent = 0.0;
                for i in 0.. {
                    if i >= reps && (floor_spent > 1.0 || i >= 20) {
                        break;
                    }
                    let f = floor_once(&file);
                    floor_spent += f;
                    floor = floor.min(f);
                }
                let Some(t) = best_of(parser, &file, reps, timeout) else {
                    failures.push(format!(
                        "{} {} {label}: child failed",
                        shape.name,
                        parser.name()
                    ));
                    continue;
                };
                let ratio = t.secs / floor.max(1e-9);
                let growth = prev.map(|p| t.secs / p.max(1e-9));
                let growth_cell = match growth {
                    Some(_) if t.timed_out => "n/a (timeout)".to_owned(),
                    Some(g) => format!("{g:.1}"),
                    None if t.timed_out => "n/a (timeout)".to_owned(),
                    None => String::new(),
                };
                // The floor reads the same bytes: where it grows more than 10× (caches, memory
                // shared with other work), the machine does, not the parser. Growth measured
                // against it: 10 × (time growth ÷ floor growth).
                let floor_growth = prev_floor.map(|f| floor / f.max(1e-9));
                let relative_cell = match (growth, floor_growth) {
                    (Some(g), Some(fg)) if !t.timed_out => format!("{:.1}", 10.0 * g / fg),
                    _ => String::new(),
                };
                if t.timed_out {
                    failures.push(format!(
                        "{} {} {label}: no result within {:.0} s",
                        shape.name,
                        parser.name(),
                        timeout.as_secs_f64()
                    ));
                }
                if !t.timed_out && growth.is_some_and(|g| g > 12.0) {
                    failures.push(format!(
                        "{} {}: growth {growth_cell} > 12",
                        shape.name,
                        parser.name()
                    ));
                }
                if !t.timed_out && ratio > 10.0 {
                    failures.push(format!(
                        "{} {} {label}: {ratio:.1}× the floor > 10",
                        shape.name,
                        parser.name()
                    ));
                }
                let _ = writeln!(
                    table,
                    "| {} | {} | {label} | {bytes} | {}{} | {} | {}{ratio:.1} | {growth_cell} | {relative_cell} | {} | {} |",
                    shape.name,
                    parser.name(),
                    if t.timed_out { "> " } else { "" },
                    fmt_secs(t.secs),
                    fmt_secs(floor),
                    if t.timed_out { "> " } else { "" },
                    if t.timed_out { "n/a".to_owned() } else { format!("{:.0}", t.rss_mb) },
                    t.status
                );
                prev = (!t.timed_out).then_some(t.secs);
                prev_floor = Some(floor);
            }
        }
        // The files of a shape are no longer needed.
        for (label, stem, _) in &ext_files {
            for ext in ["md", "txt", "html", "json"] {
                let _ = std::fs::remove_file(format!("{}-{label}.{ext}", stem.display()));
            }
        }
    }
    println!(
        "Build: {profile}. Best of {reps} runs, each in its own process (timeout {:.0} s).",
        timeout.as_secs_f64()
    );
    println!(
        "time = read + parse (résumé: `profile_resume`; posting: `parse_posting` for the \
         extension); floor = read + pulldown-cmark event walk of the same file."
    );
    println!();
    println!("Shapes:");
    for d in &described {
        println!("{d}");
    }
    println!();
    print!("{table}");
    println!();
    if failures.is_empty() {
        println!("All shapes: growth <= 12 and time <= 10x the floor.");
    } else {
        println!("Over target:");
        for f in &failures {
            println!("- {f}");
        }
    }
    ExitCode::SUCCESS
}

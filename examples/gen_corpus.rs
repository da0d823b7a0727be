//! Deterministic synthetic corpus for benchmarks: job postings (default) or résumés.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --count 100000 --out DIR --seed 1
//! cargo run --release --example gen_corpus -- --resumes 1000 --out DIR --seed 1
//! cargo run --release --example gen_corpus -- --count 1000000 --format parquet --out corpus.parquet
//! ```
//!
//! `--format jsonl|csv|parquet` writes the same postings as one table (columns `job_id`, the
//! path the file would have under DIR, and `description`, its text) instead of files.
//!
//! Postings imitate `jobs/`: about half Japanese; `.md` with YAML front matter, `.txt` with
//! `【必須スキル】` / `■歓迎` markers (or `Requirements:` in English), `.html` with and without a
//! schema.org `JobPosting` JSON-LD block, and `.json` (schema.org or JSON Resume job). Each is
//! 1–6 KB and has required/preferred sections, years (`3年以上`, `3+ years`), typos of skill
//! names (one dropped or swapped letter, names of 6+ letters) and any-of groups. Skill names
//! come from the built-in taxonomy. Files go to subfolders of at most 1000 files.
//!
//! Same seed → byte-identical files: every file has its own PRNG (splitmix64) seeded from the
//! seed and the file's index, so the output does not depend on thread scheduling.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::json;
use skillfit::taxonomy::Taxonomy;

const PER_DIR: usize = 1000;
const MIN_BYTES: usize = 1100;
const MAX_BYTES: usize = 6000;

// ------------------------------------------------------------------------------- PRNG

/// splitmix64: tiny, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }
    fn range(&mut self, lo: usize, hi_inclusive: usize) -> usize {
        lo + self.below(hi_inclusive - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

// ------------------------------------------------------------------------------- skills

/// Skills to draw from, grouped by category, with category weights (common ones first).
struct Pool {
    cats: Vec<(&'static str, usize, Vec<String>)>,
    total_weight: usize,
}

const CATEGORY_WEIGHTS: &[(&str, usize)] = &[
    ("language", 22),
    ("framework", 12),
    ("database", 10),
    ("aws", 8),
    ("gcp", 3),
    ("azure", 2),
    ("cloud", 4),
    ("container", 6),
    ("orchestration", 5),
    ("iac", 5),
    ("config-management", 2),
    ("ci-cd", 5),
    ("observability", 5),
    ("frontend", 7),
    ("mobile", 2),
    ("data", 4),
    ("ml", 3),
    ("messaging", 2),
    ("web-server", 2),
    ("os", 2),
    ("testing", 3),
    ("vcs", 2),
];

impl Pool {
    fn new(tax: &Taxonomy) -> Self {
        let mut cats = Vec::new();
        let mut total_weight = 0;
        for &(cat, w) in CATEGORY_WEIGHTS {
            let names: Vec<String> = tax
                .skills()
                .iter()
                .filter(|s| s.category == cat)
                // Keep names that survive Markdown/HTML/YAML unchanged.
                .filter(|s| {
                    !s.name
                        .contains(['"', '<', '>', '&', '*', '_', '`', '|', '\\'])
                })
                .map(|s| s.name.clone())
                .collect();
            if !names.is_empty() {
                total_weight += w;
                cats.push((cat, w, names));
            }
        }
        Pool { cats, total_weight }
    }

    fn skill(&self, rng: &mut Rng) -> String {
        let mut r = rng.below(self.total_weight);
        for (_, w, names) in &self.cats {
            if r < *w {
                // Earlier entries in skills.toml are the common ones: skew towards them.
                let i = rng.below(names.len()).min(rng.below(names.len()));
                return names[i].clone();
            }
            r -= w;
        }
        unreachable!("weights cover the range")
    }

    /// `n` distinct skills.
    fn distinct(&self, rng: &mut Rng, n: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(n);
        let mut tries = 0;
        while out.len() < n && tries < n * 20 {
            tries += 1;
            let s = self.skill(rng);
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

/// One dropped or swapped letter in names of 6+ ASCII letters; other names unchanged.
fn typo(rng: &mut Rng, name: &str) -> String {
    let b = name.as_bytes();
    if b.len() < 6 || !b.iter().all(u8::is_ascii_alphabetic) {
        return name.to_owned();
    }
    let mut v = b.to_vec();
    let i = rng.range(1, v.len() - 2);
    if rng.chance(50) || v[i] == v[i + 1] {
        v.remove(i);
    } else {
        v.swap(i, i + 1);
    }
    String::from_utf8(v).expect("ASCII stays ASCII")
}

// ------------------------------------------------------------------------------- vocab

const KATAKANA: &[&str] = &[
    "ミナモ",
    "カザミ",
    "ヒカリ",
    "ソラマメ",
    "ナギサ",
    "シオサイ",
    "ヨツバ",
    "ツキミ",
    "アオバ",
    "ハルカゼ",
    "コモレビ",
    "イロハ",
    "サクラ",
    "ホシゾラ",
    "ミドリ",
    "カエデ",
    "ウミネコ",
    "アサヒ",
    "ユウナギ",
    "ツバメ",
];
const JA_SUFFIX: &[&str] = &[
    "テック",
    "データ",
    "システム",
    "ソリューションズ",
    "ペイメンツ",
    "ラボ",
    "ネットワークス",
    "ワークス",
    "デジタル",
    "ロジスティクス",
];
const EN_WORDS: &[&str] = &[
    "Kiseki",
    "Tanuki",
    "Driftwood",
    "Hoshizora",
    "Tsukimi",
    "Maple",
    "Harbor",
    "Cobalt",
    "Lumen",
    "Juniper",
    "Granite",
    "Sable",
    "Meridian",
    "Willow",
    "Quartz",
    "Beacon",
    "Aurora",
    "Summit",
];
const EN_KIND: &[&str] = &[
    "Games",
    "Logistics",
    "Transit",
    "Reservations",
    "Books",
    "Health",
    "Payments",
    "Analytics",
    "Labs",
    "Software",
];
const EN_LEGAL: &[&str] = &["Inc.", "K.K.", "LLC", "Corp.", "Ltd."];

const JA_ROLES: &[&str] = &[
    "SRE",
    "バックエンドエンジニア",
    "インフラエンジニア",
    "フロントエンドエンジニア",
    "データエンジニア",
    "機械学習エンジニア",
    "プラットフォームエンジニア",
    "モバイルアプリエンジニア",
    "セキュリティエンジニア",
    "テックリード",
];
const EN_ROLES: &[&str] = &[
    "Site Reliability Engineer",
    "Backend Engineer",
    "Platform Engineer",
    "Frontend Engineer",
    "Data Engineer",
    "ML Engineer",
    "DevOps Engineer",
    "Mobile Engineer",
    "Security Engineer",
    "Staff Software Engineer",
];
const JA_PLACES: &[&str] = &[
    "東京都渋谷区",
    "東京都千代田区",
    "東京都目黒区",
    "大阪府大阪市",
    "福岡県福岡市",
    "京都府京都市",
    "神奈川県横浜市",
];
const EN_PLACES: &[&str] = &["Tokyo", "Osaka", "Fukuoka", "Kyoto", "Yokohama", "Sapporo"];

const JA_TASKS: &[&str] = &[
    "設計・構築・運用",
    "API の開発",
    "本番サービスの運用",
    "ツール開発",
    "パフォーマンス改善",
    "データ基盤の構築",
    "テストの整備",
    "移行プロジェクト",
];
const EN_TASKS: &[&str] = &[
    "building production services",
    "running production systems",
    "designing APIs",
    "automation and tooling",
    "data pipelines",
    "performance work",
    "migrations",
    "testing at scale",
];

const JA_FILLER: &[&str] = &[
    "私たちは中小規模の店舗向けに決済と売上管理のサービスを提供しています。",
    "月間数千万件のトランザクションを少人数のチームで支えています。",
    "開発チームとインフラチームが一体となり、リリースの頻度と品質の両立を目指しています。",
    "障害発生時には一次対応からポストモーテムまでをチームで推進します。",
    "レイテンシとコストの改善に継続的に取り組んでいます。",
    "フルリモート可、フレックスタイム制（コアタイムなし）です。",
    "書籍購入支援、カンファレンス参加費の補助があります。",
    "選考はカジュアル面談、書類選考、技術面接（2回）、最終面接の順に進みます。",
    "完全週休2日制（土日祝）、年間休日 125 日、賞与年2回です。",
    "テックブログや社外勉強会での発信も歓迎しています。",
    "プロダクトマネージャーやデザイナーと近い距離で仕様を決めていきます。",
    "オンコールは月に 1 週程度の輪番制で、夜間の呼び出しは月数件です。",
];
const EN_FILLER: &[&str] = &[
    "We build software that thousands of small businesses rely on every day.",
    "Our team is small, senior and kind, and we ship to production several times a day.",
    "You will work closely with product managers and designers from the first sketch to launch.",
    "We run blameless postmortems and treat on-call health as a first-class engineering goal.",
    "Hybrid work: two days a week in the office, flexible hours, no core time.",
    "We offer a learning budget, conference travel and a yearly hardware allowance.",
    "The interview process is a casual chat, a take-home exercise, a pairing session and a final interview.",
    "We care about latency, cost and the people who get paged at night.",
    "Everything we run is described in code and reviewed like any other change.",
    "Our users are restaurants, bookshops and clinics across Japan.",
    "We publish an engineering blog and sponsor local meetups.",
    "Salary is reviewed twice a year and we share the bands with every candidate.",
];

// ------------------------------------------------------------------------------- postings

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Ja,
    En,
}

/// What one posting asks for, before it is written in some format.
struct Spec {
    lang: Lang,
    title: String,
    company: String,
    slug: String,
    location: String,
    salary: String,
    posted: String,
    /// Requirement lines (plain text, no bullet).
    required: Vec<String>,
    preferred: Vec<String>,
    /// Skills for an environment / tech stack section.
    stack: Vec<String>,
    /// Responsibilities.
    duties: Vec<String>,
    /// Paragraphs of filler prose, added until the file is big enough.
    filler: Vec<&'static str>,
    /// Skills for JSON-LD `skills` and months for `monthsOfExperience`.
    ld_skills: Vec<String>,
    ld_months: usize,
    target: usize,
}

fn requirement_line(rng: &mut Rng, pool: &Pool, lang: Lang, required: bool) -> String {
    let name = |rng: &mut Rng| {
        let s = pool.skill(rng);
        if rng.chance(7) {
            typo(rng, &s)
        } else {
            s
        }
    };
    let years = rng.range(1, 7);
    let kind = rng.below(if required { 7 } else { 5 });
    match lang {
        Lang::Ja => {
            let task = rng.pick(JA_TASKS);
            match kind {
                0 => format!("{} を用いた{task}の経験", name(rng)),
                1 => format!("{} または {} での{task}の経験", name(rng), name(rng)),
                2 => format!(
                    "{}、{}、{} いずれかの利用経験",
                    name(rng),
                    name(rng),
                    name(rng)
                ),
                3 => format!("{} の基本的な知識", name(rng)),
                4 => format!("{} もしくは {} を用いた{task}の経験", name(rng), name(rng)),
                5 => format!("{} での{task}の実務経験（{years}年以上）", name(rng)),
                _ => format!("{} による{task}の経験 {years}年以上", name(rng)),
            }
        }
        Lang::En => {
            let task = rng.pick(EN_TASKS);
            match kind {
                0 => format!("Hands-on experience with {} in {task}", name(rng)),
                1 => format!("{} or {} for {task}", name(rng), name(rng)),
                2 => format!("Familiarity with {} and {}", name(rng), name(rng)),
                3 => format!("Experience with {}", name(rng)),
                4 => format!(
                    "{}, {} or {} in production",
                    name(rng),
                    name(rng),
                    name(rng)
                ),
                5 => format!("{years}+ years of experience with {}", name(rng)),
                _ => format!("At least {years} years of {} for {task}", name(rng)),
            }
        }
    }
}

fn company_name(rng: &mut Rng, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("株式会社{}{}", rng.pick(KATAKANA), rng.pick(JA_SUFFIX)),
        Lang::En => format!(
            "{} {} {}",
            rng.pick(EN_WORDS),
            rng.pick(EN_KIND),
            rng.pick(EN_LEGAL)
        ),
    }
}

fn make_spec(rng: &mut Rng, pool: &Pool, index: usize) -> Spec {
    let lang = if rng.chance(50) { Lang::Ja } else { Lang::En };
    let n_stack = rng.range(3, 8);
    let stack = pool.distinct(rng, n_stack);
    let title = match lang {
        Lang::Ja => format!("{}（{} / {}）", rng.pick(JA_ROLES), stack[0], stack[1]),
        Lang::En => format!("{} ({})", rng.pick(EN_ROLES), stack[0]),
    };
    let company = company_name(rng, lang);
    let n_req = rng.range(3, 7);
    let n_pref = rng.range(2, 5);
    let required = (0..n_req)
        .map(|_| requirement_line(rng, pool, lang, true))
        .collect();
    let preferred = (0..n_pref)
        .map(|_| requirement_line(rng, pool, lang, false))
        .collect();
    let duties = (0..rng.range(3, 5))
        .map(|_| {
            let s = pool.skill(rng);
            match lang {
                Lang::Ja => format!("{s} を用いた{}", rng.pick(JA_TASKS)),
                Lang::En => format!("Own {} with {s}", rng.pick(EN_TASKS)),
            }
        })
        .collect();
    let filler_src = match lang {
        Lang::Ja => JA_FILLER,
        Lang::En => EN_FILLER,
    };
    let filler = (0..40).map(|_| rng.pick(filler_src)).collect();
    let (location, salary) = match lang {
        Lang::Ja => (
            format!("{}（リモート可）", rng.pick(JA_PLACES)),
            format!(
                "{}万円〜{}万円",
                rng.range(5, 8) * 100,
                rng.range(9, 14) * 100
            ),
        ),
        Lang::En => (
            format!("{}, Japan (hybrid)", rng.pick(EN_PLACES)),
            format!(
                "JPY {},000,000 - {},000,000",
                rng.range(5, 8),
                rng.range(9, 14)
            ),
        ),
    };
    let n_ld = rng.range(2, 4);
    let ld_skills = pool.distinct(rng, n_ld);
    Spec {
        lang,
        title,
        company,
        slug: format!("co{}", rng.below(100_000)),
        location,
        salary,
        posted: format!("2026-{:02}-{:02}", rng.range(1, 10), rng.range(1, 28)),
        required,
        preferred,
        stack,
        duties,
        filler,
        ld_skills,
        ld_months: rng.range(1, 6) * 12,
        target: rng.range(MIN_BYTES + 100, MAX_BYTES - 500) + index % 7,
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Filler paragraphs until `base + filler` reaches the target size.
fn filler_until(spec: &Spec, base: usize, sep_cost: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut size = base;
    for p in &spec.filler {
        if size >= spec.target {
            break;
        }
        size += p.len() + sep_cost;
        out.push(*p);
    }
    out
}

fn labels(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::Ja => ("必須スキル", "歓迎スキル", "業務内容", "開発環境"),
        Lang::En => (
            "Requirements",
            "Nice to have",
            "What you'll do",
            "Tech stack",
        ),
    }
}

fn about(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "私たちについて",
        Lang::En => "About us",
    }
}

fn write_md(spec: &Spec) -> String {
    let (req, pref, duties, env) = labels(spec.lang);
    let mut head = String::new();
    let tld = if spec.lang == Lang::Ja { "jp" } else { "com" };
    let _ = write!(
        head,
        "---\ntitle: {}\ncompany: {}\nurl: https://careers.{}.example.{tld}/jobs/{}\nlocation: {}\nsalary: {}\nposted: {}\n---\n\n# {}\n\n## {}\n\n",
        serde_json::to_string(&spec.title).expect("string"),
        spec.company,
        spec.slug,
        spec.posted,
        spec.location,
        spec.salary,
        spec.posted,
        spec.title,
        about(spec.lang),
    );
    let mut tail = String::new();
    let _ = writeln!(tail, "## {duties}\n");
    for d in &spec.duties {
        let _ = writeln!(tail, "- {d}");
    }
    let _ = writeln!(tail, "\n## {req}\n");
    for r in &spec.required {
        let _ = writeln!(tail, "- {r}");
    }
    let _ = writeln!(tail, "\n## {pref}\n");
    for r in &spec.preferred {
        let _ = writeln!(tail, "- {r}");
    }
    let _ = writeln!(tail, "\n## {env}\n\n- {}", spec.stack.join(", "));
    let filler = filler_until(spec, head.len() + tail.len(), 2);
    let mut out = head;
    for p in filler {
        out.push_str(p);
        out.push_str("\n\n");
    }
    out.push_str(&tail);
    out
}

fn write_txt(spec: &Spec, rng: &mut Rng) -> String {
    let (req, pref, duties, env) = match spec.lang {
        Lang::Ja if rng.chance(50) => (
            "【必須スキル】",
            "【歓迎スキル】",
            "【業務内容】",
            "【開発環境】",
        ),
        Lang::Ja => ("■応募資格", "■歓迎", "■業務内容", "■開発環境"),
        Lang::En => (
            "Requirements:",
            "Nice to have:",
            "What you'll do:",
            "Tech stack:",
        ),
    };
    let bullet = if spec.lang == Lang::Ja { "・" } else { "- " };
    let company_label = if spec.lang == Lang::Ja {
        "会社名："
    } else {
        "Company: "
    };
    let mut head = format!("{}\n\n{company_label}{}\n", spec.title, spec.company);
    if spec.lang == Lang::Ja {
        let _ = writeln!(
            head,
            "勤務地：{}\n想定年収：{}\n",
            spec.location, spec.salary
        );
    } else {
        let _ = writeln!(
            head,
            "Location: {}\nSalary: {}\n",
            spec.location, spec.salary
        );
    }
    let mut tail = String::new();
    let _ = writeln!(tail, "\n{duties}");
    for d in &spec.duties {
        let _ = writeln!(tail, "{bullet}{d}");
    }
    let _ = writeln!(tail, "\n{req}");
    for r in &spec.required {
        let _ = writeln!(tail, "{bullet}{r}");
    }
    let _ = writeln!(tail, "\n{pref}");
    for r in &spec.preferred {
        let _ = writeln!(tail, "{bullet}{r}");
    }
    let _ = writeln!(tail, "\n{env}\n{}", spec.stack.join(" / "));
    let filler = filler_until(spec, head.len() + tail.len(), 1);
    let mut out = head;
    for p in filler {
        out.push_str(p);
        out.push('\n');
    }
    out.push_str(&tail);
    out
}

fn description_html(spec: &Spec) -> String {
    let (req, pref, duties, _) = labels(spec.lang);
    let mut d = String::new();
    let _ = write!(d, "<h3>{duties}</h3><ul>");
    for x in &spec.duties {
        let _ = write!(d, "<li>{}</li>", html_escape(x));
    }
    let _ = write!(d, "</ul><h3>{req}</h3><ul>");
    for x in &spec.required {
        let _ = write!(d, "<li>{}</li>", html_escape(x));
    }
    let _ = write!(d, "</ul><h3>{pref}</h3><ul>");
    for x in &spec.preferred {
        let _ = write!(d, "<li>{}</li>", html_escape(x));
    }
    d.push_str("</ul>");
    d
}

fn json_ld(spec: &Spec, description: &str) -> serde_json::Value {
    json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": spec.title,
        "datePosted": spec.posted,
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": spec.company},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": spec.location}},
        "description": description,
        "skills": spec.ld_skills.join(", "),
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": spec.ld_months
        },
        "baseSalary": spec.salary,
    })
}

fn write_html(spec: &Spec, with_ld: bool) -> String {
    let (req, pref, duties, env) = labels(spec.lang);
    let (lang, nav, company_label) = match spec.lang {
        Lang::Ja => ("ja", ["Javaの求人", "Goの求人", "PHPの求人"], "会社名："),
        Lang::En => (
            "en",
            ["Java Jobs", "Unity Jobs", "Android Jobs"],
            "Company: ",
        ),
    };
    let mut head = String::new();
    let page_title = if with_ld {
        format!("{} | {} Careers", spec.title, spec.company)
    } else {
        spec.title.clone()
    };
    let _ = write!(
        head,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<meta property=\"og:site_name\" content=\"{}\">\n<style>\n  h2 {{ border-left: 4px solid #0a7; padding-left: 8px; }}\n</style>\n",
        html_escape(&page_title),
        html_escape(&spec.company),
    );
    if with_ld {
        let ld = json_ld(spec, &description_html(spec));
        let _ = write!(
            head,
            "<script type=\"application/ld+json\">\n{}\n</script>\n",
            serde_json::to_string_pretty(&ld).expect("json")
        );
    }
    let _ = write!(
        head,
        "</head>\n<body>\n<header>\n  <nav>\n    <a href=\"/jobs/java\">{}</a>\n    <a href=\"/jobs/go\">{}</a>\n    <a href=\"/jobs/php\">{}</a>\n  </nav>\n</header>\n<main>\n  <article>\n    <h1>{}</h1>\n    <p>{company_label}{}</p>\n    <h2>{}</h2>\n",
        nav[0],
        nav[1],
        nav[2],
        html_escape(&spec.title),
        html_escape(&spec.company),
        about(spec.lang),
    );
    let mut tail = String::new();
    let mut list = |title: &str, items: &[String]| {
        let _ = writeln!(tail, "    <h2>{title}</h2>\n    <ul>");
        for x in items {
            let _ = writeln!(tail, "      <li>{}</li>", html_escape(x));
        }
        tail.push_str("    </ul>\n");
    };
    list(duties, &spec.duties);
    list(req, &spec.required);
    list(pref, &spec.preferred);
    list(env, &spec.stack);
    tail.push_str("  </article>\n</main>\n<footer>\n  <a href=\"#top\">Go to top</a>\n</footer>\n<script>\n  // hydrate the React widget\n  window.__APP__ = { framework: \"Vue.js\" };\n</script>\n</body>\n</html>\n");
    let filler = filler_until(spec, head.len() + tail.len(), 12);
    let mut out = head;
    for p in filler {
        let _ = writeln!(out, "    <p>{p}</p>");
    }
    out.push_str(&tail);
    out
}

fn write_json(spec: &Spec, rng: &mut Rng) -> String {
    let v = if spec.lang == Lang::En && rng.chance(40) {
        // JSON Resume job.
        let mut quals: Vec<String> = spec.required.clone();
        quals.extend(spec.preferred.iter().take(1).cloned());
        json!({
            "title": spec.title,
            "company": spec.company,
            "type": "Full-time",
            "date": spec.posted,
            "description": spec.filler.iter().take(3).copied().collect::<Vec<_>>().join(" "),
            "location": {"city": spec.location, "countryCode": "JP"},
            "salary": spec.salary,
            "responsibilities": spec.duties,
            "qualifications": quals,
            "skills": [
                {"name": "Core", "level": "Senior", "keywords": spec.stack},
                {"name": "Extras", "level": "Intermediate", "keywords": spec.ld_skills},
            ],
        })
    } else {
        let desc = description_html(spec);
        let base = json_ld(spec, &desc).to_string().len() + 200;
        let mut prose = String::new();
        for p in filler_until(spec, base, 7) {
            let _ = write!(prose, "<p>{p}</p>");
        }
        json_ld(spec, &format!("{prose}{desc}"))
    };
    let mut s = serde_json::to_string_pretty(&v).expect("json");
    s.push('\n');
    s
}

fn posting(pool: &Pool, seed: u64, index: usize) -> (String, String) {
    let mut rng = Rng::new(seed, index as u64);
    let spec = make_spec(&mut rng, pool, index);
    let r = rng.below(100);
    let (ext, mut text) = if r < 35 {
        ("md", write_md(&spec))
    } else if r < 60 {
        ("txt", write_txt(&spec, &mut rng))
    } else if r < 72 {
        ("html", write_html(&spec, true))
    } else if r < 85 {
        ("html", write_html(&spec, false))
    } else {
        ("json", write_json(&spec, &mut rng))
    };
    if text.len() > MAX_BYTES {
        // Never observed with the current templates; keep the promise anyway (on a char boundary).
        let mut cut = MAX_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    let lang = if spec.lang == Lang::Ja { "ja" } else { "en" };
    (format!("p{index:06}_{lang}.{ext}"), text)
}

// ------------------------------------------------------------------------------- résumés

fn ym_ja(m: usize) -> String {
    format!("{}年{:02}月", m / 12, m % 12 + 1)
}

fn ym_en(m: usize) -> String {
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {}", MON[m % 12], m / 12)
}

fn resume(pool: &Pool, seed: u64, index: usize) -> (String, String) {
    let mut rng = Rng::new(seed ^ 0x5EED_0000_0000_0001, index as u64);
    let lang = if rng.chance(50) { Lang::Ja } else { Lang::En };
    let now = 2026 * 12 + 10; // 2026-11, in months since year 0
    let n_companies = rng.range(2, 4);
    // Career start, then consecutive jobs; the last one is ongoing.
    let mut start = now - rng.range(4, 15) * 12 - rng.below(12);
    let mut jobs: Vec<(usize, Option<usize>)> = Vec::new();
    for c in 0..n_companies {
        let last = c + 1 == n_companies;
        let len = rng.range(12, 60);
        if last || start + len >= now {
            jobs.push((start, None));
            break;
        }
        jobs.push((start, Some(start + len - 1)));
        start += len;
    }
    jobs.reverse(); // newest first, as résumés do
    let n_skills = rng.range(10, 25);
    let all_skills = pool.distinct(&mut rng, n_skills);
    let mut out = String::new();
    match lang {
        Lang::Ja => {
            let _ = write!(
                out,
                "# 業務経歴書\n\n## 基本情報\n\n- 氏名: 候補者 {index}\n- 所在地: {}\n\n## 概要\n\n- {} と {} を中心に約{}年の実務経験があります。\n\n## スキル\n\n",
                rng.pick(JA_PLACES),
                all_skills[0],
                all_skills[1],
                (now - jobs.last().expect("one job").0) / 12
            );
            for chunk in all_skills.chunks(5) {
                let _ = writeln!(out, "{} |\n", chunk.join(" | "));
            }
            out.push_str("## 職務経歴\n\n");
        }
        Lang::En => {
            let _ = write!(
                out,
                "# Candidate {index}\n\nSoftware Engineer · {} · candidate{index}@example.com\n\n## Summary\n\nEngineer working mostly with {} and {}.\n\n## Experience\n\n",
                rng.pick(EN_PLACES),
                all_skills[0],
                all_skills[1]
            );
        }
    }
    for &(from, to) in &jobs {
        let company = company_name(&mut rng, lang);
        let end = to.unwrap_or(now);
        match lang {
            Lang::Ja => {
                let to_s = to.map(ym_ja).unwrap_or_default();
                let _ = writeln!(out, "### {company} ({} 〜 {to_s})\n", ym_ja(from));
                let _ = writeln!(out, "{}\n", rng.pick(JA_FILLER));
            }
            Lang::En => {
                let to_s = to.map_or_else(|| "Present".to_owned(), ym_en);
                let role = rng.pick(EN_ROLES);
                let _ = writeln!(out, "### {role} — {company} ({} – {to_s})\n", ym_en(from));
                let _ = writeln!(out, "{}\n", rng.pick(EN_FILLER));
            }
        }
        // Projects split the company's period.
        let n_proj = rng.range(1, 3);
        let span = end - from + 1;
        let mut p_from = from;
        for p in 0..n_proj {
            let p_to = if p + 1 == n_proj {
                end
            } else {
                (p_from + span / n_proj).min(end)
            };
            let stack: Vec<&String> = (0..rng.range(2, 4))
                .map(|_| &all_skills[rng.below(all_skills.len())])
                .collect();
            let tags = stack
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" / ");
            let ongoing = p + 1 == n_proj && to.is_none();
            match lang {
                Lang::Ja => {
                    let to_s = if ongoing { String::new() } else { ym_ja(p_to) };
                    let _ = writeln!(
                        out,
                        "#### {}のプロジェクト 【 {tags} 】 ({} 〜 {to_s})\n\n##### 担当業務\n",
                        rng.pick(JA_TASKS),
                        ym_ja(p_from)
                    );
                    for s in &stack {
                        let _ = writeln!(out, "- {s} を用いた{}", rng.pick(JA_TASKS));
                    }
                    let _ = writeln!(out, "\n##### 取り組み\n\n- {}\n", rng.pick(JA_FILLER));
                }
                Lang::En => {
                    let to_s = if ongoing {
                        "Present".to_owned()
                    } else {
                        ym_en(p_to)
                    };
                    let _ = writeln!(
                        out,
                        "#### Project: {} ({} – {to_s})\n\n**Stack:** {}\n",
                        rng.pick(EN_TASKS),
                        ym_en(p_from),
                        stack
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    for s in &stack {
                        let _ = writeln!(out, "- Used {s} for {}.", rng.pick(EN_TASKS));
                    }
                    out.push('\n');
                }
            }
            p_from = (p_to + 1).min(end);
        }
    }
    match lang {
        Lang::Ja => out.push_str("## 資格\n\n- 基本情報技術者試験\n"),
        Lang::En => {
            out.push_str("## Skills\n\n");
            let (a, b) = all_skills.split_at(all_skills.len() / 2);
            let _ = writeln!(out, "- Languages and frameworks: {}", a.join(", "));
            let _ = writeln!(out, "- Infrastructure and tools: {}", b.join(", "));
        }
    }
    (
        format!(
            "r{index:06}_{}.md",
            if lang == Lang::Ja { "ja" } else { "en" }
        ),
        out,
    )
}

// ------------------------------------------------------------------------------- main

struct Args {
    count: usize,
    format: String,
    resumes: Option<usize>,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut count = 1000;
    let mut resumes = None;
    let mut out = None;
    let mut seed = 1;
    let mut format = "files".to_owned();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--count" => {
                count = val("--count")?
                    .parse()
                    .map_err(|e| format!("--count: {e}"))?
            }
            "--resumes" => {
                resumes = Some(
                    val("--resumes")?
                        .parse()
                        .map_err(|e| format!("--resumes: {e}"))?,
                );
            }
            "--format" => format = val("--format")?,
            "--out" => out = Some(PathBuf::from(val("--out")?)),
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-h" | "--help" => {
                return Err(
                    "usage: gen_corpus [--count N | --resumes N] --out DIR [--seed S] [--format files|jsonl|csv|parquet]".into(),
                )
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if !matches!(format.as_str(), "files" | "jsonl" | "csv" | "parquet") {
        return Err(format!(
            "--format {format:?}: use files, jsonl, csv or parquet"
        ));
    }
    Ok(Args {
        count,
        format,
        resumes,
        out,
        seed,
    })
}

/// The postings as rows of one table (`job_id` = the relative path the file would have),
/// generated in parallel a chunk at a time and written in order. Returns the text bytes.
fn write_table(
    out: &Path,
    format: &str,
    n: usize,
    make: impl Fn(usize) -> (String, String) + Sync,
) -> Result<u64, Box<dyn std::error::Error>> {
    const CHUNK: usize = 2048;
    let mut bytes = 0u64;
    let mut jsonl = None;
    let mut csv_w = None;
    let mut parquet = None;
    match format {
        "jsonl" => jsonl = Some(std::io::BufWriter::new(std::fs::File::create(out)?)),
        "csv" => {
            let mut w = csv::Writer::from_path(out)?;
            w.write_record(["job_id", "description"])?;
            csv_w = Some(w);
        }
        _ => {
            parquet = Some(skillfit::frame::text_parquet_writer(
                out,
                &["job_id", "description"],
                CHUNK,
            )?)
        }
    }
    for start in (0..n).step_by(CHUNK) {
        let rows: Vec<(String, String)> = (start..(start + CHUNK).min(n))
            .into_par_iter()
            .map(|i| {
                let (name, text) = make(i);
                (format!("p{:03}/{name}", i / PER_DIR), text)
            })
            .collect();
        bytes += rows.iter().map(|r| r.1.len() as u64).sum::<u64>();
        if let Some(w) = &mut jsonl {
            use std::io::Write as _;
            for (id, text) in &rows {
                serde_json::to_writer(&mut *w, &json!({"job_id": id, "description": text}))?;
                w.write_all(b"\n")?;
            }
        } else if let Some(w) = &mut csv_w {
            for (id, text) in &rows {
                w.write_record([id, text])?;
            }
        } else if let Some(w) = &mut parquet {
            let (ids, texts): (Vec<_>, Vec<_>) =
                rows.into_iter().map(|(a, b)| (Some(a), Some(b))).unzip();
            skillfit::frame::write_text_parquet_batch(
                w,
                &[("job_id", ids), ("description", texts)],
            )?;
        }
    }
    if let Some(mut w) = jsonl {
        use std::io::Write as _;
        w.flush()?;
    }
    if let Some(mut w) = csv_w {
        w.flush()?;
    }
    if let Some(w) = parquet {
        w.finish()?;
    }
    Ok(bytes)
}

fn write_all(
    out: &Path,
    n: usize,
    prefix: char,
    make: impl Fn(usize) -> (String, String) + Sync,
) -> std::io::Result<(usize, u64, usize, usize)> {
    let dirs = n.div_ceil(PER_DIR);
    let per_dir: Vec<(usize, u64, usize, usize)> = (0..dirs)
        .into_par_iter()
        .map(|d| -> std::io::Result<(usize, u64, usize, usize)> {
            let dir = out.join(format!("{prefix}{d:03}"));
            std::fs::create_dir_all(&dir)?;
            let (mut files, mut bytes, mut min, mut max) = (0, 0u64, usize::MAX, 0);
            for i in d * PER_DIR..((d + 1) * PER_DIR).min(n) {
                let (name, text) = make(i);
                std::fs::write(dir.join(name), &text)?;
                files += 1;
                bytes += text.len() as u64;
                min = min.min(text.len());
                max = max.max(text.len());
            }
            Ok((files, bytes, min, max))
        })
        .collect::<Result<_, _>>()?;
    Ok(per_dir.into_iter().fold(
        (0, 0, usize::MAX, 0),
        |(f, b, lo, hi), (f2, b2, lo2, hi2)| (f + f2, b + b2, lo.min(lo2), hi.max(hi2)),
    ))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let tax = match Taxonomy::builtin() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let pool = Pool::new(&tax);
    let seed = args.seed;
    if args.format != "files" && args.resumes.is_none() {
        return match write_table(&args.out, &args.format, args.count, |i| {
            posting(&pool, seed, i)
        }) {
            Ok(bytes) => {
                println!(
                    "gen_corpus: {} postings as {} rows, {bytes} bytes of text ({:.1} MB) -> {}",
                    args.count,
                    args.format,
                    bytes as f64 / 1e6,
                    args.out.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gen_corpus: {}: {e}", args.out.display());
                ExitCode::from(2)
            }
        };
    }
    let result = match args.resumes {
        Some(n) => write_all(&args.out, n, 'r', |i| resume(&pool, seed, i)),
        None => write_all(&args.out, args.count, 'p', |i| posting(&pool, seed, i)),
    };
    match result {
        Ok((files, bytes, min, max)) => {
            let kind = if args.resumes.is_some() {
                "résumés"
            } else {
                "postings"
            };
            println!(
                "gen_corpus: {files} {kind} in {} folders, {bytes} bytes ({:.1} MB, {}–{} bytes each) -> {}",
                files.div_ceil(PER_DIR),
                bytes as f64 / 1e6,
                if files == 0 { 0 } else { min },
                max,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}

//! Issue 8, part 4 (the `cargo test` half): property tests that feed every parser a few thousand
//! generated documents, arbitrary and grammar-shaped, in a few seconds.
//!
//! Properties:
//! - the résumé parser never panics, and every company it finds has `start <= end`;
//! - `parse_posting` returns `Ok` or `Err` for each format (md, txt, html, json), never panics;
//! - period parsing never panics and gives spans that lie inside the text, on character
//!   boundaries, left to right without overlap.
//!
//! Inputs: arbitrary bytes (decoded lossily, as a file with bad bytes would be after the
//! encoding step), arbitrary strings, and documents built from the markers the parsers look
//! for: headings, tables, lists, dates (also impossible ones: `2022年13月`, `2019-02-30`,
//! `0000/00`), `〜`, entities, mixed Japanese/English, front matter (`---`, `+++`, unclosed,
//! multi-line flow mappings), HTML tags, JSON. A failing case prints its input; rerun it with
//! `PROPTEST_RNG_SEED=<seed> cargo test --test it props`.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use skillfit::period::{find_duration_months, find_period, find_periods, End};
use skillfit::posting::parse_posting;
use skillfit::resume::parse_resume;
use skillfit::taxonomy::Taxonomy;

/// Cases per property: 13 properties × 256 ≈ 3,300 documents.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        // A failing case is kept as a named regression test in this file instead.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn tax() -> &'static Taxonomy {
    static TAX: OnceLock<Taxonomy> = OnceLock::new();
    TAX.get_or_init(|| Taxonomy::builtin().expect("the built-in taxonomy loads"))
}

// ---------------------------------------------------------------------------------------
// Checks shared by the properties
// ---------------------------------------------------------------------------------------

fn check_resume(text: &str) -> Result<(), TestCaseError> {
    let r = parse_resume(text, tax());
    for c in &r.companies {
        if let End::At(end) = c.period.end {
            prop_assert!(
                c.period.start <= end,
                "company {:?} (line {}) ends {} before it starts {}",
                c.name,
                c.line,
                end,
                c.period.start
            );
        }
    }
    Ok(())
}

const EXTS: [&str; 4] = ["md", "txt", "html", "json"];

fn check_posting(text: &str, ext: &str) {
    // Ok or Err are both fine; a panic fails the property.
    let _ = parse_posting(text, ext, &format!("gen/posting.{ext}"), tax());
}

fn check_periods(text: &str) -> Result<(), TestCaseError> {
    let check_span = |span: &std::ops::Range<usize>| -> Result<(), TestCaseError> {
        prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} not on char boundaries"
        );
        Ok(())
    };
    if let Some(m) = find_period(text) {
        check_span(&m.span)?;
    }
    let mut last_end = 0;
    for m in find_periods(text) {
        check_span(&m.span)?;
        prop_assert!(m.span.start >= last_end, "periods overlap at {:?}", m.span);
        last_end = m.span.end;
    }
    let _ = find_duration_months(text);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// Arbitrary bytes, decoded the way a file with bad bytes ends up as text.
fn lossy_bytes() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..2048)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Arbitrary Unicode strings (any scalar value, control characters included).
fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..512).prop_map(|c| c.into_iter().collect())
}

/// Short pieces the parsers react to, glued in any order (no grammar).
fn marker_soup() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "必須",
        "歓迎",
        "〜",
        "~",
        "～",
        "年",
        "月",
        "日",
        "現在",
        "<",
        ">",
        "&",
        "&amp;",
        ";",
        "|",
        "---",
        "+++",
        "【",
        "】",
        "#",
        "- ",
        "* ",
        "・",
        "> ",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "2022",
        "13",
        "0",
        "00",
        "9999",
        "12",
        "1",
        "/",
        ".",
        "-",
        ":",
        "：",
        "Go",
        "AWS",
        "Kubernetes",
        "Python",
        "株式会社",
        "Inc.",
        "令和",
        "元",
        "R",
        "H",
        "Present",
        "Apr",
        "to",
        "から",
        "まで",
        "以上",
        "years",
        "+",
        "年半",
        "ヶ月",
        "<br>",
        "<li>",
        "</li>",
        "<div>",
        "</div>",
        "{",
        "}",
        "[",
        "]",
        "\"",
        "```",
        "<!--",
        "-->",
        "\u{200b}",
        "\u{202e}",
        "\u{feff}",
        "\0",
        "é",
        "ＡＷＳ",
        "１２",
        "（",
        "）",
        "(",
        ")",
    ];
    proptest::collection::vec(proptest::sample::select(PIECES), 0..200).prop_map(|v| v.concat())
}

fn skill() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            "Go",
            "Kubernetes",
            "AWS",
            "ＡＷＳ",
            "Python",
            "TypeScript",
            "Terraform",
            "Terrafrom",
            "Kubernets",
            "EKS(Kubernetes)",
            "RDS(MySQL|PostgreSQL)",
            "Google Cloud",
            "go-live",
            "JavaScript",
            "Java",
            "C#",
            "C++",
            "Ruby on Rails",
            "Next.js",
            "Vue.js",
            "Datadog",
            "SRE",
            "インシデント対応",
            "シェルスクリプト",
            "Rust",
            "Unknownium",
            "k8s",
        ][..],
    )
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => skill().prop_map(str::to_owned),
        1 => proptest::sample::select(&[
            "株式会社テスト", "Acme Inc.", "A社", "フリーランス", "Example LLC", "開発", "運用",
            "設計", "の", "経験", "and", "or", "または", "もしくは", "いずれか", "with", "using",
            "実務経験", "以上", "3年以上", "3+ years", "at least 2 years", "1年半", "6ヶ月以上",
            "(2+&nbsp;years)", "&amp;DX推進室", "&lt;tag&gt;", "&#x1F600;", "&#99999999;",
            "&#0;", "&", "&;", "&unknown;", "https://example.com/kafka", "`code`", "**bold**",
            "\u{200b}", "\u{202e}", "\u{feff}", "１２３", "",
        ][..])
        .prop_map(str::to_owned),
        1 => date(),
        1 => "[a-zA-Z0-9ぁ-んァ-ン一-龥]{1,8}",
    ]
}

fn phrase() -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), 0..8).prop_map(|w| w.join(" "))
}

/// One date token, possible or not.
fn date() -> impl Strategy<Value = String> {
    let y = prop_oneof![1950i32..2030, 0i32..3000, Just(0), Just(99999)];
    let m = prop_oneof![1u32..13, 0u32..20];
    let d = prop_oneof![1u32..29, 0u32..40];
    (y, m, d, 0usize..12).prop_map(|(y, m, d, style)| match style {
        0 => format!("{y}年{m}月"),
        1 => format!("{y:04}-{m:02}-{d:02}"),
        2 => format!("{y:04}/{m:02}"),
        3 => format!("{m:02}/{y:04}"),
        4 => format!(
            "{} {y}",
            ["Jan", "Apr", "May", "Sept", "December", "Foo"][m as usize % 6]
        ),
        5 => format!(
            "令和{}年{m}月",
            if d % 3 == 0 {
                "元".to_owned()
            } else {
                d.to_string()
            }
        ),
        6 => format!("R{}.{m}", d % 40),
        7 => format!("{y}年"),
        8 => format!("{y}"),
        9 => format!("{y}年{m}月{d}日"),
        10 => format!("{m}月"),
        _ => format!("{y}.{m}"),
    })
}

fn period() -> impl Strategy<Value = String> {
    let sep = proptest::sample::select(
        &[
            "〜", "~", "～", " - ", "–", "—", " to ", "から", "-", "/", " ", "",
        ][..],
    );
    let end = prop_oneof![
        3 => date(),
        1 => proptest::sample::select(&["現在", "Present", "present", "now", "至現在", ""][..])
            .prop_map(str::to_owned),
    ];
    let wrap = proptest::sample::select(
        &[("", ""), ("(", ")"), ("（", "）"), ("_", "_"), ("【", "】")][..],
    );
    (date(), sep, end, wrap).prop_map(|(a, s, b, (l, r))| format!("{l}{a}{s}{b}{r}"))
}

fn heading() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        proptest::sample::select(
            &[
                "職務経歴",
                "Experience",
                "Work History",
                "スキル",
                "Skills",
                "学歴",
                "Education",
                "必須スキル",
                "歓迎スキル",
                "Requirements",
                "Nice to have",
                "応募資格",
                "資格",
                "Talks",
                "自己PR",
                "",
            ][..]
        )
        .prop_map(str::to_owned),
        phrase(),
    ];
    (
        1usize..8,
        label,
        proptest::option::of(period()),
        proptest::option::of(skill()),
    )
        .prop_map(|(n, l, p, t)| {
            let mut s = format!("{} {l}", "#".repeat(n));
            if let Some(p) = p {
                s.push(' ');
                s.push_str(&p);
            }
            if let Some(t) = t {
                s.push_str(&format!(" 【{t}】"));
            }
            s
        })
}

fn table() -> impl Strategy<Value = String> {
    let cell = prop_oneof![phrase(), period(), skill().prop_map(str::to_owned)];
    (
        1usize..6,
        proptest::collection::vec(proptest::collection::vec(cell, 0..6), 0..5),
    )
        .prop_map(|(cols, rows)| {
            let mut s = String::new();
            s.push_str(&format!(
                "|{}\n",
                " 期間 | 会社 | 技術 |".repeat(cols.div_ceil(3))
            ));
            s.push_str(&format!("|{}\n", "---|".repeat(cols)));
            for r in rows {
                s.push('|');
                for c in r {
                    s.push_str(&c.replace('|', "\\|"));
                    s.push('|');
                }
                s.push('\n');
            }
            s
        })
}

fn list_item() -> impl Strategy<Value = String> {
    let bullet = proptest::sample::select(&["- ", "* ", "・", "1. ", "+ ", "> ", "> - ", ""][..]);
    (
        0usize..6,
        bullet,
        prop_oneof![
            phrase(),
            period(),
            (period(), phrase()).prop_map(|(a, b)| format!("{a} {b}"))
        ],
    )
        .prop_map(|(indent, b, t)| format!("{}{b}{t}", "  ".repeat(indent)))
}

fn html_line() -> impl Strategy<Value = String> {
    let tag = proptest::sample::select(
        &[
            "li", "p", "div", "h2", "h3", "td", "th", "summary", "details", "script", "style",
            "nav", "footer", "span", "br",
        ][..],
    );
    (tag, phrase(), any::<bool>(), any::<bool>()).prop_map(|(t, p, open, close)| {
        let o = if open {
            format!("<{t}>")
        } else {
            String::new()
        };
        let c = if close {
            format!("</{t}>")
        } else {
            String::new()
        };
        format!("{o}{p}{c}")
    })
}

fn front_matter() -> impl Strategy<Value = String> {
    let kv = (
        proptest::sample::select(
            &[
                "title",
                "company",
                "skills",
                "url",
                "date",
                "tags",
                "jsonld",
                "スキル",
                "x",
            ][..],
        ),
        prop_oneof![
            phrase(),
            Just("{".to_owned()),
            Just("[Go, AWS]".to_owned()),
            Just("\"unterminated".to_owned())
        ],
    );
    (
        proptest::sample::select(&["---", "+++"][..]),
        proptest::collection::vec(kv, 0..6),
        proptest::sample::select(&["---", "+++", "...", ""][..]),
        any::<bool>(),
    )
        .prop_map(|(open, kvs, close, toml)| {
            let mut s = format!("{open}\n");
            for (k, v) in kvs {
                if toml {
                    s.push_str(&format!("{k} = \"{v}\"\n"));
                } else {
                    s.push_str(&format!("{k}: {v}\n"));
                }
            }
            s.push_str("jsonld: {\n  \"@type\": \"JobPosting\",\n  \"skills\": \"Go\"\n}\n");
            s.push_str(close);
            s.push('\n');
            s
        })
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => heading(),
        2 => table(),
        5 => list_item(),
        3 => phrase(),
        2 => period(),
        1 => html_line(),
        1 => proptest::sample::select(&[
            "<details>", "</details>", "<summary>2020年4月〜現在 株式会社テスト</summary>",
            "```", "---", "***", "", "<!-- 2019-02-30 -->", "2022年13月〜現在", "0000/00 - 2019/02",
            "2019-02-30 〜 2021-11-31", "2025年4月〜2020年3月", "【必須スキル】", "■応募資格",
            "[必須]", "[歓迎]", "Requirements:", "Nice to have: Go or Rust", "会社名：株式会社テスト",
            "Company: Acme Inc.", "〜〜〜〜〜〜〜〜", "||||||||||", "&amp;&amp;&amp;&amp;",
        ][..])
        .prop_map(str::to_owned),
    ]
}

/// A Markdown/plain-text document: optional front matter, then blocks, with mixed line ends.
fn grammar_doc() -> impl Strategy<Value = String> {
    (
        proptest::option::of(front_matter()),
        proptest::collection::vec(block(), 0..40),
        proptest::sample::select(&["\n", "\n", "\r\n", "\r"][..]),
        any::<bool>(),
    )
        .prop_map(|(fm, blocks, nl, bom)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            if let Some(fm) = fm {
                s.push_str(&fm);
            }
            s.push_str(&blocks.join("\n"));
            if nl != "\n" {
                s = s.replace('\n', nl);
            }
            s
        })
}

/// An HTML page: blocks wrapped in tags, sometimes with a JSON-LD block.
fn html_doc() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(prop_oneof![html_line(), block()], 0..40),
        proptest::option::of(json_doc()),
        any::<bool>(),
    )
        .prop_map(|(lines, ld, full)| {
            let mut s = String::new();
            if full {
                s.push_str("<!DOCTYPE html><html><head><title>Job &amp; 求人</title>");
            }
            if let Some(ld) = ld {
                s.push_str(&format!(
                    "<script type=\"application/ld+json\">{ld}</script>"
                ));
            }
            if full {
                s.push_str("</head><body>");
            }
            s.push_str(&lines.join("\n"));
            if full {
                s.push_str("</body></html>");
            }
            s
        })
}

/// A JSON posting: schema.org `JobPosting`, JSON Resume job, or a mangled one.
fn json_doc() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        phrase().prop_map(serde_json::Value::String),
        proptest::collection::vec(phrase(), 0..5).prop_map(|v| serde_json::Value::Array(
            v.into_iter().map(serde_json::Value::String).collect()
        )),
        (-5i64..100).prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
        Just(serde_json::json!({ "name": "Go", "keywords": ["AWS", 3, null] })),
        Just(serde_json::json!([{ "name": "Kubernetes" }, "Go", [["Python"]]])),
    ];
    let key = proptest::sample::select(
        &[
            "@type",
            "title",
            "description",
            "skills",
            "qualifications",
            "responsibilities",
            "experienceRequirements",
            "monthsOfExperience",
            "hiringOrganization",
            "name",
            "position",
            "highlights",
            "summary",
            "@graph",
            "keywords",
        ][..],
    );
    (
        proptest::collection::vec((key, value), 0..10),
        any::<bool>(),
        0usize..4,
    )
        .prop_map(|(kvs, posting, mangle)| {
            let mut map = serde_json::Map::new();
            if posting {
                map.insert("@type".to_owned(), "JobPosting".into());
            }
            for (k, v) in kvs {
                map.insert(k.to_owned(), v);
            }
            let s = serde_json::Value::Object(map).to_string();
            match mangle {
                0 => s.chars().take(s.chars().count() / 2).collect(),
                1 => format!("[{s}, {{\"@graph\": [{s}]}}]"),
                _ => s,
            }
        })
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn resume_arbitrary_bytes(text in lossy_bytes()) {
        check_resume(&text)?;
    }

    #[test]
    fn resume_arbitrary_text(text in any_text()) {
        check_resume(&text)?;
    }

    #[test]
    fn resume_marker_soup(text in marker_soup()) {
        check_resume(&text)?;
    }

    #[test]
    fn resume_grammar(text in grammar_doc()) {
        check_resume(&text)?;
    }

    #[test]
    fn posting_arbitrary_text(text in prop_oneof![lossy_bytes(), any_text(), marker_soup()]) {
        for ext in EXTS {
            check_posting(&text, ext);
        }
    }

    #[test]
    fn posting_md_txt_grammar(text in grammar_doc()) {
        check_posting(&text, "md");
        check_posting(&text, "txt");
    }

    #[test]
    fn posting_html_grammar(text in html_doc()) {
        check_posting(&text, "html");
    }

    #[test]
    fn posting_json_grammar(text in json_doc()) {
        check_posting(&text, "json");
    }

    #[test]
    fn posting_requirements_section(
        items in proptest::collection::vec(list_item(), 0..30),
        label in proptest::sample::select(&["## Requirements", "## 必須スキル", "【必須スキル】", "■歓迎", "Requirements:", "<h2>必須</h2>"][..]),
    ) {
        let text = format!("# Job\n\n{label}\n\n{}\n", items.join("\n"));
        for ext in EXTS {
            check_posting(&text, ext);
        }
    }

    #[test]
    fn period_arbitrary_text(text in prop_oneof![any_text(), lossy_bytes(), marker_soup()]) {
        check_periods(&text)?;
    }

    #[test]
    fn period_grammar(parts in proptest::collection::vec(prop_oneof![period(), date(), phrase()], 0..6)) {
        check_periods(&parts.join(" "))?;
    }

    #[test]
    fn period_single(p in period()) {
        check_periods(&p)?;
    }

    #[test]
    fn resume_html_in_markdown(text in html_doc()) {
        check_resume(&text)?;
    }
}

// ---------------------------------------------------------------------------------------
// Fixed cases the generators are built around (run every time)
// ---------------------------------------------------------------------------------------

#[test]
fn impossible_dates_and_markers() {
    let cases = [
        "## 株式会社テスト 2022年13月〜現在\n- Go",
        "## Acme Inc. 2019-02-30 - 2021-11-31\n- Kubernetes",
        "| 期間 | 会社 |\n|---|---|\n| 0000/00 〜 2019/02 | A社 |",
        "### B社 2025年4月〜2020年3月\n- AWS",
        "---\njsonld: {\n  \"@type\": \"JobPosting\"\n}\n---\n## Requirements\n- Go &amp;DX推進室 AWS",
        "+++\ntitle = \"unterminated\n## Requirements\n- Go",
        "〜〜〜〜〜〜〜〜〜〜\n||||||||||||||||\n&amp;&amp;&amp;&amp;",
    ];
    for text in cases {
        check_resume(text).unwrap();
        check_periods(text).unwrap();
        for ext in EXTS {
            check_posting(text, ext);
        }
    }
}

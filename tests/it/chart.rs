//! Charts: SVG golden snapshots (`UPDATE_GOLDEN=1 cargo test --test it chart` rewrites them),
//! PNG sanity, Japanese glyphs, empty inputs.

use std::collections::HashSet;

use crate::harness::root;
use skillfit::chart::{
    self, Band, Cell, ChartFormat, Coverage, GapBar, RankBar, Timeline, TimelineRow,
};
use skillfit::period::Month;

/// A month written `YYYY-MM`.
fn ym(s: &str) -> Month {
    Month::parse_ym(s).expect("a YYYY-MM month")
}

fn row(skill: &str, category: &str, months: u32, intervals: &[(&str, &str)]) -> TimelineRow {
    TimelineRow {
        skill: skill.into(),
        category: category.into(),
        months: Some(months),
        intervals: intervals.iter().map(|(a, b)| (ym(a), ym(b))).collect(),
    }
}

fn sample_timeline() -> Timeline {
    Timeline {
        title: "Skill timeline — sample".into(),
        as_of: ym("2026-11"),
        companies: vec![
            Band {
                label: "Example Systems".into(),
                start: ym("2018-04"),
                end: ym("2020-12"),
                is_open: false,
            },
            Band {
                label: "アソビュー株式会社".into(),
                start: ym("2021-04"),
                end: ym("2026-11"),
                is_open: true,
            },
        ],
        rows: vec![
            row(
                "AWS",
                "aws",
                77,
                &[("2019-07", "2020-12"), ("2021-04", "2026-11")],
            ),
            row("Terraform", "iac", 56, &[("2022-04", "2026-11")]),
            row(
                "シェルスクリプト",
                "language",
                41,
                &[("2018-04", "2019-06"), ("2023-10", "2026-11")],
            ),
            row("PostgreSQL", "database", 18, &[("2019-07", "2020-12")]),
        ],
        undated: vec!["Ansible".into(), "NGINX".into(), "監視設計".into()],
    }
}

fn sample_ranking() -> Vec<RankBar> {
    vec![
        RankBar {
            label: "SRE — アソビュー株式会社".into(),
            score: 79.75,
            required_points: 31.25,
            preferred_points: 9.0,
            relevance_points: 35.5,
            prior_points: 4.0,
        },
        RankBar {
            label: "Platform Engineer with a very long title that needs cutting — Example Corp"
                .into(),
            score: 52.6,
            required_points: 24.0,
            preferred_points: 3.6,
            relevance_points: 20.0,
            prior_points: 5.0,
        },
        RankBar {
            label: "Backend (Go) — Small Co".into(),
            score: 24.0,
            required_points: 12.0,
            preferred_points: 0.0,
            relevance_points: 0.0,
            prior_points: 12.0,
        },
    ]
}

fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden/charts").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `UPDATE_GOLDEN=1 cargo test --test it chart` to create it",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .map_or(e.lines().count().min(a.lines().count()), |i| i);
        panic!(
            "{} changed (first difference at line {}); if intended, rerun with UPDATE_GOLDEN=1",
            path.display(),
            line + 1
        );
    }
}

fn svg_text(bytes: &[u8]) -> String {
    let svg = String::from_utf8(bytes.to_vec()).expect("SVG is UTF-8");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("<text"), "raw <text> left in the SVG");
    svg
}

/// Width, height and RGB pixels of a PNG.
fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG frame");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let pixels = buf[..info.buffer_size()]
        .chunks_exact(3)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, pixels)
}

/// The `width`/`height` an SVG declares.
fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let key = format!("{name}=\"");
        let from = svg.find(&key).unwrap() + key.len();
        let len = svg[from..].find('"').unwrap();
        svg[from..from + len].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[test]
fn timeline_svg_matches_golden() {
    let svg = chart::timeline(&sample_timeline(), ChartFormat::Svg).unwrap();
    svg_text(&svg);
    golden("timeline.svg", &svg);
}

#[test]
fn ranking_svg_matches_golden() {
    let svg = chart::ranking(&sample_ranking(), "Top postings", ChartFormat::Svg).unwrap();
    svg_text(&svg);
    golden("ranking.svg", &svg);
}

#[test]
fn gaps_and_coverage_svg_match_golden() {
    let gaps = [
        GapBar {
            skill: "Kubernetes".into(),
            score_gain: 42.5,
            postings: 6,
        },
        GapBar {
            skill: "シェルスクリプト".into(),
            score_gain: 12.0,
            postings: 1,
        },
    ];
    let svg = chart::gaps(&gaps, "Gaps", ChartFormat::Svg).unwrap();
    svg_text(&svg);
    golden("gaps.svg", &svg);
    let coverage = Coverage {
        postings: vec![
            "SRE — アソビュー株式会社".into(),
            "Backend — Small Co".into(),
        ],
        skills: vec!["AWS".into(), "Go".into(), "シェルスクリプト".into()],
        cells: vec![
            vec![Cell::Met, Cell::Partial, Cell::Missing],
            vec![Cell::NotAsked, Cell::Met],
        ],
    };
    let svg = chart::coverage(&coverage, "Coverage", ChartFormat::Svg).unwrap();
    svg_text(&svg);
    golden("coverage.svg", &svg);
}

#[test]
fn png_decodes_with_the_svg_size_and_is_not_blank() {
    let t = sample_timeline();
    let png = chart::timeline(&t, ChartFormat::Png).unwrap();
    let svg = svg_text(&chart::timeline(&t, ChartFormat::Svg).unwrap());
    let (w, h, pixels) = decode_png(&png);
    assert_eq!((w, h), svg_size(&svg));
    assert!(
        (900..=1600).contains(&w) && (250..=600).contains(&h),
        "{w}×{h}"
    );
    let colours: HashSet<[u8; 3]> = pixels.iter().copied().collect();
    assert!(colours.len() > 50, "only {} colours", colours.len());
    let inked = pixels.iter().filter(|p| **p != [255, 255, 255]).count();
    assert!(
        inked > pixels.len() / 10,
        "{inked} of {} pixels drawn",
        pixels.len()
    );
    // Deterministic: the same data gives the same bytes.
    assert_eq!(png, chart::timeline(&t, ChartFormat::Png).unwrap());
}

#[test]
fn timeline_height_grows_with_rows() {
    let many = |n: usize| Timeline {
        rows: (0..n)
            .map(|i| row(&format!("Skill {i}"), "tool", 12, &[("2020-01", "2020-12")]))
            .collect(),
        ..sample_timeline()
    };
    let height = |n| decode_png(&chart::timeline(&many(n), ChartFormat::Png).unwrap()).1;
    assert_eq!(height(60) - height(10), 50 * 22);
}

#[test]
fn empty_inputs_give_a_no_data_chart() {
    let empty = Timeline {
        title: "Nothing".into(),
        as_of: ym("2026-11"),
        companies: vec![],
        rows: vec![],
        undated: vec![],
    };
    let coverage = Coverage {
        postings: vec![],
        skills: vec![],
        cells: vec![],
    };
    for f in [ChartFormat::Png, ChartFormat::Svg] {
        let outputs = [
            chart::timeline(&empty, f).unwrap(),
            chart::ranking(&[], "Top postings", f).unwrap(),
            chart::gaps(&[], "Gaps", f).unwrap(),
            chart::coverage(&coverage, "Coverage", f).unwrap(),
        ];
        for bytes in outputs {
            match f {
                ChartFormat::Png => {
                    let (w, h, pixels) = decode_png(&bytes);
                    assert!(w >= 400 && h >= 100);
                    assert!(pixels.iter().any(|p| p[0] < 128), "no text drawn");
                }
                ChartFormat::Svg => {
                    let svg = svg_text(&bytes);
                    // Title and "no data": two outlined texts.
                    assert_eq!(svg.matches("<path d=").count(), 2, "{svg}");
                }
            }
        }
    }
}

#[test]
fn bad_dates_and_odd_numbers_do_not_panic() {
    let t = Timeline {
        title: String::new(),
        as_of: ym("1900-01"),
        companies: vec![Band {
            label: "X".into(),
            start: ym("2200-12"),
            end: ym("2019-01"),
            is_open: true,
        }],
        rows: vec![row(
            "A",
            "",
            0,
            &[("2021-05", "2020-01"), ("1900-01", "2200-12")],
        )],
        undated: vec![String::new()],
    };
    let bars = [RankBar {
        label: String::new(),
        score: f64::NAN,
        required_points: f64::NAN,
        preferred_points: -3.0,
        relevance_points: f64::INFINITY,
        prior_points: f64::NEG_INFINITY,
    }];
    let gaps = [GapBar {
        skill: "x".into(),
        score_gain: f64::INFINITY,
        postings: 0,
    }];
    for f in [ChartFormat::Png, ChartFormat::Svg] {
        chart::timeline(&t, f).unwrap();
        chart::ranking(&bars, "", f).unwrap();
        chart::gaps(&gaps, "", f).unwrap();
    }
}

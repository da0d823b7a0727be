//! Issue 16: a big taxonomy must not find skills in ordinary text.
//!
//! `tests/fixtures/prose/` holds our own prose (English and Japanese, more than 12,000 words)
//! about ordinary work, travel, food and sports, with no technology in it, but full of words
//! that are also product names (go, spring, chef, salt, swift, express, python the snake…).
//! Read both as postings and as résumés, all of it together may yield at most five skills.

use std::collections::BTreeSet;

use skillfit::period::Month;
use skillfit::posting::parse_posting;
use skillfit::resume::{parse_resume, tenure::build_profile};
use skillfit::taxonomy::Taxonomy;

use crate::harness::root;

const BUDGET: usize = 5;

#[test]
fn ordinary_prose_yields_almost_no_skills() {
    let tax = Taxonomy::builtin().expect("built-in taxonomy");
    let dir = root().join("tests/fixtures/prose");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("prose fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 6, "prose corpus is missing");

    let mut words = 0;
    let mut found: BTreeSet<String> = BTreeSet::new();
    let mut evidence: Vec<String> = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("utf-8 prose");
        // English words, plus Japanese characters at two per word.
        words +=
            text.split_whitespace().count() + text.chars().filter(|c| !c.is_ascii()).count() / 2;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();

        let posting = parse_posting(&text, "md", &name, &tax).expect("prose parses as a posting");
        for r in &posting.requirements {
            if found.insert(r.skill.clone()) {
                evidence.push(format!("{name}: posting `{}` in {:?}", r.skill, r.text));
            }
        }
        let resume = parse_resume(&text, &tax);
        let profile = build_profile(&resume, &tax, Month::new(2026, 11).unwrap(), &name);
        for s in profile.skills.iter().filter(|s| s.known) {
            if found.insert(s.skill.clone()) {
                evidence.push(format!("{name}: résumé `{}`", s.skill));
            }
        }
    }
    assert!(words >= 10_000, "the corpus has only {words} words");
    assert!(
        found.len() <= BUDGET,
        "{} skills found in ordinary prose (budget {BUDGET}):\n{}",
        found.len(),
        evidence.join("\n")
    );
}

#[test]
fn monitoring_is_not_mentoring() {
    let tax = Taxonomy::builtin().expect("built-in taxonomy");
    let text = "# SRE\n\n## Requirements\n\n- Monitoring with Prometheus and Grafana\n";
    let posting = parse_posting(text, "md", "p.md", &tax).expect("posting");
    let names: Vec<&str> = posting
        .requirements
        .iter()
        .map(|r| r.skill.as_str())
        .collect();
    assert!(names.contains(&"Prometheus"), "{names:?}");
    assert!(names.contains(&"Grafana"), "{names:?}");
    assert!(!names.contains(&"Mentoring"), "{names:?}");
    // Other dictionary words are not typos of skills either.
    for line in [
        "Security reviews",
        "Testing culture",
        "Scheduling and planning",
    ] {
        let p = parse_posting(
            &format!("## Requirements\n\n- {line}\n"),
            "md",
            "p.md",
            &tax,
        )
        .expect("posting");
        let fuzzy: Vec<_> = p
            .requirements
            .iter()
            .filter(|r| r.matched_by == skillfit::taxonomy::MatchKind::Fuzzy)
            .map(|r| r.skill.clone())
            .collect();
        assert!(fuzzy.is_empty(), "{line}: {fuzzy:?}");
    }
}

#[test]
fn ordinary_words_count_only_where_they_name_the_product() {
    let tax = Taxonomy::builtin().expect("built-in taxonomy");
    let names = |text: &str, listed: bool, technical: bool| -> Vec<String> {
        tax.find_in(&skillfit::text::nfkc(text), listed, technical)
            .iter()
            .map(|h| tax.skill(h.skill).name.clone())
            .collect()
    };
    // Running prose: the ordinary word is not the product, capitalised or not.
    assert!(names("We will go to the market in spring.", false, true).is_empty());
    assert!(names(
        "Salt and pepper to taste, then let the chef rest.",
        false,
        true
    )
    .is_empty());
    assert!(names(
        "The team flew to Phoenix and then to Salt Lake City.",
        false,
        false
    )
    .is_empty());
    assert!(names("Go ahead and book the Express train.", false, false).is_empty());
    // Named: a capital in a technical document, next to another skill, in Japanese, in a list.
    assert!(names("Our services are written in Go.", false, true).contains(&"Go".to_owned()));
    assert!(names("Our services are written in Go.", false, false).is_empty());
    assert!(
        names("Experience with Chef, Terraform and Ansible.", false, false)
            .contains(&"Chef".to_owned())
    );
    assert!(names("Go でバッチを実装しました。", false, true).contains(&"Go".to_owned()));
    assert!(names("Spring, Go", true, false).contains(&"Go".to_owned()));
}

#[test]
fn japanese_katakana_names_and_ordinary_words() {
    let tax = Taxonomy::builtin().expect("built-in taxonomy");
    let names = |text: &str, listed: bool, technical: bool| -> Vec<String> {
        tax.find_in(&skillfit::text::nfkc(text), listed, technical)
            .iter()
            .map(|h| tax.skill(h.skill).name.clone())
            .collect()
    };
    // Katakana and kanji forms from src/taxonomy/ja_aliases.tsv and skills.toml.
    let listed = names(
        "スキル：テラフォーム、ドッカー、クーベネティス、ジェンキンス、機械学習、テンソルフロー",
        true,
        true,
    );
    for skill in [
        "Terraform",
        "Docker",
        "Kubernetes",
        "Jenkins",
        "Machine Learning",
        "TensorFlow",
    ] {
        assert!(listed.contains(&skill.to_owned()), "{skill}: {listed:?}");
    }
    // A loanword that is an ordinary word (wordfreq's Japanese list, or the katakana of an
    // ordinary English name) counts only where it names the product.
    for key in [
        "パイソン",
        "スウィフト",
        "ジャンゴ",
        "エクセル",
        "スプリング",
    ] {
        assert!(tax.is_ambiguous_key(key), "{key} is an ordinary word");
    }
    assert!(!tax.is_ambiguous_key("テラフォーム"));
    assert!(names("動物園で大きなパイソンを見ました。", false, false).is_empty());
    assert!(names("映画のジャンゴとカフカの小説。", false, false).is_empty());
    // Forms inside ordinary words are no aliases at all (`スラック` in `スラックス`,
    // `ルビー` in `カルビー`, `ビュー` in `レビュー`).
    for form in ["スラック", "ルビー", "ビュー", "ゴー"] {
        assert!(tax.resolve(form).is_none(), "{form}");
    }
    assert!(names(
        "カルビーのチップスとスラックス、コードのレビュー。",
        true,
        true
    )
    .is_empty());
    // The new prose fixture does hold such words: raw matching finds them, the readers do not.
    let zoo =
        std::fs::read_to_string(root().join("tests/fixtures/prose/ja_weekend_zoo_and_shopping.md"))
            .expect("prose fixture");
    let raw: BTreeSet<String> = tax
        .find(&skillfit::text::nfkc(&zoo))
        .iter()
        .map(|h| tax.skill(h.skill).name.clone())
        .collect();
    for skill in ["Python", "Django", "Kafka", "Spring"] {
        assert!(raw.contains(skill), "{skill}: {raw:?}");
    }
}

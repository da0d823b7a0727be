//! Who a résumé is about, for report and chart titles: the name (and role) the résumé states
//! itself near its top. Looked for, in order: front matter `name:` (with `title:`/`role:`), a
//! `氏名: …` / `Name: …` line, then a first-level heading that is not a generic document title
//! (`# 職務経歴書`, `# Résumé`). Nothing is guessed: without one of these, `None`.

use crate::text::nfkc;

/// Lines looked at: a name is stated near the top or not at all.
const HEAD_LINES: usize = 40;
/// Longer values are sentences, not names.
const MAX_CHARS: usize = 60;

/// Words of a heading that names the document rather than the person.
const GENERIC: &[&str] = &[
    "職務経歴",
    "業務経歴",
    "経歴書",
    "履歴書",
    "スキルシート",
    "resume",
    "résumé",
    "curriculum vitae",
    "cv",
];

/// The person's name, with the role after ` — ` when the résumé states both.
pub fn headline(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().take(HEAD_LINES).collect();
    front_matter(&lines)
        .or_else(|| labelled(&lines))
        .or_else(|| heading(&lines))
}

fn front_matter(lines: &[&str]) -> Option<String> {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return None;
    }
    let mut name = None;
    let mut role = None;
    for line in &lines[1..] {
        let line = line.trim();
        if line == "---" || line == "..." {
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        match key.trim().to_lowercase().as_str() {
            "name" | "氏名" | "名前" => name = clean(value),
            "title" | "role" | "職種" => role = clean(value),
            _ => {}
        }
    }
    let name = name?;
    Some(match role {
        Some(r) => format!("{name} — {r}"),
        None => name,
    })
}

fn labelled(lines: &[&str]) -> Option<String> {
    for line in lines {
        let norm = nfkc(line);
        let t = norm
            .trim()
            .trim_start_matches(['-', '*', '+'])
            .trim()
            .replace("**", "");
        let Some((key, value)) = t.split_once(':') else {
            continue;
        };
        if matches!(
            key.trim().to_lowercase().as_str(),
            "氏名" | "名前" | "name" | "full name"
        ) {
            if let Some(v) = clean(value) {
                return Some(v);
            }
        }
    }
    None
}

fn heading(lines: &[&str]) -> Option<String> {
    let h1 = lines
        .iter()
        .find_map(|l| l.strip_prefix("# "))
        .map(str::trim)?;
    let lower = nfkc(h1).to_lowercase();
    let generic = GENERIC
        .iter()
        .any(|g| crate::text::contains_word(&lower, g));
    if generic || h1.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    clean(h1)
}

/// Trimmed, a trailing reading in parentheses dropped (`北川 湊（きたがわ みなと）`), Markdown
/// emphasis removed; `None` when empty or too long to be a name.
fn clean(value: &str) -> Option<String> {
    let mut v = value.trim().replace("**", "").replace('*', "");
    for (open, close) in [('（', '）'), ('(', ')')] {
        if v.ends_with(close) {
            if let Some(i) = v.rfind(open) {
                v.truncate(i);
            }
        }
    }
    let v = v.trim();
    if v.is_empty() || v.chars().count() > MAX_CHARS {
        return None;
    }
    Some(v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_front_matter_labels_and_headings() {
        assert_eq!(
            headline("---\nname: 東 里奈\ntitle: インフラエンジニア\n---\n# 職務経歴書\n")
                .as_deref(),
            Some("東 里奈 — インフラエンジニア")
        );
        assert_eq!(
            headline("# 業務経歴書\n\n## 基本情報\n\n- 氏名：西村 陽（にしむら よう）\n")
                .as_deref(),
            Some("西村 陽")
        );
        assert_eq!(
            headline("# Sam Okafor — Data Engineer\n\nsam@example.org\n").as_deref(),
            Some("Sam Okafor — Data Engineer")
        );
        assert_eq!(
            headline("- **Name**: Lee Moreno\n").as_deref(),
            Some("Lee Moreno")
        );
    }

    #[test]
    fn generic_titles_and_missing_names_give_nothing() {
        assert_eq!(headline("# 職務経歴書\n\n## 職務要約\n本文。\n"), None);
        assert_eq!(headline("# Resume\n\nExperience...\n"), None);
        assert_eq!(headline("# CV 2026\n"), None);
        assert_eq!(headline("Just a paragraph.\n"), None);
        assert_eq!(headline(""), None);
        let long = format!("# {}\n", "a".repeat(80));
        assert_eq!(headline(&long), None);
    }
}

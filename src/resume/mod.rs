//! Résumé (Markdown, Japanese or English) → sections, periods and skill mentions.
//!
//! Takes the document text and the taxonomy; gives a [`Resume`]: the section tree built from
//! headings (and dated `<summary>`s), each section's effective period, the companies and
//! projects, and every skill mention with the period it belongs to. [`tenure`] turns that into
//! a [`crate::profile::Profile`].
//! Guarantees (the rules of DESIGN.md "Résumé parsing"): a mention belongs to the innermost
//! dated unit (a dated table row or list line, else the nearest dated heading); a section
//! without a period inherits its parent's; an open end is clipped to the parent's end; periods
//! ending before they start are ignored with a warning naming the line; mentions in undated
//! sections carry no period; skills in undated skill sections are `listed`.

mod structure;
pub mod tenure;

use crate::doc::blocks;
use crate::period::{find_duration_months, find_period, End, Period};
use crate::taxonomy::{MatchKind, SkillId, Taxonomy};
use crate::text::{nfkc, squash_ws, LineIndex};

pub use structure::{Company, Project};

/// A warning tied to a line of the résumé.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// Heading text without its period and tech tags.
    pub title: String,
    pub level: u16,
    pub line: usize,
    pub parent: Option<usize>,
    /// The period written on this section (validated).
    pub own: Option<Period>,
    /// The period that applies inside it (own, clipped to the parent's; or inherited).
    pub span: Option<Period>,
    pub is_skill_section: bool,
    pub is_education: bool,
    pub from_summary: Option<usize>,
    /// Skills in `【 … 】` tags on the heading.
    pub tags: Vec<SkillId>,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub skill: SkillId,
    pub line: usize,
    /// The source line (as written, whitespace squashed).
    pub text: String,
    pub kind: MatchKind,
    pub similarity: f64,
    pub section: Option<usize>,
    pub span: Option<Period>,
    pub is_listed: bool,
}

/// A dated table row: the innermost unit for its mentions, and a project when it sits inside a
/// company.
#[derive(Debug, Clone)]
pub struct DatedRow {
    pub section: Option<usize>,
    pub title: String,
    pub period: Period,
    pub line: usize,
    pub skills: Vec<SkillId>,
}

/// A duration the person claims for a skill (`| Go | 3年 |`, `Go: 3年`).
#[derive(Debug, Clone)]
pub struct Claim {
    pub skill: SkillId,
    pub months: u32,
    pub line: usize,
}

/// An entry of a skill section the taxonomy does not know.
#[derive(Debug, Clone)]
pub struct UnknownTerm {
    pub term: String,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Resume {
    pub sections: Vec<Section>,
    pub mentions: Vec<Mention>,
    pub rows: Vec<DatedRow>,
    pub claims: Vec<Claim>,
    pub unknown_terms: Vec<UnknownTerm>,
    pub warnings: Vec<Warning>,
    pub companies: Vec<Company>,
    pub projects: Vec<Project>,
}

/// Heading words that mark a skill section (matched on the lowercase NFKC title).
const SKILL_SECTION_WORDS: &[&str] = &[
    "スキル",
    "技術スタック",
    "使用技術",
    "開発環境",
    "技術要素",
    "得意な技術",
    "skills",
    "skill set",
    "tech stack",
    "technologies",
    "technical skills",
    "toolbox",
];

/// Heading words that mark schooling: dated, but not an employer.
const EDUCATION_WORDS: &[&str] = &[
    "学歴",
    "大学",
    "高校",
    "高等学校",
    "専門学校",
    "大学院",
    "education",
    "university",
    "college",
    "school",
];

fn is_skill_title(title: &str) -> bool {
    let t = title.to_lowercase();
    SKILL_SECTION_WORDS.iter().any(|w| t.contains(w))
}

fn is_education_title(title: &str) -> bool {
    let t = title.to_lowercase();
    EDUCATION_WORDS.iter().any(|w| t.contains(w))
}

/// An open end is clipped to the enclosing period's end.
fn clip(child: Period, parent: Option<&Period>) -> Period {
    match (child.end, parent.map(|p| p.end)) {
        (End::Open, Some(End::At(m))) => Period {
            start: child.start,
            end: End::At(m),
        },
        _ => child,
    }
}

/// Remove `span` and tech tags from `norm`, and the brackets/separators they leave behind.
fn clean_title(norm: &str, span: Option<std::ops::Range<usize>>) -> String {
    let mut s = match span {
        Some(r) if r.end <= norm.len() => format!("{} {}", &norm[..r.start], &norm[r.end..]),
        _ => norm.to_owned(),
    };
    while let (Some(a), Some(b)) = (s.find('【'), s.find('】')) {
        if b < a {
            break;
        }
        s.replace_range(a..b + '】'.len_utf8(), " ");
    }
    let mut s = squash_ws(&s);
    for empty in ["()", "( )", "[]", "[ ]", "<>"] {
        s = s.replace(empty, "");
    }
    let trim: &[char] = &[
        ' ', '-', '–', '—', '|', ':', '：', ',', '、', '/', '(', '〜', '~',
    ];
    squash_ws(s.trim_matches(trim))
}

/// Byte ranges of `【 … 】` tags.
fn tag_ranges(norm: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(a) = norm[from..].find('【') {
        let a = from + a;
        let Some(b) = norm[a..].find('】') else {
            break;
        };
        out.push(a..a + b);
        from = a + b + '】'.len_utf8();
    }
    out
}

/// Open-end words that may fill a table cell on their own.
const OPEN_WORDS: &[&str] = &["現在", "現職", "在籍中", "present", "current", "now"];

/// A cell holding only (part of) a date: `2019`, `4`, `2019/04`, `4月`, `現在`.
fn is_date_cell(cell: &str) -> bool {
    let c = cell.trim();
    !c.is_empty()
        && (c
            .chars()
            .all(|ch| ch.is_ascii_digit() || "/.-~〜 年月日".contains(ch))
            || OPEN_WORDS.contains(&c.to_lowercase().as_str()))
}

/// A period spread over table columns, as one string the period parser reads:
/// `| 2019/04 | 2021/03 |` → `2019/04 - 2021/03`, `| 2019 | 4 | 2021 | 3 |` (year and month in
/// separate columns) → `2019/04 - 2021/03`.
fn columns_as_range(cells: &[String]) -> String {
    let year = |c: &str| {
        c.trim()
            .trim_end_matches('年')
            .parse::<u32>()
            .ok()
            .filter(|y| (1950..=2100).contains(y))
    };
    let month = |c: &str| {
        c.trim()
            .trim_end_matches('月')
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))
    };
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let c = cells[i].trim();
        match (year(c), cells.get(i + 1).and_then(|m| month(m))) {
            (Some(y), Some(m)) => {
                parts.push(format!("{y}/{m:02}"));
                i += 2;
            }
            _ => {
                parts.push(c.to_owned());
                i += 1;
            }
        }
    }
    parts.join(" - ")
}

struct Builder<'t> {
    tax: &'t Taxonomy,
    out: Resume,
    stack: Vec<usize>,
    details_depth: usize,
    pending_heading: Option<usize>,
    in_front_matter_skills: bool,
}

impl<'t> Builder<'t> {
    fn current(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    fn span_of(&self, section: Option<usize>) -> Option<Period> {
        section.and_then(|s| self.out.sections[s].span)
    }

    fn is_skill_here(&self) -> bool {
        self.current()
            .is_some_and(|s| self.out.sections[s].is_skill_section)
    }

    /// Validate a period found on `line`: ends before start → warning, ignored.
    fn validate(&mut self, found: crate::period::PeriodMatch, line: usize) -> Option<Period> {
        let reversed = matches!(found.period.end, End::At(e) if e < found.period.start);
        for w in found.warnings {
            if reversed && w.contains("is before start") {
                continue;
            }
            self.out.warnings.push(Warning {
                line: Some(line),
                message: w,
            });
        }
        if let End::At(end) = found.period.end {
            if end < found.period.start {
                self.out.warnings.push(Warning {
                    line: Some(line),
                    message: format!(
                        "period ends before it starts ({} – {}); ignored",
                        found.period.start, end
                    ),
                });
                return None;
            }
        }
        Some(found.period)
    }

    fn push_section(
        &mut self,
        title: String,
        level: u16,
        line: usize,
        from_summary: bool,
    ) -> usize {
        while let Some(&top) = self.stack.last() {
            if self.out.sections[top].level >= level {
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.current();
        let parent_skill = parent.is_some_and(|p| self.out.sections[p].is_skill_section);
        let parent_edu = parent.is_some_and(|p| self.out.sections[p].is_education);
        let idx = self.out.sections.len();
        self.out.sections.push(Section {
            is_skill_section: parent_skill || is_skill_title(&title),
            is_education: parent_edu || is_education_title(&title),
            title,
            level,
            line,
            parent,
            own: None,
            span: self.span_of(parent),
            from_summary: from_summary.then_some(self.details_depth),
            tags: Vec::new(),
        });
        self.stack.push(idx);
        idx
    }

    fn set_own_period(&mut self, idx: usize, period: Period) {
        let parent_span = self.out.sections[idx]
            .parent
            .and_then(|p| self.out.sections[p].span);
        let s = &mut self.out.sections[idx];
        s.own = Some(period);
        s.span = Some(clip(period, parent_span.as_ref()));
    }

    fn mention_all(
        &mut self,
        norm: &str,
        raw: &str,
        line: usize,
        span: Option<Period>,
        is_listed: bool,
    ) -> Vec<SkillId> {
        let hits = self.tax.find(norm);
        let text = squash_ws(raw);
        let section = self.current();
        let mut skills = Vec::with_capacity(hits.len());
        for h in hits {
            skills.push(h.skill);
            self.out.mentions.push(Mention {
                skill: h.skill,
                line,
                text: text.clone(),
                kind: h.kind,
                similarity: h.similarity,
                section,
                span,
                is_listed,
            });
        }
        skills
    }

    fn heading(&mut self, level: u8, raw: &str, line: usize) {
        let norm = nfkc(&blocks::strip_urls(raw));
        let found = find_period(&norm);
        let range = found.as_ref().map(|f| f.span.clone());
        let title = clean_title(&norm, range);
        let idx = self.push_section(title, u16::from(level) * 2, line, false);
        match found.and_then(|f| self.validate(f, line)) {
            Some(p) => self.set_own_period(idx, p),
            None => self.pending_heading = Some(idx),
        }
        let s = &self.out.sections[idx];
        let parent_is_skill = s
            .parent
            .is_some_and(|p| self.out.sections[p].is_skill_section);
        // Headings inside a skill section are category names, and the skill section's own
        // heading names no skill.
        if s.is_skill_section && (parent_is_skill || is_skill_title(&s.title)) {
            return;
        }
        let span = s.span;
        let tags = tag_ranges(&norm);
        let hits = self.tax.find(&norm);
        let text = squash_ws(raw);
        for h in hits {
            if tags.iter().any(|r| r.start <= h.start && h.end <= r.end) {
                let tags = &mut self.out.sections[idx].tags;
                if !tags.contains(&h.skill) {
                    tags.push(h.skill);
                }
            }
            self.out.mentions.push(Mention {
                skill: h.skill,
                line,
                text: text.clone(),
                kind: h.kind,
                similarity: h.similarity,
                section: Some(idx),
                span,
                is_listed: false,
            });
        }
    }

    fn line(&mut self, raw: &str, line: usize, is_item: bool) {
        let norm = nfkc(&blocks::strip_urls(raw));
        let pending = self.pending_heading.take();
        let section_span = self.span_of(self.current());
        let mut span = section_span;
        if let Some(found) = find_period(&norm) {
            if let Some(p) = self.validate(found, line) {
                match pending {
                    // The line under an undated heading dates that heading.
                    Some(h) if !is_item => {
                        self.set_own_period(h, p);
                        span = self.out.sections[h].span;
                    }
                    _ => span = Some(clip(p, section_span.as_ref())),
                }
            }
        }
        let is_skill = self.is_skill_here();
        let is_listed = is_skill && span.is_none();
        let skills = self.mention_all(&norm, raw, line, span, is_listed);
        if is_skill {
            self.skill_entries(&norm, line, &skills);
        }
    }

    fn row(&mut self, cells: &[String], is_header: bool, raw: &str, line: usize) {
        self.pending_heading = None;
        if is_header {
            return;
        }
        let norm_cells: Vec<String> = cells.iter().map(|c| nfkc(&blocks::strip_urls(c))).collect();
        let norm = norm_cells.join(" | ");
        let section_span = self.span_of(self.current());
        let mut span = section_span;
        let mut dated = None;
        let found = find_period(&norm).or_else(|| find_period(&columns_as_range(&norm_cells)));
        if let Some(found) = found {
            if let Some(p) = self.validate(found, line) {
                let p = clip(p, section_span.as_ref());
                span = Some(p);
                dated = Some(p);
            }
        }
        let is_skill = self.is_skill_here();
        let is_listed = is_skill && span.is_none();
        let skills = self.mention_all(&norm, raw, line, span, is_listed);
        if let Some(period) = dated {
            let title = norm_cells
                .iter()
                .filter(|c| !is_date_cell(c))
                .map(|c| match find_period(c) {
                    Some(f) => clean_title(c, Some(f.span)),
                    None => clean_title(c, None),
                })
                .find(|c| !c.is_empty())
                .unwrap_or_default();
            let mut uniq = Vec::new();
            for s in skills.iter().copied() {
                if !uniq.contains(&s) {
                    uniq.push(s);
                }
            }
            self.out.rows.push(DatedRow {
                section: self.current(),
                title,
                period,
                line,
                skills: uniq,
            });
        }
        if is_skill {
            // A row is one entry: `| 言語 | Go | 3年 |`.
            let entry_hits: Vec<SkillId> = skills;
            let duration = norm_cells.iter().find_map(|c| find_duration_months(c));
            if let (1, Some(months)) = (entry_hits.len(), duration) {
                self.out.claims.push(Claim {
                    skill: entry_hits[0],
                    months,
                    line,
                });
            }
        }
    }

    /// Claims and unknown entries of one line of a skill section.
    fn skill_entries(&mut self, norm: &str, line: usize, line_skills: &[SkillId]) {
        // `Languages: Go, Python` — the label is not an entry.
        let body = match norm.split_once([':', '：']) {
            Some((label, rest)) if label.chars().count() <= 24 && !rest.trim().is_empty() => rest,
            _ => norm,
        };
        let entries: Vec<&str> = body
            .split(['|', ',', '、', ';', '，'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        let mut claimed = false;
        for entry in &entries {
            let hits = self.tax.find(entry);
            let duration = find_duration_months(entry);
            if hits.is_empty() {
                let bare =
                    entry.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
                let is_term = !bare.is_empty()
                    && duration.is_none()
                    && bare.chars().count() <= 32
                    && bare.split_whitespace().count() <= 4
                    && !bare.chars().all(|c| c.is_ascii_digit())
                    && !bare.ends_with('。');
                // Only report entries of a line that also names known skills (a list of
                // skills), not free prose.
                if is_term && !line_skills.is_empty() {
                    self.out.unknown_terms.push(UnknownTerm {
                        term: bare.to_owned(),
                        line,
                    });
                }
                continue;
            }
            if let (1, Some(months)) = (hits.len(), duration) {
                claimed = true;
                self.out.claims.push(Claim {
                    skill: hits[0].skill,
                    months,
                    line,
                });
            }
        }
        if !claimed {
            if let (1, Some(months)) = (line_skills.len(), find_duration_months(norm)) {
                self.out.claims.push(Claim {
                    skill: line_skills[0],
                    months,
                    line,
                });
            }
        }
    }

    fn summary(&mut self, raw: &str, line: usize) {
        let norm = nfkc(&blocks::strip_urls(raw));
        match find_period(&norm).and_then(|f| {
            let span = f.span.clone();
            self.validate(f, line).map(|p| (p, span))
        }) {
            Some((period, range)) => {
                // A dated <summary> opens a section one step below the current heading; it
                // closes with its </details>.
                let level = self.current().map_or(1, |s| self.out.sections[s].level + 1);
                let title = clean_title(&norm, Some(range));
                let idx = self.push_section(title, level, line, true);
                self.set_own_period(idx, period);
                let span = self.out.sections[idx].span;
                self.mention_all(&norm, raw, line, span, false);
            }
            None => self.line(raw, line, false),
        }
    }

    fn details_close(&mut self) {
        while let Some(&top) = self.stack.last() {
            if self.out.sections[top].from_summary == Some(self.details_depth) {
                self.stack.pop();
            } else {
                break;
            }
        }
        self.details_depth = self.details_depth.saturating_sub(1);
    }

    /// `skills: [Go, AWS]` / `skills:` + `- Go` lines in YAML (or `skills = [...]` in TOML)
    /// front matter: listed skills.
    fn front_matter(&mut self, raw: &str, line: usize) {
        let norm = nfkc(raw);
        let trimmed = norm.trim_start();
        let is_key = |s: &str| {
            let key = s
                .split([':', '='])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase();
            matches!(
                key.as_str(),
                "skills" | "skill" | "スキル" | "技術" | "tech" | "stack"
            )
        };
        let indented = norm.starts_with([' ', '\t']) || trimmed.starts_with('-');
        if !indented {
            self.in_front_matter_skills = false;
            if is_key(trimmed) && trimmed.contains([':', '=']) {
                self.in_front_matter_skills = true;
                let value = trimmed.split_once([':', '=']).map_or("", |(_, v)| v);
                if !value.trim().is_empty() {
                    self.mention_all(value, raw, line, None, true);
                }
            }
            return;
        }
        if self.in_front_matter_skills {
            self.mention_all(trimmed, raw, line, None, true);
        }
    }
}

/// Parse résumé `text`.
pub fn parse_resume(text: &str, tax: &Taxonomy) -> Resume {
    let lines = LineIndex::new(text);
    let mut b = Builder {
        tax,
        out: Resume::default(),
        stack: Vec::new(),
        details_depth: 0,
        pending_heading: None,
        in_front_matter_skills: false,
    };
    for block in blocks::blocks(text, &lines) {
        match &block.kind {
            blocks::BlockKind::Heading(level) => b.heading(*level, &block.text, block.line),
            blocks::BlockKind::Line { is_item } => b.line(&block.text, block.line, *is_item),
            blocks::BlockKind::Row { is_header, cells } => {
                b.row(cells, *is_header, &block.text, block.line)
            }
            blocks::BlockKind::Summary => b.summary(&block.text, block.line),
            blocks::BlockKind::DetailsOpen => b.details_depth += 1,
            blocks::BlockKind::DetailsClose => b.details_close(),
            blocks::BlockKind::FrontMatter => b.front_matter(&block.text, block.line),
        }
    }
    let mut out = b.out;
    structure::classify(&mut out, tax);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Month;

    fn tax() -> Taxonomy {
        Taxonomy::builtin().unwrap()
    }

    #[test]
    fn title_cleanup() {
        let t = nfkc("案件名 【 AWS / Go 】 (2022年02月 〜 2022年08月)");
        let f = find_period(&t).unwrap();
        assert_eq!(clean_title(&t, Some(f.span)), "案件名");
        let t = nfkc("株式会社OKAN （2021年09月 〜 ）");
        let f = find_period(&t).unwrap();
        assert_eq!(clean_title(&t, Some(f.span)), "株式会社OKAN");
    }

    #[test]
    fn child_inherits_and_open_end_is_clipped() {
        let doc = "## 職歴\n### 株式会社A (2020年04月 〜 2021年08月)\n#### 案件X (2021年01月 〜 )\n- Go を使用\n#### 案件Y\n- Python\n";
        let r = parse_resume(doc, &tax());
        let x = r.sections.iter().find(|s| s.title == "案件X").unwrap();
        assert_eq!(x.span.unwrap().end, End::At(Month::new(2021, 8).unwrap()));
        let y = r.sections.iter().find(|s| s.title == "案件Y").unwrap();
        assert_eq!(y.span.unwrap().start, Month::new(2020, 4).unwrap());
    }

    #[test]
    fn end_before_start_is_ignored_with_a_warning() {
        let doc = "### 株式会社逆転 (2021年08月 〜 2020年04月)\n- Go\n";
        let r = parse_resume(doc, &tax());
        assert!(r
            .warnings
            .iter()
            .any(|w| w.line == Some(1) && w.message.contains("ends before")));
        assert!(r.mentions.iter().all(|m| m.span.is_none()));
    }

    #[test]
    fn period_on_the_line_under_a_heading() {
        let doc = "## Experience\n### Globex LLC\n*Apr 2020 – Aug 2021*\n\n- Built Go services\n";
        let r = parse_resume(doc, &tax());
        let s = r.sections.iter().find(|s| s.title == "Globex LLC").unwrap();
        assert_eq!(s.own.unwrap().start, Month::new(2020, 4).unwrap());
        assert_eq!(r.companies.len(), 1);
    }

    #[test]
    fn dated_summary_opens_a_section() {
        let doc = "## 職歴\n\n<details><summary>2022 ~ 現在：SRE @ 株式会社ミライ</summary>\n\n- Terraform を導入\n\n</details>\n\n## 自己PR\n\n- Go\n";
        let r = parse_resume(doc, &tax());
        assert_eq!(r.companies.len(), 1, "{:?}", r.companies);
        assert_eq!(r.companies[0].name, "株式会社ミライ");
        let tf = tax().resolve("Terraform").unwrap();
        assert!(r.mentions.iter().any(|m| m.skill == tf && m.span.is_some()));
        let go = tax().resolve("Go").unwrap();
        assert!(r.mentions.iter().any(|m| m.skill == go && m.span.is_none()));
    }

    #[test]
    fn periods_split_over_table_columns() {
        let doc = "## 職務経歴\n### 株式会社カゼ (2019年04月 〜 2023年03月)\n\n| 開始 | 終了 | 案件 | 技術 |\n|---|---|---|---|\n| 2019/04 | 2021/03 | 決済基盤 | Go |\n| 2021/04 | 現在 | 分析基盤 | Python |\n\n| 年 | 月 | 年 | 月 | 内容 |\n|---|---|---|---|---|\n| 2020 | 4 | 2020 | 9 | 社内ツール (Ruby) |\n| 2021 | 1 | 資格取得 | | |\n";
        let r = parse_resume(doc, &tax());
        let m = |y, mo| Month::new(y, mo).unwrap();
        let titles: Vec<(&str, Period)> = r
            .projects
            .iter()
            .map(|p| (p.title.as_str(), p.period))
            .collect();
        assert_eq!(
            titles[0],
            (
                "決済基盤",
                Period {
                    start: m(2019, 4),
                    end: End::At(m(2021, 3))
                }
            )
        );
        assert_eq!(
            titles[1],
            (
                "分析基盤",
                Period {
                    start: m(2021, 4),
                    end: End::At(m(2023, 3))
                }
            ),
            "open end clipped"
        );
        assert_eq!(
            titles[2].1,
            Period {
                start: m(2020, 4),
                end: End::At(m(2020, 9))
            }
        );
        assert_eq!(titles.len(), 3, "a lone date is not a period: {titles:?}");
        assert!(!is_date_cell("決済基盤") && is_date_cell("2019/04") && is_date_cell("現在"));
    }

    #[test]
    fn skill_tables_claims_and_unknown_terms() {
        let doc = "## スキル\n\n| 言語 | 経験年数 |\n|---|---|\n| Go | 3年 |\n\nPython: 2年\n\nGo | Zorblatt | Ruby |\n";
        let r = parse_resume(doc, &tax());
        let go = tax().resolve("Go").unwrap();
        let py = tax().resolve("Python").unwrap();
        assert!(r.claims.iter().any(|c| c.skill == go && c.months == 36));
        assert!(r.claims.iter().any(|c| c.skill == py && c.months == 24));
        assert!(r.unknown_terms.iter().any(|u| u.term == "Zorblatt"));
        assert!(r.mentions.iter().all(|m| m.is_listed));
    }
}

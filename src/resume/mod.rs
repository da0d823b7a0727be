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

pub mod json;
pub mod person;
mod structure;
pub mod tenure;

use crate::doc::blocks;
use std::collections::HashMap;

use crate::period::{find_duration_months, find_impossible_date, find_period, End, Month, Period};
use crate::taxonomy::{FastSet, MatchKind, SkillId, Taxonomy};
use crate::text::{squash_ws, LineIndex};

/// NFKC, and `C#.NET` / `F#.NET` written apart (`C# .NET`): the language and the platform are
/// two skills, and the language's name must end at a word boundary to be found.
fn nfkc(s: &str) -> String {
    let t = crate::text::nfkc(s);
    if t.contains("#.") {
        t.replace("#.NET", "# .NET").replace("#.net", "# .net")
    } else {
        t
    }
}

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
    /// Talks, publications, certifications, personal projects…: dated, never an employer.
    pub is_other: bool,
    /// A section label that holds a career (`職務経歴`, `Experience`): not an employer itself.
    pub is_career: bool,
    /// The period was derived from the dated units inside it (no period written on it).
    pub derived: bool,
    /// The period's open end is written as a word (`– Present`, `〜現在`), not left blank
    /// (`2018年4月〜`): the person says the work goes on, even beside a later job.
    pub open_stated: bool,
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
    /// The span comes from a period on the mention's own line (or row), not from its section.
    pub from_line: bool,
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
    /// A table row (else a dated list item or paragraph line).
    pub is_row: bool,
    /// The employer named in the row's company column (`| 会社 | 期間 |`), or the row above's
    /// when the cell is empty.
    pub org: Option<String>,
    /// The open end is written as a word (`– Present`), see [`Section::open_stated`].
    pub open_stated: bool,
    /// List nesting depth of a dated list item (0 for a table row or a line outside lists).
    pub depth: u8,
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
    "technical experience",
    "technical expertise",
    "technical stack",
    "technology stack",
    "toolbox",
];

/// Heading words that mark schooling: dated, but not an employer.
const EDUCATION_WORDS: &[&str] = &["学歴", "education"];

/// Words of a school's name: schooling, except where the heading sits in a career section (a
/// university's IT department is an employer).
const SCHOOL_WORDS: &[&str] = &[
    "大学",
    "高校",
    "高等学校",
    "専門学校",
    "大学院",
    "university",
    "college",
    "school",
];

/// Heading words of dated sections that are never employment: talks, writing, certificates,
/// awards, personal and open-source work.
const OTHER_WORDS: &[&str] = &[
    "資格",
    "免許",
    "登壇",
    "講演",
    "発表",
    "執筆",
    "著書",
    "受賞",
    "個人開発",
    "業務外",
    "趣味",
    "その他の活動",
    "課外活動",
    "社外活動",
    "社内活動",
    "社内貢献",
    "oss",
    "talks",
    "speaking",
    "presentations",
    "publications",
    "certifications",
    "certificates",
    "licenses",
    "awards",
    "side projects",
    "personal projects",
    "open source",
    "hobby",
    "volunteer work",
    "other activities",
    "extracurricular",
];

/// Section labels that hold a career; a heading is one when it is little more than the label
/// (`職務経歴`, `職務経歴(現職)`, `Professional Experience`), not a company that contains it.
const CAREER_WORDS: &[&str] = &[
    "職務経歴",
    "職歴",
    "経歴",
    "略歴",
    "業務経歴",
    "職務内容",
    "キャリア",
    "実務経験",
    "プロジェクト経歴",
    "経験",
    "experience",
    "work history",
    "employment",
    "career",
    "resume",
    "résumé",
    "cv",
    "curriculum vitae",
    "positions",
];

fn is_other_title(title: &str) -> bool {
    let t = title.to_lowercase();
    OTHER_WORDS.iter().any(|w| t.contains(w))
}

/// Inside a career, a heading is a label of other activities only when it is little more than
/// the label (`### OSS活動`, `### Open source contributions`): a role heading that happens to
/// name one (`### UDE - Open Source Undergraduate Degree Associate Professor`) is a job.
fn is_other_label(title: &str) -> bool {
    let t = title.to_lowercase();
    let letters = t.chars().filter(|c| c.is_alphanumeric()).count();
    OTHER_WORDS
        .iter()
        .any(|w| t.contains(w) && letters <= w.chars().filter(|c| c.is_alphanumeric()).count() + 14)
}

fn is_career_title(title: &str) -> bool {
    // `Technical Experience`: the experience of a kind of skill, not a career.
    if structure::names_org(title) || is_skill_title(title) {
        return false;
    }
    let t = title.to_lowercase();
    let letters = t.chars().filter(|c| c.is_alphanumeric()).count();
    CAREER_WORDS
        .iter()
        .any(|w| t.contains(w) && letters <= w.chars().filter(|c| c.is_alphanumeric()).count() + 14)
}

/// How many lines set one under another a bare period below them takes its name from.
const MAX_LINES_ABOVE: usize = 3;

/// The period a table's header cell holds when the cell is a date range and nothing else
/// (`| 2023年4月 ~ 2023年6月 | 開発環境 |`), not a column name.
fn header_period(cells: &[String]) -> Option<crate::period::PeriodMatch> {
    cells.iter().find_map(|c| {
        let c = nfkc(c);
        let found = find_period(&c)?;
        let rest = format!("{}{}", &c[..found.span.start], &c[found.span.end..]);
        rest.chars()
            .all(|ch| !ch.is_alphanumeric())
            .then_some(found)
    })
}

/// Words that label a list of technologies: `使用技術: …`, `【言語】…`, `**Stack:** …`,
/// `| 開発環境 |`.
const SKILL_LABEL_WORDS: &[&str] = &[
    "使用技術",
    "利用技術",
    "技術スタック",
    "技術要素",
    "主な技術",
    "技術",
    "開発環境",
    "環境",
    "言語",
    "フレームワーク",
    "ライブラリ",
    "ツール",
    "データベース",
    "インフラ",
    "クラウド",
    "ミドルウェア",
    "サーバ",
    "os",
    "db",
    "stack",
    "tech",
    "technologies",
    "technology",
    "tools",
    "tooling",
    "languages",
    "language",
    "frameworks",
    "framework",
    "libraries",
    "databases",
    "database",
    "infrastructure",
    "platforms",
    "cloud",
    "skills",
    "environment",
];

/// Is `s` (a label, a heading cell, or a whole line that is only a label) a skill-list label?
fn names_skill_label(s: &str) -> bool {
    let t = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if t.is_empty() {
        return false;
    }
    // `Software automation tools`: a longer label of a few words ends with a plural label
    // word (a `MERN technology stack: …` sentence names a stack, it does not list one).
    if t.chars().count() > 20 {
        const PLURALS: &[&str] = &[
            "tools",
            "technologies",
            "languages",
            "frameworks",
            "libraries",
            "databases",
            "platforms",
        ];
        return t.chars().count() <= 32
            && t.split_whitespace().count() <= 4
            && t.split_whitespace()
                .next_back()
                .is_some_and(|w| PLURALS.contains(&w));
    }
    SKILL_LABEL_WORDS
        .iter()
        .any(|w| crate::text::contains_word(&t, w))
}

/// `使用技術: Go, AWS`, `Technologies: Python3.5, Django2.0`: a skill-list label, a colon and
/// entries, and no period (a dated line is a unit, whatever it lists).
fn is_labelled_list(norm: &str) -> bool {
    let t = norm.trim();
    t.split_once([':', '：']).is_some_and(|(label, value)| {
        !value.trim().is_empty() && names_skill_label(&label.replace(['*', '_'], ""))
    }) && find_period(t).is_none()
}

/// Is this line a list of skills wherever it stands? `使用技術: Go, AWS`, `【言語】Java / Ruby`,
/// `**Stack:** Rails, React`, `Languages: Java, Ruby`, or an enumeration whose entries are
/// mostly known skills (`Terraform / Ansible / Docker`).
fn is_skill_line(norm: &str, tax: &Taxonomy) -> bool {
    let t = norm
        .trim()
        .trim_start_matches(['-', '*', '・', '●', '■', ' ']);
    let labelled = if let Some(rest) = t.strip_prefix('【') {
        rest.split_once('】')
    } else {
        t.split_once([':', '：'])
    };
    if let Some((label, value)) = labelled {
        let label = label.replace(['*', '_'], "");
        if !value.trim().is_empty() && names_skill_label(&label) {
            return true;
        }
        // `チャット：Chatwork`, `情報共有：Confluence, Notion`: a short label over nothing but
        // skill names.
        let names: Vec<&str> = value
            .split([',', '、', '/', '／', '・', '，'])
            .map(|e| e.trim().trim_end_matches(['等', '他']).trim())
            .filter(|e| !e.is_empty())
            .collect();
        if label.chars().count() <= 12
            && !value.trim_end().ends_with('。')
            && !names.is_empty()
            && names.iter().all(|e| bare_skill_item(e, tax))
        {
            return true;
        }
        // `Azure: VM / Functions / Storage`: a platform followed by an enumeration.
        let enumerates = value.matches(['/', '／', ',', '、']).count() >= 2;
        if enumerates && label.chars().count() <= 20 && tax.resolve(label.trim()).is_some() {
            return true;
        }
    }
    // An enumeration of mostly known skills.
    let entries: Vec<&str> = t
        .split([',', '、', '/', '／', '|', '・', '，'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    if entries.len() < 3 || t.ends_with('。') {
        return false;
    }
    // An entry counts when it is a skill name (`PHP 7.4`, `AWS(EC2)`), not a phrase that
    // mentions one (`GraphQL のエラーハンドリング設計`).
    let known = entries
        .iter()
        .filter(|e| bare_skill_item(e, tax) || (e.chars().count() <= 16 && !tax.find(e).is_empty()))
        .count();
    known * 3 >= entries.len() * 2 && entries.iter().all(|e| e.chars().count() <= 40)
}

/// Pieces of a skill-list entry split at `/` and `・`, except inside a known name.
fn split_outside<'a>(entry: &'a str, hits: &[crate::taxonomy::Hit]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    // Hits come in text order (the automaton scans left to right); one pointer walks them, so
    // a line of a million separators and hits is read once.
    let mut ends: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    ends.sort_unstable();
    let (mut k, mut reach) = (0, 0);
    for (i, c) in entry.char_indices() {
        while k < ends.len() && ends[k].0 < i {
            reach = reach.max(ends[k].1);
            k += 1;
        }
        if matches!(c, '/' | '・') && reach <= i {
            out.push(&entry[from..i]);
            from = i + c.len_utf8();
        }
    }
    out.push(&entry[from..]);
    out
}

/// An entry as a term: parenthesised remarks (`Rust(CLI / ログ解析)`), trailing `等` / `etc`,
/// list markers and emphasis removed.
fn clean_term(piece: &str) -> String {
    let mut t = String::with_capacity(piece.len());
    let mut depth = 0usize;
    for c in piece.chars() {
        match c {
            '(' | '[' | '「' | '【' => depth += 1,
            ')' | ']' | '」' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => t.push(c),
            _ => {}
        }
    }
    let mut t = t
        .trim_matches(|c: char| {
            c.is_ascii_punctuation() && c != '#' && c != '+' || c.is_whitespace()
        })
        .to_owned();
    // `.NET MVC`: a name that starts with a dot keeps it.
    let trimmed = piece.trim_start_matches(|c: char| c.is_whitespace() || "-*・".contains(c));
    if trimmed.starts_with('.')
        && trimmed[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        && trimmed[1..].starts_with(t.as_str())
    {
        t.insert(0, '.');
    }
    for suffix in [
        "など", "等", "etc", "ほか", "実装", "開発", "設計", "構築", "運用", "連携", "導入",
    ] {
        if let Some(x) = t.strip_suffix(suffix) {
            t = x.trim_end_matches([' ', '.']).to_owned();
        }
    }
    // A particle left by a phrase (`Formatter の導入` → `Formatter`).
    if t.chars().any(|c| c.is_ascii_alphabetic()) {
        t = t
            .trim_end_matches(['の', 'を', 'は', 'や', 'と', 'で', ' '])
            .to_owned();
    }
    // A version written after the name (`Oracle 12c`, `SPREAD 2.5`, `IE 10`, `Vue v3`) is not
    // part of it.
    while let Some((name, last)) = t.rsplit_once(' ') {
        if !is_version(last) || name.trim().is_empty() {
            break;
        }
        t = name.trim_end().to_owned();
    }
    if is_only_label(&t) {
        return String::new();
    }
    t
}

/// A skill-list label and nothing else (`Tools`, `Cloud / Infrastructure`, `開発環境`), as
/// opposed to a name with a label word in it (`Cloud Messaging`, `Stack Overflow`).
fn is_only_label(t: &str) -> bool {
    if !t.is_ascii() {
        return names_skill_label(t);
    }
    const FILLER: &[&str] = &[
        "and",
        "other",
        "others",
        "main",
        "misc",
        "etc",
        "dev",
        "development",
        "used",
        "key",
        "core",
        "technical",
        "my",
    ];
    let lower = t.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| SKILL_LABEL_WORDS.contains(&w) || FILLER.contains(&w))
}

/// `Go1.21`, `Django2.0`: the name before a version glued to it (digits and dots after a
/// letter), when there is one of two letters or more.
fn glued_version_name(term: &str) -> Option<&str> {
    let name = term.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let version = &term[name.len()..];
    (version.starts_with(|c: char| c.is_ascii_digit())
        && name.ends_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .then_some(name)
}

/// A version number as a word of its own: `12`, `2.5`, `12c`, `12J`, `v3`, `3.x`.
fn is_version(word: &str) -> bool {
    let w = word.strip_prefix(['v', 'V']).unwrap_or(word);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = w.len() - digits.len();
    // A year (`Apr 2018`) is a date, not a version.
    let is_year = digits.len() == 4 && !digits.contains('.') && suffix == 0;
    !digits.is_empty()
        && !is_year
        && suffix <= 1
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'x')
}

/// Words that may stand before a known name without making a name of their own
/// (`Amazon Aurora`, `Google Chrome`, `Apache Kafka`).
const VENDOR_WORDS: &[&str] = &[
    "amazon",
    "aws",
    "google",
    "gcp",
    "microsoft",
    "ms",
    "azure",
    "apache",
    "oracle",
    "ibm",
    "the",
    "and",
    "or",
    "with",
    "on",
    "in",
    "for",
    "of",
    "basic",
    "basics",
    "advanced",
    "intermediate",
    "beginner",
    "expert",
    "senior",
    "junior",
    "lead",
    "principal",
    "staff",
    "certified",
    "associate",
    "professional",
    "silver",
    "gold",
    "bronze",
    "platinum",
    "lts",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "using",
    "via",
    "including",
    "experience",
    "knowledge",
];

/// A skill-list entry that is a known name qualified by a capitalised word the taxonomy does not
/// know (`Django Signals`, `Lambda Layers`, `Sybase ASE`, `Apache Zeppelin`): the whole entry
/// is the person's term; the known name alone is kept as well. `None` when the known names
/// cover the entry, or the extra words are ordinary lower-case words (`Jest testing`), vendor
/// names (`Amazon Aurora`) or versions.
pub(super) fn qualified_term(piece: &str, tax: &Taxonomy) -> Option<String> {
    let bare = clean_term(piece);
    // A Latin name (a Japanese word makes it a description: `Flutter Tokyo での登壇`), not
    // starting with a number (`07 Java Silver`) nor holding a date.
    if !bare.is_ascii()
        || bare.contains(['&', '+', '='])
        || bare.starts_with(|c: char| c.is_ascii_digit())
        || find_period(&bare).is_some()
        || bare.chars().count() > 32
        || bare.split_whitespace().count() > 4
        || !looks_like_term(&bare)
        || is_placeholder_or_code(&bare)
        || tax.resolve(&bare).is_some()
    {
        return None;
    }
    let hits = tax.find(&bare);
    if hits.is_empty() {
        return None;
    }
    let mut rest = String::with_capacity(bare.len());
    let mut from = 0;
    for h in &hits {
        if h.start >= from {
            rest.push_str(&bare[from..h.start]);
            rest.push(' ');
            from = h.end;
        }
    }
    rest.push_str(&bare[from..]);
    let names_more = rest
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .any(|w| {
            w.chars().count() >= 2
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphanumeric())
                && !is_version(w)
                && !VENDOR_WORDS.contains(&w.to_lowercase().as_str())
                && !is_spoken(&w.to_lowercase())
        });
    names_more.then_some(bare)
}

/// `JPA (Hibernate)`: the name before a parenthesis when the taxonomy does not know it but
/// knows what the parenthesis holds (and nothing outside it): a Latin name that is not an
/// English word, a vendor or a version.
fn unknown_head(piece: &str, tax: &Taxonomy) -> Option<String> {
    let open = piece.find(['(', '（'])?;
    let head = piece[..open].trim();
    let tail = piece[open..].trim_end();
    if !tail.ends_with([')', '）']) || tail[1..].contains(['(', '（']) {
        return None;
    }
    let bare = clean_term(head);
    let lower = bare.to_lowercase();
    let is_name = bare.is_ascii()
        && !bare.is_empty()
        && bare.split_whitespace().count() <= 3
        && looks_like_term(&bare)
        && !is_placeholder_or_code(&bare)
        && !lower.split_whitespace().any(|w| {
            crate::taxonomy::is_dictionary_word(w)
                || VENDOR_WORDS.contains(&w)
                || is_spoken(w)
                || is_version(w)
        });
    (is_name && tax.find(&bare).is_empty() && !tax.find(tail).is_empty()).then_some(bare)
}

/// The texts of a source line made only of code spans (`` `go` `c++` `aws lambda` ``, two or
/// more, separated by spaces, commas or middle dots); `None` for any other line.
fn code_tags(src: &str) -> Option<Vec<String>> {
    let src = src.trim_start_matches(['-', '*', '+', ' ']).trim();
    let mut tags = Vec::new();
    let mut rest = src;
    while !rest.is_empty() {
        let r = rest.trim_start_matches(|c: char| c.is_whitespace() || ",、・|".contains(c));
        if r.is_empty() {
            break;
        }
        let inner = r.strip_prefix('`')?;
        let end = inner.find('`')?;
        let tag = inner[..end].trim();
        if tag.is_empty() || tag.chars().count() > 40 {
            return None;
        }
        tags.push(tag.to_owned());
        rest = &inner[end + 1..];
    }
    (tags.len() >= 2).then_some(tags)
}

/// A line about a spoken language: its words are language names and levels only, one of them
/// a language (`German - Fluent`, `English (Business level)`, `日本語：ネイティブ`).
fn is_spoken_line(norm: &str) -> bool {
    const JA: &[&str] = &[
        "日本語",
        "英語",
        "中国語",
        "韓国語",
        "ドイツ語",
        "フランス語",
        "スペイン語",
        "ネイティブ",
        "ビジネスレベル",
        "日常会話レベル",
        "日常会話",
        "ビジネス",
        "レベル",
        "母語",
        "堪能",
    ];
    let lower = norm.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let is_level = |w: &str| {
        is_spoken(w)
            || JA.contains(&w)
            || ["level", "speaker", "language", "languages", "spoken"].contains(&w)
    };
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| is_level(w))
        && words
            .iter()
            .any(|w| LANGUAGES.contains(w) || ["日本語", "英語", "中国語", "韓国語"].contains(w))
}

/// A line of personal details (`Location: Russia, Saint-Petersburg`, `Github: […](…)`,
/// `国籍：日本`): its label says what it is, and its values are never skills the person lists.
fn is_personal_line(norm: &str) -> bool {
    const LABELS: &[&str] = &[
        "location",
        "address",
        "email",
        "e-mail",
        "mail",
        "phone",
        "tel",
        "mobile",
        "skype",
        "telegram",
        "github",
        "gitlab",
        "linkedin",
        "twitter",
        "website",
        "homepage",
        "blog",
        "nationality",
        "citizenship",
        "permission to work",
        "work permit",
        "visa",
        "date of birth",
        "birthday",
        "born",
        "age",
        "gender",
        "recommendations",
        "住所",
        "現住所",
        "所在地",
        "居住地",
        "国籍",
        "生年月日",
        "年齢",
        "性別",
        "連絡先",
        "メール",
        "メールアドレス",
        "電話",
        "電話番号",
    ];
    let t = norm.trim().trim_start_matches(['-', '*', '+', '・', ' ']);
    let Some((label, value)) = t.split_once([':', '：']) else {
        return false;
    };
    let label = label.replace(['*', '_'], "").trim().to_lowercase();
    !value.trim().is_empty() && LABELS.contains(&label.as_str())
}

/// A line of contact links (`GitHub | Email | LinkedIn | More Links`, `Blog · Twitter`): two
/// or more entries, each a contact word or an address; it lists no skills.
fn is_contact_line(norm: &str) -> bool {
    const WORDS: &[&str] = &[
        "github",
        "gitlab",
        "linkedin",
        "email",
        "e-mail",
        "mail",
        "twitter",
        "x",
        "website",
        "homepage",
        "home page",
        "blog",
        "portfolio",
        "phone",
        "telegram",
        "skype",
        "resume",
        "cv",
        "more links",
        "links",
        "zenn",
        "qiita",
        "note",
        "speaker deck",
        "speakerdeck",
    ];
    let entries: Vec<String> = norm
        .split(['|', '·', '•', '/', ','])
        .map(|e| {
            e.trim()
                .trim_start_matches(['-', '*', '+'])
                .trim()
                .to_lowercase()
        })
        .filter(|e| !e.is_empty())
        .collect();
    entries.len() >= 2
        && entries.iter().all(|e| {
            WORDS.contains(&e.as_str())
                || (e.contains('@') && !e.contains(' '))
                || e.starts_with("http")
        })
}

/// Natural languages: listed under "言語" / "Languages", never a skill.
const LANGUAGES: &[&str] = &[
    "english",
    "dutch",
    "italian",
    "portuguese",
    "russian",
    "japanese",
    "chinese",
    "mandarin",
    "cantonese",
    "korean",
    "french",
    "german",
    "spanish",
    "catalan",
    "basque",
    "galician",
    "polish",
    "czech",
    "slovak",
    "hungarian",
    "romanian",
    "bulgarian",
    "ukrainian",
    "greek",
    "turkish",
    "arabic",
    "hebrew",
    "persian",
    "hindi",
    "bengali",
    "urdu",
    "tamil",
    "thai",
    "vietnamese",
    "indonesian",
    "malay",
    "tagalog",
    "filipino",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "icelandic",
    "estonian",
    "latvian",
    "lithuanian",
    "serbian",
    "croatian",
    "slovenian",
];

/// Proficiency words said of a natural language.
const LEVELS: &[&str] = &[
    "native",
    "fluent",
    "business",
    "conversational",
    "business level",
    "advanced",
    "intermediate",
    "beginner",
    "expert",
    "proficient",
    "familiar",
    "basic",
    "toeic",
    "toefl",
    "ielts",
    "jlpt",
    "hsk",
    "topik",
    "n1",
    "n2",
    "n3",
    "n4",
    "n5",
    "a1",
    "a2",
    "b1",
    "b2",
    "c1",
    "c2",
];

/// A natural language or a proficiency word (lower case): never a skill.
fn is_spoken(w: &str) -> bool {
    LANGUAGES.contains(&w) || LEVELS.contains(&w)
}

/// Is this item only skill names (`Kinesis Firehose`, `S3 / Athena`)? The known names cover
/// most of its letters.
fn bare_skill_item(norm: &str, tax: &Taxonomy) -> bool {
    let t = norm.trim();
    if t.chars().count() > 40 || t.ends_with(['。', '.']) {
        return false;
    }
    let hits = tax.find(t);
    if hits.is_empty() {
        return false;
    }
    // Letters only: a version (`PHP 7.4`, `Python 3`) does not make an item prose.
    let covered: usize = hits
        .iter()
        .map(|h| {
            t[h.start..h.end]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
        })
        .sum();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    covered * 10 >= letters * 7
}

/// A short Latin term on its own (`embulk`, `Redash`): at most three words.
fn is_bare_term(norm: &str) -> bool {
    let t = clean_term(norm);
    !t.is_empty() && t.split_whitespace().count() <= 3 && looks_like_term(&t)
}

/// Could `bare` (an entry of a skill list) name a technology? Not a sentence, URL, number,
/// single character, or a Japanese phrase of ordinary words.
fn looks_like_term(bare: &str) -> bool {
    let n = bare.chars().count();
    if n < 2 || bare.contains("://") || bare.contains('。') {
        return false;
    }
    if bare
        .chars()
        .all(|c| c.is_numeric() || c.is_whitespace() || ".-+".contains(c))
    {
        return false;
    }
    if is_spoken(&bare.to_lowercase()) || is_placeholder_or_code(bare) {
        return false;
    }
    // A term carries a Latin letter (a Japanese phrase in a skill list is a description:
    // 運用効率化, アラート設計), and is mostly Latin.
    let lower = bare.to_lowercase();
    if ["and ", "or ", "with ", "of "]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return false; // the tail of a sentence split at a comma
    }
    // Versions alone (`1.20.x`, `15.x`), and phrases of an activity (`Linux and Unix
    // Administration`, `System Automation`, `Programming in Python`) are not names.
    if bare.split_whitespace().all(is_version) {
        return false;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() >= 2
        && (words
            .iter()
            .any(|w| ["and", "in", "of", "for", "with", "the"].contains(w))
            || ACTIVITY_WORDS.contains(words.last().unwrap_or(&"")))
    {
        return false;
    }
    let latin = bare.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    bare.chars().any(|c| c.is_ascii_alphabetic()) && latin >= 2 && latin * 3 >= n * 2
}

/// Last words of a phrase that names an activity, not a product.
const ACTIVITY_WORDS: &[&str] = &[
    "administration",
    "automation",
    "programming",
    "management",
    "development",
    "engineering",
    "design",
    "analysis",
    "testing",
    "operations",
];

/// Byte ranges of the parenthesised remarks of a skill-list line: `Go(CLIツール試作、API設計)`,
/// `Git(GitHubを用いたチーム開発)`. A parenthesis that enumerates skills or terms
/// (`AWS(EC2, S3)`, `Node.js(TypeScript)`, `Shell(bash)`) is part of the list, not a remark.
fn remark_ranges(norm: &str, tax: &Taxonomy) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in norm.char_indices() {
        match c {
            '(' => open.push(i),
            ')' => {
                let Some(a) = open.pop() else { continue };
                if !open.is_empty() {
                    continue; // the outermost parenthesis decides
                }
                let inner = &norm[a + 1..i];
                let lists_skills = inner
                    .split([',', '、', '/', '・', '，', ';'])
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(list_entry)
                    .filter(|e| !e.is_empty())
                    .all(|e| looks_like_term(e) || bare_skill_item(e, tax));
                if !lists_skills {
                    out.push(a..i + 1);
                }
            }
            _ => {}
        }
    }
    out
}

/// The byte offset of the `(` of a trailing parenthesis that enumerates technologies
/// (`… game engine (D/SDL)`, `… tool (Python, Flask)`): at least two entries, each a term, at
/// least one a known skill. `None` for a remark (`(2年)`, `(remote, part time)`).
fn trailing_stack(norm: &str, tax: &Taxonomy) -> Option<usize> {
    let t = norm.trim_end();
    if !t.ends_with(')') || t.len() != norm.len() {
        return None;
    }
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let open = open?;
    if t[..open].trim().is_empty() {
        return None;
    }
    let inner = &t[open + 1..t.len() - 1];
    let entries: Vec<&str> = inner
        .split(['/', ',', '、', '+', '&', '|'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    // Each entry a name: a known skill with at most a word around it, or an unknown term of
    // at most two words (`Readiness Check, …, Define service owner` lists practices).
    let is_list = entries.len() >= 2
        && entries.iter().all(|e| {
            let words = e.split_whitespace().count();
            bare_skill_item(e, tax) || (words <= 2 && looks_like_term(e) && tax.find(e).is_empty())
        })
        && entries.iter().any(|e| !tax.find(e).is_empty());
    is_list.then_some(open)
}

/// Is this line a sentence (a full stop, or a Japanese polite ending; an English line of eight
/// or more words ending in a full stop)?
fn is_sentence(norm: &str) -> bool {
    let t = norm.trim_end();
    t.ends_with('。')
        || ["ます", "ました", "です", "でした", "ません"]
            .iter()
            .any(|e| t.ends_with(e))
        || (t.ends_with('.') && t.split_whitespace().count() >= 8 && !is_enumeration(t))
}

/// The texts set in bold (`**Erlang**`, `__gevent__`) in a source line, NFKC, each short enough
/// to be a name (at most four words and 40 characters).
fn bold_spans(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for mark in ["**", "__"] {
        let mut rest = raw;
        while let Some(open) = rest.find(mark) {
            let after = &rest[open + mark.len()..];
            let Some(close) = after.find(mark) else {
                break;
            };
            let inner = nfkc(after[..close].trim())
                .trim_end_matches([':', '：', ',', '.'])
                .trim()
                .to_owned();
            if !inner.is_empty()
                && inner.chars().count() <= 40
                && inner.split_whitespace().count() <= 4
            {
                out.push(inner);
            }
            rest = &after[close + mark.len()..];
        }
    }
    out
}

/// `Linux, emacs, Adobe Framemaker, ClearCase, git, REST, SNMP.`: four or more comma-separated
/// entries of at most three words each, whatever ends the line: a list, not a sentence.
fn is_enumeration(t: &str) -> bool {
    let entries: Vec<&str> = t.trim_end_matches('.').split(',').map(str::trim).collect();
    entries.len() >= 4
        && entries
            .iter()
            .all(|e| !e.is_empty() && e.split_whitespace().count() <= 3)
}

/// Verbs that close a sentence declaring what was used: `…を使用しました。`.
const USED_VERBS: &[&str] = &[
    "を使用しました",
    "を使用しています",
    "を使用",
    "を利用しました",
    "を利用しています",
    "を採用しました",
    "を使っています",
    "を使いました",
    "で開発しました",
    "で構築しました",
];

/// The byte range of the enumeration in a sentence that declares a stack: after a skill label
/// used as the subject (`使用技術はAWS / Go / MySQLです。`, `インフラはECS, RDS, S3を使用しました。`), or
/// before a verb of use (`Java 8, Spring Boot, Angularを使用しました。`). The enumeration has at
/// least three entries, two of them known skills. `None` for any other sentence.
fn sentence_stack(norm: &str, tax: &Taxonomy) -> Option<std::ops::Range<usize>> {
    if norm.is_ascii() {
        return None;
    }
    let end_at = |from: usize| {
        let rest = &norm[from..];
        ["です", "。"]
            .iter()
            .chain(USED_VERBS)
            .filter_map(|w| rest.find(w))
            .min()
            .map_or(norm.len(), |i| from + i)
    };
    let mut range = None;
    for (i, _) in norm.match_indices('は') {
        let before = &norm[..i];
        let clause_start = before.rfind(['。', ':', '：', '、', '*']).map_or(0, |j| {
            j + before[j..].chars().next().map_or(1, char::len_utf8)
        });
        let subject = before[clause_start..].trim();
        if !subject.is_empty() && names_skill_label(subject) && subject.chars().count() <= 8 {
            let from = i + 'は'.len_utf8();
            range = Some(from..end_at(from));
            break;
        }
    }
    if range.is_none() {
        // The verb ends its sentence (`…を使用した動画圧縮機能` describes a feature).
        let (v, verb) = USED_VERBS
            .iter()
            .filter_map(|w| {
                let i = norm.find(w)?;
                let after = norm[i + w.len()..].trim_start();
                (after.is_empty() || after.starts_with(['。', '.', '!', '！', ')']))
                    .then_some((i, w))
            })
            .min()?;
        // The tools of `…をGo、gRPCで開発しました` follow the object; those of
        // `A, B, Cを使用しました` start the clause.
        let starts: &[char] = if verb.starts_with('で') {
            &['。', ':', '：', 'を', 'は']
        } else {
            &['。', ':', '：', 'は']
        };
        let before = &norm[..v];
        let from = before.rfind(starts).map_or(0, |j| {
            j + before[j..].chars().next().map_or(1, char::len_utf8)
        });
        range = Some(from..v);
    }
    let r = range?;
    let list = &norm[r.clone()];
    let entries = list
        .split(['/', ',', '、', '，', '／'])
        .filter(|e| !e.trim().is_empty())
        .count();
    let known = tax.find(list).len();
    (entries >= 3 && known >= 2 && list.chars().count() <= 200).then_some(r)
}

/// An entry of an enumeration without its punctuation and an `e.g.` / `例:` lead-in.
fn list_entry(e: &str) -> &str {
    let mut t = e.trim();
    for lead in ["e.g.", "eg.", "ex.", "例:", "例えば"] {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest.trim_start();
        }
    }
    t.trim_matches(|c: char| c.is_ascii_punctuation() && c != '#' && c != '+' || c.is_whitespace())
}

/// A placeholder (`TODO`, `TBD`, `N/A`) or a fragment of code or a template (`{{#image}}`,
/// `#icon`, `github_url`, `<div>`): never the name of a technology.
fn is_placeholder_or_code(term: &str) -> bool {
    const PLACEHOLDERS: &[&str] = &["todo", "tbd", "n/a", "none", "null", "xxx", "wip"];
    let lower = term.to_lowercase();
    if PLACEHOLDERS.contains(&lower.as_str()) {
        return true;
    }
    if term.contains(['{', '}', '<', '>', '=', '"', '$']) || term.starts_with('#') {
        return true;
    }
    // snake_case identifiers: a lower-case word joined to another by `_`.
    term.split('_').count() > 1
        && term.split('_').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A skill section's label (`Skills`, `技術スタック`, `Technologies`), not an organisation whose
/// name holds such a word (`ZOZO Technologies, Inc.`, `Acme Technology Ltd`).
fn is_skill_title(title: &str) -> bool {
    let t = title.to_lowercase();
    (SKILL_SECTION_WORDS.iter().any(|w| t.contains(w))
        || is_skill_list_title(&t)
        || names_skill_kinds(&t))
        && !structure::names_org(title)
        && !is_named_technologies(title)
}

/// `Wipro Technologies`, `Acme Cloud Technologies`: a name ending in `Technologies` (a company),
/// not a label (`Technologies`, `Key Technologies`, `Web Technologies`).
fn is_named_technologies(title: &str) -> bool {
    const LABEL_WORDS: &[&str] = &[
        "key",
        "core",
        "main",
        "other",
        "technical",
        "used",
        "our",
        "my",
        "relevant",
        "emerging",
        "web",
        "cloud",
        "software",
        "and",
        "&",
        "tools",
        "skills",
        "languages",
        "frontend",
        "backend",
        "mobile",
        "data",
        "devops",
    ];
    let words: Vec<&str> = title
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let [first, .., last] = words.as_slice() else {
        return false;
    };
    last.eq_ignore_ascii_case("technologies")
        && first.starts_with(|c: char| c.is_uppercase())
        && !words[..words.len() - 1]
            .iter()
            .all(|w| LABEL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A heading that lists kinds of skills (`言語・フレームワーク・DB/NoSQL・クラウドの開発経験`,
/// `Languages, Databases & Cloud experience`): two kinds or more, whatever words follow.
fn names_skill_kinds(lower: &str) -> bool {
    const KINDS: &[&str] = &[
        "言語",
        "フレームワーク",
        "ライブラリ",
        "データベース",
        "クラウド",
        "ミドルウェア",
        "ツール",
        "db",
        "nosql",
        "rdb",
        "rdbms",
        "languages",
        "frameworks",
        "libraries",
        "databases",
        "tools",
        "cloud",
        "middleware",
    ];
    let mut found = 0u32;
    for piece in lower.split(|c: char| c.is_whitespace() || "&/・,、".contains(c)) {
        let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
        // A Japanese piece may run on (`その他ミドルウェアの開発経験`); an English word is whole.
        let kind = KINDS.iter().position(|k| {
            if k.is_ascii() {
                piece == *k
            } else {
                piece.contains(k)
            }
        });
        if let Some(k) = kind {
            found |= 1 << k;
        }
    }
    found.count_ones() >= 2
}

/// A heading that is nothing but the name of a kind of skill list (`## Tools`, `### Languages
/// & Frameworks`, `## ツール`): words that inside a longer title (`Internal tools for …`) name
/// no skill section.
fn is_skill_list_title(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "tools",
        "tooling",
        "languages",
        "frameworks",
        "libraries",
        "platforms",
        "databases",
        "infrastructure",
        "and",
        "ツール",
        "言語",
        "フレームワーク",
        "ライブラリ",
    ];
    let mut words = lower
        .split(|c: char| c.is_whitespace() || "&/・,、".contains(c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| WORDS.contains(&w))
}

fn is_education_title(title: &str, in_career: bool) -> bool {
    let t = title.to_lowercase();
    EDUCATION_WORDS.iter().any(|w| t.contains(w))
        || (!in_career && SCHOOL_WORDS.iter().any(|w| t.contains(w)))
}

/// An open end is clipped to the enclosing period's end (never to before its own start: a
/// child that starts after its parent ended keeps its own period).
fn clip(child: Period, parent: Option<&Period>) -> Period {
    match (child.end, parent.map(|p| p.end)) {
        (End::Open, Some(End::At(m))) if m >= child.start => Period {
            start: child.start,
            end: End::At(m),
        },
        _ => child,
    }
}

/// Remove `span` and tech tags from `norm`, and the brackets/separators they leave behind.
fn clean_title(norm: &str, span: Option<std::ops::Range<usize>>) -> String {
    let mut s = match span.map(|r| enclosing_parens(norm, r)) {
        Some(r) if r.end <= norm.len() => format!("{} {}", &norm[..r.start], &norm[r.end..]),
        _ => norm.to_owned(),
    };
    s = strip_shortcodes(&s);
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

/// The period's range widened to the parenthesis that holds it (`(Oct 2024 - Present, Tokyo)`
/// is the period with a place: the label keeps neither).
fn enclosing_parens(norm: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if r.end > norm.len() || !norm.is_char_boundary(r.start) || !norm.is_char_boundary(r.end) {
        return r;
    }
    let before = &norm[..r.start];
    let after = &norm[r.end..];
    let (Some(open), Some(close)) = (before.rfind('('), after.find(')')) else {
        return r;
    };
    // Only when nothing closes before the period or opens after it inside the pair.
    if before[open..].contains(')') || after[..close].contains('(') {
        return r;
    }
    open..r.end + close + 1
}

/// Remove emoji shortcodes (`:white_check_mark:`, `:office:`) from a heading: a word of
/// lower-case letters, digits, `_`, `+` or `-` between colons, standing alone.
fn strip_shortcodes(s: &str) -> String {
    s.split(' ')
        .filter(|w| {
            let code = w
                .strip_prefix(':')
                .and_then(|w| w.strip_suffix(':'))
                .unwrap_or("");
            !(code.chars().count() >= 2
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_+-".contains(c)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines of a table header cell written on several lines (`テクニカルスキル<br>技術スタック`).
fn split_header(h: &str) -> impl Iterator<Item = &str> {
    h.split("<br/>")
        .flat_map(|p| p.split("<br />"))
        .flat_map(|p| p.split("<br>"))
        .flat_map(|p| p.split('\n'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
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

/// A heading that is nothing but one bracketed label: `【アピールポイント】`, `[作成したツール一覧]`.
fn is_label_heading(norm: &str) -> bool {
    let t = norm.trim();
    [('【', '】'), ('[', ']')].iter().any(|&(a, b)| {
        t.strip_prefix(a)
            .and_then(|t| t.strip_suffix(b))
            .is_some_and(|inner| !inner.trim().is_empty() && !inner.contains([a, b]))
    })
}

/// The most lines set one under another that name the unit of the bare period above them.
const MAX_LINES_BELOW: usize = 3;

/// A title that opens with an item number (`1.`, `2)`, `３．`, `①`).
fn is_numbered(title: &str) -> bool {
    let t = title.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    (1..=2).contains(&digits) && rest.starts_with(['.', ')', '．', '）', '、'])
        || t.starts_with(|c: char| ('①'..='⑳').contains(&c))
}

/// Labels that say "this is the period of the heading above": `在籍期間`, `期間`, `Period`.
const PERIOD_LABELS: &[&str] = &[
    "在籍期間",
    "期間",
    "参画期間",
    "契約期間",
    "勤務期間",
    "就業期間",
    "稼働期間",
    "プロジェクト期間",
    "period",
    "duration",
    "dates",
    "tenure",
];

/// Is `label` (a line without its period) only a period label, or nothing at all?
fn is_period_label(label: &str) -> bool {
    // A remark in parentheses (`期間: (2ヶ月)`, `Period (remote)`) does not count.
    let mut bare = String::with_capacity(label.len());
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let l = bare
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    l.is_empty() || PERIOD_LABELS.contains(&l.as_str())
}

/// Is a dated line's label short enough to be a unit (a role, an employer, a stint) rather
/// than a sentence?
fn is_unit_label(label: &str) -> bool {
    let n = label.chars().count();
    // A full stop ends a sentence; the dot of `Acme, Inc.` / `Foo Co., Ltd.` does not.
    let sentence = label.ends_with('。') || (label.ends_with('.') && !structure::names_org(label));
    n > 0 && n <= 80 && !sentence && label.split_whitespace().count() <= 12
}

/// The source line as evidence: whitespace squashed, and cut to a readable length (a line can
/// be megabytes long; every mention on it keeps a copy).
fn evidence_text(raw: &str) -> String {
    const MAX: usize = 400;
    if raw.len() <= MAX * 4 {
        return squash_ws(raw);
    }
    let mut end = MAX * 4;
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    crate::text::ellipsize(&squash_ws(&raw[..end]), MAX)
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
    /// The résumé names technology (so a capitalised `Go` in prose is the language).
    is_technical: bool,
    out: Resume,
    stack: Vec<usize>,
    details_depth: usize,
    pending_heading: Option<usize>,
    /// A heading that dates a joining (`### 2019-11-01: 株式会社X入社`) and its level: a
    /// `2019-06-30 に退社` line under it ends its stint.
    joined_heading: Option<(usize, u16)>,
    /// A dated heading that is only a role (`#### Software Developer, 2012 - Current`): the
    /// line right under it may name its employer (`Kongregate, Portland, OR`).
    role_heading: Option<usize>,
    /// The undated heading a two-column table right under it may still date with a
    /// `| 期間 | 2023年10月〜現在 |` row (`| key | value |` tables of company facts).
    table_pending: Option<usize>,
    in_front_matter_skills: bool,
    /// The previous line was a list item naming only a skill.
    last_item_bare: bool,
    /// Depth of a `- 使用技術` item whose nested items are a skill list.
    stack_item_depth: Option<u8>,
    /// The header cells of the table being read.
    table_header: Option<Vec<String>>,
    /// The employer of the previous row of a table with a company column.
    last_row_org: Option<String>,
    /// An undated `<summary>` (title, line) waiting for its block's first line to date it.
    pending_summary: Option<(String, usize)>,
    /// The person's name as the résumé states it (a `# Name` heading names nobody's skill).
    name: Option<String>,
    /// A line that is only a product label (`【AWS】`): the platform of the next line's entries.
    line_platform: Option<String>,
    /// The label line just above the line being read.
    platform_above: Option<String>,
    /// Skills already dropped from a line as parts of a resolved entry (`listed_term`).
    dropped_on: (usize, FastSet<SkillId>),
    /// The level of the units opened by bold dated lines under the current heading.
    bold_level: Option<u16>,
    /// The level of the units opened by bare periods under the current dated heading, and the
    /// unit whose name is still to come (the line after its period).
    period_level: Option<u16>,
    unnamed_unit: Option<usize>,
    /// The source line of the line being read starts in bold.
    line_is_bold: bool,
    /// The source line of the line being read ends in a line break (`<br>`, two spaces, `\`):
    /// the next line is set under it.
    line_breaks: bool,
    /// `unnamed_unit` was opened by a bare period above lines set one under another: it takes
    /// their names, joined (`Role — Company`), up to [`MAX_LINES_BELOW`].
    unnamed_below: usize,
    /// `unnamed_unit` is a heading that is only a period.
    unnamed_heading: bool,
    /// The line was wrapped onto the one before it (a soft break), not set on a line of its
    /// own (`<br>`, a hard break).
    line_continues: bool,
    /// The lines set one under another just above the current one, none dated or a list item
    /// (`**Data Engineer**<br>` then `Acme - Remote<br>`): what a bare period below them names.
    lines_above: Vec<(usize, String)>,
    /// What the source line of the line being read sets in bold ([`bold_spans`]).
    line_bold: Vec<String>,
    /// The source line of the line being read is only code spans (`` `node` `c++` `aws lambda` ``):
    /// their texts.
    line_tags: Option<Vec<String>>,
    /// In a `| 年 | 月 | 職歴 |` table: the employer joined and not yet left (name, month,
    /// line, section).
    joined: Option<(String, Month, usize, Option<usize>)>,
    /// The dated list items the line being read is nested in (`- 株式会社X 2020年4月〜` over
    /// `  - 案件「…」2021/03〜2022/09` over its stack items): (depth, period), outermost first.
    item_scopes: Vec<(u8, Period)>,
}

impl<'t> Builder<'t> {
    fn current(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    fn span_of(&self, section: Option<usize>) -> Option<Period> {
        section.and_then(|s| self.out.sections[s].span)
    }

    /// Is the current section a career (`## Experience`, `## 職務経歴`) or inside one?
    fn in_career(&self) -> bool {
        self.stack.iter().any(|&s| self.out.sections[s].is_career)
    }

    /// The level of a project opened by the bare period `p` on a line of its own: there is one
    /// when the unit it would belong to (the current section, or after such a project the
    /// section above it) is not the career heading itself and has a period of its own that
    /// holds `p`.
    fn period_host(&self, p: Period) -> Option<u16> {
        let host = match self.period_level {
            Some(l) => self
                .stack
                .iter()
                .rev()
                .copied()
                .find(|&s| self.out.sections[s].level < l)?,
            None => self.current()?,
        };
        let h = &self.out.sections[host];
        let own = h.own?;
        let ends_within = match (p.end, own.end) {
            (_, End::Open) => true,
            (End::At(a), End::At(b)) => a <= b,
            (End::Open, End::At(_)) => false,
        };
        (!h.is_career && own.start <= p.start && ends_within)
            .then(|| self.period_level.unwrap_or(h.level + 1))
    }

    /// Is the latest heading of level `level` still open (only headings deeper than it since)
    /// and dated by a period of its own, outside the skill and career labels?
    fn dated_sibling(&self, level: u16) -> bool {
        self.open_sibling(level).is_some_and(|sec| {
            sec.own.is_some()
                && !sec.is_skill_section
                && !sec.is_career
                && !sec.is_education
                && !sec.is_other
        })
    }

    /// Give section `h` the period `p` now that its end is known, and the same to what was
    /// written under it so far (its undated subsections and their mentions).
    fn redate_unit(&mut self, h: usize, p: Period) {
        let old = self.out.sections[h].span;
        self.set_own_period(h, p);
        let span = self.out.sections[h].span;
        // Only what came after the heading can be under it: both walks stay inside the unit.
        let n = self.out.sections.len();
        let mut inside = vec![false; n - h];
        inside[0] = true;
        for j in h + 1..n {
            let s = &self.out.sections[j];
            if s.parent.is_some_and(|q| q >= h && inside[q - h]) && s.own.is_none() {
                self.out.sections[j].span = span;
                inside[j - h] = true;
            }
        }
        let from = self.out.sections[h].line;
        for m in self.out.mentions.iter_mut().rev() {
            if m.line < from {
                break;
            }
            if m.span == old && m.section.is_some_and(|s| s >= h && inside[s - h]) {
                m.span = span;
            }
        }
    }

    /// Does a line under a role's heading read as its employer's name?
    fn names_employer(&self, name: &str) -> bool {
        let capitalised = || {
            let words: Vec<&str> = name.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(*w, "&" | "of" | "and" | "de")
                })
        };
        is_unit_label(name)
            && !structure::is_role(name)
            && !structure::is_place(name)
            && (structure::names_org(name)
                || structure::before_town_and_state(name).is_some()
                || self.line_is_bold
                || capitalised())
    }

    /// The open section at `level` that a heading at that level would follow as a sibling.
    fn open_sibling(&self, level: u16) -> Option<&Section> {
        let s = self
            .stack
            .iter()
            .rev()
            .map(|&s| &self.out.sections[s])
            .find(|sec| sec.level <= level)?;
        (s.level == level).then_some(s)
    }

    /// Is the current section a heading inside a skill section (`#### Java`, `### その他`
    /// under `## プログラミングスキル`)? Its paragraph is the text of that entry, and the skills
    /// it names, in sentences too (`Spring/Strutsを用いた実務経験が3年あり。`), are listed.
    fn under_skill_heading(&self) -> bool {
        self.current()
            .and_then(|s| self.out.sections[s].parent)
            .is_some_and(|p| self.out.sections[p].is_skill_section)
    }

    fn is_skill_here(&self) -> bool {
        self.current()
            .is_some_and(|s| self.out.sections[s].is_skill_section)
    }

    /// The label line just above (`【AWS】`), or the title of the skill section we are in,
    /// when it names a known product (`### AWS`): the platform of the entries listed under it.
    fn section_platform(&self) -> Option<String> {
        if let Some(p) = &self.platform_above {
            return Some(p.clone());
        }
        let s = &self.out.sections[self.current()?];
        if !s.is_skill_section {
            return None;
        }
        let title = s
            .title
            .trim()
            .trim_matches(['【', '】', '[', ']', '*', ' ']);
        (!title.is_empty() && title.chars().count() <= 20 && self.tax.resolve(title).is_some())
            .then(|| title.to_owned())
    }

    /// The first period in `norm` (line `line`); when there is none but a range is written with
    /// an impossible date (`2022年13月〜`), a warning naming the line says it is ignored.
    fn find_period_at(&mut self, norm: &str, line: usize) -> Option<crate::period::PeriodMatch> {
        let found = find_period(norm);
        if found.is_none() {
            self.warn_impossible_date(norm, line);
        }
        found.map(|f| with_stated_length(norm, f))
    }

    fn warn_impossible_date(&mut self, norm: &str, line: usize) {
        if let Some(message) = find_impossible_date(norm) {
            self.out.warnings.push(Warning {
                line: Some(line),
                message,
            });
        }
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
        self.pending_heading = None;
        let parent = self.current();
        let parent_skill = parent.is_some_and(|p| self.out.sections[p].is_skill_section);
        let parent_edu = parent.is_some_and(|p| self.out.sections[p].is_education);
        let parent_other = parent.is_some_and(|p| self.out.sections[p].is_other);
        let in_career = self.stack.iter().any(|&a| self.out.sections[a].is_career);
        let idx = self.out.sections.len();
        self.table_header = None;
        self.out.sections.push(Section {
            is_skill_section: parent_skill || is_skill_title(&title),
            is_education: parent_edu || is_education_title(&title, in_career),
            is_other: parent_other
                || (is_other_title(&title)
                    && !is_career_title(&title)
                    && (!in_career || is_other_label(&title))),
            is_career: is_career_title(&title),
            derived: false,
            open_stated: false,
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
        from_line: bool,
    ) -> Vec<SkillId> {
        let hits = self.tax.find_in(norm, is_listed, self.is_technical);
        let text = evidence_text(raw);
        let section = self.current();
        let remarks = if is_listed {
            remark_ranges(norm, self.tax)
        } else {
            Vec::new()
        };
        let mut skills = Vec::with_capacity(hits.len());
        let mut seen = std::collections::HashSet::new();
        for h in hits {
            // One mention per skill and line: a line repeating a name is one piece of evidence
            // (and a 10 MB line of one word stays linear in memory).
            if !seen.insert(h.skill) {
                skills.push(h.skill);
                continue;
            }
            skills.push(h.skill);
            let in_remark = remarks.iter().any(|r| r.start <= h.start && h.end <= r.end);
            self.out.mentions.push(Mention {
                skill: h.skill,
                line,
                text: text.clone(),
                kind: h.kind,
                similarity: h.similarity,
                section,
                span,
                is_listed: is_listed && !in_remark && self.is_listable(h.skill),
                from_line,
            });
        }
        skills
    }

    /// Is the current section a role (`### ポジション`, `#### 役割`, `### Role`)? Its items
    /// (`- データエンジニア`) name the person's position, not skills they list.
    fn in_role_section(&self) -> bool {
        const ROLE: &[&str] = &[
            "ポジション",
            "役割",
            "役職",
            "担当",
            "職種",
            "position",
            "role",
            "title",
        ];
        self.current().is_some_and(|i| {
            let t = self.out.sections[i].title.trim().to_lowercase();
            ROLE.iter()
                .any(|w| t == *w || (!w.is_ascii() && t.contains(w) && t.chars().count() <= 8))
        })
    }

    /// A practice (`CI/CD`, `Code Review`, `Agile`) or a field of work (`Machine Learning`,
    /// `ETL`) named in a skill list is a competency the person claims, not a tool they list: it
    /// is a mention, never `listed`.
    fn is_listable(&self, skill: SkillId) -> bool {
        let s = self.tax.skill(skill);
        s.category != "practice" && !s.is_field
    }

    fn heading(&mut self, level: u8, raw: &str, line: usize) {
        // `###### **Technologies: Python3.5, Django2.0**` under the dated `###### **Hub of
        // Tech** Jun 2018 – Nov 2018`: a heading that is a labelled list of skills is a line of
        // the section it stands in, written large; it opens no section of its own.
        if is_labelled_list(&nfkc(&blocks::strip_urls(raw))) {
            self.line_is_bold = false;
            self.line_tags = None;
            self.line_bold.clear();
            self.line(raw, line, false, 0);
            return;
        }
        self.item_scopes.clear();
        self.pending_summary = None;
        self.table_pending = None;
        self.bold_level = None;
        self.period_level = None;
        self.unnamed_unit = None;
        self.unnamed_heading = false;
        let norm = nfkc(&blocks::strip_urls(raw));
        let found = self.find_period_at(&norm, line);
        let range = found.as_ref().map(|f| f.span.clone());
        let title = clean_title(&norm, range);
        // `# Tomasz Wren`, `# Go Taro`: the person's name, whatever skills it spells.
        let is_name = level == 1
            && self
                .name
                .as_deref()
                .is_some_and(|n| !n.is_empty() && title.trim().starts_with(n.trim()));
        // `#### 【アピールポイント】` right after the dated `#### <会計システムの改修>`: an undated
        // heading that is only a bracketed label, at the level of the dated heading before it,
        // is a part of that heading (written at its level), not a sibling of its own.
        let mut at = u16::from(level) * 2;
        if found.is_none() && is_label_heading(&norm) && self.dated_sibling(at) {
            at += 1;
        }
        // `### 1. 【実績：…】`, `### 2. …` right under `### 株式会社X`: numbered headings at the
        // level of an employer's unnumbered heading are its parts (its achievements), not
        // employers beside it.
        if found.is_none()
            && is_numbered(&title)
            && !structure::names_org(&title)
            && self.open_sibling(at).is_some_and(|sec| {
                !is_numbered(&sec.title)
                    && structure::names_org(&sec.title)
                    && !(sec.is_skill_section || sec.is_career || sec.is_education || sec.is_other)
            })
        {
            at += 1;
        }
        if self.joined_heading.is_some_and(|(_, l)| at <= l) {
            self.joined_heading = None;
        }
        // `### 2019-11-01: 株式会社CureApp入社（フルスタックエンジニア）`: a heading that dates a
        // joining opens a stint from that month, named by what was joined.
        let joined = found
            .is_none()
            .then(|| crate::period::leading_date(&norm))
            .flatten()
            .and_then(|(m, end)| {
                let rest = norm[end..].trim_start_matches([':', '：', ' ', '-']);
                joining(rest)
                    .filter(|(name, planned)| !name.is_empty() && !planned)
                    .map(|(name, _)| (m, name))
            });
        let title = match &joined {
            Some((_, name)) => name.clone(),
            None => title,
        };
        // `### 2022年 ~ 現在` over `フリーランスとして活動。…`: a heading that is only a period is
        // named by the line under it (till then, by its period).
        let bare_period = title.is_empty() && found.is_some();
        let title = if bare_period {
            norm.trim().trim_start_matches('#').trim().to_owned()
        } else {
            title
        };
        let idx = self.push_section(title, at, line, false);
        if bare_period {
            self.unnamed_unit = Some(idx);
            self.unnamed_heading = true;
        }
        if let Some((start, _)) = joined {
            self.set_own_period(
                idx,
                Period {
                    start,
                    end: End::Open,
                },
            );
            self.joined_heading = Some((idx, at));
        }
        let stated = found.as_ref().is_some_and(|f| states_open(&norm, f));
        self.role_heading = None;
        // `#### Lead Engineer (Oct 2016 - Feb 2017), Senior Engineer (Mar 2015 - Oct 2016)`: a
        // heading of roles with several periods spans them all (one naming organisations,
        // `株式会社X (2025.1-現在) & X Inc. (2023.1-2024.12)`, names a stint each).
        let more: Vec<Period> = if found.is_some() && !structure::names_org(&norm) {
            crate::period::find_periods(&norm)
                .into_iter()
                .skip(1)
                .filter_map(|f| self.validate(f, line))
                .collect()
        } else {
            Vec::new()
        };
        match found.and_then(|f| self.validate(f, line)) {
            Some(p) => {
                let p = more.into_iter().fold(p, |h, q| hull(Some(h), q));
                self.set_own_period(idx, p);
                self.out.sections[idx].open_stated = stated;
                if structure::only_role(&self.out.sections[idx].title) {
                    self.role_heading = Some(idx);
                }
            }
            None if self.out.sections[idx].own.is_some() => {}
            None => self.pending_heading = Some(idx),
        }
        if is_name {
            return;
        }
        let s = &self.out.sections[idx];
        let parent_is_skill = s
            .parent
            .is_some_and(|p| self.out.sections[p].is_skill_section);
        // Headings inside a skill section are category names, and the skill section's own
        // heading names no skill; but a heading that is nothing but a product's name
        // (`#### Google Cloud` over a table of its services) lists that product.
        if s.is_skill_section && (parent_is_skill || is_skill_title(&s.title)) {
            let named = self.tax.resolve(s.title.trim()).filter(|&id| {
                !matches!(
                    self.tax.skill(id).category.as_str(),
                    "practice" | "data" | "ml"
                )
            });
            if let (Some(skill), true) = (named, parent_is_skill) {
                self.out.mentions.push(Mention {
                    skill,
                    line,
                    text: evidence_text(raw),
                    kind: MatchKind::Exact,
                    similarity: 1.0,
                    section: Some(idx),
                    span: s.span,
                    is_listed: true,
                    from_line: false,
                });
            }
            return;
        }
        let span = s.span;
        let tags = tag_ranges(&norm);
        // A heading with tech tags (`[Go] [AWS]`) lists skills; otherwise it is a title.
        let hits = self.tax.find_in(&norm, !tags.is_empty(), self.is_technical);
        let text = evidence_text(raw);
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
                from_line: false,
            });
        }
    }

    /// One line of text: a period, a company, a skill list or prose. About 110 lines because the
    /// order of these checks is the rule (a dated company line is not a skill list).
    fn line(&mut self, raw: &str, line: usize, is_item: bool, depth: u8) {
        let norm = nfkc(&blocks::strip_urls(raw));
        self.platform_above = self.line_platform.take();
        self.line_platform = norm
            .trim()
            .strip_prefix('【')
            .and_then(|t| t.strip_suffix('】'))
            .map(str::trim)
            .filter(|t| t.chars().count() <= 20 && self.tax.resolve(t).is_some())
            .map(str::to_owned);
        // Items nested under a `- 使用技術` / `- Tech stack:` item are a skill list.
        let in_stack_list = matches!(self.stack_item_depth, Some(d) if is_item && depth > d);
        if !in_stack_list {
            self.stack_item_depth = None;
        }
        if is_item && is_only_label(&norm) {
            self.stack_item_depth = Some(depth);
        }
        let pending = self.pending_heading.take();
        self.table_pending = None;
        let summary = self.pending_summary.take();
        // `2019-06-30 に退社` under a heading that dated a joining ends that stint.
        if let Some((h, _)) = self.joined_heading {
            if let Some((m, _)) = leaving(&norm)
                .then(|| crate::period::leading_date(&norm))
                .flatten()
            {
                let start = self.out.sections[h].own.map_or(m, |p| p.start);
                if m >= start {
                    let p = Period {
                        start,
                        end: End::At(m),
                    };
                    self.redate_unit(h, p);
                    self.joined_heading = None;
                }
            }
        }
        // `#### Software Developer, 2012 - Current` then `Kongregate, Portland, OR`: the line
        // right under a dated heading that is only a role names its employer when it reads as
        // a name (an organisation, `Name, Town, ST`, a bold line or a few capitalised words).
        if let Some(h) = self.role_heading.take() {
            let name = clean_title(&norm, None);
            if !is_item && find_period(&norm).is_none() && self.names_employer(&name) {
                let title = format!("{} — {name}", self.out.sections[h].title);
                self.out.sections[h].title = title;
            }
        }
        // The line after a bare period names the unit it opened (`2022年10月 ～ 現在`, then
        // `物流会社向け配送管理システムの開発`).
        if let Some(idx) = self.unnamed_unit.take() {
            // The first sentence of the line (`フリーランスとして活動。フロントエンドや…`).
            let end = [norm.find('。'), norm.find(". ")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(norm.len());
            let first = &norm[..end];
            let mut name = clean_title(first, None);
            // Under a heading that is only a period, the sentence's company (`株式会社Xに…勤務`)
            // or its freelance word names the stint.
            if std::mem::take(&mut self.unnamed_heading) {
                if let Some(org) = crate::posting::company_in_sentence(&name) {
                    name = org;
                } else if let Some(w) = structure::self_employed_word(&name) {
                    name = w.to_owned();
                }
            }
            if !is_item && !name.is_empty() && find_period(&norm).is_none() {
                let below = std::mem::take(&mut self.unnamed_below);
                let title = &mut self.out.sections[idx].title;
                if below > 1 {
                    *title = format!("{title} — {name}");
                } else {
                    *title = name;
                }
                // Under a bare period set above them, the lines set one under another name
                // the unit together (`**Role**<br>` then `*Company*`).
                if below > 0 && below < MAX_LINES_BELOW && self.line_breaks {
                    self.unnamed_unit = Some(idx);
                    self.unnamed_below = below + 1;
                }
            } else {
                self.unnamed_below = 0;
            }
        }
        // A line nested in a dated list item belongs to it (and is dated by it); an item at
        // its depth or shallower, or a line outside the list, leaves it.
        if is_item {
            while self.item_scopes.last().is_some_and(|&(d, _)| d >= depth) {
                self.item_scopes.pop();
            }
        } else {
            self.item_scopes.clear();
        }
        let scope = self.item_scopes.last().map(|&(_, p)| p);
        let section_span = scope.or_else(|| self.span_of(self.current()));
        let mut span = section_span;
        let mut from_line = scope.is_some();
        // The lines set one under another right above this one (each on a line of its own).
        let stacked = !is_item
            && !self.line_continues
            && self.lines_above.last().is_some_and(|(l, _)| l + 1 == line);
        let above = std::mem::take(&mut self.lines_above);
        let above = if stacked { above } else { Vec::new() };
        if let Some(found) = self.find_period_at(&norm, line) {
            let range = found.span.clone();
            let stated = states_open(&norm, &found);
            // `2018-2023    SALSIFY, Staff SE`: the period opens the line, the unit follows.
            let period_first = norm[..range.start].trim().is_empty();
            if let Some(p) = self.validate(found, line) {
                let mut label = clean_title(&norm, Some(range));
                // `**Senior Data Engineer**<br>` / `Acme - Hybrid<br>` / `2025 - Present`: a bare
                // period under lines set one under another in the career is the period of the
                // unit they name.
                if label.is_empty() && !above.is_empty() && self.in_career() {
                    label = above
                        .iter()
                        .map(|(_, t)| t.as_str())
                        .collect::<Vec<_>>()
                        .join(" — ");
                }
                let summary = summary.filter(|_| is_period_label(&label));
                let unit_level = (!is_item && label.is_empty() && self.in_career())
                    .then(|| self.period_host(p))
                    .flatten();
                match (pending, unit_level) {
                    _ if summary.is_some() => {
                        let (title, at) = summary.unwrap_or_default();
                        let level = self.current().map_or(1, |s| self.out.sections[s].level + 1);
                        let idx = self.push_section(title, level, at, true);
                        self.set_own_period(idx, p);
                        span = self.out.sections[idx].span;
                        // The summary's own words belong to the block it titles.
                        let parent = self.out.sections[idx].parent;
                        for m in self.out.mentions.iter_mut().rev() {
                            if m.line != at {
                                break;
                            }
                            if m.section == parent && !m.is_listed {
                                m.section = Some(idx);
                                m.span = span;
                            }
                        }
                    }
                    // `Aug 2022 - present<br>` / `**Staff Engineer**<br>` / `*Acme*`: in the career,
                    // a bare period above lines set one under another opens the unit they name,
                    // the lines under them belong to it until the next one.
                    _ if label.is_empty()
                        && !is_item
                        && self.line_breaks
                        && self.in_career()
                        && (unit_level.is_none() || self.bold_level.is_some())
                        && pending.is_none_or(|h| self.out.sections[h].is_career) =>
                    {
                        let level = match self.bold_level {
                            Some(l) => l,
                            None => self.current().map_or(1, |s| self.out.sections[s].level + 1),
                        };
                        self.bold_level = Some(level);
                        let idx = self.push_section(norm.trim().to_owned(), level, line, false);
                        self.set_own_period(idx, p);
                        self.out.sections[idx].open_stated = stated;
                        self.unnamed_unit = Some(idx);
                        self.unnamed_below = 1;
                        span = self.out.sections[idx].span;
                    }
                    // The line under an undated heading dates that heading (a bare period, a
                    // `期間: …` / `**在籍期間**: …` item, or a role with its period).
                    // A sentence (`2003年4月から…に所属し、…。`) only dates its own mentions.
                    // Not a career heading (`## Experience`) by a line with a label of its own
                    // (`**Developer at Quillby Ltd**: *June 2019 - …*`): that line is the
                    // first entry of the career, not its date.
                    (Some(h), _)
                        if is_period_label(&label)
                            || (!is_item
                                && is_unit_label(&label)
                                && !self.out.sections[h].is_career) =>
                    {
                        // `### Senior Product Engineer` + `**InfraCloud** — Aug 2022 - Present`:
                        // under a heading that is only a role, the line names the employer.
                        let title = &self.out.sections[h].title;
                        let name = label.trim_matches(|c: char| !c.is_alphanumeric());
                        if !is_period_label(&label)
                            && structure::only_role(title)
                            && !structure::is_role(name)
                            && !structure::is_place(name)
                        {
                            let title = format!("{title} — {name}");
                            self.out.sections[h].title = title;
                        }
                        self.set_own_period(h, p);
                        self.out.sections[h].derived = true;
                        self.out.sections[h].open_stated = stated;
                        span = self.out.sections[h].span;
                    }
                    // `**Backend Developer at Quillby Ltd**: *June 2019 - August 2021*` in a
                    // career: a bold dated line written as a heading opens a unit, the lines
                    // under it belong to it until the next one. So does a line that opens with
                    // its period (`2018-2023 SALSIFY, Staff SE`), the heading of plain text.
                    _ if !is_item
                        && (self.line_is_bold || period_first)
                        && is_unit_label(&label)
                        && self.in_career() =>
                    {
                        let level = match self.bold_level {
                            Some(l) => l,
                            None => self.current().map_or(1, |s| self.out.sections[s].level + 1),
                        };
                        self.bold_level = Some(level);
                        let idx = self.push_section(label, level, line, false);
                        self.set_own_period(idx, p);
                        span = self.out.sections[idx].span;
                    }
                    // `2022年10月 ～ 現在` alone on a line inside a dated unit of the career (a
                    // company heading with its period): a project of that unit, the lines under
                    // it belong to it until the next such line or heading. Named by the line
                    // after it (till then, by its period).
                    (_, Some(level)) => {
                        self.period_level = Some(level);
                        let idx = self.push_section(norm.trim().to_owned(), level, line, false);
                        self.set_own_period(idx, p);
                        self.unnamed_unit = Some(idx);
                        span = self.out.sections[idx].span;
                    }
                    _ => {
                        let p = clip(p, section_span.as_ref());
                        span = Some(p);
                        from_line = true;
                        // A short dated line is a unit of the career (a role, a stint, an
                        // employer in a list); a dated sentence only dates its own mentions.
                        // A bare period (`> Jan 2021 – Present` under a role line) dates the
                        // section without naming anything.
                        if label.is_empty() || is_unit_label(&label) {
                            self.out.rows.push(DatedRow {
                                section: self.current(),
                                title: label,
                                period: p,
                                line,
                                skills: Vec::new(),
                                is_row: false,
                                org: None,
                                open_stated: stated,
                                depth: if is_item { depth } else { 0 },
                            });
                            // Its nested items are inside it and take its period, when the
                            // list carries the career's dates itself (an undated heading
                            // over it, or a dated item around it); under a dated heading the
                            // items are its roles and stints, its lines the heading's.
                            let undated_heading = self
                                .current()
                                .is_none_or(|s| self.out.sections[s].own.is_none());
                            if is_item && (undated_heading || scope.is_some()) {
                                self.item_scopes.push((depth, p));
                            }
                        }
                    }
                }
            }
        }
        // `> June 2016` alone on a line of the career (under a role heading): a stint of that
        // one month, dating the unit it is in as a bare period would.
        else if !is_item && self.in_career() {
            if let Some(m) = crate::period::lone_month(&norm) {
                let p = clip(
                    Period {
                        start: m,
                        end: End::At(m),
                    },
                    section_span.as_ref(),
                );
                span = Some(p);
                from_line = true;
                self.out.rows.push(DatedRow {
                    section: self.current(),
                    title: String::new(),
                    period: p,
                    line,
                    skills: Vec::new(),
                    is_row: false,
                    org: None,
                    open_stated: false,
                    depth: 0,
                });
            }
        }
        if !is_item && find_period(&norm).is_none() && norm.trim().chars().count() <= 80 {
            let name = clean_title(&norm, None);
            if !name.is_empty() {
                self.lines_above = above;
                // A role, an employer and a place at most: a long run of lines is prose.
                if self.lines_above.len() == MAX_LINES_ABOVE {
                    self.lines_above.remove(0);
                }
                self.lines_above.push((line, name));
            }
        }
        // `German - Fluent`, `英語: ビジネスレベル`: a spoken language and its level name no
        // skill (BASIC, Fluentd).
        if is_spoken_line(&norm) || is_personal_line(&norm) || is_contact_line(&norm) {
            return;
        }
        // `` `node` `c` `rust` `aws lambda` ``: a line of tags in code spans, each tag one entry,
        // names in any casing (a tag is a name, never an ordinary word).
        if let Some(tags) = self.line_tags.take() {
            if tags.len() >= 3 || self.is_skill_here() {
                self.tag_entries(&tags, raw, line, span);
                return;
            }
        }
        // A list item that is nothing but a skill name (`- Kinesis Firehose` under a category
        // heading) is a listing, not prose; a term-like item right after such items is one too.
        let bare = is_item && !self.in_role_section() && bare_skill_item(&norm, self.tax);
        let after_bare = is_item && self.last_item_bare && !bare;
        self.last_item_bare = bare || (after_bare && is_bare_term(&norm));
        // A sentence written in a skill section (`Discord Bot を開発する際に使用しています。`
        // under `- Python`) tells how a skill was used; it lists nothing itself.
        let in_list = (self.is_skill_here() || in_stack_list)
            && (!is_sentence(&norm) || (!is_item && self.under_skill_heading()));
        let is_skill = in_list
            || bare
            || is_skill_line(&norm, self.tax)
            || (after_bare && is_bare_term(&norm));
        // `- [hgm](…) Web-based game tool (Haskell/Yesod)`: an item whose trailing parenthesis
        // enumerates technologies lists them; `使用技術はGo / AWS / MySQLです。`, `…、React、
        // TypeScriptを使用しました。`: a sentence that declares a stack lists it. The words
        // around the list are its description.
        let listed_part = if is_skill {
            None
        } else {
            (is_item)
                .then(|| trailing_stack(&norm, self.tax))
                .flatten()
                .map(|at| at + 1..norm.len() - 1)
                .or_else(|| sentence_stack(&norm, self.tax))
        };
        if let Some(r) = listed_part {
            let list = norm[r.clone()].to_owned();
            self.mention_all(&norm[..r.start], raw, line, span, false, from_line);
            let skills = self.mention_all(&list, raw, line, span, true, from_line);
            self.mention_all(&norm[r.end..], raw, line, span, false, from_line);
            self.skill_entries(&list.replace('+', ","), line, span, &skills);
            return;
        }
        // `* **Python** - used for a pet project; **gevent** for batches, **flask** as …`: a
        // sentence in a skill section lists the names its writer set in bold.
        if !is_skill && self.is_skill_here() {
            let bold = std::mem::take(&mut self.line_bold);
            if !bold.is_empty() {
                let mut rest = norm.clone();
                for b in &bold {
                    if let Some(at) = rest.find(b.as_str()) {
                        rest.replace_range(at..at + b.len(), " , ");
                    }
                }
                let list = bold.join(", ");
                self.mention_all(&rest, raw, line, span, false, from_line);
                let skills = self.mention_all(&list, raw, line, span, true, from_line);
                self.skill_entries(&list, line, span, &skills);
                return;
            }
        }
        let skills = self.mention_all(&norm, raw, line, span, is_skill, from_line);
        if is_skill {
            self.qualified_entries(&norm, raw, line, span);
            self.parenthesised_products(&norm, raw, line, span);
            self.skill_entries(&norm, line, span, &skills);
        }
    }

    /// One table row (career tables, skill tables): the columns its header named (period,
    /// company, role, skills) are read in one place, which makes it a little over 100 lines.
    fn row(&mut self, cells: &[String], is_header: bool, raw: &str, line: usize) {
        self.item_scopes.clear();
        // A table of two columns right under an undated heading may date it by a row that says
        // its period (`| 期間 | 2023年10月〜現在に至る |` among `| 業種 | … |` rows), as the line
        // `期間: 2023年10月〜現在に至る` under it would.
        let pending = self.pending_heading.take();
        self.pending_summary = None;
        // `| 2023年4月 ~ 2023年6月 | 開発環境 | 規模 |`: a header that carries a period dates the
        // undated heading right above it (its other cells still name the columns); under a
        // career label or no heading (`| 2018年4月 ~ 現在 | A株式会社 |`) it is a dated row.
        if let Some(found) = is_header.then(|| header_period(cells)).flatten() {
            match pending.filter(|&h| !self.out.sections[h].is_career) {
                Some(h) => {
                    if let Some(p) = self.validate(found, line) {
                        self.set_own_period(h, p);
                        self.out.sections[h].derived = true;
                    }
                }
                None => {
                    self.pending_heading = pending;
                    self.close_joined(None);
                    self.table_header = None;
                    self.last_row_org = None;
                    self.table_pending = None;
                    self.row(cells, false, raw, line);
                    return;
                }
            }
        }
        if cells.len() != 2 {
            self.table_pending = None;
        } else if is_header {
            self.table_pending = pending;
        } else if let Some(h) = self.table_pending {
            let key = nfkc(&cells[0]);
            let value = nfkc(&cells[1]);
            let found = (is_period_label(&key) && !key.trim().is_empty())
                .then(|| find_period(&value))
                .flatten();
            if let Some(found) = found {
                // The row is the heading's period and nothing else (a reversed one is warned
                // about once, and dates nothing).
                if let Some(p) = self.validate(found, line) {
                    self.set_own_period(h, p);
                    self.out.sections[h].derived = true;
                }
                self.table_pending = None;
                return;
            }
        }
        if is_header {
            self.close_joined(None);
            self.table_header = Some(cells.iter().map(|c| nfkc(c).to_lowercase()).collect());
            self.last_row_org = None;
            return;
        }
        let norm_cells: Vec<String> = cells.iter().map(|c| nfkc(&blocks::strip_urls(c))).collect();
        if self.event_row(&norm_cells, line) {
            return;
        }
        let norm = norm_cells.join(" | ");
        let section_span = self.span_of(self.current());
        let mut span = section_span;
        let mut dated = None;
        let found = find_period(&norm)
            .or_else(|| find_period(&columns_as_range(&norm_cells)))
            .or_else(|| self.open_end_row(&norm_cells));
        if found.is_none() {
            self.warn_impossible_date(&norm, line);
        }
        if let Some(found) = found {
            if let Some(p) = self.validate(found, line) {
                let p = clip(p, section_span.as_ref());
                span = Some(p);
                dated = Some(p);
            }
        }
        let is_skill = self.is_skill_here();
        let tech_cols = self.listed_cells(&norm_cells);
        // Read from the header once per row.
        let category_cols = if is_skill {
            self.category_columns()
        } else {
            Vec::new()
        };
        let mut skills = Vec::new();
        if !is_skill && !tech_cols.is_empty() {
            // A technology column (`| 使用技術 |`, `| Stack |`): its cell is a skill list; the
            // other cells are ordinary mentions.
            for (i, cell) in norm_cells.iter().enumerate() {
                let listed = tech_cols.contains(&i);
                skills.extend(self.mention_all(cell, raw, line, span, listed, dated.is_some()));
                if listed {
                    self.skill_entries(cell, line, span, &[]);
                }
            }
        } else if !category_cols.is_empty() {
            // `| MySQL | RDBMS | 8.4 |` under `| 名前 | 種類 | バージョン |`: the category cell
            // names a kind of thing, which the row does not list.
            for (i, cell) in norm_cells.iter().enumerate() {
                if !category_cols.contains(&i) {
                    skills.extend(self.mention_all(cell, raw, line, span, true, dated.is_some()));
                    continue;
                }
                // A platform as the category (`| Google Cloud | Cloud Run, … |`, `| クラウド
                // (AWS) |`) is listed, and so is a cell that is only a product's name
                // (`| **Kubernetes** | EKS, AKS |`); kinds of things (RDBMS, NoSQL, データ分析,
                // 負荷試験, Observability) are not.
                // A cell that is a kind and its products (`インフラ: Linux (主にDebian系)`,
                // `TypeScript: Deno`) lists the products.
                let whole = self.tax.resolve(cell.trim_matches(['*', '_', ' ']));
                let keyed = cell.contains([':', '：']);
                let before = self.out.mentions.len();
                skills.extend(self.mention_all(cell, raw, line, span, true, dated.is_some()));
                for m in &mut self.out.mentions[before..] {
                    let category = self.tax.skill(m.skill).category.as_str();
                    let platform = matches!(category, "aws" | "gcp" | "azure" | "cloud");
                    let product = (keyed || whole == Some(m.skill))
                        && !matches!(
                            category,
                            "practice" | "other" | "database" | "observability" | "data" | "ml"
                        );
                    if !platform && !product {
                        m.is_listed = false;
                    }
                }
            }
        } else {
            skills = self.mention_all(&norm, raw, line, span, is_skill, dated.is_some());
        }
        if let Some(period) = dated {
            let title = norm_cells
                .iter()
                .filter(|c| !is_date_cell(c) && find_duration_months(c).is_none())
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
            // A company column names the employer; an empty cell repeats the row above's.
            let org = self.company_column().map(|i| {
                let cell = norm_cells
                    .get(i)
                    .map(|c| match find_period(c) {
                        Some(f) => clean_title(c, Some(f.span)),
                        None => clean_title(c, None),
                    })
                    .unwrap_or_default();
                if cell.is_empty() || matches!(cell.as_str(), "同上" | "〃" | "\"" | "-") {
                    self.last_row_org.clone().unwrap_or_default()
                } else {
                    cell
                }
            });
            // Without a company column, a cell that opens with an organisation's name names it
            // (`会社C<BR>課長` in a role column).
            let org = org.filter(|o| !o.is_empty()).or_else(|| {
                norm_cells
                    .iter()
                    .filter(|c| find_period(c).is_none())
                    .find_map(|c| {
                        let mut words = c.split_whitespace();
                        let first = words.next()?;
                        // A legal form written apart (`株式会社 FANP`) takes the next word.
                        let name = if structure::is_legal_form(first) {
                            format!("{first} {}", words.next()?)
                        } else {
                            first.to_owned()
                        };
                        (structure::names_org(&name) && !is_date_cell(&name)).then_some(name)
                    })
            });
            if org.is_some() {
                self.last_row_org.clone_from(&org);
            }
            // `## 学歴・職歴` rows: a school's row (`京都大学大学院情報学研究科`) is schooling,
            // the companies' rows are the career.
            let named = org.as_deref().unwrap_or(&title);
            let schooling = !structure::names_org(named)
                && SCHOOL_WORDS
                    .iter()
                    .any(|w| named.to_lowercase().contains(w))
                && self.current().is_some_and(|s| {
                    let t = self.out.sections[s].title.to_lowercase();
                    EDUCATION_WORDS.iter().any(|w| t.contains(w))
                });
            if !schooling {
                self.out.rows.push(DatedRow {
                    section: self.current(),
                    title,
                    period,
                    line,
                    skills: uniq,
                    is_row: true,
                    org,
                    open_stated: false,
                    depth: 0,
                });
            }
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
            // Terms of the row's cells that the taxonomy does not know (`| バックエンド |
            // Django, Django Signals, HMAC |`), as in a skill list written as a line. A cell with
            // a duration is the row's claim, already counted.
            for (_, cell) in norm_cells
                .iter()
                .enumerate()
                .filter(|(i, c)| !category_cols.contains(i) && find_duration_months(c).is_none())
            {
                let before = self.out.claims.len();
                self.skill_entries(cell, line, span, &entry_hits);
                self.out.claims.truncate(before);
            }
        }
    }

    /// `| 年 | 月 | 職歴 |` (the 履歴書 form): each row an event, `A社 入社` … `同社退社`,
    /// `現在に至る`. A joining opens an employer, the next leaving (or joining) closes it; a
    /// planned joining (`B社に入社予定`) only closes the one before. Gives false when the table
    /// is not of that form.
    /// The same events in a table with one date column (`| 時期 | 経歴 |` over `| 2018年4月 |
    /// A社に入社。… |`): a row of one month that states an event is read so, any other row is
    /// left to be read as an ordinary row (gives false).
    fn event_row(&mut self, cells: &[String], line: usize) -> bool {
        let Some(header) = &self.table_header else {
            return false;
        };
        // One 年 and one 月 column (`| 年 | 月 | 年 | 月 | 内容 |` gives ranges, read as rows).
        let col = |w: &str| {
            let mut at = header.iter().enumerate().filter(|(_, h)| h.trim() == w);
            match (at.next(), at.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        };
        let digits = |i: usize| -> Option<u32> {
            let c = cells.get(i)?.trim().trim_end_matches(['年', '月']);
            c.parse::<u32>().ok()
        };
        let (at, text, single) = if let (Some(y), Some(m)) = (col("年"), col("月")) {
            let Some(t) = (0..cells.len()).find(|&i| i != y && i != m) else {
                return false;
            };
            let at = digits(y)
                .zip(digits(m))
                .and_then(|(y, m)| Month::new(y as i32, m));
            (at, cells[t..].join(" "), false)
        } else {
            const DATE: &[&str] = &["年月", "時期", "年月日", "日付", "date"];
            let Some(d) = header.iter().position(|h| is_header_word(h, DATE, 6)) else {
                return false;
            };
            let at = cells
                .get(d)
                .and_then(|c| crate::period::lone_month(c.trim()));
            let others: Vec<&str> = (0..cells.len())
                .filter(|&i| i != d)
                .map(|i| cells[i].as_str())
                .collect();
            (at, others.join(" "), true)
        };
        let text = text.trim();
        if text.contains("現在に至る") || text == "現在" {
            self.close_joined(None);
        } else if let Some(at) = at {
            if let Some((name, planned)) = joining(text) {
                let end = Month::from_index(at.index() - 1);
                self.close_joined(Some(end));
                if !name.is_empty() && !planned {
                    self.joined = Some((name, at, line, self.current()));
                }
            } else if leaving(text) {
                self.close_joined(Some(at));
            } else if single {
                return false;
            }
        } else if single {
            return false;
        }
        // Every row of a 年 | 月 table is read here (學歴 rows name no employer and no skill).
        true
    }

    /// The employer joined in a `| 年 | 月 | 職歴 |` table, left at `end` (open when `None`),
    /// as a dated row naming its company.
    fn close_joined(&mut self, end: Option<Month>) {
        let Some((name, start, line, section)) = self.joined.take() else {
            return;
        };
        let end = match end {
            Some(e) if e >= start => End::At(e),
            Some(_) => End::At(start),
            None => End::Open,
        };
        self.out.rows.push(DatedRow {
            section,
            title: name.clone(),
            period: Period { start, end },
            line,
            skills: Vec::new(),
            is_row: true,
            org: Some(name),
            open_stated: false,
            depth: 0,
        });
    }

    /// The columns of the current table that name kinds of things or describe them
    /// (`| カテゴリ |`, `| サービス種類 |`, `| 用途 |`, `| Type |`, `| Description |`): they list
    /// no skills.
    fn category_columns(&self) -> Vec<usize> {
        const CATEGORY: &[&str] = &[
            "カテゴリ",
            "カテゴリー",
            "分類",
            "区分",
            "種類",
            "種別",
            "分野",
            "用途",
            "説明",
            "category",
            "type",
            "kind",
            "area",
            "description",
            "purpose",
        ];
        let mut cols: Vec<usize> = self.table_header.as_ref().map_or(Vec::new(), |h| {
            h.iter()
                .enumerate()
                .filter(|(_, c)| is_header_word(c, CATEGORY, 8))
                .map(|(i, _)| i)
                .collect()
        });
        // `| カテゴリ | 種別 | 経験年数 |`: two columns of kinds are a kind and its members; the
        // finer one (the rightmost) holds the names.
        if cols.len() >= 2 {
            cols.pop();
        }
        cols
    }

    /// A row of a table with separate start and end columns whose end cell is empty:
    /// `| Acme Inc. | October 1, 2024 |  |` under `| Company | Start | End |` is open-ended.
    fn open_end_row(&self, cells: &[String]) -> Option<crate::period::PeriodMatch> {
        const START: &[&str] = &["start", "from", "since", "開始", "入社", "着任", "参画"];
        const END: &[&str] = &["end", "to", "until", "終了", "退社", "退職", "離任"];
        let header = self.table_header.as_ref()?;
        let col = |words: &[&str]| header.iter().position(|h| is_header_word(h, words, 6));
        let (s, e) = (col(START)?, col(END)?);
        if !cells.get(e)?.trim().is_empty() {
            return None;
        }
        let start = cells.get(s)?.trim();
        find_period(&format!("{start} - present")).filter(|f| f.span.start == 0)
    }

    /// The cells of a row (outside a skill section) that list skills: those of a technology
    /// column; else the value of a row whose first cell labels a skill list
    /// (`| 技術環境 | Kotlin、Spring Boot |`); else a cell that enumerates known skills
    /// (`| AWS | EC2, EMR, S3 |`, whose first cell is then the platform of the list).
    fn listed_cells(&self, cells: &[String]) -> Vec<usize> {
        let cols = self.tech_columns();
        if !cols.is_empty() {
            return cols;
        }
        if cells.len() >= 2 && names_skill_label(&cells[0]) {
            return vec![1];
        }
        let mut out: Vec<usize> = (1..cells.len())
            .filter(|&i| is_skill_line(&cells[i], self.tax))
            .collect();
        if out.first() == Some(&1) && bare_skill_item(&cells[0], self.tax) {
            out.insert(0, 0);
        }
        out
    }

    /// The columns of the current table that list technologies (`使用技術`, `Stack`, `環境`,
    /// `テクニカルスキル<br>技術スタック`: a header written on two lines counts when one of them
    /// is a label).
    fn tech_columns(&self) -> Vec<usize> {
        let Some(header) = self.table_header.as_ref() else {
            return Vec::new();
        };
        header
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                split_header(h).any(|part| part.chars().count() <= 16 && names_skill_label(part))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The column of the current table that names the employer (`会社`, `所属`, `Company`).
    fn company_column(&self) -> Option<usize> {
        const WORDS: &[&str] = &[
            "会社",
            "企業",
            "所属",
            "勤務先",
            "社名",
            "company",
            "employer",
            "organization",
            "organisation",
        ];
        self.table_header.as_ref()?.iter().position(|h| {
            let h = h.trim();
            WORDS.iter().any(|w| h.contains(w)) && h.chars().count() <= 12
        })
    }

    /// `Azure: VM / Functions / SQL Database`: entries under a platform label that name a
    /// skill only with the platform's name in front (`Azure Functions`) are listed as that skill.
    fn qualified_entries(&mut self, norm: &str, raw: &str, line: usize, span: Option<Period>) {
        let t = norm.trim().trim_start_matches(['-', '*', '・', ' ']);
        let Some((label, body)) = t.split_once([':', '：']) else {
            return;
        };
        let label = label.replace(['*', '_'], "");
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 20 || self.tax.resolve(label).is_none() {
            return;
        }
        let text = evidence_text(raw);
        let mut parts = Vec::new();
        for entry in body.split(['/', '／', ',', '、', '，']).map(list_entry) {
            if entry.is_empty() {
                continue;
            }
            // `Azure: DevOps / CDN`: the platform's product (`Azure DevOps`) even where the
            // entry alone names something else (the practice DevOps).
            let Some(skill) = self.tax.resolve(&format!("{label} {entry}")) else {
                continue;
            };
            if self.tax.resolve(entry) == Some(skill) {
                continue;
            }
            parts.extend(self.tax.find(entry).iter().map(|h| h.skill));
            self.push_qualified(skill, line, text.clone(), span);
        }
        self.unlist_on_line(&parts, line);
    }

    /// `Azure: SQL Database / CDN` lists Azure SQL Database and Azure CDN: the names inside
    /// those entries (`SQL`, the generic `CDN`) are not listed on this line by them. One pass
    /// over the line's mentions for all of them.
    fn unlist_on_line(&mut self, parts: &[SkillId], line: usize) {
        if parts.is_empty() {
            return;
        }
        let parts: FastSet<SkillId> = parts.iter().copied().collect();
        for m in self.out.mentions.iter_mut().rev() {
            if m.line != line {
                break;
            }
            if parts.contains(&m.skill) {
                m.is_listed = false;
            }
        }
    }

    /// A product named with its platform or family in front (`Azure: Functions`, `Spring
    /// (Boot)`): listed where it is written.
    fn push_qualified(&mut self, skill: SkillId, line: usize, text: String, span: Option<Period>) {
        self.out.mentions.push(Mention {
            skill,
            line,
            text,
            kind: MatchKind::Exact,
            similarity: 1.0,
            section: self.current(),
            span,
            is_listed: self.is_listable(skill),
            from_line: false,
        });
    }

    /// `Spring (Core, MVC, Boot, Security)`: the entries of a parenthesis after a known name
    /// that name a product only with that name in front (`Spring Boot`) list that product.
    fn parenthesised_products(&mut self, norm: &str, raw: &str, line: usize, span: Option<Period>) {
        let text = evidence_text(raw);
        let mut from = 0;
        while let Some(open) = norm[from..].find(['(', '（']).map(|i| from + i) {
            let open_len = norm[open..].chars().next().map_or(1, char::len_utf8);
            let Some(close) = norm[open + open_len..]
                .find([')', '）'])
                .map(|i| open + open_len + i)
            else {
                break;
            };
            from = close;
            let before = &norm[..open];
            let name = before
                .rsplit([',', '、', '/', '|', ':', '：', '*'])
                .next()
                .unwrap_or("")
                .trim();
            let Some(parent) = (!name.is_empty()).then(|| self.tax.resolve(name)).flatten() else {
                continue;
            };
            let mut family = false;
            let mut unknown = Vec::new();
            for item in norm[open + open_len..close].split([',', '、', '/', '・', '，']) {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                let Some(skill) = self.tax.resolve(&format!("{name} {item}")) else {
                    if self.tax.find(item).is_empty() {
                        unknown.push(item.to_owned());
                    }
                    continue;
                };
                if skill == parent || self.tax.resolve(item) == Some(skill) {
                    continue;
                }
                family = true;
                self.push_qualified(skill, line, text.clone(), span);
            }
            // `Spring (Core, AOP, Boot, Hateoas)`: where the parenthesis names members of the
            // family (`Spring Boot`), its other short names are members too (`Spring AOP`).
            if family {
                for item in unknown {
                    if item.is_ascii()
                        && item.split_whitespace().count() <= 2
                        && looks_like_term(&item)
                        && !is_version(&item)
                    {
                        self.listed_term(format!("{name} {item}"), norm, line, span);
                    }
                }
            }
        }
    }

    /// Claims and unknown entries of one line of a skill section.
    /// About 100 lines: the entry shapes (label, years, parentheses, versions) are checked in order.
    fn skill_entries(
        &mut self,
        norm: &str,
        line: usize,
        span: Option<Period>,
        line_skills: &[SkillId],
    ) {
        // `Languages: Go, Python` — the label is not an entry.
        let (label, body) = match norm.split_once([':', '：']) {
            Some((label, rest))
                if (label.chars().count() <= 24 || names_skill_label(label))
                    && !rest.trim().is_empty() =>
            {
                (label.replace(['*', '_'], "").trim().to_owned(), rest)
            }
            _ => (String::new(), norm),
        };
        // `Azure: Functions`: an entry named with its platform (`Azure Functions`) is known.
        let platform = (!label.is_empty() && self.tax.resolve(&label).is_some()).then_some(label);
        // `### AWS` over `ECS / Batch / Transfer Family`: the heading names the platform of
        // the entries below it (`Batch` is AWS Batch).
        let section_platform = if platform.is_none() {
            self.section_platform()
        } else {
            None
        };
        let entries: Vec<&str> = body
            .split(['|', ',', '、', ';', '，'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        // Pieces the section's platform names (`Batch` under `### AWS`): listed as the
        // platform's product, no terms of their own.
        let mut members: FastSet<String> = FastSet::default();
        if let Some(p) = platform.as_ref().or(section_platform.as_ref()) {
            let mut parts = Vec::new();
            for entry in &entries {
                let hits = self.tax.find(entry);
                for piece in split_outside(entry, &hits) {
                    let bare = clean_term(piece);
                    if bare.is_empty() {
                        continue;
                    }
                    // (A name that is only the platform again, `Java Spring` for Java under
                    // `#### Java`, names no product of it: `Spring` stays Spring.)
                    let Some(skill) = self
                        .tax
                        .resolve(&format!("{p} {bare}"))
                        .filter(|&s| Some(s) != self.tax.resolve(p))
                    else {
                        continue;
                    };
                    if self.tax.resolve(&bare) != Some(skill) {
                        // (`Azure: Functions`: qualified_entries listed the label's products.)
                        if platform.is_none() {
                            parts.extend(self.tax.find(&bare).iter().map(|h| h.skill));
                            self.push_qualified(skill, line, evidence_text(norm), span);
                        }
                        members.insert(bare);
                    }
                }
            }
            self.unlist_on_line(&parts, line);
        }
        let mut claimed = false;
        // Entries inside a parenthesis opened by an earlier entry (`Stripe（PaymentIntent,
        // Invoice, Webhook）`) qualify it: their known names count, they are no terms of their own.
        let mut depth = 0usize;
        for entry in &entries {
            let inside = depth > 0;
            for c in entry.chars() {
                match c {
                    '(' | '（' => depth += 1,
                    ')' | '）' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            let hits = self.tax.find(entry);
            let duration = find_duration_months(entry);
            if inside {
                if let (1, Some(months)) = (hits.len(), duration) {
                    claimed = true;
                    self.out.claims.push(Claim {
                        skill: hits[0].skill,
                        months,
                        line,
                    });
                }
                continue;
            }
            if duration.is_none() && !hits.is_empty() {
                for piece in split_outside(entry, &hits) {
                    if members.contains(&clean_term(piece)) {
                        continue;
                    } else if let Some(term) = qualified_term(piece, self.tax) {
                        self.listed_term(term, norm, line, span);
                    } else if let Some(head) = unknown_head(piece, self.tax) {
                        // `JPA (Hibernate)`: an unknown name whose parenthesis holds the known
                        // ones it is used with.
                        self.listed_term(head, norm, line, span);
                    }
                }
            }
            if hits.is_empty() || entry.contains(['/', '・']) {
                // `Java/SpringBoot/salesforce`: pieces between separators that no known name
                // spans (so `CI/CD` and `Pub/Sub` stay whole).
                for piece in split_outside(entry, &hits) {
                    let bare = clean_term(piece);
                    // `Windows: NT4, XP, Vista, 10`: a short entry under a platform label is
                    // an edition or version of it, not a name of its own.
                    let is_edition =
                        platform.is_some() && !bare.contains(' ') && bare.chars().count() <= 6;
                    if bare.is_empty()
                        || is_edition
                        || members.contains(&bare)
                        || !self.tax.find(&bare).is_empty()
                        || platform
                            .as_ref()
                            .is_some_and(|p| self.tax.resolve(&format!("{p} {bare}")).is_some())
                    {
                        continue;
                    }
                    let is_term = duration.is_none()
                        && bare.chars().count() <= 32
                        && bare.split_whitespace().count() <= 4
                        && !bare.ends_with('。');
                    // Only report entries of a list of skills (a line that also names known
                    // skills, or a line of a few short entries), not free prose.
                    if is_term
                        && !is_placeholder_or_code(piece.trim())
                        && (!line_skills.is_empty() || !hits.is_empty() || entries.len() <= 6)
                        && looks_like_term(&bare)
                    {
                        self.listed_term(bare, norm, line, span);
                    }
                }
                if hits.is_empty() {
                    continue;
                }
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

    /// Each tag of a line of code-span tags: the skill it names (whole, else each piece
    /// between `/`), else the skill it spells another way, else an unknown term.
    fn tag_entries(&mut self, tags: &[String], raw: &str, line: usize, span: Option<Period>) {
        let text = evidence_text(raw);
        for tag in tags {
            let tag = nfkc(tag);
            let mut tag = tag.trim();
            // `aws lambda`, `aws dynomodb`: the platform, and its product.
            let platform = tag
                .split_once(' ')
                .and_then(|(first, rest)| Some((self.tax.resolve(first)?, rest)))
                .filter(|(id, _)| {
                    matches!(
                        self.tax.skill(*id).category.as_str(),
                        "aws" | "gcp" | "azure" | "cloud"
                    )
                });
            if let Some((id, rest)) = platform {
                self.push_qualified(id, line, text.clone(), span);
                if self.tax.resolve(tag).is_none() {
                    tag = rest.trim();
                }
            }
            let pieces: Vec<&str> = if self.tax.resolve(tag).is_some() {
                vec![tag]
            } else {
                tag.split('/').map(str::trim).collect()
            };
            for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
                // `node`, `express`: a JavaScript library's tag without its `.js`.
                let named = self
                    .tax
                    .resolve(piece)
                    .or_else(|| self.tax.resolve(&format!("{piece}.js")));
                match named {
                    Some(skill) => self.out.mentions.push(Mention {
                        skill,
                        line,
                        text: text.clone(),
                        kind: MatchKind::Exact,
                        similarity: 1.0,
                        section: self.current(),
                        span,
                        is_listed: self.is_listable(skill),
                        from_line: false,
                    }),
                    None => {
                        // (A lone English word, `certs`, is a remark, not a name.)
                        let bare = clean_term(piece);
                        let is_word = !bare.contains(' ')
                            && crate::taxonomy::is_dictionary_word(&bare.to_lowercase());
                        if looks_like_term(&bare) && bare.chars().count() <= 32 && !is_word {
                            self.listed_term(bare, &text, line, span);
                        }
                    }
                }
            }
        }
    }

    /// An entry of a skill list the automaton did not find: the skill it spells another way
    /// (`Postgressql`, `rest-api`), listed; else an unknown term, kept as the person wrote it.
    fn listed_term(&mut self, term: String, norm: &str, line: usize, span: Option<Period>) {
        let found = self.tax.resolve_variant(&term).or_else(|| {
            glued_version_name(&term)
                .and_then(|name| self.tax.resolve(name))
                .map(|s| (s, 1.0))
        });
        let Some((skill, similarity)) = found else {
            self.out.unknown_terms.push(UnknownTerm { term, line });
            return;
        };
        // `Google Tagmanager` is Google Tag Manager, not also Google: a known name inside the
        // entry that is part of the skill's own name is not listed on its own.
        // The names inside the entry were found when the whole line was read (all of this
        // line's automaton mentions exist now), so each is dropped from the line once: a line
        // of a million `Google Tagmanager` entries scans its mentions once, not a million times.
        let whole = crate::taxonomy::compact(&self.tax.skill(skill).name);
        if self.dropped_on.0 != line {
            self.dropped_on = (line, FastSet::default());
        }
        let tax = self.tax;
        let inside: FastSet<SkillId> = tax
            .find(&term)
            .iter()
            .map(|h| h.skill)
            .filter(|&s| {
                let part = crate::taxonomy::compact(&tax.skill(s).name);
                s != skill && !part.is_empty() && whole.contains(&part)
            })
            .filter(|s| !self.dropped_on.1.contains(s))
            .collect();
        if !inside.is_empty() {
            // This line's mentions are the last ones pushed: only they are looked at.
            let from = self
                .out
                .mentions
                .iter()
                .rposition(|m| m.line != line)
                .map_or(0, |i| i + 1);
            let mut tail = self.out.mentions.split_off(from);
            tail.retain(|m| !m.is_listed || !inside.contains(&m.skill));
            self.out.mentions.extend(tail);
            self.dropped_on.1.extend(inside);
        }
        self.out.mentions.push(Mention {
            skill,
            line,
            text: evidence_text(norm),
            kind: MatchKind::Fuzzy,
            similarity,
            section: self.current(),
            span,
            is_listed: self.is_listable(skill),
            from_line: false,
        });
    }

    fn summary(&mut self, raw: &str, line: usize) {
        let norm = nfkc(&blocks::strip_urls(raw));
        match self.find_period_at(&norm, line).and_then(|f| {
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
                self.mention_all(&norm, raw, line, span, false, false);
            }
            None => {
                self.line(raw, line, false, 0);
                // An undated <summary> that names something (`画像変換サーバのリプレイス`) opens
                // a section when the first line of its block is its period (`期間: …`).
                let title = clean_title(&norm, None);
                if is_unit_label(&title) && !self.is_skill_here() {
                    self.pending_summary = Some((title, line));
                }
            }
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
        // An address is no skill (`site: https://github.com/…`).
        let raw = &*blocks::strip_urls(raw);
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
                    self.mention_all(value, raw, line, None, true, false);
                }
            }
            return;
        }
        if self.in_front_matter_skills {
            self.mention_all(trimmed, raw, line, None, true, false);
        }
    }
}

/// A fenced block that is a record of the résumé, not code: `期間: 2020/02 - 現在`,
/// `使用技術: |-` + an indented list, written as YAML (`yaml`, `yml`, plain or `text` fence) so
/// that Markdown keeps its layout. Such a block is read as a list: each top-level `key: value`
/// becomes an item, each indented line an item nested under it, the fences blank lines (so line
/// numbers stay those of the source). Any other fenced block stays code.
fn unfence_records(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("```") && !text.contains("~~~") {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    let fence_of = |l: &str| {
        let t = l.trim_start();
        (l.len() - t.len() <= 3)
            .then(|| ["```", "~~~"].into_iter().find(|f| t.starts_with(f)))
            .flatten()
            .map(|f| (f, t[f.len()..].trim().to_lowercase()))
    };
    let key_of = |l: &str| -> Option<String> {
        if l.starts_with([' ', '\t', '-', '#']) {
            return None;
        }
        let (key, _) = l.split_once(':')?;
        (!key.trim().is_empty() && key.chars().count() <= 24).then(|| nfkc(key.trim()))
    };
    let mut i = 0;
    while i < lines.len() {
        let Some((fence, info)) = fence_of(lines[i]) else {
            i += 1;
            continue;
        };
        let Some(close) = (i + 1..lines.len()).find(|&j| {
            lines[j].trim_start().starts_with(fence)
                && lines[j]
                    .trim()
                    .trim_matches(|c| fence.contains(c))
                    .is_empty()
        }) else {
            break;
        };
        let body = &lines[i + 1..close];
        let keys: Vec<String> = body.iter().filter_map(|l| key_of(l)).collect();
        let is_record = matches!(info.as_str(), "" | "yaml" | "yml" | "text" | "txt")
            && keys.len() >= 2
            && keys
                .iter()
                .any(|k| is_period_label(k) || names_skill_label(k));
        if is_record {
            out[i].clear();
            out[close].clear();
            for (j, l) in body.iter().enumerate() {
                let l = l.trim_end_matches('\r');
                let item = if key_of(l).is_some() {
                    let l = l.trim_end();
                    let l = ["|-", "|+", "|", ">-", ">"]
                        .iter()
                        .find_map(|m| l.strip_suffix(m))
                        .unwrap_or(l);
                    format!("- {}", l.trim_end())
                } else if l.trim().is_empty() {
                    String::new()
                } else if l.starts_with("- ") {
                    l.to_owned()
                } else {
                    let t = l.trim().trim_start_matches(['*', '-', '・']).trim_start();
                    format!("  - {t}")
                };
                out[i + 1 + j] = item;
            }
        }
        i = close + 1;
    }
    std::borrow::Cow::Owned(out.join("\n"))
}

/// `---` on a line of its own after a blank line (or a heading) in the body of a document is a
/// thematic break, whatever follows it: only the document's first line opens front matter. A
/// separator between a company's block and the next heading (`---` + `### 株式会社…`) would
/// otherwise open a YAML metadata block that swallows everything up to the next `---`. Such
/// a break is written `***` (same meaning, same length, so lines and offsets stay); fenced
/// blocks and a front matter at the top are left as they are.
fn breaks_not_front_matter(text: &str) -> std::borrow::Cow<'_, str> {
    let is_dashes = |l: &str| l.trim_end() == "---";
    if !text.lines().skip(1).any(is_dashes) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    // The front matter's own lines, when the document opens with one.
    let mut from = 1;
    if lines.first().is_some_and(|l| is_dashes(l)) {
        from = (1..lines.len())
            .find(|&j| is_dashes(lines[j]) || lines[j].trim_end() == "...")
            .map_or(lines.len(), |j| j + 1);
    }
    std::borrow::Cow::Owned(edit_unfenced_lines(text, |i, l| {
        // (`from` is at least 1: every line looked at has one above it.)
        let after_break = i >= from && is_dashes(l) && {
            let above = lines[i - 1].trim();
            above.is_empty() || above.starts_with('#')
        };
        after_break.then(|| l.replacen("---", "***", 1))
    }))
}

/// `###Experience`, `####Acme, Portland, OR _2010 – Present_`: headings written without the
/// space after their marks (older Markdown read them as headings) get it, so they are headings
/// here too. Two to six marks before a capital or a non-ASCII letter; fenced blocks are left
/// alone; lines stay where they are.
fn spaced_headings(text: &str) -> std::borrow::Cow<'_, str> {
    let unspaced = |l: &str| {
        let marks = l.bytes().take_while(|&b| b == b'#').count();
        (2..=6).contains(&marks)
            && l[marks..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || (!c.is_ascii() && c.is_alphabetic()))
    };
    if !text.lines().any(unspaced) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(edit_unfenced_lines(text, |_, l| {
        unspaced(l).then(|| {
            let marks = l.bytes().take_while(|&b| b == b'#').count();
            format!("{} {}", &l[..marks], &l[marks..])
        })
    }))
}

/// `text` with every line outside fenced blocks that `edit` rewrites replaced by its rewrite
/// (one line for one: lines stay where they are).
fn edit_unfenced_lines(text: &str, edit: impl Fn(usize, &str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut fence: Option<&str> = None;
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = l.trim_start();
        if let Some(f) = ["```", "~~~"].into_iter().find(|f| t.starts_with(f)) {
            fence = match fence {
                Some(open) if open == f => None,
                None => Some(f),
                other => other,
            };
        }
        match fence.is_none().then(|| edit(i, l)).flatten() {
            Some(new) => out.push_str(&new),
            None => out.push_str(l),
        }
    }
    out
}

/// `<div class='row'>` / `## Experience` / …: a line that is only a `<div>` tag (opening or
/// closing, with a trailing comment) would start an HTML block that swallows the Markdown
/// written right under it (its headings would be text). Such lines are blanked where Markdown
/// follows: a layout box holds no words. Fenced blocks are left alone; lines stay where they
/// are.
fn blank_div_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let is_div = |l: &str| {
        let t = l.trim();
        let t = match t.find("<!--") {
            Some(i) if t.ends_with("-->") => t[..i].trim_end(),
            _ => t,
        };
        let lower = t.to_ascii_lowercase();
        (lower.starts_with("<div") || lower.starts_with("</div"))
            && lower.ends_with('>')
            && lower.matches('<').count() == 1
    };
    if !text.lines().any(is_div) {
        return std::borrow::Cow::Borrowed(text);
    }
    // Only where Markdown follows (the next line that is not blank is neither HTML nor indented
    // as code): a `<div>` around HTML stays one HTML block.
    let lines: Vec<&str> = text.split('\n').collect();
    let markdown_follows = |i: usize| {
        lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| {
                !l.trim_start().starts_with('<') && !l.starts_with("    ") && !l.starts_with('\t')
            })
    };
    std::borrow::Cow::Owned(edit_unfenced_lines(text, |i, l| {
        (is_div(l) && markdown_follows(i)).then(String::new)
    }))
}

/// Parse résumé `text`.
pub fn parse_resume(text: &str, tax: &Taxonomy) -> Resume {
    let text = &*unfence_records(text);
    let text = &*breaks_not_front_matter(text);
    let text = &*spaced_headings(text);
    let text = &*blank_div_lines(text);
    let lines = LineIndex::new(text);
    let mut b = Builder {
        tax,
        is_technical: tax.is_technical(&crate::text::nfkc(text)),
        out: Resume::default(),
        stack: Vec::new(),
        details_depth: 0,
        pending_heading: None,
        role_heading: None,
        joined_heading: None,
        table_pending: None,
        in_front_matter_skills: false,
        table_header: None,
        last_row_org: None,
        pending_summary: None,
        stack_item_depth: None,
        last_item_bare: false,
        name: person::headline(text).map(|h| nfkc(&h)),
        line_platform: None,
        platform_above: None,
        dropped_on: (0, FastSet::default()),
        joined: None,
        bold_level: None,
        period_level: None,
        unnamed_unit: None,
        line_is_bold: false,
        line_breaks: false,
        unnamed_below: 0,
        unnamed_heading: false,
        line_continues: false,
        lines_above: Vec::new(),
        line_tags: None,
        line_bold: Vec::new(),
        item_scopes: Vec::new(),
    };
    // Where each source line starts: a block's text has lost its emphasis, and a line written
    // in bold (`**Role at Company**: *2019 - 2021*`) reads as a heading.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for block in blocks::blocks(text, &lines) {
        match &block.kind {
            blocks::BlockKind::Heading(level) => b.heading(*level, &block.text, block.line),
            blocks::BlockKind::Line {
                is_item,
                depth,
                continues,
                ..
            } => {
                b.line_continues = *continues;
                let src = block
                    .line
                    .checked_sub(1)
                    .and_then(|l| starts.get(l))
                    .and_then(|&at| text.get(at..))
                    .map(|src| src.split('\n').next().unwrap_or("").trim());
                b.line_is_bold =
                    src.is_some_and(|src| src.starts_with("**") || src.starts_with("__"));
                b.line_breaks = block
                    .line
                    .checked_sub(1)
                    .and_then(|l| starts.get(l))
                    .and_then(|&at| text.get(at..))
                    .map(|src| src.split('\n').next().unwrap_or("").trim_end_matches('\r'))
                    .is_some_and(|src| {
                        let t = src.trim_end().to_ascii_lowercase();
                        src.ends_with("  ")
                            || t.ends_with('\\')
                            || ["<br>", "<br/>", "<br />"].iter().any(|b| t.ends_with(b))
                    });
                b.line_tags = src.and_then(code_tags);
                b.line_bold = src.map(bold_spans).unwrap_or_default();
                b.line(&block.text, block.line, *is_item, *depth)
            }
            blocks::BlockKind::Row { is_header, cells } => {
                b.row(cells, *is_header, &block.text, block.line)
            }
            blocks::BlockKind::Summary => b.summary(&block.text, block.line),
            blocks::BlockKind::DetailsOpen => b.details_depth += 1,
            blocks::BlockKind::DetailsClose => b.details_close(),
            blocks::BlockKind::FrontMatter => b.front_matter(&block.text, block.line),
            blocks::BlockKind::JsonLd | blocks::BlockKind::MailTo => {}
        }
    }
    b.close_joined(None);
    let mut out = b.out;
    role_then_employer(&mut out);
    let overview_dated = date_from_overview(&mut out);
    derive_periods(&mut out, overview_dated);
    stacked_roles(&mut out);
    structure::classify(&mut out, tax);
    close_superseded(&mut out);
    out
}

/// Does the period found in `norm` end with a word that says it goes on (`Present`, `現在`),
/// rather than an open separator (`2018年4月〜`)?
fn states_open(norm: &str, found: &crate::period::PeriodMatch) -> bool {
    found.period.end == End::Open
        && norm.get(found.span.clone()).is_some_and(|t| {
            let t = t.trim_end().to_lowercase();
            OPEN_WORDS
                .iter()
                .chain(&["継続中", "ongoing"])
                .any(|w| t.ends_with(w))
        })
}

/// `2023年 ~ (8ヶ月)`, `2022年 ~ 2024年(2年)`: a period whose end is open or given by year only,
/// followed by its length in parentheses, lasts that long from its start (the parenthesis
/// joins the period's span, so it leaves the title).
fn with_stated_length(norm: &str, mut f: crate::period::PeriodMatch) -> crate::period::PeriodMatch {
    let Some(rest) = norm.get(f.span.end..) else {
        return f;
    };
    let trimmed = rest.trim_start();
    let Some(inner) = trimmed
        .strip_prefix(['(', '（'])
        .and_then(|t| t.split_once([')', '）']).map(|(a, _)| a))
    else {
        return f;
    };
    if inner.chars().count() > 12 {
        return f;
    }
    let Some(months) = find_duration_months(inner).filter(|m| *m > 0) else {
        return f;
    };
    let text = &norm[f.span.clone()];
    let year_only = !text.contains('月')
        && !text.chars().any(|c| matches!(c, '/' | '.'))
        && !text.chars().any(|c| c.is_ascii_alphabetic());
    if f.period.end != End::Open && !year_only {
        return f;
    }
    let end = Month::from_index(f.period.start.index() + i32::try_from(months).unwrap_or(0) - 1);
    f.period.end = End::At(end);
    let close = trimmed.find([')', '）']).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    f.span.end += rest.len() - trimmed.len() + close;
    f
}

/// Is the header cell one of `words` (lower-case): the word itself, or, for a Japanese word,
/// a cell of at most `max_chars` characters that contains it (`サービス種類`, `開始年月`)?
/// The text of an event row that says a joining (`株式会社しおさいシステム 入社`, `A社に入社。…`,
/// `個人事業主として独立`, `B社に入社予定`): the name of what was joined (empty when the row
/// names none) and whether the joining is only planned. A word inside a longer one
/// (`新入社員`) is no joining.
fn joining(text: &str) -> Option<(String, bool)> {
    const JOIN: &[&str] = &[
        "入社",
        "入所",
        "入行",
        "入庁",
        "として独立",
        "独立",
        "開業",
        "就職",
    ];
    for w in JOIN {
        for (i, _) in text.match_indices(w) {
            let after = &text[i + w.len()..];
            let planned = after.starts_with("予定");
            if !planned
                && after.chars().next().is_some_and(|c| {
                    !matches!(c, '。' | '、' | '.' | ',' | ' ' | 'し' | '(' | '（')
                })
            {
                continue;
            }
            let name = text[..i].trim();
            let name = name.trim_end_matches(['に', 'へ', 'を', ' ']).trim();
            return Some((name.to_owned(), planned));
        }
    }
    None
}

/// Does the text of an event row say a leaving (`一身上の都合により退職`, `同社退社`)?
fn leaving(text: &str) -> bool {
    const LEAVE: &[&str] = &["退社", "退職", "退所", "退行", "廃業", "離職", "任期満了"];
    LEAVE.iter().any(|w| text.contains(w))
}

fn is_header_word(cell: &str, words: &[&str], max_chars: usize) -> bool {
    let c = cell.trim().to_lowercase();
    words
        .iter()
        .any(|w| c == *w || (!w.is_ascii() && c.contains(w) && c.chars().count() <= max_chars))
}

/// Work that may run beside a main job (`副業`, `Freelance`, `Advisor`): never closed by it.
const SIDE_WORK: &[&str] = &[
    "副業",
    "業務委託",
    "フリーランス",
    "個人事業主",
    "兼業",
    "freelance",
    "side",
    "part-time",
    "advisor",
    "volunteer",
    "board",
];

/// A heading over the positions held now: `Current positions`, `Present roles`, `現職`,
/// `現在の所属`.
fn says_current(title: &str) -> bool {
    let l = title.to_lowercase();
    ["current", "present"]
        .iter()
        .any(|w| crate::text::contains_word(&l, w))
        || ["現職", "現在"].iter().any(|w| l.contains(w))
}

/// `## Quipper Limited (Jun,2018〜)` then `Recruit Co., Ltd. (Oct, 2021~)`: an employer left
/// open that a later employer follows ended when that one began (employers tile a career).
/// Side work, on either side, runs beside the main job and closes nothing.
fn close_superseded(r: &mut Resume) {
    // Whole words in English (`Freelance`, not the `side` of `Seaside Ltd`).
    let is_side = |name: &str| {
        let l = name.to_lowercase();
        SIDE_WORK.iter().any(|w| {
            if w.is_ascii() {
                crate::text::contains_word(&l, w)
            } else {
                l.contains(w)
            }
        })
    };
    let side: Vec<bool> = r.companies.iter().map(|c| is_side(&c.name)).collect();
    // `## Current positions` + `### Percona` (`August 2016 - Current`) + `### Ayres.io`
    // (`September 2016 - Current`): positions the person groups as held now, each said to go
    // on, are held at once; a later one closes none of them.
    let held_now: Vec<bool> = r
        .companies
        .iter()
        .map(|c| {
            c.section.is_some_and(|s| {
                r.sections[s].open_stated
                    && std::iter::successors(r.sections[s].parent, |&p| r.sections[p].parent)
                        .any(|a| says_current(&r.sections[a].title))
            })
        })
        .collect();
    let mut starts: Vec<Month> = r
        .companies
        .iter()
        .zip(&side)
        .filter(|(_, s)| !**s)
        .map(|(c, _)| c.period.start)
        .collect();
    starts.sort_unstable();
    // Per section: (open period, closed period) for the sections an employer's close reaches.
    let mut closing: Vec<Option<(Period, Period)>> = vec![None; r.sections.len()];
    let mut closed_projects: HashMap<(String, Period), Period> = HashMap::new();
    for (i, c) in r.companies.iter_mut().enumerate() {
        if c.period.end != End::Open || side[i] || held_now[i] {
            continue;
        }
        let at = starts.partition_point(|s| *s <= c.period.start);
        let Some(next) = starts.get(at) else { continue };
        let old = c.period;
        let closed = Period {
            start: old.start,
            end: End::At(Month::from_index(next.index() - 1)),
        };
        c.period = closed;
        closed_projects.insert((c.name.clone(), old), closed);
        // The employer's heading and what is written under it (a contiguous run of sections
        // in document order).
        if let Some(sec) = c.section {
            let inside = |mut j: usize| loop {
                if j == sec {
                    return true;
                }
                match r.sections[j].parent {
                    Some(p) if p >= sec => j = p,
                    _ => return false,
                }
            };
            for (j, slot) in closing.iter_mut().enumerate().skip(sec) {
                if !inside(j) {
                    break;
                }
                *slot = Some((old, closed));
            }
        }
    }
    // What the employer's open period dated (the roles and projects under it that inherit it,
    // their mentions) ends with it.
    for (j, s) in r.sections.iter_mut().enumerate() {
        if let Some((old, closed)) = closing[j] {
            if s.span == Some(old) {
                s.span = Some(closed);
            }
        }
    }
    for m in &mut r.mentions {
        if let Some((old, closed)) = m.section.and_then(|s| closing[s]) {
            if m.span == Some(old) {
                m.span = Some(closed);
            }
        }
    }
    for p in &mut r.projects {
        if let Some(closed) = closed_projects.get(&(p.company.clone(), p.period)) {
            p.period = *closed;
        }
    }
}

/// `## Senior Engineer, October 2019 to May 2021` + `## [Acme](…), Berlin` (`### SRE (2020 –
/// 2023)` + `### Acme, Tokyo`): a dated heading that is only a role, followed at once by an
/// undated heading of the same level that is not a role, is one stint: the period moves to the
/// employer's heading (and to what is written under it), the role keeps none.
fn role_then_employer(r: &mut Resume) {
    let n = r.sections.len();
    let mut moved: Vec<(usize, Period)> = Vec::new();
    for i in 0..n.saturating_sub(1) {
        let (role, next) = (&r.sections[i], &r.sections[i + 1]);
        let Some(period) = role.own else { continue };
        let only_role = structure::only_role(&role.title);
        let plain =
            |s: &Section| !(s.is_skill_section || s.is_education || s.is_other || s.is_career);
        if only_role
            && plain(role)
            && plain(next)
            && next.own.is_none()
            && next.level == role.level
            && next.line <= role.line + 2
            && !next.title.is_empty()
            && !structure::is_role(&next.title)
        {
            moved.push((i, period));
        }
    }
    for (i, period) in moved {
        let parent_span = r.sections[i].parent.and_then(|p| r.sections[p].span);
        let span = clip(period, parent_span.as_ref());
        r.sections[i].own = None;
        r.sections[i + 1].own = Some(period);
        r.sections[i + 1].span = Some(span);
        // What is written under the employer's heading (and its undated subsections) is dated
        // by the stint.
        let mut inside = vec![i + 1];
        for j in i + 2..r.sections.len() {
            if r.sections[j].parent.is_some_and(|p| inside.contains(&p))
                && r.sections[j].own.is_none()
            {
                r.sections[j].span = Some(span);
                inside.push(j);
            }
        }
        for m in &mut r.mentions {
            if m.span.is_none() && m.section.is_some_and(|s| inside.contains(&s)) {
                m.span = Some(span);
            }
        }
    }
}

/// `#### Manager` + `_Jan 2021 – Mar 2024_` right above `#### SRE` + `_Jul 2019 – Jan 2021_`
/// and its bullets: dated headings of the same level that follow one another with nothing
/// written under them but their period, and whose periods touch, are roles held one after
/// another that share the description under the last of them. The mentions written there are
/// dated by the hull of the run, and so is the last heading's span (its project); the headings
/// keep the periods written on them. Only roles inside an employer's heading form a run.
fn stacked_roles(r: &mut Resume) {
    let n = r.sections.len();
    let plain = |s: &Section| !(s.is_skill_section || s.is_education || s.is_other || s.is_career);
    // A mention on the heading itself (`#### Site Reliability Engineer`) or its period line
    // does not count as something written under it.
    let mut has_mention = vec![false; n];
    for m in &r.mentions {
        if let Some(s) = m.section {
            has_mention[s] |= m.line > r.sections[s].line + 1;
        }
    }
    let mut i = 0;
    while i < n {
        let mut k = i;
        let mut h = None;
        // Extend the run while section k is bare (heading + period line) and its next sibling
        // follows at once with a touching period.
        while k + 1 < n {
            let (a, b) = (&r.sections[k], &r.sections[k + 1]);
            let (Some(pa), Some(pb)) = (a.span, b.span) else {
                break;
            };
            let bare = !has_mention[k] && b.line <= a.line + 3;
            // Roles inside an employer's heading, not employers themselves.
            let under_employer = a.parent.is_some_and(|p| {
                let p = &r.sections[p];
                plain(p) && p.level >= 2
            });
            if !(bare
                && under_employer
                && !structure::names_org(&a.title)
                && !structure::names_org(&b.title)
                && plain(a)
                && plain(b)
                && a.level == b.level
                && a.parent == b.parent
                && structure::touches(&pa, &pb))
            {
                break;
            }
            h = Some(hull(h.or(Some(pa)), pb));
            k += 1;
        }
        if let (true, Some(run)) = (k > i, h) {
            // The last role carries the run's description: its project spans the run.
            r.sections[k].span = Some(run);
            let mut inside = vec![k];
            for j in k + 1..n {
                if r.sections[j].parent.is_some_and(|p| inside.contains(&p))
                    && r.sections[j].own.is_none()
                {
                    r.sections[j].span = Some(run);
                    inside.push(j);
                }
            }
            for m in r
                .mentions
                .iter_mut()
                .filter(|m| !m.from_line && !m.is_listed)
            {
                if m.section.is_some_and(|s| inside.contains(&s)) {
                    m.span = Some(run);
                }
            }
        }
        i = k + 1;
    }
}

/// A name reduced for comparing an overview entry with a detailed heading: NFKC, lower case,
/// no parenthesised remark (`（正社員）`), no legal form, letters and digits only.
fn org_key(name: &str) -> String {
    let name = structure::company_name(name);
    let mut t = String::new();
    let mut depth = 0usize;
    for c in nfkc(&name).to_lowercase().chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => t.push(c),
            _ => {}
        }
    }
    for form in [
        "株式会社",
        "有限会社",
        "合同会社",
        "inc.",
        "inc",
        "llc",
        "ltd.",
        "ltd",
        "corp.",
    ] {
        t = t.replace(form, "");
    }
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// An overview that dates what is detailed later without a period: `* [Ibotta](#ibotta) April,
/// 2017 - July, 2018` or `- **2024年10月〜現在** 株式会社X（正社員）` above an undated `### Ibotta`
/// / `### 株式会社X`. The heading takes the period of the dated unit (elsewhere in the document)
/// that names the same organisation. Returns whether any heading was dated so.
fn date_from_overview(r: &mut Resume) -> bool {
    let mut dated = std::collections::HashMap::new();
    for row in &r.rows {
        let key = org_key(row.org.as_deref().unwrap_or(&row.title));
        if key.chars().count() >= 2 {
            dated.entry(key).or_insert((row.period, row.section));
        }
    }
    if dated.is_empty() {
        return false;
    }
    let mut any = false;
    for i in 0..r.sections.len() {
        let s = &r.sections[i];
        if s.own.is_some() || s.is_skill_section || s.is_education || s.is_other || s.is_career {
            continue;
        }
        let Some(&(period, row_section)) = dated.get(&org_key(&s.title)) else {
            continue;
        };
        // The unit must stand outside this heading (not a row of its own table).
        let inside = row_section.is_some_and(|rs| {
            rs == i
                || std::iter::successors(r.sections[rs].parent, |&p| r.sections[p].parent)
                    .any(|a| a == i)
        });
        if inside {
            continue;
        }
        let parent_span = s.parent.and_then(|p| r.sections[p].span);
        let s = &mut r.sections[i];
        s.own = Some(period);
        s.span = Some(clip(period, parent_span.as_ref()));
        s.derived = true;
        any = true;
    }
    any
}

/// The hull of two periods (earliest start, latest end; open wins).
fn hull(a: Option<Period>, b: Period) -> Period {
    match a {
        None => b,
        Some(a) => Period {
            start: a.start.min(b.start),
            end: match (a.end, b.end) {
                (End::Open, _) | (_, End::Open) => End::Open,
                (End::At(x), End::At(y)) => End::At(x.max(y)),
            },
        },
    }
}

/// Date the sections that carry no period of their own from the dated units inside them:
/// `### Acme` over `#### SRE` + `_Mar 2025 – Present_` and `#### Engineer` + `_2019 – 2025_`
/// spans 2019 – present. A section dated by the line under it is widened the same way (roles
/// listed one after another under one employer). Career labels (`職務経歴`, `Experience`) and
/// the document's own title (a section holding the skill or education sections) are not dated
/// this way. A derived period reaches the undated sections and mentions inside the section,
/// never the skill, education or "other" sections.
fn derive_periods(r: &mut Resume, force: bool) {
    let n = r.sections.len();
    let mut holds_parts = vec![false; n];
    for s in &r.sections {
        if let Some(p) = s.parent {
            if s.is_skill_section || s.is_education || s.is_career || s.is_other {
                holds_parts[p] = true;
            }
        }
    }
    // Children and dated units of each section, gathered once (linear in the document).
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (c, s) in r.sections.iter().enumerate() {
        if let Some(p) = s.parent {
            children[p].push(c);
        }
    }
    let mut rows_in: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (u, row) in r.rows.iter().enumerate() {
        if let Some(sec) = row.section {
            rows_in[sec].push(u);
        }
    }
    let mut derived: Vec<Option<Period>> = vec![None; n];
    let mut stated_open = vec![false; n];
    for i in (0..n).rev() {
        let s = &r.sections[i];
        if (s.own.is_some() && !s.derived)
            || s.is_career
            || holds_parts[i]
            || s.is_skill_section
            || s.is_education
            || s.is_other
        {
            continue;
        }
        let mut h = s.own;
        for &u in &rows_in[i] {
            h = Some(hull(h, r.rows[u].period));
        }
        for &c in &children[i] {
            let child = &r.sections[c];
            if child.is_skill_section || child.is_education || child.is_other {
                continue;
            }
            if let Some(p) = derived[c].or(child.own) {
                h = Some(hull(h, p));
            }
        }
        if h != s.own {
            derived[i] = h;
            // A role's `August 2016 - Current` line (the unit dating it) says it goes on.
            let says_open = |p: &Period| p.end == End::Open;
            stated_open[i] = h.as_ref().is_some_and(says_open)
                && (rows_in[i]
                    .iter()
                    .any(|&u| r.rows[u].open_stated && says_open(&r.rows[u].period))
                    || children[i]
                        .iter()
                        .any(|&c| stated_open[c] || r.sections[c].open_stated));
        }
    }
    if !force && derived.iter().all(Option::is_none) {
        return;
    }
    // Spans top-down: own (clipped to the parent's), derived, or inherited.
    for (i, d) in derived.iter().enumerate() {
        let parent = r.sections[i].parent;
        let parent_span = parent.and_then(|p| r.sections[p].span);
        let s = &mut r.sections[i];
        if let Some(d) = *d {
            s.own = Some(d);
            s.derived = true;
            s.span = Some(d);
            s.open_stated = stated_open[i];
        } else if s.own.is_none() && !(s.is_skill_section || s.is_education || s.is_other) {
            s.span = parent_span;
        }
    }
    // What a section names takes the section's period, listed or not (`- Other Technologies:
    // Docker, Vertica` under a role dated by its `> January 2015 - June 2016` line); a skill
    // section keeps the span it had.
    for m in r.mentions.iter_mut().filter(|m| !m.from_line) {
        if let Some(sec) = m.section {
            let s = &r.sections[sec];
            if !m.is_listed || !s.is_skill_section {
                m.span = s.span;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `---` after a blank line or a heading in the body is a break (`***`); the front matter
    /// at the top, a setext underline and a fenced block are left as they are.
    #[test]
    fn body_dashes_are_breaks_not_front_matter() {
        let text = "---\nname: A\n---\n# Title\n---\nText\n---\n\n---\n```\n\n---\n```\n\n---";
        let want = "---\nname: A\n---\n# Title\n***\nText\n---\n\n***\n```\n\n---\n```\n\n***";
        assert_eq!(breaks_not_front_matter(text), want);
        assert!(matches!(
            breaks_not_front_matter("# Title\n---Text\n- ---"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
    use crate::period::Month;

    fn tax() -> Taxonomy {
        Taxonomy::builtin().unwrap()
    }

    #[test]
    fn div_lines_are_blanked_only_above_markdown() {
        let over_markdown = "<div class='row'>\n<div class='col'>\n## Experience\n</div>\n\n# Next";
        assert_eq!(
            blank_div_lines(over_markdown),
            "<div class='row'>\n\n## Experience\n\n\n# Next"
        );
        // A box around HTML (or around text indented as code) stays one HTML block.
        for text in [
            "<div align=\"center\">\n    <p>Python, Go</p>\n</div>\n",
            "<div>\n<table><tr><td>Go</td></tr></table>\n</div>",
        ] {
            assert_eq!(blank_div_lines(text), text);
        }
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

    /// `(name, start, end)` of each company, end `None` when open.
    fn companies(doc: &str) -> Vec<(String, String, Option<String>)> {
        let r = parse_resume(doc, &tax());
        r.companies
            .iter()
            .map(|c| {
                let end = match c.period.end {
                    End::Open => None,
                    End::At(m) => Some(m.to_string()),
                };
                (c.name.clone(), c.period.start.to_string(), end)
            })
            .collect()
    }

    #[test]
    fn heading_with_emoji_shortcode_place_and_abbreviation_dot() {
        let doc = "## Work History
### :rocket: Kestrel Labs, Inc. &nbsp; <small>*(Oct 2024 - Present, Osaka)*</small>
- Rust
### :rocket: Orbit Systems Corporation. <small>*(Apr 2020 - Sep 2024, Osaka)*</small>
- Go
";
        assert_eq!(
            companies(doc),
            vec![
                ("Kestrel Labs, Inc.".to_owned(), "2024-10".to_owned(), None),
                (
                    "Orbit Systems Corporation.".to_owned(),
                    "2020-04".to_owned(),
                    Some("2024-09".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn empty_end_column_is_an_open_end() {
        let doc = "## Work

| Company | Title | Start | End |
|---|---|---|---|
| Heron Works Inc. | SRE | March 1, 2024 |  |
| Pike Data LLC | Engineer | May 1, 2019 | February 29, 2024 |
";
        assert_eq!(
            companies(doc),
            vec![
                ("Heron Works Inc.".to_owned(), "2024-03".to_owned(), None),
                (
                    "Pike Data LLC".to_owned(),
                    "2019-05".to_owned(),
                    Some("2024-02".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn employer_one_level_deeper_under_a_career_label() {
        let doc = "## 職務経歴
### 株式会社ミナモ（2021 年 6 月 ～ 現在）
#### 予約サービス開発（2022 年 1 月 ～ 現在）
- Go
### 過去の職務経歴
#### 株式会社カワセミ（2015 年 4 月 ～ 2021 年 5 月）
- 営業
";
        let got = companies(doc);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "株式会社カワセミ");
        assert_eq!(got[1].2.as_deref(), Some("2021-05"));
    }

    #[test]
    fn a_count_of_companies_is_not_an_employer() {
        assert!(!structure::names_org("会社員時代(3社)"));
        assert!(structure::names_org("3社目"));
        assert!(structure::names_org("SIer会社"));
    }

    #[test]
    fn university_department_inside_experience_is_an_employer() {
        let doc = "## Experience
### Lakeside University IT Dept., Springfield
*Sep 2016 – Dec 2016*
- Helpdesk
## Education
### Lakeside University
*2012 – 2016*
";
        let got = companies(doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("Lakeside University IT Dept."));
    }

    #[test]
    fn remarks_and_practices_in_skill_lists_are_not_listed() {
        let doc = "## スキル
- Go（CLIツール試作、API設計の学習）
- AWS（EC2, S3）
- CI/CD
";
        let t = tax();
        let r = parse_resume(doc, &t);
        let listed = |name: &str| {
            let id = t.resolve(name).unwrap();
            r.mentions.iter().any(|m| m.skill == id && m.is_listed)
        };
        assert!(listed("Go") && listed("AWS") && listed("EC2") && listed("S3"));
        assert!(!listed("API Design"), "a remark in parentheses");
        assert!(!listed("CI/CD"), "a practice");
    }

    #[test]
    fn placeholders_and_template_code_are_not_terms() {
        for junk in ["TODO", "#icon", "github_url", "{{#image}}", "N/A"] {
            assert!(!looks_like_term(junk), "{junk}");
        }
        for term in ["Digdag", "Knex.js", "Robot Framework", "node-red"] {
            assert!(looks_like_term(term), "{term}");
        }
    }

    #[test]
    fn overview_line_dates_the_undated_detail_heading() {
        let doc = "## Experience
* [Heron Works](#heron) April, 2017 - July, 2018

## Details
### Heron Works
#### Platform Engineer
* Ran Kubernetes clusters
";
        let t = tax();
        let r = parse_resume(doc, &t);
        let s = r
            .sections
            .iter()
            .find(|s| s.title == "Heron Works")
            .unwrap();
        assert_eq!(s.span.unwrap().start, Month::new(2017, 4).unwrap());
        let k8s = t.resolve("Kubernetes").unwrap();
        let m = r.mentions.iter().find(|m| m.skill == k8s).unwrap();
        assert_eq!(m.span.unwrap().end, End::At(Month::new(2018, 7).unwrap()));
        assert_eq!(r.companies.len(), 1, "one employer, not two");
    }

    #[test]
    fn undated_summary_dated_by_its_first_line() {
        let doc = "### 株式会社ハヤブサ

<details>
<summary>画像配信サーバの刷新（Spring Boot）</summary>

- 期間: 2023年4月〜2023年9月（6ヶ月）
- Docker

</details>

<details>
<summary>管理画面の改修</summary>

- 期間: 2024年1月〜2024年3月
- React

</details>
";
        let t = tax();
        let r = parse_resume(doc, &t);
        for (name, start) in [
            ("Spring Boot", (2023, 4)),
            ("Docker", (2023, 4)),
            ("React", (2024, 1)),
        ] {
            let id = t.resolve(name).unwrap();
            let m = r.mentions.iter().find(|m| m.skill == id).expect(name);
            assert_eq!(
                m.span.map(|p| p.start),
                Month::new(start.0, start.1),
                "{name}"
            );
        }
        assert!(r.sections.iter().any(|s| s.title == "管理画面の改修"));
    }

    #[test]
    fn platform_label_qualifies_its_entries() {
        let doc = "## 案件A (2020年1月〜2020年12月)
- Azure: VM / Functions / Storage
";
        let t = tax();
        let r = parse_resume(doc, &t);
        for name in ["Azure", "Azure Functions", "Azure Storage"] {
            let id = t.resolve(name).unwrap();
            assert!(
                r.mentions.iter().any(|m| m.skill == id && m.is_listed),
                "{name}"
            );
        }
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
    fn an_open_employer_ends_when_the_next_begins_but_side_work_runs_on() {
        let doc = "## Experience\n\n### Seaside Ltd (Jun 2018 – Present)\n\n- Go\n\n\
                   ### Freelance (Jan 2020 – Present)\n\n- Rust\n\n\
                   ### Harbour Group (Oct 2021 – Present)\n\n- Java\n";
        let r = parse_resume(doc, &tax());
        let end = |name: &str| {
            r.companies
                .iter()
                .find(|c| c.name.contains(name))
                .map(|c| c.period.end)
        };
        let month = |s: &str| Month::parse_ym(s).map(End::At);
        assert_eq!(end("Seaside"), month("2021-09"), "not side work: ends");
        assert_eq!(end("Freelance"), Some(End::Open), "side work runs on");
        assert_eq!(end("Harbour"), Some(End::Open));
    }

    #[test]
    fn a_stated_length_ends_an_open_or_year_only_period() {
        let doc = "## 業務経歴\n\n### 受託開発 2023年 ~ (8ヶ月)\n\n- Go\n\n\
                   ### NFTアプリの開発 2021年 ~ 2024年(2年)\n\n- Rust\n\n\
                   ### 保守 2019年4月 ~ 2020年3月 (1年)\n\n- Java\n";
        let r = parse_resume(doc, &tax());
        let span_of = |name: &str| {
            let id = tax().resolve(name).unwrap();
            r.mentions
                .iter()
                .find(|m| m.skill == id)
                .and_then(|m| m.span)
        };
        let p = |s: &str| {
            let (a, b) = s.split_once("..")?;
            Some(Period {
                start: Month::parse_ym(a)?,
                end: End::At(Month::parse_ym(b)?),
            })
        };
        assert_eq!(span_of("Go"), p("2023-01..2023-08"));
        assert_eq!(
            span_of("Rust"),
            p("2021-01..2022-12"),
            "the length wins over years"
        );
        assert_eq!(span_of("Java"), p("2019-04..2020-03"), "months given: kept");
        assert!(
            r.sections
                .iter()
                .any(|s| s.title.trim() == "NFTアプリの開発"),
            "the length left the title: {:?}",
            r.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
        );
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
    fn employer_dated_by_the_roles_under_it() {
        // Invented layout: an undated employer heading over role lines with their own periods.
        let doc = "## Experience\n\n### Kestrel Robotics, Osaka (Remote)\n\n- Platform lead\n> Jan 2022 – Present\n\n- Backend engineer\n> Apr 2019 – Dec 2021\n\n- Built Go services on AWS\n\n### Tanuki Labs\n#### SRE\n_May 2016 - March 2019_\n";
        let r = parse_resume(doc, &tax());
        let names: Vec<&str> = r.companies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["Kestrel Robotics", "Tanuki Labs"],
            "{:?}",
            r.companies
        );
        let m = |y, mo| Month::new(y, mo).unwrap();
        assert_eq!(r.companies[0].period.start, m(2019, 4));
        assert_eq!(r.companies[0].period.end, End::Open);
        assert_eq!(r.companies[1].period.end, End::At(m(2019, 3)));
    }

    #[test]
    fn career_table_with_a_company_column() {
        // Invented: `| 期間 | 会社 | 業務 |`, an empty company cell repeats the row above's.
        let doc = "## 職務経歴\n\n| 期間 | 会社 | 業務 | 使用技術 |\n|---|---|---|---|\n| 2018/04〜2019/03 | A社 | 受託開発 | Java, Struts |\n| 2019/04〜2020/12 |  | 保守 | Java |\n| 2021/01〜現在 | フリーランス | SRE | Terraform, Zorblix |\n";
        let r = parse_resume(doc, &tax());
        let got: Vec<(&str, Month)> = r
            .companies
            .iter()
            .map(|c| (c.name.as_str(), c.period.start))
            .collect();
        let m = |y, mo| Month::new(y, mo).unwrap();
        assert_eq!(got, [("A社", m(2018, 4)), ("フリーランス", m(2021, 1))]);
        assert_eq!(r.companies[0].period.end, End::At(m(2020, 12)));
        let tf = tax().resolve("Terraform").unwrap();
        assert!(r
            .mentions
            .iter()
            .any(|x| x.skill == tf && x.is_listed && x.span.is_some()));
        assert!(r.unknown_terms.iter().any(|u| u.term == "Zorblix"));
    }

    #[test]
    fn stack_lines_and_nested_stack_lists_are_listed() {
        let doc = "## 職務経歴\n### 株式会社ソラ (2020年4月〜2022年3月)\n- 利用技術\n  - TypeScript\n  - Quibble.js\n- 【インフラ】AWS(ECS/Fargate)\n\nLanguages: Kotlin, Ruby\n";
        let r = parse_resume(doc, &tax());
        for name in ["TypeScript", "AWS", "ECS", "Fargate", "Kotlin", "Ruby"] {
            let id = tax().resolve(name).unwrap();
            assert!(
                r.mentions.iter().any(|x| x.skill == id && x.is_listed),
                "{name} not listed"
            );
        }
        assert!(r.unknown_terms.iter().any(|u| u.term == "Quibble.js"));
    }

    #[test]
    fn bare_skill_items_and_labelled_rows_are_listed() {
        // Invented: category headings over one-name items, and a key/value project table.
        let doc = "## 2021/04 ~ 2022/03\n#### Pipeline\n- Kinesis Firehose\n- Glimmerflow\n- 週次の振り返りを実施\n\n### 案件A（2023年1月～現在）\n\n| 項目 | 内容 |\n| --- | --- |\n| 担当 | Go で API を実装 |\n| 技術環境 | Kotlin、Spring Boot、Quarkle |\n";
        let r = parse_resume(doc, &tax());
        let listed = |name: &str| {
            let id = tax().resolve(name).unwrap();
            r.mentions.iter().any(|x| x.skill == id && x.is_listed)
        };
        assert!(listed("Kinesis Firehose") && listed("Kotlin") && listed("Spring Boot"));
        assert!(
            !listed("Go"),
            "a mention in a description cell is not a listing"
        );
        let terms: Vec<&str> = r.unknown_terms.iter().map(|u| u.term.as_str()).collect();
        assert!(
            terms.contains(&"Glimmerflow") && terms.contains(&"Quarkle"),
            "{terms:?}"
        );
        assert!(!terms.iter().any(|t| t.contains("振り返り")));
    }

    #[test]
    fn an_open_child_starting_after_its_parent_ended_is_not_reversed() {
        // Found by tests/props.rs: clipping used to give 1950-04..1950-01.
        let doc = "# 職務経歴\n# 職務経歴 1950年1月〜1950年1月\n## 自己PR\nApr 1950〜現在\n";
        let r = parse_resume(doc, &tax());
        for c in &r.companies {
            assert!(
                !matches!(c.period.end, End::At(e) if e < c.period.start),
                "{c:?}"
            );
        }
        for s in r.sections.iter().filter_map(|s| s.span) {
            assert!(!matches!(s.end, End::At(e) if e < s.start), "{s:?}");
        }
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

    #[test]
    fn a_version_glued_to_a_name_is_split_off() {
        assert_eq!(glued_version_name("Go1.21"), Some("Go"));
        assert_eq!(glued_version_name("Django2.0"), Some("Django"));
        assert_eq!(glued_version_name("S3"), None);
        assert_eq!(glued_version_name("K8s"), None);
        assert_eq!(glued_version_name("1.21"), None);
    }

    #[test]
    fn qualified_names_are_terms_and_versions_split_off() {
        let t = tax();
        for (piece, term) in [
            ("Django Signals", "Django Signals"),
            ("Lambda Layers", "Lambda Layers"),
            ("Sybase ASE", "Sybase ASE"),
        ] {
            assert_eq!(qualified_term(piece, &t).as_deref(), Some(term), "{piece}");
        }
        // Covered by known names, a vendor word, a version, an ordinary lower-case word, a
        // spoken language, a certificate level, a date or a Japanese description: no new term.
        for piece in [
            "Django",
            "Amazon Aurora",
            "Python 3.12",
            "Jest testing",
            "English - Fluent",
            "Senior SRE",
            "Apr 2018 – Mar",
            "Flutter Tokyo での登壇",
        ] {
            assert_eq!(qualified_term(piece, &t), None, "{piece}");
        }
        assert_eq!(clean_term("Oracle 12c"), "Oracle");
        assert_eq!(clean_term("SPREAD 2.5"), "SPREAD");
        assert_eq!(clean_term("Vue v3"), "Vue");
        assert_eq!(clean_term("Apr 2018"), "Apr 2018");
        assert_eq!(clean_term("Web 2.0"), "Web");
        let doc = "## Skills\n\n- Backend: Django, Django Signals, Zorbex Queue 2.5\n";
        let r = parse_resume(doc, &t);
        let terms: Vec<&str> = r.unknown_terms.iter().map(|u| u.term.as_str()).collect();
        assert!(terms.contains(&"Django Signals"), "{terms:?}");
        assert!(terms.contains(&"Zorbex Queue"), "{terms:?}");
        let django = t.resolve("Django").unwrap();
        assert!(r.mentions.iter().any(|m| m.skill == django && m.is_listed));
    }

    #[test]
    fn yaml_record_blocks_are_read_and_code_stays_code() {
        let doc = "## 職務経歴\n\n### 株式会社テスト（2018年4月〜現在）\n\n#### 案件A\n\n```yaml\n期間: 2020/02 - 2021/01\n使用技術: |-\n    * Go, Redis\n```\n\n```python\nperiod: 2001/01 - 2002/01\nstack: Kotlin\n```\n";
        let text = unfence_records(doc);
        assert_eq!(text.lines().count(), doc.lines().count());
        assert!(text.contains("- 期間: 2020/02 - 2021/01"));
        assert!(text.contains("  - Go, Redis"));
        assert!(text.contains("```python"));
        let r = parse_resume(doc, &tax());
        let a = r.sections.iter().find(|s| s.title == "案件A").unwrap();
        assert_eq!(
            a.own.map(|p| p.start.to_string()),
            Some("2020-02".to_owned())
        );
        let kotlin = tax().resolve("Kotlin").unwrap();
        assert!(r.mentions.iter().all(|m| m.skill != kotlin));
        let go = tax().resolve("Go").unwrap();
        assert!(r.mentions.iter().any(|m| m.skill == go && m.is_listed));
    }

    #[test]
    fn trailing_parenthesis_of_an_item_lists_its_stack() {
        let t = tax();
        let at = trailing_stack("- [x](u) Browser game (Clojure/re-frame/React)", &t).unwrap();
        assert_eq!(
            &"- [x](u) Browser game (Clojure/re-frame/React)"[at..at + 1],
            "("
        );
        for remark in [
            "- Led the move to Kubernetes (remote team of four)",
            "- Introduced contract tests (Pact)",
            "- Built a standard (Readiness Check, SLO, RDS self-service, Define service owner)",
            "- 社内ツール開発（2年）",
        ] {
            assert_eq!(trailing_stack(&nfkc(remark), &t), None, "{remark}");
        }
    }

    #[test]
    fn sentences_that_declare_a_stack_list_it() {
        let t = tax();
        let list = |s: &str| {
            let n = nfkc(s);
            sentence_stack(&n, &t).map(|r| n[r].trim().to_owned())
        };
        assert_eq!(
            list("使用技術はGo / gRPC / PostgreSQLです。").as_deref(),
            Some("Go / gRPC / PostgreSQL")
        );
        assert_eq!(
            list("2018年10月〜2019年7月 / Java 8, Spring Boot, Angularを使用しました。").as_deref(),
            Some("2018年10月〜2019年7月 / Java 8, Spring Boot, Angular")
        );
        assert_eq!(
            list("計測サーバをGCP(Cloud Run, Pub/Sub, BigQuery)で構築しました。").as_deref(),
            Some("GCP(Cloud Run, Pub/Sub, BigQuery)")
        );
        for prose in [
            "HULFT／全銀TCP/IP／SFTPの三種プロトコルを使用したデータ伝送業務の運用",
            "GoとAWSを使用しました。",
            "チームは5名です。",
        ] {
            assert_eq!(list(prose), None, "{prose}");
        }
    }

    #[test]
    fn skill_table_rows_keep_unknown_terms_but_not_categories_versions_or_qualifiers() {
        let doc = "## スキル\n\n| カテゴリ | 技術 | 経験 |\n|---|---|---|\n| バックエンド | Django, Django Signals, Zorbex | 実務 |\n| 決済 | Stripe（PaymentIntent, Invoice）, Quokkapay | 実務 |\n| AI・LLM | Zorblatt Coder, HMAC 実装 | 個人開発 |\n\n| 名前 | バージョン |\n|---|---|\n| Go | 1.20.x |\n\n| 年数 | 分野 |\n|---|---|\n| 8 Years | Linux and Unix Administration |\n";
        let r = parse_resume(doc, &tax());
        let terms: Vec<&str> = r.unknown_terms.iter().map(|u| u.term.as_str()).collect();
        for t in [
            "Django Signals",
            "Zorbex",
            "Quokkapay",
            "Zorblatt Coder",
            "HMAC",
        ] {
            assert!(terms.contains(&t), "{t} missing from {terms:?}");
        }
        for t in [
            "AI",
            "LLM",
            "PaymentIntent",
            "Invoice",
            "1.20.x",
            "Linux and Unix Administration",
        ] {
            assert!(!terms.contains(&t), "{t} in {terms:?}");
        }
    }
}

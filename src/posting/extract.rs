//! Requirement extraction: posting lines (from any format) → requirements.
//!
//! Takes [`PLine`]s (headings, marker lines, text lines, table rows, with an optional level
//! forced by the format, e.g. schema.org `skills`); gives deduplicated [`Requirement`]s and the
//! unknown tech-looking terms. Rules: headings and marker lines (`【必須スキル】`, `■歓迎`,
//! `Requirements:`, `**Nice to have**`) set the level for what follows until the next heading
//! of the same or higher rank; `必須: Go` sets it for one line; a row's first cell may be a
//! label; years in a line/row apply to its skills; `いずれか` / `any of` lines and `A or B`
//! runs form any-of groups; a skill keeps its strongest level and its largest years.

use std::borrow::Cow;
use std::sync::LazyLock;

use serde::Serialize;

use super::cues;
use crate::period::find_duration_months;
use crate::taxonomy::{FastMap, Hit, MatchKind, SkillId, Taxonomy};
use crate::text::{ellipsize, nfkc, nfkc_cow, squash_ws_cow, Cues};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Required,
    /// A posting with no section labels at all: its skills are what it asks for, without
    /// saying how strongly. Scored as requirements.
    Unspecified,
    Preferred,
    /// The environment or stack (`開発環境`, `Tech stack`): shown, not asked for.
    Stack,
    Mentioned,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Unspecified => "unspecified",
            Level::Preferred => "preferred",
            Level::Stack => "stack",
            Level::Mentioned => "mentioned",
        }
    }

    /// The level a requirement is scored at: `None` for stack and mentioned skills.
    pub fn scored_as(self) -> Option<Level> {
        match self {
            Level::Required | Level::Unspecified => Some(Level::Required),
            Level::Preferred => Some(Level::Preferred),
            Level::Stack | Level::Mentioned => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum PLineKind {
    Heading(u8),
    Line,
    Row { cells: Vec<String>, is_header: bool },
}

/// One line of a posting, in document order.
#[derive(Debug, Clone)]
pub struct PLine {
    pub kind: PLineKind,
    pub text: String,
    pub line: Option<usize>,
    /// Level set by the format itself (schema.org `skills` are required).
    pub forced_level: Option<Level>,
    /// Years set by the format itself (schema.org `monthsOfExperience`).
    pub forced_years: Option<f64>,
    /// The line goes on from the line before it (a paragraph wrapped in the source): its
    /// sentences may have begun there.
    pub continues: bool,
    /// The whole line is bold: written as a label (`**Advanced (preferred) qualifications**`).
    pub emphasised: bool,
}

impl PLine {
    pub fn new(kind: PLineKind, text: impl Into<String>, line: Option<usize>) -> Self {
        PLine {
            kind,
            text: text.into(),
            line,
            forced_level: None,
            forced_years: None,
            continues: false,
            emphasised: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    #[serde(skip)]
    pub skill_id: SkillId,
    /// The taxonomy's display name.
    pub skill: String,
    pub level: Level,
    pub min_years: Option<f64>,
    /// Shared by the members of one any-of group.
    pub group: Option<u32>,
    pub matched_by: MatchKind,
    #[serde(skip_serializing_if = "is_one")]
    pub similarity: f64,
    pub text: String,
    pub line: Option<usize>,
    /// Found on a list-like line (an item, a short line, a `Stack: …` line), not in a
    /// sentence: in a posting with no labels, such skills are its asks (`unspecified`).
    #[serde(skip)]
    pub from_list: bool,
}

fn is_one(x: &f64) -> bool {
    (*x - 1.0).abs() < f64::EPSILON
}

const PREFERRED_WORDS: &[&str] = &[
    "歓迎",
    "優遇",
    "プラス",
    "a plus",
    "huge plus",
    "additionally beneficial",
    "beneficial",
    "not essential",
    "not required",
    "ideally",
    "optional",
    "advantage",
    "advanced",
    "尚可",
    "優遇",
    "望ましい",
    "あれば",
    "want",
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "nice-to-haves",
    "preferred",
    "bonus",
    "plus",
    "desired",
    "good to have",
    "good-to-have",
    "good to haves",
    "good-to-haves",
    "great to have",
    "great-to-have",
    "great to haves",
    "great-to-haves",
    "would be great",
    "歓迎スキル",
];

const REQUIRED_WORDS: &[&str] = &[
    "必須",
    "必要",
    "技術要件",
    "スキル要件",
    "求める",
    "お持ちの方",
    "対象となる方",
    "need",
    "you'll need",
    "you will need",
    "what you need",
    "must have",
    "must haves",
    "must-have",
    "must-haves",
    "essential",
    "mandatory",
    "minimum",
    "basic qualifications",
    "core skills",
    "key skills",
    "skills",
    "requirement",
    "prerequisites",
    "looking for",
    "we expect",
    "expect",
    "confident with",
    "you should",
    "you should have",
    "experience with",
    "your profile",
    "professional profile",
    "about you",
    "you bring",
    "応募資格",
    "求める経験",
    "求めるスキル",
    "応募条件",
    "必要なスキル",
    "必要な経験",
    "必要条件",
    "must",
    "requirements",
    "required",
    "qualifications",
    "what you bring",
    "what we're looking for",
    "what we are looking for",
    "you have",
    "who you are",
    "skills & experience",
    "experience we need",
];

/// Words of a label for the environment or stack: shown, not asked for.
const STACK_WORDS: &[&str] = &[
    "開発環境",
    "使用技術",
    "技術スタック",
    "利用技術",
    "動作環境",
    "技術環境",
    "tech stack",
    "our stack",
    "stack",
    "technologies we",
    "tools we use",
    "technologies",
    "tech we use",
];

/// The level a label names (`必須スキル`, `Nice to have`, `開発環境`), if any. Preferred words
/// are checked first (`Preferred qualifications` is preferred), then stack words, then
/// required ones.
pub fn classify_label(label: &str) -> Option<Level> {
    label_level(&label_key(label))
}

/// The form a label's words are looked for in: NFKC, lower case.
fn label_key(label: &str) -> String {
    crate::text::lower(&nfkc(label))
}

/// Every label word list, in one automaton: bit `i` of [`WordSet::groups`] is list `i`.
static LABEL_WORDS: std::sync::LazyLock<crate::text::WordSet> = std::sync::LazyLock::new(|| {
    crate::text::WordSet::new(&[
        PREFERRED_WORDS,
        STACK_WORDS,
        REQUIRED_WORDS,
        DUTIES_WORDS,
        BLURB_WORDS,
    ])
});
const PREFERRED: u32 = 1;
const STACK: u32 = 1 << 1;
const REQUIRED: u32 = 1 << 2;
const DUTIES: u32 = 1 << 3;
const BLURB: u32 = 1 << 4;

/// [`classify_label`] of a [`label_key`].
fn label_level(l: &str) -> Option<Level> {
    level_of_label(l, LABEL_WORDS.groups(l))
}

/// The level of a label with the word lists `found` in it. A label that joins an ask and a
/// wish (`Required and desired`, `必須・歓迎スキル`, `Requirements & nice to haves`) heads a list
/// whose items are asked unless they say otherwise: required. (`Preferred qualifications` is
/// one wish, not two labels.)
fn level_of_label(l: &str, found: u32) -> Option<Level> {
    if found & PREFERRED != 0 && found & REQUIRED != 0 {
        let parts: Vec<u32> = l
            .replace(" and ", "&")
            .replace("および", "&")
            .replace("及び", "&")
            .split(['/', '・', '、', '&', '＆', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| LABEL_WORDS.groups(p))
            .collect();
        let asks = parts
            .iter()
            .any(|g| g & REQUIRED != 0 && g & PREFERRED == 0);
        let wishes = parts
            .iter()
            .any(|g| g & PREFERRED != 0 && g & REQUIRED == 0);
        if asks && wishes && parts.len() <= 6 {
            return Some(Level::Required);
        }
    }
    level_of_words(found)
}

/// The level of the word lists a label has words of: preferred, else stack, else required.
fn level_of_words(found: u32) -> Option<Level> {
    if found & PREFERRED != 0 {
        Some(Level::Preferred)
    } else if found & STACK != 0 {
        Some(Level::Stack)
    } else if found & REQUIRED != 0 {
        Some(Level::Required)
    } else {
        None
    }
}

/// Words of a label for what the job is: its skills are mentioned unless an item is worded as
/// an ask (`5+ years working with Python` under `Responsibilities include:`).
const DUTIES_WORDS: &[&str] = &[
    "業務内容",
    "仕事内容",
    "職務内容",
    "担当業務",
    "具体的な業務",
    "具体的には",
    "やること",
    "お任せしたい",
    "募集要項",
    "募集概要",
    "プロジェクト例",
    "responsibilities",
    "responsibility",
    "responsible for",
    "what you'll do",
    "what you will do",
    "what you'll be doing",
    "your role",
    "the role",
    "job description",
    "duties",
    "day to day",
    "what you might work on",
];

/// Words of a label for the company, culture, pay or process: its skills are never asks, not
/// even in a posting without labels (a culture list is not a list of requirements).
const BLURB_WORDS: &[&str] = &[
    "会社概要",
    "企業概要",
    "会社紹介",
    "企業紹介",
    "事業内容",
    "私たちについて",
    "文化",
    "カルチャー",
    "福利厚生",
    "待遇",
    "給与",
    "年収",
    "勤務地",
    "勤務時間",
    "休日",
    "休暇",
    "選考",
    "応募方法",
    "キャリアアップ",
    "キャリアパス",
    "研修",
    "働き方",
    "魅力",
    "活動",
    "雇用形態",
    "about us",
    "about the company",
    "who we are",
    "our company",
    "our culture",
    "culture",
    "benefits",
    "perks",
    "we offer",
    "compensation",
    "salary",
    "location",
    "how to apply",
    "to apply",
    "hiring process",
    "interview process",
    "our values",
    "why join",
    "why work",
];

/// What a section label says about the skills under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Asked (`required`, `preferred`) or shown (`stack`) at this level.
    Level(Level),
    /// What the job is (`業務内容`, `Responsibilities`): mentioned, unless worded as an ask.
    Duties,
    /// The company, culture, pay, process (`福利厚生`, `Benefits`): never an ask.
    Blurb,
}

/// What a label names (`必須スキル`, `Nice to have`, `開発環境`, `業務内容`, `Benefits`), if
/// anything. Level words win over neutral ones (`Responsibilities and requirements` asks).
pub fn classify_section(label: &str) -> Option<Section> {
    let key = label_key(label);
    let found = LABEL_WORDS.groups(&key);
    if let Some(level) = level_of_label(&key, found) {
        return Some(Section::Level(level));
    }
    if found & DUTIES != 0 {
        Some(Section::Duties)
    } else if found & BLURB != 0 {
        Some(Section::Blurb)
    } else {
        None
    }
}

const DECORATION: &[char] = &[
    '【', '】', '[', ']', '［', '］', '<', '>', '＜', '＞', '■', '□', '●', '○', '◆', '◇', '▼', '▽',
    '★', '☆', '◎', '#', '*', ':', '：', '-', '・', '〈', '〉', '《', '》', '(', ')', ' ', '=', '_',
];

/// Is this line only a section label? `Some(section)`; an unknown short decorated label
/// (`■募集の背景`) is a neutral section ([`Section::Duties`]) that ends the labelled one before it.
///
/// A decorated line (`【必須スキル】`, `■歓迎`, `Requirements:`, `=== Benefits ===`) is a label
/// when it is short. An undecorated one (`必須`, `Nice to have`, a bold-only Markdown line) must
/// also read like a label, not a sentence: `未経験の方も歓迎します` or `発信も歓迎しています` are
/// prose. A longer line ending in `:` or announcing what follows (`You'll need experience
/// with:`, `以下の経験をお持ちの方`) is a lead-in: it labels the list below it.
///
/// `announces`: the line has a word of [`cues::pointers`]' first kind (the line and its core
/// without decoration have the same such words: none holds a decoration character).
///
/// `emphasised`: the whole line is bold. A bold line that reads as a label is one up to twice
/// the usual length (`**Advanced (preferred) qualifications**`).
fn as_marker(text: &str, has_skills: bool, announces: bool, emphasised: bool) -> Option<Section> {
    if has_skills {
        return None;
    }
    let t = text.trim();
    let core = t.trim_matches(DECORATION).trim();
    let chars = core.chars().count();
    if core.is_empty() {
        return None;
    }
    let colon = t.ends_with([':', '：']);
    // Classified once, when first needed.
    let mut classified = None;
    let mut section = || *classified.get_or_insert_with(|| classify_section(core));
    if chars <= 120 && (colon || announces) {
        match section() {
            Some(s @ Section::Level(_)) => return Some(s),
            Some(s) if colon => return Some(s),
            _ => {}
        }
    }
    let long = chars > 28;
    if long && !(emphasised && chars <= 60) {
        return None;
    }
    let decorated = t.starts_with(DECORATION) || colon;
    let is_sentence = core.contains(['。', '、', '!', '！', '?', '？'])
        || core.ends_with(['す', 'た', 'る', 'ん'])
        || core.split_whitespace().count() > if emphasised { 8 } else { 5 }
        || core.ends_with('.');
    // A bullet (`- 独自データセンターの構築`) is an item, not the decoration of an unknown label:
    // only a label mark (`■募集の背景`, `【概要】`, `背景:`) makes a neutral section.
    let bullet = t.starts_with(['-', '・', '*', '•', '+']);
    match section() {
        Some(section) if !long && (decorated || (chars <= 16 && !is_sentence)) => Some(section),
        Some(section) if emphasised && !is_sentence => Some(section),
        None if decorated && !bullet && chars <= 20 && !is_sentence => Some(Section::Duties),
        _ => None,
    }
}

/// A label at the start of a line with content after it: `必須: Go`, `【歓迎】Python`.
fn inline_label(text: &str) -> Option<Level> {
    let t = text.trim();
    for (open, close) in [
        ('【', '】'),
        ('[', ']'),
        ('［', '］'),
        ('<', '>'),
        ('＜', '＞'),
        ('(', ')'),
    ] {
        if let Some(rest) = t.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let label = &rest[..end];
                if label.chars().count() <= 20 && !rest[end + close.len_utf8()..].trim().is_empty()
                {
                    return classify_label(label);
                }
            }
        }
    }
    let (label, rest) = t.split_once([':', '：'])?;
    if label.chars().count() <= 24 && !rest.trim().is_empty() {
        return classify_label(label);
    }
    None
}

const ANY_OF_WORDS: &[&str] = &[
    "いずれか",
    "のどれか",
    "any of",
    "one of",
    "either",
    "のうち1つ",
    "のうちどれか",
];
const OR_WORDS: &[&str] = &[" or ", "または", "もしくは", "あるいは", "又は"];
/// The longest of [`OR_WORDS`], trimmed, in bytes.
const OR_WORD_MAX_LEN: usize = 12;

/// Any-of groups in `text` (indices into `hits`): the whole line for `いずれか` / `any of`,
/// else the runs joined by `or` (`Go or Python`, `Go, Python or Ruby`).
fn any_of_groups(text: &str, hits: &[Hit]) -> Vec<Vec<usize>> {
    static ANY_OF: LazyLock<Cues> = LazyLock::new(|| Cues::new(&[ANY_OF_WORDS]));
    let distinct = |idx: &[usize]| {
        let mut s: Vec<SkillId> = idx.iter().map(|&i| hits[i].skill).collect();
        s.sort();
        s.dedup();
        s.len()
    };
    if ANY_OF.any(text) {
        let all: Vec<usize> = (0..hits.len()).collect();
        return if distinct(&all) >= 2 {
            vec![all]
        } else {
            Vec::new()
        };
    }
    let gap_is = |a: usize, b: usize, pred: &dyn Fn(&str) -> bool| {
        a <= b && text.get(a..b).is_some_and(pred)
    };
    let is_or = |g: &str| {
        // Lower-casing shrinks a string to a third at most (`K` KELVIN SIGN → `k`): a longer gap
        // cannot be one of the words.
        let g = g.trim();
        g.len() <= 3 * OR_WORD_MAX_LEN && {
            let g = crate::text::lower(g);
            OR_WORDS.iter().any(|w| g == w.trim())
        }
    };
    let is_sep = |g: &str| {
        let g = g.trim();
        g.is_empty() || matches!(g, "," | "、" | "/" | "・" | "，")
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for k in 0..hits.len().saturating_sub(1) {
        if !gap_is(hits[k].end, hits[k + 1].start, &is_or) {
            continue;
        }
        // Extend left over `A, B or C`.
        let mut start = k;
        while start > 0 && gap_is(hits[start - 1].end, hits[start].start, &is_sep) {
            start -= 1;
        }
        let members: Vec<usize> = (start..=k + 1).collect();
        match groups.last_mut() {
            Some(last) if last.contains(&start) || last.contains(&k) => {
                for m in members {
                    if !last.contains(&m) {
                        last.push(m);
                    }
                }
            }
            _ => groups.push(members),
        }
    }
    groups.retain(|g| distinct(g) >= 2);
    groups
}

/// Tech-looking ASCII words the taxonomy does not know (`FooDB`, `bar.js`).
fn unknown_terms(text: &str, hits: &[Hit], out: &mut Vec<String>) {
    for (start, end) in crate::text::ascii_words(text, b".+#") {
        let word = text[start..end].trim_end_matches('.');
        let end = start + word.len();
        if hits.iter().any(|h| h.start < end && start < h.end) || word.len() < 3 {
            continue;
        }
        let w = word.as_bytes();
        let camel = w
            .windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
            && w[0].is_ascii_uppercase();
        let dotted = word.to_ascii_lowercase().ends_with(".js");
        if (camel || dotted) && !out.iter().any(|o| o == word) && out.len() < 30 {
            out.push(word.to_owned());
        }
    }
}

/// A language written in lower case at the end of a hyphenated package name (`graphql-ruby`,
/// `kafka-python`, `aws-sdk-go`) names the library for that language, not the language: the
/// posting asks for the library.
fn drop_binding_languages(text: &str, hits: &mut Vec<Hit>, tax: &Taxonomy) {
    let bytes = text.as_bytes();
    hits.retain(|h| {
        let m = &text[h.start..h.end];
        let glued = h.start >= 2
            && bytes[h.start - 1] == b'-'
            && bytes[h.start - 2].is_ascii_alphanumeric()
            && !bytes
                .get(h.end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
        !(glued
            && !m.bytes().any(|b| b.is_ascii_uppercase())
            && tax.skill(h.skill).category == "language")
    });
}

/// Extract requirements from `lines`.
pub fn extract(lines: &[PLine], tax: &Taxonomy) -> (Vec<Requirement>, Vec<String>) {
    // Every name in every line first: whether the posting is about technology decides how
    // ordinary words (`Go`, `Spring`) in its prose are read.
    let norms: Vec<Cow<'_, str>> = lines.iter().map(|pl| nfkc_cow(&pl.text)).collect();
    let found: Vec<Vec<Hit>> = norms
        .iter()
        .map(|norm| {
            let mut hits = tax.find(norm);
            drop_binding_languages(norm, &mut hits, tax);
            hits
        })
        .collect();
    let (paragraphs, place) = paragraphs(lines, &norms);
    let mut x = Extractor {
        tax,
        is_technical: is_technical(&found),
        stack: Vec::new(),
        first_heading: true,
        // Did the posting label any section (required, preferred or stack) anywhere?
        saw_label: lines.iter().any(|l| l.forced_level.is_some()),
        next_group: 1,
        recent_stack: (usize::MAX, Vec::new()),
        reqs: Vec::new(),
        index: FastMap::default(),
        unknown: Vec::new(),
    };
    // One reading of a paragraph's wording for all its lines (its sentences, clauses and cues
    // are found once, not once per wrapped line).
    let mut prose: Option<(usize, cues::Prose<'_>)> = None;
    for (((pl, norm), all_hits), &(para, offset)) in lines.iter().zip(&norms).zip(found).zip(&place)
    {
        let para_text = paragraphs.get(para).map_or(&**norm, |p| &**p);
        let prose = match &mut prose {
            Some((p, prose)) if *p == para => &*prose,
            slot => &slot.insert((para, cues::Prose::new(para_text))).1,
        };
        x.line(pl, norm, all_hits, prose, para, offset);
    }
    finish(&mut x.reqs, x.saw_label);
    (x.reqs, x.unknown)
}

/// Rank given to marker lines: below every real heading.
const MARKER_RANK: u8 = 10;

/// What [`extract`] carries from line to line.
struct Extractor<'t> {
    tax: &'t Taxonomy,
    is_technical: bool,
    /// Open sections, by heading rank.
    stack: Vec<(u8, Option<Section>)>,
    first_heading: bool,
    saw_label: bool,
    next_group: u32,
    /// The skills of the latest paragraph that named a stack, in this section (`… experience
    /// in any of the above` asks for them).
    recent_stack: (usize, Vec<SkillId>),
    reqs: Vec<Requirement>,
    /// Where each skill's requirement is in `reqs` (a posting naming 100,000 unknown names
    /// merges in linear time).
    index: FastMap<SkillId, usize>,
    unknown: Vec<String>,
}

impl Extractor<'_> {
    /// One line: a heading or marker opens a section; any other line gives the requirements
    /// its names make, each at the level its wording, its line and its section give.
    /// One function on purpose (about 180 lines): the level of a name is read from many cues
    /// of the same line (format, label, clause ending, section, lead-in, list shape), in that
    /// order, and the order is the rule; the cues themselves live in [`cues`].
    fn line(
        &mut self,
        pl: &PLine,
        norm: &str,
        all_hits: Vec<Hit>,
        prose: &cues::Prose<'_>,
        para: usize,
        offset: usize,
    ) {
        if let PLineKind::Heading(rank) = pl.kind {
            self.recent_stack.1.clear();
            let mut label = classify_section(norm);
            // The document's title (`# Company blog`, `<h1>REQUIREMENTS</h1>` of a whole page)
            // names no section of its own.
            if self.first_heading && rank == 1 {
                label = None;
            }
            self.first_heading = false;
            self.saw_label |= matches!(label, Some(Section::Level(_)));
            self.stack.retain(|(r, _)| *r < rank);
            self.stack.push((rank, label));
            return;
        }
        if let PLineKind::Row {
            is_header: true, ..
        } = pl.kind
        {
            return;
        }
        let para_text = prose.text();
        // Short and not a sentence; a line wrapped out of a longer paragraph (`Terraform NixOS
        // provider,` in the middle of prose) is judged by its whole paragraph.
        let list_like = !matches!(pl.kind, PLineKind::Heading(_)) && {
            let t = para_text.trim();
            t.chars().nth(100).is_none() && !t.ends_with(['.', '。', '!', '！', '?', '？'])
        };
        // A line that names no skill may label what follows or point back at what came before.
        let (announces, points_back) = if all_hits.is_empty() {
            cues::pointers(norm)
        } else {
            (false, false)
        };
        if pl.forced_level.is_none() {
            // In a bold line, an ordinary word that is also a name (`**Basic qualifications**`)
            // does not stop a label from being one.
            let bold_label =
                || pl.emphasised && matches!(classify_section(norm), Some(Section::Level(_)));
            let has_skills =
                all_hits.iter().any(|h| !h.is_ambiguous) || !(all_hits.is_empty() || bold_label());
            if let Some(section) = as_marker(norm, has_skills, announces, pl.emphasised) {
                self.saw_label |= matches!(section, Section::Level(_));
                // A marker ends the section of the marker before it.
                self.stack.retain(|(r, _)| *r < MARKER_RANK);
                self.stack.push((MARKER_RANK, Some(section)));
                self.recent_stack.1.clear();
                return;
            }
        }
        if all_hits.is_empty() {
            // `… strong experience in any of the above cited technologies`: the stack named
            // just before is asked for.
            if let Some(level) = cues::back_reference(prose, offset, points_back) {
                for r in &mut self.reqs {
                    if r.level == Level::Stack && self.recent_stack.1.contains(&r.skill_id) {
                        r.level = level;
                    }
                }
            }
            // `Synplify, Vivado, Quartusなどの使用経験` under a level: a list of names the
            // taxonomy does not know is still a list of what is asked.
            let level =
                pl.forced_level
                    .or_else(|| match self.stack.iter().rev().find_map(|(_, s)| *s) {
                        Some(Section::Level(l)) => Some(l),
                        _ => None,
                    });
            let spans = match level {
                Some(_) => super::terms::bare_enumeration(norm),
                None => Vec::new(),
            };
            if let (Some(level), false) = (level, spans.is_empty()) {
                let text = ellipsize(&squash_ws_cow(&pl.text), 160);
                let years = pl.forced_years.or_else(|| {
                    find_duration_months(norm)
                        .map(|m| (f64::from(m) / 12.0 * 100.0).round() / 100.0)
                });
                for span in spans {
                    let candidate = self.term_requirement(&norm[span], level, years, &text, pl);
                    merge(&mut self.reqs, &mut self.index, candidate);
                }
            }
            return;
        }
        let row_section = match &pl.kind {
            PLineKind::Row { cells, .. } => cells.first().and_then(|c| {
                let c = nfkc(c);
                if c.chars().count() <= 16 {
                    classify_section(&c)
                } else {
                    None
                }
            }),
            _ => None,
        };
        let section = row_section.or_else(|| self.stack.iter().rev().find_map(|(_, s)| *s));
        let section_level = match section {
            Some(Section::Level(l)) => Some(l),
            _ => None,
        };
        let in_blurb = section == Some(Section::Blurb);
        // A list under a label of duties (`Primarily responsible for:`) lists the work, not what
        // a posting without labels asks for ([`finish`]).
        let lists_asks = list_like && !in_blurb && section != Some(Section::Duties);
        let inline = inline_label(norm);
        // A line's own `a plus` / `経験あり` / lead-in does not label the posting's sections.
        self.saw_label |= matches!(row_section, Some(Section::Level(_))) || inline.is_some();
        // One short sentence, with or without its full stop, not part of a wrapped paragraph:
        // a list item however it is drawn.
        // (Worked out only for the names that get that far.)
        let item_like = std::cell::OnceCell::new();
        let item_like = || {
            *item_like.get_or_init(|| {
                para_text.trim().chars().nth(120).is_none()
                    && cues::sentences(para_text.trim()).len() == 1
            })
        };
        // The level of one name: what the format or a label on the line says, else the endings
        // of its clause or sentence, else the section, else a lead-in of its sentence, else an
        // item worded as an ask under a section that names no level.
        let level_of = |h: &Hit| -> Level {
            let row_level = match row_section {
                Some(Section::Level(l)) => Some(l),
                _ => None,
            };
            let structural = pl.forced_level.or(row_level).or(inline);
            if let Some(l) = structural {
                return l;
            }
            let at = offset + h.start;
            if let Some(l) = prose.ending(at) {
                return l;
            }
            // What a section or a lead-in gives, a sentence that is no ask takes back.
            let is_collaboration = self.tax.skill(h.skill).category == "collaboration";
            if prose.not_an_ask(at, is_collaboration) {
                return Level::Mentioned;
            }
            if let Some(l) = section_level {
                // `…としてScalaを採用しております。` under 必須: the environment, not an ask.
                if l != Level::Stack && prose.states_stack(at) {
                    return Level::Stack;
                }
                return l;
            }
            if in_blurb {
                return Level::Mentioned;
            }
            if let Some(l) = prose.lead_in(at) {
                return l;
            }
            if item_like() && prose.sentence_asks(at) {
                return Level::Required;
            }
            Level::Mentioned
        };
        // Every name's level once: the line's level is their strongest, and the names kept
        // below look theirs up (`all_hits` is sorted by start).
        let levels: Vec<(usize, SkillId, Level)> = all_hits
            .iter()
            .map(|h| (h.start, h.skill, level_of(h)))
            .collect();
        let level_of = |h: &Hit| -> Level {
            let i = levels.partition_point(|a| a.0 < h.start);
            levels[i..]
                .iter()
                .take_while(|a| a.0 == h.start)
                .find(|a| a.1 == h.skill)
                .map_or_else(|| level_of(h), |a| a.2)
        };
        let line_level = levels.iter().map(|a| a.2).min().unwrap_or(Level::Mentioned);
        // Ordinary words (`Go`, `Spring`) name products in a short item of a labelled list of
        // requirements, a table row or schema.org skills; elsewhere (`Self-directed and…`)
        // only where the writing says so.
        let is_fragment = list_like && norm.split_whitespace().count() <= 6;
        let is_skill_context = pl.forced_level.is_some()
            || (line_level != Level::Mentioned
                && (is_fragment || matches!(pl.kind, PLineKind::Row { .. })));
        let hits = if is_skill_context {
            all_hits
        } else {
            self.tax.keep_named(
                norm,
                all_hits,
                self.is_technical,
                line_level != Level::Mentioned && list_like,
            )
        };
        // A category whose examples the line names (`IaC: Terraform`, `NoSQL databases such
        // as MongoDB`) is not itself asked for: its examples are.
        let category = cues::category_words(norm, &hits, self.tax);
        // `CCNA〜CCNPレベルの知識` asks for that much knowledge, not for the certificates.
        let as_level = cues::named_as_level(norm, &hits);
        let hits: Vec<Hit> = hits
            .into_iter()
            .zip(category.into_iter().zip(as_level))
            .filter_map(|(h, (c, l))| (!c && !l).then_some(h))
            .collect();
        if hits.is_empty() {
            return;
        }
        // Years said in a clause, read once per clause (a line naming thousands of skills in
        // one clause would otherwise scan it once per name).
        let mut last_clause: Option<((*const u8, usize), Option<f64>)> = None;
        let mut months = |t: &str| {
            let key = (t.as_ptr(), t.len());
            if let Some((k, v)) = last_clause {
                if k == key {
                    return v;
                }
            }
            let v = find_duration_months(t).map(|m| (f64::from(m) / 12.0 * 100.0).round() / 100.0);
            last_clause = Some((key, v));
            v
        };
        let mut group_of: Vec<Option<u32>> = vec![None; hits.len()];
        for g in any_of_groups(norm, &hits) {
            for i in g {
                group_of[i] = Some(self.next_group);
            }
            self.next_group += 1;
        }
        if line_level != Level::Mentioned {
            unknown_terms(norm, &hits, &mut self.unknown);
        }
        let text = ellipsize(&squash_ws_cow(&pl.text), 160);
        for (h, &group) in hits.iter().zip(&group_of) {
            // Years said in the name's own clause (`4+ years of Go; solid PostgreSQL skills`
            // gives PostgreSQL none).
            let years = pl
                .forced_years
                .or_else(|| months(prose.clause(offset + h.start)));
            let candidate = Requirement {
                from_list: lists_asks,
                skill_id: h.skill,
                skill: self.tax.skill(h.skill).name.clone(),
                level: level_of(h),
                min_years: years,
                group,
                matched_by: h.kind,
                similarity: h.similarity,
                text: text.clone(),
                line: pl.line,
            };
            if candidate.level == Level::Stack {
                if self.recent_stack.0 != para {
                    self.recent_stack = (para, Vec::new());
                }
                self.recent_stack.1.push(h.skill);
            }
            merge(&mut self.reqs, &mut self.index, candidate);
        }
        // Names the taxonomy does not know, listed among known ones: asked at their
        // neighbour's level, in its any-of group (`GraphQL, Relay or Apollo a huge plus`).
        for t in super::terms::enumerated_terms(norm, &hits, self.tax) {
            let near = &hits[t.neighbour];
            let level = level_of(near);
            if level == Level::Mentioned {
                continue;
            }
            let name = &norm[t.span.clone()];
            // `Quuxbase or PostgreSQL`: an alternative to its neighbour, as known names are.
            let between = if t.span.start >= near.end {
                &norm[near.end..t.span.start]
            } else {
                &norm[t.span.end..near.start.max(t.span.end)]
            };
            if group_of[t.neighbour].is_none() && is_or(between) {
                let g = self.next_group;
                self.next_group += 1;
                group_of[t.neighbour] = Some(g);
                if let Some(r) = self.index.get(&near.skill).map(|&i| &mut self.reqs[i]) {
                    if r.line == pl.line && r.group.is_none() {
                        r.group = Some(g);
                    }
                }
            }
            let years = pl
                .forced_years
                .or_else(|| months(prose.clause(offset + t.span.start)));
            let mut candidate = self.term_requirement(name, level, years, &text, pl);
            candidate.from_list = lists_asks;
            candidate.group = group_of[t.neighbour];
            merge(&mut self.reqs, &mut self.index, candidate);
        }
    }

    /// The requirement for a name the taxonomy does not know (or knows only as a variant
    /// spelling), asked at `level` on line `pl`.
    fn term_requirement(
        &self,
        name: &str,
        level: Level,
        min_years: Option<f64>,
        text: &str,
        pl: &PLine,
    ) -> Requirement {
        let (skill_id, skill, matched_by, similarity) = match self.tax.resolve_variant(name) {
            Some((id, sim)) => (id, self.tax.skill(id).name.clone(), MatchKind::Fuzzy, sim),
            None => (
                SkillId::term(&crate::taxonomy::normalize_key(name)),
                name.to_owned(),
                MatchKind::Unknown,
                1.0,
            ),
        };
        Requirement {
            from_list: false,
            skill_id,
            skill,
            level,
            min_years,
            group: None,
            matched_by,
            similarity,
            text: text.to_owned(),
            line: pl.line,
        }
    }
}

/// Is the text between two names an `or` (`Quuxbase or PostgreSQL`, `A もしくは B`)?
fn is_or(between: &str) -> bool {
    let t = between.trim().to_ascii_lowercase();
    matches!(
        t.as_str(),
        "or" | ", or" | "もしくは" | "または" | "or/and" | "and/or"
    )
}

/// Whether the posting is about technology: it names at least three distinct skills that are
/// not ordinary words, exactly.
fn is_technical(found: &[Vec<Hit>]) -> bool {
    let mut seen: Vec<SkillId> = Vec::new();
    for h in found.iter().flatten() {
        if !h.is_ambiguous && h.kind != MatchKind::Fuzzy && !seen.contains(&h.skill) {
            seen.push(h.skill);
        }
    }
    seen.len() >= 3
}

/// A paragraph wrapped over several lines is read as one text for its sentences: the
/// paragraphs, and for each line its paragraph and where in it the line starts.
fn paragraphs<'a>(
    lines: &[PLine],
    norms: &'a [Cow<'a, str>],
) -> (Vec<Cow<'a, str>>, Vec<(usize, usize)>) {
    // A paragraph of one line borrows it; joined lines make a string of their own.
    let mut paragraphs: Vec<Cow<'a, str>> = Vec::new();
    let mut place: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    let mut prev_is_line = false;
    for (pl, norm) in lines.iter().zip(norms) {
        let is_line = matches!(pl.kind, PLineKind::Line);
        let joins = pl.continues && is_line && prev_is_line;
        prev_is_line = is_line;
        let n = paragraphs.len();
        match paragraphs.last_mut() {
            Some(text) if joins => {
                let text = text.to_mut();
                text.push(' ');
                place.push((n - 1, text.len()));
                text.push_str(norm);
            }
            _ => {
                place.push((n, 0));
                paragraphs.push(Cow::Borrowed(&**norm));
            }
        }
    }
    (paragraphs, place)
}

/// One requirement per skill: a second mention keeps the stronger level, the most years
/// asked, and whether any mention was in a list.
fn merge(reqs: &mut Vec<Requirement>, index: &mut FastMap<SkillId, usize>, candidate: Requirement) {
    match index.get(&candidate.skill_id) {
        None => {
            index.insert(candidate.skill_id, reqs.len());
            reqs.push(candidate);
        }
        Some(&i) => {
            let r = &mut reqs[i];
            let years = match (r.min_years, candidate.min_years) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            let from_list = r.from_list || candidate.from_list;
            if candidate.level < r.level {
                *r = candidate;
            }
            r.from_list = from_list;
            r.min_years = years;
        }
    }
}

/// A posting with no labels at all (a plain list of technologies under the description):
/// what it names is what it asks for, at a level that says so. A group left with one member
/// (its other members were stronger elsewhere) is no group.
fn finish(reqs: &mut [Requirement], saw_label: bool) {
    if !saw_label {
        for r in reqs.iter_mut() {
            if r.level == Level::Mentioned && r.from_list {
                r.level = Level::Unspecified;
            }
        }
    }
    let groups: Vec<u32> = reqs.iter().filter_map(|r| r.group).collect();
    for r in reqs.iter_mut() {
        if let Some(g) = r.group {
            if groups.iter().filter(|x| **x == g).count() < 2 {
                r.group = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(doc: &[(&str, Option<u8>)]) -> Vec<PLine> {
        doc.iter()
            .enumerate()
            .map(|(i, (t, h))| {
                PLine::new(
                    h.map_or(PLineKind::Line, PLineKind::Heading),
                    *t,
                    Some(i + 1),
                )
            })
            .collect()
    }

    fn get<'a>(r: &'a [Requirement], name: &str) -> &'a Requirement {
        r.iter()
            .find(|x| x.skill == name)
            .unwrap_or_else(|| panic!("{name} missing: {r:?}"))
    }

    #[test]
    fn or_word_max_len_is_the_longest_word() {
        let longest = OR_WORDS.iter().map(|w| w.trim().len()).max();
        assert_eq!(longest, Some(OR_WORD_MAX_LEN));
    }

    #[test]
    fn every_label_is_classified() {
        for l in [
            "必須",
            "必須スキル",
            "必須要件",
            "応募資格",
            "求める経験",
            "MUST",
            "Requirements",
            "Qualifications",
            "Must have",
            "Minimum qualifications",
            "What you bring",
            "■応募資格",
            "【必須スキル】",
        ] {
            assert_eq!(classify_label(l), Some(Level::Required), "{l}");
        }
        for l in [
            "歓迎",
            "歓迎スキル",
            "尚可",
            "あれば尚可",
            "WANT",
            "Nice to have",
            "Preferred",
            "Bonus",
            "Plus",
            "Preferred qualifications",
        ] {
            assert_eq!(classify_label(l), Some(Level::Preferred), "{l}");
        }
        for l in ["業務内容", "About us", "Responsibilities", "Surplus"] {
            assert_eq!(classify_label(l), None, "{l}");
        }
    }

    #[test]
    fn headings_markers_and_inline_labels() {
        let tax = Taxonomy::builtin().unwrap();
        let doc = lines(&[
            ("仕事内容", Some(2)),
            ("Kubernetes クラスタの運用", None),
            ("必須スキル", Some(2)),
            ("言語", Some(3)),
            ("Go での開発経験 3年以上", None),
            ("【歓迎スキル】", None),
            ("Datadog", None),
            ("■業務内容", None),
            ("Terraform", None),
            ("必須: AWS", None),
        ]);
        let (r, _) = extract(&doc, &tax);
        assert_eq!(get(&r, "Kubernetes").level, Level::Mentioned);
        assert_eq!(get(&r, "Go").level, Level::Required);
        assert_eq!(get(&r, "Go").min_years, Some(3.0));
        assert_eq!(get(&r, "Datadog").level, Level::Preferred);
        assert_eq!(get(&r, "Terraform").level, Level::Mentioned);
        assert_eq!(get(&r, "AWS").level, Level::Required);
    }

    #[test]
    fn years_in_every_form() {
        let tax = Taxonomy::builtin().unwrap();
        for (text, years) in [
            ("Go 3年以上", 3.0),
            ("Go 2年〜", 2.0),
            ("3+ years of Go", 3.0),
            ("at least 3 years with Go", 3.0),
            ("5 years of Go", 5.0),
            ("Go (2+\u{a0}years)", 2.0),
            ("Go 6ヶ月以上", 0.5),
        ] {
            let mut l = PLine::new(PLineKind::Line, text, None);
            l.forced_level = Some(Level::Required);
            let (r, _) = extract(&[l], &tax);
            assert_eq!(get(&r, "Go").min_years, Some(years), "{text}");
        }
        let row = PLine::new(
            PLineKind::Row {
                cells: vec!["必須".into(), "Go".into(), "3年以上".into()],
                is_header: false,
            },
            "必須 | Go | 3年以上",
            None,
        );
        let (r, _) = extract(&[row], &tax);
        assert_eq!(get(&r, "Go").level, Level::Required);
        assert_eq!(get(&r, "Go").min_years, Some(3.0));
    }

    #[test]
    fn any_of_groups_are_found() {
        let tax = Taxonomy::builtin().unwrap();
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "AWS、Google Cloud、Azure いずれかの実務経験",
                &["AWS", "Azure"],
                &[],
            ),
            ("Go または Python", &["Go", "Python"], &[]),
            ("Go or Python", &["Go", "Python"], &[]),
            ("ArgoCD or Flux", &["Argo CD", "Flux"], &[]),
            (
                "Terraform and GitHub Actions or CircleCI",
                &["GitHub Actions", "CircleCI"],
                &["Terraform"],
            ),
            ("Go, Python or Ruby", &["Go", "Python", "Ruby"], &[]),
        ];
        for (text, grouped, alone) in cases {
            let mut l = PLine::new(PLineKind::Line, *text, None);
            l.forced_level = Some(Level::Required);
            let (r, _) = extract(&[l], &tax);
            let g = get(&r, grouped[0]).group.expect(text);
            for name in *grouped {
                assert_eq!(get(&r, name).group, Some(g), "{text}: {name}");
            }
            for name in *alone {
                assert_eq!(get(&r, name).group, None, "{text}: {name}");
            }
        }
    }

    #[test]
    fn guards_hold_in_postings() {
        let tax = Taxonomy::builtin().unwrap();
        let mut l = PLine::new(
            PLineKind::Line,
            "JavaScript, Google Play, Argo CD, Django の経験。Kubernets と Terrafrom と Promethues",
            None,
        );
        l.forced_level = Some(Level::Required);
        let (r, _) = extract(&[l], &tax);
        assert!(
            r.iter().all(|x| x.skill != "Java" && x.skill != "Go"),
            "{r:?}"
        );
        for typo in ["Kubernetes", "Terraform", "Prometheus"] {
            assert_eq!(get(&r, typo).matched_by, MatchKind::Fuzzy);
        }
    }

    #[test]
    fn prose_mentioning_a_label_word_is_not_a_label() {
        let tax = Taxonomy::builtin().unwrap();
        let doc = lines(&[
            ("私たちについて", Some(2)),
            ("社外への発信も歓迎しています", None),
            ("Kubernetes を運用しています", None),
            ("未経験の方も歓迎します。", None),
            ("Terraform", None),
            ("歓迎スキル", None),
            ("Datadog", None),
        ]);
        let (r, _) = extract(&doc, &tax);
        assert_eq!(get(&r, "Kubernetes").level, Level::Mentioned);
        assert_eq!(get(&r, "Terraform").level, Level::Mentioned);
        assert_eq!(get(&r, "Datadog").level, Level::Preferred);
    }

    #[test]
    fn strongest_level_wins() {
        let tax = Taxonomy::builtin().unwrap();
        let doc = lines(&[
            ("歓迎", Some(2)),
            ("Go 1年", None),
            ("必須", Some(2)),
            ("Go 3年以上", None),
        ]);
        let (r, _) = extract(&doc, &tax);
        assert_eq!(get(&r, "Go").level, Level::Required);
        assert_eq!(get(&r, "Go").min_years, Some(3.0));
    }

    fn levels_of(doc: &str) -> Vec<(String, Level)> {
        let tax = Taxonomy::builtin().unwrap();
        let d = crate::posting::parse_posting(doc, "md", "p.md", &tax).unwrap();
        d.requirements
            .into_iter()
            .map(|r| (r.skill, r.level))
            .collect()
    }

    #[test]
    fn lead_in_lines_and_trailing_plus_set_levels() {
        // Invented posting: lead-in sentences and bare lines, no headings.
        let doc = "# Backend Engineer\n\nWe build freight software.\nWhat You'll Need\n\nPython\nDjango\nPlus experience in the following would be a bonus:\nTerraform\n\nOur current tech stack:\n\n- Kafka\n";
        let got = levels_of(doc);
        let level = |n: &str| got.iter().find(|(s, _)| s == n).map(|x| x.1);
        assert_eq!(level("Python"), Some(Level::Required), "{got:?}");
        assert_eq!(level("Django"), Some(Level::Required));
        assert_eq!(level("Terraform"), Some(Level::Preferred));
        assert_eq!(level("Apache Kafka").or(level("Kafka")), Some(Level::Stack));
    }

    #[test]
    fn a_bullet_without_skills_does_not_end_a_section() {
        // Invented: a lead-in that makes what follows preferred, then items per role.
        let doc = "# 募集\n\n下記に当てはまる経験があれば望ましいです。\n\n職種: インフラ\n\n- 自社データセンターの運用\n- AWS 上での構築\n\n■募集の背景\n\n- Terraform\n";
        let got = levels_of(doc);
        let level = |n: &str| got.iter().find(|(s, _)| s == n).map(|x| x.1);
        assert_eq!(level("AWS"), Some(Level::Preferred), "{got:?}");
        assert_eq!(level("Terraform"), Some(Level::Mentioned), "{got:?}");
    }

    #[test]
    fn an_unlabelled_posting_asks_for_its_listed_skills() {
        let doc = "# インフラエンジニア\n\n当社のサービス基盤を支える仲間を募集しています。\n\n- Terraform\n- Kubernetes\n- Go a plus\n";
        let got = levels_of(doc);
        let level = |n: &str| got.iter().find(|(s, _)| s == n).map(|x| x.1);
        assert_eq!(level("Terraform"), Some(Level::Unspecified), "{got:?}");
        assert_eq!(level("Kubernetes"), Some(Level::Unspecified));
        assert_eq!(level("Go"), Some(Level::Preferred));
    }
}

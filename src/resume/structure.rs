//! Which dated blocks are employers, and which sections and table rows are their projects.
//!
//! Takes the section tree and dated units (table rows, short dated lines) of a parsed résumé;
//! fills `companies` and `projects`.
//! Rule: every dated block outside skill, education and "other" sections is a candidate: a
//! heading (with its own period, or one derived from the dated units inside it), a table row,
//! or a short dated list item or line; each sits at a depth (its heading level; a unit one step
//! below its section). The employer depth is the one most used by candidates that name an
//! organisation (株式会社…, A社, …Inc., a company column, freelance); with none named, the
//! shallowest dated heading depth (inside a career section when there is one), else the
//! shallowest unit depth inside a career section. Every candidate at that depth that is not
//! inside another employer is an employer; table rows naming the same employer one after
//! another are one employment. Projects are the sections one level below a company (dated or
//! not), dated table rows inside it, and dated list items nested under an employer's list
//! item. A label that is a kind of work and its length (`自社開発 1 年 3 ヶ月`) and names no
//! organisation is no employer.

use std::collections::BTreeMap;

use super::{clip, Resume, Section};
use crate::period::Period;
use crate::taxonomy::{SkillId, Taxonomy};

#[derive(Debug, Clone)]
pub struct Company {
    pub name: String,
    pub period: Period,
    /// The employer's heading section; `None` for an employer written as a row or line.
    pub section: Option<usize>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Project {
    pub company: String,
    pub title: String,
    pub period: Period,
    pub line: usize,
    pub tags: Vec<SkillId>,
    /// Every skill mentioned inside the project, tags first.
    pub skills: Vec<SkillId>,
}

const JA_ORG_MARKERS: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "(株)",
    "(有)",
    "社団法人",
    "財団法人",
];
const EN_ORG_MARKERS: &[&str] = &[
    "inc",
    "inc.",
    "llc",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "corporation",
    "gmbh",
    "k.k.",
    "co.",
    "plc",
    "s.a.",
    "b.v.",
    "pty",
    "limited",
    "company",
];

/// Words that make a label a freelance or anonymised employer.
const SELF_EMPLOYED: &[&str] = &[
    "フリーランス",
    "個人事業主",
    "個人事業",
    "freelance",
    "freelancer",
    "self-employed",
    "self employed",
];

/// The word of `s` that says the work was freelance (`フリーランス`, `Freelance`), as written.
pub(super) fn self_employed_word(s: &str) -> Option<&str> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        // Case mapping changed the length: only a Japanese word can be taken as written.
        return SELF_EMPLOYED
            .iter()
            .filter(|w| !w.is_ascii())
            .find_map(|w| s.find(*w).map(|i| &s[i..i + w.len()]));
    }
    SELF_EMPLOYED
        .iter()
        .find_map(|w| lower.find(*w).map(|i| &s[i..i + w.len()]))
}

/// Is `w` only a Japanese legal form (`株式会社`, `(株)`), written apart from the name?
pub(super) fn is_legal_form(w: &str) -> bool {
    JA_ORG_MARKERS.contains(&w)
}

/// Does `s` name an organisation? Legal forms (株式会社, Inc, LLC…), a Japanese `…社` / `…会社` /
/// `…企業` name (A社, 某社, SIer会社, 大手通信企業, ３社目), or freelance work.
pub fn names_org(s: &str) -> bool {
    if JA_ORG_MARKERS.iter().any(|m| s.contains(m)) {
        return true;
    }
    let lower = s.to_lowercase();
    if SELF_EMPLOYED.iter().any(|w| lower.contains(w)) {
        return true;
    }
    // A Japanese word ending in 社 / 会社 / 企業 (not 入社 / 退社 / 本社 / 自社 events or places).
    let ja_org = s
        .split(|c: char| c.is_whitespace() || "()（）[]【】、,/／:：・".contains(c))
        .any(|w| {
            // `3社目` (the third employer) names one; `3社` (three companies) counts them.
            let is_count = w.ends_with('社')
                && w.chars().count() >= 2
                && w.trim_end_matches('社').chars().all(|c| c.is_ascii_digit());
            let w = w.trim_end_matches(['目', '様']);
            !is_count
                && (w.ends_with('社') || w.ends_with("企業"))
                && w.chars().count() >= 2
                && ![
                    "入社", "退社", "本社", "自社", "弊社", "御社", "他社", "出社", "各社", "支社",
                    "商社",
                ]
                .iter()
                .any(|x| w.ends_with(x) && w.chars().count() <= 3)
        });
    if ja_org {
        return true;
    }
    // `会社C`, `会社A`: a company named only by a letter.
    let anonymous = s.split_whitespace().any(|w| {
        w.strip_prefix("会社").is_some_and(|r| {
            (1..=2).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric())
        })
    });
    if anonymous {
        return true;
    }
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .map(|w| w.to_lowercase())
        .any(|w| {
            EN_ORG_MARKERS.contains(&w.as_str())
                || EN_ORG_MARKERS.contains(&w.trim_end_matches(['.', ',', ';']))
        })
}

/// Words of a job title (the role part of `Role, Company` / `Role; Company`).
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "administrator",
    "architect",
    "lead",
    "intern",
    "assistant",
    "coordinator",
    "technician",
    "representative",
    "consultant",
    "associate",
    "analyst",
    "designer",
    "scientist",
    "director",
    "officer",
    "founder",
    "programmer",
    "specialist",
    "head of",
    "cto",
    "ceo",
    "vp",
    "sre",
    "devops",
    "support",
    "active duty",
    "エンジニア",
    "マネージャー",
    "マネジャー",
    "リーダー",
    "担当",
    "開発者",
    "プログラマ",
    "アーキテクト",
    "コンサルタント",
    "責任者",
    "部長",
    "課長",
    "主任",
    "正社員",
    "契約社員",
    "インターン",
];

pub(super) fn is_role(s: &str) -> bool {
    let l = s.to_lowercase();
    ROLE_WORDS.iter().any(|w| crate::text::contains_word(&l, w))
}

/// Words that say where or how the work was done, not for whom.
const PLACE_WORDS: &[&str] = &[
    "remote",
    "hybrid",
    "on-site",
    "onsite",
    "リモート",
    "japan",
    "usa",
    "us",
    "uk",
    "canada",
    "india",
    "germany",
    "france",
    "poland",
    "netherlands",
    "spain",
    "australia",
    "singapore",
    "united states",
    "united kingdom",
];

/// A label that only says where (`Vancouver, BC`, `Tokyo, Japan`, `Remote`; not `Acme,
/// Portland, OR`).
pub(super) fn is_place(label: &str) -> bool {
    let parts: Vec<&str> = label.split(',').map(str::trim).collect();
    let last = parts.last().copied().unwrap_or(label);
    let is_code = last.len() == 2 && last.bytes().all(|b| b.is_ascii_uppercase());
    parts.len() <= 2 && (is_code || PLACE_WORDS.contains(&last.to_lowercase().as_str()))
}

/// A title that is only a role (`Senior Product Engineer`), naming no employer.
pub(super) fn only_role(title: &str) -> bool {
    is_role(title) && !names_org(title) && is_role(&company_name(title))
}

/// The employer part of a label: `Senior SRE — Acme Inc.` → `Acme Inc.`, `SRE @ 株式会社X` →
/// `株式会社X`, `Engineer at Globex` → `Globex`, `Staff Engineer; Targetsmart` → `Targetsmart`,
/// `Machinify, Palo Alto, CA (Remote)` → `Machinify`.
pub fn company_name(title: &str) -> String {
    let title = title
        .trim_start_matches(['■', '□', '●', '◆', '◇', '・', '=', '>', '#', ' '])
        .trim();
    let title = before_leader(title);
    for at in [" @ ", "@", "＠"] {
        if let Some((_, right)) = title.rsplit_once(at) {
            return right.trim().to_owned();
        }
    }
    if let Some((left, right)) = title.split_once(" at ") {
        if names_org(right) || !names_org(left) {
            return right.trim().to_owned();
        }
    }
    let pieces: Vec<&str> = split_any(
        title,
        &[
            " --- ", " -- ", " — ", " – ", " - ", " | ", "|", "：", ": ", " / ", "／", "、", "; ",
            ";",
        ],
    );
    if pieces.len() > 1 {
        if let Some(p) = pieces.iter().find(|p| names_org(p)) {
            return without_place_after(p);
        }
        // `Team - Acme Corp, Portland, OR`: the piece followed by its town and state is the
        // organisation; the other piece is a team or a title.
        if let Some(org) = pieces.iter().find_map(|p| before_town_and_state(p)) {
            return org.to_owned();
        }
        if let Some(p) = pieces.iter().find(|p| !is_role(p)) {
            return strip_place(p);
        }
    }
    if !names_org(title) && title.contains(", ") {
        let parts = split_any(title, &[", "]);
        if let Some(p) = parts.iter().find(|p| !is_role(p)) {
            return strip_place(p);
        }
    }
    if let Some(org) = after_role(title) {
        return strip_place(org);
    }
    strip_place(title)
}

/// `Acme Corp, Portland, OR` → `Acme Corp`: a name, a town and a two-letter state or
/// country code.
pub(super) fn before_town_and_state(piece: &str) -> Option<&str> {
    let parts: Vec<&str> = piece.rsplitn(3, ", ").collect();
    let [state, town, name] = parts.as_slice() else {
        return None;
    };
    let is_code = state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase());
    let is_town =
        town.chars().next().is_some_and(|c| c.is_uppercase()) && town.split(' ').count() <= 3;
    (is_code && is_town && !name.trim().is_empty() && !is_role(name)).then(|| name.trim())
}

/// `Data Engineer Booking.com` → `Booking.com`: a title with no separator (the company was a
/// link, its punctuation gone) whose first words are a role and whose rest names no role.
fn after_role(title: &str) -> Option<&str> {
    let lower = title.to_lowercase();
    if lower.len() != title.len() {
        return None;
    }
    let end = ROLE_WORDS
        .iter()
        .filter_map(|w| {
            lower
                .match_indices(w)
                .filter(|&(i, _)| i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric())
                .map(|(i, _)| i + w.len())
                .filter(|&e| lower.as_bytes().get(e) == Some(&b' '))
                .last()
        })
        .max()?;
    let rest = title[end..].trim();
    let is_level = rest
        .split_whitespace()
        .all(|w| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) || w.len() <= 1);
    let capitalised = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (capitalised && !is_level && !is_role(rest) && !rest.starts_with('(')).then_some(rest)
}

/// `SALSIFY, Staff SE ------ Boston MA` → `SALSIFY, Staff SE`: in plain text a leader of
/// dashes or dots runs from the entry to its place, set flush right. Three dashes alone
/// (`Role --- Company`) are the way to write an em dash: a separator, not a leader.
fn before_leader(s: &str) -> &str {
    let leader = s.find(" ----").or_else(|| s.find(" ..."));
    match leader {
        Some(i) if !s[..i].trim().is_empty() => s[..i].trim_end(),
        _ => s,
    }
}

/// `Acme (Remote)` → `Acme`.
fn strip_place(s: &str) -> String {
    let mut t = s.trim().to_owned();
    for suffix in ["(remote)", "(リモート)"] {
        if t.to_lowercase().ends_with(suffix) {
            t.truncate(t.len() - suffix.len());
        }
    }
    t.trim().to_owned()
}

/// `HostRocket.com, Inc (Clifton Park, NY)` → `HostRocket.com, Inc`: a name with its legal
/// form, then its place in parentheses (or `(Remote)`).
fn without_place_after(s: &str) -> String {
    let mut t = strip_place(s);
    if let Some(open) = t.rfind('(').filter(|_| t.ends_with(')')) {
        if open > 0 && is_place(&t[open + 1..t.len() - 1]) {
            t.truncate(open);
        }
    }
    t.trim().to_owned()
}

/// `s` split at every separator outside parentheses (`Liberty Global (LGI, UPC)` is one piece).
fn split_any<'a>(s: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![s];
    for sep in seps {
        parts = parts
            .into_iter()
            .flat_map(|p| split_outside_parens(p, sep))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn split_outside_parens<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 && i >= from && s[i..].starts_with(sep) => {
                out.push(&s[from..i]);
                from = i + sep.len();
            }
            _ => {}
        }
    }
    out.push(&s[from..]);
    out
}

fn is_candidate(s: &Section) -> bool {
    s.own.is_some()
        && !s.is_skill_section
        && !s.is_education
        && !s.is_other
        && !s.is_career
        && !is_summary_label(&s.title)
}

/// Headings that introduce the person, not a part of the career.
const SUMMARY_WORDS: &[&str] = &[
    "profile",
    "summary",
    "about",
    "about me",
    "objective",
    "introduction",
    "overview",
    "自己pr",
    "自己紹介",
    "職務要約",
    "要約",
    "概要",
    "プロフィール",
    "基本情報",
];

/// Is this heading only a label of the person's introduction (`### Profile`, `## 自己PR`)? Its
/// period is only that of the dated blocks written under it when the page has no other
/// headings: those blocks are the candidates, not the label.
fn is_summary_label(title: &str) -> bool {
    let t: String = title
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    let t = t.trim();
    let t = t
        .strip_prefix("professional ")
        .or_else(|| t.strip_prefix("personal "))
        .unwrap_or(t);
    SUMMARY_WORDS.contains(&t)
}

/// A dated block that may be an employer.
struct Candidate {
    /// The heading section, for a heading; `None` for a row or line.
    section: Option<usize>,
    /// The section a row or line sits in.
    parent: Option<usize>,
    depth: u16,
    label: String,
    period: Period,
    line: usize,
    is_org: bool,
    in_career: bool,
    /// List nesting depth of a dated list item (0 for a heading, a table row or a line).
    item_depth: u8,
    /// The row's index in `r.rows`, for a row or line.
    row: Option<usize>,
    /// A row whose table names its organisation (a company column, a `入社` event).
    org_row: bool,
}

fn candidates(r: &Resume) -> Vec<Candidate> {
    let in_career = |section: Option<usize>| {
        section.is_some_and(|s| {
            r.sections[s].is_career || ancestors(&r.sections, s).any(|a| r.sections[a].is_career)
        })
    };
    let excluded = |section: Option<usize>| {
        section.is_some_and(|s| {
            let s = &r.sections[s];
            s.is_skill_section || s.is_education || s.is_other
        })
    };
    let mut out = Vec::new();
    for (i, s) in r.sections.iter().enumerate() {
        if let (true, Some(period)) = (is_candidate(s), s.span) {
            out.push(Candidate {
                section: Some(i),
                parent: s.parent,
                depth: s.level,
                label: s.title.clone(),
                period,
                line: s.line,
                is_org: names_org(&s.title),
                in_career: in_career(s.parent),
                item_depth: 0,
                row: None,
                org_row: false,
            });
        }
    }
    for (ui, u) in r.rows.iter().enumerate() {
        // (A row that names its company, as `| 年 | 月 | 学歴・職歴 |` tables do, is an
        // employer even in a section that also holds the schooling.)
        if excluded(u.section) && u.org.is_none() {
            continue;
        }
        let label = u.org.clone().unwrap_or_else(|| u.title.clone());
        out.push(Candidate {
            section: None,
            parent: u.section,
            depth: u.section.map_or(1, |s| r.sections[s].level + 1),
            is_org: u.org.is_some() || names_org(&label),
            label,
            period: u.period,
            line: u.line,
            in_career: in_career(u.section),
            item_depth: u.depth,
            row: Some(ui),
            org_row: u.org.is_some(),
        });
    }
    out.sort_by_key(|c| c.line);
    out
}

/// `#### Developer <a>Acme</a> (2015-11 - 2017-06)`, its bullets, then the older jobs as
/// plain lines (`Developer, Globex (2013-07 - 2015-10)`): Markdown puts the lines inside the
/// last heading's section, but a dated line (not a list item) whose period lies wholly outside
/// that heading's own period cannot be part of it. Such lines stand at the employer depth,
/// beside it.
fn lift_stints_outside(r: &Resume, cands: &mut [Candidate], depth: u16) {
    // (A list item under the heading is its content however it is dated.)
    for c in cands
        .iter_mut()
        .filter(|c| c.row.is_some() && c.item_depth == 0)
    {
        let Some(p) = c.parent else { continue };
        let s = &r.sections[p];
        let outside = s.own.is_some_and(|own| !overlaps(&own, &c.period));
        if s.level == depth && is_candidate(s) && outside && c.depth == depth + 1 {
            c.depth = depth;
            c.parent = s.parent;
        }
    }
}

/// Do two periods share a month?
fn overlaps(a: &Period, b: &Period) -> bool {
    let end = |p: &Period| match p.end {
        crate::period::End::Open => i32::MAX,
        crate::period::End::At(m) => m.index(),
    };
    a.start.index() <= end(b) && b.start.index() <= end(a)
}

/// The depth at which employers are written in this document.
fn employer_depth(cands: &[Candidate]) -> Option<u16> {
    let mut org_depths: BTreeMap<u16, usize> = BTreeMap::new();
    for c in cands.iter().filter(|c| c.is_org) {
        *org_depths.entry(c.depth).or_default() += 1;
    }
    // Most used depth; ties go to the shallower one.
    if let Some((d, _)) = org_depths
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
    {
        return Some(*d);
    }
    let headings = || cands.iter().filter(|c| c.section.is_some());
    let any_career = cands.iter().any(|c| c.in_career);
    headings()
        .filter(|c| c.in_career || !any_career)
        .map(|c| c.depth)
        .min()
        .or_else(|| headings().map(|c| c.depth).min())
        .or_else(|| cands.iter().filter(|c| c.in_career).map(|c| c.depth).min())
}

/// Mark the employers: which headings (or rows) are companies, which sections belong to them,
/// and their periods. One function (about 140 lines) because its steps share the candidate
/// list and the section → company map, and each step refines what the previous one decided.
pub fn classify(r: &mut Resume, _tax: &Taxonomy) {
    let mut cands = candidates(r);
    let Some(depth) = employer_depth(&cands) else {
        return;
    };
    lift_stints_outside(r, &mut cands, depth);
    if projects_only(&cands, depth) {
        project_career(r, &cands, depth);
        return;
    }

    let mut company_of_section: Vec<Option<usize>> = vec![None; r.sections.len()];
    // An organisation's dated heading right under a career label (`### 過去の職務経歴` +
    // `#### 株式会社X（…）`) is an employer whatever its level.
    let under_career_label = |c: &Candidate| {
        c.section.is_some() && c.is_org && c.parent.is_some_and(|p| r.sections[p].is_career)
    };
    // The employer last read from a dated list item (its section, list depth, index): a dated
    // item nested under it (`  - 案件「…」2021/03 〜 2022/09`) is its project, not an employer.
    let mut list_employer: Option<(Option<usize>, u8, usize)> = None;
    let mut nested_rows: Vec<(usize, usize)> = Vec::new();
    // The sections of the tables that name their organisations (`| 会社 |` columns, `A社に入社`
    // events): a dated row naming none in another section (a project's `| 期間 | 体制 | 言語 |`
    // row) is no employer.
    // So do the sections of dated lines that name them (`・株式会社オプト：2018年4月 ～ 現在`
    // in a summary list, the projects in a table of their own further down).
    let org_tables: Vec<Option<usize>> = cands
        .iter()
        .filter(|c| c.org_row || (c.row.is_some() && c.is_org && c.depth == depth))
        .map(|c| c.parent)
        .collect();
    // When the career section has employers at this depth, a dated block outside it that
    // names no organisation (`## Selected Projects` + `### WinRift - Go game analytics
    // backend`) is no employer.
    let career_here = cands.iter().any(|c| c.depth == depth && c.in_career);
    for c in cands
        .iter()
        .filter(|c| c.depth == depth || under_career_label(c))
        .filter(|c| !career_here || c.in_career || c.is_org)
    {
        if c.row.is_some() && !c.is_org && !org_tables.is_empty() && !org_tables.contains(&c.parent)
        {
            continue;
        }
        if let (Some(row), Some((sec, d, ci))) = (c.row, list_employer) {
            if c.item_depth > d && c.parent == sec {
                nested_rows.push((row, ci));
                continue;
            }
        }
        list_employer = None;
        // `自社開発 1 年 3 ヶ月（2022/11〜現在）`, `Web エンジニア（2019/05〜現在）4 年 9 ヶ月`: a
        // kind of work and how long it lasted sums the career up; it names no employer.
        if !c.is_org && crate::period::find_duration_months(&c.label).is_some() {
            continue;
        }
        // A candidate inside another employer (a client named at the employer depth inside a
        // dated block) is not a second employer.
        let nested = c.parent.is_some_and(|p| {
            company_of_section[p].is_some()
                || ancestors(&r.sections, p).any(|a| company_of_section[a].is_some())
        });
        if nested {
            continue;
        }
        let name = company_name(&c.label);
        if name.is_empty() {
            continue;
        }
        // The same employer written twice (an overview line and its detailed heading). The
        // two stand at most a career's length of employers apart: looking further back would
        // make a table of 100,000 dated rows quadratic.
        let window = r.companies.len().saturating_sub(MAX_EMPLOYERS_APART);
        if let Some(k) = r.companies[window..].iter().position(|k| {
            k.period == c.period
                && (k.name == name || k.name.contains(&name) || name.contains(&k.name))
        }) {
            if let Some(i) = c.section {
                company_of_section[i] = Some(window + k);
            }
            continue;
        }
        // Rows naming the same employer one after another are one employment; so are
        // headings of the same employer whose stints touch (a promotion written as two roles).
        if let Some(last) = r.companies.last_mut() {
            let rows = c.section.is_none() && last.section.is_none();
            let after_role = |sec: Option<usize>| {
                sec.is_some_and(|i| {
                    i > 0
                        && r.sections[i - 1].own.is_none()
                        && r.sections[i - 1].level == r.sections[i].level
                        && is_role(&r.sections[i - 1].title)
                })
            };
            // (Two dated headings naming one employer whose periods touch, `NOC - Acme` then
            // `Platform Engineer - Acme`, are such a promotion too; two stints of freelance
            // work are two engagements.)
            let self_employed = {
                let l = name.to_lowercase();
                SELF_EMPLOYED.iter().any(|w| l.contains(w))
            };
            let headings = c.section.is_some() && last.section.is_some() && !self_employed;
            let stints = (headings || (after_role(c.section) && after_role(last.section)))
                && touches(&last.period, &c.period);
            if last.name == name && (rows || stints) {
                last.period = super::hull(Some(last.period), c.period);
                continue;
            }
        }
        if let Some(i) = c.section {
            company_of_section[i] = Some(r.companies.len());
        }
        if c.item_depth > 0 {
            list_employer = Some((c.parent, c.item_depth, r.companies.len()));
        }
        r.companies.push(Company {
            name,
            period: c.period,
            section: c.section,
            line: c.line,
        });
    }
    // (Sorting by line keeps the order the companies were pushed in: candidates come by line.)
    let nested_projects: Vec<Project> = nested_rows
        .iter()
        .filter_map(|&(row, ci)| {
            let row = &r.rows[row];
            Some(project_of(row, r.companies.get(ci)?))
        })
        .collect();
    r.companies.sort_by_key(|c| c.line);

    // Each section's company (the company it is, or is inside), found once.
    let mut company_at: Vec<Option<usize>> = vec![None; r.sections.len()];
    for (ci, c) in r.companies.iter().enumerate() {
        if let Some(sec) = c.section {
            company_at[sec] = Some(ci);
        }
    }
    let company_index = |section: usize| company_at[section];
    let mut owner: Vec<Option<usize>> = vec![None; r.sections.len()];
    for i in 0..r.sections.len() {
        owner[i] = company_index(i)
            .map(|_| i)
            .or_else(|| r.sections[i].parent.and_then(|p| owner[p]));
    }

    // A project is a section right under a company; each mention belongs to the project it is
    // in (its nearest ancestor that is a project), found by one walk up per mention.
    let is_project =
        |s: &Section| s.parent.and_then(company_index).is_some() && !s.is_skill_section;
    let mut project_skills: Vec<Vec<SkillId>> = r.sections.iter().map(|s| s.tags.clone()).collect();
    for m in &r.mentions {
        let Some(ms) = m.section else { continue };
        let found = std::iter::once(ms)
            .chain(ancestors(&r.sections, ms))
            .find(|&a| is_project(&r.sections[a]));
        if let Some(p) = found {
            if !project_skills[p].contains(&m.skill) {
                project_skills[p].push(m.skill);
            }
        }
    }

    let mut projects = Vec::new();
    for (i, s) in r.sections.iter().enumerate() {
        if !is_project(s) {
            continue;
        }
        let Some(ci) = s.parent.and_then(company_index) else {
            continue;
        };
        let company = &r.companies[ci];
        let period = s.span.unwrap_or(company.period);
        projects.push(Project {
            company: company.name.clone(),
            title: s.title.clone(),
            period: clip(period, Some(&company.period)),
            line: s.line,
            tags: s.tags.clone(),
            skills: std::mem::take(&mut project_skills[i]),
        });
    }
    for row in r.rows.iter().filter(|u| u.is_row && u.org.is_none()) {
        let Some(ci) = row.section.and_then(|s| owner[s]).and_then(company_index) else {
            continue;
        };
        projects.push(project_of(row, &r.companies[ci]));
    }
    projects.extend(nested_projects);
    projects.sort_by_key(|p| p.line);
    r.projects = projects;
}

/// How far back (in employers) an employer's second mention is looked for: more than any
/// career lists.
const MAX_EMPLOYERS_APART: usize = 256;

/// Words that make a heading a piece of work (a system built, an app, a migration), not an
/// organisation: `### 在庫管理システムのリプレース（2019年4月〜2020年3月）`.
const WORK_WORDS: &[&str] = &[
    "システム",
    "開発",
    "構築",
    "運用",
    "保守",
    "改修",
    "リプレース",
    "マイグレーション",
    "移行",
    "分析",
    "アプリ",
    "サービス",
    "プロジェクト",
    "案件",
    "基盤",
    "導入",
    "作成",
    "テスト",
    "テスター",
    "対応",
];

/// Is this label a piece of work (or a bare role) rather than an employer?
fn names_work(s: &str) -> bool {
    // A bare role (`各種プログラマー`) names no employer; `Staff Engineer; Acme` does.
    WORK_WORDS.iter().any(|w| s.contains(w)) || is_role(&company_name(s))
}

/// A career written only as projects: nobody names an organisation anywhere, and every dated
/// heading at the employer depth (at least two) names a piece of work or a role. Such a
/// document has projects and no employers.
fn projects_only(cands: &[Candidate], depth: u16) -> bool {
    if cands.iter().any(|c| c.is_org) {
        return false;
    }
    let at: Vec<&Candidate> = cands
        .iter()
        .filter(|c| c.section.is_some() && c.depth == depth)
        .collect();
    at.len() >= 2 && at.iter().all(|c| names_work(&c.label))
}

/// The headings of a projects-only career become projects with no company.
fn project_career(r: &mut Resume, cands: &[Candidate], depth: u16) {
    let heads: Vec<usize> = cands
        .iter()
        .filter(|c| c.depth == depth)
        .filter_map(|c| c.section)
        .collect();
    let mut skills: BTreeMap<usize, Vec<SkillId>> = heads
        .iter()
        .map(|&h| (h, r.sections[h].tags.clone()))
        .collect();
    for m in &r.mentions {
        let Some(ms) = m.section else { continue };
        let found = std::iter::once(ms)
            .chain(ancestors(&r.sections, ms))
            .find(|a| skills.contains_key(a));
        if let Some(list) = found.and_then(|p| skills.get_mut(&p)) {
            if !list.contains(&m.skill) {
                list.push(m.skill);
            }
        }
    }
    for h in heads {
        let s = &r.sections[h];
        let Some(period) = s.span else { continue };
        r.projects.push(Project {
            company: String::new(),
            title: s.title.clone(),
            period,
            line: s.line,
            tags: s.tags.clone(),
            skills: skills.remove(&h).unwrap_or_default(),
        });
    }
    r.projects.sort_by_key(|p| p.line);
}

/// Do two periods overlap or follow each other within a month?
pub(super) fn touches(a: &Period, b: &Period) -> bool {
    let end = |p: &Period| match p.end {
        crate::period::End::Open => i32::MAX,
        crate::period::End::At(m) => m.index(),
    };
    a.start.index() <= end(b).saturating_add(1) && b.start.index() <= end(a).saturating_add(1)
}

fn ancestors(sections: &[Section], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(sections[i].parent, move |&p| sections[p].parent)
}

/// A dated row of `company` as its project, its period clipped to the company's.
fn project_of(row: &super::DatedRow, company: &Company) -> Project {
    Project {
        company: company.name.clone(),
        title: row.title.clone(),
        period: clip(row.period, Some(&company.period)),
        line: row.line,
        tags: Vec::new(),
        skills: row.skills.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_names() {
        assert!(names_org("株式会社OKAN"));
        assert!(names_org("アソビュー株式会社"));
        assert!(names_org("Acme Inc."));
        assert!(names_org("Globex Corp."));
        assert!(!names_org("Incident response"));
        assert!(!names_org("その他"));
    }

    #[test]
    fn employer_part() {
        assert_eq!(company_name("Senior SRE — Acme Inc."), "Acme Inc.");
        assert_eq!(
            company_name("Backend Engineer at Globex Corp."),
            "Globex Corp."
        );
        assert_eq!(company_name("SRE @ 株式会社ミライ"), "株式会社ミライ");
        assert_eq!(company_name("アソビュー株式会社"), "アソビュー株式会社");
        assert_eq!(company_name("Initech"), "Initech");
        assert_eq!(
            company_name("Network Operations Center - Heron Works, Portland, OR"),
            "Heron Works"
        );
        assert_eq!(
            company_name("Data Engineer Pike Data B.V."),
            "Pike Data B.V."
        );
        assert_eq!(
            company_name("Data Warehouse Designer/Developer Kestrel Bank"),
            "Kestrel Bank"
        );
        assert_eq!(company_name("Software Engineer II"), "Software Engineer II");
        assert_eq!(
            company_name("Developer, Liberty Hill (LHG, UPX)"),
            "Liberty Hill (LHG, UPX)"
        );
        assert_eq!(
            split_outside_parens("a, b (c, d), e", ", "),
            ["a", "b (c, d)", "e"]
        );
        assert_eq!(
            company_name("Senior Software Engineer"),
            "Senior Software Engineer"
        );
    }
}

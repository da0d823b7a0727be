//! Saved job postings → [`Posting`]: title, company, requirements.
//!
//! Takes one file (`.md`/`.markdown`, `.txt`, `.html`/`.htm`, `.json`) and the taxonomy; gives a
//! [`Posting`] or a [`PostingError`] saying why it was skipped. Each format only turns the file
//! into [`extract::PLine`]s; requirement levels, years and any-of groups are found once, in
//! [`extract`], with the same matcher the résumé uses.
//! Guarantees: no panic on any input; title, company, URL, front matter and the page chrome
//! (nav/header/footer/script/style) never become requirements.

mod cues;
pub mod extract;
mod formats;
pub(crate) use formats::company_in_sentence;
mod terms;

use std::path::Path;

use serde::Serialize;

pub use extract::{Level, Requirement};

use crate::input::{read_document, InputError};
use crate::taxonomy::Taxonomy;

/// File extensions read as postings.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "json"];

#[derive(Debug, Clone, Serialize)]
pub struct Posting {
    pub path: String,
    pub title: String,
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posted: Option<String>,
    pub requirements: Vec<Requirement>,
    /// Tech-looking words in requirement lines that the taxonomy does not know.
    pub unknown_terms: Vec<String>,
    /// Problems that did not stop the posting from being read (`path:line: …`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Posting {
    /// Does it ask for anything (required or preferred)?
    pub fn has_requirements(&self) -> bool {
        self.requirements
            .iter()
            .any(|r| r.level.scored_as().is_some())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PostingError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: unsupported extension (expected one of: {})", EXTENSIONS.join(", "))]
    Extension { path: String },
    #[error("{path}: invalid JSON: {message}")]
    Json { path: String, message: String },
    #[error("{path}: {message}")]
    Content { path: String, message: String },
}

impl PostingError {
    /// One-line reason without the path (for the `skipped` list).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        match self {
            PostingError::Input(_)
            | PostingError::Extension { .. }
            | PostingError::Json { .. }
            | PostingError::Content { .. } => full
                .split_once(": ")
                .map_or(full.clone(), |(_, r)| r.to_owned()),
        }
    }
}

/// Is `path` a file name skillfit reads as a posting?
pub fn is_posting_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Read and parse the posting at `path`.
pub fn load_posting(path: &Path, tax: &Taxonomy) -> Result<Posting, PostingError> {
    let shown = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        return Err(PostingError::Extension { path: shown });
    }
    let doc = read_document(path)?;
    let mut posting = parse_posting(&doc.text, &ext, &shown, tax)?;
    if let Some(note) = doc.encoding_note {
        posting.warnings.insert(0, format!("{shown}: {note}"));
    }
    Ok(posting)
}

/// Parse posting `text` of format `ext` (`md`, `txt`, `html`, `json`…).
pub fn parse_posting(
    text: &str,
    ext: &str,
    path: &str,
    tax: &Taxonomy,
) -> Result<Posting, PostingError> {
    let draft = match ext {
        "md" | "markdown" => formats::markdown(text, path)?,
        "txt" => formats::plain_text(text),
        "html" | "htm" => formats::html(text, path)?,
        "json" => formats::json(text, path)?,
        _ => {
            return Err(PostingError::Extension {
                path: path.to_owned(),
            })
        }
    };
    let (requirements, unknown_terms) = extract::extract(&draft.lines, tax);
    let draft_title = draft.title.clone();
    let title = draft
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            Path::new(path)
                .file_stem()
                .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
        });
    Ok(Posting {
        path: path.to_owned(),
        title: crate::text::squash_ws(&title),
        company: draft
            .company
            .or_else(|| draft_title.as_deref().and_then(formats::company_from_title))
            .or_else(|| draft_title.as_deref().and_then(legal_name_in_title))
            .or_else(|| front_matter_org(text))
            .or_else(|| {
                company_from_text(draft_title.as_deref(), draft.url.as_deref(), &draft.lines)
            })
            .or(draft.owner)
            .map(|c| crate::text::squash_ws(&c)),
        url: draft.url,
        location: draft.location,
        salary: draft.salary,
        posted: draft.posted,
        requirements,
        unknown_terms,
        warnings: draft.warnings,
    })
}

/// `name:` in YAML front matter that describes an organisation (it also carries the
/// organisation's `website`, `logo`…): the sponsor pages of job boards (`layout: job-detail`,
/// `name: Acme`, `website: https://…`). A `name` without such keys may be the job's.
fn front_matter_org(text: &str) -> Option<String> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut name = None;
    let mut org_keys = false;
    for l in lines {
        let l = l.trim_end();
        if l == "---" || l == "..." {
            break;
        }
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "name" if !value.is_empty() && !key.starts_with([' ', '\t']) => {
                name = Some(value.to_owned());
            }
            "website" | "logo" | "post_photo_url" | "company_url" | "homepage" | "company_logo" => {
                org_keys = true;
            }
            _ => {}
        }
    }
    name.filter(|_| org_keys)
}

/// Words that follow `About` / `At` / `Join` without being a company (`About you`, `Join our
/// team`), and pronouns before `is hiring`.
const NOT_COMPANY: &[&str] = &[
    "you", "your", "us", "the", "this", "that", "our", "we", "we're", "role", "team", "position",
    "job", "jobs", "company", "it", "them", "a", "an", "me", "my", "who", "what", "why", "how",
];

/// Mail boxes that only a hiring company uses for itself (`careers@acme.io`).
const HIRING_MAILBOXES: &[&str] = &[
    "careers",
    "career",
    "jobs",
    "job",
    "hiring",
    "recruiting",
    "recruit",
    "recruitment",
    "talent",
    "join",
    "work",
    "apply",
    "hr",
    "info",
    "contact",
];

/// Mail and hosting domains that name no employer.
const SHARED_DOMAINS: &[&str] = &[
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "yahoo",
    "icloud",
    "proton",
    "protonmail",
    "github",
    "lever",
    "greenhouse",
    "workable",
    "example",
];

/// A company name at the start of `s`: up to four capitalised words (`Unison Computing`,
/// `JUXT`, `Six Feet Up`), or a domain (`tweag.io` → `Tweag`). Stops at punctuation and at the
/// first lower-case word.
fn leading_name(s: &str) -> Option<String> {
    let s = s.trim_start_matches(['*', '_', ' ']);
    let first = s.split_whitespace().next()?;
    let first = first.trim_end_matches(['.', ',', ':', '!', ';', '*', ')']);
    if let Some((label, tld)) = first.split_once('.') {
        let is_domain = !label.is_empty()
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && [
                "io", "com", "co", "ai", "dev", "pro", "net", "org", "jp", "co.jp",
            ]
            .contains(&tld);
        if is_domain && !SHARED_DOMAINS.contains(&label) {
            return Some(capitalise(label));
        }
    }
    let mut words: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let core = w.trim_end_matches(['.', ',', ':', '!', ';', '?', ')', '*', '_']);
        let stops = core.len() != w.len();
        let Some(c) = core.chars().next() else { break };
        if !(c.is_uppercase() || c.is_ascii_digit() || core == "&")
            || NOT_COMPANY.contains(&core.to_lowercase().as_str())
        {
            break;
        }
        words.push(core);
        if stops || words.len() == 4 {
            break;
        }
    }
    while words.last() == Some(&"&") {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A job board's listing: the title heading, then the company as a heading of its own right
/// under it (`# [Backend Engineer](…)` / `### Acme`), and the same name as the subject of a
/// sentence in the text (`Acme is an all-remote company`). The name is a heading that is only a
/// name (up to four capitalised words, no section label), with no text between the two headings.
fn company_heading(lines: &[extract::PLine]) -> Option<String> {
    let first = lines
        .iter()
        .position(|l| matches!(l.kind, extract::PLineKind::Heading(_)))?;
    let (extract::PLineKind::Heading(title_rank), Some(next)) =
        (&lines[first].kind, lines.get(first + 1))
    else {
        return None;
    };
    let extract::PLineKind::Heading(rank) = next.kind else {
        return None;
    };
    let text = crate::text::nfkc(&next.text);
    let text = text.trim().trim_matches(['*', '_']);
    let name = leading_name(text)?;
    if rank <= *title_rank || name != text || extract::classify_section(text).is_some() {
        return None;
    }
    let is_subject = |l: &extract::PLine| {
        matches!(l.kind, extract::PLineKind::Line)
            && l.text
                .trim_start()
                .strip_prefix(name.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_lowercase()))
    };
    lines[first + 2..].iter().any(is_subject).then_some(name)
}

/// The company a posting names in its own words when no field or title gives it: `Jobs at X`,
/// `Working at X`, `Join X as …`, `## About X`, `At X, we …`, `X is hiring`, a hiring mailbox
/// (`careers@x.io`, also in a `mailto:` link), `Xでは…募集しています`. The first of the title,
/// the headings, then the lines, in document order.
/// Longer than 80 lines: a list of small rules (one per phrasing above) tried in order.
fn company_from_text(
    title: Option<&str>,
    url: Option<&str>,
    lines: &[extract::PLine],
) -> Option<String> {
    let texts: Vec<(bool, String)> = title
        .map(|t| (true, crate::text::nfkc(t)))
        .into_iter()
        .chain(lines.iter().map(|l| {
            (
                matches!(l.kind, extract::PLineKind::Heading(_)),
                crate::text::nfkc(&l.text),
            )
        }))
        .collect();
    let phrase = |t: &str, is_heading: bool| -> Option<String> {
        let lead: &[&str] = if is_heading {
            &[
                "jobs at ",
                "careers at ",
                "working at ",
                "work at ",
                "join ",
                "about ",
            ]
        } else {
            &[
                "jobs at ",
                "careers at ",
                "working at ",
                "join ",
                "at ",
                "as ",
            ]
        };
        let lower = t.to_lowercase();
        for l in lead {
            let mut from = 0;
            while let Some(i) = lower[from..].find(l) {
                let at = from + i;
                from = at + l.len();
                // A phrase starts the text or a clause: `Join X as …`, `… roles at X`.
                let starts = at == 0 || !lower[..at].ends_with(|c: char| c.is_alphanumeric());
                if !starts || !t.is_char_boundary(from) {
                    continue;
                }
                // `At X, we` only opens a sentence; `Join X` only with `as` / `and` / `to`
                // after the name; `About X` only as a heading of its own.
                let rest = &t[from..];
                let Some(name) = leading_name(rest) else {
                    continue;
                };
                let after = rest[rest.find(&name).map_or(0, |i| i + name.len())..].trim_start();
                let ok = match *l {
                    // … at the start of the text or of a sentence in it.
                    "at " => {
                        (at == 0 || lower[..at].trim_end().ends_with(['.', '!', '?']))
                            && after.starts_with(',')
                    }
                    "join " => ["as ", "and ", "to ", "in "]
                        .iter()
                        .any(|w| after.starts_with(w)),
                    "about " => at == 0 && after.trim_matches([':', '!', '?']).is_empty(),
                    // `As BnB grows we are expanding …`
                    "as " => at == 0 && after.starts_with("grows"),
                    _ => true,
                };
                if ok {
                    return Some(name);
                }
            }
        }
        // `Acme Corp is hiring`
        for tail in [" is hiring", " are hiring", " is looking for"] {
            if let Some(i) = t.find(tail) {
                let words: Vec<&str> = t[..i].split_whitespace().collect();
                let start = words
                    .iter()
                    .rposition(|w| {
                        !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                            || NOT_COMPANY.contains(&w.to_lowercase().as_str())
                    })
                    .map_or(0, |p| p + 1);
                let name = words[start..].join(" ");
                if !name.is_empty() && words.len() - start <= 4 {
                    return Some(name);
                }
            }
        }
        // `Incrementsの「ソフトウェア開発を…」という企業ミッション`: the company's own mission.
        if let Some((name, rest)) = t.split_once("の「") {
            let name = name.trim();
            let n = name.chars().count();
            let latin = name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-'));
            if latin
                && (2..=30).contains(&n)
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && (rest.contains("ミッション") || rest.contains("ビジョン"))
            {
                return Some(name.to_owned());
            }
        }
        // `セプテーニ・オリジナルでは一緒に働ける仲間を募集しています。`
        if t.contains("募集") {
            if let Some((name, _)) = t.split_once("では") {
                let mut name = name.trim();
                for adverb in ["現在", "今回", "この度", "このたび", "ただいま", "只今"]
                {
                    name = name
                        .strip_prefix(adverb)
                        .unwrap_or(name)
                        .trim_start_matches(['、', ' ']);
                }
                let n = name.chars().count();
                let plain = !name.contains(|c: char| "、。 ・「」()".contains(c) && c != '・');
                if (2..=20).contains(&n)
                    && plain
                    && ![
                        "弊社",
                        "当社",
                        "私たち",
                        "われわれ",
                        "我々",
                        "チーム",
                        "本ポジション",
                        "募集",
                        "ため",
                        "ポジション",
                    ]
                    .iter()
                    .any(|w| name.contains(w))
                {
                    return Some(name.to_owned());
                }
            }
        }
        None
    };
    for headings_only in [true, false] {
        for (is_heading, t) in &texts {
            if *is_heading == headings_only {
                if let Some(name) = phrase(t, *is_heading) {
                    return Some(name);
                }
            }
        }
    }
    if let Some(name) = company_heading(lines) {
        return Some(name);
    }
    // A hiring mailbox: `careers@juxt.pro` → `Juxt` (`info@mia-care.io` → `Mia-Care` where the
    // text writes the name so).
    let mailbox = url
        .into_iter()
        .chain(texts.iter().map(|(_, t)| t.as_str()))
        .find_map(|t| {
            t.split(|c: char| c.is_whitespace() || c == ':' || c == '<' || c == '(')
                .find_map(|w| {
                    let (local, domain) = w.split_once('@')?;
                    let label = domain.split('.').next()?.to_lowercase();
                    (HIRING_MAILBOXES.contains(&local.to_lowercase().as_str())
                        && domain.contains('.')
                        && !label.is_empty()
                        && !SHARED_DOMAINS.contains(&label.as_str()))
                    .then_some(label)
                })
        });
    // An applicant-tracking system's page for the company (`infinyon.breezy.hr/p/…`,
    // `jobs.lever.co/acme/…`).
    let mailbox = mailbox.or_else(|| url.and_then(ats_company));
    if let Some(label) = mailbox {
        let written = texts.iter().find_map(|(_, t)| {
            t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')' | '@'))
                .find(|w| {
                    w.eq_ignore_ascii_case(&label) && w.bytes().any(|b| b.is_ascii_uppercase())
                })
        });
        return Some(written.map_or_else(|| capitalise(&label), str::to_owned));
    }
    // The company's legal name in a sentence (`株式会社PrAhaのWebエンジニアの求人ページです。`).
    if let Some(name) = texts
        .iter()
        .find_map(|(_, t)| formats::company_in_sentence(t))
    {
        return Some(name);
    }
    // The site's owner in its footer: `© 2025 NanoFrontier, Inc.`, `Copyright (c) Acme Corp.`
    texts.iter().rev().find_map(|(_, t)| copyright_holder(t))
}

/// English legal forms that end a company's name.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "gmbh",
    "corp",
    "corporation",
    "plc",
    "ag",
    "bv",
    "b.v",
    "oy",
    "ab",
    "pte",
    "k.k",
    "s.a",
    "sas",
    "srl",
    "oü",
];

/// `Cambium Assessment Inc : Senior Software Engineer`, `Senior SRE - Acme GmbH`: the part of
/// a title that is a name ending in a legal form.
fn legal_name_in_title(title: &str) -> Option<String> {
    let t = crate::text::nfkc(title);
    let mut parts = vec![t.as_str()];
    for sep in [" : ", " - ", " | ", " — ", " – ", " @ ", " at "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).find_map(|p| {
        let words: Vec<&str> = p.split_whitespace().collect();
        let last = words.last()?.trim_end_matches(['.', ',']).to_lowercase();
        ((2..=6).contains(&words.len())
            && LEGAL_FORMS.contains(&last.as_str())
            && words[0].starts_with(|c: char| c.is_uppercase()))
        .then(|| p.trim_end_matches(',').to_owned())
    })
}

/// Hosted job boards that put the hiring company in the address: as the subdomain
/// (`acme.breezy.hr`) or as the first path segment (`jobs.lever.co/acme`).
const ATS_SUBDOMAIN: &[&str] = &[
    ".breezy.hr",
    ".recruitee.com",
    ".bamboohr.com",
    ".teamtailor.com",
    ".workable.com",
    ".personio.de",
    ".personio.com",
];
const ATS_PATH: &[&str] = &[
    "jobs.lever.co/",
    "boards.greenhouse.io/",
    "job-boards.greenhouse.io/",
    "apply.workable.com/",
    "jobs.ashbyhq.com/",
    "herp.careers/v1/",
];

/// The company slug in a hosted job board's address, lower case.
fn ats_company(url: &str) -> Option<String> {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .trim_start_matches("www.");
    let host = rest.split('/').next()?;
    let slug = ATS_SUBDOMAIN
        .iter()
        .find_map(|d| host.strip_suffix(d))
        .filter(|s| !s.contains('.') && !matches!(*s, "www" | "jobs" | "careers" | "apply"))
        .or_else(|| {
            ATS_PATH
                .iter()
                .find_map(|p| rest.strip_prefix(p))
                .and_then(|r| r.split(['/', '?', '#']).next())
        })?;
    let ok = slug.len() >= 2 && slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then(|| slug.to_ascii_lowercase())
}

/// The name after a copyright sign or word (and its years).
pub(crate) fn copyright_holder(t: &str) -> Option<String> {
    let at = t.find('©').map(|i| i + '©'.len_utf8()).or_else(|| {
        let i = t.to_ascii_lowercase().find("copyright")?;
        Some(i + "copyright".len())
    })?;
    let mut rest = t[at..].trim_start();
    loop {
        let before = rest;
        rest = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | ','))
            .trim_start_matches("(c)")
            .trim_start_matches("(C)")
            .trim_start_matches('©');
        if rest == before {
            break;
        }
    }
    leading_name(rest).filter(|n| !n.eq_ignore_ascii_case("all"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use extract::{PLine, PLineKind};

    #[test]
    fn a_company_heading_under_the_title_needs_its_name_as_a_subject() {
        let doc = |lines: &[(u8, &str)]| -> Vec<PLine> {
            lines
                .iter()
                .map(|&(rank, t)| {
                    let kind = if rank == 0 {
                        PLineKind::Line
                    } else {
                        PLineKind::Heading(rank)
                    };
                    PLine::new(kind, t, None)
                })
                .collect()
        };
        let says = "Quarrystone is a small team that builds billing software.";
        assert_eq!(
            company_heading(&doc(&[
                (1, "Platform Engineer"),
                (3, "Quarrystone"),
                (0, says)
            ]))
            .as_deref(),
            Some("Quarrystone")
        );
        for lines in [
            // Never named again as a subject.
            vec![
                (1, "Platform Engineer"),
                (3, "Quarrystone"),
                (0, "We build billing."),
            ],
            // A section, not a name.
            vec![
                (1, "Platform Engineer"),
                (2, "Requirements"),
                (0, "Requirements are few."),
            ],
            // Text between the title and the heading.
            vec![
                (1, "Platform Engineer"),
                (0, "Hello."),
                (3, "Quarrystone"),
                (0, says),
            ],
            // Not below the title.
            vec![(2, "Platform Engineer"), (2, "Quarrystone"), (0, says)],
            // More than a name.
            vec![
                (1, "Platform Engineer"),
                (3, "Quarrystone is hiring now"),
                (0, says),
            ],
        ] {
            assert_eq!(company_heading(&doc(&lines)), None, "{lines:?}");
        }
    }

    fn company(title: Option<&str>, url: Option<&str>, lines: &[(&str, bool)]) -> Option<String> {
        let lines: Vec<PLine> = lines
            .iter()
            .map(|(t, h)| {
                let kind = if *h {
                    PLineKind::Heading(2)
                } else {
                    PLineKind::Line
                };
                PLine::new(kind, *t, None)
            })
            .collect();
        company_from_text(title, url, &lines)
    }

    #[test]
    fn organisation_name_in_front_matter() {
        let page = "---\nlayout: job-detail\nname: Brackenfield Labs\nwebsite: https://x.y/\n---\n\n**Engineer**\n";
        assert_eq!(front_matter_org(page).as_deref(), Some("Brackenfield Labs"));
        let job = "---\nname: Backend Engineer\nlocation: Remote\n---\n";
        assert_eq!(front_matter_org(job), None);
    }

    #[test]
    fn company_from_the_postings_own_words() {
        let c = |t: &str| company(Some(t), None, &[]);
        assert_eq!(
            c("Jobs at Unison Computing").as_deref(),
            Some("Unison Computing")
        );
        assert_eq!(c("Careers at Acme").as_deref(), Some("Acme"));
        let line = |t: &str| company(None, None, &[(t, false)]);
        assert_eq!(
            line("Join JUXT as a Senior Go Engineer").as_deref(),
            Some("JUXT")
        );
        assert_eq!(
            line("At Brambleway, we ship weekly.").as_deref(),
            Some("Brambleway")
        );
        assert_eq!(
            line("Fennick Labs is hiring!").as_deref(),
            Some("Fennick Labs")
        );
        assert_eq!(
            line("Email careers@juxt.pro with your CV").as_deref(),
            Some("Juxt")
        );
        assert_eq!(
            line("your next job, at **jobs at tweag.io**.").as_deref(),
            Some("Tweag")
        );
        assert_eq!(
            company(None, Some("mailto:careers@tetmon.com"), &[]).as_deref(),
            Some("Tetmon")
        );
        assert_eq!(
            company(None, None, &[("About Pomerium:", true)]).as_deref(),
            Some("Pomerium")
        );
        assert_eq!(
            line("現在ハルニレ物流では、一緒に働ける仲間を募集しています。").as_deref(),
            Some("ハルニレ物流")
        );
        assert_eq!(
            line("As Quarrel Labs grows we are expanding our team.").as_deref(),
            Some("Quarrel Labs")
        );
        assert_eq!(
            line("Mizunaraの「物流をなめらかにする」という企業ミッションを実現するために")
                .as_deref(),
            Some("Mizunara")
        );
        assert_eq!(line("As the team grows we hire."), None);
        // Not a company.
        for t in [
            "Join our team and help us grow",
            "Join us as an engineer",
            "We're hiring!",
            "At the moment, we are remote only.",
            "Send your CV to someone@gmail.com",
            "弊社では、エンジニアを募集しています。",
            "About the job, see below",
        ] {
            assert_eq!(line(t), None, "{t}");
        }
        for h in ["About you", "About the role", "About Us"] {
            assert_eq!(company(None, None, &[(h, true)]), None, "{h}");
        }
    }
}

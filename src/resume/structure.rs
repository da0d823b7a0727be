//! Which dated sections are employers, and which sections and table rows are their projects.
//!
//! Takes the section tree of a parsed résumé; fills `companies` and `projects`.
//! Rule: the employer level is the heading level most used by dated headings that name an
//! organisation (株式会社…, …Inc., …LLC); every dated, non-education section at that level is a
//! company. With no organisation named anywhere, the shallowest dated level is used. Projects are
//! the sections one level below a company (dated or not) and dated table rows inside it.

use std::collections::BTreeMap;

use super::{clip, Resume, Section};
use crate::period::Period;
use crate::taxonomy::{SkillId, Taxonomy};

#[derive(Debug, Clone)]
pub struct Company {
    pub name: String,
    pub period: Period,
    pub section: usize,
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

/// Does `s` name an organisation?
pub fn names_org(s: &str) -> bool {
    if JA_ORG_MARKERS.iter().any(|m| s.contains(m)) {
        return true;
    }
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .any(|w| EN_ORG_MARKERS.contains(&w.to_lowercase().as_str()))
}

/// The employer part of a heading title: `Senior SRE — Acme Inc.` → `Acme Inc.`,
/// `SRE @ 株式会社X` → `株式会社X`, `Engineer at Globex` → `Globex`.
pub fn company_name(title: &str) -> String {
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
    let parts: Vec<&str> = title
        .split([' ', '|', '/', '：', ':'])
        .collect::<Vec<_>>()
        .join(" ")
        .split(" — ")
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|_| "")
        .collect();
    drop(parts);
    let pieces: Vec<&str> = split_any(
        title,
        &[" — ", " – ", " - ", " | ", "：", ": ", " / ", "／", "、"],
    );
    if pieces.len() > 1 {
        if let Some(p) = pieces.iter().find(|p| names_org(p)) {
            return p.trim().to_owned();
        }
    }
    title.trim().to_owned()
}

fn split_any<'a>(s: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![s];
    for sep in seps {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn is_candidate(s: &Section) -> bool {
    s.own.is_some() && !s.is_skill_section && !s.is_education
}

pub fn classify(r: &mut Resume, _tax: &Taxonomy) {
    let mut org_levels: BTreeMap<u16, usize> = BTreeMap::new();
    for s in r.sections.iter().filter(|s| is_candidate(s)) {
        if names_org(&s.title) {
            *org_levels.entry(s.level).or_default() += 1;
        }
    }
    // Most used level; ties go to the shallower one.
    let level = org_levels
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(l, _)| *l)
        .or_else(|| {
            r.sections
                .iter()
                .filter(|s| is_candidate(s))
                .map(|s| s.level)
                .min()
        });
    let Some(level) = level else { return };

    let mut company_of_section: Vec<Option<usize>> = vec![None; r.sections.len()];
    for (i, s) in r.sections.iter().enumerate() {
        if s.level == level && is_candidate(s) {
            // A company nested in another company's section (a client named at the employer
            // level inside a dated block) is not a second employer.
            let nested = ancestors(&r.sections, i).any(|a| company_of_section[a] == Some(a));
            if nested {
                continue;
            }
            if let Some(period) = s.span {
                company_of_section[i] = Some(i);
                r.companies.push(Company {
                    name: company_name(&s.title),
                    period,
                    section: i,
                    line: s.line,
                });
            }
        }
    }

    // Each section's company (the company it is, or is inside).
    let mut owner: Vec<Option<usize>> = vec![None; r.sections.len()];
    for i in 0..r.sections.len() {
        owner[i] = company_of_section[i].or_else(|| r.sections[i].parent.and_then(|p| owner[p]));
    }
    let company_index = |section: usize| r.companies.iter().position(|c| c.section == section);

    let mut projects = Vec::new();
    for (i, s) in r.sections.iter().enumerate() {
        let Some(parent) = s.parent else { continue };
        if company_of_section[parent].is_none() || s.is_skill_section {
            continue;
        }
        let Some(ci) = company_index(parent) else {
            continue;
        };
        let company = &r.companies[ci];
        let period = s.span.unwrap_or(company.period);
        let mut skills = s.tags.clone();
        for m in &r.mentions {
            if let Some(ms) = m.section {
                if (ms == i || ancestors(&r.sections, ms).any(|a| a == i))
                    && !skills.contains(&m.skill)
                {
                    skills.push(m.skill);
                }
            }
        }
        projects.push(Project {
            company: company.name.clone(),
            title: s.title.clone(),
            period: clip(period, Some(&company.period)),
            line: s.line,
            tags: s.tags.clone(),
            skills,
        });
    }
    for row in &r.rows {
        let Some(ci) = row.section.and_then(|s| owner[s]).and_then(company_index) else {
            continue;
        };
        let company = &r.companies[ci];
        projects.push(Project {
            company: company.name.clone(),
            title: row.title.clone(),
            period: clip(row.period, Some(&company.period)),
            line: row.line,
            tags: Vec::new(),
            skills: row.skills.clone(),
        });
    }
    projects.sort_by_key(|p| p.line);
    r.projects = projects;
}

fn ancestors(sections: &[Section], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(sections[i].parent, move |&p| sections[p].parent)
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
    }
}

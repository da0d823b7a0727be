//! `--format json-resume`: the profile as a JSON Resume document (jsonresume.org schema 1.x).
//!
//! Takes a [`Profile`] (from Markdown or JSON Resume); gives a document with `work` (the
//! employers), `projects` (their projects, `entity` = the employer), and `skills` (one entry per
//! skill, skillfit's figures in `"x-skillfit"`: months, first and last use, listed, …).
//! Guarantees: valid against the official schema (tests/schema/jsonresume/), and reading it
//! back ([`crate::resume::json`]) gives the same companies, projects, total months and
//! per-skill months, first/last use and listed flags: every dated use of a skill is written where
//! it happened (a project's `keywords` when listed elsewhere too, else its `highlights`; the
//! employer's `highlights`; a dated highlight for a shorter stint inside them).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde::Serialize;

use super::ProfileEmitter;
use crate::period::Month;
use crate::profile::{Interval, Profile};
use crate::taxonomy::MatchKind;

pub struct JsonResume;

impl ProfileEmitter for JsonResume {
    fn emit(&self, profile: &Profile, w: &mut dyn Write) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut *w, &document(profile))?;
        writeln!(w)?;
        Ok(())
    }
}

/// Prose label of the skills written into a highlight (never read as a listing).
const USED: &str = "Skills used:";

/// `(start, end)` with an open end closed at `as_of`.
fn closed(start: Month, end: Option<Month>, as_of: Month) -> (Month, Month) {
    (start, end.unwrap_or(as_of).min(as_of))
}

/// `2018-03` → `2018/03` (the period form both parsers read inside a sentence).
fn slash(m: &Month) -> String {
    format!("{:04}/{:02}", m.year(), m.month())
}

fn used(skills: &[String]) -> String {
    format!("{USED} {}", skills.join(", "))
}

/// Where each dated use of each skill goes: a project (as a keyword when listed, else in its
/// prose) when the period matches one, the company when it matches the employment, the project
/// or company whose period contains it (as a dated line), else a project of no employer.
struct Placed {
    project_keywords: Vec<Vec<String>>,
    project_prose: Vec<Vec<String>>,
    project_dated: Vec<BTreeMap<(Month, Month), Vec<String>>>,
    company_prose: Vec<Vec<String>>,
    company_dated: Vec<BTreeMap<(Month, Month), Vec<String>>>,
    elsewhere: BTreeMap<(Month, Month), (String, Vec<String>)>,
}

fn place(p: &Profile, companies: &[(Month, Month)], projects: &[(Month, Month)]) -> Placed {
    let mut project_keywords: Vec<Vec<String>> = vec![Vec::new(); p.projects.len()];
    let mut project_prose: Vec<Vec<String>> = vec![Vec::new(); p.projects.len()];
    let mut project_dated: Vec<BTreeMap<(Month, Month), Vec<String>>> =
        vec![BTreeMap::new(); p.projects.len()];
    let mut company_prose: Vec<Vec<String>> = vec![Vec::new(); p.companies.len()];
    let mut company_dated: Vec<BTreeMap<(Month, Month), Vec<String>>> =
        vec![BTreeMap::new(); p.companies.len()];
    let mut elsewhere: BTreeMap<(Month, Month), (String, Vec<String>)> = BTreeMap::new();
    let push = |v: &mut Vec<String>, s: &str| {
        if !v.iter().any(|x| x == s) {
            v.push(s.to_owned());
        }
    };
    for s in p.skills.iter().filter(|s| s.known) {
        let mut seen = BTreeSet::new();
        for e in &s.evidence {
            let Some(Interval { start, end }) = &e.period else {
                continue;
            };
            if matches!(e.matched_by, MatchKind::Implied | MatchKind::Unknown)
                || !seen.insert((start, end))
            {
                continue;
            }
            let iv = (*start, *end);
            let in_project = |i: usize| p.projects[i].skills.contains(&s.skill);
            let same: Vec<usize> = (0..p.projects.len())
                .filter(|&i| projects[i] == iv && in_project(i))
                .collect();
            if !same.is_empty() {
                for i in same {
                    if s.listed {
                        push(&mut project_keywords[i], &s.skill);
                    } else {
                        push(&mut project_prose[i], &s.skill);
                    }
                }
                continue;
            }
            if let Some(c) = companies.iter().position(|c| *c == iv) {
                push(&mut company_prose[c], &s.skill);
                continue;
            }
            let inside = |outer: &(Month, Month)| outer.0 <= iv.0 && iv.1 <= outer.1;
            let project = (0..p.projects.len()).find(|&i| inside(&projects[i]) && in_project(i));
            if let Some(i) = project {
                push(project_dated[i].entry(iv).or_default(), &s.skill);
                continue;
            }
            if let Some(c) = companies.iter().position(inside) {
                push(company_dated[c].entry(iv).or_default(), &s.skill);
                continue;
            }
            let name = crate::text::ellipsize(&e.text, 80);
            push(
                &mut elsewhere.entry(iv).or_insert((name, Vec::new())).1,
                &s.skill,
            );
        }
    }
    Placed {
        project_keywords,
        project_prose,
        project_dated,
        company_prose,
        company_dated,
        elsewhere,
    }
}

/// `2018/03 – 2019/02: Skills used: Go, AWS`: one highlight per dated use.
fn dated_lines(m: &BTreeMap<(Month, Month), Vec<String>>) -> Vec<String> {
    m.iter()
        .map(|((s, e), skills)| format!("{} – {}: {}", slash(s), slash(e), used(skills)))
        .collect()
}

/// One work entry per company: the skills used there, undated then dated.
fn work(
    p: &Profile,
    company_prose: &[Vec<String>],
    company_dated: &[BTreeMap<(Month, Month), Vec<String>>],
) -> Vec<Work> {
    p.companies
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut highlights = Vec::new();
            if !company_prose[i].is_empty() {
                highlights.push(used(&company_prose[i]));
            }
            highlights.extend(dated_lines(&company_dated[i]));
            Work {
                name: c.name.clone(),
                start_date: c.start,
                end_date: c.end,
                highlights,
                x: WorkX { months: c.months },
            }
        })
        .collect()
}

/// The JSON Resume document of `p`.
pub fn document(p: &Profile) -> Document {
    let as_of = p.as_of;
    let companies: Vec<(Month, Month)> = p
        .companies
        .iter()
        .map(|c| closed(c.start, c.end, as_of))
        .collect();
    let projects: Vec<(Month, Month)> = p
        .projects
        .iter()
        .map(|x| closed(x.start, x.end, as_of))
        .collect();
    let company_index = |name: &str| p.companies.iter().position(|c| c.name == name);

    let Placed {
        mut project_keywords,
        project_prose,
        project_dated,
        company_prose,
        company_dated,
        elsewhere,
    } = place(p, &companies, &projects);
    let work = work(p, &company_prose, &company_dated);

    let mut out_projects: Vec<Project> = p
        .projects
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mut highlights = Vec::new();
            if !project_prose[i].is_empty() {
                highlights.push(used(&project_prose[i]));
            }
            highlights.extend(dated_lines(&project_dated[i]));
            Project {
                name: x.title.clone(),
                entity: company_index(&x.company).map(|_| x.company.clone()),
                start_date: x.start,
                end_date: x.end,
                description: None,
                keywords: std::mem::take(&mut project_keywords[i]),
                highlights,
                x: Some(ProjectX {
                    months: x.months,
                    skills: x.skills.clone(),
                    tags: x.tags.clone(),
                }),
            }
        })
        .collect();
    // Dated uses outside every employer (talks, personal projects): projects of no employer.
    for ((start, end), (name, skills)) in elsewhere {
        out_projects.push(Project {
            name,
            entity: None,
            start_date: start,
            end_date: Some(end),
            description: Some(used(&skills)),
            keywords: Vec::new(),
            highlights: Vec::new(),
            x: None,
        });
    }

    let skills = p.skills.iter().map(skill).collect();

    Document {
        schema: "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        work,
        projects: out_projects,
        skills,
        meta: Meta {
            version: "v1.0.0",
            x: MetaX {
                generator: concat!("skillfit ", env!("CARGO_PKG_VERSION")),
                source: p.source.clone(),
                as_of: p.as_of,
                total_months: p.total_months,
            },
        },
    }
}

/// A skill with its months and where they come from (`x-skillfit`).
fn skill(s: &crate::profile::SkillRecord) -> Skill {
    Skill {
        name: s.skill.clone(),
        level: s.claimed_months.map(|m| format!("{m} months")),
        x: SkillX {
            months: s.months,
            first_used: s.first_used,
            last_used: s.last_used,
            listed: s.listed,
            known: s.known,
            id: s.id.clone(),
            category: (!s.category.is_empty()).then(|| s.category.clone()),
            claimed_months: s.claimed_months,
            companies: s.companies.clone(),
            intervals: s.intervals.clone(),
        },
    }
}

/// The written document; field order is the order in the file.
#[derive(Debug, Serialize)]
pub struct Document {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub work: Vec<Work>,
    pub projects: Vec<Project>,
    pub skills: Vec<Skill>,
    pub meta: Meta,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Work {
    pub name: String,
    pub start_date: Month,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Month>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    #[serde(rename = "x-skillfit")]
    pub x: WorkX,
}

#[derive(Debug, Serialize)]
pub struct WorkX {
    pub months: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub start_date: Month,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Month>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    #[serde(rename = "x-skillfit", skip_serializing_if = "Option::is_none")]
    pub x: Option<ProjectX>,
}

#[derive(Debug, Serialize)]
pub struct ProjectX {
    pub months: u32,
    pub skills: Vec<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Skill {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(rename = "x-skillfit")]
    pub x: SkillX,
}

/// skillfit's figures for one skill.
#[derive(Debug, Serialize)]
pub struct SkillX {
    pub months: Option<u32>,
    pub first_used: Option<Month>,
    pub last_used: Option<Month>,
    pub listed: bool,
    pub known: bool,
    pub id: String,
    pub category: Option<String>,
    pub claimed_months: Option<u32>,
    pub companies: Vec<String>,
    pub intervals: Vec<Interval>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub version: &'static str,
    #[serde(rename = "x-skillfit")]
    pub x: MetaX,
}

#[derive(Debug, Serialize)]
pub struct MetaX {
    pub generator: &'static str,
    pub source: String,
    pub as_of: Month,
    pub total_months: u32,
}

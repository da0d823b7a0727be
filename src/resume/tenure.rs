//! Tenure: months of experience per skill, and the profile built from a parsed résumé.
//!
//! Takes a [`Resume`], the taxonomy and the as-of month; gives a [`Profile`].
//! Rule (DESIGN.md): a skill's months are the distinct months in the union of the periods of
//! its mentions, plus those of the skills that imply it; open periods end at `as_of`; periods
//! starting after `as_of` add nothing. A skill with no dated mention has `months: null`.

use std::collections::{BTreeMap, BTreeSet};

use super::Resume;
use crate::period::{End, Month, Period};
use crate::profile::{
    CompanyRecord, Evidence, Interval, Profile, ProjectRecord, SkillRecord, TermRecord,
    WarningRecord,
};
use crate::taxonomy::{MatchKind, SkillId, Taxonomy};

/// Months covered by `p` up to `as_of` (inclusive), as month indices.
fn months_of(p: &Period, as_of: Month) -> std::ops::RangeInclusive<i32> {
    let (start, end) = p.close(as_of);
    let end = end.min(as_of);
    start.index()..=end.index()
}

/// Consecutive runs of a sorted month set.
pub fn intervals(months: &BTreeSet<i32>) -> Vec<(Month, Month)> {
    let mut out: Vec<(Month, Month)> = Vec::new();
    for &m in months {
        match out.last_mut() {
            Some((_, end)) if end.index() + 1 == m => *end = Month::from_index(m),
            _ => out.push((Month::from_index(m), Month::from_index(m))),
        }
    }
    out
}

fn interval(p: &Period, as_of: Month) -> Interval {
    let (s, e) = p.close(as_of);
    Interval {
        start: s,
        end: e.min(as_of),
    }
}

/// Evidence lines kept per skill: enough to show where it comes from; `mentions` still counts
/// every mention (a generated 10 MB résumé would otherwise carry millions of evidence rows).
const MAX_EVIDENCE: usize = 200;

#[derive(Default)]
struct Acc {
    months: BTreeSet<i32>,
    mentions: u32,
    is_listed: bool,
    companies: Vec<String>,
    company_set: std::collections::HashSet<String>,
    /// Periods already added to `months` (a skill repeated in one section adds them once).
    periods_seen: std::collections::HashSet<Period>,
    /// (line, implying skill) pairs already recorded as `implied` evidence.
    implied_seen: std::collections::HashSet<(usize, SkillId)>,
    evidence: Vec<Evidence>,
}

impl Acc {
    fn add_period(&mut self, p: &Period, as_of: Month) {
        if self.periods_seen.insert(*p) {
            self.months.extend(months_of(p, as_of));
        }
    }

    fn add_company(&mut self, c: &str) {
        if !self.company_set.contains(c) {
            self.company_set.insert(c.to_owned());
            self.companies.push(c.to_owned());
        }
    }
}

/// Build the profile of `resume` as of `as_of`.
pub fn build_profile(resume: &Resume, tax: &Taxonomy, as_of: Month, source: &str) -> Profile {
    let mut skills = skill_records(accumulate(resume, tax, as_of), resume, tax);
    add_unknown_terms(&mut skills, resume, tax);
    skills.sort_by(|a, b| {
        b.months
            .unwrap_or(0)
            .cmp(&a.months.unwrap_or(0))
            .then(b.listed.cmp(&a.listed))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.skill.cmp(&b.skill))
    });
    let (companies, total_months) = company_records(resume, as_of);
    Profile {
        source: source.to_owned(),
        person: None,
        as_of,
        total_months,
        companies,
        projects: project_records(resume, tax, as_of),
        skills,
        unknown_terms: resume
            .unknown_terms
            .iter()
            .map(|u| TermRecord {
                term: u.term.clone(),
                line: u.line,
            })
            .collect(),
        warnings: warnings(resume, as_of),
    }
}

/// Every mention, per skill: its months, companies and evidence, and the same for the skills
/// it implies.
fn accumulate(resume: &Resume, tax: &Taxonomy, as_of: Month) -> BTreeMap<SkillId, Acc> {
    let mut acc: BTreeMap<SkillId, Acc> = BTreeMap::new();
    // Company of each section, for "where was it used": found once, top-down.
    let mut owner: Vec<Option<&str>> = vec![None; resume.sections.len()];
    for c in &resume.companies {
        if let Some(s) = c.section {
            owner[s] = Some(&c.name);
        }
    }
    for i in 0..resume.sections.len() {
        if owner[i].is_none() {
            owner[i] = resume.sections[i].parent.and_then(|p| owner[p]);
        }
    }
    let company_of = |section: Option<usize>| section.and_then(|s| owner[s]);

    for m in &resume.mentions {
        let period = m.span.filter(|p| p.start <= as_of);
        let company = period.and(company_of(m.section)).map(str::to_owned);
        let evidence = |kind: MatchKind, via: Option<String>| Evidence {
            line: m.line,
            text: crate::text::ellipsize(&m.text, 160),
            matched_by: kind,
            similarity: (kind == MatchKind::Fuzzy)
                .then_some((m.similarity * 1000.0).round() / 1000.0),
            via,
            period: period.map(|p| interval(&p, as_of)),
        };
        let a = acc.entry(m.skill).or_default();
        a.mentions += 1;
        a.is_listed |= m.is_listed;
        if a.evidence.len() < MAX_EVIDENCE {
            a.evidence.push(evidence(m.kind, None));
        }
        if let Some(p) = &period {
            a.add_period(p, as_of);
            if let Some(c) = &company {
                a.add_company(c);
            }
        }
        let via = tax.skill(m.skill).name.clone();
        for &implied in tax.implied(m.skill) {
            let a = acc.entry(implied).or_default();
            if let Some(p) = &period {
                a.add_period(p, as_of);
                if let Some(c) = &company {
                    a.add_company(c);
                }
                if a.evidence.len() < MAX_EVIDENCE && a.implied_seen.insert((m.line, m.skill)) {
                    a.evidence
                        .push(evidence(MatchKind::Implied, Some(via.clone())));
                }
            }
        }
    }
    acc
}

/// One record per known skill, with the longest duration the person claims for it.
fn skill_records(acc: BTreeMap<SkillId, Acc>, resume: &Resume, tax: &Taxonomy) -> Vec<SkillRecord> {
    let mut claims: BTreeMap<SkillId, u32> = BTreeMap::new();
    for c in &resume.claims {
        let e = claims.entry(c.skill).or_insert(0);
        *e = (*e).max(c.months);
    }
    acc.into_iter()
        .filter(|(_, a)| a.mentions > 0 || !a.months.is_empty())
        .map(|(id, a)| {
            let s = tax.skill(id);
            let runs = intervals(&a.months);
            SkillRecord {
                skill: s.name.clone(),
                id: s.id.clone(),
                category: s.category.clone(),
                known: true,
                listed: a.is_listed,
                months: (!a.months.is_empty()).then_some(a.months.len() as u32),
                first_used: runs.first().map(|r| r.0),
                last_used: runs.last().map(|r| r.1),
                mentions: a.mentions,
                claimed_months: claims.get(&id).copied(),
                intervals: runs
                    .iter()
                    .map(|(s, e)| Interval { start: *s, end: *e })
                    .collect(),
                companies: a.companies,
                evidence: a.evidence,
            }
        })
        .collect()
}

/// Never let a skill vanish: a term the person lists that the taxonomy does not know is still
/// their skill (listed, `known: false`, no category; its dated mentions are not tracked).
fn add_unknown_terms(skills: &mut Vec<SkillRecord>, resume: &Resume, tax: &Taxonomy) {
    let mut seen: BTreeSet<String> = skills
        .iter()
        .map(|s| crate::taxonomy::normalize_key(&s.skill))
        .collect();
    for t in &resume.unknown_terms {
        let key = crate::taxonomy::normalize_key(&t.term);
        if key.is_empty() || tax.resolve(&t.term).is_some() || !seen.insert(key.clone()) {
            continue;
        }
        skills.push(SkillRecord {
            skill: t.term.clone(),
            id: format!("unknown:{key}"),
            category: String::new(),
            known: false,
            listed: true,
            months: None,
            first_used: None,
            last_used: None,
            mentions: 1,
            claimed_months: None,
            intervals: Vec::new(),
            companies: Vec::new(),
            evidence: vec![Evidence {
                line: t.line,
                text: t.term.clone(),
                matched_by: MatchKind::Unknown,
                similarity: None,
                via: None,
                period: None,
            }],
        });
    }
}

/// The companies with their months up to `as_of`, and the months of their union.
fn company_records(resume: &Resume, as_of: Month) -> (Vec<CompanyRecord>, u32) {
    let mut total = BTreeSet::new();
    let companies = resume
        .companies
        .iter()
        .map(|c| {
            let months: BTreeSet<i32> = if c.period.start <= as_of {
                months_of(&c.period, as_of).collect()
            } else {
                BTreeSet::new()
            };
            total.extend(months.iter().copied());
            CompanyRecord {
                name: c.name.clone(),
                start: c.period.start,
                end: match c.period.end {
                    End::Open => None,
                    End::At(m) => Some(m),
                },
                months: months.len() as u32,
                line: c.line,
            }
        })
        .collect();
    // A career written only as projects: its total is the union of the projects' months.
    if resume.companies.is_empty() {
        for p in resume.projects.iter().filter(|p| p.period.start <= as_of) {
            total.extend(months_of(&p.period, as_of));
        }
    }
    (companies, total.len() as u32)
}

fn project_records(resume: &Resume, tax: &Taxonomy, as_of: Month) -> Vec<ProjectRecord> {
    resume
        .projects
        .iter()
        .map(|p| ProjectRecord {
            company: p.company.clone(),
            title: p.title.clone(),
            start: p.period.start,
            end: match p.period.end {
                End::Open => None,
                End::At(m) => Some(m),
            },
            months: if p.period.start <= as_of {
                months_of(&p.period, as_of).count() as u32
            } else {
                0
            },
            skills: p
                .skills
                .iter()
                .map(|&s| tax.skill(s).name.clone())
                .collect(),
            tags: p.tags.iter().map(|&s| tax.skill(s).name.clone()).collect(),
            line: p.line,
        })
        .collect()
}

/// The parser's warnings, then what the profile itself notices: no dates at all, companies
/// that start after `as_of`.
fn warnings(resume: &Resume, as_of: Month) -> Vec<WarningRecord> {
    let mut warnings: Vec<WarningRecord> = resume
        .warnings
        .iter()
        .map(|w| WarningRecord {
            line: w.line,
            message: w.message.clone(),
        })
        .collect();
    let dated = !resume.companies.is_empty() || resume.sections.iter().any(|s| s.span.is_some());
    if !dated {
        warnings.push(WarningRecord {
            line: None,
            message: "no dated sections found: skills are listed, but months are unknown (null)"
                .to_owned(),
        });
    } else if !resume.mentions.is_empty() && resume.mentions.iter().all(|m| m.span.is_none()) {
        warnings.push(WarningRecord {
            line: None,
            message: "no skill is named inside a dated section: months are unknown (null)"
                .to_owned(),
        });
    }
    for c in &resume.companies {
        if c.period.start > as_of {
            warnings.push(WarningRecord {
                line: Some(c.line),
                message: format!(
                    "{} starts {} after --as-of {as_of}; not counted",
                    c.name, c.period.start
                ),
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_months() {
        let m = |y, mo| Month::new(y, mo).unwrap().index();
        let set: BTreeSet<i32> = [m(2020, 1), m(2020, 2), m(2020, 3), m(2020, 6)].into();
        let r = intervals(&set);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1.to_string(), "2020-03");
        assert_eq!(r[1].0.to_string(), "2020-06");
    }

    #[test]
    fn overlapping_periods_count_once() {
        let tax = Taxonomy::builtin().unwrap();
        let doc = "### 株式会社A (2020年01月 〜 2020年12月)\n#### X (2020年01月 〜 2020年06月)\n- Go\n#### Y (2020年04月 〜 2020年09月)\n- Go と EKS\n";
        let r = crate::resume::parse_resume(doc, &tax);
        let p = build_profile(&r, &tax, Month::new(2026, 11).unwrap(), "t");
        let go = p.skills.iter().find(|s| s.skill == "Go").unwrap();
        assert_eq!(go.months, Some(9));
        let k8s = p.skills.iter().find(|s| s.skill == "Kubernetes").unwrap();
        assert_eq!(k8s.months, Some(6), "implied by EKS");
        assert_eq!(k8s.mentions, 0);
        assert_eq!(p.total_months, 12);
    }

    #[test]
    fn as_of_closes_open_periods() {
        let tax = Taxonomy::builtin().unwrap();
        let doc = "### 株式会社A (2025年04月 〜 )\n- Terraform\n";
        let r = crate::resume::parse_resume(doc, &tax);
        let p = build_profile(&r, &tax, Month::new(2026, 11).unwrap(), "t");
        assert_eq!(p.companies[0].months, 20);
        assert_eq!(p.companies[0].end, None);
        let p = build_profile(&r, &tax, Month::new(2025, 6).unwrap(), "t");
        assert_eq!(p.skills[0].months, Some(3));
    }
}

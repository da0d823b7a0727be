//! JSON Resume (`resume.json`, <https://jsonresume.org/schema>) → the same [`Resume`] the
//! Markdown parser builds, so [`super::tenure`] computes months identically.
//!
//! Takes the document text and the taxonomy; gives a [`Resume`] or a [`JsonResumeError`]
//! naming the JSON path (`work[2].startDate`) and its line.
//! Rules (README "JSON Resume"):
//! * `work[]` and `volunteer[]` entries with a `startDate` are employers (`name`, or
//!   `organization` for volunteering). Skills in their `position`, `summary`, `description` and
//!   `highlights` get the entry's period; a highlight with a period of its own
//!   (`2018/03 – 2018/06: ported the jobs to Kotlin`) is the innermost unit, as a dated line
//!   is in Markdown. An entry without a `startDate` is not an employer and dates nothing.
//! * `projects[]` whose `entity` names an employer are that employer's projects (undated:
//!   the employer's period; an open end is clipped to the employer's end). Other projects are
//!   like personal projects in Markdown: their skills get their period, but they are neither
//!   employers nor listed as projects, unless skillfit wrote them (`x-skillfit`): those are the
//!   projects of a career written only as projects (no employer named anywhere). `keywords`
//!   are listed skills; `name`, `description` and `highlights` are prose.
//! * Arrays of strings that people add to a `work[]` or `projects[]` entry under a key of
//!   [`STACK_KEYS`] (`"technologies": ["Nuxt", "Vue"]`) are listed skills of that entry.
//!   A listed entry the taxonomy does not know that joins several names (`Viem/Wagmi`) is each
//!   of them.
//! * `skills[].keywords` are listed skills; `skills[].name` is one too when the taxonomy knows
//!   it or the entry has no keywords (else it is a category label such as `Web Development`).
//!   An entry whose `x-skillfit.listed` is `false` (written by `--format json-resume` for a skill
//!   only found in prose) is a plain undated mention.
//! * `education` never counts; `basics.label`/`summary`, certificate, award and publication
//!   names are undated mentions. Dates are `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a year alone
//!   starts in January and ends in December); an empty or missing `endDate` is ongoing.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Company, Mention, Project, Resume, Section, UnknownTerm, Warning};
use crate::period::{find_duration_months, find_period, End, Month, Period};
use crate::taxonomy::{MatchKind, SkillId, Taxonomy};
use crate::text::nfkc;

/// Top-level keys of the JSON Resume schema; an object with none of them is not a résumé.
const RESUME_KEYS: &[&str] = &[
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
];

#[derive(Debug, thiserror::Error)]
pub enum JsonResumeError {
    #[error("line {line}, column {column}: not valid JSON: {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    NotResume(String),
    #[error("{}{path}: {message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Field {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

impl JsonResumeError {
    /// The error as `file:line: path: message` (the repo's error style).
    pub fn describe(&self, file: &str) -> String {
        match self {
            JsonResumeError::NotJson {
                line,
                column,
                message,
            } => format!("{file}:{line}:{column}: not valid JSON: {message}"),
            JsonResumeError::NotResume(m) => format!("{file}: {m}"),
            JsonResumeError::Field {
                path,
                line: Some(line),
                message,
            } => format!("{file}:{line}: {path}: {message}"),
            JsonResumeError::Field {
                path,
                line: None,
                message,
            } => format!("{file}: {path}: {message}"),
        }
    }
}

/// Should this document be read as JSON Resume? A `.json` file always is; any other file when
/// its text is a JSON object (the first character is `{` and the whole text parses).
pub fn is_json_resume(path: &std::path::Path, text: &str) -> bool {
    let is_json_ext = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json_ext {
        return true;
    }
    text.trim_start().starts_with('{')
        && serde_json::from_str::<Value>(text).is_ok_and(|v| v.is_object())
}

/// Parse a JSON Resume document.
pub fn parse_json_resume(text: &str, tax: &Taxonomy) -> Result<Resume, JsonResumeError> {
    let root: Value = serde_json::from_str(text).map_err(|e| JsonResumeError::NotJson {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let Value::Object(obj) = &root else {
        return Err(JsonResumeError::NotResume(format!(
            "the document is a JSON {}, not a JSON Resume object",
            kind(&root)
        )));
    };
    if !RESUME_KEYS.iter().any(|k| obj.contains_key(*k)) {
        return Err(JsonResumeError::NotResume(format!(
            "JSON without any JSON Resume section ({}): not a résumé",
            RESUME_KEYS.join(", ")
        )));
    }
    let mut r = Reader {
        is_technical: tax.is_technical(&nfkc(text)),
        tax,
        lines: locate(text),
        out: Resume::default(),
    };
    r.read(obj)?;
    Ok(r.out)
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

struct Reader<'t> {
    tax: &'t Taxonomy,
    /// The résumé names technology (so a capitalised `Go` in a summary is the language), as
    /// for Markdown.
    is_technical: bool,
    /// JSON path → line of its value.
    lines: HashMap<String, usize>,
    out: Resume,
}

/// One employer or project being read: its section and the period that applies inside it.
#[derive(Clone, Copy)]
struct Unit {
    section: usize,
    span: Option<Period>,
}

impl Reader<'_> {
    fn line(&self, path: &str) -> usize {
        // The nearest located ancestor (only the first levels are located).
        let mut p = path;
        loop {
            if let Some(&l) = self.lines.get(p) {
                return l;
            }
            match p.rfind(['.', '[']) {
                Some(i) if i > 0 => p = &p[..i],
                _ => return 1,
            }
        }
    }

    fn err(&self, path: &str, message: String) -> JsonResumeError {
        JsonResumeError::Field {
            path: path.to_owned(),
            line: Some(self.line(path)),
            message,
        }
    }

    fn array<'v>(
        &self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Result<&'v [Value], JsonResumeError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(v) => Err(self.err(path, format!("expected an array, found a {}", kind(v)))),
        }
    }

    fn object<'v>(
        &self,
        v: &'v Value,
        path: &str,
    ) -> Result<&'v Map<String, Value>, JsonResumeError> {
        match v {
            Value::Object(o) => Ok(o),
            v => Err(self.err(path, format!("expected an object, found a {}", kind(v)))),
        }
    }

    fn string<'v>(
        &self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Result<Option<&'v str>, JsonResumeError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str()).filter(|s| !s.trim().is_empty())),
            Some(v) => Err(self.err(
                &format!("{path}.{key}"),
                format!("expected a string, found a {}", kind(v)),
            )),
        }
    }

    fn strings<'v>(
        &self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Result<Vec<(String, &'v str)>, JsonResumeError> {
        let here = format!("{path}.{key}");
        let mut out = Vec::new();
        for (i, v) in self.array(obj, key, &here)?.iter().enumerate() {
            let p = format!("{here}[{i}]");
            match v {
                Value::String(s) if !s.trim().is_empty() => out.push((p, s.as_str())),
                Value::String(_) | Value::Null => {}
                v => return Err(self.err(&p, format!("expected a string, found a {}", kind(v)))),
            }
        }
        Ok(out)
    }

    /// `startDate`/`endDate` of the entry at `path`: `None` when it has no start.
    fn period(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        what: &str,
    ) -> Result<Option<Period>, JsonResumeError> {
        let start = match self.string(obj, "startDate", path)? {
            Some(s) => date(s, false).map_err(|m| self.err(&format!("{path}.startDate"), m))?,
            None => {
                let line = self.line(path);
                self.out.warnings.push(Warning {
                    line: Some(line),
                    message: format!("{path} ({what}) has no startDate: it dates nothing"),
                });
                return Ok(None);
            }
        };
        let end = match self.string(obj, "endDate", path)? {
            None => End::Open,
            Some(s) if OPEN_WORDS.contains(&s.trim().to_lowercase().as_str()) => End::Open,
            Some(s) => End::At(date(s, true).map_err(|m| self.err(&format!("{path}.endDate"), m))?),
        };
        if let End::At(e) = end {
            if e < start {
                return Err(self.err(
                    &format!("{path}.endDate"),
                    format!("{what} ends ({e}) before it starts ({start})"),
                ));
            }
        }
        Ok(Some(Period { start, end }))
    }

    fn push_section(
        &mut self,
        title: &str,
        level: u16,
        line: usize,
        parent: Option<usize>,
        span: Option<Period>,
        is_other: bool,
    ) -> usize {
        self.out.sections.push(Section {
            title: title.to_owned(),
            level,
            line,
            parent,
            own: span,
            span,
            is_skill_section: false,
            is_education: false,
            is_other,
            is_career: false,
            derived: false,
            open_stated: false,
            from_summary: None,
            tags: Vec::new(),
        });
        self.out.sections.len() - 1
    }

    /// Mentions in one string; a period on it (inside `unit`) dates its mentions.
    fn mentions(
        &mut self,
        text: &str,
        path: &str,
        unit: Option<Unit>,
        listed: bool,
    ) -> Vec<SkillId> {
        let norm = nfkc(text);
        let line = self.line(path);
        let mut span = unit.and_then(|u| u.span);
        let mut from_line = false;
        let mut after_period = None;
        if let Some(found) = find_period(&norm) {
            after_period = norm.get(found.span.end..);
            let p = found.period;
            if !matches!(p.end, End::At(e) if e < p.start) {
                span = Some(super::clip(p, span.as_ref()));
                from_line = true;
            }
        }
        // `Skills used: Hibernate, Java` (a highlight, as `--format json-resume` writes one)
        // is a list of skills even where it is not a listed entry.
        // After its period too: `2020/01 – 2023/12: Skills used: Echo, Go`.
        let is_list = listed
            || super::is_skill_line(&norm, self.tax)
            || after_period.is_some_and(|rest| {
                super::is_skill_line(rest.trim_start_matches([':', '：', ' ']), self.tax)
            });
        let hits = self.tax.find_in(&norm, is_list, self.is_technical);
        let mut skills = Vec::with_capacity(hits.len());
        for h in hits {
            if skills.contains(&h.skill) {
                continue;
            }
            skills.push(h.skill);
            self.out.mentions.push(Mention {
                skill: h.skill,
                line,
                text: crate::text::squash_ws(text),
                kind: h.kind,
                similarity: h.similarity,
                section: unit.map(|u| u.section),
                span,
                is_listed: listed,
                from_line,
            });
        }
        skills
    }

    /// A listed entry (`skills[].keywords[i]`, `projects[].keywords[i]`): its skills, or an
    /// unknown term when the taxonomy knows none.
    fn listed(
        &mut self,
        entry: &str,
        path: &str,
        unit: Option<Unit>,
        may_be_label: bool,
    ) -> Vec<SkillId> {
        let mut skills = self.mentions(entry, path, unit, true);
        let line = self.line(path);
        if skills.is_empty() && !may_be_label {
            let term = crate::text::squash_ws(entry.trim());
            if term.is_empty() || term.chars().count() > 60 {
                return skills;
            }
            // `Viem/Wagmi`, `Mocha, Sinon`: an entry of several unknown names is each of them.
            let pieces: Vec<&str> = term
                .split(['/', ',', '、'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if pieces.len() > 1 {
                for piece in pieces {
                    skills.extend(self.listed(piece, path, unit, false));
                }
                return skills;
            }
            // Another spelling of a known name (`Postgressql`, `Google Tagmanager`).
            if let Some((skill, similarity)) = self.tax.resolve_variant(&term) {
                self.out.mentions.push(Mention {
                    skill,
                    line,
                    text: term,
                    kind: MatchKind::Fuzzy,
                    similarity,
                    section: unit.map(|u| u.section),
                    span: unit.and_then(|u| u.span),
                    is_listed: true,
                    from_line: false,
                });
                skills.push(skill);
            } else {
                self.out.unknown_terms.push(UnknownTerm { term, line });
            }
        } else if let Some(term) = super::qualified_term(entry, self.tax) {
            // `Django Signals`: a known name and more is also the person's own term.
            self.out.unknown_terms.push(UnknownTerm { term, line });
        }
        skills
    }

    /// The whole document, section by section (basics, then each dated section, then skills).
    /// Longer than 80 lines on purpose: one short block per JSON Resume section, in the order
    /// that decides which period a skill counts for, so the order reads top to bottom.
    fn read(&mut self, obj: &Map<String, Value>) -> Result<(), JsonResumeError> {
        if let Some(b) = obj.get("basics") {
            let b = self.object(b, "basics")?;
            for key in ["label", "summary"] {
                if let Some(s) = self.string(b, key, "basics")? {
                    self.mentions(s, &format!("basics.{key}"), None, false);
                }
            }
        }
        // Employers: work, then volunteering.
        let mut employers: Vec<(String, Unit)> = Vec::new();
        for (key, name_key, what) in [
            ("work", "name", "work"),
            ("volunteer", "organization", "volunteering"),
        ] {
            for (i, v) in self.array(obj, key, key)?.iter().enumerate() {
                let path = format!("{key}[{i}]");
                let e = self.object(v, &path)?;
                let name = self
                    .string(e, name_key, &path)?
                    .or(self.string(e, "name", &path)?)
                    .or(self.string(e, "position", &path)?)
                    .map_or_else(|| path.clone(), |s| crate::text::squash_ws(s.trim()));
                let period = self.period(e, &path, what)?;
                let line = self.line(&path);
                let section = self.push_section(&name, 2, line, None, period, false);
                let unit = Unit {
                    section,
                    span: period,
                };
                if let Some(p) = period {
                    self.out.companies.push(Company {
                        name: name.clone(),
                        period: p,
                        section: Some(section),
                        line,
                    });
                    employers.push((name.to_lowercase(), unit));
                }
                for k in ["position", "summary", "description"] {
                    if let Some(s) = self.string(e, k, &path)? {
                        self.mentions(s, &format!("{path}.{k}"), Some(unit), false);
                    }
                }
                for (p, s) in self.strings(e, "highlights", &path)? {
                    self.mentions(s, &p, Some(unit), false);
                }
                for (p, s) in stack_entries(e, &path) {
                    self.listed(s, &p, Some(unit), false);
                }
            }
        }
        for (i, v) in self.array(obj, "projects", "projects")?.iter().enumerate() {
            let path = format!("projects[{i}]");
            let e = self.object(v, &path)?;
            let name = self
                .string(e, "name", &path)?
                .map_or_else(|| path.clone(), |s| crate::text::squash_ws(s.trim()));
            let entity = self
                .string(e, "entity", &path)?
                .map(|s| s.trim().to_lowercase());
            let employer =
                entity.and_then(|en| employers.iter().find(|(n, _)| *n == en).map(|(_, u)| *u));
            let has_start = self.string(e, "startDate", &path)?.is_some();
            let own = if has_start || employer.is_none() {
                self.period(e, &path, "project")?
            } else {
                None
            };
            let line = self.line(&path);
            let span = match (own, employer) {
                (Some(p), Some(u)) => Some(super::clip(p, u.span.as_ref())),
                (None, Some(u)) => u.span,
                (p, None) => p,
            };
            let parent = employer.map(|u| u.section);
            let section = self.push_section(&name, 3, line, parent, span, employer.is_none());
            let unit = Unit { section, span };
            let mut skills: Vec<SkillId> = Vec::new();
            let mut add = |found: Vec<SkillId>| {
                for s in found {
                    if !skills.contains(&s) {
                        skills.push(s);
                    }
                }
            };
            for (p, s) in self.strings(e, "keywords", &path)? {
                add(self.listed(s, &p, Some(unit), false));
            }
            for (p, s) in stack_entries(e, &path) {
                add(self.listed(s, &p, Some(unit), false));
            }
            add(self.mentions(&name, &format!("{path}.name"), Some(unit), false));
            if let Some(s) = self.string(e, "description", &path)? {
                add(self.mentions(s, &format!("{path}.description"), Some(unit), false));
            }
            for (p, s) in self.strings(e, "highlights", &path)? {
                add(self.mentions(s, &p, Some(unit), false));
            }
            // A project of no employer that skillfit wrote itself (it carries `x-skillfit`) is
            // a project of a career written only as projects.
            if let (None, Some(period), true) = (employer, span, e.contains_key("x-skillfit")) {
                self.out.projects.push(Project {
                    company: String::new(),
                    title: name,
                    period,
                    line,
                    tags: Vec::new(),
                    skills,
                });
            } else if let (Some(u), Some(period)) = (employer, span) {
                let company = self
                    .out
                    .companies
                    .iter()
                    .find(|c| c.section == Some(u.section))
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.out.projects.push(Project {
                    company,
                    title: name,
                    period,
                    line,
                    tags: Vec::new(),
                    skills,
                });
            }
        }
        for (i, v) in self.array(obj, "skills", "skills")?.iter().enumerate() {
            let path = format!("skills[{i}]");
            let e = self.object(v, &path)?;
            let keywords = self.strings(e, "keywords", &path)?;
            let listed = !matches!(
                e.get("x-skillfit").and_then(|x| x.get("listed")),
                Some(Value::Bool(false))
            );
            if let Some(name) = self.string(e, "name", &path)? {
                let p = format!("{path}.name");
                let found = if listed {
                    self.listed(name, &p, None, !keywords.is_empty())
                } else {
                    self.mentions(name, &p, None, false)
                };
                // `level: "3 years"` on a one-skill entry is a claim, as `Go: 3年` is.
                if let (1, true, Some(level)) = (
                    found.len(),
                    keywords.is_empty(),
                    self.string(e, "level", &path)?,
                ) {
                    if let Some(months) = find_duration_months(&nfkc(level)) {
                        let line = self.line(&path);
                        self.out.claims.push(super::Claim {
                            skill: found[0],
                            months,
                            line,
                        });
                    }
                }
            }
            for (p, s) in keywords {
                if listed {
                    self.listed(s, &p, None, false);
                } else {
                    self.mentions(s, &p, None, false);
                }
            }
        }
        for (key, fields) in [
            ("certificates", &["name"][..]),
            ("awards", &["title", "summary"][..]),
            ("publications", &["name", "summary"][..]),
        ] {
            for (i, v) in self.array(obj, key, key)?.iter().enumerate() {
                let path = format!("{key}[{i}]");
                let e = self.object(v, &path)?;
                for f in fields {
                    if let Some(s) = self.string(e, f, &path)? {
                        // Undated: a certificate's date is not a period of use.
                        let norm = nfkc(s);
                        let line = self.line(&path);
                        for h in self.tax.find_in(&norm, false, self.is_technical) {
                            self.out.mentions.push(Mention {
                                skill: h.skill,
                                line,
                                text: crate::text::squash_ws(s),
                                kind: h.kind,
                                similarity: h.similarity,
                                section: None,
                                span: None,
                                is_listed: false,
                                from_line: false,
                            });
                        }
                    }
                }
            }
        }
        // `education` is read for its shape only: it never counts.
        for (i, v) in self
            .array(obj, "education", "education")?
            .iter()
            .enumerate()
        {
            self.object(v, &format!("education[{i}]"))?;
        }
        self.out.companies.sort_by_key(|c| c.line);
        self.out.projects.sort_by_key(|p| p.line);
        Ok(())
    }
}

/// End words accepted in `endDate` besides an empty string (outside the schema, but common).
const OPEN_WORDS: &[&str] = &["present", "current", "now", "ongoing", "現在"];

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` → its month; a year alone is January (`is_end`: December).
/// Keys outside the schema that people add to a `work[]` or `projects[]` entry for the
/// technologies it used (`"technologies": ["Nuxt", "Vue"]`): listed skills of that entry.
const STACK_KEYS: &[&str] = &[
    "technologies",
    "technology",
    "tech",
    "techStack",
    "tech_stack",
    "stack",
    "tools",
    "skills",
];

/// The string entries of the entry's [`STACK_KEYS`] arrays, with their JSON paths. They are
/// not part of the schema, so any other shape is left alone rather than refused.
fn stack_entries<'v>(obj: &'v Map<String, Value>, path: &str) -> Vec<(String, &'v str)> {
    let mut out = Vec::new();
    for key in STACK_KEYS {
        if let Some(Value::Array(items)) = obj.get(*key) {
            for (i, v) in items.iter().enumerate() {
                if let Value::String(s) = v {
                    if !s.trim().is_empty() {
                        out.push((format!("{path}.{key}[{i}]"), s.as_str()));
                    }
                }
            }
        }
    }
    out
}

fn date(s: &str, is_end: bool) -> Result<Month, String> {
    let t = s.trim();
    let bad = || format!("`{t}` is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts: Vec<&str> = t.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = parts.first().and_then(|y| num(y, 4)).ok_or_else(bad)?;
    let month = match parts.get(1) {
        None => {
            if is_end {
                12
            } else {
                1
            }
        }
        Some(m) => num(m, 2).ok_or_else(bad)?,
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    let y = i32::try_from(year).map_err(|_| bad())?;
    let m = Month::new(y, month).ok_or_else(|| format!("`{t}`: no such month"))?;
    if let Some(d) = parts.get(2) {
        let d = num(d, 2).ok_or_else(bad)?;
        let days = match month {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if d == 0 || d > days {
            return Err(format!("`{t}`: no such day"));
        }
    }
    Ok(m)
}

/// Line of each JSON path down to three levels (`work`, `work[2]`, `work[2].startDate`), from
/// one pass over text that is already known to be valid JSON.
fn locate(text: &str) -> HashMap<String, usize> {
    let mut l = Locator {
        b: text.as_bytes(),
        i: 0,
        line: 1,
        out: HashMap::new(),
    };
    l.value(String::new(), 0);
    l.out
}

struct Locator<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    out: HashMap<String, usize>,
}

impl Locator<'_> {
    const MAX_DEPTH: usize = 4;

    fn ws(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.i += 1;
        }
    }

    /// Skip a string starting at its opening quote; returns its raw body.
    fn string(&mut self) -> &str {
        let start = self.i + 1;
        self.i += 1;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'\\' => self.i += 2,
                b'"' => break,
                b'\n' => {
                    self.line += 1;
                    self.i += 1;
                }
                _ => self.i += 1,
            }
        }
        let end = self.i.min(self.b.len());
        self.i += 1;
        std::str::from_utf8(&self.b[start.min(end)..end]).unwrap_or("")
    }

    /// Skip any value without recording (iteratively: depth is unbounded).
    fn skip(&mut self) {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.b.get(self.i) {
                None => return,
                Some(b'"') => {
                    self.string();
                }
                Some(b'{' | b'[') => {
                    depth += 1;
                    self.i += 1;
                }
                Some(b'}' | b']') => {
                    depth = depth.saturating_sub(1);
                    self.i += 1;
                }
                Some(b',' | b':') if depth > 0 => self.i += 1,
                Some(_) => {
                    while self
                        .b
                        .get(self.i)
                        .is_some_and(|c| !b",:]} \t\r\n".contains(c))
                    {
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                return;
            }
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.ws();
        if !path.is_empty() {
            self.out.insert(path.clone(), self.line);
        }
        if depth >= Self::MAX_DEPTH {
            self.skip();
            return;
        }
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'"') => {
                            let raw = self.string().to_owned();
                            let key = serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or(raw);
                            self.ws();
                            self.i += 1; // ':'
                            let p = if path.is_empty() {
                                key
                            } else {
                                format!("{path}.{key}")
                            };
                            self.value(p, depth + 1);
                        }
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return;
                        }
                        None => return,
                        Some(_) => {
                            self.value(format!("{path}[{n}]"), depth + 1);
                            n += 1;
                        }
                    }
                }
            }
            _ => self.skip(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax() -> Taxonomy {
        Taxonomy::builtin().unwrap()
    }

    #[test]
    fn dates() {
        let m = |y, mo| Month::new(y, mo).unwrap();
        assert_eq!(date("2020-04-30", false), Ok(m(2020, 4)));
        assert_eq!(date("2020-04", false), Ok(m(2020, 4)));
        assert_eq!(date("2020", false), Ok(m(2020, 1)));
        assert_eq!(date("2020", true), Ok(m(2020, 12)));
        assert_eq!(date("2024-02-29", false), Ok(m(2024, 2)));
        assert!(date("2023-02-29", false)
            .unwrap_err()
            .contains("no such day"));
        assert!(date("2021-13", false)
            .unwrap_err()
            .contains("no such month"));
        assert!(date("April 2020", false)
            .unwrap_err()
            .contains("not a date"));
        assert!(date("2020-4", false).is_err());
    }

    #[test]
    fn paths_have_lines() {
        let text = "{\n  \"work\": [\n    {\n      \"name\": \"A\",\n      \"startDate\": \"x\"\n    }\n  ],\n  \"skills\": [{\"name\": \"Go\"}]\n}\n";
        let l = locate(text);
        assert_eq!(l["work"], 2);
        assert_eq!(l["work[0]"], 3);
        assert_eq!(l["work[0].startDate"], 5);
        assert_eq!(l["skills[0].name"], 8);
    }

    #[test]
    fn errors_name_the_json_path_and_line() {
        let text = "{\"work\": [\n{\"name\": \"A\", \"startDate\": \"2020-01\"},\n{\"name\": \"B\",\n \"startDate\": \"2021-13\"}]}";
        let e = parse_json_resume(text, &tax()).unwrap_err().to_string();
        assert_eq!(e, "line 4: work[1].startDate: `2021-13`: no such month");
        let e = parse_json_resume(
            "{\"work\": [{\"name\": \"A\", \"startDate\": \"2021-05\", \"endDate\": \"2020-01\"}]}",
            &tax(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("work[0].endDate") && e.contains("before"), "{e}");
        let e = parse_json_resume("[1, 2]", &tax()).unwrap_err().to_string();
        assert!(e.contains("not a JSON Resume"), "{e}");
        let e = parse_json_resume("{\"title\": \"Go engineer\"}", &tax())
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a résumé"), "{e}");
        let e = parse_json_resume("{\"work\": [}", &tax())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 1, column 11: not valid JSON"), "{e}");
        let e = parse_json_resume("{\"work\": {\"name\": \"A\"}}", &tax())
            .unwrap_err()
            .to_string();
        assert!(e.contains("work: expected an array"), "{e}");
        let e = parse_json_resume("{\"work\": [{\"highlights\": [\"Go\", 3]}]}", &tax())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("work[0].highlights[1]: expected a string"),
            "{e}"
        );
    }

    #[test]
    fn a_dated_skills_used_highlight_dates_ordinary_word_names() {
        // As `--format json-resume` writes a project: its period, then `Skills used: …`; `Go`
        // and `Echo` are ordinary words, named only in a list.
        let text = r#"{"work": [{"name": "Acme", "startDate": "2019-07", "endDate": "2024-06",
                     "highlights": ["2020/01 – 2023/12: Skills used: Echo, Go"]}]}"#;
        let r = parse_json_resume(text, &tax()).unwrap();
        let m = |y, mo| Month::new(y, mo).unwrap();
        for name in ["Go", "Echo"] {
            let id = tax().resolve(name).unwrap();
            let x = r.mentions.iter().find(|x| x.skill == id).unwrap();
            assert_eq!(x.span.map(|p| p.start), Some(m(2020, 1)), "{name}");
        }
    }

    #[test]
    fn technologies_arrays_are_listed_with_their_entry_period() {
        let text = r#"{
          "work": [{"name": "Kestrel Labs", "startDate": "2021-04", "endDate": "2022-03",
                    "technologies": ["Nuxt", "Quillbase/Snorkmark", 7]}],
          "projects": [{"name": "Ledger app", "startDate": "2023-01", "endDate": "2023-06",
                        "tech": ["NestJS"]}]
        }"#;
        let r = parse_json_resume(text, &tax()).unwrap();
        let m = |y, mo| Month::new(y, mo).unwrap();
        let nuxt = tax().resolve("Nuxt").unwrap();
        let nest = tax().resolve("NestJS").unwrap();
        let listed = |skill| {
            r.mentions
                .iter()
                .find(|x| x.skill == skill && x.is_listed)
                .and_then(|x| x.span)
        };
        assert_eq!(
            listed(nuxt),
            Some(Period {
                start: m(2021, 4),
                end: End::At(m(2022, 3))
            })
        );
        assert_eq!(listed(nest).map(|p| p.start), Some(m(2023, 1)));
        let terms: Vec<&str> = r.unknown_terms.iter().map(|u| u.term.as_str()).collect();
        assert!(
            terms.contains(&"Quillbase") && terms.contains(&"Snorkmark"),
            "{terms:?}"
        );
    }

    #[test]
    fn work_dates_its_mentions_and_education_does_not() {
        let text = r#"{
          "work": [{"name": "Acme Inc.", "position": "SRE", "startDate": "2020-01-15", "endDate": "2020-12",
                    "summary": "Go services on AWS", "highlights": ["2020-03 – 2020-04: a Kotlin port"]}],
          "education": [{"institution": "Uni", "area": "Python studies", "startDate": "2010", "endDate": "2014"}],
          "skills": [{"name": "Languages", "keywords": ["Go", "Zorblix"]}, {"name": "Rust", "level": "3 years"}]
        }"#;
        let r = parse_json_resume(text, &tax()).unwrap();
        assert_eq!(r.companies.len(), 1);
        assert_eq!(r.companies[0].name, "Acme Inc.");
        let go = tax().resolve("Go").unwrap();
        let kotlin = tax().resolve("Kotlin").unwrap();
        let python = tax().resolve("Python").unwrap();
        let rust = tax().resolve("Rust").unwrap();
        let m = |y, mo| Month::new(y, mo).unwrap();
        assert!(r
            .mentions
            .iter()
            .any(|x| x.skill == go && x.span.is_some() && !x.is_listed));
        assert!(r
            .mentions
            .iter()
            .any(|x| x.skill == go && x.span.is_none() && x.is_listed));
        let k = r.mentions.iter().find(|x| x.skill == kotlin).unwrap();
        assert_eq!(
            k.span,
            Some(Period {
                start: m(2020, 3),
                end: End::At(m(2020, 4))
            })
        );
        assert!(
            r.mentions.iter().all(|x| x.skill != python),
            "education is not read"
        );
        assert!(r.unknown_terms.iter().any(|u| u.term == "Zorblix"));
        assert!(
            !r.unknown_terms.iter().any(|u| u.term == "Languages"),
            "a category label"
        );
        assert!(r.claims.iter().any(|c| c.skill == rust && c.months == 36));
    }
}

//! The four posting formats, each turned into [`PLine`]s plus metadata.
//!
//! Markdown goes through the shared pulldown-cmark walk ([`crate::doc::blocks`]); HTML through
//! the shared scanner ([`crate::doc::html`]), preferring a schema.org `JobPosting` JSON-LD block
//! when the page has one; `.json` is a schema.org `JobPosting` or a JSON Resume job.

use serde_json::Value;

use super::extract::{Level, PLine, PLineKind};
use super::PostingError;
use crate::doc::blocks::{self, BlockKind};
use crate::doc::html::{self, HtmlItem};
use crate::text::{nfkc, LineIndex};

#[derive(Debug, Default)]
pub struct Draft {
    pub title: Option<String>,
    pub company: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub salary: Option<String>,
    pub posted: Option<String>,
    pub lines: Vec<PLine>,
    /// Problems that did not stop the posting from being read (e.g. front matter ignored).
    pub warnings: Vec<String>,
    /// The site's owner, from a page's copyright notice (in its footer, which is not read as
    /// the posting): the company when nothing else names it.
    pub owner: Option<String>,
}

impl Draft {
    fn set_meta(&mut self, key: &str, value: &str) {
        let v = value.trim().trim_matches(['"', '\'']).trim().to_owned();
        if v.is_empty() {
            return;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut self.title,
            "company" | "organization" | "employer" => &mut self.company,
            "url" | "link" => &mut self.url,
            // Where to apply: a mail address is a `mailto:` link (it names the hiring company's
            // domain).
            "apply" | "apply_url" | "applyurl" | "apply_email" | "applyemail" | "email"
            | "joblink" | "job_link" | "applylink" | "apply_link"
                if self.url.is_none() =>
            {
                self.url = Some(if v.contains('@') && !v.contains(':') {
                    format!("mailto:{v}")
                } else {
                    v
                });
                return;
            }
            "location" => &mut self.location,
            "salary" => &mut self.salary,
            "posted" | "date" => &mut self.posted,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(v);
        }
    }

    /// `会社名：…` / `Company: …` lines name the company.
    fn company_from_line(&mut self, text: &str) {
        if self.company.is_some() {
            return;
        }
        let t = nfkc(text);
        if let Some((label, value)) = t.split_once(':') {
            let label = label
                .trim()
                .trim_matches(['■', '【', '】', '・', '-', '*'])
                .trim();
            if matches!(
                label.to_lowercase().as_str(),
                "会社名" | "企業名" | "社名" | "company" | "company name" | "employer"
            ) && !value.trim().is_empty()
            {
                self.company = Some(value.trim().to_owned());
            }
        }
    }
}

/// Read YAML front matter with a real YAML parser. Metadata is optional: front matter that does
/// not parse gives a warning (with its line) and the posting is still read; simple `key: value`
/// lines are then taken as they are.
fn yaml_front_matter(d: &mut Draft, fm: &str, first_line: usize, path: &str) {
    if let Some(pairs) = simple_yaml(fm) {
        for (k, v) in pairs {
            d.set_meta(k, v);
        }
        return;
    }
    match serde_norway::from_str::<serde_norway::Value>(fm) {
        Ok(serde_norway::Value::Mapping(map)) => {
            for (k, v) in &map {
                let Some(k) = k.as_str() else { continue };
                match v {
                    serde_norway::Value::String(s) => d.set_meta(k, s),
                    serde_norway::Value::Number(n) => d.set_meta(k, &n.to_string()),
                    _ => {}
                }
            }
        }
        Ok(_) => {}
        Err(e) => {
            let line = e
                .location()
                .map_or(first_line, |l| first_line + l.line() - 1);
            d.warnings.push(format!(
                "{path}:{line}: front matter ignored (not valid YAML: {e}); the posting body is still read"
            ));
            for l in fm.lines() {
                if !l.starts_with([' ', '\t', '-']) {
                    if let Some((k, v)) = l.split_once(':') {
                        d.set_meta(k, v);
                    }
                }
            }
        }
    }
}

/// Front matter made only of `key: text` lines (the usual case): its pairs, in order, as a YAML
/// parser reads them, without one (a YAML parse cost a posting more than its Markdown). `None`
/// for anything else (a scalar YAML would read as a number, bool or null, escapes, comments,
/// nesting, a repeated key), which goes to the parser.
fn simple_yaml(fm: &str) -> Option<Vec<(&str, &str)>> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for line in fm.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let (key, rest) = line.split_once(": ")?;
        let is_key = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        // A repeated key is the parser's to report; past a few dozen keys (a scan per key would
        // grow with their square) the parser reads the rest too.
        if !is_key || pairs.len() >= 64 || pairs.iter().any(|(k, _)| *k == key) {
            return None;
        }
        let rest = rest.trim_matches(' ');
        if rest.chars().any(char::is_control) {
            return None;
        }
        let value = if let Some(q) = rest.strip_prefix('"') {
            let inner = q.strip_suffix('"')?;
            if inner.contains(['"', '\\']) {
                return None;
            }
            inner
        } else if let Some(q) = rest.strip_prefix('\'') {
            let inner = q.strip_suffix('\'')?;
            if inner.contains('\'') {
                return None;
            }
            inner
        } else {
            // A plain scalar that YAML reads as text: no indicator first, no `: ` or ` #`
            // inside, nothing a number, bool or null could be.
            let starts_plainly = !rest.starts_with([
                '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"',
                '%', '@', '`', '+', '.', '~',
            ]) && !rest.starts_with(|c: char| c.is_ascii_digit());
            let lower = rest.to_ascii_lowercase();
            if !starts_plainly
                || rest.is_empty()
                || rest.contains(": ")
                || rest.contains(" #")
                || rest.ends_with(':')
                || matches!(
                    lower.as_str(),
                    "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
                )
            {
                return None;
            }
            rest
        };
        pairs.push((key, value));
    }
    Some(pairs)
}

/// Japanese corporate forms that mark a company name in a title.
const JA_CORPORATE: &[&str] = &["株式会社", "有限会社", "合同会社", "合資会社", "合名会社"];
/// Stands for `(株)` / `（株）` / `㈱` while a title is cut into pieces (its parentheses are
/// part of the name, not separators).
const ABBREVIATED: char = '\u{E000}';

/// The company a Japanese posting names in its title: `SRE／株式会社ハコブネ`, `SRE - 株式会社
/// ハコブネ`, `SRE（株式会社ハコブネ）`, `株式会社ハコブネ　SRE募集`, `ハコブネ株式会社 | 採用`,
/// or a title that is only the company. The name is the run of text around the corporate form up
/// to a separator (`／ | - （ ） 【 】 「 」`, a space, `:`); a space right after a leading form
/// (`株式会社 ハコブネ`) or right before a trailing one (`ハコブネ 株式会社`) is part of it.
/// A little over 80 lines: the title shapes above, tried in order.
pub fn company_from_title(title: &str) -> Option<String> {
    company_named(title, false)
}

/// The company a sentence names with its legal form (`株式会社PrAhaのWebエンジニアの求人ページ
/// です。`): as in a title, but a particle (`の`, `は`, `が`…) ends the name too.
pub fn company_in_sentence(line: &str) -> Option<String> {
    company_named(line, true)
}

/// The name around the first Japanese corporate form in `text`, up to the separators on either
/// side (and the particles, with `particles`).
fn company_named(text: &str, particles: bool) -> Option<String> {
    let t = nfkc(text)
        .replace("(株)", &ABBREVIATED.to_string())
        .replace('㈱', &ABBREVIATED.to_string());
    let chars: Vec<char> = t.chars().collect();
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '/' | '|'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '【'
                    | '】'
                    | '「'
                    | '」'
                    | '<'
                    | '>'
                    | ':'
                    | '、'
                    | ','
                    | '~'
                    | '〜'
                    | '-'
                    | '–'
                    | '—'
                    | '｜'
            )
    };
    // Where does a corporate form start, and how many chars is it?
    let mut form = None;
    // Linear: each position is tested against the few forms in place (no copy of the rest of
    // the title per position: a 1 MB first line of a text posting is a title too).
    for (i, (byte, _)) in t.char_indices().enumerate() {
        let rest = &t[byte..];
        if rest.starts_with(ABBREVIATED) {
            form = Some((i, 1));
            break;
        }
        if let Some(f) = JA_CORPORATE.iter().find(|f| rest.starts_with(*f)) {
            form = Some((i, f.chars().count()));
            break;
        }
    }
    let (at, len) = form?;
    // `-` inside a name (`X-Tech株式会社`) is no separator: only one with spaces around it is.
    let sep_at = |i: usize| {
        let c = chars[i];
        if particles && "のはがでにをとへもや。、".contains(c) {
            true
        } else if c == '-' {
            let before = i > 0 && chars[i - 1].is_whitespace();
            let after = chars.get(i + 1).is_some_and(|c| c.is_whitespace());
            before || after
        } else {
            is_sep(c)
        }
    };
    let mut start = at;
    while start > 0 && !sep_at(start - 1) {
        start -= 1;
    }
    let mut end = at + len;
    while end < chars.len() && !sep_at(end) {
        end += 1;
    }
    if start == at && end == at + len {
        // A bare form: the name is the word after it (`株式会社 ハコブネ`) or before it.
        if end + 1 < chars.len() && chars[end].is_whitespace() && !sep_at(end + 1) {
            end += 1;
            while end < chars.len() && !sep_at(end) {
                end += 1;
            }
        } else if start >= 2 && chars[start - 1].is_whitespace() && !sep_at(start - 2) {
            start -= 1;
            while start > 0 && !sep_at(start - 1) {
                start -= 1;
            }
        } else {
            return None;
        }
    }
    let name: String = chars[start..end]
        .iter()
        .collect::<String>()
        .replace(ABBREVIATED, "(株)");
    let name = name.trim().to_owned();
    (name.chars().count() > len).then_some(name)
}

pub fn markdown(text: &str, path: &str) -> Result<Draft, PostingError> {
    let index = LineIndex::new(text);
    let mut d = Draft::default();
    // TOML front matter (`+++`) is read by the toml crate; like YAML, it is optional metadata.
    let is_toml = text.starts_with("+++\n");
    if let Some(rest) = text.strip_prefix("+++\n") {
        if let Some(end) = rest.find("\n+++") {
            let fm = &rest[..end];
            match toml::from_str::<toml::Table>(fm) {
                Ok(value) => {
                    for (k, v) in &value {
                        if let Some(s) = v.as_str() {
                            d.set_meta(k, s);
                        } else if let Some(dt) = v.as_datetime() {
                            d.set_meta(k, &dt.to_string());
                        }
                    }
                }
                Err(e) => {
                    let line = e
                        .span()
                        .map_or(1, |s| fm[..s.start.min(fm.len())].matches('\n').count() + 2);
                    d.warnings.push(format!(
                        "{path}:{line}: front matter ignored (not valid TOML: {}); the posting body is still read",
                        e.message()
                    ));
                }
            }
        }
    }
    let mut first_h1 = true;
    let (mut yaml, mut yaml_first) = (String::new(), None);
    let mut mail_to: Option<String> = None;
    let mut json_ld: Option<(Option<String>, Option<String>)> = None;
    for b in blocks::blocks(text, &index) {
        match b.kind {
            BlockKind::FrontMatter if is_toml => {}
            BlockKind::FrontMatter => {
                yaml_first.get_or_insert(b.line);
                yaml.push_str(&b.text);
                yaml.push('\n');
            }
            BlockKind::Heading(level) => {
                if level == 1 && first_h1 {
                    first_h1 = false;
                    if d.title.is_none() {
                        d.title = Some(b.text.clone());
                    }
                }
                d.lines
                    .push(PLine::new(PLineKind::Heading(level), b.text, Some(b.line)));
            }
            BlockKind::Line {
                continues,
                emphasised,
                ..
            } => {
                d.company_from_line(&b.text);
                let mut l = PLine::new(PLineKind::Line, b.text, Some(b.line));
                l.continues = continues;
                l.emphasised = emphasised;
                d.lines.push(l);
            }
            BlockKind::Summary => {
                d.company_from_line(&b.text);
                d.lines
                    .push(PLine::new(PLineKind::Line, b.text, Some(b.line)));
            }
            BlockKind::Row { cells, is_header } => {
                d.lines.push(PLine::new(
                    PLineKind::Row { cells, is_header },
                    b.text,
                    Some(b.line),
                ));
            }
            BlockKind::DetailsOpen | BlockKind::DetailsClose => {}
            // `[Apply](mailto:jobs@acme.io)`: where to apply, when nothing else says.
            BlockKind::MailTo => {
                mail_to.get_or_insert(b.text);
            }
            BlockKind::JsonLd => {
                // A schema.org JobPosting written into the page for search engines names the
                // hiring organisation and the title; the posting itself is the Markdown a
                // reader sees (a broken block is ignored).
                match serde_json::from_str::<Value>(&b.text) {
                    Ok(v) => {
                        if let Some(job) = find_job_posting(&v) {
                            let title = job.get("title").and_then(Value::as_str);
                            json_ld.get_or_insert((job_company(job), title.map(str::to_owned)));
                        }
                    }
                    // A template that did not escape the description (`"<h1 id="x">…`) breaks
                    // the JSON; the organisation's name after it is still plain to read.
                    Err(_) if b.text.contains("JobPosting") => {
                        let company = lenient_name_after(&b.text, "\"hiringOrganization\"");
                        json_ld.get_or_insert((company, None));
                    }
                    Err(_) => {}
                }
            }
        }
    }
    if let Some((company, title)) = json_ld {
        if d.company.is_none() {
            d.company = company;
        }
        if d.title.is_none() {
            d.title = title;
        }
    }
    if let Some(first) = yaml_first {
        yaml_front_matter(&mut d, &yaml, first, path);
    } else if let Some(marker) = unclosed_front_matter(text) {
        d.warnings.push(format!(
            "{path}:1: front matter is never closed (no second `{marker}` line); it is read as part of the posting"
        ));
    }
    // After the front matter, whose `url:` says it better.
    if d.url.is_none() {
        d.url = mail_to.map(|m| format!("mailto:{m}"));
    }
    Ok(d)
}

/// The first `"name": "…"` string after `key` in JSON text that may not parse: the name of the
/// object `key` opens (`"hiringOrganization": {"@type": "Organization", "name": "Acme"}`), or
/// `key`'s own string value.
fn lenient_name_after(text: &str, key: &str) -> Option<String> {
    let rest = &text[text.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let quoted = |s: &str| -> Option<String> {
        let s = s.strip_prefix('"')?;
        let end = s.find('"')?;
        let v = s[..end].trim();
        (!v.is_empty()).then(|| v.to_owned())
    };
    if rest.starts_with('"') {
        return quoted(rest);
    }
    let object = &rest[..rest.find('}')?];
    let after = &object[object.find("\"name\"")? + "\"name\"".len()..];
    quoted(after.trim_start().strip_prefix(':')?.trim_start())
}

/// The marker of front matter that opens on line 1 (`---` or `+++` followed by a `key: value`
/// or `key = value` line) but never closes.
fn unclosed_front_matter(text: &str) -> Option<&'static str> {
    let (marker, rest) = if let Some(rest) = text.strip_prefix("---\n") {
        ("---", rest)
    } else {
        ("+++", text.strip_prefix("+++\n")?)
    };
    let closes = rest
        .lines()
        .any(|l| l.trim_end() == marker || (marker == "---" && l.trim_end() == "..."));
    let first = rest.lines().next().unwrap_or_default();
    let looks_like_metadata = first.contains(": ") || first.ends_with(':') || first.contains(" = ");
    (!closes && looks_like_metadata).then_some(marker)
}

pub fn plain_text(text: &str) -> Draft {
    let mut d = Draft::default();
    for (i, raw) in text.lines().enumerate() {
        let line = blocks::strip_urls(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if d.title.is_none() {
            d.title = Some(t.trim_matches(['■', '【', '】', '#']).trim().to_owned());
            continue;
        }
        d.company_from_line(t);
        d.lines.push(PLine::new(PLineKind::Line, t, Some(i + 1)));
    }
    d
}

/// The holder of the last copyright notice of a page (`©HarvestX Inc. 2024`, `&copy; 2025
/// Acme`), read from its markup up to the next tag.
fn page_owner(text: &str) -> Option<String> {
    let (at, sign) = ["©", "&copy;", "&#169;"]
        .iter()
        .filter_map(|s| text.rfind(s).map(|i| (i, s.len())))
        .max()?;
    let rest = &text[at + sign..];
    // A notice is short: at most 200 characters, up to the next tag.
    let end = rest
        .char_indices()
        .take(200)
        .find(|&(_, c)| c == '<')
        .map_or_else(
            || rest.char_indices().nth(200).map_or(rest.len(), |(i, _)| i),
            |(i, _)| i,
        );
    super::copyright_holder(&format!("©{}", &rest[..end]))
}

/// A page's visible text this many times longer than its JobPosting's text: the JobPosting
/// only sums the posting up.
const SUMMARY_RATIO: usize = 4;

pub fn html(text: &str, path: &str) -> Result<Draft, PostingError> {
    let index = LineIndex::new(text);
    let items = html::scan(text);
    // A broken JSON-LD block is ignored in favour of the visible page.
    let json_ld = items.iter().find_map(|(item, _)| match item {
        HtmlItem::JsonLd(body) => serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|v| find_job_posting(&v).map(from_job_posting)),
        _ => None,
    });
    let mut d = Draft::default();
    let mut page_title = None;
    for (item, at) in items {
        let line = Some(index.line(at));
        match item {
            HtmlItem::Title(t) => page_title = Some(t),
            HtmlItem::Heading(level, t) => {
                if level == 1 && d.title.is_none() {
                    d.title = Some(t.clone());
                }
                d.lines.push(PLine::new(PLineKind::Heading(level), t, line));
            }
            HtmlItem::Text(t) | HtmlItem::Item(t) | HtmlItem::Summary(t) => {
                let t = blocks::strip_urls(&t).into_owned();
                d.company_from_line(&t);
                d.lines.push(PLine::new(PLineKind::Line, t, line));
            }
            HtmlItem::Row(cells) => {
                let t = cells.join(" | ");
                d.lines.push(PLine::new(
                    PLineKind::Row {
                        cells,
                        is_header: false,
                    },
                    t,
                    line,
                ));
            }
            HtmlItem::DetailsOpen | HtmlItem::DetailsClose | HtmlItem::JsonLd(_) => {}
        }
    }
    if let Some(job) = json_ld {
        // The JobPosting is the posting unless it only sums the page up (a one-sentence
        // `description` above a page that lists the requirements): then the page is read, and
        // the JobPosting names the company and the title.
        let size = |lines: &[PLine]| lines.iter().map(|l| l.text.len()).sum::<usize>();
        if size(&job.lines) * SUMMARY_RATIO >= size(&d.lines) {
            return Ok(job);
        }
        d.company = job.company.or(d.company);
        d.title = job.title.or(d.title);
        d.url = job.url.or(d.url);
        d.posted = job.posted.or(d.posted);
        // Its structured asks (`skills`, `qualifications`) are still asks.
        d.lines.extend(
            job.lines
                .into_iter()
                .filter(|l| l.forced_level == Some(Level::Required)),
        );
    }
    if d.company.is_none() {
        d.company = page_title.as_deref().and_then(company_from_title);
    }
    d.owner = page_owner(text);
    if d.title.is_none() {
        d.title = page_title;
    }
    if d.lines.is_empty() {
        return Err(PostingError::Content {
            path: path.to_owned(),
            message: "no visible text in the HTML page".to_owned(),
        });
    }
    Ok(d)
}

pub fn json(text: &str, path: &str) -> Result<Draft, PostingError> {
    let v: Value = serde_json::from_str(text).map_err(|e| PostingError::Json {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    if let Some(job) = find_job_posting(&v) {
        return Ok(from_job_posting(job));
    }
    if v.get("title").is_some()
        && (v.get("qualifications").is_some()
            || v.get("skills").is_some()
            || v.get("responsibilities").is_some())
    {
        return Ok(from_json_resume_job(&v));
    }
    Err(PostingError::Content {
        path: path.to_owned(),
        message: "JSON is neither a schema.org JobPosting nor a JSON Resume job".to_owned(),
    })
}

/// A `JobPosting` object anywhere in a JSON-LD value (top level, array or `@graph`).
fn find_job_posting(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(a) => a.iter().find_map(find_job_posting),
        Value::Object(o) => {
            let is_job = match o.get("@type") {
                Some(Value::String(t)) => t == "JobPosting",
                Some(Value::Array(a)) => a.iter().any(|t| t == "JobPosting"),
                _ => false,
            };
            if is_job {
                Some(v)
            } else {
                o.get("@graph").and_then(find_job_posting)
            }
        }
        _ => None,
    }
}

/// Strings of a JSON value that may be a string or an array of strings/objects with `name`.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .flat_map(|x| match x {
                Value::String(s) => vec![s.clone()],
                Value::Object(o) => {
                    let mut out: Vec<String> = o
                        .get("name")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                        .into_iter()
                        .collect();
                    out.extend(strings(o.get("keywords")));
                    out
                }
                _ => Vec::new(),
            })
            .collect(),
        Some(Value::Object(o)) => o
            .get("name")
            .or_else(|| o.get("description"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

fn forced(text: String, level: Level, years: Option<f64>) -> PLine {
    let mut l = PLine::new(PLineKind::Line, text, None);
    l.forced_level = Some(level);
    l.forced_years = years;
    l
}

/// Lines of an HTML (or plain) description string.
fn description_lines(desc: &str, out: &mut Vec<PLine>) {
    for (item, _) in html::scan(desc) {
        match item {
            HtmlItem::Heading(level, t) => out.push(PLine::new(PLineKind::Heading(level), t, None)),
            HtmlItem::Text(t) | HtmlItem::Item(t) | HtmlItem::Summary(t) | HtmlItem::Title(t) => {
                out.push(PLine::new(
                    PLineKind::Line,
                    blocks::strip_urls(&t).into_owned(),
                    None,
                ));
            }
            HtmlItem::Row(cells) => {
                let t = cells.join(" | ");
                out.push(PLine::new(
                    PLineKind::Row {
                        cells,
                        is_header: false,
                    },
                    t,
                    None,
                ));
            }
            _ => {}
        }
    }
}

/// A JobPosting's `hiringOrganization`: a name, or an Organization with a `name`.
fn job_company(job: &Value) -> Option<String> {
    match job.get("hiringOrganization")? {
        Value::String(s) => Some(s.clone()),
        o => o.get("name").and_then(Value::as_str).map(str::to_owned),
    }
}

fn from_job_posting(job: &Value) -> Draft {
    let mut d = Draft {
        title: job.get("title").and_then(Value::as_str).map(str::to_owned),
        company: job_company(job),
        url: job.get("url").and_then(Value::as_str).map(str::to_owned),
        posted: job
            .get("datePosted")
            .and_then(Value::as_str)
            .map(str::to_owned),
        ..Draft::default()
    };
    if let Some(desc) = job.get("description").and_then(Value::as_str) {
        description_lines(desc, &mut d.lines);
    }
    let experience = job.get("experienceRequirements");
    let months = experience
        .and_then(|e| e.get("monthsOfExperience"))
        .and_then(|m| {
            m.as_f64()
                .or_else(|| m.as_str().and_then(|s| s.parse().ok()))
        });
    let years = months.map(|m| (m / 12.0 * 100.0).round() / 100.0);
    for s in strings(job.get("skills")) {
        d.lines.push(forced(s, Level::Required, years));
    }
    if let Some(Value::String(s)) = experience {
        d.lines.push(forced(s.clone(), Level::Required, None));
    } else if let Some(desc) = experience
        .and_then(|e| e.get("description"))
        .and_then(Value::as_str)
    {
        d.lines
            .push(forced(desc.to_owned(), Level::Required, years));
    }
    for q in strings(job.get("qualifications")) {
        d.lines.push(forced(q, Level::Required, None));
    }
    for key in ["responsibilities", "jobBenefits"] {
        for r in strings(job.get(key)) {
            d.lines.push(forced(r, Level::Mentioned, None));
        }
    }
    d
}

fn from_json_resume_job(job: &Value) -> Draft {
    let mut d = Draft {
        title: job.get("title").and_then(Value::as_str).map(str::to_owned),
        company: job
            .get("company")
            .and_then(Value::as_str)
            .map(str::to_owned),
        url: job
            .get("website")
            .or_else(|| job.get("url"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        posted: job.get("date").and_then(Value::as_str).map(str::to_owned),
        location: match job.get("location") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(o) => o.get("city").and_then(Value::as_str).map(str::to_owned),
            None => None,
        },
        salary: job.get("salary").and_then(Value::as_str).map(str::to_owned),
        ..Draft::default()
    };
    if let Some(desc) = job.get("description").and_then(Value::as_str) {
        for line in desc.lines() {
            d.lines
                .push(forced(line.to_owned(), Level::Mentioned, None));
        }
    }
    for r in strings(job.get("responsibilities")) {
        d.lines.push(forced(r, Level::Mentioned, None));
    }
    for q in strings(job.get("qualifications")) {
        d.lines.push(forced(q, Level::Required, None));
    }
    for s in strings(job.get("skills")) {
        d.lines.push(forced(s, Level::Required, None));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_is_found_at_the_end_of_a_very_long_title() {
        // The title of a text posting is its first line, whatever its length (a 1 MB line
        // once took quadratic time here).
        let long = format!("2020年4月{}／株式会社ハコブネ", "〜".repeat(50_000));
        assert_eq!(
            company_from_title(&long).as_deref(),
            Some("株式会社ハコブネ")
        );
        assert_eq!(company_from_title(&"〜".repeat(50_000)), None);
    }

    #[test]
    fn yaml_front_matter_is_parsed_or_warned_about() {
        let mut d = Draft::default();
        yaml_front_matter(
            &mut d,
            "title: SRE\ncompany: Acme\njsonld: {\n  \"a\": 1\n}\n",
            2,
            "p.md",
        );
        assert_eq!(d.title.as_deref(), Some("SRE"));
        assert_eq!(d.company.as_deref(), Some("Acme"));
        assert!(d.warnings.is_empty());
        let mut d = Draft::default();
        yaml_front_matter(&mut d, "company: X\ntitle: [unclosed\n", 2, "p.md");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].starts_with("p.md:"), "{:?}", d.warnings);
        assert_eq!(d.company.as_deref(), Some("X"), "simple lines still read");
    }

    #[test]
    fn simple_front_matter_reads_as_yaml_does() {
        // What a YAML parser makes of a front matter, as `yaml_front_matter` uses it.
        fn by_parser(fm: &str) -> Option<Vec<(String, String)>> {
            let v: serde_norway::Value = serde_norway::from_str(fm).ok()?;
            let serde_norway::Value::Mapping(map) = v else {
                return None;
            };
            Some(
                map.iter()
                    .filter_map(|(k, v)| {
                        let v = match v {
                            serde_norway::Value::String(s) => s.clone(),
                            serde_norway::Value::Number(n) => n.to_string(),
                            _ => return None,
                        };
                        Some((k.as_str()?.to_owned(), v))
                    })
                    .collect(),
            )
        }
        let values = [
            "SRE",
            "\"インフラ（Go / AWS）\"",
            "'Acme, Inc.'",
            "https://x.example/jobs/1",
            "500万円〜1000万円",
            "2026-06-13",
            "12",
            "1.5",
            "true",
            "No",
            "null",
            "~",
            "",
            "a: b",
            "a #b",
            "#x",
            "- x",
            "[a, b]",
            "{a: 1}",
            "\"a\\\"b\"",
            "'it''s'",
            "&a x",
            "*a",
            "!tag x",
            "| x",
            "> x",
            "%x",
            "@x",
            "`x`",
            ".inf",
            "+1",
            "0x1F",
            "東京都 (リモート可)",
            "C# / .NET",
            "a:b",
            "x:",
            "\"unclosed",
            "'unclosed",
            "a\tb",
            "Yes please",
            "ON",
            "東京: 本社",
        ];
        let keys = [
            "title", "company", "date", "x-y", "_k", "2k", "a b", "title",
        ];
        let mut checked = 0;
        for (i, k) in keys.iter().enumerate() {
            for v in values {
                for fm in [
                    format!("{k}: {v}\n"),
                    format!("title: SRE\n{k}: {v}\n"),
                    format!("{k}: {v}\nurl: https://x\n\n"),
                    format!("{k}:  {v}  \n"),
                ] {
                    if let Some(fast) = simple_yaml(&fm) {
                        let fast: Vec<(String, String)> = fast
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v.to_owned()))
                            .collect();
                        assert_eq!(Some(fast), by_parser(&fm), "{fm:?} ({i})");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
        // Repeated keys, nesting, comments and lists go to the parser.
        for fm in ["a: x\na: y\n", "a: x\n  b: y\n", "# c\na: x\n", "a:\n- x\n"] {
            assert_eq!(simple_yaml(fm), None, "{fm:?}");
        }
        // So do many keys (no scan growing with their square).
        let many: String = (0..100).map(|i| format!("k{i}: v\n")).collect();
        assert_eq!(simple_yaml(&many), None);
    }

    #[test]
    fn company_from_japanese_titles() {
        for (title, company) in [
            ("SREエンジニア／株式会社ハコブネ", Some("株式会社ハコブネ")),
            ("SREエンジニア - 株式会社ハコブネ", Some("株式会社ハコブネ")),
            (
                "SREエンジニア（株式会社ハコブネ）",
                Some("株式会社ハコブネ"),
            ),
            (
                "株式会社ハコブネ　SREエンジニア募集",
                Some("株式会社ハコブネ"),
            ),
            ("株式会社 ハコブネ | 採用情報", Some("株式会社 ハコブネ")),
            ("ハコブネ株式会社 | 採用情報", Some("ハコブネ株式会社")),
            (
                "データ基盤エンジニア【X-Tech株式会社】",
                Some("X-Tech株式会社"),
            ),
            ("(株)ハコブネ バックエンド", Some("(株)ハコブネ")),
            ("株式会社ヌーラボ", Some("株式会社ヌーラボ")),
            ("SREエンジニア", None),
            ("株式会社", None),
            ("Site Reliability Engineer - Acme", None),
            ("", None),
        ] {
            assert_eq!(company_from_title(title).as_deref(), company, "{title}");
        }
    }

    #[test]
    fn json_ld_in_markdown_names_the_company_even_when_broken() {
        let md = "---\ntitle: Data Engineer\n---\n\n<script type=\"application/ld+json\">\n{\n  \"@type\" : \"JobPosting\",\n  \"description\" : \"<h1 id=\"x\">About</h1>\n<p>Go</p>\",\n  \"hiringOrganization\" : {\n    \"@type\" : \"Organization\",\n    \"name\" : \"Heron Works Ltd\"\n  }\n}\n</script>\n\n## Preferred skills\n\n- Rust\n";
        let d = markdown(md, "p.md").unwrap();
        assert_eq!(d.company.as_deref(), Some("Heron Works Ltd"));
        assert_eq!(d.title.as_deref(), Some("Data Engineer"));
        assert!(d.lines.iter().any(|l| l.text == "Rust"));
        assert_eq!(
            lenient_name_after(
                r#"{"hiringOrganization": "Acme"}"#,
                "\"hiringOrganization\""
            ),
            Some("Acme".to_owned())
        );
    }

    #[test]
    fn json_ld_in_graph() {
        let v: Value = serde_json::from_str(
            r#"{"@graph":[{"@type":"Organization"},{"@type":"JobPosting","title":"SRE"}]}"#,
        )
        .unwrap();
        assert_eq!(find_job_posting(&v).unwrap()["title"], "SRE");
    }

    #[test]
    fn front_matter_that_never_closes_is_named() {
        assert_eq!(
            unclosed_front_matter("---\ntitle: x\n\n## Go\n"),
            Some("---")
        );
        assert_eq!(
            unclosed_front_matter("+++\ntitle = \"x\"\nGo\n"),
            Some("+++")
        );
        assert_eq!(unclosed_front_matter("---\ntitle: x\n---\nGo\n"), None);
        assert_eq!(
            unclosed_front_matter("---\n\n## Go\n"),
            None,
            "a rule, not metadata"
        );
        let d = markdown("---\ntitle: x\n\n## Requirements\n\n- Go\n", "p.md").unwrap();
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].starts_with("p.md:1: front matter is never closed"),
            "{:?}",
            d.warnings
        );
    }
}

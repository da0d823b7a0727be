//! Tabular corpora: CSV, TSV, JSON Lines and Parquet files of postings, one posting per row.
//!
//! Takes a table file and the column choices (`--text-col` … or the common names below); gives
//! rows (id, title, company, url, text) a batch at a time, so memory holds one batch, not the
//! corpus. A row that cannot be used (empty text, a broken CSV record or JSON line, invalid
//! UTF-8) becomes a [`Skipped`] named `file:row N`; a file whose columns do not fit is an error
//! that lists its columns. Row text may be HTML, Markdown or plain text (or a schema.org
//! `JobPosting` JSON object): [`detect_format`] decides per row, then the posting parsers used
//! for files read it, so a row scores exactly like the same text saved as a file.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::OnceLock;

use anyhow::Context as _;

use crate::engine::Skipped;
use crate::frame::ParquetSlices;
use crate::posting::{self, Posting, PostingError};
use crate::taxonomy::Taxonomy;

/// Extensions read as tables of postings.
pub const EXTENSIONS: &[&str] = &["csv", "tsv", "jsonl", "ndjson", "parquet"];

/// Column names tried, in order, when no `--…-col` is given (compared case-insensitively).
pub const TEXT_NAMES: &[&str] = &["description", "job_description", "job_summary", "text"];
pub const ID_NAMES: &[&str] = &["job_id", "id", "job_link"];
pub const TITLE_NAMES: &[&str] = &["title", "position_title", "job_title"];
pub const COMPANY_NAMES: &[&str] = &["company", "company_name"];
pub const URL_NAMES: &[&str] = &["url", "job_url", "job_link", "link"];

/// Is `path` a table of postings (by its extension)?
pub fn is_table(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Columns named on the command line (`None`: look for the common names).
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub text: Option<String>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub url: Option<String>,
}

/// One posting read from a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The id column's value; `file:row N` when the table has no id column or the cell is empty.
    pub id: String,
    /// Data row number, from 1 (the header is not counted).
    pub number: u64,
    pub title: Option<String>,
    pub company: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

/// The columns chosen in one file (actual names as the file spells them).
#[derive(Debug, Clone)]
struct Layout {
    text: String,
    id: Option<String>,
    title: Option<String>,
    company: Option<String>,
    url: Option<String>,
}

impl Layout {
    fn resolve(available: &[String], asked: &Columns, shown: &str) -> anyhow::Result<Layout> {
        let list = || available.join(", ");
        let pick = |asked: Option<&String>,
                    defaults: &[&str],
                    flag: &str|
         -> anyhow::Result<Option<String>> {
            if let Some(name) = asked {
                let found = available
                    .iter()
                    .find(|a| *a == name)
                    .or_else(|| available.iter().find(|a| a.eq_ignore_ascii_case(name)));
                return match found {
                    Some(a) => Ok(Some(a.clone())),
                    None => {
                        anyhow::bail!("{shown}: no column `{name}` ({flag}); columns: {}", list())
                    }
                };
            }
            Ok(defaults.iter().find_map(|d| {
                available
                    .iter()
                    .find(|a| a.trim().eq_ignore_ascii_case(d))
                    .cloned()
            }))
        };
        let Some(text) = pick(asked.text.as_ref(), TEXT_NAMES, "--text-col")? else {
            anyhow::bail!(
                "{shown}: no posting text column (looked for {}); columns: {}; name it with --text-col",
                TEXT_NAMES.join(", "),
                list()
            );
        };
        Ok(Layout {
            text,
            id: pick(asked.id.as_ref(), ID_NAMES, "--id-col")?,
            title: pick(asked.title.as_ref(), TITLE_NAMES, "--title-col")?,
            company: pick(asked.company.as_ref(), COMPANY_NAMES, "--company-col")?,
            url: pick(asked.url.as_ref(), URL_NAMES, "--url-col")?,
        })
    }

    /// The distinct columns to read, text first.
    fn names(&self) -> Vec<String> {
        let mut v = vec![self.text.clone()];
        for n in [&self.id, &self.title, &self.company, &self.url]
            .into_iter()
            .flatten()
        {
            if !v.contains(n) {
                v.push(n.clone());
            }
        }
        v
    }
}

enum Kind {
    Csv {
        reader: csv::Reader<File>,
        /// Index of each of `Layout::names()` in the header.
        index: Vec<usize>,
    },
    Jsonl {
        lines: BufReader<File>,
    },
    Parquet {
        slices: ParquetSlices,
        at: usize,
        starts: Vec<usize>,
    },
}

/// An open table, read a batch of rows at a time.
pub struct Table {
    meta: Meta,
    kind: Kind,
}

/// What turns cells into rows: the file's name, its columns, the row number reached.
struct Meta {
    shown: String,
    layout: Layout,
    names: Vec<String>,
    number: u64,
}

/// Rows of Parquet read at once (also the most a slice holds).
const PARQUET_SLICE: usize = 2048;

impl Table {
    /// Open `path` and choose its columns. Errors name the file (and list its columns when
    /// none fits).
    pub fn open(path: &Path, asked: &Columns) -> anyhow::Result<Table> {
        let shown = path.display().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let open = || File::open(path).with_context(|| format!("{shown}: cannot open"));
        let (layout, kind) = match ext.as_str() {
            "csv" | "tsv" => {
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(if ext == "tsv" { b'\t' } else { b',' })
                    .has_headers(true)
                    .from_reader(open()?);
                let header: Vec<String> = reader
                    .byte_headers()
                    .with_context(|| format!("{shown}: cannot read the header row"))?
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).trim().to_owned())
                    .collect();
                let layout = Layout::resolve(&header, asked, &shown)?;
                let index = layout
                    .names()
                    .iter()
                    .map(|n| header.iter().position(|h| h == n).unwrap_or(usize::MAX))
                    .collect();
                (layout, Kind::Csv { reader, index })
            }
            "jsonl" | "ndjson" => {
                let keys = first_object_keys(BufReader::new(open()?), &shown)?;
                let layout = Layout::resolve(&keys, asked, &shown)?;
                (
                    layout,
                    Kind::Jsonl {
                        lines: BufReader::new(open()?),
                    },
                )
            }
            "parquet" => {
                let slices = ParquetSlices::open(path)
                    .with_context(|| format!("{shown}: cannot read as Parquet"))?;
                let layout = Layout::resolve(slices.names(), asked, &shown)?;
                let starts = slices.group_starts();
                (
                    layout,
                    Kind::Parquet {
                        slices,
                        at: 0,
                        starts,
                    },
                )
            }
            _ => anyhow::bail!(
                "{shown}: not a table of postings (expected one of: {})",
                EXTENSIONS.join(", ")
            ),
        };
        Ok(Table {
            meta: Meta {
                shown,
                names: layout.names(),
                layout,
                number: 0,
            },
            kind,
        })
    }

    /// Rows in the file when the format says so without reading it (Parquet).
    pub fn known_rows(&self) -> Option<usize> {
        match &self.kind {
            Kind::Parquet { slices, .. } => Some(slices.rows()),
            _ => None,
        }
    }

    /// Up to `max` more rows (good or skipped); empty at the end of the file. An error means
    /// the file itself could not be read further.
    pub fn next_batch(&mut self, max: usize) -> anyhow::Result<Vec<Result<Row, Skipped>>> {
        let mut out = Vec::new();
        let meta = &mut self.meta;
        match &mut self.kind {
            Kind::Csv { reader, index } => next_csv(reader, index, meta, max, &mut out)?,
            Kind::Jsonl { lines } => next_jsonl(lines, meta, max, &mut out)?,
            Kind::Parquet { slices, at, starts } => {
                next_parquet(slices, at, starts, meta, max, &mut out)?
            }
        }
        Ok(out)
    }
}

type Batch = Vec<Result<Row, Skipped>>;

/// CSV records: a broken record is a skipped row (with its line); an I/O error ends the file.
fn next_csv(
    reader: &mut csv::Reader<File>,
    index: &[usize],
    meta: &mut Meta,
    max: usize,
    out: &mut Batch,
) -> anyhow::Result<()> {
    let mut record = csv::ByteRecord::new();
    while out.len() < max {
        let at = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                meta.number += 1;
                let cells = index
                    .iter()
                    .map(|&i| {
                        record.get(i).map(|b| match std::str::from_utf8(b) {
                            Ok(s) => Ok(s.to_owned()),
                            Err(_) => Err("invalid UTF-8".to_owned()),
                        })
                    })
                    .collect::<Vec<_>>();
                let line = record.position().map_or(at, |p| p.line());
                out.push(meta.row_from_cells(cells, Some(line)));
            }
            Err(e) => {
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return Err(
                        anyhow::Error::new(e).context(format!("{}: cannot read", meta.shown))
                    );
                }
                meta.number += 1;
                let line = e.position().map_or(at, |p| p.line());
                out.push(Err(meta.skipped(format!(
                    "broken CSV record (line {line}): {}",
                    csv_reason(&e)
                ))));
            }
        }
    }
    Ok(())
}

/// JSON lines: blank lines are passed over, a line that is not a JSON object is skipped.
fn next_jsonl(
    lines: &mut BufReader<File>,
    meta: &mut Meta,
    max: usize,
    out: &mut Batch,
) -> anyhow::Result<()> {
    let mut buf = Vec::new();
    while out.len() < max {
        buf.clear();
        let n = lines
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("{}: cannot read", meta.shown))?;
        if n == 0 {
            break;
        }
        meta.number += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row = match serde_json::from_slice::<serde_json::Value>(&buf) {
            Err(e) => Err(meta.skipped(format!("invalid JSON: {e}"))),
            Ok(serde_json::Value::Object(obj)) => {
                let cells = meta
                    .names
                    .iter()
                    .map(|n| json_cell(obj.get(n.as_str())))
                    .collect();
                meta.row_from_cells(cells, None)
            }
            Ok(_) => Err(meta.skipped("not a JSON object".to_owned())),
        };
        out.push(row);
    }
    Ok(())
}

/// Parquet rows, a slice at a time, never across a row group.
fn next_parquet(
    slices: &mut ParquetSlices,
    at: &mut usize,
    starts: &[usize],
    meta: &mut Meta,
    max: usize,
    out: &mut Batch,
) -> anyhow::Result<()> {
    if *at >= slices.rows() {
        return Ok(());
    }
    // Stay inside the current row group.
    let group_end = starts
        .iter()
        .copied()
        .find(|&s| s > *at)
        .unwrap_or(slices.rows());
    let len = max.min(PARQUET_SLICE).min(group_end - *at).max(1);
    let columns = slices
        .read(&meta.names, *at, len)
        .with_context(|| format!("{}: cannot read rows {}..", meta.shown, *at + 1))?;
    *at += len;
    let height = columns.first().map_or(0, Vec::len);
    let mut columns: Vec<std::vec::IntoIter<Option<String>>> =
        columns.into_iter().map(Vec::into_iter).collect();
    for _ in 0..height {
        meta.number += 1;
        let cells = columns
            .iter_mut()
            .map(|c| c.next().flatten().map(Ok))
            .collect();
        out.push(meta.row_from_cells(cells, None));
    }
    Ok(())
}

impl Meta {
    fn skipped(&self, reason: String) -> Skipped {
        Skipped {
            path: format!("{}:row {}", self.shown, self.number),
            reason,
        }
    }

    /// `cells` follow `self.names` (text first); `None` is a missing or null cell.
    fn row_from_cells(
        &self,
        cells: Vec<Option<Result<String, String>>>,
        line: Option<u64>,
    ) -> Result<Row, Skipped> {
        let at_line = line.map_or_else(String::new, |l| format!(" (line {l})"));
        let get = |name: &Option<String>| -> Result<Option<String>, Skipped> {
            let Some(name) = name else { return Ok(None) };
            let i = self.names.iter().position(|n| n == name).unwrap_or(0);
            match cells.get(i).cloned().flatten() {
                None => Ok(None),
                Some(Ok(s)) => Ok(Some(s).filter(|s| !s.trim().is_empty())),
                Some(Err(why)) => Err(self.skipped(format!("column `{name}`: {why}{at_line}"))),
            }
        };
        let text = get(&Some(self.layout.text.clone()))?;
        let id = get(&self.layout.id)?;
        let title = get(&self.layout.title)?;
        let company = get(&self.layout.company)?;
        let url = get(&self.layout.url)?;
        let Some(text) = text else {
            return Err(self.skipped(format!(
                "no posting text in column `{}`{at_line}",
                self.layout.text
            )));
        };
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        Ok(Row {
            id: id.map_or_else(
                || format!("{}:row {}", self.shown, self.number),
                |s| s.trim().to_owned(),
            ),
            number: self.number,
            title,
            company,
            url,
            text,
        })
    }
}

/// One JSON line of a stream as a row: its columns are found in this object alone (a stream
/// has no header). `number` is the line number; the row id defaults to `shown:row N`.
pub fn row_from_json_line(
    line: &[u8],
    asked: &Columns,
    number: u64,
    shown: &str,
) -> Result<Row, String> {
    let obj = match serde_json::from_slice::<serde_json::Value>(line) {
        Err(e) => return Err(format!("invalid JSON: {e}")),
        Ok(serde_json::Value::Object(obj)) => obj,
        Ok(_) => return Err("not a JSON object".to_owned()),
    };
    let keys: Vec<String> = obj.keys().cloned().collect();
    let layout = Layout::resolve(&keys, asked, shown).map_err(|e| {
        let e = e.to_string();
        e.split_once(": ").map_or(e.clone(), |(_, r)| r.to_owned())
    })?;
    let table = Meta {
        shown: shown.to_owned(),
        names: layout.names(),
        layout,
        number,
    };
    let cells = table
        .names
        .iter()
        .map(|n| json_cell(obj.get(n.as_str())))
        .collect();
    table.row_from_cells(cells, None).map_err(|s| s.reason)
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        _ => e.to_string(),
    }
}

/// A JSON value as a cell: strings as they are, numbers and booleans as written, null as
/// missing; arrays and objects are not text.
fn json_cell(v: Option<&serde_json::Value>) -> Option<Result<String, String>> {
    match v? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(Ok(s.clone())),
        serde_json::Value::Number(n) => Some(Ok(n.to_string())),
        serde_json::Value::Bool(b) => Some(Ok(b.to_string())),
        _ => Some(Err("an array or object, not text".to_owned())),
    }
}

/// The keys of the first JSON object in the first 1,000 lines (the columns of a JSONL file).
fn first_object_keys(mut r: impl BufRead, shown: &str) -> anyhow::Result<Vec<String>> {
    let mut buf = Vec::new();
    for _ in 0..1000 {
        buf.clear();
        if r.read_until(b'\n', &mut buf)
            .with_context(|| format!("{shown}: cannot read"))?
            == 0
        {
            break;
        }
        if let Ok(serde_json::Value::Object(obj)) = serde_json::from_slice(&buf) {
            return Ok(obj.keys().cloned().collect());
        }
    }
    anyhow::bail!("{shown}: no JSON object in the first 1,000 lines")
}

/// The format of a row's text: `json` (a schema.org `JobPosting` object), `html`, `md` or
/// `txt`. HTML: a tag such as `<p>`, `<br>`, `<li>`, `<div>`. Markdown: front matter, a `#`
/// heading, `**bold**` or a `[link](…)`. Anything else is plain text.
pub fn detect_format(text: &str) -> &'static str {
    static HTML: OnceLock<regex::Regex> = OnceLock::new();
    static MD: OnceLock<regex::Regex> = OnceLock::new();
    let t = text.trim_start();
    if t.starts_with('{') && text.trim_end().ends_with('}') {
        return "json";
    }
    let html = HTML.get_or_init(|| {
        regex::Regex::new(
            r"(?i)<!doctype html|</?(html|body|p|br|li|ul|ol|div|span|h[1-6]|strong|b|em|i|table|tr|td|th|section|article|script)(\s[^<>]*)?/?>",
        )
        .expect("valid regex")
    });
    if html.is_match(text) {
        return "html";
    }
    let md = MD.get_or_init(|| {
        regex::Regex::new(
            r"(?m)\A(---|\+\+\+)\n|^#{1,6}[ \t]+\S|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]+\)",
        )
        .expect("valid regex")
    });
    if md.is_match(text) {
        return "md";
    }
    "txt"
}

/// Parse a row as a posting: its text in the detected format, then the title, company and URL
/// columns (when present) over what the text says. The posting's `path` is the row id.
pub fn parse_row(row: &Row, tax: &Taxonomy) -> Result<Posting, PostingError> {
    let format = detect_format(&row.text);
    let mut p = posting::parse_posting(&row.text, format, &row.id, tax)?;
    if let Some(t) = &row.title {
        p.title = crate::text::squash_ws(t);
    }
    if let Some(c) = &row.company {
        p.company = Some(crate::text::squash_ws(c));
    }
    if let Some(u) = &row.url {
        p.url = Some(u.trim().to_owned());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn common_column_names_are_found_and_a_miss_lists_the_columns() {
        let l = Layout::resolve(
            &cols(&[
                "job_id",
                "company_name",
                "Title",
                "description",
                "skills_desc",
            ]),
            &Columns::default(),
            "x.csv",
        )
        .unwrap();
        assert_eq!(l.text, "description");
        assert_eq!(l.id.as_deref(), Some("job_id"));
        assert_eq!(l.title.as_deref(), Some("Title"));
        assert_eq!(l.company.as_deref(), Some("company_name"));
        let e = Layout::resolve(&cols(&["a", "b"]), &Columns::default(), "x.csv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("x.csv") && e.contains("columns: a, b"), "{e}");
        let asked = Columns {
            text: Some("body".into()),
            ..Columns::default()
        };
        let e = Layout::resolve(&cols(&["description"]), &asked, "x.csv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no column `body` (--text-col)"), "{e}");
    }

    #[test]
    fn formats_are_detected_per_row() {
        assert_eq!(detect_format("<p>Go</p>"), "html");
        assert_eq!(detect_format("Requirements<br>Go"), "html");
        assert_eq!(detect_format("---\ntitle: x\n---\nbody"), "md");
        assert_eq!(detect_format("# SRE\n\n- Go"), "md");
        assert_eq!(detect_format("SRE\n【必須スキル】\n・Go 3年以上"), "txt");
        assert_eq!(detect_format("Use a < b and c > d"), "txt");
        assert_eq!(
            detect_format(r#"{"@type": "JobPosting", "title": "x"}"#),
            "json"
        );
    }
}

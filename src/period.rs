//! Employment periods and claimed durations in Japanese and English résumé / job-posting text.
//!
//! **Takes** one line or fragment of text that the caller has already NFKC-normalised
//! (full-width digits, brackets and `～` become ASCII; the wave dash `〜` survives and is
//! accepted as is). Markup such as `<br>` should already be replaced by whitespace.
//!
//! **Gives**
//! * [`find_period`] / [`find_periods`]: date *ranges* such as `2020年4月〜現在`,
//!   `Apr 2020 – Aug 2021`, `令和2年4月〜令和4年3月`, `(2016/4~)`, as a [`Period`] (start
//!   [`Month`] plus [`End`]) with the byte span of the range in the input and any warnings.
//! * [`find_duration_months`]: a duration someone claims or asks for (`3年以上`, `1年半`,
//!   `3+ years`, `1y 6m`, ...) in months.
//! * [`Month`], [`months_inclusive`] and [`Period::close`] for tenure arithmetic.
//!
//! **Guarantees**
//! * Never panics, whatever the input (arbitrary Unicode, odd bytes-as-chars, huge numbers).
//! * A lone date is never a period: a range needs `date separator (date | open word | nothing)`.
//! * Western years must lie in `1950..=2100`, months in `1..=12`; anything else is not a date.
//! * Digits glued to other digits, ASCII letters or version dots (`v1.30.0`, `ISO 27001`,
//!   `03-1234-5678`) never start a date.
//! * Day precision is reduced to the month; an impossible day (`2022-11-31`) keeps the month
//!   and adds a warning. A reversed range is returned as parsed, with a warning.
//!
//! How it works: a handful of anchored regexes recognise one *date token* each (era date,
//! `2020年4月`, `2020/04`, `04/2020`, `Apr 2020`, `2020年`, `2020`). The scanner walks the
//! text; at every position where a date token starts on a clean boundary it looks for a
//! separator and then an end (date token, open word like `現在`/`Present`, a bare month like
//! `10月`, or nothing before a closing bracket / end of text).

use regex::{Captures, Regex};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------
// Month / Period
// ---------------------------------------------------------------------------------------

/// A calendar month, stored as months since year 0 (`year * 12 + month - 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

impl Month {
    /// `month` in `1..=12`, `year` in `1900..=2200`; otherwise `None`.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let m = i32::try_from(month).ok()?;
        Some(Month(year * 12 + m - 1))
    }

    /// Calendar year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// Calendar month, `1..=12`.
    pub fn month(self) -> u32 {
        // rem_euclid(12) is always in 0..12, so the conversion cannot fail.
        u32::try_from(self.0.rem_euclid(12)).unwrap_or(0) + 1
    }

    /// Parses `"2026-11"` or `"2026/11"` (surrounding whitespace allowed), e.g. for `--as-of`.
    pub fn parse_ym(s: &str) -> Option<Month> {
        let s = s.trim();
        let (y, m) = s.split_once(['-', '/'])?;
        let digits = |p: &str, lens: &[usize]| {
            lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(y, &[4]) || !digits(m, &[1, 2]) {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// Months since year 0.
    pub fn index(self) -> i32 {
        self.0
    }

    /// Inverse of [`Month::index`]; any `i32` is accepted (no range check).
    pub fn from_index(i: i32) -> Month {
        Month(i)
    }
}

impl fmt::Display for Month {
    /// `2026-11`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl serde::Serialize for Month {
    /// As text, `"2026-11"`: the shape every output (JSON, CSV, Parquet) writes.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `51` → `4y 3m`; `7` → `7m`.
pub fn format_months(months: u32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m}m"),
        (y, 0) => format!("{y}y"),
        (y, m) => format!("{y}y {m}m"),
    }
}

/// End of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    /// Ongoing: `現在`, `Present`, ... or nothing after the separator.
    Open,
    /// Last month of the period (inclusive).
    At(Month),
}

/// A range of months; the end is inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: Month,
    pub end: End,
}

impl Period {
    /// `(start, end)` with an open end replaced by `as_of`.
    pub fn close(&self, as_of: Month) -> (Month, Month) {
        match self.end {
            End::Open => (self.start, as_of),
            End::At(m) => (self.start, m),
        }
    }

    /// Length in months (inclusive), open end closed at `as_of`; 0 if reversed.
    pub fn months(&self, as_of: Month) -> u32 {
        let (s, e) = self.close(as_of);
        months_inclusive(s, e)
    }
}

/// Number of months from `start` to `end`, both inclusive: 2020-04..2021-08 = 17.
/// 0 if `end < start`.
pub fn months_inclusive(start: Month, end: Month) -> u32 {
    let d = i64::from(end.0) - i64::from(start.0) + 1;
    if d <= 0 {
        0
    } else {
        u32::try_from(d).unwrap_or(u32::MAX)
    }
}

/// A period found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodMatch {
    pub period: Period,
    /// Byte range of the whole range (start date .. end date / open word / separator).
    pub span: Range<usize>,
    /// Non-fatal oddities, e.g. an impossible day or an end before the start.
    pub warnings: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// Regexes. `H` is horizontal whitespace: a range never spans a line break.
// ---------------------------------------------------------------------------------------

const H: &str = r"[\t\p{Zs}]";
/// Month names in English, with the informal `Apl` for April.
const MON: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|apl|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_ABBR: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace("{H}", H).replace("{MON}", MON)).expect("built-in regex is valid")
}

/// `令和2年4月`, `平成31年4月1日`, `令和元年`
static ERA_KANJI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(令和|平成|昭和){H}*(元|[0-9]{1,2}){H}*年(?:{H}*([0-9]{1,2}){H}*月(?:{H}*([0-9]{1,2}){H}*日)?)?",
    )
});
/// `R2.4`, `H31/4`
static ERA_LETTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([RHS]){H}?([0-9]{1,2})[./]([0-9]{1,2})"));
/// `2020年4月`, `2020 年 04 月 1 日`
static JA_YM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([0-9]{4}){H}*年{H}*([0-9]{1,2}){H}*月(?:{H}*([0-9]{1,2}){H}*日)?"));
/// `2020-04`, `2020/4`, `2020.04` (a same-separator day suffix is read separately)
static NUM_YM: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{4})([-/.])([0-9]{1,2})"));
/// `-01` after `2020-04`
static NUM_DAY: LazyLock<Regex> = LazyLock::new(|| re(r"^([-/.])([0-9]{1,2})"));
/// `04/2020`, `12.2014` (the month-first numeric form of European résumés)
static NUM_MY: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{1,2})[/.]([0-9]{4})"));
/// `Apr 2020`, `Sept. 2020`, `Aug 19, 2019`
static EN_MY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^{MON}\.?,?{H}*(?:([0-9]{1,2})(?:st|nd|rd|th)?(?:,{H}*|{H}+))?([0-9]{4})")
});
/// `2020年`, `2020 年`
static JA_Y: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{4}){H}*年"));
/// `2020`
static PLAIN_Y: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{4})"));

/// Separator between start and end (leading horizontal whitespace included).
static SEP: LazyLock<Regex> = LazyLock::new(|| re(r"^{H}*([〜~～\-–—‐‑‒―−ー]{1,2}|から|(?i:to))"));
/// Open end words.
static OPEN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:至{H}*)?(?:現在|現職|在籍中|継続中)|(?i:present|current|now|ongoing|today|date))")
});
/// End given as a month only: `10月`, `07` (then it must end cleanly), `Mar`.
static MONTH_ONLY_JA: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{1,2}){H}*月"));
static MONTH_ONLY_NUM: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{1,2})"));
static MONTH_ONLY_EN: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^{MON}\.?"));

// ---------------------------------------------------------------------------------------
// Date tokens
// ---------------------------------------------------------------------------------------

/// A date as written, before validation.
struct RawDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    len: usize,
    /// The month a token that spans several ends in (`2023年前半`: June); `None` for one month
    /// or a year.
    last_month: Option<u32>,
}

/// A validated date token.
#[derive(Debug, Clone)]
struct DateTok {
    year: i32,
    /// `None` for a year-only token (`2019`, `2020年`).
    month: Option<u32>,
    /// See [`RawDate::last_month`].
    last_month: Option<u32>,
    span: Range<usize>,
    warnings: Vec<String>,
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, i: usize) -> Option<T> {
    caps.get(i)?.as_str().parse().ok()
}

fn en_month(name: &str) -> Option<u32> {
    let lower = name.get(..3)?.to_ascii_lowercase();
    let lower = if lower == "apl" {
        "apr".to_owned()
    } else {
        lower
    };
    let i = MONTH_ABBR.iter().position(|&a| a == lower)?;
    u32::try_from(i + 1).ok()
}

fn era_year(era: &str, n: i32) -> Option<i32> {
    let (base, max) = match era {
        "令和" | "R" => (2018, 99),
        "平成" | "H" => (1988, 31),
        "昭和" | "S" => (1925, 64),
        _ => return None,
    };
    (1..=max).contains(&n).then_some(base + n)
}

fn parse_era_kanji(s: &str) -> Option<RawDate> {
    let c = ERA_KANJI.captures(s)?;
    let n = match c.get(2)?.as_str() {
        "元" => 1,
        d => d.parse().ok()?,
    };
    Some(RawDate {
        year: era_year(c.get(1)?.as_str(), n)?,
        month: num(&c, 3),
        day: num(&c, 4),
        len: c.get(0)?.end(),
        last_month: None,
    })
}

fn parse_era_letter(s: &str) -> Option<RawDate> {
    let c = ERA_LETTER.captures(s)?;
    Some(RawDate {
        year: era_year(c.get(1)?.as_str(), num(&c, 2)?)?,
        month: Some(num(&c, 3)?),
        day: None,
        len: c.get(0)?.end(),
        last_month: None,
    })
}

fn parse_ja_ym(s: &str) -> Option<RawDate> {
    let c = JA_YM.captures(s)?;
    Some(RawDate {
        year: num(&c, 1)?,
        month: Some(num(&c, 2)?),
        day: num(&c, 3),
        len: c.get(0)?.end(),
        last_month: None,
    })
}

fn parse_num_ym(s: &str) -> Option<RawDate> {
    let c = NUM_YM.captures(s)?;
    let mut len = c.get(0)?.end();
    let sep = c.get(2)?.as_str();
    let mut day = None;
    if let Some(d) = s.get(len..).and_then(|rest| NUM_DAY.captures(rest)) {
        let end = len + d.get(0)?.end();
        // Same separator as year-month, and not followed by more digits.
        if d.get(1)?.as_str() == sep && !s[end..].starts_with(|ch: char| ch.is_ascii_digit()) {
            day = num(&d, 2);
            len = end;
        }
    }
    Some(RawDate {
        year: num(&c, 1)?,
        month: Some(num(&c, 3)?),
        day,
        len,
        last_month: None,
    })
}

fn parse_num_my(s: &str) -> Option<RawDate> {
    let c = NUM_MY.captures(s)?;
    Some(RawDate {
        year: num(&c, 2)?,
        month: Some(num(&c, 1)?),
        day: None,
        len: c.get(0)?.end(),
        last_month: None,
    })
}

fn parse_en_my(s: &str) -> Option<RawDate> {
    let c = EN_MY.captures(s)?;
    Some(RawDate {
        year: num(&c, 3)?,
        month: Some(en_month(c.get(1)?.as_str())?),
        day: num(&c, 2),
        len: c.get(0)?.end(),
        last_month: None,
    })
}

/// `2023年前半`, `2024年度下期`: half a year (前半 and 上期 January to June, 後半 and 下期 July to
/// December; a fiscal year's halves are read as the calendar year's).
static JA_HALF: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([0-9]{4}){H}*年度?{H}*(前半|後半|上半期|下半期|上期|下期)"));

fn parse_ja_half(s: &str) -> Option<RawDate> {
    let c = JA_HALF.captures(s)?;
    let first = matches!(c.get(2)?.as_str(), "前半" | "上半期" | "上期");
    Some(RawDate {
        year: num(&c, 1)?,
        month: Some(if first { 1 } else { 7 }),
        day: None,
        len: c.get(0)?.end(),
        last_month: Some(if first { 6 } else { 12 }),
    })
}

/// `Fall 2009`: a term of the academic year, read as the month it begins (spring March,
/// summer June, fall or autumn September, winter January) when it starts a period, and as
/// the month it ends (May, August, December, March) when it ends one (`– Spring 2006`).
static SEASON_Y: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(spring|summer|fall|autumn|winter){H}+([0-9]{4})"));

fn parse_season(s: &str) -> Option<RawDate> {
    let c = SEASON_Y.captures(s)?;
    let (month, last) = match c.get(1)?.as_str().to_ascii_lowercase().as_str() {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "fall" | "autumn" => (9, 12),
        _ => (1, 3),
    };
    Some(RawDate {
        year: num(&c, 2)?,
        month: Some(month),
        day: None,
        len: c.get(0)?.end(),
        last_month: Some(last),
    })
}

fn parse_year_only(re: &Regex, s: &str) -> Option<RawDate> {
    let c = re.captures(s)?;
    Some(RawDate {
        year: num(&c, 1)?,
        month: None,
        day: None,
        len: c.get(0)?.end(),
        last_month: None,
    })
}

/// Date recognisers, most specific first. The first one that yields a valid date with a
/// clean right boundary wins.
const DATE_PARSERS: [fn(&str) -> Option<RawDate>; 10] = [
    parse_era_kanji,
    parse_era_letter,
    parse_ja_ym,
    parse_ja_half,
    parse_num_ym,
    parse_num_my,
    parse_en_my,
    parse_season,
    |s| parse_year_only(&JA_Y, s),
    |s| parse_year_only(&PLAIN_Y, s),
];

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// May a date token start at `pos`? Not when glued to a digit/ASCII letter (`v1`, `27001`)
/// or to a `digit + . / - :` prefix (`03-1234`, `1.2019`).
fn clean_before(text: &str, pos: usize) -> bool {
    let Some(c) = prev_char(text, pos) else {
        return true;
    };
    if c.is_ascii_alphanumeric() || c == '_' {
        return false;
    }
    if matches!(c, '.' | '/' | '-' | ':') {
        let before = pos.saturating_sub(c.len_utf8());
        return !prev_char(text, before).is_some_and(|p| p.is_ascii_digit());
    }
    true
}

/// May a token end at `pos`? Not when followed by a digit/ASCII letter or by `. / :` + digit.
fn clean_after(text: &str, pos: usize) -> bool {
    let Some(rest) = text.get(pos..) else {
        return false;
    };
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => false,
        Some('.' | '/' | ':') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Nothing meaningful follows `pos` on this line: end of text, line break, closing bracket
/// or list punctuation (after optional horizontal whitespace).
fn ends_cleanly(text: &str, pos: usize) -> bool {
    let Some(rest) = text.get(pos..) else {
        return false;
    };
    let rest = rest.trim_start_matches(is_h);
    match rest.chars().next() {
        None => true,
        // `2023年 ~ (8ヶ月)`: the length of an open period, said after it.
        Some('(' | '（') => rest[rest.chars().next().map_or(1, char::len_utf8)..]
            .split_once([')', '）'])
            .is_some_and(|(inner, _)| {
                inner.chars().count() <= 12 && find_duration_months(inner).is_some()
            }),
        Some(c) => matches!(
            c,
            ')' | '）'
                | ']'
                | '】'
                | '」'
                | '』'
                | '〉'
                | '》'
                | '|'
                | '\n'
                | '\r'
                | ','
                | ';'
                | '、'
                | '。'
        ),
    }
}

fn is_h(c: char) -> bool {
    c == '\t' || (c.is_whitespace() && c != '\n' && c != '\r' && c != '\u{b}' && c != '\u{c}')
}

/// The date token starting exactly at `pos`, if any.
fn date_at(text: &str, pos: usize) -> Option<DateTok> {
    let rest = text.get(pos..)?;
    DATE_PARSERS.iter().find_map(|parse| {
        let raw = parse(rest)?;
        let month_ok = raw.month.is_none_or(|m| (1..=12).contains(&m));
        if !(1950..=2100).contains(&raw.year) || !month_ok || !clean_after(text, pos + raw.len) {
            return None;
        }
        let span = pos..pos + raw.len;
        let mut warnings = Vec::new();
        if let (Some(m), Some(d)) = (raw.month, raw.day) {
            if d == 0 || d > days_in_month(raw.year, m) {
                let written = text.get(span.clone()).unwrap_or_default();
                warnings.push(format!("invalid day {d} in {written}; using the month"));
            }
        }
        Some(DateTok {
            year: raw.year,
            month: raw.month,
            last_month: raw.last_month,
            span,
            warnings,
        })
    })
}

fn could_start_date(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '令' | '平' | '昭')
}

// ---------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------

/// End of a range, found right after the separator.
fn end_at(
    text: &str,
    pos: usize,
    start: &DateTok,
    sep_end: usize,
) -> Option<(End, usize, Vec<String>)> {
    let rest = text.get(pos..)?;
    if let Some(tok) = date_at(text, pos) {
        let m = Month::new(tok.year, tok.last_month.or(tok.month).unwrap_or(12))?;
        return Some((End::At(m), tok.span.end, tok.warnings));
    }
    if let Some(m) = OPEN_WORD.find(rest) {
        let end = pos + m.end();
        let ascii_word = m.as_str().starts_with(|c: char| c.is_ascii_alphabetic());
        if !ascii_word || !rest[m.end()..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Some((End::Open, end, Vec::new()));
        }
    }
    if let Some(start_month) = start.month {
        // End written as a month only: same year as the start, or the next year.
        let month_only = if let Some(c) = MONTH_ONLY_JA.captures(rest) {
            Some((num::<u32>(&c, 1)?, c.get(0)?.end()))
        } else if let Some(c) = MONTH_ONLY_NUM.captures(rest) {
            let len = c.get(0)?.end();
            (clean_after(text, pos + len) && ends_cleanly(text, pos + len))
                .then_some((num::<u32>(&c, 1)?, len))
        } else if let Some(c) = MONTH_ONLY_EN.captures(rest) {
            let len = c.get(0)?.end();
            (clean_after(text, pos + len) && ends_cleanly(text, pos + len))
                .then_some((en_month(c.get(1)?.as_str())?, len))
        } else {
            None
        };
        if let Some((m, len)) = month_only.filter(|(m, _)| (1..=12).contains(m)) {
            let year = if m < start_month {
                start.year + 1
            } else {
                start.year
            };
            return Some((End::At(Month::new(year, m)?), pos + len, Vec::new()));
        }
    }
    // `2024-    CROWDSTRIKE Senior SE`: a period that opens the line, its dash glued to the
    // start and followed by a space, is open although a name follows it.
    let opens_line = text
        .get(..start.span.start)
        .is_some_and(|b| b.rsplit('\n').next().is_some_and(|l| l.trim().is_empty()));
    let glued = text
        .get(start.span.end..sep_end)
        .is_some_and(|s| s.starts_with(['-', '–', '—']));
    let spaced = text.get(sep_end..pos).is_some_and(|s| !s.is_empty());
    (ends_cleanly(text, pos) || (opens_line && glued && spaced))
        .then(|| (End::Open, sep_end, Vec::new()))
}

/// The range starting with date token `start`, if a separator and an end follow.
fn period_from(text: &str, start: DateTok) -> Option<PeriodMatch> {
    let after = start.span.end;
    let sep = SEP.captures(text.get(after..)?)?;
    let sep_end = after + sep.get(0)?.end();
    let word_sep = sep
        .get(1)?
        .as_str()
        .starts_with(|c: char| c.is_ascii_alphabetic());
    if word_sep && !clean_after(text, sep_end) {
        return None; // "tomorrow", "2020 together"
    }
    let rest = text.get(sep_end..)?;
    let cur = sep_end + (rest.len() - rest.trim_start_matches(is_h).len());
    let (end, end_pos, end_warnings) = end_at(text, cur, &start, sep_end)?;

    let start_month = Month::new(start.year, start.month.unwrap_or(1))?;
    let mut warnings = start.warnings;
    warnings.extend(end_warnings);
    if let End::At(e) = end {
        if e < start_month {
            warnings.push(format!("end {e} is before start {start_month}"));
        }
    }
    Some(PeriodMatch {
        period: Period {
            start: start_month,
            end,
        },
        span: start.span.start..end_pos,
        warnings,
    })
}

/// `January - August 2008`, `Mar – Jun, 2019`: a range of English months in one year, the
/// year written once at its end. The start month takes the end's year (a start month after
/// the end month is no such range).
fn year_from_end(text: &str, pos: usize) -> Option<PeriodMatch> {
    let rest = text.get(pos..)?;
    let c = MONTH_ONLY_EN.captures(rest)?;
    let len = c.get(0)?.end();
    let start_month = en_month(c.get(1)?.as_str())?;
    if !clean_after(text, pos + len) {
        return None;
    }
    let after = pos + len;
    let sep = SEP.captures(text.get(after..)?)?;
    let sep_end = after + sep.get(0)?.end();
    if sep
        .get(1)?
        .as_str()
        .starts_with(|c: char| c.is_ascii_alphabetic())
        && !clean_after(text, sep_end)
    {
        return None;
    }
    let tail = text.get(sep_end..)?;
    let cur = sep_end + (tail.len() - tail.trim_start_matches(is_h).len());
    let end = date_at(text, cur)
        .filter(|_| text.get(cur..).is_some_and(|t| MONTH_ONLY_EN.is_match(t)))?;
    let end_month = end.month?;
    if start_month > end_month {
        return None;
    }
    Some(PeriodMatch {
        period: Period {
            start: Month::new(end.year, start_month)?,
            end: End::At(Month::new(end.year, end_month)?),
        },
        span: pos..end.span.end,
        warnings: end.warnings,
    })
}

/// Iterator over non-overlapping periods, left to right.
struct Periods<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Periods<'_> {
    type Item = PeriodMatch;

    fn next(&mut self) -> Option<PeriodMatch> {
        while let Some(c) = self.text.get(self.pos..).and_then(|r| r.chars().next()) {
            if could_start_date(c) && clean_before(self.text, self.pos) {
                if let Some(tok) = date_at(self.text, self.pos) {
                    let tok_end = tok.span.end;
                    let half = half_period(&tok);
                    if let Some(m) = period_from(self.text, tok) {
                        self.pos = m.span.end.max(self.pos + c.len_utf8());
                        return Some(m);
                    }
                    // `担当期間：2024年後半`: a token that spans months is a period alone.
                    if let Some(m) = half {
                        self.pos = tok_end.max(self.pos + c.len_utf8());
                        return Some(m);
                    }
                    // A lone date: skip it so its inner digits are not re-read.
                    self.pos = tok_end.max(self.pos + c.len_utf8());
                    continue;
                }
                if let Some(m) = year_from_end(self.text, self.pos) {
                    self.pos = m.span.end.max(self.pos + c.len_utf8());
                    return Some(m);
                }
            }
            self.pos += c.len_utf8();
        }
        None
    }
}

/// The period a token spanning several months (`2023年前半`) is on its own.
fn half_period(tok: &DateTok) -> Option<PeriodMatch> {
    let last = tok.last_month?;
    Some(PeriodMatch {
        period: Period {
            start: Month::new(tok.year, tok.month?)?,
            end: End::At(Month::new(tok.year, last)?),
        },
        span: tok.span.clone(),
        warnings: tok.warnings.clone(),
    })
}

/// First period RANGE in `text` (start date + separator + end date / open word / nothing).
///
/// A lone date without separator is not a period, except a half year (`2024年後半`). `text` must already be NFKC-normalised.
/// The span is the byte range of the period in `text`. A reversed range (`end < start`) is
/// returned as parsed (with a warning); callers check `end < start` themselves.
pub fn find_period(text: &str) -> Option<PeriodMatch> {
    Periods { text, pos: 0 }.next()
}

/// The month of a line that is one date and nothing else (`June 2016`, `2016年6月`,
/// `2016/06`): a stint of that one month when it stands where a period would. A year alone is
/// no month. `text` must already be NFKC-normalised.
pub fn lone_month(text: &str) -> Option<Month> {
    let t = text.trim();
    let tok = date_at(t, 0)?;
    if tok.span.end != t.len() {
        return None;
    }
    Month::new(tok.year, tok.month?)
}

/// The month of a date that opens `text` (`2019-11-01: 株式会社X入社`, `2019-06-30 に退社`),
/// and where the date ends. `text` must already be NFKC-normalised.
pub fn leading_date(text: &str) -> Option<(Month, usize)> {
    let lead = text.len() - text.trim_start().len();
    let tok = date_at(text, lead)?;
    Some((Month::new(tok.year, tok.month?)?, tok.span.end))
}

/// All non-overlapping period ranges in `text`, left to right (e.g. one per table row).
pub fn find_periods(text: &str) -> Vec<PeriodMatch> {
    Periods { text, pos: 0 }.collect()
}

/// A date range whose start or end is written as a date but cannot be one (`2022年13月〜`,
/// `0000/00 - 2020/01`, `2020/04 〜 2020/13`): a warning text naming it, so that a period
/// that is ignored is not ignored silently. Meant for text where [`find_period`] found nothing.
pub fn find_impossible_date(text: &str) -> Option<String> {
    let mut pos = 0;
    while let Some(c) = text.get(pos..).and_then(|r| r.chars().next()) {
        if c.is_ascii_digit() && clean_before(text, pos) {
            let rest = &text[pos..];
            let raw = [parse_ja_ym, parse_num_ym, parse_num_my]
                .iter()
                .find_map(|parse| parse(rest));
            if let Some(raw) = raw {
                let end = pos + raw.len;
                let bad_month = raw.month.is_some_and(|m| !(1..=12).contains(&m));
                let bad_year = !(1950..=2100).contains(&raw.year);
                let before = text[..pos].trim_end_matches(is_h);
                let in_range = SEP.is_match(&text[end..])
                    || before.ends_with(['〜', '~', '～', '-', '–', '—', 'ー'])
                    || before.ends_with("から");
                if (bad_month || bad_year) && clean_after(text, end) && in_range {
                    let written = &text[pos..end];
                    let why = if bad_month && bad_year {
                        format!("year {} and month {}", raw.year, raw.month.unwrap_or(0))
                    } else if bad_month {
                        format!("month {}", raw.month.unwrap_or(0))
                    } else {
                        format!("year {}", raw.year)
                    };
                    return Some(format!(
                        "impossible date {written} ({why}) in a period; the period is ignored"
                    ));
                }
                pos = end.max(pos + 1);
                continue;
            }
        }
        pos += c.len_utf8();
    }
    None
}

// ---------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------

/// `3年`, `2.5年`, `1年半`
static DUR_JA_YEARS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([0-9]{1,2}(?:\.[0-9]{1,2})?){H}*年(半)?"));
/// `6ヶ月`, `6か月`, `6カ月`
static DUR_JA_MONTHS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^{H}*と?{H}*([0-9]{1,3}){H}*[ヶケかカヵ箇]{H}*月"));
/// `3年4月` is a (short-year) date, not a duration.
static DUR_JA_DATE_TAIL: LazyLock<Regex> = LazyLock::new(|| re(r"^{H}*[0-9]{1,2}{H}*月"));
/// `3 years`, `3+ years`, `5 yrs`, `1y`, `2.5 years`
static DUR_EN_YEARS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^([0-9]{1,2}(?:\.[0-9]{1,2})?){H}*\+?{H}*(?:years?|yrs?|y)"));
/// `18 months`, `6 mos`, and `6m` only after a year part
static DUR_EN_MONTHS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^([0-9]{1,3}){H}*\+?{H}*(?:months?|mos?)"));
static DUR_EN_MONTHS_TAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^{H}*(?:,{H}*|and{H}+)?([0-9]{1,2}){H}*(?:months?|mos?|m)"));
/// `1-2 years`, `3〜5年`: the lower bound is used.
static DUR_RANGE_LOW: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^([0-9]{1,2}){H}*(?:[-~〜～–]|to{H}){H}*"));

#[derive(Clone, Copy)]
enum Unit {
    Years,
    Months,
}

fn years_to_months(s: &str) -> Option<u32> {
    let y: f64 = s.parse().ok()?;
    // y < 100 by construction, so the cast cannot saturate.
    y.is_finite().then(|| (y * 12.0).round() as u32)
}

/// A duration starting exactly at `pos`: (months, unit of the leading number).
fn duration_at(text: &str, pos: usize) -> Option<(u32, Unit)> {
    let rest = text.get(pos..)?;
    if let Some(c) = DUR_JA_YEARS.captures(rest) {
        let end = c.get(0)?.end();
        let tail = &rest[end..];
        if c.get(2).is_none() && DUR_JA_DATE_TAIL.is_match(tail) {
            return None;
        }
        let mut months = years_to_months(c.get(1)?.as_str())?;
        if c.get(2).is_some() {
            months += 6;
        } else if let Some(m) = DUR_JA_MONTHS.captures(tail) {
            months += num::<u32>(&m, 1)?;
        }
        return Some((months, Unit::Years));
    }
    // `rest` starts with a digit, so the optional `と` prefix of the pattern is empty here.
    if let Some(c) = DUR_JA_MONTHS.captures(rest) {
        return Some((num(&c, 1)?, Unit::Months));
    }
    if let Some(c) = DUR_EN_YEARS.captures(rest) {
        let end = c.get(0)?.end();
        if !clean_after(text, pos + end) {
            return None;
        }
        let mut months = years_to_months(c.get(1)?.as_str())?;
        if let Some(m) = DUR_EN_MONTHS_TAIL.captures(&rest[end..]) {
            let tail_end = pos + end + m.get(0)?.end();
            if clean_after(text, tail_end) {
                months += num::<u32>(&m, 1)?;
            }
        }
        return Some((months, Unit::Years));
    }
    if let Some(c) = DUR_EN_MONTHS.captures(rest) {
        if clean_after(text, pos + c.get(0)?.end()) {
            return Some((num(&c, 1)?, Unit::Months));
        }
    }
    None
}

/// Lower bound of `1-2 years` / `3〜5年` starting at `pos`.
fn duration_range_at(text: &str, pos: usize) -> Option<u32> {
    let c = DUR_RANGE_LOW.captures(text.get(pos..)?)?;
    let low: u32 = num(&c, 1)?;
    let upper_pos = pos + c.get(0)?.end();
    match duration_at(text, upper_pos)? {
        (_, Unit::Years) => Some(low * 12),
        (_, Unit::Months) => Some(low),
    }
}

/// A duration someone claims or asks for, in months: `3年`, `3年以上`, `3年6ヶ月`, `1年半`,
/// `2.5年`, `6ヶ月`, `6か月`, `3 years`, `3+ years`, `5 yrs`, `1 year 6 months`, `18 months`,
/// `1y 6m`. Ranges (`1-2 years`, `3〜5年`) give the lower bound. `None` if no duration.
///
/// Dates are not durations: `2020年`, `令和2年`, `24年4月` are skipped.
pub fn find_duration_months(text: &str) -> Option<u32> {
    // Only an ASCII digit can start a duration, and an ASCII byte is always a character of
    // its own: the digits are found by bytes, not by decoding every character.
    for (pos, b) in text.bytes().enumerate() {
        if !b.is_ascii_digit() {
            continue;
        }
        let era_before = text.get(..pos).is_some_and(|b| {
            ["令和", "平成", "昭和", "第"]
                .iter()
                .any(|e| b.ends_with(e))
        });
        let clean = !era_before
            && !prev_char(text, pos).is_some_and(|p| p.is_ascii_alphanumeric() || p == '.');
        if clean {
            if let Some(m) = duration_range_at(text, pos) {
                return Some(m);
            }
            if let Some((m, _)) = duration_at(text, pos) {
                return Some(m);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_serialises_as_its_text() {
        let m = Month::new(2026, 3).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2026-03\"");
        assert_eq!(serde_json::to_string(&Some(m)).unwrap(), "\"2026-03\"");
    }

    #[test]
    fn months_format() {
        assert_eq!(format_months(51), "4y 3m");
        assert_eq!(format_months(7), "7m");
        assert_eq!(format_months(24), "2y");
        assert_eq!(format_months(0), "0m");
    }
    use unicode_normalization::UnicodeNormalization;

    fn nfkc(s: &str) -> String {
        s.nfkc().collect()
    }

    fn ym(y: i32, m: u32) -> Month {
        Month::new(y, m).expect("valid test month")
    }

    /// Finds the first period in NFKC(`input`) and checks start, end and the spanned text.
    fn check(input: &str, start: (i32, u32), end: Option<(i32, u32)>, spanned: &str) {
        let text = nfkc(input);
        let m = find_period(&text).unwrap_or_else(|| panic!("no period in {input:?}"));
        assert_eq!(m.period.start, ym(start.0, start.1), "start of {input:?}");
        let want_end = end.map_or(End::Open, |(y, mo)| End::At(ym(y, mo)));
        assert_eq!(m.period.end, want_end, "end of {input:?}");
        assert_eq!(&text[m.span.clone()], nfkc(spanned), "span of {input:?}");
    }

    macro_rules! period_tests {
        ($($name:ident: $input:expr => $start:expr, $end:expr, $span:expr;)*) => {
            $(#[test] fn $name() { check($input, $start, $end, $span); })*
        };
    }

    const OPEN: Option<(i32, u32)> = None;

    period_tests! {
        ja_zero_padded: "2020年04月 〜 2021年08月" => (2020, 4), Some((2021, 8)), "2020年04月 〜 2021年08月";
        ja_present: "2020年4月〜現在" => (2020, 4), OPEN, "2020年4月〜現在";
        ja_open_trailing_sep: "2025年04月 〜 " => (2025, 4), OPEN, "2025年04月 〜";
        ja_open_in_heading: "### 会社 (2025年04月 〜 )" => (2025, 4), OPEN, "2025年04月 〜";
        slash_hyphen: "2020/04 - 2021/08" => (2020, 4), Some((2021, 8)), "2020/04 - 2021/08";
        dot_fullwidth_tilde: "2020.04～2021.08" => (2020, 4), Some((2021, 8)), "2020.04～2021.08";
        iso_present: "2020-04 – present" => (2020, 4), OPEN, "2020-04 – present";
        en_abbr: "Apr 2020 – Aug 2021" => (2020, 4), Some((2021, 8)), "Apr 2020 – Aug 2021";
        en_year_at_end: "> January - August 2008" => (2008, 1), Some((2008, 8)), "January - August 2008";
        en_year_at_end_abbr: "(Mar – Jun, 2019)" => (2019, 3), Some((2019, 6)), "Mar – Jun, 2019";
        en_full_present: "April 2020 - Present" => (2020, 4), OPEN, "April 2020 - Present";
        en_sept_current: "Sept 2020 - Current" => (2020, 9), OPEN, "Sept 2020 - Current";
        ja_half_end: "担当期間：2019年9月〜2023年前半" => (2019, 9), Some((2023, 6)), "2019年9月〜2023年前半";
        ja_half_alone: "担当期間：2024年後半　役割" => (2024, 7), Some((2024, 12)), "2024年後半";
        ja_half_range: "2022年度下期〜2023年上期" => (2022, 7), Some((2023, 6)), "2022年度下期〜2023年上期";
        en_season: "(Fall 2009 - June 2011)" => (2009, 9), Some((2011, 6)), "Fall 2009 - June 2011";
        en_season_end: "Research Assistant, Fall 2005 - Spring 2006" => (2005, 9), Some((2006, 5)), "Fall 2005 - Spring 2006";
        en_apl_comma: "(Apl,2014 - Jun,2018)" => (2014, 4), Some((2018, 6)), "Apl,2014 - Jun,2018";
        ja_open_then_length: "開発業務 2023年 ~ (8ヶ月)" => (2023, 1), OPEN, "2023年 ~";
        en_double_hyphen_years: "2011 -- 2013 » DevOps" => (2011, 1), Some((2013, 12)), "2011 -- 2013";
        en_double_hyphen: "February 2014 -- December 2015" => (2014, 2), Some((2015, 12)), "February 2014 -- December 2015";
        month_slash_year: "04/2020 – 03/2022" => (2020, 4), Some((2022, 3)), "04/2020 – 03/2022";
        month_dot_year: "*08.2014 - 12.2014* | Remote" => (2014, 8), Some((2014, 12)), "08.2014 - 12.2014";
        month_dot_year_present: "*12.2014 - present*" => (2014, 12), OPEN, "12.2014 - present";
        years_only: "2019 - 2021" => (2019, 1), Some((2021, 12)), "2019 - 2021";
        reiwa: "令和2年4月〜令和4年3月" => (2020, 4), Some((2022, 3)), "令和2年4月〜令和4年3月";
        heisei_to_reiwa_gannen: "平成31年4月〜令和元年12月" => (2019, 4), Some((2019, 12)), "平成31年4月〜令和元年12月";
        reiwa_gannen_present: "令和元年5月〜現在" => (2019, 5), OPEN, "令和元年5月〜現在";
        showa: "昭和60年4月〜平成2年3月" => (1985, 4), Some((1990, 3)), "昭和60年4月〜平成2年3月";
        era_letters: "R2.4 - R4.3" => (2020, 4), Some((2022, 3)), "R2.4 - R4.3";
        era_letters_heisei: "H31.4〜現在" => (2019, 4), OPEN, "H31.4〜現在";
        sep_tilde: "2020/04 ~ 2021/08" => (2020, 4), Some((2021, 8)), "2020/04 ~ 2021/08";
        sep_em_dash: "2020/04—2021/08" => (2020, 4), Some((2021, 8)), "2020/04—2021/08";
        sep_hyphen_u2010: "2020/04‐2021/08" => (2020, 4), Some((2021, 8)), "2020/04‐2021/08";
        sep_horizontal_bar: "2020/04 ― 2021/08" => (2020, 4), Some((2021, 8)), "2020/04 ― 2021/08";
        sep_kara: "2020年4月から2021年8月" => (2020, 4), Some((2021, 8)), "2020年4月から2021年8月";
        sep_to: "Apr 2020 to Aug 2021" => (2020, 4), Some((2021, 8)), "Apr 2020 to Aug 2021";
        open_genshoku: "2020年4月〜現職" => (2020, 4), OPEN, "2020年4月〜現職";
        open_zaisekichu: "2020年4月〜在籍中" => (2020, 4), OPEN, "2020年4月〜在籍中";
        open_shi_genzai: "2020年4月〜至現在" => (2020, 4), OPEN, "2020年4月〜至現在";
        open_now: "2020/04 - Now" => (2020, 4), OPEN, "2020/04 - Now";
        open_ongoing_caps: "2020/04 - ONGOING" => (2020, 4), OPEN, "2020/04 - ONGOING";
        full_width_digits_brackets: "（２０２０年４月〜２０２１年８月）" => (2020, 4), Some((2021, 8)), "２０２０年４月〜２０２１年８月";
        dots_short: "2019.04 - 2019.06" => (2019, 4), Some((2019, 6)), "2019.04 - 2019.06";
        open_in_parens_tilde: "(2016/4~)" => (2016, 4), OPEN, "2016/4~";
        ja_year_spaced_present: "2020 年 - 現在" => (2020, 1), OPEN, "2020 年 - 現在";
        day_precision: "2025-10-01 ~ 現在" => (2025, 10), OPEN, "2025-10-01 ~ 現在";
        end_month_same_year: "2022年5月〜10月" => (2022, 5), Some((2022, 10)), "2022年5月〜10月";
        end_month_next_year: "2022年11月〜3月" => (2022, 11), Some((2023, 3)), "2022年11月〜3月";
        end_month_bare: "（2016/04 ~ 07）" => (2016, 4), Some((2016, 7)), "2016/04 ~ 07";
        br_replaced: "2021/01 〜 現在" => (2021, 1), OPEN, "2021/01 〜 現在";
        en_with_days: "Aug 19, 2019 - Aug 30, 2019" => (2019, 8), Some((2019, 8)), "Aug 19, 2019 - Aug 30, 2019";
        en_no_space_present: "November 2018-present" => (2018, 11), OPEN, "November 2018-present";
        summary_year_present: "2022 ~ 現在：SRE @ 株式会社X" => (2022, 1), OPEN, "2022 ~ 現在";
        ja_hyphen: "2019年4月 - 2021年3月" => (2019, 4), Some((2021, 3)), "2019年4月 - 2021年3月";
        trailing_duration_ignored: "2019年4月～2021年3月（2年）" => (2019, 4), Some((2021, 3)), "2019年4月～2021年3月";
        en_abbr_dots: "Jan. 2019 – Mar. 2021" => (2019, 1), Some((2021, 3)), "Jan. 2019 – Mar. 2021";
        slash_single_digit_month: "2019/4〜2021/3" => (2019, 4), Some((2021, 3)), "2019/4〜2021/3";
        ja_two_digit_month: "2018年10月〜2019年3月" => (2018, 10), Some((2019, 3)), "2018年10月〜2019年3月";
        middle_of_heading_en: "### Senior SRE — Acme Inc. (Jan 2019 – Present)" => (2019, 1), OPEN, "Jan 2019 – Present";
        middle_of_heading_ja: "#### 案件名 【 AWS / Go 】 (2022年02月 〜 2022年08月)" => (2022, 2), Some((2022, 8)), "2022年02月 〜 2022年08月";
        ja_with_days: "2019年4月1日〜2021年3月31日" => (2019, 4), Some((2021, 3)), "2019年4月1日〜2021年3月31日";
        open_glued_dash_opens_line: "2024-        KESTREL WORKS Senior SE" => (2024, 1), OPEN, "2024-";
    }

    #[test]
    fn a_dash_before_a_name_opens_only_a_glued_period_at_the_line_start() {
        // A label separator (`2019 - Graduated`), a dash inside the line, a number range: none
        // is an open period.
        for text in [
            "2019 - Graduated from Harwell College",
            "Joined in 2019- Kestrel Works",
            "pages 2019-2020 Kestrel",
        ] {
            let m = find_period(text);
            assert!(m.is_none_or(|m| m.period.end != End::Open), "{text}");
        }
        let m = find_period("notes\n2024- Kestrel Works").expect("period on the second line");
        assert_eq!(m.period.end, End::Open);
    }

    #[test]
    fn impossible_day_keeps_month_and_warns() {
        let m = find_period("2022-11-31 - 2023-01-15").expect("period");
        assert_eq!(m.period.start, ym(2022, 11));
        assert_eq!(m.period.end, End::At(ym(2023, 1)));
        assert_eq!(
            m.warnings,
            vec!["invalid day 31 in 2022-11-31; using the month".to_string()]
        );
        let m = find_period("2023-02-29 ~ 現在").expect("period");
        assert_eq!(m.warnings.len(), 1);
        assert!(find_period("2024-02-29 ~ 現在")
            .expect("leap")
            .warnings
            .is_empty());
    }

    #[test]
    fn reversed_range_is_returned_with_warning() {
        let m = find_period("2021/08 - 2020/04").expect("period");
        assert_eq!(m.period.start, ym(2021, 8));
        assert_eq!(m.period.end, End::At(ym(2020, 4)));
        assert_eq!(
            m.warnings,
            vec!["end 2020-04 is before start 2021-08".to_string()]
        );
    }

    #[test]
    fn lone_months() {
        assert_eq!(lone_month(" June 2016 "), Month::new(2016, 6));
        assert_eq!(lone_month("2016年6月"), Month::new(2016, 6));
        assert_eq!(lone_month("2016"), None);
        assert_eq!(lone_month("June 2016 - Present"), None);
        assert_eq!(lone_month("Joined in June 2016"), None);
    }

    #[test]
    fn not_periods() {
        for input in [
            "v1.30.0",
            "EKS Cluster v1.30.0 のバージョンアップグレード",
            "Argo Workflows を最新バージョン（v3.6.5）にアップグレード",
            "約2000億円",
            "24/365 のオンコール",
            "2023年に導入",
            "ISO 27001",
            "1-2 years",
            "3年以上",
            "TLS 1.2 - 1.3",
            "Python 3.11",
            "03-1234-5678",
            "2024/07/26",
            "100 - 200 ms",
            "",
            "2020/13 - 2021/01",
            "1949 - 1950",
            "2020 - 5 projects",
            "2020/04 - Tokyo",
            "Marketing 2020 - 2021x",
            "August - January 2009",
            "Janet - May 2020",
            "2020/04 - 2021/08/99/1",
            "令和2年",
            "売上 1234-5678 / 0120-2020-11",
            "1.2019.3 - 2.2020.1",
            "v1.2019 - 2.2020",
            "13.2019 - 02.2020",
            "01.12.2014 - 02.2015",
        ] {
            let text = nfkc(input);
            assert_eq!(find_period(&text), None, "{input:?}");
            assert!(find_periods(&text).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn earliest_and_all_periods() {
        let text = nfkc("| 2018/04 - 2019/03 | A社 |\n| 2019/04 〜 現在 | B社 |");
        let all = find_periods(&text);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].period.start, ym(2018, 4));
        assert_eq!(all[0].period.end, End::At(ym(2019, 3)));
        assert_eq!(all[1].period.start, ym(2019, 4));
        assert_eq!(all[1].period.end, End::Open);
        assert!(all[0].span.end <= all[1].span.start);
        assert_eq!(find_period(&text), Some(all[0].clone()));
    }

    #[test]
    fn range_does_not_cross_lines() {
        assert_eq!(find_period("2020年4月\n- 2021年 Kubernetes"), None);
        // An open range may end at a line break.
        let m = find_period("2020年4月 〜\n次の行").expect("open");
        assert_eq!(m.period.end, End::Open);
    }

    #[test]
    fn month_basics() {
        let m = ym(2026, 11);
        assert_eq!((m.year(), m.month()), (2026, 11));
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(Month::from_index(m.index()), m);
        assert_eq!(m.index(), 2026 * 12 + 10);
        assert_eq!(Month::new(2026, 13), None);
        assert_eq!(Month::new(2026, 0), None);
        assert_eq!(Month::new(1899, 1), None);
        assert_eq!(Month::new(2201, 1), None);
        assert!(ym(2020, 12) < ym(2021, 1));
        assert_eq!(Month::parse_ym("2026-11"), Some(m));
        assert_eq!(Month::parse_ym(" 2026/11 "), Some(m));
        assert_eq!(Month::parse_ym("2026-1"), Some(ym(2026, 1)));
        for bad in [
            "",
            "2026",
            "2026-13",
            "26-11",
            "2026-11-01",
            "２０２６-11",
            "-",
            "2026-",
        ] {
            assert_eq!(Month::parse_ym(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn months_inclusive_and_close() {
        assert_eq!(months_inclusive(ym(2020, 4), ym(2021, 8)), 17);
        assert_eq!(months_inclusive(ym(2020, 4), ym(2020, 4)), 1);
        assert_eq!(months_inclusive(ym(2021, 8), ym(2020, 4)), 0);
        assert_eq!(
            months_inclusive(Month::from_index(i32::MIN), Month::from_index(i32::MAX)),
            u32::MAX
        );
        let open = Period {
            start: ym(2020, 4),
            end: End::Open,
        };
        assert_eq!(open.close(ym(2026, 11)), (ym(2020, 4), ym(2026, 11)));
        assert_eq!(open.months(ym(2020, 6)), 3);
        let closed = Period {
            start: ym(2020, 4),
            end: End::At(ym(2021, 8)),
        };
        assert_eq!(closed.close(ym(2026, 11)), (ym(2020, 4), ym(2021, 8)));
    }

    #[test]
    fn durations() {
        for (input, want) in [
            ("3年", 36),
            ("3年以上", 36),
            ("実務経験3年6ヶ月", 42),
            ("1年半", 18),
            ("2.5年", 30),
            ("6ヶ月", 6),
            ("6か月", 6),
            ("6カ月", 6),
            ("６ヶ月", 6),
            ("3年と6か月", 42),
            ("3 years", 36),
            ("3+ years of Go", 36),
            ("5 yrs", 60),
            ("1 year 6 months", 18),
            ("1 year and 6 months", 18),
            ("18 months", 18),
            ("1y 6m", 18),
            ("2.5 years", 30),
            ("1-2 years", 12),
            ("3〜5年", 36),
            ("2019年4月～2021年3月（2年）", 24),
            ("Python 3.11, 4 years", 48),
        ] {
            assert_eq!(find_duration_months(&nfkc(input)), Some(want), "{input:?}");
        }
        for input in [
            "",
            "2020年4月",
            "令和2年4月",
            "24年4月入社",
            "2023年に導入",
            "ISO 27001",
            "Python 3.11",
            "100 - 200 ms",
            "5m budget",
            "3 yellow cars",
            "24/365",
            "6月",
        ] {
            assert_eq!(find_duration_months(&nfkc(input)), None, "{input:?}");
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let mut inputs: Vec<String> = [
            "",
            " ",
            "〜",
            "~~~",
            "-",
            "年",
            "月",
            "令和",
            "令和元年",
            "R",
            "H99.99",
            "9999年99月〜",
            "2020年",
            "2020/",
            "2020-",
            "2020-04-",
            "/2020",
            "Apr",
            "Sept.",
            "2020年4月〜\u{0}",
            "😀2020/04😀-😀2021/08😀",
            "ｱｲｳ２０２０／０４ー現在",
            "\u{301c}\u{ff5e}\u{2013}\u{2014}",
            "99999999999999999999年",
            "1.5.5年半ヶ月",
            "0年0ヶ月",
            "99.99 years 999 months",
            "12345678901234567890 months",
            "2020/04 - 04",
            "2020/04 - 13",
            "2020年13月〜2021年0月",
            "Feb 30, 2020 - Feb 31, 2021",
            "\u{202e}2020/04 - 2021/08\u{202d}",
            "e\u{301}2020 – é",
            "2020 to",
            "2020 tomorrow",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every character-boundary suffix and prefix of a mixed sample.
        let sample =
            "職歴: 2019年4月〜現在 / Apr 2020 – Aug 2021, 3年以上, (2016/4~) 令和元年5月〜";
        for (i, _) in sample.char_indices() {
            inputs.push(sample[i..].to_string());
            inputs.push(sample[..i].to_string());
        }
        // Deterministic pseudo-random strings over a hostile alphabet.
        let alphabet: Vec<char> =
            "0123456789年月日〜~-–—/.:()（）令和平成元現在 \tPresentAprSep RHS半ヶか月yearsm+😀é\n"
                .chars()
                .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let i = usize::try_from(state % alphabet.len() as u64).unwrap_or(0);
                s.push(alphabet[i]);
            }
            inputs.push(s);
        }
        for s in &inputs {
            let all = find_periods(s);
            for m in &all {
                assert!(m.span.start < m.span.end && m.span.end <= s.len(), "{s:?}");
                assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                let _ = m.period.close(Month::from_index(0));
            }
            assert_eq!(find_period(s), all.first().cloned(), "{s:?}");
            let _ = find_duration_months(s);
            let _ = Month::parse_ym(s);
        }
        for i in [i32::MIN, -1, 0, i32::MAX] {
            let m = Month::from_index(i);
            let _ = (m.to_string(), m.year(), m.month());
        }
    }

    #[test]
    fn impossible_dates_in_a_range_are_named() {
        let w = find_impossible_date(&nfkc("株式会社テスト (2022年13月 〜 2023年3月)")).unwrap();
        assert!(w.contains("2022年13月 (month 13)"), "{w}");
        assert!(find_period(&nfkc("2022年13月 〜 2023年3月")).is_none());
        let w = find_impossible_date("0000/00 〜 2020/01").unwrap();
        assert!(w.contains("0000/00 (year 0 and month 0)"), "{w}");
        let w = find_impossible_date("2020/04 - 2020/13").unwrap();
        assert!(w.contains("2020/13 (month 13)"), "{w}");
        // Not a range, or not date-shaped: nothing to say.
        assert_eq!(find_impossible_date("社員番号 2022/13"), None);
        assert_eq!(find_impossible_date("ISO 27001, v1.30.0 - 3"), None);
        assert_eq!(find_impossible_date("2020年4月〜2021年3月"), None);
    }
}

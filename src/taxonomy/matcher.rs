//! Finding skills in text: one Aho–Corasick automaton over every name and alias (the fast
//! path), word-boundary rules that work in mixed Japanese/English text, then fuzzy lookup for
//! the leftover ASCII words.
//!
//! Takes NFKC-normalised text; gives non-overlapping [`Hit`]s in text order. Guarantees:
//! `Go のリバースプロキシ` and `Javaを使用` are hits; `Argo`, `Google`, `Django`, `MongoDB` are
//! not Go and `JavaScript` is not Java; the longest valid alias wins (`Ruby on Rails` over
//! `Ruby`); case-sensitive skills only match as written.

use std::cell::OnceCell;

use daachorse::DoubleArrayAhoCorasick;
use serde::Serialize;

use super::fuzzy::{FuzzyIndex, MIN_FUZZY_LEN};
use super::{Skill, SkillId};

/// How a mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The skill's display name.
    Exact,
    /// One of its aliases.
    Alias,
    /// A misspelling, recognised by edit distance.
    Fuzzy,
    /// Not in the text: counted through a narrower skill that implies it.
    Implied,
    /// A listed term the taxonomy does not know (a profile's evidence; never a [`Hit`]).
    Unknown,
    /// A posting's requirement the résumé does not have (a fit's row; never a [`Hit`]).
    Missing,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Alias => "alias",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::Implied => "implied",
            MatchKind::Unknown => "unknown",
            MatchKind::Missing => "missing",
        }
    }
}

/// One skill found in a text, as a byte range of that text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub skill: SkillId,
    pub start: usize,
    pub end: usize,
    pub kind: MatchKind,
    /// 1.0 for exact and alias hits.
    pub similarity: f64,
    /// The matched name is an ordinary word (`Go`, `Spring`): it names the product only in a
    /// skill context or where [`names_product`] says so.
    pub is_ambiguous: bool,
    /// An ordinary word so common (`go`, `make`, `java`) that a capital at the start of a
    /// sentence says nothing.
    pub is_common_word: bool,
    /// A case-sensitive name written all in lower or upper case (`varnish`, `LISP`): kept only
    /// as a member of an enumeration that names another product (`nginx/memcached/varnish`).
    pub is_folded: bool,
}

/// From this Zipf frequency (ten per million words) an ordinary word is a common word.
const COMMON_ZIPF: f32 = 4.0;

struct Pattern {
    skill: SkillId,
    /// NFKC form as written in the taxonomy (used for case-sensitive checks).
    text: String,
    is_name: bool,
    is_case_sensitive: bool,
    is_ambiguous: bool,
    is_common_word: bool,
}

pub struct Matcher {
    /// Over the distinct lower-cased pattern texts ("keys"); a match's value is a key number.
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    /// The patterns of key `k` are `patterns[by_key[k]..by_key[k + 1]]` (`patterns` is sorted
    /// by key number, then by taxonomy order).
    by_key: Vec<u32>,
    patterns: Vec<Pattern>,
    fuzzy: FuzzyIndex,
    /// The automaton came from build.rs (start-up does not build one).
    is_prebuilt: bool,
}

/// The keys of the automaton `build.rs` made from the built-in taxonomy files, sorted.
const PREBUILT_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy_keys.txt"));
const PREBUILT_AUTOMATON: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/taxonomy_automaton.bin"));

/// The automaton built at compile time with key numbers for `keys` (lower-cased pattern texts),
/// if it knows every one of them.
fn prebuilt(keys: &[String]) -> Option<(DoubleArrayAhoCorasick<u32>, Vec<u32>)> {
    let known: Vec<&[u8]> = PREBUILT_KEYS.as_bytes().split(|&b| b == b'\n').collect();
    let numbers = keys
        .iter()
        .map(|k| known.binary_search(&k.as_bytes()).ok().map(|i| i as u32))
        .collect::<Option<Vec<u32>>>()?;
    let (automaton, _) = DoubleArrayAhoCorasick::<u32>::deserialize(PREBUILT_AUTOMATON).ok()?;
    Some((automaton, numbers))
}

/// An automaton over `keys` built now (a user taxonomy with names `build.rs` did not see).
fn built_now(keys: &[String]) -> (Option<DoubleArrayAhoCorasick<u32>>, Vec<u32>) {
    let mut distinct: Vec<&str> = keys.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let numbers = keys
        .iter()
        .map(|k| distinct.binary_search(&k.as_str()).map_or(0, |i| i as u32))
        .collect();
    let automaton = DoubleArrayAhoCorasick::with_values(
        distinct
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_bytes(), i as u32)),
    )
    .ok();
    (automaton, numbers)
}

/// Aliases up to this many bytes get the strict boundary rules (`C`, `R`, `Go`).
const SHORT_ALIAS_LEN: usize = 2;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// May a match of `pat` span `text[start..end]`?
fn has_boundaries(text: &[u8], start: usize, end: usize, pat: &[u8]) -> bool {
    let short = pat.len() <= SHORT_ALIAS_LEN;
    let (Some(&first), Some(&last)) = (pat.first(), pat.last()) else {
        return false;
    };
    if let Some(&prev) = start.checked_sub(1).and_then(|i| text.get(i)) {
        if is_word_byte(first) && is_word_byte(prev) {
            return false;
        }
        if short && matches!(prev, b'&' | b'.' | b'-' | b'\'' | b'@' | b'#' | b'$' | b'+') {
            return false;
        }
    }
    if let Some(&next) = text.get(end) {
        if is_word_byte(last) {
            let version_suffix = next.is_ascii_digit() && last.is_ascii_alphabetic() && !short;
            if is_word_byte(next) && !version_suffix {
                return false;
            }
        }
        if short {
            if matches!(next, b'&' | b'+' | b'#' | b'\'' | b'-') {
                return false;
            }
            if next == b'.' && text.get(end + 1).is_some_and(|&b| is_word_byte(b)) {
                return false;
            }
        }
    }
    true
}

impl Matcher {
    /// `ambiguous`: normalised keys that are ordinary words.
    pub fn new(skills: &[Skill], ambiguous: &super::FastMap<String, f32>) -> Self {
        let mut patterns = Vec::new();
        // Lower-case patterns over lower-cased text: the same matches as an ASCII
        // case-insensitive automaton (ASCII lower-casing keeps byte offsets). The built-in
        // taxonomy's automaton comes ready-made from build.rs.
        let mut keys: Vec<String> = Vec::new();
        for (i, s) in skills.iter().enumerate() {
            for (k, alias) in std::iter::once(&s.name).chain(&s.aliases).enumerate() {
                let text = if alias.is_ascii() {
                    crate::text::squash_ws(alias)
                } else {
                    crate::text::squash_ws(&crate::text::nfkc(alias))
                };
                if text.is_empty() {
                    continue;
                }
                let key = text.to_ascii_lowercase();
                let zipf = if text.is_ascii() {
                    ambiguous.get(key.as_str())
                } else {
                    ambiguous.get(text.to_lowercase().as_str())
                }
                .copied();
                patterns.push(Pattern {
                    skill: SkillId(i as u32),
                    text,
                    is_name: k == 0,
                    is_case_sensitive: s.is_case_sensitive,
                    is_ambiguous: zipf.is_some(),
                    is_common_word: zipf.is_some_and(|z| z >= COMMON_ZIPF),
                });
                keys.push(key);
            }
        }
        let (automaton, numbers, is_prebuilt) = match prebuilt(&keys) {
            Some((a, n)) => (Some(a), n, true),
            None => {
                let (a, n) = built_now(&keys);
                (a, n, false)
            }
        };
        // Patterns grouped by key number, in taxonomy order within a key: a counting sort.
        let n_keys = numbers.iter().max().map_or(0, |&m| m as usize + 1);
        let mut by_key = vec![0u32; n_keys + 1];
        for &k in &numbers {
            by_key[k as usize + 1] += 1;
        }
        for k in 1..by_key.len() {
            by_key[k] += by_key[k - 1];
        }
        let mut next: Vec<u32> = by_key.clone();
        let mut slots: Vec<Option<Pattern>> = (0..patterns.len()).map(|_| None).collect();
        for (p, &k) in patterns.into_iter().zip(&numbers) {
            let at = &mut next[k as usize];
            slots[*at as usize] = Some(p);
            *at += 1;
        }
        let patterns = slots.into_iter().flatten().collect();
        Matcher {
            automaton,
            by_key,
            patterns,
            fuzzy: FuzzyIndex::new(skills),
            is_prebuilt,
        }
    }

    /// Did the automaton come ready-made from the build (the built-in taxonomy)?
    pub fn is_prebuilt(&self) -> bool {
        self.is_prebuilt
    }

    /// The patterns whose lower-cased text is key `k` (none for a key of the built-in
    /// automaton that this taxonomy does not use).
    fn patterns_of(&self, k: u32) -> &[Pattern] {
        let k = k as usize;
        match (self.by_key.get(k), self.by_key.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.patterns[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Skills in NFKC-normalised `text`, in order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        thread_local! {
            /// The lower-cased line and the candidate hits, reused from line to line.
            static BUFFERS: std::cell::RefCell<(String, Vec<Hit>)> =
                const { std::cell::RefCell::new((String::new(), Vec::new())) };
        }
        BUFFERS.with(|b| match b.try_borrow_mut() {
            Ok(mut b) => {
                let (lower, found) = &mut *b;
                let hits = self.find_with(text, lower, found);
                // One huge line does not keep its copy for the rest of the run.
                if lower.capacity() > 1 << 20 {
                    *lower = String::new();
                }
                hits
            }
            Err(_) => self.find_with(text, &mut String::new(), &mut Vec::new()),
        })
    }

    fn find_with(&self, text: &str, lower: &mut String, found: &mut Vec<Hit>) -> Vec<Hit> {
        let bytes = text.as_bytes();
        found.clear();
        if let Some(ac) = &self.automaton {
            lower.clear();
            lower.push_str(text);
            lower.make_ascii_lowercase();
            let lower = lower.as_str();
            for m in ac.find_overlapping_iter(lower) {
                // The boundary rules look at the pattern's length and at its first and last
                // bytes only as letters, digits or ASCII signs, which every pattern of the key
                // shares with the key (the lower-cased match): checked once per match.
                if !has_boundaries(
                    bytes,
                    m.start(),
                    m.end(),
                    &lower.as_bytes()[m.start()..m.end()],
                ) {
                    continue;
                }
                for p in self.patterns_of(m.value()) {
                    let matched = &text[m.start()..m.end()];
                    // A case-sensitive name in lower or upper case (`ansible, chef`,
                    // `Haskell, LISP`) may still be the product in a list: kept as folded,
                    // judged by its neighbours.
                    let is_folded = p.is_case_sensitive && matched != p.text;
                    let is_one_case = !matched.bytes().any(|b| b.is_ascii_uppercase())
                        || !matched.bytes().any(|b| b.is_ascii_lowercase());
                    if is_folded && (matched.len() < MIN_FOLDED_LEN || !is_one_case) {
                        continue;
                    }
                    let kind = if p.is_name && matched.eq_ignore_ascii_case(&p.text) {
                        MatchKind::Exact
                    } else {
                        MatchKind::Alias
                    };
                    found.push(Hit {
                        skill: p.skill,
                        start: m.start(),
                        end: m.end(),
                        kind,
                        similarity: 1.0,
                        is_ambiguous: p.is_ambiguous || is_folded,
                        is_common_word: p.is_common_word,
                        is_folded,
                    });
                }
            }
        }
        // Leftmost, then longest, then as-written over folded, then exact-over-alias; drop
        // anything overlapping a winner.
        found.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(a.is_folded.cmp(&b.is_folded))
                .then(a.kind.cmp(&b.kind))
        });
        let mut hits: Vec<Hit> = Vec::with_capacity(found.len());
        let mut covered = 0;
        for h in found.drain(..) {
            if h.start >= covered {
                covered = h.end;
                hits.push(h);
            }
        }
        if hits.iter().any(|h| h.is_folded) {
            keep_listed_folded(text, &mut hits);
        }
        self.add_fuzzy(text, &mut hits);
        hits
    }

    /// Fuzzy hits for ASCII words no exact hit touches. A word must carry a capital letter
    /// (tech names are written capitalised; lowercase English prose is not) unless the line is
    /// mostly non-ASCII (a Japanese sentence around an ASCII name).
    fn add_fuzzy(&self, text: &str, hits: &mut Vec<Hit>) {
        let bytes = text.as_bytes();
        // (An all-ASCII line, most of them, is known without counting.)
        let is_mostly_ascii = if text.is_ascii() {
            !bytes.is_empty()
        } else {
            bytes.iter().filter(|b| b.is_ascii()).count() * 2 > bytes.len()
        };
        let mut extra = Vec::new();
        let mut word = |start: usize, end: usize| {
            // Part of a longer identifier (`foo_bar`, `v1.2`, `a-b`)? Leave it alone.
            let glued = |b: Option<&u8>| b.is_some_and(|&b| b == b'_' || b == b'.');
            if end - start < MIN_FUZZY_LEN
                || glued(start.checked_sub(1).and_then(|j| bytes.get(j)))
                || glued(bytes.get(end))
            {
                return;
            }
            let word = &text[start..end];
            if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
                return;
            }
            if is_mostly_ascii && !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return;
            }
            // `hits` are sorted and do not overlap, so their ends ascend: binary search
            // (a linear scan here made one long line quadratic).
            let i = hits.partition_point(|h| h.end <= start);
            if hits.get(i).is_some_and(|h| h.start < end) {
                return;
            }
            if let Some((skill, similarity)) = self.fuzzy.lookup(word) {
                extra.push(Hit {
                    skill,
                    start,
                    end,
                    kind: MatchKind::Fuzzy,
                    similarity,
                    is_ambiguous: false,
                    is_common_word: false,
                    is_folded: false,
                });
            }
        };
        if is_mostly_ascii {
            // Only words with a capital can be taken: found from the capitals (few in prose).
            for (start, end) in capitalised_words(bytes) {
                word(start, end);
            }
        } else {
            for (start, end) in crate::text::ascii_words(text, b"") {
                word(start, end);
            }
        }
        if !extra.is_empty() {
            hits.extend(extra);
            hits.sort_by_key(|h| h.start);
        }
    }
}

/// The words of [`crate::text::ascii_words`] (runs of ASCII letters and digits) that hold an
/// ASCII capital, in order: each found from a capital, without walking the other words.
fn capitalised_words(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + b.get(from..)?.iter().position(u8::is_ascii_uppercase)?;
        let mut start = at;
        while start > 0 && b[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        let mut end = at + 1;
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
        }
        from = end;
        Some((start, end))
    })
}

/// Folded names this short are never taken (`go`, `r`): too many ordinary words.
const MIN_FOLDED_LEN: usize = 3;

/// Drop the folded hits (a case-sensitive name in lower case) that are not in an enumeration
/// (hits joined by `,` `/` `and` …) with at least one hit written as the taxonomy writes it:
/// `apache/nginx/memcached/varnish` names Varnish, `a thin varnish of` does not; nor does a
/// folded word that begins a longer name (`flask/turbo gears/web2py` names no Turbo).
fn keep_listed_folded(text: &str, hits: &mut Vec<Hit>) {
    let mut keep = vec![true; hits.len()];
    let mut run_start = 0;
    for i in 0..=hits.len() {
        let joined =
            i > 0 && i < hits.len() && is_enumeration_gap(&text[hits[i - 1].end..hits[i].start]);
        if i == hits.len() || (i > 0 && !joined) {
            let run = &hits[run_start..i];
            let anchored = run.len() > 1 && run.iter().any(|h| !h.is_folded);
            for (k, h) in run.iter().enumerate() {
                // The whole item (`chef or similar`), not the start of a longer name (`turbo
                // gears`).
                let after = text[h.end..].trim_start_matches(' ');
                let next = after
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("");
                let is_item = next.is_empty() || matches!(next, "or" | "and" | "nor" | "etc");
                if h.is_folded && !(anchored && is_item) {
                    keep[run_start + k] = false;
                }
            }
            run_start = i;
        }
    }
    let mut k = keep.into_iter();
    hits.retain(|_| k.next().unwrap_or(true));
}

/// Keep the hits of `text` (not a list of skills) that name a product: every unambiguous hit;
/// an ordinary-word hit next to another kept hit in an enumeration (`Chef, Terraform and
/// Ansible`), or, in a technical document, where [`names_product`] holds.
///
/// `is_lenient` (an item of a labelled list of requirements): there, an ordinary word that is
/// not a common one (`postmortem`, `pandas`) is taken as the product even in lower case.
pub fn keep_named(text: &str, hits: Vec<Hit>, is_technical: bool, is_lenient: bool) -> Vec<Hit> {
    // In Japanese text a capitalised English word (`Python で集計`) is a name, whatever the
    // rest of the document is about.
    let japanese = OnceCell::new();
    let alone: Vec<bool> = (0..hits.len())
        .map(|i| {
            let h = &hits[i];
            !h.is_ambiguous
                || (is_lenient && !h.is_common_word)
                || (is_technical && names_product(text, &hits, i))
                || (capitalised_name(&text[h.start..h.end])
                    && *japanese.get_or_init(|| is_japanese(text)))
        })
        .collect();
    let keep: Vec<bool> = (0..hits.len())
        .map(|i| {
            alone[i]
                || (i > 0
                    && alone[i - 1]
                    && is_enumeration_gap(&text[hits[i - 1].end..hits[i].start]))
                || (i + 1 < hits.len()
                    && alone[i + 1]
                    && is_enumeration_gap(&text[hits[i].end..hits[i + 1].start]))
        })
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Does `text` hold kana or kanji?
fn is_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
    })
}

/// A word of two Latin letters or more that starts with a capital (`Python`, `Go`).
fn capitalised_name(m: &str) -> bool {
    m.starts_with(|c: char| c.is_ascii_uppercase())
        && m.chars().filter(char::is_ascii_alphabetic).count() >= 2
}

/// Does the ordinary-word hit `hits[i]` of a technical document name the product on its own?
/// Yes in a line with Japanese in it (English words in Japanese text are names), and with a
/// distinctive casing: capitals inside the word (`iOS`, `GO`), or a capital (`written in Go`;
/// at the start of a sentence, a common word only before a noun or a `,`/`(`/`:`: `Go services`,
/// `Swift, with…`, not `Go ahead`) that is not part of a capitalised phrase (`Salt Lake City`)
/// or a title-cased line. Never for one letter (`C`, `R`).
pub fn names_product(text: &str, hits: &[Hit], i: usize) -> bool {
    let h = &hits[i];
    let m = &text[h.start..h.end];
    let letters: Vec<char> = m.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    if is_japanese(text) {
        return true;
    }
    if letters[1..].iter().any(|c| c.is_uppercase()) {
        return true;
    }
    if !letters[0].is_uppercase() || is_title_case(text) {
        return false;
    }
    let before = text[..h.start].trim_end();
    let sentence_start = before.is_empty()
        || before.ends_with([
            '.', '!', '?', ':', ';', '。', '！', '？', '：', '-', '*', '•', '・', '>', '#', '|',
            '(', '「', '"', '\'',
        ]);
    // `Swift, with 3 years…`, `Chef:`, `Go (2+ years)`: a capitalised word that ends its
    // phrase at once is the topic of the line.
    let ends_phrase = {
        let after = text[h.end..].trim_start();
        after.is_empty() || after.starts_with([',', '(', ':', ';', '/', '（', '：', '、'])
    };
    // At the start of a sentence a common word is the ordinary word when a function word
    // follows (`Go ahead`, `Go to the…`, `Spring is…`, `Make sure`), the name when a noun does
    // (`Go services on AWS`, `Spring Batch jobs`).
    if sentence_start && h.is_common_word && !ends_phrase {
        let next = text[h.end..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // `React or other JS frameworks`, `Spring or similar`: one of a kind the line names.
        let or_other = {
            let rest = crate::text::lower(text[h.end..].trim_start());
            [
                "or other",
                "or similar",
                "or equivalent",
                "or another",
                "or comparable",
            ]
            .iter()
            .any(|p| rest.starts_with(p))
        };
        if (next.is_empty() || FUNCTION_WORDS.contains(&next.as_str())) && !or_other {
            return false;
        }
    }
    let capitalised = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_ascii_uppercase())
    };
    let prev_word = before.rsplit(|c: char| !c.is_alphanumeric()).next();
    let next_word = text[h.end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next();
    let next_is_glued =
        text[h.end..].starts_with(' ') || text[h.end..].starts_with(char::is_alphanumeric);
    // The word before is capitalised only because it starts the sentence (`Strong Python`)?
    let prev_starts_sentence = prev_word.is_some_and(|w| {
        let rest = before[..before.len() - w.len()].trim_end();
        rest.is_empty() || rest.ends_with(['.', '!', '?', ':', ';', '-', '*', '•', '(', '"'])
    });
    // A capitalised neighbour that is itself a skill (`AWS Lambda`) makes no phrase.
    let prev_is_hit = i > 0 && text[hits[i - 1].end..h.start].trim().is_empty();
    let in_phrase = !sentence_start
        && !prev_starts_sentence
        && !prev_is_hit
        && capitalised(prev_word)
        && before.ends_with(char::is_alphanumeric)
        || (capitalised(next_word)
            && next_is_glued
            && !hits
                .get(i + 1)
                .is_some_and(|n| text[h.end..n.start].trim().is_empty()));
    !in_phrase
}

/// Words after which a sentence-initial common word is a verb or an ordinary noun.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "to", "ahead", "back", "through", "for", "with", "on", "in", "into", "over",
    "out", "up", "down", "and", "or", "is", "are", "was", "were", "has", "have", "had", "will",
    "can", "may", "sure", "it", "this", "that", "of", "at", "by", "from", "as", "if", "so", "not",
    "all", "away", "off", "home", "there", "here", "me", "you", "we", "our", "your", "my", "his",
    "her", "their", "them", "us", "him", "no",
];

/// Most words of the line start with a capital (a heading or title): casing says nothing.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    // The first word is capitalised in any sentence (`Proficiency writing Go or Python.` is no
    // title), and an acronym in any line (`Built Spark jobs on AWS EMR.`): only the other words
    // say how the line is cased.
    let rest: Vec<&str> = words
        .get(1..)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|w| w.len() < 2 || w.chars().any(|c| c.is_ascii_lowercase()))
        .collect();
    let caps = rest
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    words.len() >= 4 && caps * 10 >= rest.len() * 6
}

/// Is the text between two hits only a list separator (`, `, ` / `, ` and `, ` and/or `, `、`,
/// `と`)?
fn is_enumeration_gap(gap: &str) -> bool {
    let t = gap.trim();
    if t.is_empty() {
        return false;
    }
    let t = t.trim_matches(|c: char| {
        matches!(
            c,
            ',' | '/' | '、' | '・' | '&' | '+' | '|' | '(' | ')' | '（' | '）' | '，'
        )
    });
    let t = t.trim();
    t.is_empty()
        || matches!(
            t,
            "and" | "or" | "and/or" | "or/and" | "as well as" | "と" | "や" | "及び" | "および"
        )
}

#[cfg(test)]
mod tests {

    /// `capitalised_words` is `ascii_words` keeping the words with a capital, on every string
    /// of up to five characters from an alphabet of each kind of byte.
    #[test]
    fn capitalised_words_are_the_ascii_words_with_a_capital() {
        let alphabet = ['a', 'Z', '1', '_', '.', ' ', 'é', '日'];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 30_000);
        for t in &texts {
            let want: Vec<(usize, usize)> = crate::text::ascii_words(t, b"")
                .filter(|&(s, e)| t.as_bytes()[s..e].iter().any(u8::is_ascii_uppercase))
                .collect();
            let got: Vec<(usize, usize)> = super::capitalised_words(t.as_bytes()).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }
    use crate::taxonomy::Taxonomy;
    use crate::text::nfkc;

    fn names(t: &Taxonomy, text: &str) -> Vec<String> {
        t.find(&nfkc(text))
            .into_iter()
            .map(|h| t.skill(h.skill).name.clone())
            .collect()
    }

    fn has(t: &Taxonomy, text: &str, skill: &str) -> bool {
        let id = t.resolve(skill).expect(skill);
        t.find(&nfkc(text)).iter().any(|h| h.skill == id)
    }

    #[test]
    fn case_sensitive_names_in_lower_case_count_only_as_list_items() {
        let t = Taxonomy::builtin().unwrap();
        assert!(has(&t, "apache/nginx/memcached/varnish, etc", "Varnish"));
        assert!(has(&t, "ansible, chef or similar tools", "Chef"));
        assert!(has(&t, "例: Haskell, LISP, Scala等", "Common Lisp"));
        // Prose, a list of folded words only, the start of a longer name.
        assert!(!has(&t, "the old varnish on the stage floor", "Varnish"));
        assert!(!has(&t, "the chef and the varnish", "Chef"));
        assert!(!has(&t, "nginx/varnish cache warmers", "Varnish"));
        // Mixed case that is not the taxonomy's is not folded.
        assert!(!has(&t, "Docker, ChEf", "Chef"));
    }

    #[test]
    fn word_boundaries_in_mixed_text() {
        let t = Taxonomy::builtin().unwrap();
        assert!(has(&t, "Go のリバースプロキシサーバー", "Go"));
        assert!(has(&t, "初めての実務でJavaを使用して", "Java"));
        assert!(has(&t, "Go言語でAPIを実装", "Go"));
        assert!(has(
            &t,
            "RDS の監査ログを取得して S3 に保存する Go プログラム",
            "Go"
        ));
        assert!(!has(&t, "Argo Workflows を最新バージョンに", "Go"));
        assert!(!has(&t, "Google Cloud を利用", "Go"));
        assert!(!has(&t, "Google Play で配信", "Go"));
        assert!(!has(&t, "Django と MongoDB", "Go"));
        assert!(!has(&t, "JavaScript と TypeScript", "Java"));
        assert!(has(&t, "JavaScript と TypeScript", "JavaScript"));
        assert!(!has(&t, "ready to go", "Go"));
        assert!(!has(&t, "R&D", "R"));
        assert!(has(&t, "C++ and C#", "C++"));
        assert!(!has(&t, "C++ and C#", "C"));
        assert!(has(&t, "CentOS7 撤退", "CentOS"));
        assert!(has(&t, "ＡＷＳ のコスト削減", "AWS"));
    }

    #[test]
    fn longest_alias_wins() {
        let t = Taxonomy::builtin().unwrap();
        assert_eq!(names(&t, "Ruby on Rails の改修"), vec!["Ruby on Rails"]);
        assert_eq!(names(&t, "Argo CD のサイドカー"), vec!["Argo CD"]);
        assert!(has(&t, "AWS EKS クラスタ", "EKS"));
        assert!(has(&t, "k8s勉強会", "Kubernetes"));
    }

    #[test]
    fn fuzzy_typos_but_not_short_names() {
        let t = Taxonomy::builtin().unwrap();
        let hits = t.find(&nfkc("CloudFront + S3、Auora MySQL、ECS on Fargate"));
        let aurora = t.resolve("Aurora").unwrap();
        let h = hits
            .iter()
            .find(|h| h.skill == aurora)
            .expect("Auora → Aurora");
        assert_eq!(h.kind, super::MatchKind::Fuzzy);
        assert!(h.similarity > 0.8 && h.similarity < 1.0);
        assert!(has(&t, "Ubunntu 移行", "Ubuntu"));
        assert!(has(&t, "NIGNX Ingress Controller", "NGINX"));
        assert!(has(&t, "Kubernets cluster", "Kubernetes"));
        assert!(has(&t, "Terrafrom modules", "Terraform"));
        assert!(has(&t, "Promethues alerts", "Prometheus"));
        assert!(!has(&t, "Ga and Gp", "Go"));
        assert!(names(&t, "CloudNative Days Tokyo 2023")
            .iter()
            .all(|n| n != "Tokio"));
        assert!(names(&t, "the admin Console").iter().all(|n| n != "Consul"));
    }
}

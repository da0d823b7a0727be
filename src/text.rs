//! Small text utilities shared by every parser: Unicode normalisation and byte-offset → line
//! lookup.
//!
//! Takes raw document text; gives NFKC-normalised strings (full-width `ＡＷＳ` → `AWS`, `（` →
//! `(`) and 1-based line numbers for byte offsets. Guarantees: never panics on any input.

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// NFKC-normalise `s` (the form every matcher and the period parser work on).
pub fn nfkc(s: &str) -> String {
    nfkc_cow(s).into_owned()
}

/// [`nfkc`], borrowing `s` when it is in NFKC already (most lines).
pub fn nfkc_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    // One pass over the characters NFKC leaves alone; the first other one decides.
    let first = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii() || is_nfkc_starter(c)));
    let Some((at, c)) = first else {
        return std::borrow::Cow::Borrowed(s);
    };
    if maps_by_itself(c) {
        if let Some(rest) = nfkc_by_char(&s[at..]) {
            return std::borrow::Cow::Owned([&s[..at], rest.as_str()].concat());
        }
    }
    // (`c` is neither kept nor mapped by itself, so `nfkc_by_char` would give up.)
    if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.nfkc().collect())
}

/// A character [`nfkc_by_char`] maps that NFKC does not leave alone: the full-width forms of
/// ASCII and the ideographic space.
fn maps_by_itself(c: char) -> bool {
    matches!(c, '\u{ff01}'..='\u{ff5e}' | '\u{3000}')
}

/// NFKC of a line made only of ASCII, [`is_nfkc_starter`] characters, the full-width forms of
/// ASCII (U+FF01..U+FF5E) and the ideographic space: each of those maps on its own to one
/// character that composes with none of its neighbours (a test checks them against
/// `unicode-normalization`), which is most Japanese lines with `（` or `：` in them.
fn nfkc_by_char(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{ff01}'..='\u{ff5e}' => out.push(char::from((c as u32 - 0xff01 + 0x21) as u8)),
            '\u{3000}' => out.push(' '),
            c if c.is_ascii() || is_nfkc_starter(c) => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

/// Characters NFKC leaves alone whatever stands around them (quick check `Yes`, combining
/// class 0; checked by a test over the whole ranges): kana, kanji, Japanese punctuation. A
/// range test instead of the quick check's table lookups for most Japanese lines.
fn is_nfkc_starter(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3029}' // Japanese punctuation and brackets (not U+3000, a space)
        | '\u{3041}'..='\u{3096}' // hiragana
        | '\u{309d}'..='\u{309e}'
        | '\u{30a1}'..='\u{30fe}' // katakana
        | '\u{4e00}'..='\u{9fff}' // CJK ideographs
    )
}

/// `s.to_lowercase()`, without Unicode case tables for ASCII and for the scripts that have no
/// case (kana, kanji, CJK and general punctuation, box drawing, shapes), which is what
/// Japanese postings are made of. Any other non-ASCII character takes `str::to_lowercase`
/// for the whole string (so `Σ` keeps its word-final rule).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_caseless(c) {
            out.push(c);
        } else {
            return s.to_lowercase();
        }
    }
    out
}

/// Characters that `to_lowercase` maps to themselves, in blocks where every character does
/// (checked by a test over the whole ranges).
fn is_caseless(c: char) -> bool {
    matches!(c,
        '\u{2000}'..='\u{206f}' // general punctuation
        | '\u{2190}'..='\u{21ff}' // arrows
        | '\u{2500}'..='\u{27bf}' // box drawing, blocks, shapes, symbols, dingbats
        | '\u{3000}'..='\u{30ff}' // CJK punctuation, hiragana, katakana
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' // CJK ideographs
        | '\u{ff01}'..='\u{ff20}' // full-width punctuation and digits
        | '\u{ff3b}'..='\u{ffef}' // full-width lower case, half-width kana and forms
    )
}

/// Maps byte offsets of a document to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Byte ranges of the runs of ASCII letters and digits in `text`; bytes in `inner` may also
/// continue a run once it has started (`.`, `+`, `#` for names such as `Vue.js`, `C++`, `C#`).
pub fn ascii_words<'a>(
    text: &'a str,
    inner: &'a [u8],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || inner.contains(&bytes[i])) {
            i += 1;
        }
        Some((start, i))
    })
}

/// Collapse runs of whitespace into one space and trim.
pub fn squash_ws(s: &str) -> String {
    squash_ws_cow(s).into_owned()
}

/// [`squash_ws`], borrowing `s` when it is already squashed (most lines are).
pub fn squash_ws_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_squashed(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(squash_ws_slow(s))
    }
}

/// [`squash_ws`] of a string of one's own, kept when it is already squashed.
pub fn squash_ws_owned(s: String) -> String {
    if is_squashed(&s) {
        s
    } else {
        squash_ws_slow(&s)
    }
}

fn squash_ws_slow(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Is `s` already as [`squash_ws`] leaves it (single ASCII spaces between words, none at the
/// ends)? A few vectorised passes over the bytes (most lines are).
fn is_squashed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // No control white space (`\t` to `\r`) and no two spaces in a row, in one pass without
    // a branch per byte (the compiler vectorises it; most lines pass).
    let control = |c: u8| c.wrapping_sub(b'\t') < 5;
    let bad = b.iter().zip(b.iter().skip(1)).fold(false, |any, (&x, &y)| {
        any | control(x) | ((x == b' ') & (y == b' '))
    });
    if bad || b.last().is_some_and(|&c| control(c)) {
        return false;
    }
    s.is_ascii() || !has_unicode_space(b)
}

/// Does UTF-8 `b` hold a white space character beyond ASCII (`char::is_whitespace`: U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000)? By their bytes: a
/// Japanese line is mostly `E3` lead bytes, which only U+3000 shares.
fn has_unicode_space(b: &[u8]) -> bool {
    // U+3000 is `E3 80 80`; the triples are compared without a branch per byte.
    let ideographic = b
        .iter()
        .zip(b.iter().skip(1))
        .zip(b.iter().skip(2))
        .fold(false, |any, ((&x, &y), &z)| {
            any | ((x == 0xE3) & (y == 0x80) & (z == 0x80))
        });
    if ideographic {
        return true;
    }
    memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b).any(|i| {
        matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (0xC2, Some(0x85 | 0xA0), _)
                | (0xE1, Some(0x9A), Some(0x80))
                | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                | (0xE2, Some(0x81), Some(0x9F))
        )
    })
}

/// Cut `s` to at most `max` characters, adding `…` when cut.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Does lowercase `haystack` contain `word` as a word? An ASCII word must not touch an ASCII
/// letter or digit on either side (`lead` is not in `leader`); a Japanese word is a substring.
pub fn contains_word(haystack: &str, word: &str) -> bool {
    let (h, w) = (haystack.as_bytes(), word.as_bytes());
    let Some(&first) = w.first() else {
        return contains_word_slow(haystack, word);
    };
    // A byte search: no searcher built per word (this runs for every label word on every
    // short line). UTF-8 matches of a whole needle fall on character boundaries.
    let is_ascii = word.is_ascii();
    let mut i = 0;
    while i + w.len() <= h.len() {
        match h[i..=h.len() - w.len()].iter().position(|&b| b == first) {
            None => return false,
            Some(k) => i += k,
        }
        if &h[i..i + w.len()] != w {
            i += 1;
            continue;
        }
        if !is_ascii {
            return true;
        }
        let before = i.checked_sub(1).map(|j| h[j]);
        let after = h.get(i + w.len()).copied();
        if !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric())
        {
            return true;
        }
        // `match_indices` semantics: the next match starts after this one.
        i += w.len();
    }
    false
}

/// Groups of words looked for together with [`contains_word`]'s rules: one automaton pass over
/// the haystack says which groups have a word in it (instead of one search per word).
pub struct WordSet {
    automaton: Option<daachorse::DoubleArrayAhoCorasick<u32>>,
    /// Per distinct word: its length, whether it is ASCII, and the groups it belongs to (bits).
    words: Vec<(usize, bool, u32)>,
    /// Groups with an empty word in them (matched by the slow path).
    empty: Vec<(usize, &'static str)>,
}

impl WordSet {
    /// `groups[g]` are the words of group `g` (at most 32 groups).
    pub fn new(groups: &[&[&'static str]]) -> Self {
        assert!(groups.len() <= 32);
        let mut distinct: Vec<&'static str> = Vec::new();
        let mut words: Vec<(usize, bool, u32)> = Vec::new();
        let mut empty = Vec::new();
        for (g, list) in groups.iter().enumerate() {
            for &w in *list {
                if w.is_empty() {
                    empty.push((g, w));
                    continue;
                }
                match distinct.iter().position(|d| *d == w) {
                    Some(k) => words[k].2 |= 1 << g,
                    None => {
                        distinct.push(w);
                        words.push((w.len(), w.is_ascii(), 1 << g));
                    }
                }
            }
        }
        let automaton = daachorse::DoubleArrayAhoCorasick::with_values(
            distinct
                .iter()
                .enumerate()
                .map(|(k, w)| (w.as_bytes(), k as u32)),
        )
        .ok();
        assert!(automaton.is_some() || distinct.is_empty());
        WordSet {
            automaton,
            words,
            empty,
        }
    }

    /// Bit `g` is set when some word of group `g` is in `haystack` by [`contains_word`].
    pub fn groups(&self, haystack: &str) -> u32 {
        let mut found = 0;
        for &(g, w) in &self.empty {
            if contains_word_slow(haystack, w) {
                found |= 1 << g;
            }
        }
        let Some(ac) = &self.automaton else {
            return found;
        };
        let h = haystack.as_bytes();
        // Where each word's next `match_indices` match may start (they do not overlap), and
        // the words already found.
        let mut next: Vec<(u32, usize)> = Vec::new();
        let mut done: u64 = 0;
        let mut done_more: Vec<u32> = Vec::new();
        for m in ac.find_overlapping_iter(h) {
            let k = m.value();
            let (len, is_ascii, groups) = self.words[k as usize];
            let is_done = if k < 64 {
                done & (1 << k) != 0
            } else {
                done_more.contains(&k)
            };
            if is_done || groups & !found == 0 {
                continue;
            }
            let (start, end) = (m.start(), m.end());
            debug_assert_eq!(end - start, len);
            match next.iter_mut().find(|(w, _)| *w == k) {
                Some((_, from)) if start < *from => continue,
                Some((_, from)) => *from = end,
                None => next.push((k, end)),
            }
            let valid = !is_ascii || {
                let before = start.checked_sub(1).map(|j| h[j]);
                let after = h.get(end).copied();
                !before.is_some_and(|b| b.is_ascii_alphanumeric())
                    && !after.is_some_and(|b| b.is_ascii_alphanumeric())
            };
            if valid {
                found |= groups;
                if k < 64 {
                    done |= 1 << k;
                } else {
                    done_more.push(k);
                }
            }
        }
        found
    }
}

/// Lists of lower-case words looked for as `lower(text).contains(word)` would, without
/// lower-casing `text`: one ASCII-case-insensitive automaton pass says which lists have a word
/// in `text`. Exact because lower-casing maps only ASCII letters, `K` (U+212A KELVIN SIGN) and
/// `İ` (U+0130) to ASCII (a test checks every character), and the words' other characters are
/// caseless ones no other character lower-cases to; text holding U+212A or U+0130 (and word
/// lists that break those rules) take the lower-casing path.
pub struct Cues {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Per pattern: the bit of its list.
    bits: Vec<u32>,
    lists: Vec<&'static [&'static str]>,
}

impl Cues {
    /// `lists[g]` are the words of list `g` (at most 32 lists).
    pub fn new(lists: &[&'static [&'static str]]) -> Self {
        let lists: Vec<&'static [&'static str]> = lists.iter().take(32).copied().collect();
        let patterns: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        let bits = lists
            .iter()
            .enumerate()
            .flat_map(|(g, l)| std::iter::repeat_n(1u32 << g, l.len()))
            .collect();
        let exact = patterns
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(is_cue_char));
        let automaton = exact
            .then(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Cues {
            automaton,
            bits,
            lists,
        }
    }

    /// Bit `g` is set when `lower(text)` contains a word of list `g`.
    pub fn groups(&self, text: &str) -> u32 {
        let all = (1u64 << self.lists.len()).wrapping_sub(1) as u32;
        match &self.automaton {
            Some(ac) if !lowers_to_ascii(text) => {
                let mut found = 0;
                for m in ac.find_overlapping_iter(text) {
                    found |= self.bits[m.pattern().as_usize()];
                    if found == all {
                        break;
                    }
                }
                found
            }
            _ => {
                let l = lower(text);
                let mut found = 0;
                for (g, list) in self.lists.iter().enumerate() {
                    if list.iter().any(|w| l.contains(w)) {
                        found |= 1 << g;
                    }
                }
                found
            }
        }
    }

    /// Does `lower(text)` contain a word of any list?
    pub fn any(&self, text: &str) -> bool {
        match &self.automaton {
            Some(ac) if !lowers_to_ascii(text) => ac.is_match(text),
            _ => self.groups(text) != 0,
        }
    }
}

/// Does `text` hold `K` (U+212A KELVIN SIGN, `E2 84 AA`) or `İ` (U+0130, `C4 B0`), the two
/// characters outside ASCII that lower-case to ASCII? By their lead bytes (`E2` starts
/// punctuation too, `C4` Latin letters: both rare in the text searched).
pub fn lowers_to_ascii(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xC4, b).any(|i| {
        let rest = &b[i..];
        rest.starts_with("\u{212a}".as_bytes()) || rest.starts_with("\u{130}".as_bytes())
    })
}

/// A character a [`Cues`] word may hold: lower-case ASCII, or a caseless character that no
/// other character lower-cases to (not the full-width lower-case letters).
fn is_cue_char(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    is_caseless(c) && !('\u{ff41}'..='\u{ff5a}').contains(&c)
}

/// [`contains_word`] by `str` searching (the empty word).
fn contains_word_slow(haystack: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return haystack.contains(word);
    }
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ascii_letters_kelvin_and_dotted_i_lower_case_to_ascii() {
        // What makes `Cues` exact: no other character's lower case holds ASCII, and no
        // character but itself lower-cases to a character a cue word may hold.
        for c in (0u32..=0x10ffff).filter_map(char::from_u32) {
            let l: String = c.to_lowercase().collect();
            if !c.is_ascii() && l.chars().any(|d| d.is_ascii()) {
                assert!(matches!(c, '\u{212a}' | '\u{130}'), "{c:?} -> {l:?}");
            }
            if l.chars().any(|d| !d.is_ascii() && is_cue_char(d)) {
                assert_eq!(l, c.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn cues_find_what_lower_casing_and_contains_find() {
        static A: &[&str] = &["looking for", "you have", "経験"];
        static B: &[&str] = &[" with ", "上記"];
        let cues = Cues::new(&[A, B]);
        assert!(cues.automaton.is_some());
        for text in [
            "We are LOOKING For someone With Go",
            "上記の経験",
            "You Have",
            "\u{212a}ubernetes you have",
            "nothing here",
            "lookİng for",
            "İ with you have",
            "",
            "ΣΑΣ with",
        ] {
            let l = lower(text);
            let want = u32::from(A.iter().any(|w| l.contains(w)))
                | (u32::from(B.iter().any(|w| l.contains(w))) << 1);
            assert_eq!(cues.groups(text), want, "{text:?}");
            assert_eq!(cues.any(text), want != 0, "{text:?}");
        }
        // Words that are not lower case cannot be matched without lower-casing.
        static UPPER: &[&str] = &["Go"];
        let upper = Cues::new(&[UPPER]);
        assert!(upper.automaton.is_none());
        assert_eq!(upper.groups("go Go"), 0);
    }

    #[test]
    fn nfkc_by_char_is_nfkc() {
        let class: Vec<char> = (0x20u32..0x7f)
            .chain(0xff01..=0xff5e)
            .chain([0x3000])
            .chain(
                (0x3001..=0x3029)
                    .chain(0x3041..=0x3096)
                    .chain(0x309d..=0x309e),
            )
            .chain((0x30a1..=0x30fe).chain((0x4e00..=0x9fff).step_by(7)))
            .filter_map(char::from_u32)
            .collect();
        // Every character alone, and every pair of a sample, against the real thing.
        for &c in &class {
            let t = c.to_string();
            assert_eq!(
                nfkc_by_char(&t),
                Some(t.nfkc().collect::<String>()),
                "{c:?}"
            );
        }
        for &a in class.iter().step_by(13) {
            for &b in class.iter().step_by(11) {
                let t: String = [a, b].iter().collect();
                assert_eq!(
                    nfkc_by_char(&t),
                    Some(t.nfkc().collect::<String>()),
                    "{t:?}"
                );
            }
        }
        assert_eq!(nfkc_by_char("ｶﾞ"), None);
        assert_eq!(nfkc("（株）ＡＷＳ　経験：３年"), "(株)AWS 経験:3年");
    }

    #[test]
    fn lowers_to_ascii_is_by_characters() {
        for c in (0u32..=0x10ffff).filter_map(char::from_u32) {
            let t = format!("a{c}");
            assert_eq!(
                lowers_to_ascii(&t),
                t.contains(['\u{212a}', '\u{130}']),
                "{c:?}"
            );
        }
    }

    #[test]
    fn nfkc_cow_is_nfkc() {
        for t in [
            "",
            "Go and AWS",
            "Kubernetes の運用経験",
            "（株）ＡＷＳ　経験：３年",
            "経験：ｶﾞ３年",
            "Ａ\u{301}",
            "cafe\u{301}",
            "Ⅻ 年",
            "経験３年以上、Ｇｏ",
            "①Python",
            "\u{3000}",
        ] {
            assert_eq!(nfkc_cow(t), t.nfkc().collect::<String>(), "{t:?}");
        }
    }

    #[test]
    fn nfkc_folds_full_width() {
        assert_eq!(nfkc("ＡＷＳ（２０２０）"), "AWS(2020)");
    }

    #[test]
    fn line_index_is_one_based() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(6), 4);
    }

    #[test]
    fn ascii_words_in_mixed_text() {
        let t = "Go と Vue.js、C++";
        let words: Vec<&str> = ascii_words(t, b".+").map(|(a, b)| &t[a..b]).collect();
        assert_eq!(words, vec!["Go", "Vue.js", "C++"]);
        let words: Vec<&str> = ascii_words(t, b"").map(|(a, b)| &t[a..b]).collect();
        assert_eq!(words, vec!["Go", "Vue", "js", "C"]);
    }

    #[test]
    fn lower_is_to_lowercase() {
        for c in ('\u{80}'..='\u{ffff}').filter(|&c| is_caseless(c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?} has a lower case");
        }
        for t in [
            "",
            "Go と AWS（ＡＷＳ）",
            "ΟΔΟΣ Σ",
            "Ⓐ ẞ İstanbul",
            "必須スキル：Kubernetes ■★",
        ] {
            assert_eq!(lower(t), t.to_lowercase(), "{t}");
        }
    }

    #[test]
    fn nfkc_starters_are_stable() {
        use unicode_normalization::char::canonical_combining_class;
        for c in ('\u{80}'..='\u{ffff}').filter(|&c| is_nfkc_starter(c)) {
            assert_eq!(is_nfkc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
    }

    #[test]
    fn nfkc_skips_normalised_text() {
        for t in [
            "ＡＷＳ（２０２０）",
            "ｶﾀｶﾅ と ㈱",
            "Go言語で開発",
            "e\u{301}",
            "①",
            "か\u{3099}",
            "「…」",
        ] {
            assert_eq!(nfkc(t), t.nfkc().collect::<String>(), "{t}");
        }
    }

    #[test]
    fn contains_word_as_before() {
        let cases = [
            ("leader", "lead"),
            ("team lead", "lead"),
            ("lead-engineer", "lead"),
            ("aaa", "aa"),
            ("a aa", "aa"),
            ("必須スキル", "必須"),
            ("歓迎", "必須"),
            ("x", ""),
            ("", "a"),
            ("go言語", "go"),
            ("nice to have:", "nice to have"),
            ("stack", "stack"),
            ("stacks stack", "stack"),
        ];
        for (h, w) in cases {
            assert_eq!(contains_word(h, w), contains_word_slow(h, w), "{h:?} {w:?}");
        }
    }

    #[test]
    fn word_set_is_contains_word() {
        let groups: [&[&str]; 3] = [
            &["lead", "x-x", "必須", "nice to have"],
            &["aa", "stack", "lead"],
            &["go", "歓迎", ""],
        ];
        let set = WordSet::new(&groups);
        for h in [
            "leader",
            "team lead",
            "ax-x-x",
            "x-x",
            "aaa",
            "a aa",
            "必須スキル",
            "歓迎",
            "go言語",
            "nice to have: go",
            "stacks stack",
            "",
            "lead-engineer aa",
        ] {
            let want = groups.iter().enumerate().fold(0, |acc, (g, ws)| {
                if ws.iter().any(|w| contains_word_slow(h, w)) {
                    acc | 1 << g
                } else {
                    acc
                }
            });
            assert_eq!(set.groups(h), want, "{h:?}");
        }
    }

    #[test]
    fn squash_ws_of_squashed_text_is_itself() {
        for t in [
            "Go と AWS",
            " Go",
            "Go ",
            "Go  と",
            "Go\u{3000}と",
            "Go\tと",
            "必須:\u{a0}Go",
            "a\u{2028}b",
            "",
            "ＡＷＳ 経験",
        ] {
            let slow = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_ws(t), slow, "{t:?}");
            assert_eq!(is_squashed(t), slow == t, "{t:?}");
        }
        // Every character, between words and at the ends.
        for c in (0u32..=0x10ffff).filter_map(char::from_u32) {
            for t in [format!("a{c}b"), format!("{c}a"), format!("a {c}")] {
                let slow = t.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(is_squashed(&t), slow == t, "{c:?}");
            }
        }
    }

    #[test]
    fn ellipsize_counts_chars() {
        assert_eq!(ellipsize("株式会社アソビュー", 5), "株式会社…");
        assert_eq!(ellipsize("abc", 5), "abc");
    }
}

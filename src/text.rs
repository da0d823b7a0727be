//! Small text utilities shared by every parser: Unicode normalisation and byte-offset → line
//! lookup.
//!
//! Takes raw document text; gives NFKC-normalised strings (full-width `ＡＷＳ` → `AWS`, `（` →
//! `(`) and 1-based line numbers for byte offsets. Guarantees: never panics on any input.

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalise `s` (the form every matcher and the period parser work on).
pub fn nfkc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    s.nfkc().collect()
}

/// Maps byte offsets of a document to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
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
    if is_squashed(s) {
        return s.to_owned();
    }
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
/// ends)? A cheap byte scan for ASCII text.
fn is_squashed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &c in b {
        if !c.is_ascii() || (c.is_ascii_whitespace() && (c != b' ' || prev_space)) {
            return false;
        }
        prev_space = c == b' ';
    }
    true
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
    fn ellipsize_counts_chars() {
        assert_eq!(ellipsize("株式会社アソビュー", 5), "株式会社…");
        assert_eq!(ellipsize("abc", 5), "abc");
    }
}

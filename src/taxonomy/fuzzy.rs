//! Fuzzy recognition of misspelt skill names, and "did you mean" suggestions.
//!
//! The only file that calls `strsim`. Takes leftover tokens (words the exact automaton did not
//! match); gives the skill a token is a typo of, with its similarity. Guarantees: short names
//! (fewer than [`MIN_FUZZY_LEN`] characters: Go, R, C, Vue, Java…) and case-sensitive skills
//! (ordinary English words such as Consul or Spring) are never matched fuzzily, and each
//! distinct token is looked up once per run (a cache shared across threads).

use std::sync::RwLock;

use super::{FastMap, Skill, SkillId};

/// Tokens and aliases shorter than this are never matched fuzzily: at 4 letters one edit
/// already turns real words into skills (`Java`/`Lava`, `Rust`/`Bust`).
pub const MIN_FUZZY_LEN: usize = 5;

/// From this length two edits are allowed (`Kuberntes`-style double slips in long names).
const LONG_TOKEN_LEN: usize = 10;

/// Ordinary words within one edit of a skill name; never treated as typos.
const STOPWORDS: &[&str] = &[
    "scalar", "console", "consoles", "reacts", "reactor", "member", "members", "embers", "rusty",
    "nodes", "shells", "sparks", "sparky", "flasks", "vaults", "oracles", "chefs", "puppets",
    "salts", "docket", "dockers", "linus", "lambdas", "jasmin", "helmet", "helmets", "graphs",
    "kotlins",
];

/// Lower-case English words of five letters or more, sorted, one per line
/// (npm `an-array-of-english-words`, MIT; written by scripts/taxonomy/import.sh).
const DICTIONARY: &str = include_str!("english_words.txt");

/// Is `word` (lower-case ASCII) an English dictionary word? Binary search over the embedded
/// sorted list: nothing is built at start-up.
pub fn is_dictionary_word(word: &str) -> bool {
    let b = DICTIONARY.as_bytes();
    let w = word.as_bytes();
    // Invariant: `lo` is the start of a line, `hi` the start of a line or the end.
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = b[lo..mid]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = b[start..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| start + i);
        match b[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Similarity of two strings in 0..=1 (normalised Damerau–Levenshtein).
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(a, b)
}

/// Up to `n` candidates close to `query` (Jaro–Winkler ≥ 0.8 on lowercase), best first.
pub fn suggest<'a>(
    query: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<String> {
    let q = query.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| (strsim::jaro_winkler(&q, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(c)) {
            out.push(c.to_owned());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// Is `token` one typo away from `alias` (both lowercase ASCII)?
///
/// Accepted: one inserted or dropped letter (`Auora`, `Ubunntu`), one swap of neighbours
/// (`NIGNX`, `Terrafrom`), and from [`LONG_TOKEN_LEN`] letters up to two edits of any kind.
/// Rejected: substitutions in shorter words (they are other words: `Tokyo`/`Tokio`,
/// `Systems`/`systemd`), prefixes and inflections (`Build`/`buildx`, `Reacts`/`React`), and
/// differences in digits only (`Cloud`/`Cloud9`).
fn is_typo_of(token: &str, alias: &str) -> bool {
    let (t, a) = (token.len(), alias.len());
    if token == alias || t.abs_diff(a) > 2 {
        return false;
    }
    if token.starts_with(alias) || alias.starts_with(token) {
        return false;
    }
    fn letters(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes().filter(|b| !b.is_ascii_digit())
    }
    if letters(token).eq(letters(alias)) {
        return false;
    }
    let most = if t.max(a) >= LONG_TOKEN_LEN { 2 } else { 1 };
    if token.is_ascii() && alias.is_ascii() && bytes_moved(token, alias) > 2 * most {
        return false;
    }
    let d = strsim::osa_distance(token, alias);
    if t.max(a) >= LONG_TOKEN_LEN {
        return d <= 2;
    }
    if d != 1 {
        return false;
    }
    if t == a {
        // One edit at equal length is a substitution or an adjacent swap: only the swap.
        let mut x: Vec<u8> = token.bytes().collect();
        let mut y: Vec<u8> = alias.bytes().collect();
        x.sort_unstable();
        y.sort_unstable();
        return x == y;
    }
    true
}

/// How many bytes the two strings do not share (as multisets). For ASCII (a byte is a
/// character) each edit of the optimal string alignment distance changes it by at most two,
/// so the distance is at least half of it: a cheap bound that spares most candidates the full
/// distance.
fn bytes_moved(x: &str, y: &str) -> usize {
    let mut count = [0i16; 256];
    for b in x.bytes() {
        count[usize::from(b)] += 1;
    }
    for b in y.bytes() {
        count[usize::from(b)] -= 1;
    }
    // Only the bytes of the two strings can be non-zero: each is read once and cleared
    // (summing all 256 counters cost more than the rest of the typo test).
    let mut moved = 0;
    for b in x.bytes().chain(y.bytes()) {
        let c = &mut count[usize::from(b)];
        moved += c.unsigned_abs() as usize;
        *c = 0;
    }
    moved
}

struct Candidate {
    alias: String,
    skill: SkillId,
}

/// Candidates grouped by first letter, with a shared per-token cache.
pub struct FuzzyIndex {
    by_first: FastMap<u8, Vec<Candidate>>,
    cache: RwLock<FastMap<String, Option<(SkillId, f64)>>>,
}

impl FuzzyIndex {
    pub fn new(skills: &[Skill]) -> Self {
        let mut by_first: FastMap<u8, Vec<Candidate>> = FastMap::default();
        for (i, s) in skills.iter().enumerate() {
            // Typos are looked for among the curated skills only: the imported thousands are
            // rare names whose near neighbours are other words.
            if s.is_case_sensitive || !s.sources.iter().any(|x| x == "curated" || x == "user") {
                continue;
            }
            for alias in std::iter::once(&s.name).chain(&s.aliases) {
                let lower = crate::text::nfkc(alias).to_lowercase();
                if lower.len() < MIN_FUZZY_LEN
                    || !lower.bytes().all(|b| b.is_ascii_alphanumeric())
                    || !lower.bytes().any(|b| b.is_ascii_alphabetic())
                {
                    continue;
                }
                by_first
                    .entry(lower.as_bytes()[0])
                    .or_default()
                    .push(Candidate {
                        alias: lower,
                        skill: super::SkillId(i as u32),
                    });
            }
        }
        FuzzyIndex {
            by_first,
            cache: RwLock::new(FastMap::default()),
        }
    }

    /// The skill `token` (ASCII letters/digits) is a typo of, with similarity.
    pub fn lookup(&self, token: &str) -> Option<(SkillId, f64)> {
        if token.len() < MIN_FUZZY_LEN {
            return None;
        }
        let lower = token.to_ascii_lowercase();
        if let Ok(cache) = self.cache.read() {
            if let Some(hit) = cache.get(&lower) {
                return *hit;
            }
        }
        let result = self.compute(&lower);
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(lower, result);
        }
        result
    }

    fn compute(&self, lower: &str) -> Option<(SkillId, f64)> {
        // A real word is that word, not a typo of a skill (`monitoring` is not `Mentoring`).
        if STOPWORDS.contains(&lower) || is_dictionary_word(lower) {
            return None;
        }
        let first = *lower.as_bytes().first()?;
        let mut best: Option<(SkillId, f64, &str)> = None;
        for c in self.by_first.get(&first)? {
            if c.alias.len().abs_diff(lower.len()) > 2 || !is_typo_of(lower, &c.alias) {
                continue;
            }
            let sim = similarity(lower, &c.alias);
            let better = match best {
                None => true,
                Some((_, s, a)) => sim > s || (sim == s && c.alias.as_str() < a),
            };
            if better {
                best = Some((c.skill, sim, &c.alias));
            }
        }
        best.map(|(s, sim, _)| (s, sim))
    }
}

/// A name reduced to its letters and digits, lower-case (`Google Tagmanager`, `Pub/Sub`,
/// `rest-api` → `googletagmanager`, `pubsub`, `restapi`): spellings that differ only in spaces,
/// punctuation or case have one compact form.
pub fn compact(s: &str) -> String {
    crate::text::nfkc(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Compact forms shorter than this are never resolved as variants (`C#`, `C++` and `C` share
/// the compact form `c`).
const MIN_VARIANT_LEN: usize = 4;

/// A one-edit typo is only trusted from this length in a listed entry: shorter unknown names
/// one edit from a known one are often other products (`Preact`/`React`).
const MIN_LISTED_TYPO_LEN: usize = 7;

/// Spelling variants of the catalogue's names, for entries a person lists in a skill section
/// that the exact automaton did not find (`Postgressql`, `Jypyter`, `Google Tagmanager`,
/// `Windows Form`). Built on first use: most documents list nothing unknown.
pub struct Variants {
    /// Compact form → the one skill that has it (`None`: two skills share it).
    compact: FastMap<String, Option<SkillId>>,
    /// ASCII compact forms of names and aliases by first letter, for typo search (a slip
    /// keeps the first letter: see [`is_listed_typo`]).
    ascii: FastMap<u8, Vec<(String, SkillId)>>,
}

impl Variants {
    pub fn new(skills: &[Skill]) -> Self {
        let mut compact: FastMap<String, Option<SkillId>> = FastMap::default();
        let mut ascii: FastMap<u8, Vec<(String, SkillId)>> = FastMap::default();
        for (i, s) in skills.iter().enumerate() {
            let id = SkillId(i as u32);
            for alias in std::iter::once(&s.name).chain(&s.aliases) {
                let c = self::compact(alias);
                if c.chars().count() < MIN_VARIANT_LEN {
                    continue;
                }
                let slot = compact.entry(c.clone()).or_insert(Some(id));
                if *slot != Some(id) {
                    *slot = None;
                }
                if c.is_ascii() && c.len() >= MIN_LISTED_TYPO_LEN - 2 {
                    ascii.entry(c.as_bytes()[0]).or_default().push((c, id));
                }
            }
        }
        for list in ascii.values_mut() {
            list.sort();
            list.dedup();
        }
        Variants { compact, ascii }
    }

    /// The skill a listed entry is a spelling variant of: the same letters and digits
    /// (`rest-api`), a plural or singular of them (`Windows Form`), or a typo of a long
    /// name that is not itself an English word (`Postgressql`, `Googe BigQuery`).
    pub fn resolve(&self, term: &str) -> Option<(SkillId, f64)> {
        let c = compact(term);
        if c.chars().count() < MIN_VARIANT_LEN {
            return None;
        }
        let exact = |k: &str| self.compact.get(k).copied().flatten();
        if let Some(id) = exact(&c) {
            return Some((id, 1.0));
        }
        let plural = match c.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= MIN_VARIANT_LEN => exact(stem),
            _ => exact(&format!("{c}s")),
        };
        if let Some(id) = plural {
            return Some((id, similarity(&c, &format!("{c}s"))));
        }
        // A typo needs a misspelt word: an entry made only of English words and known names
        // (`Django Test Framework`, `FileManager`) is another name, not a slip.
        // (The word list starts at five letters: shorter words are never taken as the slip.)
        let misspelt = words(term).any(|w| {
            w.len() >= MIN_FUZZY_LEN
                && !is_dictionary_word(&w)
                && !STOPWORDS.contains(&w.as_str())
                && !self.compact.contains_key(&w)
        });
        if !c.is_ascii() || c.len() < MIN_LISTED_TYPO_LEN || !misspelt {
            return None;
        }
        let mut best: Option<(SkillId, f64)> = None;
        let mut tied = false;
        let first = c.as_bytes()[0];
        for (alias, id) in self.ascii.get(&first).into_iter().flatten() {
            if alias.len().abs_diff(c.len()) > 2 || !is_listed_typo(&c, alias) {
                continue;
            }
            let sim = similarity(&c, alias);
            match best {
                Some((b, s)) if sim < s || (sim == s && b == *id) => {}
                Some((b, s)) if sim == s && b != *id => tied = true,
                _ => {
                    best = Some((*id, sim));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied)
    }
}

/// The lower-case words of `s`, split at spaces, punctuation and camel case (`FileManager` →
/// `file`, `manager`).
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in s.chars() {
        if (!ch.is_alphanumeric() || (ch.is_uppercase() && prev_lower)) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
}

/// [`is_typo_of`] for an entry of a skill list, where the context already says "a skill":
/// one substitution is also a typo (`Jypyter`), not only an insertion, deletion or swap.
fn is_listed_typo(token: &str, alias: &str) -> bool {
    // Slips rarely hit the first letter; another first letter is another name
    // (`GStream`/`xstream`).
    if token.as_bytes().first() != alias.as_bytes().first() {
        return false;
    }
    if is_typo_of(token, alias) {
        return true;
    }
    token.len() == alias.len()
        && !token.starts_with(alias)
        && token
            .bytes()
            .zip(alias.bytes())
            .filter(|(a, b)| a != b)
            .count()
            == 1
        && token
            .bytes()
            .zip(alias.bytes())
            .all(|(a, b)| a == b || (a.is_ascii_alphabetic() && b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_moved_is_at_most_twice_the_distance() {
        let words = [
            "aurora",
            "auora",
            "terraform",
            "terrafrom",
            "nginx",
            "nignx",
            "kubernetes",
            "kubernets",
            "ubuntu",
            "ubunntu",
            "go",
            "argo",
            "java",
            "javascript",
            "mentoring",
            "monitoring",
            "tokio",
            "tokyo",
            "",
            "ab",
            "ba",
            "abc",
            "cab",
            "c++",
            "c#",
            "f#",
        ];
        for x in words {
            for y in words {
                assert!(
                    bytes_moved(x, y) <= 2 * strsim::osa_distance(x, y),
                    "{x} {y}"
                );
                // The multiset difference, counted the slow way.
                let mut rest: Vec<u8> = y.bytes().collect();
                let mut moved = 0;
                for b in x.bytes() {
                    match rest.iter().position(|&r| r == b) {
                        Some(i) => {
                            rest.swap_remove(i);
                        }
                        None => moved += 1,
                    }
                }
                assert_eq!(bytes_moved(x, y), moved + rest.len(), "{x} {y}");
            }
        }
    }

    #[test]
    fn typo_rules() {
        assert!(is_typo_of("auora", "aurora"));
        assert!(is_typo_of("nignx", "nginx"));
        assert!(is_typo_of("ubunntu", "ubuntu"));
        assert!(is_typo_of("kubernets", "kubernetes"));
        assert!(is_typo_of("terrafrom", "terraform"));
        assert!(is_typo_of("promethues", "prometheus"));
        assert!(
            !is_typo_of("tokyo", "tokio"),
            "short substitution is another word"
        );
        assert!(!is_typo_of("docket", "docker"));
        assert!(!is_typo_of("nginx", "nginx"));
        assert!(!is_typo_of("cloud", "cloud9"), "digits are not typos");
        assert!(!is_typo_of("build", "buildx"), "prefixes are other words");
        assert!(!is_typo_of("systems", "systemd"));
        assert!(is_typo_of("kubernetas", "kubernetes"));
    }

    #[test]
    fn dictionary_words_are_found_by_binary_search() {
        for w in [
            "monitoring",
            "security",
            "testing",
            "aardvark",
            "zymurgy",
            "abandon",
        ] {
            assert!(is_dictionary_word(w), "{w}");
        }
        for w in [
            "kubernets",
            "auora",
            "terrafrom",
            "promethues",
            "zzzzzz",
            "",
            "a",
        ] {
            assert!(!is_dictionary_word(w), "{w}");
        }
        // Every listed word is found (the search never skips a line).
        for w in DICTIONARY.lines().step_by(997) {
            assert!(is_dictionary_word(w), "{w}");
        }
    }

    #[test]
    fn suggestions_are_ranked() {
        let s = suggest(
            "kubernets",
            ["Kubernetes", "Kustomize", "Go"].into_iter(),
            2,
        );
        assert_eq!(s[0], "Kubernetes");
        assert!(!s.contains(&"Go".to_owned()));
    }
}

//! Names the taxonomy does not know, found where a posting enumerates technologies.
//!
//! Takes one NFKC-normalised line and the known names found in it; gives the unknown names that
//! stand as members of the same enumeration (`AWS (Lambda, RDS, Cloudcache, others)`,
//! `Android / iPhone のどれか`, `GraphQL, graphql-ruby a huge plus`), each with the known name
//! next to it, whose level and any-of group it shares. A listed name must never vanish because
//! the taxonomy does not know it; a word of the sentence around a list must never become one,
//! so a name that is also an English word (`Relay`, `Closure`) is not taken: next to known
//! names such words are as often concepts (`DevOps and Automation`, `Routing, Switching`).
//! Guarantees: linear in the line; a member of an enumeration never overlaps a known name (a
//! package name contains the one it is built on, `graphql-ruby`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::taxonomy::{is_dictionary_word, Hit, Taxonomy};

/// An unknown name of an enumeration.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Byte range in the line.
    pub span: Range<usize>,
    /// Index (into the line's hits) of the known name it stands next to.
    pub neighbour: usize,
}

/// Words that end an enumeration without naming anything (`Lambda, RDS, others`).
const FILLERS: &[&str] = &[
    "others",
    "other",
    "etc",
    "similar",
    "equivalent",
    "more",
    "the like",
    "and more",
    "alike",
];

/// Level words written after the last member (`graphql-ruby a huge plus`, `Closure等`).
const TAILS: &[&str] = &[
    " a huge plus",
    " a big plus",
    " a plus",
    " is a plus",
    " nice to have",
    " preferred",
    " required",
    " experience",
    " skills",
    "等",
    "など",
];

const SEPARATOR_WORDS: [&str; 6] = [" or ", " and ", " and/or ", "もしくは", "または", "及び"];

/// The enumerations' separators (a byte range each).
fn separators(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, c) in line.char_indices() {
        if matches!(
            c,
            ',' | '、' | '/' | '／' | ';' | '|' | '(' | ')' | '（' | '）' | '&' | '，' | '・'
        ) {
            out.push(i..i + c.len_utf8());
        }
    }
    // Each word's matches as `find` gives them one after another (no two of one word overlap;
    // no two words start at one place), in ASCII case.
    static WORDS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SEPARATOR_WORDS)
            .ok()
    });
    match &*WORDS {
        Some(ac) => {
            let mut next = [0usize; SEPARATOR_WORDS.len()];
            for m in ac.find_overlapping_iter(line) {
                let k = m.pattern().as_usize();
                if m.start() >= next[k] {
                    out.push(m.start()..m.end());
                    next[k] = m.end();
                }
            }
        }
        None => {
            let lower = line.to_ascii_lowercase();
            for w in SEPARATOR_WORDS {
                let mut from = 0;
                while let Some(at) = lower.get(from..).and_then(|s| s.find(w)) {
                    let s = from + at;
                    out.push(s..s + w.len());
                    from = s + w.len();
                }
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// An English word (or a short function word: the word list starts at five letters).
fn is_plain(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    l.len() < 5 || is_dictionary_word(&l)
}

/// Words written in capitals that are words, not acronyms (`AND`, `ETC`).
const CAPITAL_WORDS: &[&str] = &[
    "AND", "OR", "THE", "FOR", "WITH", "NOT", "ALL", "ANY", "OUR", "YOU", "ETC", "PLUS", "MUST",
    "NICE", "HAVE", "TO", "OF", "IN", "ON", "AT", "BY", "AS", "IS", "IT", "BE", "WE", "AN", "NEW",
    "OTHER", "MORE", "SUCH", "ALSO", "BOTH", "EACH",
];

/// A word written like a name: digits (`ES2016`), an inner capital (`ESNext`, `iPhone`), an
/// acronym (`SPI`, `DDR`: three to six capitals), or a package's punctuation with a part that is
/// no English word (`graphql-ruby`, `knex.js`; not `server-side`, `intermediate-level`).
fn is_marked(w: &str) -> bool {
    let b = w.as_bytes();
    let acronym = (3..=6).contains(&b.len())
        && b.iter().all(u8::is_ascii_uppercase)
        && !CAPITAL_WORDS.contains(&w);
    acronym
        || w.bytes().any(|c| c.is_ascii_digit())
        || b.windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        || (w.contains(['-', '.', '+', '#'])
            && w.split(['-', '.', '+', '#'])
                .any(|p| p.len() >= 3 && !is_plain(p)))
}

/// The product name in `item` (`ES2016` in `Excellent ES2016`, `graphql-ruby`, `iPhone`,
/// `Cloudcache`), as a byte range of it.
fn name_in(item: &str) -> Option<Range<usize>> {
    if !item
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '+' | '#'))
    {
        return None;
    }
    // Words of the sentence before the name (`Excellent ES2016`, `Experience with Zorb`).
    let mut words: Vec<(usize, &str)> = item
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    while words.len() > 1 && !is_marked(words[0].1) && is_plain(words[0].1) {
        words.remove(0);
    }
    let (first, last) = (words.first()?, words.last()?);
    let range = first.0..last.0 + last.1.len();
    let name = &item[range.clone()];
    let n = name.chars().count();
    if !(2..=30).contains(&n)
        || words.len() > 3
        || !name.starts_with(|c: char| c.is_ascii_alphanumeric())
        || !name.chars().any(|c| c.is_ascii_alphabetic())
        || FILLERS.contains(&name.to_ascii_lowercase().as_str())
    {
        return None;
    }
    if words.iter().all(|(_, w)| is_marked(w)) {
        return Some(range);
    }
    // Capitalised words: a name when none is English (`Cloudcache`).
    let capitalised = words
        .iter()
        .all(|(_, w)| w.starts_with(|c: char| c.is_ascii_uppercase()) || is_marked(w));
    let english = words.iter().any(|(_, w)| !is_marked(w) && is_plain(w));
    // A capitalised English word between known names (`GraphQL, Relay or Apollo`) is as
    // often a concept (`DevOps and Automation experience`, `Routing, Switching, CIDR,
    // Subnet`): only names that are no English word count.
    (capitalised && !english && words.len() <= 2).then_some(range)
}

/// The unknown names standing in enumerations with known names in `line` (see the module).
pub fn enumerated_terms(line: &str, hits: &[Hit], tax: &Taxonomy) -> Vec<Term> {
    if hits.is_empty() || !line.is_ascii() && !line.contains(|c: char| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let mut out = packages(line, hits, tax);
    let seps = separators(line);
    if seps.is_empty() {
        return out;
    }
    // The line cut at separators into pieces; each piece is a known name, a candidate, or text.
    let bounds = pieces(line, &seps);
    // Which hit each piece holds (a piece that overlaps a known name is that name): both are
    // in text order, so one walk.
    let mut holder: Vec<Option<usize>> = Vec::with_capacity(bounds.len());
    let mut k = 0;
    for b in &bounds {
        while k < hits.len() && hits[k].end <= b.start {
            k += 1;
        }
        holder.push((k < hits.len() && hits[k].start < b.end).then_some(k));
    }
    // Each piece's member of the enumeration: a known name (its hit) or a name found next to
    // one, reached from a known name over names only (`SPI, I2C, PCIe, DDR等`: SPI stands
    // next to I2C, which stands next to PCIe). `member[i]` is the known name it reaches.
    let mut member = holder.clone();
    let mut found: Vec<Option<Range<usize>>> = vec![None; bounds.len()];
    // A word followed by a known name in parentheses is the kind of thing it names (`VCS
    // (git)`, `NoSQL (MongoDB)`), not a name of its own.
    let kind_of_next = |i: usize| {
        holder.get(i + 1).copied().flatten().is_some()
            && seps
                .iter()
                .find(|s| s.start >= bounds[i].end)
                .is_some_and(|s| matches!(&line[s.clone()], "(" | "（"))
    };
    let mut take = |i: usize, neighbour: usize, after_name: bool, member: &mut [Option<usize>]| {
        if kind_of_next(i) {
            return None;
        }
        let span = trimmed(line, bounds[i].clone(), after_name, !after_name)?;
        let r = name_in(&line[span.clone()])?;
        found[i] = Some(span.start + r.start..span.start + r.end);
        member[i] = Some(neighbour);
        Some(())
    };
    for i in 1..bounds.len() {
        if member[i].is_none() {
            if let Some(n) = member[i - 1] {
                take(i, n, true, &mut member);
            }
        }
    }
    for i in (0..bounds.len().saturating_sub(1)).rev() {
        if member[i].is_none() {
            if let Some(n) = member[i + 1] {
                take(i, n, false, &mut member);
            }
        }
    }
    for (i, span) in found.into_iter().enumerate() {
        if let (Some(span), Some(neighbour)) = (span, member[i]) {
            out.push(Term { span, neighbour });
        }
    }
    out
}

/// The pieces of `line` between its separators `seps` (in text order; overlapping ones skipped).
fn pieces(line: &str, seps: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut bounds = Vec::with_capacity(seps.len() + 1);
    let mut start = 0;
    for s in seps {
        if s.start >= start {
            bounds.push(start..s.start);
            start = s.end;
        }
    }
    bounds.push(start..line.len());
    bounds
}

/// The shortest run of names that makes a list on its own, without a known name in it.
const MIN_BARE_RUN: usize = 3;

/// Names in a list that holds no known name (`Synplify, Vivado, Quartusなどの使用経験`): at least
/// three names written one after another, joined by list separators only (`,`, `、`, `/`, `or`,
/// `and`). The first may follow words of another script (`経験：Synplify`), the last may run on
/// into them (`Quartusなど`); the ones between are names and nothing else.
pub fn bare_enumeration(line: &str) -> Vec<Range<usize>> {
    if !line.contains(|c: char| c.is_ascii_uppercase()) {
        return Vec::new();
    }
    let seps: Vec<Range<usize>> = separators(line)
        .into_iter()
        .filter(|s| !matches!(&line[s.clone()], "(" | ")" | "（" | "）" | "|" | ";" | "&"))
        .collect();
    if seps.len() + 1 < MIN_BARE_RUN {
        return Vec::new();
    }
    let bounds = pieces(line, &seps);
    let name = |r: Range<usize>, after: bool, before: bool| {
        let span = trimmed(line, r, after, before)?;
        let n = name_in(&line[span.clone()])?;
        Some(span.start + n.start..span.start + n.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bounds.len() {
        let Some(first) = name(bounds[i].clone(), false, true) else {
            i += 1;
            continue;
        };
        let mut run = vec![first];
        let mut j = i + 1;
        while j < bounds.len() {
            let piece = &line[bounds[j].clone()];
            let Some(next) = name(bounds[j].clone(), true, false) else {
                break;
            };
            run.push(next);
            j += 1;
            // A piece that runs on into other words ends the list.
            if !piece.is_ascii() {
                break;
            }
        }
        if run.len() >= MIN_BARE_RUN {
            out.extend(run);
        }
        i = j.max(i + 1);
    }
    out
}

/// The longest package name looked for, in bytes on each side of the known name.
const MAX_PACKAGE: usize = 64;

/// Package names built on a known name (`graphql-ruby`, `kafka-python`, `react-zorb`): the
/// hyphenated word around a name glued to another word by `-` is a name of its own, unless
/// the other words are English (`HIPAA-compliant`, `cloud-native`) and no skill's name.
fn packages(line: &str, hits: &[Hit], tax: &Taxonomy) -> Vec<Term> {
    let b = line.as_bytes();
    let is_part = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_');
    let mut out: Vec<Term> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let glued_after =
            b.get(h.end) == Some(&b'-') && b.get(h.end + 1).is_some_and(u8::is_ascii_alphanumeric);
        let glued_before =
            h.start >= 2 && b[h.start - 1] == b'-' && b[h.start - 2].is_ascii_alphanumeric();
        if !(glued_after || glued_before) {
            continue;
        }
        // A package name is short: never look further than that (a megabyte of hyphenated
        // names stays linear).
        let mut s = h.start;
        while s > 0 && h.start - s < MAX_PACKAGE && is_part(b[s - 1]) {
            s -= 1;
        }
        let mut e = h.end;
        while e < b.len() && e - h.end < MAX_PACKAGE && is_part(b[e]) {
            e += 1;
        }
        if !line.is_char_boundary(s) || !line.is_char_boundary(e) {
            continue;
        }
        let word = line[s..e].trim_matches(['-', '.', '_']);
        let s = s + line[s..e].find(word).unwrap_or(0);
        let span = s..s + word.len();
        // Another known name spanning it (`Spring-Boot` as a spelling of Spring Boot) is no
        // package; neither is a compound of English words (`client-side`).
        let known = hits
            .iter()
            .any(|o| o.start <= span.start && span.end <= o.end);
        let name = &line[h.start..h.end];
        let adjective = word
            .split('-')
            .filter(|p| !p.eq_ignore_ascii_case(name))
            .all(|p| p.len() >= 5 && is_plain(p) && tax.resolve(p).is_none());
        if known || adjective || !is_marked(word) || out.last().is_some_and(|t| t.span == span) {
            continue;
        }
        out.push(Term { span, neighbour: i });
    }
    out
}

/// The name inside a piece: spaces, bullets and level words off its ends; where text in
/// another script runs on (`iPhone のどれかでの開発経験`), the ASCII run at the side that
/// touches the enumeration.
fn trimmed(
    line: &str,
    r: Range<usize>,
    after_name: bool,
    before_name: bool,
) -> Option<Range<usize>> {
    let piece = &line[r.clone()];
    let mut s = r.start;
    let mut e = r.end;
    // The ASCII run next to the enumeration.
    if !piece.is_ascii() {
        if after_name {
            let cut = piece.find(|c: char| !c.is_ascii()).unwrap_or(piece.len());
            e = r.start + cut;
        } else if before_name {
            let cut = piece.rfind(|c: char| !c.is_ascii()).map_or(0, |i| {
                i + piece[i..].chars().next().map_or(1, char::len_utf8)
            });
            s = r.start + cut;
        } else {
            return None;
        }
    }
    let mut t = &line[s..e];
    loop {
        let before = t;
        t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '.' | ':'));
        for tail in TAILS {
            if let Some(x) = t.strip_suffix(tail) {
                t = x;
            }
        }
        if t == before {
            break;
        }
    }
    if t.is_empty() {
        return None;
    }
    let offset = t.as_ptr() as usize - line.as_ptr() as usize;
    Some(offset..offset + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    fn terms(line: &str) -> Vec<String> {
        let tax = Taxonomy::builtin().expect("builtin taxonomy");
        let hits = tax.find(line);
        enumerated_terms(line, &hits, &tax)
            .into_iter()
            .map(|t| line[t.span].to_owned())
            .collect()
    }

    #[test]
    fn a_list_of_unknown_names_is_a_list() {
        let bare = |line: &str| -> Vec<String> {
            bare_enumeration(line)
                .into_iter()
                .map(|r| line[r].to_owned())
                .collect()
        };
        assert_eq!(
            bare("Zorbify, Quillado, Marquetteなどの開発環境の使用経験"),
            ["Zorbify", "Quillado", "Marquette"]
        );
        assert_eq!(
            bare("経験：Zorbify / Quillado / Marquette"),
            ["Zorbify", "Quillado", "Marquette"]
        );
        // Two names are not yet a list; English words and sentences are none.
        assert!(bare("Zorbify, Quillado などの経験").is_empty());
        assert!(bare("Communication, Leadership, Ownership").is_empty());
        assert!(bare("We value Curiosity, Kindness, and Focus in everything we do.").is_empty());
    }

    #[test]
    fn unknown_members_of_enumerations_are_terms() {
        assert_eq!(
            terms("2+ years working with AWS (Lambda, RDS, Terraform/Cloudformation, Zorbcache, others)"),
            ["Zorbcache"]
        );
        assert_eq!(terms("例: Haskell, LISP, Zorblang等"), ["Zorblang"]);
        assert_eq!(terms("Android / iPhone のどれかでの開発経験"), ["iPhone"]);
        assert_eq!(
            terms("Excellent ES2016/ESNext, HTML & CSS skills"),
            ["ES2016"]
        );
        assert_eq!(terms("GraphQL, graphql-zorb a huge plus"), ["graphql-zorb"]);
        assert_eq!(
            terms("kafka-python or confluent-kafka"),
            ["kafka-python", "confluent-kafka"]
        );
    }

    #[test]
    fn words_around_a_list_are_not_terms() {
        for line in [
            "Experience with Python and Django",
            "You will work with Kubernetes and Terraform, and own the pipeline",
            "Go or Rust, or similar",
            "AWS, GCP, or Azure experience",
            "Kubernetes の運用経験",
            "We deploy with Ansible and Good Judgement",
            "Python, Django, and Experience with AWS",
            "Write intermediate-level or better Java/Go programs",
            "A passion for JavaScript, handling both server-side and client-side work",
            "Routing, Switching, CIDR",
            "GraphQL, Relay もしくは Apollo a huge plus",
            "DevOps and Automation experience; Python experience",
            "Experience with VCS (git)",
            "Experience with HIPAA-compliant systems and cloud-native Kubernetes",
        ] {
            assert_eq!(terms(line), Vec::<String>::new(), "{line}");
        }
    }
}

//! Levels said by the writing of a line rather than by a section label.
//!
//! Takes one normalised posting line; gives, for any position in it, the level its own words
//! give: a clause that ends in `is a plus` / `歓迎` / `必須`, a sentence that opens with a
//! requirement lead-in (`Our dream candidate has …`, `We are looking for someone with …`,
//! `…の経験をお持ちの方`) or a stack lead-in (`We use …`, `…を採用しています`), an item worded
//! as an ask (`5+ years working with …`, `Experience with …`, `…の開発経験`). It also finds the
//! category words of a line that names its examples (`IaC: Terraform`, `NoSQL databases such
//! as MongoDB`, `構成管理ツール(Ansible, Chef等)`): the examples are the skills, the category
//! is not. Rules are by wording, never by a posting's exact text; all functions are total.

use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

use super::extract::Level;
use crate::taxonomy::{Hit, Taxonomy};
use crate::text::{lower, Cues};

/// Byte ranges of the sentences of `text`: split after `。！？!?`, and after `.` followed by
/// a space or the end, except in `e.g.` / `i.e.` / `etc.` / `vs.`.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // By bytes: the ends are ASCII signs or three-byte characters (`。` E3 80 82, `！` EF BC 81,
    // `？` EF BC 9F), found by their lead bytes without decoding the text.
    for (i, &c) in b.iter().enumerate() {
        let end = match c {
            b'!' | b'?' => i + 1,
            b'.' => {
                let next_is_space = text[i + 1..].chars().next().is_none_or(char::is_whitespace);
                // `text[..i]` ends with the abbreviation in any ASCII case (no lower-cased copy
                // of the whole prefix per full stop).
                let before = &b[..i];
                let abbreviation = ["e.g", "i.e", "etc", "vs", "approx", "incl"]
                    .iter()
                    .any(|a| {
                        before.len() >= a.len()
                            && before[before.len() - a.len()..].eq_ignore_ascii_case(a.as_bytes())
                    });
                if !next_is_space || abbreviation {
                    continue;
                }
                i + 1
            }
            0xE3 if b[i + 1..].starts_with(&[0x80, 0x82]) => i + 3,
            0xEF if b[i + 1..].starts_with(&[0xBC, 0x81])
                || b[i + 1..].starts_with(&[0xBC, 0x9F]) =>
            {
                i + 3
            }
            _ => continue,
        };
        out.push((start, end));
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// Byte ranges of the clauses of the sentence `range` of `text` (split after `;` / `；`).
/// [`Prose::clause_at`] finds one of them; this lists them (for its test).
#[cfg(test)]
fn clauses(text: &str, (from, to): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, c) in text[from..to].char_indices() {
        if matches!(c, ';' | '；') {
            let end = from + i + c.len_utf8();
            out.push((start, end));
            start = end;
        }
    }
    out.push((start, to));
    out
}

/// The end of a clause: the cue words are short, so only the last 48 bytes are looked at
/// (this runs for every clause of every posting). Compared without regard to ASCII case,
/// which is what lower-casing it would give unless it holds one of the two characters that
/// lower-case to ASCII from outside it (`K` U+212A, `İ` U+0130; see `text::Cues`): that tail
/// is lower-cased.
fn tail(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text
        .trim()
        .trim_end_matches(['.', '。', '!', '！', ')', '）', ' ', ';', '；', ',']);
    let mut start = t.len().saturating_sub(48);
    while !t.is_char_boundary(start) {
        start += 1;
    }
    let t = &t[start..];
    if !crate::text::lowers_to_ascii(t) {
        std::borrow::Cow::Borrowed(t)
    } else {
        std::borrow::Cow::Owned(lower(t))
    }
}

/// Does `l` end with the lower-case `w` (in any ASCII case), as a word when `w` is ASCII?
fn ends_with_word(l: &str, w: &str) -> bool {
    let (lb, wb) = (l.as_bytes(), w.as_bytes());
    let Some(at) = lb.len().checked_sub(wb.len()) else {
        return false;
    };
    // The last bytes first: most words end differently from the clause.
    if let (Some(a), Some(b)) = (lb.last(), wb.last()) {
        if !a.eq_ignore_ascii_case(b) {
            return false;
        }
    }
    if !lb[at..].eq_ignore_ascii_case(wb) {
        return false;
    }
    // `at` starts a character: the first byte of `w` (ASCII or a lead byte) matched there.
    !w.is_ascii()
        || l.get(..at).is_some_and(|rest| {
            rest.chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
}

/// A clause that says at its end that its skills are a plus: `GraphQL, Relay, or Apollo a huge
/// plus`, `… is a plus`, `Go経験者歓迎`, `AWS あれば尚可`, `flask nice to have`.
fn preferred_tail(l: &str) -> bool {
    [
        "a plus",
        "huge plus",
        "is a plus",
        "a bonus",
        "nice to have",
        "nice-to-have",
        "not required",
        "not essential",
        "preferred",
        "歓迎",
        "歓迎します",
        "尚可",
        "優遇",
        "優遇します",
        "プラス",
        "プラスです",
    ]
    .iter()
    .any(|w| ends_with_word(l, w))
}

/// `in depth knowledge on kubernetes (k8s certification is a plus)`, `…運用経験がある。（Rails,
/// Reactでの開発経験はプラス）`: an aside in parentheses at the end of a clause that says its
/// own content is a plus. Its byte range in `text`, parentheses included.
fn plus_aside(text: &str) -> Option<(usize, usize)> {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。'));
    if !t.ends_with([')', '）']) {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    // (`tail` drops the closing parenthesis.)
                    let inner = &t[i + c.len_utf8()..];
                    return preferred_tail(&tail(inner)).then_some((i, t.len()));
                }
            }
            _ => {}
        }
    }
    None
}

/// A clause that says at its end that its skills are asked for: `Python での開発経験あり`,
/// `AWS の実務経験がある方`, `Go経験者`, `Django required`.
fn required_tail(l: &str) -> bool {
    [
        "経験あり",
        "経験がある方",
        "経験のある方",
        "経験をお持ちの方",
        "経験者",
        "必須",
        "required",
        "is essential",
        "a must",
        "is mandatory",
    ]
    .iter()
    .any(|w| ends_with_word(l, w))
}

/// Openings that make a sentence's skills a plus whatever list it stands in: `Bonus for
/// familiarity with running PostgreSQL on Windows`, `Extra points for Rust`, `Ideally, some
/// Terraform`.
const PREFERRED_OPENINGS: &[&str] = &[
    "bonus for",
    "bonus if",
    "bonus points for",
    "bonus points if",
    "extra points for",
    "extra points if",
    "brownie points for",
    "a plus if",
    "ideally",
    "preferably",
];

/// The level a sentence's opening gives it ([`PREFERRED_OPENINGS`]), after any list marker.
pub fn opening_level(sentence: &str) -> Option<Level> {
    let t = sentence.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '*' | '+' | '•' | '・' | '>')
    });
    PREFERRED_OPENINGS
        .iter()
        .any(|w| {
            t.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w))
                && !t[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .then_some(Level::Preferred)
}

/// The level a clause's own ending gives it.
pub fn trailing_level(text: &str) -> Option<Level> {
    let l = tail(text);
    if preferred_tail(&l) {
        Some(Level::Preferred)
    } else {
        required_tail(&l).then_some(Level::Required)
    }
}

/// `looking for`, what makes it an ask ([`Prose::lead_in_of`]), [`REQUIRED_CUES`],
/// [`STACK_CUES`]: one pass over a sentence.
static LEAD_INS: LazyLock<Cues> = LazyLock::new(|| {
    Cues::new(&[
        &["looking for"],
        &[" with ", " who ", "experience", "experienced", "skilled"],
        REQUIRED_CUES,
        STACK_CUES,
    ])
});

/// Lead-ins that make a sentence an ask, wherever they stand in it.
const REQUIRED_CUES: &[&str] = &[
    "dream candidate",
    "ideal candidate",
    "successful candidate",
    "candidate has",
    "candidates have",
    "candidate should",
    "candidates should",
    "person should have",
    "you should have",
    "you must have",
    "you must be",
    "you have",
    "you'll have",
    "you will have",
    "you'll need",
    "you will need",
    "you need",
    "you bring",
    "we expect",
    "we require",
    "must have",
    "should have experience",
    "experienced with",
    "experienced in",
    "proficient in",
    "proficiency in",
    "strong knowledge of",
    "solid understanding of",
    "expertise in",
    "経験をお持ちの方",
    "経験のある方",
    "経験がある方",
    "経験が必須",
    "スキルをお持ちの方",
    "知識をお持ちの方",
    "できる方",
    "求めています",
    // `Python(scikit-learn等)を使って…を開発できるエンジニアを募集しています`
    "できるエンジニア",
    "経験のあるエンジニア",
    "経験があるエンジニア",
];

/// Lead-ins that make a sentence describe the environment (`stack`).
const STACK_CUES: &[&str] = &[
    "we use ",
    "we're using",
    "we are using",
    "we work with",
    "we build with",
    "we rely on",
    "our stack",
    "our tech stack",
    "our current stack",
    "built with",
    "built on",
    "runs on",
    "are written in",
    "is written in",
    "technologies we use",
    "を使用しています",
    "を使用しており",
    "を採用しています",
    "を採用しており",
    "を利用しています",
    "を利用しており",
    "を使っています",
    "で開発しています",
    "で構築しています",
    "使用状況",
];

/// A byte range of a line (a sentence or clause).
type Span = (usize, usize);

/// The level the wording of one line gives each position in it.
///
/// The lower-cased text and the sentences are worked out on first use (many lines need
/// neither).
pub struct Prose<'a> {
    text: &'a str,
    lower: OnceCell<String>,
    sentences: OnceCell<Vec<(usize, usize)>>,
    /// [`Prose::ending`] by clause (every name of a clause asks the same, often twice).
    endings: RefCell<Vec<(Span, Option<Level>)>>,
    /// [`Prose::lead_in`] and [`Prose::sentence_asks`] by sentence.
    leads: RefCell<Vec<(Span, Option<Level>)>>,
    asks: RefCell<Vec<(Span, bool)>>,
    /// [`Prose::not_an_ask`] by sentence: (not an ask, talks of communicating).
    not_asks: RefCell<Vec<(Span, (bool, bool))>>,
    /// The clauses of the last sentence asked about (a line with thousands of names in one
    /// sentence asks thousands of times: listing them once keeps that linear).
    clauses: RefCell<Option<(Span, Vec<Span>)>>,
}

impl<'a> Prose<'a> {
    pub fn new(text: &'a str) -> Self {
        Prose {
            text,
            lower: OnceCell::new(),
            sentences: OnceCell::new(),
            endings: RefCell::new(Vec::new()),
            leads: RefCell::new(Vec::new()),
            asks: RefCell::new(Vec::new()),
            not_asks: RefCell::new(Vec::new()),
            clauses: RefCell::new(None),
        }
    }

    /// The text read.
    pub fn text(&self) -> &'a str {
        self.text
    }

    fn sentences(&self) -> &[(usize, usize)] {
        self.sentences.get_or_init(|| sentences(self.text))
    }

    fn sentence_at(&self, pos: usize) -> (usize, usize) {
        let sentences = self.sentences();
        sentences
            .iter()
            .copied()
            .find(|&(s, e)| s <= pos && pos < e)
            .or_else(|| sentences.last().copied())
            .unwrap_or((0, self.text.len()))
    }

    /// The text of the sentence around `pos`.
    pub fn sentence(&self, pos: usize) -> &'a str {
        let (s, e) = self.sentence_at(pos);
        self.text.get(s..e).unwrap_or(self.text)
    }

    /// The text of the clause around `pos` (a sentence split at `;`).
    pub fn clause(&self, pos: usize) -> &'a str {
        let (s, e) = self.clause_at(pos);
        self.text.get(s..e).unwrap_or(self.text)
    }

    /// The clause of [`clauses`] that holds `pos` (found without listing them all).
    fn clause_at(&self, pos: usize) -> (usize, usize) {
        let (from, to) = self.sentence_at(pos);
        let mut cache = self.clauses.borrow_mut();
        if cache.as_ref().is_none_or(|(s, _)| *s != (from, to)) {
            // Each `;` ends a clause; the rest of the sentence is the last one.
            // `;`, or `；` (EF BC 9B): found by their bytes.
            let mut list = Vec::new();
            let mut start = from;
            let b = &self.text.as_bytes()[from..to];
            for i in memchr::memchr2_iter(b';', 0x9B, b) {
                let is_end = b[i] == b';' || (i >= 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBC);
                if is_end {
                    list.push((start, from + i + 1));
                    start = from + i + 1;
                }
            }
            if start < to {
                list.push((start, to));
            }
            *cache = Some(((from, to), list));
        }
        let list = cache.as_ref().map_or(&[][..], |(_, l)| l.as_slice());
        // Clauses are consecutive and sorted: the first that ends after `pos`.
        let i = list.partition_point(|&(_, e)| e <= pos);
        match list.get(i) {
            Some(&(s, e)) if s <= pos && pos < e => (s, e),
            _ => (from, to),
        }
    }

    /// The level the endings say at `pos`: the clause's own ending, else the sentence's
    /// (`Experience with Docker; the ability to …; and AWS is a plus.` is preferred throughout).
    pub fn ending(&self, pos: usize) -> Option<Level> {
        // The clause decides the sentence too (it lies inside it), so it is the key.
        let (s, mut e) = self.clause_at(pos);
        // A closing aside that is a plus (`(k8s certification is a plus)`) is preferred itself;
        // the rest of the clause is judged without it.
        let aside = self.text.get(s..e).and_then(plus_aside);
        if let Some((open, close)) = aside {
            if (s + open..s + close).contains(&pos) {
                return Some(Level::Preferred);
            }
            e = s + open;
        }
        if let Some(&(_, level)) = self.endings.borrow().iter().find(|(k, _)| *k == (s, e)) {
            return level;
        }
        let clause = self.text.get(s..e).unwrap_or(self.text);
        let whole = self.sentence_at(pos);
        let sentence = self.text.get(whole.0..whole.1).unwrap_or(self.text);
        let level = trailing_level(clause)
            .or_else(|| {
                // (The sentence ends with the same aside; a sentence that is the clause has
                // just been read.)
                (aside.is_none() && whole != (s, e))
                    .then(|| trailing_level(sentence))
                    .flatten()
            })
            .or_else(|| opening_level(sentence));
        self.endings.borrow_mut().push(((s, e), level));
        level
    }

    /// The level a lead-in of the sentence around `pos` gives: required, else stack.
    pub fn lead_in(&self, pos: usize) -> Option<Level> {
        let (s, e) = self.sentence_at(pos);
        let cached = self
            .leads
            .borrow()
            .iter()
            .find(|(k, _)| *k == (s, e))
            .map(|x| x.1);
        let level = cached.unwrap_or_else(|| {
            let level = self.lead_in_of(s, e);
            self.leads.borrow_mut().push(((s, e), level));
            level
        });
        if level.is_some() && self.in_purpose_clause(s, pos) {
            return None;
        }
        level
    }

    /// `We're looking for Go engineers to join us on a platform engineering programme`: what
    /// follows the purpose (`to join`, `to work on`) is the work, not the ask. Is `pos` there?
    fn in_purpose_clause(&self, s: usize, pos: usize) -> bool {
        let Some(before) = self.text.get(s..pos) else {
            return false;
        };
        if !LOOKING_FOR.any(before) {
            return false;
        }
        let before = lower(before);
        let Some(at) = before.find("looking for") else {
            return false;
        };
        PURPOSE_OPENERS.iter().any(|p| before[at..].contains(p))
    }

    /// Is the sentence around `pos` worded as an ask ([`worded_as_ask`])?
    pub fn sentence_asks(&self, pos: usize) -> bool {
        let key = self.sentence_at(pos);
        if let Some(&(_, asks)) = self.asks.borrow().iter().find(|(k, _)| *k == key) {
            return asks;
        }
        let asks = worded_as_ask(self.sentence(pos));
        self.asks.borrow_mut().push((key, asks));
        asks
    }

    fn lead_in_of(&self, s: usize, e: usize) -> Option<Level> {
        // `to_lowercase` may change byte lengths outside ASCII; fall back to the whole line.
        let all = self.lower.get_or_init(|| lower(self.text));
        let lower = if all.len() == self.text.len() {
            all.get(s..e).unwrap_or(all)
        } else {
            all
        };
        // `We're looking for someone with …` asks; `… someone to lead our DevOps` names a role.
        let g = LEAD_INS.groups(lower);
        let looking_for = g & 1 != 0 && g & 2 != 0;
        if looking_for || g & 4 != 0 {
            Some(Level::Required)
        } else if g & 8 != 0 {
            Some(Level::Stack)
        } else {
            None
        }
    }
}

/// Sentences that are not asks even under a requirement label: how to apply (`When applying,
/// include a link to your GitHub account`), and interest rather than experience (`Curiosity and
/// enthusiasm for agentic and generative AI`, `新しい技術への興味`).
const NOT_ASKS: &[&str] = &[
    "when applying",
    "to apply",
    "in your application",
    "with your application",
    "apply with",
    "curiosity",
    "enthusiasm for",
    "passion for",
    "interest in",
    "interested in",
    "excited to learn",
    "eager to learn",
    "willingness to learn",
    "willing to learn",
    "応募の際",
    "応募時",
    "ご応募の際",
    "興味がある",
    "興味のある",
    "興味をお持ち",
    "関心がある",
    "関心のある",
];

static NOT_ASK_CUES: LazyLock<Cues> = LazyLock::new(|| Cues::new(&[NOT_ASKS, COMMUNICATION]));

/// Words of talking to people: a collaboration tool named with them (`communicate clearly via
/// Slack and video meetings`) is how the team talks, not a skill asked for.
const COMMUNICATION: &[&str] = &["communicat", "コミュニケーション", "連絡", "chat with"];

impl Prose<'_> {
    /// Does the sentence around `pos` say something other than an ask of its skills
    /// ([`NOT_ASKS`])? `is_collaboration`: the name at `pos` is a collaboration tool, which a
    /// sentence about communicating names as a channel ([`COMMUNICATION`]).
    pub fn not_an_ask(&self, pos: usize, is_collaboration: bool) -> bool {
        // Both answers once per sentence (a line naming thousands of skills asks for each).
        let key = self.sentence_at(pos);
        let cached = self
            .not_asks
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|x| x.1);
        let (not_ask, talks) = cached.unwrap_or_else(|| {
            let g = NOT_ASK_CUES.groups(self.sentence(pos));
            let v = (g & 1 != 0, g & 2 != 0);
            self.not_asks.borrow_mut().push((key, v));
            v
        });
        not_ask || (is_collaboration && talks)
    }

    /// Is the sentence around `pos` a statement of the environment (`アプリケーション開発言語
    /// としてScalaを採用しております。`, `We use Go and Kubernetes.`) rather than an ask?
    pub fn states_stack(&self, pos: usize) -> bool {
        let sentence = self.sentence(pos).trim();
        let is_sentence = sentence.ends_with(['.', '。', '!', '！']);
        is_sentence && self.lead_in(pos) == Some(Level::Stack)
    }
}

/// Words after a name that make it a measure of knowledge (`CCNA〜CCNPレベルの知識`,
/// `AWS SAA level`, `基本情報技術者相当`), not the thing asked for; `LPIC レベル2` (a grade
/// of the certificate) asks for it.
const LEVEL_WORDS: &[&str] = &["レベル", "level", "相当", "程度"];

/// For each hit: is it named as a level of knowledge? (`CCNA〜CCNPレベル`: both.) Only what
/// stands between a name and the level word: other names and range marks.
pub fn named_as_level(text: &str, hits: &[Hit]) -> Vec<bool> {
    let mut out = vec![false; hits.len()];
    // From the last name back: a name followed only by range marks and the next name is named
    // as a level exactly when that next name is (one pass, however long the run of names).
    for i in (0..hits.len()).rev() {
        let rest = text.get(hits[i].end..).unwrap_or("");
        let skipped = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '〜' | '～' | '~' | '-' | '–' | '/' | '・')
        });
        let at = hits[i].end + rest.len() - skipped.len();
        out[i] = match hits.get(i + 1) {
            Some(n) if n.start == at => out[i + 1],
            _ => LEVEL_WORDS.iter().any(|w| {
                skipped
                    .get(..w.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(w))
                    && !skipped[w.len()..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
            }),
        };
    }
    out
}

/// Words that point back at what the section named before (`any of the above`, `上記`).
const BACK_REFERENCES: &[&str] = &[
    "the above",
    "above-mentioned",
    "above mentioned",
    "above cited",
    "above technologies",
    "these technologies",
    "上記",
    "前述",
];

/// Words that announce what follows (`以下の経験をお持ちの方`, `experience with the following:`).
const ANNOUNCES: &[&str] = &["下記", "以下", "次の", "following", "below"];

/// What a line that names no skill says with its words, in one pass: (it announces what follows
/// ([`ANNOUNCES`]), it points back at what came before ([`BACK_REFERENCES`])).
pub fn pointers(line: &str) -> (bool, bool) {
    static POINTERS: LazyLock<Cues> = LazyLock::new(|| Cues::new(&[ANNOUNCES, BACK_REFERENCES]));
    let g = POINTERS.groups(line);
    (g & 1 != 0, g & 2 != 0)
}

/// Does the line at `offset` in `prose`, naming no skill itself and pointing back
/// (`points_back`: [`pointers`]), ask for what came before it? `If you have strong experience in
/// any of the above cited technologies…`, `Experience with any of the above is a plus`,
/// `上記いずれかの経験をお持ちの方`. Gives the level.
pub fn back_reference(prose: &Prose, offset: usize, points_back: bool) -> Option<Level> {
    if !points_back {
        return None;
    }
    let sentence = prose.sentence(offset);
    trailing_level(sentence)
        .or_else(|| prose.lead_in(offset).filter(|l| *l == Level::Required))
        .or_else(|| worded_as_ask(sentence).then_some(Level::Required))
}

/// Is this item worded as an ask (`5+ years working with Python`, `Experience with search
/// tools such as Solr`, `Docker experience`, `Kubernetes の運用経験`, `SQL の知識`)? Used for
/// items under a section that names no level (`Responsibilities include:`, `業務内容`) or none.
pub fn worded_as_ask(text: &str) -> bool {
    static ASKS: LazyLock<Cues> = LazyLock::new(|| {
        Cues::new(&[
            &[
                "developer experience",
                "user experience",
                "customer experience",
            ],
            &[
                "experience",
                "proficien",
                "familiar with",
                "familiarity with",
                "knowledge of",
                "understanding of",
                "expertise",
                "skilled in",
                "comfortable with",
                "background in",
                "hands-on",
            ],
            &["経験", "知識", "の理解", "スキル", "使える方", "できる方"],
        ])
    });
    let g = ASKS.groups(text);
    let developer_experience = g & 1 != 0;
    (!developer_experience && g & 2 != 0)
        || g & 4 != 0
        || crate::period::find_duration_months(text).is_some()
}

/// Taxonomy categories of words that name a kind of thing (a practice, a field), not one
/// product: `IaC`, `Configuration Management`, `DNS`, imported phrases.
fn is_category_like(tax: &Taxonomy, hit: &Hit) -> bool {
    matches!(
        tax.skill(hit.skill).category.as_str(),
        "practice" | "other" | "networking" | "testing" | "observability" | "database"
    )
}

/// Class nouns that may stand between a category and its examples (`NoSQL databases such as`).
const CLASS_NOUNS: &[&str] = &[
    "databases",
    "database",
    "tools",
    "tool",
    "tooling",
    "frameworks",
    "framework",
    "systems",
    "services",
    "platforms",
    "solutions",
    "technologies",
    "ツール",
    "サービス",
    "技術",
    "製品",
];

/// Words that introduce examples right after a category (a bare parenthesis only after a
/// class noun: `構成管理ツール(Ansible)` lists examples, `CI/CD (GitLab CI)` may not).
const EXAMPLE_OPENERS: &[&str] = &[
    "such as",
    "like",
    "e.g",
    "including",
    "for example",
    "例えば",
    "例:",
];

/// For each hit of `text`, is it a category whose examples the line names? `IaC: Terraform`
/// (a category key with a value that names something), `NoSQL databases such as MongoDB`,
/// `構成管理ツール(ansible, chef等)`. A language or product before its examples stays
/// (`javascript frameworks (React, …)`, `AWS (Lambda, RDS)`, `Python: 5+ years`).
pub fn category_words(text: &str, hits: &[Hit], tax: &Taxonomy) -> Vec<bool> {
    let mut out = vec![false; hits.len()];
    for (i, h) in hits.iter().enumerate() {
        if !is_category_like(tax, h) {
            continue;
        }
        let later = hits[i + 1..].iter().any(|o| o.skill != h.skill);
        // `Category: values`: the hit is the whole key.
        let before = text[..h.start]
            .trim_start_matches(|c: char| c.is_whitespace() || "-*・•●■◆▼□◇#>【[".contains(c));
        let after = &text[h.end..];
        let key_value =
            before.trim().is_empty() && after.trim_start().starts_with([':', '：']) && {
                let value = after.trim_start()[1..].trim_start_matches(':');
                later
                    || value
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_uppercase()))
            };
        let rest = lower(after.trim_start());
        let after_noun = CLASS_NOUNS
            .iter()
            .find_map(|n| rest.strip_prefix(n))
            .map(str::trim_start);
        let paren = after_noun.is_some_and(|r| r.starts_with(['(', '（']));
        let rest = after_noun.unwrap_or(&rest);
        let examples = later && (paren || EXAMPLE_OPENERS.iter().any(|o| rest.starts_with(o)));
        // (`AWSなどの IaaS`, examples first, keeps its category: the sample postings ask for
        // `Ansible などの構成管理ツール` as configuration management.)
        out[i] = key_value || examples;
    }
    out
}

/// Words that open the purpose of a `looking for` sentence: what follows is the work.
static LOOKING_FOR: LazyLock<Cues> = LazyLock::new(|| Cues::new(&[&["looking for"]]));
const PURPOSE_OPENERS: &[&str] = &[" to join ", " to work on ", " to help us ", " to help our "];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_ends_not_abbreviations() {
        let t = "We use Go. You have Rust, e.g. tokio; Node.js is a plus! 次。";
        let parts: Vec<&str> = sentences(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            parts,
            [
                "We use Go.",
                " You have Rust, e.g. tokio; Node.js is a plus!",
                " 次。"
            ]
        );
        assert_eq!(sentences(""), [(0, 0)]);
    }

    /// The sentences by characters, as they were found before the byte scan.
    fn sentences_by_chars(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let boundary = match c {
                '。' | '！' | '？' | '!' | '?' => true,
                '.' => {
                    let next_is_space = text[end..].chars().next().is_none_or(char::is_whitespace);
                    let before = text[..i].to_ascii_lowercase();
                    let abbreviation = ["e.g", "i.e", "etc", "vs", "approx", "incl"]
                        .iter()
                        .any(|a| before.ends_with(a));
                    next_is_space && !abbreviation
                }
                _ => false,
            };
            if boundary {
                out.push((start, end));
                start = end;
            }
        }
        if start < text.len() || out.is_empty() {
            out.push((start, text.len()));
        }
        out
    }

    /// The byte scan splits every string of up to four pieces (ends, their look-alikes that
    /// share lead bytes, spaces, abbreviations) as the character walk does.
    #[test]
    fn sentences_by_bytes_are_sentences_by_characters() {
        let pieces = [
            "a", ".", "!", "?", "。", "！", "？", "、", "＃", "ｚ", " ", "\u{3000}", "\u{a0}",
            "E.G", "etc", "vs", "次", "\u{e3}", "\u{ef}",
        ];
        // Every string of exactly k pieces, k = 0..=4.
        let mut level = vec![String::new()];
        let mut texts = level.clone();
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(level.iter().cloned());
        }
        assert!(texts.len() > 100_000);
        for t in &texts {
            assert_eq!(sentences(t), sentences_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn clause_at_is_the_listed_clause() {
        for t in [
            "Go; Rust；Python. Docker; and AWS is a plus;",
            ";;",
            "",
            "経験; 歓迎。次; だ",
            "任せ；せ;せ。ｻ；",
        ] {
            let p = Prose::new(t);
            for pos in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let sentence = p.sentence_at(pos);
                let want = clauses(t, sentence)
                    .into_iter()
                    .find(|&(s, e)| s <= pos && pos < e)
                    .unwrap_or(sentence);
                assert_eq!(p.clause_at(pos), want, "{t:?} at {pos}");
            }
        }
    }

    #[test]
    fn endings_and_lead_ins() {
        let t = "Our dream candidate has Go experience; Python. Docker; and Terraform is a plus. (Django required; flask nice to have)";
        let p = Prose::new(t);
        let at = |w: &str| t.find(w).unwrap();
        assert_eq!(p.ending(at("Go")), None);
        assert_eq!(p.lead_in(at("Go")), Some(Level::Required));
        assert_eq!(p.lead_in(at("Python")), Some(Level::Required));
        assert_eq!(p.ending(at("Docker")), Some(Level::Preferred));
        assert_eq!(p.ending(at("Django")), Some(Level::Required));
        assert_eq!(p.ending(at("flask")), Some(Level::Preferred));
        let ja = Prose::new("全てのプロダクトでScalaを採用しています。Goの経験をお持ちの方");
        assert_eq!(ja.lead_in(0), Some(Level::Stack));
        assert_eq!(
            ja.lead_in("全てのプロダクトでScalaを採用しています。Go".len()),
            Some(Level::Required)
        );
    }

    #[test]
    fn names_as_levels_of_knowledge() {
        let tax = Taxonomy::builtin().expect("builtin taxonomy");
        let text = "ネットワーク: CCNA〜CCNPレベル。Routing, CIDR の経験";
        let hits = tax.find(text);
        let level = named_as_level(text, &hits);
        let named = |n: &str| {
            hits.iter()
                .zip(&level)
                .find(|(h, _)| tax.skill(h.skill).name == n)
                .map(|(_, l)| *l)
        };
        assert_eq!(named("CCNA"), Some(true));
        assert_eq!(named("CCNP"), Some(true));
        assert_eq!(named("CIDR"), Some(false));
        let text = "Kubernetes の運用レベルを上げる、Go 3年以上、LPIC レベル2 以上の資格";
        let hits = tax.find(text);
        assert!(named_as_level(text, &hits).iter().all(|l| !*l));
    }

    #[test]
    fn sentences_that_are_not_asks() {
        let not_ask = |t: &str, collab: bool| Prose::new(t).not_an_ask(0, collab);
        assert!(not_ask(
            "When applying, include a link to your GitHub profile.",
            false
        ));
        assert!(not_ask("Curiosity and enthusiasm for generative AI", false));
        assert!(not_ask("Rust に興味がある方", false));
        assert!(not_ask("Communicate clearly via Slack and Zoom", true));
        assert!(
            !not_ask("Communicate clearly via Slack and Zoom", false),
            "only the tool"
        );
        assert!(!not_ask("Experience with Slack app development", true));
        assert!(!not_ask("3+ years of Go", false));
        let stack = |t: &str| Prose::new(t).states_stack(t.find("Scala").unwrap_or(0));
        assert!(stack(
            "アプリケーション開発言語としてScalaを採用しております。"
        ));
        assert!(stack("Our services are written in Scala."));
        assert!(
            !stack("Scala を採用しているチームでの開発経験"),
            "not a sentence"
        );
    }

    #[test]
    fn asks_by_wording() {
        for t in [
            "5+ years working with Python",
            "Docker experience or equivalent",
            "Kubernetes の運用経験",
            "Familiarity with Terraform",
        ] {
            assert!(worded_as_ask(t), "{t}");
        }
        for t in [
            "Build services in Go",
            "Kubernetes クラスタの運用",
            "Improve developer experience with Backstage",
        ] {
            assert!(!worded_as_ask(t), "{t}");
        }
    }

    #[test]
    fn categories_with_examples_are_not_skills() {
        let tax = Taxonomy::builtin().unwrap();
        let check = |t: &str, dropped: &[&str], kept: &[&str]| {
            let norm = crate::text::nfkc(t);
            let hits = tax.find(&norm);
            let flags = category_words(&norm, &hits, &tax);
            for (h, f) in hits.iter().zip(&flags) {
                let name = tax.skill(h.skill).name.as_str();
                if dropped.contains(&name) {
                    assert!(f, "{t}: {name} should be a category");
                }
                if kept.contains(&name) {
                    assert!(!f, "{t}: {name} should stay");
                }
            }
            for n in dropped.iter().chain(kept) {
                assert!(
                    hits.iter().any(|h| tax.skill(h.skill).name == *n),
                    "{t}: {n} not found at all"
                );
            }
        };
        check(
            "IaC: Terraform, Ansible",
            &["IaC"],
            &["Terraform", "Ansible"],
        );
        check(
            "Experience with NoSQL databases such as MongoDB, Cassandra",
            &["NoSQL"],
            &["MongoDB"],
        );
        check(
            "構成管理ツール(Ansible, Chef等)の使用経験",
            &["Configuration Management"],
            &["Ansible"],
        );
        check("AWS (Lambda, RDS)", &[], &["AWS", "RDS"]);
        check(
            "Ansible などの構成管理ツールの利用経験",
            &[],
            &["Configuration Management", "Ansible"],
        );
        check("Python: 5+ years", &[], &["Python"]);
        check("DNS and TCP/IP fundamentals", &[], &["DNS"]);
    }

    #[test]
    fn a_closing_aside_that_is_a_plus() {
        let t = "in depth knowledge on kubernetes (k8s certification is a plus)";
        let p = Prose::new(t);
        assert_eq!(p.ending(t.find("kubernetes").unwrap()), None);
        assert_eq!(p.ending(t.find("k8s").unwrap()), Some(Level::Preferred));
        let t = "運用経験がある。（Rails, Reactでの開発経験はプラス）";
        let p = Prose::new(t);
        assert_eq!(p.ending(t.find("React").unwrap()), Some(Level::Preferred));
        assert_eq!(plus_aside("Go (3+ years)"), None);
    }

    #[test]
    fn openings_that_make_a_plus() {
        for t in [
            "Bonus for familiarity with Nomad",
            "- bonus points if you know Rust",
            "* Ideally, some Go",
            "Extra points for Ansible",
            "Preferably Terraform",
        ] {
            assert_eq!(opening_level(t), Some(Level::Preferred), "{t}");
        }
        for t in [
            "Bonuses twice a year",
            "Experience with Go; bonus for Rust",
            "Ideals we share: Go",
            "",
        ] {
            assert_eq!(opening_level(t), None, "{t}");
        }
    }
}

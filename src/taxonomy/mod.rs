//! The skill taxonomy: the catalogue every document is matched against.
//!
//! Takes the built-in `skills.toml` (compiled into the binary) and, optionally, a user TOML file
//! in the same format that adds skills, adds aliases, or overrides fields of built-in skills.
//! Gives a [`Taxonomy`]: skills with display names, categories, aliases and the transitive
//! closure of `implies`, plus the [`Matcher`] that finds skills in text.
//! Guarantees: every alias belongs to exactly one skill (a user alias takes the alias away from
//! the built-in skill that had it), every implied id exists, and errors in a user file name the
//! file and line.

mod fuzzy;
mod matcher;

use std::collections::{BTreeSet, HashMap};

/// The taxonomy's string maps: tens of thousands of keys are hashed at every start, and
/// foldhash is several times faster than SipHash for short strings (no hash-flooding risk
/// here: the keys come from the taxonomy files).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

pub use fuzzy::{compact, is_dictionary_word};
pub use matcher::{Hit, MatchKind, Matcher};

use crate::text::nfkc;

/// The built-in catalogue: the curated core.
const BUILTIN: &str = include_str!("skills.toml");
/// Skills and aliases imported from public sources by `scripts/taxonomy/import.sh`, plus the
/// keys that are ordinary English words (see [`Skill::is_ambiguous`]).
const IMPORTED: &str = include_str!("imported.tsv");
const IMPORTED_PATH: &str = "<built-in imported.tsv>";

/// The categories a skill may have (kept in the order `taxonomy list` groups them).
pub const CATEGORIES: &[&str] = &[
    "language",
    "framework",
    "database",
    "aws",
    "gcp",
    "azure",
    "cloud",
    "container",
    "orchestration",
    "iac",
    "config-management",
    "ci-cd",
    "observability",
    "os",
    "networking",
    "web-server",
    "messaging",
    "data",
    "ml",
    "frontend",
    "mobile",
    "testing",
    "security",
    "collaboration",
    "vcs",
    "practice",
    "tool",
    "other",
];

/// An error naming the known categories when `c` is not one of them.
pub fn known_category(c: &str) -> anyhow::Result<()> {
    if !CATEGORIES.contains(&c) {
        anyhow::bail!("unknown category `{c}`; known: {}", CATEGORIES.join(", "));
    }
    Ok(())
}

/// Index of a skill inside one [`Taxonomy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SkillId(pub u32);

impl SkillId {
    /// Set on the ids of terms the taxonomy does not know ([`SkillId::term`]).
    const TERM_BIT: u32 = 1 << 31;

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The id of a term the taxonomy does not know, from its normalised key
    /// ([`normalize_key`]): the same in every document of every run, so a posting's unknown
    /// `Relay` meets a résumé's unknown `relay`. Never an index into the catalogue
    /// ([`SkillId::is_term`]); 31 bits of FNV-1a.
    pub fn term(key: &str) -> SkillId {
        let mut h: u32 = 0x811c_9dc5;
        for b in key.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        SkillId(Self::TERM_BIT | (h & !Self::TERM_BIT))
    }

    /// Is this the id of an unknown term rather than of a catalogue skill?
    pub fn is_term(self) -> bool {
        self.0 & Self::TERM_BIT != 0
    }
}

/// One canonical skill.
#[derive(Debug, Clone)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: String,
    pub aliases: Vec<String>,
    /// Direct `implies` (ids resolved).
    pub implies: Vec<SkillId>,
    /// Name and aliases only match with the case they are written in.
    pub is_case_sensitive: bool,
    /// Where the skill comes from: `curated` (skills.toml), the import sources that also list
    /// it (`linguist`, `devicon`, `simple-icons`, `skill-extractor`, `esco`, `botocore`,
    /// `pygments`, `highlight.js`, `prismjs`), or `user`.
    pub sources: Vec<String>,
    /// The name is an ordinary English word (`Go`, `Spring`, `Chef`): it counts only where it
    /// names the product (see [`Taxonomy::find_in`]).
    pub is_ambiguous: bool,
    /// A field of work (`Machine Learning`, `ETL`, `Load Testing`, curated `field = true`):
    /// like a practice, a competency someone claims, never a tool a résumé lists.
    pub is_field: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{path}:{line}: {message}")]
    Invalid {
        path: String,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// Read by the import script only (names it must not import as skills).
    #[serde(default)]
    #[allow(dead_code)]
    not_skills: Vec<String>,
    #[serde(default)]
    skill: Vec<toml::Spanned<RawSkill>>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    id: String,
    name: Option<String>,
    category: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    implies: Option<Vec<String>>,
    case_sensitive: Option<bool>,
    field: Option<bool>,
}

/// A skill before ids are resolved, remembering where it was defined.
struct Draft {
    id: String,
    name: String,
    category: String,
    aliases: Vec<String>,
    implies: Vec<String>,
    is_case_sensitive: bool,
    is_field: bool,
    sources: Vec<String>,
    origin: (String, usize),
}

/// The catalogue plus its matcher.
///
/// Cheap to clone (the tables are shared): the built-in catalogue is built once per process.
#[derive(Clone)]
pub struct Taxonomy {
    tables: Arc<Tables>,
    /// Non-fatal notes from loading a user file (e.g. an alias moved between skills).
    pub notes: Vec<String>,
}

struct Tables {
    skills: Vec<Skill>,
    by_id: FastMap<String, SkillId>,
    /// Normalised (NFKC + lowercase) name/alias → skill.
    by_key: FastMap<String, SkillId>,
    /// Transitive closure of `implies`, without the skill itself.
    closure: Vec<Vec<SkillId>>,
    matcher: Matcher,
    /// Normalised names/aliases that are ordinary words → their Zipf frequency in English.
    ambiguous: FastMap<String, f32>,
    /// Spelling variants of names and aliases (built on first use).
    variants: OnceLock<fuzzy::Variants>,
}

impl std::fmt::Debug for Taxonomy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Taxonomy")
            .field("skills", &self.tables.skills.len())
            .finish()
    }
}

/// Key used to compare names and aliases: NFKC, lowercase, inner whitespace squashed.
pub fn normalize_key(s: &str) -> String {
    if s.is_ascii() {
        // NFKC and Unicode lower-casing leave ASCII as ASCII: one pass, one allocation (the
        // taxonomy keys tens of thousands of names at every start).
        let mut key = crate::text::squash_ws(s);
        key.make_ascii_lowercase();
        return key;
    }
    crate::text::squash_ws(&nfkc(s)).to_lowercase()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn parse_file(text: &str, path: &str) -> Result<Vec<(RawSkill, usize)>, TaxonomyError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|s| {
                let line = line_of(text, s.start);
                let line_start = text[..s.start.min(text.len())]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                (
                    line,
                    text[line_start..s.start.min(text.len())].chars().count() + 1,
                )
            })
            .unwrap_or((1, 1));
        TaxonomyError::Syntax {
            path: path.to_owned(),
            line,
            col,
            message: e.message().to_owned(),
        }
    })?;
    // One line index for the file: counting newlines up to each skill was quadratic and took
    // half of every start-up.
    let lines = crate::text::LineIndex::new(text);
    Ok(raw
        .skill
        .into_iter()
        .map(|s| {
            let line = lines.line(s.span().start);
            (s.into_inner(), line)
        })
        .collect())
}

/// The curated skills as build.rs wrote them (see its comment): what [`parse_file`] gives for
/// the built-in `skills.toml`, without parsing TOML at start-up.
const PREBUILT_CURATED: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy_curated.tsv"));

fn prebuilt_curated() -> Vec<(RawSkill, usize)> {
    PREBUILT_CURATED
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (id, name, category) = (f.next()?, f.next()?, f.next()?);
            let line = f.next()?.parse::<usize>().ok()?;
            let flag = |v: &str| match v {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            };
            let case_sensitive = flag(f.next()?);
            let field = flag(f.next()?);
            let implies = match f.next()? {
                "-" => None,
                "" => Some(Vec::new()),
                v => Some(v.split(',').map(str::to_owned).collect()),
            };
            let skill = RawSkill {
                id: id.to_owned(),
                name: Some(name.to_owned()),
                category: Some(category.to_owned()),
                aliases: f.map(str::to_owned).collect(),
                implies,
                case_sensitive,
                field,
            };
            Some((skill, line))
        })
        .collect()
}

fn check_category(category: &str, path: &str, line: usize) -> Result<(), TaxonomyError> {
    if CATEGORIES.contains(&category) {
        return Ok(());
    }
    let hint = fuzzy::suggest(category, CATEGORIES.iter().copied(), 1)
        .first()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    Err(TaxonomyError::Invalid {
        path: path.to_owned(),
        line,
        message: format!(
            "unknown category `{category}`{hint}; known: {}",
            CATEGORIES.join(", ")
        ),
    })
}

impl Taxonomy {
    /// The built-in catalogue.
    pub fn builtin() -> Result<Self, TaxonomyError> {
        static CACHE: OnceLock<Taxonomy> = OnceLock::new();
        if let Some(t) = CACHE.get() {
            return Ok(t.clone());
        }
        let t = Self::build_with(BUILTIN, "<built-in skills.toml>", Some(IMPORTED), None)?;
        Ok(CACHE.get_or_init(|| t).clone())
    }

    /// The built-in catalogue extended by the user file at `path`.
    pub fn with_user_file(path: &Path) -> Result<Self, TaxonomyError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| TaxonomyError::Io {
            path: shown.clone(),
            source,
        })?;
        Self::build_with(
            BUILTIN,
            "<built-in skills.toml>",
            Some(IMPORTED),
            Some((&text, &shown)),
        )
    }

    /// Build from catalogue text plus an optional `(text, path)` user extension (without the
    /// imported skills).
    pub fn build(
        base: &str,
        base_path: &str,
        user: Option<(&str, &str)>,
    ) -> Result<Self, TaxonomyError> {
        Self::build_with(base, base_path, None, user)
    }

    /// Build from the curated catalogue, the imported records (`imported.tsv` format) and an
    /// optional `(text, path)` user extension.
    pub fn build_with(
        base: &str,
        base_path: &str,
        imported: Option<&str>,
        user: Option<(&str, &str)>,
    ) -> Result<Self, TaxonomyError> {
        let mut drafts: Vec<Draft> = Vec::new();
        let mut index: FastMap<String, usize> = FastMap::default();
        let mut notes = Vec::new();
        let curated = if std::ptr::eq(base, BUILTIN) {
            prebuilt_curated()
        } else {
            parse_file(base, base_path)?
        };
        add_curated(curated, base_path, &mut drafts, &mut index)?;
        let mut ambiguous: FastMap<String, f32> = FastMap::default();
        if let Some(text) = imported {
            merge_imported(text, &mut drafts, &mut index, &mut ambiguous)?;
        }
        // Keys claimed by the user file: they win over built-in aliases.
        let user_keys = match user {
            Some((text, path)) => apply_user(text, path, &mut drafts, &mut index)?,
            None => FastMap::default(),
        };
        let by_key = resolve_keys(&mut drafts, &user_keys, &mut notes)?;
        let skills = finish_skills(drafts, &index, &ambiguous)?;
        let closure = transitive_closure(&skills);
        let by_id = skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), SkillId(i as u32)))
            .collect();
        let matcher = Matcher::new(&skills, &ambiguous);
        Ok(Taxonomy {
            tables: Arc::new(Tables {
                skills,
                by_id,
                by_key,
                closure,
                matcher,
                ambiguous,
                variants: OnceLock::new(),
            }),
            notes,
        })
    }

    pub fn skills(&self) -> &[Skill] {
        &self.tables.skills
    }

    pub fn skill(&self, id: SkillId) -> &Skill {
        &self.tables.skills[id.index()]
    }

    pub fn by_id(&self, id: &str) -> Option<SkillId> {
        self.tables.by_id.get(id).copied()
    }

    /// The skill whose name or alias is `name` (case- and width-insensitive), or whose id it is.
    pub fn resolve(&self, name: &str) -> Option<SkillId> {
        let key = normalize_key(name);
        self.tables
            .by_key
            .get(&key)
            .copied()
            .or_else(|| self.tables.by_id.get(&key).copied())
    }

    /// The skill an entry of a skill list names in another spelling (`rest-api`, `Pubsub`,
    /// `Windows Form`, `Postgressql`), with the similarity; `None` for names no skill is
    /// close to. Only for listed entries: in prose these would be guesses.
    pub fn resolve_variant(&self, term: &str) -> Option<(SkillId, f64)> {
        self.tables
            .variants
            .get_or_init(|| fuzzy::Variants::new(&self.tables.skills))
            .resolve(term)
    }

    /// Up to `n` names/aliases close to `name`, best first.
    pub fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        let mut names: Vec<&str> = Vec::new();
        for s in &self.tables.skills {
            names.push(&s.name);
            names.extend(s.aliases.iter().map(String::as_str));
        }
        fuzzy::suggest(name, names.into_iter(), n)
    }

    /// Every skill `id` counts toward (transitively), without `id` itself.
    pub fn implied(&self, id: SkillId) -> &[SkillId] {
        &self.tables.closure[id.index()]
    }

    #[cfg(test)]
    pub fn matcher(&self) -> &Matcher {
        &self.tables.matcher
    }

    /// Every skill name in NFKC-normalised `text`, ordinary words included: for text known to
    /// list skills (a skill section, a `Stack:` line, a technology cell).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.tables.matcher.find(text)
    }

    /// Skills in NFKC-normalised `text`; where the text is not a list of skills
    /// (`is_skill_context` false), a name that is an ordinary word counts only where it names
    /// the product (see [`matcher::names_product`]).
    /// `is_technical`: the whole document is about technology ([`Taxonomy::is_technical`]);
    /// only there can casing alone say that a word names a product.
    pub fn find_in(&self, text: &str, is_skill_context: bool, is_technical: bool) -> Vec<Hit> {
        let hits = self.tables.matcher.find(text);
        if is_skill_context || !hits.iter().any(|h| h.is_ambiguous) {
            return hits;
        }
        matcher::keep_named(text, hits, is_technical, false)
    }

    /// [`Taxonomy::find_in`] for hits already found (`find`) in `text` that is not a list of
    /// skills; `is_lenient`: see [`matcher::keep_named`].
    pub fn keep_named(
        &self,
        text: &str,
        hits: Vec<Hit>,
        is_technical: bool,
        is_lenient: bool,
    ) -> Vec<Hit> {
        if !hits.iter().any(|h| h.is_ambiguous) {
            return hits;
        }
        matcher::keep_named(text, hits, is_technical, is_lenient)
    }

    /// Does NFKC-normalised `text` name at least three different skills whose names are not
    /// ordinary words? (A posting or résumé does; a recipe or a match report does not.)
    pub fn is_technical(&self, text: &str) -> bool {
        let mut seen: Vec<SkillId> = Vec::new();
        for h in self.tables.matcher.find(text) {
            if !h.is_ambiguous && h.kind != MatchKind::Fuzzy && !seen.contains(&h.skill) {
                seen.push(h.skill);
                if seen.len() >= 3 {
                    return true;
                }
            }
        }
        false
    }

    /// Is the normalised `key` an ordinary word?
    pub fn is_ambiguous_key(&self, key: &str) -> bool {
        self.tables.ambiguous.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.tables.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tables.skills.is_empty()
    }
}

/// Merge `imported.tsv` records into the curated drafts (see scripts/taxonomy/import.py).
fn merge_imported(
    text: &str,
    drafts: &mut Vec<Draft>,
    index: &mut FastMap<String, usize>,
    ambiguous: &mut FastMap<String, f32>,
) -> Result<(), TaxonomyError> {
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |message: String| TaxonomyError::Invalid {
            path: IMPORTED_PATH.to_owned(),
            line: n + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let sources = |s: &str| s.split(',').map(str::to_owned).collect::<Vec<_>>();
        match fields.as_slice() {
            ["S", id, name, category, from, flags, aliases @ ..] => {
                check_category(category, IMPORTED_PATH, n + 1)?;
                if index.insert((*id).to_owned(), drafts.len()).is_some() {
                    return Err(invalid(format!("duplicate skill id `{id}`")));
                }
                drafts.push(Draft {
                    id: (*id).to_owned(),
                    name: (*name).to_owned(),
                    category: (*category).to_owned(),
                    aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
                    implies: Vec::new(),
                    is_case_sensitive: flags.contains('c'),
                    is_field: false,
                    sources: sources(from),
                    origin: (IMPORTED_PATH.to_owned(), n + 1),
                });
            }
            ["X", id, from, aliases @ ..] => {
                let Some(&i) = index.get(*id) else {
                    return Err(invalid(format!("aliases for unknown skill `{id}`")));
                };
                drafts[i]
                    .aliases
                    .extend(aliases.iter().map(|a| (*a).to_owned()));
                drafts[i].sources = sources(from);
            }
            ["A", key, zipf] => {
                let zipf = zipf
                    .parse::<f32>()
                    .map_err(|_| invalid(format!("bad frequency `{zipf}`")))?;
                ambiguous.insert((*key).to_owned(), zipf);
            }
            _ => return Err(invalid("malformed record".to_owned())),
        }
    }
    Ok(())
}

fn transitive_closure(skills: &[Skill]) -> Vec<Vec<SkillId>> {
    skills
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut seen = BTreeSet::new();
            let mut stack: Vec<SkillId> = s.implies.clone();
            while let Some(x) = stack.pop() {
                if x.index() != i && seen.insert(x) {
                    stack.extend(skills[x.index()].implies.iter().copied());
                }
            }
            seen.into_iter().collect()
        })
        .collect()
}

/// The curated records as drafts (each needs a name and a category; ids are unique).
fn add_curated(
    curated: Vec<(RawSkill, usize)>,
    base_path: &str,
    drafts: &mut Vec<Draft>,
    index: &mut FastMap<String, usize>,
) -> Result<(), TaxonomyError> {
    for (raw, line) in curated {
        let invalid = |message: String| TaxonomyError::Invalid {
            path: base_path.to_owned(),
            line,
            message,
        };
        let (Some(name), Some(category)) = (raw.name, raw.category) else {
            return Err(invalid(format!(
                "skill `{}` needs a name and a category",
                raw.id
            )));
        };
        check_category(&category, base_path, line)?;
        if index.insert(raw.id.clone(), drafts.len()).is_some() {
            return Err(invalid(format!("duplicate skill id `{}`", raw.id)));
        }
        drafts.push(Draft {
            id: raw.id,
            name,
            category,
            aliases: raw.aliases,
            implies: raw.implies.unwrap_or_default(),
            is_case_sensitive: raw.case_sensitive.unwrap_or(false),
            is_field: raw.field.unwrap_or(false),
            sources: vec!["curated".to_owned()],
            origin: (base_path.to_owned(), line),
        });
    }
    Ok(())
}

/// Apply the user file: new skills, and changes to known ones (their aliases added). Gives
/// the keys it names, which win over built-in aliases.
fn apply_user(
    text: &str,
    path: &str,
    drafts: &mut Vec<Draft>,
    index: &mut FastMap<String, usize>,
) -> Result<FastMap<String, String>, TaxonomyError> {
    let mut user_keys: FastMap<String, String> = FastMap::default();
    for (raw, line) in parse_file(text, path)? {
        let invalid = |message: String| TaxonomyError::Invalid {
            path: path.to_owned(),
            line,
            message,
        };
        if raw.id.is_empty()
            || !raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(invalid(format!(
                "skill id `{}` must be lowercase ascii letters, digits and `-`",
                raw.id
            )));
        }
        if let Some(category) = &raw.category {
            check_category(category, path, line)?;
        }
        let id = raw.id.clone();
        match index.get(&raw.id) {
            Some(&i) => {
                let d = &mut drafts[i];
                if let Some(name) = raw.name {
                    d.name = name;
                }
                if let Some(category) = raw.category {
                    d.category = category;
                }
                if let Some(implies) = raw.implies {
                    d.implies = implies;
                }
                if let Some(cs) = raw.case_sensitive {
                    d.is_case_sensitive = cs;
                }
                if let Some(field) = raw.field {
                    d.is_field = field;
                }
                if !d.sources.iter().any(|s| s == "user") {
                    d.sources.push("user".to_owned());
                }
                d.aliases.extend(raw.aliases.iter().cloned());
                d.origin = (path.to_owned(), line);
            }
            None => {
                let (Some(name), Some(category)) = (raw.name, raw.category) else {
                    return Err(invalid(format!(
                        "new skill `{}` needs a name and a category",
                        raw.id
                    )));
                };
                index.insert(raw.id.clone(), drafts.len());
                drafts.push(Draft {
                    id: raw.id,
                    name,
                    category,
                    aliases: raw.aliases.clone(),
                    implies: raw.implies.unwrap_or_default(),
                    is_case_sensitive: raw.case_sensitive.unwrap_or(false),
                    is_field: raw.field.unwrap_or(false),
                    sources: vec!["user".to_owned()],
                    origin: (path.to_owned(), line),
                });
            }
        }
        let d = &drafts[index[&id]];
        for key in std::iter::once(&d.name).chain(raw.aliases.iter()) {
            user_keys.insert(normalize_key(key), id.clone());
        }
    }
    Ok(user_keys)
}

/// Each name and alias to the one skill it belongs to; keys the user file claims move to its
/// skill (with a note), any other clash is an error naming both places.
fn resolve_keys(
    drafts: &mut [Draft],
    user_keys: &FastMap<String, String>,
    notes: &mut Vec<String>,
) -> Result<FastMap<String, SkillId>, TaxonomyError> {
    let mut by_key: FastMap<String, SkillId> = FastMap::default();
    let mut conflict: Option<(usize, SkillId, String)> = None;
    'drafts: for (i, d) in drafts.iter_mut().enumerate() {
        let sid = SkillId(i as u32);
        let mut kept = Vec::with_capacity(d.aliases.len());
        for (k, alias) in std::iter::once(d.name.clone())
            .chain(d.aliases.drain(..))
            .enumerate()
        {
            let key = normalize_key(&alias);
            if key.is_empty() {
                continue;
            }
            if let Some(owner) = user_keys.get(&key) {
                if owner != &d.id {
                    if k > 0 {
                        notes.push(format!(
                            "alias `{alias}` moved from `{}` to `{owner}` by the user taxonomy",
                            d.id
                        ));
                    }
                    continue;
                }
            }
            match by_key.get(&key) {
                Some(&other) if other != sid => {
                    conflict = Some((i, other, alias));
                    break 'drafts;
                }
                Some(_) => {
                    // Another casing of a case-sensitive name (`Javascript`) is a pattern
                    // of its own.
                    if d.is_case_sensitive && k > 0 && !kept.contains(&alias) {
                        kept.push(alias);
                    }
                }
                None => {
                    by_key.insert(key, sid);
                    if k > 0 {
                        kept.push(alias);
                    }
                }
            }
        }
        d.aliases = kept;
    }
    if let Some((i, other, alias)) = conflict {
        let (path, line) = drafts[i].origin.clone();
        let (opath, oline) = &drafts[other.index()].origin;
        return Err(TaxonomyError::Invalid {
            path,
            line,
            message: format!(
                "`{alias}` of skill `{}` is already claimed at {opath}:{oline}",
                drafts[i].id
            ),
        });
    }
    Ok(by_key)
}

/// Drafts → skills, with `implies` resolved to ids (an unknown target is an error, with a
/// suggestion).
fn finish_skills(
    drafts: Vec<Draft>,
    index: &FastMap<String, usize>,
    ambiguous: &FastMap<String, f32>,
) -> Result<Vec<Skill>, TaxonomyError> {
    let mut skills = Vec::with_capacity(drafts.len());
    for d in drafts {
        let mut implies = Vec::new();
        for target in &d.implies {
            let Some(&j) = index.get(target) else {
                let hint = fuzzy::suggest(target, index.keys().map(String::as_str), 1)
                    .first()
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                return Err(TaxonomyError::Invalid {
                    path: d.origin.0.clone(),
                    line: d.origin.1,
                    message: format!("skill `{}` implies unknown skill `{target}`{hint}", d.id),
                });
            };
            implies.push(SkillId(j as u32));
        }
        let is_ambiguous = ambiguous.contains_key(&normalize_key(&d.name));
        skills.push(Skill {
            id: d.id,
            name: d.name,
            category: d.category,
            aliases: d.aliases,
            implies,
            is_case_sensitive: d.is_case_sensitive,
            sources: d.sources,
            is_ambiguous,
            is_field: d.is_field,
        });
    }
    Ok(skills)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax() -> Taxonomy {
        Taxonomy::builtin().expect("built-in taxonomy loads")
    }

    #[test]
    fn builtin_has_at_least_600_skills_and_unique_aliases() {
        // `build` rejects an alias claimed twice; this proves the built-in file passes that
        // check and is large enough.
        let t = tax();
        assert!(t.len() >= 8_000, "only {} skills", t.len());
        let mut seen = HashMap::new();
        for s in t.skills() {
            for a in std::iter::once(&s.name).chain(&s.aliases) {
                if let Some(prev) = seen.insert(normalize_key(a), &s.id) {
                    // Case-sensitive skills list each casing they match (`JavaScript`,
                    // `Javascript`): one key, one owner.
                    assert_eq!(prev, &s.id, "`{a}` claimed by `{prev}` and `{}`", s.id);
                }
            }
        }
        // The curated core wins: its skills keep their ids, names and categories.
        let go = t.skill(t.resolve("golang").unwrap());
        assert_eq!((go.id.as_str(), go.category.as_str()), ("go", "language"));
        assert_eq!(go.sources.first().map(String::as_str), Some("curated"));
        assert!(go.is_ambiguous, "`go` is an ordinary word");
        // Imported: a language from linguist, a tool from skill-extractor.
        let coffee = t.skill(t.resolve("CoffeeScript").unwrap());
        assert!(coffee.sources.iter().any(|s| s == "linguist"), "{coffee:?}");
        assert!(t.resolve("Jekyll").is_some() && t.resolve("RxJava").is_some());
        assert!(!t.skill(t.resolve("Kubernetes").unwrap()).is_ambiguous);
    }

    #[test]
    fn listed_entries_in_other_spellings_resolve() {
        let t = tax();
        let id = |name: &str| t.resolve(name);
        let variant = |term: &str| t.resolve_variant(term).map(|(s, _)| s);
        // Spaces, punctuation and case.
        assert_eq!(variant("Google Tagmanager"), id("Google Tag Manager"));
        assert_eq!(variant("rest-api"), id("REST API"));
        // Number.
        assert_eq!(variant("Windows Form"), id("Windows Forms"));
        // One slip in a long name that is no English word, the first letter kept.
        assert_eq!(variant("Jypyter"), id("Jupyter"));
        assert_eq!(variant("Googe BigQuery"), id("BigQuery"));
        assert_eq!(variant("Kubernetees"), id("Kubernetes"));
        // Other names, not slips: English words and known names only, another first letter,
        // a prefix, too short to tell.
        for other in [
            "Django Test Framework",
            "FileManager",
            "GStream",
            "Lavas",
            "C#",
            "Xkubernetes",
        ] {
            assert_eq!(variant(other), None, "{other}");
        }
    }

    #[test]
    fn resolves_aliases_in_both_languages() {
        let t = tax();
        let k8s = t.resolve("Kubernetes").unwrap();
        assert_eq!(t.resolve("k8s"), Some(k8s));
        let eks = t.resolve("Amazon EKS").unwrap();
        assert_eq!(t.resolve("EKS"), Some(eks));
        assert_eq!(t.resolve("ＥＫＳ"), Some(eks));
        assert!(t.implied(eks).contains(&k8s));
        assert!(t.implied(eks).contains(&t.resolve("AWS").unwrap()));
        assert_eq!(t.resolve("Golang"), t.resolve("Go"));
        assert_eq!(t.resolve("Postgres"), t.resolve("PostgreSQL"));
        assert!(t.resolve("シェルスクリプト").is_some());
        assert!(t.resolve("構成管理").is_some());
        let rails = t.resolve("Ruby on Rails").unwrap();
        assert!(t.implied(rails).contains(&t.resolve("Ruby").unwrap()));
        let github = t.resolve("GitHub").unwrap();
        assert!(t.implied(github).contains(&t.resolve("Git").unwrap()));
        let am = t.resolve("Aurora MySQL").unwrap();
        assert!(t.implied(am).contains(&t.resolve("MySQL").unwrap()));
    }

    #[test]
    fn user_file_adds_and_overrides() {
        let user = "[[skill]]\nid = \"lambroll-x\"\nname = \"Lambroll X\"\ncategory = \"tool\"\naliases = [\"lrx\"]\nimplies = [\"aws\"]\n\n[[skill]]\nid = \"kubernetes\"\naliases = [\"クバネティス\", \"kube-stack\"]\n";
        let t = Taxonomy::build(BUILTIN, "b", Some((user, "my.toml"))).unwrap();
        let x = t.resolve("lrx").unwrap();
        assert_eq!(t.skill(x).name, "Lambroll X");
        assert_eq!(t.resolve("kube-stack"), t.resolve("k8s"));
        // New names are not in the automaton build.rs made: this one is built at start-up,
        // and finds them as well as the built-in ones.
        assert!(!t.matcher().is_prebuilt());
        let found: Vec<SkillId> = t
            .find("We deploy with Lambroll X and EKS.")
            .iter()
            .map(|h| h.skill)
            .collect();
        assert!(found.contains(&x), "{found:?}");
        assert!(found.contains(&t.resolve("eks").unwrap()), "{found:?}");
    }

    #[test]
    fn prebuilt_curated_records_are_the_toml_file() {
        // build.rs writes the curated skills as records so start-up skips the TOML parser;
        // they must be exactly what the TOML reader gives, line numbers included.
        let from_toml = parse_file(BUILTIN, "skills.toml").unwrap();
        let prebuilt = prebuilt_curated();
        assert_eq!(prebuilt.len(), from_toml.len());
        for (a, b) in prebuilt.iter().zip(&from_toml) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn builtin_automaton_comes_from_the_build() {
        // build.rs keys the same names and aliases as the matcher does at run time; if the two
        // drifted apart, every command would build the automaton at start-up again.
        let t = tax();
        assert!(t.matcher().is_prebuilt());
        let found: Vec<&str> = t
            .find("Kubernetes (k8s) と Terraform、Auroraを運用")
            .iter()
            .map(|h| t.skill(h.skill).name.as_str())
            .collect();
        for name in ["Kubernetes", "Terraform", "Aurora"] {
            assert!(found.contains(&name), "{name}: {found:?}");
        }
    }

    #[test]
    fn user_file_errors_name_the_line() {
        let bad = "[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"tool\"\n\n[[skill]]\nid = \"y\"\nname = \"Y\"\ncategory = \"languge\"\n";
        let e = Taxonomy::build(BUILTIN, "b", Some((bad, "my.toml")))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("my.toml:6:"), "{e}");
        assert!(e.contains("did you mean `language`"), "{e}");

        let syntax = "[[skill]]\nid = \"x\"\nname = X\n";
        let e = Taxonomy::build(BUILTIN, "b", Some((syntax, "my.toml")))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("my.toml:3:"), "{e}");

        let unknown_key =
            "[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"tool\"\nalias = [\"y\"]\n";
        let e = Taxonomy::build(BUILTIN, "b", Some((unknown_key, "my.toml")))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `alias`"), "{e}");

        let dangling = "[[skill]]\nid = \"x\"\nname = \"X\"\ncategory = \"tool\"\nimplies = [\"kubernetis\"]\n";
        let e = Taxonomy::build(BUILTIN, "b", Some((dangling, "my.toml")))
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean `kubernetes`"), "{e}");
    }

    #[test]
    fn builtin_alias_conflict_is_an_error() {
        let base = "[[skill]]\nid = \"a\"\nname = \"A1\"\ncategory = \"tool\"\naliases = [\"dup\"]\n[[skill]]\nid = \"b\"\nname = \"B1\"\ncategory = \"tool\"\naliases = [\"DUP\"]\n";
        let e = Taxonomy::build(base, "base.toml", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("already claimed"), "{e}");
    }
}

//! Builds the skill matcher's automaton at compile time, so that a command does not spend its
//! start-up building it (issue 16: `profile` of a small résumé under 30 ms).
//!
//! Input: every name and alias in `src/taxonomy/skills.toml` (curated) and
//! `src/taxonomy/imported.tsv` (imported). Each is keyed exactly as `taxonomy::matcher` keys a
//! pattern at run time: NFKC (for non-ASCII text), whitespace squashed, ASCII lower-cased. The
//! keys are deduplicated and sorted; the automaton's value for a key is its rank in that order.
//! Output in `OUT_DIR`: `taxonomy_keys.txt` (the keys, one per line) and
//! `taxonomy_automaton.bin` (a serialised `daachorse` automaton over them).
//!
//! It also writes `taxonomy_curated.tsv`: the curated skills as tab-separated records, so the
//! built-in taxonomy is loaded without parsing TOML at start-up (a quarter of it). One record
//! per skill: id, name, category, line of its `[[skill]]` header, case_sensitive and field (each
//! `1`, `0` or `-` when not set), implies (comma-separated, `-` when not set), then the aliases. This file
//! checks what the TOML reader checks (known keys, a name and a category as strings).
//!
//! The run-time side checks that every pattern of the taxonomy it built has its key here and
//! otherwise builds the automaton itself (a user `--taxonomy` file with new names), so this
//! file can never make matching wrong, only slow.

use std::collections::BTreeSet;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

const SKILLS: &str = "src/taxonomy/skills.toml";
const IMPORTED: &str = "src/taxonomy/imported.tsv";

fn key(s: &str) -> String {
    let nfkc: String = if s.is_ascii() {
        s.to_owned()
    } else {
        s.nfkc().collect()
    };
    nfkc.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// A field of a record: no tab or line break may hide in it.
fn field(s: &str, what: &str) -> Result<String, String> {
    if s.contains(['\t', '\n', '\r']) {
        return Err(format!(
            "{SKILLS}: {what} `{s}` holds a tab or a line break"
        ));
    }
    Ok(s.to_owned())
}

fn strings(v: Option<&toml::Value>, what: &str) -> Result<Option<Vec<String>>, String> {
    let Some(v) = v else { return Ok(None) };
    let items = v
        .as_array()
        .ok_or(format!("{SKILLS}: {what} must be a list"))?;
    items
        .iter()
        .map(|a| {
            a.as_str()
                .ok_or(format!("{SKILLS}: {what} must be strings"))
                .and_then(|a| field(a, what))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn curated(keys: &mut BTreeSet<String>) -> Result<String, String> {
    let text = std::fs::read_to_string(SKILLS).map_err(|e| format!("{SKILLS}: {e}"))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| format!("{SKILLS}: {e}"))?;
    let skills = match table.get("skill") {
        Some(s) => s
            .as_array()
            .ok_or(format!("{SKILLS}: `skill` must be a list"))?
            .as_slice(),
        None => &[],
    };
    // The line of each `[[skill]]` header, in order (where the TOML reader's span starts).
    let headers: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[skill]]")
        .map(|(i, _)| i + 1)
        .collect();
    if headers.len() != skills.len() {
        return Err(format!(
            "{SKILLS}: write each skill as a `[[skill]]` table on its own line"
        ));
    }
    let mut out = String::new();
    for (skill, line) in skills.iter().zip(headers) {
        let t = skill
            .as_table()
            .ok_or(format!("{SKILLS}:{line}: not a table"))?;
        for k in t.keys() {
            if ![
                "id",
                "name",
                "category",
                "aliases",
                "implies",
                "case_sensitive",
                "field",
            ]
            .contains(&k.as_str())
            {
                return Err(format!("{SKILLS}:{line}: unknown field `{k}`"));
            }
        }
        let text_of = |k: &str| -> Result<String, String> {
            let v = t.get(k).and_then(|v| v.as_str());
            field(
                v.ok_or(format!("{SKILLS}:{line}: `{k}` must be a string"))?,
                k,
            )
        };
        let (id, name, category) = (text_of("id")?, text_of("name")?, text_of("category")?);
        let aliases = strings(t.get("aliases"), "aliases")?.unwrap_or_default();
        let implies = strings(t.get("implies"), "implies")?;
        let cs = match t.get("case_sensitive") {
            None => "-",
            Some(v) => match v.as_bool() {
                Some(true) => "1",
                Some(false) => "0",
                None => {
                    return Err(format!(
                        "{SKILLS}:{line}: `case_sensitive` must be true or false"
                    ))
                }
            },
        };
        let field_flag = match t.get("field") {
            None => "-",
            Some(v) => match v.as_bool() {
                Some(true) => "1",
                Some(false) => "0",
                None => return Err(format!("{SKILLS}:{line}: `field` must be true or false")),
            },
        };
        keys.insert(key(&name));
        keys.extend(aliases.iter().map(|a| key(a)));
        let implies = implies.map_or_else(|| "-".to_owned(), |v| v.join(","));
        out.push_str(&format!(
            "{id}\t{name}\t{category}\t{line}\t{cs}\t{field_flag}\t{implies}"
        ));
        for a in &aliases {
            out.push('\t');
            out.push_str(a);
        }
        out.push('\n');
    }
    Ok(out)
}

fn imported(keys: &mut BTreeSet<String>) -> Result<(), String> {
    let text = std::fs::read_to_string(IMPORTED).map_err(|e| format!("{IMPORTED}: {e}"))?;
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["S", _id, name, _category, _from, _flags, aliases @ ..] => {
                keys.insert(key(name));
                keys.extend(aliases.iter().map(|a| key(a)));
            }
            ["X", _id, _from, aliases @ ..] => keys.extend(aliases.iter().map(|a| key(a))),
            _ => {}
        }
    }
    Ok(())
}

fn main() -> Result<(), String> {
    println!("cargo::rerun-if-changed={SKILLS}");
    println!("cargo::rerun-if-changed={IMPORTED}");
    println!("cargo::rerun-if-changed=build.rs");
    let mut keys = BTreeSet::new();
    let records = curated(&mut keys)?;
    imported(&mut keys)?;
    keys.remove("");
    let automaton = daachorse::DoubleArrayAhoCorasick::<u32>::with_values(
        keys.iter()
            .enumerate()
            .map(|(i, k)| (k.as_bytes(), i as u32)),
    )
    .map_err(|e| format!("building the taxonomy automaton: {e}"))?;
    let out = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    let out = Path::new(&out);
    let joined = keys.into_iter().collect::<Vec<_>>().join("\n");
    std::fs::write(out.join("taxonomy_curated.tsv"), records).map_err(|e| e.to_string())?;
    std::fs::write(out.join("taxonomy_keys.txt"), joined).map_err(|e| e.to_string())?;
    std::fs::write(out.join("taxonomy_automaton.bin"), automaton.serialize())
        .map_err(|e| e.to_string())?;
    Ok(())
}

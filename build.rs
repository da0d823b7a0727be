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

fn curated(keys: &mut BTreeSet<String>) -> Result<(), String> {
    let text = std::fs::read_to_string(SKILLS).map_err(|e| format!("{SKILLS}: {e}"))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| format!("{SKILLS}: {e}"))?;
    let Some(skills) = table.get("skill").and_then(|s| s.as_array()) else {
        return Ok(());
    };
    for skill in skills {
        if let Some(name) = skill.get("name").and_then(|n| n.as_str()) {
            keys.insert(key(name));
        }
        if let Some(aliases) = skill.get("aliases").and_then(|a| a.as_array()) {
            keys.extend(aliases.iter().filter_map(|a| a.as_str()).map(key));
        }
    }
    Ok(())
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
    curated(&mut keys)?;
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
    std::fs::write(out.join("taxonomy_keys.txt"), joined).map_err(|e| e.to_string())?;
    std::fs::write(out.join("taxonomy_automaton.bin"), automaton.serialize())
        .map_err(|e| e.to_string())?;
    Ok(())
}

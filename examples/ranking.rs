//! How well the ranking agrees with the hand-written pairwise judgments
//! (`tests/ranking/judgments.toml`, issue 9): per résumé, the share of judgments the scores
//! agree with, the `strong` ones, and the top three of `jobs/`.
//!
//! ```sh
//! cargo run --example ranking          # summary
//! cargo run --example ranking -- -v    # and every disagreement with both scores
//! cargo run --example ranking -- --config my.toml   # with other scoring settings
//! ```
//!
//! `tests/it/ranking.rs` checks the same numbers (≥ 90 %, every strong one).

#[path = "../tests/ranking/eval.rs"]
mod eval;

use skillfit::config::Scoring;
use skillfit::taxonomy::Taxonomy;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let scoring = match args.iter().position(|a| a == "--config") {
        Some(i) => {
            let path = args.get(i + 1).ok_or("--config needs a FILE")?;
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            skillfit::config::parse(&text, path)
                .map_err(|e| e.to_string())?
                .scoring
        }
        None => Scoring::default(),
    };
    let tax = Taxonomy::builtin().map_err(|e| e.to_string())?;
    let file = eval::load()?;
    let all = eval::postings()?;
    let mut outcomes = Vec::new();
    for r in &file.resume {
        match eval::measure(r, &all, &tax, &scoring)? {
            Some(o) => outcomes.push(o),
            None => eprintln!("{}: {} is absent, skipped", r.name, r.path),
        }
    }
    print!("{}", eval::report(&outcomes, verbose));
    Ok(())
}

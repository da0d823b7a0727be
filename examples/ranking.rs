//! How well the ranking agrees with the hand-written pairwise judgments
//! (`tests/ranking/judgments.toml`, issue 9): per résumé, the share of judgments the scores
//! agree with, the `strong` ones, and the top three of `jobs/`.
//!
//! ```sh
//! cargo run --example ranking          # summary
//! cargo run --example ranking -- -v    # and every disagreement with both scores
//! ```
//!
//! `tests/ranking.rs` checks the same numbers (≥ 90 %, every strong one).

#[path = "../tests/ranking/eval.rs"]
mod eval;

use skillfit::config::Scoring;
use skillfit::taxonomy::Taxonomy;

fn main() -> Result<(), String> {
    let verbose = std::env::args().any(|a| a == "-v");
    let tax = Taxonomy::builtin().map_err(|e| e.to_string())?;
    let file = eval::load()?;
    let all = eval::postings()?;
    let scoring = Scoring::default();
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

//! Every name and alias of the built-in taxonomy as JSON lines (`{"id": …, "names": [name,
//! aliases…]}`), for `benches/baseline.py`: the naïve script matches the same strings skillfit
//! does, taken from skillfit itself rather than copied by hand.
//!
//! ```sh
//! cargo run --release --example taxonomy_names > names.jsonl
//! ```

use std::io::Write;
use std::process::ExitCode;

use skillfit::taxonomy::Taxonomy;

fn main() -> ExitCode {
    let tax = match Taxonomy::builtin() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("taxonomy_names: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for s in tax.skills() {
        let names: Vec<&str> = std::iter::once(s.name.as_str())
            .chain(s.aliases.iter().map(String::as_str))
            .collect();
        let line = serde_json::json!({ "id": s.id, "names": names });
        if writeln!(out, "{line}").is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

//! The hardware floor for `skillfit rank`: walk DIR, read every file and run pulldown-cmark
//! over it (every event, counted), in parallel with rayon. Nothing else — no taxonomy, no
//! matching, no report — so `rank` can be compared against the cheapest pass over the corpus.
//!
//! ```sh
//! cargo run --release --example floor -- DIR
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use pulldown_cmark::Parser;
use rayon::prelude::*;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let ty = e.file_type()?;
        if ty.is_dir() {
            walk(&e.path(), out)?;
        } else if ty.is_file() {
            out.push(e.path());
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: floor DIR");
        return ExitCode::from(2);
    };
    let t0 = Instant::now();
    let mut files = Vec::new();
    if let Err(e) = walk(&dir, &mut files) {
        eprintln!("floor: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let walked = t0.elapsed().as_secs_f64();
    let (bytes, events, failed) = files
        .par_iter()
        .map(|p| match std::fs::read(p) {
            Ok(raw) => {
                let text = String::from_utf8_lossy(&raw);
                (raw.len() as u64, Parser::new(&text).count() as u64, 0u64)
            }
            Err(_) => (0, 0, 1),
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "floor: files={} bytes={bytes} seconds={secs:.3} (walk {walked:.3}) files/s={:.0} MB/s={:.1} events={events} unreadable={failed} threads={}",
        files.len(),
        files.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        rayon::current_num_threads(),
    );
    ExitCode::SUCCESS
}

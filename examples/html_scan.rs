//! Throughput of the HTML text extraction (`skillfit::doc::html::scan`) on the `.html` files of
//! a corpus, against reading the same files (issue 8: keep the hand-written scanner or switch
//! to an HTML5 tokenizer; numbers in BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --count 1000 --out /tmp/c --seed 1
//! cargo run --release --example html_scan -- /tmp/c
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            html_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "html" || x == "htm") {
            out.push(p);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: html_scan CORPUS_DIR");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    if let Err(e) = html_files(Path::new(&dir), &mut files) {
        eprintln!("html_scan: {e}");
        return ExitCode::from(2);
    }
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut items = 0;
    for _ in 0..5 {
        let t = Instant::now();
        items = texts
            .iter()
            .map(|t| skillfit::doc::html::scan(t).len())
            .sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mut read_best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let n: usize = files
            .iter()
            .filter_map(|f| std::fs::read(f).ok())
            .map(|b| b.len())
            .sum();
        assert_eq!(n, bytes);
        read_best = read_best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {:.1} MB, {} items: scan {:.1} ms ({:.0} MB/s), read {:.1} ms (best of 5)",
        texts.len(),
        bytes as f64 / 1e6,
        items,
        best * 1e3,
        bytes as f64 / 1e6 / best,
        read_best * 1e3
    );
    ExitCode::SUCCESS
}

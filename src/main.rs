use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use skillfit::style::{stream, Colors};

// mimalloc: the taxonomy's tables are tens of thousands of small allocations at every start
// (issue 16: start-up under 30 ms).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = skillfit::cli::Cli::parse();
    let colors = Colors::detect(cli.global.color);
    let mut out = stream(std::io::stdout().lock(), colors.out);
    // Not locked: the progress bar draws to stderr from worker threads.
    let mut err = stream(std::io::stderr(), colors.err);
    let result = skillfit::run_with(cli, &mut out, &mut err, colors);
    let result = result.and_then(|code| Ok(out.flush().map(|()| code)?));
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "{} {e:#}", colors.err.error());
            ExitCode::from(skillfit::Exit::Failure as u8)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

//! The integration tests: one test binary (one ~1 GB debug link instead of ten), one module per
//! area, and the shared harness in `harness.rs`.
//!
//! `cargo test --test it` runs them; `cargo test --test it -- --ignored` runs the ones that need
//! the reference data beside CI checkouts (`../shared/seed/`). Snapshots live in
//! `tests/it/snapshots/` (insta: `INSTA_UPDATE=always cargo test --test it snapshots` rewrites
//! them; review the diff), SVG goldens in `tests/golden/charts/` (`UPDATE_GOLDEN=1`). A test
//! that cannot run here (no python3 for a pty, root without setpriv, no tmpfs) passes and says
//! `SKIPPED <test>: why` in the `cargo test` output.

mod harness;

mod bad_inputs;
mod chart;
mod cli;
mod corpora;
mod errors;
mod json_resume;
mod polish;
mod precision;
mod props;
mod ranking;
mod robustness;
mod shards;
mod snapshots;

#!/usr/bin/env bash
# Linear-time evidence for issue 8: time every pathological document shape at 1 MB and 10 MB
# (résumé parser and posting parsers) against the floor (read + pulldown-cmark event walk of
# the same bytes) and print a Markdown table with the growth factor 10 MB / 1 MB.
#
#   scripts/linear.sh                   # release build (what BENCHMARKS.md reports)
#   scripts/linear.sh --only entities   # shapes whose name contains "entities"
#   PROFILE=debug scripts/linear.sh     # unoptimised build (slower times, same growth factors)
#
# Env: CARGO_TARGET_DIR (default $HOME/.cache/skillfit-target), PROFILE (release|debug),
#      LINEAR_REPS (best of, default 3), LINEAR_TIMEOUT (seconds per run, default 60),
#      LINEAR_BASE_BYTES (smaller size, default 1000000; the larger is 10x).
# Output: progress on stderr, the table on stdout. Exits 0 even when a shape is over target
# (the "Over target" list at the end names them).
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/skillfit-target}"
case "${PROFILE:-release}" in
  release) exec cargo run --release --example linear -- "$@" ;;
  debug) exec cargo run --example linear -- "$@" ;;
  *) echo "linear.sh: PROFILE must be release or debug" >&2; exit 2 ;;
esac

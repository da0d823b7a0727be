#!/usr/bin/env bash
# Instructions `skillfit rank` executes per posting, counted by callgrind: the measure that does
# not move with the machine's load (wall time on a shared 2-core machine moves by ±10 % from run
# to run; these counts by less than 0.1 %). Used to judge each step of issue 11 (BENCHMARKS.md).
#
#   scripts/instructions.sh            # 500 and 1,000 postings of the 10k bench corpus
#   BIN=/path/to/skillfit scripts/instructions.sh   # another build (e.g. an earlier commit's)
#
# Runs `rank tests/fixtures/resumes/ja_sre.md <the first N postings> --as-of 2026-11 -f csv
# --no-report -q --threads 1` under `valgrind --tool=callgrind` for N = 500 and 1,000, and prints
# both totals and their difference per posting (start-up, the same in both runs, cancels out).
# Env: BENCH_DIR (default /tmp/skillfit-bench; the 10k corpus is made there by gen_corpus if
# missing), CARGO_TARGET_DIR (default $HOME/.cache/skillfit-target), BIN.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/skillfit-target}"
BENCH_DIR="${BENCH_DIR:-/tmp/skillfit-bench}"
EX="$CARGO_TARGET_DIR/release/examples"
BIN="${BIN:-$CARGO_TARGET_DIR/release/skillfit}"

command -v valgrind > /dev/null || {
  echo "instructions: valgrind is needed (apt-get install valgrind)" >&2
  exit 2
}
# Always this set of targets: building the binary alone unifies features differently and
# rebuilds Polars (see scripts/bench.sh).
cargo build --release --bin skillfit --example gen_corpus --example floor --example taxonomy_names >&2
corpus="$BENCH_DIR/postings-10000"
if [[ ! -f "$corpus/.done-seed1" ]]; then
  rm -rf "$corpus"
  "$EX/gen_corpus" --count 10000 --out "$corpus" --seed 1 >&2
  touch "$corpus/.done-seed1"
fi

count() {
  local n=$1 dir
  dir=$(mktemp -d)
  # The first N postings of the corpus's first folder, in name order.
  find "$corpus/p000" -maxdepth 1 -type f | sort | head -n "$n" | xargs -I{} cp {} "$dir/"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" rank \
    tests/fixtures/resumes/ja_sre.md "$dir" --as-of 2026-11 -f csv --no-report -q --threads 1 \
    2>&1 > /dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  rm -rf "$dir"
}

a=$(count 500)
b=$(count 1000)
echo "instructions, 500 postings:   $a"
echo "instructions, 1,000 postings: $b"
echo "per posting (difference / 500): $(((b - a) / 500))"

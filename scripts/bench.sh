#!/usr/bin/env bash
# Benchmark `skillfit rank` (with and without the report folder) and `skillfit matrix` against
# the hardware floor (walk + read + pulldown-cmark over every file, examples/floor.rs) and the
# naïve Python script (benches/baseline.py), on synthetic corpora, side by side in one run.
#
#   scripts/bench.sh                          # 1k, 10k and 100k postings, median of 3
#   SIZES="1000 10000" REPS=1 scripts/bench.sh   # a quick run
#
# Env: BENCH_DIR (default /tmp/skillfit-bench), SIZES (default "1000 10000 100000"),
#      REPS (runs of each command, alternating, median taken; default 3),
#      RESUMES (résumés for matrix, default 1000; 0 skips matrix),
#      NO_BASELINE=1 (skip the Python baseline), BIN (a skillfit binary to time instead of the
#      fresh build), CARGO_TARGET_DIR (default $HOME/.cache/skillfit-target),
#      VENV (default $HOME/.cache/skillfit-bench-venv: created or reused, benches/requirements.txt).
# Output: progress on stderr, one Markdown table on stdout; raw `time -v` logs in $BENCH_DIR/logs.
# Columns: wall times are medians (s); `÷ floor` is wall / floor wall; `baseline ÷ wall` how many
# times faster than benches/baseline.py; `÷ rank` wall / the `rank` (report folder) wall; CPU s
# is user + system time (median; steadier than wall on a shared machine).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/skillfit-target}"
BENCH_DIR="${BENCH_DIR:-/tmp/skillfit-bench}"
SIZES="${SIZES:-1000 10000 100000}"
REPS="${REPS:-3}"
RESUMES="${RESUMES:-1000}"
VENV="${VENV:-$HOME/.cache/skillfit-bench-venv}"
RESUME=tests/fixtures/resumes/ja_sre.md
EX="$CARGO_TARGET_DIR/release/examples"
BIN="${BIN:-$CARGO_TARGET_DIR/release/skillfit}"
LOGS="$BENCH_DIR/logs"
LOAD0=$(cut -d" " -f1-3 /proc/loadavg)

log() { echo "bench: $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  log "/usr/bin/time missing; installing the 'time' package"
  apt-get install -y time >&2 || { apt-get update >&2 && apt-get install -y time >&2; }
fi

log "building release binary and examples"
# Always this set of targets: building the binary alone unifies features differently and
# rebuilds Polars.
cargo build --release --bin skillfit --example gen_corpus --example floor --example taxonomy_names >&2

mkdir -p "$BENCH_DIR" "$LOGS"

PY=""
if [[ "${NO_BASELINE:-0}" != 1 ]]; then
  if [[ ! -x "$VENV/bin/python" ]] || ! cmp -s benches/requirements.txt "$VENV/.requirements"; then
    log "creating the baseline venv in $VENV"
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install -q -r benches/requirements.txt >&2
    cp benches/requirements.txt "$VENV/.requirements"
  fi
  PY="$VENV/bin/python"
  "$EX/taxonomy_names" > "$BENCH_DIR/taxonomy_names.jsonl"
fi

# gen SIZE -> $BENCH_DIR/postings-SIZE (regenerated only when its stamp is missing).
gen() {
  local n=$1 dir="$BENCH_DIR/postings-$1"
  if [[ ! -f "$dir/.done-seed1" ]]; then
    rm -rf "$dir"
    "$EX/gen_corpus" --count "$n" --out "$dir" --seed 1 >&2
    touch "$dir/.done-seed1"
  fi
}

# measure LABEL CMD... : runs CMD under `time -v`; appends wall (s) to T[LABEL], sets RSS (MB)
# in M[LABEL] (the largest seen), appends user + system CPU seconds to C[LABEL], sets RC.
declare -A T M C
measure() {
  local label=$1; shift
  local logf="$LOGS/$label.time"
  local t0 t1 wall rss
  set +e
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$logf" "$@" > "$LOGS/$label.stdout" 2> "$LOGS/$label.stderr"
  RC=$?
  t1=$(date +%s.%N)
  set -e
  # Wall time from date (ms resolution; `time -v` rounds to 10 ms), RSS from `time -v`.
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$logf")
  T[$label]="${T[$label]:-} $wall"
  C[$label]="${C[$label]:-} $(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$logf")"
  if [[ -z "${M[$label]:-}" || "$rss" -gt "${M[$label]}" ]]; then M[$label]=$rss; fi
  log "$label: wall ${wall}s, peak RSS ${rss} MB, exit $RC"
  if [[ $RC -gt 1 ]]; then NOTES+=("$label exited $RC (see $LOGS/$label.stderr)"); fi
}

median() { tr ' ' '\n' <<< "$1" | grep . | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "–"; else printf "%.1f\n", a / b }'; }

NOTES=()
HAS_MATRIX=0
if [[ "$RESUMES" -gt 0 ]] && "$BIN" matrix --help > /dev/null 2>&1; then
  HAS_MATRIX=1
  if [[ ! -f "$BENCH_DIR/resumes-$RESUMES/.done-seed1" ]]; then
    rm -rf "$BENCH_DIR/resumes-$RESUMES"
    "$EX/gen_corpus" --resumes "$RESUMES" --out "$BENCH_DIR/resumes-$RESUMES" --seed 1 >&2
    touch "$BENCH_DIR/resumes-$RESUMES/.done-seed1"
  fi
fi

ROWS=()
for n in $SIZES; do
  gen "$n"
  dir="$BENCH_DIR/postings-$n"
  files=$(find "$dir" -type f ! -name '.done-*' | wc -l)
  log "size $n: $files files; warming the page cache"
  find "$dir" -type f -exec cat {} + > /dev/null
  for rep in $(seq 1 "$REPS"); do
    log "size $n, run $rep of $REPS"
    measure "floor-$n" "$EX/floor" "$dir"
    rm -rf "$BENCH_DIR/out-$n"
    measure "rank-$n" "$BIN" rank "$RESUME" "$dir" --as-of 2026-11 -f csv --out "$BENCH_DIR/out-$n" -q
    measure "ranknr-$n" "$BIN" rank "$RESUME" "$dir" --as-of 2026-11 -f csv --no-report -q
    if [[ -n "$PY" ]]; then
      measure "baseline-$n" "$PY" benches/baseline.py "$RESUME" "$dir" --names "$BENCH_DIR/taxonomy_names.jsonl" --procs 2
    fi
    if [[ $HAS_MATRIX -eq 1 ]]; then
      rm -f "$BENCH_DIR/matrix-$n.parquet"
      measure "matrix-$n" "$BIN" matrix "$BENCH_DIR/resumes-$RESUMES" --jobs "$dir" --top 50 --as-of 2026-11 --out "$BENCH_DIR/matrix-$n.parquet" -q
    fi
  done
  fw=$(median "${T[floor-$n]}")
  rw=$(median "${T[rank-$n]}")
  bw=$(median "${T[baseline-$n]:-}")
  for what in rank ranknr matrix; do
    [[ -n "${T[$what-$n]:-}" ]] || continue
    w=$(median "${T[$what-$n]}")
    case $what in
      rank) name="rank (report folder)"; base=$(ratio "$bw" "$w"); vs="1.0" ;;
      ranknr) name="rank --no-report"; base=$(ratio "$bw" "$w"); vs=$(ratio "$w" "$rw") ;;
      matrix) name="matrix, $RESUMES résumés"; base="–"; vs=$(ratio "$w" "$rw") ;;
    esac
    b=${bw:-–}; brss=${M[baseline-$n]:-–}; bcpu=$(median "${C[baseline-$n]:-}")
    [[ $what != matrix ]] || { b="–"; brss="–"; bcpu=""; }
    ROWS+=("| $name | $n | $fw | $w | $(ratio "$w" "$fw") | $b | $base | $vs | $(median "${C[$what-$n]}") / ${bcpu:-–} | ${M[floor-$n]} / ${M[$what-$n]} / $brss |")
  done
done

echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; load average at start: $LOAD0; median of $REPS alternating runs; commit $(git -C "$ROOT" rev-parse --short HEAD); binary $BIN"
echo
echo "| command | postings | floor s | wall s | ÷ floor | baseline s | baseline ÷ wall | ÷ rank | CPU s this / baseline | peak RSS MB floor / this / baseline |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
for note in "${NOTES[@]}"; do echo "- note: $note"; done

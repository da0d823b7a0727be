#!/usr/bin/env bash
# Benchmark `skillfit rank` (and `skillfit matrix`, when it exists) against the hardware floor
# (walk + read + pulldown-cmark over every file, examples/floor.rs) on synthetic corpora.
#
#   scripts/bench.sh                 # 1k, 10k and 100k postings
#   SIZES="1000 10000" scripts/bench.sh
#
# Env: BENCH_DIR (default /tmp/skillfit-bench), SIZES (default "1000 10000 100000"),
#      CARGO_TARGET_DIR (default $HOME/.cache/skillfit-target), RESUMES (résumés for matrix, 100).
# Output: progress on stderr, a Markdown table on stdout; raw `time -v` logs in $BENCH_DIR/logs.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/skillfit-target}"
BENCH_DIR="${BENCH_DIR:-/tmp/skillfit-bench}"
SIZES="${SIZES:-1000 10000 100000}"
RESUMES="${RESUMES:-100}"
RESUME=tests/fixtures/resumes/ja_sre.md
BIN="$CARGO_TARGET_DIR/release/skillfit"
EX="$CARGO_TARGET_DIR/release/examples"
LOGS="$BENCH_DIR/logs"

log() { echo "bench: $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  log "/usr/bin/time missing; installing the 'time' package"
  apt-get install -y time >&2 || { apt-get update >&2 && apt-get install -y time >&2; }
fi

log "building release binary and examples"
cargo build --release --bin skillfit --example gen_corpus --example floor >&2

mkdir -p "$BENCH_DIR" "$LOGS"

# gen SIZE -> $BENCH_DIR/postings-SIZE (regenerated only when its stamp is missing).
gen() {
  local n=$1 dir="$BENCH_DIR/postings-$1"
  if [[ ! -f "$dir/.done-seed1" ]]; then
    rm -rf "$dir"
    "$EX/gen_corpus" --count "$n" --out "$dir" --seed 1 >&2
    touch "$dir/.done-seed1"
  fi
}

# measure LABEL CMD... : runs CMD under `time -v`; sets WALL (s), RSS (MB), RC.
measure() {
  local label=$1; shift
  local logf="$LOGS/$label.time"
  local t0 t1
  set +e
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$logf" "$@" > "$LOGS/$label.stdout" 2> "$LOGS/$label.stderr"
  RC=$?
  t1=$(date +%s.%N)
  set -e
  # Wall time from date (ms resolution; `time -v` rounds to 10 ms), RSS from `time -v`.
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$logf")
  log "$label: wall ${WALL}s, peak RSS ${RSS} MB, exit $RC"
}

HAS_MATRIX=0
if "$BIN" matrix --help > /dev/null 2>&1; then
  HAS_MATRIX=1
  if [[ ! -f "$BENCH_DIR/resumes-$RESUMES/.done-seed1" ]]; then
    rm -rf "$BENCH_DIR/resumes-$RESUMES"
    "$EX/gen_corpus" --resumes "$RESUMES" --out "$BENCH_DIR/resumes-$RESUMES" --seed 1 >&2
    touch "$BENCH_DIR/resumes-$RESUMES/.done-seed1"
  fi
else
  log "'skillfit matrix --help' fails: matrix not measured"
fi

ROWS=()
MROWS=()
NOTES=()
declare -A RANK_WALL
for n in $SIZES; do
  gen "$n"
  dir="$BENCH_DIR/postings-$n"
  files=$(find "$dir" -type f ! -name '.done-*' | wc -l)
  bytes=$(find "$dir" -type f ! -name '.done-*' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  log "size $n: $files files, $mb MB; warming the page cache"
  find "$dir" -type f -exec cat {} + > /dev/null

  measure "floor-$n" "$EX/floor" "$dir"
  fw=$WALL; frss=$RSS
  [[ $RC -eq 0 ]] || NOTES+=("floor $n exited $RC")

  out="$BENCH_DIR/out-$n"
  rm -rf "$out"
  measure "rank-$n" "$BIN" rank "$RESUME" "$dir" --as-of 2026-11 --format csv --out "$out" -q
  rw=$WALL; rrss=$RSS; rrc=$RC
  RANK_WALL[$n]=$rw
  skipped=$(grep -c '' "$LOGS/rank-$n.stderr" || true)
  case $rrc in
    0) ;;
    1) NOTES+=("rank $n exited 1 (some postings skipped; $skipped stderr lines, see $LOGS/rank-$n.stderr)") ;;
    *) NOTES+=("rank $n FAILED with exit $rrc (see $LOGS/rank-$n.stderr)") ;;
  esac

  ROWS+=("$(awk -v n="$n" -v f="$files" -v mb="$mb" -v fw="$fw" -v rw="$rw" -v frss="$frss" -v rrss="$rrss" -v rc="$rrc" 'BEGIN {
    r = (fw > 0) ? sprintf("%.2f", rw / fw) : "n/a";
    ffs = (fw > 0) ? sprintf("%.0f", f / fw) : "n/a"; rfs = (rw > 0) ? sprintf("%.0f", f / rw) : "n/a";
    fmb = (fw > 0) ? sprintf("%.1f", mb / fw) : "n/a"; rmb = (rw > 0) ? sprintf("%.1f", mb / rw) : "n/a";
    printf "| %d | %d | %s | %.3f | %.3f | %s | %s / %s | %s / %s | %s / %s | %d |", n, f, mb, fw, rw, r, ffs, rfs, fmb, rmb, frss, rrss, rc }')")

  if [[ $HAS_MATRIX -eq 1 ]]; then
    rm -f "$BENCH_DIR/matrix-$n.parquet"
    measure "matrix-$n" "$BIN" matrix "$BENCH_DIR/resumes-$RESUMES" --jobs "$dir" --top 50 --out "$BENCH_DIR/matrix-$n.parquet" -q
    [[ $RC -le 1 ]] || NOTES+=("matrix $n FAILED with exit $RC (see $LOGS/matrix-$n.stderr)")
    MROWS+=("$(awk -v n="$n" -v r="$RESUMES" -v w="$WALL" -v fw="$fw" -v rss="$RSS" -v rc="$RC" 'BEGIN {
      printf "| %d | %d | %.3f | %s | %s | %d |", n, r, w, (fw > 0) ? sprintf("%.2f", w / fw) : "n/a", rss, rc }')")
  fi
done

echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM"
echo
echo "| postings | files | MB | floor wall s | rank wall s | rank/floor | files/s floor / rank | MB/s floor / rank | peak RSS MB floor / rank | rank exit |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
if [[ -n "${RANK_WALL[10000]:-}" && -n "${RANK_WALL[100000]:-}" ]]; then
  echo
  awk -v a="${RANK_WALL[100000]}" -v b="${RANK_WALL[10000]}" 'BEGIN { printf "rank 100k / 10k wall time: %.2f (target <= 11)\n", (b > 0) ? a / b : 0 }'
fi
echo
if [[ $HAS_MATRIX -eq 1 ]]; then
  echo "| postings | résumés | matrix wall s | matrix/floor | matrix peak RSS MB | exit |"
  echo "|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${MROWS[@]}"
else
  echo "skillfit matrix: not measured ('skillfit matrix --help' failed: the subcommand does not exist in this build)."
fi
for note in "${NOTES[@]}"; do echo "- note: $note"; done

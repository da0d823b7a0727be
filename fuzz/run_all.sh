#!/usr/bin/env bash
# Run every fuzz target (already built with `cargo fuzz build -O --sanitizer none`) in parallel,
# each until RUNS executions or SECONDS seconds, whichever comes first; logs in fuzz/logs/.
# Usage, from the repository root: bash fuzz/run_all.sh [RUNS] [SECONDS] [TARGET...]
# Env: FUZZ_MAX_LEN caps -max_len of every target.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-1000000}
SECS=${2:-3600}
shift 2 || true
BIN=${CARGO_TARGET_DIR:-fuzz/target}/x86_64-unknown-linux-gnu/release
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(period config taxonomy posting_md posting_txt posting_html posting_json resume score)
mkdir -p fuzz/logs
for t in "${targets[@]}"; do
  case "$t" in
    period | config | taxonomy) len=4096 ;;
    score) len=16384 ;;
    *) len=8192 ;;
  esac
  # FUZZ_MAX_LEN caps every target (smaller inputs run faster on a small machine).
  if [ -n "${FUZZ_MAX_LEN:-}" ] && [ "$FUZZ_MAX_LEN" -lt "$len" ]; then len=$FUZZ_MAX_LEN; fi
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  nice -n 15 "$BIN/$t" "fuzz/corpus/$t" -runs="$RUNS" -max_total_time="$SECS" -max_len="$len" \
    -dict=fuzz/skillfit.dict -timeout=10 -rss_limit_mb=1536 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" > "fuzz/logs/$t.log" 2>&1 &
done
wait
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  crashes=$(ls "fuzz/artifacts/$t" | wc -l)
  echo "$t: $runs executions, $crashes artifacts"
done

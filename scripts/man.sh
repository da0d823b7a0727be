#!/usr/bin/env bash
# Regenerate the committed man pages in doc/ from the CLI declarations (src/cli.rs):
# doc/skillfit.1 and one doc/skillfit-COMMAND.1 per command. tests/polish.rs checks they are
# current.
#
#   scripts/man.sh              # uses `cargo run` (debug build)
#   SKILLFIT=path/to/skillfit scripts/man.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${SKILLFIT:-}" ]]; then
    run=("$SKILLFIT")
else
    run=(cargo run --quiet --locked --)
fi
mkdir -p doc
"${run[@]}" man >doc/skillfit.1
for cmd in profile timeline posting score rank gaps matrix config taxonomy completions man; do
    "${run[@]}" man "$cmd" >"doc/skillfit-$cmd.1"
done
ls doc/*.1 | wc -l | xargs printf '%s pages written to doc/\n'

#!/usr/bin/env bash
# Fetch the real public documents listed in tests/real/MANIFEST.tsv (résumés) and
# tests/real/POSTINGS_MANIFEST.tsv (postings), and in the same files of the held-out sets
# tests/real/heldout*/, into corpus/real/ (git-ignored: they carry no
# licence and hold personal data, so they are never committed). Needs network access to
# raw.githubusercontent.com. Then: cargo run --example eval_real -- corpus/real tests/real
set -euo pipefail
cd "$(dirname "$0")/.."
fetch() { # manifest folder
  tail -n +2 "$1" | while IFS=$'\t' read -r name repo path commit _rest; do
    [ -n "$name" ] || continue
    out="corpus/real/$2/$name"
    [ -s "$out" ] && continue
    mkdir -p "corpus/real/$2"
    curl -fsSL "https://raw.githubusercontent.com/$repo/$commit/${path// /%20}" -o "$out.tmp" \
      && mv "$out.tmp" "$out" || { rm -f "$out.tmp"; echo "could not fetch $repo:$path" >&2; }
  done
}
for set in tests/real tests/real/heldout*; do
  [ -f "$set/MANIFEST.tsv" ] && fetch "$set/MANIFEST.tsv" resumes
  [ -f "$set/POSTINGS_MANIFEST.tsv" ] && fetch "$set/POSTINGS_MANIFEST.tsv" postings
done
echo "fetched into corpus/real/"

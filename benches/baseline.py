#!/usr/bin/env python3
"""The naïve version of `skillfit rank`, for scripts/bench.sh to time side by side (issue 11).

What a user could script in ten minutes:

- walk POSTINGS (every file, sorted paths), a multiprocessing.Pool(2) maps one file to one score;
- text: `.md`/`.markdown`/`.txt` through mistune 3's AST (renderer="ast"), the `raw` of every
  leaf joined (one line per block); `.html`/`.htm` with every tag cut out by one regex
  (`<script>`/`<style>` bodies included, no DOM) and entities unescaped; `.json` the
  `description` field only (what a script would take first; the other fields are not read);
  anything else read as plain text;
- `str.lower()`, then pyahocorasick's `iter_long` (longest non-overlapping matches, no word
  boundaries, no level, no years) over every name and alias of skillfit's built-in taxonomy,
  lower-cased (NAMES: JSON lines from `examples/taxonomy_names.rs`, so the strings are
  skillfit's own);
- the résumé goes through the same text → lower → iter_long steps, giving its skill set;
- score = 100 × |posting skills ∩ résumé skills| / |posting skills| (0 for a posting with no
  skill), sorted by score then path; CSV `posting,score,matched,total` on stdout.

    benches/baseline.py RESUME POSTINGS --names names.jsonl [--procs 2]
"""

import argparse
import csv
import html
import json
import os
import re
import sys
from multiprocessing import Pool

import ahocorasick
import mistune

TAG = re.compile(r"<[^>]*>")
MARKDOWN = mistune.create_markdown(renderer="ast")
AUTOMATON = None
RESUME_SKILLS = frozenset()


def ast_text(tokens, out):
    for t in tokens:
        raw = t.get("raw")
        if isinstance(raw, str):
            out.append(raw)
        children = t.get("children")
        if children:
            ast_text(children, out)
            out.append("\n")
        elif t.get("type") in ("softbreak", "linebreak", "blank_line"):
            out.append("\n")


def text_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        s = f.read()
    ext = os.path.splitext(path)[1].lower()
    if ext in (".md", ".markdown", ".txt"):
        out = []
        ast_text(MARKDOWN(s), out)
        return "".join(out)
    if ext in (".html", ".htm"):
        return html.unescape(TAG.sub(" ", s))
    if ext == ".json":
        try:
            d = json.loads(s)
        except ValueError:
            return ""
        v = d.get("description", "") if isinstance(d, dict) else ""
        return v if isinstance(v, str) else ""
    return s


def skills_of(text):
    return {v for _, v in AUTOMATON.iter_long(text.lower())}


def score(path):
    p = skills_of(text_of(path))
    matched = len(p & RESUME_SKILLS)
    return (path, round(100.0 * matched / len(p), 1) if p else 0.0, matched, len(p))


def main():
    global AUTOMATON, RESUME_SKILLS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("resume")
    ap.add_argument("postings")
    ap.add_argument("--names", required=True, help="JSON lines from examples/taxonomy_names")
    ap.add_argument("--procs", type=int, default=2)
    args = ap.parse_args()

    # Built before the pool forks: the workers share it.
    AUTOMATON = ahocorasick.Automaton()
    with open(args.names, encoding="utf-8") as f:
        for line in f:
            skill = json.loads(line)
            for name in skill["names"]:
                key = name.lower()
                if key and key not in AUTOMATON:
                    AUTOMATON.add_word(key, skill["id"])
    AUTOMATON.make_automaton()
    RESUME_SKILLS = frozenset(skills_of(text_of(args.resume)))

    files = []
    for root, dirs, names in os.walk(args.postings):
        dirs.sort()
        files.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))

    with Pool(args.procs) as pool:
        rows = pool.map(score, files, chunksize=256)
    rows.sort(key=lambda r: (-r[1], r[0]))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["posting", "score", "matched", "total"])
    w.writerows(rows)


if __name__ == "__main__":
    main()

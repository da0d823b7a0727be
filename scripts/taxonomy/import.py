#!/usr/bin/env python3
"""Build skillfit's imported taxonomy from pinned public sources.

Usage: import.py CACHE_DIR CURATED_TOML OUT_TSV OUT_WORDS

Sources (licences and attribution in src/taxonomy/sources/):
  linguist-languages 9.5.0 (MIT)      programming, markup and data languages with aliases
  devicon 2.17.0 (MIT)                developer tools and frameworks (names, alternative names, tags)
  simple-icons 16.37.0 (CC0-1.0)      display titles and aliases of products that another
                                      source also lists (simple-icons alone is mostly brands)
  skill-extractor 0.2.0 (MIT)         30,957 lower-case skill names, filtered (see `keep_se`)
  wordfreq 3.1.1 (Apache-2.0 code, CC BY-SA 4.0 data): used only to decide which names are
                                      ordinary English words (a yes/no flag), not copied
  an-array-of-english-words 2.0.0 (MIT): the dictionary that stops fuzzy matching of real words

The curated file (skills.toml) wins on every conflict: an imported name or alias that the
curated core already claims merges into that curated skill (adding only unclaimed aliases).

Output OUT_TSV, one record per line, fields separated by tabs:
  S  id  name  category  sources  flags  alias...
                                             a skill that is not in the curated core; flags `c`:
                                             matched only as written (names of 1 to 3 characters)
  X  id  sources  alias...                   aliases added to a curated skill
  A  key  zipf                               a name/alias key that is an ordinary English word,
                                             with its Zipf frequency (wordfreq)
"""
import json
import os
import re
import sys
import tomllib
import unicodedata

from wordfreq import zipf_frequency

# A one-word name that is a dictionary word at least this frequent in English (Zipf scale: 2.5 = about
# three per hundred million words) is an ordinary word: it counts only where it names the product.
AMBIGUOUS_ZIPF = 2.5
STOP_TOKENS = {
    "and", "or", "of", "the", "with", "for", "to", "in", "on", "a", "an", "at", "by", "as",
    "from", "und", "de", "des", "la", "le", "et", "e", "y",
}
GENERIC_TAIL = {"skills", "skill", "experience", "knowledge", "ability", "abilities", "understanding"}

DEVICON_CATEGORY = [
    ("database", "database"), ("language", "language"), ("programming", "language"),
    ("framework", "framework"), ("library", "framework"), ("testing", "testing"),
    ("machine-learning", "ml"), ("data-science", "ml"), ("monitoring", "observability"),
    ("version-control", "vcs"), ("security", "security"), ("mobile", "mobile"),
    ("kubernetes", "orchestration"), ("cloud", "cloud"), ("os", "os"), ("linux", "os"),
    ("css", "frontend"), ("ui", "frontend"), ("editor", "tool"), ("ide", "tool"),
]


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def key(s):
    return " ".join(nfkc(s).split()).lower()


def loose(k):
    """`node.js`, `node js`, `nodejs` and `Node-JS` are one thing."""
    return re.sub(r"(?<=\w)[\s._-]+(?=\w)", "", k)


def alpha_tokens(k):
    return re.findall(r"[a-z]+", k)


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def is_ordinary(k, words):
    """The key is one frequent English word (`go`, `spring`, `chef`). Names of several words
    (`Apache Spark`, `Active Directory`) are names even when each word is common."""
    if len(k) == 1:
        return k.isascii() and k.isalpha()
    return k in words and zipf_frequency(k, "en") >= AMBIGUOUS_ZIPF


class Taxonomy:
    def __init__(self):
        self.groups = []  # dicts: id, name, category, sources(list), aliases(list), curated
        self.by_key = {}  # key -> group index
        self.by_loose = {}  # loose key -> group index
        self.ids = set()
        self.not_skills = set()

    def claim(self, g, k):
        self.by_key.setdefault(k, g)
        self.by_loose.setdefault(loose(k), g)

    def owner(self, k):
        if k in self.by_key:
            return self.by_key[k]
        return self.by_loose.get(loose(k))

    def add_alias(self, g, alias):
        k = key(alias)
        if not k or self.owner(k) is not None or k in self.not_skills:
            return False
        # A dictionary word is not another name of a differently named skill (linguist's
        # `node` for JavaScript, `rake` for Ruby), and neither is a code of three letters or
        # fewer (linguist's `inc` for PHP would find PHP in every `Acme Inc.`).
        if k != key(self.groups[g]["name"]) and (k in WORDS or len(k) <= 3):
            return False
        self.groups[g]["aliases"].append(alias)
        self.claim(g, k)
        return True

    def new_id(self, name):
        base = key(name).replace("++", "pp").replace("#", "sharp")
        base = re.sub(r"[^a-z0-9]+", "-", base).strip("-") or "skill"
        cand, n = base, 2
        while cand in self.ids:
            cand, n = f"{base}-{n}", n + 1
        self.ids.add(cand)
        return cand

    def merge(self, name, aliases, category, source):
        """Add one entry: into the group that owns its name or an alias, else as a new skill."""
        names = [name] + [a for a in aliases if a]
        g = None
        for n in names:
            g = self.owner(key(n))
            if g is not None:
                break
        if g is None:
            if self.owner(key(name)) is not None or not key(name) or key(name) in self.not_skills:
                return None
            g = len(self.groups)
            self.groups.append(
                {"id": self.new_id(name), "name": name, "category": category,
                 "sources": [source], "aliases": [], "curated": False}
            )
            self.claim(g, key(name))
        elif source not in self.groups[g]["sources"]:
            self.groups[g]["sources"].append(source)
        for a in names:
            self.add_alias(g, a)
        return g


def load_curated(t, path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    t.not_skills = {key(x) for x in data.get("not_skills", [])}
    for s in data["skill"]:
        g = len(t.groups)
        t.ids.add(s["id"])
        t.groups.append(
            {"id": s["id"], "name": s["name"], "category": s["category"], "sources": ["curated"],
             "aliases": [], "curated": True, "case_sensitive": s.get("case_sensitive", False),
             "curated_keys": {key(x) for x in [s["name"]] + s.get("aliases", [])}}
        )
        for x in [s["name"]] + s.get("aliases", []):
            k = key(x)
            t.by_key.setdefault(k, g)
            # Case-sensitive curated names (Go, C, Chef) must not swallow loose variants.
            if not s.get("case_sensitive", False):
                t.by_loose.setdefault(loose(k), g)


def js_field(text, field):
    m = re.search(rf"^  {field}: (\[[^\]]*\]|'[^']*'|\"[^\"]*\")", text, re.M)
    if not m:
        return None
    v = m.group(1)
    if v.startswith("["):
        return re.findall(r"'([^']*)'|\"([^\"]*)\"", v) and [
            a or b for a, b in re.findall(r"'([^']*)'|\"([^\"]*)\"", v)
        ]
    return v[1:-1]


def load_linguist(t, root):
    data = os.path.join(root, "package", "data")
    for fn in sorted(os.listdir(data)):
        if not fn.endswith(".js"):
            continue
        text = open(os.path.join(data, fn), encoding="utf-8").read()
        name = js_field(text, "name")
        if not name:
            continue
        kind = js_field(text, "type")
        aliases = js_field(text, "aliases") or []
        # Aliases of one or two letters (`c`, `r`, `ps`) are file-type shorthands, not names.
        aliases = [a for a in aliases if len(a) >= 3]
        t.merge(name, aliases, "language" if kind == "programming" else "other", "linguist")


def load_devicon_simpleicons(t, dv_root, si_root):
    si = json.load(open(os.path.join(si_root, "package", "data", "simple-icons.json"), encoding="utf-8"))
    by_slug = {i["slug"]: i for i in si}
    dv = json.load(open(os.path.join(dv_root, "package", "devicon.json"), encoding="utf-8"))
    for d in sorted(dv, key=lambda d: d["name"]):
        icon = by_slug.get(d["name"])
        name = icon["title"] if icon else d["name"]
        aliases = [d["name"]] + list(d.get("altnames", []))
        if icon:
            aliases += si_aliases(icon)
        category = "other"
        for tag, cat in DEVICON_CATEGORY:
            if tag in d.get("tags", []):
                category = cat
                break
        t.merge(name, aliases, category, "devicon")
    return si


def si_aliases(icon):
    a = icon.get("aliases", {})
    out = list(a.get("aka", []))
    out += [d["title"] for d in a.get("dup", [])]
    out += [v for _, v in sorted(a.get("loc", {}).items())]
    return out


def load_simpleicons_known(t, si):
    """simple-icons titles for products some other source already knows."""
    for icon in sorted(si, key=lambda i: i["slug"]):
        names = [icon["title"]] + si_aliases(icon)
        g = None
        for n in names:
            g = t.owner(key(n))
            if g is not None:
                break
        if g is None:
            continue
        if "simple-icons" not in t.groups[g]["sources"]:
            t.groups[g]["sources"].append("simple-icons")
        for n in names:
            t.add_alias(g, n)


def keep_se(k, words, known):
    toks = k.split()
    # Codes of three letters or fewer (`ci`, `ssr`, `hrt`) mean too many things to be read
    # without the context no gazetteer has; other sources or the curated core name the ones
    # that matter.
    if len(toks) == 1 and len(k) <= 3:
        return False
    if len(toks) > 3 or len(k) < 2 or any(tok in STOP_TOKENS for tok in toks):
        return False
    if any(c in k for c in "/,;:!?\"()[]{}–—…") or toks[-1] in GENERIC_TAIL:
        return False
    alpha = alpha_tokens(k)
    if not alpha:
        return False
    # A name needs a word no English dictionary has (a product, an acronym, a term of art:
    # `hipaa`, `devops`, `pytest`); phrases of dictionary words (`debugging tools`,
    # `maintainable code`, `cloud infrastructures`) are descriptions, not skills, and so are
    # phrases whose only such words are known names (`web api`, `saas solutions`).
    odd = [w for w in alpha if w not in words]
    if not odd:
        return False
    if len(alpha) > 1 and all(w in known for w in odd):
        return False
    return True


WORDS = set()


def display(k):
    """`aws lambda` → `AWS Lambda`: short rare words are acronyms, other words capitalised."""
    out = []
    for w in k.split(" "):
        if w.isalpha() and len(w) <= 4 and w not in WORDS:
            out.append(w.upper())
        elif w.isalpha():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    return " ".join(out)


VERSION = re.compile(r"^(.*?[a-z+#])\s*v?\d+(\.\d+)*\+?$")
PAREN = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


def described(t, k, words):
    """The known skill whose name or alias begins `k` word for word, when every other word of
    `k` is a dictionary word or a number."""
    toks = k.split()
    if len(toks) < 2:
        return None
    found = None
    # The known name leads (`vpc design`, not `nexus vpc` or `express js`).
    for j in range(len(toks) - 1, 0, -1):
        g = t.by_key.get(" ".join(toks[:j]))
        if g is None:
            continue
        rest = toks[j:]
        if all(w in words or re.fullmatch(r"[0-9.+x]+", w) for w in rest):
            found = g
        break
    return found


def load_skill_extractor(t, root, words):
    entries = json.load(open(os.path.join(root, "skill_extractor", "data", "skills.json"), encoding="utf-8"))
    entries = sorted(set(key(e) for e in entries))
    known = set(t.by_key) | t.not_skills
    later = []
    for k in entries:
        # `python 3`, `.net 8+`: a version of something known is an alias of it.
        m = VERSION.match(k)
        if m and t.owner(m.group(1)) is not None:
            t.add_alias(t.owner(m.group(1)), k)
            if "skill-extractor" not in t.groups[t.owner(m.group(1))]["sources"]:
                t.groups[t.owner(m.group(1))]["sources"].append("skill-extractor")
            continue
        # `webassembly (wasm)`: a name and its abbreviation.
        m = PAREN.match(k)
        if m:
            base, abbr = m.group(1).strip(), m.group(2).strip()
            # Only a one-word abbreviation (`wasm`, `aws`) is another name for the base.
            is_abbr = 3 <= len(abbr) <= 8 and re.fullmatch(r"[a-z0-9.+#-]+", abbr)
            if keep_se(base, words, known) or t.owner(base) is not None:
                later.append((base, [abbr] if is_abbr else []))
            continue
        if t.owner(k) is not None:
            g = t.owner(k)
            if "skill-extractor" not in t.groups[g]["sources"]:
                t.groups[g]["sources"].append("skill-extractor")
            continue
        # `vpc design`, `redis caching`, `xcode instruments`: one known name and dictionary
        # words describe that skill: another way to write it.
        g = described(t, k, words)
        if g is not None:
            t.add_alias(g, k)
            continue
        if keep_se(k, words, known):
            later.append((k, []))
    for k, aliases in later:
        g = t.owner(k)
        if g is None:
            t.merge(display(k), [k] + aliases, "other", "skill-extractor")
        else:
            for a in aliases:
                t.add_alias(g, a)


def add_variants(t):
    """Spellings people write for the same name:
    - parts joined or split: `Vue.js` → `Vuejs`, `Vue JS`; `Apache Kafka` → `Apache-Kafka`,
      `ApacheKafka` (names of two or three parts, without version numbers);
    - the other grammatical number of a lower-case phrase from skill-extractor:
      `serverless environments` ↔ `serverless environment`."""
    def add(g, grp, v):
        k = key(v)
        if k and k not in t.by_key:
            grp["aliases"].append(v)
            t.by_key[k] = g

    for g, grp in enumerate(t.groups):
        if grp.get("case_sensitive"):
            continue
        forms = [grp["name"]] + list(grp["aliases"])
        for f in forms:
            if not is_ascii(f) or re.search(r"\d", f) or not re.search(r"\w[\s._-]+\w", f):
                continue
            parts = [p for p in re.split(r"[\s._-]+", f) if p]
            if len(parts) < 2 or len(parts) > 3:
                continue
            for sep in ("", " ", "-"):
                v = sep.join(parts)
                if v != f:
                    add(g, grp, v)
        if grp["curated"] or grp["sources"][0] != "skill-extractor":
            continue
        for f in forms:
            k = key(f)
            if " " not in k or not re.fullmatch(r"[a-z ]+", k):
                continue
            last = k.rsplit(" ", 1)[1]
            if last.endswith("ies") and len(last) > 4:
                other = last[:-3] + "y"
            elif re.search(r"(ss|sis|us|is)$", last):
                continue
            elif last.endswith("s") and len(last) > 4:
                other = last[:-1]
            elif last.endswith("y") and last[-2:-1] not in "aeiou":
                other = last[:-1] + "ies"
            elif re.search(r"(s|x|z|ch|sh)$", last):
                other = last + "es"
            else:
                other = last + "s"
            add(g, grp, k.rsplit(" ", 1)[0] + " " + other)


def main():
    cache, curated, out_tsv, out_words = sys.argv[1:5]
    words_all = json.load(open(os.path.join(cache, "an-array-of-english-words-2.0.0", "package", "index.json")))
    words = set(words_all)
    WORDS.update(words)
    t = Taxonomy()
    load_curated(t, curated)
    load_linguist(t, os.path.join(cache, "linguist-languages-9.5.0"))
    si = load_devicon_simpleicons(t, os.path.join(cache, "devicon-2.17.0"), os.path.join(cache, "simple-icons-16.37.0"))
    load_skill_extractor(t, os.path.join(cache, "skill-extractor"), words)
    load_simpleicons_known(t, si)
    add_variants(t)

    lines = [
        "# Generated by scripts/taxonomy/import.sh from the sources in src/taxonomy/sources/.",
        "# Do not edit: change skills.toml (curated, wins on conflict) or the script, then re-run.",
    ]
    ambiguous = {}
    n_skills = n_aliases = 0
    for grp in t.groups:
        forms = [grp["name"]] + grp["aliases"]
        if grp["curated"]:
            forms += sorted(grp["curated_keys"])
        for f in forms:
            k = key(f)
            if is_ordinary(k, words):
                ambiguous[k] = zipf_frequency(k, "en")
        if grp["curated"]:
            extra = [a for a in grp["aliases"] if key(a) not in grp["curated_keys"]]
            n_skills += 1
            n_aliases += len(grp["curated_keys"]) - 1 + len(extra)
            if extra or len(grp["sources"]) > 1:
                lines.append("\t".join(["X", grp["id"], ",".join(grp["sources"])] + extra))
        else:
            n_skills += 1
            n_aliases += len(grp["aliases"])
            flags = "c" if len(grp["name"]) <= 3 else ""
            lines.append("\t".join(["S", grp["id"], grp["name"], grp["category"], ",".join(grp["sources"]), flags] + grp["aliases"]))
    for k in sorted(ambiguous):
        lines.append(f"A\t{k}\t{ambiguous[k]:.1f}")
    for ln in lines:
        if "\n" in ln or "\r" in ln:
            raise SystemExit(f"line break inside a record: {ln!r}")
    with open(out_tsv, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    # The fuzzy matcher's dictionary: lower-case words of 5+ letters (shorter words are never
    # matched fuzzily), sorted, one per line, for a binary search over the embedded text.
    dict_words = sorted(w for w in words if len(w) >= 5 and w.isascii() and w.isalpha() and w.islower())
    with open(out_words, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(dict_words) + "\n")
    print(f"skills {n_skills}, aliases {n_aliases}, ambiguous keys {len(ambiguous)}, dictionary words {len(dict_words)}", file=sys.stderr)


if __name__ == "__main__":
    main()

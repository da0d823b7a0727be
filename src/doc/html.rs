//! HTML fragments inside Markdown (`<details>`, `<summary>`, `<table>`, `<br>`, comments).
//!
//! Takes the raw text of one HTML block; gives a flat list of [`HtmlItem`]s with byte offsets
//! into the fragment. Comments, `<script>` and `<style>` are dropped, entities decoded, `<br>`
//! inside a cell or summary becomes a space (so `2021/01<br/>〜 現在` reads as one period), and
//! a block or list tag inside a cell a separator of its entries (`<li>Vuex</li><li>Jest</li>`
//! reads `Vuex, Jest`).
//! Guarantees: never panics; unclosed tags and comments end at the end of the fragment.

#[derive(Debug, Clone, PartialEq)]
pub enum HtmlItem {
    DetailsOpen,
    DetailsClose,
    Summary(String),
    Row(Vec<String>),
    Text(String),
    /// A list item's text.
    Item(String),
    /// `<h1>`…`<h6>`: level and text.
    Heading(u8, String),
    /// The page `<title>`.
    Title(String),
    /// The raw body of a `<script type="application/ld+json">`.
    JsonLd(String),
}

/// Containers whose content is never visible page text.
const HIDDEN: &[&str] = &[
    "style", "nav", "footer", "header", "noscript", "svg", "template", "iframe", "aside", "form",
    "button", "select",
];

/// Tags that end a block of text (a paragraph, a list item, a cell of a layout): text on
/// either side of one is never one word.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "address",
    "caption",
];

/// Is `name` (lower case, no `<`, `/` or attributes) a tag that ends a block of text?
pub fn is_block_tag(name: &str) -> bool {
    BLOCK_TAGS.contains(&name)
}

/// The lower-case name of the tag `h` (`<li>`, `</UL>`, `<div class="x">`), if it is one.
pub fn tag_name(h: &str) -> Option<String> {
    let inner = h.trim().strip_prefix('<')?.trim_start_matches('/');
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    (!name.is_empty()).then_some(name)
}

/// Is this image URL a badge (shields.io, badgen, or a `/badge/` path)?
pub fn is_badge(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    u.contains("shields.io") || u.contains("badgen.net") || u.contains("/badge/")
}

/// The value of attribute `name` in the inside of a tag (`src="…"`, `alt='…'`).
fn attribute<'a>(inner: &'a str, name: &str) -> Option<&'a str> {
    let lower = inner.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name).map(|i| i + from) {
        from = i + name.len();
        let before_ok = i == 0 || lower.as_bytes()[i - 1].is_ascii_whitespace();
        let rest = inner[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let quote = rest.chars().next()?;
        return if quote == '"' || quote == '\'' {
            rest[1..].split(quote).next()
        } else {
            rest.split(|c: char| c.is_whitespace() || c == '>').next()
        };
    }
    None
}

/// The word a badge image shows: its alt text, else the text of a shields.io static badge URL
/// (`/badge/<label>-<message>-<color>`, `_` for a space, `--` for a dash; an empty label is
/// left out): `badge/-TypeScript_v3.8~4.1-007ACC.svg` gives `TypeScript v3.8~4.1`.
fn badge_word(inner: &str) -> Option<String> {
    let src = attribute(inner, "src")?;
    if !is_badge(src) {
        return None;
    }
    if let Some(alt) = attribute(inner, "alt")
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        return Some(decode_entities(alt));
    }
    let path = src.split(['?', '#']).next()?;
    let spec = &path[path.to_ascii_lowercase().rfind("/badge/")? + "/badge/".len()..];
    let spec = spec.strip_suffix(".svg").unwrap_or(spec);
    // Split at single dashes (`--` is a dash of the text).
    let marked = spec.replace("--", "\u{0}");
    let parts: Vec<String> = marked
        .split('-')
        .map(|p| p.replace('\u{0}', "-").replace('_', " "))
        .collect();
    // The last part is the colour; what is before it is the label and the message.
    let text: Vec<&str> = parts[..parts.len().saturating_sub(1)]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    (!text.is_empty()).then(|| text.join(" "))
}

/// Marks, in the text of a cell, where a block tag stood (`<li>`, `</p>`): the parts on either
/// side are entries of their own (see [`join_parts`]).
pub const PART: char = '\u{1f}';

/// Marks, in the text of a cell, where a line break (`<br>`) stood: see [`join_parts`].
pub const LINE: char = '\u{1e}';

/// A cell's text with its [`PART`] marks made separators: `Vuex⟨PART⟩Jest` gives `Vuex, Jest`
/// (no empty entries, none at the ends); whitespace squashed. A [`LINE`] mark before a list
/// item or a bracketed label (`【DB】<br> - MySQL<br> - Redis`) separates entries too; before
/// anything else it only wraps the text (`2021/01<br>〜 現在`).
pub fn join_parts(s: &str) -> String {
    if s.contains(LINE) {
        let mut joined = String::with_capacity(s.len());
        for (i, piece) in s.split(LINE).enumerate() {
            if i > 0 {
                let t = piece.trim_start();
                let starts_entry = t.starts_with('【')
                    || ['-', '*', '・', '•', '●', '■', '◆'].iter().any(|m| {
                        t.strip_prefix(*m)
                            .is_some_and(|r| r.starts_with(' ') || *m > '\u{7f}')
                    });
                joined.push(if starts_entry { PART } else { ' ' });
            }
            joined.push_str(piece);
        }
        return join_parts(&joined);
    }
    if !s.contains(PART) {
        return crate::text::squash_ws(s);
    }
    s.split(PART)
        .map(crate::text::squash_ws)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Decode HTML entities (every named HTML5 entity and numeric references, by `html-escape`);
/// a no-break space becomes a plain space so it separates words like any other.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    html_escape::decode_html_entities(s).replace('\u{a0}', " ")
}

#[derive(Default)]
struct Scanner {
    items: Vec<(HtmlItem, usize)>,
    text: String,
    text_at: usize,
    in_item: bool,
    heading: Option<(u8, String, usize)>,
    summary: Option<(String, usize)>,
    row: Option<(Vec<String>, usize)>,
    cell: Option<String>,
}

impl Scanner {
    fn push_text(&mut self, s: &str, at: usize) {
        if let Some(cell) = &mut self.cell {
            cell.push_str(s);
        } else if let Some((_, heading, _)) = &mut self.heading {
            heading.push_str(s);
        } else if let Some((summary, _)) = &mut self.summary {
            summary.push_str(s);
        } else {
            for (k, part) in s.split('\n').enumerate() {
                if k > 0 {
                    self.flush();
                }
                if self.text.trim().is_empty() {
                    self.text_at = at;
                }
                self.text.push_str(part);
            }
        }
    }

    fn flush(&mut self) {
        let t = crate::text::squash_ws_owned(decode_entities(&self.text));
        if !t.is_empty() {
            let item = if self.in_item {
                HtmlItem::Item(t)
            } else {
                HtmlItem::Text(t)
            };
            self.items.push((item, self.text_at));
        }
        self.text.clear();
    }

    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            let c = join_parts(&decode_entities(&cell));
            match &mut self.row {
                Some((cells, _)) => cells.push(c),
                None => self.push_text(&format!(" {c} "), 0),
            }
        }
    }
}

/// The `>` that ends the tag `rest` opens, skipping quoted attribute values
/// (`<img src="<?php echo $x; ?>/a.png">`).
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in rest.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, '<') if i > 1 => break,
            _ => {}
        }
    }
    // An unbalanced quote: fall back to the first `>`.
    rest.find('>')
}

/// Byte offset of the first `needle` (ASCII, lower case, starting with `<`) in `hay[from..]`,
/// ignoring ASCII case. Linear: no copy of the rest of the page per tag.
fn find_ascii_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let b = hay.as_bytes();
    let n = needle.as_bytes();
    let mut i = from;
    while let Some(rel) = hay.get(i..)?.find('<') {
        let at = i + rel;
        if b.get(at..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

impl Scanner {
    /// One tag (`name`, an end tag when `is_end`, `inner` between `<` and `>`, at byte `at`;
    /// its text starts at `i`): gives where scanning goes on (past the content of a tag whose
    /// content is no text: scripts, styles, the title).
    /// A match with one arm per tag name (a table more than logic), hence its length.
    fn tag(
        &mut self,
        fragment: &str,
        name: &str,
        is_end: bool,
        inner: &str,
        at: usize,
        i: usize,
    ) -> usize {
        // (The end tag is spelled out only for the tags whose content is skipped.)
        let skip_to_end = |from: usize| {
            find_ascii_ci(fragment, from, &format!("</{name}")).unwrap_or(fragment.len())
        };
        match (name, is_end) {
            ("script", false) => {
                let end = skip_to_end(i);
                if inner.to_ascii_lowercase().contains("ld+json") {
                    self.items
                        .push((HtmlItem::JsonLd(fragment[i..end].to_owned()), i));
                }
                return end;
            }
            ("title", false) => {
                let end = skip_to_end(i);
                let t = crate::text::squash_ws_owned(decode_entities(&fragment[i..end]));
                self.items.push((HtmlItem::Title(t), at));
                return end;
            }
            (hidden, false) if HIDDEN.contains(&hidden) => {
                return skip_to_end(i);
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false)
                if self.cell.is_none() && self.summary.is_none() =>
            {
                self.flush();
                let level = name.as_bytes()[1] - b'0';
                self.heading = Some((level, String::new(), at));
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) if self.heading.is_some() => {
                if let Some((level, t, pos)) = self.heading.take() {
                    let t = crate::text::squash_ws_owned(decode_entities(&t));
                    if !t.is_empty() {
                        self.items.push((HtmlItem::Heading(level, t), pos));
                    }
                }
            }
            ("li", false) if self.cell.is_none() && self.summary.is_none() => {
                self.flush();
                self.in_item = true;
            }
            ("li", true) if self.cell.is_none() && self.summary.is_none() => {
                self.flush();
                self.in_item = false;
            }
            ("details", false) => {
                self.flush();
                self.items.push((HtmlItem::DetailsOpen, at));
            }
            ("details", true) => {
                self.flush();
                self.items.push((HtmlItem::DetailsClose, at));
            }
            ("summary", false) => {
                self.flush();
                self.summary = Some((String::new(), at));
            }
            ("summary", true) => {
                if let Some((s, pos)) = self.summary.take() {
                    let s = crate::text::squash_ws_owned(decode_entities(&s));
                    self.items.push((HtmlItem::Summary(s), pos));
                }
            }
            // `<img src="https://img.shields.io/badge/-TypeScript_v4.1-007ACC.svg" alt="…">`: a
            // badge is a word written as a picture (its alt text, else the text it shows);
            // other images say nothing.
            ("img", false) => {
                if let Some(text) = badge_word(inner) {
                    self.push_text(&text, at);
                    match &mut self.cell {
                        Some(cell) => cell.push(PART),
                        None => self.push_text(", ", at),
                    }
                }
            }
            ("br", _) => {
                if self.cell.is_some() || self.summary.is_some() {
                    self.push_text(" ", at);
                } else {
                    self.flush();
                }
            }
            ("tr", false) => {
                self.flush();
                self.row = Some((Vec::new(), at));
            }
            ("td" | "th", false) => {
                self.end_cell();
                self.cell = Some(String::new());
            }
            ("td" | "th", true) => self.end_cell(),
            ("tr", true) => {
                self.end_cell();
                if let Some((cells, pos)) = self.row.take() {
                    if cells.iter().any(|c| !c.is_empty()) {
                        self.items.push((HtmlItem::Row(cells), pos));
                    }
                }
            }
            (block, _) if is_block_tag(block) && self.summary.is_none() => {
                // In a cell (`<td><ul><li>Vuex</li><li>Jest</li></ul></td>`) the blocks are
                // the cell's entries; elsewhere each is a line.
                match &mut self.cell {
                    Some(cell) => cell.push(PART),
                    None => self.flush(),
                }
            }
            _ => {}
        }
        i
    }

    /// Close what is still open at the end of the fragment and give the items.
    fn finish(mut self) -> Vec<(HtmlItem, usize)> {
        self.end_cell();
        if let Some((cells, pos)) = self.row.take() {
            if !cells.is_empty() {
                self.items.push((HtmlItem::Row(cells), pos));
            }
        }
        if let Some((s, pos)) = self.summary.take() {
            self.items
                .push((HtmlItem::Summary(crate::text::squash_ws(&s)), pos));
        }
        self.flush();
        self.items
    }
}

/// Split an HTML fragment into items.
pub fn scan(fragment: &str) -> Vec<(HtmlItem, usize)> {
    let mut sc = Scanner::default();
    let mut i = 0;
    let b = fragment.as_bytes();
    while i < b.len() {
        let Some(rel) = fragment[i..].find('<') else {
            sc.push_text(&fragment[i..], i);
            break;
        };
        if rel > 0 {
            sc.push_text(&fragment[i..i + rel], i);
        }
        let at = i + rel;
        let rest = &fragment[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        // A declaration (`<!DOCTYPE html>`) or server code left in a saved template
        // (`<?php … ?>`) is no text.
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = if rest.starts_with("<?") {
                rest.find("?>").map(|e| e + 2)
            } else {
                rest.find('>').map(|e| e + 1)
            };
            i = end.map_or(b.len(), |e| at + e);
            continue;
        }
        let Some(close) = tag_end(rest) else {
            sc.push_text(rest, at);
            break;
        };
        let inner = &rest[1..close];
        i = at + close + 1;
        let is_end = inner.starts_with('/');
        // The tag's name in lower case, in a buffer on the stack (no allocation per tag).
        let raw = inner.trim_start_matches('/').as_bytes();
        let len = raw.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let mut buf = [0u8; 32];
        let long;
        let name: &str = match buf.get_mut(..len) {
            Some(short) => {
                short.copy_from_slice(&raw[..len]);
                short.make_ascii_lowercase();
                std::str::from_utf8(short).unwrap_or_default()
            }
            None => {
                long = String::from_utf8_lossy(&raw[..len]).to_ascii_lowercase();
                &long
            }
        };
        if name.is_empty() {
            // Not a tag (`a < b`): keep the text.
            sc.push_text(&rest[..close + 1], at);
            continue;
        }
        i = sc.tag(fragment, name, is_end, inner, at, i);
    }
    sc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> Vec<HtmlItem> {
        scan(s).into_iter().map(|(i, _)| i).collect()
    }

    #[test]
    fn badges_are_words() {
        assert_eq!(
            badge_word(r#"src="https://img.shields.io/badge/-TypeScript_v3.8~4.1-007ACC.svg?logo=typescript&style=plastic""#)
                .as_deref(),
            Some("TypeScript v3.8~4.1")
        );
        assert_eq!(
            badge_word(r#"alt="Go" src="https://img.shields.io/badge/-Go-76E1FE.svg""#).as_deref(),
            Some("Go")
        );
        assert_eq!(
            badge_word(r#"src="https://img.shields.io/badge/language-Objective--C-blue""#)
                .as_deref(),
            Some("language Objective-C")
        );
        assert_eq!(badge_word(r#"src="photo.png" alt="me""#), None);
        let items = scan("<p>\n<img src=\"https://img.shields.io/badge/-Go-76E1FE.svg\">\n<img src=\"https://img.shields.io/badge/-React_v17.0-61DAFB.svg\">\n</p>");
        let texts: Vec<String> = items
            .into_iter()
            .filter_map(|(i, _)| match i {
                HtmlItem::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        // (One badge per source line: one line each.)
        assert_eq!(texts, vec!["Go,".to_owned(), "React v17.0,".to_owned()]);
        let items = scan("<p><img src=\"https://img.shields.io/badge/-Go-76E1FE.svg\"><img src=\"https://img.shields.io/badge/-Rust-000.svg\"></p>");
        assert!(items
            .iter()
            .any(|(i, _)| matches!(i, HtmlItem::Text(t) if t == "Go, Rust,")));
    }

    #[test]
    fn details_and_summary() {
        assert_eq!(
            items("<details><summary>2022 ~ 現在：SRE @ 株式会社X</summary>\n"),
            vec![
                HtmlItem::DetailsOpen,
                HtmlItem::Summary("2022 ~ 現在：SRE @ 株式会社X".into())
            ]
        );
        assert_eq!(items("</details>\n"), vec![HtmlItem::DetailsClose]);
    }

    #[test]
    fn tables_and_br_in_cells() {
        let t = "<table><tr><th>期間</th><th>技術</th></tr>\n<tr><td>2021/01<br/>〜 現在</td><td>Go &amp; AWS</td></tr></table>";
        assert_eq!(
            items(t),
            vec![
                HtmlItem::Row(vec!["期間".into(), "技術".into()]),
                HtmlItem::Row(vec!["2021/01 〜 現在".into(), "Go & AWS".into()]),
            ]
        );
    }

    #[test]
    fn block_tags_in_a_cell_separate_its_entries() {
        let t = "<table><tr><td><ul><li>Vuex</li><li>Redux Toolkit</li></ul></td><td>A<p>B</p>C<span>D</span></td><td>Go<br>〜 AWS</td></tr></table>";
        assert_eq!(
            items(t),
            vec![HtmlItem::Row(vec![
                "Vuex, Redux Toolkit".into(),
                "A, B, CD".into(),
                "Go 〜 AWS".into()
            ])]
        );
    }

    #[test]
    fn comments_and_scripts_are_dropped() {
        assert_eq!(
            items("<!-- Kubernetes -->\n<p>Go</p><script>var Java=1;</script>"),
            vec![HtmlItem::Text("Go".into())]
        );
        assert_eq!(items("<!-- unclosed Kubernetes"), vec![]);
        assert_eq!(
            items("<!DOCTYPE html><?xml version=\"1.0\"?><p>Go</p>"),
            items("<p>Go</p>")
        );
        assert_eq!(
            items("<img src=\"<?php echo $x; ?>/a.png\"><p><?php echo 'Java'; ?>Go</p>"),
            items("<p>Go</p>")
        );
    }

    #[test]
    fn pages_keep_visible_text_only() {
        let page = "<html><head><title>SRE 募集</title><style>.go{}</style>\n<script type=\"application/ld+json\">{\"@type\":\"JobPosting\"}</script></head><body><nav>Java Jobs</nav><h2>必須スキル</h2><ul><li>Go 3年以上</li><li>AWS</li></ul><footer>Go to top</footer><script>var Go=1;</script></body></html>";
        assert_eq!(
            items(page),
            vec![
                HtmlItem::Title("SRE 募集".into()),
                HtmlItem::JsonLd("{\"@type\":\"JobPosting\"}".into()),
                HtmlItem::Heading(2, "必須スキル".into()),
                HtmlItem::Item("Go 3年以上".into()),
                HtmlItem::Item("AWS".into()),
            ]
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&amp;b&#x41;&#66;&nbsp;&bogus;"),
            "a&bAB &bogus;"
        );
        assert_eq!(decode_entities("&"), "&");
        // Regression: an entity followed by multi-byte text used to slice inside a character.
        assert_eq!(decode_entities("Go &amp;DX推進室 AWS"), "Go &DX推進室 AWS");
        assert_eq!(decode_entities("&DX推進室推進室"), "&DX推進室推進室");
        assert_eq!(decode_entities("&#12354;&日本"), "あ&日本");
    }

    #[test]
    fn definition_lists_and_block_elements_end_lines() {
        assert_eq!(
            items("<dl><dt>必須</dt><dd>Go 3年以上</dd><dt>歓迎</dt><dd>AWS</dd></dl><blockquote>Terraform</blockquote>"),
            vec![
                HtmlItem::Text("必須".into()),
                HtmlItem::Text("Go 3年以上".into()),
                HtmlItem::Text("歓迎".into()),
                HtmlItem::Text("AWS".into()),
                HtmlItem::Text("Terraform".into()),
            ]
        );
    }

    #[test]
    fn end_tags_are_found_in_any_case_without_copying_the_page() {
        assert_eq!(
            items("<SCRIPT>var Java;</ScRiPt><p>Go</p><STYLE>.a{}</style><p>AWS</p>"),
            vec![HtmlItem::Text("Go".into()), HtmlItem::Text("AWS".into())]
        );
        assert_eq!(find_ascii_ci("a<b</NAV>", 0, "</nav"), Some(3));
        assert_eq!(find_ascii_ci("日本<語", 0, "</nav"), None);
    }
}

//! One pass over the pulldown-cmark event stream, flattened into line-sized [`Block`]s.
//!
//! Takes Markdown text; gives headings, text lines (paragraph lines, list-item lines), table
//! rows, `<summary>` texts, `<details>` boundaries and front-matter lines, each with its 1-based
//! source line. Link URLs, bare `http(s)://` URLs, HTML comments, code blocks and images are
//! dropped; link text and the alt text of badges (shields.io) are kept, and so is text a person
//! indented by hand, which Markdown takes for an indented code block (read as Markdown itself). Guarantees: never
//! panics; every block's text is raw (not yet normalised) so evidence shows what the person
//! wrote.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::html::{self, HtmlItem};
use crate::text::LineIndex;

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading(u8),
    /// A line of a paragraph; `is_item` when it belongs to a list item.
    Line {
        is_item: bool,
        /// List nesting depth (0 outside lists, 1 for a top-level item).
        depth: u8,
        /// The line goes on from the line before it: the source wrapped one paragraph (or
        /// item) over several lines (a soft break), so a sentence may run across both.
        continues: bool,
        /// The whole line is bold (`**Advanced (preferred) qualifications**`): written as a
        /// label, whatever its length.
        emphasised: bool,
    },
    Row {
        is_header: bool,
        cells: Vec<String>,
    },
    Summary,
    DetailsOpen,
    DetailsClose,
    FrontMatter,
    /// The body of a `<script type="application/ld+json">` in an HTML block (the text).
    JsonLd,
    /// The address of a `mailto:` link (`[Apply](mailto:jobs@acme.io)`): not text a reader
    /// sees, but where to write (the text is the address).
    MailTo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub line: usize,
}

/// Remove bare URLs (`https://github.com/...` would otherwise read as GitHub).
pub fn strip_urls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("://") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("http://").or_else(|| rest.find("https://")) {
        // Take whichever scheme comes first.
        let i = match (rest.find("http://"), rest.find("https://")) {
            (Some(a), Some(b)) => a.min(b),
            _ => i,
        };
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail
            .find(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, ')' | '>' | ']'))
            .unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.into()
}

struct Walker<'a> {
    lines: &'a LineIndex,
    blocks: Vec<Block>,
    buf: String,
    buf_line: usize,
    heading: Option<u8>,
    item_depth: usize,
    cells: Option<Vec<String>>,
    in_cell: bool,
    is_header_row: bool,
    skip_depth: usize,
    in_autolink: bool,
    in_inline_comment: bool,
    html: Option<(String, usize)>,
    in_front_matter: bool,
    /// The line being read follows a soft break in the same paragraph.
    after_soft_break: bool,
    /// Open images, innermost last: `true` for a badge (its alt text is kept), `false` for
    /// any other image (skipped).
    images: Vec<bool>,
    /// The level of the latest heading (0 before the first).
    level: u8,
    /// A bold span opened at the start of the line being read: `Some(None)` while open,
    /// `Some(Some(end))` once closed at byte `end` of the buffer.
    strong: Option<Option<usize>>,
}

impl Walker<'_> {
    fn add_text(&mut self, s: &str, offset: usize) {
        if self.skip_depth > 0 || self.in_autolink || self.in_inline_comment {
            return;
        }
        if self.in_front_matter {
            for (k, line) in s.lines().enumerate() {
                if !line.trim().is_empty() {
                    let at = self.lines.line(offset) + k;
                    self.blocks.push(Block {
                        kind: BlockKind::FrontMatter,
                        text: line.to_owned(),
                        line: at,
                    });
                }
            }
            return;
        }
        if self.buf.trim().is_empty() {
            self.buf_line = self.lines.line(offset);
        }
        self.buf.push_str(s);
    }

    /// End the current line (paragraph line or list-item line).
    fn flush_line(&mut self) {
        if self.heading.is_some() || self.in_cell {
            self.buf.push(' ');
            return;
        }
        let emphasised = match self.strong.take() {
            Some(Some(end)) => self
                .buf
                .get(end..)
                .is_some_and(|rest| rest.trim().trim_matches([':', '：']).is_empty()),
            _ => false,
        };
        let text = crate::text::squash_ws(&self.buf);
        self.buf.clear();
        let continues = std::mem::take(&mut self.after_soft_break);
        if !text.is_empty() {
            self.blocks.push(Block {
                kind: BlockKind::Line {
                    is_item: self.item_depth > 0,
                    depth: u8::try_from(self.item_depth).unwrap_or(u8::MAX),
                    continues,
                    emphasised,
                },
                text,
                line: self.buf_line,
            });
        }
    }

    fn end_html_block(&mut self) {
        let Some((fragment, start)) = self.html.take() else {
            return;
        };
        for (item, at) in html::scan(&fragment) {
            let line = self.lines.line(start + at);
            let (kind, text) = match item {
                HtmlItem::DetailsOpen => (BlockKind::DetailsOpen, String::new()),
                HtmlItem::DetailsClose => (BlockKind::DetailsClose, String::new()),
                HtmlItem::Summary(s) => (BlockKind::Summary, s),
                HtmlItem::Text(s) | HtmlItem::Title(s) => (
                    BlockKind::Line {
                        is_item: false,
                        depth: 0,
                        continues: false,
                        emphasised: false,
                    },
                    s,
                ),
                HtmlItem::Item(s) => (
                    BlockKind::Line {
                        is_item: true,
                        depth: 1,
                        continues: false,
                        emphasised: false,
                    },
                    s,
                ),
                HtmlItem::Heading(level, s) => (BlockKind::Heading(level), s),
                HtmlItem::JsonLd(body) => (BlockKind::JsonLd, body),
                HtmlItem::Row(cells) => {
                    let text = cells.join(" | ");
                    (
                        BlockKind::Row {
                            is_header: false,
                            cells,
                        },
                        text,
                    )
                }
            };
            self.blocks.push(Block { kind, text, line });
        }
    }

    fn inline_html(&mut self, h: &str, offset: usize) {
        let lower = h.trim().to_ascii_lowercase();
        if self.in_inline_comment {
            if lower.contains("-->") {
                self.in_inline_comment = false;
            }
            return;
        }
        if lower.starts_with("<!--") {
            self.in_inline_comment = !lower.contains("-->");
            return;
        }
        // A line break, or a block or list tag (`<li>`, `</p>`, `<ul>`), separates what is on
        // either side: in a heading words, elsewhere lines; in a cell (`| <ul><li>Vuex</li>
        // <li>Jest</li></ul> |`) the items are entries of the cell, and so are the lines after a
        // break when they are list items (`【ミドルウェア】<br> - strongSwan`: see
        // `html::join_parts`).
        let mark = if lower.starts_with("<br") {
            Some(html::LINE)
        } else if html::tag_name(&lower).is_some_and(|n| html::is_block_tag(&n)) {
            Some(html::PART)
        } else {
            None
        };
        if let Some(mark) = mark {
            if self.in_cell {
                self.add_text(&mark.to_string(), offset);
            } else if self.heading.is_some() {
                self.add_text(" ", offset);
            } else {
                self.flush_line();
            }
        } else if !self.buf.is_empty() && html::tag_name(&lower).is_some_and(|n| !is_word_tag(&n)) {
            // `_Software Developer_<span class="right">Dec. 2014 - Present</span>`: a layout tag
            // (span, small, font) sets its text apart; only formatting tags sit inside a word.
            self.add_text(" ", offset);
        }
    }
}

/// Inline tags that format words without setting them apart (`Java<b>Script</b>`).
fn is_word_tag(name: &str) -> bool {
    matches!(
        name,
        "b" | "i"
            | "em"
            | "strong"
            | "code"
            | "a"
            | "sup"
            | "sub"
            | "u"
            | "mark"
            | "s"
            | "kbd"
            | "wbr"
    )
}

/// Does this line read as code (`x = 1;`, `import os`, `<div>`, `$ make`)? Prose and lists do
/// not end in `;` or braces, open with a keyword, or carry assignments and arrows.
fn reads_as_code(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "$ ",
        "# ",
        "//",
        "/*",
        "import ",
        "from ",
        "def ",
        "class ",
        "function ",
        "func ",
        "fn ",
        "const ",
        "let ",
        "var ",
        "public ",
        "private ",
        "package ",
        "return ",
        "if (",
        "for (",
        "#include",
        "select ",
        "SELECT ",
        "@",
    ];
    const INSIDE: &[&str] = &[" = ", "==", "=>", "->", ":=", "()", "</", "/>"];
    line.ends_with([';', '{', '}', '\\'])
        || OPENERS.iter().any(|o| line.starts_with(o))
        || INSIDE.iter().any(|i| line.contains(i))
        || (line.starts_with('<') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        // `key: value` of YAML or a config file.
        || line
            .split_once(':')
            .is_some_and(|(k, v)| {
                !k.is_empty()
                    && k.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
                    && (v.is_empty() || v.starts_with(' '))
                    && !k.bytes().any(|b| b.is_ascii_uppercase())
            })
}

/// An indented code block that is text a person indented by hand (a résumé's projects four
/// spaces in under their company heading: `2021年4月 ～ 現在`, `- Laravel、Docker`), not code:
/// no line reads as code, and some line holds a year, a list mark or non-ASCII letters. The
/// same holds for the body of a fenced block without a language (or marked `text`): a résumé
/// written as plain text and fenced so that Markdown keeps its layout. Other fenced blocks are
/// always code.
fn is_indented_text(src: &str) -> bool {
    let lines: Vec<&str> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let texty = |l: &&str| {
        l.starts_with(['-', '*', '・', '•'])
            || l.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
            || l.as_bytes().windows(4).any(|w| {
                (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
            })
    };
    !lines.is_empty() && !lines.iter().any(|l| reads_as_code(l)) && lines.iter().any(texty)
}

/// Is the language of a fenced block none, or plain text (`text`, `txt`, `plain`)?
fn is_plain_fence(info: &str) -> bool {
    let lang = info.split_whitespace().next().unwrap_or("");
    ["", "text", "txt", "plain", "plaintext"]
        .iter()
        .any(|l| lang.eq_ignore_ascii_case(l))
}

/// The body of a fenced block (`src` from its opening fence line to its closing fence, if
/// any): the lines after the opening fence, without the closing one.
fn fence_body(src: &str) -> &str {
    let Some((_, body)) = src.split_once('\n') else {
        return "";
    };
    let trimmed = body.trim_end();
    match trimmed.rfind('\n') {
        Some(i) if trimmed[i + 1..].trim_start().starts_with(['`', '~']) => &body[..i + 1],
        None if trimmed.trim_start().starts_with(['`', '~']) => "",
        _ => body,
    }
}

/// Plain text read as Markdown: a line of capitals alone after a blank line (`EXPERIENCE`,
/// `SKILLS`, `WORK HISTORY`), the title of a section in a plain-text résumé, becomes a heading
/// of `level`. Lines stay where they are.
fn plain_titles(src: &str, level: u8) -> String {
    let is_title = |l: &str| {
        let t = l.trim();
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && t.chars().count() <= 40
            && t.split_whitespace().count() <= 4
            && t.chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '&' | '/' | '-'))
    };
    let lines: Vec<&str> = src.lines().collect();
    let mut out = String::with_capacity(src.len() + 16);
    for (i, l) in lines.iter().enumerate() {
        let after_blank = i == 0 || lines[i - 1].trim().is_empty();
        let before_blank = lines.get(i + 1).is_none_or(|n| n.trim().is_empty());
        if after_blank && before_blank && is_title(l) {
            out.push_str(&"#".repeat(usize::from(level)));
            out.push(' ');
            out.push_str(l.trim());
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

/// `src` without the indentation all its non-blank lines share.
fn dedent(src: &str) -> String {
    let indent = src
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(src.len());
    for l in src.lines() {
        out.push_str(l.get(indent..).unwrap_or(l.trim_start_matches([' ', '\t'])));
        out.push('\n');
    }
    out
}

/// Flatten `text` into blocks.
/// One pass over pulldown-cmark's events: a match with one short arm per event kind, which is
/// why it runs past 80 lines.
pub fn blocks(text: &str, lines: &LineIndex) -> Vec<Block> {
    blocks_nested(text, lines, 0)
}

/// [`blocks`], `depth` indented text blocks deep (read as Markdown in their turn, a few levels
/// at most).
fn blocks_nested(text: &str, lines: &LineIndex, depth: u8) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH;
    let mut w = Walker {
        lines,
        blocks: Vec::new(),
        buf: String::new(),
        buf_line: 1,
        heading: None,
        item_depth: 0,
        cells: None,
        in_cell: false,
        is_header_row: false,
        skip_depth: 0,
        images: Vec::new(),
        in_autolink: false,
        in_inline_comment: false,
        html: None,
        in_front_matter: false,
        after_soft_break: false,
        level: 0,
        strong: None,
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    w.flush_line();
                    w.heading = Some(level as u8);
                    w.buf.clear();
                    w.buf_line = lines.line(range.start);
                }
                Tag::Paragraph => w.flush_line(),
                Tag::Item => {
                    w.flush_line();
                    w.item_depth += 1;
                }
                Tag::TableHead | Tag::TableRow => {
                    w.flush_line();
                    w.cells = Some(Vec::new());
                    w.is_header_row = matches!(tag, Tag::TableHead);
                    w.buf_line = lines.line(range.start);
                }
                Tag::TableCell => {
                    w.in_cell = true;
                    w.buf.clear();
                }
                Tag::CodeBlock(kind) => {
                    // Text indented by hand is read as Markdown, from the start of its first
                    // line, at its own lines; so is plain text fenced, its titles in capitals
                    // read as headings under the heading above it.
                    let from = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let src = text.get(from..range.end).unwrap_or("");
                    let (src, skip, plain) = match &kind {
                        CodeBlockKind::Indented => (src, 0, false),
                        // The body starts a line below the opening fence.
                        CodeBlockKind::Fenced(info) if is_plain_fence(info) => {
                            (fence_body(src), 1, true)
                        }
                        CodeBlockKind::Fenced(_) => ("", 0, false),
                    };
                    if w.skip_depth == 0 && depth < 3 && is_indented_text(src) {
                        w.flush_line();
                        let mut inner = dedent(src);
                        if plain {
                            inner = plain_titles(&inner, (w.level + 1).clamp(2, 6));
                        }
                        let first = lines.line(from) + skip;
                        for mut b in blocks_nested(&inner, &LineIndex::new(&inner), depth + 1) {
                            b.line += first - 1;
                            w.blocks.push(b);
                        }
                    }
                    w.skip_depth += 1;
                }
                // A badge (`![Python](https://img.shields.io/badge/-Python-3776AB)`) is a word
                // written as a picture: its alt text is kept; other images are dropped.
                Tag::Image { dest_url, .. } => {
                    let badge = html::is_badge(&dest_url);
                    if !badge {
                        w.skip_depth += 1;
                    }
                    w.images.push(badge);
                }
                Tag::Link {
                    ref dest_url,
                    link_type,
                    ..
                } => {
                    if let Some(address) = dest_url.strip_prefix("mailto:") {
                        w.blocks.push(Block {
                            kind: BlockKind::MailTo,
                            text: address.to_owned(),
                            line: lines.line(range.start),
                        });
                    }
                    w.in_autolink = matches!(
                        link_type,
                        pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email
                    );
                }
                Tag::HtmlBlock => {
                    w.flush_line();
                    w.html = Some((String::new(), range.start));
                }
                Tag::MetadataBlock(_) => w.in_front_matter = true,
                Tag::Strong if w.heading.is_none() && !w.in_cell && w.buf.trim().is_empty() => {
                    w.strong = Some(None);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(level) => {
                    w.level = level as u8;
                    let text = crate::text::squash_ws(&w.buf);
                    w.buf.clear();
                    w.heading = None;
                    w.blocks.push(Block {
                        kind: BlockKind::Heading(level as u8),
                        text,
                        line: w.buf_line,
                    });
                }
                TagEnd::Paragraph => w.flush_line(),
                TagEnd::Item => {
                    w.flush_line();
                    w.item_depth = w.item_depth.saturating_sub(1);
                }
                TagEnd::TableCell => {
                    let cell = html::join_parts(&w.buf);
                    w.buf.clear();
                    w.in_cell = false;
                    if let Some(cells) = &mut w.cells {
                        cells.push(cell);
                    }
                }
                TagEnd::TableHead | TagEnd::TableRow => {
                    if let Some(cells) = w.cells.take() {
                        let text = cells.join(" | ");
                        w.blocks.push(Block {
                            kind: BlockKind::Row {
                                is_header: w.is_header_row,
                                cells,
                            },
                            text,
                            line: w.buf_line,
                        });
                    }
                }
                TagEnd::CodeBlock => w.skip_depth = w.skip_depth.saturating_sub(1),
                TagEnd::Image => match w.images.pop() {
                    Some(true) => w.add_text(" ", range.start),
                    _ => w.skip_depth = w.skip_depth.saturating_sub(1),
                },
                TagEnd::Link => w.in_autolink = false,
                TagEnd::HtmlBlock => w.end_html_block(),
                TagEnd::MetadataBlock(_) => w.in_front_matter = false,
                TagEnd::Strong if w.strong == Some(None) => {
                    w.strong = Some(Some(w.buf.len()));
                }
                _ => {}
            },
            // Front matter keeps its addresses (`jobLink: "https://…"` is a value, and cutting it
            // would leave a quote open).
            Event::Text(t) if w.in_front_matter => w.add_text(&t, range.start),
            Event::Text(t) | Event::Code(t) => {
                let t = strip_urls(&t).into_owned();
                w.add_text(&t, range.start);
            }
            Event::Html(h) => {
                if let Some((frag, _)) = &mut w.html {
                    frag.push_str(&h);
                }
            }
            Event::InlineHtml(h) => w.inline_html(&h, range.start),
            Event::SoftBreak => {
                // After `<br>` the line has already ended: the next one is a new line.
                let wrapped = !w.buf.trim().is_empty() && w.heading.is_none() && !w.in_cell;
                w.flush_line();
                w.after_soft_break = wrapped;
            }
            Event::HardBreak => w.flush_line(),
            _ => {}
        }
    }
    w.flush_line();
    w.end_html_block();
    w.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<Block> {
        blocks(s, &LineIndex::new(s))
    }

    #[test]
    fn headings_lines_items_and_urls() {
        let b = parse("# Title\n\nSome **Go** text\nsecond line https://github.com/x/y here\n\n- [Kubernetes 本](https://example.com/aws) item\n");
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert_eq!(b[1].text, "Some Go text");
        assert_eq!(b[2].text, "second line here");
        assert_eq!(b[2].line, 4);
        assert_eq!(b[3].text, "Kubernetes 本 item");
        assert!(matches!(b[3].kind, BlockKind::Line { is_item: true, .. }));
    }

    #[test]
    fn wrapped_lines_continue_but_br_lines_do_not() {
        let text = "Our dream candidate has\nGo experience.\n\nRails<br />\nPostgreSQL\n";
        let conts: Vec<bool> = blocks(text, &LineIndex::new(text))
            .into_iter()
            .filter_map(|b| match b.kind {
                BlockKind::Line { continues, .. } => Some(continues),
                _ => None,
            })
            .collect();
        assert_eq!(conts, [false, true, false, false]);
    }

    #[test]
    fn details_summary_and_comments() {
        let b = parse("<details>\n\n<summary>2022 ~ 現在：SRE @ X社</summary>\n\n<!-- Java -->\n\n#### 案件\n\n- Go\n\n</details>\n");
        let kinds: Vec<_> = b.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(kinds[0], BlockKind::DetailsOpen);
        assert_eq!(kinds[1], BlockKind::Summary);
        assert_eq!(b[1].line, 3);
        assert!(!b.iter().any(|b| b.text.contains("Java")));
        assert_eq!(kinds.last(), Some(&BlockKind::DetailsClose));
    }

    #[test]
    fn text_indented_by_hand_is_read_but_code_is_not() {
        let text = "### 2019年04月～現在 - 株式会社サンプル\n    受託開発のチーム。\n\n    2020年1月 ～ 現在\n      - 在庫管理システム\n      - Go、PostgreSQL\n\nIndented code:\n\n    let x = compute();\n    import os\n";
        let b = parse(text);
        let texts: Vec<(&str, usize)> = b.iter().map(|b| (b.text.as_str(), b.line)).collect();
        assert!(texts.contains(&("受託開発のチーム。", 2)), "{texts:?}");
        assert!(texts.contains(&("2020年1月 ～ 現在", 4)), "{texts:?}");
        let go = b
            .iter()
            .find(|b| b.text == "Go、PostgreSQL")
            .expect("the stack line");
        assert_eq!(go.line, 6);
        assert!(matches!(go.kind, BlockKind::Line { is_item: true, .. }));
        assert!(!texts
            .iter()
            .any(|(t, _)| t.contains("compute") || t.contains("import")));
        // A block with one line of code in it stays code, however texty the rest.
        let b = parse("Example:\n\n    - 手順\n    x = 1;\n");
        assert!(!b.iter().any(|b| b.text.contains("手順")));
    }

    #[test]
    fn plain_text_fenced_is_read_but_fenced_code_is_not() {
        let text = "## About\n\n```text\nEXPERIENCE\n\n2019-2021    KESTREL WORKS, Engineer\n     Ran the Go services.\n\nSKILLS\n\nGo Rust\n```\n\n```\nlet x = compute();\n```\n\n```python\n2019 年 - ・ item\n```\n";
        let b = parse(text);
        let got: Vec<(&BlockKind, &str, usize)> = b
            .iter()
            .map(|b| (&b.kind, b.text.as_str(), b.line))
            .collect();
        assert!(
            got.contains(&(&BlockKind::Heading(3), "EXPERIENCE", 4)),
            "{got:?}"
        );
        assert!(
            got.contains(&(&BlockKind::Heading(3), "SKILLS", 9)),
            "{got:?}"
        );
        let entry = b
            .iter()
            .find(|b| b.text.starts_with("2019-2021"))
            .expect("the entry line");
        assert_eq!(entry.line, 6);
        assert!(b
            .iter()
            .any(|b| b.text == "Ran the Go services." && b.line == 7));
        assert!(!b
            .iter()
            .any(|b| b.text.contains("compute") || b.text.contains("item")));
    }

    #[test]
    fn br_before_list_items_in_a_cell_separates_entries() {
        let b = parse(
            "| 期間 | 環境 |\n|---|---|\n| 2021/01 | 【DB】<br> - MySQL<br> - Redis<br>(cache) |\n",
        );
        assert_eq!(
            b[1].kind,
            BlockKind::Row {
                is_header: false,
                cells: vec!["2021/01".into(), "【DB】, - MySQL, - Redis (cache)".into()]
            }
        );
    }

    #[test]
    fn tables_with_br() {
        let b = parse("| 期間 | 技術 |\n|---|---|\n| 2021/01<br/>〜 現在 | Go |\n");
        assert_eq!(
            b[1].kind,
            BlockKind::Row {
                is_header: false,
                cells: vec!["2021/01 〜 現在".into(), "Go".into()]
            }
        );
        assert_eq!(b[1].line, 3);
    }

    #[test]
    fn block_tags_separate_cell_entries_and_lines() {
        let b = parse("| 期間 | ライブラリ |\n|---|---|\n| 2020年4月 | <ul><li>Vuex</li><li>Redux Toolkit</li></ul> |\n\nGo</li><li>AWS<b>x</b>\n");
        assert_eq!(
            b[1].kind,
            BlockKind::Row {
                is_header: false,
                cells: vec!["2020年4月".into(), "Vuex, Redux Toolkit".into()]
            }
        );
        let texts: Vec<&str> = b[2..].iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Go", "AWSx"]);
    }

    #[test]
    fn front_matter_lines() {
        let b = parse("---\nname: 山田\nskills: [Go, AWS]\n---\n\n# x\n");
        assert_eq!(b[0].kind, BlockKind::FrontMatter);
        assert_eq!(b[1].text, "skills: [Go, AWS]");
        assert_eq!(b[1].line, 3);
    }

    #[test]
    fn strip_urls_keeps_text() {
        assert_eq!(strip_urls("a https://github.com/x b"), "a  b");
        assert_eq!(strip_urls("見て(https://x.y/aws)ね"), "見て()ね");
    }
}

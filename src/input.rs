//! Reading documents from disk: the one place that turns bytes into text.
//!
//! Takes a path; gives UTF-8 text with LF line ends, decoding UTF-16 (by BOM, or by the NUL
//! pattern when there is none) and Shift_JIS (when the bytes are not UTF-8 but are valid
//! Shift_JIS) with a note saying so. UTF-8 with a few broken bytes is read with U+FFFD in their
//! place, stray NUL bytes are removed, and zero-width / bidirectional control characters are
//! dropped (they hide words from matching); the first two come with a note naming the line.
//! Guarantees: a directory, a pipe or device, a missing or unreadable file, an empty file, a
//! binary file, an oversized file or an undecodable one is an [`InputError`] naming the path
//! and the reason, never a panic.

use std::path::{Path, PathBuf};

/// Characters looked at to tell binary data from text.
const BINARY_SNIFF_CHARS: usize = 8192;

/// Résumés and postings larger than this are refused (a real one is a few KB).
pub const MAX_DOCUMENT_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file")]
    NotFound(PathBuf),
    #[error("{0}: is a directory, expected a file")]
    IsDirectory(PathBuf),
    #[error("{0}: cannot read: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0}: not a regular file (a pipe, socket or device)")]
    NotAFile(PathBuf),
    #[error("{0}: file is empty")]
    Empty(PathBuf),
    #[error("{0}: looks like a binary file, not text")]
    Binary(PathBuf),
    #[error("{path}: file is {size} bytes, more than the {max} byte limit")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{0}: text is neither UTF-8, UTF-16 nor Shift_JIS")]
    UnknownEncoding(PathBuf),
}

/// Text of a document, plus a note when it had to be decoded from another encoding.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub encoding_note: Option<String>,
}

/// Read and decode the file at `path`.
pub fn read_document(path: &Path) -> Result<Document, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.to_owned()),
        _ => InputError::Io(path.to_owned(), e),
    })?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory(path.to_owned()));
    }
    if !meta.is_file() {
        // Reading a FIFO would wait forever.
        return Err(InputError::NotAFile(path.to_owned()));
    }
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            max: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| InputError::Io(path.to_owned(), e))?;
    decode_owned(bytes).map_err(|kind| match kind {
        DecodeError::Empty => InputError::Empty(path.to_owned()),
        DecodeError::Binary => InputError::Binary(path.to_owned()),
        DecodeError::Unknown => InputError::UnknownEncoding(path.to_owned()),
    })
}

#[derive(Debug, PartialEq)]
pub enum DecodeError {
    Empty,
    Binary,
    Unknown,
}

/// Decode document bytes (see the module doc).
/// [`decode`] of bytes it may keep: plain UTF-8 (no BOM, no NUL byte in the head, the usual
/// case) becomes the text without a copy.
fn decode_owned(bytes: Vec<u8>) -> Result<Document, DecodeError> {
    let plain = !bytes.iter().all(|b| b.is_ascii_whitespace())
        && encoding_rs::Encoding::for_bom(&bytes).is_none()
        && !bytes[..bytes.len().min(BINARY_SNIFF_CHARS)].contains(&0);
    if !plain {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(s) => finish(s, None),
        Err(e) => decode(e.as_bytes()),
    }
}

pub fn decode(bytes: &[u8]) -> Result<Document, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                return Err(DecodeError::Unknown);
            }
            return finish(
                text.into_owned(),
                Some(format!("decoded from {}", enc.name())),
            );
        }
        return utf8(rest);
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_CHARS)];
    if head.contains(&0) {
        if let Some(doc) = utf16_without_bom(bytes) {
            return doc;
        }
        // Text with a few stray NUL bytes is still text (`finish` removes them with a note);
        // binary data is caught by the control-character check.
        return match std::str::from_utf8(bytes) {
            Ok(s) => finish(s.to_owned(), None),
            Err(_) => Err(DecodeError::Binary),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return finish(s.to_owned(), None);
    }
    let damage = Utf8Damage::measure(bytes);
    // UTF-8 with a few broken bytes (a bad copy, a truncated character) is read with the bad
    // bytes replaced, unless the bytes read cleanly as Shift_JIS and are not mostly UTF-8.
    if damage.is_mostly_utf8() {
        return utf8_lossy(bytes, &damage);
    }
    if let Some(text) =
        encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return finish(text.into_owned(), Some("decoded from Shift_JIS".to_owned()));
    }
    if damage.invalid * 20 <= bytes.len() {
        return utf8_lossy(bytes, &damage);
    }
    Err(DecodeError::Unknown)
}

/// UTF-8 after a byte order mark: valid, or lossy when only a few bytes are broken.
fn utf8(bytes: &[u8]) -> Result<Document, DecodeError> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return finish(s.to_owned(), None);
    }
    let damage = Utf8Damage::measure(bytes);
    if damage.is_mostly_utf8() || damage.invalid * 20 <= bytes.len() {
        return utf8_lossy(bytes, &damage);
    }
    Err(DecodeError::Unknown)
}

/// How broken a not-quite-UTF-8 byte string is.
struct Utf8Damage {
    /// Invalid sequences (each becomes one U+FFFD).
    invalid: usize,
    /// Valid multi-byte characters.
    multibyte: usize,
    /// Line (1-based) of the first invalid sequence.
    first_line: usize,
}

impl Utf8Damage {
    fn measure(bytes: &[u8]) -> Utf8Damage {
        let mut d = Utf8Damage {
            invalid: 0,
            multibyte: 0,
            first_line: 0,
        };
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            d.multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
            if !chunk.invalid().is_empty() {
                d.invalid += 1;
                if d.first_line == 0 {
                    let end = at + chunk.valid().len();
                    d.first_line = bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1;
                }
            }
            at += chunk.valid().len() + chunk.invalid().len();
        }
        d
    }

    /// Mostly valid multi-byte UTF-8 with a few broken sequences (Shift_JIS text has almost
    /// no valid UTF-8 multi-byte characters).
    fn is_mostly_utf8(&self) -> bool {
        self.multibyte > 0 && self.invalid * 10 <= self.multibyte
    }
}

fn utf8_lossy(bytes: &[u8], damage: &Utf8Damage) -> Result<Document, DecodeError> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let places = if damage.invalid == 1 {
        "1 place".to_owned()
    } else {
        format!("{} places", damage.invalid)
    };
    finish(
        text,
        Some(format!(
            "invalid UTF-8 replaced with U+FFFD ({places}, first on line {})",
            damage.first_line
        )),
    )
}

/// UTF-16 without a byte order mark: NUL bytes almost only at odd offsets (little endian,
/// ASCII-range characters) or only at even offsets (big endian), and the whole decodes.
fn utf16_without_bom(bytes: &[u8]) -> Option<Result<Document, DecodeError>> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_CHARS)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let enc = if odd >= 4 && even * 20 <= odd {
        encoding_rs::UTF_16LE
    } else if even >= 4 && odd * 20 <= even {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    Some(finish(
        text.into_owned(),
        Some(format!("decoded from {} (no byte order mark)", enc.name())),
    ))
}

/// Zero-width characters and bidirectional controls: invisible, and inside a word they hide
/// it from matching (`G\u{200b}o`). U+FEFF here is a byte order mark in the middle of the text.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}'
            | '\u{feff}'
    )
}

/// `text.contains(is_invisible_format)` by bytes: every such character is one of the UTF-8
/// sequences below, and their lead bytes never occur inside another character.
fn has_invisible_format(b: &[u8]) -> bool {
    for i in memchr::memchr3_iter(0xd8, 0xe2, 0xef, b) {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let invisible = match b[i] {
            0xd8 => next(1) == 0x9c,
            0xe2 => match next(1) {
                0x80 => matches!(next(2), 0x8b..=0x8f | 0xaa..=0xae),
                0x81 => matches!(next(2), 0xa0..=0xa4 | 0xa6..=0xa9),
                _ => false,
            },
            0xef => next(1) == 0xbb && next(2) == 0xbf,
            _ => false,
        };
        if invisible {
            return true;
        }
    }
    false
}

/// Of the first `n` characters of `text`: how many there are, and how many are control
/// characters (`char::is_control`) other than `\n`, `\r`, `\t` and form feed. By bytes: a
/// character starts at every byte that is not a continuation byte, and the controls are the
/// ASCII ones below space, DEL, and U+0080–U+009F (`C2 80`–`C2 9F`).
fn sniff_controls(text: &str, n: usize) -> (usize, usize) {
    // The head's end: all of a text of at most `n` bytes, `n` bytes of ASCII, else found by
    // characters.
    let end = if text.len() <= n || text.as_bytes()[..n].is_ascii() {
        text.len().min(n)
    } else {
        text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
    };
    let head = &text.as_bytes()[..end];
    const IS_CONTROL: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut x = 0;
        while x < 0x20 {
            t[x] = !matches!(x as u8, b'\n' | b'\r' | b'\t' | 0x0C) as u8;
            x += 1;
        }
        t[0x7F] = 1;
        t
    };
    let ascii: usize = head
        .chunks(255)
        .map(|c| c.iter().fold(0u8, |n, &x| n + IS_CONTROL[x as usize]) as usize)
        .sum();
    // U+0080–U+009F: `C2 80`–`C2 9F` (`C2` is rare outside them: Latin-1 signs).
    let c1 = memchr::memchr_iter(0xC2, head)
        .filter(|&i| head.get(i + 1).is_some_and(|&y| (0x80..=0x9F).contains(&y)))
        .count();
    let chars = if head.is_ascii() {
        end
    } else {
        text[..end].chars().count()
    };
    (chars, ascii + c1)
}

fn finish(text: String, encoding_note: Option<String>) -> Result<Document, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    // Control characters other than whitespace are a sign of binary data that happened to
    // decode. The head of the file is enough to tell.
    let (head_len, controls) = sniff_controls(&text, BINARY_SNIFF_CHARS);
    if controls * 20 > head_len.max(1) {
        return Err(DecodeError::Binary);
    }
    let mut notes: Vec<String> = encoding_note.into_iter().collect();
    let mut text = text;
    // CRLF and lone CR (old Mac) line ends both become LF.
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if text.contains('\0') {
        let first = text.find('\0').unwrap_or(0);
        let line = text[..first].matches('\n').count() + 1;
        let count = text.matches('\0').count();
        notes.push(format!(
            "{count} NUL byte{} removed (first on line {line})",
            if count == 1 { "" } else { "s" }
        ));
        text = text.replace('\0', "");
    }
    // Every invisible format character starts with one of these bytes in UTF-8: a byte scan
    // first (most text has none).
    if has_invisible_format(text.as_bytes()) {
        text = text.replace(is_invisible_format, "");
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Document {
        text,
        encoding_note: (!notes.is_empty()).then(|| notes.join("; ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sniff_by_bytes_is_by_characters() {
        let by_chars = |t: &str, n: usize| {
            let (mut len, mut controls) = (0, 0);
            for c in t.chars().take(n) {
                len += 1;
                if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
                    controls += 1;
                }
            }
            (len, controls)
        };
        for c in (0u32..=0x10ffff).filter_map(char::from_u32) {
            let t = format!("a{c}b{c}");
            for n in [0, 1, 2, 3, 8] {
                assert_eq!(sniff_controls(&t, n), by_chars(&t, n), "{c:?} {n}");
            }
        }
        let mixed = "Go\u{1}と\u{85}AWS\u{7f}\r\n\t\u{c}é\u{9f}\u{a0}";
        for n in 0..20 {
            assert_eq!(sniff_controls(mixed, n), by_chars(mixed, n), "{n}");
        }
    }

    #[test]
    fn invisible_format_by_bytes_is_by_characters() {
        for c in (0u32..=0x10ffff).filter_map(char::from_u32) {
            let t = format!("a{c}b");
            assert_eq!(
                has_invisible_format(t.as_bytes()),
                t.contains(is_invisible_format),
                "{c:?}"
            );
        }
    }

    #[test]
    fn decode_owned_is_decode() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("株式会社テスト");
        let inputs: [&[u8]; 9] = [
            "Go と AWS".as_bytes(),
            b"",
            b"  \n",
            b"\xef\xbb\xbfGo\r\nAWS",
            b"a\0b",
            b"Go\xff AWS and more text here",
            &sjis,
            "x\u{200b}y\u{feff}".as_bytes(),
            b"\x01\x02\x03",
        ];
        for b in inputs {
            let (a, o) = (decode(b), decode_owned(b.to_vec()));
            match (a, o) {
                (Ok(a), Ok(o)) => {
                    assert_eq!((a.text, a.encoding_note), (o.text, o.encoding_note))
                }
                (a, o) => assert_eq!(a.err(), o.err(), "{b:?}"),
            }
        }
    }

    #[test]
    fn decodes_the_usual_encodings() {
        assert_eq!(decode("Go と AWS".as_bytes()).unwrap().text, "Go と AWS");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("株式会社テスト (2020年04月 - )");
        let d = decode(&sjis).unwrap();
        assert_eq!(d.text, "株式会社テスト (2020年04月 - )");
        assert!(d.encoding_note.unwrap().contains("Shift_JIS"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "スキル: Go".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let d = decode(&utf16).unwrap();
        assert_eq!(d.text, "スキル: Go");
        assert!(d.encoding_note.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"\xEF\xBB\xBF \n").unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x00\x00").unwrap_err(),
            DecodeError::Binary
        );
        assert_eq!(
            decode(&[0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0xfd, 0x80]).unwrap_err(),
            DecodeError::Unknown
        );
    }

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_pattern() {
        let text = "# 職務経歴\n\n- Go と AWS\n";
        for le in [true, false] {
            let d = decode(&utf16(text, le)).unwrap();
            assert_eq!(d.text, text);
            let note = d.encoding_note.unwrap();
            assert!(
                note.contains(if le { "UTF-16LE" } else { "UTF-16BE" }),
                "{note}"
            );
            assert!(note.contains("no byte order mark"), "{note}");
        }
    }

    #[test]
    fn broken_bytes_nul_bytes_and_line_ends() {
        let mut bytes = "# 見出し\n- Go と AWS\n".as_bytes().to_vec();
        bytes.extend(b"\xff\xfe bad\n- Terraform\n");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("\u{fffd}"), "{}", d.text);
        assert!(d.text.ends_with("- Terraform\n"));
        let note = d.encoding_note.unwrap();
        assert!(note.contains("first on line 3"), "{note}");
        // ASCII text with one bad byte (no multi-byte character to compare with).
        let d = decode(b"Go, Python\nAWS \xff and GCP\n").unwrap();
        assert_eq!(d.text, "Go, Python\nAWS \u{fffd} and GCP\n");
        let d = decode(b"Go and Python\r\nAWS\x00\x00\rTerraform, Kubernetes, GCP").unwrap();
        assert_eq!(d.text, "Go and Python\nAWS\nTerraform, Kubernetes, GCP");
        let note = d.encoding_note.unwrap();
        assert!(
            note.contains("2 NUL bytes removed (first on line 2)"),
            "{note}"
        );
        let d = decode("G\u{200b}o \u{202e}AWS\u{202c} Ter\u{200d}raform".as_bytes()).unwrap();
        assert_eq!(d.text, "Go AWS Terraform");
        assert_eq!(d.encoding_note, None);
    }
}

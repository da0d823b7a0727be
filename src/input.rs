//! Reading documents from disk: the one place that turns bytes into text.
//!
//! Takes a path; gives UTF-8 text, decoding UTF-16 (by BOM) and Shift_JIS (when the bytes are
//! not UTF-8 but are valid Shift_JIS) with a note saying so. Guarantees: a directory, a missing
//! or unreadable file, an empty file, a binary file, an oversized file or an undecodable one is
//! an [`InputError`] naming the path and the reason, never a panic.

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
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            max: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| InputError::Io(path.to_owned(), e))?;
    decode(&bytes).map_err(|kind| match kind {
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
pub fn decode(bytes: &[u8]) -> Result<Document, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                return Err(DecodeError::Unknown);
            }
            return finish(
                text.into_owned(),
                Some(format!("decoded from {}", enc.name())),
            );
        }
        let rest = &bytes[bom_len..];
        return match std::str::from_utf8(rest) {
            Ok(s) => finish(s.to_owned(), None),
            Err(_) => Err(DecodeError::Unknown),
        };
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return finish(s.to_owned(), None);
    }
    if let Some(text) =
        encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return finish(text.into_owned(), Some("decoded from Shift_JIS".to_owned()));
    }
    Err(DecodeError::Unknown)
}

fn finish(text: String, encoding_note: Option<String>) -> Result<Document, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    // Control characters other than whitespace are a sign of binary data that happened to
    // decode. The head of the file is enough to tell.
    let head: Vec<char> = text.chars().take(BINARY_SNIFF_CHARS).collect();
    let controls = head
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > head.len().max(1) {
        return Err(DecodeError::Binary);
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Ok(Document {
        text,
        encoding_note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x00\x00").unwrap_err(),
            DecodeError::Binary
        );
        assert_eq!(
            decode(&[0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0xfd, 0x80]).unwrap_err(),
            DecodeError::Unknown
        );
    }
}

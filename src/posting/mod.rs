//! Saved job postings → [`Posting`]: title, company, requirements.
//!
//! Takes one file (`.md`/`.markdown`, `.txt`, `.html`/`.htm`, `.json`) and the taxonomy; gives a
//! [`Posting`] or a [`PostingError`] saying why it was skipped. Each format only turns the file
//! into [`extract::PLine`]s; requirement levels, years and any-of groups are found once, in
//! [`extract`], with the same matcher the résumé uses.
//! Guarantees: no panic on any input; title, company, URL, front matter and the page chrome
//! (nav/header/footer/script/style) never become requirements.

mod cues;
pub mod extract;
mod formats;

use std::path::Path;

use serde::Serialize;

pub use extract::{Level, Requirement};

use crate::input::{read_document, InputError};
use crate::taxonomy::Taxonomy;

/// File extensions read as postings.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "json"];

#[derive(Debug, Clone, Serialize)]
pub struct Posting {
    pub path: String,
    pub title: String,
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posted: Option<String>,
    pub requirements: Vec<Requirement>,
    /// Tech-looking words in requirement lines that the taxonomy does not know.
    pub unknown_terms: Vec<String>,
    /// Problems that did not stop the posting from being read (`path:line: …`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Posting {
    /// Does it ask for anything (required or preferred)?
    pub fn has_requirements(&self) -> bool {
        self.requirements
            .iter()
            .any(|r| r.level.scored_as().is_some())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PostingError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: unsupported extension (expected one of: {})", EXTENSIONS.join(", "))]
    Extension { path: String },
    #[error("{path}: invalid JSON: {message}")]
    Json { path: String, message: String },
    #[error("{path}: {message}")]
    Content { path: String, message: String },
}

impl PostingError {
    /// One-line reason without the path (for the `skipped` list).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        match self {
            PostingError::Input(_)
            | PostingError::Extension { .. }
            | PostingError::Json { .. }
            | PostingError::Content { .. } => full
                .split_once(": ")
                .map_or(full.clone(), |(_, r)| r.to_owned()),
        }
    }
}

/// Is `path` a file name skillfit reads as a posting?
pub fn is_posting_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Read and parse the posting at `path`.
pub fn load_posting(path: &Path, tax: &Taxonomy) -> Result<Posting, PostingError> {
    let shown = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        return Err(PostingError::Extension { path: shown });
    }
    let doc = read_document(path)?;
    let mut posting = parse_posting(&doc.text, &ext, &shown, tax)?;
    if let Some(note) = doc.encoding_note {
        posting.warnings.insert(0, format!("{shown}: {note}"));
    }
    Ok(posting)
}

/// Parse posting `text` of format `ext` (`md`, `txt`, `html`, `json`…).
pub fn parse_posting(
    text: &str,
    ext: &str,
    path: &str,
    tax: &Taxonomy,
) -> Result<Posting, PostingError> {
    let draft = match ext {
        "md" | "markdown" => formats::markdown(text, path)?,
        "txt" => formats::plain_text(text),
        "html" | "htm" => formats::html(text, path)?,
        "json" => formats::json(text, path)?,
        _ => {
            return Err(PostingError::Extension {
                path: path.to_owned(),
            })
        }
    };
    let (requirements, unknown_terms) = extract::extract(&draft.lines, tax);
    let draft_title = draft.title.clone();
    let title = draft
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            Path::new(path)
                .file_stem()
                .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
        });
    Ok(Posting {
        path: path.to_owned(),
        title: crate::text::squash_ws(&title),
        company: draft
            .company
            .or_else(|| draft_title.as_deref().and_then(formats::company_from_title))
            .map(|c| crate::text::squash_ws(&c)),
        url: draft.url,
        location: draft.location,
        salary: draft.salary,
        posted: draft.posted,
        requirements,
        unknown_terms,
        warnings: draft.warnings,
    })
}

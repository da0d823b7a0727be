//! The report folder written by `rank`: `summary.md`, `postings/<slug>.md`, `fits.csv`,
//! `requirements.csv`, `requirements.parquet`, `profile.csv`.
//!
//! Guarantees: the folder is built beside the target and swapped in with renames, so a failed
//! run leaves the previous report intact; an existing folder is replaced only when it is a
//! skillfit report (it holds the marker file) or empty, so inputs are never overwritten; file
//! names come from titles through [`slug`] (no path separators, no `..`, unique per run).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::markdown;
use crate::engine::Skipped;
use crate::frame;
use crate::matching::{Fit, Gap};
use crate::profile::Profile;

/// Marks a folder as a skillfit report (safe to replace).
pub const MARKER: &str = ".skillfit-report";

/// A file-name-safe slug of `title`: letters and digits (any script) kept, everything else
/// folded to `-`, at most 60 characters; never empty, never `.`/`..`.
/// `reports/<slug of the résumé's file stem>`: where `rank` writes without `--out`.
pub fn default_dir(resume: &Path) -> std::path::PathBuf {
    let stem = resume
        .file_stem()
        .map_or_else(|| "resume".to_owned(), |s| s.to_string_lossy().into_owned());
    Path::new("reports").join(slug(&stem))
}

pub fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in crate::text::nfkc(title).chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.chars().count() >= 60 {
            break;
        }
    }
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        "posting".to_owned()
    } else {
        s
    }
}

/// Unique slugs for `fits`, in order (`sre`, `sre-2`, …).
pub fn slugs(fits: &[Fit]) -> Vec<String> {
    let mut seen = HashSet::new();
    fits.iter()
        .map(|f| {
            let base = slug(&f.title);
            let mut candidate = base.clone();
            let mut n = 2;
            while !seen.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

/// Render the summary, explanations, `fits.csv` and `profile.csv`, as (relative path, bytes). `explained` holds the best
/// fits with their evidence texts, in rank order; each gets a `postings/<slug>.md`.
pub fn render(
    profile: &Profile,
    ranking: super::Ranking<'_>,
    explained: &[Fit],
    gaps: &[Gap],
    skipped: &[Skipped],
) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let slugs = slugs(explained);
    let mut files = Vec::new();
    files.push((
        PathBuf::from("summary.md"),
        markdown::summary(profile, ranking, &slugs, gaps, skipped).into_bytes(),
    ));
    for (f, s) in explained.iter().zip(&slugs) {
        files.push((
            PathBuf::from("postings").join(format!("{s}.md")),
            markdown::explanation(f).into_bytes(),
        ));
    }
    let mut csv = |name: &str, df: polars::prelude::DataFrame| -> anyhow::Result<()> {
        let mut buf = Vec::new();
        frame::write_csv(&df, &mut buf)?;
        files.push((PathBuf::from(name), buf));
        Ok(())
    };
    csv("profile.csv", frame::profile_frame(profile)?)?;
    // fits.csv is written by `write_fits` from every fit; requirements.csv / .parquet are
    // streamed while scoring (frame::RequirementsSink).
    Ok(files)
}

/// `fits.csv` from every fit, best first, written in chunks (a batch may hold more fits on
/// disk than in memory: see [`crate::engine::ranked`]).
pub fn write_fits(
    path: &Path,
    fits: impl Iterator<Item = std::io::Result<Fit>>,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("{}: cannot write", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    frame::write_fits_csv(fits, &mut w)?;
    std::io::Write::flush(&mut w).with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

/// A report folder being built beside its target; [`Staging::commit`] swaps it in. Dropped
/// without a commit, it disappears and the previous report stays.
pub struct Staging {
    dir: PathBuf,
    parent: PathBuf,
    name: String,
    tmp: tempfile::TempDir,
}

impl Staging {
    /// Start a report for `dir` (refused when `dir` exists and is not a skillfit report).
    pub fn begin(dir: &Path) -> anyhow::Result<Staging> {
        if dir.exists() {
            let is_report = dir.join(MARKER).is_file();
            let is_empty = std::fs::read_dir(dir)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            if !dir.is_dir() || !(is_report || is_empty) {
                bail!(
                    "{}: exists and is not a skillfit report folder; refusing to overwrite it (choose another --out)",
                    dir.display()
                );
            }
        }
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        if let Some(file) = parent.ancestors().find(|a| a.is_file()) {
            bail!(
                "{}: {} is a file, not a folder",
                dir.display(),
                file.display()
            );
        }
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("{}: cannot create", parent.display()))?;
        let name = dir
            .file_name()
            .map_or_else(|| "report".to_owned(), |n| n.to_string_lossy().into_owned());
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}.tmp-"))
            .tempdir_in(&parent)
            .with_context(|| format!("{}: cannot create a temporary folder", parent.display()))?;
        Ok(Staging {
            dir: dir.to_owned(),
            parent,
            name,
            tmp,
        })
    }

    /// Where `rel` goes inside the staged folder (parent folders created).
    pub fn path(&self, rel: &Path) -> anyhow::Result<PathBuf> {
        let path = self.tmp.path().join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        Ok(path)
    }

    pub fn add(&self, rel: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        let path = self.path(rel)?;
        std::fs::write(&path, bytes).with_context(|| format!("{}: cannot write", path.display()))
    }

    /// Swap the staged folder in, replacing the previous report.
    pub fn commit(self) -> anyhow::Result<()> {
        let Staging {
            dir,
            parent,
            name,
            tmp,
        } = self;
        std::fs::write(
            tmp.path().join(MARKER),
            format!("written by skillfit {}\n", env!("CARGO_PKG_VERSION")),
        )?;
        let staged = tmp.keep();
        crate::output::set_public(&staged, 0o755)?;
        if dir.exists() {
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.old-"))
                .tempdir_in(&parent)?
                .keep();
            std::fs::remove_dir(&old)?;
            std::fs::rename(&dir, &old)
                .with_context(|| format!("{}: cannot move aside", dir.display()))?;
            if let Err(e) = std::fs::rename(&staged, &dir) {
                // Put the previous report back.
                let _ = std::fs::rename(&old, &dir);
                let _ = std::fs::remove_dir_all(&staged);
                return Err(e).with_context(|| format!("{}: cannot replace", dir.display()));
            }
            std::fs::remove_dir_all(&old).ok();
        } else {
            std::fs::rename(&staged, &dir)
                .with_context(|| format!("{}: cannot create", dir.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Write `files` as the folder `dir`, replacing a previous report there.
    fn write(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> anyhow::Result<()> {
        let stage = Staging::begin(dir)?;
        for (rel, bytes) in files {
            stage.add(rel, bytes)?;
        }
        stage.commit()
    }

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slug("SRE（AWS / Kubernetes）"), "sre-aws-kubernetes");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("バックエンドエンジニア"), "バックエンドエンジニア");
        assert_eq!(slug("///"), "posting");
        assert!(!slug("a/b\\c").contains(['/', '\\']));
    }

    #[test]
    fn refuses_to_replace_a_folder_that_is_not_a_report() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("jobs");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("posting.md"), "x").unwrap();
        let err = write(&target, &[(PathBuf::from("summary.md"), b"s".to_vec())]).unwrap_err();
        assert!(err.to_string().contains("refusing"));
        assert!(target.join("posting.md").exists());

        let out = dir.path().join("out");
        write(
            &out,
            &[
                (PathBuf::from(MARKER), b"m".to_vec()),
                (PathBuf::from("a.md"), b"1".to_vec()),
            ],
        )
        .unwrap();
        write(
            &out,
            &[
                (PathBuf::from(MARKER), b"m".to_vec()),
                (PathBuf::from("b.md"), b"2".to_vec()),
            ],
        )
        .unwrap();
        assert!(
            !out.join("a.md").exists(),
            "a re-run replaces the old report"
        );
        assert_eq!(std::fs::read(out.join("b.md")).unwrap(), b"2");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 2, "no temporary folders left");
    }
}

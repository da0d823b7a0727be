//! Atomic file output: write to a temporary file beside the target, then rename, so a failed
//! or interrupted run never leaves a half-written file.

use std::io::Write;
use std::path::Path;

/// Write `path` through `fill`; the file appears complete or not at all.
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Some(file) = dir.ancestors().find(|a| a.is_file()) {
        anyhow::bail!("{} is a file, not a folder", file.display());
    }
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".skillfit-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buf)?;
        buf.flush()?;
    }
    tmp.as_file().sync_all()?;
    set_public(tmp.path(), 0o644)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Temporary files and folders are created private (0600/0700); what we publish gets the
/// usual permissions.
pub fn set_public(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// `path` as shown in messages: relative to the current directory when it lies inside it
/// (`/home/me/work/reports/x` → `reports/x` when run from `/home/me/work`), else as given.
pub fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    shown_path_from(path, cwd.as_deref())
}

fn shown_path_from(path: &Path, cwd: Option<&Path>) -> String {
    if path.is_absolute() {
        if let Some(rel) = cwd.and_then(|c| path.strip_prefix(c).ok()) {
            if !rel.as_os_str().is_empty() {
                return rel.display().to_string();
            }
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_current_directory_are_shown_relative() {
        let cwd = Path::new("/home/me/work");
        let shown = |p: &str| shown_path_from(Path::new(p), Some(cwd));
        assert_eq!(
            shown("/home/me/work/reports/x/summary.md"),
            "reports/x/summary.md"
        );
        assert_eq!(shown("/home/me/other/out.csv"), "/home/me/other/out.csv");
        // A sibling sharing a prefix of the name is not inside.
        assert_eq!(shown("/home/me/workshop/a.png"), "/home/me/workshop/a.png");
        assert_eq!(shown("reports/x"), "reports/x");
        assert_eq!(shown("/home/me/work"), "/home/me/work");
        assert_eq!(shown_path_from(Path::new("/a/b"), None), "/a/b");
    }
}

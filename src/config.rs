//! `skillfit.toml`: scoring settings, strict (unknown keys are errors naming the line).
//!
//! Found once per run by [`discover`], in this order: `--config FILE`, `$SKILLFIT_CONFIG`,
//! `./skillfit.toml`, then `skillfit/config.toml` in the user config directory
//! (`$XDG_CONFIG_HOME`, else `~/.config`, on Linux and macOS; `%APPDATA%` on Windows); with none
//! of them, the defaults that `skillfit config --default` prints.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use crate::matching::Scoring;

/// The default file, printed by `skillfit config --default` and parsed by a test so the two
/// never drift apart.
pub const DEFAULT_TOML: &str = r#"# skillfit.toml: scoring settings (every key is optional; these are the defaults).
[scoring]
# Share of the score from required and from preferred requirements. When a posting has only
# one kind, that kind gets all the weight.
required_weight = 0.7
preferred_weight = 0.3
# Credit (0..1) for a skill the résumé lists without dated experience, when years are asked.
undated_credit = 0.5
# Halve a skill's credit for every N years since it was last used. 0 turns decay off.
recency_half_life_years = 0.0

# The fit (the `score`) is two-sided and confidence-aware (README "How the score works"):
#   fit = confidence × (coverage_weight × coverage + relevance_weight × relevance)
#         + (1 − confidence) × neutral_score
# coverage: how much of the posting you meet (the weights above; shown as `coverage`);
# relevance: how much of your core the posting uses, at any level (stack too).
# relevance_weight = 0 and confidence_units = 0 give back the coverage alone.
coverage_weight = 0.5
relevance_weight = 0.5
# Your core: your `core_size` strongest skills. A skill's strength is
# min(1, months / (12 × core_full_years)), halved every core_half_life_years since it was last
# used; a skill listed without dated months has strength core_undated_strength.
core_size = 10.0
core_full_years = 3.0
core_half_life_years = 4.0
core_undated_strength = 0.25
# How much a core skill counts when the posting names it at each level (required and
# unlabelled skills count 1).
relevance_preferred = 0.75
relevance_stack = 0.75
relevance_mentioned = 0.25
# confidence = n / (n + confidence_units), n = the posting's required and preferred asks;
# the rest of the weight goes to neutral_score (0..100): a posting that says little is no
# evidence of a fit, so the prior sits below the middle.
confidence_units = 2.0
neutral_score = 30.0
"#;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub scoring: Scoring,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Invalid {
        path: String,
        line: usize,
        message: String,
    },
}

/// Parse config `text` read from `path`.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
        path: path.to_owned(),
        line: e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        }),
        message: e.message().trim().to_owned(),
    })?;
    let s = &config.scoring;
    let bad = |message: String| ConfigError::Invalid {
        path: path.to_owned(),
        line: 1,
        message,
    };
    for (name, v) in s.fields() {
        if !v.is_finite() || v < 0.0 {
            return Err(bad(format!(
                "scoring.{name} must be a number ≥ 0, found {v}"
            )));
        }
    }
    for (name, v) in [
        ("undated_credit", s.undated_credit),
        ("core_undated_strength", s.core_undated_strength),
        ("relevance_preferred", s.relevance_preferred),
        ("relevance_stack", s.relevance_stack),
        ("relevance_mentioned", s.relevance_mentioned),
    ] {
        if v > 1.0 {
            return Err(bad(format!("scoring.{name} must be between 0 and 1")));
        }
    }
    if s.neutral_score > 100.0 {
        return Err(bad(
            "scoring.neutral_score must be between 0 and 100".to_owned()
        ));
    }
    if s.core_size < 1.0 || s.core_size.fract() != 0.0 {
        return Err(bad(format!(
            "scoring.core_size must be a whole number ≥ 1, found {}",
            s.core_size
        )));
    }
    if s.coverage_weight + s.relevance_weight <= 0.0 {
        return Err(bad(
            "scoring.coverage_weight and scoring.relevance_weight cannot both be 0".to_owned(),
        ));
    }
    Ok(config)
}

/// The environment variable naming a config file.
pub const ENV_VAR: &str = "SKILLFIT_CONFIG";

/// Where the config file in effect was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--config FILE`.
    Flag,
    /// `$SKILLFIT_CONFIG`.
    Env,
    /// `./skillfit.toml`.
    CurrentDir,
    /// The user config directory.
    UserDir,
}

impl Origin {
    pub fn describe(self) -> &'static str {
        match self {
            Origin::Flag => "--config",
            Origin::Env => "$SKILLFIT_CONFIG",
            Origin::CurrentDir => "the current directory",
            Origin::UserDir => "the user config directory",
        }
    }
}

/// The config file in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub origin: Origin,
}

/// What discovery looks at: [`Lookup::from_process`] for a run, fixed values in tests.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// `--config FILE`.
    pub flag: Option<PathBuf>,
    /// `$SKILLFIT_CONFIG` (ignored when empty).
    pub env: Option<OsString>,
    /// `skillfit.toml` in the current directory.
    pub cwd_file: PathBuf,
    /// `skillfit/config.toml` in the user config directory, when there is a home directory.
    pub user_file: Option<PathBuf>,
}

impl Lookup {
    pub fn from_process(flag: Option<&Path>) -> Lookup {
        Lookup {
            flag: flag.map(Path::to_path_buf),
            env: std::env::var_os(ENV_VAR),
            cwd_file: PathBuf::from("skillfit.toml"),
            user_file: user_config_file(),
        }
    }

    /// Every place looked at, in order, for messages.
    pub fn places(&self) -> Vec<String> {
        let mut v = vec![
            "--config".to_owned(),
            format!("${ENV_VAR}"),
            format!("./{}", self.cwd_file.display()),
        ];
        if let Some(u) = &self.user_file {
            v.push(u.display().to_string());
        }
        v
    }
}

/// `skillfit/config.toml` in the platform's user config directory.
pub fn user_config_file() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("skillfit").join("config.toml"))
}

/// The config file in effect, or `None` for the built-in defaults. A file named by the flag
/// or the variable is used even when it does not exist (reading it then fails, naming it);
/// the two default places count only when the file is there.
pub fn discover(l: &Lookup) -> Option<Found> {
    if let Some(p) = &l.flag {
        return Some(Found {
            path: p.clone(),
            origin: Origin::Flag,
        });
    }
    if let Some(v) = l.env.as_ref().filter(|v| !v.is_empty()) {
        return Some(Found {
            path: PathBuf::from(v),
            origin: Origin::Env,
        });
    }
    if l.cwd_file.is_file() {
        return Some(Found {
            path: l.cwd_file.clone(),
            origin: Origin::CurrentDir,
        });
    }
    l.user_file.as_ref().filter(|p| p.is_file()).map(|p| Found {
        path: p.clone(),
        origin: Origin::UserDir,
    })
}

/// Read and check the file discovery found, or the defaults when it found none.
pub fn load(found: Option<&Found>) -> Result<Config, ConfigError> {
    let Some(found) = found else {
        return Ok(Config::default());
    };
    let shown = found.path.display().to_string();
    let text = std::fs::read_to_string(&found.path).map_err(|source| ConfigError::Io {
        path: shown.clone(),
        source,
    })?;
    parse(&text, &shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_file_is_the_default() {
        let c = parse(DEFAULT_TOML, "d").unwrap();
        let d = Scoring::default();
        assert_eq!(c.scoring.required_weight, d.required_weight);
        assert_eq!(c.scoring.preferred_weight, d.preferred_weight);
        assert_eq!(c.scoring.undated_credit, d.undated_credit);
        assert_eq!(c.scoring.fields(), d.fields());
    }

    #[test]
    fn unknown_key_error_is_pinned() {
        let e = parse("[scoring]\nrequired_weigth = 0.5\n", "skillfit.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "skillfit.toml:2: unknown field `required_weigth`, expected one of `required_weight`, `preferred_weight`, `undated_credit`, `recency_half_life_years`, `coverage_weight`, `relevance_weight`, `core_size`, `core_full_years`, `core_half_life_years`, `core_undated_strength`, `relevance_preferred`, `relevance_stack`, `relevance_mentioned`, `confidence_units`, `neutral_score`"
        );
        let e = parse("[scoring]\nundated_credit = 2.0\n", "c.toml").unwrap_err();
        assert!(e.to_string().contains("between 0 and 1"));
    }

    #[test]
    fn discovery_order_flag_env_cwd_user() {
        let dir = tempfile::tempdir().unwrap();
        let cwd_file = dir.path().join("skillfit.toml");
        let user_file = dir.path().join("user/skillfit/config.toml");
        let mut l = Lookup {
            flag: None,
            env: None,
            cwd_file: cwd_file.clone(),
            user_file: Some(user_file.clone()),
        };
        // Nothing there: the defaults.
        assert_eq!(discover(&l), None);
        std::fs::create_dir_all(user_file.parent().unwrap()).unwrap();
        std::fs::write(&user_file, "").unwrap();
        assert_eq!(discover(&l).unwrap().origin, Origin::UserDir);
        std::fs::write(&cwd_file, "").unwrap();
        assert_eq!(discover(&l).unwrap().origin, Origin::CurrentDir);
        // An empty variable is no variable.
        l.env = Some(OsString::new());
        assert_eq!(discover(&l).unwrap().origin, Origin::CurrentDir);
        l.env = Some(OsString::from("/nowhere/env.toml"));
        let f = discover(&l).unwrap();
        assert_eq!(
            (f.origin, f.path),
            (Origin::Env, PathBuf::from("/nowhere/env.toml"))
        );
        l.flag = Some(PathBuf::from("flag.toml"));
        assert_eq!(discover(&l).unwrap().origin, Origin::Flag);
        // A named file that is missing is an error naming it, not a silent default.
        let e = load(discover(&l).as_ref()).unwrap_err();
        assert_eq!(e.to_string(), "flag.toml: cannot read");
    }
}

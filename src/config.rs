//! `skillfit.toml`: scoring settings, strict (unknown keys are errors naming the line).
//!
//! Looked up from `--config FILE`, else `./skillfit.toml` when present, else the defaults that
//! `skillfit config --default` prints.

use std::path::Path;

use serde::Deserialize;

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
"#;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub scoring: Scoring,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scoring {
    pub required_weight: f64,
    pub preferred_weight: f64,
    pub undated_credit: f64,
    pub recency_half_life_years: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            required_weight: 0.7,
            preferred_weight: 0.3,
            undated_credit: 0.5,
            recency_half_life_years: 0.0,
        }
    }
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
    for (name, v) in [
        ("required_weight", s.required_weight),
        ("preferred_weight", s.preferred_weight),
        ("undated_credit", s.undated_credit),
        ("recency_half_life_years", s.recency_half_life_years),
    ] {
        if !v.is_finite() || v < 0.0 {
            return Err(bad(format!(
                "scoring.{name} must be a number ≥ 0, found {v}"
            )));
        }
    }
    if s.undated_credit > 1.0 {
        return Err(bad(
            "scoring.undated_credit must be between 0 and 1".to_owned()
        ));
    }
    Ok(config)
}

/// `--config FILE`, else `./skillfit.toml` if it exists, else defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_owned(),
        None => {
            let p = Path::new("skillfit.toml");
            if !p.is_file() {
                return Ok(Config::default());
            }
            p.to_owned()
        }
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Io {
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
        assert_eq!(c.scoring.recency_half_life_years, d.recency_half_life_years);
    }

    #[test]
    fn unknown_key_error_is_pinned() {
        let e = parse("[scoring]\nrequired_weigth = 0.5\n", "skillfit.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "skillfit.toml:2: unknown field `required_weigth`, expected one of `required_weight`, `preferred_weight`, `undated_credit`, `recency_half_life_years`"
        );
        let e = parse("[scoring]\nundated_credit = 2.0\n", "c.toml").unwrap_err();
        assert!(e.to_string().contains("between 0 and 1"));
    }
}

//! Rounding for display. Scores and points stay exact inside skillfit; every writer (table,
//! Markdown, HTML, JSON, CSV/Parquet, charts) rounds them here, the same way, so one posting
//! shows one number everywhere.

use serde::Serializer;

/// One decimal (scores, coverage, relevance): half away from zero, as shown everywhere.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Two decimals (points, similarities, confidence).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `59.849…` → `"59.8"`: [`round1`], then printed (so text and numbers agree).
pub fn fmt1(x: f64) -> String {
    format!("{:.1}", round1(x))
}

/// `0.666…` → `"0.67"`: [`round2`], then printed.
pub fn fmt2(x: f64) -> String {
    format!("{:.2}", round2(x))
}

/// Serde helper: `#[serde(serialize_with = "crate::num::r1_opt")]` writes an optional value
/// rounded to one decimal (`null` stays `null`).
pub fn r1_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(v) => s.serialize_some(&round1(*v)),
        None => s.serialize_none(),
    }
}

/// Serde helper: the value rounded to two decimals.
pub fn r2<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round2(*x))
}

/// [`r2`] for an optional value.
pub fn r2_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(v) => s.serialize_some(&round2(*v)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_numbers_round_alike() {
        // 0.25 is exact in binary: `{:.1}` alone would print "0.2" (half to even) while the
        // JSON value would be 0.3. Through this module both say 0.3.
        assert_eq!(fmt1(0.25), "0.3");
        assert_eq!(round1(0.25), 0.3);
        assert_eq!(fmt1(59.849_999), "59.8");
        assert_eq!(fmt2(2.0 / 3.0), "0.67");
        let s = S {
            x: 2.0 / 3.0,
            y: Some(59.849_999),
            z: None,
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"x":0.67,"y":59.8,"z":null}"#
        );
    }

    #[derive(serde::Serialize)]
    struct S {
        #[serde(serialize_with = "r2")]
        x: f64,
        #[serde(serialize_with = "r1_opt")]
        y: Option<f64>,
        #[serde(serialize_with = "r1_opt")]
        z: Option<f64>,
    }
}

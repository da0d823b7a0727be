// Shared by the fuzz targets (included with `#[path]`, not a crate of its own).
#![allow(dead_code)]

use std::sync::OnceLock;

use skillfit::period::Month;
use skillfit::taxonomy::Taxonomy;

/// The built-in catalogue, built once per process (building it is the slow part).
pub fn taxonomy() -> &'static Taxonomy {
    static TAX: OnceLock<Taxonomy> = OnceLock::new();
    TAX.get_or_init(|| Taxonomy::builtin().expect("the built-in catalogue parses"))
}

/// A fixed "today" so that runs are reproducible.
pub fn as_of() -> Month {
    Month::new(2026, 6).expect("a valid month")
}

/// Bytes → text the way skillfit reads a file (BOM / UTF-16 / Shift_JIS sniffing included).
/// `None` for input skillfit refuses as binary: that refusal is an error, not a crash.
pub fn decode(data: &[u8]) -> Option<String> {
    skillfit::input::decode(data).ok().map(|d| d.text)
}

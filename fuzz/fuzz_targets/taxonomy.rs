//! The taxonomy TOML loader: the input as a user extension of the built-in catalogue (what
//! `--taxonomy FILE` does) and, when the first byte is odd, as a whole catalogue of its own.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillfit::taxonomy::Taxonomy;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let built = if mode & 1 == 1 {
        Taxonomy::build(text, "fuzz.toml", None)
    } else {
        Taxonomy::build(BASE, "base.toml", Some((text, "fuzz.toml")))
    };
    if let Ok(tax) = built {
        // A catalogue that loads can be used: resolve and match its own names.
        for s in tax.skills().iter().take(32) {
            let _ = tax.resolve(&s.name);
            let _ = tax.find(&s.name);
        }
        let _ = tax.suggest("pyhton", 3);
    }
});

/// A small base catalogue (the built-in one would make every execution slow).
const BASE: &str = r#"
[[skill]]
id = "python"
name = "Python"
category = "language"
aliases = ["python3", "パイソン"]

[[skill]]
id = "django"
name = "Django"
category = "framework"
implies = ["python"]

[[skill]]
id = "go"
name = "Go"
category = "language"
aliases = ["golang"]
case_sensitive = true
"#;

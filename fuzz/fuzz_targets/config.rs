//! The config TOML loader (`config::parse`, what `--config FILE` / `skillfit.toml` go through).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(cfg) = skillfit::config::parse(text, "fuzz.toml") {
        // Accepted weights are what `parse` promises.
        let s = &cfg.scoring;
        for v in [s.required_weight, s.preferred_weight, s.undated_credit] {
            assert!(v.is_finite() && v >= 0.0);
        }
        assert!(s.undated_credit <= 1.0);
    }
});

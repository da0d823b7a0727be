//! The résumé parser: bytes → text (as `input::read_document` does) → `parse_resume` →
//! `build_profile`, the whole of `skillfit profile` minus the file system.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use skillfit::resume::{parse_resume, tenure::build_profile};

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::decode(data) else {
        return;
    };
    let tax = common::taxonomy();
    let parsed = parse_resume(&text, tax);
    let profile = build_profile(&parsed, tax, common::as_of(), "fuzz.md");
    // Every reported line exists in the document.
    let lines = text.split(['\n', '\r']).count() + 1;
    for w in &profile.warnings {
        if let Some(l) = w.line {
            assert!(
                l >= 1 && l <= lines,
                "warning line {l} past {lines}: {}",
                w.message
            );
        }
    }
});

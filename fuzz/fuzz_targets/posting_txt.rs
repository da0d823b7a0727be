//! Posting format `txt`: bytes → text → `posting::parse_posting(text, "txt", …)` (format reader
//! + requirement extraction), as `skillfit posting` does for a `.txt` file.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::decode(data) else {
        return;
    };
    // An Err is a clean refusal (named file, reason); only a panic is a finding.
    let _ = skillfit::posting::parse_posting(&text, "txt", "fuzz.txt", common::taxonomy());
});

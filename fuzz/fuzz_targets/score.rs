//! The whole résumé × posting score (what `skillfit score` computes): the input is
//! `FORMAT_BYTE RESUME \0 POSTING`; the format byte picks md / txt / html / json.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use skillfit::config::Scoring;
use skillfit::matching::{score, ResumeSkills};
use skillfit::resume::{parse_resume, tenure::build_profile};

fuzz_target!(|data: &[u8]| {
    let Some((&fmt, rest)) = data.split_first() else {
        return;
    };
    let ext = ["md", "txt", "html", "json"][usize::from(fmt % 4)];
    let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (Some(resume), Some(posting)) = (
        common::decode(&rest[..cut]),
        common::decode(rest.get(cut + 1..).unwrap_or_default()),
    ) else {
        return;
    };
    let tax = common::taxonomy();
    let profile = build_profile(&parse_resume(&resume, tax), tax, common::as_of(), "r.md");
    let have = ResumeSkills::from_profile(&profile, tax);
    let Ok(p) = skillfit::posting::parse_posting(&posting, ext, &format!("p.{ext}"), tax) else {
        return;
    };
    let fit = score(&have, &p, &Scoring::default());
    assert!(fit.required_met <= fit.required_total);
    assert!(fit.preferred_met <= fit.preferred_total);
    if let Some(v) = fit.score {
        assert!(
            v.is_finite() && (0.0..=100.0 + 1e-9).contains(&v),
            "score {v}"
        );
    }
    serde_json::to_string(&fit).expect("a Fit serialises");
});

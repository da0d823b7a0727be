//! Period parsing: `find_periods` / `find_period` / `find_duration_months` / `Month::parse_ym`
//! on the raw text and on its NFKC form (the callers normalise first, but no input may panic).
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillfit::period::{find_duration_months, find_period, find_periods, Month};

fn check(text: &str) {
    let as_of = Month::new(2026, 6).expect("a valid month");
    let all = find_periods(text);
    let mut last_end = 0;
    for m in &all {
        // Spans are in-bounds, on char boundaries and non-overlapping, left to right.
        assert!(m.span.start <= m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.span.start >= last_end, "overlapping periods in {text:?}");
        last_end = m.span.end;
        let (start, end) = m.period.close(as_of);
        let _ = m.period.months(as_of);
        let _ = skillfit::period::months_inclusive(start, end);
    }
    let first = find_period(text);
    assert_eq!(first.map(|m| m.span), all.first().map(|m| m.span.clone()));
    let _ = find_duration_months(text);
    for line in text.lines().take(64) {
        let _ = Month::parse_ym(line.trim());
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text);
    check(&skillfit::text::nfkc(text));
});

//! Documents → line-sized blocks, shared by the résumé and posting parsers.
//!
//! `blocks` walks Markdown once with pulldown-cmark; `html` scans HTML (fragments inside
//! Markdown, and whole pages saved from a browser) without a DOM.

pub mod blocks;
pub mod html;

//! `--format csv`: the `profile` DataFrame as CSV.

use std::io::Write;

use super::ProfileEmitter;
use crate::profile::Profile;

pub struct Csv;

impl ProfileEmitter for Csv {
    fn emit(&self, profile: &Profile, w: &mut dyn Write) -> anyhow::Result<()> {
        let df = crate::frame::profile_frame(profile)?;
        crate::frame::write_csv(&df, w)?;
        Ok(())
    }
}

//! `--format parquet`: the `profile` DataFrame as Parquet.

use std::io::Write;

use super::ProfileEmitter;
use crate::profile::Profile;

pub struct Parquet;

impl ProfileEmitter for Parquet {
    fn emit(&self, profile: &Profile, w: &mut dyn Write) -> anyhow::Result<()> {
        let df = crate::frame::profile_frame(profile)?;
        crate::frame::write_parquet(&df, w)?;
        Ok(())
    }
}

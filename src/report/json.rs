//! `--format json`: the profile model, pretty-printed.

use std::io::Write;

use super::ProfileEmitter;
use crate::profile::Profile;

pub struct Json;

impl ProfileEmitter for Json {
    fn emit(&self, profile: &Profile, w: &mut dyn Write) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut *w, profile)?;
        writeln!(w)?;
        Ok(())
    }
}

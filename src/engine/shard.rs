//! Deterministic shards: `--shard I/N` keeps the postings whose id hashes to shard `I`.
//!
//! The hash is FNV-1a 64 over the UTF-8 bytes of the posting's id as skillfit shows it in its
//! output (the `posting` column): a row's id for tabular corpora, the path as found from the
//! command line for files. Shard = hash mod N, numbered from 0 (so `$JOB_COMPLETION_INDEX` of a
//! Kubernetes Indexed Job can be used as it is). The hash never changes between versions,
//! machines or runs (it is not std's randomized hasher), so N machines running the same
//! command with shards 0..N-1 cover every posting exactly once.

use std::path::{Path, PathBuf};
use std::str::FromStr;

/// FNV-1a, 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// One shard of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Does the posting with this id belong to this shard?
    pub fn keeps(&self, id: &str) -> bool {
        fnv1a64(id.as_bytes()) % self.count == self.index
    }

    /// `shard-I-of-N`, the tag put in output names.
    pub fn tag(&self) -> String {
        format!("shard-{}-of-{}", self.index, self.count)
    }

    /// `out/m.parquet` → `out/m.shard-2-of-4.parquet`; `reports/x` → `reports/x.shard-2-of-4`.
    pub fn output_path(&self, path: &Path) -> PathBuf {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = match path.extension() {
            Some(ext) => format!("{stem}.{}.{}", self.tag(), ext.to_string_lossy()),
            None => format!("{stem}.{}", self.tag()),
        };
        path.with_file_name(name)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}`: expected I/N with 0 <= I < N (e.g. 0/4)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parses_and_names_shards() {
        let s: Shard = "2/4".parse().unwrap();
        assert_eq!((s.index, s.count), (2, 4));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        assert_eq!(
            s.output_path(Path::new("out/m.parquet")),
            PathBuf::from("out/m.shard-2-of-4.parquet")
        );
        assert_eq!(
            s.output_path(Path::new("reports/x")),
            PathBuf::from("reports/x.shard-2-of-4")
        );
    }

    #[test]
    fn every_id_lands_in_exactly_one_shard() {
        for id in ["a", "jobs/x.md", "123", "求人-7"] {
            let n = (0..4)
                .filter(|&i| Shard { index: i, count: 4 }.keeps(id))
                .count();
            assert_eq!(n, 1, "{id}");
        }
    }
}

//! Polars DataFrames: the one module that knows their schemas and the only one that uses
//! Polars.
//!
//! Takes the plain models ([`Profile`]); gives DataFrames and writes them as CSV or Parquet.
//! Schema `profile`: skill, category, listed, mentions, months, first_used, last_used,
//! claimed_months, sources (companies where the skill was used, `; `-joined).

use std::io::Write;

use polars::prelude::*;

use crate::matching::{Fit, RequirementFit};
use crate::num::{round1, round2};
use crate::profile::Profile;

/// CSV cells starting with these are neutralised (spreadsheet formula injection).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

fn csv_safe(s: &str) -> String {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// The `profile` frame, one row per skill, in the profile's order.
pub fn profile_frame(p: &Profile) -> PolarsResult<DataFrame> {
    let s = &p.skills;
    let columns = vec![
        Column::new(
            "skill".into(),
            s.iter().map(|r| r.skill.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "category".into(),
            s.iter().map(|r| r.category.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "listed".into(),
            s.iter().map(|r| r.listed).collect::<Vec<_>>(),
        ),
        Column::new(
            "mentions".into(),
            s.iter().map(|r| r.mentions).collect::<Vec<_>>(),
        ),
        Column::new(
            "months".into(),
            s.iter().map(|r| r.months).collect::<Vec<_>>(),
        ),
        Column::new(
            "first_used".into(),
            s.iter()
                .map(|r| r.first_used.map(|m| m.to_string()))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "last_used".into(),
            s.iter()
                .map(|r| r.last_used.map(|m| m.to_string()))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "claimed_months".into(),
            s.iter().map(|r| r.claimed_months).collect::<Vec<_>>(),
        ),
        Column::new(
            "sources".into(),
            s.iter().map(|r| r.companies.join("; ")).collect::<Vec<_>>(),
        ),
    ];
    DataFrame::new(s.len(), columns)
}

/// The `fits` frame, one row per scored posting, in rank order (`score` is the fit;
/// `coverage` the score before issue 9).
pub fn fits_frame(fits: &[Fit]) -> PolarsResult<DataFrame> {
    let columns = vec![
        Column::new(
            "posting".into(),
            fits.iter().map(|f| f.path.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "title".into(),
            fits.iter().map(|f| f.title.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "company".into(),
            fits.iter().map(|f| f.company.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "score".into(),
            fits.iter().map(|f| f.score.map(round1)).collect::<Vec<_>>(),
        ),
        Column::new(
            "required_met".into(),
            fits.iter()
                .map(|f| f.required_met as u32)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "required_total".into(),
            fits.iter()
                .map(|f| f.required_total as u32)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "preferred_met".into(),
            fits.iter()
                .map(|f| f.preferred_met as u32)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "preferred_total".into(),
            fits.iter()
                .map(|f| f.preferred_total as u32)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "missing_required".into(),
            fits.iter()
                .map(|f| f.missing_required.join("; "))
                .collect::<Vec<_>>(),
        ),
        // Added by issue 9 (after the older columns, so positions do not move): the score
        // before the two-sided fit, and the fit's other parts.
        Column::new(
            "coverage".into(),
            fits.iter()
                .map(|f| f.coverage.map(round1))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "relevance".into(),
            fits.iter()
                .map(|f| f.relevance.map(round1))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "confidence".into(),
            fits.iter()
                .map(|f| f.confidence.map(round2))
                .collect::<Vec<_>>(),
        ),
    ];
    DataFrame::new(fits.len(), columns)
}

/// The `requirements` frame (long form): one row per posting × requirement.
pub fn requirements_frame(fits: &[Fit]) -> PolarsResult<DataFrame> {
    let rows: Vec<(&str, &RequirementFit)> = fits
        .iter()
        .flat_map(|f| f.requirements.iter().map(move |r| (f.path.as_str(), r)))
        .collect();
    rows_frame(&rows)
}

/// [`requirements_frame`] of rows taken out of their fits: (posting path, its rows).
pub fn requirements_frame_of(
    postings: &[(String, Vec<RequirementFit>)],
) -> PolarsResult<DataFrame> {
    let rows: Vec<(&str, &RequirementFit)> = postings
        .iter()
        .flat_map(|(path, reqs)| reqs.iter().map(move |r| (path.as_str(), r)))
        .collect();
    rows_frame(&rows)
}

fn rows_frame(rows: &[(&str, &RequirementFit)]) -> PolarsResult<DataFrame> {
    let columns = vec![
        Column::new(
            "posting".into(),
            rows.iter()
                .map(|(p, _)| (*p).to_owned())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "skill".into(),
            rows.iter()
                .map(|(_, r)| r.skill.clone())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "level".into(),
            rows.iter()
                .map(|(_, r)| r.level.as_str().to_owned())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "min_years".into(),
            rows.iter().map(|(_, r)| r.min_years).collect::<Vec<_>>(),
        ),
        Column::new(
            "alternatives".into(),
            rows.iter()
                .map(|(_, r)| r.alternatives.join("; "))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "matched_by".into(),
            rows.iter()
                .map(|(_, r)| r.matched_by.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "similarity".into(),
            rows.iter()
                .map(|(_, r)| round2(r.similarity))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "months_have".into(),
            rows.iter().map(|(_, r)| r.months_have).collect::<Vec<_>>(),
        ),
        Column::new(
            "earned".into(),
            rows.iter()
                .map(|(_, r)| round2(r.earned))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "points".into(),
            rows.iter()
                .map(|(_, r)| round2(r.points))
                .collect::<Vec<_>>(),
        ),
    ];
    DataFrame::new(rows.len(), columns)
}

/// The `matrix` frame: résumé, rank, posting, title, company, score.
pub fn matrix_frame(rows: &[crate::engine::Row]) -> PolarsResult<DataFrame> {
    let columns = vec![
        Column::new(
            "resume".into(),
            rows.iter().map(|r| r.resume.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "rank".into(),
            rows.iter().map(|r| r.rank).collect::<Vec<_>>(),
        ),
        Column::new(
            "posting".into(),
            rows.iter().map(|r| r.posting.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "title".into(),
            rows.iter().map(|r| r.title.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "company".into(),
            rows.iter().map(|r| r.company.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "score".into(),
            rows.iter().map(|r| r.score).collect::<Vec<_>>(),
        ),
    ];
    DataFrame::new(rows.len(), columns)
}

/// A copy of `df` whose text cells cannot run as spreadsheet formulas.
fn neutralised(df: &DataFrame) -> PolarsResult<DataFrame> {
    let mut safe = df.clone();
    let names: Vec<PlSmallStr> = safe
        .columns()
        .iter()
        .filter(|c| c.dtype() == &DataType::String)
        .map(|c| c.name().clone())
        .collect();
    for name in names {
        let col = safe.column(&name)?.str()?.clone();
        let fixed: StringChunked = col
            .iter()
            .map(|v| v.map(csv_safe))
            .collect::<StringChunked>()
            .with_name(name.clone());
        safe.with_column(fixed.into_column())?;
    }
    Ok(safe)
}

/// Write `df` as CSV, neutralising text cells that a spreadsheet would run as a formula.
pub fn write_csv(df: &DataFrame, w: &mut dyn Write) -> PolarsResult<()> {
    let mut safe = neutralised(df)?;
    CsvWriter::new(w).include_header(true).finish(&mut safe)
}

/// Fits written as one CSV (the `fits_frame` columns), in chunks of 4,096 rows: the same bytes
/// as [`write_csv`] of one frame of them all, without holding them all.
pub fn write_fits_csv(
    fits: impl Iterator<Item = std::io::Result<Fit>>,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    const CHUNK: usize = 4096;
    let mut chunk: Vec<Fit> = Vec::with_capacity(CHUNK);
    let mut first = true;
    let mut fits = fits.peekable();
    loop {
        chunk.clear();
        while chunk.len() < CHUNK {
            match fits.next() {
                Some(f) => chunk.push(f?),
                None => break,
            }
        }
        // An empty ranking still gets its header line.
        if chunk.is_empty() && !first {
            break;
        }
        let mut safe = neutralised(&fits_frame(&chunk)?)?;
        CsvWriter::new(&mut *w)
            .include_header(first)
            .finish(&mut safe)?;
        first = false;
        if fits.peek().is_none() {
            break;
        }
    }
    Ok(())
}

/// Streams the `requirements` frame to `requirements.csv` and `requirements.parquet` chunk by
/// chunk, so a batch run never holds every posting × requirement row.
pub struct RequirementsSink {
    csv: polars::io::csv::write::BatchedWriter<std::io::BufWriter<std::fs::File>>,
    parquet: polars::io::parquet::write::BatchedWriter<std::io::BufWriter<std::fs::File>>,
    has_rows: bool,
}

impl RequirementsSink {
    pub fn create(
        csv_path: &std::path::Path,
        parquet_path: &std::path::Path,
    ) -> PolarsResult<Self> {
        let schema = requirements_frame(&[])?.schema().as_ref().clone();
        let csv_file = std::io::BufWriter::new(std::fs::File::create(csv_path)?);
        let pq_file = std::io::BufWriter::new(std::fs::File::create(parquet_path)?);
        Ok(RequirementsSink {
            csv: CsvWriter::new(csv_file)
                .include_header(true)
                .batched(&schema)?,
            parquet: ParquetWriter::new(pq_file).batched(&schema)?,
            has_rows: false,
        })
    }

    /// Append the requirement rows of `fits`.
    pub fn write(&mut self, fits: &[Fit]) -> PolarsResult<()> {
        self.write_frame(&requirements_frame(fits)?)
    }

    /// Append `df`, rows of [`requirements_frame`] (built elsewhere: `rank` builds them on the
    /// scoring thread and writes them on another).
    pub fn write_frame(&mut self, df: &DataFrame) -> PolarsResult<()> {
        if df.height() == 0 {
            return Ok(());
        }
        self.csv.write_batch(&neutralised(df)?)?;
        self.parquet.write_batch(df)?;
        self.has_rows = true;
        Ok(())
    }

    pub fn finish(mut self) -> PolarsResult<()> {
        if !self.has_rows {
            // Still write the header row and a valid (empty) Parquet file.
            let empty = requirements_frame(&[])?;
            self.csv.write_batch(&empty)?;
            self.parquet.write_batch(&empty)?;
        }
        self.csv.finish()?;
        self.parquet.finish()?;
        Ok(())
    }
}

/// Write `df` as Parquet.
pub fn write_parquet(df: &DataFrame, w: &mut dyn Write) -> PolarsResult<()> {
    let mut df = df.clone();
    ParquetWriter::new(w).finish(&mut df).map(|_| ())
}

/// A Parquet file of postings read a slice of rows at a time, only the columns asked for, every
/// cell as text (numbers and dates are formatted; nulls stay `None`). Memory holds one slice.
pub struct ParquetSlices {
    path: std::path::PathBuf,
    metadata: polars::io::parquet::metadata::FileMetadataRef,
    names: Vec<String>,
}

impl ParquetSlices {
    pub fn open(path: &std::path::Path) -> PolarsResult<Self> {
        let mut reader = ParquetReader::new(std::fs::File::open(path)?);
        let schema = reader.schema()?;
        let names = schema.iter_names().map(|n| n.to_string()).collect();
        let metadata = reader.get_metadata()?.clone();
        Ok(ParquetSlices {
            path: path.to_owned(),
            metadata,
            names,
        })
    }

    /// Column names, in file order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Rows in the file.
    pub fn rows(&self) -> usize {
        self.metadata.num_rows
    }

    /// The row-group boundaries (first row of each group, then the row count): slices that
    /// stay inside one group decode only that group.
    pub fn group_starts(&self) -> Vec<usize> {
        let mut at = 0;
        let mut starts = Vec::with_capacity(self.metadata.row_groups.len() + 1);
        for g in &self.metadata.row_groups {
            starts.push(at);
            at += g.num_rows();
        }
        starts.push(at);
        starts
    }

    /// Rows `offset..offset + len` of `columns`, one `Vec` per column.
    pub fn read(
        &self,
        columns: &[String],
        offset: usize,
        len: usize,
    ) -> PolarsResult<Vec<Vec<Option<String>>>> {
        let mut reader = ParquetReader::new(std::fs::File::open(&self.path)?)
            .with_columns(Some(columns.to_vec()))
            .with_slice(Some((offset, len)))
            .read_parallel(ParallelStrategy::None);
        reader.set_metadata(self.metadata.clone());
        let df = reader.finish()?;
        columns
            .iter()
            .map(|name| {
                let col = df.column(name)?.cast(&DataType::String)?;
                Ok(col.str()?.iter().map(|v| v.map(str::to_owned)).collect())
            })
            .collect()
    }
}

/// Write rows of text columns as Parquet in row groups of `group` rows (for corpora made by
/// tools and tests). `columns` are (name, cells).
pub fn write_text_parquet_batch(
    writer: &mut polars::io::parquet::write::BatchedWriter<std::io::BufWriter<std::fs::File>>,
    columns: &[(&str, Vec<Option<String>>)],
) -> PolarsResult<()> {
    let height = columns.first().map_or(0, |c| c.1.len());
    let cols = columns
        .iter()
        .map(|(n, v)| Column::new((*n).into(), v.clone()))
        .collect();
    writer.write_batch(&DataFrame::new(height, cols)?)
}

/// A batched Parquet writer for text columns named `names`, row groups of `group` rows.
pub fn text_parquet_writer(
    path: &std::path::Path,
    names: &[&str],
    group: usize,
) -> PolarsResult<polars::io::parquet::write::BatchedWriter<std::io::BufWriter<std::fs::File>>> {
    let schema = Schema::from_iter(
        names
            .iter()
            .map(|n| Field::new((*n).into(), DataType::String)),
    );
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    ParquetWriter::new(file)
        .with_row_group_size(Some(group))
        .batched(&schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(csv_safe("=HYPERLINK()"), "'=HYPERLINK()");
        assert_eq!(csv_safe("Go"), "Go");
    }
}

"""Score a Spark DataFrame of job postings with the skillfit binary, on the executors.

The binary and the résumés are shipped with ``SparkContext.addFile``; each Arrow batch of
postings is sent to ``skillfit score RESUME --jobs-jsonl -`` once per résumé, and the JSON
lines that come back become rows with the columns of ``fits.csv`` (plus ``resume``). Row
counts in and out are checked per batch; a failed process, a count mismatch or a posting that
could not be scored raises (the Spark task fails, with skillfit's reason).

    from skillfit_spark import score_postings
    fits = score_postings(postings_df, ["alice.md", "bob.md"], "/opt/skillfit/skillfit",
                          text_col="description", id_col="job_id", as_of="2026-11")
"""

from __future__ import annotations

import os
from typing import Iterator, Optional, Sequence, Union

__all__ = ["FITS_COLUMNS", "SCHEMA", "score_postings"]

#: The columns of ``fits.csv``, after ``resume``.
FITS_COLUMNS = [
    "posting",
    "title",
    "company",
    "score",
    "required_met",
    "required_total",
    "preferred_met",
    "preferred_total",
    "missing_required",
]

#: The schema of the returned DataFrame (Spark DDL).
SCHEMA = (
    "resume string, posting string, title string, company string, score double, "
    "required_met int, required_total int, preferred_met int, preferred_total int, "
    "missing_required string"
)


def score_postings(
    df,
    resumes: Union[str, Sequence[str]],
    binary: str,
    *,
    text_col: str = "description",
    id_col: str = "job_id",
    title_col: Optional[str] = None,
    company_col: Optional[str] = None,
    url_col: Optional[str] = None,
    as_of: Optional[str] = None,
    config: Optional[str] = None,
    taxonomy: Optional[str] = None,
):
    """Score every posting of ``df`` against every résumé; one row per (résumé, posting).

    ``resumes`` are local paths (their file names must differ); ``binary`` is a skillfit
    built for the executors' platform. ``config``/``taxonomy`` are shipped too when given.
    """
    if isinstance(resumes, str):
        resumes = [resumes]
    if not resumes:
        raise ValueError("score_postings: no résumé given")
    names = [os.path.basename(r) for r in resumes]
    if len(set(names)) != len(names):
        raise ValueError(f"score_postings: résumé file names must differ: {names}")
    sc = df.sparkSession.sparkContext
    for path in [binary, *resumes, *(p for p in (config, taxonomy) if p)]:
        sc.addFile(os.path.abspath(path))
    bin_name = os.path.basename(binary)
    config_name = os.path.basename(config) if config else None
    taxonomy_name = os.path.basename(taxonomy) if taxonomy else None

    wanted = {"text": text_col, "id": id_col, "title": title_col, "company": company_col,
              "url": url_col}
    wanted = {k: v for k, v in wanted.items() if v}
    missing = [v for v in wanted.values() if v not in df.columns]
    if missing:
        raise ValueError(f"score_postings: no column {missing}; columns: {df.columns}")
    selected = df.select(*[df[c].cast("string").alias(k) for k, c in wanted.items()])

    fits_columns = list(FITS_COLUMNS)

    # Self-contained (pickled by value): executors need neither this package nor its imports.
    def score_batches(batches: Iterator) -> Iterator:
        import json
        import os
        import stat
        import subprocess

        import pyarrow as pa
        from pyspark import SparkFiles

        exe = SparkFiles.get(bin_name)
        mode = os.stat(exe).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(exe, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        schema = pa.schema(
            [("resume", pa.string()), ("posting", pa.string()), ("title", pa.string()),
             ("company", pa.string()), ("score", pa.float64()), ("required_met", pa.int32()),
             ("required_total", pa.int32()), ("preferred_met", pa.int32()),
             ("preferred_total", pa.int32()), ("missing_required", pa.string())]
        )
        common = ["-q"]
        if as_of:
            common += ["--as-of", as_of]
        if config_name:
            common += ["--config", SparkFiles.get(config_name)]
        if taxonomy_name:
            common += ["--taxonomy", SparkFiles.get(taxonomy_name)]
        for batch in batches:
            rows = batch.to_pylist()
            if not rows:
                continue
            payload = "".join(
                json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False)
                + "\n"
                for r in rows
            ).encode("utf-8")
            for name in names:
                cmd = [exe, "score", SparkFiles.get(name), "--jobs-jsonl", "-", *common]
                proc = subprocess.run(cmd, input=payload, capture_output=True, check=False)
                if proc.returncode not in (0, 1):
                    raise RuntimeError(
                        f"skillfit failed (exit {proc.returncode}) on {name}: "
                        f"{proc.stderr.decode('utf-8', 'replace').strip()}"
                    )
                out = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
                if len(out) != len(rows):
                    raise RuntimeError(
                        f"skillfit returned {len(out)} results for {len(rows)} postings ({name})"
                    )
                if [o["line"] for o in out] != list(range(1, len(rows) + 1)):
                    raise RuntimeError(f"skillfit results out of order ({name})")
                failed = [o for o in out if o.get("error")]
                if failed:
                    shown = "; ".join(
                        f"{o.get('posting') or 'line ' + str(o['line'])}: {o['error']}"
                        for o in failed[:5]
                    )
                    raise RuntimeError(f"skillfit could not score {len(failed)} postings: {shown}")
                cols = {"resume": [name] * len(out)}
                for c in fits_columns:
                    cols[c] = [o.get(c) for o in out]
                yield pa.RecordBatch.from_pydict(cols, schema=schema)

    return selected.mapInArrow(score_batches, SCHEMA)

"""skillfit_spark on Spark local[2]: 2,000 generated postings, two résumés, same scores as
`skillfit rank` on the same postings.

Needs SKILLFIT_BIN (the skillfit binary) and SKILLFIT_GEN (the gen_corpus example); `.ci/run`
sets both and installs requirements.txt into a cached virtualenv.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))

from skillfit_spark import FITS_COLUMNS, score_postings  # noqa: E402

RESUMES = [
    os.path.join(ROOT, "tests/fixtures/resumes/ja_sre.md"),
    os.path.join(ROOT, "tests/fixtures/resumes/en_acme.md"),
]
N = 2000


class SparkScoresEqualTheCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bin = os.environ["SKILLFIT_BIN"]
        cls.tmp = tempfile.TemporaryDirectory()
        cls.corpus = os.path.join(cls.tmp.name, "postings.jsonl")
        subprocess.run(
            [os.environ["SKILLFIT_GEN"], "--count", str(N), "--format", "jsonl",
             "--out", cls.corpus, "--seed", "7"],
            check=True, capture_output=True,
        )
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
        from pyspark.sql import SparkSession

        cls.spark = (
            SparkSession.builder.master("local[2]")
            .appName("skillfit-spark-test")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "300")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate()
        )
        cls.spark.sparkContext.setLogLevel("ERROR")

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        cls.tmp.cleanup()

    def cli(self, resume):
        out = subprocess.run(
            [self.bin, "rank", resume, self.corpus, "--as-of", "2026-11", "--no-report",
             "-f", "json", "-q"],
            check=True, capture_output=True,
        ).stdout
        return {
            p["path"]: (p["score"], p["required_met"], p["required_total"], p["preferred_met"],
                        p["preferred_total"], "; ".join(p["missing_required"]), p["title"],
                        p["company"])
            for p in json.loads(out)["postings"]
        }

    def test_scores_equal_the_cli(self):
        df = self.spark.read.json(self.corpus).repartition(4)
        self.assertEqual(df.count(), N)
        fits = score_postings(df, RESUMES, self.bin, as_of="2026-11")
        self.assertEqual(fits.columns, ["resume"] + FITS_COLUMNS)
        rows = fits.collect()
        self.assertEqual(len(rows), N * len(RESUMES))
        for resume in RESUMES:
            want = self.cli(resume)
            self.assertEqual(len(want), N)
            name = os.path.basename(resume)
            got = {
                r["posting"]: (r["score"], r["required_met"], r["required_total"],
                               r["preferred_met"], r["preferred_total"], r["missing_required"],
                               r["title"], r["company"])
                for r in rows if r["resume"] == name
            }
            self.assertEqual(got, want, name)
        scored = [r["score"] for r in rows if r["score"] is not None]
        self.assertGreater(len(set(scored)), 20, "scores vary")

    def test_a_posting_that_cannot_be_scored_fails_the_job(self):
        df = self.spark.createDataFrame(
            [("ok", "Requirements\n- Go"), ("empty", "   ")], "job_id string, description string"
        )
        with self.assertRaises(Exception) as ctx:
            score_postings(df, RESUMES[:1], self.bin, as_of="2026-11").collect()
        self.assertIn("could not score 1 postings", str(ctx.exception))


if __name__ == "__main__":
    unittest.main()

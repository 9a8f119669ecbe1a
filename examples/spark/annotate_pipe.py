#!/usr/bin/env python3
"""Annotate JSON Lines with vntext on Apache Spark.

The `vntext` binary is shipped to every executor with `SparkContext.addFile`
and each partition is piped through `vntext annotate`, which writes exactly
one output line per input line, in order. Nothing but the binary needs to be
installed on the cluster.

    spark-submit examples/spark/annotate_pipe.py \\
        --binary target/release/vntext --input articles.jsonl --output out/ \\
        [--format jsonl|parquet] [--sql] [--annotate-args "--keep"]

Two equivalent forms are shown:

* RDD: `sc.textFile(input).pipe("<vntext> annotate --quiet")`.
* Spark SQL (`--sql`): `SELECT TRANSFORM(value) USING '<vntext> annotate --quiet'
  AS (line STRING) FROM articles`.

Where the shipped binary lives: on a cluster, files added with `addFile`
land in each executor's working directory, so the command is `./vntext`; in
local mode the driver is the executor and keeps them in its own temporary
directory, given by `SparkFiles.get`. `shipped_path` below picks the right
one.
"""

import argparse
import os
import shlex
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def shipped_path(spark, name):
    """The path of an `addFile`d file as a command run by an executor sees it."""
    if spark.sparkContext.master.startswith("local"):
        return SparkFiles.get(name)
    return "./" + name


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="path of the vntext binary on the driver")
    ap.add_argument("--input", required=True, help="JSON Lines input (any Hadoop path)")
    ap.add_argument("--output", required=True, help="output directory")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--sql", action="store_true", help="use SELECT TRANSFORM instead of rdd.pipe")
    ap.add_argument("--partitions", type=int, default=0, help="repartition the input (0: keep)")
    ap.add_argument("--annotate-args", default="", help="extra arguments for vntext annotate")
    args = ap.parse_args(argv)

    spark = SparkSession.builder.appName("vntext-annotate").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.binary))
    name = os.path.basename(args.binary)
    # -j 1: Spark already runs one task per core.
    command = " ".join(
        [shlex.quote(shipped_path(spark, name)), "annotate", "--quiet", "-j", "1", args.annotate_args]
    ).strip()

    if args.sql:
        df = spark.read.text(args.input)
        if args.partitions:
            df = df.repartition(args.partitions)
        df.createOrReplaceTempView("articles")
        out = spark.sql(
            f"SELECT TRANSFORM(value) USING '{command}' AS (line STRING) FROM articles"
        )
        lines = out.rdd.map(lambda row: row.line)
    else:
        rdd = sc.textFile(args.input)
        if args.partitions:
            rdd = rdd.repartition(args.partitions)
        # checkCode: a failing vntext (not an error record: a crash) fails the task.
        lines = rdd.pipe(command, checkCode=True)

    if args.format == "jsonl":
        lines.saveAsTextFile(args.output)
    else:
        # One row per record: id, facts (as JSON), error fields when present.
        spark.read.json(lines).write.mode("overwrite").parquet(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

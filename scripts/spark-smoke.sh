#!/usr/bin/env bash
# Opt-in smoke test of examples/spark/annotate_pipe.py (not part of .ci/run).
#
# Creates a virtualenv, installs pyspark from PyPI, builds the release CLI,
# runs the example in local[2] mode over a sample of ../shared/corpus/bench.jsonl
# (RDD pipe and Spark SQL TRANSFORM; JSON Lines and Parquet), and checks that
# the output has one line per input and the same facts as a direct run.
#
#   scripts/spark-smoke.sh [SAMPLE_RECORDS]     (default 1000)
#
# Needs: Python 3 with venv, Java 17 (java on PATH), network access to PyPI
# on the first run, and ../shared/corpus/bench.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
bench=../shared/corpus/bench.jsonl
venv=${VNTEXT_SPARK_VENV:-target/spark-venv}

need() { echo "spark-smoke: $*" >&2; exit 2; }
command -v python3 >/dev/null || need "python3 is required"
command -v java >/dev/null || need "java (17) is required on PATH for pyspark"
[ -f "$bench" ] || need "$bench is absent"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || need "cannot create a virtualenv (python3-venv missing?)"
fi
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "spark-smoke: installing pyspark into $venv"
  "$venv/bin/pip" install -q pyspark || need "pip install pyspark failed (PyPI reachable?)"
fi

cargo build --release --features cli
bin=target/release/vntext
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$n" "$bench" >"$work/in.jsonl"

now() { python3 -c 'import time; print(time.time())'; }
minus() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.2f}')" "$1" "$2"; }

start=$(now)
"$bin" annotate --quiet -j 1 <"$work/in.jsonl" >"$work/direct.jsonl"
direct=$(minus "$(now)" "$start")

export PYSPARK_PYTHON="$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
run() {
  "$venv/bin/python" - "$@" <<'PY'
import sys
from pyspark.sql import SparkSession
SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false") \
    .config("spark.sql.shuffle.partitions", "2").getOrCreate()
sys.path.insert(0, "examples/spark")
import annotate_pipe
sys.exit(annotate_pipe.main(sys.argv[1:]))
PY
}

timed() {
  local s; s=$(now)
  run "$@" 2>"$work/spark.log" || { tail -30 "$work/spark.log"; need "spark run failed: $*"; }
  minus "$(now)" "$s"
}

t_rdd=$(timed --binary "$bin" --input "$work/in.jsonl" --output "$work/rdd" --partitions 2)
t_sql=$(timed --binary "$bin" --input "$work/in.jsonl" --output "$work/sql" --sql --partitions 2)
t_pq=$(timed --binary "$bin" --input "$work/in.jsonl" --output "$work/parquet" --format parquet)

"$venv/bin/python" - "$work" "$n" <<'PY'
import glob, json, sys
work, n = sys.argv[1], int(sys.argv[2])
def load(lines):
    recs = [json.loads(l) for l in lines if l.strip()]
    return recs, {r["id"]: r.get("facts", r.get("error")) for r in recs}
direct, want = load(open(f"{work}/direct.jsonl", encoding="utf-8"))
assert len(direct) == n, (len(direct), n)
for name in ("rdd", "sql"):
    lines = []
    for part in sorted(glob.glob(f"{work}/{name}/part-*")):
        lines += open(part, encoding="utf-8").read().splitlines()
    recs, got = load(lines)
    assert len(recs) == n, f"{name}: {len(recs)} lines for {n} records"
    assert got == want, f"{name}: facts differ from a direct run"
    print(f"spark-smoke: {name}: {len(recs)} lines, same facts as a direct run")
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
rows = spark.read.parquet(f"{work}/parquet").collect()
assert len(rows) == n, f"parquet: {len(rows)} rows for {n} records"
print(f"spark-smoke: parquet: {len(rows)} rows")
spark.stop()
PY

per_record() { python3 -c "import sys; print(f'{(float(sys.argv[1]) - float(sys.argv[2])) * 1000 / int(sys.argv[3]):.2f}')" "$1" "$direct" "$n"; }
echo "spark-smoke: $n records; direct run ${direct}s; Spark local[2]: rdd.pipe ${t_rdd}s, SQL TRANSFORM ${t_sql}s, Parquet ${t_pq}s"
echo "spark-smoke: overhead per record over a direct run (incl. JVM start): rdd.pipe $(per_record "$t_rdd") ms, SQL $(per_record "$t_sql") ms"
echo "spark-smoke: ok"

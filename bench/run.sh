#!/usr/bin/env bash
# National-scale benchmark: the full analysis against the bare aggregation by DuckDB and polars, same file,
# same machine, one run.
#
#   bench/run.sh [COPIES]     (default 231: a 200-school region × 231 ≈ 11 million rows, about 1 GB)
#
# Writes bench/out/results.md. Needs python3 with pip (DuckDB and polars go into bench/.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:/opt/swift/bin:$PATH"
copies=${1:-231}
out=bench/out
mkdir -p "$out"

swift build -c release --product vpr-analyzer
bin=.build/release/vpr-analyzer

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q duckdb polars
fi

region=$out/region
[ -f "$region/results.csv" ] || "$bin" sample --seed 11 --schools 200 --out "$region" 2>/dev/null
national=$out/national-$copies
[ -f "$national/results.csv" ] || python3 bench/replicate.py "$region" "$national" "$copies"
rows=$(($(wc -l < "$national/results.csv") - 1))
size=$(du -m "$national/results.csv" | cut -f1)

echo "== analyze: $rows rows, $size MB"
/usr/bin/time -v "$bin" analyze "$national" --out "$out/reports-$copies" --date 2025-05-20 --no-history -q 2> "$out/time-$copies.txt"
wall=$(grep "Elapsed (wall clock)" "$out/time-$copies.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident" "$out/time-$copies.txt" | awk '{print $NF}')
cpu=$(grep "Percent of CPU" "$out/time-$copies.txt" | awk '{print $NF}')

echo "== DuckDB"
duck=$(bench/.venv/bin/python bench/aggregate.py duckdb "$national/results.csv")
echo "== polars"
polar=$(bench/.venv/bin/python bench/aggregate.py polars "$national/results.csv")

{
  echo "| rows | CSV, MB | analyze, wall | analyze, peak RSS, MB | analyze, CPU | DuckDB aggregation, s | polars aggregation, s |"
  echo "|---|---|---|---|---|---|---|"
  echo "| $rows | $size | $wall | $((rss / 1024)) | $cpu | ${duck%% *} | ${polar%% *} |"
} | tee "$out/results-$copies.md"

#!/usr/bin/env bash
# Workbook benchmark: a region exported as one XLSX workbook per work (as ФИС ОКО gives them), timed with
# /usr/bin/time -v. Several workbooks are decoded on both cores (TableRowPrefetch); compare a build before it.
#
#   bench/xlsx.sh [COPIES] [BINARY]   (default 3: a 200-school region × 3 ≈ 150 000 rows in 6 workbooks)
#
# Writes bench/out/xlsx-COPIES.md. Needs python3 with pip (openpyxl goes into bench/.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:/opt/swift/bin:$PATH"
copies=${1:-3}
out=bench/out
mkdir -p "$out"

bin=${2:-}
if [ -z "$bin" ]; then
  swift build -c release --product vpr-analyzer
  bin=.build/release/vpr-analyzer
fi
if [ ! -x bench/.venv/bin/python ]; then python3 -m venv bench/.venv; fi
bench/.venv/bin/python -c "import openpyxl" 2>/dev/null || bench/.venv/bin/pip install -q openpyxl

region=$out/region
[ -f "$region/results.csv" ] || "$bin" sample --seed 11 --schools 200 --out "$region" 2>/dev/null
books=$out/workbooks-$copies
[ -d "$books" ] || bench/.venv/bin/python bench/xlsx_split.py "$region" "$books" "$copies"
rows=$((copies * ($(wc -l < "$region/results.csv") - 1)))
size=$(du -cm "$books"/*.xlsx | tail -1 | cut -f1)

echo "== analyze: $rows rows in $(ls "$books"/*.xlsx | wc -l) workbooks, $size MB"
/usr/bin/time -v "$bin" analyze "$books" --out "$out/reports-xlsx-$copies" --date 2025-05-20 --no-history -q 2> "$out/time-xlsx-$copies.txt"
wall=$(grep "Elapsed (wall clock)" "$out/time-xlsx-$copies.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident" "$out/time-xlsx-$copies.txt" | awk '{print $NF}')
cpu=$(grep "Percent of CPU" "$out/time-xlsx-$copies.txt" | awk '{print $NF}')
{
  echo "| rows | workbooks, MB | analyze, wall | analyze, peak RSS, MB | analyze, CPU |"
  echo "|---|---|---|---|---|"
  echo "| $rows | $size | $wall | $((rss / 1024)) | $cpu |"
} | tee "$out/xlsx-$copies.md"

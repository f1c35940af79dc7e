#!/usr/bin/env bash
# Fuzzes the readers with libFuzzer for a fixed budget per target.
#
#   fuzz/run.sh [SECONDS]      (default 120 per target)
#
# Targets (Fuzz/, in the package only when VPR_FUZZ=1):
#   FuzzCSV   the bytes as an input folder's results file: encoding and dialect detection, the byte-level
#             CSV reader, row validation, then the analysis; rows must add up (read = used + rejected).
#   FuzzXLSX  the bytes as a workbook: ZIP container and limits, the XML reader of the parts.
# Seeds: slices of sample-data and the workbooks a run on sample-data writes. Crashes land in
# fuzz/work/crash-*; every one becomes a regression test (XLSX: Tests/VPRSpreadsheetTests/FuzzCrashes/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:/opt/swift/bin:$PATH"
budget=${1:-120}
work=fuzz/work
mkdir -p "$work/corpus-csv" "$work/corpus-xlsx"

flags=(--scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
for target in FuzzCSV FuzzXLSX; do
  VPR_FUZZ=1 swift build "${flags[@]}" --product "$target"
done

# Seeds: the sample district's files cut into small pieces, and real workbooks.
python3 - "$work/corpus-csv" <<'PY'
import sys, os
out = sys.argv[1]
data = open("sample-data/results.csv", "rb").read()
lines = data.split(b"\n")
for k, n in enumerate((2, 5, 20, 60)):
    open(os.path.join(out, f"results-{k}"), "wb").write(b"\n".join(lines[:n]) + b"\n")
    # an odd first byte sends the input down the many-files path
    open(os.path.join(out, f"export-{k}"), "wb").write(b"\x01" + b"\n".join(lines[:n]) + b"\n")
open(os.path.join(out, "utf8"), "wb").write("год;код оо;класс;предмет;код участника;1;2\n2025;S1;5А;Математика;1;1;2\n".encode())
PY
if [ ! -f "$work/corpus-xlsx/risk-list.xlsx" ]; then
  swift build --product vpr-analyzer >/dev/null
  .build/debug/vpr-analyzer analyze sample-data --out "$work/reports" --date 2025-05-20 --no-history -q
  cp "$work/reports/"*.xlsx "$work/corpus-xlsx/"
fi
cp Tests/VPRSpreadsheetTests/FuzzCrashes/*.xlsx "$work/corpus-xlsx/" 2>/dev/null || true

status=0
for target in FuzzCSV FuzzXLSX; do
  corpus=$work/corpus-csv; max=8192
  if [ "$target" = FuzzXLSX ]; then corpus=$work/corpus-xlsx; max=65536; fi
  echo "== $target: ${budget}s"
  # Swift's own crash reporter would stop libFuzzer from saving the input: leave crashes to libFuzzer.
  if ! SWIFT_BACKTRACE=enable=no ".build-fuzz/debug/$target" "$corpus" -max_total_time="$budget" -max_len="$max" \
      -rss_limit_mb=2048 -timeout=20 -artifact_prefix="$work/crash-$target-" -print_final_stats=1 2>"$work/$target.log"; then
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|Test unit written" "$work/$target.log" || true
done
ls "$work"/crash-* 2>/dev/null && echo "Crashes found: add each as a regression test." || echo "No crashes."
exit $status

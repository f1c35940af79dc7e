#!/usr/bin/env bash
# Second independent check (docs/calibration.md, section 7): regions made by scripts/robustness/gen3/gen3.py,
# a generator written by a separate session that saw only the input contract (partial-credit model with unequal
# discriminations, careless slips on basic tasks, ceilinged gymnasiums, teachers' grading on the class curve,
# two years with cohorts, manipulation on part of a school's works and classes). Nothing was tuned on it.
#
#   scripts/robustness/gen3.sh            6 honest regions, 2 per scheme × {moderate, strong}, 3 mixed; 200 schools
#   OUT=/tmp/g3 scripts/robustness/gen3.sh (keeps the regions and reports in OUT)
#   CONFIG=FILE scripts/robustness/gen3.sh (passes --config FILE to every run, e.g. inversion.levelAdjusted = false)
#
# Prints the tables (English, developer-facing): false inclusions by school kind, recall by scheme. About 12 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-study}
OUT=${OUT:-$(mktemp -d)}
swift build -c release --scratch-path "$SCRATCH" --product vpr-analyzer >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
BIN="$PWD/$SCRATCH/release/vpr-analyzer"
python3 -c "import numpy" 2>/dev/null || pip install --quiet numpy
mkdir -p "$OUT/regions" "$OUT/out"
run() { # name seed scheme strength
  local d="$OUT/regions/$1"
  [ -f "$d/results.csv" ] || python3 scripts/robustness/gen3/gen3.py --seed "$2" --schools 200 --out "$d" --scheme "$3" --strength "$4" --share 0.15 >/dev/null
  rm -rf "$OUT/out/$1"
  "$BIN" analyze "$d" --out "$OUT/out/$1" --quiet --no-history --date 2026-12-01 ${CONFIG:+--config "$CONFIG"}
  echo "$1: готово" >&2
}
for s in 1 2 3 4 5 6; do run "honest_s$s" "$s" none moderate; done
base=10
for scheme in boundary help copying bent inflated; do
  run "${scheme}_moderate_s$((base + 1))" $((base + 1)) "$scheme" moderate
  run "${scheme}_moderate_s$((base + 2))" $((base + 2)) "$scheme" moderate
  run "${scheme}_strong_s$((base + 3))" $((base + 3)) "$scheme" strong
  run "${scheme}_strong_s$((base + 4))" $((base + 4)) "$scheme" strong
  base=$((base + 10))
done
for s in 61 62 63; do run "mixed_moderate_s$s" "$s" mixed moderate; done
python3 scripts/robustness/gen3/evaluate.py "$OUT/out" "$OUT/regions"

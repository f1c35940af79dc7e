#!/usr/bin/env bash
# Robustness study (docs/calibration.md, section 7): the engine on regions made by an independent generator,
# scripts/robustness/altgen.py (Python, a graded-response IRT model with heavy-tailed school effects, school ×
# task deviations, teacher generosity, strict gymnasiums; manipulation schemes implemented separately from the
# engine's own generator). Nothing in the engine was tuned on these data.
#
#   1. honest:      HONEST regions × 200 schools, seeds 1…;
#   2. manipulated: every scheme at every strength on MANIPULATED regions × 200 schools (15 % of the non-tiny
#                   schools), seeds 101…;
#   3. mixed:       MIXED regions × 200 schools at moderate strength where each manipulated school has one of the
#                   five schemes at random, seeds 201…;
# then writes the tables into docs/calibration.md between <!-- study:alt --> and <!-- /study:alt -->.
# Deterministic given the commit. About 10 minutes on 2 cores.
#
# Usage: scripts/robustness.sh                      (writes docs/calibration.md)
#        HONEST=2 MANIPULATED=1 OUT=/tmp/alt scripts/robustness.sh   (smaller; keeps the regions in OUT)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/fill_section.sh
SCRATCH=${SCRATCH:-.build-study}
OUT=${OUT:-$(mktemp -d)}
HONEST=${HONEST:-5}
MANIPULATED=${MANIPULATED:-2}
MIXED=${MIXED:-4}
SCHOOLS=${SCHOOLS:-200}
DOC=${DOC:-docs/calibration.md}
mkdir -p "$OUT/runs"
start=$(date +%s)

swift build -c release --scratch-path "$SCRATCH" --product vpr-analyzer >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
BIN="$PWD/$SCRATCH/release/vpr-analyzer"

jobs=()
for ((i = 1; i <= HONEST; i++)); do jobs+=("honest $i"); done
for scheme in boundaryPulling inflatedJournal helpDuringTest copying bentToJournal; do
  for strength in weak moderate strong; do
    for ((i = 1; i <= MANIPULATED; i++)); do jobs+=("$scheme-$strength $((100 + i))"); done
  done
done
for ((i = 1; i <= MIXED; i++)); do jobs+=("mixed-moderate $((200 + i))"); done

one() { # scenario seed
  local scenario=$1 seed=$2 dir="$OUT/runs/$1__$2"
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$scenario" = honest ]; then
    python3 scripts/robustness/altgen.py --seed "$seed" --schools "$SCHOOLS" --honest --out "$dir/input" >"$dir/gen.log" 2>&1
  else
    python3 scripts/robustness/altgen.py --seed "$seed" --schools "$SCHOOLS" --scheme "${scenario%-*}" \
      --strength "${scenario##*-}" --share 0.15 --out "$dir/input" >"$dir/gen.log" 2>&1
  fi
  # Every generated row must be consistent (task ≤ max, primary = sum, mark = scale) before the engine sees it.
  python3 scripts/robustness/altgen_check.py "$dir/input" >"$dir/check.log" 2>&1 \
    || { echo "генератор записал несогласованные строки: $dir" >&2; cat "$dir/check.log" >&2; return 1; }
  "$BIN" analyze "$dir/input" --out "$dir/output" --no-history --date 2026-06-01 -q >"$dir/analyze.log" 2>&1 \
    || { echo "анализ не удался: $dir" >&2; cat "$dir/analyze.log" >&2; return 1; }
  echo "$scenario $seed: готово" >&2
}
export -f one; export OUT SCHOOLS BIN
printf '%s\n' "${jobs[@]}" | xargs -P "$(nproc)" -L 1 bash -c 'one $0 $1'

commit=$(git rev-parse --short HEAD 2>/dev/null || echo "вне git")
{
  echo "Таблицы получены командой \`scripts/robustness.sh\` на коммите \`$commit\` ($(date -u +%Y-%m-%d), $(nproc) ядра,"
  echo "$HONEST честных регионов, по $MANIPULATED региона на каждую схему и силу и $MIXED смешанных, по $SCHOOLS ОО;"
  echo "$(( $(date +%s) - start )) с)."
  echo
  python3 scripts/robustness/tally.py "$OUT/runs"
} >"$OUT/alt.md"
cat "$OUT/alt.md"

if [ -f "$DOC" ]; then fill_section "$DOC" alt "$OUT/alt.md"; fi

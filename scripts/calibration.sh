#!/usr/bin/env bash
# Calibration study of the engine (docs/calibration.md): builds the release binary and runs
#   1. districts: every scenario on 20 districts × 40 schools;
#   2. regions:   every scenario on 3 regions × 200 schools;
#   2a. mixed:    districts and regions where each manipulating school has its own scheme (same seeds);
#   2b. fresh:    5 regions × 200 on seeds no other table uses, and one region of 1000 schools;
#   3. power:     recall by school size and the smallest detectable rate on 6 regions × 200 schools;
# then writes the tables into docs/calibration.md between the <!-- study:NAME --> … <!-- /study:NAME --> marks.
# Every number is deterministic given the commit (fixed seeds). About 10 minutes on 2 cores.
#
# Usage: scripts/calibration.sh            (from anywhere; writes docs/calibration.md)
#        OUT=/tmp/tables scripts/calibration.sh   (also keeps the raw tables there)
#        FILL_ONLY=/tmp/tables scripts/calibration.sh   (only rewrites the document from kept tables)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/fill_section.sh
ROOT=$PWD
SCRATCH=${SCRATCH:-.build-study}
OUT=${OUT:-$(mktemp -d)}
DOC=docs/calibration.md
mkdir -p "$OUT"

now() { date +%s; }
start=$(now)

if [ -n "${FILL_ONLY:-}" ]; then OUT=$FILL_ONLY; fi
if [ -z "${FILL_ONLY:-}" ]; then

# Others may be editing sources while we build: retry a few times on "modified during the build".
for attempt in 1 2 3; do
  if swift build -c release --scratch-path "$SCRATCH" --product vpr-analyzer >"$OUT/build.log" 2>&1; then break; fi
  if [ "$attempt" = 3 ]; then cat "$OUT/build.log" >&2; exit 1; fi
  echo "сборка не удалась (попытка $attempt), повтор через 30 с" >&2; sleep 30
done
BIN="$SCRATCH/release/vpr-analyzer"
echo "сборка: $(( $(now) - start )) с" >&2

run() { # name, args…
  local name=$1; shift
  local t0; t0=$(now)
  echo "== $name: vpr-analyzer study $*" >&2
  "$BIN" study "$@" >"$OUT/$name.md" 2>"$OUT/$name.log"
  cat "$OUT/$name.log" >&2
  echo "$name: $(( $(now) - t0 )) с" >&2
  echo "$(( $(now) - t0 ))" >"$OUT/$name.seconds"
}

run districts --districts 20 --schools 40 --seed 1000 --share 0.15
run regions   --districts 3 --schools 200 --seed 2000 --share 0.15
run mixed-districts --districts 20 --schools 40 --seed 1000 --share 0.15 --scenarios mixed:weak,mixed:moderate,mixed:strong
run mixed-regions   --districts 3 --schools 200 --seed 2000 --share 0.15 --scenarios mixed:weak,mixed:moderate,mixed:strong
run power     --power --districts 6 --schools 200 --seed 3000 --share 0.2 --rates 0.2,0.4,0.6,0.8,1.0
# The mixed arms' section: the per-scheme recall of districts and of regions, then their engine tables.
{
  sed -n '/^\*\*Смешанные схемы/,$p' "$OUT/mixed-districts.md"; echo
  sed -n '/^\*\*Смешанные схемы/,$p' "$OUT/mixed-regions.md"; echo
  sed -n '1,/^\*\*Движок и простые правила/p' "$OUT/mixed-districts.md" | sed '$d'
  sed -n '1,/^\*\*Движок и простые правила/p' "$OUT/mixed-regions.md" | sed '$d'
} >"$OUT/mixed.md"
seconds_mixed=$(( $(cat "$OUT/mixed-districts.seconds") + $(cat "$OUT/mixed-regions.seconds") ))
echo "$seconds_mixed" >"$OUT/mixed.seconds"
# Fresh seeds the tables above never used, and one region of 1000 schools: the same claims on new data.
run fresh-regions --districts 5 --schools 200 --seed 7000 --share 0.15 --scenarios honest,mixed:moderate,mixed:strong
run fresh-large   --districts 1 --schools 1000 --seed 9000 --share 0.15 --scenarios honest,mixed:moderate
{
  for name in fresh-regions fresh-large; do
    sed -n '1,/^\*\*Движок и простые правила/p' "$OUT/$name.md" | sed '$d'
    sed -n '/^\*\*Смешанные схемы/,$p' "$OUT/$name.md"; echo
  done
} >"$OUT/fresh.md"
echo $(( $(cat "$OUT/fresh-regions.seconds") + $(cat "$OUT/fresh-large.seconds") )) >"$OUT/fresh.seconds"

total=$(( $(now) - start ))
commit=${COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "вне git")}
{
  echo "Таблицы получены командой \`scripts/calibration.sh\` на коммите \`$commit\`"
  echo "($(date -u +%Y-%m-%d), $(nproc) ядра; районы $(cat "$OUT/districts.seconds") с, регионы $(cat "$OUT/regions.seconds") с,"
  echo "смешанные схемы $(cat "$OUT/mixed.seconds") с, новые seed и регион из 1000 ОО $(cat "$OUT/fresh.seconds") с,"
  echo "мощность $(cat "$OUT/power.seconds") с, всего со сборкой $total с)."
} >"$OUT/stamp.md"
fi

# Replace each marked section of the document with the fresh table.
if [ -f "$DOC" ]; then
  for name in stamp districts regions mixed fresh power; do fill_section "$DOC" "$name" "$OUT/$name.md"; done
  echo "обновлён $DOC" >&2
fi
echo "всего: $(( $(now) - start )) с (таблицы в $OUT)" >&2

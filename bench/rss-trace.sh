#!/usr/bin/env bash
# Peak memory over time: runs a command and samples its resident set (VmRSS, KB) once a second.
#
#   bench/rss-trace.sh LOG COMMAND...   e.g. bench/rss-trace.sh /tmp/nat.rss .build/release/vpr-analyzer analyze \
#                                            bench/out/national-231 --out /tmp/natout --date 2025-05-20 --no-history
#
# LOG gets "seconds-since-start rss-KB" lines; the command's output goes to LOG.out.
set -u
log=$1; shift
: > "$log"
"$@" > "$log.out" 2>&1 &
pid=$!
start=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null)
  echo "$(echo "$(date +%s.%N) - $start" | bc) ${rss:-0}" >> "$log"
  sleep 1
done
wait "$pid"

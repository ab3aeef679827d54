#!/usr/bin/env bash
# Every figure of issue 23 in one go, on one ReadyToRun publish, for a quiet machine (nothing else building or testing).
# Writes each script's table to OUT (default /tmp/ic-quiet-<time>) and prints how long each step took.
#
#   benchmarks/quiet-run.sh                 # about 30 minutes (load.sh ~22 of them): load (app, nginx, bound, deployed stack), warm-up,
#                                           # burst (with and without the heap ceiling), cold start
#   MATRIX=1 benchmarks/quiet-run.sh        # plus the runtime-settings warm-up matrix (about 14 minutes more)
#   STEPS="load warmup" benchmarks/quiet-run.sh
#
# Needs what each script needs (see benchmarks/README.md). Exits non-zero when a step failed to run; a missed goal is
# in the tables (burst.sh's own exit code is reported, not fatal).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/lib/common.sh"

STEPS="${STEPS:-load warmup burst coldstart}"
[ "${MATRIX:-0}" = 1 ] && STEPS="$STEPS matrix"
OUT="${OUT:-/tmp/ic-quiet-$(date -u +%Y%m%dT%H%M)}"
mkdir -p "$OUT"
if [ -z "${IC_PUBLISH_DIR:-}" ]; then
  publish_app "$OUT/publish" || exit 1
  export IC_PUBLISH_DIR="$OUT/publish"
fi
log "tables go to $OUT; load average $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
summary=""
for step in $STEPS; do
  started=$(date +%s)
  case "$step" in
    load) OUT="$OUT/load.md" bash "$HERE/load/run.sh" >"$OUT/load.txt" 2>"$OUT/load.log" ;;
    warmup) bash "$HERE/load/warmup.sh" >"$OUT/warmup.md" 2>"$OUT/warmup.log" ;;
    burst) bash "$HERE/memory/burst.sh" >"$OUT/burst.md" 2>"$OUT/burst.log" ;;
    coldstart) RUNS="${RUNS_COLD:-7}" bash "$HERE/coldstart/run.sh" >"$OUT/coldstart.md" 2>"$OUT/coldstart.log" ;;
    matrix) bash "$HERE/load/warmup-matrix.sh" >"$OUT/matrix.md" 2>"$OUT/matrix.log" ;;
    *) log "unknown step $step"; false ;;
  esac
  rc=$?
  took=$(( $(date +%s) - started ))
  summary+="$step: exit $rc, ${took} s"$'\n'
  log "$step: exit $rc after ${took} s"
  if [ "$rc" != 0 ] && [ "$step" != burst ]; then status=1; fi
done

echo "Issue 23 figures, commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s' "$summary"
for f in load.md warmup.md burst.md coldstart.md matrix.md; do
  [ -f "$OUT/$f" ] || continue
  echo; echo "## $f"; echo; cat "$OUT/$f"
done
exit "$status"

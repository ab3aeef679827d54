#!/usr/bin/env bash
# Warm-up timeline: session writes per second (and per server CPU-second) in each WINDOW of load from a fresh start,
# the app pinned to one core, wrk on the other. Shows how long the runtime takes to reach optimised code on one core
# with a given setting (docs/PERFORMANCE.md, "One core and tiered compilation").
#
#   benchmarks/load/warmup.sh                                   # the runtime's defaults
#   benchmarks/load/warmup.sh DOTNET_TC_CallCountingDelayMs=0   # what deploy/README.md sets on a one-core host
#   WINDOWS=12 WINDOW=8 IC_PUBLISH_DIR=/tmp/pub benchmarks/load/warmup.sh DOTNET_TieredCompilation=0
#
# Needs: the .NET SDK; wrk, curl and taskset (installed when missing). Loopback only; stops what it starts.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

WINDOWS="${WINDOWS:-8}"
WINDOW="${WINDOW:-8}"
SERVER_CPU="${SERVER_CPU:-1}"
WRK_CPU="${WRK_CPU:-0}"
apt_need wrk wrk
apt_need curl curl
apt_need taskset util-linux

WORK="$(mktemp -d /tmp/ic-warmup.XXXXXX)"
APP_PID=""
cleanup() { set +e; stop_pid "$APP_PID"; [ -z "${KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

publish_app "$WORK/app"
PORT="$(free_port)"; APP="http://127.0.0.1:$PORT"; mkdir -p "$WORK/data"
(
  cd "$WORK/app"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" Storage__DataPath="$WORK/data" \
    RateLimits__WritesPerMinute=100000000
  exec env "$@" taskset -c "$SERVER_CPU" ./InterviewCompass.Web >"$WORK/app.log" 2>&1
) &
APP_PID=$!
wait_http "$APP/healthz" 60 "$APP_PID" || { tail -30 "$WORK/app.log" >&2; die "the app did not become healthy"; }

BODY='{"checklist":"walk-out","answers":{"salary-below-posted":"raised-unresolved"},"label":"warm-up"}'
COOKIE="$(curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' -d "$BODY" "$APP/api/v1/sessions" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="set-cookie"{split($2,a,";"); print a[1]; exit}')"
[ -n "$COOKIE" ] || die "the first save issued no owner cookie"

HZ="$(getconf CLK_TCK)"
echo "Session writes from a fresh start, app on CPU $SERVER_CPU, wrk -t1 -c32 on CPU $WRK_CPU, ${WINDOW}s windows; settings: ${*:-runtime defaults}; $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "| seconds of load | writes/s | p99 | writes per server CPU-s | non-2xx |"
echo "|---|---:|---:|---:|---:|"
for ((w = 0; w < WINDOWS; w++)); do
  before="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
  out="$(WRK_BODY="$BODY" WRK_COOKIE="$COOKIE" timeout $((WINDOW + 15)) taskset -c "$WRK_CPU" \
    wrk -t1 -c32 -d"${WINDOW}s" --latency -s "$(dirname "$0")/post-json.lua" "$APP/api/v1/sessions")"
  after="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
  acked="$(awk '$1=="ACKED_2XX"{print $2}' <<<"$out")"; bad="$(awk '$1=="NON_2XX"{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  awk -v w="$w" -v len="$WINDOW" -v ok="${acked:-0}" -v bad="${bad:-0}" -v p99="$p99" -v cpu=$((after - before)) -v hz="$HZ" \
    'BEGIN{ printf "| %d-%d | %.0f | %s | %.0f | %d |\n", w*len, (w+1)*len, ok/len, p99, (cpu > 0 ? ok/(cpu/hz) : 0), bad }'
done

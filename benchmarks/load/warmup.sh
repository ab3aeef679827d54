#!/usr/bin/env bash
# Warm-up timeline: session writes per second (and per server CPU-second) in each WINDOW of load from a fresh start,
# the app pinned to one core, wrk on the other. Shows how long the runtime takes to reach optimised code on one core
# with the settings the app carries (docs/PERFORMANCE.md, "Full speed from the first seconds"), and checks the goals:
# >= 1,500 writes/s over the first 10 s of load, and from 20 s on >= 2,000/s in every window with p99 <= 50 ms.
#
#   benchmarks/load/warmup.sh                                   # the app as published: its own runtimeconfig.json only
#   benchmarks/load/warmup.sh DOTNET_TC_CallCountingDelayMs=0   # plus environment variables (NAME=VALUE arguments)
#   RUNTIMECONFIG="System.Runtime.TieredPGO=false" benchmarks/load/warmup.sh
#                                                               # a copy of the publish with these runtimeconfig.json
#                                                               # configProperties changed (what a csproj setting would do)
#   WINDOWS=12 WINDOW=5 IC_PUBLISH_DIR=/tmp/pub benchmarks/load/warmup.sh
#
# The last line is machine-readable: "SUMMARY first10=<writes/s> from20_min=<writes/s> from20_p99_max=<ms> pass=<0|1>".
# Needs: the .NET SDK; wrk, curl, taskset and python3 (installed when missing). Loopback only; stops what it starts.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

WINDOWS="${WINDOWS:-12}"
WINDOW="${WINDOW:-5}"
SERVER_CPU="${SERVER_CPU:-1}"
WRK_CPU="${WRK_CPU:-0}"
RUNTIMECONFIG="${RUNTIMECONFIG:-}"
apt_need wrk wrk
apt_need curl curl
apt_need taskset util-linux
apt_need python3 python3

WORK="$(mktemp -d /tmp/ic-warmup.XXXXXX)"
APP_PID=""
cleanup() { set +e; stop_pid "$APP_PID"; [ -z "${KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

publish_app "$WORK/app"
APP_DIR="$WORK/app"
if [ -n "$RUNTIMECONFIG" ]; then
  # shellcheck disable=SC2086
  with_runtimeconfig "$WORK/app" "$WORK/app-config" $RUNTIMECONFIG
  APP_DIR="$WORK/app-config"
fi
SETTINGS="$(runtime_settings "$APP_DIR")"

PORT="$(free_port)"; APP="http://127.0.0.1:$PORT"; mkdir -p "$WORK/data"
(
  cd "$APP_DIR"
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
to_ms() { awk -v v="$1" 'BEGIN{ n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'; }
echo "Session writes from a fresh start, app on CPU $SERVER_CPU, wrk -t1 -c32 on CPU $WRK_CPU, ${WINDOW}s windows; runtimeconfig: ${SETTINGS:-none}; environment: ${*:-none}; $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| seconds of load | writes/s | p99 ms | writes per server CPU-s | non-2xx |"
echo "|---|---:|---:|---:|---:|"
: >"$WORK/windows"
for ((w = 0; w < WINDOWS; w++)); do
  before="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
  out="$(WRK_BODY="$BODY" WRK_COOKIE="$COOKIE" timeout $((WINDOW + 15)) taskset -c "$WRK_CPU" \
    wrk -t1 -c32 -d"${WINDOW}s" --latency -s "$(dirname "$0")/post-json.lua" "$APP/api/v1/sessions")"
  after="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
  acked="$(awk '$1=="ACKED_2XX"{print $2}' <<<"$out")"; bad="$(awk '$1=="NON_2XX"{print $2}' <<<"$out")"
  p99="$(to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")"
  echo "$((w * WINDOW)) $((${acked:-0} / WINDOW)) $p99" >>"$WORK/windows"
  awk -v w="$w" -v len="$WINDOW" -v ok="${acked:-0}" -v bad="${bad:-0}" -v p99="$p99" -v cpu=$((after - before)) -v hz="$HZ" \
    'BEGIN{ printf "| %d-%d | %.0f | %s | %.0f | %d |\n", w*len, (w+1)*len, ok/len, p99, (cpu > 0 ? ok/(cpu/hz) : 0), bad }'
done
echo
awk -v len="$WINDOW" '
  { start[NR] = $1; rate[NR] = $2; p99[NR] = $3 }
  END {
    n10 = 0; s10 = 0; min20 = -1; max99 = 0
    for (i = 1; i <= NR; i++) {
      if (start[i] + len <= 10) { s10 += rate[i]; n10++ }
      if (start[i] >= 20) { if (min20 < 0 || rate[i] < min20) min20 = rate[i]; if (p99[i] > max99) max99 = p99[i] }
    }
    first10 = n10 ? s10 / n10 : 0
    if (min20 < 0) min20 = 0   # no window from 20 s (a short run): not met
    pass = (first10 >= 1500 && min20 >= 2000 && max99 <= 50) ? 1 : 0
    printf "Goals: first 10 s %.0f writes/s (>= 1,500: %s); from 20 s the slowest window %.0f/s (>= 2,000: %s), worst p99 %.2f ms (<= 50: %s)\n",
      first10, (first10 >= 1500 ? "met" : "missed"), min20, (min20 >= 2000 ? "met" : "missed"), max99, (max99 <= 50 ? "met" : "missed")
    printf "SUMMARY first10=%.0f from20_min=%.0f from20_p99_max=%.2f pass=%d\n", first10, min20, max99, pass
  }' "$WORK/windows"

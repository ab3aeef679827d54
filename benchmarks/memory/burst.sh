#!/usr/bin/env bash
# Memory without a trap: a burst against the published app, once per heap setting.
#   - IDLE (default 2,000) idle TCP connections held open for the whole burst;
#   - wrk with CONNS (default 1,000) concurrent connections saving large drafts (POST /api/v1/drafts, a valid body near
#     the 64 KB API limit, and every 5th request a body over it, which must get 413) for DURATION (default 20s);
#   - the working set sampled every 0.5 s; afterwards: every status counted (goal: only 2xx, 413 and 429), the process
#     still running, every acknowledged save (2xx) in the database (rows >= acknowledged: a save committed whose answer
#     wrk cut off at the end is a row without an acknowledgement), the working set after the load (goal <= 150 MB), and
#     the app log's OutOfMemoryException and "fail:" lines.
#
#   benchmarks/memory/burst.sh                          # HEAPS="project none": as published, then without the ceiling
#   HEAPS="project 0x10000000" benchmarks/memory/burst.sh   # a hex value runs with DOTNET_GCHeapHardLimit=<value>
#   CONNS=1000 IDLE=2000 DURATION=20s WRITES_PER_MINUTE=100000000 IC_PUBLISH_DIR=/tmp/pub benchmarks/memory/burst.sh
#
# "project" = the runtimeconfig.json as published (System.GC.HeapHardLimit from the project file, if it is there);
# "none" = a copy of the publish whose runtimeconfig.json has no System.GC.HeapHardLimit.
# The rate limit is lifted by default (WRITES_PER_MINUTE) so that the saves reach the database: the worst case for
# memory; with the app's own limit most of the burst is answered 429 (WRITES_PER_MINUTE= unset keeps it).
# The app runs on SERVER_CPU (default 1), the clients on CLIENT_CPU (default 0). Exit code 1 when a goal is missed.
# Needs: the .NET SDK; wrk, curl, sqlite3, python3, taskset (installed when missing). Loopback only; stops what it starts.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib/common.sh"

HEAPS="${HEAPS:-project none}"
CONNS="${CONNS:-1000}"
IDLE="${IDLE:-2000}"
DURATION="${DURATION:-20s}"
SERVER_CPU="${SERVER_CPU:-1}"
CLIENT_CPU="${CLIENT_CPU:-0}"
WRITES_PER_MINUTE="${WRITES_PER_MINUTE-100000000}"
GOAL_MB="${GOAL_MB:-150}"
apt_need wrk wrk
apt_need curl curl
apt_need sqlite3 sqlite3
apt_need python3 python3
apt_need taskset util-linux
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

WORK="$(mktemp -d /tmp/ic-burst.XXXXXX)"
APP_PID=""; IDLE_PID=""; SAMPLER_PID=""
cleanup() {
  set +e
  stop_pid "$SAMPLER_PID"; stop_pid "$IDLE_PID"; stop_pid "$APP_PID"
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

publish_app "$WORK/app"

# Bodies: the largest valid draft (body and subject of characters sent JSON-escaped, every field full) and one over 64 KB.
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
esc = lambda n: "\\u00e9" * n  # 6 bytes on the wire for 1 character
fields = ",".join(f'"field{i}":"{esc(200)}"' for i in range(12))
big = '{"kind":"withdrawal-note","tone":"warm","subject":"%s","body":"%s","fields":{%s}}' % (esc(200), esc(5000), fields)
small_fields = '{"kind":"withdrawal-note","tone":"warm","subject":"%s","body":"%s"}' % (esc(200), esc(5000))
over = '{"kind":"withdrawal-note","tone":"warm","body":"%s"}' % ("x" * 70000)
open(f"{work}/big.json", "w").write(big)
open(f"{work}/big-nofields.json", "w").write(small_fields)
open(f"{work}/over.json", "w").write(over)
PY

# idle.py PORT N SECONDS: opens N connections, sends nothing, holds them; prints how many opened and how many the server
# still held open at the end.
cat >"$WORK/idle.py" <<'PY'
import socket, sys, time, resource
port, n, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, n + 100)), hard))
socks, failed = [], 0
for _ in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5); s.setblocking(False); socks.append(s)
    except OSError:
        failed += 1
print(f"IDLE_OPENED {len(socks)} {failed}", flush=True)
end = time.monotonic() + secs
while time.monotonic() < end:
    time.sleep(0.5)
still = 0
for s in socks:
    try:
        still += 0 if s.recv(1) == b"" else 1
    except BlockingIOError:
        still += 1
    except OSError:
        pass
print(f"IDLE_STILL_OPEN {still}", flush=True)
PY

secs() { awk -v v="$1" 'BEGIN{ n=v+0; if (v ~ /m$/) n*=60; printf "%d", n }'; }
rows=""; missed=0
for heap in $HEAPS; do
  APP_DIR="$WORK/app"; envs=()
  case "$heap" in
    project) ;;
    none)
      with_runtimeconfig "$WORK/app" "$WORK/app-none" System.GC.HeapHardLimit=-; APP_DIR="$WORK/app-none" ;;
    0x*) envs=("DOTNET_GCHeapHardLimit=${heap#0x}") ;;
    *) die "HEAPS: project, none or a hex value (0x...), not $heap" ;;
  esac
  limit="$(python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))["runtimeOptions"].get("configProperties",{}).get("System.GC.HeapHardLimit"); print(f"{int(v)//1048576} MiB" if v else "none")' "$APP_DIR/InterviewCompass.Web.runtimeconfig.json")"
  [ "${#envs[@]}" -gt 0 ] && limit="env ${envs[*]}"
  data="$WORK/data-$heap"; mkdir -p "$data"
  PORT="$(free_port)"; APP="http://127.0.0.1:$PORT"
  (
    cd "$APP_DIR"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" Storage__DataPath="$data" Storage__Provider=Sqlite
    [ -n "$WRITES_PER_MINUTE" ] && export RateLimits__WritesPerMinute="$WRITES_PER_MINUTE"
    exec env "${envs[@]}" taskset -c "$SERVER_CPU" ./InterviewCompass.Web >"$data/app.log" 2>&1
  ) &
  APP_PID=$!
  wait_http "$APP/healthz" 60 "$APP_PID" || { tail -30 "$data/app.log" >&2; die "the app did not become healthy ($heap)"; }

  # One owner: the first save issues the cookie. Use the largest body the API accepts (fields may be refused by name).
  body="$WORK/big.json"
  code="$(curl -s -o /dev/null -w '%{http_code}' -D "$WORK/headers-$heap" -X POST -H 'Content-Type: application/json' --data-binary @"$body" "$APP/api/v1/drafts")"
  if [ "$code" != 201 ]; then
    body="$WORK/big-nofields.json"
    code="$(curl -s -o /dev/null -w '%{http_code}' -D "$WORK/headers-$heap" -X POST -H 'Content-Type: application/json' --data-binary @"$body" "$APP/api/v1/drafts")"
  fi
  [ "$code" = 201 ] || die "a large draft was not saved ($code)"
  # Read from the answer itself: outside Development the cookie is __Host-ic-owner (Secure), which curl's jar would not
  # keep for a plain-HTTP origin.
  cookie="$(tr -d '\r' <"$WORK/headers-$heap" | awk -F': ' 'tolower($1)=="set-cookie" && $2 ~ /ic-owner=/ {split($2,a,";"); c=a[1]} END{print c}')"
  [ -n "$cookie" ] || die "no owner cookie"
  log "$heap: heap limit $limit; draft body $(wc -c <"$body") bytes, oversize $(wc -c <"$WORK/over.json") bytes; $IDLE idle + $CONNS busy connections for $DURATION"

  rss_before_kb="$(awk '/^VmRSS:/{print $2}' "/proc/$APP_PID/status")"
  ( while kill -0 "$APP_PID" 2>/dev/null; do awk '/^VmRSS:/{print $2}' "/proc/$APP_PID/status" 2>/dev/null; sleep 0.5; done ) >"$WORK/rss-$heap" &
  SAMPLER_PID=$!
  taskset -c "$CLIENT_CPU" python3 "$WORK/idle.py" "$PORT" "$IDLE" "$(( $(secs "$DURATION") + 5 ))" >"$WORK/idle-$heap.txt" 2>&1 &
  IDLE_PID=$!
  for ((i = 0; i < 300; i++)); do grep -q IDLE_OPENED "$WORK/idle-$heap.txt" 2>/dev/null && break; sleep 0.1; done
  BURST_BODY="$body" BURST_OVERSIZE="$WORK/over.json" WRK_COOKIE="$cookie" timeout $(( $(secs "$DURATION") + 60 )) \
    taskset -c "$CLIENT_CPU" wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 30s --latency -s "$HERE/burst-drafts.lua" "$APP/" \
    >"$WORK/wrk-$heap.txt" 2>&1 || true
  wait "$IDLE_PID" 2>/dev/null || true; IDLE_PID=""

  alive=yes; kill -0 "$APP_PID" 2>/dev/null || alive="NO (exited)"
  # After the load: a few idle seconds, then the working set (what a host keeps paying for).
  sleep 5
  rss_after_kb="$(awk '/^VmRSS:/{print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)"
  stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
  peak_kb="$(sort -n "$WORK/rss-$heap" | tail -1)"
  acked="$(awk '$1=="ACKED_2XX"{print $2}' "$WORK/wrk-$heap.txt")"; acked="${acked:-0}"
  statuses="$(awk '$1=="STATUS"{printf "%s%s: %s", sep, $2, $3; sep=", "} $1=="OTHER_STATUS" && $2>0 {printf "%sother: %s", sep, $2}' "$WORK/wrk-$heap.txt")"
  bad_status="$(awk '$1=="STATUS" && !($2 ~ /^2/ || $2==413 || $2==429) {n += $3} $1=="OTHER_STATUS" {n += $2} END {print n+0}' "$WORK/wrk-$heap.txt")"
  sockets="$(awk '$1=="SOCKET"{print $2, $3, $4, $5}' "$WORK/wrk-$heap.txt")"
  idle_open="$(awk '$1=="IDLE_OPENED"{print $2 " of '"$IDLE"' opened"} $1=="IDLE_STILL_OPEN"{print ", " $2 " still open at the end"}' "$WORK/idle-$heap.txt" | tr -d '\n')"
  db="$(find "$data" -name '*.db' | head -1)"
  rows_now="$(sqlite3 "$db" 'SELECT COUNT(*) FROM Drafts;' 2>/dev/null || echo '?')"
  on_disk="no"; [ "$rows_now" != '?' ] && [ "$rows_now" -ge $((acked + 1)) ] && on_disk="yes"   # +1: the first save above
  oom="$(grep -c 'OutOfMemoryException' "$data/app.log" || true)"
  fails="$(grep -c 'fail:' "$data/app.log" || true)"
  stop_pid "$APP_PID"; APP_PID=""
  after_mb=$((rss_after_kb / 1024))
  ok=1
  [ "$bad_status" = 0 ] || ok=0
  [ "$alive" = yes ] || ok=0
  [ "$on_disk" = yes ] || ok=0
  [ "$after_mb" -le "$GOAL_MB" ] || ok=0
  [ "$ok" = 1 ] || missed=1
  rows+="| $heap ($limit) | $statuses | $bad_status | $sockets | $idle_open | $alive | $acked acknowledged, $rows_now rows: $on_disk | $((rss_before_kb / 1024)) | $((peak_kb / 1024)) | $after_mb | $oom / $fails | $([ "$ok" = 1 ] && echo met || echo missed) |"$'\n'
  log "$heap: $statuses; sockets $sockets; alive $alive; acked $acked, rows $rows_now; RSS ${rss_before_kb}K -> peak ${peak_kb}K -> after ${rss_after_kb}K; OOM $oom, fail: $fails"
done

echo "Burst: $IDLE idle connections + wrk -t2 -c$CONNS -d$DURATION POST /api/v1/drafts (large valid drafts, every 5th over 64 KB), app on CPU $SERVER_CPU; $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg); rate limit ${WRITES_PER_MINUTE:-the app default} writes/min"
echo
echo "| heap ceiling | statuses | not 2xx/413/429 | wrk socket errors (connect read write timeout) | idle connections | process alive | acknowledged saves on disk | RSS before MB | peak MB | after MB (<= $GOAL_MB) | OOM / fail: log lines | goals |"
echo "|---|---|---:|---|---|---|---|---:|---:|---:|---|---|"
printf '%s' "$rows"
exit "$missed"

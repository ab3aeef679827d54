#!/usr/bin/env bash
# Interleaved cold-start A/B: published builds started in turn (A B C A B C ...), each a first start on a new data folder,
# timed from exec to the first 200 on "/", with the server's CPU time until then. Interleaving spreads the machine's
# drift (other tenants, CPU frequency) over every build alike, which back-to-back runs of run.sh do not.
#
#   benchmarks/coldstart/ab.sh 6 /tmp/pub-a /tmp/pub-b [/tmp/pub-c ...]   # N rounds; prints the median wall and CPU of each
#
# Publish each build first, e.g. dotnet publish src/InterviewCompass.Web -c Release -r linux-x64 --self-contained false
# -p:PublishReadyToRun=true -o /tmp/pub-a (and a copy with a changed runtimeconfig.json for a runtime knob).
# Needs: curl, python3 (for the clock). Loopback only; stops what it starts.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
apt_need curl curl

N="${1:?rounds}"; shift
[ "$#" -ge 1 ] || die "name at least one published build"
WORK="$(mktemp -d /tmp/ic-coldstart-ab.XXXXXX)"
APP_PID=""
cleanup() { set +e; stop_pid "$APP_PID"; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { python3 -c 'import time; print(f"{time.monotonic()*1000:.1f}")'; }
one_start() {
  local pub="$1" data port t0 t1 code ticks i
  data="$(mktemp -d "$WORK/data.XXXX")"; port="$(free_port)"
  t0="$(now_ms)"
  ( cd "$pub"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__DataPath="$data"
    exec ./InterviewCompass.Web >"$data/app.log" 2>&1 ) &
  APP_PID=$!
  for ((i = 0; i < 3000; i++)); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/" || true)"
    [ "$code" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$data/app.log" >&2; die "the app in $pub exited"; }
    sleep 0.01
  done
  t1="$(now_ms)"
  [ "$code" = 200 ] || die "no 200 on / within the time limit ($pub)"
  ticks="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
  stop_pid "$APP_PID"; APP_PID=""; rm -rf "$data"
  awk -v a="$t0" -v b="$t1" -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN{ printf "%.0f %.0f\n", b - a, 1000 * t / hz }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR/2] + v[NR/2 + 1]) / 2 }'; }

for pub in "$@"; do one_start "$pub" >/dev/null; done   # warms the disk cache; not counted
for ((r = 0; r < N; r++)); do
  for pub in "$@"; do echo "$pub $(one_start "$pub")"; done
done >"$WORK/runs"
echo "Cold start, first start, interleaved, $N rounds, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| build | median wall | median server CPU |"
echo "|---|---:|---:|"
for pub in "$@"; do
  echo "| $pub | $(awk -v p="$pub" '$1 == p { print $2 }' "$WORK/runs" | median) ms | $(awk -v p="$pub" '$1 == p { print $3 }' "$WORK/runs" | median) ms |"
done

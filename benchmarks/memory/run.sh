#!/usr/bin/env bash
# Managed heap of the app while one owner's history grows: sessions are stored (POST /api/v1/sessions, one owner),
# /history is read 20 times at each level, then the heap after a full GC (dotnet-gcdump) and the working set are read.
# /history shows one page of 20, so the heap should stay flat however many sessions are stored.
#
#   benchmarks/memory/run.sh
#   LEVELS="0 1000 5000 10000" IC_PUBLISH_DIR=/tmp/pub benchmarks/memory/run.sh
#
# Needs: the .NET SDK (dotnet-gcdump is installed as a global tool when missing), curl. Loopback only.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

LEVELS="${LEVELS:-0 1000 5000 10000}"
apt_need curl curl
GCDUMP="$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")"
[ -x "$GCDUMP" ] || dotnet tool install -g dotnet-gcdump >/dev/null

WORK="$(mktemp -d /tmp/ic-memory.XXXXXX)"
APP_PID=""
cleanup() { set +e; stop_pid "$APP_PID"; [ -z "${KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

publish_app "$WORK/app"
PORT="$(free_port)"; APP="http://127.0.0.1:$PORT"
mkdir -p "$WORK/data"
( cd "$WORK/app"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" Storage__DataPath="$WORK/data" \
    RateLimits__WritesPerMinute=100000000
  exec ./InterviewCompass.Web >"$WORK/app.log" 2>&1 ) &
APP_PID=$!
wait_http "$APP/healthz" 60 "$APP_PID" || die "the app did not become healthy"

BODY='{"checklist":"walk-out","answers":{"salary-below-posted":"raised-unresolved"},"label":"memory"}'
hdr="$(curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' -d "$BODY" "$APP/api/v1/sessions")"
COOKIE="$(printf '%s' "$hdr" | tr -d '\r' | awk -F': ' 'tolower($1)=="set-cookie"{split($2,a,";"); printf "%s%s", sep, a[1]; sep="; "}')"
stored=1

heap_kb() { # total managed heap after the full GC dotnet-gcdump makes, in KB
  "$GCDUMP" report -p "$APP_PID" 2>/dev/null | awk '/GC Heap bytes/ { gsub(",", "", $1); printf "%d", $1 / 1024 }'
}

echo "| sessions stored (one owner) | managed heap after a full GC, KB | working set (VmRSS), MB | of which anonymous, MB | /history bytes |"
echo "|---:|---:|---:|---:|---:|"
for level in $LEVELS; do
  want=$((level > stored ? level - stored : 0))
  if [ "$want" -gt 0 ]; then
    seq "$want" | timeout 600 xargs -P 4 -I{} curl -s -o /dev/null --max-time 10 -X POST \
      -H 'Content-Type: application/json' -H "Cookie: $COOKIE" -d "$BODY" "$APP/api/v1/sessions" || true
  fi
  stored="$(curl -s -H "Cookie: $COOKIE" "$APP/api/v1/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
  for ((i = 0; i < 20; i++)); do bytes="$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $COOKIE" "$APP/history")"; done
  echo "| $stored | $(heap_kb) | $(($(awk '/^VmRSS:/{print $2}' "/proc/$APP_PID/status") / 1024)) | $(($(awk '/^RssAnon:/{print $2}' "/proc/$APP_PID/status") / 1024)) | $bytes |"
done

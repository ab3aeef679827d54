#!/usr/bin/env bash
# Managed heap per idle interactive circuit.
#   benchmarks/circuits/run.sh                      # 40 composer pages (/drafts/new)
#   N=100 PAGE=/drafts/new IC_PUBLISH_DIR=/tmp/pub benchmarks/circuits/run.sh
#   APP_URL=http://127.0.0.1:5000 APP_PID=1234 benchmarks/circuits/run.sh   # an app already running
#
# Steps: start the published Release build (fresh SQLite), warm up (one page, one circuit opened and
# closed), force two full GCs through EventPipe (HeapProbe, no endpoint in the app) and read the heap,
# open N pages in headless Chromium and let them idle, read the heap again the same way.
# Reports (after - before) / N in KB. Needs: the .NET SDK, Node.js + npm (playwright-core), Debian's
# chromium (installed when missing). Loopback only; stops what it starts.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib/common.sh"

N="${N:-40}"
PAGE="${PAGE:-/drafts/new}"
SETTLE_MS="${SETTLE_MS:-3000}"
apt_need chromium chromium
apt_need curl curl
command -v node >/dev/null || apt_need node nodejs
command -v npm >/dev/null || apt_need npm npm

WORK="$(mktemp -d /tmp/ic-circuits.XXXXXX)"
OWN_APP=""; NODE_PID=""
cleanup() {
  set +e
  [ -n "$NODE_PID" ] && { exec 3>&- 2>/dev/null; stop_pid "$NODE_PID"; }
  [ -n "$OWN_APP" ] && stop_pid "$OWN_APP"
  [ -z "${KEEP:-}" ] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -d "$HERE/node_modules/playwright-core" ] || (cd "$HERE" && npm install --no-audit --no-fund --silent)
log "building HeapProbe"
dotnet build "$HERE/HeapProbe" -c Release -nologo -v quiet -o "$WORK/probe" >"$WORK/probe.log" 2>&1 || { tail -20 "$WORK/probe.log" >&2; die "HeapProbe build failed"; }
probe() { dotnet "$WORK/probe/HeapProbe.dll" "$APP_PID" --gcs 2; }

if [ -z "${APP_URL:-}" ]; then
  publish_app "$WORK/app"
  port="$(free_port)"; APP_URL="http://127.0.0.1:$port"; mkdir -p "$WORK/data"
  ( cd "$WORK/app"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP_URL" Storage__DataPath="$WORK/data"
    exec ./InterviewCompass.Web >"$WORK/app.log" 2>&1 ) &
  OWN_APP=$!; APP_PID=$OWN_APP
  wait_http "$APP_URL/healthz" 60 "$APP_PID" || { tail -30 "$WORK/app.log" >&2; die "the app did not become healthy"; }
fi
[ -n "${APP_PID:-}" ] || die "APP_PID is needed with APP_URL"

code="$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL$PAGE")"
[ "$code" = 200 ] || die "GET $PAGE answered $code (is the page there yet?)"

# Warm-up: one circuit opened and closed, so JIT and first-use caches are not counted per circuit.
log "warm-up: one circuit on $PAGE"
echo | node "$HERE/open-circuits.mjs" "$APP_URL$PAGE" 1 500 >"$WORK/warm.txt" 2>&1 || { cat "$WORK/warm.txt" >&2; die "warm-up failed"; }
sleep 2

before="$(probe)"; log "before: $(echo "$before" | tr '\n' ' ')"
b_heap="$(awk '$1=="HEAP_BYTES"{print $2}' <<<"$before")"; b_rss="$(awk '$1=="RSS_KB"{print $2}' <<<"$before")"

log "opening $N pages on $PAGE"
mkfifo "$WORK/ctl"
node "$HERE/open-circuits.mjs" "$APP_URL$PAGE" "$N" "$SETTLE_MS" <"$WORK/ctl" >"$WORK/node.txt" 2>&1 &
NODE_PID=$!
exec 3>"$WORK/ctl"
for ((i = 0; i < 1800; i++)); do
  grep -q '^READY' "$WORK/node.txt" 2>/dev/null && break
  kill -0 "$NODE_PID" 2>/dev/null || { cat "$WORK/node.txt" >&2; die "the browser script failed"; }
  sleep 0.1
done
grep -q '^READY' "$WORK/node.txt" || die "pages not ready within 180 s"
opened="$(awk '$1=="READY"{print $2}' "$WORK/node.txt")"

after="$(probe)"; log "after: $(echo "$after" | tr '\n' ' ')"
a_heap="$(awk '$1=="HEAP_BYTES"{print $2}' <<<"$after")"; a_rss="$(awk '$1=="RSS_KB"{print $2}' <<<"$after")"
echo quit >&3; exec 3>&-
wait "$NODE_PID" 2>/dev/null || true; NODE_PID=""

echo "Managed heap per idle interactive circuit: $opened pages on $PAGE, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "| measure | before | after $opened circuits | per circuit |"
echo "|---|---:|---:|---:|"
awk -v b="$b_heap" -v a="$a_heap" -v n="$opened" 'BEGIN{ printf "| managed heap after full GC | %.0f KB | %.0f KB | %.1f KB |\n", b/1024, a/1024, (a-b)/1024/n }'
awk -v b="$b_rss" -v a="$a_rss" -v n="$opened" 'BEGIN{ printf "| resident set (RSS) | %.0f KB | %.0f KB | %.1f KB |\n", b, a, (a-b)/n }'

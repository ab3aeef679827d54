#!/usr/bin/env bash
# Load test: the published Release build against nginx serving the same guide HTML, side by side.
#
#   benchmarks/load/run.sh                 # -t2 -c32 -d10s per target
#   DURATION=30s CONNS=32 THREADS=2 benchmarks/load/run.sh
#   IC_PUBLISH_DIR=/tmp/pub benchmarks/load/run.sh   # reuse a published build
#   IC_R2R=0 benchmarks/load/run.sh                  # plain IL publish (default: ReadyToRun)
#   TARGETS="guide nginx" benchmarks/load/run.sh      # a subset
#
# Needs: the .NET SDK; wrk, nginx and curl (installed from Debian's packages when missing).
# Loopback only; every run is bounded by DURATION; everything started here is stopped on exit.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

THREADS="${THREADS:-2}"
CONNS="${CONNS:-32}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
TARGETS="${TARGETS:-nginx guide guides-search home assess sessions}"
GUIDE_PATH="${GUIDE_PATH:-/guides/walking-out}"
OUT="${OUT:-}"   # optional: also write the table (markdown) to this file

apt_need wrk wrk
apt_need nginx nginx-light
apt_need curl curl
command -v dotnet >/dev/null || die "the .NET SDK is needed (dotnet)"

WORK="$(mktemp -d /tmp/ic-load.XXXXXX)"
APP_PID=""; NGINX_PID=""
cleanup() {
  set +e
  stop_pid "$NGINX_PID"
  stop_pid "$APP_PID"
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

APP_PORT="${APP_PORT:-$(free_port)}"
NGINX_PORT="${NGINX_PORT:-$(free_port)}"
APP="http://127.0.0.1:$APP_PORT"
NGX="http://127.0.0.1:$NGINX_PORT"

publish_app "$WORK/app"
mkdir -p "$WORK/data" "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx workers run as an unprivileged user
log "starting the app on $APP (Production, fresh SQLite in $WORK/data)"
(
  cd "$WORK/app"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" \
    Storage__DataPath="$WORK/data" Storage__Provider=Sqlite \
    RateLimits__WritesPerMinute="${WRITES_PER_MINUTE:-100000000}"
  exec ./InterviewCompass.Web >"$WORK/app.log" 2>&1
) &
APP_PID=$!
wait_http "$APP/healthz" 60 "$APP_PID" || { tail -40 "$WORK/app.log" >&2; die "the app did not become healthy"; }

code="$(curl -s -o "$WORK/www/guide.html" -w '%{http_code}' "$APP$GUIDE_PATH")"
[ "$code" = 200 ] || die "GET $GUIDE_PATH answered $code"
log "saved $GUIDE_PATH: $(wc -c <"$WORK/www/guide.html") bytes"

NGINX_HTTP_EXTRA="  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = $GUIDE_PATH { default_type text/html; try_files /guide.html =404; }
  }"
write_nginx_conf "$WORK/nginx"
nginx -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>"$WORK/nginx/test.log" || { cat "$WORK/nginx/test.log" >&2; die "bad nginx config"; }
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_http "$NGX$GUIDE_PATH" 10 "$NGINX_PID" || die "nginx did not start"
cmp -s <(curl -s "$NGX$GUIDE_PATH") "$WORK/www/guide.html" || die "nginx does not serve the saved HTML"

ASSESS_BODY='{"answers":{"salary-below-posted":"raised-unresolved"}}'
DEFAULT_SESSION_BODY='{"checklist":"walk-out","answers":{"salary-below-posted":"raised-unresolved"},"label":"load"}'
SESSION_BODY="${SESSION_BODY:-$DEFAULT_SESSION_BODY}"

# One owner cookie for every write, as one person's phone would have (the first write issues it).
SESSION_COOKIE=""
if [[ " $TARGETS " == *" sessions "* ]]; then
  hdr="$(curl -s -D - -o "$WORK/first-session.json" -X POST -H 'Content-Type: application/json' -d "$SESSION_BODY" "$APP/api/v1/sessions" || true)"
  first_code="$(printf '%s' "$hdr" | awk 'NR==1{print $2}')"
  SESSION_COOKIE="$(printf '%s' "$hdr" | tr -d '\r' | awk -F': ' 'tolower($1)=="set-cookie"{split($2,a,";"); printf "%s%s", sep, a[1]; sep="; "}')"
  log "first POST /api/v1/sessions: $first_code; cookie: ${SESSION_COOKIE:0:40}..."
fi

# wrk_run NAME URL [METHOD BODY COOKIE]: warm-up, then the measured run; appends a row to $WORK/rows.
to_ms() { # wrk latency ("313.00us", "1.07ms", "1.20s") -> ms
  awk -v v="$1" 'BEGIN{ n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}
wrk_run() {
  local name="$1" url="$2" method="${3:-GET}" body="${4:-}" cookie="${5:-}" out="$WORK/wrk-$1.txt" script=()
  if [ "$method" = POST ]; then script=(-s "$(dirname "$0")/post-json.lua"); fi
  WRK_BODY="$body" WRK_COOKIE="$cookie" wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "${script[@]}" "$url" >/dev/null 2>&1 || true
  log "wrk -t$THREADS -c$CONNS -d$DURATION --latency $method $url"
  WRK_BODY="$body" WRK_COOKIE="$cookie" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${script[@]}" "$url" >"$out" 2>&1 || true
  local rps p50 p99 non2xx errors reqs
  rps="$(awk '/^Requests\/sec:/{print $2}' "$out")"
  reqs="$(awk '/requests in/{print $1}' "$out")"
  p50="$(to_ms "$(awk '$1=="50%"{print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1=="99%"{print $2}' "$out")")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/{print $NF}' "$out")"; non2xx="${non2xx:-0}"
  errors="$(awk '/Socket errors:/{gsub(",",""); print $4+$6+$8+$10}' "$out")"; errors="${errors:-0}"
  local statuses; statuses="$(awk '/^STATUS/{printf "%s%s:%s", sep, $2, $3; sep=" "}' "$out")"
  printf '%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$name" "$method $(printf %s "$url" | sed -E "s#^https?://[^/]+##")" "${rps:-0}" "$p50" "$p99" "$non2xx" "$errors" "${reqs:-0}" "${statuses:-}" >>"$WORK/rows"
}

: >"$WORK/rows"
for t in $TARGETS; do
  case "$t" in
    nginx)        wrk_run nginx "$NGX$GUIDE_PATH" ;;
    guide)        wrk_run guide "$APP$GUIDE_PATH" ;;
    guides-search) wrk_run guides-search "$APP/guides?q=exit+interview" ;;
    home)         wrk_run home "$APP/" ;;
    assess)       wrk_run assess "$APP/api/v1/checklists/walk-out/assess" POST "$ASSESS_BODY" ;;
    sessions)     wrk_run sessions "$APP/api/v1/sessions" POST "$SESSION_BODY" "$SESSION_COOKIE" ;;
    *) die "unknown target $t" ;;
  esac
done

NGINX_RPS="$(awk -F'|' '$1=="nginx"{print $3}' "$WORK/rows")"
{
  echo "Load: wrk -t$THREADS -c$CONNS -d$DURATION --latency (after a $WARMUP warm-up), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "| target | request | requests/s | p50 ms | p99 ms | vs nginx | non-2xx/3xx | socket errors | requests |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  while IFS='|' read -r name req rps p50 p99 non2xx errors reqs statuses; do
    ratio="-"
    if [ -n "$NGINX_RPS" ] && [ "$name" != nginx ]; then ratio="$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN{ if (b>0) printf "%.1f%%", 100*a/b; else print "-" }')"; fi
    [ -n "$statuses" ] && non2xx="$non2xx ($statuses)"
    printf '| %s | %s | %.0f | %s | %s | %s | %s | %s | %s |\n' "$name" "$req" "$rps" "$p50" "$p99" "$ratio" "$non2xx" "$errors" "$reqs"
  done <"$WORK/rows"
} | tee "$WORK/table.md"
[ -n "$OUT" ] && cp "$WORK/table.md" "$OUT"
log "app log: $(grep -c 'fail:' "$WORK/app.log" || true) 'fail:' lines"
exit 0

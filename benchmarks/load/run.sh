#!/usr/bin/env bash
# Load test, pinned: the published Release build and nginx (serving the app's own responses, saved to files)
# each in turn on one core, wrk on the other; the server's CPU time is read around every measured run.
#
#   benchmarks/load/run.sh                            # 3 runs of -t1 -c32 -d10s per target, app then nginx
#   RUNS=5 DURATION=20s benchmarks/load/run.sh
#   IC_PUBLISH_DIR=/tmp/pub benchmarks/load/run.sh    # reuse a published build
#   IC_R2R=0 benchmarks/load/run.sh                   # plain IL publish (default: ReadyToRun)
#   TARGETS="guide sessions" benchmarks/load/run.sh   # a subset (guide is always measured: assess is compared to it)
#   SERVER_CPU=1 WRK_CPU=0 benchmarks/load/run.sh     # the cores (defaults)
#   BOUND=0 benchmarks/load/run.sh                    # skip the bare-Kestrel bound (KestrelBound/)
#   STACK=0 benchmarks/load/run.sh                    # skip the deployed stack (deploy/nginx.conf in front of the app)
#   TC_DELAY_MS=0 benchmarks/load/run.sh              # set DOTNET_TC_CallCountingDelayMs (default: not set, as deployed)
#
# The .NET servers run with the runtime settings the app carries itself (its runtimeconfig.json); no environment
# variable is set unless TC_DELAY_MS or RUNTIME_ENV ("NAME=VALUE ...") asks for one.
#
# With STACK=1 (default) a fourth server is measured: the deployed stack, nginx with the repository's deploy/nginx.conf
# (its proxy_cache on; TLS left out so that every server speaks plain HTTP to wrk) in front of the same app process, both
# on the server core. Its CPU is nginx's and the app's together. Public pages come from nginx's cache; the check page
# (private: it carries a form token) and the POSTs go through to the app.
#
# Before the first measured run every target is loaded for WARMUP_ALL (default 8 s each): a ReadyToRun build starts
# on precompiled code and re-JITs its hot methods (tiered compilation, with PGO) over the first tens of seconds on one
# core; the figures are for the warmed-up server (docs/PERFORMANCE.md).
#
# For each target and run: requests/s, p50/p99, requests per second of server CPU time (utime+stime of the
# server process, all its threads, from /proc/PID/stat; for nginx the master and its workers), and the ratio
# of that to nginx serving the same bytes: the app's response body saved to a file, served with the app's
# own headers (Content-Type, Content-Encoding, CSP and the other security headers, Cache-Control, ...). With
# BOUND=1 (default) a third server, KestrelBound/ (Kestrel with no middleware writing the same saved bytes and
# headers), is measured the same way: the most the app could reach.
# Printed: the median of RUNS and the spread (min-max). Loopback only; every wrk run is bounded by DURATION
# (and a hard timeout); everything started here is stopped on exit.
#
# Needs: the .NET SDK; wrk, nginx, curl and taskset (installed from Debian's packages when missing).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

RUNS="${RUNS:-3}"
THREADS="${THREADS:-1}"
CONNS="${CONNS:-32}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-2s}"
WARMUP_ALL="${WARMUP_ALL:-8s}"
BOUND="${BOUND:-1}"
SERVER_CPU="${SERVER_CPU:-1}"
WRK_CPU="${WRK_CPU:-0}"
STACK="${STACK:-1}"
TARGETS="${TARGETS:-guide guides-search home cheat-sheet check assess sessions}"
GUIDE_PATH="${GUIDE_PATH:-/guides/walking-out}"
OUT="${OUT:-}"   # optional: also write the tables (markdown) to this file

apt_need wrk wrk
apt_need nginx nginx-light
apt_need curl curl
apt_need taskset util-linux
command -v dotnet >/dev/null || die "the .NET SDK is needed (dotnet)"
[[ " $TARGETS " == *" guide "* ]] || TARGETS="guide $TARGETS"

secs() { awk -v v="$1" 'BEGIN{ n=v+0; if (v ~ /m$/) n*=60; else if (v ~ /h$/) n*=3600; printf "%d", n }'; }
WRK_LIMIT=$(($(secs "$DURATION") + $(secs "$WARMUP") + $(secs "$WARMUP_ALL") + 15))
HZ="$(getconf CLK_TCK)"

WORK="$(mktemp -d /tmp/ic-load.XXXXXX)"
APP_PID=""; NGINX_PID=""; BOUND_PID=""; STACK_PID=""
cleanup() {
  set +e
  stop_pid "$STACK_PID"
  stop_pid "$BOUND_PID"
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
BOUND_PORT="${BOUND_PORT:-$(free_port)}"
BND="http://127.0.0.1:$BOUND_PORT"
STACK_PORT="${STACK_PORT:-$(free_port)}"
STK="http://127.0.0.1:$STACK_PORT"
RUNTIME_ENV="${RUNTIME_ENV:-}"
[ -n "${TC_DELAY_MS:-}" ] && RUNTIME_ENV="DOTNET_TC_CallCountingDelayMs=$TC_DELAY_MS $RUNTIME_ENV"

publish_app "$WORK/app"
mkdir -p "$WORK/data" "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx workers run as an unprivileged user
log "starting the app on $APP, pinned to CPU $SERVER_CPU (Production, fresh SQLite in $WORK/data)"
(
  cd "$WORK/app"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" \
    Storage__DataPath="$WORK/data" Storage__Provider=Sqlite \
    RateLimits__WritesPerMinute="${WRITES_PER_MINUTE:-100000000}"
  # shellcheck disable=SC2086
  exec env $RUNTIME_ENV taskset -c "$SERVER_CPU" ./InterviewCompass.Web >"$WORK/app.log" 2>&1
) &
APP_PID=$!
wait_http "$APP/healthz" 60 "$APP_PID" || { tail -40 "$WORK/app.log" >&2; die "the app did not become healthy"; }

ASSESS_BODY='{"answers":{"salary-below-posted":"raised-unresolved"}}'
DEFAULT_SESSION_BODY='{"checklist":"walk-out","answers":{"salary-below-posted":"raised-unresolved"},"label":"load"}'
SESSION_BODY="${SESSION_BODY:-$DEFAULT_SESSION_BODY}"

# target NAME -> "METHOD PATH-AND-QUERY BODY"
declare -A T_METHOD T_PATH T_BODY
T_METHOD[guide]=GET;          T_PATH[guide]="$GUIDE_PATH"
T_METHOD[guides-search]=GET;  T_PATH[guides-search]="/guides?q=exit+interview"
T_METHOD[home]=GET;           T_PATH[home]="/"
T_METHOD[cheat-sheet]=GET;    T_PATH[cheat-sheet]="/check/walk-out/cheat-sheet"
T_METHOD[check]=GET;          T_PATH[check]="/check/walk-out"
T_METHOD[assess]=POST;        T_PATH[assess]="/api/v1/checklists/walk-out/assess"; T_BODY[assess]="$ASSESS_BODY"
T_METHOD[sessions]=POST;      T_PATH[sessions]="/api/v1/sessions";                  T_BODY[sessions]="$SESSION_BODY"
for t in $TARGETS; do [ -n "${T_METHOD[$t]:-}" ] || die "unknown target $t"; done

# One owner cookie for every write, as one person's phone would have (the first write issues it).
SESSION_COOKIE=""
if [[ " $TARGETS " == *" sessions "* ]]; then
  hdr="$(curl -s -D - -o "$WORK/first-session.json" -X POST -H 'Content-Type: application/json' -d "$SESSION_BODY" "$APP/api/v1/sessions" || true)"
  first_code="$(printf '%s' "$hdr" | awk 'NR==1{print $2}')"
  SESSION_COOKIE="$(printf '%s' "$hdr" | tr -d '\r' | awk -F': ' 'tolower($1)=="set-cookie"{split($2,a,";"); printf "%s%s", sep, a[1]; sep="; "}')"
  log "first POST /api/v1/sessions: $first_code; cookie: ${SESSION_COOKIE:0:40}..."
fi

# Save each target's response (body and headers) from the app; nginx serves it at /nginx/NAME.
# Static files answer only GET/HEAD; a POST is turned into the same file by "error_page 405 =200".
nginx_locations=""
for t in $TARGETS; do
  args=(-s -D "$WORK/www/$t.headers" -o "$WORK/www/$t.body" -w '%{http_code}')
  if [ "${T_METHOD[$t]}" = POST ]; then
    args+=(-X POST -H 'Content-Type: application/json' -d "${T_BODY[$t]}")
    [ "$t" = sessions ] && [ -n "$SESSION_COOKIE" ] && args+=(-H "Cookie: $SESSION_COOKIE")
  fi
  code="$(curl "${args[@]}" "$APP${T_PATH[$t]}")"
  [[ "$code" == 2* ]] || die "${T_METHOD[$t]} ${T_PATH[$t]} answered $code"
  ctype="application/octet-stream"; add_headers=""
  while IFS= read -r line; do
    line="${line%$'\r'}"; name="${line%%:*}"; value="${line#*: }"
    [[ "$line" == *:* ]] || continue
    case "${name,,}" in
      content-type) ctype="$value" ;;
      date|server|content-length|transfer-encoding|connection|keep-alive|set-cookie|location) ;;
      *) if [[ "$value" != *'$'* ]]; then
           add_headers+="      add_header $name \"${value//\"/\\\"}\" always;"$'\n'
         fi ;;
    esac
  done <"$WORK/www/$t.headers"
  nginx_locations+="    location = /nginx/$t {
      alias $WORK/www/$t.body;
      default_type \"$ctype\";
      types { }
      etag off;
$add_headers      error_page 405 =200 /nginx-post/$t;
    }
    location = /nginx-post/$t {
      internal;
      alias $WORK/www/$t.body;
      default_type \"$ctype\";
      types { }
      etag off;
$add_headers    }
"
  log "saved ${T_METHOD[$t]} ${T_PATH[$t]}: $code, $(wc -c <"$WORK/www/$t.body") bytes body"
done

NGINX_WORKERS=1
NGINX_HTTP_EXTRA="  server {
    listen 127.0.0.1:$NGINX_PORT;
    server_tokens off;
$nginx_locations  }"
write_nginx_conf "$WORK/nginx"
nginx -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>"$WORK/nginx/test.log" || { cat "$WORK/nginx/test.log" "$WORK/nginx/nginx.conf" >&2; die "bad nginx config"; }
taskset -c "$SERVER_CPU" nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_http "$NGX/nginx/guide" 10 "$NGINX_PID" || die "nginx did not start"
for t in $TARGETS; do
  args=(-s)
  [ "${T_METHOD[$t]}" = POST ] && args+=(-X POST -H 'Content-Type: application/json' -d "${T_BODY[$t]}")
  cmp -s <(curl "${args[@]}" "$NGX/nginx/$t") "$WORK/www/$t.body" || die "nginx does not serve the saved $t response"
done

SERVERS="app nginx"
if [ "$BOUND" = 1 ]; then
  log "building KestrelBound (Release)"
  dotnet build "$(dirname "$0")/KestrelBound" -c Release -o "$WORK/bound" -nologo -v quiet >"$WORK/bound.log" 2>&1 \
    || { tail -20 "$WORK/bound.log" >&2; die "KestrelBound did not build"; }
  # shellcheck disable=SC2086
  ( export ASPNETCORE_URLS="$BND"; exec env $RUNTIME_ENV taskset -c "$SERVER_CPU" "$WORK/bound/KestrelBound" "$WORK/www" >"$WORK/bound.out" 2>&1 ) &
  BOUND_PID=$!
  wait_http "$BND/bound/guide" 30 "$BOUND_PID" || die "KestrelBound did not start"
  cmp -s <(curl -s "$BND/bound/guide") "$WORK/www/guide.body" || die "KestrelBound does not serve the saved guide response"
  SERVERS="$SERVERS bound"
fi

if [ "$STACK" = 1 ]; then
  # The repository's deploy/nginx.conf, its two upstream instances both this app, TLS left out (plain HTTP like the others).
  mkdir -p "$WORK/stack"
  NGINX_WORKERS=1 NGINX_HTTP_EXTRA="$(sed -e "s|@PORT_A@|$APP_PORT|; s|@PORT_B@|$APP_PORT|; s|@CACHE@|$WORK/stack/cache|" \
      -e "s|listen @LISTEN@ ssl http2;|listen 127.0.0.1:$STACK_PORT;|" -e '/ssl_certificate/d' "$IC_ROOT/deploy/nginx.conf")" \
    write_nginx_conf "$WORK/stack"
  nginx -t -q -p "$WORK/stack" -c "$WORK/stack/nginx.conf" 2>"$WORK/stack/test.log" || { cat "$WORK/stack/test.log" >&2; die "bad deploy/nginx.conf"; }
  taskset -c "$SERVER_CPU" nginx -p "$WORK/stack" -c "$WORK/stack/nginx.conf" &
  STACK_PID=$!
  wait_http "$STK/healthz" 10 "$STACK_PID" || die "the deployed stack's nginx did not start"
  for t in $TARGETS; do
    [ "${T_METHOD[$t]}" = GET ] || continue
    curl -s -o /dev/null "$STK${T_PATH[$t]}"
    log "stack $t: $(curl -s -o /dev/null -D - "$STK${T_PATH[$t]}" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status"{s=$2} tolower($1)=="cache-control"{c=$2} END{print "X-Cache-Status " (s?s:"-") ", Cache-Control " c}')"
  done
  SERVERS="$SERVERS stack"
fi

# cpu_ticks PID...: utime+stime of the process (all its threads, live and ended) and of its child processes' own
# /proc entries (nginx workers), in clock ticks.
cpu_ticks() {
  local total=0 p
  for p in "$@" $(for q in "$@"; do pgrep -P "$q" 2>/dev/null || true; done); do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(sed -E 's/^.*\) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}

to_ms() { # wrk latency ("313.00us", "1.07ms", "1.20s") -> ms
  awk -v v="$1" 'BEGIN{ n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

# measure RUN SERVER TARGET: warm-up, then the measured run with the server's CPU time around it;
# appends "run|server|target|rps|p50|p99|cpu_s|req_per_cpu_s|non2xx|errors|requests|load" to $WORK/rows.
measure() {
  local run="$1" server="$2" t="$3" url pid script=() cookie="" out
  case "$server" in
    app) url="$APP${T_PATH[$t]}"; pid="$APP_PID" ;;
    nginx) url="$NGX/nginx/$t"; pid="$NGINX_PID" ;;
    bound) url="$BND/bound/$t"; pid="$BOUND_PID" ;;
    stack) url="$STK${T_PATH[$t]}"; pid="$STACK_PID $APP_PID" ;;
  esac
  out="$WORK/wrk-$run-$server-$t.txt"
  if [ "${T_METHOD[$t]}" = POST ]; then script=(-s "$(dirname "$0")/post-json.lua"); fi
  # The app's background work after its own run (tiered JIT, GC) would be counted as the stack's: let it settle.
  [ "$server" = stack ] && sleep "${STACK_SETTLE:-3}"
  [ "$t" = sessions ] && cookie="$SESSION_COOKIE"
  WRK_BODY="${T_BODY[$t]:-}" WRK_COOKIE="$cookie" timeout "$WRK_LIMIT" \
    taskset -c "$WRK_CPU" wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "${script[@]}" "$url" >/dev/null 2>&1 || true
  local load before after
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086
  before="$(cpu_ticks $pid)"
  local app_before; app_before="$(cpu_ticks "$APP_PID")"
  WRK_BODY="${T_BODY[$t]:-}" WRK_COOKIE="$cookie" timeout "$WRK_LIMIT" \
    taskset -c "$WRK_CPU" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${script[@]}" "$url" >"$out" 2>&1 || true
  # shellcheck disable=SC2086
  after="$(cpu_ticks $pid)"
  local app_cpu; app_cpu="$(awk -v a="$app_before" -v b="$(cpu_ticks "$APP_PID")" -v hz="$HZ" 'BEGIN{ printf "%.2f", (b - a) / hz }')"
  local rps p50 p99 non2xx errors reqs cpu per
  rps="$(awk '/^Requests\/sec:/{print $2}' "$out")"; rps="${rps:-0}"
  reqs="$(awk '/requests in/{print $1}' "$out")"; reqs="${reqs:-0}"
  p50="$(to_ms "$(awk '$1=="50%"{print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1=="99%"{print $2}' "$out")")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/{print $NF}' "$out")"; non2xx="${non2xx:-0}"
  errors="$(awk '/Socket errors:/{gsub(",",""); print $4+$6+$8+$10}' "$out")"; errors="${errors:-0}"
  cpu="$(awk -v a="$before" -v b="$after" -v hz="$HZ" 'BEGIN{ printf "%.2f", (b - a) / hz }')"
  per="$(awk -v r="$reqs" -v c="$cpu" 'BEGIN{ if (c > 0) printf "%.0f", r / c; else print 0 }')"
  log "run $run $server $t: $rps req/s, p50 $p50 ms, p99 $p99 ms, server CPU $cpu s$([ "$server" = stack ] && echo " (of which the app $app_cpu s)"), $per req/CPU-s, non-2xx $non2xx, errors $errors (load $load)"
  echo "$run|$server|$t|$rps|$p50|$p99|$cpu|$per|$non2xx|$errors|$reqs|$load" >>"$WORK/rows"
}

: >"$WORK/rows"
# warm_all: every target on every server for WARMUP_ALL, round-robin, before anything is measured.
warm_all() {
  local t s url script cookie
  for s in $SERVERS; do
    for t in $TARGETS; do
      case "$s" in app) url="$APP${T_PATH[$t]}" ;; nginx) url="$NGX/nginx/$t" ;; bound) url="$BND/bound/$t" ;; stack) url="$STK${T_PATH[$t]}" ;; esac
      script=(); [ "${T_METHOD[$t]}" = POST ] && script=(-s "$(dirname "$0")/post-json.lua")
      cookie=""; [ "$t" = sessions ] && cookie="$SESSION_COOKIE"
      log "warm-up: $s $t for $WARMUP_ALL"
      WRK_BODY="${T_BODY[$t]:-}" WRK_COOKIE="$cookie" timeout "$WRK_LIMIT" \
        taskset -c "$WRK_CPU" wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP_ALL" "${script[@]}" "$url" >/dev/null 2>&1 || true
    done
  done
}

START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
warm_all
for ((run = 1; run <= RUNS; run++)); do
  for t in $TARGETS; do
    for s in $SERVERS; do measure "$run" "$s" "$t"; done
  done
done

# Working set of the app after the load (the memory goal).
RSS_KB="$(awk '/^VmRSS:/{print $2}' "/proc/$APP_PID/status")"
HWM_KB="$(awk '/^VmHWM:/{print $2}' "/proc/$APP_PID/status")"

# stat NAME... -> "median (min-max)" of a column for (server, target) over the runs.
stat() { # stat SERVER TARGET COLUMN [DECIMALS]
  awk -F'|' -v s="$1" -v t="$2" -v c="$3" -v d="${4:-0}" '
    $2==s && $3==t { v[n++] = $c + 0 }
    END {
      if (n == 0) { print "-"; exit }
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
      m = (n % 2) ? v[(n - 1) / 2] : (v[n/2 - 1] + v[n/2]) / 2
      f = "%." d "f"
      printf f " (" f "-" f ")", m, v[0], v[n - 1]
    }' "$WORK/rows"
}
# ratio per run of app req/CPU-s to nginx req/CPU-s (same run, same target; or to the app's guide for "assess-vs-guide")
ratios() { # ratios NUM_SERVER NUM_TARGET DEN_SERVER DEN_TARGET
  awk -F'|' -v ns="$1" -v nt="$2" -v ds="$3" -v dt="$4" '
    $2==ns && $3==nt { a[$1] = $8 } $2==ds && $3==dt { b[$1] = $8 }
    END {
      n = 0; for (r in a) if (b[r] > 0) v[n++] = a[r] / b[r]
      if (n == 0) { print "-"; exit }
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
      m = (n % 2) ? v[(n - 1) / 2] : (v[n/2 - 1] + v[n/2]) / 2
      printf "%.2f (%.2f-%.2f)", m, v[0], v[n - 1]
    }' "$WORK/rows"
}

{
  echo "Load, pinned: server on CPU $SERVER_CPU, taskset -c $WRK_CPU wrk -t$THREADS -c$CONNS -d$DURATION --latency (after a $WARMUP warm-up), $RUNS runs, median (min-max)"
  echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), load average at the start $START_LOAD, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Servers, each pinned the same way: app = the published app; nginx = nginx $(nginx -v 2>&1 | sed 's#.*/##'), 1 worker, serving the app's saved response (body and headers); bound = Kestrel alone writing the same bytes (KestrelBound/); stack = deploy/nginx.conf (proxy_cache, 1 worker, plain HTTP) in front of the app, CPU of both. Warm-up before the first run: $WARMUP_ALL per target and server. Runtime environment: ${RUNTIME_ENV:-none, only the settings in the app runtimeconfig.json}."
  echo
  echo "| target | request | server | requests/s | p50 ms | p99 ms | requests per server CPU-s | per CPU-s / nginx | non-2xx | socket errors |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
  for t in $TARGETS; do
    for s in $SERVERS; do
      ratio="-"; [ "$s" != nginx ] && ratio="$(ratios "$s" "$t" nginx "$t")"
      non2xx="$(awk -F'|' -v s="$s" -v t="$t" '$2==s && $3==t { n += $9 } END { print n + 0 }' "$WORK/rows")"
      errs="$(awk -F'|' -v s="$s" -v t="$t" '$2==s && $3==t { n += $10 } END { print n + 0 }' "$WORK/rows")"
      printf '| %s | %s %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$t" "${T_METHOD[$t]}" "${T_PATH[$t]}" "$s" \
        "$(stat "$s" "$t" 4)" "$(stat "$s" "$t" 5 2)" "$(stat "$s" "$t" 6 2)" "$(stat "$s" "$t" 8)" "$ratio" "$non2xx" "$errs"
    done
  done
  echo
  [[ " $TARGETS " == *" assess "* ]] && echo "assess / guide, app requests per server CPU-s: $(ratios app assess app guide)"
  echo "app after the load: working set (VmRSS) $((RSS_KB / 1024)) MB, peak (VmHWM) $((HWM_KB / 1024)) MB"
} | tee "$WORK/table.md"
[ -n "$OUT" ] && cp "$WORK/table.md" "$OUT"
[ -n "$OUT" ] && cp "$WORK/rows" "$OUT.rows"
log "app log: $(grep -c 'fail:' "$WORK/app.log" || true) 'fail:' lines"
exit 0

#!/usr/bin/env bash
# SQLite fault run: kill -9 the server in the middle of a write load, ROUNDS times on one database.
# After each kill the server is started again on the same file; then PRAGMA integrity_check must say
# "ok" and every acknowledged write (201 from POST /api/v1/sessions) must be in "Sessions".
#
#   deploy/sqlite-fault.sh            # 3 rounds, kill after 4 s of a 6 s write load
#   ROUNDS=5 KILL_AFTER=3 deploy/sqlite-fault.sh
# Needs: the .NET SDK; wrk, sqlite3, curl (installed when missing). Loopback only.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../benchmarks/lib/common.sh"

ROUNDS="${ROUNDS:-3}"
KILL_AFTER="${KILL_AFTER:-4}"
CONNS="${CONNS:-16}"
apt_need wrk wrk
apt_need sqlite3 sqlite3
apt_need curl curl

WORK="$(mktemp -d /tmp/ic-sqlite-fault.XXXXXX)"
APP_PID=""; WRK_PID=""; FAILS=0
cleanup() { set +e; stop_pid "$WRK_PID"; stop_pid "$APP_PID"; [ -z "${KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
check() { local what="$1"; shift; if "$@"; then echo "PASS  $what"; else echo "FAIL  $what"; FAILS=$((FAILS + 1)); fi; }

publish_app "$WORK/app"
PORT="$(free_port)"; URL="http://127.0.0.1:$PORT"; DATA="$WORK/data"; DBFILE="$DATA/interviewcompass.db"
start_app() {
  ( cd "$WORK/app"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$URL" Storage__DataPath="$DATA" \
      RateLimits__WritesPerMinute=1000000 Logging__LogLevel__Default=Warning
    exec ./InterviewCompass.Web >>"$WORK/app.log" 2>&1 ) &
  APP_PID=$!
  wait_http "$URL/healthz" 60 "$APP_PID" || { tail -30 "$WORK/app.log" >&2; die "the app did not become healthy"; }
}

start_app
TOTAL_ACKED=0
for ((r = 1; r <= ROUNDS; r++)); do
  LABEL="fault-$r"
  BODY="{\"checklist\":\"walk-out\",\"answers\":{\"salary-below-posted\":\"raised-unresolved\"},\"label\":\"$LABEL\"}"
  WRK_BODY="$BODY" wrk -t2 -c"$CONNS" -d"$((KILL_AFTER + 2))s" -s "$HERE/../benchmarks/load/post-json.lua" "$URL/api/v1/sessions" >"$WORK/wrk-$r.txt" 2>&1 &
  WRK_PID=$!
  sleep "$KILL_AFTER"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  wait "$WRK_PID" || true; WRK_PID=""
  ACKED="$(awk '$1=="ACKED_2XX"{print $2}' "$WORK/wrk-$r.txt")"; ACKED="${ACKED:-0}"
  WAL="$(stat -c %s "$DBFILE-wal" 2>/dev/null || echo 0)"
  start_app   # recovery happens here, as in production
  INTEGRITY="$(sqlite3 "$DBFILE" 'PRAGMA integrity_check;')"
  ROWS="$(sqlite3 "$DBFILE" "select count(*) from Sessions where Label = '$LABEL';")"
  echo "round $r: killed after ${KILL_AFTER}s of writes; acknowledged $ACKED, rows $ROWS, WAL at kill ${WAL} bytes, integrity_check: $INTEGRITY"
  check "round $r: integrity_check is ok" [ "$INTEGRITY" = ok ]
  check "round $r: every acknowledged write is there ($ROWS >= $ACKED)" [ "$ROWS" -ge "$ACKED" ]
  check "round $r: the load really wrote ($ACKED > 0)" [ "$ACKED" -gt 0 ]
  TOTAL_ACKED=$((TOTAL_ACKED + ACKED))
done
echo "== $( [ "$FAILS" = 0 ] && echo "all checks passed ($TOTAL_ACKED acknowledged writes over $ROUNDS kills)" || echo "$FAILS check(s) failed")"
[ "$FAILS" = 0 ]

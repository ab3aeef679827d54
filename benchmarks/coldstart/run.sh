#!/usr/bin/env bash
# Cold start: time from process start to the first 200 on "/" of the published Release build,
# RUNS times each (median reported), with the repository's content and with 1,000 generated guides.
#
#   benchmarks/coldstart/run.sh
#   RUNS=9 GUIDES=1000 IC_PUBLISH_DIR=/tmp/pub benchmarks/coldstart/run.sh
#   IC_R2R=0 benchmarks/coldstart/run.sh     # plain IL publish (default: ReadyToRun, see lib/common.sh)
#   RUNTIMECONFIG="System.Runtime.TieredPGO=false" benchmarks/coldstart/run.sh   # a copy with these runtimeconfig knobs
#   GUIDES=0 benchmarks/coldstart/run.sh     # skip the 1,000-guide case (the goal is on the repository's content)
#
# Needs: the .NET SDK, curl, python3 (for the clock). Loopback only; stops what it starts.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

RUNS="${RUNS:-5}"
GUIDES="${GUIDES:-1000}"
URL_PATH="${URL_PATH:-/}"
apt_need curl curl

WORK="$(mktemp -d /tmp/ic-coldstart.XXXXXX)"
cleanup() { set +e; [ -z "${KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
publish_app "$WORK/app"
APP_DIR="$WORK/app"
if [ -n "${RUNTIMECONFIG:-}" ]; then
  # shellcheck disable=SC2086
  with_runtimeconfig "$WORK/app" "$WORK/app-config" $RUNTIMECONFIG
  APP_DIR="$WORK/app-config"
fi
[ "$GUIDES" -gt 0 ] && bash "$(dirname "$0")/generate-guides.sh" "$APP_DIR/content" "$WORK/content-$GUIDES" "$GUIDES"

# one_start CONTENT_DIR [DATA_DIR]: prints milliseconds from exec to the first 200 on URL_PATH (and the server's CPU
# time). Without DATA_DIR the data folder is new: a first start, which creates the database; with one, a restart.
one_start() {
  local data="${2:-}"; [ -n "$data" ] || data="$(mktemp -d "$WORK/data.XXXX")"
  timed_start "$APP_DIR" "$data" "$URL_PATH" Content__Path="$1"
}

one_start "$APP_DIR/content" >/dev/null   # the first start warms the disk cache; not counted
declare -A result
KEPT="$WORK/data-kept"; mkdir -p "$KEPT"
one_start "$APP_DIR/content" "$KEPT" >/dev/null   # creates the database the restarts find
LABELS=("repository content" "repository content, restart")
[ "$GUIDES" -gt 0 ] && LABELS+=("$GUIDES extra guides")
for label in "${LABELS[@]}"; do
  case "$label" in
    "repository content") content="$APP_DIR/content"; keep="" ;;
    "repository content, restart") content="$APP_DIR/content"; keep="$KEPT" ;;
    *) content="$WORK/content-$GUIDES"; keep="" ;;
  esac
  times=(); cpus=()
  for ((r = 1; r <= RUNS; r++)); do
    read -r wall cpu < <(one_start "$content" "$keep")
    times+=("$wall"); cpus+=("$cpu"); log "$label: run $r: ${wall} ms wall, ${cpu} ms CPU"
  done
  result[$label]="$(printf '%s\n' "${times[@]}" | median) ms | $(printf '%s\n' "${cpus[@]}" | median) ms | ${times[*]} |"
done
echo "Cold start to the first 200 on $URL_PATH, Release build, median of $RUNS, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "Runtime settings (runtimeconfig.json): $(runtime_settings "$APP_DIR"). Load average at the start: $START_LOAD"
echo
echo "Build: $(if [ -n "${IC_PUBLISH_DIR:-}" ]; then echo "reused $IC_PUBLISH_DIR"; elif [ "${IC_R2R:-1}" = 1 ]; then echo "ReadyToRun ($(dotnet_rid), framework-dependent)"; else echo "IL only (IC_R2R=0)"; fi). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| content | median wall | median server CPU | wall, each run (ms) |"
echo "|---|---:|---:|---|"
echo "| repository content ($(ls "$APP_DIR/content/guides" | wc -l) guides), first start (creates the database) | ${result[repository content]}"
echo "| repository content, restart (the database is there) | ${result[repository content, restart]}"
[ "$GUIDES" -gt 0 ] && echo "| with $GUIDES generated guides ($(ls "$WORK/content-$GUIDES/guides" | wc -l) guides), first start | ${result[$GUIDES extra guides]}"
exit 0

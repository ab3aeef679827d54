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
cleanup() { set +e; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

one_start() {
  local data; data="$(mktemp -d "$WORK/data.XXXX")"
  timed_start "$1" "$data" /
  rm -rf "$data"
}

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

#!/usr/bin/env bash
# Which runtime settings give full speed from the first seconds? Runs benchmarks/load/warmup.sh (session writes per
# window from a fresh start, one core) once per configuration on the same ReadyToRun publish, and prints one table.
# The configurations the app can carry itself are runtimeconfig.json properties (a csproj setting writes them); those
# marked "env" need an environment variable a person must set and are shown only for comparison.
#
#   benchmarks/load/warmup-matrix.sh                      # every configuration below, about 75 s each
#   CONFIGS="shipped pgo-off" benchmarks/load/warmup-matrix.sh
#   IC_PUBLISH_DIR=/tmp/pub IC_PUBLISH_DIR_IL=/tmp/pub-il benchmarks/load/warmup-matrix.sh   # reuse publishes
#
# Needs what warmup.sh needs. Loopback only; stops what it starts.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib/common.sh"

CONFIGS="${CONFIGS:-shipped pgo-on pgo-off quickjit-off hot-il il-quickjit-off tc-off env-delay0 env-delay0-pgo-off}"
# Assemblies on the write path left as IL in "hot-il" (what <PublishReadyToRunExclude Include="..."/> items would do).
HOT_IL="${HOT_IL:-Microsoft.EntityFrameworkCore.dll Microsoft.EntityFrameworkCore.Relational.dll Microsoft.EntityFrameworkCore.Sqlite.dll Microsoft.Data.Sqlite.dll SQLitePCLRaw.core.dll SQLitePCLRaw.provider.e_sqlite3.dll SQLitePCLRaw.batteries_v2.dll}"
declare -A LABEL RC ENVS PUB
LABEL[shipped]="the app as published (its runtimeconfig.json)";   RC[shipped]="";                                         ENVS[shipped]=""
LABEL[pgo-on]="runtimeconfig: TieredPGO on";                       RC[pgo-on]="System.Runtime.TieredPGO=true";            ENVS[pgo-on]=""
LABEL[pgo-off]="runtimeconfig: TieredPGO off";                     RC[pgo-off]="System.Runtime.TieredPGO=false";          ENVS[pgo-off]=""
LABEL[quickjit-off]="runtimeconfig: QuickJit off, TieredPGO off";  RC[quickjit-off]="System.Runtime.TieredCompilation.QuickJit=false System.Runtime.TieredPGO=false"; ENVS[quickjit-off]=""
LABEL[il-quickjit-off]="IL-only publish (no ReadyToRun for the app and its packages), runtimeconfig QuickJit off + TieredPGO off"; RC[il-quickjit-off]="System.Runtime.TieredCompilation.QuickJit=false System.Runtime.TieredPGO=false"; ENVS[il-quickjit-off]=""; PUB[il-quickjit-off]=il
LABEL[hot-il]="ReadyToRun except the write path's packages (EF Core, Microsoft.Data.Sqlite, SQLitePCLRaw: IL), runtimeconfig QuickJit off + TieredPGO off"; RC[hot-il]="System.Runtime.TieredCompilation.QuickJit=false System.Runtime.TieredPGO=false"; ENVS[hot-il]=""; PUB[hot-il]=hot-il
LABEL[hot-il-wks]="hot-il with the workstation GC (System.GC.Server false)"; RC[hot-il-wks]="System.Runtime.TieredCompilation.QuickJit=false System.Runtime.TieredPGO=false System.GC.Server=false"; ENVS[hot-il-wks]=""; PUB[hot-il-wks]=hot-il
LABEL[il-quickjit-off-wks]="IL-only publish, QuickJit off + TieredPGO off, workstation GC"; RC[il-quickjit-off-wks]="System.Runtime.TieredCompilation.QuickJit=false System.Runtime.TieredPGO=false System.GC.Server=false"; ENVS[il-quickjit-off-wks]=""; PUB[il-quickjit-off-wks]=il
LABEL[wks]="runtimeconfig: workstation GC (System.GC.Server false)";  RC[wks]="System.GC.Server=false"; ENVS[wks]=""
LABEL[tc-off]="runtimeconfig: TieredCompilation off (ReadyToRun code kept)"; RC[tc-off]="System.Runtime.TieredCompilation=false"; ENVS[tc-off]=""
LABEL[env-delay0]="env DOTNET_TC_CallCountingDelayMs=0 (the old deploy advice)"; RC[env-delay0]="";                       ENVS[env-delay0]="DOTNET_TC_CallCountingDelayMs=0"
LABEL[env-delay0-pgo-off]="env delay 0 + runtimeconfig TieredPGO off"; RC[env-delay0-pgo-off]="System.Runtime.TieredPGO=false"; ENVS[env-delay0-pgo-off]="DOTNET_TC_CallCountingDelayMs=0"

WORK="$(mktemp -d /tmp/ic-warmup-matrix.XXXXXX)"
cleanup() { [ -z "${KEEP:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
if [ -z "${IC_PUBLISH_DIR:-}" ]; then publish_app "$WORK/app"; export IC_PUBLISH_DIR="$WORK/app"; fi
R2R_DIR="$IC_PUBLISH_DIR"
IL_DIR="${IC_PUBLISH_DIR_IL:-}"

rows=""
for c in $CONFIGS; do
  [ -n "${LABEL[$c]:-}" ] || die "unknown configuration $c"
  log "warm-up: $c (${LABEL[$c]})"
  dir="$R2R_DIR"
  if [ "${PUB[$c]:-r2r}" != r2r ] && [ -z "$IL_DIR" ]; then
    IL_DIR="$WORK/app-il"; (unset IC_PUBLISH_DIR; IC_R2R=0 publish_app "$IL_DIR")
  fi
  case "${PUB[$c]:-r2r}" in
    il) dir="$IL_DIR" ;;
    hot-il)
      # The ReadyToRun publish with the write path's assemblies swapped for their IL builds.
      if [ ! -d "$WORK/app-hot-il" ]; then
        cp -rL "$R2R_DIR/." "$WORK/app-hot-il"
        for a in $HOT_IL; do [ -f "$IL_DIR/$a" ] && cp "$IL_DIR/$a" "$WORK/app-hot-il/$a"; done
      fi
      dir="$WORK/app-hot-il" ;;
  esac
  # shellcheck disable=SC2086
  IC_PUBLISH_DIR="$dir" RUNTIMECONFIG="${RC[$c]}" bash "$HERE/warmup.sh" ${ENVS[$c]} | tee "$WORK/$c.md" >&2
  s="$(awk '$1=="SUMMARY"' "$WORK/$c.md")"
  get() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$s"; }
  windows="$(awk -F'|' '/^\| [0-9]+-[0-9]+ /{ gsub(/ /, "", $3); printf "%s%s", sep, $3; sep=" " }' "$WORK/$c.md")"
  rows+="| $c | ${LABEL[$c]} | $(get first10) | $(get from20_min) | $(get from20_p99_max) | $( [ "$(get pass)" = 1 ] && echo met || echo missed ) | $windows |"$'\n'
done
echo
echo "Warm-up matrix, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$IC_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| configuration | settings | first 10 s writes/s (>= 1,500) | from 20 s slowest window (>= 2,000) | from 20 s worst p99 ms (<= 50) | goals | writes/s per window |"
echo "|---|---|---:|---:|---:|---|---|"
printf '%s' "$rows"

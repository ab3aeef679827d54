#!/usr/bin/env bash
# Web yardsticks (issue 13): Lighthouse (mobile preset, Debian's Chromium) and the W3C Nu HTML checker on every page
# type, against a Release build on a real Kestrel at 127.0.0.1, with a kept check and a draft so the private pages have
# something to show. Prints a Markdown table for docs/PERFORMANCE.md ("Web yardsticks") and the Nu errors, if any.
#
#   benchmarks/web/run.sh              # everything
#   benchmarks/web/run.sh --install    # only install the tools (npm ci here, Java from Debian); the EndToEnd tests use them
#   RUNS=3 (default): Lighthouse runs per page, the median performance run reported with the spread;
#   IC_WEB_REPORTS=<folder> keeps the Lighthouse JSON reports.
#
# Nu: Blazor's CSS isolation adds b-xxxxxxxxxx attributes to elements; they are the framework's, not ours, and the
# only messages filtered out ("Attribute “b-…” not allowed"). Everything else counts.
# Needs: the .NET SDK, Node.js and npm, Chromium (/usr/bin/chromium), Java (default-jre-headless: installed when missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/common.sh
source "$HERE/../lib/common.sh"

install_tools() {
  apt_need java default-jre-headless
  [ -x /usr/bin/chromium ] || apt_need chromium chromium
  if [ ! -x "$HERE/node_modules/.bin/lighthouse" ] || [ ! -f "$HERE/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    log "npm ci in benchmarks/web (lighthouse, vnu-jar)"
    # vnu-jar's install script only fetches a Java we already have from Debian: scripts stay off.
    npm ci --prefix "$HERE" --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
}

install_tools
[ "${1:-}" = --install ] && exit 0
RUNS="${RUNS:-3}"

WORK="$(mktemp -d)"
APP_PID=""
cleanup() { stop_pid "$APP_PID"; rm -rf "$WORK"; }
trap cleanup EXIT

publish_app "$WORK/app"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK/data"
log "starting the app on $BASE (Production)"
(cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" Storage__DataPath="$WORK/data" \
  Content__Path="$IC_ROOT/content" exec dotnet InterviewCompass.Web.dll >"$WORK/app.log" 2>&1) &
APP_PID=$!
wait_http "$BASE/healthz" 60 "$APP_PID" || { tail -30 "$WORK/app.log" >&2; die "the app did not start"; }

# A kept check and a draft, owned by one cookie that Lighthouse and the HTML fetches then send.
JAR="$WORK/cookies"
session_id="$(curl -sf -c "$JAR" -H 'Content-Type: application/json' \
  -d '{"checklist":"walk-out","answers":{"salary-below-posted":"raised-unresolved","aggressive-behaviour":"no","unexplained-lateness":"unsure"},"label":"Acme, data analyst","completed":true}' \
  "$BASE/api/v1/sessions" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id.replaceAll("-","")))')"
draft_id="$(curl -sf -b "$JAR" -c "$JAR" -H 'Content-Type: application/json' \
  -d '{"kind":"withdrawal-note","tone":"warm","fields":{"name":"Sam","company":"Acme"},"subject":"Withdrawing from the analyst role","body":"Dear Sam,\n\nThank you for your time. I have decided to withdraw from the process.\n\nBest wishes,\nAlex"}' \
  "$BASE/api/v1/drafts" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id.replaceAll("-","")))')"
OWNER_COOKIE="$(awk '$6 == "ic-owner" { print $6 "=" $7 }' "$JAR")"
[ -n "$OWNER_COOKIE" ] || die "no owner cookie after keeping a session"

# page type | path
PAGES=(
  "Home|/"
  "Guide list|/guides"
  "Guide|/guides/walking-out"
  "Check|/check/walk-out?start=new"
  "Check with verdict|/check/walk-out?a=salary-below-posted:raised-unresolved"
  "Cheat sheet|/check/walk-out/cheat-sheet"
  "About|/about"
  "Composer|/drafts/new?kind=withdrawal-note"
  "History|/history"
  "Kept check|/history/sessions/$session_id"
  "Kept draft|/history/drafts/$draft_id"
  "Transfer|/history/transfer"
  "Delete everything|/history/delete-everything"
  "Not found|/no-such-page"
)

mkdir -p "$WORK/html" "$WORK/lh"
NU_FILES=()
for entry in "${PAGES[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"; slug="$(echo "$name" | tr 'A-Z ' 'a-z-')"
  curl -s -H "Cookie: $OWNER_COOKIE" -o "$WORK/html/$slug.html" "$BASE$path"
  NU_FILES+=("$WORK/html/$slug.html")
done

log "Nu HTML checker on ${#NU_FILES[@]} pages"
NU_JAR="$HERE/node_modules/vnu-jar/build/dist/vnu.jar"
java -jar "$NU_JAR" --errors-only --format gnu "${NU_FILES[@]}" >"$WORK/nu.txt" 2>&1 || true
grep -v -E 'Attribute “b-[a-z0-9]{10}” not allowed' "$WORK/nu.txt" | grep -E ': error: ' >"$WORK/nu-ours.txt" || true
framework="$(grep -c -E 'Attribute “b-[a-z0-9]{10}” not allowed' "$WORK/nu.txt" || true)"

printf '\n| Page type | Performance | Accessibility | Best practices | SEO | Nu errors |\n|---|---|---|---|---|---|\n' >"$WORK/table.md"
for entry in "${PAGES[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"; slug="$(echo "$name" | tr 'A-Z ' 'a-z-')"
  nu="$(grep -c "$WORK/html/$slug.html" "$WORK/nu-ours.txt" || true)"
  if [ "$name" = "Not found" ]; then
    # Lighthouse refuses to audit a page answered with 404; the Nu checker still reads it.
    echo "| $name | n/a | n/a | n/a | n/a | $nu |" >>"$WORK/table.md"
    continue
  fi
  log "Lighthouse (mobile): $name $path ($RUNS run(s))"
  reports=()
  for ((run = 1; run <= RUNS; run++)); do
    # Lighthouse itself sometimes loses its trace on a busy machine (NO_NAVSTART): that run is measured again, up to 3 times.
    for attempt in 1 2 3; do
      if CHROME_PATH=/usr/bin/chromium "$HERE/node_modules/.bin/lighthouse" "$BASE$path" --quiet \
        --output=json --output-path="$WORK/lh/$slug-$run.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --extra-headers="{\"Cookie\":\"$OWNER_COOKIE\"}" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$WORK/lh/$slug.log"; then
        reports+=("$WORK/lh/$slug-$run.json"); break
      fi
      log "  attempt $attempt: $(grep -m1 -o 'Runtime error.*' "$WORK/lh/$slug.log" || tail -1 "$WORK/lh/$slug.log")"
    done
  done
  if [ "${#reports[@]}" -eq 0 ]; then
    echo "| $name | failed | failed | failed | failed | $nu |" >>"$WORK/table.md"
    continue
  fi
  [ -z "${IC_WEB_REPORTS:-}" ] || { mkdir -p "$IC_WEB_REPORTS"; cp "${reports[@]}" "$IC_WEB_REPORTS/"; }
  # The run with the median performance score stands for the page (Lighthouse's own advice); the spread is shown.
  node -e '
    const [name, nu, ...files] = process.argv.slice(1);
    const runs = files.map(f => require(f)).sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const r = runs[Math.floor((runs.length - 1) / 2)]; const c = r.categories; const s = (k) => Math.round(c[k].score * 100);
    const perf = runs.map(x => Math.round(x.categories.performance.score * 100));
    const spread = runs.length > 1 ? ` (${perf[0]}–${perf[perf.length - 1]})` : "";
    const metrics = ["first-contentful-paint","largest-contentful-paint","speed-index","interactive","total-blocking-time","cumulative-layout-shift","max-potential-fid"];
    const low = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode) && !metrics.includes(a.id)).map(a => a.id);
    console.log(`| ${name} | ${s("performance")}${spread} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${nu} |`);
    if (low.length) console.error(`  ${name}: audits below 1: ${low.join(", ")}`);
  ' "$name" "$nu" "${reports[@]}" >>"$WORK/table.md"
done

echo
echo "Web yardsticks: $(date -u +%Y-%m-%d), Release build on Kestrel 127.0.0.1, Lighthouse $("$HERE/node_modules/.bin/lighthouse" --version) mobile preset, $(/usr/bin/chromium --version 2>/dev/null | head -1), Nu $(java -jar "$NU_JAR" --version 2>/dev/null)"
cat "$WORK/table.md"
echo
echo "Nu: $(wc -l <"$WORK/nu-ours.txt") errors of ours; $framework framework messages filtered (Blazor's b-* scoped-CSS attributes only)."
if [ -s "$WORK/nu-ours.txt" ]; then sed "s|$WORK/html/||" "$WORK/nu-ours.txt"; fi

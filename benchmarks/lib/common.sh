# Shared helpers for the load, cold-start and deploy scripts. Source it; do not run it.
# Everything here talks to loopback only.

# Repository root (this file lives in benchmarks/lib).
IC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# apt_need CMD PACKAGE...: installs the Debian packages when CMD is missing (a fresh machine).
apt_need() {
  local cmd="$1"; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  log "installing $* (for $cmd)"
  if [ -z "${IC_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; IC_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  command -v "$cmd" >/dev/null 2>&1 || die "could not install $cmd"
}

# free_port: an unused TCP port on 127.0.0.1.
free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# publish_app DIR: Release build of the web app into DIR (skipped when IC_PUBLISH_DIR names a ready one).
# IC_R2R=1 (the default) publishes ReadyToRun for this machine's runtime identifier
# (framework-dependent; the runtime pack and Crossgen2 come from NuGet); IC_R2R=0 publishes plain IL.
# IC_PUBLISH_EXTRA adds arguments, e.g. "--self-contained true -p:PublishReadyToRunComposite=true" for one composite
# ReadyToRun image of the app and the framework (one version bubble: generic code across assemblies precompiled).
publish_app() {
  local out="$1" r2r=()
  if [ -n "${IC_PUBLISH_DIR:-}" ] && [ -x "$IC_PUBLISH_DIR/InterviewCompass.Web" ]; then
    log "using the published build in $IC_PUBLISH_DIR"
    rm -rf "$out"; ln -s "$IC_PUBLISH_DIR" "$out"; return 0
  fi
  if [ "${IC_R2R:-1}" = 1 ]; then
    r2r=(-r "$(dotnet_rid)" -p:PublishReadyToRun=true)
    [[ "${IC_PUBLISH_EXTRA:-}" == *--self-contained* ]] || r2r+=(--self-contained false)
  fi
  # shellcheck disable=SC2206
  [ -n "${IC_PUBLISH_EXTRA:-}" ] && r2r+=(${IC_PUBLISH_EXTRA})
  log "publishing a Release build to $out ${r2r[*]:-(IL only)}"
  dotnet publish "$IC_ROOT/src/InterviewCompass.Web" -c Release -o "$out" "${r2r[@]}" -nologo -v quiet >"$out.publish.log" 2>&1 \
    || { tail -30 "$out.publish.log" >&2; die "dotnet publish failed"; }
}

# dotnet_rid: the runtime identifier of this machine (linux-x64, linux-arm64, ...).
dotnet_rid() {
  case "$(uname -m)" in
    x86_64) echo linux-x64 ;;
    aarch64|arm64) echo linux-arm64 ;;
    *) dotnet --info | awk '$1=="RID:"{print $2; exit}' ;;
  esac
}

# wait_http URL SECONDS [PID]: waits for a 200, failing early when PID has died.
wait_http() {
  local url="$1" secs="$2" pid="${3:-}" i
  for ((i = 0; i < secs * 10; i++)); do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    [ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

# stop_pid PID: TERM, then KILL after 5 s. Only for processes this script started.
stop_pid() {
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

now_ms() { python3 -c 'import time; print(f"{time.monotonic()*1000:.1f}")'; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR/2] + v[NR/2 + 1]) / 2 }'; }

# timed_start APP_DIR DATA_DIR URL_PATH [NAME=value ...]: execs APP_DIR/InterviewCompass.Web (Production, a free
# loopback port, the data folder DATA_DIR, the extra environment), waits for its first 200 on URL_PATH and prints the
# milliseconds from exec to then and the server's CPU time until then (user + system: steadier than wall time on a
# shared machine); then stops it. The clock starts in the shell that execs the server (python measures, bash execs).
timed_start() {
  local app="$1" data="$2" path="$3" port t0 t1 i code ticks pid; shift 3
  port="$(free_port)"
  t0="$(now_ms)"
  ( cd "$app"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__DataPath="$data"
    [ "$#" -eq 0 ] || export "$@"
    exec ./InterviewCompass.Web >"$data/app.log" 2>&1 ) &
  pid=$!
  for ((i = 0; i < 3000; i++)); do   # at most ~60 s
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port$path" || true)"
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$data/app.log" >&2; die "the app in $app exited"; }
    sleep 0.01
  done
  t1="$(now_ms)"
  [ "$code" = 200 ] || { stop_pid "$pid"; die "no 200 on $path within the time limit ($app)"; }
  ticks="$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
  stop_pid "$pid"
  awk -v a="$t0" -v b="$t1" -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN{ printf "%.0f %.0f\n", b - a, 1000 * t / hz }'
}

# write_nginx_conf DIR: nginx.conf with everything (pid, logs, temp paths) inside DIR.
# The caller appends server/upstream blocks through NGINX_HTTP_EXTRA.
write_nginx_conf() {
  local dir="$1"
  mkdir -p "$dir/tmp" "$dir/logs"
  cat >"$dir/nginx.conf" <<NGINX
daemon off;
worker_processes ${NGINX_WORKERS:-auto};
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  default_type application/octet-stream;
  types { text/html html; text/css css; application/javascript js; }
${NGINX_HTTP_EXTRA:-}
}
NGINX
}

# with_runtimeconfig SRC DST NAME=VALUE...: DST becomes a copy of the published app in SRC whose
# InterviewCompass.Web.runtimeconfig.json has these configProperties set (NAME=- removes one): the file that a
# <RuntimeHostConfigurationOption>, <TieredPGO> or <TieredCompilation...> in the project file writes.
with_runtimeconfig() {
  local src="$1" dst="$2"; shift 2
  rm -rf "$dst"; mkdir -p "$dst"; cp -rL "$src/." "$dst"
  python3 - "$dst/InterviewCompass.Web.runtimeconfig.json" "$@" <<'PY'
import json, sys
path, pairs = sys.argv[1], sys.argv[2:]
doc = json.load(open(path))
props = doc["runtimeOptions"].setdefault("configProperties", {})
for pair in pairs:
    name, value = pair.split("=", 1)
    if value == "-":
        props.pop(name, None)
    else:
        props[name] = {"true": True, "false": False}.get(value.lower(), int(value) if value.isdigit() else value)
json.dump(doc, open(path, "w"), indent=2)
PY
}

# runtime_settings DIR: the runtime knobs in DIR's runtimeconfig.json, one line (System.Runtime.*, System.GC.*, System.Threading.*).
runtime_settings() {
  python3 -c 'import json,sys; print(", ".join(f"{k}={v}" for k, v in sorted(json.load(open(sys.argv[1]))["runtimeOptions"].get("configProperties", {}).items()) if k.startswith(("System.Runtime", "System.GC", "System.Threading"))))' \
    "$1/InterviewCompass.Web.runtimeconfig.json"
}

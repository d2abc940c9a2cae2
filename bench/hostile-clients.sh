#!/usr/bin/env bash
# Hostile clients against the model mock and the store model, each started with the native launcher's JVM flags
# (read from stack/.../JavaServices.java, so they cannot drift apart), a fresh process per scenario:
#  - 20 and 50 slow readers for 20 s (pipelined requests, never read; the store model gets 1,000-record batches);
#  - 5,000 idle connections from one client for 20 s, reopened as soon as the server closes them.
# Each server is warmed up first (3 s of wrk). Meanwhile a client on another loopback address sends a request
# every 200 ms. Targets: every such request
# answered within 1 s, no reset; peak RSS <= 64 MB (mock) / 256 MB (store model); the mock's
# model_result_updates_total still growing afterwards. Each line ends in `ok` or `BELOW TARGET`.
#
#   bench/hostile-clients.sh [--seconds 20] [--only mock|store]
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=20
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: $0 [--seconds 20] [--only mock|store]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "error: python3 not found: apt-get install python3" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk not found: apt-get install wrk" >&2; exit 1; }
[ -f modelmock/target/modelmock.jar ] && [ -f model-serving/target/model-serving.jar ] && [ -d model-serving/target/model ] \
  || mvn -q -B -pl modelmock,model-serving -am package -DskipTests

flags() { # the List.of(...) of constant $1 in JavaServices.java, one flag per line
  python3 - "$1" <<'PY'
import re, sys
src = open("stack/src/main/java/dev/monitoringlab/stack/JavaServices.java").read()
m = re.search(sys.argv[1] + r"\s*=\s*List\.of\((.*?)\);", src, re.S)
print("\n".join(re.findall(r'"([^"]+)"', m.group(1))))
PY
}
mapfile -t MOCK_FLAGS < <(flags MODEL_MOCK_JVM_FLAGS)
mapfile -t STORE_FLAGS < <(flags STORE_MODEL_JVM_FLAGS)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_url() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "bench: $1 never answered" >&2; return 1; }
updates() { curl -sf "http://127.0.0.1:$1/metrics" | awk '$1=="model_result_updates_total" {print $2+0}'; }
counter() { curl -sf "http://127.0.0.1:$1/metrics" | awk -v n="$2" '$1==n {print $2+0}'; }

pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
start() { # kind: starts a fresh server on a free port; sets $port and $pid
  port=$(free_port)
  if [ "$1" = mock ]; then
    java "${MOCK_FLAGS[@]}" -jar modelmock/target/modelmock.jar --host 127.0.0.1 --port "$port" --interval 1s >/dev/null 2>&1 &
    pid=$!
    wait_url "http://127.0.0.1:$port/metrics"
    wrk -t1 -c4 -d3s "http://127.0.0.1:$port/metrics" >/dev/null # warm-up: an attack meets a server that has run a while
  else
    java "${STORE_FLAGS[@]}" -jar model-serving/target/model-serving.jar serve --model model-serving/target/model \
      --host 127.0.0.1 --port "$port" >/dev/null 2>&1 &
    pid=$!
    wait_url "http://127.0.0.1:$port/health"
    wrk -t1 -c4 -d3s -s model-serving/bench/predict.lua "http://127.0.0.1:$port" >/dev/null
  fi
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }

field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1==k {print $2}'; }

scenario() { # kind scenario clients rss_target
  local kind=$1 name=$2 clients=$3 target=$4 verdict=ok extra=""
  start "$kind"
  local prefix; prefix=$([ "$kind" = mock ] && echo modelmock || echo store_model)
  local out; out=$(python3 bench/hostile_clients.py "$name" --port "$port" --pid "$pid" --clients "$clients" \
    --seconds "$seconds" --kind "$kind")
  [ "$(field "$out" peak_rss_mb)" -le "$target" ] || verdict="BELOW TARGET"
  [ "$(field "$out" normal_late_or_failed)" -eq 0 ] || verdict="BELOW TARGET"
  [ "$(field "$out" normal_resets)" -eq 0 ] || verdict="BELOW TARGET"
  if [ "$kind" = mock ]; then
    local a b; a=$(updates "$port"); sleep 3; b=$(updates "$port")
    awk -v a="$a" -v b="$b" 'BEGIN{exit !(b>a)}' || verdict="BELOW TARGET"
    extra=" updates_total_after=${a}->${b}"
  fi
  extra="$extra write_timeouts=$(counter "$port" "${prefix}_http_write_timeouts_total")"
  extra="$extra refused_client=$(curl -sf "http://127.0.0.1:$port/metrics" | awk -v n="${prefix}_http_connections_refused_total{limit=\"client\"}" '$1==n {print $2+0}')"
  extra="$extra internal_errors=$(counter "$port" "${prefix}_http_internal_errors_total")"
  stop
  printf '%-5s %-12s %5d clients %ss: %s%s (RSS target %d MB)  %s\n' "$kind" "$name" "$clients" "$seconds" "$out" "$extra" "$target" "$verdict"
}

echo "bench: hostile clients, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
if [ "$only" != store ]; then
  scenario mock slow-readers 20 64
  scenario mock slow-readers 50 64
  scenario mock idle 5000 64
fi
if [ "$only" != mock ]; then
  scenario store slow-readers 20 256
  scenario store slow-readers 50 256
  scenario store idle 5000 256
fi

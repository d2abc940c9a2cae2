#!/usr/bin/env bash
# Benchmarks the model mock's /metrics endpoint with wrk (16 connections, 10 s), started two ways:
# by the native launcher (with its JVM flags) and by a plain `java -jar`. Prints scrapes/s, p99 latency and
# the mock's peak resident memory under load; with --build, also times a warm `mvn package`.
# Targets: >= 20,000 scrapes/s, p99 < 5 ms either way; RSS <= 64 MB when started by the launcher.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench >/dev/null
[ -f modelmock/target/modelmock.jar ] && [ -f stack/target/stack-launcher.jar ] || mvn -q -B package -DskipTests

CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-10s}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_url() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "bench: $1 never answered" >&2; return 1; }

# Runs wrk against $1 while sampling VmRSS of pid $2; prints "rps p99_ms peak_rss_mb".
measure() {
  local url=$1 pid=$2 peak=0 out
  wrk -t2 -c"$CONNECTIONS" -d3s "$url" >/dev/null   # warm-up: JIT, buffers
  out=$(mktemp)
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$out" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    sleep 0.2
  done
  wait "$wrk_pid"
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$out")
  errors=$(grep -E "Non-2xx|Socket errors" "$out" || true)
  [ -z "$errors" ] || echo "bench: wrk reported: $errors" >&2
  rm -f "$out"
  echo "$rps $p99 $((peak / 1024))"
}

report() { # name rps p99 rss rss_target
  local verdict=ok
  awk -v r="$2" 'BEGIN{exit !(r>=20000)}' || verdict="BELOW TARGET"
  awk -v p="$3" 'BEGIN{exit !(p<5)}' || verdict="BELOW TARGET"
  if [ -n "${5:-}" ] && [ "$4" -gt "$5" ]; then verdict="BELOW TARGET"; fi
  printf '%-34s %10.0f scrapes/s   p99 %6.2f ms   peak RSS %4d MB   %s\n' "$1" "$2" "$3" "$4" "$verdict"
}

echo "bench: model mock /metrics, wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores"

# 1. started by the native launcher, as ./run.sh does
ports=(); for _ in 1 2 3; do ports+=("$(free_port)"); done
launcher_log=$(mktemp)
java -Dlab.prometheus.port="${ports[0]}" -Dlab.alertmanager.port="${ports[1]}" -Dlab.model-mock.port="${ports[2]}" \
  -jar stack/target/stack-launcher.jar >"$launcher_log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true; [ -n "${plain:-}" ] && kill $plain 2>/dev/null || true' EXIT
wait_url "http://127.0.0.1:${ports[2]}/metrics"
mock_pid=$(pgrep -f "modelmock.jar .*--port ${ports[2]}")
read -r rps p99 rss < <(measure "http://127.0.0.1:${ports[2]}/metrics" "$mock_pid")
report "started by the launcher" "$rps" "$p99" "$rss" 64
kill "$launcher"; wait "$launcher" 2>/dev/null || true

# 2. plain java -jar, default JVM flags
port=$(free_port)
java -jar modelmock/target/modelmock.jar --port "$port" >/dev/null 2>&1 &
plain=$!
wait_url "http://127.0.0.1:$port/metrics"
read -r rps p99 rss < <(measure "http://127.0.0.1:$port/metrics" "$plain")
report "plain java -jar (default JVM)" "$rps" "$p99" "$rss"
kill "$plain"; wait "$plain" 2>/dev/null || true
plain=

if [ "${1:-}" = "--build" ]; then
  mvn -q -B -o package >/dev/null   # make sure everything is built and the repository warm
  start=$(date +%s.%N)
  mvn -q -B -o package >/dev/null
  end=$(date +%s.%N)
  printf 'mvn package (warm local repository, unit tests included): %.1f s (target 30 s)\n' "$(echo "$end - $start" | bc)"
fi

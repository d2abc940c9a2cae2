#!/usr/bin/env bash
# Memory and CPU of the store model service under light load: the figures behind the Deployment's resource
# requests and limits (StoreModelWorkload).
#
#   kubernetes-as-code/bench/measure-store-model.sh [--rate 20] [--duration 60s] [--rounds 3]
#
# Needs the jar (mvn -pl model-serving -am package). Per round it starts the service with the Dockerfile's
# JAVA_OPTS on a free loopback port and reports:
#  - start: CPU seconds used until /health answers, and RSS then;
#  - light load: the workshop's normal traffic (`traffic --scenario normal`, --rate predictions/s, loopback only)
#    plus a /metrics scrape every 5 s, as Prometheus would; average CPU in millicores over the run (user + system
#    ticks from /proc/<pid>/stat) and peak RSS (VmRSS from /proc/<pid>/status, sampled every 0.5 s);
#  - burst: 5 s of 16 connections as fast as they go (wrk, if installed): peak RSS, the worst case to size the limit.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../model-serving/target/model-serving.jar"
lua="$here/../../model-serving/bench/predict.lua"
rate=20
duration=60s
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: $0 [--rate 20] [--duration 60s] [--rounds 3]" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "error: $jar not found: mvn -pl model-serving -am package" >&2; exit 1; }

# The Dockerfile's JAVA_OPTS, read from it so the figures follow the image
java_opts="$(sed -nE 's/^ENV JAVA_OPTS="(.*)"$/\1/p' "$here/../../model-serving/Dockerfile")"
[ -n "$java_opts" ] || { echo "error: no ENV JAVA_OPTS line in model-serving/Dockerfile" >&2; exit 1; }
read -r -a JVM_FLAGS <<<"$java_opts"

pid=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  return 0
}
trap cleanup EXIT

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
hz="$(getconf CLK_TCK)"

echo "JAVA_OPTS: $java_opts"
echo "round  start_cpu_s  start_rss_MB  light_cpu_mcores  light_peak_rss_MB  burst_peak_rss_MB"
for round in $(seq 1 "$rounds"); do
  log="$(mktemp)"
  java "${JVM_FLAGS[@]}" -jar "$jar" serve --host 127.0.0.1 --port 0 >"$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 60))
  port=""
  until [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "error: the service exited at start: $(head -1 "$log")" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "error: the service was not healthy within 60 s" >&2; exit 1; }
    sleep 0.2
    port="$(sed -nE 's|.*serving on http://[^:]+:([0-9]+).*|\1|p' "$log")"
  done
  rm -f "$log"
  start_cpu="$(awk -v t="$(ticks "$pid")" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')"
  start_rss=$(( $(rss_kb "$pid") / 1024 ))

  samples="$(mktemp)"
  ( while kill -0 "$pid" 2>/dev/null; do rss_kb "$pid" 2>/dev/null; sleep 0.5; done ) >"$samples" &
  sampler=$!
  t0="$(ticks "$pid")"; s0="$(date +%s.%N)"
  ( end=$((SECONDS + ${duration%s})); while [ $SECONDS -lt $end ]; do
      curl -sf -o /dev/null "http://127.0.0.1:$port/metrics" || true; sleep 5; done ) &
  scraper=$!
  java -jar "$jar" traffic --scenario normal --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" \
      --quiet >/dev/null
  kill "$scraper" 2>/dev/null || true; wait "$scraper" 2>/dev/null || true
  t1="$(ticks "$pid")"; s1="$(date +%s.%N)"
  light_cpu="$(awk -v a="$t0" -v b="$t1" -v s0="$s0" -v s1="$s1" -v hz="$hz" 'BEGIN { printf "%.0f", 1000 * (b - a) / hz / (s1 - s0) }')"
  light_rss=$(( $(sort -n "$samples" | tail -1) / 1024 ))

  burst_rss="n/a"
  if command -v wrk >/dev/null; then
    : >"$samples"
    wrk -t2 -c16 -d5s -s "$lua" "http://127.0.0.1:$port" >/dev/null
    burst_rss=$(( $(sort -n "$samples" | tail -1) / 1024 ))
  fi
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
  rm -f "$samples"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  printf '%5s  %11s  %12s  %16s  %17s  %17s\n' "$round" "$start_cpu" "$start_rss" "$light_cpu" "$light_rss" "$burst_rss"
done

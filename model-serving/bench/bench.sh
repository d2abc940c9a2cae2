#!/usr/bin/env bash
# Throughput, latency, memory and the cost of the metrics of the store model service, measured with wrk.
#
#   model-serving/bench/bench.sh [--duration 10s] [--connections 16] [--rounds 4]
#
# Needs the jar (mvn -pl model-serving -am package) and wrk (apt-get install wrk). It starts the service twice,
# with metrics and without (--no-metrics), warms both up (5 s of wrk each), then alternates measured wrk runs of
# single-record POST /predict requests between them, so both see the same machine load. RSS is VmRSS from
# /proc/<pid>/status, sampled every 0.5 s during the measured run; CPU per prediction is the service's user +
# system time (/proc/<pid>/stat) over the run divided by the requests answered. Targets: >= 10000 predictions/s, p99 < 10 ms,
# metrics cost <= 5 % of throughput, RSS <= 256 MB. Prints the figures and a verdict per target (on the median
# over rounds); exits 0 unless the service or wrk could not run: the figures depend on the machine, so a missed
# target is reported, not fatal.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/model-serving.jar"
lua="$here/predict.lua"
duration=10s
connections=16
rounds=4
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: $0 [--duration 10s] [--connections 16] [--rounds 4]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "error: wrk not found: apt-get install wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "error: $jar not found: mvn -pl model-serving -am package" >&2; exit 1; }

# The service's JVM flags (also the Dockerfile's): a small fixed heap and the serial collector keep RSS low;
# with 2 cores a parallel or concurrent collector only competes with the request threads.
JVM_FLAGS=(-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=48m -Xss512k)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_service <label> [serve flags...]: starts one service, waits until healthy; sets $port and $pid
start_service() {
  local label="$1"; shift
  port="$(free_port)"
  java "${JVM_FLAGS[@]}" -jar "$jar" serve --host 127.0.0.1 --port "$port" "$@" >/dev/null 2>&1 &
  pid=$!
  pids+=("$pid")
  local deadline=$((SECONDS + 30))
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "error: the service ($label) exited at start" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "error: the service ($label) was not healthy within 30 s" >&2; exit 1; }
    sleep 0.2
  done
  wrk -t2 -c"$connections" -d5s -s "$lua" "http://127.0.0.1:$port" >/dev/null   # warm-up: JIT, heap sizing
}

# CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }

# measure <port> <pid>: one measured wrk run; prints "rps p50_ms p99_ms non2xx rss_mb cpu_us_per_request"
measure() {
  local port="$1" pid="$2"
  local cpu0; cpu0="$(cpu_seconds "$pid")"
  local rss_file; rss_file="$(mktemp)"
  ( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null; sleep 0.5; done ) >"$rss_file" &
  local sampler=$!
  local out; out="$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$lua" "http://127.0.0.1:$port")"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  local cpu1; cpu1="$(cpu_seconds "$pid")"
  local rss_kb; rss_kb="$(sort -n "$rss_file" | tail -1)"; rm -f "$rss_file"
  local line; line="$(grep '^p50_ms=' <<<"$out")"
  local n; n="$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")"
  echo "$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line") $(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")" \
       "$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line") $(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")" \
       "$((rss_kb / 1024))" "$(awk -v a="$cpu0" -v b="$cpu1" -v n="$n" 'BEGIN { printf "%.1f", (b - a) * 1e6 / n }')"
}

echo "store model benchmark: wrk, $connections connections, $duration per run, $rounds round(s); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: ${JVM_FLAGS[*]}"
printf '%-6s %-12s %10s %8s %8s %7s %7s %9s\n' round mode "pred/s" "p50 ms" "p99 ms" non2xx "RSS MB" "CPU us/req"
best_on=0; best_off=0; max_rss=0; costs=(); cpu_costs=(); p99s=()
# Both services run side by side (an idle one costs no CPU) and the measured runs alternate between them, so
# a burst of load from elsewhere on the machine hits both about equally.
start_service metrics; on_port=$port; on_pid=$pid
start_service no-metrics --no-metrics; off_port=$port; off_pid=$pid
for r in $(seq 1 "$rounds"); do
  # ABBA order: odd rounds measure with metrics first, even rounds without metrics first
  if [ $((r % 2)) -eq 1 ]; then
    read -r on_rps on_p50 on_p99 on_bad on_rss on_cpu <<<"$(measure "$on_port" "$on_pid")"
    read -r off_rps off_p50 off_p99 off_bad off_rss off_cpu <<<"$(measure "$off_port" "$off_pid")"
  else
    read -r off_rps off_p50 off_p99 off_bad off_rss off_cpu <<<"$(measure "$off_port" "$off_pid")"
    read -r on_rps on_p50 on_p99 on_bad on_rss on_cpu <<<"$(measure "$on_port" "$on_pid")"
  fi
  printf '%-6s %-12s %10.0f %8.2f %8.2f %7d %7d %9.1f\n' "$r" metrics "$on_rps" "$on_p50" "$on_p99" "$on_bad" "$on_rss" "$on_cpu"
  printf '%-6s %-12s %10.0f %8.2f %8.2f %7d %7d %9.1f\n' "$r" no-metrics "$off_rps" "$off_p50" "$off_p99" "$off_bad" "$off_rss" "$off_cpu"
  cost="$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { printf "%.1f", (1 - a / b) * 100 }')"
  cpu_cost="$(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')"
  echo "       metrics cost this round: $cost % of throughput, $cpu_cost % more CPU per prediction"
  costs+=("$cost"); cpu_costs+=("$cpu_cost")
  best_on="$(awk -v a="$best_on" -v b="$on_rps" 'BEGIN { print (b > a ? b : a) }')"
  best_off="$(awk -v a="$best_off" -v b="$off_rps" 'BEGIN { print (b > a ? b : a) }')"
  p99s+=("$on_p99")
  max_rss=$(( on_rss > max_rss ? on_rss : max_rss )); max_rss=$(( off_rss > max_rss ? off_rss : max_rss ))
  [ "$on_bad" -eq 0 ] && [ "$off_bad" -eq 0 ] || echo "       warning: non-200 answers during the run"
done
cleanup
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }
echo
echo "best throughput with metrics : $(printf '%.0f' "$best_on") predictions/s  (target >= 10000: $(verdict "$best_on >= 10000"))"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
median_p99="$(printf '%s\n' "${p99s[@]}" | median)"
echo "p99 with metrics (median)    : $median_p99 ms, rounds: ${p99s[*]}  (target < 10 ms: $(verdict "$median_p99 < 10"))"
median_cost="$(printf '%s\n' "${costs[@]}" | median)"
median_cpu_cost="$(printf '%s\n' "${cpu_costs[@]}" | median)"
echo "metrics cost, throughput     : $median_cost % (median of pairs: ${costs[*]})  (target <= 5 %: $(verdict "$median_cost <= 5"))"
echo "metrics cost, CPU/prediction : $median_cpu_cost % (median of pairs: ${cpu_costs[*]}; less sensitive to other load)"
echo "max RSS                      : $max_rss MB  (target <= 256 MB: $(verdict "$max_rss <= 256"))"

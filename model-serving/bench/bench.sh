#!/usr/bin/env bash
# Throughput, latency, memory and the cost of the metrics of the store model service, measured with wrk.
#
#   model-serving/bench/bench.sh [--duration 10s] [--connections 16] [--rounds 3]
#
# Needs the jar (mvn -pl model-serving -am package) and wrk (apt-get install wrk). It starts the service twice,
# with metrics and without (--no-metrics), each on a free port, warms both up (5 s of wrk each), then per round:
#  - saturation runs (predict.lua: 16 connections as fast as they go): throughput, CPU time per prediction
#    (user + system from /proc/<pid>/stat over the run / requests answered) and RSS (VmRSS from
#    /proc/<pid>/status, sampled every 0.5 s), alternating ABBA between the two services, so a burst of load
#    from elsewhere on the machine hits both about equally;
#  - paced runs (predict-paced.lua: 1 ms pause per connection between requests, about 10,000-12,000/s):
#    p50/p99 at the target load, without the queueing of a saturated server.
# Two more services, measured in the same saturation rounds (order rotating), give the cost of drift scoring and
# of feedback each: the full service against one with --no-drift, and against one with feedback switched off
# (-Dlab.store.feedback.capacity=0: no ids, nothing remembered).
# Targets: >= 30000 predictions/s, p99 < 5 ms at the paced load, metrics cost <= 5 % of throughput, RSS <= 256 MB,
# all with drift and feedback on (the defaults).
# Prints every run, then the medians over rounds with a verdict per target. Exits 0 unless the service or wrk
# could not run: the figures depend on the machine and its other load, so a missed target is reported, not fatal.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/model-serving.jar"
lua="$here/predict.lua"
paced="$here/predict-paced.lua"
duration=10s
connections=16
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: $0 [--duration 10s] [--connections 16] [--rounds 3]" >&2; exit 2 ;;
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

# start_service <label> [serve flags...]: starts one service on a free port (--port 0: the service prints the
# port it bound), waits until healthy and warms it up; sets $port and $pid
start_service() {
  local label="$1"; shift
  local log; log="$(mktemp)"
  local props=()
  if [ "${1:-}" = "--no-feedback" ]; then props=(-Dlab.store.feedback.capacity=0); shift; fi
  java "${JVM_FLAGS[@]}" "${props[@]}" -jar "$jar" serve --host 127.0.0.1 --port 0 "$@" >"$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  local deadline=$((SECONDS + 30))
  port=""
  until [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "error: the service ($label) exited at start: $(head -1 "$log")" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "error: the service ($label) was not healthy within 30 s" >&2; exit 1; }
    sleep 0.2
    port="$(sed -nE 's|.*serving on http://[^:]+:([0-9]+).*|\1|p' "$log")"
  done
  rm -f "$log"
  wrk -t2 -c"$connections" -d5s -s "$lua" "http://127.0.0.1:$port" >/dev/null   # warm-up: JIT, heap sizing
}

# CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }

# measure <port> <pid> <script>: one measured wrk run; prints "rps p50_ms p99_ms non2xx rss_mb cpu_us_per_request"
measure() {
  local port="$1" pid="$2" script="$3"
  local cpu0; cpu0="$(cpu_seconds "$pid")"
  local rss_file; rss_file="$(mktemp)"
  ( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null; sleep 0.5; done ) >"$rss_file" &
  local sampler=$!
  local out; out="$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" "http://127.0.0.1:$port")"
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
max_rss=0; costs=(); cpu_costs=(); p99s=(); sat_p99s=(); rates=(); paced_rates=()
# Both services run side by side (an idle one costs no CPU) and the measured runs alternate between them, so
# a burst of load from elsewhere on the machine hits both about equally. Each round: saturation runs (as fast
# as 16 connections go: throughput, CPU per prediction, RSS), then paced runs (~10,000/s: p99 at the target).
start_service metrics; on_port=$port; on_pid=$pid
start_service no-metrics --no-metrics; off_port=$port; off_pid=$pid
start_service no-drift --no-drift; nd_port=$port; nd_pid=$pid
start_service no-feedback --no-feedback; nf_port=$port; nf_pid=$pid
drift_costs=(); feedback_costs=()
printf '%-6s %-12s %-6s %10s %8s %8s %7s %7s %10s\n' round service load "pred/s" "p50 ms" "p99 ms" non2xx "RSS MB" "CPU us/req"
row() { printf '%-6s %-12s %-6s %10.0f %8.2f %8.2f %7d %7d %10.1f\n' "$@"; }
for r in $(seq 1 "$rounds"); do
  # ABBA order: odd rounds measure with metrics first, even rounds without metrics first
  if [ $((r % 2)) -eq 1 ]; then
    read -r on_rps on_p50 on_p99 on_bad on_rss on_cpu <<<"$(measure "$on_port" "$on_pid" "$lua")"
    read -r off_rps off_p50 off_p99 off_bad off_rss off_cpu <<<"$(measure "$off_port" "$off_pid" "$lua")"
  else
    read -r off_rps off_p50 off_p99 off_bad off_rss off_cpu <<<"$(measure "$off_port" "$off_pid" "$lua")"
    read -r on_rps on_p50 on_p99 on_bad on_rss on_cpu <<<"$(measure "$on_port" "$on_pid" "$lua")"
  fi
  # the drift and feedback comparisons: full service and the one without, in alternating order
  if [ $((r % 2)) -eq 1 ]; then
    read -r nd_rps nd_p50 nd_p99 nd_bad nd_rss nd_cpu <<<"$(measure "$nd_port" "$nd_pid" "$lua")"
    read -r nf_rps nf_p50 nf_p99 nf_bad nf_rss nf_cpu <<<"$(measure "$nf_port" "$nf_pid" "$lua")"
    read -r on2_rps on2_p50 on2_p99 on2_bad on2_rss on2_cpu <<<"$(measure "$on_port" "$on_pid" "$lua")"
  else
    read -r on2_rps on2_p50 on2_p99 on2_bad on2_rss on2_cpu <<<"$(measure "$on_port" "$on_pid" "$lua")"
    read -r nf_rps nf_p50 nf_p99 nf_bad nf_rss nf_cpu <<<"$(measure "$nf_port" "$nf_pid" "$lua")"
    read -r nd_rps nd_p50 nd_p99 nd_bad nd_rss nd_cpu <<<"$(measure "$nd_port" "$nd_pid" "$lua")"
  fi
  row "$r" metrics max "$on_rps" "$on_p50" "$on_p99" "$on_bad" "$on_rss" "$on_cpu"
  row "$r" no-metrics max "$off_rps" "$off_p50" "$off_p99" "$off_bad" "$off_rss" "$off_cpu"
  row "$r" metrics max "$on2_rps" "$on2_p50" "$on2_p99" "$on2_bad" "$on2_rss" "$on2_cpu"
  row "$r" no-drift max "$nd_rps" "$nd_p50" "$nd_p99" "$nd_bad" "$nd_rss" "$nd_cpu"
  row "$r" no-feedback max "$nf_rps" "$nf_p50" "$nf_p99" "$nf_bad" "$nf_rss" "$nf_cpu"
  read -r pon_rps pon_p50 pon_p99 pon_bad pon_rss pon_cpu <<<"$(measure "$on_port" "$on_pid" "$paced")"
  read -r poff_rps poff_p50 poff_p99 poff_bad poff_rss poff_cpu <<<"$(measure "$off_port" "$off_pid" "$paced")"
  row "$r" metrics paced "$pon_rps" "$pon_p50" "$pon_p99" "$pon_bad" "$pon_rss" "$pon_cpu"
  row "$r" no-metrics paced "$poff_rps" "$poff_p50" "$poff_p99" "$poff_bad" "$poff_rss" "$poff_cpu"
  cost="$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { printf "%.1f", (1 - a / b) * 100 }')"
  cpu_cost="$(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')"
  echo "       metrics cost this round: $cost % of throughput, $cpu_cost % more CPU per prediction"
  full_cpu="$(awk -v a="$on_cpu" -v b="$on2_cpu" 'BEGIN { printf "%.2f", (a + b) / 2 }')"
  drift_cost="$(awk -v a="$full_cpu" -v b="$nd_cpu" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')"
  feedback_cost="$(awk -v a="$full_cpu" -v b="$nf_cpu" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')"
  echo "       drift costs $drift_cost %, feedback $feedback_cost % more CPU per prediction this round"
  drift_costs+=("$drift_cost"); feedback_costs+=("$feedback_cost")
  costs+=("$cost"); cpu_costs+=("$cpu_cost"); rates+=("$on_rps" "$on2_rps"); p99s+=("$pon_p99"); sat_p99s+=("$on_p99")
  paced_rates+=("$pon_rps")
  for m in "$on_rss" "$off_rss" "$pon_rss" "$poff_rss" "$on2_rss" "$nd_rss" "$nf_rss"; do max_rss=$(( m > max_rss ? m : max_rss )); done
  [ $((on_bad + off_bad + pon_bad + poff_bad + on2_bad + nd_bad + nf_bad)) -eq 0 ] || echo "       warning: non-200 answers during the round"
done
cleanup
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }
echo
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
med() { printf '%s\n' "$@" | median; }
echo "throughput with metrics      : $(printf '%.0f' "$(med "${rates[@]}")") predictions/s median, rounds: ${rates[*]}  (target >= 30000: $(verdict "$(med "${rates[@]}") >= 30000"))"
echo "p99 at ~$(printf '%.0f' "$(med "${paced_rates[@]}")")/s with metrics  : $(med "${p99s[@]}") ms median, rounds: ${p99s[*]}  (target < 5 ms: $(verdict "$(med "${p99s[@]}") < 5"))"
echo "p99 saturated, with metrics  : $(med "${sat_p99s[@]}") ms median, rounds: ${sat_p99s[*]}  (queueing at full load; for information)"
echo "metrics cost, throughput     : $(med "${costs[@]}") % median, rounds: ${costs[*]}  (target <= 5 %: $(verdict "$(med "${costs[@]}") <= 5"))"
echo "metrics cost, CPU/prediction : $(med "${cpu_costs[@]}") % median, rounds: ${cpu_costs[*]}  (less sensitive to other load)"
echo "drift cost, CPU/prediction   : $(med "${drift_costs[@]}") % median, rounds: ${drift_costs[*]}  (full service against --no-drift)"
echo "feedback cost, CPU/prediction: $(med "${feedback_costs[@]}") % median, rounds: ${feedback_costs[*]}  (full service against feedback off)"
echo "max RSS                      : $max_rss MB  (target <= 256 MB: $(verdict "$max_rss <= 256"))"

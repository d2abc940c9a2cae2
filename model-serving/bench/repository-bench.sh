#!/usr/bin/env bash
# Throughput, latency and memory of the model repository's routes, per artifact kind, single records and
# 1,000-record batches, /predict beside the Open Inference Protocol's /v2/models/{name}/infer.
#
#   model-serving/bench/repository-bench.sh [--duration 10s] [--connections 16]
#
# Needs the jar and the build's repository (mvn -pl model-serving -am package), wrk and Debian's python3 (for the
# request bodies). Starts two services on free ports with the JVM flags of bench.sh: A serves the build's
# repository (store-success as Tribuo's file, order-return as ONNX), B a repository whose store-success is the same
# model exported to ONNX ('train --format onnx'). Each case is one saturation run of wrk -t2 (all connections as
# fast as they go), after a 3 s warm-up of the same case: requests/s, records/s, p50/p99 of a request, non-2xx
# answers, and the service's largest RSS (VmRSS every 0.5 s).
# Goals: Tribuo path >= 30,000 predictions/s with p99 < 5 ms; ONNX >= 20,000/s; batches >= 1,000,000 records/s.
# Exits 0 unless something could not run: figures depend on the machine and its other load.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../target"
jar="$target/model-serving.jar"
duration=10s
connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1'; usage: $0 [--duration 10s] [--connections 16]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "error: wrk not found: apt-get install wrk" >&2; exit 1; }
[ -x /usr/bin/python3 ] || { echo "error: /usr/bin/python3 not found: apt-get install python3" >&2; exit 1; }
[ -f "$jar" ] && [ -d "$target/repository/store-success" ] \
  || { echo "error: $jar or $target/repository not found: mvn -pl model-serving -am package" >&2; exit 1; }

JVM_FLAGS=(-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=48m -Xss512k)
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# the same store model as ONNX, in a repository of its own
java -jar "$jar" train --data "$target/stores_dataset.csv" --out "$work/model" --repository "$work/onnx-repository" \
  --spec "$here/../../models/store-success/model.json" --format onnx >/dev/null

# start_service <repository>: sets $port and $pid
start_service() {
  local log="$work/serve-$RANDOM.log"
  java "${JVM_FLAGS[@]}" -jar "$jar" serve --host 127.0.0.1 --port 0 --model "$target/model" --repository "$1" >"$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  local deadline=$((SECONDS + 60))
  port=""
  until [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/v2/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "error: the service exited at start: $(head -1 "$log")" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "error: the service was not ready within 60 s" >&2; exit 1; }
    sleep 0.2
    port="$(sed -nE 's|.*serving on http://[^:]+:([0-9]+).*|\1|p' "$log")"
  done
}

# run <label> <port> <pid> <path> <model> <records> [--predict]
run() {
  local label="$1" port="$2" pid="$3" path="$4" model="$5" records="$6" flag="${7:-}"
  local bodies="$work/$model-$records$flag.jsonl"
  [ -f "$bodies" ] || /usr/bin/python3 "$here/bodies.py" "$model" "$records" "$bodies" $flag
  BODIES="$bodies" INFER_PATH="$path" RECORDS="$records" \
    wrk -t2 -c"$connections" -d3s -s "$here/infer.lua" "http://127.0.0.1:$port" >/dev/null
  local rss_file="$work/rss"
  ( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status"; sleep 0.5; done ) >"$rss_file" &
  local sampler=$!
  local out
  out="$(BODIES="$bodies" INFER_PATH="$path" RECORDS="$records" \
    wrk -t2 -c"$connections" -d"$duration" -s "$here/infer.lua" "http://127.0.0.1:$port" | grep '^p50_ms=')"
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  local rss; rss="$(sort -n "$rss_file" | tail -1)"
  printf '%-44s %s rss_mb=%d\n' "$label" "$out" "$((rss / 1024))"
}

start_service "$target/repository"; port_a=$port; pid_a=$pid
start_service "$work/onnx-repository"; port_b=$port; pid_b=$pid
# JIT warm-up of both services before any figure: without it, B's first case (after A had served two) measured
# its compilation (9,800/s against 24,500/s for A's ONNX model, with the same ONNX Runtime cost per call)
for warm in "$port_a /v2/models/store-success/infer" "$port_b /v2/models/store-success/infer" "$port_a /v2/models/order-return/infer"; do
  set -- $warm
  model="$(basename "$(dirname "$2")")"
  bodies="$work/$model-1.jsonl"
  [ -f "$bodies" ] || /usr/bin/python3 "$here/bodies.py" "$model" 1 "$bodies"
  BODIES="$bodies" INFER_PATH="$2" RECORDS=1 wrk -t2 -c"$connections" -d10s -s "$here/infer.lua" "http://127.0.0.1:$1" >/dev/null
done
echo "repository-bench: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c$connections -d$duration"
run "/predict, store-success (Tribuo), 1 record"   "$port_a" "$pid_a" /predict store-success 1 --predict
run "/v2 infer, store-success (Tribuo), 1 record"  "$port_a" "$pid_a" /v2/models/store-success/infer store-success 1
run "/v2 infer, store-success (ONNX), 1 record"    "$port_b" "$pid_b" /v2/models/store-success/infer store-success 1
run "/v2 infer, order-return (ONNX), 1 record"     "$port_a" "$pid_a" /v2/models/order-return/infer order-return 1
run "/predict, store-success (Tribuo), 1000"       "$port_a" "$pid_a" /predict store-success 1000 --predict
run "/v2 infer, store-success (Tribuo), 1000"      "$port_a" "$pid_a" /v2/models/store-success/infer store-success 1000
run "/v2 infer, store-success (ONNX), 1000"        "$port_b" "$pid_b" /v2/models/store-success/infer store-success 1000
run "/v2 infer, order-return (ONNX), 1000"         "$port_a" "$pid_a" /v2/models/order-return/infer order-return 1000

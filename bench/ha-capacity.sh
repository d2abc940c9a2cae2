#!/usr/bin/env bash
# How far one Prometheus of the highly available stack goes on this machine: it scrapes N simulated hosts at the
# stack's scrape interval, evaluates the stack's generated rules (HostHighCpuLoad over every host) and
# remote-writes into VictoriaMetrics with the stack's dedup, while N doubles until a scrape or a rule evaluation
# misses its interval or remote write falls behind ingestion (or the last step is reached). Per step it prints
# series, Prometheus's CPU and memory, scrape and rule durations, missed evaluations, samples ingested and
# remote-written per second.
#
# A simulated host is a real node exporter reading a synthetic /proc (cpu and stat collectors only) that lists
# SIM_CPUS CPUs, so each host exposes about as many series as a real node exporter (~700 with 64 CPUs). A few
# exporters (EXPORTERS) serve all N hosts: each host is one scrape target with its own instance label, so
# Prometheus pays per target exactly as for separate machines while the exporters stay few.
#   bench/ha-capacity.sh                 steps 50 100 200 400 800, 40 s each
#   STEPS="25 50" STEP_SECONDS=30 bench/ha-capacity.sh
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
cd "$(dirname "$0")/.."
for bin in prometheus victoria-metrics prometheus-node-exporter curl python3; do
  command -v "$bin" >/dev/null || { echo "bench: $bin not found: run scripts/install-deps.sh --run" >&2; exit 1; }
done
[ -d stack/generated/prometheus/rules ] || { echo "bench: stack/generated/ is empty: run mvn package first" >&2; exit 1; }

STEPS=${STEPS:-"50 100 200 400 800"}
STEP_SECONDS=${STEP_SECONDS:-40}
EXPORTERS=${EXPORTERS:-4}
SIM_CPUS=${SIM_CPUS:-64}
INTERVAL=$(sed -n 's/^ *scrape_interval: *//p' stack/generated/prometheus/prometheus.yml | head -1)
interval_s=${INTERVAL%s}
[[ "$interval_s" =~ ^[0-9]+$ ]] || { echo "bench: cannot read the scrape interval ('$INTERVAL') from prometheus.yml" >&2; exit 1; }

work=$(mktemp -d /tmp/ha-capacity.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_url() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "bench: $1 never answered" >&2; exit 1; }

# synthetic /proc/stat: SIM_CPUS busy-ish CPUs (ticks of USER_HZ=100)
mkdir -p "$work/proc"
{
  echo "cpu  $((SIM_CPUS * 500)) 0 $((SIM_CPUS * 300)) $((SIM_CPUS * 9000)) 0 0 0 0 0 0"
  for ((c = 0; c < SIM_CPUS; c++)); do echo "cpu$c 500 0 300 9000 0 0 0 0 0 0"; done
  echo "intr 1000"; echo "ctxt 5000"; echo "btime 1700000000"; echo "processes 100"
  echo "procs_running 1"; echo "procs_blocked 0"
} >"$work/proc/stat"

exporter_ports=()
for ((e = 0; e < EXPORTERS; e++)); do
  port=$(free_port)
  prometheus-node-exporter --path.procfs="$work/proc" --collector.disable-defaults --collector.cpu --collector.stat \
    --web.listen-address="127.0.0.1:$port" >"$work/exporter-$e.log" 2>&1 &
  pids+=($!)
  exporter_ports+=("$port")
done
for port in "${exporter_ports[@]}"; do wait_url "http://127.0.0.1:$port/metrics"; done

vm_port=$(free_port)
victoria-metrics -httpListenAddr="127.0.0.1:$vm_port" -storageDataPath="$work/vm" -retentionPeriod=1d \
  -dedup.minScrapeInterval="$INTERVAL" >"$work/vm.log" 2>&1 &
pids+=($!)
wait_url "http://127.0.0.1:$vm_port/health"

prom_port=$(free_port)
cp -r stack/generated/prometheus/rules "$work/rules"
# N targets of job node (the stack's host rule selects job="node"), each with its own instance label
write_config() {
  local n=$1
  {
    echo "global: {scrape_interval: $INTERVAL, evaluation_interval: $INTERVAL, external_labels: {replica: a}}"
    echo "rule_files: [rules/*.rules.yml]"
    echo "remote_write: [{url: 'http://127.0.0.1:$vm_port/api/v1/write', write_relabel_configs: [{action: labeldrop, regex: replica}]}]"
    echo "scrape_configs:"
    echo "- {job_name: prometheus, static_configs: [{targets: ['127.0.0.1:$prom_port']}]}"
    echo "- job_name: node"
    echo "  static_configs:"
    for ((i = 0; i < n; i++)); do
      printf "  - {targets: ['127.0.0.1:%s'], labels: {instance: 'sim-%04d:9100'}}\n" "${exporter_ports[$((i % EXPORTERS))]}" "$i"
    done
  } >"$work/prometheus.yml.tmp"
  mv "$work/prometheus.yml.tmp" "$work/prometheus.yml"
}
write_config "${STEPS%% *}"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" --web.enable-lifecycle >"$work/prometheus.log" 2>&1 &
prom_pid=$!
pids+=($prom_pid)
wait_url "http://127.0.0.1:$prom_port/-/ready"

q() { # instant query -> first value, or "nan"
  curl -sf --get "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$1" |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "nan")'
}

w=$((STEP_SECONDS - 10))
echo "bench: one Prometheus ($(prometheus --version 2>&1 | head -1 | awk '{print $3}')), scrape and evaluation every $INTERVAL," \
  "$EXPORTERS exporters x $SIM_CPUS synthetic CPUs, remote_write to VictoriaMetrics; $STEP_SECONDS s per step on $(nproc) cores"
printf "%6s %9s %7s %8s %12s %12s %10s %8s %11s %14s %10s  %s\n" hosts series "cpu%" "rss_MB" scrape_p99_s interval_p99_s \
  rules_s missed ingested/s rw_samples/s rw_pending verdict
largest=0
for n in $STEPS; do
  write_config "$n"
  curl -sf -X POST "http://127.0.0.1:$prom_port/-/reload" >/dev/null
  sleep "$STEP_SECONDS"   # the step's load runs for this long; the figures below are its last ${w} s
  up=$(q "count(up{job=\"node\"} == 1)")
  series=$(q "prometheus_tsdb_head_series")
  cpu=$(q "100 * rate(process_cpu_seconds_total{job=\"prometheus\"}[${w}s])")
  rss=$(q "process_resident_memory_bytes{job=\"prometheus\"} / 2^20")
  scrape=$(q "quantile(0.99, scrape_duration_seconds{job=\"node\"})")
  ival=$(q "max(prometheus_target_interval_length_seconds{quantile=\"0.99\"})")
  rules=$(q "max(prometheus_rule_group_last_duration_seconds)")
  missed=$(q "sum(increase(prometheus_rule_group_iterations_missed_total[${w}s]))")
  ingested=$(q "rate(prometheus_tsdb_head_samples_appended_total[${w}s])")
  rw=$(q "sum(rate(prometheus_remote_storage_samples_total[${w}s]))")
  pending=$(q "sum(prometheus_remote_storage_samples_pending)")
  verdict=$(python3 - "$n" "$up" "$scrape" "$ival" "$rules" "$missed" "$interval_s" "$ingested" "$rw" <<'EOF'
import sys
n, up, scrape, ival, rules, missed, interval, ingested, rw = sys.argv[1:]
f = lambda s: float(s) if s != "nan" else 0.0
problems = []
if f(up) < int(n): problems.append(f"only {up} of {n} targets up")
if f(scrape) >= float(interval): problems.append("scrapes take longer than the interval")
if f(ival) > 1.2 * float(interval): problems.append("scrapes fall behind the interval")
if f(rules) >= float(interval) or f(missed) > 0: problems.append("rule evaluation misses its interval")
if f(rw) < 0.9 * f(ingested): problems.append("remote write falls behind ingestion")
print("ok" if not problems else "MISSED: " + "; ".join(problems))
EOF
)
  printf "%6s %9.0f %7.1f %8.0f %12.3f %14.2f %10.3f %8.0f %11.0f %14.0f %10.0f  %s\n" "$n" "$series" "$cpu" "$rss" \
    "$scrape" "$ival" "$rules" "$missed" "$ingested" "$rw" "$pending" "$verdict"
  if [ "$verdict" != ok ]; then break; fi
  largest=$n
done
echo "bench: largest fleet one Prometheus carried here without missing an interval or falling behind: $largest hosts"
echo "bench: load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

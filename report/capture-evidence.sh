#!/usr/bin/env bash
# A real end-to-end run on this machine that produces the report's evidence under report/evidence/:
#   1. local endpoints that answer like Discord, Slack and Telegram (report record-webhooks) log every notification;
#   2. the native stack (Prometheus, Alertmanager, the model mock, this host's node exporter) in a scratch dir;
#   3. the lab's stress sequence with stress-ng: load 2m, pause 3m, load 5m, 1m after; on THIS host, or in the
#      test VM with --vm-env;
#   4. if the model-serving module is built: normal -> faulty -> normal traffic against the store model service,
#      then the service stopped for 2 minutes and started again (self-monitoring: TargetDown to the monitoring webhook);
#   5. waits until the mock has 15 minutes of history, then runs `report evidence`.
# Throughout, the first time each alert of the lab fires, Prometheus's and Alertmanager's alert pages are saved
# (raw/alerts-NAME.*.json), and 4/5 into the second load htop's screen where the load runs (raw/htop.txt, drawn
# as htop.png).
#
#   report/capture-evidence.sh                 the lab's full sequence with the real 3-minute rule (~18 min)
#   report/capture-evidence.sh --compressed    durations / 6, host-cpu.for=30s, store rule 20s window/10s for
#                                              (~6 min; a smoke run of the whole path, not lab evidence)
#   flags: --port-offset N (default 10000: Prometheus on 19090 etc., clear of a running stack and of tests)
#          --out DIR (default report/evidence)   --no-store (skip the store model traffic)
#          --no-cpu (skip the stress sequence and htop: the store model and self-monitoring parts only, ~15 min)
#          --serving-jar JAR (default model-serving/target/model-serving.jar)
#          --vm-env FILE   the vm.env of a running test VM (vm-ansible/testvm/boot.sh): the load runs in the VM
#                          over SSH and Prometheus watches the VM's node exporter instead of this host's, in
#                          plain HTTP as the lab does: provision the VM in lab mode
#                          (ansible-playbook ... site.yml -e node_exporter_secure=false)
# The whole script is one function, read completely before it runs, and the line that calls it also exits:
# editing the file during a run is safe.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
main() {
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode=full offset=10000 out="$root/report/evidence" store=auto cpu=yes serving_jar="$root/model-serving/target/model-serving.jar" vm_env=""
while [ $# -gt 0 ]; do
  case "$1" in
    --compressed) mode=compressed ;;
    --full) mode=full ;;
    --port-offset) offset="$2"; shift ;;
    --out) out="$2"; shift ;;
    --no-store) store=no ;;
    --no-cpu) cpu=no ;;
    --serving-jar) serving_jar="$2"; shift ;;
    --vm-env) vm_env="$2"; shift ;;
    *) echo "capture-evidence: unknown argument '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$offset" =~ ^[0-9]+$ ]] && [ "$offset" -le 50000 ] || { echo "capture-evidence: --port-offset must be 0..50000" >&2; exit 2; }
for cmd in stress-ng prometheus prometheus-alertmanager prometheus-node-exporter curl jq tmux htop; do
  command -v "$cmd" >/dev/null || { echo "capture-evidence: $cmd not found: run scripts/install-deps.sh --test" >&2; exit 1; }
done
report_jar="$root/report/target/report.jar" stack_jar="$root/stack/target/stack-launcher.jar"
for jar in "$report_jar" "$stack_jar" "$root/modelmock/target/modelmock.jar"; do
  [ -f "$jar" ] || { echo "capture-evidence: $jar not found: run mvn package first" >&2; exit 1; }
done
if [ "$store" = auto ]; then
  if [ -f "$serving_jar" ]; then store=yes; else store=no; echo "capture-evidence: $serving_jar not built: no store model traffic"; fi
fi
[ "$cpu" = yes ] || [ "$store" = yes ] || { echo "capture-evidence: --no-cpu without the store model leaves nothing to capture" >&2; exit 2; }

# Durations: the lab's, or all divided by 6 (the rule's `for` too, so the 2-minute/5-minute logic still holds).
if [ "$mode" = full ]; then
  load1=120 pause=180 load2=300 after=60 warmup=60 traffic_normal=120 traffic_faulty=180 model_window=15m
  target_down=120 target_back=90
  rule_opts=()
else
  load1=20 pause=30 load2=50 after=10 warmup=15 traffic_normal=30 traffic_faulty=60 model_window=4m
  target_down=90 target_back=30
  rule_opts=(-Dlab.host-cpu.for=30s -Dlab.store.success-window=20s -Dlab.store.success-for=10s)
fi
cores=$(nproc)
# Where the CPU load runs: this host (stress-ng here, this host's node exporter) or the test VM over SSH.
if [ -n "$vm_env" ]; then
  [ -f "$vm_env" ] || { echo "capture-evidence: $vm_env not found (boot the VM: vm-ansible/testvm/boot.sh DIR)" >&2; exit 1; }
  SSH_PORT="" EXPORTER_PORT="" SSH_USER="" SSH_KEY=""
  # shellcheck disable=SC1090
  . "$vm_env"
  [ -n "$SSH_PORT" ] && [ -n "$EXPORTER_PORT" ] && [ -n "$SSH_USER" ] && [ -n "$SSH_KEY" ] \
    || { echo "capture-evidence: $vm_env lacks SSH_PORT, EXPORTER_PORT, SSH_USER or SSH_KEY" >&2; exit 1; }
  ssh_opts=(-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
            -i "$SSH_KEY" -p "$SSH_PORT")
  load=(ssh "${ssh_opts[@]}" "$SSH_USER@127.0.0.1" stress-ng --cpu 0 --timeout)
  top=(env TERM=xterm ssh -t "${ssh_opts[@]}" "$SSH_USER@127.0.0.1" htop)
  node_target="localhost:$EXPORTER_PORT" node_flag=() load_cores="all the VM's CPUs (--cpu 0)"
  cpu_where="the test VM ($SSH_USER@127.0.0.1:$SSH_PORT, Debian under QEMU, not AlmaLinux)"
else
  load=(stress-ng --cpu "$cores" --timeout)
  top=(env TERM=xterm htop)
  node_flag=(--with-node-exporter) load_cores="$cores"
  cpu_where="this host, $(hostname) ($cores cores), the machine that runs the stack (no VM)"
fi
prom_port=$((9090 + offset)) am_port=$((9093 + offset)) mock_port=$((9000 + offset))
node_port=$((9100 + offset)) store_port=$((8000 + offset))
node_target=${node_target:-localhost:$node_port}
opts=(-Dlab.prometheus.port=$prom_port -Dlab.alertmanager.port=$am_port -Dlab.model-mock.port=$mock_port
      -Dlab.node-exporter.port=$node_port -Dlab.targets.node=$node_target -Dlab.store-model.port=$store_port
      "${rule_opts[@]}")

work="$(mktemp -d /tmp/capture-evidence.XXXXXX)"
phases="$work/phases.csv" messages="$work/messages.jsonl"
echo "scenario,phase,expect,start,end" > "$phases"
pids=()
top_session="capture-evidence-$$"
cleanup() {
  tmux kill-session -t "$top_session" 2>/dev/null || true
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
log() { echo "capture-evidence: $(date -u +%H:%M:%S) $*"; }
await_url() {  # url seconds pid log: polls until the URL answers, the deadline passes or the process dies
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "capture-evidence: the process behind $1 exited; the end of $4:" >&2; tail -5 "$4" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "capture-evidence: $1 not ready after $2 s; see $4" >&2; exit 1; }
    sleep 0.5
  done
}
dur() { local s=$1; if [ $((s % 60)) -eq 0 ]; then echo "$((s / 60))m"; elif [ "$s" -lt 60 ]; then echo "${s}s"; else echo "$((s / 60))m$((s % 60))s"; fi; }
kill_and_wait() {  # pid seconds: stops the process, then waits
  kill "$1" 2>/dev/null || { echo "capture-evidence: process $1 had already exited" >&2; return 1; }
  wait "$1" 2>/dev/null || true
  sleep "$2"
}
phase() {  # scenario name expect command...
  local scenario=$1 name=$2 expect=$3 start; shift 3
  start=$(now); log "$scenario: $name ($*)"
  "$@" > "$work/$scenario-$(echo "$name" | tr ' ' '-').log" 2>&1
  echo "$scenario,$name,$expect,$start,$(now)" >> "$phases"
}

# The first time each alert fires, its entries on Prometheus's /api/v1/alerts and Alertmanager's /api/v2/alerts,
# saved together (both pages while it fires, annotations included).
snapshot_alerts() {
  local name v1 v2
  while true; do
    for name in ModelMockHighAccuracy HostHighCpuLoad StoreSuccessRateLow StoreModelInputDrift TargetDown; do
      [ -s "$work/alerts-$name.alertmanager.json" ] && continue
      v1=$(curl -fsS "http://127.0.0.1:$prom_port/api/v1/alerts" 2>/dev/null \
        | jq --arg n "$name" '[.data.alerts[] | select(.labels.alertname == $n and .state == "firing")]') || continue
      [ "$(jq length <<<"$v1")" -gt 0 ] || continue
      v2=$(curl -fsS -G "http://127.0.0.1:$am_port/api/v2/alerts" --data-urlencode "filter=alertname=\"$name\"" 2>/dev/null \
        | jq '.') || continue
      [ "$(jq length <<<"$v2")" -gt 0 ] || continue
      echo "$v1" > "$work/alerts-$name.prometheus.json"
      echo "$v2" > "$work/alerts-$name.alertmanager.json"
      log "saved the alert pages while $name fires"
    done
    sleep 5
  done
}

log "mode $mode, work dir $work, Prometheus on :$prom_port, $cores cores on $(hostname)"
total=$((load1 + pause + load2 + after + 120))
java -jar "$report_jar" record-webhooks --env "$work/webhooks.env" --log "$messages" \
  --duration "$((total + 3600))s" > "$work/record-webhooks.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/webhooks.env" ] && break; sleep 0.2; done
[ -s "$work/webhooks.env" ] || { echo "capture-evidence: the webhook recorder did not start; see $work/record-webhooks.log" >&2; exit 1; }
set -a; . "$work/webhooks.env"; set +a
opts+=(-Dlab.telegram.api-url="$TELEGRAM_API_URL")

# The store model service is started here, not by the launcher: the launcher would send it steady traffic of its
# own, and it stops the whole stack when one of its processes dies (the self-monitoring phase kills this one).
store_flag=()
if [ "$store" = yes ]; then
  store_flag=(--no-store-model)
  model_dir="$work/store-model"
  log "training the store model"
  java -jar "$serving_jar" generate --out "$work/stores_dataset.csv" > "$work/serving-generate.log" 2>&1
  java -jar "$serving_jar" train --data "$work/stores_dataset.csv" --out "$model_dir" > "$work/serving-train.log" 2>&1
fi
java "${opts[@]}" -jar "$stack_jar" "${node_flag[@]}" "${store_flag[@]}" --work-dir "$work/stack" > "$work/stack.log" 2>&1 &
pids+=($!)
await_url "http://127.0.0.1:$prom_port/-/ready" 90 "${pids[-1]}" "$work/stack.log"
await_url "http://127.0.0.1:$mock_port/metrics" 60 "${pids[-1]}" "$work/stack.log"
if [ "$store" = yes ]; then
  java -jar "$serving_jar" serve --model "$model_dir" --port "$store_port" --host 127.0.0.1 > "$work/serving.log" 2>&1 &
  pids+=($!)
  serving_pid=$!
  await_url "http://127.0.0.1:$store_port/metrics" 60 "$serving_pid" "$work/serving.log"
fi
snapshot_alerts &
pids+=($!)
started=$SECONDS
log "stack up; baseline for ${warmup}s"
sleep "$warmup"

# The lab's sequence (7.5.2): no alert after 2 minutes of load, an alert after ~3 of the 5, a resolve after.
if [ "$cpu" = yes ]; then
  phase cpu "load $(dur $load1)" quiet "${load[@]}" "${load1}s"
  phase cpu "pause $(dur $pause)" quiet sleep "$pause"
  # htop where the load runs, in a detached tmux pane; its screen is saved 4/5 into the second load
  tmux new-session -d -s "$top_session" -x 132 -y 32 "${top[@]}" 2>/dev/null || log "tmux could not start htop: no htop screen"
  ( sleep $((load2 * 4 / 5)); tmux capture-pane -p -t "$top_session" > "$work/htop.txt" 2>/dev/null \
      && log "saved htop's screen" ) &
  pids+=($!)
  phase cpu "load $(dur $load2)" alert "${load[@]}" "${load2}s"
  tmux kill-session -t "$top_session" 2>/dev/null || true
  phase cpu "after" quiet sleep "$after"
fi

if [ "$store" = yes ]; then
  url="http://127.0.0.1:$store_port"
  phase store "normal" quiet java -jar "$serving_jar" traffic --scenario normal --url "$url" --rate 20 --duration "${traffic_normal}s" --quiet
  phase store "faulty" alert java -jar "$serving_jar" traffic --scenario faulty --url "$url" --rate 20 --duration "${traffic_faulty}s" --quiet
  phase store "normal again" quiet java -jar "$serving_jar" traffic --scenario normal --url "$url" --rate 20 --duration "${traffic_normal}s" --quiet
  sleep 60   # the store chart ends 60 s after its last phase: keep the stop below out of it

  # Self-monitoring: the service dies; TargetDown (up == 0 for 1m) must reach the monitoring webhook, then resolve.
  phase self "store model stopped" alert kill_and_wait "$serving_pid" "$target_down"
  java -jar "$serving_jar" serve --model "$model_dir" --port "$store_port" --host 127.0.0.1 >> "$work/serving.log" 2>&1 &
  pids+=($!)
  await_url "http://127.0.0.1:$store_port/metrics" 60 "${pids[-1]}" "$work/serving.log"
  phase self "store model running again" quiet sleep "$target_back"
fi

window_s=$(( ${model_window%m} * 60 ))
rest=$((window_s - (SECONDS - started)))
if [ $rest -gt 0 ]; then log "waiting ${rest}s more so the mock has $model_window of history"; sleep "$rest"; fi

cpu_source="$cpu_where: stress-ng on $load_cores; mode $mode"
java "${opts[@]}" -jar "$report_jar" evidence --prometheus "http://127.0.0.1:$prom_port" \
  --alertmanager "http://127.0.0.1:$am_port" --out "$out" --phases "$phases" --messages "$messages" \
  --model-window "$model_window" --cpu-source "$cpu_source"
java -jar "$report_jar" firing-model --hours 1000 --seed 1 --out "$out/firing-model.md" > /dev/null
mkdir -p "$out/raw"
# lab 7.1 and 7.5.1: what the mock and the node exporter serve over HTTP, as Prometheus scrapes it
curl -fsS "http://127.0.0.1:$mock_port/metrics" > "$out/raw/modelmock-metrics.txt"
curl -fsS "http://${node_target/localhost/127.0.0.1}/metrics" | grep -E '^(# (HELP|TYPE) )?node_(cpu_seconds_total|uname_info|load1)' \
  | head -20 > "$out/raw/node-exporter-metrics.txt" || true
cp "$phases" "$out/raw/phases.csv"
rm -f "$out"/raw/alerts-*.json
for f in "$work"/alerts-*.json "$work/htop.txt"; do [ -f "$f" ] && cp "$f" "$out/raw/"; done
if [ -s "$work/htop.txt" ]; then
  java -jar "$report_jar" terminal-png --in "$work/htop.txt" --out "$out/htop.png" \
    --caption "htop on $cpu_where, 4/5 into the $(dur "$load2") load ($(date -u +%Y-%m-%d))" > /dev/null
fi
cp "$messages" "$out/raw/messages.jsonl"
{ echo "mode=$mode"; echo "captured=$(now)"; echo "host=$(hostname) cores=$cores"; echo "kernel=$(uname -r)";
  if [ "$cpu" = yes ]; then echo "cpu load on: $cpu_where"; else echo "cpu load: none (--no-cpu)"; fi
  # the binaries the launcher ran (the current releases when fetched, else Debian's), as its summary names them
  grep -m1 -E '^ +versions ' "$work/stack.log" | sed -E 's/^ +versions +/versions: /'
  stress-ng --version 2>&1 | head -1
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/raw/run.txt"
if [ "$(cd "$out" && pwd)" = "$root/report/evidence" ]; then
  java -jar "$report_jar" embed --report "$root/report/REPORT.md" --evidence "$out"
fi
log "done: evidence in $out (raw inputs in $out/raw, logs in $work)"
}
main "$@"; exit $?

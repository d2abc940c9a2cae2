#!/usr/bin/env bash
# The lab's demonstration of HostHighCpuLoad (7.5.2), full length, against the running stack:
#   stress-ng for 2 minutes (no alert expected), pause 3 minutes, stress-ng for 5 minutes (alert after
#   about 3 minutes, resolved soon after the load ends), then a timeline like the lab's example.
# Alert times are read from Prometheus (ALERTS series, polled every second); Alertmanager sends the
# Discord message within about a second of them (group_wait 0s).
#
# Usage: demo-cpu-alert.sh [--prometheus URL] SSH_DESTINATION [SSH_OPTION...]
#   ./demo-cpu-alert.sh vagrant@192.168.56.10
#   ./demo-cpu-alert.sh lab@127.0.0.1 -p 34721 -i /tmp/testvm.XXXX/id_ed25519     (the test VM)
# Env: DEMO_LOAD1_SECONDS=120 DEMO_PAUSE_SECONDS=180 DEMO_LOAD2_SECONDS=300 DEMO_AFTER_SECONDS=60
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail

prometheus="http://localhost:9090"
if [[ "${1:-}" == "--prometheus" ]]; then
    prometheus="${2:?--prometheus needs a URL}"
    shift 2
fi
if [[ $# -lt 1 || "$1" == -* ]]; then
    echo "usage: demo-cpu-alert.sh [--prometheus URL] SSH_DESTINATION [SSH_OPTION...]" >&2
    exit 2
fi
destination="$1"; shift
ssh_cmd=(ssh -o BatchMode=yes -o ConnectTimeout=10 -o LogLevel=ERROR "$@" "$destination")
load1="${DEMO_LOAD1_SECONDS:-120}" pause="${DEMO_PAUSE_SECONDS:-180}"
load2="${DEMO_LOAD2_SECONDS:-300}" after="${DEMO_AFTER_SECONDS:-60}"
for n in "$load1" "$pause" "$load2" "$after"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "demo-cpu-alert.sh: DEMO_*_SECONDS must be whole seconds, not '$n'" >&2; exit 2; }
done
for tool in curl python3 ssh; do
    command -v "$tool" >/dev/null || { echo "demo-cpu-alert.sh: $tool not found: apt-get install ${tool/ssh/openssh-client}" >&2; exit 1; }
done
curl -fsS -o /dev/null "$prometheus/-/ready" 2>/dev/null \
    || { echo "demo-cpu-alert.sh: Prometheus does not answer at $prometheus (start the stack, or pass --prometheus)" >&2; exit 1; }
"${ssh_cmd[@]}" 'command -v stress-ng' >/dev/null \
    || { echo "demo-cpu-alert.sh: no stress-ng on $destination (run ansible-playbook site.yml first)" >&2; exit 1; }

# query EXPR -> the first value of an instant query, or "none"
query() {
    curl -fsS --get --data-urlencode "query=$1" "$prometheus/api/v1/query" | python3 -c '
import json, sys
r = json.load(sys.stdin)["data"]["result"]
print(r[0]["value"][1] if r else "none")'
}
alert_state() {
    local firing pending
    firing="$(query 'count(ALERTS{alertname="HostHighCpuLoad",alertstate="firing"})')"
    [[ "$firing" != none ]] && { echo firing; return; }
    pending="$(query 'count(ALERTS{alertname="HostHighCpuLoad",alertstate="pending"})')"
    [[ "$pending" != none ]] && { echo pending; return; }
    echo none
}
busy() {
    local v
    v="$(query 'max(100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[15s]))))')"
    [[ "$v" == none ]] && echo "?" || printf '%.0f' "$v"
}

events="$(mktemp)"
poller_pid=""
trap '[[ -n "$poller_pid" ]] && kill "$poller_pid" 2>/dev/null; rm -f "$events"' EXIT
# Records every change of the alert's firing state with its time.
(
    last=none
    while true; do
        state="$(alert_state 2>/dev/null || echo "$last")"
        if [[ "$state" == firing && "$last" != firing ]]; then echo "FIRING $(date +%s)" >>"$events"; fi
        if [[ "$state" != firing && "$last" == firing ]]; then echo "RESOLVED $(date +%s)" >>"$events"; fi
        last="$state"
        sleep 1
    done
) &
poller_pid=$!

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# wait_for SECONDS LABEL [PID]: progress every 30 s until the time is up (or the process ends)
wait_for() {
    local total="$1" label="$2" pid="${3:-}" start=$SECONDS
    while (( SECONDS - start < total + 30 )); do
        if [[ -n "$pid" ]]; then kill -0 "$pid" 2>/dev/null || return 0; elif (( SECONDS - start >= total )); then return 0; fi
        sleep 1
        if (( (SECONDS - start) % 30 == 0 )); then
            say "$label: $((SECONDS - start)) s of $total s, CPU busy $(busy) %, HostHighCpuLoad: $(alert_state)"
        fi
    done
}

stress() {  # stress SECONDS LABEL -> start and end times in $started and $ended
    say "$2: stress-ng --cpu 0 --timeout ${1}s on $destination"
    local out; out="$(mktemp)"
    "${ssh_cmd[@]}" "stress-ng --cpu 0 --timeout ${1}s 2>&1" >"$out" 2>&1 &
    local pid=$! waited=0
    # The load starts when stress-ng has dispatched its workers, not when SSH was called.
    until grep -q "dispatching hogs" "$out" || ! kill -0 "$pid" 2>/dev/null || (( waited >= 600 )); do
        sleep 0.2; waited=$((waited + 1))
    done
    started=$(date +%s)
    wait_for "$1" "$2" "$pid"
    wait "$pid" || { cat "$out" >&2; rm -f "$out"; echo "demo-cpu-alert.sh: stress-ng failed on $destination" >&2; exit 1; }
    ended=$(date +%s)
    rm -f "$out"
}

stress "$load1" "first load"; t1_start=$started; t1_end=$ended
say "pause of $pause s"
wait_for "$pause" "pause"
stress "$load2" "second load"; t2_start=$started; t2_end=$ended
say "waiting $after s for the resolve"
wait_for "$after" "after the load"

clock() { date -u -d "@$1" +%H:%M:%S; }
delay() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
echo
printf '%-22s %-9s %s\n' event UTC delay
printf '%-22s %-9s\n' "first load start" "$(clock "$t1_start")"
printf '%-22s %-9s %s\n' "first load end" "$(clock "$t1_end")" "$(delay $((t1_end - t1_start))) after its start"
printf '%-22s %-9s\n' "second load start" "$(clock "$t2_start")"
early=$(awk -v t="$t2_start" '$2 < t' "$events" | wc -l)
row() {  # row KIND LABEL REFERENCE_TIME REFERENCE_NAME
    awk -v k="$1" '$1 == k {print $2}' "$events" | while read -r at; do
        printf '%-22s %-9s %s\n' "$2" "$(clock "$at")" "$(delay $((at - $3))) after the $4"
    done
}
row FIRING "alert FIRING" "$t2_start" "second load start"
printf '%-22s %-9s %s\n' "second load end" "$(clock "$t2_end")" "$(delay $((t2_end - t2_start))) after its start"
row RESOLVED "alert RESOLVED" "$t2_end" "second load end"
echo
if (( early > 0 )); then
    echo "UNEXPECTED: the alert changed state $early time(s) before the second load (the first load alone must not fire)"
    exit 1
fi
grep -q FIRING "$events" || { echo "UNEXPECTED: the alert never fired during the second load"; exit 1; }
grep -q RESOLVED "$events" || { echo "UNEXPECTED: the alert did not resolve within $after s of the load's end"; exit 1; }
echo "as expected: no alert for the first load, FIRING during the second, RESOLVED after it"

#!/usr/bin/env bash
# Stops the VM that boot.sh started in WORKDIR (the overlay goes with it; the cached image is untouched).
# Usage: stop.sh WORKDIR
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: stop.sh WORKDIR" >&2; exit 2; }
pidfile="$1/qemu.pid"
[[ -f "$pidfile" ]] || exit 0
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$pidfile" "$1/overlay.qcow2"
echo "[testvm] stopped VM $pid" >&2

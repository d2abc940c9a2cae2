#!/usr/bin/env bash
# A Docker engine of the compose tests' own, never the system's: its socket, pid file and exec root in RUN_DIR,
# its data root (images, kept between runs) under ${LAB_CACHE_DIR:-~/.cache/monitoring-lab}/docker/engine.
# Other programs on this machine decide "Docker present" from `docker info` on the default socket; this engine
# never listens there. Containers get no route out (no iptables rules, no masquerading): the test's hosts only.
#   compose-tests/engine.sh start RUN_DIR   start it, wait until it answers, print DOCKER_HOST=unix://...
#   compose-tests/engine.sh stop RUN_DIR    remove every container it runs, stop it, remove RUN_DIR
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
cache="${LAB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/monitoring-lab}/docker"
cmd=${1:-} run=${2:-}
fail() { echo "engine: $*" >&2; exit 1; }
[ -n "$run" ] || { echo "usage: $0 start|stop RUN_DIR" >&2; exit 2; }
sock="$run/docker.sock"
export DOCKER_HOST="unix://$sock"

case "$cmd" in
  start)
    command -v dockerd >/dev/null || fail "dockerd not found: install the Debian package 'docker.io' (scripts/install-deps.sh --test)"
    [ "$(id -u)" -eq 0 ] || fail "dockerd needs root"
    mkdir -p "$run" "$cache/engine"
    # one engine per data root: the lock goes with dockerd, which inherits it
    exec 9>"$cache/engine.lock"
    flock -n 9 || fail "another compose test's engine uses $cache/engine (lock $cache/engine.lock)"
    setsid dockerd --data-root "$cache/engine" --exec-root "$run/exec" --pidfile "$run/dockerd.pid" -H "$DOCKER_HOST" \
      --iptables=false --ip-masq=false --userland-proxy=true --log-level=warn >"$run/dockerd.log" 2>&1 9>&9 &
    exec 9>&-
    for _ in $(seq 120); do
      if docker info >/dev/null 2>&1; then break; fi
      if ! kill -0 $! 2>/dev/null; then fail "dockerd exited: $(tail -3 "$run/dockerd.log" | tr '\n' ' ')"; fi
      sleep 0.5
    done
    docker info >/dev/null 2>&1 || fail "dockerd did not answer within 60 s: $(tail -3 "$run/dockerd.log" | tr '\n' ' ')"
    # what an earlier run that was killed may have left: containers (restart policies), networks, volumes
    ids=$(docker ps -aq)
    [ -z "$ids" ] || docker rm -f $ids >/dev/null
    docker network prune -f >/dev/null
    docker volume prune -f >/dev/null 2>&1 || true
    echo "DOCKER_HOST=$DOCKER_HOST"
    ;;
  stop)
    if [ -S "$sock" ] && docker info >/dev/null 2>&1; then
      ids=$(docker ps -aq)
      [ -z "$ids" ] || docker rm -f $ids >/dev/null
    fi
    if [ -f "$run/dockerd.pid" ]; then
      pid=$(cat "$run/dockerd.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    # what dockerd leaves mounted in its exec root (the default network namespace)
    awk -v r="$run/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount -l "$m" || true; done
    rm -rf "$run"
    ;;
  *) echo "usage: $0 start|stop RUN_DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Brings the whole stack up from the jars and stack/generated/ (run `mvn package` first; ../run.sh does both).
#   stack/up.sh [--native] [launcher options]   options: stack/up.sh --native --help, or stack/README.md
#   stack/up.sh --check-not-running [--work-dir DIR]   exit 1 with a message when a stack already runs
# With a Docker engine: docker compose (stack/.env and a Grafana password are made on the first run), then the
# summary of services and targets. Without one (or with --native): the native launcher, which does the same with
# the distribution's binaries. Either way Ctrl+C stops everything and exits 0.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/stack-launcher.jar"
compose=(docker compose -f "$here/docker-compose.yml")

docker_engine() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

# A running stack is refused before anything is rebuilt or started: the launcher's lock file names its pid.
check_not_running() {
  local data="$here/data" pid
  if [ "${1:-}" = "--work-dir" ] && [ -n "${2:-}" ]; then data="$2/data"; fi
  if [ -f "$data/launcher.lock" ]; then
    pid=$(sed -n 's/^pid \([0-9][0-9]*\),.*/\1/p' "$data/launcher.lock")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q stack-launcher; then
      echo "up: the stack is already running ($(head -1 "$data/launcher.lock")); stop it with Ctrl+C in its terminal first" >&2
      return 1
    fi
  fi
  if docker_engine && [ -n "$("${compose[@]}" ps -q --status running 2>/dev/null)" ]; then
    echo "up: the stack is already running in Docker (docker compose -f stack/docker-compose.yml ps);" \
         "stop it with Ctrl+C in its terminal first" >&2
    return 1
  fi
}

if [ "${1:-}" = "--check-not-running" ]; then shift; check_not_running "$@"; exit; fi
[ -f "$jar" ] || { echo "up: $jar not found: run mvn package first" >&2; exit 1; }
native=false
if [ "${1:-}" = "--native" ]; then native=true; shift; fi

if ! $native && docker_engine; then
  [ -f "$here/generated/prometheus/prometheus.yml" ] || { echo "up: stack/generated/ is empty: run mvn package first" >&2; exit 1; }
  check_not_running
  java ${LAB_JAVA_OPTS:-} -jar "$jar" compose-env --uid "$(id -u)" --gid "$(id -g)"
  stop() { echo "up: stopping"; "${compose[@]}" stop; exit 0; }
  trap stop INT TERM
  echo "up: docker compose up (the first run builds the store model's image and pulls the others)"
  # no --wait: it can exit 1 when the one-shot volume-owner completes (docker/compose#10596); the summary waits
  "${compose[@]}" up -d --build "$@"
  java ${LAB_JAVA_OPTS:-} -jar "$jar" summary
  echo "up: running; Ctrl+C stops everything (the services' logs follow)"
  "${compose[@]}" logs -f --since 1s || true
  stop
fi

echo "up: starting the native stack (no Docker engine, or --native)"
# LAB_JAVA_OPTS may carry settings overrides, e.g. LAB_JAVA_OPTS=-Dlab.prometheus.port=19090
exec java ${LAB_JAVA_OPTS:-} -jar "$jar" "$@"

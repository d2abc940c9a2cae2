#!/usr/bin/env bash
# Brings the whole stack up from the jars and stack/generated/ (run `mvn package` first; ../run.sh does both).
#   stack/up.sh [--native] [launcher options]   options: stack/up.sh --native --help, or stack/README.md
#   stack/up.sh --check-not-running [--work-dir DIR]   exit 1 with a message when a stack already runs
#   stack/up.sh --choose    print which way the stack would run and why (one line on stderr), then `compose` or
#                           `native` on stdout; exit 1 when Docker is there but cannot be used
# The way is chosen before anything is written: a Docker engine that answers and `docker compose` (v2), else
# `docker-compose` (v1, 1.29 or later) -> compose; no engine, or no compose at all -> the native launcher, which
# does the same with the distribution's binaries. Compose first writes stack/.env and, on the first run, a Grafana
# password, then prints the summary of services and targets. Either way Ctrl+C stops everything and exits 0.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/stack-launcher.jar"
compose=() compose_name= way=native reason=

# Sets compose=(...) and way=compose|native, and says why in `reason`; returns 1 (reason says why) when Docker is
# installed and answers, but in a way the stack cannot use.
choose() {
  way=native compose=()
  if ! command -v docker >/dev/null; then reason="no docker command on PATH"; return 0; fi
  local info
  if ! info=$(docker info --format '{{.ServerVersion}}' 2>&1); then
    info=$(printf '%s\n' "$info" | grep -v '^\s*$' | tail -1)
    case "$info" in
      *"Cannot connect to the Docker daemon"*|*"connect: no such file or directory"*|*"connect: connection refused"*)
        reason="the docker command is installed, but no Docker engine answers (${DOCKER_HOST:-unix:///var/run/docker.sock})"
        return 0 ;;
    esac
    reason="a Docker engine is there but does not work: $info; fix it, or run ./run.sh --native"
    return 1
  fi
  local engine=$info version
  if version=$(docker compose version --short 2>/dev/null) && [ -n "$version" ]; then
    version=${version#v}
    if [ "${version%%.*}" -lt 2 ] 2>/dev/null; then
      reason="docker compose $version is too old (2.0 or later needed); update it, or run ./run.sh --native"
      return 1
    fi
    way=compose compose=(docker compose -f "$here/docker-compose.yml") compose_name="docker compose"
    reason="Docker engine $engine answers and docker compose $version (v2) is installed"
    return 0
  fi
  if command -v docker-compose >/dev/null; then
    version=$(docker-compose version --short 2>/dev/null || true)
    version=${version#v}
    local major=${version%%.*} rest=${version#*.}
    local minor=${rest%%.*}
    # profiles and depends_on: service_completed_successfully came with 1.29
    if ! [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || { [ "$major" -eq 1 ] && [ "$minor" -lt 29 ]; } \
        || [ "$major" -lt 1 ]; then
      reason="docker-compose ${version:-(version unknown)} is too old (1.29 or later, or docker compose v2, needed);"
      reason+=" update it, or run ./run.sh --native"
      return 1
    fi
    way=compose compose=(docker-compose -f "$here/docker-compose.yml") compose_name=docker-compose
    reason="Docker engine $engine answers; docker compose v2 is missing, docker-compose $version (v1) is installed"
    return 0
  fi
  reason="Docker engine $engine answers, but neither docker compose (v2) nor docker-compose (v1) is installed"
  reason+=" (install docker-compose-plugin for the compose path)"
  return 0
}

announce() {
  if [ "$way" = compose ]; then echo "up: compose ($compose_name): $reason" >&2
  else echo "up: native stack: $reason" >&2; fi
}

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
  if [ ${#compose[@]} -eq 0 ]; then choose >/dev/null 2>&1 || true; fi
  if [ ${#compose[@]} -gt 0 ] && [ -n "$("${compose[@]}" ps -q --status running 2>/dev/null)" ]; then
    echo "up: the stack is already running in Docker ($compose_name -f stack/docker-compose.yml ps);" \
         "stop it with Ctrl+C in its terminal first" >&2
    return 1
  fi
}

case "${1:-}" in
  --check-not-running) shift; check_not_running "$@"; exit ;;
  --choose)
    if choose; then announce; echo "$way"; exit 0; fi
    echo "up: $reason" >&2; exit 1 ;;
esac
[ -f "$jar" ] || { echo "up: $jar not found: run mvn package first" >&2; exit 1; }
native=false quiet=false
case "${1:-}" in
  --native) native=true; shift ;;
  # ../run.sh has announced the choice already
  --compose) quiet=true; shift ;;
esac
if ! $native && [ "${1:-}" = --native ]; then native=true; shift; fi

if ! $native; then
  if ! choose; then echo "up: $reason" >&2; exit 1; fi
  $quiet || announce
fi

if [ "$way" = compose ] && ! $native; then
  [ -f "$here/generated/prometheus/prometheus.yml" ] || { echo "up: stack/generated/ is empty: run mvn package first" >&2; exit 1; }
  check_not_running
  # checks every port the services will take before it writes anything
  java ${LAB_JAVA_OPTS:-} -jar "$jar" compose-env --check-ports --uid "$(id -u)" --gid "$(id -g)"
  stop() { trap '' INT TERM; echo "up: stopping"; "${compose[@]}" stop; exit 0; }
  trap stop INT TERM
  echo "up: $compose_name up (the first run builds the store model's image and pulls the others)"
  # no --wait: it can exit 1 when the one-shot volume-owner completes (docker/compose#10596); the summary waits
  log=$(mktemp); trap 'rm -f "$log"' EXIT
  if ! "${compose[@]}" up -d --build "$@" 2>&1 | tee "$log"; then
    echo "up: $compose_name up failed: $(grep -v '^\s*$' "$log" | tail -1); removing what it created" >&2
    "${compose[@]}" down >/dev/null 2>&1 || true
    exit 1
  fi
  java ${LAB_JAVA_OPTS:-} -jar "$jar" summary
  echo "up: running; Ctrl+C stops everything (the services' logs follow)"
  # --tail=0, not --since: docker-compose v1 has no --since
  "${compose[@]}" logs -f --tail=0 || true
  stop
fi

# LAB_JAVA_OPTS may carry settings overrides, e.g. LAB_JAVA_OPTS=-Dlab.prometheus.port=19090
exec java ${LAB_JAVA_OPTS:-} -jar "$jar" "$@"

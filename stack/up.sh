#!/usr/bin/env bash
# Brings the stack up from stack/generated/ (run `mvn package` first; ../run.sh does both).
# With a Docker engine: docker compose. Without one (or with --native): the native launcher, which starts the
# distribution's Prometheus and Alertmanager and the model mock with the same generated configs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
native=false
if [ "${1:-}" = "--native" ]; then native=true; shift; fi
if ! $native && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  [ -f "$here/.env" ] || { echo "up: create stack/.env first: cp stack/.env.example stack/.env (set LAB_UID=$(id -u) LAB_GID=$(id -g))" >&2; exit 1; }
  [ -s "$here/secrets/grafana_admin_password" ] || { echo "up: put a Grafana admin password in stack/secrets/grafana_admin_password (see stack/secrets/README.md)" >&2; exit 1; }
  [ -f "$here/generated/prometheus/prometheus.yml" ] && [ -f "$here/generated/prometheus/flags.env" ] || { echo "up: stack/generated/ is empty: run mvn package first" >&2; exit 1; }
  # Prometheus flags from the settings (e.g. prometheus.for-grace-period) for the compose file's command
  set -a; . "$here/generated/prometheus/flags.env"; set +a
  echo "up: docker compose (start the model mock on the host: java -jar modelmock/target/modelmock.jar)"
  exec docker compose -f "$here/docker-compose.yml" up "$@"
fi
jar="$here/target/stack-launcher.jar"
[ -f "$jar" ] || { echo "up: $jar not found: run mvn package first" >&2; exit 1; }
echo "up: no Docker engine (or --native): starting the native stack"
# LAB_JAVA_OPTS may carry settings overrides, e.g. LAB_JAVA_OPTS=-Dlab.prometheus.port=19090
exec java ${LAB_JAVA_OPTS:-} -jar "$jar" "$@"

#!/usr/bin/env bash
# The main job: build everything, generate every config, bring the whole stack up, print what runs where.
#   ./run.sh             a Docker engine with docker compose (v2) or docker-compose (v1.29+): compose; otherwise
#                        the native stack. One line says which and why before anything is built or written.
#   ./run.sh --native    always the native stack (flags after it go to the launcher, see stack/README.md)
#   ./run.sh --ha        the native highly available stack (two Prometheus replicas, two Alertmanagers,
#                        VictoriaMetrics); with Docker, set ha.enabled=true in stack/settings.properties instead
# Ctrl+C stops everything. A second ./run.sh while one runs is refused before it rebuilds anything.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
cd "$(dirname "$0")"
native_args=("$@")
[ "${1:-}" = "--native" ] && native_args=("${@:2}")
# --ha is a launcher flag: it always means the native stack
if [ "${1:-}" = "--ha" ]; then set -- --native "$@"; fi
if [ "${1:-}" = "--native" ]; then
  way=native
  echo "run: native stack: --native" >&2
else
  # exit 1 with one line when Docker is there but unusable (a broken engine, a compose too old)
  way=$(stack/up.sh --choose)
fi
work_dir=()
for ((i = 0; i < ${#native_args[@]}; i++)); do
  if [ "${native_args[i]}" = "--work-dir" ]; then work_dir=(--work-dir "${native_args[i + 1]:-}"); fi
done
stack/up.sh --check-not-running "${work_dir[@]}"
if [ "$way" = native ]; then
  scripts/install-deps.sh --run
fi
echo "run: mvn package (builds the jars, generates stack/generated/)"
mvn -q -B package -DskipTests
if [ "$way" = native ]; then
  [ "${1:-}" = "--native" ] && shift
  exec stack/up.sh --native "$@"
fi
exec stack/up.sh --compose "$@"

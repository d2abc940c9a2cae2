#!/usr/bin/env bash
# The main job: build everything, generate every config, bring the whole stack up, print what runs where.
#   ./run.sh             Docker engine present: docker compose; otherwise the native stack
#   ./run.sh --native    always the native stack (flags after it go to the launcher, see stack/README.md)
# Ctrl+C stops everything. A second ./run.sh while one runs is refused before it rebuilds anything.
set -euo pipefail
cd "$(dirname "$0")"
native_args=("$@")
[ "${1:-}" = "--native" ] && native_args=("${@:2}")
if [ -x stack/up.sh ]; then
  work_dir=()
  for ((i = 0; i < ${#native_args[@]}; i++)); do
    if [ "${native_args[i]}" = "--work-dir" ]; then work_dir=(--work-dir "${native_args[i + 1]:-}"); fi
  done
  stack/up.sh --check-not-running "${work_dir[@]}"
fi
if ! { command -v docker >/dev/null && docker info >/dev/null 2>&1; } || [ "${1:-}" = "--native" ]; then
  scripts/install-deps.sh --run
fi
echo "run: mvn package (builds the jars, generates stack/generated/)"
mvn -q -B package -DskipTests
exec stack/up.sh "$@"

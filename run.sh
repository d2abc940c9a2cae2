#!/usr/bin/env bash
# The main job: build everything, generate every config, bring the stack up.
#   ./run.sh             Docker engine present: docker compose up; otherwise the native stack + the model mock
#   ./run.sh --native    always the native stack (flags after it go to the launcher, see stack/README.md)
set -euo pipefail
cd "$(dirname "$0")"
if ! { command -v docker >/dev/null && docker info >/dev/null 2>&1; } || [ "${1:-}" = "--native" ]; then
  scripts/install-deps.sh --run
fi
echo "run: mvn package (builds the jars, generates stack/generated/)"
mvn -q -B package -DskipTests
exec stack/up.sh "$@"

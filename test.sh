#!/usr/bin/env bash
# Installs what the tests need, then runs every unit test (surefire) and integration test (failsafe).
# Extra arguments go to Maven, e.g. ./test.sh -pl stack -am
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh --test
exec mvn -B verify "$@"

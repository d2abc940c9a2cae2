#!/usr/bin/env bash
# Installs what the tests need, then runs every unit test (surefire) and integration test (failsafe).
# Extra arguments go to Maven, e.g. ./test.sh -pl stack -am
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh --test
exec mvn -B verify "$@"

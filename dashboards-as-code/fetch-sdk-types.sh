#!/usr/bin/env bash
# Fetches the TypeScript flavour of the Grafana Foundation SDK (npm), whose type declarations the tests compare
# the Java builders' names with: target/foundation-sdk-ts/node_modules/@grafana/grafana-foundation-sdk/dist.
# Run by `mvn test` (generate-test-resources); safe to run again, it does nothing when the version is in place.
set -euo pipefail

version=${FOUNDATION_SDK_TS_VERSION:-0.0.21}
here=$(cd "$(dirname "$0")" && pwd)
prefix="$here/target/foundation-sdk-ts"
pkg="$prefix/node_modules/@grafana/grafana-foundation-sdk"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fetch-sdk-types: '$tool' not found; install the Debian packages nodejs and npm" \
         "(apt-get install -y nodejs npm, or scripts/install-deps.sh --test)" >&2
    exit 1
  fi
done

if [ -f "$pkg/package.json" ] && grep -q "\"version\": \"v\\?$version\"" "$pkg/package.json"; then
  exit 0
fi

mkdir -p "$prefix"
# --prefer-offline: a second checkout or a `mvn clean` reuses npm's cache instead of the network.
if ! npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts --prefer-offline \
       --loglevel=error "@grafana/grafana-foundation-sdk@$version" >/dev/null; then
  echo "fetch-sdk-types: npm could not install @grafana/grafana-foundation-sdk@$version (no network to" \
       "registry.npmjs.org and not in npm's cache?)" >&2
  exit 1
fi
echo "fetch-sdk-types: @grafana/grafana-foundation-sdk@$version in $pkg"

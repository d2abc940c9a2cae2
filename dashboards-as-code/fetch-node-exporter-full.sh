#!/usr/bin/env bash
# Downloads the community dashboard "Node Exporter Full" (grafana.com id 1860, lab 7.5.1 step 7) into the
# folder Grafana provisions dashboards from, with its datasource placeholder replaced by the uid of the
# provisioned Prometheus datasource, so it works without the import dialog.
#
# Usage: dashboards-as-code/fetch-node-exporter-full.sh [revision]   (default: latest)
# Needs internet access to grafana.com; run `mvn package` first so the folder exists.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail

readonly DASHBOARD_ID=1860
readonly DATASOURCE_UID="${DATASOURCE_UID:-prometheus}"   # Common.DATASOURCE_UID in the Java sources
revision="${1:-latest}"

if [[ ! "$revision" =~ ^([0-9]+|latest)$ ]]; then
    echo "fetch-node-exporter-full: revision must be a number or 'latest', not '$revision'" >&2
    exit 2
fi
command -v curl >/dev/null || { echo "fetch-node-exporter-full: curl not found: apt-get install curl" >&2; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$root/stack/generated/grafana/dashboards"
target="$out_dir/node-exporter-full.json"
url="https://grafana.com/api/dashboards/$DASHBOARD_ID/revisions/$revision/download"

if [[ ! -d "$out_dir" ]]; then
    echo "fetch-node-exporter-full: $out_dir does not exist: run mvn package first" >&2
    exit 1
fi

tmp="$(mktemp "$out_dir/.node-exporter-full.XXXXXX")"
trap 'rm -f "$tmp" "$tmp.raw"' EXIT

if ! curl --fail --silent --show-error --location --max-time 60 --output "$tmp.raw" "$url"; then
    echo "fetch-node-exporter-full: cannot download $url (offline?); import it by hand instead," \
         "see dashboards-as-code/README.md" >&2
    exit 1
fi
if ! grep -q '"panels"' "$tmp.raw" || ! grep -q 'node_' "$tmp.raw"; then
    echo "fetch-node-exporter-full: $url did not return a Node Exporter dashboard; nothing written" >&2
    exit 1
fi

# Exported dashboards name their datasource through an input (${DS_PROMETHEUS}) or a datasource variable
# (${ds_prometheus}); file provisioning resolves neither, so both become the provisioned uid.
sed -e "s/\${DS_PROMETHEUS}/$DATASOURCE_UID/g" -e "s/\${ds_prometheus}/$DATASOURCE_UID/g" "$tmp.raw" > "$tmp"
if grep -qi '\${DS_PROMETHEUS}' "$tmp"; then
    echo "fetch-node-exporter-full: a datasource placeholder is left in the dashboard; nothing written" >&2
    exit 1
fi

chmod 644 "$tmp"
mv -f "$tmp" "$target"
echo "fetch-node-exporter-full: wrote $target (revision $revision, datasource uid $DATASOURCE_UID);" \
     "Grafana picks it up within 10 s"

#!/usr/bin/env bash
# Fetches the current releases of the monitoring components (the versions the compose file pins) from Debian's
# newer suites into a cache, without touching the system's packages: a separate apt sources list and state, then
# `apt-get download` and `dpkg -x`. The pins are in scripts/current-versions.txt.
#   scripts/current-versions.sh            fetch what is missing, then print where the binaries are
#   scripts/current-versions.sh --bin-dir  only print the folder of the binaries (fetching first if needed)
#   scripts/current-versions.sh --offline  use only the cache; exit 1 naming what is missing
# The cache: $LAB_CACHE_DIR, default ${XDG_CACHE_HOME:-~/.cache}/monitoring-lab. Downloaded .debs stay there, so
# a pin keeps working after the suite has moved on. Exit 1 with one line when a pinned version cannot be had.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pins="$here/current-versions.txt"
cache="${LAB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/monitoring-lab}/current"
mode=${1:-}
case "$mode" in ""|--bin-dir|--offline) ;; *) echo "usage: $0 [--bin-dir|--offline]" >&2; exit 2 ;; esac

say() { [ "$mode" = --bin-dir ] || echo "current-versions: $*"; }
fail() { echo "current-versions: $*" >&2; exit 1; }

mkdir -p "$cache/debs" "$cache/apt/lists/partial" "$cache/apt/archives/partial" "$cache/bin"
apt_opts=(-o "Dir::Etc::sourcelist=$cache/apt/sources.list" -o Dir::Etc::sourceparts=-
          -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt" -o "Dir::Cache::archives=$cache/apt/archives"
          -o Debug::NoLocking=1 -o APT::Sandbox::User=root)

# package suite version binary... (binaries as they land under the extracted root)
mapfile -t rows < <(grep -Ev '^\s*(#|$)' "$pins")

deb_for() { ls "$cache/debs/${1}_${2}"[+-]*_amd64.deb "$cache/debs/${1}_${2}"_amd64.deb 2>/dev/null | head -1 || true; }

missing=()
for row in "${rows[@]}"; do
  read -r pkg suite version _ <<<"$row"
  [ -n "$(deb_for "$pkg" "$version")" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  [ "$mode" = --offline ] && fail "not in the cache ($cache): ${missing[*]}; run scripts/current-versions.sh online once"
  command -v apt-get >/dev/null || fail "apt-get not found: the current versions come from Debian's suites (a Debian-family system is needed)"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -f "$keyring" ] || fail "$keyring not found: install the Debian package 'debian-archive-keyring'"
  suites=$(for row in "${rows[@]}"; do read -r _ suite _ <<<"$row"; echo "$suite"; done | sort -u)
  : >"$cache/apt/sources.list"
  for suite in $suites; do
    echo "deb [signed-by=$keyring] http://deb.debian.org/debian $suite main" >>"$cache/apt/sources.list"
  done
  say "reading the package lists of: $(echo $suites)"
  apt-get "${apt_opts[@]}" update -qq >/dev/null 2>"$cache/apt/update.log" \
    || fail "apt-get update of the newer suites failed: $(tail -1 "$cache/apt/update.log")"
  for row in "${rows[@]}"; do
    read -r pkg suite version _ <<<"$row"
    [ -z "$(deb_for "$pkg" "$version")" ] || continue
    full=$(apt-cache "${apt_opts[@]}" madison "$pkg" 2>/dev/null | awk -v s="$suite" -v v="$version" \
      '$0 ~ "debian " s "/" { split($3, a, /[+-]/); if (a[1] == v) { print $3; exit } }')
    if [ -z "$full" ]; then
      offered=$(apt-cache "${apt_opts[@]}" madison "$pkg" 2>/dev/null | awk '{print $3 " (" $6 ")"}' | paste -sd, -)
      fail "$pkg $version is not offered by $suite any more (offered: ${offered:-nothing}); update scripts/current-versions.txt"
    fi
    say "downloading $pkg $full ($suite)"
    (cd "$cache/debs" && apt-get "${apt_opts[@]}" download -qq "$pkg=$full" >/dev/null 2>"$cache/apt/download.log") \
      || fail "downloading $pkg=$full failed: $(tail -1 "$cache/apt/download.log")"
  done
fi

# Extract each pinned package into its own root (idempotent: a marker names the .deb it came from)
for row in "${rows[@]}"; do
  read -r pkg suite version bins <<<"$row"
  deb=$(deb_for "$pkg" "$version")
  root="$cache/root/$pkg-$version"
  if [ ! -f "$root/.from" ] || [ "$(cat "$root/.from")" != "$(basename "$deb")" ]; then
    rm -rf "$root.tmp" && mkdir -p "$root.tmp"
    dpkg -x "$deb" "$root.tmp"
    basename "$deb" >"$root.tmp/.from"
    rm -rf "$root" && mv "$root.tmp" "$root"
  fi
  for bin in $bins; do
    [ -x "$root/$bin" ] || fail "$pkg $version has no $bin"
    ln -sfn "$root/$bin" "$cache/bin/$(basename "$bin")"
  done
done

for row in "${rows[@]}"; do read -r pkg _ version _ <<<"$row"; echo "$pkg $version"; done >"$cache/versions.txt"
if [ "$mode" = --bin-dir ]; then echo "$cache/bin"; exit 0; fi
say "ready in $cache/bin: $(for row in "${rows[@]}"; do read -r pkg _ version _ <<<"$row"; printf '%s %s, ' "$pkg" "$version"; done | sed 's/, $//')"

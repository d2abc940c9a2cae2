#!/usr/bin/env bash
# Builds local stand-ins for the images stack/docker-compose.yml pins, from Debian packages of the same versions,
# on the Docker engine DOCKER_HOST names (no image registry is needed or asked). Each stand-in reproduces its
# upstream image's layout: same binary paths, config path, data volume, user nobody (65534), entrypoint, default
# command, and busybox's wget for the healthchecks. Grafana and cAdvisor have no Debian package of their pinned
# versions: they get no stand-in.
#   DOCKER_HOST=unix://... [MAVEN_REPO_LOCAL=~/.m2/repository] compose-tests/images/stand-ins.sh
# Cached between runs under ${LAB_CACHE_DIR:-~/.cache/monitoring-lab}/docker: the debootstrap root file systems
# (tar) and, in the engine's own data root, the images (a tag already there is not built again).
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${LAB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/monitoring-lab}/docker"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
say() { echo "stand-ins: $*"; }
fail() { echo "stand-ins: $*" >&2; exit 1; }

[ -n "${DOCKER_HOST:-}" ] || fail "DOCKER_HOST is not set: name the test's own engine, never the system's"
command -v debootstrap >/dev/null || fail "debootstrap not found: install the Debian package 'debootstrap'"
[ "$(id -u)" -eq 0 ] || fail "debootstrap and chroot need root"
bin_dir=$("$root/scripts/current-versions.sh" --bin-dir)
debs="$(dirname "$bin_dir")/debs"
mkdir -p "$cache"

# version of a package pinned in scripts/current-versions.txt
pin() { awk -v p="$1" '$1 == p { print $3 }' "$root/scripts/current-versions.txt"; }
deb() { ls "$debs/${1}_$(pin "$1")"[+-]*_amd64.deb 2>/dev/null | head -1; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

have_bases() { have_image monitoring-lab-standin/busybox:bookworm && have_image monitoring-lab-standin/java:bookworm; }
# minbase: debootstrap once (about a minute), kept as a tar
if ! have_bases && [ ! -f "$cache/bookworm-minbase.tar" ]; then
  say "debootstrap --variant=minbase bookworm (about a minute, once)"
  rm -rf "$cache/rootfs.tmp"
  debootstrap --variant=minbase bookworm "$cache/rootfs.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || fail "debootstrap failed: $(tail -1 "$cache/debootstrap.log")"
  rm -rf "$cache/rootfs.tmp"/var/cache/apt/archives/*.deb "$cache/rootfs.tmp"/var/lib/apt/lists/*
  tar -C "$cache/rootfs.tmp" -cf "$cache/bookworm-minbase.tar.tmp" . && mv "$cache/bookworm-minbase.tar.tmp" "$cache/bookworm-minbase.tar"
  rm -rf "$cache/rootfs.tmp"
fi

# A root file system: minbase plus Debian packages installed in a chroot (the host's network, never a container's),
# then tar; $3 runs in the chroot afterwards.
derived_rootfs() {
  local name=$1 packages=$2 after=${3:-true} dir="$cache/$1.tmp"
  { [ -f "$cache/$name.tar" ] || have_bases; } && return 0
  say "root file system $name: minbase + $packages (once)"
  rm -rf "$dir" && mkdir -p "$dir"
  tar -C "$dir" -xf "$cache/bookworm-minbase.tar"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  # this machine's extra CA certificates (a TLS-inspecting egress, a company CA), for Java's trust store too
  mkdir -p "$dir/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/" 2>/dev/null || true
  mount -t proc proc "$dir/proc"
  trap 'umount "$dir/proc" 2>/dev/null || true' RETURN
  {
    chroot "$dir" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -qq --no-install-recommends $packages
    chroot "$dir" sh -c "$after"
    chroot "$dir" apt-get clean
  } >"$cache/$name.log" 2>&1 || fail "installing $packages in a chroot failed: $(tail -1 "$cache/$name.log")"
  umount "$dir/proc"
  rm -rf "$dir"/var/lib/apt/lists/* && : >"$dir/etc/resolv.conf"
  tar -C "$dir" -cf "$cache/$name.tar.tmp" . && mv "$cache/$name.tar.tmp" "$cache/$name.tar"
  rm -rf "$dir"
}

# busybox provides the wget the upstream images' healthchecks call (/bin/wget in quay.io/prometheus/busybox)
derived_rootfs bookworm-busybox "busybox" "ln -sf /bin/busybox /usr/local/bin/wget"
# the JRE and Maven images: Debian's OpenJDK 17 and Maven, with this machine's extra CA certificates
derived_rootfs bookworm-java "openjdk-17-jdk-headless maven ca-certificates ca-certificates-java" \
  "update-ca-certificates --fresh >/dev/null"

import() { # tar, image
  have_image "$2" && return 0
  say "docker import $1 as $2"
  docker import "$cache/$1" "$2" >/dev/null
}
import bookworm-busybox.tar monitoring-lab-standin/busybox:bookworm
import bookworm-java.tar monitoring-lab-standin/java:bookworm

# build image tag, from the Dockerfile images/<dir>, with the named files in the context
build() {
  local tag=$1 dir=$2; shift 2
  have_image "$tag" && { say "$tag: cached"; return 0; }
  local ctx; ctx=$(mktemp -d "$cache/ctx.XXXXXX")
  for f in "$@"; do [ -n "$f" ] && [ -e "$f" ] || fail "$tag needs $f (scripts/current-versions.sh fetches it)"; cp -al "$f" "$ctx/" 2>/dev/null || cp -a "$f" "$ctx/"; done
  cp "$here/$dir/Dockerfile" "$ctx/Dockerfile"
  say "building $tag"
  local start=$SECONDS
  if ! DOCKER_BUILDKIT=0 docker build -q ${LABEL_POMS:+--label lab.poms=$LABEL_POMS} -t "$tag" "$ctx" >"$cache/build.log" 2>&1; then
    rm -rf "$ctx"; fail "building $tag failed: $(tail -3 "$cache/build.log" | tr '\n' ' ')"
  fi
  rm -rf "$ctx"
  say "$tag built in $((SECONDS - start)) s"
}

build "prom/prometheus:v$(pin prometheus)" prometheus "$(deb prometheus)" "$(deb promtool)"
build "prom/alertmanager:v$(pin prometheus-alertmanager)" alertmanager "$(deb prometheus-alertmanager)"
build "prom/node-exporter:v$(pin prometheus-node-exporter)" node-exporter "$(deb prometheus-node-exporter)"
build "victoriametrics/victoria-metrics:v$(pin victoria-metrics)" victoria-metrics "$(deb victoria-metrics)"

# the compose file's JRE image (model mock, store model runtime) and the store model Dockerfile's build image
jre=$(sed -n 's/^\s*image: \(eclipse-temurin:.*\)$/\1/p' "$root/stack/docker-compose.yml" | head -1)
maven=$(sed -n 's/^FROM \(maven:[^ ]*\).*/\1/p' "$root/model-serving/Dockerfile" | head -1)
[ -n "$jre" ] && [ -n "$maven" ] || fail "no eclipse-temurin image in docker-compose.yml or maven image in model-serving/Dockerfile"
build "$jre" jre
# Maven in a container must not reach the network (containers here have none): the stand-in carries this
# machine's local Maven repository (without this project's own artifacts) and runs offline.
# The local repository it carries must hold what the poms need now: the image is labelled with a hash of every
# pom.xml and built again when a dependency was added (the reactor's build ran first, so ~/.m2 has it)
poms=$(cd "$root" && find . -maxdepth 2 -name pom.xml | sort | xargs cat | sha256sum | cut -c1-16)
if [ "$(docker image inspect -f '{{ index .Config.Labels "lab.poms" }}' "$maven" 2>/dev/null)" != "$poms" ]; then
  docker image rm -f "$maven" >/dev/null 2>&1 || true
  local_repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
  [ -d "$local_repo" ] || fail "no local Maven repository at $local_repo: run 'mvn package' first, or set MAVEN_REPO_LOCAL"
  m2=$(mktemp -d "$cache/m2.XXXXXX")
  say "copying $local_repo for the Maven stand-in (hard links where possible)"
  cp -al "$local_repo" "$m2/repository" 2>/dev/null || cp -a "$local_repo" "$m2/repository"
  rm -rf "$m2/repository/dev/monitoringlab"
  LABEL_POMS=$poms build "$maven" maven "$m2/repository"
  rm -rf "$m2"
fi
say "ready: $(docker images --format '{{.Repository}}:{{.Tag}}' | grep -v '<none>' | sort | paste -sd' ')"

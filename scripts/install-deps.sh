#!/usr/bin/env bash
# Installs the Debian packages this project needs, only those that are missing.
#   scripts/install-deps.sh --run     what `./run.sh` needs without Docker (Prometheus, Alertmanager, node exporter,
#                                     VictoriaMetrics for --ha)
#   scripts/install-deps.sh --test    everything `./test.sh` needs (adds docker-compose, docker.io without starting
#                                     its daemon, QEMU, Ansible, ...)
#   scripts/install-deps.sh --bench   what the benchmark scripts need (adds wrk)
# --run and --test then fetch the current releases (scripts/current-versions.sh, into a cache, without touching the
# system's packages): the native stack runs them, the tests run Debian's and them. If that fails, --run warns and
# the stack runs Debian's; --test fails.
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

profile=${1:---test}
# command-on-PATH=debian-package
run_deps=(java=openjdk-17-jdk-headless mvn=maven prometheus=prometheus promtool=prometheus
          prometheus-alertmanager=prometheus-alertmanager amtool=prometheus-alertmanager
          prometheus-node-exporter=prometheus-node-exporter victoria-metrics=victoria-metrics curl=curl)
test_deps=(docker-compose=docker-compose dockerd=docker.io setpriv=util-linux stress-ng=stress-ng
           kubectl=kubernetes-client
           qemu-system-x86_64=qemu-system-x86 qemu-img=qemu-utils debootstrap=debootstrap
           ansible-playbook=ansible ansible-lint=ansible-lint ssh=openssh-client ssh-keygen=openssh-client
           mkfs.ext4=e2fsprogs python3=python3 fc-list=fontconfig
           chromium=chromium
           jq=jq tmux=tmux htop=htop)
bench_deps=(wrk=wrk)

case "$profile" in
  --run) wanted=("${run_deps[@]}") ;;
  --test) wanted=("${run_deps[@]}" "${test_deps[@]}") ;;
  --bench) wanted=("${run_deps[@]}" "${bench_deps[@]}") ;;
  *) echo "usage: $0 [--run|--test|--bench]" >&2; exit 2 ;;
esac

missing=()
for pair in "${wanted[@]}"; do
  cmd=${pair%%=*} pkg=${pair#*=}
  if ! command -v "$cmd" >/dev/null 2>&1 && [[ ! " ${missing[*]} " =~ " $pkg " ]]; then
    missing+=("$pkg")
  fi
done
# python-module=debian-package: the playbook hashes the node exporter's password with bcrypt through passlib
# (asked of Debian's python3, the one Debian's ansible runs on, whatever python3 comes first on the PATH)
if [ "$profile" = --test ]; then
  py=/usr/bin/python3; [ -x "$py" ] || py=python3
  # scikit-learn and onnx: models/order-return/train.py, run by OrderReturnModelTest
  for pair in passlib=python3-passlib bcrypt=python3-bcrypt sklearn=python3-sklearn onnx=python3-onnx; do
    if ! "$py" -c "import ${pair%%=*}" >/dev/null 2>&1; then missing+=("${pair#*=}"); fi
  done
fi

# The pinned current releases beside Debian's (scripts/current-versions.txt)
current_versions() {
  [ "$profile" = --bench ] && return 0
  if out=$("$here/current-versions.sh" 2>&1); then
    echo "$out" | tail -1 | sed 's/^current-versions: /install-deps: current releases /'
  elif [ "$profile" = --run ]; then
    echo "install-deps: warning: the current releases could not be fetched, the stack runs Debian's:" \
      "$(echo "$out" | tail -1)" >&2
  else
    echo "install-deps: the tests need the current releases too: $(echo "$out" | tail -1)" >&2
    exit 1
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages for $profile are installed"
  current_versions
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "install-deps: missing packages ${missing[*]}; run as root or install sudo" >&2; exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "install-deps: missing ${missing[*]}, and this is not a Debian-family system: install them with your package manager" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
# docker.io would start a system-wide daemon on /var/run/docker.sock; the compose tests start their own engine, so
# a temporary policy-rc.d (exit 101: "action forbidden") keeps the package from starting any service
policy=/usr/sbin/policy-rc.d policy_made=false
if [[ " ${missing[*]} " =~ " docker.io " ]] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod 755 "$policy" && policy_made=true
  trap '$policy_made && "${sudo[@]}" rm -f "$policy"' EXIT
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${missing[*]}"
if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
  echo "install-deps: note: Debian started its own prometheus service on :9090; the native stack needs that port:"
  echo "install-deps:   sudo systemctl disable --now prometheus prometheus-alertmanager prometheus-node-exporter victoria-metrics"
fi
current_versions

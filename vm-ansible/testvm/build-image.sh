#!/usr/bin/env bash
# Builds a small Debian bookworm disk image for testing the playbook on a real machine without VirtualBox:
# debootstrap minbase + systemd, OpenSSH, python3 and sudo, Debian's cloud kernel and its initramfs,
# DHCP through systemd-networkd, and an SSH key for the user "lab" (passwordless sudo).
#
# The image is cached outside the repository, keyed by a hash of this script, so a second run reuses it
# and a changed script builds a new one. Prints the cache directory on its last line.
#
# Usage: build-image.sh            (must run as root: debootstrap and chroot need it)
# Env:   TESTVM_CACHE   cache root (default ${XDG_CACHE_HOME:-~/.cache}/monitoring-lab/testvm)
#        TESTVM_MIRROR  Debian mirror (default: the one apt on this machine uses)
if [ "${1:-}" = --help ]; then awk 'NR > 1 && !/^#/ { exit } NR > 1 && !/^# shellcheck/ { sub(/^# ?/, ""); print }' "$0"; exit 0; fi
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

require_root
require_cmd debootstrap debootstrap
require_cmd mkfs.ext4 e2fsprogs
require_cmd chroot coreutils

suite=bookworm
cache_root="${TESTVM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/monitoring-lab/testvm}"
key="$(sha256sum "$here/build-image.sh" | cut -c1-16)"
out="$cache_root/$key"

mkdir -p "$cache_root"
# One builder at a time; the others wait and then find the finished image.
exec 9>"$cache_root/.lock"
flock -w 900 9 || die "another image build holds $cache_root/.lock for over 15 minutes"

if [[ -f "$out/complete" ]]; then
    log "image cached: $out"
    echo "$out"
    exit 0
fi

mirror="${TESTVM_MIRROR:-$(debian_mirror)}"
security_mirror="$(debian_security_mirror)"
log "building Debian $suite image from $mirror into $out (about 1-2 minutes)"
started=$SECONDS

work="$(mktemp -d "$cache_root/build.XXXXXX")"
root="$work/root"
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    umount "$root/sys" 2>/dev/null || true
    umount "$root/dev/pts" 2>/dev/null || true
    umount "$root/dev" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

with_progress "debootstrap $suite" \
    debootstrap --variant=minbase \
        --include=systemd-sysv,udev,openssh-server,python3,python3-apt,iproute2,sudo,ca-certificates,kmod \
        "$suite" "$root" "$mirror"

cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
${security_mirror:+deb $security_mirror $suite-security main}
SOURCES
# Translations and recommends only cost time on a throwaway test machine.
printf 'Acquire::Languages "none";\nAPT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/90testvm"

mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
with_progress "kernel and initramfs" \
    chroot "$root" env DEBIAN_FRONTEND=noninteractive \
        sh -c 'apt-get update -q && apt-get install -y -q linux-image-cloud-amd64 initramfs-tools && apt-get clean'
umount "$root/dev/pts" "$root/dev" "$root/sys" "$root/proc"

echo testvm >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 testvm\n' >"$root/etc/hosts"
echo '/dev/vda / ext4 defaults,noatime 0 1' >"$root/etc/fstab"
# QEMU's user network: DHCP on the virtio NIC (named ens2 or similar), DNS at 10.0.2.3.
mkdir -p "$root/etc/systemd/network"
printf '[Match]\nName=en*\n\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/20-dhcp.network"
chroot "$root" systemctl enable systemd-networkd.service >/dev/null 2>&1
rm -f "$root/etc/resolv.conf"
echo 'nameserver 10.0.2.3' >"$root/etc/resolv.conf"

chroot "$root" useradd --create-home --shell /bin/bash --groups sudo lab
echo 'lab ALL=(ALL) NOPASSWD: ALL' >"$root/etc/sudoers.d/lab"
chmod 0440 "$root/etc/sudoers.d/lab"
mkdir -p "$work/out"
ssh-keygen -q -t ed25519 -N '' -C testvm-harness -f "$work/out/id_ed25519"
install -d -m 0700 -o 1000 -g 1000 "$root/home/lab/.ssh"
install -m 0600 -o 1000 -g 1000 "$work/out/id_ed25519.pub" "$root/home/lab/.ssh/authorized_keys"
# Reverse DNS of the QEMU gateway would stall every login.
echo 'UseDNS no' >"$root/etc/ssh/sshd_config.d/testvm.conf"

cp "$(ls "$root"/boot/vmlinuz-* | tail -1)" "$work/out/vmlinuz"
cp "$(ls "$root"/boot/initrd.img-* | tail -1)" "$work/out/initrd.img"
rm -rf "$root/var/lib/apt/lists/"* "$root/var/cache/apt/"*.bin
# Empty package lists, so make them look old: apt-get update must run in the VM (Ansible's
# cache_valid_time looks at this folder's time).
touch -d '2000-01-01' "$root/var/lib/apt/lists"
with_progress "root file system" \
    mkfs.ext4 -q -F -L testvm -d "$root" "$work/out/rootfs.img" 3G

touch "$work/out/complete"
rm -rf "$out"
mv "$work/out" "$out"
log "image built in $((SECONDS - started)) s: $out"
echo "$out"

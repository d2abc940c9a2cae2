# Shared helpers of the test VM scripts (sourced, not run).

log() { printf '[testvm %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'testvm: %s\n' "$*" >&2; exit 1; }

require_root() {
    [[ $EUID -eq 0 ]] || die "must run as root (debootstrap, chroot and mkfs -d of a root file system need it); try: sudo $0"
}

# require_cmd COMMAND DEBIAN_PACKAGE
require_cmd() {
    command -v "$1" >/dev/null 2>&1 || die "$1 not found: apt-get install $2"
}

# The Debian mirror apt uses on this machine, so debootstrap and the VM use the same (possibly local) one.
debian_mirror() {
    local uri=""
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        uri="$(awk '/^URIs:/ {u=$2} /^Suites:/ && u != "" && $0 !~ /-security/ {print u; exit}' \
            /etc/apt/sources.list.d/debian.sources)"
    fi
    if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
        uri="$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' \
            /etc/apt/sources.list)"
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

debian_security_mirror() {
    local uri=""
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        uri="$(awk '/^URIs:/ {u=$2} /^Suites:/ && /-security/ {print u; exit}' /etc/apt/sources.list.d/debian.sources)"
    fi
    if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
        uri="$(awk '$1 == "deb" && /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' \
            /etc/apt/sources.list)"
    fi
    echo "$uri"
}

# with_progress LABEL COMMAND...: runs a long step with its output in a log file and a line every 15 s.
with_progress() {
    local label="$1"; shift
    local out; out="$(mktemp)"
    local start=$SECONDS
    "$@" >"$out" 2>&1 &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        sleep 1
        if (( (SECONDS - start) % 15 == 0 )); then
            log "$label: $((SECONDS - start)) s, $(tail -n 1 "$out" | cut -c1-100)"
        fi
    done
    if ! wait "$pid"; then
        tail -n 30 "$out" >&2
        rm -f "$out"
        die "$label failed (last lines above)"
    fi
    rm -f "$out"
    log "$label: done in $((SECONDS - start)) s"
}

# A free TCP port on 127.0.0.1 (python3 is on every machine that runs ansible).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

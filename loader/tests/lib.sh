# Shared helpers for the loader's QEMU tests (sourced by scripts/test.d/50-loader-*.sh and
# scripts/bench-loader.sh).  Every boot runs under `timeout`, with no network unless asked.
#
# An independent launcher, on purpose: `bcd boot` builds its QEMU command line in
# Sources/BCDBoot/QemuInvocation.swift, and this harness does not ask it for one. The loader
# tests need no Swift build, and a fault in bcd's invocation (or its QMP driving) cannot hide
# or fake a loader result here. Only the firmware files are shared (scripts/firmware.sh);
# $OVMF_CODE / $OVMF_VARS override them for this harness alone.
set -euo pipefail
LOADER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$LOADER_DIR/.." && pwd)
BUILD=$LOADER_DIR/build
source "$ROOT/scripts/firmware.sh"
OVMF_CODE=${OVMF_CODE:-$OVMF_CODE_DEFAULT}
OVMF_VARS=${OVMF_VARS:-$OVMF_VARS_DEFAULT}
QEMU_TIMEOUT=${QEMU_TIMEOUT:-180}   # generous: CI machines may be busy; only a hang reaches it

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { for t in "$@"; do command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"; done; }
need qemu-system-x86_64 mformat mcopy mmd timeout gzip make perl iconv od
need_firmware "$OVMF_CODE" "$OVMF_VARS"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/loader-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

build_loader() { make -s -C "$LOADER_DIR" "$@" >"$WORK/make.log" 2>&1 || { cat "$WORK/make.log" >&2; fail "make -C loader failed"; }; }

# crc32 FILE -> 8 lowercase hex digits (IEEE CRC-32, read from the gzip trailer).
crc32() { gzip -1 -c <"$1" | tail -c 8 | head -c 4 | od -An -tx4 | tr -d ' \n'; }
size_of() { stat -c %s "$1"; }

le32() { local v=$1; printf "\\x$(printf %02x $((v & 255)))\\x$(printf %02x $((v >> 8 & 255)))\\x$(printf %02x $((v >> 16 & 255)))\\x$(printf %02x $((v >> 24 & 255)))"; }

# make_disk IMG DIR: an MBR disk with one FAT partition (at 1 MiB) holding DIR's tree.
make_disk() {
    local img=$1 dir=$2
    local kb; kb=$(du -sk "$dir" | cut -f1)
    local sectors=$(( (kb * 2 + kb / 4 + 80 * 2048) / 2048 * 2048 ))
    truncate -s $(( (sectors + 2048) * 512 )) "$img"
    { printf '\0%.0s' $(seq 446); printf '\x00\xfe\xff\xff\x0c\xfe\xff\xff'; le32 2048; le32 "$sectors";
      printf '\0%.0s' $(seq 48); printf '\x55\xaa'; } | dd of="$img" conv=notrunc status=none
    mformat -i "$img@@1M" -F -T "$sectors" -h 64 -s 32 -v LOADERTEST :: >/dev/null
    ( cd "$dir" && for f in * ; do mcopy -s -i "$img@@1M" "$f" ::/ ; done )
}

# boot_qemu LOG [qemu args...]: boot OVMF until poweroff, until a line matches $STOP_ON
# (default: a loader error or a CPU exception; the firmware would otherwise go on to other
# boot options or spin), or
# until $QEMU_TIMEOUT seconds.  Writes LOG (raw) and LOG.txt (CR and escapes removed).
boot_qemu() {
    local log=$1; shift
    cp "$OVMF_VARS" "$WORK/vars.fd"
    : >"$log"
    timeout "$QEMU_TIMEOUT" qemu-system-x86_64 -machine q35 -m "${QEMU_MEM:-512}" -display none \
        -no-reboot -serial "file:$log" ${MONITOR_ARGS:--monitor none} \
        -drive if=pflash,format=raw,readonly=on,file="$OVMF_CODE" \
        -drive if=pflash,format=raw,file="$WORK/vars.fd" "$@" 2>"$log.err" &
    # Stop early on a loader error, and on a CPU exception (the firmware would spin forever).
    local pid=$! stop=${STOP_ON:-loader: error:|X64 Exception Type} hooked=
    while kill -0 $pid 2>/dev/null; do
        if grep -qaE -- "$stop" "$log" 2>/dev/null; then sleep 0.5; kill $pid 2>/dev/null || true; break; fi
        # Optional hook: run $ON_LINE_CMD once, when a line matches $ON_LINE.
        if [ -n "${ON_LINE:-}" ] && [ -z "$hooked" ] && grep -qaE -- "$ON_LINE" "$log" 2>/dev/null; then
            hooked=1; eval "$ON_LINE_CMD" || true
        fi
        sleep 0.2
    done
    wait $pid 2>/dev/null && true
    [ $? -ne 124 ] || echo "boot timed out after ${QEMU_TIMEOUT}s" >>"$log"
    grep -v 'terminating on signal' "$log.err" >&2 || true
    tr -d '\r' <"$log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1b[()=>][0-9A-Za-z]*//g' >"$log.txt"
}

# monitor_args PORT / monitor_cmd PORT CMD: a QEMU human monitor on a local TCP port.
free_port() { echo $(( 20000 + (RANDOM % 20000) )); }
monitor_args() { echo "-monitor tcp:127.0.0.1:$1,server,nowait"; }
monitor_cmd() { exec 9<>"/dev/tcp/127.0.0.1/$1" && printf '%s\n' "$2" >&9 && sleep 0.3 && exec 9>&-; }

# boot_disk IMG LOG [extra qemu args...]: boot from disk image IMG (virtio), no network.
boot_disk() {
    local img=$1 log=$2; shift 2
    boot_qemu "$log" -nic none -drive file="$img",format=raw,if=none,id=d0 \
        -device virtio-blk-pci,drive=d0,bootindex=1 "$@"
}

# fake_bcd FILE: random bytes around UTF-16LE paths ending in .exe/.EXE (a stand-in BCD hive).
fake_bcd() {
    { head -c 5000 /dev/urandom; printf '\\Windows\\system32\\winload.exe\0' | iconv -t UTF-16LE
      head -c 3000 /dev/urandom; printf '\\Windows\\system32\\WINRESUME.EXE\0' | iconv -t UTF-16LE
      head -c 4000 /dev/urandom; } >"$1"
}
# patched_bcd IN OUT: what the loader must serve (.exe/.EXE + UTF-16 NUL -> .efi/.EFI).
patched_bcd() {
    perl -0777 -pe 's/\.\x00e\x00x\x00e\x00(?=\x00\x00)/.\x00e\x00f\x00i\x00/g; s/\.\x00E\x00X\x00E\x00(?=\x00\x00)/.\x00E\x00F\x00I\x00/g' <"$1" >"$2"
}

# expect_line LOG REGEX: the cleaned serial log has a line matching REGEX (extended).
expect_line() {
    grep -qE -- "$2" "$1.txt" || { echo "--- serial log ($1.txt):" >&2; tail -40 "$1.txt" >&2; fail "expected a line matching: $2"; }
}
reject_line() {
    ! grep -qE -- "$2" "$1.txt" || { echo "--- serial log:" >&2; tail -40 "$1.txt" >&2; fail "unexpected line matching: $2"; }
}

# expect_file LOG VPATH HOSTFILE: the stand-in read VPATH with HOSTFILE's size and CRC32.
expect_file() {
    local want="STANDIN file $(printf '%s' "$2" | sed 's/\\/\\\\/g') size=$(size_of "$3") crc32=$(crc32 "$3")\$"
    expect_line "$1" "^$want"
}

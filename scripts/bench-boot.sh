#!/usr/bin/env bash
# Benchmark (no assertions): `bcd boot` on the demo workspace, from start to outcome, split
# into validation (check), loader build (cold: a fresh copy of loader/ and BootCore; cached:
# nothing to rebuild), staging (disk image or TFTP tree) and emulator time (QEMU + OVMF until
# the stand-in's report). Figures are what `bcd boot --times` prints, plus the wall time and
# the time from the serial log's last byte to bcd boot's exit (how soon the outcome is known).
# Then one network boot of a 500 MB WIM (the workspace of scripts/test.d/62-boot-large-network.sh)
# over TFTP and over HTTP, their emulator times side by side, with the phases of each boot as
# the serial log shows them (the boot.wim fetch alone is also put side by side).
# Usage: scripts/bench-boot.sh [demo|large|all]   (default all; RUNS=N cached boots per mode, default 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
runs=${RUNS:-3}
what=${1:-all}
case $what in demo|large|all) ;; *) echo "usage: $0 [demo|large|all]" >&2; exit 2 ;; esac
[ -x "$bcd" ] || { echo "bench-boot: no bcd at $bcd (swift build first)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-boot.XXXXXX")
trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null
# The large workspace's store and SDI, before the demo's store is broken on purpose below.
mkdir -p "$work/large"
cp "$work/demo/BCD" "$work/demo/boot.sdi" "$work/large/"

# One boot; prints "label: wall W s; times: ..." from --times.
one() {
    local label=$1; shift
    local t0 t1 out rc=0
    t0=$(date +%s.%N)
    out=$(timeout 600 "$bcd" boot "$work/demo/BCD" --times --serial-log "$work/serial.log" "$@" 2>&1) || rc=$?
    t1=$(date +%s.%N)
    # From the serial log's last byte (its modification time) to bcd boot's exit.
    local settled; settled=$(echo "$t1 - $(date -r "$work/serial.log" +%s.%N)" | bc)
    local verdict; verdict=$(grep -m1 -E '^(OK|FAILED|TIMEOUT|NOT STARTED)' <<<"$out" || true)
    printf '%-22s exit %d, wall %5.2f s, last serial byte to exit %4.2f s; %s\n' "$label" "$rc" "$(echo "$t1 - $t0" | bc)" "$settled" "$(grep '^times:' <<<"$out" | sed 's/^times: //')"
    [ "$rc" = 0 ] || { echo "$verdict"; }
}

if [ "$what" != large ]; then
echo "bench-boot: demo workspace (BCD, boot.sdi $(stat -c %s "$work/demo/boot.sdi") bytes, boot.wim $(stat -c %s "$work/demo/boot.wim") bytes)"
echo "bench-boot: KVM: $([ -r /dev/kvm ] && [ -w /dev/kvm ] && echo 'tried first (falls back to TCG if it fails)' || echo 'not available: TCG')"

# Cold build: a private copy of the loader sources, so the shared loader/build stays untouched.
mkdir -p "$work/src/Sources"
tar -C "$root" --exclude=loader/build -cf - loader | tar -C "$work/src" -xf -
cp -r "$root/Sources/BootCore" "$work/src/Sources/"
BCD_SOURCE_ROOT=$work/src one "cold build + disk"
BCD_SOURCE_ROOT=$work/src one "cached build + disk"

make -s -C "$root/loader" >/dev/null
for i in $(seq "$runs"); do one "disk #$i" --mode disk; done
for i in $(seq "$runs"); do one "network #$i" --mode network; done
for i in $(seq "$runs"); do one "http #$i" --mode http; done
one "disk + screenshot" --mode disk --screenshot "$work/shot.png"
# The imitation error screen: the outcome is read off the settled screen.
"$bcd" set --store "$work/demo/BCD" '{ramdiskoptions}' ramdisksdipath '\Image\boot.sdi' >/dev/null
one "disk, error screen" --mode disk --force
fi

# Where a network boot's emulator time goes: polls the serial log every 0.1 s and writes
# "PHASE SECONDS" (seconds since the log's first byte) the first time each marker appears:
# iPXE's banner, DHCP done, iPXE starting the boot.wim fetch, the loader's first line (every
# file fetched), the stand-in's start, its throughput line for \Sources\boot.wim (its one whole
# read of the WIM: the mirrored \boot.wim is not read again),
# and the loader's hand-off line. Clock-based, so a loaded machine stretches every phase.
watch_phases() {
    local log=$1 out=$2 first="" now
    local -a names=(ipxe dhcp-done wim-fetch loader standin wim-read handoff)
    local -a marks=('iPXE 1.0' 'Next server' 'boot.wim...' 'LOADER start' 'STANDIN start' 'STANDIN throughput \Sources\boot.wim' 'LOADER exitbootservices')
    local i=0
    : >"$out"
    while [ "$i" -lt "${#names[@]}" ]; do
        now=$(date +%s.%N)
        if [ -z "$first" ] && [ -s "$log" ]; then first=$now; fi
        while [ -n "$first" ] && [ "$i" -lt "${#names[@]}" ] && grep -qF -- "${marks[$i]}" "$log"; do
            echo "${names[$i]} $(echo "$now - $first" | bc)" >>"$out"
            i=$((i + 1))
        done
        sleep 0.1
    done
}
# "ipxe 6.1, dhcp-done 9.8, ..." from a watch_phases file.
report_phases() { awk '{ printf "%s%s %.1f", (NR > 1 ? ", " : ""), $1, $2 }' "$1"; }
# Seconds from phase A to phase B of a watch_phases file (empty if either is missing).
phase_between() {
    awk -v a="$2" -v b="$3" '$1 == a { x = $2 } $1 == b { y = $2 } END { if (x != "" && y != "") printf "%.1f", y - x }' "$1"
}

# emulator SECONDS of a `times:` line.
emulator_time() { sed -nE 's/^times: .*emulator ([0-9.]+) s$/\1/p' <<<"$1"; }

if [ "$what" != demo ]; then
    make -s -C "$root/loader" >/dev/null
    # The demo's WIM tree plus 500 MB that does not compress, stored uncompressed (as 62 makes it).
    mkdir -p "$work/tree/Windows/Boot/EFI" "$work/tree/Windows/System32/boot"
    cp "$root/loader/build/standin.efi" "$work/tree/Windows/Boot/EFI/bootmgfw.efi"
    cp "$root/loader/build/standin.efi" "$work/tree/Windows/System32/boot/winload.efi"
    head -c 500000000 /dev/urandom >"$work/tree/Windows/payload.bin"
    wimcapture "$work/tree" "$work/large/boot.wim" "Large WinPE (stand-in)" --boot --compress=none >/dev/null
    rm -rf "$work/tree"
    echo "bench-boot: 500 MB workspace: boot.wim $(stat -c %s "$work/large/boot.wim") bytes"
    declare -A emu fetch
    for mode in network http; do
        rc=0
        : >"$work/large-$mode.log"
        watch_phases "$work/large-$mode.log" "$work/phases-$mode" & watcher=$!
        out=$(timeout 1200 "$bcd" boot "$work/large/BCD" --mode "$mode" --timeout 900 --times --serial-log "$work/large-$mode.log" 2>&1) || rc=$?
        kill "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true
        emu[$mode]=$(emulator_time "$(grep '^times:' <<<"$out")")
        echo "large $mode: exit $rc; $(grep -m1 -E '^(OK|FAILED|TIMEOUT|NOT STARTED)' <<<"$out"); $(grep '^times:' <<<"$out" | sed 's/^times: //')"
        grep -E '^qemu: KVM' <<<"$out" | sed "s/^/large $mode: /" || true
        [ "$mode" = http ] && grep -E '^  boot\.wim: ' <<<"$out" | sed 's/^  /large http: fetched /'
        echo "large $mode: phases (serial log, s after its first byte): $(report_phases "$work/phases-$mode")"
        fetch[$mode]=$(phase_between "$work/phases-$mode" wim-fetch loader)
    done
    printf 'bench-boot: 500 MB WIM network boot, emulator time: TFTP %s s | HTTP %s s | TFTP/HTTP %s\n' \
        "${emu[network]:-?}" "${emu[http]:-?}" \
        "$( [ -n "${emu[network]:-}" ] && [ -n "${emu[http]:-}" ] && echo "scale=1; ${emu[network]} / ${emu[http]}" | bc || echo '?')"
    printf 'bench-boot: 500 MB WIM network boot, boot.wim fetch alone (from iPXE naming it to the loader start): TFTP %s s | HTTP %s s | TFTP/HTTP %s\n' \
        "${fetch[network]:-?}" "${fetch[http]:-?}" \
        "$( [ -n "${fetch[network]:-}" ] && [ -n "${fetch[http]:-}" ] && echo "scale=1; ${fetch[network]} / ${fetch[http]}" | bc || echo '?')"
fi

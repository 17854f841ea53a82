#!/usr/bin/env bash
# Benchmark (no assertions): `bcd boot` on the demo workspace, from start to outcome, split
# into validation (check), loader build (cold: a fresh copy of loader/ and BootCore; cached:
# nothing to rebuild), staging (disk image or TFTP tree) and emulator time (QEMU + OVMF until
# the stand-in's report). Figures are what `bcd boot --times` prints, plus the wall time and
# the time from the serial log's last byte to bcd boot's exit (how soon the outcome is known).
# Usage: scripts/bench-boot.sh   (RUNS=N cached boots per mode, default 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
runs=${RUNS:-3}
[ -x "$bcd" ] || { echo "bench-boot: no bcd at $bcd (swift build first)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-boot.XXXXXX")
trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null

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
one "disk + screenshot" --mode disk --screenshot "$work/shot.png"
# The imitation error screen: the outcome is read off the settled screen.
"$bcd" set --store "$work/demo/BCD" '{ramdiskoptions}' ramdisksdipath '\Image\boot.sdi' >/dev/null
one "disk, error screen" --mode disk --force

#!/usr/bin/env bash
# `bcd boot` end to end on the demo workspace (scripts/make-demo-workspace.sh), headless:
#  1. disk mode: success (exit 0), the stand-in's report matches the host's files, --screenshot
#     writes a valid PNG;
#  1b. disk mode with --loader-args: the UEFI shell starts the loader with them (rawbcd shows);
#  2. network mode (TFTP + iPXE through the emulated NIC): success (exit 0);
#  3. a garbage boot.wim: validation stops the boot (exit 1); --force boots it and the loader's
#     error is classified (exit 2);
#  4. --timeout 2: no outcome in time (exit 3);
#  5. bcd ipxe-script writes the script bcd boot --mode network uses.
# Every boot runs under `timeout`. A missing tool fails the test.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in qemu-system-x86_64 mformat mcopy mmd timeout make wimcapture mkntfs od; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
source "$root/scripts/firmware.sh"
need_firmware "$OVMF_CODE_DEFAULT" "$OVMF_VARS_DEFAULT"   # what bcd boot runs (Firmware.ovmf)
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null

# boot NAME EXPECTED-STATUS ARGS...: runs bcd boot, keeps its output in $work/NAME.out.
boot() {
    local name=$1 want=$2; shift 2
    local start=$SECONDS rc=0
    timeout 300 "$bcd" boot "$@" --serial-log "$work/$name.serial" >"$work/$name.out" 2>&1 || rc=$?
    if [ "$rc" != "$want" ]; then
        cat "$work/$name.out" >&2
        fail "$name: bcd boot exited with $rc, expected $want"
    fi
    echo "60-boot-demo: $name: exit $rc in $((SECONDS - start)) s: $(grep -E '^(OK|FAILED|TIMEOUT|NOT STARTED|STOPPED)' "$work/$name.out" | head -1)"
}
expect() {   # NAME REGEX
    grep -qE -- "$2" "$work/$1.out" || { cat "$work/$1.out" >&2; fail "$1: expected a line matching: $2"; }
}

# 1. Disk mode, with a screenshot.
boot disk 0 "$work/demo/BCD" --mode disk --timeout 150 --screenshot "$work/shot.png"
expect disk '^OK: booted; the boot manager read 3 files, all as the host has them$'
expect disk '^    boot\.wim: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host$'
expect disk '^    boot\.sdi: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host$'
expect disk '^    BCD: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host'
expect disk "^serial log: $work/disk.serial\$"
grep -q '^STANDIN done' <(tr -d '\r' <"$work/disk.serial") || fail "disk: the kept serial log has no STANDIN done"
# A PNG: the 8-byte signature, then an IHDR chunk of 13 bytes with a non-zero width and height.
[ -s "$work/shot.png" ] || fail "no screenshot written"
sig=$(od -An -tx1 -N16 "$work/shot.png" | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a0000000d49484452" ] || fail "screenshot is not a PNG (starts with $sig)"
dims=$(od -An -tu1 -j16 -N8 "$work/shot.png" | tr -s ' ' | sed 's/^ //')
read -r w1 w2 w3 w4 h1 h2 h3 h4 <<<"$dims"
width=$(( (w1 << 24) | (w2 << 16) | (w3 << 8) | w4 )); height=$(( (h1 << 24) | (h2 << 16) | (h3 << 8) | h4 ))
[ "$width" -gt 0 ] && [ "$height" -gt 0 ] || fail "screenshot IHDR has size ${width}x${height}"
echo "60-boot-demo: screenshot is a ${width}x${height} PNG"

# 1b. Disk mode with a loader command line (through the UEFI shell's startup.nsh).
boot disk-args 0 "$work/demo/BCD" --mode disk --timeout 150 --loader-args "rawbcd"
expect disk-args 'started by the UEFI shell.s startup\.nsh: fs0:\\EFI\\tools\\loader\.efi rawbcd;'
expect disk-args '^OK: booted; the boot manager read 3 files, all as the host has them$'
expect disk-args '^  loader: bcd raw$'
expect disk '^  loader: bcd patched'

# 2. Network mode.
boot network 0 "$work/demo/BCD" --mode network --timeout 150
expect network '^stage:   imgfetch --name boot\.wim boot\.wim boot\.wim \|\| goto failed$'
expect network '^OK: booted; the boot manager read 3 files, all as the host has them$'

# 3. A garbage WIM: validation stops the boot; forced, the loader's error is classified.
mkdir -p "$work/bad"
head -c 300000 /dev/urandom >"$work/bad/boot.wim"
boot validation 1 "$work/demo/BCD" --file "boot.sdi=$work/demo/boot.sdi" --file "boot.wim=$work/bad/boot.wim" --timeout 150
expect validation '^check: error \[wim\.unreadable\]'
expect validation '^NOT STARTED: validation found 1 error'
boot loader-error 2 "$work/demo/BCD" --file "boot.sdi=$work/demo/boot.sdi" --file "boot.wim=$work/bad/boot.wim" --timeout 150 --force
expect loader-error '^FAILED: the loader stopped: boot\.wim: unusable WIM: not a WIM'
expect loader-error 'the WIM is at fault'

# 4. A time limit the firmware cannot meet.
boot timeout 3 "$work/demo/BCD" --timeout 2
expect timeout '^TIMEOUT: no outcome within 2 s$'

# 5. The iPXE script for a real network.
# Line by line, for a base typed with and without its trailing slash.
for base in "http://10.0.0.1/pe/" "http://10.0.0.1/pe"; do
"$bcd" ipxe-script "$work/demo/BCD" --loader-args "quiet" --pause --base "$base" -o "$work/boot.ipxe" >/dev/null
diff -u - "$work/boot.ipxe" <<'IPXE' || fail "ipxe-script output differs for --base $base"
#!ipxe
set file loader.efi
kernel http://10.0.0.1/pe/loader.efi quiet pause || goto failed
set file BCD
imgfetch --name BCD http://10.0.0.1/pe/BCD BCD || goto failed
set file boot.sdi
imgfetch --name boot.sdi http://10.0.0.1/pe/boot.sdi boot.sdi || goto failed
set file boot.wim
imgfetch --name boot.wim http://10.0.0.1/pe/boot.wim boot.wim || goto failed
boot || goto failed
:failed
echo bcd: could not fetch ${file}
imgstat
exit 1
IPXE
done
echo "60-boot-demo: ok"

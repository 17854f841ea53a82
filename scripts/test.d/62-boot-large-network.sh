#!/usr/bin/env bash
# A network boot of a workspace with a 500 MB boot.wim, with the default guest memory: iPXE
# holds every fetched file in RAM, so `bcd boot` must size the guest for the files (it once
# defaulted to 1024 MiB, and a real boot manager stopped with 0xc0000017). The stand-in reads
# the whole WIM through the loader's virtual disk and reports it matching the host's copy.
# Also: `bcd check --memory` warns when a hand-set size is too small for the same files.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in qemu-system-x86_64 timeout wimcapture head; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-large.XXXXXX")
trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null

# The demo's WIM tree plus 500 MB that does not compress, stored uncompressed.
mkdir -p "$work/tree/Windows/Boot/EFI" "$work/tree/Windows/System32/boot"
cp "$root/loader/build/standin.efi" "$work/tree/Windows/Boot/EFI/bootmgfw.efi"
cp "$root/loader/build/standin.efi" "$work/tree/Windows/System32/boot/winload.efi"
head -c 500000000 /dev/urandom > "$work/tree/Windows/payload.bin"
mkdir -p "$work/large"
wimcapture "$work/tree" "$work/large/boot.wim" "Large WinPE (stand-in)" --boot --compress=none >/dev/null
rm -rf "$work/tree"
cp "$work/demo/BCD" "$work/demo/boot.sdi" "$work/large/"
size=$(stat -c %s "$work/large/boot.wim")
[ "$size" -gt 500000000 ] || fail "the WIM is only $size bytes"

rc=0
"$bcd" check "$work/large/BCD" --dir "$work/large" --memory 1024 >"$work/check.out" 2>&1 || rc=$?
[ "$rc" = 1 ] || { cat "$work/check.out" >&2; fail "check --memory 1024: exit $rc, expected 1 (a warning)"; }
grep -q 'files.memory' "$work/check.out" || { cat "$work/check.out" >&2; fail "check --memory 1024: no files.memory warning"; }
"$bcd" check "$work/large/BCD" --dir "$work/large" --memory 2048 >"$work/check2.out" 2>&1 || { cat "$work/check2.out" >&2; fail "check --memory 2048 is not clean"; }

rc=0
timeout 900 "$bcd" boot "$work/large/BCD" --mode network --timeout 600 --serial-log "$work/serial.log" >"$work/boot.out" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/boot.out" >&2; fail "network boot of a $size-byte WIM: exit $rc, expected 0"; }
grep -qE '^qemu: .*, memory 2048 MiB,' "$work/boot.out" || { cat "$work/boot.out" >&2; fail "the guest was not sized for the files (2048 MiB)"; }
grep -qE "^ *boot\.wim: $size bytes, .* = host" "$work/boot.out" || { cat "$work/boot.out" >&2; fail "boot.wim did not arrive whole"; }
echo "62-boot-large-network: ok ($size-byte WIM over TFTP with the default memory: $(grep -m1 '^OK' "$work/boot.out"))"

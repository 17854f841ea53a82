#!/usr/bin/env bash
# `bcd boot --secure-boot=shim` (issue 19 item 4): Debian's Microsoft-signed shim (shim-signed)
# as EFI/BOOT/BOOTX64.EFI, the signed loader beside it as grubx64.efi, and the loader's
# certificate in MokList, not in db: how a stock PC runs a loader that is not Microsoft's.
# The boot manager is a stand-in signed by a test CA named like the Windows Production PCA 2011
# (--test-ca 2011: in db, as Microsoft's is), so the boot check also warns that only a
# 2011-signed boot manager is present.  A stand-in signed only by the MokList key starts too
# (under shim, LoadImage trusts MokList).  Without the certificate in MokList shim refuses the
# loader and the report says so (exit 2).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
bcd=${BCD:-$root/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
for tool in openssl sbsign virt-fw-vars mdir mcopy; do command -v $tool >/dev/null || fail "missing tool $tool"; done
shim=/usr/lib/shim/shimx64.efi.signed
[ -r $shim ] || fail "missing $shim (Debian package shim-signed; scripts/install-deps.sh installs it)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-sb-shim.XXXXXX"); trap 'rm -rf "$work"' EXIT
ws=$work/ws
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$ws" >/dev/null
"$bcd" loader keys "$ws/keys" >/dev/null
t0=$SECONDS

openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=Microsoft Windows Production PCA 2011/" \
    -keyout "$work/pca.key" -out "$work/pca.crt" 2>"$work/openssl.log" || { cat "$work/openssl.log" >&2; fail "openssl req failed"; }
make -s -C "$root/loader" standin >/dev/null
"$bcd" loader sign --key "$work/pca.key" --cert "$work/pca.crt" -o "$ws/bootmgfw.efi" "$root/loader/build/standin.efi" >/dev/null

has() { grep -qF -- "$2" "$work/$1" || { cat "$work/$1" >&2; fail "$1 lacks: $2"; }; }

# Through shim, the certificate in MokList: the stand-in starts.
rc=0; timeout 400 "$bcd" boot "$ws/BCD" --dir "$ws" --secure-boot=shim --test-ca 2011="$work/pca.crt" --keep \
    --timeout 150 --serial-log "$work/serial.log" >"$work/shim.out" 2>&1 || rc=$?
[ $rc -eq 0 ] || { cat "$work/shim.out" >&2; fail "--secure-boot=shim: exit $rc, want 0"; }
has shim.out "secure boot: profile shim, Microsoft's 2011 CAs in db, the loader started by Microsoft-signed shim with its certificate in MokList"
has shim.out "with $ws/keys/db.crt in MokList; $shim as EFI/BOOT/BOOTX64.EFI, the loader as EFI/BOOT/grubx64.efi"
has shim.out "check: note [bootmgr.signer]: bootmgfw.efi, which the loader starts, is signed by Microsoft Windows Production PCA 2011"
has shim.out "check: warning [bootmgr.secure-boot-2011] bootmgfw.efi: Secure Boot is requested and no boot manager here is signed by the Windows UEFI CA 2023"
has shim.out "  loader: secure boot on"
has shim.out "OK: booted"
has serial.log "LOADER start"
# The disk really held shim as BOOTX64.EFI and the signed loader as grubx64.efi.
stage=$(sed -n 's/^stage: working directory //p' "$work/shim.out")
[ -f "$stage/disk.img" ] || fail "no kept disk image in '$stage'"
mcopy -i "$stage/disk.img@@1M" ::/EFI/BOOT/BOOTX64.EFI "$work/bootx64.efi"
mcopy -i "$stage/disk.img@@1M" ::/EFI/BOOT/grubx64.efi "$work/grubx64.efi"
rm -rf "$stage"
cmp -s "$work/bootx64.efi" $shim || fail "EFI/BOOT/BOOTX64.EFI is not $shim"
sbverify --cert "$ws/keys/db.crt" "$work/grubx64.efi" >/dev/null 2>&1 || fail "grubx64.efi is not the loader signed by the workspace's key"

# Under shim, LoadImage also trusts MokList: a stand-in signed by the loader's key (in MokList,
# not in db; no --test-ca) starts.
"$bcd" loader sign --key "$ws/keys/db.key" --cert "$ws/keys/db.crt" -o "$work/mok-standin.efi" "$root/loader/build/standin.efi" >/dev/null
rc=0; timeout 400 "$bcd" boot "$ws/BCD" --dir "$ws" --file bootmgfw.efi="$work/mok-standin.efi" --secure-boot=shim \
    --timeout 150 >"$work/mok-standin.out" 2>&1 || rc=$?
[ $rc -eq 0 ] || { cat "$work/mok-standin.out" >&2; fail "stand-in signed by the MokList key: exit $rc, want 0"; }
has mok-standin.out "OK: booted"
! grep -q "test certificate" "$work/mok-standin.out" || fail "a test CA reached db"

# The loader's certificate left out of MokList (and not in db): shim refuses it.
rc=0; timeout 400 "$bcd" boot "$ws/BCD" --dir "$ws" --secure-boot=shim --test-without-mok --test-ca 2011="$work/pca.crt" \
    --timeout 150 >"$work/nomok.out" 2>&1 || rc=$?
[ $rc -eq 2 ] || { cat "$work/nomok.out" >&2; fail "loader not in MokList: exit $rc, want 2"; }
has nomok.out "MokList empty (the loader's certificate left out, --test-without-mok)"
has nomok.out "FAILED: shim refused the loader (Secure Boot: its certificate is neither in MokList nor in db)"
grep -qx '  shim: Verification failed: (0x1A) Security Violation' "$work/nomok.out" || { cat "$work/nomok.out" >&2; fail "shim's line is not reported as is"; }
has nomok.out "mokutil --import"

# shim starts the loader from a disk, without arguments.
rc=0; "$bcd" boot "$ws/BCD" --secure-boot=shim --mode network >"$work/net.out" 2>&1 || rc=$?
[ $rc -ne 0 ] || fail "--secure-boot=shim --mode network was accepted"
has net.out "--secure-boot=shim boots from a disk (--mode disk), not over the network"
echo "69-boot-secure-boot-shim: ok ($((SECONDS - t0)) s)"

#!/usr/bin/env bash
# shim reads the loader's .sbat section (issue 19: shim refuses second stages without SBAT
# metadata, and revokes them by generation).  A FAT disk with Debian's Microsoft-signed shim as
# EFI/BOOT/BOOTX64.EFI, the signed loader as grubx64.efi and its certificate in MokList, booted
# on OVMF's Secure Boot build with an SbatLevel variable (virt-fw-vars --set-sbat-level) dated
# after shim's own: at the loader's generation (bcd,1) the boot reaches the stand-in; one
# generation higher (bcd,2, as a revocation of the loader would read) shim refuses the loader.
source "$(dirname "$0")/../../loader/tests/lib.sh"
need sbsign openssl virt-fw-vars objcopy
SB_CODE=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd SB_VARS=/usr/share/OVMF/OVMF_VARS_4M.ms.fd
SHIM=/usr/lib/shim/shimx64.efi.signed
need_firmware "$SB_CODE" "$SB_VARS"
[ -r $SHIM ] || fail "missing $SHIM (Debian package shim-signed; scripts/install-deps.sh installs it)"
build_loader
t0=$SECONDS

# The loader's SBAT lines (loader/common/sbat.c): the format's and the project's, generation 1.
objcopy -O binary --only-section=.sbat "$BUILD/loader.efi" "$WORK/sbat.csv"
grep -qa '^sbat,1,SBAT Version,sbat,1,' "$WORK/sbat.csv" || fail "loader.efi's .sbat lacks the sbat,1 line"
grep -qa '^bcd,1,' "$WORK/sbat.csv" || fail "loader.efi's .sbat lacks a bcd,1 line"

openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=bcd test MOK key/" \
    -keyout "$WORK/mok.key" -out "$WORK/mok.crt" 2>"$WORK/openssl.log" || { cat "$WORK/openssl.log" >&2; fail "openssl req failed"; }
for app in loader standin; do
    sbsign --key "$WORK/mok.key" --cert "$WORK/mok.crt" --output "$WORK/$app.signed.efi" "$BUILD/$app.efi" >/dev/null 2>&1 \
        || fail "sbsign $app.efi failed"
done
d=$WORK/disk; mkdir -p "$d/EFI/BOOT"
cp $SHIM "$d/EFI/BOOT/BOOTX64.EFI"; cp "$WORK/loader.signed.efi" "$d/EFI/BOOT/grubx64.efi"
cp "$WORK/standin.signed.efi" "$d/bootmgfw.efi"; fake_bcd "$d/BCD"; head -c 50000 /dev/urandom >"$d/boot.sdi"
make_disk "$WORK/shim.img" "$d"

# sbat_boot NAME GENERATION: the disk with MokList holding the key and SbatLevel asking for
# bcd,GENERATION (dated 2099: newer than shim's built-in level, so shim keeps it).
sbat_boot() {
    printf 'sbat,1,2099010100\nbcd,%s\n' "$2" >"$WORK/sbatlevel-$1.csv"
    virt-fw-vars -i "$SB_VARS" -o "$WORK/vars-$1.fd" --add-mok 7f7b2b55-8d4c-4c3e-9a61-3b1d5f0e2a10 "$WORK/mok.crt" \
        --set-sbat-level "$WORK/sbatlevel-$1.csv" >"$WORK/vfv.log" 2>&1 || { cat "$WORK/vfv.log" >&2; fail "virt-fw-vars failed"; }
    # (Dumped to a file first: grep -q ending the pipe early would fail it under pipefail.)
    virt-fw-vars -i "$WORK/vars-$1.fd" -p >"$WORK/vars-$1.txt" 2>/dev/null || fail "virt-fw-vars cannot read vars-$1.fd"
    grep -q "^SbatLevel .*bcd,$2" "$WORK/vars-$1.txt" || fail "SbatLevel bcd,$2 is not in the varstore"
    local start=$SECONDS
    OVMF_CODE=$SB_CODE OVMF_VARS=$WORK/vars-$1.fd QEMU_TIMEOUT=120 \
        STOP_ON='STANDIN done|Verification failed|BdsDxe: failed to (load|start) Boot|loader: error:|X64 Exception Type' \
        boot_disk "$WORK/shim.img" "$WORK/serial-$1" -machine smm=on -global driver=cfi.pflash01,property=secure,value=on
    echo "65-secure-boot-shim-sbat: bcd,$2 booted in $((SECONDS - start)) s"
}

sbat_boot current 1
expect_line "$WORK/serial-current" '^LOADER secureboot on$'
expect_line "$WORK/serial-current" '^STANDIN done$'
reject_line "$WORK/serial-current" 'Verification failed'

sbat_boot revoked 2
expect_line "$WORK/serial-revoked" 'Verification failed: \(0x1A\) Security Violation'
reject_line "$WORK/serial-revoked" '^LOADER start'
echo "65-secure-boot-shim-sbat: ok ($((SECONDS - t0)) s)"

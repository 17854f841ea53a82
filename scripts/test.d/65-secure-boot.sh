#!/usr/bin/env bash
# Secure Boot end to end (issue 19), on OVMF's Secure Boot build (q35 + SMM, secure pflash)
# with a per-boot varstore made from OVMF_VARS_4M.ms.fd (Microsoft's KEK and db) plus a test
# certificate added to db with virt-fw-vars.  The loader and the stand-in are signed with the
# test key by sbsign.  Proves: the signed pair boots (the loader says Secure Boot is on); an
# unsigned loader is refused by the firmware (OVMF's BdsDxe line); an unsigned stand-in is
# refused by Secure Boot (the loader's one line); without Secure Boot the loader says off.
# Images: sbverify --list shows the signature, objdump -h shows no writable code section.
source "$(dirname "$0")/../../loader/tests/lib.sh"
need sbsign sbverify openssl virt-fw-vars objdump
SB_CODE=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd SB_VARS=/usr/share/OVMF/OVMF_VARS_4M.ms.fd
need_firmware "$SB_CODE" "$SB_VARS"
build_loader
t0=$SECONDS

# The test db key pair and the varstore that trusts it.
openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=bcd test db key/" \
    -keyout "$WORK/db.key" -out "$WORK/db.crt" 2>"$WORK/openssl.log" || { cat "$WORK/openssl.log" >&2; fail "openssl req failed"; }
virt-fw-vars -i "$SB_VARS" -o "$WORK/sb-vars.fd" --add-db 7f7b2b55-8d4c-4c3e-9a61-3b1d5f0e2a10 "$WORK/db.crt" \
    >"$WORK/vfv.log" 2>&1 || { cat "$WORK/vfv.log" >&2; fail "virt-fw-vars failed"; }
# (Dumped to a file first: grep -q ending the pipe early can kill virt-fw-vars with SIGPIPE.)
virt-fw-vars -i "$WORK/sb-vars.fd" -p >"$WORK/sb-vars.txt" 2>/dev/null || fail "virt-fw-vars cannot read the varstore"
grep -q '^SecureBootEnable *: bool: ON' "$WORK/sb-vars.txt" || fail "varstore has Secure Boot off"

for app in loader standin; do
    sbsign --key "$WORK/db.key" --cert "$WORK/db.crt" --output "$WORK/$app.signed.efi" "$BUILD/$app.efi" >"$WORK/sbsign.log" 2>&1 \
        || { cat "$WORK/sbsign.log" >&2; fail "sbsign $app.efi failed"; }
    ! grep -qi 'warning\|gap' "$WORK/sbsign.log" || { cat "$WORK/sbsign.log" >&2; fail "sbsign warned on $app.efi"; }
    sbverify --list "$WORK/$app.signed.efi" | grep -q 'subject: /CN=bcd test db key' || fail "sbverify --list: no signature on $app.efi"
    sbverify --cert "$WORK/db.crt" "$WORK/$app.signed.efi" >/dev/null 2>&1 || fail "sbverify: $app.efi signature does not verify"
    # objdump -h flags: a section with CODE must also be READONLY (no W+X).
    wx=$(objdump -h "$BUILD/$app.efi" | grep -E '^ +CONTENTS|^ +ALLOC' | grep CODE | grep -v READONLY || true)
    [ -z "$wx" ] || fail "$app.efi has a writable code section"
done

# sb_boot NAME LOADER BOOTMGR [secure]: a FAT disk with LOADER as BOOTX64.EFI, BOOTMGR as
# bootmgfw.efi, a BCD and boot.sdi; booted with Secure Boot when the 4th argument is given.
sb_boot() {
    local name=$1 loader=$2 bootmgr=$3 d=$WORK/$1
    mkdir -p "$d/EFI/BOOT"
    cp "$loader" "$d/EFI/BOOT/BOOTX64.EFI"; cp "$bootmgr" "$d/bootmgfw.efi"
    fake_bcd "$d/BCD"; head -c 50000 /dev/urandom >"$d/boot.sdi"
    make_disk "$WORK/$name.img" "$d"
    local start=$SECONDS
    if [ -n "${4:-}" ]; then
        OVMF_CODE=$SB_CODE OVMF_VARS=$WORK/sb-vars.fd QEMU_TIMEOUT=120 \
            STOP_ON='STANDIN done|BdsDxe: failed to (load|start) Boot|loader: error:|X64 Exception Type' \
            boot_disk "$WORK/$name.img" "$WORK/serial-$name" -machine smm=on -global driver=cfi.pflash01,property=secure,value=on
    else
        QEMU_TIMEOUT=120 STOP_ON='STANDIN done|loader: error:|X64 Exception Type' boot_disk "$WORK/$name.img" "$WORK/serial-$name"
    fi
    echo "65-secure-boot: $name booted in $((SECONDS - start)) s"
}

# Signed loader + signed stand-in, Secure Boot on: the loader says so and the stand-in runs.
sb_boot signed "$WORK/loader.signed.efi" "$WORK/standin.signed.efi" secure
expect_line "$WORK/serial-signed" '^LOADER secureboot on$'
expect_line "$WORK/serial-signed" 'LOADER starting boot manager bootmgfw.efi$'  # (may follow a console escape)
expect_line "$WORK/serial-signed" '^STANDIN done$'

# Unsigned loader: the firmware refuses it (OVMF: "failed to load Boot0001 ...: Access Denied").
sb_boot unsigned-loader "$BUILD/loader.efi" "$WORK/standin.signed.efi" secure
expect_line "$WORK/serial-unsigned-loader" '^BdsDxe: failed to load Boot[0-9A-F]{4} .*: (Access Denied|Security Violation)$'
reject_line "$WORK/serial-unsigned-loader" '^LOADER start'
echo "65-secure-boot: firmware refused the unsigned loader: $(grep -m1 -E '^BdsDxe: failed to load' "$WORK/serial-unsigned-loader.txt")"

# Signed loader, unsigned stand-in: Secure Boot refuses the boot manager, in one line.
sb_boot unsigned-standin "$WORK/loader.signed.efi" "$BUILD/standin.efi" secure
expect_line "$WORK/serial-unsigned-standin" '^LOADER secureboot on$'
expect_line "$WORK/serial-unsigned-standin" '^loader: error: Secure Boot refused the boot manager bootmgfw.efi \(EFI_(ACCESS_DENIED|SECURITY_VIOLATION)\): it is unsigned'
reject_line "$WORK/serial-unsigned-standin" '^STANDIN start'

# Stand-in signed by a key not in db: refused, and said so.
openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=bcd key not in db/" \
    -keyout "$WORK/other.key" -out "$WORK/other.crt" 2>/dev/null
sbsign --key "$WORK/other.key" --cert "$WORK/other.crt" --output "$WORK/standin.other.efi" "$BUILD/standin.efi" >/dev/null 2>&1
sb_boot other-key "$WORK/loader.signed.efi" "$WORK/standin.other.efi" secure
expect_line "$WORK/serial-other-key" '^loader: error: Secure Boot refused the boot manager bootmgfw.efi \(EFI_(ACCESS_DENIED|SECURITY_VIOLATION)\): it is signed by a key not in db'

# Without Secure Boot (plain OVMF), the same signed pair boots and the loader says off.
sb_boot off "$WORK/loader.signed.efi" "$WORK/standin.signed.efi"
expect_line "$WORK/serial-off" '^LOADER secureboot off$'
expect_line "$WORK/serial-off" '^STANDIN done$'
echo "65-secure-boot: ok ($((SECONDS - t0)) s of boots)"

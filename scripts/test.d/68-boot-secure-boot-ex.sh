#!/usr/bin/env bash
# bootmgfw_EX.efi first, bootmgfw.efi when Secure Boot refuses it (issue 19 item 3), through
# `bcd boot --secure-boot=2023|2011`.  The WIM holds two stand-ins, as Windows 11 media hold
# both boot managers: \Windows\Boot\EFI_EX\bootmgfw_EX.efi signed by a test key standing for
# the Windows UEFI CA 2023, \Windows\Boot\EFI\bootmgfw.efi by one standing for the Windows
# Production PCA 2011 (--test-ca: db gets a stand-in CA's certificate exactly when the profile
# trusts that CA).  2023: bootmgfw_EX.efi starts; 2011: it is refused and bootmgfw.efi starts;
# the report says which and why, and the stand-in says which file it was loaded as.  With
# neither CA trusted, both are refused and the boot stops with the second refusal.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
bcd=${BCD:-$root/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
for tool in openssl sbsign wimcapture virt-fw-vars; do command -v $tool >/dev/null || fail "missing tool $tool"; done
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-sb-ex.XXXXXX"); trap 'rm -rf "$work"' EXIT
ws=$work/ws; mkdir -p "$ws"
t0=$SECONDS

make -s -C "$root/loader" standin >/dev/null
standin=$root/loader/build/standin.efi
for year in 2011 2023; do
    openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=bcd test CA $year/" \
        -keyout "$work/ca$year.key" -out "$work/ca$year.crt" 2>"$work/openssl.log" || { cat "$work/openssl.log" >&2; fail "openssl req failed"; }
done
tree=$work/tree; mkdir -p "$tree/Windows/Boot/EFI" "$tree/Windows/Boot/EFI_EX" "$tree/Windows/System32/boot"
"$bcd" loader sign --key "$work/ca2011.key" --cert "$work/ca2011.crt" -o "$tree/Windows/Boot/EFI/bootmgfw.efi" "$standin" >/dev/null
"$bcd" loader sign --key "$work/ca2023.key" --cert "$work/ca2023.crt" -o "$tree/Windows/Boot/EFI_EX/bootmgfw_EX.efi" "$standin" >/dev/null
cp "$standin" "$tree/Windows/System32/boot/winload.efi"
wimcapture "$tree" "$ws/boot.wim" "Demo WinPE with both boot managers (stand-ins)" --boot --compress=lzx >/dev/null
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$ws" >/dev/null   # BCD and boot.sdi (keeps this boot.wim)
"$bcd" loader keys "$ws/keys" >/dev/null

# boot PROFILE: the same test CAs both times; the profile decides which reach db.
boot() {
    local rc=0 start=$SECONDS
    timeout 400 "$bcd" boot "$ws/BCD" --secure-boot="$1" --test-ca 2011="$work/ca2011.crt" --test-ca 2023="$work/ca2023.crt" \
        --timeout 150 --serial-log "$work/serial-$1.log" >"$work/boot-$1.out" 2>&1 || rc=$?
    [ $rc -eq 0 ] || { cat "$work/boot-$1.out" >&2; fail "--secure-boot=$1: exit $rc, want 0"; }
    echo "68-boot-secure-boot-ex: --secure-boot=$1 booted in $((SECONDS - start)) s"
}
has() { grep -qF -- "$2" "$work/$1" || { cat "$work/$1" >&2; fail "$1 lacks: $2"; }; }
hasnt() { ! grep -qF -- "$2" "$work/$1" || { cat "$work/$1" >&2; fail "$1 has: $2"; }; }

boot 2023
has boot-2023.out "secure boot: profile 2023, Microsoft's 2011 and 2023 CAs in db and KEK"
has boot-2023.out "secure boot: test certificate $work/ca2023.crt standing for the 2023 CA: added to db"
has boot-2023.out "  loader: secure boot on"
has boot-2023.out "  loader: boot manager bootmgfw_EX.efi started (the first choice; bootmgfw.efi is the fallback)"
has boot-2023.out "OK: booted"
hasnt boot-2023.out "refused by Secure Boot"
has serial-2023.log 'LOADER extracted \Windows\Boot\EFI_EX\bootmgfw_EX.efi size='
has serial-2023.log 'STANDIN image \EFI\Microsoft\Boot\bootmgfw_EX.efi'

boot 2011
has boot-2011.out "secure boot: profile 2011, Microsoft's 2011 CAs in db"
has boot-2011.out "secure boot: test certificate $work/ca2023.crt standing for the 2023 CA: not in db (profile 2011 lacks the 2023 CA)"
has boot-2011.out "  loader: boot manager bootmgfw_EX.efi refused by Secure Boot (EFI_ACCESS_DENIED: it is signed by a key not in db, or revoked (dbx)), trying bootmgfw.efi"
has boot-2011.out "  loader: boot manager bootmgfw.efi started (bootmgfw_EX.efi was refused by Secure Boot)"
has boot-2011.out "OK: booted"
has serial-2011.log 'loader: Secure Boot refused bootmgfw_EX.efi (EFI_ACCESS_DENIED): it is signed by a key not in db, or revoked (dbx); trying bootmgfw.efi'
has serial-2011.log 'STANDIN image \EFI\Microsoft\Boot\bootmgfw.efi'
hasnt serial-2011.log 'STANDIN image \EFI\Microsoft\Boot\bootmgfw_EX.efi'

# Neither trusted (2011 profile, no 2011 stand-in CA): both refused, the last one stops the boot.
rc=0; timeout 400 "$bcd" boot "$ws/BCD" --secure-boot=2011 --test-ca 2023="$work/ca2023.crt" --timeout 150 >"$work/boot-none.out" 2>&1 || rc=$?
[ $rc -eq 2 ] || { cat "$work/boot-none.out" >&2; fail "neither boot manager trusted: exit $rc, want 2"; }
has boot-none.out "FAILED: the loader stopped: Secure Boot refused the boot manager bootmgfw.efi (EFI_ACCESS_DENIED): it is signed by a key not in db, or revoked (dbx)"
has boot-none.out "  loader: boot manager bootmgfw_EX.efi refused by Secure Boot (EFI_ACCESS_DENIED: it is signed by a key not in db, or revoked (dbx)), trying bootmgfw.efi"
hasnt boot-none.out "started ("
echo "68-boot-secure-boot-ex: ok ($((SECONDS - t0)) s)"

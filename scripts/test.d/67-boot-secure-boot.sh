#!/usr/bin/env bash
# `bcd boot --secure-boot` (issue 19 item 4, 2011 profile) on the demo workspace: OVMF's Secure
# Boot build, the loader signed by the workspace's keys (or a pair made for the boot) and its
# certificate added to db.  The demo WIM's stand-in is unsigned: Secure Boot refuses it and the
# report says so (exit 2); with a signed stand-in supplied as bootmgfw.efi the boot succeeds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
bcd=${BCD:-$root/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-sb.XXXXXX"); trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null
t0=$SECONDS

# No keys in the workspace, unsigned stand-in in the WIM: refused by Secure Boot.
rc=0; timeout 400 "$bcd" boot "$work/demo/BCD" --secure-boot --timeout 150 >"$work/unsigned.out" 2>&1 || rc=$?
[ $rc -eq 2 ] || { cat "$work/unsigned.out" >&2; fail "unsigned boot manager: exit $rc, want 2"; }
grep -q '^secure boot: no keys in .*signing with a test pair made for this boot' "$work/unsigned.out" || fail "no line about the test pair"
grep -q '^FAILED: the loader stopped: Secure Boot refused the boot manager bootmgfw.efi (EFI_ACCESS_DENIED): it is unsigned' "$work/unsigned.out" \
    || { cat "$work/unsigned.out" >&2; fail "the report does not say Secure Boot refused the unsigned boot manager"; }
grep -q '^  loader: secure boot on$' "$work/unsigned.out" || fail "the report does not say Secure Boot was on"

# The workspace's keys sign the loader; a stand-in signed by them is served as bootmgfw.efi.
"$bcd" loader keys "$work/demo/keys" >/dev/null
make -s -C "$root/loader" standin >/dev/null
"$bcd" loader sign --key "$work/demo/keys/db.key" --cert "$work/demo/keys/db.crt" -o "$work/demo/bootmgfw.efi" "$root/loader/build/standin.efi" >/dev/null
rc=0; timeout 400 "$bcd" boot "$work/demo/BCD" --dir "$work/demo" --secure-boot --timeout 150 >"$work/signed.out" 2>&1 || rc=$?
[ $rc -eq 0 ] || { cat "$work/signed.out" >&2; fail "signed pair: exit $rc, want 0"; }
grep -q "^secure boot: signing the loader with the workspace's keys ($work/demo/keys/db.key" "$work/signed.out" || fail "the workspace's keys were not used"
grep -q '^OK: booted' "$work/signed.out" && grep -q '^  loader: secure boot on$' "$work/signed.out" || { cat "$work/signed.out" >&2; fail "signed pair did not boot with Secure Boot on"; }

rc=0; "$bcd" boot "$work/demo/BCD" --secure-boot=2020 >"$work/bad.out" 2>&1 || rc=$?
[ $rc -ne 0 ] && grep -q "takes 2011, 2023 or shim, got '2020'" "$work/bad.out" || fail "--secure-boot=2020 was not refused as an unknown profile"
echo "67-boot-secure-boot: ok ($((SECONDS - t0)) s)"

#!/usr/bin/env bash
# `bcd loader keys DIR` and `bcd loader sign` (issue 19 item 2), with the real openssl, sbsign and
# sbverify: the key pair is made once (a second run refuses to overwrite it), the signed image
# lists the key's certificate, and a bad key fails with one message and leaves no output file.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
bcd=${BCD:-$root/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
for t in sbverify openssl make; do command -v $t >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"; done
make -s -C "$root/loader" loader >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/loader-sign.XXXXXX"); trap 'rm -rf "$work"' EXIT

"$bcd" loader keys "$work/ws/keys" >"$work/keys.out"
[ -s "$work/ws/keys/db.key" ] && [ -s "$work/ws/keys/db.crt" ] || fail "bcd loader keys made no db.key/db.crt"
[ "$(stat -c %a "$work/ws/keys/db.key")" = 600 ] || fail "db.key is readable by others"
openssl x509 -in "$work/ws/keys/db.crt" -noout -subject | grep -q 'bcd test signing key' || fail "db.crt is not the test certificate"
rc=0; "$bcd" loader keys "$work/ws/keys" 2>"$work/again.err" || rc=$?
[ $rc -ne 0 ] && grep -q 'exists' "$work/again.err" || fail "a second bcd loader keys did not refuse (rc=$rc)"

"$bcd" loader sign --key "$work/ws/keys/db.key" --cert "$work/ws/keys/db.crt" -o "$work/loader.signed.efi" "$root/loader/build/loader.efi" >/dev/null
sbverify --list "$work/loader.signed.efi" | grep -q 'subject: /CN=bcd test signing key' || fail "sbverify --list shows no signature by the test key"
sbverify --cert "$work/ws/keys/db.crt" "$work/loader.signed.efi" >/dev/null 2>&1 || fail "the signature does not verify"

head -c 300 /dev/urandom >"$work/bad.key"
rc=0; "$bcd" loader sign --key "$work/bad.key" --cert "$work/ws/keys/db.crt" -o "$work/bad.efi" "$root/loader/build/loader.efi" 2>"$work/bad.err" || rc=$?
[ $rc -ne 0 ] || fail "signing with a garbage key succeeded"
[ ! -e "$work/bad.efi" ] && [ ! -e "$work/bad.efi.signing" ] || fail "a failed signing left a file behind"
grep -q 'sbsign' "$work/bad.err" || fail "the failure does not name sbsign: $(cat "$work/bad.err")"
echo "66-loader-sign: ok"

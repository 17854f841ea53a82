#!/usr/bin/env bash
# `bcd boot --mode http` on the demo workspace: iPXE in the guest fetches boot.ipxe, the loader
# and the files over HTTP from the server bcd runs for the boot on 127.0.0.1 (10.0.2.2 to the
# guest), and the stand-in reads every file as the host has it.
#  1. Text report: success, the script's URLs point at http://10.0.2.2:PORT/, and the report
#     lists each request (file, status, bytes, seconds) with the host file's size.
#  2. --json: the same requests as fields.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in qemu-system-x86_64 timeout python3 mformat wimcapture mkntfs; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-http.XXXXXX")
trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null
make -s -C "$root/loader" >/dev/null
demo=$work/demo
loader_size=$(stat -c %s "$root/loader/build/loader.efi")

# 1. The text report.
rc=0
timeout 300 "$bcd" boot "$demo/BCD" --mode http --timeout 150 --serial-log "$work/serial" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/out" >&2; fail "http boot: exit $rc, expected 0"; }
expect() { grep -qE -- "$1" "$work/out" || { cat "$work/out" >&2; fail "expected a line matching: $1"; }; }
expect '^stage: HTTP server on 127\.0\.0\.1:[0-9]+ \(the guest.s http://10\.0\.2\.2:[0-9]+/\), boot\.ipxe:$'
port=$(sed -nE 's/^stage: HTTP server on 127\.0\.0\.1:([0-9]+) .*/\1/p' "$work/out")
expect "^stage:   kernel http://10\.0\.2\.2:$port/loader\.efi \|\| goto failed\$"
expect "^stage:   imgfetch --name boot\.wim http://10\.0\.2\.2:$port/boot\.wim boot\.wim \|\| goto failed\$"
expect '^qemu: .*, http mode,'
expect '^OK: booted; the boot manager read 3 files, all as the host has them$'
for f in BCD boot.sdi boot.wim; do expect "^    $f: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host"; done
expect '^fetched over HTTP \(5 requests, [0-9]+ bytes\):$'
# Every request, whole, with the host file's size (BCD as served: the store's bytes).
expect "^  boot\.ipxe: 200, [0-9]+ bytes in [0-9.]+ s"
expect "^  loader\.efi: 200, $loader_size bytes in [0-9.]+ s"
for f in BCD boot.sdi boot.wim; do expect "^  $f: 200, $(stat -c %s "$demo/$f") bytes in [0-9.]+ s"; done
echo "63-boot-http: text: $(grep -m1 '^OK' "$work/out"); $(grep -c '^  [^ ]*: 200, ' "$work/out") requests listed"

# 2. The same boot as JSON.
rc=0
timeout 300 "$bcd" boot "$demo/BCD" --mode http --timeout 150 --json >"$work/json" 2>"$work/err" || rc=$?
[ "$rc" = 0 ] || { cat "$work/err" "$work/json" >&2; fail "http boot --json: exit $rc, expected 0"; }
python3 - "$work/json" "$demo" "$loader_size" <<'PY' || { cat "$work/json" >&2; fail "the JSON's requests are not the files served"; }
import json, os, sys
d = json.load(open(sys.argv[1]))
demo, loader = sys.argv[2], int(sys.argv[3])
want = {"loader.efi": loader, **{n: os.path.getsize(os.path.join(demo, n)) for n in ("BCD", "boot.sdi", "boot.wim")}}
got = {r["file"]: r for r in d["requests"]}
assert d["result"] == "success" and all(f["matches"] for f in d["files"]), d["headline"]
assert sorted(got) == sorted(list(want) + ["boot.ipxe"]), sorted(got)
for name, size in want.items():
    r = got[name]
    assert r["status"] == 200 and r["method"] == "GET" and r["bytes"] == size and r["seconds"] >= 0, r
assert got["boot.ipxe"]["bytes"] > 0
PY
echo "63-boot-http: ok"

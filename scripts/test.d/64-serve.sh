#!/usr/bin/env bash
# `bcd serve` on the demo workspace, answered with curl and then booted by QEMU's iPXE:
#  1. whole files (200, the host's bytes), HEAD, byte ranges (206 with Content-Range; a suffix;
#     416 past the end), the generated boot.ipxe pointing back at the address the client used;
#  2. refusals: 404 for unknown names, `..` (raw and percent-encoded), the root (no listing)
#     and a symbolic link leaving the workspace (left out at start, with a warning); 403 for a
#     link changed to leave it while serving; 405 for PUT, POST and DELETE, the file unchanged;
#  3. every request logged;
#  4. a UEFI iPXE boot from the served script (QEMU user-mode network, 10.0.2.2) reaches the
#     stand-in, which reads every file as the host has it;
#  5. SIGINT stops the server cleanly (exit 0).
source "$(dirname "$0")/../../loader/tests/lib.sh"
need curl wimcapture mkntfs cmp
bcd=${BCD:-$ROOT/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
build_loader
demo=$WORK/demo
BCD=$bcd "$ROOT/scripts/make-demo-workspace.sh" "$demo" >/dev/null
echo secret >"$WORK/outside.txt"
ln -s "$WORK/outside.txt" "$demo/escape"          # leaves the workspace: not served
ln -s "$demo/boot.sdi" "$demo/late"               # inside for now

"$bcd" serve "$demo" --listen 127.0.0.1:0 >"$WORK/serve.out" 2>&1 &
server=$!
stop_server() { kill -INT "$server" 2>/dev/null || true; }
trap 'stop_server; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q '^requests follow' "$WORK/serve.out" && break; kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
grep -q '^requests follow' "$WORK/serve.out" || { cat "$WORK/serve.out" >&2; fail "bcd serve did not start"; }
url=$(sed -nE 's/^script: (http:[^ ]*).*/\1/p' "$WORK/serve.out")
[[ $url =~ ^http://127\.0\.0\.1:([0-9]+)/boot\.ipxe$ ]] || { cat "$WORK/serve.out" >&2; fail "unexpected script URL '$url'"; }
port=${BASH_REMATCH[1]}
base=http://127.0.0.1:$port
grep -qE "^  dhcp-boot=tag:ipxe,$url\$" "$WORK/serve.out" || { cat "$WORK/serve.out" >&2; fail "no dnsmasq line chaining iPXE to the script"; }
grep -qE '^  dhcp-boot=tag:efi-x64,tag:!ipxe,ipxe\.efi$' "$WORK/serve.out" || fail "no dnsmasq line chaining PXE to iPXE"
grep -qE "^warning: escape is not served: it resolves to $WORK/outside.txt, outside the workspace\$" "$WORK/serve.out" \
    || { cat "$WORK/serve.out" >&2; fail "no warning for the link leaving the workspace"; }

# status METHOD PATH [curl args...] -> the status code (the body goes to $WORK/body, headers to $WORK/headers).
status() { local m=$1 p=$2; shift 2; curl -s --path-as-is -X "$m" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$base$p"; }
want() {   # WANT GOT WHAT
    [ "$1" = "$2" ] || { cat "$WORK/headers" "$WORK/body" >&2 2>/dev/null; fail "$3: status $2, expected $1"; }
}
header() { tr -d '\r' <"$WORK/headers" | grep -iE "^$1: " | head -1 | cut -d' ' -f2-; }

# 1. Whole files, HEAD, ranges, the script.
for f in BCD boot.sdi boot.wim late; do
    want 200 "$(status GET "/$f")" "GET /$f"
    cmp -s "$WORK/body" "$demo/$f" || fail "GET /$f: not the host's bytes"
done
want 200 "$(status GET /loader.efi)" "GET /loader.efi"
cmp -s "$WORK/body" "$BUILD/loader.efi" || fail "GET /loader.efi: not loader/build/loader.efi"
size=$(stat -c %s "$demo/boot.wim")
want 200 "$(status HEAD /boot.wim -I)" "HEAD /boot.wim"
[ "$(header Content-Length)" = "$size" ] || fail "HEAD /boot.wim: Content-Length $(header Content-Length), expected $size"
[ "$(header Accept-Ranges)" = bytes ] || fail "HEAD /boot.wim: no Accept-Ranges: bytes"
want 206 "$(status GET /boot.wim -r 1000-1999)" "range 1000-1999"
[ "$(header Content-Range)" = "bytes 1000-1999/$size" ] || fail "range 1000-1999: Content-Range '$(header Content-Range)'"
cmp -s "$WORK/body" <(tail -c +1001 "$demo/boot.wim" | head -c 1000) || fail "range 1000-1999: wrong bytes"
want 206 "$(status GET /boot.wim -r -100)" "suffix range -100"
cmp -s "$WORK/body" <(tail -c 100 "$demo/boot.wim") || fail "suffix range: wrong bytes"
want 206 "$(status GET /boot.wim -r "$((size - 10))-")" "open range"
[ "$(stat -c %s "$WORK/body")" = 10 ] || fail "open range: $(stat -c %s "$WORK/body") bytes, expected 10"
want 416 "$(status GET /boot.wim -r "$size-")" "range past the end"
[ "$(header Content-Range)" = "bytes */$size" ] || fail "416: Content-Range '$(header Content-Range)'"
want 200 "$(status GET /boot.ipxe)" "GET /boot.ipxe"
grep -qxF "kernel $base/loader.efi || goto failed" "$WORK/body" || { cat "$WORK/body" >&2; fail "boot.ipxe: no kernel line for $base"; }
for f in BCD boot.sdi boot.wim late; do
    grep -qxF "imgfetch --name $f $base/$f $f || goto failed" "$WORK/body" || { cat "$WORK/body" >&2; fail "boot.ipxe: no imgfetch of $f"; }
done
grep -q escape "$WORK/body" && fail "boot.ipxe fetches the file outside the workspace"

# 2. Refusals.
want 404 "$(status GET /nothing-here)" "unknown name"
want 404 "$(status GET /)" "the root (no listing)"
want 404 "$(status GET /../demo/BCD)" "a .. path"
want 404 "$(status GET "/%2e%2e%2f%2e%2e%2fetc%2fpasswd")" "a percent-encoded .. path"
want 404 "$(status GET "/..%2foutside.txt")" "a half-encoded .. path"
want 404 "$(status GET /escape)" "a link leaving the workspace"
grep -q secret "$WORK/body" && fail "the outside file's content was served"
ln -sfn "$WORK/outside.txt" "$demo/late"          # now it leaves the workspace
want 403 "$(status GET /late)" "a link changed to leave the workspace"
grep -q secret "$WORK/body" && fail "the outside file's content was served"
before=$(md5sum <"$demo/boot.wim")
for m in PUT POST DELETE; do
    want 405 "$(status "$m" /boot.wim --data-binary junk)" "$m /boot.wim"
    [ "$(header Allow)" = "GET, HEAD" ] || fail "$m: Allow '$(header Allow)'"
done
[ "$(md5sum <"$demo/boot.wim")" = "$before" ] || fail "a write request changed boot.wim"
[ -e "$demo/boot.wim" ] || fail "DELETE removed boot.wim"

# 3. Every request logged.
requests=$(grep -cE '^[0-9:]+Z (GET|HEAD|PUT|POST|DELETE) /' "$WORK/serve.out")
[ "$requests" = 21 ] || { cat "$WORK/serve.out" >&2; fail "$requests requests logged, expected 21"; }
grep -qE '^[0-9:]+Z GET /boot\.wim 206 1000 bytes [0-9.]+ s \(bytes 1000-1999/[0-9]+\) from 127\.0\.0\.1:' "$WORK/serve.out" \
    || fail "the range request's log line"
grep -qE '^[0-9:]+Z GET /late 403 ' "$WORK/serve.out" || fail "the 403's log line"

# 4. QEMU's iPXE boots the served script (the guest reaches the host's 127.0.0.1 as 10.0.2.2).
ln -sfn "$demo/boot.sdi" "$demo/late"
s=$WORK/serial
QEMU_MEM=2048 boot_qemu "$s" -netdev "user,id=n0,bootfile=http://10.0.2.2:$port/boot.ipxe" -device virtio-net-pci,netdev=n0,bootindex=1
expect_line "$s" "^http://10\.0\.2\.2:$port/boot\.wim\.\.\. ok"
patched_bcd "$demo/BCD" "$WORK/BCD.patched"
expect_file "$s" '\Boot\BCD' "$WORK/BCD.patched"
expect_file "$s" '\boot.sdi' "$demo/boot.sdi"
# `late` is a loose file the loader injects into the WIM (issue 20): the served WIM is what
# bcd wim inject writes for it.
"$bcd" wim inject "$demo/boot.wim" "late=$demo/boot.sdi" -o "$WORK/boot.injected.wim" >/dev/null || fail "bcd wim inject"
expect_file "$s" '\Sources\boot.wim' "$WORK/boot.injected.wim"
expect_line "$s" '^STANDIN done$'
for f in boot.ipxe loader.efi BCD boot.sdi boot.wim late; do
    grep -qE "^[0-9:]+Z GET /$f 200 [0-9]+ bytes .* from 127\.0\.0\.1:" "$WORK/serve.out" || fail "the boot's GET /$f is not logged"
done

# 5. Ctrl-C.
kill -INT "$server"
rc=0; wait "$server" || rc=$?
[ "$rc" = 0 ] || { cat "$WORK/serve.out" >&2; fail "bcd serve exited with $rc after SIGINT, expected 0"; }
grep -qE '^stopped after [0-9]+ requests$' "$WORK/serve.out" || fail "no 'stopped' line"
echo "64-serve: ok ($(grep -m1 '^stopped' "$WORK/serve.out"); iPXE boot: $(grep -c '^STANDIN file' "$s.txt") files read by the stand-in)"

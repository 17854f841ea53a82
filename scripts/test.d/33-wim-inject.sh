#!/usr/bin/env bash
# WIM injection (issue 20) checked with wimlib: `bcd wim inject` writes the WIM the loader
# serves with files in \Windows\System32; wimlib-imagex info/dir/extract/verify must accept it,
# list the files, extract every file (original and injected) byte-identical and verify every
# hash. For WIMs captured with none, XPRESS and LZX, with and without a replaced file, and
# into image 2 of a two-image WIM. Bad input: one line on stderr, non-zero exit, no output file.
set -uo pipefail
cd "$(dirname "$0")/../.."
for tool in wimlib-imagex python3 cmp diff truncate; do
    command -v "$tool" >/dev/null || { echo "wim-inject: required tool '$tool' is missing (run scripts/install-deps.sh)"; exit 1; }
done
bin="$(swift build --show-bin-path)/bcd"
swift build --product bcd >/dev/null || { echo "wim-inject: cannot build bcd"; exit 1; }
work=$(mktemp -d /tmp/wim-inject.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
fail() { echo "wim-inject: FAIL: $*"; failures=$((failures + 1)); }
pass() { checks=$((checks + 1)); }

# Trees: image 1 and image 2 differ; both have System32 with a winpeshl.ini, a subdirectory,
# a multi-chunk file and a hard link. Injected: a script, a larger binary, an empty file, two
# files with equal content (one blob), one equal to a file already in the image (its blob).
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]; r = random.Random(20)
def put(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f: f.write(data)
for tree, tag in (("tree1", b"one"), ("tree2", b"two")):
    s32 = os.path.join(work, tree, "Windows", "System32")
    put(os.path.join(s32, "winpeshl.ini"), b"[LaunchApps]\r\n%SYSTEMROOT%\\system32\\" + tag + b".exe\r\n")
    put(os.path.join(s32, "kernel.dll"), r.randbytes(150000) + b"boot" * 20000)
    put(os.path.join(s32, "drivers", "disk.sys"), r.randbytes(5000))
    put(os.path.join(s32, "config", "SYSTEM"), b"regf" + r.randbytes(3000))
    put(os.path.join(work, tree, "Windows", "Boot", "EFI", "bootmgfw.efi"), r.randbytes(9000))
    put(os.path.join(work, tree, "Sources", "setup.txt"), b"setup " * 3000 + tag)
    os.link(os.path.join(s32, "kernel.dll"), os.path.join(s32, "kernel-link.dll"))
inj = os.path.join(work, "inject")
put(os.path.join(inj, "startnet.cmd"), b"wpeinit\r\nping -n 5 localhost\r\n")
put(os.path.join(inj, "tool.exe"), b"MZ" + r.randbytes(300000))
put(os.path.join(inj, "empty.txt"), b"")
put(os.path.join(inj, "same-a.txt"), b"the same content\r\n")
put(os.path.join(inj, "same-b.txt"), b"the same content\r\n")
put(os.path.join(inj, "copy.sys"), open(os.path.join(work, "tree1", "Windows", "System32", "drivers", "disk.sys"), "rb").read())
put(os.path.join(inj, "winpeshl.ini"), b"[LaunchApps]\r\nstartnet.cmd\r\n")
put(os.path.join(inj, "BCD"), b"regf not injected")
put(os.path.join(inj, "x.efi"), b"MZ not injected")
PY
inj=$work/inject
plain=("$inj/startnet.cmd" "$inj/tool.exe" "$inj/empty.txt" "$inj/same-a.txt" "$inj/same-b.txt" "$inj/copy.sys" "$inj/BCD" "$inj/x.efi")
injected_names=(startnet.cmd tool.exe empty.txt same-a.txt same-b.txt copy.sys)

# expected TREE DEST [replace]: the tree as the patched image must extract.
expected() {
    rm -rf "$2"; cp -a "$1" "$2"
    for name in "${injected_names[@]}"; do cp "$inj/$name" "$2/Windows/System32/$name"; done
    if [ "${3:-}" = replace ]; then rm "$2/Windows/System32/winpeshl.ini"; cp "$inj/winpeshl.ini" "$2/Windows/System32/WINPESHL.INI"; fi
}

# check LABEL WIM PATCHED INDEX TREE EXPECTED: wimlib accepts PATCHED and its image INDEX is EXPECTED.
check() {
    local label=$1 patched=$3 index=$4 tree=$5 want=$6
    wimlib-imagex info "$patched" >"$work/info" 2>&1 || { fail "$label: wimlib-imagex info rejects the patched WIM:"; cat "$work/info"; return; }
    grep -Eq "^Boot Index: +$index\$" "$work/info" && pass || fail "$label: boot index is not $index: $(grep 'Boot Index' "$work/info")"
    wimlib-imagex dir "$patched" "$index" >"$work/dir" 2>&1 || { fail "$label: wimlib-imagex dir failed:"; cat "$work/dir"; return; }
    for name in "${injected_names[@]}"; do
        grep -qx "/Windows/System32/$name" "$work/dir" && pass || fail "$label: wimlib-imagex dir does not list /Windows/System32/$name"
    done
    grep -qi -e "/System32/BCD\$" -e "/System32/x.efi\$" "$work/dir" && fail "$label: BCD or x.efi was injected" || pass
    [ "$(grep -ic '/Windows/System32/winpeshl.ini$' "$work/dir")" -eq 1 ] && pass || fail "$label: not exactly one winpeshl.ini"
    rm -rf "$work/out"
    wimlib-imagex extract "$patched" "$index" --dest-dir="$work/out" >"$work/extract" 2>&1 \
        || { fail "$label: wimlib-imagex extract failed (hash check on extraction?):"; tail -5 "$work/extract"; return; }
    diff -r "$want" "$work/out" >"$work/diff" 2>&1 && pass || { fail "$label: extracted image differs from the expected tree:"; head -20 "$work/diff"; }
    # Hard links survive (wimlib restores them from the copied dentries).
    [ "$(stat -c %i "$work/out/Windows/System32/kernel.dll")" = "$(stat -c %i "$work/out/Windows/System32/kernel-link.dll")" ] \
        && pass || fail "$label: kernel.dll and kernel-link.dll are no longer one file"
    wimlib-imagex verify "$patched" >"$work/verify" 2>&1 && pass || { fail "$label: wimlib-imagex verify fails:"; tail -5 "$work/verify"; }
    # BootCore's own reader sees the same: bcd wim ls --inject lists the files with their sizes,
    # bcd wim cat reads one back from the written WIM.
    "$bin" wim ls "$2" '\Windows\System32' --index "$index" --inject "${plain[@]}" ${7:+"$7"} >"$work/ls" 2>"$work/ls.err" \
        || { fail "$label: bcd wim ls --inject failed: $(cat "$work/ls.err")"; return; }
    grep -Eq "^- +$(stat -c %s "$inj/tool.exe")  tool.exe\$" "$work/ls" && pass || { fail "$label: ls --inject does not list tool.exe with its size:"; cat "$work/ls"; }
    grep -Eq "^- +0  empty.txt\$" "$work/ls" && pass || fail "$label: ls --inject does not list empty.txt"
    [ "$(grep -c 'not injected' "$work/ls.err")" -eq 2 ] && pass || fail "$label: ls --inject does not say BCD and x.efi are not injected: $(cat "$work/ls.err")"
    "$bin" wim cat "$patched" '\windows\system32\STARTNET.CMD' --index "$index" >"$work/cat" && cmp -s "$work/cat" "$inj/startnet.cmd" \
        && pass || fail "$label: bcd wim cat of the patched WIM does not give startnet.cmd back"
}

for compression in none XPRESS LZX; do
    wim=$work/$compression.wim
    wimlib-imagex capture "$work/tree1" "$wim" one --compress="$compression" >/dev/null 2>&1 || { fail "capture $compression"; continue; }
    cp "$wim" "$work/orig.wim"
    # Without a replaced file.
    "$bin" wim inject "$wim" "${plain[@]}" -o "$work/p.wim" >"$work/inject.out" 2>&1 || { fail "$compression: inject failed: $(cat "$work/inject.out")"; continue; }
    grep -q "not injected: BCD" "$work/inject.out" && pass || fail "$compression: inject does not report BCD as not injected"
    expected "$work/tree1" "$work/want"
    check "$compression" "$wim" "$work/p.wim" 1 "$work/tree1" "$work/want"
    # With one (the name in another case: replacement is case-insensitive).
    "$bin" wim inject "$wim" "${plain[@]}" "WINPESHL.INI=$inj/winpeshl.ini" -o "$work/p.wim" >"$work/inject.out" 2>&1 \
        || { fail "$compression replace: inject failed: $(cat "$work/inject.out")"; continue; }
    grep -Eq "replaced +WINPESHL.INI" "$work/inject.out" && pass || fail "$compression: inject does not report the replacement"
    expected "$work/tree1" "$work/want" replace
    check "$compression replace" "$wim" "$work/p.wim" 1 "$work/tree1" "$work/want" "WINPESHL.INI=$inj/winpeshl.ini"
    cmp -s "$wim" "$work/orig.wim" && pass || fail "$compression: the input WIM was changed"
done

# A WIM with an integrity table: the patched one drops it (it would be stale) and verifies.
wimlib-imagex capture "$work/tree1" "$work/integrity.wim" one --compress=LZX --check >/dev/null 2>&1 || fail "capture --check"
wimlib-imagex info "$work/integrity.wim" | grep -q "Integrity info" || fail "wimlib-imagex capture --check wrote no integrity table"
"$bin" wim inject "$work/integrity.wim" "$inj/startnet.cmd" -o "$work/pi.wim" >/dev/null 2>&1 || fail "integrity: inject failed"
wimlib-imagex info "$work/pi.wim" | grep -q "Integrity info" && fail "integrity: the patched WIM still claims an integrity table" || pass
wimlib-imagex verify "$work/pi.wim" >/dev/null 2>&1 && pass || fail "integrity: wimlib-imagex verify fails on the patched WIM"

# Two images (the second appended): --index 2 patches image 2 and makes it the boot image;
# image 1 extracts unchanged.
multi=$work/multi.wim
wimlib-imagex capture "$work/tree1" "$multi" one --compress=LZX >/dev/null 2>&1 \
    && wimlib-imagex append "$work/tree2" "$multi" two >/dev/null 2>&1 || fail "capture/append the two-image WIM"
"$bin" wim inject "$multi" "${plain[@]}" "WINPESHL.INI=$inj/winpeshl.ini" --index 2 -o "$work/p2.wim" >"$work/inject.out" 2>&1 \
    || fail "index 2: inject failed: $(cat "$work/inject.out")"
expected "$work/tree2" "$work/want" replace
check "index 2" "$multi" "$work/p2.wim" 2 "$work/tree2" "$work/want" "WINPESHL.INI=$inj/winpeshl.ini"
rm -rf "$work/out1"
wimlib-imagex extract "$work/p2.wim" 1 --dest-dir="$work/out1" >/dev/null 2>&1 && diff -r "$work/tree1" "$work/out1" >/dev/null \
    && pass || fail "index 2: image 1 no longer extracts as captured"

# Bad input: one line on stderr, non-zero exit, and an existing output file left as it was.
expect_refusal() {
    local what=$1; shift
    echo "keep me" >"$work/existing.wim"
    if "$@" -o "$work/existing.wim" >"$work/out.txt" 2>"$work/err"; then fail "$what: exit 0 on bad input"; return; fi
    [ "$(wc -l <"$work/err")" -eq 1 ] && pass || { fail "$what: stderr is not one line:"; cat "$work/err"; }
    grep -q "${expect:-.}" "$work/err" && pass || fail "$what: message does not say '$expect': $(cat "$work/err")"
    [ "$(cat "$work/existing.wim")" = "keep me" ] && pass || fail "$what: the output file was changed"
    ls "$work"/existing.wim.* >/dev/null 2>&1 && fail "$what: a temporary file was left behind" || pass
}
lzx=$work/LZX.wim
wimlib-imagex capture "$work/tree1" "$work/lzms.wim" --compress=LZMS >/dev/null 2>&1 || fail "capture LZMS"
wimlib-imagex capture "$work/tree1" "$work/solid.wim" --compress=LZX --solid >/dev/null 2>&1 || fail "capture solid"
mkdir -p "$work/nosys/Sources" && echo x >"$work/nosys/Sources/a" && wimlib-imagex capture "$work/nosys" "$work/nosys.wim" >/dev/null 2>&1
truncate -s 4G "$work/huge.bin"
expect=LZMS expect_refusal "LZMS WIM" "$bin" wim inject "$work/lzms.wim" "$inj/startnet.cmd"
expect=solid expect_refusal "solid WIM" "$bin" wim inject "$work/solid.wim" "$inj/startnet.cmd"
expect="4 GiB" expect_refusal "over 4 GiB" "$bin" wim inject "$lzx" "$work/huge.bin"
expect="not allowed" expect_refusal "name with a colon" "$bin" wim inject "$lzx" "a:b=$inj/startnet.cmd"
expect="end with" expect_refusal "name ending in a dot" "$bin" wim inject "$lzx" "a.=$inj/startnet.cmd"
expect="twice" expect_refusal "same name twice" "$bin" wim inject "$lzx" "$inj/startnet.cmd" "StartNet.CMD=$inj/tool.exe"
expect="is a directory" expect_refusal "name of a directory" "$bin" wim inject "$lzx" "Drivers=$inj/startnet.cmd"
expect="System32" expect_refusal "no System32" "$bin" wim inject "$work/nosys.wim" "$inj/startnet.cmd"
expect="no image 3" expect_refusal "no such image" "$bin" wim inject "$multi" "$inj/startnet.cmd" --index 3
expect="not a WIM" expect_refusal "not a WIM" "$bin" wim inject "$inj/tool.exe" "$inj/startnet.cmd"
expect="No such file" expect_refusal "missing injected file" "$bin" wim inject "$lzx" "$work/nope"

echo "wim-inject: $checks passed, $failures failed"
[ $failures -eq 0 ]

#!/usr/bin/env bash
# End-to-end checks of `bcd vdisk`, `bcd sdi info|make` and `bcd cpio ls` against the host
# tools (dosfstools, mtools, mkntfs, file, cpio): right output on good input, and exactly one
# line on stderr with a non-zero exit on bad input.
set -uo pipefail
cd "$(dirname "$0")/../.."
for tool in fsck.fat mcopy mdir mkntfs file cpio dd cmp; do
    command -v "$tool" >/dev/null || { echo "payload-commands: required tool '$tool' is missing (run scripts/install-deps.sh)"; exit 1; }
done
bin="$(swift build --show-bin-path)/bcd"
[ -x "$bin" ] || swift build --product bcd >/dev/null || { echo "payload-commands: cannot build bcd"; exit 1; }
work=$(mktemp -d /tmp/payload-commands.XXXXXX)
trap 'rm -rf "$work"' EXIT
export MTOOLS_SKIP_CHECK=1
failures=0
fail() { echo "payload-commands: FAIL: $*"; failures=$((failures + 1)); }

# Expects a non-zero exit and exactly one line on stderr.
expect_refusal() {
    local what=$1; shift
    if "$@" >"$work/out" 2>"$work/err"; then fail "$what: exit 0 on bad input"; return; fi
    [ "$(wc -l <"$work/err")" -eq 1 ] || { fail "$what: stderr is not one line:"; cat "$work/err"; }
}

# --- vdisk: every file byte-identical from several of the nine directories, fsck-clean.
head -c 300000 /dev/urandom >"$work/boot.wim"
head -c 1234 /dev/urandom >"$work/BCD"
head -c 5000 /dev/urandom >"$work/bootmgr.efi"
: >"$work/empty"
"$bin" vdisk boot.wim="$work/boot.wim" "$work/BCD" bootmgr.efi="$work/bootmgr.efi" "Long Name.txt=$work/empty" -o "$work/disk.img" >"$work/out" \
    || fail "vdisk exited non-zero: $(cat "$work/out")"
dd if="$work/disk.img" of="$work/part.img" bs=512 skip=2048 status=none
fsck.fat -n "$work/part.img" >"$work/fsck" 2>&1 || { fail "fsck.fat -n complains:"; cat "$work/fsck"; }
for dir in / /Boot /Boot/Fonts /Sources /EFI/Microsoft/Boot; do
    for name in boot.wim BCD bootmgr.efi; do
        rm -f "$work/copy"
        mcopy -n -i "$work/disk.img@@1M" "::$dir/$name" "$work/copy" 2>>"$work/mtools.err" \
            && cmp -s "$work/copy" "$work/$name" || fail "$dir/$name not read back byte-identical"
    done
done
mdir -i "$work/disk.img@@1M" ::/EFI | grep -q "Long Name.txt" || fail "long name not listed in \\EFI"
expect_refusal "vdisk name clash" "$bin" vdisk Sources="$work/BCD" -o "$work/bad.img"
expect_refusal "vdisk duplicate" "$bin" vdisk bcd="$work/BCD" BCD="$work/BCD" -o "$work/bad.img"
expect_refusal "vdisk missing file" "$bin" vdisk x="$work/nope" -o "$work/bad.img"

# --- sdi: the real fixture, a made one, and a non-SDI.
"$bin" sdi info ../shared/fixtures/sdi/tiny-boot.sdi >"$work/out" 2>&1 || fail "sdi info on the fixture exited non-zero"
grep -q "PART blob starts with an NTFS boot sector" "$work/out" || fail "sdi info: NTFS PART not reported"
grep -q "empty WIM slot at 0x4b000" "$work/out" || fail "sdi info: WIM slot not reported"
truncate -s 8M "$work/ntfs.img"
mkntfs -F -Q -q -s 512 -p 0 -H 255 -S 63 "$work/ntfs.img" >/dev/null 2>&1 || fail "mkntfs failed"
"$bin" sdi make "$work/ntfs.img" -o "$work/boot.sdi" >/dev/null || fail "sdi make exited non-zero"
"$bin" sdi info "$work/boot.sdi" >"$work/out" 2>&1 || { fail "sdi info rejects sdi make's output:"; cat "$work/out"; }
file -b "$work/boot.sdi" | grep -q NTFS || fail "file does not see NTFS inside sdi make's output: $(file -b "$work/boot.sdi")"
expect_refusal "sdi info on a non-SDI" "$bin" sdi info "$work/BCD"
expect_refusal "sdi make on a non-NTFS" "$bin" sdi make "$work/BCD" -o "$work/bad.sdi"

# --- cpio: an archive from GNU cpio, and the same archive truncated.
mkdir -p "$work/tree/sub" && echo hi >"$work/tree/a" && echo there >"$work/tree/sub/b"
(cd "$work/tree" && printf 'a\nsub\nsub/b\n' | cpio -o -H newc --quiet) >"$work/t.cpio"
"$bin" cpio ls "$work/t.cpio" >"$work/out" || fail "cpio ls exited non-zero"
[ "$(awk '{print $NF}' "$work/out" | tr '\n' ' ')" = "a sub sub/b " ] || { fail "cpio ls lists wrong names:"; cat "$work/out"; }
head -c 200 "$work/t.cpio" >"$work/cut.cpio"
expect_refusal "cpio ls on a truncated archive" "$bin" cpio ls "$work/cut.cpio"

[ $failures -eq 0 ] && echo "payload-commands: all checks passed"
[ $failures -eq 0 ]

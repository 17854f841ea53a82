#!/usr/bin/env bash
# `bcd boot --firmware bios` end to end, headless (SeaBIOS, TCG):
#  1. network mode: iPXE's BIOS ROM fetches boot.ipxe over QEMU's TFTP, then loader.lkrn and
#     each file as a named initrd, and boots the bzImage; the screen is read from VGA memory;
#  2. disk mode: SYSLINUX on a FAT superfloppy, linux.c32 loads loader.lkrn and wraps each file
#     in a newc header ("Encapsulating NAME... ok" on the VGA screen);
#  2b. the project's BIOS loader and BIOS stand-in in both modes (and bootmgr.exe from a
#      compressed bootmgr): the stand-in reads every file as the host has it;
#  2c. no boot manager: the BIOS rules stop the boot; forced, the loader's one error line;
#  3. refusals before QEMU: a comma in a SYSLINUX name, --mode http, --secure-boot;
#  4. bcd ipxe-script --bios prints the script network mode used;
#  5. the README's BIOS script is that command's output.
# 1 and 2 boot Debian's iPXE (/boot/ipxe.lkrn, package ipxe),
# installed as PREFIX/lib/bcd/loader.lkrn beside a copy of bcd, the layout of the .deb. It
# proves the staging, the firmware, the ROM, SYSLINUX, the VGA capture and the classification:
# each boot must show the files delivered to a running bzImage, and iPXE lists what it received.
# 2b boots the project's loader.lkrn and standin-bios.exe (bcd boot compares the stand-in's
# STANDIN sizes and CRC32s with the host's, as in 60-boot-demo).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in qemu-system-x86_64 mcopy mdir syslinux timeout; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
command -v mkfs.fat >/dev/null || [ -x /usr/sbin/mkfs.fat ] || fail "missing mkfs.fat (dosfstools)"
for f in /usr/share/seabios/bios-256k.bin /usr/lib/ipxe/qemu/pxe-e1000.rom /usr/lib/syslinux/modules/bios/linux.c32 /boot/ipxe.lkrn; do
    [ -r "$f" ] || fail "missing $f (scripts/install-deps.sh installs seabios, ipxe-qemu, syslinux-common, ipxe)"
done
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-bios-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/prefix/bin" "$work/prefix/lib/bcd" "$work/ws"
cp "$bcd" "$work/prefix/bin/bcd"
cp /boot/ipxe.lkrn "$work/prefix/lib/bcd/loader.lkrn"
ibcd=$work/prefix/bin/bcd
cd "$work/ws"   # no source tree above: bcd takes the installed loader
unset BCD_SOURCE_ROOT
"$ibcd" createstore BCD >/dev/null
head -c 5000 /dev/urandom >boot.sdi

# boot NAME EXPECTED-STATUS ARGS...: runs bcd boot, keeps its output in $work/NAME.out.
boot() {
    local name=$1 want=$2; shift 2
    local start=$SECONDS rc=0
    BCD_BOOT_NO_KVM=1 timeout 300 "$ibcd" boot --firmware bios "$@" >"$work/$name.out" 2>&1 || rc=$?
    if [ "$rc" != "$want" ]; then
        cat "$work/$name.out" >&2
        fail "$name: bcd boot exited with $rc, expected $want"
    fi
    echo "61-boot-bios: $name: exit $rc in $((SECONDS - start)) s: $(grep -E '^(OK|FAILED|TIMEOUT|NOT STARTED|STOPPED)' "$work/$name.out" | head -1)"
}
expect() {   # NAME REGEX
    grep -qE -- "$2" "$work/$1.out" || { cat "$work/$1.out" >&2; fail "$1: expected a line matching: $2"; }
}

# 1. Network. `imgstat` is the command line: iPXE's bzImage runs it as a script, listing the
# initrd it was handed; then it returns to the BIOS, which finds nothing else to boot.
# (--force: the store is empty, validation would stop the boot.)
boot network 2 BCD --file boot.sdi=boot.sdi --mode network --loader-args imgstat --timeout 120 --force
expect network '^stage: TFTP tree .* for iPXE.s BIOS ROM \(/usr/lib/ipxe/qemu/pxe-e1000\.rom\), boot\.ipxe:$'
expect network '^stage:   kernel loader\.lkrn imgstat \|\| goto failed$'
expect network '^stage:   initrd --name boot\.sdi boot\.sdi boot\.sdi \|\| goto failed$'
expect network '^qemu: .*\(TCG software emulation, network mode'
expect network '^FAILED: the BIOS found nothing to boot \(see the screen\)$'
expect network '^screen \(as the console showed it; blank rows left out\):$'
expect network '^  \| boot\.ipxe : [0-9]+ bytes \[script\]$'
expect network '^  \| loader\.lkrn\.\.\. ok$'
expect network '^  \| BCD\.\.\. ok$'
expect network '^  \| boot\.sdi\.\.\. ok$'
# The bzImage ran (a second iPXE banner after the fetches) and received the initrds.
expect network '^  \| <INITRD> : [0-9]+ bytes'
expect network '^  \| No bootable device\.$'

# 2. Disk.
boot disk 2 BCD --file boot.sdi=boot.sdi --mode disk --loader-args imgstat --timeout 120 --force
expect disk '^stage: FAT disk .*\(SYSLINUX, loader\.lkrn \+ BCD, boot\.sdi\), syslinux\.cfg:$'
expect disk '^stage:     APPEND loader\.lkrn imgstat initrdfile=BCD,boot\.sdi$'
expect disk '^  \| SYSLINUX [0-9]'
expect disk '^  \| Loading loader\.lkrn\.\.\. ok$'
expect disk '^  \| Encapsulating BCD\.\.\. ok$'
expect disk '^  \| Encapsulating boot\.sdi\.\.\. ok$'
expect disk '^  \| iPXE initialising devices\.\.\.ok$'
expect disk '^FAILED: the BIOS found nothing to boot \(see the screen\)$'

# 2b. The project's BIOS loader (loader/build/loader.lkrn, built by bcd boot through `make -C
# loader bios`) and the BIOS stand-in (loader/build/standin-bios.exe) as the boot manager, with
# the demo workspace's store (its entry's path an .exe: BIOS), boot.sdi and a WIM holding that
# OS loader: validation passes with the BIOS rules, and in both modes the stand-in must read
# every file as the host has it (bcd boot compares its STANDIN sizes and CRC32s), the BCD
# unpatched. Then bootmgr.exe taken from a compressed `bootmgr` (bcd bootmgr pack) instead.
make -C "$root/loader" standin-bios >/dev/null || fail "make -C loader standin-bios failed"
for t in wimcapture mkntfs; do command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"; done
real=$work/real; mkdir -p "$real/tree/Windows/System32/boot"
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null
cp "$work/demo/BCD" "$work/demo/boot.sdi" "$real/"
cp "$root/loader/build/standin-bios.exe" "$real/bootmgr.exe"
"$bcd" set --store "$real/BCD" '{a4f89c62-2142-11e6-80b6-00155da04110}' path '\Windows\System32\boot\winload.exe' >/dev/null
head -c 300000 /dev/urandom >"$real/tree/Windows/System32/boot/winload.exe"
wimcapture "$real/tree" "$real/boot.wim" PE --compress=lzx --boot >/dev/null
"$bcd" bootmgr pack "$real/bootmgr.exe" -o "$real/bootmgr" >/dev/null
realboot() {   # NAME MODE BOOTMGR-NAME
    local name=$1 mode=$2 manager=$3 rc=0 start=$SECONDS
    (cd "$root" && BCD_BOOT_NO_KVM=1 timeout 600 "$bcd" boot "$real/BCD" --firmware bios --mode "$mode" --timeout 180 \
        --file "$manager=$real/$manager" --file "boot.sdi=$real/boot.sdi" --file "boot.wim=$real/boot.wim" \
        --serial-log "$work/$name.serial") >"$work/$name.out" 2>&1 || rc=$?
    [ "$rc" = 0 ] || { cat "$work/$name.out" >&2; fail "$name: bcd boot exited with $rc, expected 0"; }
    echo "61-boot-bios: $name: exit $rc in $((SECONDS - start)) s: $(grep -E '^(OK|FAILED|TIMEOUT)' "$work/$name.out" | head -1)"
    expect "$name" '^OK: booted; the boot manager read [0-9]+ files, all as the host has them$'
    expect "$name" '^    BCD: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host'
    expect "$name" '^    boot\.sdi: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host$'
    expect "$name" '^    boot\.wim: [0-9]+ bytes, crc32 [0-9a-f]{8}, .* = host$'
    expect "$name" '^  loader: bcd raw'
    local serial; serial=$(tr -d '\r' <"$work/$name.serial")
    grep -qx "STANDIN firmware bios" <<<"$serial" || fail "$name: not the BIOS stand-in"
    grep -qE '^STANDIN bcd .* exe=[1-9][0-9]* efi=0$' <<<"$serial" || fail "$name: the stand-in did not see an unpatched BCD"
    for f in BCD boot.sdi boot.wim "$manager"; do
        grep -qx "LOADER input $f size=$(stat -c %s "$real/$f")" <<<"$serial" || fail "$name: the loader did not get $f with the host's size"
    done
}
realboot real-network network bootmgr.exe
realboot real-disk disk bootmgr.exe
realboot real-packed network bootmgr
# The stand-in that ran is the one extracted from bootmgr (the first STANDIN line follows it).
grep -qE '^LOADER extracted bootmgr\.exe from bootmgr offset=[0-9]+ format=lznt1 size=[0-9]+$' <(tr -d '\r' <"$work/real-packed.serial") \
    || { cat "$work/real-packed.serial" >&2; fail "real-packed: bootmgr.exe was not extracted from the compressed bootmgr"; }

# 2c. No boot manager at all (none supplied, the WIM has no \Windows\Boot\PXE\bootmgr.exe): the
# BIOS rules stop the boot (exit 1); forced, the loader says so in one line (exit 2), no hang.
srcboot() {   # NAME EXPECTED-STATUS ARGS...: bcd boot from the source tree (the project's loader.lkrn)
    local name=$1 want=$2 rc=0; shift 2
    (cd "$root" && BCD_BOOT_NO_KVM=1 timeout 600 "$bcd" boot --firmware bios "$@") >"$work/$name.out" 2>&1 || rc=$?
    [ "$rc" = "$want" ] || { cat "$work/$name.out" >&2; fail "$name: bcd boot exited with $rc, expected $want"; }
    echo "61-boot-bios: $name: exit $rc: $(grep -E '^(OK|FAILED|TIMEOUT|NOT STARTED)' "$work/$name.out" | head -1)"
}
srcboot nobootmgr 1 "$real/BCD" --file "boot.sdi=$real/boot.sdi" --file "boot.wim=$real/boot.wim" --mode disk --timeout 120
expect nobootmgr '^check: error \[bootmgr\.missing\] boot\.wim: no boot manager: none supplied, and image 1 of boot\.wim has no \\Windows\\Boot\\PXE\\bootmgr\.exe$'
srcboot nobootmgr-forced 2 "$real/BCD" --file "boot.sdi=$real/boot.sdi" --file "boot.wim=$real/boot.wim" --mode network --timeout 120 --force
expect nobootmgr-forced '^FAILED: the loader stopped: .*bootmgr'

# 3. Refused before the emulator starts: one line, exit 1 (or 64 for the option checks).
cp boot.sdi "a,b"
boot comma 1 BCD --file "a,b=a,b" --mode disk --force
expect comma 'names served through SYSLINUX .* cannot contain commas'
boot http 64 BCD --mode http
expect http 'firmware bios boots --mode disk or network, not http'
boot secure 64 BCD --secure-boot=2011
expect secure 'secure-boot needs --firmware uefi'

# 4. The script network mode used (iPXE's `imgstat` is no loader option: ipxe-script refuses
# it, so its script is compared without it).
"$ibcd" ipxe-script --bios BCD --file boot.sdi=boot.sdi >"$work/script.ipxe"
sed -n 's/^stage:   //p' "$work/network.out" | sed 's/^kernel loader\.lkrn imgstat /kernel loader.lkrn /' >"$work/served.ipxe"
diff "$work/served.ipxe" "$work/script.ipxe" >&2 || fail "ipxe-script --bios differs from the script bcd boot served"
rc=0; "$ibcd" ipxe-script --bios BCD --loader-args imgstat >"$work/refused.out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q 'unknown command line option "imgstat"' "$work/refused.out" || fail "ipxe-script --bios accepted a word the loader refuses (exit $rc)"
echo "61-boot-bios: ipxe-script --bios prints the script network mode served"
# 5. The README's BIOS script is what ipxe-script --bios prints for those files.
touch bootmgr.exe boot.wim
"$ibcd" ipxe-script --bios BCD --file bootmgr.exe=bootmgr.exe --file boot.sdi=boot.sdi --file boot.wim=boot.wim >"$work/readme-now.ipxe"
awk '/^<!-- bios-ipxe-script -->$/ { found = 1; next } found && /^```$/ { if (inside) exit; inside = 1; next } inside { print }' \
    "$root/README.md" >"$work/readme.ipxe"
[ -s "$work/readme.ipxe" ] || fail "README.md has no block after <!-- bios-ipxe-script -->"
diff "$work/readme.ipxe" "$work/readme-now.ipxe" >&2 || fail "README.md's BIOS iPXE script differs from bcd ipxe-script --bios"
echo "61-boot-bios: the README's BIOS iPXE script is what ipxe-script --bios prints"
echo "61-boot-bios: ok"

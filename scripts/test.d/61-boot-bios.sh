#!/usr/bin/env bash
# `bcd boot --firmware bios` end to end, headless (SeaBIOS, TCG):
#  1. network mode: iPXE's BIOS ROM fetches boot.ipxe over QEMU's TFTP, then loader.lkrn and
#     each file as a named initrd, and boots the bzImage; the screen is read from VGA memory;
#  2. disk mode: SYSLINUX on a FAT superfloppy, linux.c32 loads loader.lkrn and wraps each file
#     in a newc header ("Encapsulating NAME... ok" on the VGA screen);
#  2b. the project's BIOS loader and BIOS stand-in in both modes: each file arrives under its
#      name and size, the loader enters the stand-in, which reports;
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
# loader bios`) with the BIOS stand-in as bootmgr.exe (loader/build/standin-bios.exe), in both
# modes: the loader must list each file under its served name with the host's size (the newc
# names iPXE's initrd and linux.c32's initrdfile= gave), serve the BCD raw and enter the stand-in.
make -C "$root/loader" standin-bios >/dev/null || fail "make -C loader standin-bios failed"
cp "$root/loader/build/standin-bios.exe" bootmgr.exe
for mode in network disk; do
    rc=0
    (cd "$root" && BCD_BOOT_NO_KVM=1 timeout 600 "$bcd" boot --firmware bios --mode "$mode" --timeout 120 --force \
        "$work/ws/BCD" --file "boot.sdi=$work/ws/boot.sdi" --file "bootmgr.exe=$work/ws/bootmgr.exe" \
        --serial-log "$work/real-$mode.serial") >"$work/real-$mode.out" 2>&1 || rc=$?
    case $rc in 0|2) ;; *) cat "$work/real-$mode.out" >&2; fail "real-$mode: bcd boot exited with $rc";; esac
    serial=$(tr -d '\r' <"$work/real-$mode.serial")
    for f in BCD boot.sdi bootmgr.exe; do
        size=$(stat -c %s "$work/ws/$f")
        grep -qx "LOADER input $f size=$size" <<<"$serial" || { echo "$serial" >&2; fail "real-$mode: the loader did not get $f with $size bytes"; }
    done
    grep -q '^  loader: bcd raw' "$work/real-$mode.out" || { cat "$work/real-$mode.out" >&2; fail "real-$mode: the BCD was not served raw"; }
    grep -qx "LOADER emulating drive 0x8[0-9a-f] sectors=[0-9]*" <<<"$serial" || fail "real-$mode: no emulated drive"
    grep -qx "STANDIN firmware bios" <<<"$serial" || { echo "$serial" >&2; fail "real-$mode: the loader did not enter the BIOS stand-in"; }
    # The verdict is the stand-in's: OK with every file as the host has it, or its own error line.
    # TODO(issue 13): require OK (exit 0) once the stand-in reads the drive (today: "no free 64 KiB
    # of conventional memory for BIOS buffers", loader/stand-in work).
    grep -qE '^(OK: booted; the boot manager read [0-9]+ files, all as the host has them|FAILED: the stand-in boot manager stopped: .+)$' "$work/real-$mode.out" \
        || { cat "$work/real-$mode.out" >&2; fail "real-$mode: neither the stand-in's success nor its error"; }
    echo "61-boot-bios: real-$mode: exit $rc: $(grep -E '^(OK|FAILED|TIMEOUT)' "$work/real-$mode.out" | head -1)"
done

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

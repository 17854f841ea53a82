#!/usr/bin/env bash
# The BIOS STAND-IN boot manager (loader/build/standin-bios.exe, a PE32 bootmgr.exe) entered by
# the BIOS loader on SeaBIOS, as the real BIOS Windows Boot Manager is: it reads the emulated
# drive only through INT 13h via the loader's callback and must report, for every mirrored
# directory, the host's sizes and CRC32s, the BCD unpatched (.exe paths, no .efi), the raw
# drive's CRC32 equal to `bcd vdisk`'s image of the same files, and follow the BCD into the
# ramdisk WIM. Boots: QEMU -kernel/-initrd; iPXE over TFTP (kernel + initrd URI NAME); beside a
# BIOS hard disk (drive 0x81); an OS loader the WIM lacks and a BCD that is not a hive (the
# imitation error screen, read from VGA text memory). Also checks the PE image itself: i386,
# base relocations complete (the image relocated by them equals a link at another base).
source "$(dirname "$0")/../../loader/tests/lib.sh"
need cpio perl python3 wimcapture objdump ld objcopy
bcd=${BCD:-$ROOT/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
build_loader check-tools build/loader.lkrn build/standin-bios.exe
LKRN=$BUILD/loader.lkrn EXE=$BUILD/standin-bios.exe
guid='{a4f89c62-2142-11e6-80b6-00155da04110}'

# 1. The image: PE32 i386, labelled STAND-IN, with base relocations that are complete.
objdump -x "$EXE" >"$WORK/exe.dump"   # (grep -q on a pipe would end objdump early: pipefail)
grep -q 'file format pei-i386' "$WORK/exe.dump" || fail "standin-bios.exe is not pei-i386"
grep -qE 'Entry 5[[:space:]]+[0-9a-f]+[[:space:]]+0*[1-9a-f][0-9a-f]*[[:space:]]+Base Relocation Directory' "$WORK/exe.dump" || fail "standin-bios.exe has no base relocations"
grep -qa "STAND-IN boot manager, not Microsoft's" "$EXE" || fail "standin-bios.exe is not labelled STAND-IN"
sed 's/0x400000/0x800000/; s/0x401000/0x801000/' "$LOADER_DIR/standin-bios/standin-bios.lds" >"$WORK/at8m.lds"
objs=$(cd "$LOADER_DIR" && make -s -p -n build/standin-bios.exe 2>/dev/null | sed -n 's/^SB_OBJS := //p' | head -1)
[ -n "$objs" ] || fail "cannot list standin-bios.exe's objects"
( cd "$LOADER_DIR" && ld -m elf_i386 -nostdlib -static --no-warn-rwx-segments -T "$WORK/at8m.lds" --gc-sections \
    -o "$WORK/at8m.elf" $objs \
    "$(gcc -m32 -print-libgcc-file-name)" ) || fail "relinking the stand-in at 0x800000 failed"
python3 - "$EXE" "$WORK/at8m.elf" <<'PY' || fail "standin-bios.exe relocated to 0x800000 differs from a link there"
import struct, sys
pe = open(sys.argv[1], "rb").read(); elf = open(sys.argv[2], "rb").read()
lf = struct.unpack_from("<I", pe, 0x3C)[0]; n = struct.unpack_from("<H", pe, lf + 6)[0]
opt = lf + 24; base = struct.unpack_from("<I", pe, opt + 28)[0]; size = struct.unpack_from("<I", pe, opt + 56)[0]
table = opt + struct.unpack_from("<H", pe, lf + 20)[0]
img = bytearray(size)
for i in range(n):
    name, vsize, va, rawsize, raw = struct.unpack_from("<8sIIII", pe, table + 40 * i)
    img[va:va + min(vsize, rawsize)] = pe[raw:raw + min(vsize, rawsize)]
rva, rsize = struct.unpack_from("<II", pe, opt + 96 + 40)
delta = 0x800000 - base; at = rva; fixed = 0
while at < rva + rsize:
    page, block = struct.unpack_from("<II", img, at)
    for k in range((block - 8) // 2):
        e = struct.unpack_from("<H", img, at + 8 + 2 * k)[0]
        if e >> 12 == 3:
            o = page + (e & 0xFFF); struct.pack_into("<I", img, o, (struct.unpack_from("<I", img, o)[0] + delta) & 0xFFFFFFFF); fixed += 1
    at += block
shoff = struct.unpack_from("<I", elf, 0x20)[0]; es, cnt = struct.unpack_from("<HH", elf, 0x2E)
bad = 0
for i in range(cnt):
    s = struct.unpack_from("<10I", elf, shoff + i * es)
    if s[1] == 1 and s[2] & 2 and s[5]:      # PROGBITS, allocated
        va = s[3] - 0x800000
        if bytes(img[va:va + s[5]]) != elf[s[4]:s[4] + s[5]]: bad += 1; print("differs:", hex(s[3]), s[5])
print(f"relocations: {fixed} applied, {bad} sections differ")
sys.exit(1 if bad or not fixed else 0)
PY
echo "54-loader-standin-bios: image ok (pei-i386, STAND-IN, relocations complete)"

# The files: the demo workspace's store and boot.sdi, its entry's path an .exe (BIOS), and a
# boot WIM holding that OS loader and a startnet.cmd.
BCD=$bcd "$ROOT/scripts/make-demo-workspace.sh" "$WORK/demo" >/dev/null
f=$WORK/files; mkdir -p "$f"
cp "$EXE" "$f/bootmgr.exe"; cp "$WORK/demo/BCD" "$WORK/demo/boot.sdi" "$f/"
"$bcd" set --store "$f/BCD" "$guid" path '\Windows\System32\boot\winload.exe' >/dev/null
tree=$WORK/tree; mkdir -p "$tree/Windows/System32/boot"
head -c 300000 /dev/urandom >"$tree/Windows/System32/boot/winload.exe"
printf 'wpeinit\r\n' >"$tree/Windows/System32/startnet.cmd"
wimcapture "$tree" "$f/boot.wim" PE --compress=lzx --boot >/dev/null
newc() { local out=$1 dir=$2; shift 2; ( cd "$dir" && printf '%s\n' "$@" | cpio -o -H newc --quiet ) >"$out"; }
newc "$WORK/all.cpio" "$f" bootmgr.exe BCD boot.sdi boot.wim
"$bcd" vdisk "bootmgr.exe=$f/bootmgr.exe" "BCD=$f/BCD" "boot.sdi=$f/boot.sdi" "boot.wim=$f/boot.wim" -o "$WORK/ref.img" >/dev/null

# boot LOG [qemu args...]: SeaBIOS until `STANDIN done` or a loader error (the stand-in halts
# after it; a hang runs into $QEMU_TIMEOUT and fails); the VGA text screen saved as LOG.vga.
boot() {
    local log=$1; shift
    local port; port=$(free_port)
    : >"$log"
    timeout "$QEMU_TIMEOUT" qemu-system-x86_64 -machine pc -m 512 -display none -no-reboot \
        -serial "file:$log" $(monitor_args "$port") "$@" 2>"$log.err" &
    local pid=$! start=$SECONDS done=
    while kill -0 $pid 2>/dev/null; do
        tr -d '\r' <"$log" >"$log.now"
        if grep -qaE '^(STANDIN done|loader: error:)' "$log.now"; then
            sleep 0.5; monitor_cmd "$port" "pmemsave 0xb8000 4000 \"$log.vga\""; sleep 0.5
            kill $pid 2>/dev/null || true; done=1; break
        fi
        sleep 0.2
    done
    wait $pid 2>/dev/null || true
    tr -d '\r' <"$log" >"$log.txt"
    [ -n "$done" ] || fail "$(basename "$log"): QEMU ended without 'STANDIN done' (timeout or crash): $(tail -5 "$log.txt")"
    echo "54-loader-standin-bios: $(basename "$log") done after $((SECONDS - start))s"
}
screen() { perl -e 'local $/; my $d = <STDIN>; my $t = join "", map { substr($d, 2*$_, 1) } 0..1999; print substr($t, 80*$_, 80), "\n" for 0..24;' <"$1"; }
attr_at() { od -An -tu1 -j $(( ($2 * 80 + $3) * 2 + 1 )) -N1 "$1" | tr -d ' '; }   # VGA ROW COLUMN

# expect_read LOG DRIVE: what the stand-in read through INT 13h equals the host's files.
expect_read() {
    local log=$1 drive=$2 p
    expect_line "$log" '^STANDIN start \(STAND-IN boot manager, not Microsoft'"'"'s\)$'
    expect_line "$log" '^STANDIN params version=2 size=[0-9]+ regions=[0-9]+ image=[0-9a-f]+ imagesize=[0-9]+ partition=1048576 signature=[0-9a-f]+$'
    expect_line "$log" "^STANDIN drive $drive signature=[0-9a-f]+ from=parameters\$"
    expect_line "$log" "^STANDIN device bios drive=$drive sectors=$(( $(size_of "$WORK/ref.img") / 512 )) edd=30 chs-lba0=match\$"
    expect_line "$log" '^STANDIN filesystem fat32 start=2048$'
    for p in '\Boot\BCD' '\EFI\Microsoft\Boot\BCD' '\BCD' '\Boot\Fonts\BCD' '\Boot\Resources\BCD' '\Sources\BCD' '\EFI\BCD' '\EFI\Boot\BCD' '\EFI\Microsoft\BCD'; do
        expect_file "$log" "$p" "$f/BCD"
        expect_line "$log" "^STANDIN bcd $(printf '%s' "$p" | sed 's/\\/\\\\/g') exe=[1-9][0-9]* efi=0\$"   # unpatched
    done
    for p in '\Boot\boot.sdi' '\boot.sdi' '\EFI\Boot\boot.sdi'; do expect_file "$log" "$p" "$f/boot.sdi"; done
    for p in '\Sources\boot.wim' '\boot.wim'; do expect_file "$log" "$p" "$f/boot.wim"; done
    expect_line "$log" "^STANDIN disk blocks=$(( $(size_of "$WORK/ref.img") / 512 )) crc32=$(crc32 "$WORK/ref.img")\$"
    reject_line "$log" '^STANDIN (error|readerror|missing)'
}
expect_followed() {
    local log=$1
    expect_line "$log" "^STANDIN entry \\{a4f89c62-2142-11e6-80b6-00155da04110\\} device=ramdisk wim=\\\\Boot\\\\boot\\.wim sdi=\\\\Boot\\\\boot\\.sdi\$"
    expect_line "$log" '^STANDIN follow \\Boot\\boot\.wim found$'
    expect_line "$log" '^STANDIN follow \\Boot\\boot\.sdi found$'
    expect_line "$log" "^STANDIN wim-file \\\\Windows\\\\System32\\\\startnet\\.cmd size=$(size_of "$tree/Windows/System32/startnet.cmd") crc32=$(crc32 "$tree/Windows/System32/startnet.cmd")\$"
    expect_line "$log" '^STANDIN follow-wim \\Windows\\System32\\boot\\winload\.exe found$'
    reject_line "$log" '^STANDIN imitates'
    expect_line "$log" '^STANDIN done$'
}

# 2. QEMU -kernel/-initrd, no disks: drive 0x80.
boot "$WORK/kernel" -nic none -kernel "$LKRN" -initrd "$WORK/all.cpio"
expect_read "$WORK/kernel" 80
expect_followed "$WORK/kernel"
screen "$WORK/kernel.vga" >"$WORK/kernel.screen"
head -1 "$WORK/kernel.screen" | grep -q "STAND-IN boot manager (not Microsoft's): checking the BIOS drive" || { screen "$WORK/kernel.vga" >&2; fail "kernel: no stand-in banner on the screen"; }
echo "54-loader-standin-bios: -kernel ok (every directory's files, the unpatched BCD, the raw drive, the BCD followed into the WIM)"

# 3. iPXE (QEMU's BIOS ROM) over TFTP: kernel + initrd URI NAME.
t=$WORK/tftp; mkdir -p "$t"; cp "$LKRN" "$f/bootmgr.exe" "$f/BCD" "$f/boot.sdi" "$f/boot.wim" "$t/"
printf '#!ipxe\nkernel loader.lkrn\ninitrd bootmgr.exe bootmgr.exe\ninitrd BCD BCD\ninitrd boot.sdi boot.sdi\ninitrd boot.wim boot.wim\nboot\n' >"$t/boot.ipxe"
boot "$WORK/ipxe" -nic "user,model=e1000,tftp=$t,bootfile=boot.ipxe" -boot n
expect_read "$WORK/ipxe" 80
expect_followed "$WORK/ipxe"
echo "54-loader-standin-bios: iPXE ok"

# 4. Beside a BIOS hard disk: the stand-in is told drive 0x81 and finds its signature there.
truncate -s 8M "$WORK/blank.img"
boot "$WORK/disk" -nic none -drive file="$WORK/blank.img",format=raw,if=ide -kernel "$LKRN" -initrd "$WORK/all.cpio"
expect_read "$WORK/disk" 81
expect_followed "$WORK/disk"
echo "54-loader-standin-bios: drive 0x81 ok"

# 5. The entry's OS loader is not in the WIM: the imitation error screen, in VGA text memory as
#    the real BIOS boot manager draws it (title and footer bars 70h, values bright white 0Fh).
g=$WORK/noloader-files; mkdir -p "$g"; cp "$f/bootmgr.exe" "$f/boot.sdi" "$f/boot.wim" "$f/BCD" "$g/"
"$bcd" set --store "$g/BCD" "$guid" path '\Windows\System32\boot\nosuch.exe' >/dev/null
newc "$WORK/noloader.cpio" "$g" bootmgr.exe BCD boot.sdi boot.wim
boot "$WORK/noloader" -nic none -kernel "$LKRN" -initrd "$WORK/noloader.cpio"
expect_line "$WORK/noloader" '^STANDIN follow-wim \\Windows\\System32\\boot\\nosuch\.exe missing$'
expect_line "$WORK/noloader" "^STANDIN imitates the Windows Boot Manager error screen \\(STAND-IN, not Microsoft's\\)\$"
screen "$WORK/noloader.vga" >"$WORK/noloader.screen"
grep -qE "^    File: \\\\Windows\\\\System32\\\\boot\\\\nosuch\\.exe +\$" "$WORK/noloader.screen" || { cat "$WORK/noloader.screen" >&2; fail "noloader: no File line on row 12"; }
sed -n 13p "$WORK/noloader.screen" | grep -q '^    File: ' || fail "noloader: File is not on row 12"
sed -n 15p "$WORK/noloader.screen" | grep -qE '^    Status: 0xc000000f +$' || fail "noloader: no Status 0xc000000f on row 14"
sed -n 17p "$WORK/noloader.screen" | grep -q "^    Info: The application or operating system couldn't be loaded because a" || fail "noloader: no Info on row 16"
sed -n 25p "$WORK/noloader.screen" | grep -q '^ ENTER=OS Selection' || fail "noloader: no footer on row 24"
sed -n 1p "$WORK/noloader.screen" | grep -q "Windows Boot Manager (STAND-IN imitation, not Microsoft's)" || fail "noloader: no STAND-IN title on row 0"
[ "$(attr_at "$WORK/noloader.vga" 0 0)" = 112 ] && [ "$(attr_at "$WORK/noloader.vga" 24 0)" = 112 ] || fail "noloader: title/footer bars are not attribute 70h"
[ "$(attr_at "$WORK/noloader.vga" 12 10)" = 15 ] && [ "$(attr_at "$WORK/noloader.vga" 12 4)" = 7 ] || fail "noloader: the File value is not bright (0Fh) after a 07h label"
echo "54-loader-standin-bios: missing OS loader: the error screen ok"

# 6. A BCD that is not a registry hive: one entry line, the BCD error screen, no hang.
b=$WORK/badbcd-files; mkdir -p "$b"; cp "$f/bootmgr.exe" "$f/boot.sdi" "$f/boot.wim" "$b/"; head -c 20000 /dev/urandom >"$b/BCD"
newc "$WORK/badbcd.cpio" "$b" bootmgr.exe BCD boot.sdi boot.wim
boot "$WORK/badbcd" -nic none -kernel "$LKRN" -initrd "$WORK/badbcd.cpio"
expect_file "$WORK/badbcd" '\Boot\BCD' "$b/BCD"
expect_line "$WORK/badbcd" '^STANDIN entry none \(\\Boot\\BCD: .+\)$'
[ "$(grep -c '^STANDIN entry' "$WORK/badbcd.txt")" = 1 ] || fail "badbcd: not exactly one entry line"
screen "$WORK/badbcd.vga" >"$WORK/badbcd.screen"
sed -n 15p "$WORK/badbcd.screen" | grep -qE '^    Status: 0xc000000f' || { cat "$WORK/badbcd.screen" >&2; fail "badbcd: no Status on the screen"; }
sed -n 13p "$WORK/badbcd.screen" | grep -qE '^    File: \\Boot\\BCD' || fail "badbcd: the screen does not name \\Boot\\BCD"
echo "54-loader-standin-bios: unreadable BCD ok"

# 7. Only a WIM in the initrd: the loader takes bootmgr.exe (\Windows\Boot\PXE), BCD and
#    boot.sdi (\Windows\Boot\DVD\PCAT) from it; the stand-in reads and follows them as before.
w=$WORK/wimtree; mkdir -p "$w/Windows/Boot/PXE" "$w/Windows/Boot/DVD/PCAT" "$WORK/wimonly-in"
cp -r "$tree/Windows/System32" "$w/Windows/"
cp "$f/bootmgr.exe" "$w/Windows/Boot/PXE/"; cp "$f/BCD" "$f/boot.sdi" "$w/Windows/Boot/DVD/PCAT/"
wimcapture "$w" "$WORK/wimonly-in/boot.wim" PE --compress=lzx --boot >/dev/null
newc "$WORK/wimonly.cpio" "$WORK/wimonly-in" boot.wim
boot "$WORK/wimonly" -nic none -kernel "$LKRN" -initrd "$WORK/wimonly.cpio"
expect_line "$WORK/wimonly" '^LOADER extracted \\Windows\\Boot\\PXE\\bootmgr\.exe size=[0-9]+$'
for p in '\Boot\BCD' '\EFI\Microsoft\Boot\BCD' '\Sources\BCD'; do expect_file "$WORK/wimonly" "$p" "$f/BCD"; done
for p in '\Boot\boot.sdi' '\boot.sdi'; do expect_file "$WORK/wimonly" "$p" "$f/boot.sdi"; done
for p in '\Sources\boot.wim' '\boot.wim'; do expect_file "$WORK/wimonly" "$p" "$WORK/wimonly-in/boot.wim"; done
expect_line "$WORK/wimonly" '^STANDIN bcd \\Boot\\BCD exe=[1-9][0-9]* efi=0$'
s=$WORK/wimonly-served; mkdir -p "$s"; cp "$f/bootmgr.exe" "$f/BCD" "$f/boot.sdi" "$WORK/wimonly-in/boot.wim" "$s/"
args=(); while read -r name; do args+=("$name=$s/$name"); done < <(sed -nE 's/^LOADER input (.*) size=[0-9]+$/\1/p; s/^LOADER extracted .*\\([^\\]*) size=[0-9]+$/\1/p' "$WORK/wimonly.txt")
"$bcd" vdisk "${args[@]}" -o "$WORK/ref-wim.img" >/dev/null
expect_line "$WORK/wimonly" "^STANDIN disk blocks=$(( $(size_of "$WORK/ref-wim.img") / 512 )) crc32=$(crc32 "$WORK/ref-wim.img")\$"
expect_followed "$WORK/wimonly"
echo "54-loader-standin-bios: bootmgr.exe, BCD and boot.sdi from the WIM ok"
echo "54-loader-standin-bios: ok"

#!/usr/bin/env bash
# The BIOS loader (loader/build/loader.lkrn, a bzImage) on SeaBIOS: started by QEMU -kernel/-initrd
# (a cpio made with `cpio -o -H newc`), by iPXE over TFTP (`kernel` + `initrd URI NAME`, which
# wraps each file in a newc header), by GRUB (`linux16` + `initrd16 newc:NAME:PATH`) and by
# SYSLINUX (`linux.c32 loader.lkrn initrdfile=...`). Checks the LOADER lines (every file with the host's size,
# the command line, the emulated drive: 0x80 + the BIOS's hard disks), the screen (VGA text
# memory read with pmemsave), and that each error (no initrd, garbage cpio, no bootmgr.exe, no
# BCD, unknown option) is one line, after which the test stops QEMU (a hang reaches the timeout
# and fails).
source "$(dirname "$0")/../../loader/tests/lib.sh"
need cpio perl gcc ld swift wimcapture grub-mkrescue xorriso syslinux mformat mcopy
SYSLINUX_MODULES=/usr/lib/syslinux/modules/bios
[ -r "$SYSLINUX_MODULES/linux.c32" ] || fail "missing $SYSLINUX_MODULES/linux.c32 (scripts/install-deps.sh installs syslinux-common)"
build_loader bios standin-bios
swift build --product bcd >"$WORK/swift.log" 2>&1 || { tail -20 "$WORK/swift.log"; fail "swift build --product bcd failed"; }
bcd=$(swift build --show-bin-path)/bcd
LKRN=$BUILD/loader.lkrn
[ -s "$LKRN" ] || fail "no $LKRN"
version=$(sed -n 's/.*static let text = "\([^"]*\)".*/\1/p' "$ROOT/Sources/BootCore/Support/BcdVersion.swift")

# boot_bios LOG [qemu args...]: SeaBIOS (QEMU's default BIOS) until a line matches $STOP_ON
# (default: the loader's error line), or until $QEMU_TIMEOUT (then the test fails). Writes
# LOG, LOG.txt (no CRs) and, with $VGA_DUMP set, the 80x25 text screen to $VGA_DUMP. With
# $KEY_ON set, a key (Enter) is pressed once when a line matches it.
boot_bios() {
    local log=$1; shift
    local port; port=$(free_port)
    : >"$log"
    timeout "$QEMU_TIMEOUT" qemu-system-x86_64 -machine pc -m "${QEMU_MEM:-512}" -display none -no-reboot \
        -serial "file:$log" $(monitor_args "$port") "$@" 2>"$log.err" &
    local pid=$! stop=${STOP_ON:-^loader: error:} start=$SECONDS pressed=
    while kill -0 $pid 2>/dev/null; do
        if [ -n "${KEY_ON:-}" ] && [ -z "$pressed" ] && tr -d '\r' <"$log" | grep -qaE -- "$KEY_ON"; then
            sleep 0.5; monitor_cmd "$port" "sendkey ret"; pressed=1
        fi
        if tr -d '\r' <"$log" | grep -qaE -- "$stop"; then
            sleep 0.5
            [ -z "${VGA_DUMP:-}" ] || { monitor_cmd "$port" "pmemsave 0xb8000 4000 \"$VGA_DUMP\""; sleep 0.5; }
            kill $pid 2>/dev/null || true; break
        fi
        sleep 0.2
    done
    wait $pid 2>/dev/null && true
    local rc=$?
    tr -d '\r' <"$log" >"$log.txt"
    [ $rc -ne 124 ] || fail "$(basename "$log"): QEMU ran into the ${QEMU_TIMEOUT}s timeout (a hang): $(tail -3 "$log.txt")"
    echo "53-loader-bios: $(basename "$log") stopped after $((SECONDS - start))s"
}
# The characters of a VGA text dump (every other byte), one screen row per line.
vga_text() { perl -e 'local $/; my $d = <STDIN>; my $t = join "", map { substr($d, 2*$_, 1) } 0..1999; print substr($t, 80*$_, 80), "\n" for 0..24;' <"$1"; }
one_error_line() {   # LOG REGEX: exactly one loader error line, and it matches
    local count; count=$(grep -c '^loader: error:' "$1.txt" || true)
    [ "$count" = 1 ] || fail "$(basename "$1"): $count error lines (want 1): $(cat "$1.txt")"
    expect_line "$1" "^loader: error: $2"
}

f=$WORK/files; mkdir -p "$f/sub" "$f/bad"
gcc -m32 -ffreestanding -nostdlib -fno-pic -fno-ident -fno-stack-protector -O1 -c "$LOADER_DIR/tests/bios-probe.c" -o "$WORK/probe.o"
ld -m i386pe --image-base 0x400000 -e start --dynamicbase -s "$WORK/probe.o" -o "$f/bootmgr.exe"
head -c 70000 /dev/urandom >"$f/bad/bootmgr.exe"
fake_bcd "$f/sub/BCD"                            # a member in a directory: served by its last name
head -c 3000000 /dev/urandom >"$f/boot.sdi"
echo "wpeinit" >"$f/startnet.cmd"
newc() { local out=$1; shift; ( cd "$f" && printf '%s\n' "$@" | cpio -o -H newc --quiet ) >"$out"; }
newc "$WORK/all.cpio" bootmgr.exe sub sub/BCD boot.sdi startnet.cmd
newc "$WORK/nobcd.cpio" bootmgr.exe boot.sdi
newc "$WORK/nobootmgr.cpio" sub/BCD boot.sdi
newc "$WORK/notpe.cpio" bad/bootmgr.exe sub/BCD
head -c 4096 /dev/urandom >"$WORK/garbage.cpio"
mkdir -p "$WORK/served"; cp "$f/bootmgr.exe" "$f/sub/BCD" "$f/boot.sdi" "$f/startnet.cmd" "$WORK/served/"
# A WIM holding the BIOS boot files (\Windows\Boot\PXE\bootmgr.exe, \Windows\Boot\DVD\PCAT\BCD
# and boot.sdi): the initrd holds the WIM alone.
tree=$WORK/tree; mkdir -p "$tree/Windows/Boot/PXE" "$tree/Windows/Boot/DVD/PCAT" "$tree/Windows/System32" "$WORK/wim"
cp "$f/bootmgr.exe" "$tree/Windows/Boot/PXE/"; cp "$f/sub/BCD" "$f/boot.sdi" "$tree/Windows/Boot/DVD/PCAT/"
head -c 100000 /dev/urandom >"$tree/Windows/System32/filler.bin"
wimcapture "$tree" "$WORK/wim/boot.wim" PE --compress=lzx --boot >/dev/null
( cd "$WORK/wim" && echo boot.wim | cpio -o -H newc --quiet ) >"$WORK/wim.cpio"
cp "$f/bootmgr.exe" "$f/sub/BCD" "$f/boot.sdi" "$WORK/wim/"

expect_inputs() {   # LOG: every file with the host's size
    expect_line "$1" "^LOADER input bootmgr.exe size=$(size_of "$f/bootmgr.exe")\$"
    expect_line "$1" "^LOADER input BCD size=$(size_of "$f/sub/BCD")\$"
    expect_line "$1" "^LOADER input boot.sdi size=$(size_of "$f/boot.sdi")\$"
    expect_line "$1" "^LOADER input startnet.cmd size=$(size_of "$f/startnet.cmd")\$"
    reject_line "$1" '^LOADER input sub'
}
# expect_probe LOG [DIR]: bootmgr.exe (the probe) was entered and read the disk `bcd vdisk`
# makes of the files in the order the loader listed them (inputs and files extracted from the
# WIM), each found in DIR by its served name (default: $WORK/served).
expect_probe() {
    local dir=${2:-$WORK/served}
    expect_line "$1" '^LOADER entering bootmgr.exe \(parameters at [0-9a-f]+, drive 0x8[0-9]\)$'
    expect_line "$1" '^PROBE block ok image=[0-9a-f]{8} size=[0-9]+$'
    expect_line "$1" '^PROBE int13 41h bx=aa55 cf=0$'
    local args=() name
    while read -r name; do args+=("$name=$dir/$name"); done < <(sed -nE 's/^LOADER input (.*) size=[0-9]+$/\1/p; s/^LOADER extracted .*\\([^\\]*) size=[0-9]+$/\1/p; s/^LOADER extracted (bootmgr.exe) from .*/\1/p' "$1.txt")
    "$bcd" vdisk "${args[@]}" -o "$WORK/ref.img" >/dev/null
    expect_line "$1" "^PROBE int13 48h sectors=$(( $(size_of "$WORK/ref.img") / 512 )) cf=0\$"
    expect_line "$1" "^PROBE disk crc32=$(crc32 "$WORK/ref.img")\$"
    expect_line "$1" '^PROBE e820 entries=[0-9]+ image-reserved=1$'
    expect_line "$1" '^PROBE done$'
}

# 1. QEMU -kernel, no disks: drive 0x80; the banner on COM1 and on the screen.
STOP_ON='^(loader: error:|PROBE done|STANDIN done)' VGA_DUMP=$WORK/screen.vga boot_bios "$WORK/kernel" -nic none \
    -kernel "$LKRN" -initrd "$WORK/all.cpio" -append "rawbcd index=2"
expect_line "$WORK/kernel" "^LOADER start \\(bcd $version, bios\\)\$"
expect_line "$WORK/kernel" '^LOADER cmdline rawbcd index=2$'
expect_inputs "$WORK/kernel"
expect_line "$WORK/kernel" '^LOADER bootmgr bootmgr.exe$'
expect_line "$WORK/kernel" '^LOADER bcd raw \(BIOS: not patched\)$'
expect_line "$WORK/kernel" '^LOADER emulating drive 0x80 sectors=[0-9]+$'
vga_text "$WORK/screen.vga" >"$WORK/screen.txt"
grep -q "loader: wimboot-compatible BIOS loader (bcd $version)" "$WORK/screen.txt" || { cat "$WORK/screen.txt" >&2; fail "no banner on the screen"; }
grep -q "loader: emulating drive 0x80" "$WORK/screen.txt" || { cat "$WORK/screen.txt" >&2; fail "no drive line on the screen"; }
expect_probe "$WORK/kernel"
expect_line "$WORK/kernel" '^PROBE vesa 4f01 ax=004f supported=0$'   # no gui: VESA modes hidden
echo "53-loader-bios: -kernel ok (COM1 and screen; bootmgr.exe entered, the drive read through the callback equals bcd vdisk's)"

# 2. One BIOS hard disk present: the emulated drive is 0x81.
truncate -s 8M "$WORK/blank.img"
STOP_ON='^(loader: error:|PROBE done|STANDIN done)' boot_bios "$WORK/disk" -nic none -drive file="$WORK/blank.img",format=raw,if=ide \
    -kernel "$LKRN" -initrd "$WORK/all.cpio"
expect_line "$WORK/disk" '^LOADER emulating drive 0x81 sectors=[0-9]+$'
expect_line "$WORK/disk" '^PROBE drive 0x81$'
expect_probe "$WORK/disk"
echo "53-loader-bios: drive 0x81 beside a BIOS disk ok"

# 3. iPXE (QEMU's BIOS ROM) over TFTP: kernel + initrd URI NAME.
t=$WORK/tftp; mkdir -p "$t"
cp "$LKRN" "$f/bootmgr.exe" "$f/sub/BCD" "$f/boot.sdi" "$f/startnet.cmd" "$t/"
printf '#!ipxe\nkernel loader.lkrn quiet gui\ninitrd bootmgr.exe bootmgr.exe\ninitrd BCD BCD\ninitrd boot.sdi boot.sdi\ninitrd startnet.cmd startnet.cmd\nboot\n' >"$t/boot.ipxe"
STOP_ON='^(loader: error:|PROBE done|STANDIN done)' boot_bios "$WORK/ipxe" -nic "user,model=e1000,tftp=$t,bootfile=boot.ipxe" -boot n
expect_line "$WORK/ipxe" "^LOADER start \\(bcd $version, bios\\)\$"
expect_line "$WORK/ipxe" '^LOADER cmdline quiet gui$'
expect_line "$WORK/ipxe" '^PROBE vesa 4f01 ax=004f supported=1$'   # gui: VESA modes stay
expect_inputs "$WORK/ipxe"
expect_line "$WORK/ipxe" '^LOADER emulating drive 0x80 sectors=[0-9]+$'
expect_probe "$WORK/ipxe"
echo "53-loader-bios: iPXE ok"

# 3b. GRUB (i386-pc, from a CD made by grub-mkrescue): linux16 + initrd16 newc:NAME:PATH (GRUB's
# newc members count the name without its NUL; GRUB puts BOOT_IMAGE= first on the command line).
g=$WORK/grub; mkdir -p "$g/boot/grub"
cp "$LKRN" "$f/bootmgr.exe" "$f/sub/BCD" "$f/boot.sdi" "$f/startnet.cmd" "$g/"
cat >"$g/boot/grub/grub.cfg" <<'CFG'
set timeout=0
menuentry loader {
  linux16 /loader.lkrn rawwim
  initrd16 newc:bootmgr.exe:/bootmgr.exe newc:BCD:/BCD newc:boot.sdi:/boot.sdi newc:startnet.cmd:/startnet.cmd
  boot
}
CFG
grub-mkrescue -d /usr/lib/grub/i386-pc -o "$WORK/grub.iso" "$g" >"$WORK/grub-mkrescue.log" 2>&1 || { cat "$WORK/grub-mkrescue.log"; fail "grub-mkrescue failed"; }
STOP_ON='^(loader: error:|PROBE done|STANDIN done)' boot_bios "$WORK/grub-boot" -nic none -cdrom "$WORK/grub.iso"
expect_line "$WORK/grub-boot" '^LOADER cmdline BOOT_IMAGE=/loader.lkrn rawwim$'
expect_inputs "$WORK/grub-boot"
expect_probe "$WORK/grub-boot"
echo "53-loader-bios: GRUB linux16/initrd16 newc: ok"

# 3c. SYSLINUX (a FAT disk, BIOS drive 0x80): linux.c32 loader.lkrn ... initrdfile=A,B,C (linux.c32
# wraps each file in a newc header; it puts BOOT_IMAGE= first); the emulated drive is 0x81.
img=$WORK/syslinux.img; truncate -s 64M "$img"; mformat -i "$img" :: >/dev/null
syslinux --install "$img"
for m in linux.c32 libcom32.c32 libutil.c32; do mcopy -i "$img" "$SYSLINUX_MODULES/$m" ::/; done
mcopy -i "$img" "$LKRN" "$f/bootmgr.exe" "$f/sub/BCD" "$f/boot.sdi" "$f/startnet.cmd" ::/
printf 'DEFAULT l\nLABEL l\n  COM32 linux.c32\n  APPEND loader.lkrn rawwim initrdfile=bootmgr.exe,BCD,boot.sdi,startnet.cmd\n' >"$WORK/syslinux.cfg"
mcopy -i "$img" "$WORK/syslinux.cfg" ::/
STOP_ON='^(loader: error:|PROBE done|STANDIN done)' boot_bios "$WORK/syslinux-boot" -nic none -drive file="$img",format=raw,if=ide
expect_line "$WORK/syslinux-boot" '^LOADER cmdline BOOT_IMAGE=loader.lkrn rawwim initrdfile=bootmgr.exe,BCD,boot.sdi,startnet.cmd$'
expect_inputs "$WORK/syslinux-boot"
expect_line "$WORK/syslinux-boot" '^LOADER emulating drive 0x81 sectors=[0-9]+$'
expect_probe "$WORK/syslinux-boot"
echo "53-loader-bios: SYSLINUX linux.c32 initrdfile= ok"

# 4. bootmgr.exe, BCD and boot.sdi from the WIM (LoaderBiosWimFiles).
STOP_ON='^(loader: error:|PROBE done|STANDIN done)' boot_bios "$WORK/fromwim" -nic none -kernel "$LKRN" -initrd "$WORK/wim.cpio"
for p in 'PXE\\bootmgr.exe' 'DVD\\PCAT\\BCD' 'DVD\\PCAT\\boot.sdi'; do expect_line "$WORK/fromwim" "^LOADER extracted \\\\Windows\\\\Boot\\\\$p size=[0-9]+\$"; done
expect_probe "$WORK/fromwim" "$WORK/wim"
echo "53-loader-bios: files from the WIM ok"

# 5. bootmgr.exe decoded from a compressed PCAT bootmgr (made by `bcd bootmgr pack`), LZNT1 and XCA.
for fmt in lznt1 xca; do
    d=$WORK/files-$fmt; mkdir -p "$d"
    "$bcd" bootmgr pack "$f/bootmgr.exe" -o "$d/bootmgr" --format $fmt
    cp "$f/bootmgr.exe" "$f/sub/BCD" "$f/boot.sdi" "$d/"
    ( cd "$d" && printf '%s\n' bootmgr BCD boot.sdi | cpio -o -H newc --quiet ) >"$WORK/packed-$fmt.cpio"
    STOP_ON='^(loader: error:|PROBE done|STANDIN done)' boot_bios "$WORK/packed-$fmt" -nic none -kernel "$LKRN" -initrd "$WORK/packed-$fmt.cpio"
    expect_line "$WORK/packed-$fmt" "^LOADER extracted bootmgr.exe from bootmgr offset=[0-9a-f]+ format=$fmt size=$(size_of "$f/bootmgr.exe")\$"
    expect_probe "$WORK/packed-$fmt" "$d"
    echo "53-loader-bios: bootmgr ($fmt) ok"
done

# 6. The BIOS STAND-IN boot manager (build/standin-bios.exe) as bootmgr.exe: it reads the drive
# through the callback's INT 13h and mounts it: each file with the host's size and CRC32, the BCD
# unpatched (its .exe paths stay), the raw drive equal to bcd vdisk's.
d=$WORK/files-standin; mkdir -p "$d"
cp "$BUILD/standin-bios.exe" "$d/bootmgr.exe"; cp "$f/sub/BCD" "$f/boot.sdi" "$f/startnet.cmd" "$d/"
( cd "$d" && printf '%s\n' bootmgr.exe BCD boot.sdi startnet.cmd | cpio -o -H newc --quiet ) >"$WORK/standin.cpio"
STOP_ON='^(loader: error:|STANDIN done)' boot_bios "$WORK/standin" -nic none -kernel "$LKRN" -initrd "$WORK/standin.cpio"
expect_line "$WORK/standin" '^STANDIN firmware bios$'
expect_line "$WORK/standin" "^STANDIN file \\\\Boot\\\\BCD size=$(size_of "$d/BCD") crc32=$(crc32 "$d/BCD")\$"
expect_line "$WORK/standin" "^STANDIN file \\\\boot.sdi size=$(size_of "$d/boot.sdi") crc32=$(crc32 "$d/boot.sdi")\$"
expect_line "$WORK/standin" '^STANDIN bcd \\Boot\\BCD exe=2 efi=0$'
"$bcd" vdisk "bootmgr.exe=$d/bootmgr.exe" "BCD=$d/BCD" "boot.sdi=$d/boot.sdi" "startnet.cmd=$d/startnet.cmd" -o "$WORK/ref.img" >/dev/null
expect_line "$WORK/standin" "^STANDIN disk blocks=$(( $(size_of "$WORK/ref.img") / 512 )) crc32=$(crc32 "$WORK/ref.img")\$"
echo "53-loader-bios: BIOS stand-in ok"

# 7. Errors: one line each, then the loader halts (the test stops QEMU).
boot_bios "$WORK/e-noinitrd" -nic none -kernel "$LKRN"
one_error_line "$WORK/e-noinitrd" 'no initrd'
boot_bios "$WORK/e-garbage" -nic none -kernel "$LKRN" -initrd "$WORK/garbage.cpio"
one_error_line "$WORK/e-garbage" 'the initrd is not a newc cpio archive: no newc cpio header \(070701\) at offset 0$'
boot_bios "$WORK/e-nobootmgr" -nic none -kernel "$LKRN" -initrd "$WORK/nobootmgr.cpio"
one_error_line "$WORK/e-nobootmgr" 'no boot manager: supply bootmgr.exe'
boot_bios "$WORK/e-nobcd" -nic none -kernel "$LKRN" -initrd "$WORK/nobcd.cpio"
one_error_line "$WORK/e-nobcd" 'no BCD: supply a file named BCD'
boot_bios "$WORK/e-option" -nic none -kernel "$LKRN" -initrd "$WORK/all.cpio" -append "rawbcd frobnicate"
one_error_line "$WORK/e-option" 'unknown command line option "frobnicate"'
head -c 50000 /dev/urandom >"$f/bad/bootmgr"
( cd "$f" && printf '%s\n' bad/bootmgr sub/BCD | cpio -o -H newc --quiet ) >"$WORK/nopacked.cpio"
boot_bios "$WORK/e-nopacked" -nic none -kernel "$LKRN" -initrd "$WORK/nopacked.cpio"
one_error_line "$WORK/e-nopacked" 'no boot manager: bootmgr: no compressed bootmgr.exe \(LZNT1 or XCA, i386 PE32\) found in the file'
boot_bios "$WORK/e-notpe" -nic none -kernel "$LKRN" -initrd "$WORK/notpe.cpio"
one_error_line "$WORK/e-notpe" 'bootmgr.exe is not a usable boot manager: not a PE image \(no MZ\)$'
echo "53-loader-bios: errors ok"

# 8. pause: a key before bootmgr.exe starts; after an error a key restarts the machine (QEMU
# -no-reboot then exits by itself: STOP_ON matches nothing).
KEY_ON='^Press a key to start the boot manager$' STOP_ON='^(loader: error:|PROBE done)' boot_bios "$WORK/pause" -nic none \
    -kernel "$LKRN" -initrd "$WORK/all.cpio" -append "pause"
expect_line "$WORK/pause" '^Press a key to start the boot manager$'
expect_line "$WORK/pause" '^PROBE done$'
KEY_ON='^Press a key to restart the machine$' STOP_ON='^never$' boot_bios "$WORK/pause-error" -nic none \
    -kernel "$LKRN" -initrd "$WORK/all.cpio" -append "pause frobnicate"
one_error_line "$WORK/pause-error" 'unknown command line option "frobnicate"'
expect_line "$WORK/pause-error" '^Press a key to restart the machine$'
echo "53-loader-bios: pause ok"
echo "53-loader-bios: ok"

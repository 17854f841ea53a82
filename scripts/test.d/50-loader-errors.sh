#!/usr/bin/env bash
# Failures the loader must report in one clear line (and never hang): no BCD, no boot manager
# (with and without a WIM), an LZMS WIM, a garbage WIM, a WIM whose boot manager resource is
# damaged, an unknown command line option (with `pause`, which must prompt for a key), an
# image index the WIM does not have.
source "$(dirname "$0")/../../loader/tests/lib.sh"
need wimcapture
build_loader
n=0
case_fat() {   # EXPECTED-REGEX FILE...   (files copied to the disk root)
    local want=$1; shift
    n=$((n + 1))
    local d=$WORK/case$n; mkdir -p "$d/EFI/BOOT"
    cp "$BUILD/loader.efi" "$d/EFI/BOOT/BOOTX64.EFI"
    cp "$@" "$d/"
    make_disk "$WORK/disk$n.img" "$d"
    boot_disk "$WORK/disk$n.img" "$WORK/serial$n"
    expect_line "$WORK/serial$n" "^loader: error: $want"
    reject_line "$WORK/serial$n" '^STANDIN start'
    echo "50-loader-errors: case $n ok: $(grep -m1 '^loader: error:' "$WORK/serial$n.txt")"
}
f=$WORK/files; mkdir -p "$f"
fake_bcd "$f/BCD"
head -c 50000 /dev/urandom >"$f/boot.sdi"
cp "$BUILD/standin.efi" "$f/bootmgfw.efi"
mkdir -p "$f/garbage"; head -c 300000 /dev/urandom >"$f/garbage/boot.wim"
tree=$WORK/tree; mkdir -p "$tree/Windows/Boot/EFI" "$tree/Windows/System32"
cp "$BUILD/standin.efi" "$tree/Windows/Boot/EFI/bootmgfw.efi"
head -c 100000 /dev/urandom >"$tree/Windows/System32/filler.bin"
mkdir -p "$f/lzms" "$f/nobootmgr" "$f/corrupt" "$WORK/only"
wimcapture "$tree" "$f/lzms/boot.wim" PE --compress=lzms --boot >/dev/null
# Only the boot manager in the WIM, so its resource follows the 208-byte header: damage it.
mkdir -p "$WORK/only/Windows/Boot/EFI"; cp "$BUILD/standin.efi" "$WORK/only/Windows/Boot/EFI/bootmgfw.efi"
wimcapture "$WORK/only" "$f/corrupt/boot.wim" PE --compress=lzx --boot >/dev/null
head -c 8192 /dev/zero | tr '\0' '\245' | dd of="$f/corrupt/boot.wim" bs=1 seek=1000 conv=notrunc status=none   # deterministic damage
rm "$tree/Windows/Boot/EFI/bootmgfw.efi"
wimcapture "$tree" "$f/nobootmgr/boot.wim" PE --compress=xpress --boot >/dev/null

case_fat 'no BCD' "$f/bootmgfw.efi" "$f/boot.sdi"
case_fat 'no boot manager: supply bootmgfw.efi' "$f/BCD" "$f/boot.sdi"
case_fat 'no boot manager: none supplied, and boot.wim has no ' "$f/BCD" "$f/boot.sdi" "$f/nobootmgr/boot.wim"
case_fat 'boot.wim: unusable WIM: .*LZMS' "$f/BCD" "$f/boot.sdi" "$f/lzms/boot.wim"
case_fat 'boot.wim: unusable WIM: not a WIM' "$f/BCD" "$f/boot.sdi" "$f/garbage/boot.wim"
case_fat '(boot.wim: cannot extract a file: |the firmware refused to load the boot manager)' "$f/BCD" "$f/boot.sdi" "$f/corrupt/boot.wim"

# Unknown option, given by iPXE; `pause` (read first) makes the loader wait for a key.
t=$WORK/tftp; mkdir -p "$t"
cp "$BUILD/loader.efi" "$f/BCD" "$t/"
printf '#!ipxe\nkernel loader.efi pause frobnicate\nimgfetch --name BCD BCD\nboot\n' >"$t/boot.ipxe"
STOP_ON='Press a key' boot_qemu "$WORK/serial-opt" -netdev "user,id=n0,tftp=$t,bootfile=boot.ipxe" \
    -device virtio-net-pci,netdev=n0,bootindex=1
expect_line "$WORK/serial-opt" '^loader: error: unknown command line option "frobnicate"'
expect_line "$WORK/serial-opt" 'Press a key to return to the firmware'
echo "50-loader-errors: unknown option ok"

# index=N past the WIM's last image.
cp "$f/nobootmgr/boot.wim" "$t/boot.wim"
printf '#!ipxe\nkernel loader.efi index=3\nimgfetch --name BCD BCD\nimgfetch --name boot.wim boot.wim\nboot\n' >"$t/boot.ipxe"
boot_qemu "$WORK/serial-index" -netdev "user,id=n0,tftp=$t,bootfile=boot.ipxe" -device virtio-net-pci,netdev=n0,bootindex=1
expect_line "$WORK/serial-index" '^loader: error: boot.wim: unusable WIM: no image 3 in this WIM'
echo "50-loader-errors: index=3 of 1 ok"
echo "50-loader-errors: ok"

#!/usr/bin/env bash
# The loader booted by OVMF from a FAT disk (loader as EFI/BOOT/BOOTX64.EFI, inputs in the
# root): the STAND-IN boot manager, supplied as bootmgfw.efi, must find the virtual partition
# and read BCD (patched), boot.sdi and boot.wim from the mirrored directories with the
# host's sizes and CRC32s.
source "$(dirname "$0")/../../loader/tests/lib.sh"
build_loader
d=$WORK/disk; mkdir -p "$d/EFI/BOOT"
cp "$BUILD/loader.efi" "$d/EFI/BOOT/BOOTX64.EFI"
cp "$BUILD/standin.efi" "$d/bootmgfw.efi"
fake_bcd "$d/BCD"; patched_bcd "$d/BCD" "$WORK/BCD.patched"
head -c 3170000 /dev/urandom >"$d/boot.sdi"
head -c 25000001 /dev/urandom >"$d/boot.wim"
make_disk "$WORK/disk.img" "$d"
boot_disk "$WORK/disk.img" "$WORK/serial"
s=$WORK/serial
expect_line "$s" '^LOADER bootmgr bootmgfw.efi$'
expect_line "$s" '^STANDIN device vendor media=42434421 partition=1 '
expect_line "$s" '^STANDIN simplefs preconnected=1$'     # the loader connected the FAT driver
for p in '\Boot\BCD' '\EFI\Microsoft\Boot\BCD' '\BCD' '\Boot\Fonts\BCD' '\Boot\Resources\BCD' \
         '\Sources\BCD' '\EFI\BCD' '\EFI\Boot\BCD' '\EFI\Microsoft\BCD'; do
    expect_file "$s" "$p" "$WORK/BCD.patched"
done
expect_line "$s" '^STANDIN bcd \\Boot\\BCD exe=0 efi=2$'
for p in '\Boot\boot.sdi' '\boot.sdi' '\EFI\Boot\boot.sdi'; do expect_file "$s" "$p" "$d/boot.sdi"; done
for p in '\Sources\boot.wim' '\boot.wim'; do expect_file "$s" "$p" "$d/boot.wim"; done
expect_line "$s" '^STANDIN done$'
echo "50-loader-fat: ok"

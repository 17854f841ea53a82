#!/usr/bin/env bash
# Harness self-test: the STAND-IN boot manager booted directly by OVMF from a FAT disk reads
# the files next to it and reports sizes and CRC32s that match the host's.
source "$(dirname "$0")/../../loader/tests/lib.sh"
build_loader check-tools build/standin.efi
d=$WORK/disk; mkdir -p "$d/EFI/BOOT"
cp "$BUILD/standin.efi" "$d/EFI/BOOT/BOOTX64.EFI"
head -c 70001 /dev/urandom >"$d/BCD"
head -c 3170000 /dev/urandom >"$d/boot.sdi"
make_disk "$WORK/disk.img" "$d"
boot_disk "$WORK/disk.img" "$WORK/serial"
expect_line "$WORK/serial" '^STANDIN device fallback$'
expect_file "$WORK/serial" '\BCD' "$d/BCD"
expect_file "$WORK/serial" '\boot.sdi' "$d/boot.sdi"
expect_line "$WORK/serial" '^STANDIN done$'
echo "50-loader-standin: ok"

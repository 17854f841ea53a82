#!/usr/bin/env bash
# The boot manager, BCD and boot.sdi taken from inside boot.wim (made by wimcapture with no,
# XPRESS and LZX compression): the loader extracts them with BootCore and the STAND-IN boot
# manager, started from the WIM, reads them back with the host's sizes and CRC32s.  Supplied
# files win over the WIM's; boot.stl (optional) is taken from \Windows\Boot\EFI when the WIM has it:
# boot.sdi (lzx case) and the boot manager as bootx64.efi (xpress).
source "$(dirname "$0")/../../loader/tests/lib.sh"
need wimcapture
build_loader
tree=$WORK/tree; mkdir -p "$tree/Windows/Boot/EFI" "$tree/Windows/Boot/DVD/EFI" "$tree/Windows/System32"
cp "$BUILD/standin.efi" "$tree/Windows/Boot/EFI/bootmgfw.efi"
fake_bcd "$tree/Windows/Boot/DVD/EFI/BCD"; patched_bcd "$tree/Windows/Boot/DVD/EFI/BCD" "$WORK/BCD.patched"
head -c 200000 /dev/urandom >"$tree/Windows/Boot/DVD/EFI/boot.sdi"
head -c 5000 /dev/urandom >"$tree/Windows/Boot/EFI/boot.stl"
head -c 3000000 /dev/urandom >"$tree/Windows/System32/filler.bin"
for c in none xpress lzx; do
    d=$WORK/disk-$c; mkdir -p "$d/EFI/BOOT"
    cp "$BUILD/loader.efi" "$d/EFI/BOOT/BOOTX64.EFI"
    wimcapture "$tree" "$d/boot.wim" "PE $c" --compress=$c --boot >/dev/null
    [ $c != xpress ] || cp "$BUILD/standin.efi" "$d/bootx64.efi"
    if [ $c = lzx ]; then head -c 150001 /dev/urandom >"$d/boot.sdi"; sdi=$d/boot.sdi; else sdi=$tree/Windows/Boot/DVD/EFI/boot.sdi; fi
    make_disk "$WORK/disk.img" "$d"
    s=$WORK/serial-$c
    boot_disk "$WORK/disk.img" "$s"
    if [ $c = xpress ]; then
        expect_line "$s" '^LOADER bootmgr bootx64.efi$'
        reject_line "$s" '^LOADER extracted \\Windows\\Boot\\EFI\\bootmgfw.efi'
    else
        expect_line "$s" '^LOADER extracted \\Windows\\Boot\\EFI\\bootmgfw.efi size='"$(size_of "$BUILD/standin.efi")"'$'
        expect_line "$s" '^LOADER bootmgr bootmgfw.efi$'
    fi
    expect_line "$s" '^LOADER extracted \\Windows\\Boot\\DVD\\EFI\\BCD size='
    expect_line "$s" '^STANDIN start'
    expect_file "$s" '\EFI\Microsoft\Boot\BCD' "$WORK/BCD.patched"
    expect_file "$s" '\Boot\BCD' "$WORK/BCD.patched"
    expect_file "$s" '\Boot\boot.sdi' "$sdi"
    expect_file "$s" '\Sources\boot.wim' "$d/boot.wim"
    expect_line "$s" '^LOADER extracted \\Windows\\Boot\\EFI\\boot.stl size=5000$'
    expect_file "$s" '\EFI\Microsoft\Boot\boot.stl' "$tree/Windows/Boot/EFI/boot.stl"
    expect_line "$s" '^STANDIN done$'
    echo "50-loader-wim: $c ok"
done
echo "50-loader-wim: ok"

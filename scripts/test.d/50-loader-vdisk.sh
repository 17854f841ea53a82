#!/usr/bin/env bash
# The disk the loader serves, read raw through its BlockIo by the STAND-IN boot manager in
# requests of 1 to 2048 sectors, is bit-identical to `bcd vdisk` (BootCore's reference image
# of the same files in the same order): same sector count, same CRC32.
source "$(dirname "$0")/../../loader/tests/lib.sh"
need swift
build_loader
swift build --product bcd >"$WORK/swift.log" 2>&1 || { tail -20 "$WORK/swift.log"; fail "swift build --product bcd failed"; }
bcd=$(swift build --show-bin-path)/bcd
d=$WORK/disk; mkdir -p "$d/EFI/BOOT"
cp "$BUILD/loader.efi" "$d/EFI/BOOT/BOOTX64.EFI"
cp "$BUILD/standin.efi" "$d/bootmgfw.efi"
fake_bcd "$d/BCD"; patched_bcd "$d/BCD" "$WORK/BCD.patched"
head -c 1234567 /dev/urandom >"$d/boot.sdi"
head -c 7654321 /dev/urandom >"$d/boot.wim"
head -c 1 /dev/urandom >"$d/one-byte file with a long name.txt"
: >"$d/empty.bin"
make_disk "$WORK/disk.img" "$d"
s=$WORK/serial
boot_disk "$WORK/disk.img" "$s"
expect_line "$s" '^STANDIN disk blocks=[0-9]+ crc32='
# The same files, in the order the loader found them (BCD as served: patched).
args=()
while read -r name; do
    if [ "$name" = BCD ]; then args+=("BCD=$WORK/BCD.patched"); else args+=("$name=$d/$name"); fi
done < <(sed -nE 's/^LOADER input (.*) size=[0-9]+$/\1/p' "$s.txt")
[ ${#args[@]} -eq 6 ] || fail "expected 6 inputs, the loader listed ${#args[@]}"
"$bcd" vdisk "${args[@]}" -o "$WORK/ref.img" >/dev/null
blocks=$(( $(size_of "$WORK/ref.img") / 512 ))
expect_line "$s" "^STANDIN disk blocks=$blocks crc32=$(crc32 "$WORK/ref.img")\$"
expect_line "$s" '^STANDIN done$'
echo "50-loader-vdisk: ok ($blocks sectors identical to bcd vdisk)"

#!/usr/bin/env bash
# WIM injection at boot (issue 20): the loader serves boot.wim with the loose files injected
# into \Windows\System32 of its boot image (BootCore's LoaderInjection), and the STAND-IN boot
# manager reads \Windows\System32\startnet.cmd out of the served WIM with BootCore's reader.
#  1. A WIM (wimcapture, LZX) with its own startnet.cmd, and a loose startnet.cmd and
#     winpeshl.ini: both are injected (startnet.cmd replacing the image's); the stand-in's
#     size/CRC32 are the loose file's; the served boot.wim is byte-identical to
#     `bcd wim inject` of the same files, and the whole disk to `bcd vdisk` of the inputs.
#  2. The same files with `rawwim` (UEFI shell command line): nothing injected, the WIM served
#     as it is, the stand-in reads the image's own startnet.cmd.
#  3. The demo WIM (no startnet.cmd) and a loose winpeshl.ini only: it is added (replacing
#     nothing) and the stand-in finds no startnet.cmd in the served WIM.
#  4. The demo WIM and a loose startnet.cmd with `rawwim`: not injected, so absent.
source "$(dirname "$0")/../../loader/tests/lib.sh"
need wimcapture swift
build_loader
swift build --product bcd >"$WORK/swift.log" 2>&1 || { tail -20 "$WORK/swift.log"; fail "swift build --product bcd failed"; }
bcd=$(swift build --show-bin-path)/bcd
BCD=$bcd "$ROOT/scripts/make-demo-workspace.sh" "$WORK/demo" >/dev/null   # a BCD whose entry boots \Boot\boot.wim

tree=$WORK/tree; mkdir -p "$tree/Windows/System32/boot"
head -c 40000 /dev/urandom >"$tree/Windows/System32/boot/winload.efi"
printf 'wpeinit\r\nrem the image'"'"'s own\r\n' >"$tree/Windows/System32/startnet.cmd"
head -c 300000 /dev/urandom >"$tree/Windows/System32/filler.bin"
d=$WORK/disk; mkdir -p "$d/EFI/BOOT"
wimcapture "$tree" "$d/boot.wim" "PE" --compress=lzx --boot >/dev/null
cp "$BUILD/loader.efi" "$d/EFI/BOOT/BOOTX64.EFI"
cp "$BUILD/standin.efi" "$d/bootmgfw.efi"
cp "$WORK/demo/BCD" "$d/BCD"; patched_bcd "$d/BCD" "$WORK/BCD.patched"
cp "$WORK/demo/boot.sdi" "$d/boot.sdi"
{ printf 'wpeinit\r\n'; head -c 3000 /dev/urandom | base64; printf '\r\nrem injected\r\n'; } >"$d/startnet.cmd"
printf '[LaunchApps]\r\n%%SYSTEMDRIVE%%\\Windows\\System32\\startnet.cmd\r\n' >"$d/winpeshl.ini"
make_disk "$WORK/disk.img" "$d"
s=$WORK/serial
boot_disk "$WORK/disk.img" "$s"
expect_line "$s" '^LOADER inject startnet\.cmd -> \\Windows\\System32\\startnet\.cmd \(replaces the image'"'"'s\)$'
expect_line "$s" '^LOADER inject winpeshl\.ini -> \\Windows\\System32\\winpeshl\.ini$'
reject_line "$s" '^LOADER inject (BCD|boot\.sdi|boot\.wim|bootmgfw\.efi) '
expect_line "$s" '^STANDIN follow-wim \\Windows\\System32\\boot\\winload\.efi found$'
expect_line "$s" "^STANDIN wim-file \\\\Windows\\\\System32\\\\startnet\\.cmd size=$(size_of "$d/startnet.cmd") crc32=$(crc32 "$d/startnet.cmd")\$"
# The served WIM is what bcd wim inject writes for the same files in the same order.
injected=(); while read -r name; do injected+=("$name=$d/$name"); done < <(sed -nE 's/^LOADER inject ([^ ]+) -> .*/\1/p' "$s.txt")
[ ${#injected[@]} -eq 2 ] || fail "expected 2 injected files, the loader listed ${#injected[@]}"
"$bcd" wim inject "$d/boot.wim" "${injected[@]}" -o "$WORK/patched.wim" >/dev/null
expect_line "$s" "^LOADER wim boot\\.wim patched size=$(size_of "$WORK/patched.wim") image=1\$"
expect_file "$s" '\Sources\boot.wim' "$WORK/patched.wim"
expect_file "$s" '\Boot\BCD' "$WORK/BCD.patched"
wimlib-imagex verify "$WORK/patched.wim" >"$WORK/verify.out" 2>&1 || { cat "$WORK/verify.out" >&2; fail "wimverify refused the WIM the loader serves"; }
# And the whole disk is bcd vdisk's (the same BootCore code builds both).
args=()
while read -r name; do
    if [ "$name" = BCD ]; then args+=("BCD=$WORK/BCD.patched"); else args+=("$name=$d/$name"); fi
done < <(sed -nE 's/^LOADER input (.*) size=[0-9]+$/\1/p' "$s.txt")
"$bcd" vdisk "${args[@]}" -o "$WORK/ref.img" >"$WORK/vdisk.out"
grep -q '^  inject startnet.cmd -> ' "$WORK/vdisk.out" || { cat "$WORK/vdisk.out" >&2; fail "bcd vdisk did not inject startnet.cmd"; }
expect_line "$s" "^STANDIN disk blocks=$(( $(size_of "$WORK/ref.img") / 512 )) crc32=$(crc32 "$WORK/ref.img")\$"
expect_line "$s" '^STANDIN done$'
echo "52-loader-inject: injected ok"

# 2. rawwim: the WIM as it is.
r=$WORK/disk-raw; cp -r "$d" "$r"; rm -r "$r/EFI/BOOT"; mkdir -p "$r/EFI/tools"
cp "$BUILD/loader.efi" "$r/EFI/tools/loader.efi"
printf 'fs0:\\EFI\\tools\\loader rawwim\r\n' >"$r/startup.nsh"
make_disk "$WORK/disk-raw.img" "$r"
s=$WORK/serial-raw
boot_disk "$WORK/disk-raw.img" "$s"
expect_line "$s" '^STANDIN start'
reject_line "$s" '^LOADER inject'
reject_line "$s" '^LOADER wim boot\.wim patched'
orig=$tree/Windows/System32/startnet.cmd
expect_line "$s" "^STANDIN wim-file \\\\Windows\\\\System32\\\\startnet\\.cmd size=$(size_of "$orig") crc32=$(crc32 "$orig")\$"
expect_file "$s" '\Sources\boot.wim' "$d/boot.wim"
expect_line "$s" '^STANDIN done$'
echo "52-loader-inject: rawwim ok"

# 3. Nothing replaced, no startnet.cmd: absent.
a=$WORK/disk-add; mkdir -p "$a/EFI/BOOT"
cp "$BUILD/loader.efi" "$a/EFI/BOOT/BOOTX64.EFI"
cp "$BUILD/standin.efi" "$a/bootmgfw.efi"
cp "$d/BCD" "$d/boot.sdi" "$d/winpeshl.ini" "$a/"
cp "$WORK/demo/boot.wim" "$a/boot.wim"
make_disk "$WORK/disk-add.img" "$a"
s=$WORK/serial-add
boot_disk "$WORK/disk-add.img" "$s"
expect_line "$s" '^LOADER inject winpeshl\.ini -> \\Windows\\System32\\winpeshl\.ini$'
reject_line "$s" '^LOADER inject startnet'
expect_line "$s" '^STANDIN wim-file \\Windows\\System32\\startnet\.cmd absent$'
"$bcd" wim inject "$a/boot.wim" "winpeshl.ini=$a/winpeshl.ini" -o "$WORK/added.wim" >/dev/null
expect_file "$s" '\Sources\boot.wim' "$WORK/added.wim"
expect_line "$s" '^STANDIN done$'
echo "52-loader-inject: added, startnet.cmd absent ok"

# 4. rawwim keeps a loose startnet.cmd out of a WIM that has none.
n=$WORK/disk-rawadd; mkdir -p "$n/EFI/tools"
cp "$BUILD/loader.efi" "$n/EFI/tools/loader.efi"
printf 'fs0:\\EFI\\tools\\loader rawwim\r\n' >"$n/startup.nsh"
cp "$BUILD/standin.efi" "$n/bootmgfw.efi"
cp "$d/BCD" "$d/boot.sdi" "$d/startnet.cmd" "$n/"
cp "$WORK/demo/boot.wim" "$n/boot.wim"
make_disk "$WORK/disk-rawadd.img" "$n"
s=$WORK/serial-rawadd
boot_disk "$WORK/disk-rawadd.img" "$s"
expect_line "$s" '^STANDIN start'
reject_line "$s" '^LOADER inject'
expect_line "$s" '^STANDIN wim-file \\Windows\\System32\\startnet\.cmd absent$'
expect_file "$s" '\Sources\boot.wim' "$n/boot.wim"
expect_line "$s" '^STANDIN done$'
echo "52-loader-inject: rawwim, loose startnet.cmd absent ok"
echo "52-loader-inject: ok"

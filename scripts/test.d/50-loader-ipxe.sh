#!/usr/bin/env bash
# Network boot as the wimboot documentation describes it: OVMF runs QEMU's iPXE ROM, which
# fetches boot.ipxe from QEMU's built-in TFTP server; the script uses `kernel` for the loader
# (with a command line) and `imgfetch --name` for each file.
#  1. `rawbcd quiet initrdfile=x`: the BCD arrives unpatched, the files match the host's.
#  2. `index=2` with only boot.wim: the boot manager and BCD come from the WIM's second image.
#  3. The script `bcd ipxe-script` writes, with boot.wim missing on the server: iPXE stops at that
#     fetch and says which file (the checked `|| goto failed` form), and the loader never starts.
source "$(dirname "$0")/../../loader/tests/lib.sh"
need wimcapture wimappend
build_loader
ipxe_boot() {   # DIR LOG
    boot_qemu "$2" -netdev "user,id=n0,tftp=$1,bootfile=boot.ipxe" -device virtio-net-pci,netdev=n0,bootindex=1
}

t=$WORK/tftp1; mkdir -p "$t"
cp "$BUILD/loader.efi" "$t/loader.efi"
cp "$BUILD/standin.efi" "$t/bootmgfw.efi"
fake_bcd "$t/BCD"
head -c 300000 /dev/urandom >"$t/boot.sdi"
head -c 1500000 /dev/urandom >"$t/boot.wim"
cat >"$t/boot.ipxe" <<'IPXE'
#!ipxe
kernel loader.efi rawbcd quiet initrdfile=ignored.cpio
imgfetch --name BCD BCD
imgfetch --name boot.sdi boot.sdi
imgfetch --name boot.wim boot.wim
imgfetch --name bootmgfw.efi bootmgfw.efi
boot
IPXE
s=$WORK/serial1
ipxe_boot "$t" "$s"
expect_line "$s" '^LOADER bcd raw$'
reject_line "$s" '^loader: wimboot-compatible'          # quiet
expect_line "$s" '^STANDIN device vendor '
expect_file "$s" '\Boot\BCD' "$t/BCD"
expect_line "$s" '^STANDIN bcd \\Boot\\BCD exe=2 efi=0$'
expect_file "$s" '\boot.sdi' "$t/boot.sdi"
expect_file "$s" '\Sources\boot.wim' "$t/boot.wim"
expect_line "$s" '^STANDIN done$'
echo "50-loader-ipxe: rawbcd over TFTP ok"

t=$WORK/tftp2; mkdir -p "$t"
cp "$BUILD/loader.efi" "$t/loader.efi"
one=$WORK/one; two=$WORK/two
mkdir -p "$one/Windows/Boot/DVD/EFI" "$two/Windows/Boot/EFI" "$two/Windows/Boot/DVD/EFI"
fake_bcd "$one/Windows/Boot/DVD/EFI/BCD"
head -c 100000 /dev/urandom >"$one/Windows/Boot/DVD/EFI/boot.sdi"
cp "$BUILD/standin.efi" "$two/Windows/Boot/EFI/bootmgfw.efi"
fake_bcd "$two/Windows/Boot/DVD/EFI/BCD"; patched_bcd "$two/Windows/Boot/DVD/EFI/BCD" "$WORK/BCD2.patched"
head -c 120000 /dev/urandom >"$two/Windows/Boot/DVD/EFI/boot.sdi"
wimcapture "$one" "$t/boot.wim" "one" --compress=lzx --boot >/dev/null
wimappend "$two" "$t/boot.wim" "two" >/dev/null
cat >"$t/boot.ipxe" <<'IPXE'
#!ipxe
kernel loader.efi index=2
imgfetch --name boot.wim boot.wim
boot
IPXE
s=$WORK/serial2
ipxe_boot "$t" "$s"
expect_line "$s" '^LOADER wim boot.wim images=2 index=2$'
expect_file "$s" '\EFI\Microsoft\Boot\BCD' "$WORK/BCD2.patched"
expect_file "$s" '\Boot\boot.sdi' "$two/Windows/Boot/DVD/EFI/boot.sdi"
expect_file "$s" '\Sources\boot.wim' "$t/boot.wim"
expect_line "$s" '^STANDIN done$'
echo "50-loader-ipxe: index=2 ok"

t=$WORK/tftp3; mkdir -p "$t"
cp "$BUILD/loader.efi" "$t/loader.efi"
fake_bcd "$t/BCD"
head -c 300000 /dev/urandom >"$t/boot.sdi"
bcd=${BCD:-$ROOT/.build/debug/bcd}
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
head -c 1000 /dev/urandom >"$WORK/boot.wim"   # served by name, then removed from the server
"$bcd" ipxe-script "$t/BCD" --file "boot.sdi=$t/boot.sdi" --file "boot.wim=$WORK/boot.wim" -o "$t/boot.ipxe" >/dev/null
grep -q '^imgfetch --name boot.wim boot.wim boot.wim || goto failed$' "$t/boot.ipxe" || fail "unexpected script: $(cat "$t/boot.ipxe")"
s=$WORK/serial3
STOP_ON='bcd: could not fetch' ipxe_boot "$t" "$s"
expect_line "$s" '^bcd: could not fetch boot\.wim$'
reject_line "$s" '^LOADER start'
echo "50-loader-ipxe: a missing file stops the script and is named ok"
echo "50-loader-ipxe: ok"

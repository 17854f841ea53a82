#!/usr/bin/env bash
# Creates (if missing) a demo workspace: a WinPE ramdisk store made by the README's script,
# a boot.sdi built by BootCore around an NTFS image, and a boot.wim (made with wimlib) holding
# the loader's STAND-IN boot manager as \Windows\Boot\EFI\bootmgfw.efi. Windows' own files are
# not redistributable, so the stand-in takes their place; it says so when it runs.
# Usage: make-demo-workspace.sh [DIR]   (default: demo/)
#   BCD: the bcd binary (default .build/debug/bcd); STANDIN: a built standin.efi (default: make
#   -C loader, then loader/build/standin.efi; the package test passes the installed one)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=${1:-$root/demo}
bcd=${BCD:-$root/.build/debug/bcd}
mkdir -p "$dir"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

if [ ! -f "$dir/BCD" ]; then
    mkdir -p "$work/bin" && ln -s "$bcd" "$work/bin/bcd"
    PATH="$work/bin:$PATH" "$root/scripts/ramdisk-store.sh" "$dir" >/dev/null
    rm -f "$dir/BCD.bak"
    echo "demo: $dir/BCD (the README's WinPE ramdisk store)"
fi
if [ ! -f "$dir/boot.sdi" ]; then
    truncate -s 8M "$work/ntfs.img"
    mkntfs -F -Q -q -L "DEMO" "$work/ntfs.img" >"$work/mkntfs.log" 2>&1 || { cat "$work/mkntfs.log" >&2; exit 1; }
    "$bcd" sdi make "$work/ntfs.img" -o "$dir/boot.sdi" >/dev/null
    echo "demo: $dir/boot.sdi (NTFS image in an SDI, built by BootCore)"
fi
if [ ! -f "$dir/boot.wim" ]; then
    standin=${STANDIN:-}
    if [ -z "$standin" ]; then make -s -C "$root/loader" >/dev/null; standin=$root/loader/build/standin.efi; fi
    mkdir -p "$work/tree/Windows/Boot/EFI" "$work/tree/Windows/System32/boot"
    cp "$standin" "$work/tree/Windows/Boot/EFI/bootmgfw.efi"
    cp "$standin" "$work/tree/Windows/System32/boot/winload.efi"
    printf 'STAND-IN files for a demo of bcd. Not Microsoft software.\n' > "$work/tree/Windows/STAND-IN.txt"
    wimcapture "$work/tree" "$dir/boot.wim" "Demo WinPE (stand-in)" --boot --compress=lzx >/dev/null
    echo "demo: $dir/boot.wim (LZX WIM with the STAND-IN boot manager as bootmgfw.efi)"
fi

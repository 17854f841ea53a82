#!/usr/bin/env bash
# What loader.efi is made of: symbol sizes in build/loader.so (nm --size-sort), by component,
# plus the PE sections.  Usage: bash loader/tools/size-report.sh [build-dir]  (after make).
set -euo pipefail
B=${1:-$(dirname "$0")/../build}
so=$B/loader.so efi=$B/loader.efi
[ -f "$so" ] && [ -f "$efi" ] || { echo "size-report: build $efi first (make -C loader loader)" >&2; exit 1; }
# Which C object defines each symbol (the C layer is ours; crt0 and _relocate are gnu-efi's).
cobj=$(for o in "$B"/src/*.o "$B"/common/*.o; do nm --defined-only "$o" | awk -v o="$(basename "$o" .o)" 'NF == 3 {print $3, o}'; done)
{ echo "$cobj"; echo "--"; nm --size-sort -S "$so"; } | awk '
  $0 == "--" { syms = 1; next }
  !syms { obj[$1] = $2; next }
  NF < 4 { next }
  {
    size = 0; hex = $2
    for (i = 1; i <= length(hex); i++) size = size * 16 + index("0123456789abcdef", substr(hex, i, 1)) - 1
    n = $4; kind = ($3 ~ /[bB]/) ? "bss" : "file"
    if (n in obj) c = "C layer (" obj[n] ".c)"
    else if (n == "_start" || n == "_relocate") c = "gnu-efi crt0 + _relocate"
    else if (n ~ /^\$e11LoaderSwift/) {
      if (n ~ /Lzx|Xpress|Huffman|BitReader|LZMatch|Decompression/) c = "BootCore LZX/XPRESS"
      else if (n ~ /WIM|Wim[A-Z]|Dentry|BlobTable|BlobEntry|ChunkedResource|ResourceHeader|SHA1/) c = "BootCore WIM"
      else if (n ~ /Fat|VirtualDisk|VirtualFatDisk|VirtualFatFile/) c = "BootCore FAT"
      else if (n ~ /Bcd|Registry/) c = "BootCore BCD/registry"
      else if (n ~ /ldr|Ldr/) c = "Swift bridge (loader/swift)"
      else c = "BootCore loader rules (Loader*, VirtualDirectories, ASCII)"
    }
    else if (n ~ /^\$e|^swift_|^_swift/) c = "Embedded Swift stdlib + runtime"
    else c = "other"
    total[c "|" kind] += size
  }
  END { for (k in total) { split(k, p, "|"); printf "%8d  %-4s %s\n", total[k], p[2], p[1] } }' | sort -rn
echo "PE sections of $efi ($(stat -c %s "$efi") bytes; file bytes are 512-aligned, .bss takes none):"
objdump -h "$efi" | awk '/^ +[0-9]+ /{printf "  %-8s %6d\n", $2, ("0x" $3) + 0}'

#!/usr/bin/env bash
# Compiles every BootCore source with Embedded Swift for the freestanding x86_64 target the
# UEFI loader uses, and for i686 (the BIOS loader and bootmgr.exe are 32-bit). BootCore must stay Embedded-compatible (no Foundation, no existentials of
# non-class protocols, typed throws); any compile error fails the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v swiftc >/dev/null || { echo "bootcore-embedded: swiftc is missing"; exit 1; }
out=$(mktemp -d /tmp/bootcore-embedded.XXXXXX)
trap 'rm -rf "$out"' EXIT
mapfile -t sources < <(find Sources/BootCore -name '*.swift' | sort)
[ ${#sources[@]} -gt 0 ] || { echo "bootcore-embedded: no sources found"; exit 1; }
echo "bootcore-embedded: ${#sources[@]} files"
swiftc -enable-experimental-feature Embedded -target x86_64-unknown-none-elf -wmo -parse-as-library -Osize \
    -module-name BootCore -c "${sources[@]}" -o "$out/BootCore.o"
[ -s "$out/BootCore.o" ] || { echo "bootcore-embedded: no object produced"; exit 1; }
echo "bootcore-embedded: x86_64 ok ($(stat -c %s "$out/BootCore.o") bytes)"
swiftc -enable-experimental-feature Embedded -target i686-unknown-none-elf -wmo -parse-as-library -Osize \
    -module-name BootCore -c "${sources[@]}" -o "$out/BootCore-i686.o"
[ -s "$out/BootCore-i686.o" ] || { echo "bootcore-embedded: no i686 object produced"; exit 1; }
file_class=$(od -An -tx1 -j4 -N1 "$out/BootCore-i686.o" | tr -d ' ')
[ "$file_class" = 01 ] || { echo "bootcore-embedded: the i686 object is not ELF32"; exit 1; }
echo "bootcore-embedded: i686 ok ($(stat -c %s "$out/BootCore-i686.o") bytes)"

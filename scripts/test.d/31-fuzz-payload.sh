#!/usr/bin/env bash
# Fuzzes BootCore's SDI and newc cpio readers, the PE image parser, the LZNT1 and XCA decoders, the virtual FAT disk + BCD patch, and the registry hive
# reader + BCD boot-target resolver, with libFuzzer (swiftc -sanitize=fuzzer,address,
# whose runtime ships with the Swift toolchain): a bounded number of runs each, from a seed
# corpus made here at run time. Any crash, sanitizer report or failed precondition fails the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${FUZZ_RUNS:-20000}
for tool in swiftc cpio mkntfs truncate gcc ld; do
    command -v "$tool" >/dev/null || { echo "fuzz-payload: required tool '$tool' is missing (run scripts/install-deps.sh)"; exit 1; }
done
work=$(mktemp -d /tmp/fuzz-payload.XXXXXX)
trap 'rm -rf "$work"' EXIT

build() {  # name, sources... -> $work/fuzz-NAME
    local name=$1; shift
    echo "fuzz-payload: building $name fuzzer"
    # The linker warns about every ASan symbol it cannot export: keep that out of the log.
    swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name "Fuzz$name" "$@" -o "$work/fuzz-$name" \
        > "$work/build-$name.log" 2>&1 || { grep -v 'Cannot export local symbol' "$work/build-$name.log"; exit 1; }
}
build sdi Sources/BootCore/Support/*.swift Sources/BootCore/SDI/*.swift Fuzz/sdi/*.swift
build cpio Sources/BootCore/Support/*.swift Sources/BootCore/Cpio/*.swift Fuzz/cpio/*.swift
build pe Sources/BootCore/Support/*.swift Sources/BootCore/PE/*.swift Fuzz/pe/*.swift
build lznt1 Sources/BootCore/Support/*.swift Sources/BootCore/Compression/*.swift Fuzz/lznt1/*.swift
build xca Sources/BootCore/Support/*.swift Sources/BootCore/Compression/*.swift Fuzz/xca/*.swift
# Boot/ holds the BCD resolver and the loader rules, which use BCD/ (the vocabulary), Registry/
# (the hive), FAT/ and WIM/: the whole module, as the loader compiles it.
bootcore=$(find Sources/BootCore -name '*.swift' | sort)
build vdisk $bootcore Fuzz/vdisk/*.swift
build registry $bootcore Fuzz/registry/*.swift

# SDI seeds: the real fixture, its header page alone, and an SDI around a fresh small NTFS.
mkdir -p "$work/seeds-sdi" "$work/seeds-cpio" "$work/seeds-vdisk" "$work/tree/sub"
fixture=../shared/fixtures/sdi/tiny-boot.sdi
[ -f "$fixture" ] || { echo "fuzz-payload: fixture $fixture is missing"; exit 1; }
cp "$fixture" "$work/seeds-sdi/tiny-boot.sdi"
head -c 4096 "$fixture" > "$work/seeds-sdi/header-page.sdi"
head -c 8192 "$fixture" > "$work/seeds-sdi/header-and-ntfs-boot.sdi"
truncate -s 2M "$work/ntfs.img"
mkntfs -F -Q -q -s 512 -p 0 -H 255 -S 63 "$work/ntfs.img" >/dev/null 2>&1
{ head -c 4096 "$fixture"; cat "$work/ntfs.img"; } > "$work/seeds-sdi/ntfs-shaped.sdi"

# cpio seeds: a small tree as newc, the same with checksums (070702), and an empty archive.
echo hello > "$work/tree/a"; printf 'x%.0s' $(seq 1 700) > "$work/tree/sub/b"; : > "$work/tree/empty"
(cd "$work/tree" && printf 'a\nsub\nsub/b\nempty\n' | cpio -o -H newc --quiet) > "$work/seeds-cpio/tree.cpio"
(cd "$work/tree" && printf 'a\nsub/b\n' | cpio -o -H crc --quiet) > "$work/seeds-cpio/tree-crc.cpio"
(cd "$work/tree" && printf '' | cpio -o -H newc --quiet) > "$work/seeds-cpio/empty.cpio"

# vdisk seeds: file lists (count, then length + name + 3-byte size each) and a UTF-16 BCD path.
printf '\x03\x03BCD\x10\x00\x00\x08boot.sdi\x00\x30\x00\x08boot.wim\x00\x00\x01' > "$work/seeds-vdisk/three-files"
printf '\x02\x10a long name.txt\x05\x00\x00\x0cbootmgr.efi\x00\x00\x10\x00' > "$work/seeds-vdisk/long-names"
printf '\x00\\\x00w\x00.\x00e\x00x\x00e\x00\x00\x00' > "$work/seeds-vdisk/bcd-path"

# registry seeds: every real store in the fixtures (the transaction log too: a non-hive).
mkdir -p "$work/seeds-registry"
for f in ../shared/fixtures/bcd/*; do cp "$f" "$work/seeds-registry/"; done
[ "$(ls "$work/seeds-registry" | wc -l)" -ge 5 ] || { echo "fuzz-payload: the BCD fixtures are missing"; exit 1; }

# PE seeds: an i386 PE32 with HIGHLOW relocations and an x86-64 PE32+ with DIR64 ones, linked here.
mkdir -p "$work/seeds-pe"
printf 'static int v = 5; int *p[2] = { &v, &v }; int start(void) { return *p[0] + *p[1]; }\n' > "$work/pe.c"
gcc -m32 -ffreestanding -nostdlib -fno-pic -fno-ident -O1 -c "$work/pe.c" -o "$work/pe32.o"
ld -m i386pe --image-base 0x400000 -e start --dynamicbase -s "$work/pe32.o" -o "$work/seeds-pe/pe32.exe"
gcc -ffreestanding -nostdlib -fno-pic -fno-ident -O1 -c "$work/pe.c" -o "$work/pe64.o"
ld -m i386pep --image-base 0x140000000 -e start --dynamicbase -s "$work/pe64.o" -o "$work/seeds-pe/pe64.exe"

# LZNT1 / XCA seeds: the [MS-XCA] 3.3 and 3.2 examples (a compressed chunk whose match overlaps
# its output; 26 literals and the end-of-data symbol), a stored chunk, and two chunks.
mkdir -p "$work/seeds-lznt1" "$work/seeds-xca"
hex() { printf "$(printf '%s' "$1" | sed 's/ *\([0-9a-f][0-9a-f]\)/\\x\1/g')"; }
hex '38 b0 88 46 23 20 00 20 47 20 41 00 10 a2 47 01 a0 45 20 44 00 08 45 01 50 79 00 c0 45 20 05 24 13 88 05 b4 02 4a 44 ef 03 58 02 8c 09 16 01 48 45 00 be 00 9e 00 04 01 18 90 00' > "$work/seeds-lznt1/spec-3.3"
{ hex '07 30'; printf 'stored!!'; hex '01 b0 00 41 02 b0 00 42 43 00 00'; } > "$work/seeds-lznt1/stored-and-short"
{ head -c 48 /dev/zero; hex '50 55 55 55 55 55 55 55 55 55 55 45 44 04'; head -c 66 /dev/zero; hex '04'; head -c 127 /dev/zero
  hex 'd8 52 3e d7 94 11 5b e9 19 5f f9 d6 7c df 8d 04 00 00 00 00'; } > "$work/seeds-xca/spec-3.2"
[ "$(stat -c %s "$work/seeds-xca/spec-3.2")" = 276 ] || { echo "fuzz-payload: bad XCA seed"; exit 1; }

status=0
for name in sdi cpio pe lznt1 xca vdisk registry; do
    # A vdisk run builds a disk and reads all its metadata sectors: fewer runs, same time scale.
    n=$runs; [ "$name" = vdisk ] && n=${FUZZ_VDISK_RUNS:-$((runs / 4))}
    # A registry run is cheap and the hive is the most intricate format here: more runs.
    [ "$name" = registry ] && n=${FUZZ_REGISTRY_RUNS:-$((runs * 5))}
    echo "fuzz-payload: $name, $n runs"
    mkdir -p "$work/corpus-$name"
    if ! (cd "$work" && ./"fuzz-$name" -runs="$n" -max_len=400000 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 "corpus-$name" "seeds-$name" > "$work/log-$name" 2>&1); then
        echo "fuzz-payload: $name fuzzer FAILED"; tail -n 60 "$work/log-$name"; status=1
        mkdir -p /tmp/fuzz-payload-crashes && cp "$work"/crash-* "$work"/timeout-* "$work"/oom-* /tmp/fuzz-payload-crashes/ 2>/dev/null || true
        echo "fuzz-payload: reproducer(s) kept in /tmp/fuzz-payload-crashes/"
    else
        grep -E 'stat::number_of_executed_units|Done' "$work/log-$name" | tail -n 2
    fi
done
exit $status

#!/usr/bin/env bash
# Benchmark (no assertions): `bcd check` on a WinPE ramdisk setup whose boot.wim is at least
# 1 GiB (BENCH_MIB to change). The WIM holds incompressible data captured with
# --compress=none (COMPRESS=xpress to change), plus winload and the boot manager, so every
# rule runs: store, ramdisk paths, SDI, WIM image/paths/architecture, boot manager extraction.
# Prints the best and median wall time of 5 runs (target: under 0.5 s).
# Usage: scripts/bench-check.sh   (BCD=path/to/bcd to use a given binary; default: release build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mib=${BENCH_MIB:-1100}; compress=${COMPRESS:-none}
for tool in wimcapture mkntfs truncate; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "bench-check: $tool is missing (run scripts/install-deps.sh)" >&2; exit 1; }
done
if [ -z "${BCD:-}" ]; then
    echo "bench-check: building bcd (release)..."
    swift build -c release --product bcd --scratch-path "$root/.build-check" >/dev/null
    BCD=$root/.build-check/release/bcd
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dir=$work/setup; mkdir -p "$dir"

mkdir -p "$work/bin" && ln -s "$BCD" "$work/bin/bcd"
PATH="$work/bin:$PATH" "$root/scripts/ramdisk-store.sh" "$dir" >/dev/null
"$BCD" set --store "$dir/BCD" '{a4f89c62-2142-11e6-80b6-00155da04110}' path '\Windows\System32\boot\winload.efi' >/dev/null
rm -f "$dir/BCD.bak"

truncate -s 8M "$work/ntfs.img"
PATH="$PATH:/usr/sbin" mkntfs -F -Q -q "$work/ntfs.img" >"$work/mkntfs.log" 2>&1 || { cat "$work/mkntfs.log" >&2; exit 1; }
"$BCD" sdi make "$work/ntfs.img" -o "$dir/boot.sdi" >/dev/null
rm -f "$work/ntfs.img"

tree=$work/tree; mkdir -p "$tree/Windows/Boot/EFI" "$tree/Windows/System32/boot" "$tree/sources"
head -c 1500000 /dev/urandom >"$tree/Windows/Boot/EFI/bootmgfw.efi"
head -c 1500000 /dev/urandom >"$tree/Windows/System32/boot/winload.efi"
echo "bench-check: capturing a ${mib} MiB tree with --compress=$compress..."
head -c "${mib}M" /dev/urandom >"$tree/sources/random.bin"
wimcapture "$tree" "$dir/boot.wim" "Bench WinPE" --boot --compress="$compress" >/dev/null
rm -rf "$tree"
size=$(stat -c %s "$dir/boot.wim")
echo "bench-check: boot.wim is $((size / 1048576)) MiB"

"$BCD" check "$dir/BCD" --dir "$dir" || { echo "bench-check: the setup does not check clean" >&2; exit 1; }
times=()
for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$BCD" check "$dir/BCD" --dir "$dir" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "bench-check: bcd check with a $((size / 1048576)) MiB WIM: best ${sorted[0]} ms, median ${sorted[2]} ms (target < 500 ms)"

#!/usr/bin/env bash
# Benchmark (no assertions): the loader with a 512 MiB boot.wim (BENCH_MIB to change) from
# which it extracts the STAND-IN boot manager.  Prints loader.efi's size, the wall time from
# the loader's first line to the boot manager's start (serial lines timestamped on the host),
# and the read throughput the stand-in measures (guest TSC, File.Read calls alone) through the
# virtual disk and the firmware's FAT driver: its usual 1 MiB reads, then, with standin.bench
# on the disk, the whole \boot.wim again in 1, 2, 4 and 8 MiB requests, each request next to
# one on a copy of it read through the firmware's own FAT driver on the boot device (the
# ceiling for this emulator), in the same boot.  A second boot runs the stand-in straight
# from the same disk with the same reads; each figure is printed with its ratio.
# Usage: scripts/bench-loader.sh   (COMPRESS=none|xpress|lzx, default lzx; BENCH_LOGS=DIR keeps
# both serial logs there)
source "$(dirname "$0")/../loader/tests/lib.sh"
need wimcapture awk mshowfat minfo
mib=${BENCH_MIB:-512}; compress=${COMPRESS:-lzx}
build_loader
tree=$WORK/tree; mkdir -p "$tree/Windows/Boot/EFI" "$tree/Windows/Boot/DVD/EFI" "$tree/sources"
cp "$BUILD/standin.efi" "$tree/Windows/Boot/EFI/bootmgfw.efi"
fake_bcd "$tree/Windows/Boot/DVD/EFI/BCD"
head -c 3170304 /dev/urandom >"$tree/Windows/Boot/DVD/EFI/boot.sdi"
# Incompressible content, so that boot.wim itself is about $mib MiB whatever the compression.
head -c "${mib}M" /dev/urandom >"$tree/sources/random.bin"
d=$WORK/disk; mkdir -p "$d/EFI/BOOT"
cp "$BUILD/loader.efi" "$d/EFI/BOOT/BOOTX64.EFI"
echo "bench-loader: loader.efi $(size_of "$BUILD/loader.efi") bytes, standin.efi $(size_of "$BUILD/standin.efi") bytes"
echo "the stand-in times its reads in 1, 2, 4 and 8 MiB requests when this file exists" >"$d/standin.bench"
echo "bench-loader: capturing a ${mib} MiB tree with --compress=$compress..."
wimcapture "$tree" "$d/boot.wim" PE --compress="$compress" --boot >/dev/null
rm -rf "$tree"
# A byte-identical copy on the boot device, for the stand-in's interleaved ceiling
# (bench_requests), placed like boot.wim relative to the firmware FAT driver's 64 KiB cache
# pages: mcopy fills the fresh disk in name order (boot.wim, boot.wim.1pad, boot.wim.2copy),
# so the pad rounds boot.wim's clusters (4 KiB on this disk, checked below) up to 64 KiB.
cp "$d/boot.wim" "$d/boot.wim.2copy"
pad=$(( (65536 - ($(size_of "$d/boot.wim") + 4095) / 4096 * 4096 % 65536) % 65536 ))
head -c $(( pad > 0 ? pad : 65536 )) /dev/zero >"$d/boot.wim.1pad"
make_disk "$WORK/disk.img" "$d"
first_cluster() { mshowfat -i "$WORK/disk.img@@1M" "::/$1" | sed -E 's/.*<([0-9]+)-.*/\1/'; }
spc=$(minfo -i "$WORK/disk.img@@1M" :: | sed -nE 's/^cluster size: ([0-9]+) sectors.*/\1/p')
gap=$(( ($(first_cluster boot.wim.2copy) - $(first_cluster boot.wim)) * spc * 512 ))
[ $(( gap % 65536 )) -eq 0 ] || echo "bench-loader: note: the copy is not placed like boot.wim (${gap} bytes apart, ${spc}-sector clusters); its ceiling may differ"
wim_size=$(size_of "$d/boot.wim")
rm -rf "$d"
# The image was just written: flush it, so that the first boot does not read it while the host
# writes a gigabyte back (its first reads measured half as fast as the direct boot's without).
sync "$WORK/disk.img"
cp "$OVMF_VARS" "$WORK/vars.fd"
log=$WORK/serial.ts
timeout 600 qemu-system-x86_64 -machine q35 -m 1024 -display none -no-reboot -monitor none -nic none \
    -serial stdio -drive if=pflash,format=raw,readonly=on,file="$OVMF_CODE" \
    -drive if=pflash,format=raw,file="$WORK/vars.fd" \
    -drive file="$WORK/disk.img",format=raw,if=none,id=d0 -device virtio-blk-pci,drive=d0,bootindex=1 </dev/null 2>/dev/null |
    while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "${line%$'\r'}"; done >"$log"
at() { grep -a -m1 -E "^[0-9.]+ .*$1" "$log" | cut -d' ' -f1; }   # console escapes may precede a line
t0=$(at 'LOADER start'); t1=$(at 'LOADER starting boot manager'); t2=$(at 'STANDIN start'); t3=$(at 'STANDIN done')
[ -n "$t0" ] && [ -n "$t1" ] && [ -n "$t3" ] || { tail -30 "$log"; fail "the boot did not reach the stand-in"; }
tp=$(grep -a -m1 'STANDIN throughput \\Sources' "$log" | sed -E 's/.*bytes=([0-9]+) us=([0-9]+).*/\1 \2/')
bytes=${tp% *}; us=${tp#* }
echo "bench-loader: boot.wim ${wim_size} bytes ($compress)"
# Host wall time of the stand-in's first boot.wim read: from the line before it to its line.
tw=$(grep -a -B1 -m1 'STANDIN file \\Sources\\boot.wim' "$log" | cut -d' ' -f1 | tr '\n' ' ')
grep -a 'STANDIN file \\Sources\\boot.wim' "$log" | cut -d' ' -f2- | sed 's/^/bench-loader: /'
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$bytes" -v us="$us" 'BEGIN {
    printf "bench-loader: loader start -> boot manager start: %.2f s\n", b - a
    printf "bench-loader: stand-in start -> done (BCD x9, boot.sdi x3, boot.wim x2, then the request passes): %.2f s\n", d - c
    printf "bench-loader: stand-in read of \\Sources\\boot.wim: %d bytes in %.2f s = %.1f MiB/s (guest TSC)\n", n, us / 1e6, n / 1048576 / (us / 1e6) }'
# boot.sdi came out of the WIM: the loader serves it from memory.
grep -a -m1 'STANDIN throughput \\Boot\\boot.sdi' "$log" | sed -E 's/.*bytes=([0-9]+) us=([0-9]+).*/\1 \2/' |
    awk '{ printf "bench-loader: stand-in read of \\Boot\\boot.sdi (extracted from the WIM, in memory): %d bytes in %.3f s = %.1f MiB/s\n", $1, $2 / 1e6, $1 / 1048576 / ($2 / 1e6) }'
echo "$tw" | awk -v n="$bytes" '{ if ($2 > $1) printf "bench-loader: same read with its CRC32 (software, not timed above), by host wall clock: %.2f s = %.1f MiB/s\n", $2 - $1, n / 1048576 / ($2 - $1) }' 

# Baseline: the stand-in booted directly from the same disk, reading \boot.wim through the
# firmware's FAT driver on the virtio disk (no loader, no virtual disk).
mcopy -o -i "$WORK/disk.img@@1M" "$BUILD/standin.efi" ::/EFI/BOOT/BOOTX64.EFI
cp "$OVMF_VARS" "$WORK/vars.fd"
timeout 600 qemu-system-x86_64 -machine q35 -m 1024 -display none -no-reboot -monitor none -nic none \
    -serial "file:$WORK/direct.log" -drive if=pflash,format=raw,readonly=on,file="$OVMF_CODE" \
    -drive if=pflash,format=raw,file="$WORK/vars.fd" \
    -drive file="$WORK/disk.img",format=raw,if=none,id=d0 -device virtio-blk-pci,drive=d0,bootindex=1 </dev/null >/dev/null 2>&1 || true
grep -a -m1 'STANDIN throughput \\boot.wim' "$WORK/direct.log" | sed -E 's/.*bytes=([0-9]+) us=([0-9]+).*/\1 \2/' |
    awk -v v="$bytes $us" '{ split(v, a, " "); vd = a[1] / 1048576 / (a[2] / 1e6); dr = $1 / 1048576 / ($2 / 1e6)
        printf "bench-loader: baseline, stand-in reading \\boot.wim straight from the virtio FAT disk: %.2f s = %.1f MiB/s (guest TSC)\n", $2 / 1e6, dr
        printf "bench-loader: 1 MiB reads (the stand-in'"'"'s usual): virtual disk %.1f MiB/s, direct %.1f MiB/s, ratio %.2f\n", vd, dr, vd / dr }'
# The same file in the request sizes a boot manager uses for a ramdisk WIM, three rounds.  The
# ceiling is taken in the same boot: the stand-in alternates requests on the virtual disk with
# requests on a byte-identical copy on the loader's own boot device, each timed on its own.
# Host scheduling on this shared machine stalls single requests for milliseconds, so totals
# of passes a moment apart differ by up to 2x; the figures are per request: the tenth
# percentile (the best round's: what a request costs when little else runs), then the median
# (of the rounds' medians), then the best whole pass.  The direct boot's (another boot,
# another moment) follow.
req() { grep -a "STANDIN throughput-request$2 " "$1" |
        sed -E "s/.*request=([0-9]+) bytes=([0-9]+) us=([0-9]+) median_us=([0-9]+) p10_us=([0-9]+).*/$3 \\1 \\2 \\3 \\4 \\5/"; }
{ req "$log" "" v; req "$log" -bootdevice b; req "$WORK/direct.log" "" d; } >"$WORK/req"
[ "$(grep -c '^v' "$WORK/req")" -gt 0 ] && [ "$(grep -c '^b' "$WORK/req")" -gt 0 ] || fail "no throughput-request lines from the stand-in"
awk 'function mib(bytes, us) { return us > 0 ? bytes / 1048576 / (us / 1e6) : 0 }
     function med(list,   a, n, i, j, t) { n = split(list, a, " ")
         for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
         return n ? a[int((n + 1) / 2)] : 0 }
     { k = $1 " " $2; p = mib($3, $4); if (p > pass[k]) pass[k] = p
       m[k] = m[k] " " $5; if (!(k in lo) || $6 < lo[k]) lo[k] = $6; sizes[$2] = 1 }
     END { n = 0; for (s in sizes) order[++n] = s + 0
           for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (order[j] < order[i]) { t = order[i]; order[i] = order[j]; order[j] = t }
           for (i = 1; i <= n; i++) { s = order[i]; v = mib(s, lo["v " s]); b = mib(s, lo["b " s])
               printf "bench-loader: %d MiB requests, \\boot.wim: virtual disk %.0f MiB/s, boot device %.0f MiB/s, ratio %.2f (tenth-percentile request, same boot)", s / 1048576, v, b, v / b
               v = mib(s, med(m["v " s])); b = mib(s, med(m["b " s]))
               printf "; median %.0f vs %.0f, ratio %.2f", v, b, v / b
               printf "; best pass %.0f vs %.0f, ratio %.2f", pass["v " s], pass["b " s], pass["v " s] / pass["b " s]
               if (("d " s) in lo) printf "; direct boot: p10 %.0f, median %.0f MiB/s", mib(s, lo["d " s]), mib(s, med(m["d " s]))
               printf "\n" } }' "$WORK/req"
[ -z "${BENCH_LOGS:-}" ] || { mkdir -p "$BENCH_LOGS" && cp "$log" "$BENCH_LOGS/loader-boot.log" && cp "$WORK/direct.log" "$BENCH_LOGS/direct-boot.log"; }

#!/usr/bin/env bash
# Decompression throughput of BootCore (`bcd wim cat`, release build) against wimlib
# (`wimextract --to-stdout`) on the same ~150 MB WIM, for XPRESS and LZX. Not a test: it prints
# MB/s and the ratio (BootCore time / wimlib time; target <= 2), by CPU and by wall time.
# Best of $BENCH_RUNS (3) runs.
# wimlib also verifies SHA-1s while extracting, so its figures include that work.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_RUNS:-3}
for tool in swift wimcapture wimextract python3; do
    command -v "$tool" >/dev/null || { echo "bench: required tool '$tool' is missing (run scripts/install-deps.sh)"; exit 1; }
done
scratch=${BENCH_SCRATCH:-.build-bench}
echo "bench: building bcd (release, $scratch)"
work=$(mktemp -d /tmp/bench-decompress.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build -c release --scratch-path "$scratch" --product bcd > "$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log"; echo "bench: release build failed"; exit 1; }
bcd=$scratch/release/bcd
mkdir -p "$work/tree"

# Content: real x86-64 machine code (the toolchain's libLTO, ~90 MB: what boot.wim mostly
# holds) and ~60 MB of generated text-like data.
toolchain_lib=$(dirname "$(readlink -f "$(command -v swiftc)")")/../lib
code=$(ls "$toolchain_lib"/libLTO.so* 2>/dev/null | head -n 1 || true)
if [ -n "$code" ] && [ -f "$code" ]; then
    cp "$(readlink -f "$code")" "$work/tree/code.bin"
else
    find /usr/lib/x86_64-linux-gnu -maxdepth 1 -name '*.so*' -type f -size +1M | sort | head -n 200 | xargs cat | head -c 90000000 > "$work/tree/code.bin"
fi
python3 - "$work/tree/text.txt" <<'PY'
import random, sys
r = random.Random(1)
words = [w.encode() for w in "the boot manager loads winload from the system partition while \
BCD entries name devices paths and options for each Windows installation \r\n 0x 1 2 3".split(" ")]
line = lambda: b" ".join(r.choice(words) for _ in range(r.randrange(4, 14))) + b"\r\n"
block = b"".join(line() for _ in range(40000))
with open(sys.argv[1], "wb") as f:
    for i in range(60_000_000 // len(block) + 1):
        f.write(b"%08d" % i + block)
PY
total=$(( $(stat -c %s "$work/tree/code.bin") + $(stat -c %s "$work/tree/text.txt") ))
echo "bench: $((total / 1000000)) MB in 2 files"

# Best of $runs by CPU time (user + sys of the child processes, steadier than wall time on
# a busy machine); the wall time of that run is shown too.
best() {  # command... -> "cpu wall" seconds of the run with the least CPU time
    local best_cpu="" best_wall="" times cpu
    for _ in $(seq 1 "$runs"); do
        times=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null; } 2>&1 )
        cpu=$(echo "$times" | awk '{ printf "%.3f", $2 + $3 }')
        if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
            best_cpu=$cpu; best_wall=$(echo "$times" | awk '{ print $1 }')
        fi
    done
    echo "$best_cpu $best_wall"
}
bootcore_cat() { "$bcd" wim cat "$1" /code.bin; "$bcd" wim cat "$1" /text.txt; }
wimlib_cat() { wimextract "$1" 1 /code.bin /text.txt --to-stdout; }

printf '\n%-8s %18s %18s %10s %10s\n' format "BootCore MB/s" "wimlib MB/s" "ratio cpu" "ratio wall"
printf '%-8s %18s %18s\n' "" "(cpu / wall)" "(cpu / wall)"
for c in xpress lzx; do
    wim=$work/$c.wim
    wimcapture "$work/tree" "$wim" --compress=$c >/dev/null
    # Correctness first: the bytes must be the source's.
    bootcore_cat "$wim" | cmp -s - <(cat "$work/tree/code.bin" "$work/tree/text.txt") \
        || { echo "bench: bcd wim cat output differs for $c"; exit 1; }
    read -r bc bw <<< "$(best bootcore_cat "$wim")"
    read -r wc ww <<< "$(best wimlib_cat "$wim")"
    awk -v c="$c" -v n="$total" -v bc="$bc" -v bw="$bw" -v wc="$wc" -v ww="$ww" 'BEGIN {
        printf "%-8s %8.1f / %7.1f %8.1f / %7.1f %10.2f %10.2f\n", c, n / bc / 1e6, n / bw / 1e6,
            n / wc / 1e6, n / ww / 1e6, bc / wc, bw / ww }'
done
echo "(ratio = BootCore time / wimlib time; target <= 2, goal 1; wimlib also checks SHA-1s)"

#!/usr/bin/env bash
# Decompression throughput of BootCore (`bcd wim cat`, release build) against wimlib
# (`wimextract --to-stdout`) on the same ~150 MB WIM, for XPRESS and LZX. Not a test: it prints
# MB/s and the ratio (BootCore time / wimlib time; target <= 2). Best of $BENCH_RUNS (3) runs.
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

now() { date +%s.%N; }
best() {  # command... -> best wall time in seconds
    local best_time="" t0 t1 t
    for _ in $(seq 1 "$runs"); do
        t0=$(now); "$@" >/dev/null; t1=$(now)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
        if [ -z "$best_time" ] || awk -v t="$t" -v b="$best_time" 'BEGIN { exit !(t < b) }'; then best_time=$t; fi
    done
    echo "$best_time"
}
bootcore_cat() { "$bcd" wim cat "$1" /code.bin; "$bcd" wim cat "$1" /text.txt; }
wimlib_cat() { wimextract "$1" 1 /code.bin /text.txt --to-stdout; }

printf '\n%-8s %14s %14s %8s\n' format "BootCore MB/s" "wimlib MB/s" ratio
for c in xpress lzx; do
    wim=$work/$c.wim
    wimcapture "$work/tree" "$wim" --compress=$c >/dev/null
    # Correctness first: the bytes must be the source's.
    bootcore_cat "$wim" | cmp -s - <(cat "$work/tree/code.bin" "$work/tree/text.txt") \
        || { echo "bench: bcd wim cat output differs for $c"; exit 1; }
    tb=$(best bootcore_cat "$wim")
    tw=$(best wimlib_cat "$wim")
    awk -v c="$c" -v n="$total" -v tb="$tb" -v tw="$tw" \
        'BEGIN { printf "%-8s %14.1f %14.1f %8.2f\n", c, n / tb / 1e6, n / tw / 1e6, tb / tw }'
done
echo "(ratio = BootCore time / wimlib time; target <= 2, goal 1)"

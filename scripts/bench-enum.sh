#!/usr/bin/env bash
# Benchmark (not a test): `bcd enum all` on a generated 1,000-object store, against
# `hivexregedit --export` of the same file. Prints figures: the store's size, fastest, median
# and mean wall time of 20 runs each (bcd and hivexregedit alternating), and the ratio of the
# medians (hivexregedit / bcd).
set -euo pipefail
cd "$(dirname "$0")/.."
# The release build as it is shipped (scripts/release-flags.sh: the Swift runtime and Foundation
# linked in, no libcurl), in its own build directory. Loading and relocating those ~15
# shared libraries was a third of `bcd enum all`'s time; the dynamic build's figure is
# printed too.
swift build -c release --product bcd >/dev/null
source scripts/release-flags.sh
swift build "${release_swiftflags[@]}" --product bcd --scratch-path .build-static >/dev/null
bin=.build-static/release/bcd
command -v hivexregedit >/dev/null || { echo "bench-enum: hivexregedit is missing (scripts/install-deps.sh)" >&2; exit 1; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
BCD=$bin scripts/make-large-store.sh "$dir/BCD" 1000
echo "store: 1,000 objects, $(stat -c %s "$dir/BCD") bytes"
# The two commands alternate, run by run, so that both see the same load on a shared machine
# (blocks of 20 each let a change of load between the blocks move the ratio by a quarter).
bcd_times=(); hivex_times=()
for _ in $(seq 20); do
    start=$(date +%s%N); $bin enum all --store "$dir/BCD" >/dev/null; end=$(date +%s%N)
    bcd_times+=($(( (end - start) / 100000 )))
    start=$(date +%s%N); hivexregedit --export "$dir/BCD" '\' >/dev/null; end=$(date +%s%N)
    hivex_times+=($(( (end - start) / 100000 )))
done
# summarize LABEL TIMES...: prints the figures and leaves the median (0.1 ms units) in $median.
summarize() {
    local label=$1; shift
    local sorted
    sorted=$(printf '%s\n' "$@" | sort -n)
    median=$(echo "$sorted" | awk '{ v[NR] = $1 } END { print (v[10] + v[11]) / 2 }')
    echo "$sorted" | awk -v label="$label" -v median="$median" '
        { sum += $1; v[NR] = $1 }
        END { printf "%s: fastest %.1f ms, median %.1f ms, mean %.1f ms (20 runs)\n", label, v[1] / 10, median / 10, sum / NR / 10 }'
}
# measure LABEL COMMAND...: 20 runs of COMMAND, summarized.
measure() {
    local label=$1; shift
    local times=() start end
    for _ in $(seq 20); do
        start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
        times+=($(( (end - start) / 100000 )))
    done
    summarize "$label" "${times[@]}"
}
summarize "bcd enum all" "${bcd_times[@]}"
bcd_median=$median
summarize "hivexregedit --export" "${hivex_times[@]}"
hivex_median=$median
awk -v a="$hivex_median" -v b="$bcd_median" 'BEGIN { printf "ratio of medians (hivexregedit / bcd enum all): %.1fx\n", a / b }'
measure "bcd enum all --json" $bin enum all --json --store "$dir/BCD"
measure "bcd enum all (dynamic build, .build/release)" .build/release/bcd enum all --store "$dir/BCD"
/usr/bin/time -f "peak memory (enum all): %M KiB" $bin enum all --store "$dir/BCD" >/dev/null

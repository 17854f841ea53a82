#!/usr/bin/env bash
# Benchmark (not a test): `bcd enum all` on a generated 1,000-object store. Prints figures:
# fastest and mean wall time of 20 runs (the fastest is the least disturbed by other load).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bcd >/dev/null
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
BCD=.build/release/bcd scripts/make-large-store.sh "$dir/BCD" 1000
echo "store: 1,000 objects, $(stat -c %s "$dir/BCD") bytes"
measure() {
    local label=$1; shift
    local times=()
    for _ in $(seq 20); do
        local start end
        start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
        times+=($(( (end - start) / 100000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
        { sum += $1; v[NR] = $1 }
        END { printf "%s: fastest %.1f ms, mean %.1f ms (20 runs)\n", label, v[1] / 10, sum / NR / 10 }'
}
measure "bcd enum all" .build/release/bcd enum all --store "$dir/BCD"
measure "bcd enum all --json" .build/release/bcd enum all --json --store "$dir/BCD"
/usr/bin/time -f "peak memory (enum all): %M KiB" .build/release/bcd enum all --store "$dir/BCD" >/dev/null

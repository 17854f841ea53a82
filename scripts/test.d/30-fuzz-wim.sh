#!/usr/bin/env bash
# Fuzzes BootCore's WIM reader, its XPRESS and LZX decoders and the WIM injector with libFuzzer
# (swiftc -sanitize=fuzzer,address; the runtime ships with the Swift toolchain): a bounded
# number of runs each, from a seed corpus made here at run time with wimcapture.
# Any crash, sanitizer report, timeout or out-of-memory fails the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${FUZZ_RUNS:-20000}
for tool in swiftc wimcapture wimappend python3; do
    command -v "$tool" >/dev/null || { echo "fuzz-wim: required tool '$tool' is missing (run scripts/install-deps.sh)"; exit 1; }
done
work=$(mktemp -d /tmp/fuzz-wim.XXXXXX)
trap 'rm -rf "$work"' EXIT

core=(Sources/BootCore/Support/ByteSource.swift Sources/BootCore/Support/LittleEndian.swift Sources/BootCore/Support/AsciiText.swift)
build() {  # name, sources... -> $work/fuzz-NAME
    local name=$1; shift
    echo "fuzz-wim: building $name fuzzer"
    swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name "Fuzz$name" "$@" -o "$work/fuzz-$name" \
        > "$work/build-$name.log" 2>&1 || { grep -v 'Cannot export local symbol' "$work/build-$name.log"; exit 1; }
}
build wim "${core[@]}" Sources/BootCore/Compression/*.swift Sources/BootCore/WIM/*.swift Fuzz/wim/*.swift
build inject "${core[@]}" Sources/BootCore/Compression/*.swift Sources/BootCore/WIM/*.swift Fuzz/wim-inject/*.swift
build xpress "${core[@]}" Sources/BootCore/Compression/*.swift Fuzz/xpress/*.swift
build lzx "${core[@]}" Sources/BootCore/Compression/*.swift Fuzz/lzx/*.swift

# Seeds: small WIMs of every compression and a few chunk sizes (plus LZMS and solid ones,
# which must be refused cleanly), and single chunks cut out of them for the decoders.
tree=$work/tree
mkdir -p "$tree/Windows/System32" "$tree/Boot/Fonts" "$tree/Sources" "$tree/empty" "$work/seeds-wim" "$work/seeds-xpress" "$work/seeds-lzx" "$work/seeds-inject"
python3 - "$tree" <<'PY'
import os, random, sys
root = sys.argv[1]; r = random.Random(7)
words = [b"boot", b"manager", b"Windows", b"\r\n", b"EFI", b" "]
text = b"".join(r.choice(words) for _ in range(12000))
code = bytearray()
while len(code) < 50000:
    code += bytes([0xE8]) + r.randrange(-20000, 20000).to_bytes(4, "little", signed=True) + bytes([0x48, 0x89, 0xE5])
files = {"Sources/setup.txt": text, "Windows/System32/winload.efi": bytes(code),
         "Boot/Fonts/random.bin": r.randbytes(40000), "one": b"x", "zero": b""}
for path, data in files.items():
    with open(os.path.join(root, path), "wb") as f: f.write(data)
PY
wimcapture "$tree" "$work/seeds-wim/none.wim" --compress=none >/dev/null
wimcapture "$tree" "$work/seeds-wim/xpress-4k.wim" --compress=xpress --chunk-size=4096 >/dev/null
wimcapture "$tree" "$work/seeds-wim/xpress.wim" --compress=xpress >/dev/null
wimcapture "$tree" "$work/seeds-wim/lzx.wim" --compress=lzx >/dev/null
wimcapture "$tree" "$work/seeds-wim/lzx-128k.wim" --compress=lzx --chunk-size=131072 >/dev/null
wimcapture "$tree" "$work/seeds-wim/lzms.wim" --compress=lzms >/dev/null
wimcapture "$tree" "$work/seeds-wim/solid.wim" --compress=lzx --solid >/dev/null
cp "$work/seeds-wim/lzx.wim" "$work/seeds-wim/multi.wim"
wimappend "$tree/Boot" "$work/seeds-wim/multi.wim" second --boot >/dev/null
# Decoder seeds: each compressed chunk of the first compressed file resource, prefixed with the
# size header the fuzz targets expect.
python3 - "$work" <<'PY'
import struct, sys
work = sys.argv[1]
def chunks(path):
    d = open(path, "rb").read()
    chunk_size = struct.unpack_from("<I", d, 20)[0]
    size, off, usize = struct.unpack_from("<QQQ", d, 48)
    table = d[off:off + (size & (2**56 - 1))]
    out = []
    for i in range(len(table) // 50):
        s, o, u = struct.unpack_from("<QQQ", table, i * 50)
        flags, s = s >> 56, s & (2**56 - 1)
        if flags & 0x06 != 0x04 or u <= chunk_size: continue     # compressed, non-metadata, 2+ chunks
        n = (u + chunk_size - 1) // chunk_size
        starts = [0] + list(struct.unpack_from("<%dI" % (n - 1), d, o))
        data = o + 4 * (n - 1)
        ends = starts[1:] + [s - 4 * (n - 1)]
        for a, b in zip(starts, ends):
            if b - a < chunk_size: out.append((chunk_size, d[data + a:data + b]))
        if out: break
    return out
for i, (cs, c) in enumerate(chunks(work + "/seeds-wim/xpress.wim")[:4]):
    open("%s/seeds-xpress/%d" % (work, i), "wb").write(struct.pack("<H", cs - 1) + c)
for i, (cs, c) in enumerate(chunks(work + "/seeds-wim/lzx.wim")[:4]):
    open("%s/seeds-lzx/%d" % (work, i), "wb").write(bytes([0]) + struct.pack("<I", cs - 1)[:3] + c)
for i, (cs, c) in enumerate(chunks(work + "/seeds-wim/lzx-128k.wim")[:2]):
    open("%s/seeds-lzx/big%d" % (work, i), "wb").write(bytes([2]) + struct.pack("<I", cs - 1)[:3] + c)
PY
# Injector seeds: the same WIMs (its controls are the last 8 bytes), plus ones whose tail asks
# for 1-3 files with replacing, invalid and duplicate names, into images 1-3.
python3 - "$work" <<'PY'
import shutil, sys
work = sys.argv[1]
# count%4, three name/length bytes, three length multipliers, image and content seed
tails = ["0100000000000000", "0201020003010000", "03020b0102030400", "0109000000000101", "0200000005060102", "0301010103030303"]
for seed in ("none", "xpress", "lzx", "multi", "lzms", "solid"):
    data = open("%s/seeds-wim/%s.wim" % (work, seed), "rb").read()
    shutil.copy("%s/seeds-wim/%s.wim" % (work, seed), "%s/seeds-inject/%s.wim" % (work, seed))
    for tail in tails:
        open("%s/seeds-inject/%s-%s" % (work, seed, tail), "wb").write(data + bytes.fromhex(tail))
PY
for name in xpress lzx; do
    [ -n "$(ls "$work/seeds-$name")" ] || { echo "fuzz-wim: no $name chunk seeds were extracted"; exit 1; }
done

status=0
for name in wim inject xpress lzx; do
    echo "fuzz-wim: $name, $runs runs"
    mkdir -p "$work/corpus-$name"
    if ! (cd "$work" && ./"fuzz-$name" -runs="$runs" -max_len=300000 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 "corpus-$name" "seeds-$name" > "$work/log-$name" 2>&1); then
        echo "fuzz-wim: $name fuzzer FAILED"; tail -n 60 "$work/log-$name"; status=1
        mkdir -p /tmp/fuzz-wim-crashes && cp "$work"/crash-* "$work"/timeout-* "$work"/oom-* /tmp/fuzz-wim-crashes/ 2>/dev/null || true
        echo "fuzz-wim: reproducer(s) kept in /tmp/fuzz-wim-crashes/"
    else
        grep -E 'stat::number_of_executed_units|Done' "$work/log-$name" | tail -n 2
    fi
done
exit $status

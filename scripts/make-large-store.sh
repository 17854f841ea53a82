#!/usr/bin/env bash
# Makes a store with N objects (default 1000) through `bcd batch` (one save): {bootmgr},
# {ramdiskoptions}, and N-2 WinPE ramdisk loaders, all in the display order.
# Usage: make-large-store.sh FILE [N]   (BCD=path/to/bcd to choose the binary)
set -euo pipefail
file=$1; count=${2:-1000}
bcd=${BCD:-$(dirname "$0")/../.build/release/bcd}
rm -f "$file" "$file.bak"
"$bcd" createstore "$file" >/dev/null
{
    echo "create {bootmgr} --d 'Windows Boot Manager'"
    echo "create {ramdiskoptions} --d 'Ramdisk options'"
    echo "set {ramdiskoptions} ramdisksdidevice boot"
    echo "set {ramdiskoptions} ramdisksdipath '\\Boot\\boot.sdi'"
    ids=""
    for i in $(seq 1 $((count - 2))); do
        id=$(printf '{%08x-0000-4000-8000-%012x}' "$i" "$i")
        echo "create $id --d 'WinPE $i' --application osloader"
        echo "set $id device 'ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}'"
        echo "set $id osdevice 'ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}'"
        echo "set $id systemroot '\\Windows'"
        echo "set $id winpe yes"
        ids="$ids $id"
    done
    echo "displayorder $ids"
    echo "timeout 30"
} | "$bcd" batch --store "$file" --no-backup >/dev/null

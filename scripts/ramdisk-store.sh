#!/usr/bin/env bash
# Builds a WinPE ramdisk store exactly as the README's script does: runs the README's block.
# Usage: scripts/ramdisk-store.sh DIR   (creates DIR/BCD; `bcd` must be on PATH)
set -euo pipefail
readme="$(dirname "$0")/../README.md"
script=$(awk '/<!-- ramdisk-script -->/{found=1; next} found && /^```sh/{inblock=1; next} inblock && /^```/{exit} inblock{print}' "$readme")
[ -n "$script" ] || { echo "ramdisk-store: no ramdisk script in README.md" >&2; exit 1; }
mkdir -p "$1"
cd "$1"
eval "$script"

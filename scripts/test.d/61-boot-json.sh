#!/usr/bin/env bash
# `bcd boot --json` on the demo workspace: stdout is exactly one JSON document (progress goes
# to stderr) whose fields tell the outcome, for success (exit 0), a validation stop (exit 1)
# and a forced boot of a broken ramdisksdipath (exit 2, the boot manager's screen as fields).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bcd=${BCD:-$root/.build/debug/bcd}
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in qemu-system-x86_64 timeout python3; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
work=$(mktemp -d "${TMPDIR:-/tmp}/boot-json.XXXXXX")
trap 'rm -rf "$work"' EXIT
BCD=$bcd "$root/scripts/make-demo-workspace.sh" "$work/demo" >/dev/null
mkdir -p "$work/broken"
cp "$work/demo/BCD" "$work/broken/BCD"
"$bcd" set --store "$work/broken/BCD" '{ramdiskoptions}' ramdisksdipath '\Image\boot.sdi' >/dev/null
files=(--file "boot.sdi=$work/demo/boot.sdi" --file "boot.wim=$work/demo/boot.wim")

# run NAME EXPECTED-STATUS ARGS...: stdout to NAME.json, stderr to NAME.err.
run() {
    local name=$1 want=$2 rc=0; shift 2
    timeout 300 "$bcd" boot "$@" --json --timeout 150 >"$work/$name.json" 2>"$work/$name.err" || rc=$?
    [ "$rc" = "$want" ] || { cat "$work/$name.err" "$work/$name.json" >&2; fail "$name: exit $rc, expected $want"; }
}
# check NAME PYTHON-EXPRESSION: the expression over the parsed document `d` must be true.
check() {
    python3 - "$work/$1.json" "$2" <<'PY' || { cat "$work/$1.json" >&2; fail "$1: not true of the JSON: $2"; }
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

run ok 0 "$work/demo/BCD"
check ok 'd["result"] == "success" and d["exitStatus"] == 0 and d["headline"].startswith("OK: booted")'
check ok 'sorted(f["name"] for f in d["files"]) == ["BCD", "boot.sdi", "boot.wim"] and all(f["matches"] for f in d["files"])'
check ok 'd["seconds"]["emulator"] > 0 and "bootManagerError" not in d'
grep -q '^qemu: ' "$work/ok.err" || fail "ok: progress lines are not on stderr"
echo "61-boot-json: success: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["headline"])' "$work/ok.json")"

run stopped 1 "$work/broken/BCD" "${files[@]}"
check stopped 'd["result"] == "not-started" and d["exitStatus"] == 1 and "validation found 1 error" in d["headline"]'
echo "61-boot-json: validation stop: not-started"

run forced 2 "$work/broken/BCD" "${files[@]}" --force
check forced 'd["result"] == "boot-error" and d["bootManagerError"]["status"] == "0xc000000f"'
# Read off the console screen: the footer's keys apart from the fields, the whole screen as rows.
check forced 'd["bootManagerError"]["keys"] == ["ENTER=OS Selection", "ESC=UEFI Firmware Settings"] and d["bootManagerError"]["info"] == "A required file is missing or contains errors."'
check forced 'len(d["screen"]) == 25 and any(l.strip() == "Status: 0xc000000f" for l in d["screen"])'
check forced 'd["bootManagerError"]["file"] == "\\Image\\boot.sdi" and d["bootManagerError"]["statusName"] == "STATUS_NO_SUCH_FILE"'
check forced 'any("ramdisksdipath" in line for line in d["details"])'
echo "61-boot-json: forced: boot-error 0xc000000f \\Image\\boot.sdi"

# --json with the console on the terminal is refused: both want stdout.
rc=0; "$bcd" boot "$work/demo/BCD" --json --display terminal >/dev/null 2>"$work/refused.err" || rc=$?
[ "$rc" != 0 ] && grep -q -- '--json and --display terminal' "$work/refused.err" || fail "--json --display terminal was not refused"
echo "61-boot-json: ok"

#!/usr/bin/env bash
# The STAND-IN boot manager follows the BCD as a boot manager does (BootCore's resolver):
#  1. the demo workspace boots (bcd boot, exit 0): the default entry's ramdisk WIM and SDI
#     are followed and found, no error screen;
#  2. the same store with ramdisksdipath \Image\boot.sdi (a path the loader does not serve),
#     booted with --force: the stand-in imitates the boot manager's error screen and bcd boot
#     classifies it (exit 2): File \Image\boot.sdi, Status 0xc000000f, and the store's
#     ramdisksdipath among the hints;
#  3. the entry's path names an OS loader the WIM does not hold: the stand-in looks inside the
#     ramdisk WIM (BootCore's WIM reader) and imitates the 0xc000000f screen for that path.
# Needs the bcd binary ($BCD, default .build/debug/bcd). Every boot runs under `timeout`.
source "$(dirname "$0")/../../loader/tests/lib.sh"
bcd=${BCD:-$ROOT/.build/debug/bcd}
need wimcapture mkntfs
[ -x "$bcd" ] || fail "no bcd binary at $bcd (swift build first)"
build_loader
BCD=$bcd "$ROOT/scripts/make-demo-workspace.sh" "$WORK/demo" >/dev/null

# boot NAME EXPECTED-STATUS STORE ARGS...: bcd boot (disk mode, or $MODE); output in $WORK/NAME.out,
# cleaned serial log in $WORK/NAME.serial.txt (for expect_line).
boot() {
    local name=$1 want=$2 store=$3; shift 3
    local rc=0
    timeout 300 "$bcd" boot "$store" --mode "${MODE:-disk}" --timeout 150 --serial-log "$WORK/$name.serial" "$@" >"$WORK/$name.out" 2>&1 || rc=$?
    [ "$rc" = "$want" ] || { cat "$WORK/$name.out" >&2; fail "$name: bcd boot exited with $rc, expected $want"; }
    tr -d '\r' <"$WORK/$name.serial" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' >"$WORK/$name.serial.txt"
    echo "51-loader-follow: $name: exit $rc: $(grep -E '^(OK|FAILED|TIMEOUT)' "$WORK/$name.out" | head -1)"
}
expect_out() { grep -qE -- "$2" "$WORK/$1.out" || { cat "$WORK/$1.out" >&2; fail "$1: expected a line matching: $2"; }; }

# 1. The demo as made: everything the entry needs is there.
boot demo 0 "$WORK/demo/BCD"
expect_line "$WORK/demo.serial" '^STANDIN entry \{a4f89c62-2142-11e6-80b6-00155da04110\} device=ramdisk wim=\\Boot\\boot\.wim sdi=\\Boot\\boot\.sdi$'
expect_line "$WORK/demo.serial" '^STANDIN follow \\Boot\\boot\.wim found$'
expect_line "$WORK/demo.serial" '^STANDIN follow \\Boot\\boot\.sdi found$'
expect_line "$WORK/demo.serial" '^STANDIN follow-wim \\Windows\\System32\\boot\\winload\.efi found$'
reject_line "$WORK/demo.serial" '^Status:'
expect_line "$WORK/demo.serial" '^STANDIN done$'
# Everything found: the stand-in ends boot services as winload would, and the loader sees it.
expect_line "$WORK/demo.serial" '^STANDIN exitbootservices$'
expect_line "$WORK/demo.serial" '^LOADER exitbootservices$'
expect_out demo '^ *boot services ended \(ExitBootServices after [0-9.]+ s\), as the OS loader would'
expect_out demo '^OK: booted'

# 2. ramdisksdipath moved to \Image\boot.sdi: the boot manager's error screen, classified.
mkdir -p "$WORK/broken"
cp "$WORK/demo/BCD" "$WORK/broken/BCD"
"$bcd" set --store "$WORK/broken/BCD" '{ramdiskoptions}' ramdisksdipath '\Image\boot.sdi' >/dev/null
boot broken 2 "$WORK/broken/BCD" --file "boot.sdi=$WORK/demo/boot.sdi" --file "boot.wim=$WORK/demo/boot.wim" --force
expect_line "$WORK/broken.serial" '^STANDIN follow \\Boot\\boot\.wim found$'
expect_line "$WORK/broken.serial" '^STANDIN follow \\Image\\boot\.sdi missing$'
reject_line "$WORK/broken.serial" '^LOADER exitbootservices$'
expect_line "$WORK/broken.serial" "^STANDIN imitates the Windows Boot Manager error screen \(STAND-IN, not Microsoft's\)$"
# The screen is drawn as the real one is (cursor addressing) and read off the screen model.
expect_out broken '^  \| +File: \\Image\\boot\.sdi$'
expect_out broken '^  \| +Info: A required file is missing or contains errors\.$'
expect_out broken '^  \|  ENTER=OS Selection +ESC=UEFI Firmware Settings$'
expect_out broken '^FAILED: the boot manager \(STAND-IN imitation\) stopped with 0xc000000f STATUS_NO_SUCH_FILE, File \\Image\\boot\.sdi$'
expect_out broken '^ *Windows Boot Manager error: Status 0xc000000f, File \\Image\\boot\.sdi'
expect_out broken '^ *\{ramdiskoptions\} ramdisksdipath \\Image\\boot\.sdi$'
# The same over the network (iPXE, TFTP): the same screen, the same clean fields.
MODE=network boot broken-net 2 "$WORK/broken/BCD" --file "boot.sdi=$WORK/demo/boot.sdi" --file "boot.wim=$WORK/demo/boot.wim" --force
for pattern in '^FAILED: the boot manager \(STAND-IN imitation\) stopped with 0xc000000f STATUS_NO_SUCH_FILE, File \\Image\\boot\.sdi$' \
               '^ *Windows Boot Manager error: Status 0xc000000f, File \\Image\\boot\.sdi, Info: A required file is missing or contains errors\.$' \
               '^  \|  ENTER=OS Selection +ESC=UEFI Firmware Settings$'; do
    expect_out broken-net "$pattern"
    expect_out broken "$pattern"
done

# 3. path \Windows\System32\boot\nosuch.efi: found on disk are the WIM and SDI, not the loader.
mkdir -p "$WORK/noloader"
cp "$WORK/demo/BCD" "$WORK/noloader/BCD"
"$bcd" set --store "$WORK/noloader/BCD" '{a4f89c62-2142-11e6-80b6-00155da04110}' path '\Windows\System32\boot\nosuch.efi' >/dev/null
boot noloader 2 "$WORK/noloader/BCD" --file "boot.sdi=$WORK/demo/boot.sdi" --file "boot.wim=$WORK/demo/boot.wim" --force
expect_line "$WORK/noloader.serial" '^STANDIN follow-wim \\Windows\\System32\\boot\\nosuch\.efi missing$'
expect_out noloader '^FAILED: the boot manager \(STAND-IN imitation\) stopped with 0xc000000f STATUS_NO_SUCH_FILE, File \\Windows\\System32\\boot\\nosuch\.efi$'
echo "51-loader-follow: ok"

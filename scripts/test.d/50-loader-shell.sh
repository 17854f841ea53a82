#!/usr/bin/env bash
# The loader started from the UEFI shell (startup.nsh) as "fs0:\EFI\tools\loader pause gui":
# the shell's way of passing the image name is understood, `pause` waits for a key before
# starting the boot manager (the test presses one through the QEMU monitor), and the
# STAND-IN boot manager then runs normally. Then `pause=quiet`: the loader waits the same way
# but prints no prompt (the test checks the boot manager has not started 4 s after the loader
# chose it, then presses a key).
source "$(dirname "$0")/../../loader/tests/lib.sh"
build_loader
d=$WORK/disk; mkdir -p "$d/EFI/tools"
cp "$BUILD/loader.efi" "$d/EFI/tools/loader.efi"
cp "$BUILD/standin.efi" "$d/bootmgfw.efi"
fake_bcd "$d/BCD"; patched_bcd "$d/BCD" "$WORK/BCD.patched"
head -c 100000 /dev/urandom >"$d/boot.sdi"
printf 'fs0:\\EFI\\tools\\loader pause gui\r\n' >"$d/startup.nsh"
make_disk "$WORK/disk.img" "$d"
port=$(free_port)
MONITOR_ARGS=$(monitor_args "$port") ON_LINE='Press a key to start the boot manager' \
    ON_LINE_CMD="sleep 1; monitor_cmd $port 'sendkey ret'" \
    boot_disk "$WORK/disk.img" "$WORK/serial"
s=$WORK/serial
expect_line "$s" 'Press a key to start the boot manager'
expect_line "$s" '^LOADER starting boot manager bootmgfw.efi$'
expect_file "$s" '\Boot\BCD' "$WORK/BCD.patched"
expect_file "$s" '\boot.sdi' "$d/boot.sdi"
expect_line "$s" '^STANDIN done$'
echo "50-loader-shell: pause ok"

printf 'fs0:\\EFI\\tools\\loader pause=quiet\r\n' >"$d/startup.nsh"
make_disk "$WORK/disk-quiet.img" "$d"
q=$WORK/serial-quiet
port=$(free_port)
MONITOR_ARGS=$(monitor_args "$port") ON_LINE='LOADER bootmgr ' \
    ON_LINE_CMD="sleep 4; cp '$q' '$q.early'; monitor_cmd $port 'sendkey ret'" \
    boot_disk "$WORK/disk-quiet.img" "$q"
expect_line "$q" '^LOADER bootmgr bootmgfw.efi$'
[ -f "$q.early" ] || fail "pause=quiet: the key hook never ran (no 'LOADER bootmgr' line)"
! grep -qa 'LOADER starting boot manager' "$q.early" || fail "pause=quiet did not wait for a key: the boot manager started before one was pressed"
reject_line "$q" 'Press a key'
expect_line "$q" '^STANDIN done$'
echo "50-loader-shell: pause=quiet ok"
echo "50-loader-shell: ok"

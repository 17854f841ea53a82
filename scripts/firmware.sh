# The UEFI firmware of the QEMU boots that the shell harnesses run. Sourced, not run, by
# loader/tests/lib.sh and scripts/test.d/60-boot-demo.sh; `bcd boot` names the same files as
# Firmware.ovmf (Sources/BCDBoot/Firmware.swift), and FirmwareTests fails when the two differ.
# Debian package ovmf: the 2 MiB x86-64 build without Secure Boot keys; the VARS file is a
# template that each boot copies.
OVMF_CODE_DEFAULT=/usr/share/OVMF/OVMF_CODE.fd
OVMF_VARS_DEFAULT=/usr/share/OVMF/OVMF_VARS.fd

# need_firmware CODE VARS: the caller's fail() unless both files are readable.
need_firmware() {
    [ -r "$1" ] && [ -r "$2" ] || fail "missing OVMF firmware ($1, $2): Debian package ovmf (scripts/install-deps.sh installs it)"
}

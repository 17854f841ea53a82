#!/usr/bin/env bash
# Installs every Debian package the project builds, runs or tests with.
# Idempotent; uses sudo when not root.
set -euo pipefail
packages=(
    libhivex-dev libhivex-bin libwin-hivex-perl   # BCD stores are registry hives
    libwim-dev wimtools                           # WIM content (validation, differential tests)
    zlib1g-dev                                    # CRC-32 of the served files (bcd boot's expected sizes and CRCs)
    libncursesw5-dev tmux                         # the editor, and driving it in tests
    gnu-efi gcc binutils ovmf qemu-system-x86 ipxe ipxe-qemu   # the loader and test boots
    gcc-multilib                                  # the BIOS loader (loader.lkrn): gcc -m32 and its 32-bit libgcc
    grub-pc-bin xorriso syslinux syslinux-common  # 53-loader-bios: GRUB (a grub-mkrescue CD) and SYSLINUX (linux.c32) start loader.lkrn
    mtools dosfstools ntfs-3g                     # FAT checks, NTFS images for boot.sdi
    qemu-utils                                    # qemu-img: VHD/VHDX disks for the bcd check tests
    file xxd cpio                                 # cpio: newc archives for the cpio reader tests
    python3                                       # WIM fuzz seeds, decompression benchmark data
    curl                                          # bcd serve tests: whole files, byte ranges, refusals
    dpkg-dev lintian debootstrap                  # the .deb: dpkg-shlibdeps, lint, a fresh Debian 12 root to install it in
    libcurl4-openssl-dev                          # debug builds: FlyingFox's FoundationNetworking autolinks -lcurl (release: scripts/release-flags.sh)
    sbsigntool openssl python3-pip                # Secure Boot: signing, test keys, virt-firmware's installer
    seabios syslinux syslinux-common              # BIOS test boots (bcd boot --firmware bios): SeaBIOS; SYSLINUX + linux.c32 for disk mode
    shim-signed                                   # Secure Boot through shim (bcd boot --secure-boot=shim): Microsoft-signed shimx64.efi
)
# PyPI: virt-firmware's virt-fw-vars makes the Secure Boot varstores (test key added to db);
# dissect.util's LZNT1 and LZ77+Huffman decoders check BootCore's encoders (BootmgrCodecDifferentialTests).
pip_packages=(virt-firmware dissect.util)
install_pip() {
    command -v virt-fw-vars >/dev/null && python3 -c 'import dissect.util.compression' 2>/dev/null && return 0
    echo "install-deps: installing from PyPI: ${pip_packages[*]}"
    # Debian marks its Python externally managed; these are command-line tools, not libraries.
    PIP_BREAK_SYSTEM_PACKAGES=1 $SUDO python3 -m pip install -q "${pip_packages[@]}"
}
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    install_pip
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_pip

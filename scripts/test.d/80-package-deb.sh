#!/usr/bin/env bash
# The Debian package end to end, as a PXE server's admin meets it:
#  1. scripts/package-deb.sh builds bcd_VERSION_amd64.deb; lintian reports no errors (its
#     warnings are printed);
#  2. a fresh Debian 12 root (debootstrap --variant=minbase bookworm) installs it with apt, which
#     pulls the Depends and Recommends from deb.debian.org (plus man-db, and ntfs-3g and
#     wimtools to make the demo workspace: test tools, not the package's);
#  3. in that root, without a toolchain or a source tree: bcd --version, ldd (no Swift library
#     left dynamic), the README's ramdisk script and `bcd enum all` against the README's block,
#     man -w for bcd(1) and a verb's page, the bash completion loaded and completing a verb, the
#     zsh/fish files present, and `bcd boot` of a demo workspace made with the installed stand-in,
#     through the installed loader (its banner carries the version).
# Needs root (debootstrap, chroot, mount) and deb.debian.org. A missing tool fails the test.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
say() { echo "80-package-deb: $*"; }
for t in debootstrap lintian dpkg-deb chroot mount umount; do
    command -v "$t" >/dev/null || fail "missing tool '$t' (scripts/install-deps.sh installs it)"
done
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot, mount)"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d "${TMPDIR:-/tmp}/package-deb.XXXXXX")
R=$work/root
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT
t0=$SECONDS

# 1. Build and lint.
deb=$("$root/scripts/package-deb.sh" "$work")
[ -f "$deb" ] || fail "package-deb.sh printed '$deb', not a file"
version=$(dpkg-deb -f "$deb" Version)
say "built $(basename "$deb") in $((SECONDS - t0)) s; Depends: $(dpkg-deb -f "$deb" Depends)"
# --fail-on error: a non-zero exit for an error tag, as for lintian failing to run at all.
rc=0; lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || rc=$?
sed 's/^/80-package-deb: lintian: /' "$work/lintian.log"
[ "$rc" = 0 ] && ! grep -q '^E: ' "$work/lintian.log" || fail "lintian reports errors or did not run (exit $rc, above)"
say "lintian: no errors ($(grep -c '^W: ' "$work/lintian.log" || true) warnings)"

# 2. A fresh Debian 12 root and apt.
t1=$SECONDS
debootstrap --variant=minbase bookworm "$R" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
say "debootstrap bookworm (minbase) in $((SECONDS - t1)) s"
mount -t proc proc "$R/proc"; mounted+=("$R/proc")
mount --bind /dev "$R/dev"; mounted+=("$R/dev")
mount --bind /dev/pts "$R/dev/pts"; mounted+=("$R/dev/pts")   # apt's log of dpkg wants a terminal
# inroot CMD...: in the root, with a clean environment (no toolchain, no BCD_SOURCE_ROOT), from /.
inroot() { chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
cp "$deb" "$R/tmp/"
t2=$SECONDS
inroot apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update failed in the root"; }
# apt resolves the package's Depends; its Recommends are installed by name, each without its own
# Recommends (QEMU's would double the root's size and the step's time).
recommends=$(dpkg-deb -f "$deb" Recommends | tr -d ,)
[ -n "$recommends" ] || fail "the package recommends nothing"
inroot apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" $recommends man-db ntfs-3g wimtools >>"$work/apt.log" 2>&1 \
    || { tail -30 "$work/apt.log" >&2; fail "apt-get install of the package failed in the root"; }
for p in libhivex0 libwim15 $recommends; do
    inroot dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || fail "apt did not install $p with the package"
done
! inroot sh -c 'command -v swift swiftc' >/dev/null || fail "the root has a Swift toolchain; the test would prove nothing"
say "apt-get install ./$(basename "$deb") and its Recommends ($recommends) in $((SECONDS - t2)) s"

# 3. In the root.
got=$(inroot bcd --version) || fail "bcd --version failed in the root"
[ "$got" = "$version" ] || fail "bcd --version says '$got', the package is $version"
say "bcd --version: $got"
inroot ldd /usr/bin/bcd >"$work/ldd.log" || fail "ldd /usr/bin/bcd failed"
! grep -q 'not found' "$work/ldd.log" || fail "unresolved libraries: $(grep 'not found' "$work/ldd.log")"
# The binary's own NEEDED entries: Debian's libraries only, no Swift runtime, Foundation or its
# ICU (ldd's list also has what those libraries pull in, e.g. libxml2's libicuuc).
needed=$(readelf -d "$R/usr/bin/bcd" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
[ -n "$needed" ] || fail "readelf found no NEEDED entries in /usr/bin/bcd"
! grep -qiE 'swift|Foundation|dispatch|BlocksRuntime|icu' <<<"$needed" || fail "Swift libraries still dynamic: $needed"
# No libcurl (scripts/release-flags.sh): neither linked nor a dependency of the package.
! grep -q 'libcurl' <<<"$needed" || fail "/usr/bin/bcd still needs libcurl: $needed"
! dpkg-deb -f "$deb" Depends | grep -q 'libcurl' || fail "the package still depends on libcurl: $(dpkg-deb -f "$deb" Depends)"
say "NEEDED: $needed; ldd in the root resolves all $(wc -l <"$work/ldd.log")"

# The README's ramdisk script (scripts/ramdisk-store.sh runs the README's block) and its enum.
mkdir -p "$R/tmp/src/scripts"
cp "$root/README.md" "$R/tmp/src/"; cp "$root/scripts/ramdisk-store.sh" "$root/scripts/make-demo-workspace.sh" "$R/tmp/src/scripts/"
inroot bash /tmp/src/scripts/ramdisk-store.sh /tmp/ramdisk >/dev/null || fail "the README's ramdisk script failed in the root"
awk '/<!-- ramdisk-enum -->/{found=1; next} found && /^```/{if (inblock) exit; inblock=1; next} inblock{print}' "$root/README.md" >"$work/enum.expected"
[ -s "$work/enum.expected" ] || fail "README.md has no ramdisk-enum block"
inroot bcd enum all --store /tmp/ramdisk/BCD >"$work/enum.out" || fail "bcd enum all failed in the root"
diff -u "$work/enum.expected" "$work/enum.out" || fail "bcd enum all differs from the README's block"
say "the README's ramdisk script, then bcd enum all: as the README shows"

# Man pages and completions.
page=$(inroot man -w bcd) || fail "man -w bcd found nothing"
[ "$page" = /usr/share/man/man1/bcd.1.gz ] || fail "man -w bcd: $page"
verb=$(inroot man -w bcd-boot) || fail "man -w bcd-boot found nothing (pages: $(ls "$R/usr/share/man/man1" | grep bcd))"
inroot sh -c 'man -P cat bcd 2>/dev/null' | grep -q 'createstore' || fail "man bcd does not list createstore"
# man-db's parser reads each page's NAME line (what whatis and apropos index).
for f in "$R"/usr/share/man/man1/bcd*.1.gz; do
    inroot lexgrog "/usr/share/man/man1/$(basename "$f")" >/dev/null || fail "lexgrog cannot read the NAME line of $(basename "$f")"
done
say "man -w bcd: $page; man -w bcd-boot: $verb; $(ls "$R/usr/share/man/man1" | grep -c '^bcd') pages"
reply=$(inroot bash -c 'source /usr/share/bash-completion/completions/bcd && complete -p bcd >/dev/null &&
    COMP_WORDS=(bcd creates) COMP_CWORD=1 COMP_LINE="bcd creates" COMP_POINT=11 && _bcd bcd creates bcd && echo "${COMPREPLY[*]}"') \
    || fail "the bash completion does not load"
[[ " $reply " == *" createstore "* ]] || fail "bash completion of 'bcd creates' gave '$reply'"
for f in /usr/share/zsh/vendor-completions/_bcd /usr/share/fish/vendor_completions.d/bcd.fish; do
    [ -s "$R$f" ] || fail "no $f"
done
grep -q '^#compdef bcd' "$R/usr/share/zsh/vendor-completions/_bcd" || fail "_bcd is not a zsh completion"
say "bash completion loaded: 'bcd creates<Tab>' -> $reply"

# A test boot of a demo workspace, with the installed loader and stand-in.
inroot env BCD=/usr/bin/bcd STANDIN=/usr/lib/bcd/standin.efi bash /tmp/src/scripts/make-demo-workspace.sh /tmp/demo >/dev/null \
    || fail "make-demo-workspace.sh failed in the root"
rm -rf "$R/tmp/src"   # no source tree left for bcd to find
t3=$SECONDS
rc=0
inroot timeout 400 bcd boot /tmp/demo/BCD --timeout 300 --serial-log /tmp/boot.serial >"$work/boot.out" 2>&1 || rc=$?
[ "$rc" = 0 ] || { cat "$work/boot.out" >&2; fail "bcd boot in the root exited $rc"; }
grep -q '^build: using the installed /usr/lib/bcd/loader.efi$' "$work/boot.out" || { cat "$work/boot.out" >&2; fail "bcd boot did not use the installed loader"; }
grep -q '^OK: booted; the boot manager read 3 files, all as the host has them$' "$work/boot.out" || { cat "$work/boot.out" >&2; fail "no success report"; }
tr -d '\r' <"$R/tmp/boot.serial" | grep -q "^LOADER start (bcd $version)\$" || fail "the loader's banner does not carry $version"
tr -d '\r' <"$R/tmp/boot.serial" | grep -q '^STANDIN done' || fail "the installed stand-in did not finish"
say "bcd boot of the demo workspace in the root: exit 0 in $((SECONDS - t3)) s: $(grep '^OK' "$work/boot.out")"
say "ok ($((SECONDS - t0)) s in all)"

#!/usr/bin/env bash
# Builds bcd_VERSION_amd64.deb: a release `bcd` with the Swift runtime and Foundation linked
# statically (runs without a toolchain), the loader and stand-in under /usr/lib/bcd, the themes
# under /usr/share/bcd/themes, man pages generated from the command definitions (bcd(1) and one
# per verb), and bash, zsh and fish completions. Nothing generated is kept in the tree.
# Usage: scripts/package-deb.sh [OUTDIR]   (default: the repository root; prints the .deb's path)
#   BCD_DEB_SCRATCH: SwiftPM scratch path of the release build (default .build-deb)
#   DEBFULLNAME, DEBEMAIL: the maintainer (default: bcd project <bcd@example.org>)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=$(mkdir -p "${1:-$root}" && cd "${1:-$root}" && pwd)
scratch=${BCD_DEB_SCRATCH:-$root/.build-deb}
# Debian's variables for who builds the package (the Maintainer field and the changelog).
maintainer="${DEBFULLNAME:-bcd project} <${DEBEMAIL:-bcd@example.org}>"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
say() { echo "package-deb: $*" >&2; }
die() { echo "package-deb: $*" >&2; exit 1; }
for t in swift make dpkg-deb dpkg-shlibdeps strip gzip; do command -v "$t" >/dev/null || die "missing tool '$t' (scripts/install-deps.sh installs it)"; done

# 1. The binary, built as scripts/release-flags.sh says: what stays dynamic is Debian's
# (libhivex0, libwim15, libncursesw6, libc6, libstdc++6...), and not libcurl.
source "$root/scripts/release-flags.sh"
swiftflags=("${release_swiftflags[@]}" --scratch-path "$scratch" -j 2)
say "swift build ${swiftflags[*]}"
swift build "${swiftflags[@]}" --product bcd >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log" >&2; die "release build failed"; }
bin="$scratch/release/bcd"
version=$("$bin" --version)
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~]*$ ]] || die "bcd --version printed '$version', not a Debian version"

# 2. The loader and the stand-in (make is incremental; main.o follows BcdVersion.swift).
say "make -C loader (loader.efi, standin.efi, loader.lkrn)"
make -s -C "$root/loader" all >"$work/loader.log" 2>&1 || { tail -30 "$work/loader.log" >&2; die "loader build failed"; }
grep -aq "LOADER start (bcd $version)" "$root/loader/build/loader.efi" || die "loader.efi's banner does not carry version $version"

# 3. The tree.
pkg=$work/bcd
install -d "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/lib/bcd" "$pkg/usr/share/bcd/themes" "$pkg/usr/share/doc/bcd" \
    "$pkg/usr/share/man/man1" "$pkg/usr/share/bash-completion/completions" "$pkg/usr/share/zsh/vendor-completions" \
    "$pkg/usr/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$pkg/usr/bin/bcd"
# As dh_strip does for an executable: symbols and the comment/note sections go.
strip --remove-section=.comment --remove-section=.note "$pkg/usr/bin/bcd"
install -m 0644 "$root/loader/build/loader.efi" "$root/loader/build/standin.efi" "$root/loader/build/loader.lkrn" "$pkg/usr/lib/bcd/"
install -m 0644 "$root"/Themes/*.toml "$pkg/usr/share/bcd/themes/"

# Man pages: swift-argument-parser's generate-manual tool reads the binary's own command
# definitions (`bcd --experimental-dump-help`); --multi-page gives bcd.1 and one page per verb,
# renamed git's way (bcd.wim.ls.1 -> bcd-wim-ls.1) by scripts/deb/manpage.awk.
say "man pages (generate-manual)"
swift build "${swiftflags[@]}" --product generate-manual >"$work/man-build.log" 2>&1 \
    || { tail -30 "$work/man-build.log" >&2; die "cannot build swift-argument-parser's generate-manual"; }
mkdir "$work/man"
"$scratch/release/generate-manual" "$pkg/usr/bin/bcd" --multi-page --section 1 --output-directory "$work/man" \
    --date "$(git -C "$root" log -1 --format=%cs 2>/dev/null || date +%F)" >"$work/man.log" 2>&1 || { cat "$work/man.log" >&2; die "generate-manual failed"; }
[ -f "$work/man/bcd.1" ] || die "generate-manual made no bcd.1: $(ls "$work/man")"
for page in "$work"/man/*.1; do
    name=$(basename "$page" .1)
    awk -f "$root/scripts/deb/manpage.awk" "$page" | gzip -9n >"$pkg/usr/share/man/man1/${name//./-}.1.gz"
done

# Completions, from the same definitions.
# bash-completion sources its files: no #! line.
"$bin" --generate-completion-script bash | sed '1{/^#!/d}' >"$pkg/usr/share/bash-completion/completions/bcd"
"$bin" --generate-completion-script zsh >"$pkg/usr/share/zsh/vendor-completions/_bcd"
"$bin" --generate-completion-script fish >"$pkg/usr/share/fish/vendor_completions.d/bcd.fish"

# Debian's documentation files: copyright, and the changelog of a native package.
install -m 0644 "$root/scripts/deb/copyright" "$pkg/usr/share/doc/bcd/copyright"
when=$(git -C "$root" log -1 --format=%cD 2>/dev/null || date -R)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
printf 'bcd (%s) unstable; urgency=medium\n\n  * Built by scripts/package-deb.sh from commit %s.\n\n -- %s  %s\n' \
    "$version" "$commit" "$maintainer" "$when" | gzip -9n >"$pkg/usr/share/doc/bcd/changelog.gz"

# 4. Control: Depends from the libraries the binary links (dpkg-shlibdeps reads the ELF's
# NEEDED entries and Debian's shlibs/symbols files), Recommends what the boot features run.
mkdir -p "$work/src/debian"
printf 'Source: bcd\n\nPackage: bcd\nArchitecture: amd64\n' >"$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O "$pkg/usr/bin/bcd" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') \
    || { cat "$work/shlibdeps.log" >&2; die "dpkg-shlibdeps failed"; }
[ -n "$depends" ] || die "dpkg-shlibdeps found no dependencies"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$size/" -e "s|@MAINTAINER@|$maintainer|" "$root/scripts/deb/control" >"$pkg/DEBIAN/control"
(cd "$pkg" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$pkg/DEBIAN/md5sums"
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg/usr/share" "$pkg/usr/lib" "$pkg/DEBIAN" -type f -exec chmod 0644 {} +

deb="$out/bcd_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
say "$(basename "$deb"): $(du -h "$deb" | cut -f1), depends: $depends"
echo "$deb"

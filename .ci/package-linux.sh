#!/usr/bin/env bash
# Builds dist/Veil-VERSION-linux-ARCH.tar.xz: the veil binary (built by
# `fyne package -os linux -release`), its .desktop file, the icon drawn at
# every hicolor size, the licences, and install.sh (per user, ~/.local).
# Called by `make package-linux`; `make install` unpacks it and runs install.sh.
#
# Environment: DIST (output folder, default dist), VEIL_BUILD (build number,
# default: Build in FyneApp.toml). Like package-windows.sh it packages the
# committed tree (git archive HEAD) in a temporary folder.
set -euo pipefail
dist=$(realpath -m "${DIST:-dist}")
work=$(mktemp -d /tmp/veil-linux.XXXXXX)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
mkdir -p "$work/veil"
commit=$(git rev-parse --short HEAD)
git -C "$(git rev-parse --show-toplevel)" archive HEAD | tar -xf - -C "$work/veil"
cd "$work/veil"
version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' app/version.go)
build=${VEIL_BUILD:-$(sed -n 's/^ *Build *= *\([0-9]*\)$/\1/p' FyneApp.toml)}
arch=$(go env GOARCH)
if [ -z "$version" ] || [ -z "$build" ]; then echo "package-linux: no version or build number" >&2; exit 1; fi
echo "package-linux: Veil $version ($build) from commit $commit"

# fyne package builds the binary with the app metadata (icon, version) and
# wraps it in its own tarball; Veil's tarball takes the binary from it.
(go tool fyne package -os linux -release \
   --app-version "$version" --app-build "$build" >/dev/null)
mkdir -p "$work/fyne"
tar -xJf "$work/veil/Veil.tar.xz" -C "$work/fyne"
built=$(date +%s)

name=Veil-$version-linux-$arch
pkg=$work/$name
mkdir -p "$pkg/share/applications"
install -m755 "$(find "$work/fyne" -path '*/bin/veil' -type f)" "$pkg/veil"
# Named after the app id, as the freedesktop spec asks: app.veil.desktop + .desktop.
install -m644 .ci/pkg/veil.desktop "$pkg/share/applications/app.veil.desktop.desktop"
for s in 16 24 32 48 64 128 256 512; do
  mkdir -p "$pkg/share/icons/hicolor/${s}x$s/apps"
  go run assets/icon/gen.go -size "$s" -o "$pkg/share/icons/hicolor/${s}x$s/apps/app.veil.desktop.png"
done
install -m755 .ci/pkg/install-linux.sh "$pkg/install.sh"
.ci/pkg/licences.sh "$pkg/veil" "$pkg/licences"

mkdir -p "$dist"
out=$dist/$name.tar.xz
tar -C "$work" --owner=0 --group=0 -cJf "$out" "$name"
end=$(date +%s)
echo "package-linux: $out"
echo "  veil $(du -h "$pkg/veil" | cut -f1)   tarball $(du -h "$out" | cut -f1)"
echo "  build $version ($build): binary in $((built - start)) s, all in $((end - start)) s"

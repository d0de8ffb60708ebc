#!/usr/bin/env bash
# Builds dist/Veil-VERSION-macos-universal.dmg on a Mac (the release
# workflow's macOS runner): a universal Veil.app (arm64 + amd64), signed and
# notarized when the credentials are given, in a .dmg with an Applications
# link.
#
# Following Fyne's packaging docs: `fyne package -os darwin -release` makes
# the .app (Info.plist from FyneApp.toml, icon.icns from the icon, the
# binary built with cgo against the macOS SDK). It is run once per
# architecture; lipo joins the two binaries into the arm64 .app.
#
# Environment (all optional):
#   DIST                    output folder (default dist)
#   VEIL_BUILD              build number (default: Build in FyneApp.toml)
#   MACOS_SIGN_IDENTITY     a "Developer ID Application: …" identity in the
#                           keychain: signs the .app (hardened runtime) and .dmg
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD
#                           an Apple ID, team and app-specific password:
#                           notarize the .dmg and staple the ticket
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
[ "$(uname)" = Darwin ] || { echo "package-macos: run this on macOS" >&2; exit 1; }
dist=$(cd "$(dirname "${DIST:-dist}")" && pwd)/$(basename "${DIST:-dist}")
version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' app/version.go)
build=${VEIL_BUILD:-$(sed -n 's/^ *Build *= *\([0-9]*\)$/\1/p' FyneApp.toml)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"

# The fyne tool is built once for this Mac: `go tool fyne` with GOARCH=amd64
# in the environment would build the tool itself for amd64.
go build -o "$work/fyne" fyne.io/tools/cmd/fyne
for arch in arm64 amd64; do
  GOARCH=$arch CGO_ENABLED=1 "$work/fyne" package -os darwin -release \
    --app-version "$version" --app-build "$build"
  mkdir -p "$work/$arch" && mv Veil.app "$work/$arch/"
done
app=$work/arm64/Veil.app
lipo -create -output "$work/veil" "$work/arm64/Veil.app/Contents/MacOS/veil" \
  "$work/amd64/Veil.app/Contents/MacOS/veil"
mv "$work/veil" "$app/Contents/MacOS/veil"
lipo "$app/Contents/MacOS/veil" -verify_arch arm64 x86_64
lipo -info "$app/Contents/MacOS/veil"
.ci/pkg/licences.sh "$work/amd64/Veil.app/Contents/MacOS/veil" "$app/Contents/Resources/licences"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --options runtime \
    --entitlements .ci/pkg/entitlements.plist --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi

mkdir -p "$work/dmg"
cp -R "$app" "$work/dmg/"
ln -s /Applications "$work/dmg/Applications"
dmg=$dist/Veil-$version-macos-universal.dmg
rm -f "$dmg"
hdiutil create -volname "Veil" -srcfolder "$work/dmg" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
  xcrun notarytool submit "$dmg" --wait \
    --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
    --password "$MACOS_NOTARY_PASSWORD"
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
echo "package-macos: $dmg ($(du -h "$dmg" | cut -f1))"

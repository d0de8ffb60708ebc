#!/usr/bin/env bash
# Builds Veil's Windows installer on Linux: veil.exe cross-compiled with
# mingw-w64 through `fyne package -os windows -release`, then an NSIS
# installer (per user, no administrator rights, Start-menu entry,
# uninstaller). Called by `make package-windows`.
#
# Environment:
#   DIST                 output folder (default dist)
#   VEIL_BUILD           build number (default: Build in FyneApp.toml)
#   VEIL_SIGN_PFX        a PKCS#12 certificate: when set, veil.exe, the
#                        uninstaller and the installer are signed with
#                        osslsigncode
#   VEIL_SIGN_PASSWORD   its password (may be empty)
#   VEIL_SIGN_TIMESTAMP  an RFC 3161 timestamp server URL (optional)
#
# It packages the committed tree (git archive HEAD), in a temporary folder:
# what ships is exactly a commit, and fyne package's generated files
# (fyne.syso, a metadata .go file) never appear in the checkout.
set -euo pipefail
dist=$(realpath -m "${DIST:-dist}")
pfx=${VEIL_SIGN_PFX:+$(realpath "$VEIL_SIGN_PFX")}
work=$(mktemp -d /tmp/veil-win.XXXXXX)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

# 1. The source: the commit, copied.
mkdir -p "$work/veil" "$work/stage"
commit=$(git rev-parse --short HEAD)
git -C "$(git rev-parse --show-toplevel)" archive HEAD | tar -xf - -C "$work/veil"
cd "$work/veil"
version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' app/version.go)
build=${VEIL_BUILD:-$(sed -n 's/^ *Build *= *\([0-9]*\)$/\1/p' FyneApp.toml)}
if [ -z "$version" ] || [ -z "$build" ]; then echo "package-windows: no version or build number" >&2; exit 1; fi
echo "package-windows: Veil $version ($build) from commit $commit"

# 2. Icons drawn at their size: 256 px for the exe (Windows scales it down
#    for lists), 16–256 px for the installer's own .ico.
for s in 16 24 32 48 64 256; do
  go run assets/icon/gen.go -size "$s" -o "$work/icon$s.png"
done
/usr/bin/convert "$work"/icon{16,24,32,48,64,256}.png "$work/veil.ico"

# 3. veil.exe. fyne package adds the icon, version resource and manifest,
#    links it as a GUI program (-H=windowsgui) and strips it (-release).
#    The tool is built for this machine first: `go tool` would build it for
#    the GOOS/GOARCH in the environment. fyne sets GOOS=windows itself.
go build -o "$work/fyne" fyne.io/tools/cmd/fyne
CGO_ENABLED=1 GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  "$work/fyne" package -os windows -release --icon "$work/icon256.png" \
    --app-version "$version" --app-build "$build"
mv Veil.exe "$work/stage/veil.exe"
built=$(date +%s)

# 4. Signing, when a certificate is given.
sign=""
if [ -n "$pfx" ]; then
  umask 077
  printf '%s' "${VEIL_SIGN_PASSWORD:-}" > "$work/pass"
  ts=()
  [ -n "${VEIL_SIGN_TIMESTAMP:-}" ] && ts=(-ts "$VEIL_SIGN_TIMESTAMP")
  cat > "$work/sign.sh" <<EOF
#!/bin/sh
# sign.sh FILE: signs FILE in place (Authenticode, SHA-256).
set -e
osslsigncode sign -pkcs12 '$pfx' -readpass '$work/pass' -h sha256 \
  -n Veil ${ts[*]} -in "\$1" -out "\$1.signed" >/dev/null
mv "\$1.signed" "\$1"
EOF
  chmod 700 "$work/sign.sh"
  umask 022
  "$work/sign.sh" "$work/stage/veil.exe"
  sign="$work/sign.sh \"%1\""
fi

# 5. The licences of everything inside.
.ci/pkg/licences.sh "$work/stage/veil.exe" "$work/stage/licences"

# 6. The installer.
mkdir -p "$dist"
out=$dist/Veil-$version-windows-amd64-setup.exe
sizekb=$(du -sk "$work/stage" | cut -f1)
defines=(-DVERSION="$version" -DBUILD="$build" -DSTAGE="$work/stage" -DICON="$work/veil.ico"
         -DOUTFILE="$out" -DSIZEKB="$sizekb")
[ -n "$sign" ] && defines+=(-DSIGN="$sign")
makensis -V2 -INPUTCHARSET UTF8 "${defines[@]}" .ci/pkg/veil.nsi
[ -n "$sign" ] && "$work/sign.sh" "$out"

end=$(date +%s)

echo "package-windows: $out"
echo "  veil.exe  $(du -h "$work/stage/veil.exe" | cut -f1)   installer $(du -h "$out" | cut -f1)"
echo "  build ${version} (${build}): veil.exe in $((built - start)) s, all in $((end - start)) s"
[ -n "$sign" ] && echo "  signed with $(basename "$pfx")"
exit 0

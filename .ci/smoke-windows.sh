#!/usr/bin/env bash
# Smoke test of the Windows installer under Wine, in a throwaway prefix.
# Called by `make smoke-windows`; screenshots and logs go to $SMOKE_OUT.
#
#  1. a throwaway self-signed code-signing certificate; the installer is
#     built with it (.ci/package-windows.sh) and every signature verified;
#  2. a fresh Wine prefix in a temporary folder, with Wine's menu builder
#     switched off: nothing may appear in the home folder's menus, desktop
#     files or icons (checked before and after);
#  3. silent install (/S): files, Start-menu shortcut, uninstall key;
#  4. veil.exe version, inspect and clean on a fixture with GPS, from the
#     command line;
#  5. the window under Xvfb, empty and then with the fixture, screenshots;
#  6. silent uninstall; every file the install or the app added to the
#     prefix must be gone, and the uninstall key too.
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, which Go 1.22+ programs need
# at start; .ci/pkg/bcryptprimitives.c is built with mingw-w64 into this
# prefix only (never into the installer) as a stand-in.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
out=$(realpath -m "${SMOKE_OUT:-/tmp/veil-smoke-windows}")
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d /tmp/veil-wine.XXXXXX)
xvfb=""
cleanup() {
  WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { echo "smoke-windows: FAIL: $*" >&2; exit 1; }
version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' app/version.go)
t0=$(date +%s)

step "build the installer, signed with a throwaway self-signed certificate"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Veil smoke test (self-signed)" \
  -addext "extendedKeyUsage=codeSigning" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$work/cert.pfx" -passout pass:smoke
DIST=$work/dist VEIL_SIGN_PFX=$work/cert.pfx VEIL_SIGN_PASSWORD=smoke .ci/package-windows.sh | tee "$out/package.log"
setup=$(ls "$work"/dist/Veil-*-setup.exe)
cp "$setup" "$out/"
tbuilt=$(date +%s)
verify() { osslsigncode verify -CAfile "$work/cert.pem" -in "$1" >"$work/verify.log" 2>&1 ||
             { cat "$work/verify.log"; fail "signature of $(basename "$1")"; }
           echo "signature ok: $(basename "$1")"; }
verify "$setup"

step "a throwaway Wine prefix, menu builder off, under Xvfb"
homesnap() { # the folders where Wine's menu builder would leave entries (missing ones are fine)
  { find "$HOME/.local/share/applications" "$HOME/.local/share/icons" "$HOME/.local/share/mime" \
         "$HOME/.local/share/desktop-directories" "$HOME/.config/menus" "$HOME/Desktop" \
         -printf '%p %s\n' 2>/dev/null || true; } | sort
}
homesnap > "$work/home-before"
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml="
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
DISPLAY=:$(head -1 "$work/display")
export DISPLAY
wineboot -i >"$work/wineboot.log" 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  .ci/pkg/bcryptprimitives.c -ladvapi32
user=$(whoami)
users=$WINEPREFIX/drive_c/users/$user
instdir=$users/AppData/Local/Programs/Veil
lnk="$users/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Veil.lnk"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\app.veil.desktop'
prefixsnap() { (cd "$WINEPREFIX/drive_c" && find . -path ./windows -prune -o -path "./users/$user/Temp" -prune \
                 -o -print | sort); }
prefixsnap > "$work/prefix-before"
echo "prefix ready: $WINEPREFIX on $DISPLAY"

step "silent install"
ti0=$(date +%s)
wine "$setup" /S
wineserver -w
ti1=$(date +%s)
for f in "$instdir/veil.exe" "$instdir/uninstall.exe" "$instdir/licences/README.txt" "$lnk"; do
  [ -f "$f" ] || fail "not installed: $f"
  echo "installed: ${f#"$WINEPREFIX/"}"
done
wine reg query "$key" >"$out/uninstall-key.txt" 2>&1 || fail "no uninstall key $key"
grep -E 'DisplayName|DisplayVersion|UninstallString' "$out/uninstall-key.txt" | tr -d '\r'
verify "$instdir/veil.exe"
verify "$instdir/uninstall.exe"

step "command line: version, inspect, clean"
photos=$work/photos && mkdir -p "$photos/out"
cp exif/testdata/jpeg/exif-gps-thumbnail.jpg "$photos/holiday.jpg"
wphotos=$(winepath -w "$photos")
(cd "$photos" && wine "$instdir/veil.exe" version) | tr -d '\r' | tee "$out/version.txt"
grep -q "^veil $version (go.*windows/amd64)" "$out/version.txt" || fail "veil.exe version"
(cd "$photos" && wine "$instdir/veil.exe" inspect holiday.jpg) | tr -d '\r' | tee "$out/inspect.txt"
grep -qi 'GPS\|location' "$out/inspect.txt" || fail "inspect found no location in the fixture"
set +e
(cd "$photos" && wine "$instdir/veil.exe" clean --out "$wphotos\\out" holiday.jpg) 2>&1 | tr -d '\r' | tee "$out/clean.txt"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 0 ] || fail "veil.exe clean exited with $rc"
cleaned=$(ls "$photos"/out/*.jpg) || fail "clean wrote nothing"
LC_ALL=C exiftool -a -G1 -s "$cleaned" > "$out/clean-exiftool.txt"
if grep -Eq '^\[(GPS|IFD0|ExifIFD|IFD1|XMP)' "$out/clean-exiftool.txt"; then
  cat "$out/clean-exiftool.txt"; fail "metadata left in the cleaned copy"
fi
echo "exiftool on the clean copy: $(grep -c . "$out/clean-exiftool.txt") lines, no GPS/EXIF/XMP group"

step "the window under Xvfb"
window() { # window SHOT ARGS...: start Veil, wait for its window, screenshot, stop it
  local shot=$1; shift
  (cd "$photos" && exec wine "$instdir/veil.exe" "$@") >"$work/window.log" 2>&1 &
  local pid=$! wid=""
  for _ in $(seq 120); do
    wid=$(xdotool search --onlyvisible --name '^Veil$' 2>/dev/null | head -1) && [ -n "$wid" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/window.log"; fail "veil.exe exited before showing a window"; }
    sleep 1
  done
  [ -n "$wid" ] || { cat "$work/window.log"; fail "no window named Veil after 120 s"; }
  sleep 8 # let the first frames and the photo's decoding finish
  /usr/bin/import -window root "$out/$shot"
  echo "window $wid: $(xdotool getwindowgeometry "$wid" | tr '\n' ' ')-> $out/$shot"
  kill "$pid" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  wineserver -w
}
window window-empty.png
window window-photo.png holiday.jpg

step "silent uninstall"
tu0=$(date +%s)
wine "$instdir/uninstall.exe" /S
wineserver -w
tu1=$(date +%s)
wine reg query "$key" >/dev/null 2>&1 && fail "the uninstall key is still there"
prefixsnap > "$work/prefix-after"
if ! diff "$work/prefix-before" "$work/prefix-after" > "$out/prefix-diff.txt"; then
  cat "$out/prefix-diff.txt"; fail "the uninstall left files behind (or removed some)"
fi
echo "drive_c outside windows/ and Temp: identical to before the install ($(wc -l < "$work/prefix-after") paths)"
homesnap > "$work/home-after"
diff "$work/home-before" "$work/home-after" || fail "menu entries, desktop files or icons appeared in $HOME"
echo "home folder: no menu entries, desktop files or icons added"

step "summary"
echo "installer: $(basename "$setup") $(du -h "$setup" | cut -f1) ($(stat -c %s "$setup") bytes)"
echo "times: build $((tbuilt - t0)) s, install $((ti1 - ti0)) s, uninstall $((tu1 - tu0)) s, all $(( $(date +%s) - t0 )) s"
echo "screenshots: $out/window-empty.png $out/window-photo.png"
echo "smoke-windows: OK"

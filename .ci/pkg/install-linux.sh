#!/bin/sh
# Installs Veil for the current user, no root needed:
#   ./install.sh              into ~/.local (bin, applications, icons)
#   ./install.sh --uninstall  removes exactly what it installed
# PREFIX=/some/dir ./install.sh installs there instead.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
id=app.veil.desktop
sizes="16 24 32 48 64 128 256 512"

# refresh_menu updates the desktop's cache of applications, where there is one.
refresh_menu() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$prefix/share/applications" || true
  fi
}

if [ "${1:-}" = --uninstall ]; then
  rm -f "$prefix/bin/veil" "$prefix/share/applications/$id.desktop"
  for s in $sizes; do rm -f "$prefix/share/icons/hicolor/${s}x$s/apps/$id.png"; done
  rm -rf "$prefix/share/doc/veil"
  refresh_menu
  echo "Veil removed from $prefix"
  exit 0
fi

install -Dm755 "$here/veil" "$prefix/bin/veil"
# The menu entry names the program by its full path: ~/.local/bin is not on
# every desktop session's PATH.
sed -e "s|^Exec=veil|Exec=$prefix/bin/veil|" -e "s|^TryExec=veil|TryExec=$prefix/bin/veil|" \
  "$here/share/applications/$id.desktop" > "$here/.desktop.tmp"
install -Dm644 "$here/.desktop.tmp" "$prefix/share/applications/$id.desktop"
rm -f "$here/.desktop.tmp"
for s in $sizes; do
  install -Dm644 "$here/share/icons/hicolor/${s}x$s/apps/$id.png" \
    "$prefix/share/icons/hicolor/${s}x$s/apps/$id.png"
done
mkdir -p "$prefix/share/doc/veil"
cp -R "$here/licences" "$prefix/share/doc/veil/"
refresh_menu
echo "Veil installed in $prefix: run it from your applications menu, or $prefix/bin/veil"

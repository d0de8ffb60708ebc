#!/usr/bin/env bash
# Collects the licence texts of everything linked into a built Veil binary.
# usage: .ci/pkg/licences.sh BINARY OUTDIR     (run from the repository root)
#
# The Go modules come from the binary's own build information (go version -m),
# so the list is exactly what ships, for any GOOS. Each module must also have
# a row in the About dialog (app/ui/about.go); a module missing there stops
# the package, so a new dependency cannot ship without its credit.
# Non-Go parts are added by name: the Go runtime, GLFW (C, inside go-gl/glfw),
# libheif and libde265 (WebAssembly, inside gen2brain/heic; LGPL-3.0, so the
# README says where their source is), libavif with dav1d, libaom and libyuv
# (WebAssembly, inside gen2brain/avif), Fyne's fonts and the BlazeFace
# weights.
set -euo pipefail
bin=$1 out=$2
modcache=$(go env GOMODCACHE)
mkdir -p "$out"

# modpath escapes a module path the way the module cache does (A → !a).
# (perl, not GNU sed's \L: this also runs on macOS, with bash 3.2.)
modpath() { LC_ALL=C perl -pe 's/([A-Z])/!\l$1/g' <<<"$1"; }

copy() { # copy DEST-NAME FILE...
  local dest=$out/$1; shift
  mkdir -p "$dest"
  cp "$@" "$dest/"
}

missing=()
index=()
while read -r kind path version _; do
  [ "$kind" = dep ] || continue
  dir=$modcache/$(modpath "$path")@$version
  files=()
  while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -maxdepth 1 -type f \
    \( -iname 'licen[cs]e*' -o -iname 'copying*' -o -iname 'notice*' -o -iname 'unlicense*' \))
  if [ ${#files[@]} -eq 0 ]; then
    echo "licences: no licence file in $path@$version" >&2; exit 1
  fi
  copy "${path//\//_}" "${files[@]}"
  index+=("$path $version")
  grep -qF "\"$path\"" app/ui/about.go || missing+=("$path")
done < <(go version -m "$bin")

if [ ${#missing[@]} -gt 0 ]; then
  echo "licences: these modules ship but have no row in app/ui/about.go: ${missing[*]}" >&2
  exit 1
fi

copy go "$(go env GOROOT)/LICENSE"
copy blazeface assets/blazeface/LICENSE assets/blazeface/NOTICE
for m in "${index[@]}"; do
  read -r path version <<<"$m"
  dir=$modcache/$(modpath "$path")@$version
  case $path in
    github.com/go-gl/glfw/*) copy glfw-c "$dir/glfw/LICENSE.md" ;;
    github.com/gen2brain/heic) copy libheif "$dir/lib/LICENSE.libheif"
                               copy libde265 "$dir/lib/LICENSE.libde265"
                               copy libheif "$dir/lib/Makefile" "$dir/lib/heif.c" ;;
    github.com/gen2brain/avif) copy libavif "$dir/lib/LICENSE.libavif"
                               copy libaom "$dir/lib/LICENSE.aom" ;;
    fyne.io/fyne/v2) copy fyne-fonts "$dir"/theme/font/LICENSE*.txt ;;
  esac
done

{
  echo "Veil is built on the work of others. Each part keeps its own licence;"
  echo "the full texts are in the folders next to this file."
  echo
  echo "Go modules (module version):"
  printf '  %s\n' "${index[@]}"
  echo
  echo "Also inside: the Go runtime (go/), GLFW (glfw-c/), libheif and libde265"
  echo "compiled to WebAssembly inside gen2brain/heic (libheif/, libde265/),"
  echo "libavif with dav1d, libaom and libyuv compiled to WebAssembly inside"
  echo "gen2brain/avif (libavif/, whose LICENSE.libavif holds dav1d's and libyuv's"
  echo "licences too, libaom/), Fyne's fonts (fyne-fonts/) and the BlazeFace face"
  echo "detection weights (blazeface/)."
  echo
  echo "libheif and libde265 are under the GNU Lesser General Public License 3.0"
  echo "or later (libheif/LICENSE.libheif holds the LGPL and the GPL it extends)."
  echo "Their source code: https://github.com/strukturag/libheif, tag v1.18.2,"
  echo "and https://github.com/strukturag/libde265, tag v1.0.15. They were"
  echo "compiled to WebAssembly by libheif/Makefile with libheif/heif.c, from the"
  echo "Go module github.com/gen2brain/heic v0.4.5, and run by Veil from that"
  echo "module's bytes: to use a modified libheif or libde265, rebuild the module"
  echo "with that Makefile and build Veil against it."
} > "$out/README.txt"

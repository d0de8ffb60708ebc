#!/usr/bin/env bash
# Runs every fuzz target in the module for a while each.
# usage: .ci/fuzz.sh DURATION   (for example 5s in `make test`, 2m in `make fuzz`)
set -euo pipefail
t=${1:-5s}
for pkg in $(go list ./exif/... ./redact/...); do
  for f in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "fuzz $pkg $f ($t)"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 100x "$pkg" > /tmp/veil-fuzz.log 2>&1 || { cat /tmp/veil-fuzz.log; exit 1; }
  done
done

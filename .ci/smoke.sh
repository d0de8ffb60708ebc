#!/usr/bin/env bash
# End-to-end smoke test of the real window under Xvfb, as a person would use
# it: start veil, drop two photos on the window titled "Veil" with a real
# XDND drag (tools/xdnd-drop/xdnd-drop.c, built here with cc and Xlib),
# press Ctrl+Shift+S (Save all), answer "Save anyway" to its question about
# the photo with no face, and check the two clean copies next to the
# originals: verified, no metadata, faces covered. On the way it shrinks the
# window to 1024×640 and uncovers the face, then covers it again with
# Ctrl+Z. Screenshots go to $SMOKE_OUT (default /tmp/veil-smoke):
# 1-empty.png, 2-loaded.png, 3-small.png, 4-uncovered.png, 5-undone.png,
# 6-asked.png, 7-saved.png.
# usage: [SMOKE_DISPLAY=:N] .ci/smoke.sh VEIL_BINARY
set -euo pipefail
veil=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
out=${SMOKE_OUT:-/tmp/veil-smoke}
rm -rf "$out"; mkdir -p "$out/photos"
export LANG=en_US.UTF-8

cc -O2 -Wall -o "$out/xdnd-drop" "$here/tools/xdnd-drop/xdnd-drop.c" -lX11

# Two photos: a face (public domain, NASA) and a JPEG with metadata.
cp "$here/redact/face/testdata/astronaut.png" "$out/photos/astronaut.png"
cp "$here/exif/testdata/jpeg/exif-gps-thumbnail.jpg" "$out/photos/phone.jpg"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Xvfb on $SMOKE_DISPLAY when given (say :103), else on a free display
# number it picks itself and writes to fd 3.
if [ -n "${SMOKE_DISPLAY:-}" ]; then
  echo "${SMOKE_DISPLAY#:}" > "$out/display"
  Xvfb "$SMOKE_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 & pids+=($!)
else
  exec 3>"$out/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 & pids+=($!)
  exec 3>&-
fi
for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
[ -s "$out/display" ] || { echo "smoke: Xvfb did not start"; cat "$out/xvfb.log"; exit 1; }
DISPLAY=:$(head -1 "$out/display")
export DISPLAY
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done

"$veil" >"$out/veil.log" 2>&1 & pids+=($!)
win=$(timeout 60 xdotool search --sync --name '^Veil$' | head -1)
[ -n "$win" ] || { echo "smoke: no window titled Veil"; cat "$out/veil.log"; exit 1; }
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0 || true
sleep 2
import -window root "$out/1-empty.png"

"$out/xdnd-drop" "$win" 640 400 "$out/photos/astronaut.png" "$out/photos/phone.jpg"
sleep 6
import -window root "$out/2-loaded.png"

# The smallest supported window: everything must fit in 1024×640 (Fyne
# would grow the window past a larger minimum size).
xdotool windowsize "$win" 1024 640
sleep 2
import -window root "$out/3-small.png"
geometry=$(xdotool getwindowgeometry "$win" | awk '/Geometry/ {print $2}')
[ "$geometry" = 1024x640 ] || { echo "smoke: the window needs $geometry, not 1024x640"; exit 1; }

# Ctrl+Z as a keyboard sends it: untick "Face 1" under the photo (where the
# 1024×640 layout puts it), then Ctrl+Z must cover the face again; Save all
# below then checks the saved copy shows no face. The screenshots must
# differ, or the click (or Ctrl+Z) did nothing.
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
xdotool mousemove --window "$win" 298 614; sleep 0.3
xdotool mousedown 1; sleep 0.15; xdotool mouseup 1 # a click too quick for Fyne otherwise
sleep 1.5
import -window root "$out/4-uncovered.png"
xdotool key --window "$win" ctrl+z
sleep 1.5
import -window root "$out/5-undone.png"
if compare -metric AE "$out/4-uncovered.png" "$out/5-undone.png" null: 2>/dev/null; then
  echo "smoke: unticking the face or Ctrl+Z changed nothing on screen"; exit 1
fi
xdotool key --window "$win" ctrl+shift+s
# phone.jpg has no face: Save all lists it and asks once ("Look before
# sending?"). Press "Save anyway", centred under the question in the
# 1024×640 window.
sleep 3
import -window root "$out/6-asked.png"
[ -f "$out/photos/phone-clean.jpg" ] && { echo "smoke: Save all saved a photo with no face found without asking"; exit 1; }
xdotool mousemove --window "$win" 579 456; sleep 0.3
xdotool mousedown 1; sleep 0.15; xdotool mouseup 1
for _ in $(seq 120); do
  [ -f "$out/photos/astronaut-clean.png" ] && [ -f "$out/photos/phone-clean.jpg" ] && break
  sleep 0.5
done
sleep 1
import -window root "$out/7-saved.png"

fail=0
for f in astronaut-clean.png phone-clean.jpg; do
  [ -f "$out/photos/$f" ] || { echo "smoke: $f was not written"; fail=1; continue; }
done
[ $fail = 0 ] || { cat "$out/veil.log"; exit 1; }
"$veil" inspect --json "$out/photos/astronaut-clean.png" "$out/photos/phone-clean.jpg" > "$out/inspect.json"
python3 - "$out/inspect.json" <<'PY'
import json, sys
bad = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    extra = [f for f in r["findings"] if f["category"] != "Other" or "olour profile" not in f["label"]]
    if extra:
        print("smoke: %s still gives away %s" % (r["file"], extra)); bad = 1
    if r["faces"]:
        print("smoke: %s still shows %d face(s)" % (r["file"], len(r["faces"]))); bad = 1
sys.exit(bad)
PY
echo "smoke: two verified clean copies, faces covered; screenshots in $out"

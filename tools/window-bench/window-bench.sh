#!/usr/bin/env bash
# window-bench measures the real window under Xvfb, as issue 13's acceptance
# asks: the resident memory of the empty window, and the time from dropping
# a set of photos on it until every one has been checked for faces.
#
# usage: [BENCH_DISPLAY=:N] [BENCH_RUNS=3] tools/window-bench/window-bench.sh VEIL_BINARY PHOTO_DIR
#
# 1. Idle memory: Veil starts with a fresh home (no settings) in English;
#    VmRSS, RssAnon and RssFile are read from /proc 5, 10 and 30 s later.
#    RssFile counts the pages of Veil's own binary and of Mesa that are
#    mapped, which depends on how the files came into the page cache (a
#    binary just linked shows several MB more than the same file copied).
# 2. Scan time: the JPEG and PNG files of PHOTO_DIR are dropped on the
#    window with a real XDND drag (tools/xdnd-drop); the list then shows
#    "Checking N of M" over a progress bar until every photo has been
#    checked. A screenshot of the list's head is taken every ~0.4 s; the
#    time is that of the first one without the bar (Fyne's dark theme
#    primary colour #296FF6 and its track #204387, at the top left of the
#    1280×800 window), with the CPU seconds Veil used meanwhile.
# Each figure is printed per run, then the median. The machine's load is
# printed too: scan times on a shared machine vary with it.
#
# Needs Xvfb, xdotool, ImageMagick, cc and the X11 headers (make deps-test,
# plus xvfb xdotool). Photos with faces: make eval-faces fetches a set.
set -euo pipefail
[ $# = 2 ] || { echo "usage: $0 VEIL_BINARY PHOTO_DIR" >&2; exit 2; }
veil=$(realpath "$1"); photos=$(realpath "$2")
here=$(cd "$(dirname "$0")/../.." && pwd)
runs=${BENCH_RUNS:-3}
shopt -s nullglob
files=("$photos"/*.{jpg,jpeg,png,JPG,JPEG,PNG})
[ ${#files[@]} -gt 0 ] || { echo "no JPEG or PNG file in $photos" >&2; exit 2; }

work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export LANG=en_US.UTF-8

cc -O2 -Wall -o "$work/xdnd-drop" "$here/tools/xdnd-drop/xdnd-drop.c" -lX11
if [ -n "${BENCH_DISPLAY:-}" ]; then
  Xvfb "$BENCH_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
  export DISPLAY=$BENCH_DISPLAY
else
  exec 3>"$work/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
  exec 3>&-
  for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=:$(head -1 "$work/display")
fi
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done

# status PID KEY prints a /proc/PID/status field in kB.
status() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
# cpu PID prints the user and system clock ticks the process has used.
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# start runs Veil with a fresh home and sets pid.
start() {
  rm -rf "$work/home"; mkdir -p "$work/home"
  HOME=$work/home "$veil" >"$work/veil.log" 2>&1 & pid=$!; pids+=($pid)
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

rss=()
for r in $(seq "$runs"); do
  start
  sleep 5; a=$(status $pid VmRSS)
  sleep 5; b=$(status $pid VmRSS)
  sleep 20; c=$(status $pid VmRSS)
  echo "idle run $r: VmRSS 5 s $a kB, 10 s $b kB, 30 s $c kB (RssAnon $(status $pid RssAnon) kB, RssFile $(status $pid RssFile) kB)"
  rss+=("$c"); stop
done
echo "idle VmRSS at 30 s, median of $runs: $(median "${rss[@]}") kB"

# scan drops the photos on the window and prints the seconds until the
# progress bar is gone, then the CPU seconds used.
scan() {
  local win t0 c0 t seen=0 n
  win=$(timeout 60 xdotool search --sync --name '^Veil$' | head -1)
  sleep 3
  c0=$(cpu $pid); t0=$(date +%s.%N)
  "$work/xdnd-drop" "$win" 640 400 "${files[@]}" || { echo "the drop failed" >&2; echo "never never"; return; }
  for _ in $(seq 300); do
    t=$(date +%s.%N)
    import -window root -crop 240x60+0+100 "$work/head.png"
    n=$(convert "$work/head.png" -format %c histogram:info:- | awk '/#296FF6|#204387/ {s += $1} END {print s + 0}')
    if [ "$n" -gt 1500 ]; then seen=1
    elif [ $seen = 1 ]; then
      printf '%.1f %.1f\n' "$(echo "$t - $t0" | bc)" "$(echo "($(cpu $pid) - $c0) / 100" | bc -l)"; return
    fi
    sleep 0.2
  done
  echo "never never"
}
times=()
for r in $(seq "$runs"); do
  start
  read -r secs used < <(scan)
  echo "scan run $r: ${#files[@]} photos checked in $secs s (Veil used $used CPU s), load $(cut -d' ' -f1-3 /proc/loadavg)"
  times+=("$secs"); stop
done
echo "scan time, median of $runs: $(median "${times[@]}") s"

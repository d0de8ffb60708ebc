#!/bin/sh
# make.sh regenerates the AVIF fixtures of this folder. Every metadata
# payload carries VEIL-MARKER, so a test can tell that none of it survives.
#
# Needs (Debian 12): imagemagick (the real /usr/bin/convert),
# libimage-exiftool-perl, libavif-bin (avifenc). Run from anywhere:
# sh exif/testdata/avif/make.sh
#
#   plain.avif      192×128, top half red, bottom half blue; no metadata
#   grey.avif       256×192 flat grey (128): every decoded pixel must be grey
#   metadata.avif   plain.avif's picture with EXIF (GPS, camera, serial
#                   number, time, artist) and XMP
#   rotated.avif    the same with EXIF Orientation 6, which avifenc turns
#                   into irot 3 (a quarter turn clockwise), as a phone held
#                   upright writes it; upright it is 128×192, red on the right
#   mirrored.avif   plain.avif plus imir axis 1, a horizontal axis (ISO/IEC
#                   23008-12 §6.5.12): top and bottom swap, blue above.
#                   avifenc 0.11 names the values the old way round: its
#                   "--imir 1" ("left-to-right") writes axis 1
#   cropped.avif    plain.avif plus clap: the 96×64 centre
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

/usr/bin/convert -size 192x64 xc:red -size 192x64 xc:blue -append -quality 95 base.jpg
/usr/bin/convert -size 192x64 xc:red -size 192x64 xc:blue -append -depth 8 PNG24:plain.png
/usr/bin/convert -size 256x192 xc:'rgb(128,128,128)' -depth 8 PNG24:grey.png

exiftool -q -overwrite_original \
	-Orientation#=6 \
	-Make=VEIL-MARKER -Model="VEIL-MARKER Phone" -SerialNumber=VEIL-MARKER-0042 \
	-Artist=VEIL-MARKER -DateTimeOriginal="2024:05:06 07:08:09" \
	-GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E \
	-XMP-dc:Creator=VEIL-MARKER -XMP-dc:Description="VEIL-MARKER description" \
	base.jpg

enc() { avifenc --min 10 --max 20 -s 8 "$@" >/dev/null; }
enc plain.png "$here/plain.avif"
enc grey.png "$here/grey.avif"
enc base.jpg "$here/rotated.avif"
exiftool -q -overwrite_original -Orientation#=1 base.jpg
enc base.jpg "$here/metadata.avif"
enc --imir 1 plain.png "$here/mirrored.avif"
enc --crop 48,32,96,64 plain.png "$here/cropped.avif"

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
#   mirror-0.avif   quad.png (red, green / blue, white quarters) plus imir
#                   mode 0 (ISO/IEC 23008-12:2022 §6.5.12): top and bottom
#                   exchanged, blue top left, as heif-convert shows it
#   mirror-1.avif   quad.png plus imir mode 1: left and right exchanged,
#                   green top left
#   cropped.avif    plain.avif plus clap: the 96×64 centre
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

/usr/bin/convert -size 192x64 xc:red -size 192x64 xc:blue -append -quality 95 base.jpg
/usr/bin/convert -size 192x64 xc:red -size 192x64 xc:blue -append -depth 8 PNG24:plain.png
/usr/bin/convert \( -size 96x64 xc:red -size 96x64 xc:lime +append \) \( -size 96x64 xc:blue -size 96x64 xc:white +append \) -append -depth 8 PNG24:quad.png
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
enc --imir 0 quad.png "$here/mirror-0.avif"
enc --imir 1 quad.png "$here/mirror-1.avif"
enc --crop 48,32,96,64 plain.png "$here/cropped.avif"

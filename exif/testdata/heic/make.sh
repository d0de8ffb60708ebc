#!/bin/sh
# make.sh regenerates the HEIC fixtures of this folder. Every metadata
# payload carries VEIL-MARKER, so a test can tell that none of it survives.
#
# Needs (Debian 12): imagemagick (the real /usr/bin/convert),
# libimage-exiftool-perl, libheif-examples (heif-enc, whose libheif1 links
# x265). Run from anywhere: sh exif/testdata/heic/make.sh
#
# Made here, with the tools:
#   metadata.heic     192×128, top half red, bottom half blue; EXIF (GPS,
#                     camera, serial number, time, artist, Orientation 6),
#                     XMP, an sRGB ICC profile, a 32-pixel thumbnail; no irot
#   plain.heic        the same picture with no metadata and no thumbnail
#   two-pictures.heic two master pictures in one file
#   narrow.heic       64×48 red: narrower than libheif's 64-sample rows
#   grey.heic         256×192 flat grey (128): every decoded pixel must be grey
#   odd-size.heic     201×151, red above blue: the HEVC bitstream is padded
#                     and cropped back by its conformance window
# Derived from them by TestHEICMakeFixtures (-update-heic), in Go:
#   iphone-style.heic metadata.heic plus irot (a quarter turn clockwise, as
#                     an iPhone held upright writes it beside Orientation 6)
#   trailer.heic      plain.heic with bytes after the last box
#   bad-*.heic        malformed files, each refused
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

/usr/bin/convert -size 192x64 xc:red -size 192x64 xc:blue -append \
	-profile /usr/share/color/icc/ghostscript/srgb.icc -quality 92 base.jpg
/usr/bin/convert -size 192x64 xc:red -size 192x64 xc:blue -append -depth 8 PNG24:plain.png
/usr/bin/convert -size 160x128 xc:green -depth 8 PNG24:second.png
/usr/bin/convert -size 64x48 xc:red -depth 8 PNG24:narrow.png
/usr/bin/convert -size 256x192 xc:'rgb(128,128,128)' -depth 8 PNG24:grey.png
/usr/bin/convert -size 201x76 xc:red -size 201x75 xc:blue -append -depth 8 PNG24:odd.png

exiftool -q -overwrite_original \
	-Orientation#=6 \
	-Make=VEIL-MARKER -Model="VEIL-MARKER Phone" -SerialNumber=VEIL-MARKER-0042 \
	-Artist=VEIL-MARKER -DateTimeOriginal="2024:05:06 07:08:09" \
	-GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E \
	-XMP-dc:Creator=VEIL-MARKER -XMP-dc:Description="VEIL-MARKER description" \
	base.jpg

heif-enc -q 60 -t 32 -o "$here/metadata.heic" base.jpg >/dev/null 2>&1
heif-enc -q 60 -o "$here/plain.heic" plain.png >/dev/null 2>&1
heif-enc -q 60 -o "$here/two-pictures.heic" plain.png second.png >/dev/null 2>&1
heif-enc -q 60 -o "$here/narrow.heic" narrow.png >/dev/null 2>&1
heif-enc -q 60 -o "$here/grey.heic" grey.png >/dev/null 2>&1
heif-enc -q 60 -o "$here/odd-size.heic" odd.png >/dev/null 2>&1

cd "$here/../../.."
go test -count=1 -run TestHEICMakeFixtures ./exif/ -update-heic

#!/bin/sh
# Makes the video fixtures that come from outside tools (Debian packages
# ffmpeg and libimage-exiftool-perl). The hand-planted variants are derived
# from these in Go: go test -tags nodynamic,no_emoji ./exif -run TestVideoMakeFixtures -update-video
# Every planted value holds VEIL-MARKER, or is the position 48.8584 N, 2.2945 E.
set -e
cd "$(dirname "$0")"
src="-f lavfi -i testsrc=size=96x64:rate=15 -f lavfi -i sine=frequency=440:sample_rate=22050 -t 1"
meta="-metadata creation_time=2024-05-01T12:34:56Z -metadata title=VEIL-MARKER-title -metadata location=+48.8584+002.2945/"
ffmpeg -hide_banner -loglevel error -y $src -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k \
	$meta -movflags +faststart ffmpeg-faststart.mp4
ffmpeg -hide_banner -loglevel error -y $src -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a pcm_s16le \
	$meta -metadata comment=VEIL-MARKER-comment -f mov ffmpeg-pcm-moov-last.mov
ffmpeg -hide_banner -loglevel error -y $src -c:v mpeg4 -c:a aac -b:a 32k -f 3gp ffmpeg.3gp
ffmpeg -hide_banner -loglevel error -y $src -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac \
	-movflags frag_keyframe+empty_moov bad-fragmented.mp4
cp ffmpeg-faststart.mp4 exiftool-keys-udta-xmp.mp4
exiftool -q -overwrite_original -Keys:GPSCoordinates="48.8584, 2.2945, 35" -Keys:Make=VEIL-MARKER-make \
	-Keys:Model=VEIL-MARKER-model -Keys:Software=VEIL-MARKER-sw -Keys:CreationDate="2024:05:01 12:34:56+02:00" \
	-UserData:GPSCoordinates="48.8584, 2.2945" -UserData:Make=VEIL-MARKER-udta-make -ItemList:Author=VEIL-MARKER-author \
	-XMP-dc:Creator=VEIL-MARKER-xmp -XMP-exif:GPSLatitude=48.8584 -XMP-exif:GPSLongitude=2.2945 exiftool-keys-udta-xmp.mp4
cp ffmpeg-pcm-moov-last.mov exiftool-keys-xmp.mov
exiftool -q -overwrite_original -Keys:GPSCoordinates="48.8584, 2.2945, 35" -Keys:Make=VEIL-MARKER-make \
	-Keys:Model=VEIL-MARKER-model \
	-UserData:GPSCoordinates="48.8584, 2.2945" -XMP-dc:Creator=VEIL-MARKER-xmp exiftool-keys-xmp.mov

// Package exiftooltest holds ExifTool to Veil's promise from outside: it
// runs `exiftool -a -G1 -s -ee -u` on a cleaned file and fails a test on any
// tag that is not structural (the image's size, coding, colour) or the one
// Orientation tag Veil keeps, on any warning, and on any marker string.
// Tests of every package use it on what they write; in CI (CI=true) a
// missing exiftool is a failure, not a skip.
package exiftooltest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Marker is the string test fixtures put in every metadata payload.
const Marker = "VEIL-MARKER"

// allowed maps an ExifTool group to the tags allowed in it; "*" allows the
// whole group.
var allowed = map[string]string{
	"ExifTool": "ExifToolVersion",
	"System":   "*", // the file system's view: name, size, dates of the temporary file
	"File": "FileType FileTypeExtension MIMEType ExifByteOrder ImageWidth ImageHeight EncodingProcess " +
		"BitsPerSample ColorComponents YCbCrSubSampling", // container facts; not File:Comment
	"Composite":   "ImageSize Megapixels",
	"JFIF":        "JFIFVersion ResolutionUnit XResolution YResolution",
	"IFD0":        "Orientation",
	"Adobe":       "DCTEncodeVersion APP14Flags0 APP14Flags1 ColorTransform",
	"ICC_Profile": "*", "ICC-header": "*", "ICC-meas": "*", "ICC-view": "*", "ICC-chrm": "*",
	"PNG":  "ImageWidth ImageHeight BitDepth ColorType Compression Filter Interlace Gamma SRGBRendering WhitePointX WhitePointY RedX RedY GreenX GreenY BlueX BlueY SignificantBits Palette Transparency ProfileName AnimationFrames AnimationPlays",
	"RIFF": "VP8Version ImageWidth HorizontalScale ImageHeight VerticalScale WebP_Flags AlphaPreprocessing AlphaFiltering AlphaCompression BackgroundColor AnimationLoopCount Duration FrameCount",
	"GIF":  "GIFVersion ImageWidth ImageHeight HasColorMap ColorResolutionDepth BitsPerPixel BackgroundColor AnimationIterations FrameCount Duration TransparentColor",
}

var line = regexp.MustCompile(`^\[([^\]]+)\]\s+(\S+)\s*:\s*(.*)$`)

// Need returns the path of exiftool, skipping the test when it is missing,
// or failing it in CI.
func Need(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("exiftool")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("exiftool is required in CI (Debian package libimage-exiftool-perl)")
		}
		t.Skip("exiftool not installed (Debian package libimage-exiftool-perl)")
	}
	return p
}

// Check runs ExifTool on a cleaned file's bytes and fails t on anything
// outside the allowed structural tags.
func Check(t testing.TB, clean []byte) {
	t.Helper()
	tool := Need(t)
	f := filepath.Join(t.TempDir(), "clean")
	if err := os.WriteFile(f, clean, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-a", "-G1", "-s", "-ee", "-u", f).CombinedOutput()
	if err != nil {
		t.Fatalf("exiftool: %v\n%s", err, out)
	}
	for _, bad := range Violations(out) {
		t.Errorf("exiftool finds %s", bad)
	}
}

// Violations lists the lines of `exiftool -a -G1 -s` output that break the
// promise: a marker anywhere, or a tag outside the allowed ones.
func Violations(out []byte) []string {
	var bad []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		l := sc.Text()
		if strings.Contains(strings.ToUpper(l), Marker) {
			bad = append(bad, "a marker: "+l)
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		group, tag := m[1], m[2]
		a, ok := allowed[group]
		if !ok || (a != "*" && !strings.Contains(" "+a+" ", " "+tag+" ")) {
			bad = append(bad, l)
		}
	}
	return bad
}

package exif

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

// The oracle is ExifTool, an independent reader of every metadata format
// Veil strips. `exiftool -a -G1 -s -ee` lists every tag it finds in a
// cleaned file, embedded documents included; each must be structural (the
// image's size, coding, colour) or the one Orientation tag Veil keeps.

// oracleAllowed maps an ExifTool group to the tags allowed in it; "*"
// allows the whole group.
var oracleAllowed = map[string]string{
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

var oracleLine = regexp.MustCompile(`^\[([^\]]+)\]\s+(\S+)\s*:\s*(.*)$`)

// needExiftool finds exiftool; in CI its absence is a failure, not a skip.
func needExiftool(t *testing.T) string {
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

// checkOracle runs ExifTool on a cleaned file and fails on any tag outside
// oracleAllowed, any warning, and any marker string.
func checkOracle(t *testing.T, clean []byte) {
	t.Helper()
	tool := needExiftool(t)
	f := filepath.Join(t.TempDir(), "clean")
	if err := os.WriteFile(f, clean, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-a", "-G1", "-s", "-ee", "-u", f).CombinedOutput()
	if err != nil {
		t.Fatalf("exiftool: %v\n%s", err, out)
	}
	for _, bad := range oracleViolations(out) {
		t.Errorf("exiftool finds %s", bad)
	}
}

func oracleViolations(out []byte) []string {
	var bad []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(strings.ToUpper(line), "VEIL-MARKER") {
			bad = append(bad, "a marker: "+line)
			continue
		}
		m := oracleLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		group, tag := m[1], m[2]
		allowed, ok := oracleAllowed[group]
		if !ok || (allowed != "*" && !strings.Contains(" "+allowed+" ", " "+tag+" ")) {
			bad = append(bad, line)
		}
	}
	return bad
}

func TestOracleCatchesForeignTags(t *testing.T) {
	out := []byte("[ExifTool]      ExifToolVersion                 : 12.57\n" +
		"[IFD0]          Orientation                     : Rotate 90 CW\n" +
		"[IFD0]          Make                            : Canon\n" +
		"[XMP-dc]        Creator                         : someone\n" +
		"[File]          Comment                         : VEIL-MARKER\n")
	got := oracleViolations(out)
	if len(got) != 3 {
		t.Errorf("violations %q, want Make, Creator and the marker", got)
	}
}

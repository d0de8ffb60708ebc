package exiftooltest

import "testing"

func TestViolationsCatchForeignTags(t *testing.T) {
	out := []byte("[ExifTool]      ExifToolVersion                 : 12.57\n" +
		"[IFD0]          Orientation                     : Rotate 90 CW\n" +
		"[IFD0]          Make                            : Canon\n" +
		"[XMP-dc]        Creator                         : someone\n" +
		"[File]          Comment                         : VEIL-MARKER\n" +
		"[ExifTool]      Warning                         : [minor] Trailer data after PNG IEND chunk\n")
	if got := Violations(out); len(got) != 4 {
		t.Errorf("violations %q, want Make, Creator, the marker and the warning", got)
	}
}

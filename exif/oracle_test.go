package exif

import (
	"testing"

	"veil/exif/exiftooltest"
)

// checkOracle holds a cleaned file to the promise as ExifTool, an
// independent reader of every metadata format, sees it.
func checkOracle(t *testing.T, clean []byte) { exiftooltest.Check(t, clean) }

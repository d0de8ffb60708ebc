package exif

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// StripParts must not copy a JPEG's compressed image data, and must not
// trust a parse made from other bytes.
func TestStripPartsReusesTheInput(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "jpeg", "*.jpg"))
	if len(files) == 0 {
		t.Fatal("no JPEG fixtures")
	}
	for _, f := range files {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(in)
		if err != nil {
			continue // bad-* fixtures
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			parts, err := StripParts(in, info, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range parts[1:] {
				if len(p) > 2 && !inside(p, in) {
					t.Errorf("piece %d (%d bytes) is a copy, not a slice of the input", i+1, len(p))
				}
			}
			// The same bytes elsewhere: the kept parse is not theirs.
			other := bytes.Clone(in)
			theirs, err := StripParts(other, info, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range theirs[1:] {
				if len(p) > 2 && inside(p, in) {
					t.Fatal("a parse of other bytes was used")
				}
			}
			if !bytes.Equal(bytes.Join(theirs, nil), bytes.Join(parts, nil)) {
				t.Error("the two copies differ")
			}
		})
	}
}

// inside reports whether p is a slice of buf's memory.
func inside(p, buf []byte) bool {
	for i := range buf {
		if &buf[i] == &p[0] {
			return len(buf)-i >= len(p)
		}
	}
	return false
}

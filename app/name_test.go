package app

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a plain name is left alone", "IMG 0001.jpg", "IMG 0001.jpg"},
		{"letters of any script are left alone", "été-日本.jpg", "été-日本.jpg"},
		{"an escape byte is quoted", "a\x1b[2J.jpg", `"a\x1b[2J.jpg"`},
		{"a newline is quoted", "a\nb.jpg", `"a\nb.jpg"`},
		{"a bidirectional override is quoted", "a\u202egpj.exe", `"a\u202egpj.exe"`},
		{"bytes that are not UTF-8 are quoted", "a\xff.jpg", `"a\xff.jpg"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// Every candidate name fits in nameMax bytes, keeps "-clean" and the
// extension, and is cut on a character boundary.
func TestLongStemsAreShortened(t *testing.T) {
	stems := map[string]string{
		"a 246-byte ASCII stem":              strings.Repeat("a", 246),
		"a stem of 3-byte characters":        strings.Repeat("日", 90),
		"a stem exactly at the limit":        strings.Repeat("b", nameMax-len("-clean.jpeg")),
		"a stem far beyond any file systems": strings.Repeat("c", 4000),
	}
	for name, stem := range stems {
		t.Run(name, func(t *testing.T) {
			next := candidateNames(stem+".jpeg", "/out", ".jpeg", false)
			for _, i := range []int{0, 1, 99, 99999} {
				got := filepath.Base(next(i))
				want := "-clean.jpeg"
				if i > 0 {
					want = "-clean-" + strconv.Itoa(i+1) + ".jpeg"
				}
				if len(got) > nameMax || !strings.HasSuffix(got, want) || !utf8.ValidString(got) {
					t.Errorf("try %d gives %q (%d bytes)", i, got, len(got))
				}
				if fits := len(stem)+len(want) <= nameMax; fits && got != stem+want {
					t.Errorf("try %d cut a stem that fits: %q", i, got)
				}
			}
		})
	}
}

// A photo whose stem is 246 bytes (the file name 250) is cleaned under a
// shorter name instead of failing with "file name too long".
func TestAPhotoWithALongNameIsCleaned(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, strings.Repeat("x", 246)+".jpg", jpegWithMetadata(t))
	r := Clean(src, Settings{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if base := filepath.Base(r.Output); len(base) > nameMax || !strings.HasSuffix(base, "-clean.jpg") {
		t.Errorf("the copy is named %q", base)
	}
}

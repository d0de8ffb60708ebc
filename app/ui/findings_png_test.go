package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"veil/exif"
)

// imageMagickNotes is the core's fixture of the notes ImageMagick writes
// into a PNG (date:, icc:, exif:, png: names, a comment, a raw XMP
// profile) and one note of a name no known writer uses.
var imageMagickNotes = filepath.Join("..", "..", "exif", "testdata", "png", "imagemagick-notes.png")

// quoted matches the file's own words as each language quotes them.
var quoted = regexp.MustCompile(`“[^”]*”|«[^»]*»|„[^“]*“`)

// pngJargon are the file's words a label of Veil's must not use.
var pngJargon = []string{"date:", "icc:", "exif:", "png:", "Raw profile", "XML:com"}

func TestImageMagicksNotesAreShownInWordsAPersonKnows(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, imageMagickNotes)...)
	text := textUnder(t, v.reveals.content)
	for _, want := range []string{"Date created", "2026-12-04 23:29:00 +00:00", "Colour profile name", "Comment",
		"GPS position", "Technical detail “IHDR.bit-depth-orig”", "A note named “VEIL-MARKER:note”", "Hidden XMP data"} {
		if !strings.Contains(text, want) {
			t.Errorf("the panel lacks %q:\n%s", want, text)
		}
	}
	for _, raw := range append(pngJargon, "2026-12-04T23:29") {
		if strings.Contains(quoted.ReplaceAllString(text, ""), raw) {
			t.Errorf("the panel shows the file's %q outside quotes:\n%s", raw, text)
		}
	}
}

func TestEveryLanguageQuotesThePNGKeywordsItDoesNotKnow(t *testing.T) {
	data, err := os.ReadFile(imageMagickNotes)
	if err != nil {
		t.Fatal(err)
	}
	info, err := exif.Inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	for code, tb := range findingTables() {
		for _, f := range info.Findings {
			label, _ := tb.Finding(f)
			bare := quoted.ReplaceAllString(label, "")
			for _, raw := range pngJargon {
				if strings.Contains(bare, raw) {
					t.Errorf("%s: %s is labelled %q", code, f.ID, label)
				}
			}
			if f.ID == "text.png_keyword" && !strings.Contains(label, "VEIL-MARKER:note") || strings.Contains(bare, "VEIL-MARKER") {
				t.Errorf("%s: the unknown keyword is labelled %q, not quoted", code, label)
			}
		}
	}
}

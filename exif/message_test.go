package exif

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTableWritesArgumentsInItsLanguage(t *testing.T) {
	spanish := Table{
		"gps.position": {"Ubicación GPS", "{lat}, {lon} — esto muestra dónde se tomó la foto"},
		"compass.W":    {Value: "O"},
		"size.KB":      {Value: "{n} kB"},
	}
	tests := []struct {
		name, label, value string
		f                  Finding
	}{
		{"a coordinate takes the language's compass point", "Ubicación GPS", "48.8584 N, 2.2945 O — esto muestra dónde se tomó la foto",
			Finding{ID: "gps.position", Args: []Arg{argCoordinate("lat", 48.85841, "N"), argCoordinate("lon", 2.29452, "W")}}},
		{"an ID the language lacks is written in English", "Thumbnail", "a small copy of the photo (14 kB)",
			Finding{ID: "hidden.thumbnail", Args: []Arg{argSize("size", 14_200)}}},
		{"text from the file is shown as it is, braces and all", "Comment", "{lat} 100%",
			Finding{ID: "text.comment", Args: []Arg{argText("text", "{lat} 100%")}}},
		{"unreadable text says so, with its size", "Comment", "unreadable text (3 bytes)",
			Finding{ID: "text.comment", Args: []Arg{fileText("text", "\x01\x02\x03")}}},
		{"a missing argument leaves its place name", "Comment", "{text}", Finding{ID: "text.comment"}},
		{"a finding without a known ID keeps its words", "L", "V", Finding{ID: "no.such", Label: "L", Value: "V"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			label, value := spanish.Finding(tt.f)
			if label != tt.label || value != tt.value {
				t.Errorf("got %q, %q; want %q, %q", label, value, tt.label, tt.value)
			}
		})
	}
}

func TestSizesAreWrittenInUnitsAPersonReads(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{1, "1 byte"}, {999, "999 bytes"}, {1000, "1 KB"}, {999_499, "999 KB"}, {999_500, "1.0 MB"}, {12_345_678, "12 MB"}}
	for _, tt := range tests {
		if got := sizeWords(tt.n); got != tt.want {
			t.Errorf("sizeWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestEveryCategoryHasANameAndAReason(t *testing.T) {
	for _, c := range Categories {
		if name, why := English.Category(c); name == "" || why == "" {
			t.Errorf("category %q has name %q and reason %q", c, name, why)
		}
	}
	if name, _ := English.Category("no such category"); name != "Other details" {
		t.Errorf("an unknown category is named %q, want Other's name", name)
	}
}

// TestEveryFindingOfTheFixturesIsMadeFromItsID inspects every fixture and
// checks that each finding has an ID of the English table whose words,
// filled with the finding's arguments, are the finding's words.
func TestEveryFindingOfTheFixturesIsMadeFromItsID(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*/*")
	seen := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		info, err := Inspect(data)
		if err != nil {
			continue
		}
		for _, f := range info.Findings {
			seen++
			if _, ok := English[f.ID]; !ok {
				t.Errorf("%s: finding %q has no English words", p, f.ID)
				continue
			}
			label, value := English.Finding(f)
			if label != f.Label || value != f.Value || strings.Contains(f.Label+f.Value, "{") && !strings.Contains(p, "payload") {
				t.Errorf("%s: %s makes %q, %q; the finding says %q, %q", p, f.ID, label, value, f.Label, f.Value)
			}
		}
	}
	if seen < 100 {
		t.Fatalf("only %d findings in the fixtures: were they found?", seen)
	}
}

func TestFormatErrorsSayWhereAndWhatKind(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		format Format
		reason Reason
		offset int64
	}{
		{"a PNG cut inside a chunk", append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13, 'I', 'H'), PNG, Truncated, 8},
		{"a JPEG without a frame", []byte{0xFF, 0xD8, 0xFF, 0xD9}, JPEG, Truncated, -1},
		{"a JPEG with a segment that runs past the end", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x00, 0x00}, JPEG, Truncated, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Inspect(tt.data)
			var fe FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a FormatError", err)
			}
			if fe.Format != tt.format || fe.Reason != tt.reason || fe.Offset != tt.offset {
				t.Errorf("got %+v, want %s, %s at %d", fe, tt.format, tt.reason, tt.offset)
			}
			if err.Error() != "exif: invalid file: "+fe.Detail {
				t.Errorf("the message %q is not the detail %q", err, fe.Detail)
			}
		})
	}
}

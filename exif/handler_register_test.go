package exif

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// A new container is one file with its handler and one line in handlers.
// This file is that file for a made-up container, "fake": the magic
// "VEILFAKE", one byte of width, one of height, then an optional colour
// profile ("P" and its bytes) and anything else, which is metadata. The
// keep-list is the header and the profile.

const fakeFormat Format = "fake"

type fakeHandler struct{}

func (fakeHandler) format() Format { return fakeFormat }

func (fakeHandler) about() about { return about{name: "Fake", exts: []string{".fake", ".fk"}} }

func (fakeHandler) sniff(head []byte) bool { return bytes.HasPrefix(head, []byte("VEILFAKE")) }

func (fakeHandler) inspect(data []byte) (*Info, error) {
	if len(data) < 10 {
		return nil, formatError("fake", Truncated, "fake: header cut short")
	}
	return &Info{Format: fakeFormat, Width: int(data[8]), Height: int(data[9]), Orientation: 1}, nil
}

// strip keeps the header and the profile.
func (h fakeHandler) strip(data []byte, opt Options) ([]byte, error) {
	out := bytes.Clone(data[:10])
	if p := h.profile(data); p != nil && !opt.DropICC {
		out = append(append(out, 'P'), p...)
	}
	return out, nil
}

func (h fakeHandler) verify(data []byte, opt Options) error {
	if clean, _ := h.strip(data, opt); !bytes.Equal(clean, data) {
		return ErrNotClean
	}
	return nil
}

// profile is everything after a "P" right after the header.
func (fakeHandler) profile(data []byte) []byte {
	if len(data) > 10 && data[10] == 'P' {
		return data[11:]
	}
	return nil
}

func (fakeHandler) embedProfile(data, icc []byte) ([]byte, error) {
	return append(append(bytes.Clone(data[:10]), 'P'), icc...), nil
}

// withFake registers the fake container for the length of a test: the one
// line a real container adds to handlers.
func withFake(t *testing.T) {
	saved := handlers
	handlers = append(slices.Clip(handlers), fakeHandler{})
	t.Cleanup(func() { handlers = saved })
}

func TestAFakeContainerIsOneHandlerAndOneLine(t *testing.T) {
	withFake(t)
	icc := iccProfile("desc", v2Desc("My own profile"))
	file := []byte("VEILFAKE\x03\x02camera serial 1234") // header, then metadata
	withICC, err := EmbedProfile(file[:10], icc)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"it is sniffed by its magic", sniffs(file, fakeFormat)},
		{"it is inspected by its handler", inspects(file, 3, 2)},
		{"its metadata is stripped", strips(file, []byte("VEILFAKE\x03\x02"))},
		{"a copy with metadata fails verification", errors.Is(Verify(file, Options{}), ErrNotClean)},
		{"its profile is read neutralized", bytes.Equal(Profile(withICC), mustNeutral(t, icc))},
		{"its extensions are listed", slices.Contains(Extensions(), ".fake") && slices.Contains(RecognisedExtensions(), ".fk")},
		{"its extensions fit it in any case", ExtensionFits(".FK", fakeFormat) && !ExtensionFits(".jpg", fakeFormat)},
		{"its usual extension is its first", UsualExtension(fakeFormat) == ".fake"},
		{"it is named among what Veil cleans", strings.Contains(unsupportedMessage(), ", Fake)")},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok {
				t.Error("no")
			}
		})
	}
}

func sniffs(data []byte, want Format) bool {
	f, err := Sniff(data)
	return err == nil && f == want
}

func inspects(data []byte, w, h int) bool {
	info, err := Inspect(data)
	return err == nil && info.Width == w && info.Height == h
}

func strips(data, want []byte) bool {
	out, err := Strip(data, Options{})
	return err == nil && bytes.Equal(out, want)
}

func mustNeutral(t *testing.T, icc []byte) []byte {
	t.Helper()
	n, err := neutralICC(icc)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func unsupportedMessage() string {
	_, err := Sniff([]byte("not a picture at all"))
	return err.Error()
}

func TestTheContainersVeilCleansAreNamedAndHaveExtensions(t *testing.T) {
	tests := []struct {
		name string
		f    Format
		ext  string
	}{
		{"a JPEG is a .jpg", JPEG, ".jpg"},
		{"a PNG is a .png", PNG, ".png"},
		{"a WebP is a .webp", WebP, ".webp"},
		{"a GIF is a .gif", GIF, ".gif"},
		{"a HEIC is a .heic", HEIC, ".heic"},
		{"an AVIF is an .avif", AVIF, ".avif"},
		{"an MP4 is an .mp4", MP4, ".mp4"},
		{"a QuickTime movie is a .mov", MOV, ".mov"},
		{"a TIFF is refused, so it has none", TIFF, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := UsualExtension(tc.f); got != tc.ext {
				t.Errorf("UsualExtension(%s) = %q, want %q", tc.f, got, tc.ext)
			}
		})
	}
	const want = "(JPEG, PNG, WebP, GIF, HEIC, AVIF, MOV, MP4)"
	if got := unsupportedMessage(); !strings.HasSuffix(got, want) {
		t.Errorf("unsupported: %q, want it to end %q", got, want)
	}
}

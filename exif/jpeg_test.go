package exif

import (
	"bytes"
	"errors"
	"image/jpeg"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func jpegRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "jpeg", name))
	if err != nil {
		t.Fatalf("%v (regenerate with go test -run TestGenerateJPEGFixtures -update-jpeg)", err)
	}
	return b
}

func TestJPEGStripKeepsOnlyThePicture(t *testing.T) {
	h := jpegHandler{}
	for _, f := range jpegFixtures {
		t.Run(f.name, func(t *testing.T) {
			in := jpegRead(t, f.name)
			out, err := h.strip(in, Options{})
			if err != nil {
				t.Fatalf("strip: %v", err)
			}
			if i := bytes.Index(bytes.ToUpper(out), []byte(jpegMarker)); i >= 0 {
				t.Errorf("marker left at byte %d", i)
			}
			if again, err := h.strip(out, Options{}); err != nil || !bytes.Equal(again, out) {
				t.Errorf("stripping twice changed the file (err %v)", err)
			}
			if err := h.verify(out, Options{}); err != nil {
				t.Errorf("verify of the clean copy: %v", err)
			}
			if err := h.verify(in, Options{}); f.foreign && !errors.Is(err, ErrNotClean) {
				t.Errorf("verify of the input = %v, want ErrNotClean", err)
			}
			jpegSamePixels(t, in, out)
			a, errA := h.inspect(in)
			b, errB := h.inspect(out)
			if errA != nil || errB != nil {
				t.Fatalf("inspect: %v, %v", errA, errB)
			}
			if a.Width != b.Width || a.Height != b.Height || a.Orientation != b.Orientation {
				t.Errorf("inspect in %dx%d o%d, out %dx%d o%d", a.Width, a.Height, a.Orientation, b.Width, b.Height, b.Orientation)
			}
		})
	}
}

// jpegSamePixels fails unless both files decode to identical images.
func jpegSamePixels(t *testing.T, in, out []byte) {
	t.Helper()
	a, errA := jpeg.Decode(bytes.NewReader(in))
	b, errB := jpeg.Decode(bytes.NewReader(out))
	if errA != nil || errB != nil {
		t.Fatalf("decode: input %v, output %v", errA, errB)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("decoded pixels differ")
	}
}

func TestJPEGInspectListsWhatTheFileGivesAway(t *testing.T) {
	for _, f := range jpegFixtures {
		t.Run(f.name, func(t *testing.T) {
			info, err := jpegHandler{}.inspect(jpegRead(t, f.name))
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != JPEG || info.Orientation != f.orientation {
				t.Errorf("format %q orientation %d, want jpeg %d", info.Format, info.Orientation, f.orientation)
			}
			if !f.foreign && f.want == nil && len(info.Findings) > 0 {
				t.Errorf("a file without metadata has findings %+v", info.Findings)
			}
			for _, w := range f.want {
				if !jpegHasFinding(info.Findings, w) {
					t.Errorf("no finding %+v in %+v", w, info.Findings)
				}
			}
		})
	}
}

func jpegHasFinding(fs []Finding, w jpegWant) bool {
	for _, f := range fs {
		if (w.cat == "" || f.Category == w.cat) && strings.Contains(f.Where, w.where) && strings.Contains(f.Value, w.value) {
			return true
		}
	}
	return false
}

func TestJPEGMalformedFilesAreRefused(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "jpeg", "bad-*.jpg"))
	if len(files) < len(jpegBad) {
		t.Fatalf("%d bad fixtures on disk, %d defined", len(files), len(jpegBad))
	}
	h := jpegHandler{}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			in, _ := os.ReadFile(name)
			_, err := h.inspect(in)
			var fe FormatError
			if !errors.As(err, &fe) && !errors.Is(err, ErrTooLarge) {
				t.Errorf("inspect = %v, want a FormatError or ErrTooLarge", err)
			}
			if out, err := h.strip(in, Options{}); err == nil {
				t.Errorf("strip wrote %d bytes", len(out))
			}
			if h.verify(in, Options{}) == nil {
				t.Error("verify passed")
			}
		})
	}
}

func TestJPEGStripRebuildsTheKeptApplicationSegments(t *testing.T) {
	h := jpegHandler{}
	icc := jpegICC("Veil test RGB")
	neutral, err := neutralICC(icc) // a kept profile loses its words
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   []byte
		opt  Options
		want [][]byte // the segments expected between SOI and the first DQT
	}{
		{"a JFIF thumbnail is removed and the density kept",
			jpegSplice(jpegRestartFixture(), jpegSegment(mAPP0, jpegJFIF(11, 1, bytes.Repeat([]byte(jpegMarker), 3)))),
			Options{}, [][]byte{jpegSegment(mAPP0, jpegJFIF(0, 0, nil))}},
		{"an Adobe segment keeps only its transform",
			jpegSplice(jpegRestartFixture(), jpegSegment(mAPP0+14, []byte("Adobe\x00\x65\x80\x00\x00\x00\x01"+jpegMarker))),
			Options{}, [][]byte{jpegSegment(mAPP0+14, []byte("Adobe\x00\x64\x00\x00\x00\x00\x01"))}},
		{"colour profile chunks are written in sequence order",
			jpegSplice(jpegRestartFixture(), jpegICCSegments(icc, 3)[2], jpegICCSegments(icc, 3)[0], jpegICCSegments(icc, 3)[1]),
			Options{}, jpegICCSegments(neutral, 3)},
		{"the colour profile is dropped when asked",
			jpegSplice(jpegRestartFixture(), jpegICCSegments(icc, 1)...), Options{DropICC: true}, nil},
		{"a colour profile with a missing chunk is dropped",
			jpegSplice(jpegRestartFixture(), jpegICCSegments(icc, 3)[0], jpegICCSegments(icc, 3)[2]), Options{}, nil},
		{"a colour profile with a repeated chunk is dropped",
			jpegSplice(jpegRestartFixture(), jpegICCSegments(icc, 2)[0], jpegICCSegments(icc, 2)[0]), Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := h.strip(tt.in, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			want := bytes.Join(append(append([][]byte{{0xFF, mSOI}}, tt.want...), jpegRestartFixture()[2:]), nil)
			if !bytes.Equal(out, want) {
				t.Errorf("got\n% X\nwant\n% X", out[:min(len(out), 80)], want[:min(len(want), 80)])
			}
			if err := h.verify(out, tt.opt); err != nil {
				t.Errorf("verify: %v", err)
			}
		})
	}
}

func TestJPEGVerifyNamesWhatRemains(t *testing.T) {
	clean := jpegRestartFixture()
	tests := []struct {
		name string
		in   []byte
		opt  Options
		want string
	}{
		{"a comment", jpegSplice(clean, jpegSegment(mCOM, []byte("hi"))), Options{}, "comment"},
		{"an XMP packet", jpegSplice(clean, jpegSegment(mAPP0+1, sigXMP, jpegXMP("", ""))), Options{}, "APP1"},
		{"a full EXIF block", jpegSplice(clean, jpegSegment(mAPP0+1, jpegEXIF([]tiffEntry{tiffASCII(0x010F, "x")}, nil, nil, nil))), Options{}, "EXIF"},
		{"a JFIF thumbnail", jpegSplice(clean, jpegSegment(mAPP0, jpegJFIF(1, 1, []byte{1, 2, 3}))), Options{}, "APP0"},
		{"two JFIF segments", jpegSplice(clean, jpegSegment(mAPP0, jpegJFIF(0, 0, nil)), jpegSegment(mAPP0, jpegJFIF(0, 0, nil))), Options{}, "second JFIF"},
		{"Adobe flags", jpegSplice(clean, jpegSegment(mAPP0+14, []byte("Adobe\x00\x64\x80\x00\x00\x00\x01"))), Options{}, "APP14"},
		{"an MPF index", jpegSplice(clean, jpegSegment(mAPP0+2, jpegMPF(2))), Options{}, "APP2"},
		{"a colour profile that should be gone", jpegSplice(clean, jpegICCSegments(jpegICC("x"), 1)...), Options{DropICC: true}, "colour profile"},
		{"a damaged colour profile", jpegSplice(clean, jpegICCSegments(jpegICC("x"), 2)[1]), Options{}, "colour profile"},
		{"bytes after EOI", append(append([]byte{}, clean...), "trailer"...), Options{}, "after the end"},
		{"fill bytes between segments", jpegSplice(clean, []byte{0xFF, 0xFF}), Options{}, "fill bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := jpegHandler{}.verify(tt.in, tt.opt)
			if !errors.Is(err, ErrNotClean) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("verify = %v, want ErrNotClean naming %q", err, tt.want)
			}
		})
	}
	if err := (jpegHandler{}).verify(clean, Options{}); err != nil {
		t.Errorf("verify of a clean file: %v", err)
	}
}

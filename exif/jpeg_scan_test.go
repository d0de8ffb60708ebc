package exif

import (
	"bytes"
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"
)

// jpegWith returns jpegRestartFixture with part i replaced by b.
func jpegWith(i int, b ...byte) []byte {
	p := jpegRestartParts()
	p[i] = b
	return bytes.Join(p, nil)
}

func TestJPEGScanFollowsT81(t *testing.T) {
	var (
		errFormat = errors.New("FormatError")
		good      = jpegRestartFixture()
		parts     = jpegRestartParts()
	)
	tests := []struct {
		name string
		in   []byte
		want error // nil, errFormat, ErrUnsupported or ErrTooLarge
	}{
		{"restart markers inside the scan are image data", good, nil},
		{"fill bytes before a marker are allowed", jpegWith(rDQT, append([]byte{0xFF, 0xFF}, parts[rDQT]...)...), nil},
		{"bytes after EOI are a trailer, not part of the image", append(append([]byte{}, good...), 0xFF, mSOI, 0xFF), nil},
		{"a file of SOI alone is refused", []byte{0xFF, mSOI}, errFormat},
		{"a file not starting with SOI is refused", good[2:], errFormat},
		{"a segment length of 0 is refused", jpegWith(rDRI, 0xFF, mDRI, 0, 0), errFormat},
		{"a segment running past the end is refused", append(good[:len(good)-3:len(good)-3], 0xFF, mCOM, 0x10, 0), errFormat},
		{"a file ending inside a length is refused", append(bytes.Join(parts[:rSOS], nil), 0xFF, mCOM, 0x00), errFormat},
		{"a file ending after 0xFF is refused", append(bytes.Join(parts[:rSOS], nil), 0xFF), errFormat},
		{"a scan running to the end of the file is refused", bytes.Join(parts[:rEOI], nil), errFormat},
		{"EOI before any scan is refused", bytes.Join([][]byte{parts[rSOI], parts[rDQT], parts[rSOF], parts[rEOI]}, nil), errFormat},
		{"a stuffed zero between segments is refused", jpegWith(rDRI, 0xFF, 0x00), errFormat},
		{"a restart marker between segments is refused", jpegWith(rDRI, 0xFF, mRST0), errFormat},
		{"the TEM marker is refused", jpegWith(rDRI, 0xFF, 0x01), errFormat},
		{"a reserved marker is refused", jpegWith(rDRI, 0xFF, 0x02, 0, 2), errFormat},
		{"the JPG extension marker is refused", jpegWith(rDRI, 0xFF, mJPG, 0, 2), errFormat},
		{"JPEG-LS is refused", jpegWith(rDRI, 0xFF, 0xF7, 0, 2), errFormat},
		{"a hierarchical frame is refused", jpegWith(rSOF, append([]byte{0xFF, 0xC5}, parts[rSOF][2:]...)...), ErrUnsupported},
		{"a DHP segment is refused", jpegWith(rDRI, 0xFF, mDHP, 0, 2), ErrUnsupported},
		{"a DNL segment is refused", jpegWith(rDRI, 0xFF, mDNL, 0, 4, 0, 8), errFormat},
		{"quantization tables with bytes left over are refused", jpegWith(rDQT, jpegSegment(mDQT, parts[rDQT][4:], []byte{7})...), errFormat},
		{"a quantization table of precision 2 is refused", jpegWith(rDQT, jpegSegment(mDQT, []byte{0x20}, make([]byte, 64))...), errFormat},
		{"Huffman counts over 256 symbols are refused", jpegWith(rDHTDC, jpegSegment(mDHT, []byte{0}, bytes.Repeat([]byte{255}, 16))...), errFormat},
		{"a Huffman table with bytes left over is refused", jpegWith(rDHTAC, append(parts[rDHTAC][:3:3], 0x15, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9)...), errFormat},
		{"arithmetic conditioning for DC and AC is allowed", jpegWith(rDRI, jpegSegment(mDAC, []byte{0x00, 0x10, 0x11, 5})...), nil},
		{"arithmetic conditioning with L over U is refused", jpegWith(rDRI, jpegSegment(mDAC, []byte{0x00, 0x01})...), errFormat},
		{"arithmetic conditioning with Kx 0 is refused", jpegWith(rDRI, jpegSegment(mDAC, []byte{0x10, 0})...), errFormat},
		{"arithmetic conditioning with an odd length is refused", jpegWith(rDRI, jpegSegment(mDAC, []byte{0x00, 0x10, 0x11})...), errFormat},
		{"a restart interval of three bytes is refused", jpegWith(rDRI, 0xFF, mDRI, 0, 5, 0, 1, 0), errFormat},
		{"a frame header with the wrong length is refused", jpegWith(rSOF, append(append([]byte{}, parts[rSOF]...), 0)...), errFormat},
		{"a frame without components is refused", jpegWith(rSOF, jpegSegment(mSOF0, []byte{8, 0, 8, 0, 64, 0})...), errFormat},
		{"a zero width is refused", jpegPatchSOF(good, 8, 0), errFormat},
		{"a zero height (DNL) is refused", jpegPatchSOF(good, 0, 64), errFormat},
		{"over 250 megapixels is too large", jpegPatchSOF(good, 20000, 20000), ErrTooLarge},
		{"a scan of five components is refused", jpegWith(rSOS, jpegSegment(mSOS, []byte{5}, make([]byte, 13))...), errFormat},
		{"a file of too many segments is refused", jpegWith(rDRI, bytes.Repeat([]byte{0xFF, mCOM, 0, 2}, maxJPEGSegments)...), errFormat},
		{"a scan before the frame is refused", bytes.Join([][]byte{parts[rSOI], parts[rSOS], parts[rScan], parts[rSOF], parts[rEOI]}, nil), errFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanJPEG(tt.in)
			var fe FormatError
			switch {
			case tt.want == nil && err != nil:
				t.Errorf("scan: %v", err)
			case tt.want == errFormat && !errors.As(err, &fe):
				t.Errorf("scan = %v, want a FormatError", err)
			case tt.want != nil && tt.want != errFormat && !errors.Is(err, tt.want):
				t.Errorf("scan = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestJPEGSniffNeedsSOIAndAMarker(t *testing.T) {
	h := jpegHandler{}
	if !h.sniff([]byte{0xFF, 0xD8, 0xFF, 0xE0}) || h.sniff([]byte{0xFF, 0xD8}) || h.sniff([]byte{0xFF, 0xD8, 0x00}) || h.sniff([]byte("\x89PNG")) {
		t.Error("sniff accepts the wrong heads")
	}
}

func TestJPEGTruncationSweepNeverPanics(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "jpeg", "*.jpg"))
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/jpeg")
	}
	for _, name := range files {
		in, _ := os.ReadFile(name)
		for n := 0; n < len(in); n++ {
			jpegCheckNoLeak(t, in[:n], filepath.Base(name))
		}
	}
}

// jpegCheckNoLeak runs every entry point on in; whenever strip succeeds,
// its output must pass verify and be stable.
func jpegCheckNoLeak(t *testing.T, in []byte, what string) {
	t.Helper()
	h := jpegHandler{}
	full, ferr := h.inspect(in)
	quick, qerr := h.scan(in)
	if (ferr == nil) != (qerr == nil) {
		t.Fatalf("%s: inspect says %v, scan says %v", what, ferr, qerr)
	}
	if ferr == nil && (full.Orientation != quick.Orientation || full.Width != quick.Width ||
		full.Height != quick.Height || full.Block != quick.Block || quick.Findings != nil) {
		t.Fatalf("%s: scan %+v differs from inspect %+v", what, quick, full)
	}
	_ = h.verify(in, Options{})
	for _, opt := range []Options{{}, {DropICC: true}} {
		out, err := h.strip(in, opt)
		if err != nil {
			continue
		}
		if err := h.verify(out, opt); err != nil {
			t.Fatalf("%s (%d bytes): clean copy fails verify: %v", what, len(in), err)
		}
		for _, info := range []*Info{full, quick} {
			parts, err := h.stripParts(in, info, opt)
			if err != nil || !bytes.Equal(bytes.Join(parts, nil), out) {
				t.Fatalf("%s (%d bytes): stripParts differs from strip (%v)", what, len(in), err)
			}
		}
		if again, err := h.strip(out, opt); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("%s (%d bytes): stripping twice changed the file (%v)", what, len(in), err)
		}
	}
}

func FuzzJPEG(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "jpeg", "*.jpg"))
	for _, name := range files {
		b, _ := os.ReadFile(name)
		f.Add(b)
	}
	f.Add(jpegRestartFixture())
	f.Fuzz(func(t *testing.T, in []byte) {
		jpegCheckNoLeak(t, in, "fuzz input")
	})
}

// BenchmarkStripJPEG strips a 4000×3000 JPEG carrying EXIF with GPS and a
// thumbnail, and XMP. The one allocation that matters is the output.
func BenchmarkStripJPEG(b *testing.B) {
	m := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	for i := range m.Y {
		m.Y[i] = uint8(i * 7 / 3)
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = uint8(i/5), uint8(i/11)
	}
	in := jpegSplice(jpegEncode(b, m),
		jpegSegment(mAPP0+1, jpegEXIF([]tiffEntry{tiffASCII(0x010F, jpegMarker), tiffShort(0x0112, 6)}, nil,
			[]tiffEntry{tiffASCII(1, "N"), tiffRationals(2, 48, 1, 51, 1, 2952, 100)}, jpegThumb(b))),
		jpegSegment(mAPP0+1, sigXMP, jpegXMP("", "<dc:creator>"+jpegMarker+"</dc:creator>")))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := (jpegHandler{}).strip(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

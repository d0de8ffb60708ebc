package exif

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// updateJPEG regenerates testdata/jpeg. The flag has its own name so it
// cannot clash with the other containers' generators in this package:
//
//	go test -run TestGenerateJPEGFixtures -update-jpeg ./exif/
var updateJPEG = flag.Bool("update-jpeg", false, "regenerate testdata/jpeg (progressive and CMYK need /usr/bin/convert)")

// jpegWant is a finding inspect must list: its category ("" for any), and
// substrings of where and value.
type jpegWant struct {
	cat          Category
	where, value string
}

// jpegFixture is one generated file of testdata/jpeg and what it holds.
type jpegFixture struct {
	name        string
	build       func(t testing.TB) []byte
	foreign     bool // holds something outside the keep-list, so verify fails
	orientation int
	want        []jpegWant
}

// jpegFixtures are the good fixtures, each named by what it contains.
var jpegFixtures = []jpegFixture{
	{"plain.jpg", jpegBase, false, 1, nil},
	{"exif-gps-thumbnail.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0+1, jpegEXIF(
			[]tiffEntry{tiffASCII(0x010F, jpegMarker+" Make"), tiffASCII(0x0110, jpegMarker+" Model"), tiffShort(0x0112, 1)},
			[]tiffEntry{tiffASCII(0x9003, "2024:05:06 07:08:09"), tiffASCII(0xA431, jpegMarker+"-1")}, // DateTimeOriginal, BodySerialNumber
			[]tiffEntry{tiffASCII(1, "N"), tiffRationals(2, 48, 1, 51, 1, 2952, 100), // GPSLatitudeRef, GPSLatitude
				tiffASCII(3, "E"), tiffRationals(4, 2, 1, 17, 1, 4020, 100)}, // GPSLongitudeRef, GPSLongitude
			jpegThumb(t))))
	}, true, 1, []jpegWant{{Location, "EXIF (APP1)", ""}, {Device, "EXIF (APP1)", ""}, {HiddenPictures, "EXIF (APP1)", ""}}},
	{"orientation-6.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0+1, jpegEXIF(
			[]tiffEntry{tiffASCII(0x010F, jpegMarker), tiffShort(0x0112, 6)}, nil, nil, nil)))
	}, true, 6, []jpegWant{{Device, "EXIF (APP1)", ""}}},
	{"orientation-6-gps-pointer-past-end.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0+1, jpegEXIF(
			[]tiffEntry{tiffASCII(0x010F, jpegMarker), tiffShort(0x0112, 6),
				tiffLong(0x8825, 60000)}, nil, nil, nil))) // GPSInfoIFDPointer far past the end of the block
	}, true, 6, []jpegWant{{Other, "EXIF (APP1)", "could not be read"}}},
	{"two-exif-blocks.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t),
			jpegSegment(mAPP0+1, jpegEXIF([]tiffEntry{tiffShort(0x0112, 3), tiffASCII(0x0131, jpegMarker+" Software")}, nil, nil, nil)),
			jpegSegment(mAPP0+1, jpegEXIF([]tiffEntry{tiffASCII(0x010F, jpegMarker+" Second Make")}, nil, nil, nil)))
	}, true, 3, []jpegWant{{"", "second EXIF block (APP1)", ""}}},
	{"xmp-and-extended-xmp.jpg", func(t testing.TB) []byte {
		ext := jpegXMP(`exif:GPSLatitude="48,51.492N" exif:GPSLongitude="2,17.670E"`, `<dc:description>`+jpegMarker+` extended</dc:description>`)
		guid, segs := jpegExtendedXMP(ext, 200)
		main := jpegXMP(`xmpNote:HasExtendedXMP="`+guid+`"`, `<dc:creator><rdf:Seq><rdf:li>`+jpegMarker+` Author</rdf:li></rdf:Seq></dc:creator>`)
		return jpegSplice(jpegBase(t), append([][]byte{jpegSegment(mAPP0+1, sigXMP, main)}, segs...)...)
	}, true, 1, []jpegWant{{"", "XMP (APP1)", jpegMarker}, {Location, "extended XMP (APP1)", ""}}},
	{"iptc-app13.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0+13, jpegIRB()))
	}, true, 1, []jpegWant{{"", "Photoshop/IPTC (APP13)", jpegMarker}}},
	{"icc-profile.jpg", func(t testing.TB) []byte {
		segs := jpegICCSegments(jpegICC("Veil test RGB"), 2)
		return jpegSplice(jpegBase(t), segs[1], segs[0]) // chunks out of order: strip puts them right
	}, false, 1, []jpegWant{{Other, "colour profile (APP2)", "Veil test RGB"}}},
	{"mpf-second-image.jpg", func(t testing.TB) []byte {
		return append(jpegSplice(jpegBase(t), jpegSegment(mAPP0+2, jpegMPF(2))), jpegThumb(t)...)
	}, true, 1, []jpegWant{{HiddenPictures, "MPF (APP2)", "1 extra picture"}, {"", "after the end of the image", ""}}},
	{"motion-photo-trailer.jpg", func(t testing.TB) []byte {
		video := append([]byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), jpegMarker+" video"...)
		xmp := jpegXMP(`GCamera:MicroVideo="1" GCamera:MicroVideoVersion="1" GCamera:MicroVideoOffset="47"`, "<dc:title>"+jpegMarker+"</dc:title>")
		return append(jpegSplice(jpegBase(t), jpegSegment(mAPP0+1, sigXMP, xmp)), video...)
	}, true, 1, []jpegWant{{"", "after the end of the image", ""}}},
	{"comment.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mCOM, []byte(jpegMarker+" written by a camera app")))
	}, true, 1, []jpegWant{{Text, "comment (COM)", jpegMarker}}},
	{"grayscale-comment-after-scan.jpg", func(t testing.TB) []byte {
		return jpegBeforeEOI(jpegEncode(t, jpegGray(40, 24)), jpegSegment(mCOM, []byte(jpegMarker+" after the scan")))
	}, true, 1, []jpegWant{{Text, "comment (COM)", jpegMarker}}},
	{"jfif-thumbnail.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0, jpegJFIF(11, 1, bytes.Repeat([]byte(jpegMarker), 3))))
	}, true, 1, []jpegWant{{HiddenPictures, "JFIF (APP0)", "11×1"}}},
	{"jfxx-thumbnail.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0, jpegJFIF(0, 0, nil)),
			jpegSegment(mAPP0, sigJFXX, []byte{0x10}, jpegThumb(t))) // extension code 0x10: JPEG thumbnail
	}, true, 1, []jpegWant{{HiddenPictures, "JFXX (APP0)", ""}}},
	{"jfif-density-only.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mAPP0, jpegJFIF(0, 0, nil)))
	}, false, 1, nil},
	{"unknown-app-segments.jpg", func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t),
			jpegSegment(mAPP0+12, []byte("Ducky\x00\x01\x00\x04"+jpegMarker)), // Photoshop "Save for Web" quality block
			jpegSegment(mAPP0+14, []byte("Ocad$Rev: 14797 $\x00"+jpegMarker)), // APP14 that is not Adobe
			jpegSegment(mAPP0+3, []byte("Meta\x00"+jpegMarker)),               // Kodak meta
			jpegSegment(mAPP0+15, []byte("\x01\x02"+jpegMarker)),              // no printable identifier
			jpegSegment(mAPP0+1, []byte("VendorBlob\x00"+jpegMarker)),         // APP1 neither Exif nor XMP
			jpegSegment(mAPP0+2, sigFPXR, []byte{0, 1}, []byte(jpegMarker)))   // FlashPix extension
	}, true, 1, []jpegWant{{Other, "APP12", "Ducky"}, {Other, "APP14", "Ocad"}, {Other, "APP3", "Meta"},
		{Other, "APP15", "APP15"}, {Other, "APP1", "VendorBlob"}, {HiddenPictures, "FlashPix (APP2)", ""}}},
	{"restart-markers.jpg", func(testing.TB) []byte {
		p := jpegRestartParts() // a comment between the tables and the scan
		p[rDRI] = append(p[rDRI], jpegSegment(mCOM, []byte(jpegMarker+" between tables"))...)
		return bytes.Join(p, nil)
	}, true, 1, []jpegWant{{Text, "comment (COM)", jpegMarker}}},
	{"progressive.jpg", nil, true, 1, []jpegWant{{Text, "comment (COM)", jpegMarker}, {Location, "EXIF (APP1)", ""}}},
	{"cmyk-adobe.jpg", nil, true, 1, []jpegWant{{"", "Photoshop/IPTC (APP13)", jpegMarker}}},
}

// jpegConverted builds the fixtures image/jpeg cannot write, with the
// real ImageMagick, then splices metadata in.
var jpegConverted = map[string]struct {
	args   []string
	splice func(t testing.TB) [][]byte
}{
	"progressive.jpg": {[]string{"-interlace", "Plane", "-quality", "80"}, func(t testing.TB) [][]byte {
		return [][]byte{
			jpegSegment(mAPP0+1, jpegEXIF([]tiffEntry{tiffASCII(0x010F, jpegMarker)}, nil,
				[]tiffEntry{tiffASCII(1, "S"), tiffRationals(2, 33, 1, 52, 1, 0, 1), // GPSLatitudeRef, GPSLatitude
					tiffASCII(3, "E"), tiffRationals(4, 151, 1, 12, 1, 0, 1)}, nil)), // GPSLongitudeRef, GPSLongitude
			jpegSegment(mCOM, []byte(jpegMarker+" progressive"))}
	}},
	"cmyk-adobe.jpg": {[]string{"-colorspace", "CMYK", "-quality", "80"}, func(testing.TB) [][]byte {
		return [][]byte{jpegSegment(mAPP0+13, jpegIRB())}
	}},
}

// jpegBad are malformed files, each refused.
var jpegBad = map[string]func(t testing.TB) []byte{
	"bad-truncated.jpg": func(t testing.TB) []byte { b := jpegBase(t); return b[:len(b)*2/3] },
	"bad-no-eoi.jpg":    func(t testing.TB) []byte { b := jpegBase(t); return b[:len(b)-2] },
	"bad-eoi-only.jpg":  func(testing.TB) []byte { return []byte{0xFF, mSOI, 0xFF, mEOI} },
	"bad-segment-length.jpg": func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), []byte{0xFF, mAPP0 + 1, 0x7F, 0xFF, 'E', 'x'})
	},
	"bad-short-segment-length.jpg": func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), []byte{0xFF, mCOM, 0x00, 0x01}) // length 1 cannot even hold itself
	},
	"bad-no-sof.jpg": func(t testing.TB) []byte { return jpegDropSegment(jpegBase(t), mSOF0) },
	"bad-no-sos.jpg": func(t testing.TB) []byte { return jpegDropSegment(jpegRestartFixture(), mSOS) },
	"bad-two-frames.jpg": func(t testing.TB) []byte {
		b := jpegRestartFixture()
		i := bytes.Index(b, []byte{0xFF, mSOF0})
		return bytes.Join([][]byte{b[:i], b[i : i+13], b[i:]}, nil) // the 13-byte SOF0 twice
	},
	"bad-dnl-zero-height.jpg": func(testing.TB) []byte { return jpegPatchSOF(jpegRestartFixture(), 0, 64) },
	"bad-huge-dimensions.jpg": func(testing.TB) []byte { return jpegPatchSOF(jpegRestartFixture(), 60000, 60000) },
	"bad-garbage-before-marker.jpg": func(t testing.TB) []byte {
		return jpegSplice(jpegBase(t), jpegSegment(mCOM, []byte(jpegMarker)), []byte(jpegMarker))
	},
	"bad-second-soi.jpg": func(t testing.TB) []byte { return jpegSplice(jpegBase(t), []byte{0xFF, mSOI}) },
}

func TestGenerateJPEGFixtures(t *testing.T) {
	if !*updateJPEG {
		t.Skip("run with -update-jpeg to regenerate testdata/jpeg")
	}
	dir := filepath.Join("testdata", "jpeg")
	jpegMust(t, os.MkdirAll(dir, 0o755))
	for _, f := range jpegFixtures {
		var b []byte
		if f.build != nil {
			b = f.build(t)
		} else {
			b = jpegConvert(t, f.name)
		}
		if len(b) > 40<<10 {
			t.Fatalf("%s is %d bytes, over 40 KB", f.name, len(b))
		}
		jpegMust(t, os.WriteFile(filepath.Join(dir, f.name), b, 0o644))
	}
	for name, build := range jpegBad {
		jpegMust(t, os.WriteFile(filepath.Join(dir, name), build(t), 0o644))
	}
}

// jpegConvert runs /usr/bin/convert on the test pattern and splices the
// fixture's metadata after SOI.
func jpegConvert(t testing.TB, name string) []byte {
	c := jpegConverted[name]
	src, dst := filepath.Join(t.TempDir(), "in.png"), filepath.Join(t.TempDir(), "out.jpg")
	var b bytes.Buffer
	jpegMust(t, png.Encode(&b, jpegPattern(48, 32)))
	jpegMust(t, os.WriteFile(src, b.Bytes(), 0o644))
	args := append(append([]string{src, "-strip"}, c.args...), dst)
	if out, err := exec.Command("/usr/bin/convert", args...).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v: %s", err, out)
	}
	jpg, err := os.ReadFile(dst)
	jpegMust(t, err)
	return jpegSplice(jpg, c.splice(t)...)
}

func jpegMust(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

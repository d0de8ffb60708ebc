package exif

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"veil/exif/exiftooltest"
)

// videoFixtures are the video files in testdata/video, by name.
func videoFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "video", "*"))
	out := map[string][]byte{}
	for _, p := range paths {
		if filepath.Ext(p) == ".sh" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	if len(out) < 10 {
		t.Fatalf("only %d video fixtures: run testdata/video/make.sh and -update-video", len(out))
	}
	return out
}

func TestVideoInspectFixtures(t *testing.T) {
	where := "48.8584 N, 2.2945 E — this shows where the video was taken"
	tests := []struct {
		file   string
		format Format
		want   []Finding // Where is not compared
	}{
		{"ffmpeg-faststart.mp4", MP4, []Finding{{Category: Location, Label: "GPS position", Value: where, Where: ""},
			{Category: Time, Label: "Created", Value: "2024-05-01 12:34:56 UTC", Where: ""}, {Category: Text, Label: "Title", Value: "VEIL-MARKER-title", Where: ""}}},
		{"ffmpeg-pcm-moov-last.mov", MOV, []Finding{{Category: Device, Label: "Software", Value: "Lavf59.27.100", Where: ""},
			{Category: Text, Label: "Comment", Value: "VEIL-MARKER-comment", Where: ""}}},
		{"exiftool-keys-udta-xmp.mp4", MP4, []Finding{{Category: Device, Label: "Camera model", Value: "VEIL-MARKER-model", Where: ""},
			{Category: People, Label: "Creator", Value: "VEIL-MARKER-xmp", Where: ""}, {Category: Time, Label: "Taken", Value: "2024-05-01T12:34:56+0200", Where: ""}}},
		{"exiftool-keys-xmp.mov", MOV, []Finding{{Category: Location, Label: "GPS position", Value: where, Where: ""}}},
		{"planted-iphone-moov-last.mov", MOV, []Finding{
			{Category: Location, Label: "Timed metadata track", Value: "a timed metadata track with positions and faces for every frame", Where: ""},
			{Category: Other, Label: "Live Photo ID", Value: "VEIL-MARKER-0B9D-4A4E-live-photo — links this video to its photo", Where: ""},
			{Category: Device, Label: "Lens", Value: "VEIL-MARKER back camera 6.86mm f/1.78", Where: ""},
			{Category: Device, Label: "Android version", Value: "14 VEIL-MARKER-android", Where: ""},
			{Category: Device, Label: "Samsung extra data", Value: "Samsung camera data, 28 bytes", Where: ""},
			{Category: HiddenPictures, Label: "Samsung extra data", Value: "Samsung extra data (may hold edit history or other pictures), 64 bytes", Where: ""},
			{Category: Time, Label: "Created", Value: "2024-05-01 12:34:56 UTC", Where: ""},
			{Category: Location, Label: "GPS position", Value: where, Where: ""}}},
	}
	files := videoFixtures(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			info, err := Inspect(files[tt.file])
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != tt.format || info.Width != 96 || info.Height != 64 {
				t.Errorf("%s %dx%d, want %s 96x64", info.Format, info.Width, info.Height, tt.format)
			}
			for _, w := range tt.want {
				if !hasFinding(info.Findings, w) {
					t.Errorf("no finding %v in %v", w, info.Findings)
				}
			}
			for _, f := range info.Findings {
				if strings.Contains(f.Value, "photo was taken") {
					t.Errorf("a video's finding speaks of a photo: %v", f)
				}
			}
		})
	}
}

func hasFinding(fs []Finding, w Finding) bool {
	for _, f := range fs {
		if f.Category == w.Category && f.Label == w.Label && f.Value == w.Value {
			return true
		}
	}
	return false
}

// TestVideoCleanKeepsEveryPromise strips every good fixture and holds the
// copy to the promise: no planted value in its bytes or in ExifTool's
// eyes, nothing listed when it is inspected, Verify passes, stripping
// again changes nothing, and the decoded pictures and sound (ffmpeg
// framemd5) are those of the original.
func TestVideoCleanKeepsEveryPromise(t *testing.T) {
	for name, in := range videoFixtures(t) {
		if strings.HasPrefix(name, "bad-") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			out, err := Strip(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(out, []byte("VEIL-MARKER")) || bytes.Contains(out, []byte("48.8584")) {
				t.Error("a planted value survives")
			}
			info, err := Inspect(out)
			if err != nil || len(info.Findings) > 0 {
				t.Errorf("the copy lists %v (%v)", info.Findings, err)
			}
			if err := Verify(out, Options{}); err != nil {
				t.Error(err)
			}
			if again, err := Strip(out, Options{}); err != nil || !bytes.Equal(again, out) {
				t.Errorf("stripping twice changes the copy (%v)", err)
			}
			checkVideoWithExifTool(t, out)
			sameFrames(t, in, out)
		})
	}
}

// videoOracleBad are ExifTool lines a clean video must not have: metadata
// groups, positions, and any date that is not zero.
var videoOracleBad = regexp.MustCompile(`^\[(Keys|UserData|ItemList|XMP[^\]]*|Samsung|Android|Trailer|Track\d+ Keys|Meta)\]|GPS|Location|\d{4}:\d\d:\d\d \d\d:\d\d:\d\d`)

// checkVideoWithExifTool runs ExifTool on a clean video.
func checkVideoWithExifTool(t *testing.T, clean []byte) {
	t.Helper()
	tool := exiftooltest.Need(t)
	f := filepath.Join(t.TempDir(), "clean.mov")
	if err := os.WriteFile(f, clean, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-a", "-G1", "-ee", "-U", f).CombinedOutput()
	if err != nil {
		t.Fatalf("exiftool: %v\n%s", err, out)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "[System]") || strings.Contains(l, "0000:00:00 00:00:00") && !strings.Contains(l, "GPS") {
			continue
		}
		if strings.Contains(l, "VEIL-MARKER") || strings.Contains(l, "Warning") || videoOracleBad.MatchString(l) {
			t.Errorf("exiftool finds %s", l)
		}
	}
}

// sameFrames compares ffmpeg's framemd5 of the pictures and sound of two
// videos (one checksum per decoded frame and audio packet).
func sameFrames(t *testing.T, a, b []byte) {
	t.Helper()
	ff, err := exec.LookPath("ffmpeg")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("ffmpeg is required in CI")
		}
		t.Skip("ffmpeg not installed")
	}
	md5s := func(data []byte) string {
		f := filepath.Join(t.TempDir(), "v.mov")
		if err := os.WriteFile(f, data, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(ff, "-loglevel", "error", "-i", f, "-map", "0:v", "-map", "0:a?", "-f", "framemd5", "-").Output()
		if err != nil {
			t.Fatalf("ffmpeg: %v", err)
		}
		var keep []string
		for _, l := range strings.Split(string(out), "\n") {
			if !strings.HasPrefix(l, "#") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	x, y := md5s(a), md5s(b)
	if x != y || len(x) < 100 {
		t.Errorf("decoded frames differ or are missing (%d and %d bytes of framemd5)", len(x), len(y))
	}
}

// TestVideoZeroesTheTimedMetadataSamples checks the plan of a file with an
// interleaved timed metadata track: its samples become zeros, in place,
// and every other byte of the media data is copied.
func TestVideoZeroesTheTimedMetadataSamples(t *testing.T) {
	in := videoFixtures(t)["planted-iphone-moov-first.mov"]
	r := bytes.NewReader(in)
	info, err := InspectVideo(r, int64(len(in)))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := StripVideo(r, int64(len(in)), info, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var zeroed, samples []byte
	for _, pc := range plan.Pieces {
		if pc.Zero {
			zeroed = append(zeroed, in[pc.Off:pc.Off+pc.N]...)
		}
	}
	for i := 0; bytes.Contains(in, mebxSample(i)); i++ {
		samples = append(samples, mebxSample(i)...)
	}
	if len(samples) == 0 || !bytes.Equal(zeroed, samples) {
		t.Errorf("%d bytes zeroed, want exactly the %d bytes of the timed metadata samples", len(zeroed), len(samples))
	}
	var out bytes.Buffer
	if n, err := plan.WriteTo(&out, r); err != nil || n != plan.Size || int64(out.Len()) != plan.Size {
		t.Fatalf("wrote %d of %d bytes: %v", n, plan.Size, err)
	}
	if strip, _ := Strip(in, Options{}); !bytes.Equal(strip, out.Bytes()) {
		t.Error("the plan and Strip disagree")
	}
}

func TestVideoRefusesWhatItCannotClean(t *testing.T) {
	files := videoFixtures(t)
	mp4 := files["ffmpeg-faststart.mp4"]
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"a fragmented MP4", files["bad-fragmented.mp4"], ErrUnsupported},
		{"a movie fragment after the movie", append(bytes.Clone(mp4), vbox("moof", vbox("mfhd", be32(0), be32(1)))...), ErrUnsupported},
		{"a file cut inside its media data", mp4[:len(mp4)-100], nil},
		{"a movie box only", movieOnly(t, mp4), nil},
		{"two movie boxes", append(bytes.Clone(files["ffmpeg-pcm-moov-last.mov"]), movieBox(t, mp4)...), nil},
		{"media in another file", bytes.Replace(bytes.Clone(mp4), []byte("url \x00\x00\x00\x01"), []byte("url \x00\x00\x00\x00"), 1), ErrUnsupported},
		{"a sample table naming more samples than it sizes", moreSamples(t, mp4), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Strip(tt.data, Options{})
			if err == nil {
				t.Fatal("cleaned")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func movieBox(t *testing.T, file []byte) []byte {
	i := bytes.Index(file, []byte("moov"))
	if i < 4 {
		t.Fatal("no moov")
	}
	c, _, err := nextBMFF(file[i-4:])
	if err != nil {
		t.Fatal(err)
	}
	return c.box
}

// movieOnly is ftyp and moov without the media data.
func movieOnly(t *testing.T, file []byte) []byte {
	c, _, _ := nextBMFF(file)
	return append(bytes.Clone(c.box), movieBox(t, file)...)
}

// moreSamples makes the first stsz name one sample fewer than stsc puts in
// its chunks.
func moreSamples(t *testing.T, file []byte) []byte {
	out := bytes.Clone(file)
	i := bytes.Index(out, []byte("stsz"))
	n := binary.BigEndian.Uint32(out[i+12:])
	out[i+15] = byte(n - 1) // sample_count, low byte
	return out
}

// TestVideoTruncationSweep cuts every fixture at every length: each cut
// is refused or cleaned into a copy that verifies, and nothing panics.
func TestVideoTruncationSweep(t *testing.T) {
	for name, in := range videoFixtures(t) {
		cleaned := 0
		for n := 0; n < len(in); n++ {
			out, err := Strip(in[:n], Options{})
			if err != nil {
				continue
			}
			cleaned++
			if err := Verify(out, Options{}); err != nil || bytes.Contains(out, []byte("VEIL-MARKER")) {
				t.Fatalf("%s cut at %d: the copy fails its check: %v", name, n, err)
			}
		}
		t.Logf("%s: %d of %d cuts cleaned (cuts in a trailer or after the media data)", name, cleaned, len(in))
	}
}

func TestTinyVideosAreCleaned(t *testing.T) {
	for _, meta := range []bool{false, true} {
		in := tinyVideo(meta)
		out, err := Strip(in, Options{})
		if err != nil {
			t.Fatalf("meta %v: %v", meta, err)
		}
		if bytes.Contains(out, []byte("VEIL-MARKER")) || !bytes.Contains(out, []byte("PICTURE1")) || !bytes.Contains(out, []byte("PICTURE2")) {
			t.Errorf("meta %v: markers survive or pictures are lost", meta)
		}
	}
}

func TestVideoSniff(t *testing.T) {
	ftyp := func(major string, compat ...string) []byte {
		return vbox("ftyp", []byte(major), be32(0), []byte(strings.Join(compat, "")))
	}
	tests := []struct {
		name string
		head []byte
		want Format
	}{
		{"an iPhone MOV", ftyp("qt  ", "qt  "), MOV},
		{"an MP4", ftyp("isom", "isom", "iso2", "avc1", "mp41"), MP4},
		{"an M4V", ftyp("M4V ", "M4V ", "M4A ", "mp42", "isom"), MP4},
		{"a 3GP", ftyp("3gp4", "isom", "3gp4"), MP4},
		{"an unknown major brand with an MP4 compatible brand", ftyp("abcd", "mp42"), MP4},
		{"an old QuickTime movie without ftyp", vbox("moov", vbox("mvhd")), MOV},
		{"an old QuickTime movie that starts with wide", vbox("wide"), MOV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := Sniff(tt.head); err != nil || got != tt.want {
				t.Errorf("Sniff = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	for _, img := range [][]byte{ftyp("avif", "avif", "mif1", "miaf", "iso8"), ftyp("heic", "mif1", "heic", "iso8")} {
		if f, _ := Sniff(img); IsVideo(f) {
			t.Errorf("an image %q sniffs as a video", img[8:12])
		}
	}
}

func TestISO6709(t *testing.T) {
	tests := []struct{ in, want string }{
		{"+48.8584+002.2945+035.000/", "48.8584 N, 2.2945 E"},
		{"+48.8584+2.2945/", "48.8584 N, 2.2945 E"},
		{"-33.8688+151.2093/", "33.8688 S, 151.2093 E"},
		{"+4851.504-00217.670/", "48.8584 N, 2.2945 W"},
		{"+485130.24+0021740.2/", "48.8584 N, 2.2945 E"},
		{"+48.8584+002.2945CRSWGS_84/", "48.8584 N, 2.2945 E"},
		{"+91.0+002.0/", ""},
		{"+4875.0+00200.0/", ""},
		{"48.8584 2.2945", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if p := iso6709(tt.in); p != nil {
			got = English.fill("{lat}, {lon}", p)
		}
		if got != tt.want {
			t.Errorf("iso6709(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzBMFFBoxes(f *testing.F) {
	f.Add(vbox("udta", vbox("\xa9xyz", qtText(plantedPlace)), be32(0)))
	f.Add(plantedKeys())
	f.Add(append(vbox("uuid", xmpUUID, plantedXMP()), 0, 0, 0, 1, 'b', 'i', 'g', ' '))
	f.Fuzz(func(t *testing.T, b []byte) {
		kids, err := bmffChildren(b)
		n := 0
		for _, k := range kids {
			n += len(k.box)
			if len(k.payload) > len(k.box) || len(k.typ) != 4 {
				t.Fatal("a child box larger than itself")
			}
		}
		if err == nil && n > len(b) {
			t.Fatal("children larger than their container")
		}
		r := bytes.NewReader(b)
		for off := int64(0); off < int64(len(b)); {
			h, err := bmffHeader(r, off, int64(len(b)))
			if err != nil {
				break
			}
			if h.size < h.hdr || h.end() > int64(len(b)) {
				t.Fatalf("box %+v does not fit %d bytes", h, len(b))
			}
			off = h.end()
		}
		_ = boxFindings("udta", b, "fuzz")
		_ = metaFindings(b, "fuzz")
	})
}

// FuzzVideoStrip is seeded with tiny hand-built videos: the fixtures are
// tens of kilobytes, which the fuzzer spends its time minimizing.
func FuzzVideoStrip(f *testing.F) {
	f.Add(tinyVideo(false))
	f.Add(tinyVideo(true))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := videoHandler{}.strip(b, Options{})
		if err != nil {
			return
		}
		if err := Verify(out, Options{}); err != nil {
			t.Fatalf("the copy fails its check: %v", err)
		}
		if again, err := (videoHandler{}).strip(out, Options{}); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("stripping twice changes the copy: %v", err)
		}
	})
}

// sparseFile is a file of size bytes that holds the given pieces and zeros
// everywhere else, for videos larger than a test can write.
type sparseFile struct {
	size   int64
	pieces map[int64][]byte
}

func (s sparseFile) ReadAt(p []byte, off int64) (int, error) {
	if off >= s.size {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), s.size-off))
	clear(p[:n])
	for at, b := range s.pieces {
		lo, hi := max(at, off), min(at+int64(len(b)), off+int64(n))
		if lo < hi {
			copy(p[lo-off:hi-off], b[lo-at:hi-at])
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// planFile reads what a plan writes, without writing it.
type planFile struct {
	plan *VideoPlan
	src  io.ReaderAt
}

func (f planFile) ReadAt(p []byte, off int64) (int, error) {
	var pos int64
	n := 0
	for _, pc := range f.plan.Pieces {
		size := pc.N
		if pc.Data != nil {
			size = int64(len(pc.Data))
		}
		lo, hi := max(pos, off), min(pos+size, off+int64(len(p)))
		if lo < hi {
			dst := p[lo-off : hi-off]
			switch {
			case pc.Data != nil:
				copy(dst, pc.Data[lo-pos:])
			case pc.Zero:
				clear(dst)
			default:
				if _, err := f.src.ReadAt(dst, pc.Off+lo-pos); err != nil && err != io.EOF {
					return n, err
				}
			}
			n += len(dst)
		}
		pos += size
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// TestVideoOverFourGigabytes cleans a 5 GiB video (sparse: its samples and
// zeros) whose media data box has a 64-bit size and whose chunks lie past
// 4 GiB (co64), with a timed metadata sample far into it: the plan keeps
// every picture where the new offsets say, and zeroes the metadata.
func TestVideoOverFourGigabytes(t *testing.T) {
	const payload = 5 << 30
	far, meta := int64(9<<29), int64(19<<28) // 4.5 GiB and 4.75 GiB into the media data
	ftyp := vbox("ftyp", []byte("isom"), be32(0), []byte("isom"))
	trak := func(start int64) []byte {
		offs := chunkOffsetBox([]uint64{uint64(start), uint64(start + far)}, true)
		stbl := vbox("stbl", vfull("stsd", 0, 0, be32(1), vbox("avc1", make([]byte, 78))),
			vfull("stts", 0, 0, be32(1), be32(2), be32(1)), vfull("stsc", 0, 0, be32(1), be32(1), be32(1), be32(1)),
			vfull("stsz", 0, 0, be32(0), be32(2), be32(8), be32(8)), offs)
		return vbox("trak", vfull("tkhd", 0, 3, be32(7), be32(7), be32(1), be32(0), be32(2), make([]byte, 16), matrixUnity(), be32(16<<16), be32(8<<16)),
			vbox("mdia", vfull("mdhd", 0, 0, be32(7), be32(7), be32(1), be32(2), be16(0x55C4), be16(0)),
				vfull("hdlr", 0, 0, be32(0), []byte("vide"), make([]byte, 12), cstr("VEIL-MARKER")),
				vbox("minf", vfull("vmhd", 0, 1, make([]byte, 8)), vbox("dinf", vfull("dref", 0, 0, be32(1), vfull("url ", 0, 1))), stbl)))
	}
	moov := func(start int64) []byte {
		return vbox("moov", vfull("mvhd", 0, 0, be32(7), be32(7), be32(1), be32(2), make([]byte, 80)), trak(start),
			mebxTrack(2, []uint64{uint64(start + meta)}, []uint32{15}, true), plantedUdta())
	}
	mdatHead := append(append(be32(1), "mdat"...), binary.BigEndian.AppendUint64(nil, 16+payload)...)
	start := int64(len(ftyp) + len(moov(0)) + len(mdatHead))
	head := append(append(append([]byte{}, ftyp...), moov(start)...), mdatHead...)
	src := sparseFile{size: int64(len(head)) + payload, pieces: map[int64][]byte{
		0: head, start: []byte("PICTURE1"), start + far: []byte("PICTURE2"), start + meta: []byte("VEIL-MARKER-far"),
	}}
	info, err := InspectVideo(src, src.size)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := StripVideo(src, src.size, info, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := planFile{plan, src}
	if err := VerifyVideo(out, plan.Size, Options{}); err != nil {
		t.Fatal(err)
	}
	clean, err := parseVideo(out, plan.Size)
	if err != nil {
		t.Fatal(err)
	}
	chunks := clean.m.tracks[0].chunks
	for i, want := range []string{"PICTURE1", "PICTURE2"} {
		got := make([]byte, 8)
		out.ReadAt(got, chunks[i].off)
		if string(got) != want || chunks[i].off < 1<<32 && i == 1 {
			t.Errorf("chunk %d at %d reads %q, want %q", i, chunks[i].off, got, want)
		}
	}
	got := make([]byte, 15)
	out.ReadAt(got, chunks[0].off+meta)
	if !allZero(got) {
		t.Errorf("the timed metadata sample reads %q, want zeros", got)
	}
}

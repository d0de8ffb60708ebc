package exif

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var updateVideo = flag.Bool("update-video", false, "rewrite the hand-planted video fixtures in testdata/video")

// A video fixture with hand-planted boxes is an ffmpeg-made file (make.sh)
// with what phones write added by the code below, every value holding
// VEIL-MARKER or the position 48.8584 N, 2.2945 E: Apple's QuickTime keys,
// udta items, XMP, vendor uuid boxes, Samsung's smta and sefd boxes and
// SEF trailer, and a timed metadata track (mebx) whose samples are
// interleaved with the pictures and sound in the media data.

// videoPlant says what to plant.
type videoPlant struct {
	moovFirst bool // the movie box before the media data (else after)
	co64      bool // 64-bit chunk offsets
	keys      bool // moov/meta with Apple's mdta keys
	udta      bool // moov/udta with ©xyz, ©mak, loci, XMP_, smta, sefd; a trak udta
	uuid      bool // a top-level XMP uuid box and a vendor uuid box in a track
	mebx      bool // an interleaved timed metadata track with position and face samples
	trailer   bool // a Samsung SEF trailer after the last box
}

const plantedPlace = "+48.8584+002.2945+035.000/"

// vbox is a box; vfull a full box (version, flags).
func vbox(typ string, parts ...[]byte) []byte { return appendBox(nil, typ, parts...) }
func vfull(typ string, version byte, flags uint32, parts ...[]byte) []byte {
	return vbox(typ, append([]byte{version, byte(flags >> 16), byte(flags >> 8), byte(flags)}, bytes.Join(parts, nil)...))
}

// qtText is a QuickTime international text: size(16), language(16), text.
func qtText(s string) []byte {
	return append(binary.BigEndian.AppendUint16(be16(uint16(len(s))), 0x15C7), s...)
}

// dataBox is an item value: data(type 1 = UTF-8, locale 0, text).
func dataBox(s string) []byte { return vbox("data", be32(1), be32(0), []byte(s)) }

// plantedKeys is a QuickTime meta box (no version: QuickTime's form) with
// mdta keys (keys: count, then size, namespace, name) and their values in
// ilst, each item typed by its 1-based key index.
func plantedKeys() []byte {
	kv := [][2]string{
		{"com.apple.quicktime.location.ISO6709", plantedPlace},
		{"com.apple.quicktime.make", "Apple VEIL-MARKER-make"},
		{"com.apple.quicktime.model", "iPhone VEIL-MARKER-model"},
		{"com.apple.quicktime.software", "17.4 VEIL-MARKER-software"},
		{"com.apple.quicktime.creationdate", "2024-05-01T12:34:56+0200"},
		{"com.apple.quicktime.content.identifier", "VEIL-MARKER-0B9D-4A4E-live-photo"},
		{"com.apple.quicktime.camera.lens_model", "VEIL-MARKER back camera 6.86mm f/1.78"},
		{"com.android.version", "14 VEIL-MARKER-android"},
	}
	keys, items := be32(uint32(len(kv))), []byte{}
	for i, e := range kv {
		keys = append(append(keys, be32(uint32(8+len(e[0])))...), "mdta"+e[0]...)
		items = append(items, vbox(string(be32(uint32(i+1))), dataBox(e[1]))...)
	}
	hdlr := vfull("hdlr", 0, 0, be32(0), []byte("mdta"), make([]byte, 12), []byte{0})
	return vbox("meta", hdlr, vfull("keys", 0, 0, keys), vbox("ilst", items))
}

// plantedXMP is an XMP packet with a creator and a position.
func plantedXMP() []byte {
	return []byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
		`<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/" ` +
		`exif:GPSLatitude="48,51.504N" exif:GPSLongitude="2,17.67E"><dc:creator><rdf:Seq><rdf:li>VEIL-MARKER-xmp</rdf:li>` +
		`</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`)
}

// plantedUdta is a movie's user data: ©xyz and ©mak (QuickTime text), a
// 3GPP loci box (version/flags, language, name, role, longitude, latitude
// and altitude in 16.16, body, notes), XMP_, Samsung's smta and sefd.
func plantedUdta() []byte {
	loci := vfull("loci", 0, 0, be16(0x15C7), cstr("VEIL-MARKER-place"), []byte{0},
		be32(150372), be32(3201984), be32(35<<16), cstr("earth"), cstr(""))
	return vbox("udta", vbox("\xa9xyz", qtText(plantedPlace)), vbox("\xa9mak", qtText("VEIL-MARKER-udta-make")), loci,
		vbox("XMP_", plantedXMP()), vbox("smta", vfull("saut", 0, 0, []byte("VEIL-MARKER-smta"))),
		vbox("sefd", []byte("VEIL-MARKER-sefd")), be32(0)) // the QuickTime terminator
}

// plantedSEF is a Samsung trailer: data blocks, a SEFH directory, its
// size and SEFT.
func plantedSEF() []byte {
	t := []byte("VEIL-MARKER-sef Image_UTC_Data1714566896000 ")
	t = append(t, "SEFH\x6a\x00\x00\x00\x01\x00\x00\x00"...)
	t = append(t, be32(uint32(len(t)))...)
	return append(t, "SEFT"...)
}

// mebxSample is one timed-metadata sample: a position and a face box, each
// in a box typed by its local key ID (QuickTime "Timed Metadata").
func mebxSample(i int) []byte {
	return append(vbox("\x00\x00\x00\x01", []byte(fmt.Sprintf("%s VEIL-MARKER-loc%d", plantedPlace, i))),
		vbox("\x00\x00\x00\x02", []byte(fmt.Sprintf("face 10,12,30,30 VEIL-MARKER-face%d", i)))...)
}

// mebxTrack is a timed metadata track (handler meta, sample entry mebx with
// its keys) of one sample per chunk at offsets.
func mebxTrack(id uint32, offsets []uint64, sizes []uint32, co64 bool) []byte {
	key := func(local uint32, name string) []byte {
		return vbox(string(be32(local)), vbox("keyd", []byte("mdta"+name)), vbox("dtyp", be32(0), be32(1)))
	}
	entry := vbox("mebx", make([]byte, 6), be16(1), vbox("keys",
		key(1, "com.apple.quicktime.location.ISO6709"), key(2, "com.apple.quicktime.detected-face")))
	var sz []byte
	for _, s := range sizes {
		sz = append(sz, be32(s)...)
	}
	stbl := vbox("stbl", vfull("stsd", 0, 0, be32(1), entry), vfull("stts", 0, 0, be32(1), be32(uint32(len(sizes))), be32(40)),
		vfull("stsc", 0, 0, be32(1), be32(1), be32(1), be32(1)), vfull("stsz", 0, 0, be32(0), be32(uint32(len(sizes))), sz),
		chunkOffsetBox(offsets, co64))
	created := be32(3797411696) // 2024-05-01 12:34:56 UTC, in seconds since 1904
	tkhd := vfull("tkhd", 0, 1, created, created, be32(id), be32(0), be32(600), make([]byte, 8), be16(0), be16(0),
		be16(0), be16(0), matrixUnity(), be32(0), be32(0))
	mdia := vbox("mdia", vfull("mdhd", 0, 0, created, created, be32(600), be32(600), be16(0x55C4), be16(0)),
		vfull("hdlr", 0, 0, []byte("mhlr"), []byte("meta"), []byte("appl"), make([]byte, 8), []byte("\x1aCore Media Metadata VEIL")),
		vbox("minf", vfull("nmhd", 0, 0), vbox("dinf", vfull("dref", 0, 0, be32(1), vfull("url ", 0, 1))), stbl))
	return vbox("trak", tkhd, mdia)
}

func matrixUnity() []byte {
	return bytes.Join([][]byte{be32(0x10000), be32(0), be32(0), be32(0), be32(0x10000), be32(0), be32(0), be32(0), be32(0x40000000)}, nil)
}

func chunkOffsetBox(offsets []uint64, co64 bool) []byte {
	out := be32(uint32(len(offsets)))
	for _, o := range offsets {
		if co64 {
			out = binary.BigEndian.AppendUint64(out, o)
		} else {
			out = append(out, be32(uint32(o))...)
		}
	}
	if co64 {
		return vfull("co64", 0, 0, out)
	}
	return vfull("stco", 0, 0, out)
}

// buildVideo plants p into base, an ffmpeg-made file with one mdat.
func buildVideo(t testing.TB, base []byte, p videoPlant) []byte {
	t.Helper()
	var ftyp, moov, mdat []byte
	for rest := base; len(rest) > 0; {
		c, next, err := nextBMFF(rest)
		if err != nil {
			t.Fatal(err)
		}
		switch c.typ {
		case "ftyp":
			ftyp = c.box
		case "moov":
			moov = c.payload
		case "mdat":
			mdat = c.payload
		}
		rest = next
	}
	oldStart := int64(bytes.Index(base, mdat)) // where the media data's payload was
	ins := plantSamples(t, moov, oldStart, p.mebx)
	newMdat := spliceSamples(mdat, oldStart, ins)
	build := func(start int64) []byte {
		shift := func(o uint64) uint64 { return uint64(int64(o)-oldStart+start) + uint64(insertedBefore(ins, int64(o))) }
		return vbox("moov", plantMovie(t, moov, p, shift, ins))
	}
	head := ftyp
	if p.moovFirst {
		m := build(int64(len(ftyp)) + int64(len(build(0))) + 8)
		head = append(append(slices.Clone(ftyp), m...), vbox("mdat", newMdat)...)
	} else {
		head = append(append(slices.Clone(ftyp), vbox("mdat", newMdat)...), build(int64(len(ftyp))+8)...)
	}
	if p.uuid {
		head = append(head, vbox("uuid", xmpUUID, plantedXMP())...)
	}
	if p.trailer {
		head = append(head, plantedSEF()...)
	}
	return head
}

// insertion is a timed-metadata sample put before the chunk at at.
type insertion struct {
	at   int64
	data []byte
}

// plantSamples picks every other chunk start after the first as a place
// for a timed-metadata sample.
func plantSamples(t testing.TB, moov []byte, mdatStart int64, on bool) []insertion {
	if !on {
		return nil
	}
	m, err := parseMovie(moov)
	if err != nil {
		t.Fatal(err)
	}
	var starts []int64
	for _, tr := range m.tracks {
		for _, c := range tr.chunks {
			starts = append(starts, c.off)
		}
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	var ins []insertion
	for i := 1; i < len(starts); i += 2 {
		ins = append(ins, insertion{starts[i], mebxSample(len(ins))})
	}
	return ins
}

func insertedBefore(ins []insertion, o int64) int {
	n := 0
	for _, in := range ins {
		if in.at <= o {
			n += len(in.data)
		}
	}
	return n
}

func spliceSamples(mdat []byte, start int64, ins []insertion) []byte {
	var out []byte
	pos := int64(0)
	for _, in := range ins {
		out = append(append(out, mdat[pos:in.at-start]...), in.data...)
		pos = in.at - start
	}
	return append(out, mdat[pos:]...)
}

// plantMovie rewrites the movie payload: chunk offsets shifted (and made
// 64-bit when asked), the planted boxes added.
func plantMovie(t testing.TB, moov []byte, p videoPlant, shift func(uint64) uint64, ins []insertion) []byte {
	var out []byte
	kids, err := bmffChildren(moov)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range kids {
		if c.typ == "trak" {
			out = append(out, plantTrack(t, c.payload, p, shift)...)
			continue
		}
		out = append(out, c.box...)
	}
	if p.keys {
		out = append(out, plantedKeys()...)
	}
	if p.udta {
		out = append(out, plantedUdta()...)
	}
	if p.mebx {
		var offs []uint64
		var sizes []uint32
		for _, in := range ins {
			offs = append(offs, shift(uint64(in.at))-uint64(len(in.data)))
			sizes = append(sizes, uint32(len(in.data)))
		}
		out = append(out, mebxTrack(9, offs, sizes, p.co64)...)
	}
	return out
}

// plantTrack rewrites a trak: offsets shifted, and for the picture track a
// reference to the timed metadata (tref cdsc), a vendor uuid and a udta.
func plantTrack(t testing.TB, trak []byte, p videoPlant, shift func(uint64) uint64) []byte {
	var walk func(typ string, payload []byte) []byte
	walk = func(typ string, payload []byte) []byte {
		kids, err := bmffChildren(payload)
		if err != nil {
			t.Fatal(err)
		}
		var out []byte
		for _, c := range kids {
			switch c.typ {
			case "mdia", "minf", "stbl":
				out = append(out, walk(c.typ, c.payload)...)
			case "stco", "co64":
				offs, err := readChunkOffsets(c)
				if err != nil {
					t.Fatal(err)
				}
				for i := range offs {
					offs[i] = shift(offs[i])
				}
				out = append(out, chunkOffsetBox(offs, p.co64 || c.typ == "co64")...)
			default:
				out = append(out, c.box...)
			}
		}
		if typ == "trak" && bytes.Contains(payload, []byte("vide")) {
			if p.mebx {
				out = append(out, vbox("tref", vbox("cdsc", be32(9)))...)
			}
			if p.uuid {
				out = append(out, vbox("uuid", []byte("VEIL-vendor-uuid"), []byte("VEIL-MARKER-uuid"))...)
			}
			if p.udta {
				out = append(out, vbox("udta", vbox("\xa9swr", qtText("VEIL-MARKER-track-software")))...)
			}
		}
		return vbox(typ, out)
	}
	return walk("trak", trak)
}

// tinyVideo is the smallest video the handler cleans, for the fuzzer: a
// picture track of two 8-byte samples in two chunks, and, with meta, a
// timed metadata track whose sample lies between them, and a udta.
func tinyVideo(meta bool) []byte {
	ftyp := vbox("ftyp", []byte("isom"), be32(0), []byte("isommp41"))
	mid := ""
	if meta {
		mid = "VEIL-MARKER-sample...."
	}
	mdat := []byte("PICTURE1" + mid + "PICTURE2")
	stco := func(start uint64) []byte {
		return vfull("stco", 0, 0, be32(2), be32(uint32(start)), be32(uint32(start)+8+uint32(len(mid))))
	}
	stbl := func(start uint64) []byte {
		return vbox("stbl", vfull("stsd", 0, 0, be32(1), vbox("avc1", make([]byte, 78))),
			vfull("stts", 0, 0, be32(1), be32(2), be32(1)), vfull("stsc", 0, 0, be32(1), be32(1), be32(1), be32(1)),
			vfull("stsz", 0, 0, be32(0), be32(2), be32(8), be32(8)), stco(start))
	}
	tkhd := vfull("tkhd", 0, 3, be32(7), be32(7), be32(1), be32(0), be32(2), make([]byte, 16), matrixUnity(), be32(16<<16), be32(8<<16))
	mvhd := vfull("mvhd", 0, 0, be32(7), be32(7), be32(1), be32(2), make([]byte, 80))
	moov := func(start uint64) []byte {
		trak := vbox("trak", tkhd, vbox("mdia", vfull("mdhd", 0, 0, be32(7), be32(7), be32(1), be32(2), be16(0x55C4), be16(0)),
			vfull("hdlr", 0, 0, be32(0), []byte("vide"), make([]byte, 12), cstr("VEIL-MARKER-handler")),
			vbox("minf", vfull("vmhd", 0, 1, make([]byte, 8)), vbox("dinf", vfull("dref", 0, 0, be32(1), vfull("url ", 0, 1))), stbl(start))))
		parts := [][]byte{mvhd, trak}
		if meta {
			parts = append(parts, mebxTrack(2, []uint64{start + 8}, []uint32{uint32(len(mid))}, false), plantedUdta())
		}
		return vbox("moov", parts...)
	}
	start := uint64(len(ftyp) + len(moov(0)) + 8)
	return append(append(ftyp, moov(start)...), vbox("mdat", mdat)...)
}

// videoDerived are the hand-planted fixtures, by name.
func videoDerived(t testing.TB) map[string][]byte {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "video", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	mp4, mov := read("ffmpeg-faststart.mp4"), read("ffmpeg-pcm-moov-last.mov")
	all := videoPlant{keys: true, udta: true, uuid: true, mebx: true, trailer: true}
	first, firstCo64 := all, all
	first.moovFirst = true
	firstCo64.moovFirst, firstCo64.co64 = true, true
	lastCo64 := all
	lastCo64.co64 = true
	return map[string][]byte{
		"planted-iphone-moov-first.mov": buildVideo(t, mov, first),
		"planted-iphone-moov-last.mov":  buildVideo(t, mov, all),
		"planted-co64-moov-first.mp4":   buildVideo(t, mp4, firstCo64),
		"planted-co64-moov-last.mp4":    buildVideo(t, mp4, lastCo64),
		"planted-samsung.mp4":           buildVideo(t, mp4, videoPlant{moovFirst: true, udta: true, trailer: true}),
	}
}

// TestVideoMakeFixtures checks that the planted fixtures are what the code
// above makes, and rewrites them with -update-video.
func TestVideoMakeFixtures(t *testing.T) {
	for name, want := range videoDerived(t) {
		path := filepath.Join("testdata", "video", name)
		if *updateVideo {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what the planting code makes (run with -update-video): %v", name, err)
		}
	}
}

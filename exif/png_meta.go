package exif

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// What PNG chunks outside the keep-list give away (W3C PNG Third Edition,
// §11.3). Every chunk that strip drops yields at least one finding, so a
// person sees everything that is removed.

// pngMaxInflate bounds the output of every decompression: a few bytes of
// zlib can expand to gigabytes.
const pngMaxInflate = 8 << 20

var errPNGInflateLimit = errors.New("exif: compressed PNG text expands beyond 8 MB")

// pngFindings lists what one chunk gives away.
func pngFindings(c pngChunk, animated bool) []Finding {
	where := "PNG " + c.typ + " chunk"
	switch c.typ {
	case "tEXt", "zTXt", "iTXt":
		return pngNoteFindings([]pngNote{readPNGNote(c, where)})
	case "eXIf":
		if _, ok := orientationOnly(c.data); ok {
			return nil // kept as it is: the orientation and nothing else
		}
		fs, _, err := exifFindings(trimExifPrefix(c.data), where)
		if err != nil || len(fs) == 0 {
			fs = append(fs, say(Other, "other.exif_bytes", where, argCount("count", len(c.data))))
		}
		return fs
	case "iCCP":
		return []Finding{pngICCFinding(c.data, where)}
	case "tIME":
		return []Finding{pngTimeFinding(c.data, where)}
	case "pHYs":
		return []Finding{pngPhysFinding(c.data, where)}
	case "caBX": // C2PA content credentials in a JUMBF box
		return []Finding{say(EditHistory, "edit.c2pa", where, argCount("count", len(c.data)))}
	}
	if pngKeep(c, animated, Options{}) {
		return nil
	}
	if id, ok := pngChunkIDs[c.typ]; ok {
		return []Finding{say(Other, id, where, argCount("count", len(c.data)))}
	}
	return []Finding{say(Other, "other.png_chunk", where, fileText("chunk", c.typ), argCount("count", len(c.data)))}
}

// pngText splits a text chunk into keyword and text, inflating it when
// compressed (PNG §11.3: tEXt, zTXt, iTXt).
func pngText(c pngChunk) (key, text string, err error) {
	k, rest, ok := bytes.Cut(c.data, []byte{0})
	if !ok {
		return "", "", errors.New("keyword without terminator")
	}
	key = latin1(k)
	switch c.typ {
	case "tEXt":
		return key, latin1(capBytes(rest)), nil
	case "zTXt": // compression method byte, then a zlib stream
		if len(rest) < 1 || rest[0] != 0 {
			return key, "", errors.New("unknown compression method")
		}
		b, err := inflateBounded(rest[1:])
		return key, latin1(b), err
	}
	// iTXt: compression flag, compression method, language tag NUL,
	// translated keyword NUL, then UTF-8 text.
	if len(rest) < 2 {
		return key, "", errors.New("iTXt too short")
	}
	flag, method := rest[0], rest[1]
	// The language tag and the translated keyword only restate the
	// keyword for readers of another language: the finding is worded from
	// the keyword, in the person's language.
	_, rest, ok1 := bytes.Cut(rest[2:], []byte{0})
	_, body, ok2 := bytes.Cut(rest, []byte{0})
	if !ok1 || !ok2 || flag > 1 || (flag == 1 && method != 0) {
		return key, "", errors.New("iTXt header malformed")
	}
	if flag == 1 {
		if body, err = inflateBounded(body); err != nil {
			return key, "", err
		}
	}
	return key, strings.ToValidUTF8(string(capBytes(body)), "\uFFFD"), nil
}

// capBytes shortens text to pngMaxInflate bytes before it is converted:
// a finding shows far less, and a 500 MB chunk must not cost gigabytes.
func capBytes(b []byte) []byte {
	return b[:min(len(b), pngMaxInflate)]
}

// inflateBounded decompresses a zlib stream, refusing more than
// pngMaxInflate bytes of output.
func inflateBounded(z []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("exif: compressed PNG data: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(r, pngMaxInflate+1))
	if err != nil {
		return nil, fmt.Errorf("exif: compressed PNG data: %w", err)
	}
	if len(b) > pngMaxInflate {
		return nil, errPNGInflateLimit
	}
	return b, nil
}

// latin1 converts ISO 8859-1 text (PNG §11.3, tEXt) to UTF-8.
func latin1(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		s.WriteRune(rune(c))
	}
	return s.String()
}

// pngRawProfile decodes ImageMagick's "Raw profile type NAME" text: a
// newline, the profile name, its length in decimal, then the profile as hex
// digits broken into lines. These are metadata blocks hidden in a note:
// EXIF, XMP and IPTC profiles go to their own decoders, and when those name
// nothing the block is still reported as hidden data of its kind; a block
// of another name is reported under that name, quoted as the file's word.
func pngRawProfile(name, text, where string) []Finding {
	b, err := decodeRawProfile(text)
	if err != nil {
		return []Finding{say(Other, "other.raw_profile_unreadable", where, fileText("name", name), argCount("count", len(text)))}
	}
	kind := strings.ToLower(name)
	if kind == "app1" { // a JPEG APP1 segment kept whole: EXIF or XMP by its header
		kind, b = app1Kind(b)
	}
	switch kind {
	case "exif":
		fs, _, err := exifFindings(trimExifPrefix(b), where)
		if err != nil {
			fs = nil
		}
		return withFallback(fs, "other.raw_exif", len(b), where)
	case "xmp":
		return withFallback(xmpFindings(b, where), "other.raw_xmp", len(b), where)
	case "iptc":
		return withFallback(irbFindings(asIRB(b), where), "other.raw_iptc", len(b), where)
	case "8bim":
		return withFallback(irbFindings(asIRB(b), where), "other.raw_photoshop", len(b), where)
	case "icc", "icm":
		return []Finding{colourProfileFinding(b, "", where)}
	}
	return []Finding{say(Other, "other.raw_profile", where, fileText("name", name), argCount("count", len(b)))}
}

// app1Kind tells the EXIF of a JPEG APP1 payload ("Exif" NUL NUL, CIPA
// DC-008 §4.5.4) from its XMP (the namespace URI and NUL, XMP part 3
// §1.1.3), which it returns without that header.
func app1Kind(b []byte) (string, []byte) {
	if x, ok := bytes.CutPrefix(b, []byte("http://ns.adobe.com/xap/1.0/\x00")); ok {
		return "xmp", x
	}
	if bytes.HasPrefix(b, []byte("Exif\x00")) {
		return "exif", b
	}
	return "app1", b
}

// decodeRawProfile undoes ImageMagick's hex encoding (coders/png.c).
func decodeRawProfile(text string) ([]byte, error) {
	lines := strings.SplitN(strings.TrimLeft(text, "\n"), "\n", 3)
	if len(lines) < 3 {
		return nil, errors.New("raw profile header missing")
	}
	n, err := strconv.Atoi(strings.TrimSpace(lines[1]))
	digits := strings.Join(strings.Fields(lines[2]), "")
	if err != nil || n < 0 || n > len(digits)/2 {
		return nil, errors.New("raw profile length wrong")
	}
	return hex.DecodeString(digits[:2*n])
}

// asIRB wraps bare IPTC-IIM records (starting with the 0x1C tag marker) in
// a Photoshop 0x0404 resource so irbFindings can read them; a profile that
// already is a resource block passes through.
func asIRB(b []byte) []byte {
	if len(b) == 0 || b[0] != 0x1C {
		return b
	}
	irb := append([]byte("8BIM\x04\x04\x00\x00"), binary.BigEndian.AppendUint32(nil, uint32(len(b)))...)
	irb = append(irb, b...)
	if len(b)%2 == 1 {
		irb = append(irb, 0)
	}
	return irb
}

// pngICCFinding names the colour profile of an iCCP chunk (PNG §11.3 iCCP:
// profile name, NUL, compression method, zlib stream).
func pngICCFinding(d []byte, where string) Finding {
	name, rest, ok := bytes.Cut(d, []byte{0})
	if !ok || len(rest) < 1 || rest[0] != 0 {
		return say(Other, "other.colour_profile_unreadable", where)
	}
	icc, err := inflateBounded(rest[1:])
	if err != nil {
		icc = nil
	}
	return colourProfileFinding(icc, latin1(name), where)
}

// colourProfileFinding describes an ICC profile by its description, or by
// the name its container gave it.
func colourProfileFinding(icc []byte, name, where string) Finding {
	v := iccDescription(icc)
	if v == "" {
		v = name
	}
	if v == "" {
		return say(Other, "other.colour_profile_bytes", where, argCount("count", len(icc)))
	}
	return textFinding(Other, "other.colour_profile", v, where)
}

// pngTimeFinding reads tIME (PNG §11.3 tIME: year, month, day,
// hour, minute, second, in UTC).
func pngTimeFinding(d []byte, where string) Finding {
	if len(d) != 7 {
		return say(Time, "time.png_modified_unreadable", where)
	}
	t := time.Date(int(binary.BigEndian.Uint16(d)), time.Month(d[2]), int(d[3]), int(d[4]), int(d[5]), int(d[6]), 0, time.UTC)
	return say(Time, "time.png_modified", where, argText("time", t.Format(shownTimeLayout)))
}

// pngPhysFinding reads pHYs (PNG §11.3 pHYs: pixels per unit on x and y,
// unit 1 meaning the metre). Low value, but dropped all the same.
func pngPhysFinding(d []byte, where string) Finding {
	if len(d) != 9 {
		return say(Other, "other.pixel_density_unreadable", where)
	}
	x, y := binary.BigEndian.Uint32(d), binary.BigEndian.Uint32(d[4:])
	if d[8] == 1 {
		return say(Other, "other.pixel_density", where, argNumber("x", float64(x)*0.0254), argNumber("y", float64(y)*0.0254))
	}
	return say(Other, "other.pixel_aspect", where, argCount("x", int(x)), argCount("y", int(y)))
}

// withFallback makes sure a dropped payload is listed even when its decoder
// found nothing worth naming.
func withFallback(fs []Finding, id string, n int, where string) []Finding {
	if len(fs) > 0 {
		return fs
	}
	return []Finding{say(Other, id, where, argCount("count", n))}
}

// pngTextError is the finding of a text chunk that cannot be read, with
// the reason in the parser's words: its header is damaged, its compressed
// text does not inflate, or it inflates past the limit.
func pngTextError(err error, where string) Finding {
	reason := argText("reason", err.Error())
	switch {
	case errors.Is(err, errPNGInflateLimit):
		return say(Text, "text.png_too_large", where, reason, argCount("limit", pngMaxInflate>>20))
	case strings.HasPrefix(err.Error(), "exif: compressed PNG data"):
		return say(Text, "text.png_compressed", where, reason)
	}
	return say(Text, "text.png_damaged", where, reason)
}

// pngChunkIDs name the registered ancillary chunks (PNG §11.3, §11.3.6
// for dSIG's registration) a person can be told the meaning of.
var pngChunkIDs = map[string]string{
	"bKGD": "other.png_bkgd", "hIST": "other.png_hist", "sPLT": "other.png_splt",
	"oFFs": "other.png_offs", "sCAL": "other.png_scal", "dSIG": "other.png_dsig",
}

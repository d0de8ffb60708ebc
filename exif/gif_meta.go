package exif

import (
	"bytes"
	"fmt"
)

// What GIF blocks outside the keep-list give away. Every block strip drops,
// except a graphic control that only described dropped text, yields at
// least one finding.

func (gifHandler) inspect(data []byte) (*Info, error) {
	f, err := parseGIF(data)
	if err != nil {
		return nil, err
	}
	// GIF has no orientation tag.
	info := &Info{Format: GIF, Width: f.width, Height: f.height, Orientation: 1, Animated: f.images > 1}
	looped := false
	for _, b := range f.blocks {
		// The first loop extension stays (as NETSCAPE2.0); it is only
		// worth a finding when it carries more than the loop count.
		if _, ok := gifLoop(b); ok && !looped {
			looped = true
			if len(b.data) == 1 {
				continue
			}
		}
		info.Findings = append(info.Findings, gifFindings(b)...)
	}
	if len(f.tail) > 0 {
		info.Findings = append(info.Findings, trailerFinding(f.tail, "after the end of the GIF (trailer)"))
	}
	return info, nil
}

// gifFindings lists what one dropped block gives away.
func gifFindings(b gifBlock) []Finding {
	switch b.kind {
	case gifImage, gifControl:
		return nil
	case gifComment: // §24: free text
		return []Finding{textFinding(Text, "text.comment", string(gifJoin(b.data)), "GIF comment extension")}
	case gifPlainText: // §25: a 12-byte text grid header, then the text
		var text []byte
		if len(b.data) > 1 {
			text = gifJoin(b.data[1:])
		}
		return []Finding{textFinding(Text, "text.drawn", string(text), "GIF plain text extension")}
	case gifApp:
		return gifAppFindings(b)
	}
	return []Finding{say(Other, "other.gif_extension", "GIF extension",
		argText("label", fmt.Sprintf("%02X", b.label)), argCount("count", len(b.raw)))}
}

// gifAppFindings reads an application extension (§26) by its identifier.
func gifAppFindings(b gifBlock) []Finding {
	where := "GIF application extension"
	switch b.app {
	case "XMP DataXMP":
		x := gifXMP(b)
		return withFallback(xmpFindings(x, where), "other.xmp_bytes", len(x), where)
	case "ICCRGBG1012":
		return []Finding{colourProfileFinding(gifJoin(b.data), "", where)}
	case "NETSCAPE2.0", "ANIMEXTS1.0":
		return []Finding{say(Other, "other.animation_loop", where, argCount("count", len(b.raw)))}
	}
	return []Finding{textFinding(Other, "other.gif_application", b.app, where, argCount("count", len(b.raw)))}
}

// gifXMPTrailer is the "magic trailer" of XMP in GIF (XMP Specification
// Part 3, §1.1.2): 0x01, 0xFF, 0xFE … 0x01, 0x00, then the block
// terminator. XMP is written raw after the application header, so its own
// bytes pose as sub-block sizes; wherever a reader lands in the trailer it
// is walked down to the terminator.
var gifXMPTrailer = func() []byte {
	t := []byte{0x01}
	for i := 0xFF; i >= 0; i-- {
		t = append(t, byte(i))
	}
	return append(t, 0x00)
}()

// gifXMP returns the XMP packet of an "XMP DataXMP" extension: the raw
// bytes between the 14-byte application header and the magic trailer. A
// writer that used ordinary sub-blocks instead gets them joined.
func gifXMP(b gifBlock) []byte {
	const header = 2 + 1 + 11 // introducer, label, size byte, identifier
	if len(b.raw) >= header+len(gifXMPTrailer) && bytes.HasSuffix(b.raw, gifXMPTrailer) {
		return capBytes(b.raw[header : len(b.raw)-len(gifXMPTrailer)])
	}
	return gifJoin(b.data)
}

// gifJoin joins data sub-blocks, stopping past pngMaxInflate bytes: a
// finding shows far less, and a 500 MB comment must not be copied whole.
func gifJoin(subs [][]byte) []byte {
	var out []byte
	for _, s := range subs {
		if len(out) > pngMaxInflate {
			break
		}
		out = append(out, s...)
	}
	return out
}

package exif

import (
	"bytes"
	"strings"
)

// handler is one container format: it recognises its magic bytes, lists
// findings, writes a clean copy and checks that a copy is clean.
type handler interface {
	// format names the container.
	format() Format
	// about is what the layers above need to know of the container: its
	// name in words and its file extensions.
	about() about
	// sniff reports whether head (the first bytes of a file, up to 64)
	// starts this container.
	sniff(head []byte) bool
	// inspect parses the whole file to its true end and lists findings.
	// It checks the limits from the header before anything else.
	inspect(data []byte) (*Info, error)
	// strip returns a copy that keeps only what is needed to show the
	// image (the container's keep-list, docs/ARCHITECTURE.md), copying compressed image data
	// byte for byte, with a minimal Orientation-only EXIF when the
	// orientation is not 1.
	strip(data []byte, opt Options) ([]byte, error)
	// verify fails (wrapping ErrNotClean) when anything outside the
	// keep-list remains, including an ICC profile when opt.DropICC.
	verify(data []byte, opt Options) error
}

// reuser is a handler that can reuse the parse its inspect kept in Info:
// it strips to pieces that refer to the input instead of copying it, and
// verifies without parsing again. JPEG is one: its compressed image data
// is nearly all of the file, and parsing it means reading every byte.
type reuser interface {
	stripParts(data []byte, info *Info, opt Options) ([][]byte, error)
	verifyInspected(data []byte, info *Info, opt Options) error
}

// scanner is a handler with a quicker inspect that lists no findings:
// the walk to the file's true end, the limits and the orientation only.
type scanner interface {
	scan(data []byte) (*Info, error)
}

// about describes a container to the layers above exif.
type about struct {
	// name is how a person knows the container ("JPEG", "MOV, MP4").
	name string
	// exts are its file extensions, lower case with the dot; exts[i] is
	// the usual extension of formats[i].
	exts []string
	// formats are the formats the handler names (namer); nil means just
	// its format().
	formats []Format
}

// namer is a handler of several formats, told apart by the file's head
// (video: MOV or MP4).
type namer interface {
	formatOf(head []byte) Format
}

// profiler is a handler whose container can carry a colour profile: it
// returns the profile's bytes as stored, or nil.
type profiler interface {
	profile(data []byte) []byte
}

// embedder is a handler that can add a colour profile to a file Veil has
// just encoded (see EmbedProfile).
type embedder interface {
	embedProfile(data, icc []byte) ([]byte, error)
}

// handlers is the explicit list of containers Veil cleans, tried in order.
// A new container is one file with its handler and one line here: its
// extensions, its name in errors, its colour profile and its sniffing all
// come from the handler.
var handlers = []handler{jpegHandler{}, pngHandler{}, webpHandler{}, gifHandler{}, heicHandler{}, avifHandler{}, videoHandler{}}

// refused are containers Veil recognises by magic bytes but does not clean.
var refused = []struct {
	f      Format
	magic  func([]byte) bool
	reason string // the ID of its RefusalError
	exts   []string
}{
	{TIFF, isTIFF, "refused.tiff", []string{".tif", ".tiff"}},
}

func isTIFF(h []byte) bool {
	return bytes.HasPrefix(h, []byte("II*\x00")) || bytes.HasPrefix(h, []byte("MM\x00*"))
}

// Sniff names the container of a file from its first bytes.
func Sniff(head []byte) (Format, error) {
	h, err := find(head)
	if err != nil {
		return "", err
	}
	if n, ok := h.(namer); ok {
		return n.formatOf(head), nil
	}
	return h.format(), nil
}

func find(data []byte) (handler, error) {
	head := data
	if len(head) > 64 {
		head = head[:64]
	}
	for _, h := range handlers {
		if h.sniff(head) {
			return h, nil
		}
	}
	for _, r := range refused {
		if r.magic(head) {
			return nil, refuse(ErrUnsupported, r.reason)
		}
	}
	return nil, refuse(ErrUnsupported, "refused.unknown", argText("formats", cleanedNames()))
}

// cleanedNames lists the containers Veil cleans, for a person to read.
func cleanedNames() string {
	names := make([]string, len(handlers))
	for i, h := range handlers {
		names[i] = h.about().name
	}
	return strings.Join(names, ", ")
}

// Inspect lists what a whole file gives away. It parses the file to its
// true end and fails on anything it cannot parse.
func Inspect(data []byte) (*Info, error) {
	if len(data) > MaxBytes {
		return nil, checkLimits(1, 1, len(data))
	}
	h, err := find(data)
	if err != nil {
		return nil, err
	}
	return h.inspect(data)
}

// Scan is Inspect without the findings (Info.Findings is nil): it parses
// the file to its true end, checks the limits and reads the orientation,
// for callers that clean a file without showing what it gave away. It
// fails exactly when Inspect fails, and what it returns can be given to
// StripParts.
func Scan(data []byte) (*Info, error) {
	if len(data) > MaxBytes {
		return nil, checkLimits(1, 1, len(data))
	}
	h, err := find(data)
	if err != nil {
		return nil, err
	}
	return quickInspect(h, data)
}

// quickInspect is h's scan, or its inspect with the findings left out.
func quickInspect(h handler, data []byte) (*Info, error) {
	if sc, ok := h.(scanner); ok {
		return sc.scan(data)
	}
	info, err := h.inspect(data)
	if info != nil {
		info.Findings = nil
	}
	return info, err
}

// Strip returns a clean copy of data: only what is needed to show the
// image remains, the compressed image data is copied byte for byte, and
// the orientation survives. The result is verified before it is returned.
func Strip(data []byte, opt Options) ([]byte, error) {
	if len(data) > MaxBytes {
		return nil, checkLimits(1, 1, len(data))
	}
	h, err := find(data)
	if err != nil {
		return nil, err
	}
	if _, err := h.inspect(data); err != nil {
		return nil, err
	}
	out, err := h.strip(data, opt)
	if err != nil {
		return nil, err
	}
	if err := h.verify(out, opt); err != nil {
		return nil, err
	}
	return out, nil
}

// StripParts is Strip for a file Inspect or Scan has just read: info must
// be what one of them returned for this data. It reuses that parse, and returns the
// clean copy as pieces to be written one after the other; for JPEG all
// but the first are slices of data, so the compressed image data is
// neither parsed nor copied again. Unlike Strip it does not verify the
// copy: the caller must Verify what it writes (package app does, from
// disk, before the copy gets its name).
func StripParts(data []byte, info *Info, opt Options) ([][]byte, error) {
	h, err := find(data)
	if err != nil {
		return nil, err
	}
	if r, ok := h.(reuser); ok && info != nil && info.parsed != nil {
		return r.stripParts(data, info, opt)
	}
	out, err := Strip(data, opt)
	if err != nil {
		return nil, err
	}
	return [][]byte{out}, nil
}

// Verify checks that data holds nothing outside the keep-list of its
// container. It is run on what was written, read back from disk.
func Verify(data []byte, opt Options) error {
	h, err := find(data)
	if err != nil {
		return err
	}
	// What the copy gives away is not listed: anything outside the
	// keep-list fails whatever it says.
	info, err := quickInspect(h, data)
	if err != nil {
		return err
	}
	if r, ok := h.(reuser); ok {
		return r.verifyInspected(data, info, opt)
	}
	return h.verify(data, opt)
}

// Compile-time checks that every container implements handler.
var (
	_ handler = jpegHandler{}
	_ handler = pngHandler{}
	_ handler = webpHandler{}
	_ handler = gifHandler{}
	_ handler = heicHandler{}
	_ handler = avifHandler{}
	_ handler = videoHandler{}
	_ namer   = videoHandler{}
	_ reuser  = jpegHandler{}
	_ scanner = jpegHandler{}
)

package exif

import (
	"errors"
	"fmt"
	"image"
)

// Format names a container Veil recognises.
type Format string

// The containers Veil recognises. JPEG, PNG, WebP and GIF are cleaned
// here, and videos (MOV, MP4, in video.go); HEIC and AVIF are inspected
// and decoded by the app into a new picture; TIFF is recognised so it can
// be refused by name.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	WebP Format = "webp"
	GIF  Format = "gif"
	HEIC Format = "heic"
	AVIF Format = "avif"
	TIFF Format = "tiff"
)

// Category groups findings the way a person thinks about them.
type Category string

// The categories of findings (docs/ARCHITECTURE.md). Each is an ID, its
// words in a Table ("category.People"); Categories holds their one order.
const (
	Location       Category = "Location"
	Device         Category = "Device"
	Time           Category = "Time"
	People         Category = "People"
	HiddenPictures Category = "Hidden pictures"
	EditHistory    Category = "Edit history"
	Text           Category = "Text"
	Other          Category = "Other"
)

// Finding is one thing a file gives away: an ID with its arguments (see
// Table), and its words in English. Label and Value are plain text:
// callers must never interpret them as markup. Where names the place in
// the file, in the terms of its format.
type Finding struct {
	ID       string   `json:"id"`
	Category Category `json:"category"`
	Label    string   `json:"label"`
	Value    string   `json:"value"`
	Where    string   `json:"where"`
	Args     []Arg    `json:"args,omitempty"`
}

// meaning is what a metadata field means, in the tables of fields shown
// one by one (XMP properties, IPTC datasets, a video's items and keys):
// the category and ID of the finding it makes.
type meaning struct {
	cat Category
	id  string
}

// Info is what Inspect learns about a file.
type Info struct {
	Format      Format
	Width       int
	Height      int
	Orientation int // EXIF orientation 1..8; 1 when absent or invalid
	Animated    bool
	// Block is, for JPEG, the size of a minimum coded unit in stored
	// pixels (8 times the largest sampling factor, 1 to 4: 8, 16, 24 or 32
	// per side, T.81 A.2): the grid whose cells decode independently.
	// Zero for other formats.
	Block    image.Point
	Findings []Finding

	// parsed is the handler's parse of the file, kept so that StripParts
	// and Verify need not parse it again (the JPEG scan reads every byte).
	parsed any
}

// Options tune Strip and Verify.
type Options struct {
	// DropICC removes the colour profile too. By default it is kept: a
	// standard profile says nothing about the person.
	DropICC bool
}

// Limits checked from the header before any decode.
const (
	MaxPixels = 250_000_000
	MaxBytes  = 500 << 20
)

// FormatError reports a file that is not a valid image of its container,
// as data: the container, where the fault is when the parser knows it,
// and what kind of fault it is. Detail is the parser's own words, for the
// command line and logs; a face speaking to a person words the Reason.
type FormatError struct {
	Format Format // the container whose structure is wrong; "" for a payload inside any (EXIF in TIFF form is TIFF)
	Offset int64  // byte offset of the fault; -1 when not known
	Reason Reason
	Detail string
}

func (e FormatError) Error() string { return "exif: invalid file: " + e.Detail }

// Reason is the kind of fault of a FormatError.
type Reason string

// The kinds of fault.
const (
	Truncated Reason = "truncated" // the file ends before its structure does: a cut copy
	Malformed Reason = "malformed" // a length, an order or a value the format does not allow
	OverLimit Reason = "overlimit" // more structure than any real file holds: too many boxes, too deep
)

// at is e with the offset of its fault.
func (e FormatError) at(off int) FormatError {
	e.Offset = int64(off)
	return e
}

// formatError is a FormatError whose offset is not known.
func formatError(f Format, r Reason, detail string) FormatError {
	return FormatError{Format: f, Offset: -1, Reason: r, Detail: detail}
}

// ErrUnsupported is wrapped by errors for files Veil recognises but does not
// clean (TIFF and camera raw; hierarchical JPEG; a PNG critical chunk it
// does not know; HEIF files with encrypted or external items or pictures
// of a kind it cannot decode, image sequences alone; fragmented, sound-only or compressed-header
// videos and videos whose media is in another file) and for files it does
// not recognise at all. Each such error is a *RefusalError, whose ID and
// arguments let a caller word the reason in any language (refusal.go).
var ErrUnsupported = errors.New("exif: unsupported file")

// ErrTooLarge is wrapped by errors for files over MaxPixels or MaxBytes.
var ErrTooLarge = errors.New("exif: file too large")

// ErrReencode is returned by Strip for formats that are never stripped in
// place (HEIC, AVIF): the caller decodes them and writes a fresh image
// instead.
var ErrReencode = errors.New("exif: this format is always re-encoded")

// ErrNotClean is wrapped by Verify when something outside the keep-list remains.
var ErrNotClean = errors.New("exif: metadata remains")

// checkLimits refuses images over the limits, with the numbers in the message.
func checkLimits(width, height int, size int) error {
	if size > MaxBytes {
		return refuse(ErrTooLarge, "toolarge.file", argCount("size", size>>20), argCount("limit", MaxBytes>>20))
	}
	if width <= 0 || height <= 0 {
		return formatError("", Malformed, fmt.Sprintf("image size %dx%d", width, height))
	}
	if int64(width)*int64(height) > MaxPixels {
		return refuse(ErrTooLarge, "toolarge.pixels", argCount("width", width), argCount("height", height),
			argNumber("megapixels", float64(width)*float64(height)/1e6), argCount("limit", MaxPixels/1_000_000))
	}
	return nil
}

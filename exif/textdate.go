package exif

import (
	"strings"
	"time"
)

// Dates written as text, as PNG notes hold them, are shown the way the
// EXIF dates are (exifTime): "2024-05-01 14:03:22", then the offset from
// UTC when the text gives one, "+02:00", or the zone's name as written
// ("EST"); a date alone stays a date alone.

// shownTimeLayout is how a date and time is written for a person, the
// form of exifTime and of the PNG tIME chunk.
const shownTimeLayout = "2006-01-02 15:04:05"

// textDateLayouts are the forms a date takes in text, each with the form
// it is shown in: RFC 3339 and the ISO 8601 forms ImageMagick and others
// write, EXIF's own form (Exif 2.32 §4.6.5), and the RFC 1123 §5.2.14
// form PNG suggests for Creation Time (PNG §11.3.4.2), with or without
// the weekday, with a numeric zone or a named one. A day of one digit
// reads as well as one of two.
var textDateLayouts = []struct{ in, out string }{
	{"2006-01-02T15:04:05Z07:00", shownTimeLayout + " -07:00"},
	{"2006-01-02 15:04:05Z07:00", shownTimeLayout + " -07:00"},
	{"2006-01-02T15:04:05", shownTimeLayout},
	{"2006-01-02 15:04:05", shownTimeLayout},
	{"2006-01-02T15:04Z07:00", "2006-01-02 15:04 -07:00"},
	{"2006-01-02T15:04", "2006-01-02 15:04"},
	{"2006:01:02 15:04:05", shownTimeLayout},
	{"2006-01-02", "2006-01-02"},
	{"Mon, 2 Jan 2006 15:04:05 -0700", shownTimeLayout + " -07:00"},
	{"Mon, 2 Jan 2006 15:04:05 MST", shownTimeLayout + " MST"},
	{"2 Jan 2006 15:04:05 -0700", shownTimeLayout + " -07:00"},
	{"2 Jan 2006 15:04:05 MST", shownTimeLayout + " MST"},
	{"Mon, 2 Jan 2006 15:04 -0700", "2006-01-02 15:04 -07:00"},
	{"Mon, 2 Jan 2006 15:04 MST", "2006-01-02 15:04 MST"},
}

// shownDate writes a date found as text the way a person reads dates in
// Veil; false when s is no date in a form it knows, and then s is to be
// shown as it is. A time with a fraction of a second reads too (time.Parse
// takes one after the seconds); the fraction is not shown.
func shownDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 64 { // no date form is this long
		return "", false
	}
	for _, l := range textDateLayouts {
		if t, err := time.Parse(l.in, s); err == nil {
			return t.Format(l.out), true
		}
	}
	return "", false
}

package exif

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTextRunes is how long a value shown to a person may be before it is
// shortened with "…". A comment of a few sentences fits; a kilobyte of
// hidden text does not need to be shown to be understood.
const maxTextRunes = 200

// maxTextInput bounds how much of a raw value is looked at: anything past it
// would be cut anyway, and it keeps the work per value small.
const maxTextInput = 64 << 10

// textFinding makes the finding id of category c from free text found in
// a file, its argument "text", made safe to show: invalid UTF-8 is read as
// Latin-1 (the usual charset of old EXIF and IPTC text), control
// characters and bidirectional overrides are removed, white space is
// collapsed and trimmed, and values longer than about 200 characters are
// shortened with "…". Text that holds something but nothing printable
// (control characters, NULs) becomes "unreadable text" with its size, so
// the finding is never blank. Further arguments go after it. The value is
// plain text; callers must never interpret it as markup.
func textFinding(c Category, id, value, where string, more ...Arg) Finding {
	a := fileText("text", value)
	return say(c, id, where, append([]Arg{a}, more...)...)
}

// fileText is the argument name holding text read from a file, made safe
// to show as textFinding describes.
func fileText(name, value string) Arg {
	v := cleanText(value)
	if v == "" && strings.TrimSpace(value) != "" {
		return Arg{Name: name, Kind: ArgUnreadable, Num: float64(len(value))}
	}
	return argText(name, v)
}

// cleanText is the sanitiser behind textFinding.
func cleanText(s string) string {
	if len(s) > maxTextInput {
		s = s[:maxTextInput]
		// A cut in the middle of a UTF-8 sequence must not turn the whole
		// value into Latin-1 below.
		for i := 0; i < utf8.UTFMax && len(s) > 0 && !utf8.ValidString(s); i++ {
			s = s[:len(s)-1]
		}
	}
	if !utf8.ValidString(s) {
		s = latin1String(s)
	}
	var b strings.Builder
	space, n := false, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), isBidiControl(r), r == '\uFEFF', r == utf8.RuneError:
			continue
		}
		if n == maxTextRunes {
			b.WriteRune('…')
			return b.String()
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// latin1String decodes s as ISO 8859-1: every byte is the code point of the same
// number.
func latin1String(s string) string {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

// isBidiControl reports the Unicode bidirectional embedding, override and
// isolate characters, which can make a value display in a misleading order.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// sortPayloadFindings orders findings by category, then label and value, so
// the same file always lists the same way.
func sortPayloadFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if r := slices.Index(Categories, a.Category) - slices.Index(Categories, b.Category); r != 0 {
			return r
		}
		if c := strings.Compare(a.Label, b.Label); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
}

// cleanFindings passes every label and value through the textFinding
// sanitiser (values built with fmt may hold raw file text), drops findings
// left with no value (text that was nothing but control characters), and
// sorts them.
func cleanFindings(fs []Finding) []Finding {
	out := fs[:0]
	for _, f := range fs {
		f.Label, f.Value = cleanText(f.Label), cleanText(f.Value)
		if f.Value != "" {
			out = append(out, f)
		}
	}
	sortPayloadFindings(out)
	return out
}

// sameWords reports findings that say the same thing in the same place.
func sameWords(a, b Finding) bool {
	return a.ID == b.ID && a.Category == b.Category && a.Label == b.Label && a.Value == b.Value && a.Where == b.Where
}

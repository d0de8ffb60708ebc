package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"

	"veil/app"
	"veil/exif"
)

// failMessages are the window's sentences for each kind of failure, the
// first that matches wins. Each is told the failure's own words: what the
// error says beyond the errors it wraps, so that no package's name or
// sentinel ("exif: unsupported file") reaches the person.
var failMessages = []struct {
	is   func(error) bool
	text func(err error, reason string) string
}{
	{isDamaged, func(err error, _ string) string {
		// The parser's reason ("file ends inside entropy-coded data")
		// means nothing to the person; it goes to the log.
		fyne.LogError("damaged file", err)
		return lang.L("Damaged or incomplete file: Veil cannot be sure to clean all of it, so it wrote nothing.")
	}},
	{app.IsUnsupported, func(_ error, reason string) string {
		return lang.L("Not supported: {{.Reason}}", map[string]any{"Reason": reason})
	}},
	{func(err error) bool { return errors.Is(err, exif.ErrTooLarge) }, func(_ error, reason string) string {
		return lang.L("Too large: {{.Reason}}", map[string]any{"Reason": reason})
	}},
}

// failText is the reason shown for a failed photo, without its file name
// (the list shows the name already). A refusal (exif.RefusalError) is
// data, worded in the person's language; any other failure says its own
// words.
func failText(err error) string {
	reason, ok := findingTable().Refusal(err)
	if !ok {
		reason = ownWords(err)
	}
	for _, m := range failMessages {
		if m.is(err) {
			return m.text(err, reason)
		}
	}
	return lang.L("Failed: {{.Reason}}", map[string]any{"Reason": reason})
}

func isDamaged(err error) bool {
	var damaged exif.FormatError
	return errors.As(err, &damaged)
}

// ownWords is the first thing err's chain says beyond what it wraps:
// "30000x30000 is 900 megapixels" of "a.png: exif: file too large:
// 30000x30000 is 900 megapixels", "the clean copy could not be read back"
// of "the clean copy could not be read back: read a.jpg: EIO". The file
// name of an app.FileError is left out: the list shows it.
func ownWords(err error) string {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if _, isFile := e.(*app.FileError); isFile {
			continue
		}
		inner := errors.Unwrap(e)
		if inner == nil {
			return e.Error()
		}
		own := strings.Replace(e.Error(), inner.Error(), "", 1)
		if own = strings.Trim(own, ": "); own != "" {
			return own
		}
	}
	return ""
}

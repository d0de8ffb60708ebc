package exif

import (
	"slices"
	"strings"
)

// File extensions are the containers' own (each handler's about): the
// layers above ask here which files a folder walk picks up, which the Open
// dialog shows, and what a clean copy is named, so that a new container is
// one handler and one line in handlers.

// Extensions lists the file extensions, lower case with the dot, of the
// containers Veil cleans, in the order of handlers.
func Extensions() []string {
	var out []string
	for _, h := range handlers {
		out = append(out, h.about().exts...)
	}
	return out
}

// RecognisedExtensions is Extensions and the extensions of the containers
// Veil recognises only to refuse them by name (TIFF): a folder walk picks
// these up so that the refusal is reported.
func RecognisedExtensions() []string {
	out := Extensions()
	for _, r := range refused {
		out = append(out, r.exts...)
	}
	return out
}

// ExtensionFits reports whether ext (any case, with the dot) is one of the
// extensions of the container of format f.
func ExtensionFits(ext string, f Format) bool {
	a, ok := aboutFormat(f)
	return ok && slices.Contains(a.exts, strings.ToLower(ext))
}

// UsualExtension is the extension a file of format f usually has (".jpg"
// for JPEG), or "" for a format Veil does not clean.
func UsualExtension(f Format) string {
	a, ok := aboutFormat(f)
	if !ok {
		return ""
	}
	fs := a.formats
	if fs == nil {
		fs = []Format{f}
	}
	i := slices.Index(fs, f)
	if i < 0 || i >= len(a.exts) {
		return ""
	}
	return a.exts[i]
}

// aboutFormat is the about of the handler that names format f.
func aboutFormat(f Format) (about, bool) {
	for _, h := range handlers {
		a := h.about()
		if h.format() == f || slices.Contains(a.formats, f) {
			return a, true
		}
	}
	return about{}, false
}

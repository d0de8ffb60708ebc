package app

import (
	"crypto/rand"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"veil/exif"
)

// Printable returns s as it may be shown to a person, on a terminal as in
// a window: unchanged when every character of it is printable, and
// otherwise quoted Go-style, so that an escape sequence, a newline or a
// bidirectional override in a file name is shown as \x1b, \n or \u202e
// rather than obeyed (a name could otherwise retitle or clear the
// terminal, or forge a line of results).
func Printable(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}

// DisplayName is the last element of path, Printable.
func DisplayName(path string) string { return Printable(filepath.Base(path)) }

// maxNameTries bounds the search for a free name (the names tried, not
// the numbers skipped); past it the save fails rather than overwrite
// anything.
const maxNameTries = 10000

// nameMax is the longest file name, in bytes, that common file systems
// take (NAME_MAX on Linux and macOS; 255 UTF-16 units on NTFS and exFAT).
const nameMax = 255

// candidateNames yields the names to try, in order, for the clean copy of
// src in dir: NAME-clean.EXT, NAME-clean-2.EXT, … or random names. A stem
// too long for the name to fit in nameMax bytes is shortened (at a
// character boundary): the extension and "-clean" always stay.
func candidateNames(src, dir, ext string, random bool) func(i int) string {
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	return func(i int) string {
		if random {
			return filepath.Join(dir, randomStem()+ext)
		}
		suffix := "-clean" + ext
		if i > 0 {
			suffix = "-clean-" + strconv.Itoa(i+1) + ext
		}
		return filepath.Join(dir, shortenStem(base, nameMax-len(suffix))+suffix)
	}
}

// shortenStem cuts stem to at most n bytes without splitting a character.
func shortenStem(stem string, n int) string {
	if len(stem) <= n {
		return stem
	}
	n = max(n, 0)
	for n > 0 && !utf8.RuneStart(stem[n]) {
		n--
	}
	return stem[:n]
}

// randomStem gives 16 hex digits from the system's secure generator.
func randomStem() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported systems
	return hex.EncodeToString(b[:])
}

// outputExt keeps the original extension when it fits the format written,
// and otherwise uses the format's usual one (exif.UsualExtension).
func outputExt(src string, f exif.Format) string {
	if ext := filepath.Ext(src); exif.ExtensionFits(ext, f) {
		return ext
	}
	if ext := exif.UsualExtension(f); ext != "" {
		return ext
	}
	return ".img"
}

package ui

import (
	"errors"
	"net/url"
	"strings"
)

// errNotLocalFile is the error of fileURIPath for a URI that does not name
// a file of this computer as a chooser writes it.
var errNotLocalFile = errors.New("ui: not the URI of a file on this computer")

// fileURIPath is the path a file:// URI names (RFC 8089), as the desktop's
// file chooser writes one: "file://" (or "file://localhost"), then the
// absolute path with each byte that is not allowed percent-encoded. Only
// %XX sequences are decoded: a "+" stays a plus (it means a space in a
// form's query, never in a path), so "a+b%20c.jpg" is "a+b c.jpg". Refused:
// another scheme or computer, a bad %XX, an encoded "/" or NUL (no name
// holds either), and a raw "?" or "#" (a query or fragment, never part of
// a file's URI: the chooser encodes them in names as %3F and %23).
func fileURIPath(uri string) (string, error) {
	rest, ok := cutPrefixFold(uri, "file://")
	if !ok {
		return "", errNotLocalFile
	}
	host, escaped, ok := strings.Cut(rest, "/")
	if !ok || (host != "" && !strings.EqualFold(host, "localhost")) {
		return "", errNotLocalFile
	}
	if strings.ContainsAny(escaped, "?#") {
		return "", errNotLocalFile
	}
	path, err := url.PathUnescape("/" + escaped)
	if err != nil || strings.ContainsRune(path, 0) || strings.Count(path, "/") != strings.Count(escaped, "/")+1 {
		return "", errNotLocalFile
	}
	return path, nil
}

// cutPrefixFold is strings.CutPrefix, ignoring ASCII case (URI schemes are
// case-insensitive).
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

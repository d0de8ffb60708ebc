package ui

import (
	"net/url"
	"testing"
)

// TestFileURIsNameTheFileChosen reads URIs as the desktop's chooser
// (GLib's g_filename_to_uri, which leaves "+" as it is) writes them.
func TestFileURIsNameTheFileChosen(t *testing.T) {
	tests := []struct{ name, uri, want string }{
		{"a plain name is read as it is", "file:///home/ana/IMG_2024.jpg", "/home/ana/IMG_2024.jpg"},
		{"a plus stays a plus", "file:///home/ana/me+you.jpg", "/home/ana/me+you.jpg"},
		{"an encoded plus is a plus", "file:///home/ana/me%2Byou.jpg", "/home/ana/me+you.jpg"},
		{"a space is encoded as %20", "file:///home/ana/my%20photo.jpg", "/home/ana/my photo.jpg"},
		{"a plus beside a space keeps both", "file:///home/ana/a+b%20c.jpg", "/home/ana/a+b c.jpg"},
		{"a percent sign is encoded as %25", "file:///home/ana/100%25.jpg", "/home/ana/100%.jpg"},
		{"an encoded %20 in a name stays as it is", "file:///home/ana/a%2520b.jpg", "/home/ana/a%20b.jpg"},
		{"a hash is encoded as %23", "file:///home/ana/%231.jpg", "/home/ana/#1.jpg"},
		{"a question mark is encoded as %3F", "file:///home/ana/why%3F.jpg", "/home/ana/why?.jpg"},
		{"non-ASCII letters are encoded UTF-8", "file:///home/ana/%C3%A9t%C3%A9%20%E5%86%99%E7%9C%9F.jpg", "/home/ana/été 写真.jpg"},
		{"non-ASCII letters left unencoded are kept", "file:///home/ana/été.jpg", "/home/ana/été.jpg"},
		{"a name that is not UTF-8 keeps its bytes", "file:///home/ana/caf%E9.jpg", "/home/ana/caf\xe9.jpg"},
		{"localhost is this computer", "file://localhost/tmp/a.jpg", "/tmp/a.jpg"},
		{"the scheme is read in any case", "FILE:///tmp/a.jpg", "/tmp/a.jpg"},
		{"a folder is read as a file is", "file:///home/ana/Holidays%202024", "/home/ana/Holidays 2024"},
	}
	for _, tt := range tests {
		if got, err := fileURIPath(tt.uri); err != nil || got != tt.want {
			t.Errorf("%s: %q gives %q, %v; want %q", tt.name, tt.uri, got, err, tt.want)
		}
	}
}

// TestURIsOfNoLocalFileAreRefused checks what fileURIPath will not read.
func TestURIsOfNoLocalFileAreRefused(t *testing.T) {
	tests := []struct{ name, uri string }{
		{"another scheme", "https://example.com/a.jpg"},
		{"another computer", "file://nas/photos/a.jpg"},
		{"no path", "file://"},
		{"a relative form", "file:a.jpg"},
		{"a broken escape", "file:///home/ana/100%.jpg"},
		{"a short escape", "file:///home/ana/a%2"},
		{"an encoded slash, which no name holds", "file:///home/ana/a%2Fb.jpg"},
		{"an encoded NUL, which no name holds", "file:///home/ana/a%00b.jpg"},
		{"a raw hash, a fragment", "file:///home/ana/a#b.jpg"},
		{"a raw question mark, a query", "file:///home/ana/a?b.jpg"},
		{"nothing", ""},
	}
	for _, tt := range tests {
		if got, err := fileURIPath(tt.uri); err == nil {
			t.Errorf("%s: %q is read as %q", tt.name, tt.uri, got)
		}
	}
}

// TestEveryNameSurvivesItsURI writes names with every troublesome
// character as a URI (Go's encoder, which encodes more than GLib's) and
// reads them back.
func TestEveryNameSurvivesItsURI(t *testing.T) {
	names := []string{"a+b.jpg", "a b.jpg", "100%.jpg", "#1.jpg", "why?.jpg", "été 写真.jpg",
		"a+%20b.jpg", "semi;colon,comma=eq&amp.jpg", "[brackets] (parens) 'quotes'.jpg", "~tilde@at!.jpg"}
	for _, name := range names {
		path := "/home/ana/" + name
		uri := (&url.URL{Scheme: "file", Path: path}).String()
		if got, err := fileURIPath(uri); err != nil || got != path {
			t.Errorf("%q, written %q, reads back %q, %v", path, uri, got, err)
		}
	}
}

// FuzzFileURIPath checks that any URI is read or refused without a panic,
// and that a path read holds no NUL and is absolute.
func FuzzFileURIPath(f *testing.F) {
	for _, s := range []string{"file:///a+b%20c.jpg", "file://localhost/%C3%A9", "file:///%", "file://x/y", "file:///a#b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, uri string) {
		path, err := fileURIPath(uri)
		if err != nil {
			return
		}
		if path == "" || path[0] != '/' {
			t.Errorf("%q gives the relative path %q", uri, path)
		}
		for i := range len(path) {
			if path[i] == 0 {
				t.Errorf("%q gives a path with a NUL: %q", uri, path)
			}
		}
	})
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"veil/app/internal/fixture"
)

// File names reach the terminal quoted when they hold anything a terminal
// would obey: no escape byte, no bidirectional override and no extra line
// is ever printed, for a photo that is cleaned as for one that fails.
func TestNamesReachTheTerminalWithoutControlCharacters(t *testing.T) {
	names := map[string]string{
		"an escape sequence that would retitle the terminal": "\x1b]0;pwned\x07a.jpg",
		"a newline that would forge a result line":           "b.jpg\nc.jpg → c-clean.jpg (checked)",
		"a right-to-left override":                           "d\u202egpj.exe",
		"bytes that are not UTF-8":                           "e\xff\xfe.jpg",
	}
	for name, file := range names {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			good := filepath.Join(dir, file)
			if err := os.WriteFile(good, fixture.JPEG(), 0o600); err != nil {
				t.Skip("this file system refuses the name:", err)
			}
			bad := filepath.Join(dir, "x"+file)
			os.WriteFile(bad, []byte("not a photo"), 0o600)
			for _, args := range [][]string{{"clean", good, bad}, {"inspect", "--no-faces", good, bad}} {
				_, out, errs := run(t, args...)
				for _, text := range []string{out, errs} {
					if strings.ContainsAny(text, "\x1b\x07\u202e\xff") {
						t.Errorf("veil %s printed a control character: %q", args[0], text)
					}
				}
				if args[0] == "clean" {
					if n := strings.Count(out, "\n"); n != 1 {
						t.Errorf("clean printed %d result lines for one photo: %q", n, out)
					}
					if n := strings.Count(errs, "\n"); n != 1 {
						t.Errorf("clean printed %d error lines for one failure: %q", n, errs)
					}
				}
			}
		})
	}
}

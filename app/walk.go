package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"veil/exif"
)

// walkExts are the extensions a folder walk picks up: those of every
// container exif recognises, refused ones included so that the refusal is
// reported. Files given by name are always tried, whatever their extension.
var walkExts = extSet(exif.RecognisedExtensions())

// Extensions are the extensions, lower case with the dot, of the files
// Veil cleans: what a file chooser offers.
func Extensions() []string { return exif.Extensions() }

// extSet makes a set of extensions.
func extSet(exts []string) map[string]bool {
	set := make(map[string]bool, len(exts))
	for _, e := range exts {
		set[e] = true
	}
	return set
}

// Expand turns files and folders into the list of files to work on:
// folders are walked for image files (hidden files and folders skipped, in
// name order); files are kept as given. A path that cannot be read is kept
// too, so that its error is reported with the others.
func Expand(paths []string) []string {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable folders are skipped, the rest goes on
			}
			hidden := strings.HasPrefix(d.Name(), ".") && path != p
			if d.IsDir() && hidden {
				return filepath.SkipDir
			}
			if !d.IsDir() && !hidden && d.Type().IsRegular() && walkExts[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		sort.Strings(found)
		out = append(out, found...)
	}
	return out
}

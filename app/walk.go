package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// imageExts are the extensions a folder walk picks up. Files given by name
// are always tried, whatever their extension.
var imageExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".jpe": true, ".png": true, ".webp": true, ".gif": true,
	".heic": true, ".heif": true, ".avif": true, ".tif": true, ".tiff": true,
	".mov": true, ".mp4": true, ".m4v": true, ".3gp": true, ".3g2": true,
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
			if !d.IsDir() && !hidden && d.Type().IsRegular() && imageExts[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		sort.Strings(found)
		out = append(out, found...)
	}
	return out
}

package ui

import (
	"embed"
	"encoding/json"
	"io/fs"
	"maps"
	"path"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"veil/exif"
)

// A finding of package exif is data: an ID with typed arguments. The window
// writes it in the person's language from one table per language,
// findingwords/<code>.json: for each ID a label and a value with {name}
// where an argument goes (see exif.Table). English is exif.English with
// findingwords/en.json over it, where the window words a finding more
// plainly than the command line. Adding a language is one file there; the
// catalogue test fails on any ID it lacks. Text read from the file is an
// argument, shown as it is, never looked up.

//go:embed findingwords
var findingFiles embed.FS

// findingTables are the tables by language code, read once.
var findingTables = sync.OnceValue(func() map[string]exif.Table {
	tables, err := readFindingTables(findingFiles, "findingwords")
	if err != nil {
		fyne.LogError("Veil findings tables", err)
	}
	return tables
})

// readFindingTables reads every <code>.json of dir. English always exists.
func readFindingTables(fsys fs.FS, dir string) (map[string]exif.Table, error) {
	tables := map[string]exif.Table{"en": maps.Clone(exif.English)}
	files, err := fs.ReadDir(fsys, dir)
	for _, f := range files {
		code, ok := strings.CutSuffix(f.Name(), ".json")
		if !ok {
			continue
		}
		t, e := readFindingTable(fsys, path.Join(dir, f.Name()))
		if e != nil {
			err = e
			continue
		}
		if tables[code] == nil {
			tables[code] = exif.Table{}
		}
		maps.Copy(tables[code], t)
	}
	return tables, err
}

func readFindingTable(fsys fs.FS, name string) (exif.Table, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var t exif.Table
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return t, nil
}

// findingTable is the table of the language the window speaks: the one
// Fyne chose for the window's strings names it in its "veil.language"
// entry. A language without a table reads English.
func findingTable() exif.Table {
	tables := findingTables()
	if t, ok := tables[lang.X("veil.language", "en")]; ok {
		return t
	}
	return tables["en"]
}

// findingText is a finding's label and value in the person's language.
func findingText(f exif.Finding) (label, value string) { return findingTable().Finding(f) }

// categoryName is a category in the person's language.
func categoryName(c exif.Category) string {
	name, _ := findingTable().Category(c)
	return name
}

// categoryWhy says in one line why a category matters.
func categoryWhy(c exif.Category) string {
	_, why := findingTable().Category(c)
	return why
}

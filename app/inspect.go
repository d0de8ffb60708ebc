package app

import (
	"veil/exif"
)

// Report is what one photo gives away, for display.
type Report struct {
	File     string
	Format   exif.Format
	Width    int // upright width in pixels
	Height   int // upright height in pixels
	Findings []exif.Finding
}

// Inspect reads a photo and lists what it gives away, without writing
// anything.
func Inspect(path string) (Report, error) {
	rep := Report{File: path}
	data, err := readFile(path)
	if err != nil {
		return rep, &FileError{path, err}
	}
	info, err := exif.Inspect(data)
	if err != nil {
		return rep, &FileError{path, err}
	}
	var r Result
	r.fill(info)
	rep.Format, rep.Width, rep.Height, rep.Findings = r.Format, r.Width, r.Height, r.Findings
	return rep, nil
}

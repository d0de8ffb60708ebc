package app

import (
	"veil/exif"
	"veil/redact/face"
)

// Report is what one photo gives away, for display.
type Report struct {
	File     string
	Format   exif.Format
	Width    int // upright width in pixels
	Height   int // upright height in pixels
	Findings []exif.Finding
	Faces    []face.Face // in upright pixels, when asked for
}

// Inspect reads a photo and lists what it gives away, and the faces in it
// when withFaces is true, without writing anything.
func Inspect(path string, withFaces bool) (Report, error) {
	p, err := Open(path)
	if err != nil {
		return Report{File: path}, err
	}
	rep := p.Report
	if withFaces && !p.IsVideo() {
		rep.Faces, err = p.Faces()
	}
	return rep, err
}

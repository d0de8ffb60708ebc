package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"veil/exif"
	"veil/redact"
	"veil/redact/face"
)

// Result is what happened to one file.
type Result struct {
	File     string          // the original, as given
	Format   exif.Format     // its container
	Width    int             // upright width in pixels
	Height   int             // upright height in pixels
	Findings []exif.Finding  // what the original gave away
	Faces    []face.Face     // faces found, when the plan asked for them
	Regions  []redact.Region // covers applied
	Output   string          // the verified clean copy; "" on failure
	Lossless bool            // only metadata was removed: pixels are untouched
	Err      error           // why nothing was written; nil on success
}

// FileError names the file a failure belongs to. Its message is one line a
// person can read: "photo.jpg: the file ends before the image does".
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return filepath.Base(e.File) + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Clean writes a verified clean copy of the photo at path, losslessly: only
// metadata goes. On any failure nothing is left behind and Result.Err says
// why.
func Clean(path string, s Settings) Result {
	return clean(path, s, Plan{}, true)
}

// CleanWith writes a verified clean copy of the photo at path with the
// plan's covers and crop applied.
func CleanWith(path string, s Settings, pl Plan) Result {
	return clean(path, s, pl, true)
}

func clean(path string, s Settings, pl Plan, syncNow bool) Result {
	p, err := Open(path)
	if err != nil {
		return Result{File: path, Err: err}
	}
	e, faces, err := pl.edits(p)
	if err != nil {
		r := Result{File: path, Err: named(path, err)}
		r.fill(p.info)
		return r
	}
	r := p.save(e, s, syncNow)
	r.Faces, r.Regions = faces, e.Regions
	return r
}

// named gives err the file's name, unless it has it already.
func named(path string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	return &FileError{path, err}
}

func (r *Result) fill(info *exif.Info) {
	r.Format, r.Findings = info.Format, info.Findings
	r.Width, r.Height = info.Width, info.Height
	if info.Orientation >= 5 && info.Orientation <= 8 {
		r.Width, r.Height = info.Height, info.Width
	}
}

// save writes data as the clean copy of src and verifies what landed on
// disk. A copy that fails verification is removed.
func save(src string, f exif.Format, data []byte, s Settings, syncNow bool) (string, error) {
	dir := s.OutDir
	if dir == "" {
		dir = filepath.Dir(src)
	}
	names := candidateNames(src, dir, outputExt(src, f), s.RandomNames)
	out, err := writeNew(dir, data, names, syncNow)
	if err != nil {
		return "", &FileError{src, err}
	}
	if err := verifyOnDisk(out, s); err != nil {
		os.Remove(out)
		return "", &FileError{src, fmt.Errorf("the clean copy failed its check and was removed: %w", err)}
	}
	return out, nil
}

// verifyOnDisk reads a written file back and inspects it again.
func verifyOnDisk(name string, s Settings) error {
	back, err := os.ReadFile(name)
	if err != nil {
		return plainOSError(err)
	}
	return exif.Verify(back, exif.Options{DropICC: s.DropICC})
}

// IsUnsupported reports whether err means the file is of a kind Veil does
// not clean (as opposed to a damaged file or a failed save).
func IsUnsupported(err error) bool { return errors.Is(err, exif.ErrUnsupported) }

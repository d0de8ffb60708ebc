package app

import (
	"errors"
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
	Still    bool            // an animation, edited: the copy is a still picture of its first frame
	Err      error           // why nothing was written; nil on success
}

// FileError names the file a failure belongs to. Its message is one line a
// person can read: "photo.jpg: the file ends before the image does".
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return DisplayName(e.File) + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Clean writes a verified clean copy of the photo at path, losslessly: only
// metadata goes. On any failure nothing is left behind and Result.Err says
// why.
func Clean(path string, s Settings) Result {
	r, _ := clean(path, s, Plan{}, true, nil)
	return r
}

// CleanWith writes a verified clean copy of the photo at path with the
// plan's covers and crop applied.
func CleanWith(path string, s Settings, pl Plan) Result {
	r, _ := clean(path, s, pl, true, nil)
	return r
}

// clean is the job of one file. It reads the file into buf when buf is
// large enough, and returns the buffer it used, which the caller may
// reuse for the next file: nothing in the Result refers to it.
func clean(path string, s Settings, pl Plan, syncNow bool, buf []byte) (Result, []byte) {
	inspect := exif.Inspect
	if pl.SkipFindings {
		inspect = exif.Scan
	}
	p, err := openInto(path, buf, inspect)
	if err != nil {
		return Result{File: path, Err: err}, buf
	}
	// The photo is this job's alone and saved once: its pixels may be
	// covered in place. They are decoded once the budget has room for them.
	p.private = true
	release, err := p.reserve(pixelCost(p.info, pl))
	if err != nil {
		r := Result{File: path, Err: named(path, err)}
		r.fill(p.info)
		return r, p.data
	}
	defer release()
	p.budgeted = true // the decode and the edits are in this reservation
	e, faces, err := pl.edits(p)
	if err != nil {
		r := Result{File: path, Err: named(path, err)}
		r.fill(p.info)
		return r, p.data
	}
	// The photo is not used after this save: its bytes may be reused to
	// read the copy back.
	r := p.save(e, s, syncNow, p.data)
	r.Faces, r.Regions = faces, e.Regions
	return r, p.data
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

// save writes parts, one after the other, as the clean copy of src. The
// copy is read back from disk and inspected again before it gets its
// name; one that fails is never seen under a name. It replaces the copy
// of src written earlier in s.Session, if there is one (see Session). scratch, when not nil,
// is a buffer the caller no longer needs (see writeNew).
func save(src string, f exif.Format, parts [][]byte, s Settings, syncNow bool, scratch []byte) (string, error) {
	dir := s.OutDir
	if dir == "" {
		dir = filepath.Dir(src)
	}
	ext := outputExt(src, f)
	tg := target{next: candidateNames(src, dir, ext, s.RandomNames), over: s.Session.earlier(src, dir, ext)}
	check := func(back []byte) error { return exif.Verify(back, exif.Options{DropICC: s.DropICC}) }
	out, err := writeAs(dir, parts, tg, syncNow, check, scratch)
	if err != nil {
		return "", &FileError{src, err}
	}
	s.Session.record(src, out)
	return out, nil
}

// IsUnsupported reports whether err means the file is of a kind Veil does
// not clean (as opposed to a damaged file or a failed save).
func IsUnsupported(err error) bool { return errors.Is(err, exif.ErrUnsupported) }

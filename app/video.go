package app

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"veil/exif"
)

// Videos (MOV, MP4, M4V, 3GP) are inspected and cleaned like photos, but
// never read into memory: exif reads their box headers and movie box from
// the open file, and the clean copy is a plan of new headers, ranges of
// the original and ranges of zeros (exif.VideoPlan) that is streamed from
// the original into the unnamed copy, which is then verified from disk
// before it gets its name, as every copy is. Their pictures are never
// decoded: faces in videos cannot be covered, and any edit is refused.

// errVideoEdit refuses covers, crops and face detection on a video.
var errVideoEdit = errors.New("faces in videos cannot be covered by Veil, only data is removed: clean this video without covers or crop")

// IsVideo reports whether the photo is a video: it can only be cleaned,
// never edited; its Image is a plain video icon and it has no Faces.
func (p *Photo) IsVideo() bool { return exif.IsVideo(p.info.Format) }

// openVideo opens the file at path as a video when its extension and its
// first bytes say it is one (ok false otherwise, for the photo path to
// take it), and inspects it from the open file.
func openVideo(path string) (p *Photo, ok bool, err error) {
	// A file with a video's extension is opened as a video when its first
	// bytes say it is one.
	if !exif.ExtensionFits(filepath.Ext(path), exif.MP4) {
		return nil, false, nil
	}
	f, size, err := openVideoFile(path)
	if err != nil {
		return nil, true, &FileError{path, err}
	}
	defer f.Close()
	var head [64]byte
	n, _ := f.ReadAt(head[:], 0)
	if fm, err := exif.Sniff(head[:n]); err != nil || !exif.IsVideo(fm) {
		return nil, false, nil
	}
	info, err := exif.InspectVideo(f, size)
	if err != nil {
		return nil, true, &FileError{path, err}
	}
	p = &Photo{Path: path, info: info}
	var r Result
	r.fill(info)
	p.Report = Report{File: path, Format: r.Format, Width: r.Width, Height: r.Height, Findings: r.Findings}
	return p, true, nil
}

// openVideoFile opens a regular file for reading and gives its size.
func openVideoFile(path string) (*os.File, int64, error) {
	f, err := openRead(path)
	if err != nil {
		return nil, 0, plainOSError(err)
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = errors.New("not a regular file")
	}
	if err != nil {
		f.Close()
		return nil, 0, plainOSError(err)
	}
	return f, st.Size(), nil
}

// saveVideo writes the verified clean copy of a video, streamed from the
// original as it is now (inspected again from the same handle the copy
// is read from, so what is written is what was checked).
func (p *Photo) saveVideo(e Edits, s Settings, syncNow bool) Result {
	r := Result{File: p.Path}
	r.fill(p.info)
	if !e.IsZero() {
		r.Err = &FileError{p.Path, errVideoEdit}
		return r
	}
	out, err := cleanVideo(p.Path, s, syncNow)
	if err != nil {
		r.Err = &FileError{p.Path, err}
		return r
	}
	r.Output, r.Lossless = out, true
	return r
}

// cleanVideo plans the clean copy of the video at src and writes it.
func cleanVideo(src string, s Settings, syncNow bool) (string, error) {
	f, size, err := openVideoFile(src)
	if err != nil {
		return "", err
	}
	defer f.Close()
	opt := exif.Options{DropICC: s.DropICC}
	info, err := exif.InspectVideo(f, size)
	if err != nil {
		return "", err
	}
	plan, err := exif.StripVideo(f, size, info, opt)
	if err != nil {
		return "", err
	}
	dir := s.OutDir
	if dir == "" {
		dir = filepath.Dir(src)
	}
	names := candidateNames(src, dir, outputExt(src, info.Format), s.RandomNames)
	check := func(g *os.File, n int64) error { return exif.VerifyVideo(g, n, opt) }
	return writeNewStream(dir, plan, f, names, syncNow, check)
}

// writeNewStream is writeNew for a copy streamed from src by plan: written
// to an unnamed file (or a hidden temporary one) in dir, checked from disk
// through the same handle, synced when syncNow, and only then given the
// first free name next yields.
func writeNewStream(dir string, plan *exif.VideoPlan, src *os.File, next func(i int) string, syncNow bool, check func(*os.File, int64) error) (string, error) {
	t, err := createTemp(dir)
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", dir, plainOSError(err))
	}
	defer t.discard()
	if err := writePlan(t.f, plan, src); err != nil {
		return "", writeError(err)
	}
	var synced chan error
	if syncNow {
		synced = make(chan error, 1)
		go func() { synced <- t.f.Sync() }()
	}
	cerr := checkStream(t.f, plan.Size, check)
	if synced != nil {
		if err := <-synced; err != nil {
			return "", writeError(err)
		}
	}
	if cerr != nil {
		return "", fmt.Errorf("the clean copy failed its check and was removed: %w", cerr)
	}
	if err := t.seal(); err != nil {
		return "", writeError(err)
	}
	return claimName(t, next, func() (string, error) {
		return writeNewStream(dir, plan, src, next, syncNow, check)
	})
}

// checkStream checks the copy on disk: its size, then check.
func checkStream(f *os.File, size int64, check func(*os.File, int64) error) error {
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("the clean copy could not be read back: %w", plainOSError(err))
	}
	if st.Size() != size {
		return fmt.Errorf("%d bytes were written but %d are on disk", size, st.Size())
	}
	return check(f, size)
}

// claimName gives the checked copy the first free name next yields, as
// writeNew does; again writes the copy anew under a temporary name when
// this system turns out unable to name an unnamed file.
func claimName(t *tempFile, next func(i int) string, again func() (string, error)) (string, error) {
	for i := 0; i < maxNameTries; i++ {
		name := next(i)
		switch err := t.claim(name); {
		case err == nil:
			return name, nil
		case errors.Is(err, fs.ErrExist):
			continue
		case t.name == "" && unnamedFailed():
			return again()
		default:
			return "", fmt.Errorf("cannot save %s: %w", filepath.Base(name), plainOSError(err))
		}
	}
	return "", errors.New("no free file name for the clean copy")
}

// writePlan writes the pieces of plan to dst: new bytes, zeros, and
// ranges of src, which the kernel copies file to file where it can
// (copy_file_range(2) on Linux, through *os.File.ReadFrom), never
// holding more than a small buffer. As writeAll does, the disk is asked
// to start on each large step as soon as it is copied, so that the sync
// that follows waits only for the rest.
func writePlan(dst *os.File, plan *exif.VideoPlan, src *os.File) error {
	zeros := make([]byte, 64<<10)
	var at int64 // bytes written so far
	for _, pc := range plan.Pieces {
		var err error
		switch {
		case pc.Data != nil:
			_, err = dst.Write(pc.Data)
			at += int64(len(pc.Data))
		case pc.Zero:
			for left := pc.N; left > 0 && err == nil; left -= int64(len(zeros)) {
				_, err = dst.Write(zeros[:min(left, int64(len(zeros)))])
			}
			at += pc.N
		default:
			err = copyRange(dst, src, pc.Off, pc.N, at)
			at += pc.N
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// copyStep is how much of the original is copied before the disk is asked
// to start writing it.
const copyStep = 16 << 20

// copyRange copies n bytes of src at off to dst, where they land at at.
func copyRange(dst, src *os.File, off, n, at int64) error {
	if _, err := src.Seek(off, io.SeekStart); err != nil {
		return err
	}
	for n > 0 {
		step := min(n, copyStep)
		got, err := dst.ReadFrom(&io.LimitedReader{R: src, N: step})
		if err == nil && got != step {
			err = fmt.Errorf("the original ended %d bytes early", n-got)
		}
		if err != nil {
			return err
		}
		if step == copyStep {
			startWriteback(dst, int(at), int(step))
		}
		n, at = n-step, at+step
	}
	return nil
}

// videoIcon is what a video shows where a photo shows its picture: a plain
// video icon (a light play triangle on dark grey) of the video's upright
// size, at most 640 pixels wide. Veil has no video decoder, so there is
// no first frame; covers drawn on it are refused when saved (errVideoEdit).
func videoIcon(info *exif.Info) image.Image {
	w, h := 640, 360
	if info.Width > 0 && info.Height > 0 {
		h = max(1, min(640*info.Height/info.Width, 1280))
		if info.Height > info.Width {
			w, h = max(1, 360*info.Width/info.Height), 360
		}
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.NRGBA{0x3a, 0x3d, 0x42, 0xff}), image.Point{}, draw.Src)
	s := min(w, h) / 4 // the triangle's half height
	cx, cy := w/2, h/2
	for y := cy - s; y < cy+s; y++ {
		half := s - abs(y-cy) // the triangle narrows to its tip
		for x := cx - s/2; x < cx-s/2+half*3/2; x++ {
			img.SetNRGBA(x, y, color.NRGBA{0xee, 0xee, 0xee, 0xff})
		}
	}
	return img
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

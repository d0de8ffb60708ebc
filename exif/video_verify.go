package exif

import (
	"bytes"
	"fmt"
	"io"
)

// VerifyVideo checks a written video: it is parsed again to its true end,
// must list no findings, and must be its own clean copy (stripping it
// again would change nothing), so that nothing outside the keep-lists of
// video_strip.go remains. It reads the box headers and the movie box, not
// the media data.
func VerifyVideo(r io.ReaderAt, size int64, opt Options) error {
	v, err := parseVideo(r, size)
	if err != nil {
		return err
	}
	return v.verify()
}

func (v *videoFile) verify() error {
	if len(v.dropped) > 0 {
		types := make([]string, len(v.dropped))
		for i, b := range v.dropped {
			types[i] = b.typ
		}
		return fmt.Errorf("%w: video boxes %s remain", ErrNotClean, heicTypeList(types))
	}
	if v.tail < v.size {
		return fmt.Errorf("%w: data after the last video box", ErrNotClean)
	}
	if fs := v.findings(); len(fs) > 0 {
		return fmt.Errorf("%w: %s (%s)", ErrNotClean, fs[0].Label, fs[0].Where)
	}
	plan, err := v.plan()
	if err != nil {
		return err
	}
	if plan.Size != v.size || !v.samePlan(plan) {
		return fmt.Errorf("%w: the video's headers hold more than a clean copy keeps", ErrNotClean)
	}
	return nil
}

// samePlan reports whether plan writes this file again: its ftyp and
// movie box as they are, and no zeros.
func (v *videoFile) samePlan(plan *VideoPlan) bool {
	for _, pc := range plan.Pieces {
		switch {
		case pc.Zero:
			return false
		case pc.Data == nil:
		case bytes.HasPrefix(pc.Data[4:], []byte("ftyp")):
			if !bytes.Equal(pc.Data, appendBox(nil, "ftyp", v.ftyp)) {
				return false
			}
		case !bytes.Equal(pc.Data, appendBox(nil, "moov", v.movie)):
			return false
		}
	}
	return true
}

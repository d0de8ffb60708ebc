package ui

import (
	"slices"

	"veil/redact/face"
)

// readingOrder sorts faces as a person reads the photo: in rows from top
// to bottom, each row left to right. Two faces share a row when the centre
// of either is within the height of the other, so that faces in a line at
// slightly different heights, or of different sizes (a small face high
// beside larger ones), are still read left to right.
func readingOrder(faces []face.Face) []face.Face {
	out := slices.Clone(faces)
	slices.SortStableFunc(out, func(a, b face.Face) int { return (a.Y + a.H/2) - (b.Y + b.H/2) })
	var rows [][]face.Face
	for _, f := range out {
		if n := len(rows); n > 0 && slices.ContainsFunc(rows[n-1], func(m face.Face) bool { return sameRow(m, f) }) {
			rows[n-1] = append(rows[n-1], f)
			continue
		}
		rows = append(rows, []face.Face{f})
	}
	out = out[:0]
	for _, r := range rows {
		slices.SortStableFunc(r, func(a, b face.Face) int { return a.X - b.X })
		out = append(out, r...)
	}
	return out
}

// sameRow reports whether a face, whose centre is no higher than that of
// upper, is read in upper's row: its centre is above upper's bottom, or
// upper's centre is below its top.
func sameRow(upper, f face.Face) bool {
	return f.Y+f.H/2 < upper.Y+upper.H || upper.Y+upper.H/2 > f.Y
}

// bareFaces counts the faces of the photo on screen that the person
// uncovered.
func (v *shell) bareFaces() int {
	e, ed := v.selected, v.editor
	if e == nil || !ed.HasPhoto() {
		return 0
	}
	n := 0
	for i, r := range ed.AllRegions() {
		if !ed.Covered(i) && e.isFace(r) {
			n++
		}
	}
	return n
}

// refreshBare redraws what the photo reveals when the number of faces the
// person uncovered changed: it says so in words, in red.
func (v *shell) refreshBare() {
	if n := v.bareFaces(); n != v.reveals.bare {
		v.refreshPanels()
	}
}

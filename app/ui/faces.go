package ui

import (
	"slices"

	"veil/redact/face"
)

// readingOrder sorts faces as a person reads the photo: in rows from top
// to bottom, each row left to right. Two faces share a row when the centre
// of the lower one is above the bottom of the higher one, so that faces in
// a line at slightly different heights are still read left to right.
func readingOrder(faces []face.Face) []face.Face {
	out := slices.Clone(faces)
	slices.SortStableFunc(out, func(a, b face.Face) int { return (a.Y + a.H/2) - (b.Y + b.H/2) })
	var rows [][]face.Face
	for _, f := range out {
		if n := len(rows); n > 0 {
			first := rows[n-1][0]
			if f.Y+f.H/2 < first.Y+first.H {
				rows[n-1] = append(rows[n-1], f)
				continue
			}
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

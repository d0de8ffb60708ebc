package ui

import (
	"slices"

	"veil/redact"
)

// History is one photo's undo and redo steps, newest last. The Editor
// keeps its steps in the History it was last given (UseHistory): a window
// that shows several photos in turn gives each its own, so that a photo
// shown again can still undo its last change. It lives in memory only.
type History struct {
	undo, redo []snapshot
}

// prepend puts covered items before every step's own (areas added in
// front of the photo's, as faces found late are), keeping each step's
// selection on the same area.
func (h *History) prepend(its []item) {
	for _, steps := range [][]snapshot{h.undo, h.redo} {
		for i, s := range steps {
			steps[i].items = append(slices.Clone(its), s.items...)
			if s.sel >= 0 {
				steps[i].sel += len(its)
			}
		}
	}
}

// coveredItems returns regions as covered items.
func coveredItems(rs []redact.Region) []item {
	out := make([]item, len(rs))
	for i, r := range rs {
		out[i] = item{r: r, covered: true}
	}
	return out
}

// UseHistory keeps the undo and redo steps in h from now on, taking up the
// steps it holds: h is the history of the photo SetPhoto was given, kept
// by the caller while another photo is shown. nil starts a new one.
func (e *Editor) UseHistory(h *History) {
	if h == nil {
		h = &History{}
	}
	e.hist = h
}

// CanUndo reports whether Undo has a step to take back.
func (e *Editor) CanUndo() bool { return len(e.hist.undo) > 0 }

// Undo takes back the last change to the regions or the crop and reports
// whether there was one.
func (e *Editor) Undo() bool {
	if d := e.drag; d != nil && d.kind != dragNone {
		e.drag = ignoredDrag() // a drag in progress is cancelled
		e.items, e.crop, e.sel = d.before.items, d.before.crop, d.before.sel
		e.afterChange()
		return true
	}
	h := e.hist
	if len(h.undo) == 0 {
		return false
	}
	s := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, e.snap())
	e.restore(s)
	return true
}

// CanRedo reports whether Redo has a step to put back.
func (e *Editor) CanRedo() bool { return len(e.hist.redo) > 0 }

// Redo puts back the last change Undo took back and reports whether there
// was one. Any new change forgets what could be redone.
func (e *Editor) Redo() bool {
	e.commitDrag()
	h := e.hist
	if len(h.redo) == 0 {
		return false
	}
	s, rest := h.redo[len(h.redo)-1], h.redo[:len(h.redo)-1]
	e.push(e.snap())
	h.redo = rest
	e.restore(s)
	return true
}

// restore returns to the state s and publishes it.
func (e *Editor) restore(s snapshot) {
	e.items, e.crop, e.sel = s.items, s.crop, s.sel
	if e.sel >= len(e.items) {
		e.sel = -1
	}
	e.afterChange()
}

// snap returns a copy of the undoable state.
func (e *Editor) snap() snapshot {
	return snapshot{items: slices.Clone(e.items), crop: e.crop, sel: e.sel}
}

// push records s as an undo step, dropping the oldest beyond maxUndo. A new
// step forgets what could be redone.
func (e *Editor) push(s snapshot) {
	h := e.hist
	h.redo = nil
	if len(h.undo) >= maxUndo {
		h.undo = slices.Delete(h.undo, 0, len(h.undo)-maxUndo+1)
	}
	h.undo = append(h.undo, s)
}

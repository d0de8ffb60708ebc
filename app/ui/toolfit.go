package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"veil/redact"
)

// newAspectSelect is the drop-down of crop ratios, as wide as its longest
// ratio needs (Fyne sizes a drop-down to its placeholder).
func newAspectSelect(changed func(string)) *widget.Select {
	var names []string
	longest := ""
	for _, a := range redact.Aspects {
		names = append(names, aspectName(a))
		if textWidth(names[len(names)-1]) > textWidth(longest) {
			longest = names[len(names)-1]
		}
	}
	s := widget.NewSelect(names, changed)
	s.PlaceHolder = longest
	s.SetSelectedIndex(0)
	return s
}

// toolsLayout lays the toolbar's groups out as a flow, after fitting them
// to the width: words are given up before a third line is taken.
type toolsLayout struct{ t *toolbar }

func (l toolsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.t.fit(size.Width)
	l.t.flow.Layout(objs, size)
}

// MinSize is as narrow as the widest group with every word given up.
func (l toolsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := l.t.flow.MinSize(objs)
	m.Width = 0
	for _, w := range l.t.groupWidths(len(l.t.shortening)) {
		m.Width = max(m.Width, w)
	}
	return m
}

// fit takes as few steps of shortening as make the groups fit in toolLines
// lines of width, none wider than width (all steps when none do), and
// shows the tools so.
func (t *toolbar) fit(width float32) {
	fits := func(n int) bool {
		ws := t.groupWidths(n)
		return len(lineStarts(ws, width)) <= toolLines && slices.Max(ws) <= width
	}
	n := 0
	for n < len(t.shortening) && !fits(n) {
		n++
	}
	if n == t.short {
		return
	}
	t.short = n
	for i, step := range t.shortening {
		for _, b := range step {
			b.setShort(i < n)
		}
	}
	for _, g := range t.groups {
		g.Refresh()
	}
}

// groupWidths returns the width of each group with the first n steps of
// shortening taken.
func (t *toolbar) groupWidths(n int) []float32 {
	short := map[fyne.CanvasObject]bool{}
	for _, step := range t.shortening[:n] {
		for _, b := range step {
			short[b] = true
		}
	}
	out := make([]float32, len(t.groups))
	for i, g := range t.groups {
		for j, o := range g.Objects {
			w := o.MinSize().Width
			if b, ok := o.(*toolButton); ok {
				w = b.width(short[o])
			}
			out[i] += w
			if j > 0 {
				out[i] += theme.Padding()
			}
		}
	}
	return out
}

// tightLabel is a label that asks for no room after its text: "Cover
// with:" leads straight to the buttons it names, and the toolbar is short
// of room at 1024 pixels.
type tightLabel struct{ widget.Label }

func newTightLabel(text string) *tightLabel {
	l := &tightLabel{}
	l.Text = text
	l.ExtendBaseWidget(l)
	return l
}

// MinSize leaves out the padding after the text.
func (l *tightLabel) MinSize() fyne.Size {
	m := l.Label.MinSize()
	m.Width -= theme.InnerPadding()
	return m
}

// textWidth is the width of s in the theme's text.
func textWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}

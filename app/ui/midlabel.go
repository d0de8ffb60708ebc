package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// midLabel is a one-line label for a file name: whole where it fits, else
// shortened in the middle ("IMG_2024…221530.jpg"), so that both the start
// of the name and its end (the numbers that tell photos apart, the
// extension) stay readable. A shortened name shows whole, over the list,
// when the pointer rests on it.
type midLabel struct {
	widget.Label
	full  string
	width float32   // the width last given
	tip   *hoverTip // nil: no tip
}

var _ desktop.Hoverable = (*midLabel)(nil)

func newMidLabel(style fyne.TextStyle) *midLabel {
	l := &midLabel{}
	l.TextStyle = style
	l.ExtendBaseWidget(l)
	return l
}

// SetFull shows the name s, shortened to the width if need be.
func (l *midLabel) SetFull(s string) {
	if s != l.full && l.tip != nil {
		l.tip.disarm(l) // the list gave this row another photo
	}
	l.full = s
	l.fit()
}

// Resize fits the name to the new width.
func (l *midLabel) Resize(s fyne.Size) {
	l.width = s.Width
	l.Label.Resize(s)
	l.fit()
}

// MouseIn asks for the whole name to show after a moment, if it was
// shortened.
func (l *midLabel) MouseIn(*desktop.MouseEvent) {
	if l.tip == nil {
		return
	}
	l.tip.arm(l, l.tipText)
}

// MouseMoved does nothing: the tip stays while the pointer is on the name.
func (l *midLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the whole name.
func (l *midLabel) MouseOut() {
	if l.tip != nil {
		l.tip.disarm(l)
	}
}

// tipText is the whole name, where the shortened one is now, if it was
// shortened.
func (l *midLabel) tipText() (string, fyne.TextStyle, fyne.Position, bool) {
	return l.full, l.TextStyle, fyne.CurrentApp().Driver().AbsolutePositionForObject(l), l.Text != l.full
}

// MinSize is one line of "…": the label gives way to its neighbours.
func (l *midLabel) MinSize() fyne.Size {
	h := l.Label.MinSize().Height
	return fyne.NewSize(l.measure("…")+2*theme.InnerPadding(), h)
}

func (l *midLabel) measure(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), l.TextStyle).Width
}

// fit sets the text to the name, or to its start and end around "…".
func (l *midLabel) fit() {
	text := l.full
	if room := l.width - 2*theme.InnerPadding(); l.width > 0 && l.measure(text) > room {
		text = middleEllipsis([]rune(l.full), func(s string) bool { return l.measure(s) <= room })
	}
	if text != l.Text {
		l.SetText(text)
	}
}

// middleEllipsis returns the longest "start…end" of name that fits, the end
// keeping half the characters kept (at least "…" alone).
func middleEllipsis(name []rune, fits func(string) bool) string {
	cut := func(n int) string { // n characters kept
		tail := n / 2
		return string(name[:n-tail]) + "…" + string(name[len(name)-tail:])
	}
	lo, hi := 0, len(name)-1 // cut(lo) fits (or nothing does); find the largest
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(cut(mid)) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}

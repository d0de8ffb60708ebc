package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// toolButton is a button of the toolbar that can give up its word when the
// toolbar is short of room (setShort): it then shows its icon alone, and
// its word over the window, under it, once the pointer rests on it.
type toolButton struct {
	widget.Button
	word        string
	full, short float32 // its width with its word and with its icon alone
	tip         *hoverTip
}

var _ desktop.Hoverable = (*toolButton)(nil)

// newToolButton returns a button showing word and icon, whose tip (nil for
// none) shows the word while it shows the icon alone.
func newToolButton(word string, icon fyne.Resource, tip *hoverTip, tapped func()) *toolButton {
	b := &toolButton{word: word, tip: tip}
	b.Text, b.Icon, b.OnTapped = word, icon, tapped
	b.ExtendBaseWidget(b)
	b.full = widget.NewButtonWithIcon(word, icon, nil).MinSize().Width
	b.short = widget.NewButtonWithIcon("", icon, nil).MinSize().Width
	return b
}

// width is the button's width with its word (short false) or without.
func (b *toolButton) width(short bool) float32 {
	if short {
		return b.short
	}
	return b.full
}

// setShort shows the icon alone (true) or the icon and the word.
func (b *toolButton) setShort(short bool) {
	text := b.word
	if short {
		text = ""
	}
	if b.Text != text {
		b.Text = text
		b.Refresh()
	}
	if !short && b.tip != nil {
		b.tip.disarm(b)
	}
}

// MouseIn lights the button and, when it shows no word, asks for its word
// to show after a moment.
func (b *toolButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	if b.tip != nil && b.Text == "" {
		b.tip.arm(b, b.tipText)
	}
}

// MouseOut dims the button and hides its word.
func (b *toolButton) MouseOut() {
	b.Button.MouseOut()
	if b.tip != nil {
		b.tip.disarm(b)
	}
}

// tipText is the word, just under the button, while the button shows its
// icon alone.
func (b *toolButton) tipText() (string, fyne.TextStyle, fyne.Position, bool) {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
	return b.word, fyne.TextStyle{}, pos, b.Text == "" && b.Visible()
}

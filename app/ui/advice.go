package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// checklist is "Before you send": questions the person ticks for
// themselves (never stored), and advice from domestic-violence safety
// organisations.
type checklist struct {
	checks    []*focusCheck
	content   fyne.CanvasObject
	OnChanged func() // a question was ticked or unticked
	// OnFocus runs when the keyboard reaches a question's box: the list
	// of questions is below the findings, often out of sight.
	OnFocus func(fyne.CanvasObject)
}

// focusCheck is a check box that says when the keyboard reaches it.
type focusCheck struct {
	widget.Check
	onFocus func(fyne.CanvasObject)
}

func newFocusCheck(changed func(bool), onFocus func(fyne.CanvasObject)) *focusCheck {
	c := &focusCheck{onFocus: onFocus}
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained marks the box and tells onFocus.
func (c *focusCheck) FocusGained() {
	c.Check.FocusGained()
	c.onFocus(c)
}

// count returns how many questions are ticked, of how many.
func (c *checklist) count() (int, int) {
	n := 0
	for _, ch := range c.checks {
		if ch.Checked {
			n++
		}
	}
	return n, len(c.checks)
}

// checklistItems are the questions of "Before you send" (docs/ARCHITECTURE.md),
// from the advice of domestic-violence safety organisations.
func checklistItems() []string {
	return []string{
		lang.L("Is a face visible, even in part?"),
		lang.L("Tattoos, birthmarks, scars or piercings?"),
		lang.L("Jewellery or clothes someone would recognise?"),
		lang.L("The room: windows, the view outside, furniture?"),
		lang.L("Mail, documents, screens or photos on the wall?"),
		lang.L("Mirrors and reflections?"),
	}
}

// adviceLines is the advice under the checklist.
func adviceLines() []string {
	return []string{
		lang.L("Anyone who receives an image can save it or record the screen. End-to-end encrypted apps and disappearing messages reduce the risk; they do not remove it."),
		lang.L("Sexual images of anyone under 18 are illegal to make or to share, even of yourself."),
		lang.L("If an image was shared without your consent: keep evidence (screenshots of messages and links). StopNCII.org can help stop it spreading, the Cyber Civil Rights Initiative Safety Center can advise you, and the law protects you in most places."),
	}
}

func newChecklist() *checklist {
	c := &checklist{}
	objs := []fyne.CanvasObject{widget.NewSeparator(), heading(lang.L("Before you send")),
		note(lang.L("Look at the picture once more. Tick what you have checked; the cover tools can hide anything you find."))}
	for _, q := range checklistItems() {
		ch := newFocusCheck(func(bool) {
			if c.OnChanged != nil {
				c.OnChanged()
			}
		}, func(o fyne.CanvasObject) {
			if c.OnFocus != nil {
				c.OnFocus(o)
			}
		})
		c.checks = append(c.checks, ch)
		objs = append(objs, container.NewBorder(nil, nil, ch, nil, newTapLabel(q, func() { ch.SetChecked(!ch.Checked) })))
	}
	objs = append(objs, subheading(lang.L("Good to know"), theme.InfoIcon()))
	for _, a := range adviceLines() {
		objs = append(objs, wrapped(a, widget.MediumImportance))
	}
	c.content = container.NewVBox(objs...)
	return c
}

// reset unticks every question: each photo is checked afresh.
func (c *checklist) reset() {
	for _, ch := range c.checks {
		ch.SetChecked(false)
	}
}

// tapLabel is a wrapping label that does something when tapped: the text
// of a check box that may take several lines.
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(text string, onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the label's action.
func (l *tapLabel) Tapped(*fyne.PointEvent) { l.onTap() }

// scrollIntoView scrolls the column of findings until o, inside it, shows
// whole: Tab never puts the keyboard on something out of sight.
func (v *shell) scrollIntoView(o fyne.CanvasObject) { scrollWithin(v.sideScroll, v.side, o) }

// scrollWithin scrolls s, whose content is content, until o, inside it,
// shows whole (or its top, if it is taller than s).
func scrollWithin(s *container.Scroll, content, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(content).Y
	off, view := s.Offset.Y, s.Size().Height
	switch {
	case top < off || o.Size().Height > view:
		s.ScrollToOffset(fyne.NewPos(0, top))
	case top+o.Size().Height > off+view:
		s.ScrollToOffset(fyne.NewPos(0, top+o.Size().Height-view))
	}
}

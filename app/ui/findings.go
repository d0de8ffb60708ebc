package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"veil/exif"
)

// group is the findings of one category, in the order found.
type group struct {
	cat   exif.Category
	items []exif.Finding
}

// groupFindings groups findings by category, in the order of
// exif.Categories (unknown categories count as Other), each keeping the
// order found.
func groupFindings(fs []exif.Finding) []group {
	var gs []group
	for _, c := range exif.Categories {
		g := group{cat: c}
		for _, f := range fs {
			if f.Category == c || (c == exif.Other && !slices.Contains(exif.Categories, f.Category)) {
				g.items = append(g.items, f)
			}
		}
		if len(g.items) > 0 {
			gs = append(gs, g)
		}
	}
	return gs
}

// findingsPanel is "What this photo reveals".
type findingsPanel struct {
	box     *fyne.Container
	content fyne.CanvasObject
	// looking moves while faces are looked for. There is one, made once:
	// an animation runs until it is stopped, even off screen, so it is
	// stopped the moment the panel stops showing it.
	looking *widget.ProgressBarInfinite
	shown   *entry // the photo whose findings are listed
	fresh   bool   // the last show listed another photo's
	bare    int    // faces of the photo on screen the person uncovered
}

func newFindingsPanel() *findingsPanel {
	fp := &findingsPanel{box: container.NewVBox(), looking: widget.NewProgressBarInfinite()}
	fp.looking.Stop()
	fp.content = fp.box
	return fp
}

// show lists what the photo on screen reveals, in plain words. Values are
// plain-text labels: nothing from a file is ever read as markup.
func (fp *findingsPanel) show(e *entry, p prefs) {
	title := lang.L("What this photo reveals")
	if isVideoEntry(e) {
		title = lang.L("What this video reveals")
	}
	objs := []fyne.CanvasObject{heading(title)}
	if e != nil {
		objs = append(objs, fileName(e.name()))
	}
	switch {
	case e == nil:
		objs = nil
	case e.state == stFailed:
		objs = append(objs, wrapped(e.err, widget.DangerImportance))
	case !e.opened:
		objs = append(objs, wrapped(lang.L("Reading the file…"), widget.LowImportance))
	default:
		if e.photo != nil && e.photo.Animated() {
			objs = append(objs, wrapped(lang.L("This is an animation: only its first frame is shown. With covers or a crop, the copy keeps only this frame, as a still picture. With nothing covered or cropped, the whole animation is cleaned as it is."), widget.WarningImportance))
		}
		objs = append(objs, fp.faces(e)...)
		for _, g := range groupFindings(e.report.Findings) {
			objs = append(objs, fp.group(g)...)
		}
		objs = append(objs, note(leaveNote(e, p)))
	}
	fp.fresh = e != fp.shown // another photo: its findings start at the top
	fp.shown = e
	fp.box.Objects = objs
	fp.animate(slices.Contains(objs, fyne.CanvasObject(fp.looking)))
	fp.box.Refresh()
}

// animate starts or stops the bar that moves while faces are looked for.
func (fp *findingsPanel) animate(on bool) {
	switch {
	case on && !fp.looking.Running():
		fp.looking.Start()
	case !on && fp.looking.Running():
		fp.looking.Stop()
	}
}

// showMoving shows a moving bar, or stops and hides it. Hiding alone is not
// enough: Fyne's infinite bar starts its animation when it is first drawn
// (even hidden) and only Stop, seen by its renderer, ends it; until then
// the window redraws sixty times a second for nothing.
func showMoving(b *widget.ProgressBarInfinite, on bool) {
	if on {
		b.Show()
		b.Start()
		return
	}
	if b.Visible() || b.Running() {
		b.Start() // so that the renderer sees the Stop below
		b.Stop()
	}
	if b.Visible() {
		b.Hide()
	}
}

// faces is the Faces part of the findings.
func (fp *findingsPanel) faces(e *entry) []fyne.CanvasObject {
	var line string
	switch n := len(e.faces); {
	case isVideoEntry(e):
		line = videoFacesLine()
	case !e.found:
		line = lang.L("Looking for faces…")
	case n == 0:
		line = lang.L("No face found. Look for yourself: faces in mirrors, photos or at the edge can be missed.")
	case e.shownFaces() > 0:
		line = facesShownLine(n, e.shownFaces())
	case n == 1:
		line = lang.L("1 face found. It is covered; untick it below the photo to show it.")
	default:
		line = lang.L("{{.N}} faces found. They are covered; untick one below the photo to show it.", map[string]any{"N": strconv.Itoa(n)})
	}
	imp := widget.MediumImportance
	if fp.bare > 0 {
		imp = widget.DangerImportance
	}
	out := []fyne.CanvasObject{container.New(tightVBox{}, subheading(lang.L("Faces"), theme.AccountIcon()), wrapped(line, imp))}
	if !e.found {
		out = append(out, fp.looking)
	}
	return out
}

// facesShownLine says that shown of the n faces found will show in the copy.
func facesShownLine(n, shown int) string {
	if n == 1 {
		return lang.L("1 face found and left visible: it will show in the copy. Tick it below the photo to cover it.")
	}
	return lang.L("{{.N}} faces found; {{.Shown}} of them will show in the copy. Tick a face below the photo to cover it.",
		map[string]any{"N": strconv.Itoa(n), "Shown": strconv.Itoa(shown)})
}

// group is one category: its name, why it matters, and each finding.
func (fp *findingsPanel) group(g group) []fyne.CanvasObject {
	out := []fyne.CanvasObject{gap(4), container.New(tightVBox{}, subheading(categoryName(g.cat), categoryIcon(g.cat)), note(categoryWhy(g.cat)))}
	for _, f := range g.items {
		l, v := findingText(f)
		label := widget.NewLabelWithStyle(l, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		label.Wrapping = fyne.TextWrapWord
		value := wrapped(v, widget.MediumImportance)
		out = append(out, container.New(tightVBox{}, label, value))
	}
	return out
}

// leaveNote says what the clean copy keeps of all this.
func leaveNote(e *entry, p prefs) string {
	if len(e.report.Findings) == 0 {
		return lang.L("Nothing is hidden in this file beyond the picture itself.")
	}
	if p.KeepICC {
		return lang.L("The clean copy leaves all of this behind, except a colour profile if there is one (it says nothing about you; Settings can drop it).")
	}
	return lang.L("The clean copy leaves all of this behind.")
}

func categoryIcon(c exif.Category) fyne.Resource {
	switch c {
	case exif.Location:
		return theme.HomeIcon()
	case exif.Device:
		return theme.ComputerIcon()
	case exif.Time:
		return theme.CalendarIcon()
	case exif.People:
		return theme.AccountIcon()
	case exif.HiddenPictures:
		return theme.MediaPhotoIcon()
	case exif.EditHistory:
		return theme.DocumentCreateIcon()
	case exif.Text:
		return theme.FileTextIcon()
	}
	return theme.InfoIcon()
}

// fileName is the photo's whole file name, broken anywhere to fit (the
// list may show it shortened).
func fileName(s string) fyne.CanvasObject {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapBreak
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// heading is a panel title.
func heading(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// subheading is a section title with an icon.
func subheading(s string, icon fyne.Resource) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

// note is a quieter paragraph: italic, yet as legible as the rest.
func note(s string) *widget.Label {
	l := wrapped(s, widget.MediumImportance)
	l.TextStyle.Italic = true
	return l
}

// wrapped is a plain-text paragraph.
func wrapped(s string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

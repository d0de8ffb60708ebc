package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/redact"
)

// The preference keys: the only things Veil stores. Never a file name, the
// folder of a photo, or any history.
const (
	keyOutDir      = "outDir"      // "" is next to the original
	keyRandomNames = "randomNames" // bool
	keyKeepICC     = "keepICC"     // bool, default true
	keyQuality     = "jpegQuality" // int 1–100, default 92
	keyStyle       = "defaultStyle"
	keyLanguage    = "language" // a tag of languages, "" for the system's
)

// storedKeys is the keep-list of preferences: scrubPrefs removes any other
// key (Fyne's file dialog, for one, would remember the last folder).
var storedKeys = map[string]bool{keyOutDir: true, keyRandomNames: true, keyKeepICC: true, keyQuality: true, keyStyle: true, keyLanguage: true}

// prefs are the settings of the Settings dialog.
type prefs struct {
	OutDir      string
	RandomNames bool
	KeepICC     bool
	Quality     int
	Style       redact.Style
	Language    string // a tag of languages, "" for the system's
}

func loadPrefs(p fyne.Preferences) prefs {
	s := prefs{
		OutDir:      p.String(keyOutDir),
		RandomNames: p.Bool(keyRandomNames),
		KeepICC:     p.BoolWithFallback(keyKeepICC, true),
		Quality:     p.IntWithFallback(keyQuality, app.DefaultJPEGQuality),
		Style:       redact.Blur,
		Language:    p.String(keyLanguage),
	}
	if st, err := redact.ParseStyle(p.String(keyStyle)); err == nil {
		s.Style = st
	}
	if s.Quality < 1 || s.Quality > 100 {
		s.Quality = app.DefaultJPEGQuality
	}
	return s
}

func (s prefs) store(p fyne.Preferences) {
	p.SetString(keyOutDir, s.OutDir)
	p.SetBool(keyRandomNames, s.RandomNames)
	p.SetBool(keyKeepICC, s.KeepICC)
	p.SetInt(keyQuality, s.Quality)
	p.SetString(keyStyle, s.Style.String())
	p.SetString(keyLanguage, s.Language)
	scrubPrefs(p)
}

// settings are the prefs as the core takes them. Photos are saved one at
// a time, so one job.
func (s prefs) settings() app.Settings {
	return app.Settings{OutDir: s.OutDir, RandomNames: s.RandomNames, DropICC: !s.KeepICC, JPEGQuality: s.Quality, Jobs: 1}
}

// scrubPrefs removes every stored value that is not one of Veil's settings.
func scrubPrefs(p fyne.Preferences) {
	r, ok := p.(interface{ ReadValues(func(map[string]any)) })
	if !ok {
		return
	}
	var extra []string
	r.ReadValues(func(m map[string]any) {
		for k := range m {
			if !storedKeys[k] {
				extra = append(extra, k)
			}
		}
	})
	for _, k := range extra {
		p.RemoveValue(k)
	}
}

// showSettings opens the Settings dialog. Changes apply when confirmed.
func (v *shell) showSettings() {
	s := v.prefs
	_, whereBox := v.outDirChooser(&s)
	random := widget.NewCheck(lang.L("Give clean copies random names"), func(b bool) { s.RandomNames = b })
	random.SetChecked(s.RandomNames)
	icc := widget.NewCheck(lang.L("Keep the colour profile (faithful colour; it says nothing about you)"), func(b bool) { s.KeepICC = b })
	icc.SetChecked(s.KeepICC)
	qText := widget.NewLabel(strconv.Itoa(s.Quality))
	quality := widget.NewSlider(50, 100)
	quality.Step = 1
	quality.SetValue(float64(s.Quality))
	quality.OnChanged = func(f float64) { s.Quality = int(f); qText.SetText(strconv.Itoa(s.Quality)) }
	style := widget.NewRadioGroup(styleNames(), func(n string) {
		for i, sn := range styleNames() {
			if sn == n {
				s.Style = redact.Style(i)
			}
		}
	})
	style.Horizontal, style.Required = true, true
	style.SetSelected(styleNames()[styleIndex(s.Style)])
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Save clean copies"), whereBox),
		widget.NewFormItem(lang.L("File names"), random),
		widget.NewFormItem(lang.L("Colour"), icc),
		widget.NewFormItem(lang.L("JPEG quality"), container.NewBorder(nil, nil, nil, qText, quality)),
		widget.NewFormItem(lang.L("Cover faces with"), style),
		widget.NewFormItem(lang.L("Language"), languageChooser(&s)),
	}
	d := dialog.NewForm(lang.L("Settings"), lang.L("Save settings"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			v.applyPrefs(s)
		}
	}, v.win)
	d.Resize(fyne.NewSize(640, 420))
	v.openDialog(d)
	v.settings = d
}

// languageChooser is the Language choice of the Settings dialog, writing
// s.Language. The window is built in one language, so a new choice applies
// when Veil next opens, as the line under it says.
func languageChooser(s *prefs) fyne.CanvasObject {
	names := make([]string, len(languages))
	for i, c := range languages {
		names[i] = c.Name
	}
	names[0] = lang.L("Automatic")
	pick := widget.NewSelect(names, func(n string) {
		for i, name := range names {
			if name == n {
				s.Language = languages[i].Tag
			}
		}
	})
	// Found before it is shown: showing a choice sets s.Language to it.
	chosen := max(0, slices.IndexFunc(languages, func(c languageChoice) bool { return c.Tag == s.Language }))
	pick.SetSelectedIndex(chosen)
	note := widget.NewLabel(lang.L("Used from the next time Veil opens."))
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(pick, note)
}

// outDirChooser is the "Save clean copies" choice of the Settings dialog,
// writing s.OutDir. "In a folder I choose" asks for the folder at once;
// should the person cancel, it goes back to "Next to the original", never
// left chosen with no folder. With a folder, the folder is shown with a
// button to choose another.
func (v *shell) outDirChooser(s *prefs) (*widget.RadioGroup, fyne.CanvasObject) {
	folder := widget.NewLabel("")
	folder.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButton(lang.L("Choose folder…"), nil)
	options := []string{lang.L("Next to the original"), lang.L("In a folder I choose")}
	where := widget.NewRadioGroup(options, nil)
	where.Required = true
	showDir := func() {
		folder.SetText(s.OutDir)
		showIf(folder, s.OutDir != "")
		showIf(choose, s.OutDir != "")
	}
	pick := func() {
		v.pickFolder(lang.L("Folder for the clean copies"), func(dir string) {
			s.OutDir = dir
			where.SetSelected(options[1])
			showDir()
		}, func() {
			where.SetSelected(options[min(len(s.OutDir), 1)])
		})
	}
	choose.OnTapped = pick
	where.SetSelected(options[min(len(s.OutDir), 1)])
	where.OnChanged = func(string) {
		switch {
		case where.Selected == options[0]:
			s.OutDir = ""
		case s.OutDir == "":
			pick()
		}
		showDir()
	}
	showDir()
	return where, container.NewVBox(where, container.NewBorder(nil, nil, nil, choose, folder))
}

// applyPrefs stores new settings and uses them from now on. A new cover
// style is the style of new areas and of the faces of photos not yet
// touched; a photo already saved keeps the covers it was saved with, so
// that what the window shows as "Saved" is what was written.
func (v *shell) applyPrefs(s prefs) {
	v.storeEdits(v.selected)
	if s.Style != v.prefs.Style {
		for _, e := range v.entries {
			if e.edits == nil && e.found && e.output != "" {
				e.edits = v.appEdits(e) // the covers written, in the old style
			}
		}
	}
	v.prefs = s
	s.store(v.app.Preferences())
	if e := v.selected; e != nil && e.edits == nil && e.img != nil {
		v.showEntry(e) // its untouched face covers, in the new style
	} else {
		v.matchStyle(s.Style) // not SetStyle: it would restyle the selected area
	}
	v.refreshPanels()
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/redact"
)

// settingsRadio returns the "Save clean copies" choice of the Settings dialog.
func settingsRadio(t *testing.T, v *shell) *widget.RadioGroup {
	t.Helper()
	var where *widget.RadioGroup
	walk(t, topDialog(t, v), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && r.Options[0] == "Next to the original" {
			where = r
		}
	})
	if where == nil {
		t.Fatal("no choice of where to save in Settings")
	}
	return where
}

func TestCancellingTheFolderPickerGoesBackToNextToTheOriginal(t *testing.T) {
	v, _ := newTestShell(t)
	v.showSettings()
	where := settingsRadio(t, v)
	where.SetSelected("In a folder I choose")
	test.Tap(buttonNamed(t, topDialog(t, v), "Cancel")) // the folder picker's
	if where.Selected != "Next to the original" {
		t.Errorf("with no folder chosen, Settings says %q", where.Selected)
	}
	where.SetSelected("In a folder I choose")
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // cancels the folder picker
	v.editor.prev.wait()
	if where.Selected != "Next to the original" {
		t.Errorf("with the folder picker escaped, Settings says %q", where.Selected)
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Save settings"))
	if v.prefs.OutDir != "" {
		t.Errorf("saving to %q", v.prefs.OutDir)
	}
}

func TestANewDefaultStyleLeavesSavedPhotosAsSaved(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, append(copyFixtures(t, astronaut), copyAs(t, astronaut, "again.png"))...)
	pressKeys(t, v.win.Canvas(), fyne.KeyS, fyne.KeyModifierShortcutDefault)
	v.editor.prev.wait()
	p := v.prefs
	p.Style = redact.Pixelate
	v.applyPrefs(p)
	v.editor.prev.wait()
	t.Run("the saved photo keeps the covers it was saved with", func(t *testing.T) {
		if rs := v.editor.Regions(); len(rs) != 1 || rs[0].Style != redact.Blur || v.entries[0].state != stSaved {
			t.Errorf("%v, %s: want one blurred face, saved", rs, v.entries[0].statusText())
		}
	})
	t.Run("Cover with marks the style its covers have, not the new one", func(t *testing.T) {
		if b := v.tools.styles[redact.Blur]; b.Importance != widget.HighImportance {
			t.Error("Blur is not marked")
		}
	})
	t.Run("an untouched photo not saved takes the new style", func(t *testing.T) {
		v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		v.editor.prev.wait()
		if rs := v.editor.Regions(); len(rs) != 1 || rs[0].Style != redact.Pixelate {
			t.Errorf("%v: want one pixelated face", rs)
		}
		if b := v.tools.styles[redact.Pixelate]; b.Importance != widget.HighImportance {
			t.Error("Pixelate is not marked")
		}
	})
}

func TestSettingsKeepTheLanguageChosen(t *testing.T) {
	v, _ := newTestShell(t)
	v.prefs.Language = "es"
	v.showSettings()
	var pick *widget.Select
	walk(t, topDialog(t, v), func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			pick = s
		}
	})
	if pick == nil {
		t.Fatal("no language choice in Settings")
	}
	if pick.Selected != "Español" {
		t.Fatalf("Settings show the language as %q, want Español", pick.Selected)
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Save settings"))
	if v.prefs.Language != "es" {
		t.Errorf("saving Settings unchanged made the language %q, not es", v.prefs.Language)
	}
}

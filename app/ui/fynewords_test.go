package ui

import (
	"bytes"
	"log"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	fynelang "fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// systemSpeaks makes the system's language lang (LANG, as a Linux desktop
// sets it) with the list languages (LANGUAGE, "" for none) for the rest of
// the test, as go-locale reads them for Fyne. Veil speaks the system's
// language again afterwards, once the system is back.
func systemSpeaks(t *testing.T, lang1, languages string) {
	t.Cleanup(func() { lang.Use("") }) // runs after the variables are back
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", lang1)
	t.Setenv("LANGUAGE", languages)
}

// fyneFindsEveryWord fails the test if Fyne, by the test's end, looked up
// a word it found no translation for: once Veil's words are registered,
// Fyne would show that one in English (fyneWords).
func fyneFindsEveryWord(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() {
		log.SetOutput(os.Stderr)
		for _, line := range strings.Split(logged.String(), "\n") {
			if strings.Contains(line, "not found in language") {
				t.Errorf("Fyne found no translation: %s", line)
			}
		}
	})
}

// shellSpeaking opens the window with the Settings' language choice.
func shellSpeaking(t *testing.T, choice string) *shell {
	a := test.NewTempApp(t)
	a.Preferences().SetString(keyLanguage, choice)
	v := newWindow(a)
	v.native = nil // Fyne's file chooser, not the desktop's
	t.Cleanup(v.win.Close)
	return v
}

// wordsUnder is every text under o, as a person reads it: labels, rich
// text and the plain text of Fyne's own widgets (a menu's items).
func wordsUnder(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	walk(t, o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		case *canvas.Text:
			out = append(out, x.Text)
		}
	})
	return out
}

// TestFynesOwnWordsSpeakTheSettingsLanguage chooses a language in the
// Settings other than the system's, on systems of several kinds, and reads
// what Fyne's own widgets say: a dialog's default buttons, the file
// chooser, a text field's menu.
func TestFynesOwnWordsSpeakTheSettingsLanguage(t *testing.T) {
	tests := []struct {
		name, lang, languages, choice string
		yes, no, ok, menuCut          string
	}{
		{"Spanish chosen on an English system", "en_US.UTF-8", "", "es", "Sí", "No", "Aceptar", "Cortar"},
		{"English chosen on a Spanish system", "es_ES.UTF-8", "", "en", "Yes", "No", "OK", "Cut"},
		{"German chosen on a Mexican system", "es_MX.UTF-8", "", "de", "Ja", "Nein", "OK", "Ausschneiden"},
		{"French chosen on a Brazilian system", "pt_BR.UTF-8", "", "fr", "Oui", "Non", "OK", "Couper"},
		{"Brazilian Portuguese chosen on a Japanese system", "ja_JP.UTF-8", "", "pt-BR", "Sim", "Não", "OK", "Recortar"},
		{"Spanish chosen on a system Fyne has no words for", "nb_NO.UTF-8", "", "es", "Sí", "No", "Aceptar", "Cortar"},
		{"Spanish chosen on a system with no language", "C", "", "es", "Sí", "No", "Aceptar", "Cortar"},
		{"French chosen on a system listing German then Spanish", "de_DE.UTF-8", "de_DE:es", "fr", "Oui", "Non", "OK", "Couper"},
		{"Spanish chosen on a Chinese system", "zh_CN.UTF-8", "", "es", "Sí", "No", "Aceptar", "Cortar"},
		{"German chosen on a list with a script, as macOS writes it", "en_US.UTF-8", "zh-Hans-CN:en-US", "de", "Ja", "Nein", "OK", "Ausschneiden"},
		{"Spanish chosen on Latin American Spanish", "es_419.UTF-8", "", "es", "Sí", "No", "Aceptar", "Cortar"},
		{"English chosen on European Portuguese", "pt_PT.UTF-8", "", "en", "Yes", "No", "OK", "Cut"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			systemSpeaks(t, tt.lang, tt.languages)
			fyneFindsEveryWord(t)
			v := shellSpeaking(t, tt.choice)
			dialog.NewConfirm("?", "?", nil, v.win).Show()
			buttonNamed(t, topDialog(t, v), tt.yes)
			buttonNamed(t, topDialog(t, v), tt.no)
			dialog.NewInformation("!", "!", v.win).Show()
			buttonNamed(t, topDialog(t, v), tt.ok)
			if got := entryMenu(t); !strings.Contains(got, tt.menuCut) {
				t.Errorf("a text field's menu reads %q, want %q", got, tt.menuCut)
			}
		})
	}
}

// entryMenu is what the menu of a text field says.
func entryMenu(t *testing.T) string {
	e := widget.NewEntry()
	e.SetText("a name")
	w := test.NewTempWindow(t, e)
	test.TapSecondary(e)
	menu := w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("no menu on the text field")
	}
	return strings.Join(wordsUnder(t, menu), " · ")
}

// TestEveryWordOfFyneSpeaksTheChoice checks each of fyneWords, as Fyne
// looks it up, in each language of the Settings, on an English system.
func TestEveryWordOfFyneSpeaksTheChoice(t *testing.T) {
	systemSpeaks(t, "en_GB.UTF-8", "")
	for _, choice := range languages[1:] {
		lang.Use(choice.Tag)
		for key, veil := range fyneWords {
			if got, want := fynelang.X(key, "?"), lang.L(veil); got != want {
				t.Errorf("%s: Fyne says %q for %q, want %q", choice.Name, got, key, want)
			}
		}
	}
}

// TestEveryWordOfFyneIsTranslated checks that each of fyneWords has its
// entry in every language's file.
func TestEveryWordOfFyneIsTranslated(t *testing.T) {
	for _, file := range stringFiles() {
		tr := readTranslations(t, file)
		for key, veil := range fyneWords {
			if _, ok := tr[veil]; !ok {
				t.Errorf("%s has no entry for %q (Fyne's %q)", file, veil, key)
			}
		}
	}
}

// TestFynesFileChooserSpeaksTheSettingsLanguage opens Fyne's own file
// chooser (the one used where the desktop offers none) in the language
// chosen over the system's, and its "New folder" form and options.
func TestFynesFileChooserSpeaksTheSettingsLanguage(t *testing.T) {
	tests := []struct {
		name, lang, choice string
		want               []string
	}{
		{"Spanish chosen on an English system", "en_US.UTF-8", "es", []string{
			"Abrir una foto", "Cancelar", "Abrir", "(Subir)",
			"Nueva carpeta", "Nombre", "Crear carpeta", "Mostrar archivos ocultos"}},
		{"English chosen on a Spanish system", "es_ES.UTF-8", "en", []string{
			"Open a photo", "Cancel", "Open", "(Up)",
			"New folder", "Name", "Create folder", "Show hidden files"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			systemSpeaks(t, tt.lang, "")
			fyneFindsEveryWord(t)
			v := shellSpeaking(t, tt.choice)
			v.openFile()
			chooser := topDialog(t, v)
			seen := wordsUnder(t, chooser)
			test.Tap(iconButton(t, chooser, theme.SettingsIcon()))
			seen = append(seen, wordsUnder(t, topDialog(t, v))...)
			test.Tap(iconButton(t, chooser, theme.FolderNewIcon()))
			seen = append(seen, wordsUnder(t, topDialog(t, v))...)
			for _, w := range tt.want {
				if !slices.Contains(seen, w) {
					t.Errorf("no %q in the chooser: %q", w, seen)
				}
			}
		})
	}
}

// iconButton is the button under o that shows icon, or fails.
func iconButton(t *testing.T, o fyne.CanvasObject, icon fyne.Resource) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(t, o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == icon.Name() && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button showing %s", icon.Name())
	}
	return found
}

// TestFynesFolderChoosersAreTitledInVeilsWords checks the titles of Fyne's
// folder choosers, which Fyne would make of its own "Open" and "Folder".
func TestFynesFolderChoosersAreTitledInVeilsWords(t *testing.T) {
	systemSpeaks(t, "en_US.UTF-8", "")
	v := shellSpeaking(t, "es")
	v.openFolder()
	if seen := wordsUnder(t, topDialog(t, v)); !slices.Contains(seen, "Abrir una carpeta") {
		t.Errorf("the folder chooser reads %q", seen)
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Cancelar"))
	v.showSettings()
	walk(t, topDialog(t, v), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, "En una carpeta que elijo") {
			r.SetSelected("En una carpeta que elijo")
		}
	})
	if seen := wordsUnder(t, topDialog(t, v)); !slices.Contains(seen, "Carpeta para las copias limpias") {
		t.Errorf("the chooser of a folder for clean copies reads %q", seen)
	}
}

package ui

import (
	"encoding/json"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	fynelang "fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"
)

// fyneWords are the words Fyne's own widgets look up when Veil uses them,
// by Fyne's key, each with Veil's key for it (an English text of
// translations/). Veil sets its own text wherever Fyne lets it (a dialog's
// buttons and title, a file dialog's buttons and title); these remain:
// the file dialog's "New folder" form and its options pop-up, the "(Up)" entry
// of its list (Fyne's "(Parent)"), the error it may show, the menu of a text
// field (the new folder's name), the defaults of dialogs should a dialog
// ever be made without its own words, and the defaults Fyne looks up
// before Veil's text replaces them ("Open", "File"). The list must hold
// every key those widgets ask for: where Veil's words make a locale Fyne
// had none for, go-i18n falls back for any other key to English, not to
// Fyne's own translation (fynewords_test.go watches for it).
var fyneWords = map[string]string{
	"OK":                "OK",
	"Cancel":            "Cancel",
	"Open":              "Open",
	"File":              "File",
	"Folder":            "Folder",
	"Yes":               "Yes",
	"No":                "No",
	"Error":             "Error",
	"New Folder":        "New folder",
	"Create Folder":     "Create folder",
	"file.name":         "Name",
	"file.parent":       "Up",
	"Show Hidden Files": "Show hidden files",
	"Cut":               "Cut",
	"Copy":              "Copy",
	"Paste":             "Paste",
	"Select all":        "Select all",
	"Undo":              "Undo",
	"Redo":              "Redo",
	"Quit":              "Quit",
}

// teachFyne makes Fyne's own words (fyneWords) speak the language l speaks.
//
// Fyne's lang package picks its language from the system's list of
// locales alone (jeandeaual/go-locale: LANGUAGE, LC_ALL, LC_MESSAGES and
// LANG on Linux and BSD; the user's preferred languages on Windows and
// macOS), again each time translations are added, and offers no way to
// choose another. It matches that list against the locales it has words
// for (English when none is close), writes the match as language-region
// ("pt-BR", "zh-CN"; the language alone when the match has no region) and
// has go-i18n look its words up for that. Veil's words are registered, as
// Fyne's translations, under each locale of the system's list, its
// language-region form and its language, and under English: Fyne's match
// is then a locale of the list itself (an exact match is the best), and
// go-i18n finds the form Fyne asks for exactly. The words are checked
// through Fyne afterwards: an error says they did not take.
func (l *localizer) teachFyne() error {
	words := make(map[string]string, len(fyneWords))
	for key, veil := range fyneWords {
		words[key] = l.L(veil)
	}
	data, err := json.Marshal(words)
	if err != nil {
		return err
	}
	for _, loc := range fyneLocales() {
		if err := fynelang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			return fmt.Errorf("ui: Veil's words for Fyne in %s: %w", loc, err)
		}
	}
	if got := fynelang.L("Cancel"); got != words["Cancel"] {
		return fmt.Errorf("ui: Fyne's words still follow the system's language (its Cancel reads %q)", got)
	}
	return nil
}

// fyneLocales are the locales under which Fyne may look up its words:
// English, then for each locale the system lists (go-locale's list, parsed
// by x/text as Fyne parses it) the locale, its language-region form and
// its language.
func fyneLocales() []string {
	out := []string{"en"}
	all, _ := locale.GetLocales() // Fyne reads English too when it fails
	for _, loc := range all {
		tag, _ := language.Parse(loc) // Fyne matches what parses, errors or not
		if tag == language.Und {
			continue // Fyne cannot match it either
		}
		base, _, region := tag.Raw()
		forms := []string{tag.String(), base.String()}
		if region.String() != "ZZ" {
			forms = append(forms, base.String()+"-"+region.String())
		}
		for _, f := range forms {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

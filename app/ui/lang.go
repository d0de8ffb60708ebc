package ui

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// translations holds en.json and es.json: every string the window shows.
//
//go:embed translations
var translations embed.FS

var loadOnce sync.Once

// loadTranslations adds Veil's translations to Fyne's, once.
func loadTranslations() {
	loadOnce.Do(func() {
		if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
			fyne.LogError("Veil translations", err)
		}
	})
}

package ui

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"fyne.io/fyne/v2"
	fynelang "fyne.io/fyne/v2/lang"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// translations holds one file of window strings per language (en.json,
// es.json, fr.json, de.json, pt_BR.json). English is the key of every
// string; "veil.language" names the findings table of the language
// (findingwords/, findings_words.go).
//
//go:embed translations
var translations embed.FS

// lang is Veil's localizer: every string the window shows goes through
// lang.L. It stands where Fyne's lang package would be, because Fyne picks
// its language from the system alone and offers no way to choose another;
// here the Settings can (the choice applies when Veil next opens: the
// window is built once, in the language of that moment). A file of the
// package that imported Fyne's lang under its own name would not compile,
// so a string cannot slip past the choice. The few words Fyne's own
// widgets show follow the choice too (teachFyne, fynewords.go).
var lang = func() *localizer {
	l, err := newLocalizer(translations, "translations")
	if err != nil {
		fyne.LogError("Veil translations", err)
	}
	l.fyne = true // from the window's first Use on (newWindow)
	return l
}()

// languageChoice is a choice of the Settings: a tag, "" for the system's,
// and the language's name in itself.
type languageChoice struct{ Tag, Name string }

// languages are the choices of Settings: Language, in the order shown. A
// language's name is written in that language, so a person who cannot read
// the current one still finds theirs.
var languages = []languageChoice{
	{"", "Automatic"},
	{"en", "English"},
	{"es", "Español"},
	{"fr", "Français"},
	{"de", "Deutsch"},
	{"pt-BR", "Português (Brasil)"},
}

// localizer translates the window's strings into one language at a time.
type localizer struct {
	bundle *i18n.Bundle
	mu     sync.RWMutex
	active *i18n.Localizer
	tag    language.Tag
	fyne   bool // Fyne's own words follow (teachFyne)
}

// newLocalizer loads every file of dir in fsys, English being the language
// of the keys, and speaks the system's language until told otherwise. It
// returns the first error met with a localizer all the same: the strings of
// a file that does not load stay in English.
func newLocalizer(fsys fs.FS, dir string) (*localizer, error) {
	l := &localizer{bundle: i18n.NewBundle(language.English)}
	l.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, first := fs.ReadDir(fsys, dir)
	for _, f := range files {
		data, err := fs.ReadFile(fsys, dir+"/"+f.Name())
		if err == nil {
			_, err = l.bundle.ParseMessageFileBytes(data, f.Name())
		}
		if err != nil && first == nil {
			first = fmt.Errorf("%s: %w", f.Name(), err)
		}
	}
	l.Use("")
	return l, first
}

// Use speaks the language of tag from now on: one of languages' tags, ""
// (or one Veil has no translation for) being the system's language, and
// English when Veil has no translation for that either. Veil's own
// localizer (lang) makes Fyne's words speak it too (teachFyne); call it on
// the UI goroutine then, since Fyne's widgets read those words there.
func (l *localizer) Use(tag string) {
	want := l.closest(tag)
	if want == language.Und {
		want = l.closest(string(fynelang.SystemLocale()))
	}
	if want == language.Und {
		want = language.English
	}
	l.mu.Lock()
	l.tag, l.active = want, i18n.NewLocalizer(l.bundle, want.String())
	l.mu.Unlock()
	if l.fyne {
		if err := l.teachFyne(); err != nil {
			fyne.LogError("Veil's language for Fyne's own words", err)
		}
	}
}

// closest is the language of the bundle that serves a reader of tag, or
// language.Und when none does (an unrelated language, or "").
func (l *localizer) closest(tag string) language.Tag {
	t, err := language.Parse(tag)
	if err != nil || tag == "" {
		return language.Und
	}
	have := l.bundle.LanguageTags()
	_, i, conf := language.NewMatcher(have).Match(t)
	if conf == language.No {
		return language.Und
	}
	return have[i]
}

// Language is the language spoken now.
func (l *localizer) Language() language.Tag {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.tag
}

// L translates key, an English text, filling its template fields from
// data[0] (a map or a struct). A key with no translation is shown in
// English; a text that is not a template (one read from a photo, say) is
// returned as it is.
func (l *localizer) L(key string, data ...any) string {
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	l.mu.RLock()
	active := l.active
	l.mu.RUnlock()
	s, err := active.Localize(&i18n.LocalizeConfig{
		DefaultMessage: &i18n.Message{ID: key, Other: key},
		TemplateData:   d,
	})
	if err != nil && s == "" {
		return key
	}
	return s
}

// X is the string with the ID key in the language spoken, fallback when
// that language has none: an entry that is not an English sentence, such
// as "veil.language", the code of the findings table to use.
func (l *localizer) X(key, fallback string) string {
	l.mu.RLock()
	active := l.active
	l.mu.RUnlock()
	s, err := active.Localize(&i18n.LocalizeConfig{DefaultMessage: &i18n.Message{ID: key, Other: fallback}})
	if err != nil && s == "" {
		return fallback
	}
	return s
}

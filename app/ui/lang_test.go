package ui

import (
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestEveryStringIsTranslated scans the package's Go files (the editor's
// too) for lang.L keys and checks that every language of the Settings has
// each one, with the same template fields.
func TestEveryStringIsTranslated(t *testing.T) {
	keys := langKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found only %d keys: the scan is broken", len(keys))
	}
	for _, file := range stringFiles() {
		tr := readTranslations(t, file)
		for k, where := range keys {
			if _, ok := tr[k]; !ok {
				t.Errorf("%s has no entry for %q (%s)", file, k, where)
			}
		}
	}
}

// TestEveryLanguageHasTheSameStrings checks each language's file against
// English: the same keys, none empty, each with the fields of its key.
func TestEveryLanguageHasTheSameStrings(t *testing.T) {
	en := readTranslations(t, "en.json")
	for _, file := range stringFiles() {
		tr := readTranslations(t, file)
		for k := range en {
			if _, ok := tr[k]; !ok {
				t.Errorf("%s has no entry for %q", file, k)
			}
		}
		for k, v := range tr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s has %q, which English does not", file, k)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %q is empty", file, k)
			}
			if a, b := templateFields(k), templateFields(v); !slices.Equal(a, b) {
				t.Errorf("%s: %q has the fields %v, its key %v", file, v, b, a)
			}
		}
	}
}

// TestTemplateFieldsAreCompared checks the comparison the catalogue tests
// rest on.
func TestTemplateFieldsAreCompared(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"the same fields in another order are the same", "{{.N}} of {{.Total}}", "{{ .Total }}: {{.N}}", true},
		{"a field renamed differs", "{{.N}} faces", "{{.Count}} visages", false},
		{"a field dropped differs", "{{.Saved}} saved, {{.Failed}} not", "{{.Saved}} gespeichert", false},
		{"a field doubled differs", "Face {{.N}}", "{{.N}} {{.N}}", false},
		{"no fields are the same", "Open", "Ouvrir", true},
	}
	for _, tt := range tests {
		if got := slices.Equal(templateFields(tt.a), templateFields(tt.b)); got != tt.same {
			t.Errorf("%s: %q and %q compared %v", tt.name, tt.a, tt.b, got)
		}
	}
}

// TestEveryLanguageHasAFile checks that each language of the Settings has
// its file and each file of window strings its place in the Settings.
func TestEveryLanguageHasAFile(t *testing.T) {
	want := map[string]bool{}
	for _, f := range stringFiles() {
		want[f] = true
	}
	entries, err := translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "findings.") && !want[e.Name()] {
			t.Errorf("%s is not a language of the Settings", e.Name())
		}
		delete(want, e.Name())
	}
	for f := range want {
		t.Errorf("a language of the Settings has no %s", f)
	}
}

// stringFiles are the files of window strings of the languages of the
// Settings.
func stringFiles() []string {
	var out []string
	for _, c := range languages[1:] {
		out = append(out, strings.ReplaceAll(c.Tag, "-", "_")+".json")
	}
	return out
}

// templateFields are the template fields of s, sorted.
func templateFields(s string) []string {
	var out []string
	for _, m := range fieldName.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

var fieldName = regexp.MustCompile(`\{\{\s*\.([A-Za-z]+)\s*\}\}`)

// langKeys returns every literal key of lang.L in the package, with where
// it was found.
func langKeys(t *testing.T) map[string]string {
	t.Helper()
	call := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	files, _ := filepath.Glob("*.go")
	keys := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %s: %v", f, m[1], err)
			}
			keys[k] = f
		}
	}
	return keys
}

func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// writeGoldenImage writes a rendered golden (with -update).
func writeGoldenImage(t *testing.T, path string, img image.Image) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestLocalizerSpeaksTheChosenLanguage checks a string and a template in
// each language of the Settings.
func TestLocalizerSpeaksTheChosenLanguage(t *testing.T) {
	l := testLocalizer(t)
	tests := []struct{ tag, open, face string }{
		{"en", "Open", "Face 2"},
		{"es", "Abrir", "Cara 2"},
		{"fr", "Ouvrir", "Visage 2"},
		{"de", "Öffnen", "Gesicht 2"},
		{"pt-BR", "Abrir", "Rosto 2"},
	}
	for _, tt := range tests {
		l.Use(tt.tag)
		if got := l.L("Open"); got != tt.open {
			t.Errorf("%s: Open is %q, want %q", tt.tag, got, tt.open)
		}
		if got := l.L("Face {{.N}}", map[string]any{"N": 2}); got != tt.face {
			t.Errorf("%s: Face 2 is %q, want %q", tt.tag, got, tt.face)
		}
	}
}

// TestClosestLanguageServesRelatedLocales checks which translation serves a
// system locale or a stored choice.
func TestClosestLanguageServesRelatedLocales(t *testing.T) {
	l := testLocalizer(t)
	tests := []struct{ name, locale, want string }{
		{"a French Canadian reads French", "fr-CA", "fr"},
		{"an Austrian reads German", "de-AT", "de"},
		{"a Mexican reads Spanish", "es-MX", "es"},
		{"a Brazilian reads Brazilian Portuguese", "pt-BR", "pt-BR"},
		{"a Portuguese reader is closer to Brazilian Portuguese than to English", "pt-PT", "pt-BR"},
		{"a British reader reads English", "en-GB", "en"},
		{"an unrelated language has none", "ja", "und"},
		{"no choice has none", "", "und"},
		{"a malformed choice has none", "not a tag!", "und"},
	}
	for _, tt := range tests {
		if got := l.closest(tt.locale).String(); got != tt.want {
			t.Errorf("%s: %q gives %s, want %s", tt.name, tt.locale, got, tt.want)
		}
	}
}

// TestUnknownChoiceSpeaksTheSystemLanguage checks that a stored choice
// Veil has no translation for falls back as "Automatic" does.
func TestUnknownChoiceSpeaksTheSystemLanguage(t *testing.T) {
	l := testLocalizer(t)
	l.Use("")
	system := l.Language()
	l.Use("fr")
	l.Use("ja")
	if got := l.Language(); got != system {
		t.Errorf("an unknown choice speaks %s, the system %s", got, system)
	}
}

// TestTextWithNoTranslationIsKept checks what a photo's own text (a
// caption, a name) looks like through L: exactly as it is, even when it
// looks like a broken template.
func TestTextWithNoTranslationIsKept(t *testing.T) {
	l := testLocalizer(t)
	l.Use("de")
	for _, s := range []string{"Holiday at Anna's", "{{ broken", "50% off {{", ""} {
		if got := l.L(s); got != s {
			t.Errorf("%q is shown as %q", s, got)
		}
	}
}

func testLocalizer(t *testing.T) *localizer {
	t.Helper()
	l, err := newLocalizer(translations, "translations")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

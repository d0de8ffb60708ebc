package ui

import (
	"regexp"
	"strings"
	"testing"
)

func TestFindingsAreTranslatedAroundTheirNumbers(t *testing.T) {
	es := map[string]string{
		"a small copy of the photo ({0} bytes)":               "una copia pequeña de la foto ({0} bytes)",
		"{0} N, {1} E — this shows where the photo was taken": "{0} N, {1} E — muestra dónde se tomó la foto",
		"{0} × {1} dots per inch":                             "{1} × {0} puntos por pulgada",
		"other pictures or a video are attached:":             "hay otras imágenes o un video adjuntos:",
		"— this shows where the photo was taken":              "— muestra dónde se tomó la foto",
		"unknown data block APP{0} (…), {1} bytes":            "bloque de datos desconocido APP{0} (…), {1} bytes",
		"\"…\" chunk of {0} bytes":                            "bloque «…» de {0} bytes",
		"(an ID that can link copies of this photo)":          "(un identificador que puede vincular copias de esta foto)",
	}
	tr := func(k string) string {
		if v, ok := es[k]; ok {
			return v
		}
		return k
	}
	tests := []struct{ in, want string }{
		{"a small copy of the photo (664 bytes)", "una copia pequeña de la foto (664 bytes)"},
		{"48.8584 N, 2.2945 E — this shows where the photo was taken", "48.8584 N, 2.2945 E — muestra dónde se tomó la foto"},
		{"72 × 96 dots per inch", "96 × 72 puntos por pulgada"},
		{"Jane Doe, 1987", "Jane Doe, 1987"}, // text from the file: never translated
		{"other pictures or a video are attached: image/heic, video/x-foo", "hay otras imágenes o un video adjuntos: image/heic, video/x-foo"},
		{"48,51.5N, 2,17.7E — this shows where the photo was taken", "48,51.5N, 2,17.7E — muestra dónde se tomó la foto"},
		{"Note: the party", "Note: the party"}, // file text with a colon stays whole
		{"unknown data block APP12 (Ducky 2), 20 bytes", "bloque de datos desconocido APP12 (Ducky 2), 20 bytes"},
		{`"prVt" chunk of 24 bytes`, "bloque «prVt» de 24 bytes"},
		{"A1B2-C3 (an ID that can link copies of this photo)", "A1B2-C3 (un identificador que puede vincular copias de esta foto)"},
		{"Jane (the bride)", "Jane (the bride)"}, // file text in brackets stays whole
		{"{0} bytes", "{0} bytes"},
	}
	for _, tt := range tests {
		if got := trWith(tt.in, tr); got != tt.want {
			t.Errorf("trWith(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFindingTranslationsAreWellFormed checks every key of the findings
// catalogue: it must be what trFinding builds from an English text (no
// digits left in it, placeholders numbered in order), and its Spanish must
// use exactly the same placeholders.
func TestFindingTranslationsAreWellFormed(t *testing.T) {
	es := readTranslations(t, "findings.es.json")
	if len(es) < 10 {
		t.Fatalf("only %d findings translated", len(es))
	}
	ph := regexp.MustCompile(`\{\d+\}`)
	for k, v := range es {
		english := ph.ReplaceAllStringFunc(k, func(p string) string { return "7" + strings.Trim(p, "{}") })
		got := trWith(english, func(key string) string {
			if key != k {
				t.Errorf("%q gives the key %q", k, key)
			}
			return v
		})
		if strings.Contains(got, "{") && ph.MatchString(got) {
			t.Errorf("%q: the Spanish %q leaves a placeholder unfilled", k, v)
		}
		a, b := ph.FindAllString(k, -1), ph.FindAllString(v, -1)
		if len(a) != len(b) {
			t.Errorf("%q: the Spanish %q has placeholders %v, the key %v", k, v, b, a)
		}
	}
}

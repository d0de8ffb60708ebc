package ui

import (
	"strings"
	"testing"

	"veil/app"
)

func TestTheWindowsFilterListsEveryExtensionVeilCleans(t *testing.T) {
	got := filterPatterns(app.Extensions())
	for _, e := range app.Extensions() {
		if !strings.Contains(got+";", "*"+e+";") {
			t.Errorf("%q lacks *%s", got, e)
		}
	}
	if strings.Count(got, ";") != len(app.Extensions())-1 {
		t.Errorf("%q: not one pattern per extension", got)
	}
}

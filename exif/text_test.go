package exif

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextFinding(t *testing.T) {
	long := strings.Repeat("é", 300)
	cases := []struct{ name, in, want string }{
		{"keeps plain text", "Jane Doe", "Jane Doe"},
		{"trims and collapses white space", "  Jane \t\n Doe \r\n", "Jane Doe"},
		{"removes control characters and NULs", "Jane\x00\x07\x1b[31m Doe\x7f", "Jane[31m Doe"},
		{"removes bidirectional overrides", "invoice\u202Egpj.exe", "invoicegpj.exe"},
		{"reads invalid UTF-8 as Latin-1", "Z\xfcrich", "Zürich"},
		{"keeps markup as plain text", "<b>bold</b> &amp;", "<b>bold</b> &amp;"},
		{"shortens long values with an ellipsis", long, strings.Repeat("é", 200) + "…"},
		{"keeps a value of exactly 200 characters", long[:400], long[:400]},
		{"names text of nothing but control characters", "\x00\x01\x02", "unreadable text (3 bytes)"},
		{"gives nothing for nothing but white space", " \r\n ", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := textFinding(People, "people.artist", c.in, "EXIF")
			want := Finding{Category: People, Label: "Artist", Value: c.want, Where: "EXIF"}
			if !sameSaid(f, want) {
				t.Errorf("got %+v, want %+v", f, want)
			}
		})
	}
}

func TestCleanTextBoundsHugeInput(t *testing.T) {
	got := cleanText(strings.Repeat("ü", 1<<20) + "\xff")
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) != maxTextRunes+1 || !strings.HasPrefix(got, "üü") {
		t.Errorf("got %d runes starting %q", utf8.RuneCountInString(got), got[:8])
	}
}

func TestCleanTextIsStable(t *testing.T) {
	for _, s := range []string{"a\u202Eb", strings.Repeat("x ", 300), "Z\xfcrich", " \x00 "} {
		once := cleanText(s)
		if twice := cleanText(once); twice != once {
			t.Errorf("cleanText(%q) = %q, then %q", s, once, twice)
		}
	}
}

func TestSortPayloadFindingsFollowsTheCategoryOrder(t *testing.T) {
	fs := []Finding{{Category: Other, Label: "a"}, {Category: Location, Label: "b"}, {Category: Time, Label: "c"}, {Category: Location, Label: "a"}}
	sortPayloadFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Category)+"/"+f.Label)
	}
	if want := "Location/a Location/b Time/c Other/a"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

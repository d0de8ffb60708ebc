package exif

import "testing"

func TestShownDate(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		ok             bool
	}{
		{"RFC 3339 with an offset keeps the offset", "2026-12-04T23:29:00+00:00", "2026-12-04 23:29:00 +00:00", true},
		{"RFC 3339 in UTC reads as +00:00", "2026-12-04T23:29:00Z", "2026-12-04 23:29:00 +00:00", true},
		{"a fraction of a second is read and not shown", "2026-12-04T23:29:00.5-05:00", "2026-12-04 23:29:00 -05:00", true},
		{"ISO 8601 without a zone has none", "2024-05-01T12:00:00", "2024-05-01 12:00:00", true},
		{"a space instead of T reads", "2024-05-01 12:00:00", "2024-05-01 12:00:00", true},
		{"minutes without seconds read", "2024-05-01T12:00", "2024-05-01 12:00", true},
		{"EXIF's colons read as EXIF dates are shown", "2024:05:01 12:00:00", "2024-05-01 12:00:00", true},
		{"a date alone stays a date", "2024-05-01", "2024-05-01", true},
		{"RFC 1123 with a numeric zone", "Sat, 05 Dec 2026 01:35:14 +0100", "2026-12-05 01:35:14 +01:00", true},
		{"RFC 1123 with GMT keeps its name", "Sat, 05 Dec 2026 01:35:14 GMT", "2026-12-05 01:35:14 GMT", true},
		{"RFC 1123 with a day of one digit", "Sat, 5 Dec 2026 01:35:14 GMT", "2026-12-05 01:35:14 GMT", true},
		{"RFC 1123 without the weekday", "5 Dec 2026 01:35:14 -0000", "2026-12-05 01:35:14 +00:00", true},
		{"white space around is ignored", "  2024-05-01 \n", "2024-05-01", true},
		{"a month 13 is no date", "2024-13-01", "", false},
		{"free text is no date", "last summer", "", false},
		{"a date followed by text is no date", "2024-05-01 at noon", "", false},
		{"all zeros is no date", "0000:00:00 00:00:00", "", false},
		{"an empty text is no date", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := shownDate(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("shownDate(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func FuzzShownDate(f *testing.F) {
	for _, s := range []string{"2026-12-04T23:29:00+00:00", "Sat, 05 Dec 2026 01:35:14 GMT", "2024:05:01 12:00:00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := shownDate(s); ok != (got != "") {
			t.Fatalf("shownDate(%q) = %q, %v", s, got, ok)
		}
	})
}

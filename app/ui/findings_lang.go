package ui

import (
	"regexp"
	"strconv"
	"strings"
)

// The findings of package exif are in English: the core never imports
// Fyne. The window translates them here. Numbers vary from file to file, so
// a message's key is the English text with each run of digits replaced, in
// order, by {0}, {1}, …, and a translation puts them back where its language
// wants them ("a small copy of the photo ({0} bytes)" → "una copia pequeña
// de la foto ({0} bytes)"). Text with no translation — names, captions,
// anything read from the file — is shown exactly as it is.

var (
	numberRun   = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	placeholder = regexp.MustCompile(`\{(\d+)\}`)
)

// trFinding translates a label or value written by package exif.
func trFinding(s string) string { return trWith(s, func(k string) string { return lang.L(k) }) }

// trWith is trFinding with the translation lookup given: tr returns its
// key when it has no translation. A text with no translation of its own
// may be one of Veil's sentences around text read from the file; the
// sentence is then translated and the file's text kept as it is:
//   - after a colon: "other pictures or a video are attached: image/heic";
//   - before a dash: "48,51.5N — this shows where the photo was taken";
//   - quoted or in brackets, matched by "…" in the key: "unknown data
//     block APP12 (Ducky), 20 bytes" is "unknown data block APP{0} (…),
//     {1} bytes", and "\"prVt\" chunk of 24 bytes" is "\"…\" chunk of {0}
//     bytes";
//   - before Veil's words in brackets: "A1B2C3 (an ID that can link
//     copies of this photo)".
func trWith(s string, tr func(string) string) string {
	if t, ok := trWhole(s, tr); ok {
		return t
	}
	if head, tail, ok := strings.Cut(s, ": "); ok {
		if t, ok := trWhole(head+":", tr); ok {
			return t + " " + tail
		}
	}
	if head, tail, ok := strings.Cut(s, " — "); ok {
		if t, ok := trWhole("— "+tail, tr); ok {
			return head + " " + t
		}
	}
	for _, q := range [][2]string{{`"`, `"`}, {"(", ")"}} {
		if i := strings.Index(s, q[0]); i >= 0 {
			if j := strings.Index(s[i+1:], q[1]); j >= 0 {
				quoted := s[i+1 : i+1+j]
				if t, ok := trWhole(s[:i+1]+"…"+s[i+1+j:], tr); ok && strings.Count(t, "…") == 1 {
					return strings.Replace(t, "…", quoted, 1)
				}
			}
		}
	}
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		if t, ok := trWhole(s[i+1:], tr); ok {
			return s[:i] + " " + t
		}
	}
	return s
}

// trWhole translates s as one text, its numbers put back in place, and
// reports whether it has a translation.
func trWhole(s string, tr func(string) string) (string, bool) {
	nums := numberRun.FindAllString(s, -1)
	i := 0
	key := numberRun.ReplaceAllStringFunc(s, func(string) string {
		k := "{" + strconv.Itoa(i) + "}"
		i++
		return k
	})
	t := tr(key)
	if t == key {
		return s, false
	}
	return placeholder.ReplaceAllStringFunc(t, func(p string) string {
		n, err := strconv.Atoi(p[1 : len(p)-1])
		if err != nil || n >= len(nums) {
			return p
		}
		return nums[n]
	}), true
}

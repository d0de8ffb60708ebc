package ui

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"veil/exif"
)

// The Spanish findings catalogue must keep up with package exif: every
// label and value the core writes in its own words needs an entry, or a
// Spanish speaker reads English. These tests inspect every fixture of the
// core and look each finding up the way trFinding does.

// freeTextLabels are the labels whose value is read from the file (names,
// captions, device names, dates): such a value is shown as it is. The only
// words the core itself writes under them are "unreadable text (…)", which
// is checked.
var freeTextLabels = map[string]bool{
	"Description": true, "Artist": true, "Copyright": true, "Camera owner": true, "Owner name": true,
	"Camera serial number": true, "Lens serial number": true, "Lens": true, "Software": true,
	"Processing software": true, "Computer": true, "Comment": true, "Title": true, "Author": true,
	"Keywords": true, "Subject": true, "Camera": true, "Taken": true, "Digitized": true,
	"Last changed": true, "GPS area": true, "Instructions": true, "Created": true,
	"Created (time)": true, "Creator": true, "Creator's job title": true, "City": true, "Area": true,
	"State or region": true, "Country code": true, "Country": true, "Job reference": true,
	"Headline": true, "Credit": true, "Source": true, "Contact": true, "Caption": true,
	"Caption writer": true, "Owner": true, "People in the photo": true,
	"Names of people tagged in the photo": true, "Place": true, "Camera maker": true,
	"Camera model": true, "Edited with": true, "Edit steps": true, "Metadata changed": true,
	"Text drawn on the picture": true, "Application data": true, "Embedded data": true,
	"Creation Time": true, "Disclaimer": true, "Warning": true,
}

// fileTextLabels are labels of the fixtures that are read from the file.
var fileTextLabels = map[string]string{
	"Description (de Beschreibung)": "a PNG iTXt keyword with its language and translated keyword",
}

// sameInSpanish are English texts a Spanish speaker reads as they are.
var sameInSpanish = []*regexp.Regexp{
	regexp.MustCompile(`^Video$`),
	regexp.MustCompile(`^[\d.]+ (bytes?|KB|MB)$`),
	regexp.MustCompile(`^[\d.]+ km/h$`),
	regexp.MustCompile(`^[\d.]+ [NS], [\d.]+ E$`), // N, S and E are the same letters in Spanish
	regexp.MustCompile(`^[^ ,]+, \d+ bytes?$`),    // a name from the file (chunk, MIME type), its size
}

// untranslatable are texts in which the core puts words of its own around
// text from the file: a key made from them holds the file's text, so no
// catalogue entry can match. Each needs a change in the core (the file's
// text apart from the explanation), not in the catalogue.
var untranslatable = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(` \(an ID that can link copies of this photo\)$`), "the ID precedes the explanation"},
	{regexp.MustCompile(`^unknown data block APP\d+ \(.*\), \d+ bytes?$`), "the block's identifier is in the middle"},
	{regexp.MustCompile(`^".*" (chunk|item) of \d+ bytes?$`), "the chunk or box name is in the middle"},
	{regexp.MustCompile(`^(boxes|properties) `), "a list of box names follows"},
	{regexp.MustCompile(`^label 0x`), "the extension label is written in hexadecimal"},
	{regexp.MustCompile(`^other pictures or a video are attached: `), "the list of attached file types follows"},
}

// untranslatableLabels are labels no flat catalogue entry can hold.
var untranslatableLabels = map[string]string{
	// go-i18n (under fyne/lang) reads a string entry named like one of
	// its reserved words (id, description, other, …) as a field of a
	// message and then rejects the whole file as mixed.
	"Description": "a go-i18n reserved word",
}

func TestEveryFindingOfTheCoreFixturesIsTranslated(t *testing.T) {
	es := readTranslations(t, "findings.es.json")
	tr := func(k string) string {
		if v, ok := es[k]; ok {
			return v
		}
		return k
	}
	files := fixtureFiles(t)
	checked, gaps := 0, map[string]bool{}
	for name, data := range files {
		info, err := exif.Inspect(data)
		if err != nil {
			continue // bad-*.jpg and the like: nothing is listed
		}
		for _, f := range info.Findings {
			if !isFileTextLabel(f.Label) {
				checked++
				if why, ok := untranslatableLabels[f.Label]; ok {
					gaps[f.Label+": "+why] = true
				} else if trWith(f.Label, tr) == f.Label && !matchesAny(sameInSpanish, f.Label) {
					t.Errorf("%s: the label %q has no Spanish (key %q)", name, f.Label, findingKey(f.Label))
				}
			}
			if isFileTextValue(f) {
				continue
			}
			checked++
			if trWith(f.Value, tr) != f.Value || matchesAny(sameInSpanish, f.Value) {
				continue
			}
			if why := untranslatableWhy(f.Value); why != "" {
				gaps[f.Value+": "+why] = true
				continue
			}
			t.Errorf("%s: the value %q of %q has no Spanish (key %q)", name, f.Value, f.Label, findingKey(f.Value))
		}
	}
	if len(files) < 60 || checked < 80 {
		t.Fatalf("inspected %d files and checked %d texts: the fixtures were not found", len(files), checked)
	}
	for g := range gaps {
		t.Logf("cannot be translated yet: %s", g)
	}
}

// TestFindingsCatalogueLoadsLikeTheApp loads the translations the way the
// window does. go-i18n refuses a whole file when one of its keys is a
// reserved word; the findings would then stay in English.
func TestFindingsCatalogueLoadsLikeTheApp(t *testing.T) {
	reserved := regexp.MustCompile(`(?i)^(id|description|hash|leftdelim|rightdelim|zero|one|two|few|many|other|translation)$`)
	for k := range readTranslations(t, "findings.es.json") {
		if reserved.MatchString(k) {
			t.Errorf("%q is a go-i18n reserved word: the catalogue would not load", k)
		}
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		t.Errorf("the translations do not load: %v", err)
	}
}

// fixtureFiles reads every fixture of package exif. The payloads (bare
// EXIF, XMP and Photoshop blocks) are put into the JPEG segments that
// carry them, after the SOI of plain.jpg, so they are inspected too.
func fixtureFiles(t *testing.T) map[string][]byte {
	t.Helper()
	const dir = "../../exif/testdata"
	out := map[string][]byte{}
	for _, sub := range []string{"jpeg", "png", "webp", "gif", "heic"} {
		paths, _ := filepath.Glob(filepath.Join(dir, sub, "*"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				out[sub+"/"+filepath.Base(p)] = data
			}
		}
	}
	plain, err := os.ReadFile(filepath.Join(dir, "jpeg", "plain.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	carriers := map[string]struct {
		marker byte
		sig    string
	}{
		".exif": {0xE1, "Exif\x00\x00"},                     // APP1, CIPA DC-008 §4.5.4
		".xmp":  {0xE1, "http://ns.adobe.com/xap/1.0/\x00"}, // APP1, XMP part 3 §1.1.3
		".irb":  {0xED, "Photoshop 3.0\x00"},                // APP13, Photoshop file formats
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "payload", "*"))
	for _, p := range paths {
		c, ok := carriers[filepath.Ext(p)]
		data, err := os.ReadFile(p)
		if !ok || err != nil || len(c.sig)+len(data)+2 > 0xFFFF {
			continue
		}
		seg := []byte{0xFF, c.marker}                                            // marker
		seg = binary.BigEndian.AppendUint16(seg, uint16(2+len(c.sig)+len(data))) // length, itself included
		seg = append(append(seg, c.sig...), data...)                             // signature, payload
		jpeg := append(append(append([]byte{}, plain[:2]...), seg...), plain[2:]...)
		out["payload/"+filepath.Base(p)] = jpeg
	}
	return out
}

// isFileTextLabel reports labels read from the file.
func isFileTextLabel(label string) bool {
	_, ok := fileTextLabels[label]
	return ok || strings.Contains(label, "VEIL-MARKER")
}

// isFileTextValue reports values read from the file: the fixtures' planted
// text, the free text under freeTextLabels, dates and numbers, and the
// description of a colour profile.
func isFileTextValue(f exif.Finding) bool {
	switch {
	case strings.Contains(f.Value, "VEIL-MARKER"), datesAndNumbers(f.Value):
		return true
	case freeTextLabels[f.Label] || isFileTextLabel(f.Label):
		return !strings.HasPrefix(f.Value, "unreadable text (")
	case f.Label == "Colour profile":
		return !strings.HasPrefix(f.Value, "a ") && !strings.HasPrefix(f.Value, "unnamed profile") &&
			f.Value != "unreadable" && !sameInSpanish[1].MatchString(f.Value)
	}
	return false
}

// datesAndNumbers reports text made of numbers and the signs of dates and
// times only: "2024-05-01 12:34:56 UTC", "012345678901", "350/10".
func datesAndNumbers(s string) bool {
	rest := strings.ReplaceAll(numberRun.ReplaceAllString(s, ""), "UTC", "")
	return rest != s && strings.Trim(rest, " -:+./,") == ""
}

// findingKey is the catalogue key trFinding builds for s.
func findingKey(s string) string {
	var key string
	trWith(s, func(k string) string { key = k; return k })
	return key
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func untranslatableWhy(s string) string {
	for _, u := range untranslatable {
		if u.re.MatchString(s) {
			return u.why
		}
	}
	return ""
}

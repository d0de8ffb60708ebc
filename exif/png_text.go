package exif

import (
	"strconv"
	"strings"
)

// What the notes of a PNG (its tEXt, zTXt and iTXt chunks, W3C PNG Third
// Edition §11.3.4) mean to a person. A note's keyword is matched by rule,
// in any case: the predefined keywords of PNG §11.3.4.2, then the
// families the usual writers name their properties by (ImageMagick's
// "date:", "icc:", "exif:" and "png:" and its "Raw profile type" blocks;
// Adobe's "XML:com.adobe.xmp"). Any other keyword is the file's own word:
// it is shown quoted ("A note named “foo:bar”"), never as a label of
// Veil's. The text of a note is always the file's, shown as it is, except
// that the value of a date keyword is written as EXIF dates are when it
// reads as a date.

// pngNote is one text chunk read: its keyword and text, or why it could
// not be read, and where it is.
type pngNote struct {
	key, text, where string
	err              error
}

// readPNGNote reads a tEXt, zTXt or iTXt chunk.
func readPNGNote(c pngChunk, where string) pngNote {
	key, text, err := pngText(c)
	return pngNote{key: key, text: text, where: where, err: err}
}

// pngRule is what a keyword means: the finding it makes, and whether its
// text is a date.
type pngRule struct {
	meaning
	date bool
}

// pngKeywords are the keywords known by their whole name, in lower case:
// those PNG §11.3.4.2 predefines, and those ImageMagick gives its dates and
// the details of a colour profile.
var pngKeywords = map[string]pngRule{
	"title":            {meaning{Text, "text.title"}, false},
	"author":           {meaning{People, "people.author"}, false},
	"description":      {meaning{Text, "text.description"}, false},
	"copyright":        {meaning{People, "people.copyright"}, false},
	"creation time":    {meaning{Time, "time.created"}, true},
	"software":         {meaning{EditHistory, "edit.software"}, false},
	"disclaimer":       {meaning{Text, "text.disclaimer"}, false},
	"warning":          {meaning{Text, "text.warning"}, false},
	"source":           {meaning{Device, "device.source"}, false},
	"comment":          {meaning{Text, "text.comment"}, false},
	"date:create":      {meaning{Time, "time.png_date_create"}, true},
	"date:modify":      {meaning{Time, "time.png_date_modify"}, true},
	"date:timestamp":   {meaning{Time, "time.png_date_timestamp"}, true},
	"icc:description":  {meaning{Other, "other.icc_description"}, false},
	"icc:copyright":    {meaning{Other, "other.icc_copyright"}, false},
	"icc:manufacturer": {meaning{Device, "device.icc_maker"}, false},
	"icc:model":        {meaning{Device, "device.icc_model"}, false},
}

// pngFamilies are the keyword prefixes, in lower case, whose other names
// are shown as the file's words (the argument "name") under a label that
// says what kind of detail they are. "exif:" is read by pngExifNotes.
var pngFamilies = []struct {
	prefix string
	rule   pngRule
}{
	{"date:", pngRule{meaning{Time, "time.png_date_other"}, true}},
	{"icc:", pngRule{meaning{Other, "other.icc_detail"}, false}},
	{"png:", pngRule{meaning{Other, "other.png_detail"}, false}},
}

// pngNoteFindings lists what the notes of one file give away. The "exif:"
// notes are read together, as one EXIF block written out as text.
func pngNoteFindings(notes []pngNote) []Finding {
	var fs []Finding
	ex := pngExifNotes{}
	for _, n := range notes {
		switch {
		case n.err != nil:
			fs = append(fs, pngTextError(n.err, n.where))
		case ex.add(n):
		default:
			fs = append(fs, pngOneNote(n)...)
		}
	}
	return append(fs, ex.findings()...)
}

// pngOneNote lists what one note gives away.
func pngOneNote(n pngNote) []Finding {
	if n.key == "XML:com.adobe.xmp" { // XMP part 3 §1.1.5: iTXt with this keyword
		return withFallback(xmpFindings([]byte(n.text), n.where), "other.xmp_bytes", len(n.text), n.where)
	}
	if name, ok := cutPrefixFold(n.key, "Raw profile type "); ok {
		return pngRawProfile(name, n.text, n.where)
	}
	if r, ok := pngKeywords[strings.ToLower(n.key)]; ok {
		return []Finding{r.finding(n.text, n.where)}
	}
	for _, f := range pngFamilies {
		if name, ok := cutPrefixFold(n.key, f.prefix); ok && strings.TrimSpace(name) != "" {
			return []Finding{f.rule.finding(n.text, n.where, fileText("name", name))}
		}
	}
	return []Finding{textFinding(pngUnknownCategory(n.key), "text.png_keyword", n.text, n.where, fileText("keyword", n.key))}
}

// finding makes r's finding of text, written as a date when r is a date
// and text reads as one.
func (r pngRule) finding(text, where string, more ...Arg) Finding {
	if r.date {
		if d, ok := shownDate(text); ok {
			text = d
		}
	}
	return textFinding(r.cat, r.id, text, where, more...)
}

// pngUnknownCategory sorts a keyword Veil does not know: one that speaks
// of a date or a time is listed with the times, any other with the text.
func pngUnknownCategory(key string) Category {
	lk := strings.ToLower(key)
	if strings.Contains(lk, "date") || strings.Contains(lk, "time") {
		return Time
	}
	return Text
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// pngExifNotes gathers ImageMagick's "exif:NAME" notes: the tags of an
// EXIF block written out one per note, named as in Exif 2.32 §4.6 (its
// coders/png.c writes every image property it does not exclude). They are
// listed as the EXIF block itself would be: the tags Veil names one by
// one, the position from its four GPS tags (or the half of it there is),
// any other GPS tag under its own name, and the rest counted.
type pngExifNotes struct {
	names []string          // the tag names, lower case, in file order
	texts map[string]string // by lower-case name; the first note of a name
	where string
}

// pngExifTags are the tags shown one by one, by lower-case name, with
// the IDs of the EXIF block's own findings (tiff_findings.go).
var pngExifTags = map[string]pngRule{
	"make":              {meaning{Device, "device.maker"}, false},
	"model":             {meaning{Device, "device.model"}, false},
	"bodyserialnumber":  {meaning{Device, "device.serial"}, false},
	"serialnumber":      {meaning{Device, "device.serial"}, false},
	"lensmodel":         {meaning{Device, "device.lens"}, false},
	"lensserialnumber":  {meaning{Device, "device.lens_serial"}, false},
	"imageuniqueid":     {meaning{Device, "device.image_id"}, false},
	"artist":            {meaning{People, "people.artist"}, false},
	"copyright":         {meaning{People, "people.copyright"}, false},
	"cameraownername":   {meaning{People, "people.camera_owner"}, false},
	"software":          {meaning{EditHistory, "edit.software"}, false},
	"hostcomputer":      {meaning{EditHistory, "edit.computer"}, false},
	"imagedescription":  {meaning{Text, "text.caption"}, false},
	"usercomment":       {meaning{Text, "text.comment"}, false},
	"datetimeoriginal":  {meaning{Time, "time.taken"}, true},
	"datetimedigitized": {meaning{Time, "time.digitized"}, true},
	"datetime":          {meaning{Time, "time.changed"}, true},
}

// pngExifQuiet are the tags that only point to other parts of the block
// (TIFF 6.0 §2, Exif 2.32 §4.6.3): they say nothing and are not counted.
var pngExifQuiet = map[string]bool{"exifoffset": true, "gpsinfo": true, "interoperabilityoffset": true, "gpsversionid": true}

// add takes an "exif:" note, and reports whether it was one.
func (e *pngExifNotes) add(n pngNote) bool {
	name, ok := cutPrefixFold(n.key, "exif:")
	if !ok || strings.TrimSpace(name) == "" {
		return false
	}
	if e.texts == nil {
		e.texts, e.where = map[string]string{}, n.where
	}
	ln := strings.ToLower(name)
	if _, dup := e.texts[ln]; !dup {
		e.names = append(e.names, name)
		e.texts[ln] = n.text
	}
	return true
}

// findings lists what the notes give away.
func (e *pngExifNotes) findings() []Finding {
	fs, used := e.gpsFindings()
	other := 0
	for _, name := range e.names {
		ln := strings.ToLower(name)
		r, named := pngExifTags[ln]
		switch {
		case used[ln] || pngExifQuiet[ln]:
		case named:
			fs = append(fs, r.finding(e.texts[ln], e.where))
		case strings.HasPrefix(ln, "gps"):
			fs = append(fs, textFinding(Location, "gps.png_detail", e.texts[ln], e.where, fileText("name", name)))
		default:
			other++
		}
	}
	if other > 0 {
		fs = append(fs, otherExifTags(other, e.where))
	}
	return fs
}

// gpsFindings lists the position, or what there is of it (a latitude or
// a longitude alone), and the altitude. It returns the names it used, in
// lower case.
func (e *pngExifNotes) gpsFindings() ([]Finding, map[string]bool) {
	lat, okLat := e.coordinate("gpslatitude", "lat", 90, "S", "N")
	lon, okLon := e.coordinate("gpslongitude", "lon", 180, "W", "E")
	used := map[string]bool{}
	var fs []Finding
	switch {
	case okLat && okLon:
		fs = append(fs, say(Location, "gps.position", e.where, lat, lon))
	case okLat:
		fs = append(fs, say(Location, "gps.latitude", e.where, lat))
	case okLon:
		fs = append(fs, say(Location, "gps.longitude", e.where, lon))
	}
	if okLat {
		used["gpslatitude"], used["gpslatituderef"] = true, true
	}
	if okLon {
		used["gpslongitude"], used["gpslongituderef"] = true, true
	}
	if f, ok := e.altitude(); ok {
		fs = append(fs, f)
		used["gpsaltitude"], used["gpsaltituderef"] = true, true
	}
	return fs, used
}

// altitude reads GPSAltitude, a rational in metres, with GPSAltitudeRef
// (Exif 2.32 §4.6.6: 1 is below sea level); false when it does not read.
func (e *pngExifNotes) altitude() (Finding, bool) {
	m, ok := rational(strings.TrimSpace(e.texts["gpsaltitude"]))
	if !ok || !(m >= 0 && m < 1e6) {
		return Finding{}, false
	}
	id := "gps.altitude_above"
	if strings.TrimSpace(e.texts["gpsaltituderef"]) == "1" {
		id = "gps.altitude_below"
	}
	return say(Location, id, e.where, argNumber("metres", m)), true
}

// coordinate reads the note named name, with the note of its reference
// (name+"ref"), as the argument arg in degrees, as the EXIF block's
// gpsPoint does; false when it is missing, unreadable or over max.
// ImageMagick writes a coordinate as its three rationals (degrees,
// minutes, seconds) joined by commas: "48/1, 51/1, 2964/100".
func (e *pngExifNotes) coordinate(name, arg string, max float64, neg, pos string) (Arg, bool) {
	deg, ok := dmsDegrees(e.texts[name])
	if !ok || deg > max {
		return Arg{}, false
	}
	if strings.HasPrefix(strings.TrimSpace(e.texts[name+"ref"]), neg) {
		pos = neg
	}
	return argCoordinate(arg, deg, pos), true
}

// dmsDegrees reads three comma-separated rationals or numbers, degrees,
// minutes and seconds, as degrees.
func dmsDegrees(s string) (float64, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return 0, false
	}
	deg := 0.0
	for i, p := range parts {
		v, ok := rational(strings.TrimSpace(p))
		if !ok || !(v >= 0 && v < 1e6) { // NaN and Inf parse too
			return 0, false
		}
		deg += v / []float64{1, 60, 3600}[i]
	}
	return deg, true
}

// rational reads "n/d" or a plain number.
func rational(s string) (float64, bool) {
	n, d, frac := strings.Cut(s, "/")
	num, err := strconv.ParseFloat(n, 64)
	if err != nil || !frac {
		return num, err == nil
	}
	den, err := strconv.ParseFloat(d, 64)
	if err != nil || den == 0 {
		return 0, false
	}
	return num / den, true
}

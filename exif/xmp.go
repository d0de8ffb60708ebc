package exif

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Bounds on the XMP scan: a packet larger than maxXMP or holding more than
// maxXMPTokens tokens is not read further (real packets are a few
// kilobytes; extended XMP in JPEG is capped at about 4 MB by its offsets).
const (
	maxXMP       = 8 << 20
	maxXMPTokens = 200_000
	maxXMPValues = 20 // values kept per property
)

// xmpNS gives the usual prefix of each namespace XMP writers use, so that a
// property is recognised whatever prefix the file chose (ISO 16684-1 §6.2:
// only the URI names a namespace).
var xmpNS = map[string]string{
	"http://purl.org/dc/elements/1.1/":                     "dc",
	"http://ns.adobe.com/photoshop/1.0/":                   "photoshop",
	"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/":          "Iptc4xmpCore",
	"http://iptc.org/std/Iptc4xmpExt/2008-02-29/":          "Iptc4xmpExt",
	"http://ns.adobe.com/exif/1.0/":                        "exif",
	"http://ns.adobe.com/exif/1.0/aux/":                    "aux",
	"http://ns.adobe.com/tiff/1.0/":                        "tiff",
	"http://ns.adobe.com/xap/1.0/":                         "xmp",
	"http://ns.adobe.com/xap/1.0/mm/":                      "xmpMM",
	"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#":     "stEvt",
	"http://ns.adobe.com/xap/1.0/rights/":                  "xmpRights",
	"http://www.metadataworkinggroup.com/schemas/regions/": "mwg-rs",
	"http://ns.microsoft.com/photo/1.2/t/Region#":          "MPReg",
	"http://ns.microsoft.com/photo/1.2/":                   "MP",
	"http://ns.google.com/photos/1.0/camera/":              "GCamera",
	"http://ns.google.com/photos/1.0/container/":           "Container",
	"http://ns.google.com/photos/1.0/container/item/":      "Item",
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#":          "rdf",
	"adobe:ns:meta/":                                       "x",
	"http://www.w3.org/XML/1998/namespace":                 "xml",
	"http://cipa.jp/exif/1.0/":                             "exifEX",
}

// xmpRule says how one property is shown.
type xmpRule struct {
	cat Category
	id  string
}

// xmpRules are the properties shown one by one, by prefix:local name.
var xmpRules = map[string]xmpRule{
	"dc:creator":                {People, "people.creator"},
	"dc:rights":                 {People, "people.copyright"},
	"xmpRights:Owner":           {People, "people.owner"},
	"photoshop:Credit":          {People, "people.credit"},
	"photoshop:AuthorsPosition": {People, "people.creator_title"},
	"Iptc4xmpExt:PersonInImage": {People, "people.in_photo"},
	"mwg-rs:Name":               {People, "people.tagged"},
	"MPReg:PersonDisplayName":   {People, "people.tagged"},
	"dc:description":            {Text, "text.caption"},
	"dc:title":                  {Text, "text.title"},
	"dc:subject":                {Text, "text.keywords"},
	"photoshop:Headline":        {Text, "text.headline"},
	"photoshop:Instructions":    {Text, "text.instructions"},
	"exif:UserComment":          {Text, "text.comment"},
	"photoshop:City":            {Location, "location.city"},
	"photoshop:State":           {Location, "location.state"},
	"photoshop:Country":         {Location, "location.country"},
	"Iptc4xmpCore:Location":     {Location, "location.place"},
	"Iptc4xmpCore:CountryCode":  {Location, "location.country_code"},
	"tiff:Make":                 {Device, "device.maker"},
	"tiff:Model":                {Device, "device.model"},
	"exifEX:BodySerialNumber":   {Device, "device.serial"},
	"aux:SerialNumber":          {Device, "device.serial"},
	"aux:OwnerName":             {People, "people.camera_owner"},
	"aux:Lens":                  {Device, "device.lens"},
	"xmp:CreatorTool":           {EditHistory, "edit.software"},
	"stEvt:softwareAgent":       {EditHistory, "edit.edited_with"},
	"stEvt:action":              {EditHistory, "edit.steps"},
	"xmp:CreateDate":            {Time, "time.created"},
	"xmp:ModifyDate":            {Time, "time.changed"},
	"xmp:MetadataDate":          {Time, "time.metadata_changed"},
	"exif:DateTimeOriginal":     {Time, "time.taken"},
	"photoshop:DateCreated":     {Time, "time.created"},
	"xmpMM:DocumentID":          {Other, "other.document_id"},
	"xmpMM:OriginalDocumentID":  {Other, "other.original_document_id"},
	"xmpMM:InstanceID":          {Other, "other.instance_id"},
	"GCamera:MotionPhoto":       {HiddenPictures, "hidden.motion_photo"},
	"GCamera:MicroVideo":        {HiddenPictures, "hidden.motion_photo"},
	"Container:Directory":       {HiddenPictures, "hidden.attached"},
	"exif:GPSLatitude":          {Location, "gps.position"},
	"exif:GPSLongitude":         {Location, "gps.position"},
	"exif:GPSAltitude":          {Location, "gps.altitude_text"},
	"Item:Mime":                 {HiddenPictures, "hidden.attached"},
}

// xmpQuiet are properties that say nothing: structure and packet markers.
var xmpQuiet = map[string]bool{"rdf:about": true, "x:xmptk": true, "rdf:parseType": true, "xml:lang": true}

// xmpFindings lists what an XMP packet (ISO 16684-1: RDF/XML, usually in an
// x:xmpmeta wrapper between <?xpacket?> markers) gives away. It never fails:
// the packet is scanned as a token stream, without building a tree, and
// both forms of a simple property are read (an attribute of
// rdf:Description, or an element whose text may sit inside rdf:Alt, Seq or
// Bag lists). A packet that is not well-formed gives what was read up to
// the fault plus one Other finding, "unreadable XMP metadata" — it is
// dropped on cleaning either way.
func xmpFindings(xmp []byte, where string) []Finding {
	xmp = bytes.TrimRight(xmp, "\x00 \t\r\n")
	if len(xmp) > maxXMP {
		return []Finding{say(Other, "other.xmp_unreadable_size", where, argSize("size", len(xmp)))}
	}
	vals, order, err := scanXMP(xmp)
	fs := xmpPropertyFindings(vals, order, where)
	if err != nil {
		fs = append(fs, say(Other, "other.xmp_unreadable", where))
	}
	return cleanFindings(fs)
}

// scanXMP collects the text values of every property, keyed by
// prefix:local, in first-seen order.
func scanXMP(xmp []byte) (map[string][]string, []string, error) {
	vals := map[string][]string{}
	var order []string
	add := func(key, v string) {
		v = strings.TrimSpace(v)
		if v == "" || xmpQuiet[key] || strings.HasPrefix(key, "xmlns:") || len(vals[key]) >= maxXMPValues {
			return
		}
		if _, ok := vals[key]; !ok {
			order = append(order, key)
		}
		for _, old := range vals[key] {
			if old == v {
				return
			}
		}
		vals[key] = append(vals[key], v)
	}
	d := xml.NewDecoder(bytes.NewReader(xmp))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []string
	for tokens := 0; ; tokens++ {
		if tokens > maxXMPTokens {
			return vals, order, errors.New("too many tokens")
		}
		tok, err := d.Token()
		if err == io.EOF {
			return vals, order, nil
		}
		if err != nil {
			return vals, order, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 256 {
				return vals, order, errors.New("nested too deep")
			}
			stack = append(stack, xmpKey(t.Name))
			for _, a := range t.Attr {
				if k := xmpKey(a.Name); !strings.HasPrefix(k, "rdf:") {
					add(k, a.Value)
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			for i := len(stack) - 1; i >= 0; i-- {
				if !strings.HasPrefix(stack[i], "rdf:") {
					add(stack[i], string(t))
					break
				}
			}
		}
	}
}

// xmpKey names an element or attribute as prefix:local, using the usual
// prefix of a known namespace URI.
func xmpKey(n xml.Name) string {
	if p, ok := xmpNS[n.Space]; ok {
		return p + ":" + n.Local
	}
	if n.Space == "" {
		return n.Local
	}
	if i := strings.LastIndexAny(n.Space, "/#"); i >= 0 && i < len(n.Space)-1 {
		return n.Space[i+1:] + ":" + n.Local
	}
	return n.Space + ":" + n.Local
}

// xmpPropertyFindings turns collected values into findings and sums up
// the rest.
func xmpPropertyFindings(vals map[string][]string, order []string, where string) []Finding {
	var fs []Finding
	if p := xmpGPS(vals["exif:GPSLatitude"], vals["exif:GPSLongitude"]); p != nil {
		fs = append(fs, say(Location, "gps.position", where, p...))
	}
	shown := map[string]bool{}
	other := 0
	for _, key := range order {
		rule, ok := xmpRules[key]
		switch {
		case !ok:
			if !strings.HasPrefix(key, "x:") {
				other++
			}
			continue
		case key == "exif:GPSLatitude" || key == "exif:GPSLongitude":
			continue
		case key == "GCamera:MotionPhoto" || key == "GCamera:MicroVideo":
			if vals[key][0] == "1" {
				fs = append(fs, say(HiddenPictures, "hidden.motion_photo", where))
			}
			continue
		case key == "Container:Directory" || key == "Item:Mime":
			if !shown["attached"] {
				shown["attached"] = true
				fs = append(fs, say(HiddenPictures, "hidden.attached", where, fileText("types", strings.Join(vals["Item:Mime"], ", "))))
			}
			continue
		case strings.HasPrefix(key, "xmpMM:"):
			fs = append(fs, textFinding(rule.cat, rule.id, vals[key][0], where))
			continue
		}
		fs = append(fs, textFinding(rule.cat, rule.id, strings.Join(vals[key], ", "), where))
	}
	if other > 0 {
		fs = append(fs, say(Other, "other.xmp_properties", where, argCount("count", other)))
	}
	return fs
}

// xmpGPS reads XMP GPS coordinates ("DDD,MM,SSk" or "DDD,MM.mmk", with k
// one of N, S, E, W: XMP Specification Part 2 §1.2.7.4, "GPSCoordinate") as
// the arguments "lat" and "lon", "48.8584 N, 2.2945 E"; nil when either is
// missing or unreadable.
func xmpGPS(lat, lon []string) []Arg {
	if len(lat) == 0 || len(lon) == 0 {
		return nil
	}
	y, ns, ok1 := xmpCoordinate(lat[0], 90)
	x, ew, ok2 := xmpCoordinate(lon[0], 180)
	if !ok1 || !ok2 {
		return nil
	}
	return []Arg{argCoordinate("lat", y, ns), argCoordinate("lon", x, ew)}
}

func xmpCoordinate(s string, limit float64) (float64, string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 {
		return 0, "", false
	}
	ref := strings.ToUpper(s[len(s)-1:])
	if !strings.Contains("NSEW", ref) {
		return 0, "", false
	}
	parts := strings.Split(s[:len(s)-1], ",")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, "", false
	}
	v, scale := 0.0, 1.0
	for _, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || f < 0 || f != f {
			return 0, "", false
		}
		v += f / scale
		scale *= 60
	}
	if v > limit {
		return 0, "", false
	}
	return v, ref, true
}

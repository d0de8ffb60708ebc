package exif

import (
	"fmt"
	"strconv"
	"strings"
)

// A finding is data: a stable ID ("gps.position", "device.serial",
// "hidden.thumbnail") with typed arguments. The words are made by whoever
// shows it, from a Table of one language. Package exif fills Label and
// Value from English so that the JSON output and its callers keep reading
// plain English, but a face that speaks another language renders ID and
// Args with its own table and never parses Label or Value.

// ArgKind says what an argument holds, and so how a language writes it.
type ArgKind string

// The kinds of argument.
const (
	ArgCount      ArgKind = "count"      // a whole number: Num
	ArgNumber     ArgKind = "number"     // a measurement, written rounded: Num
	ArgSize       ArgKind = "size"       // a number of bytes, written in units: Num
	ArgText       ArgKind = "text"       // text read from the file, shown as it is: Text
	ArgCoordinate ArgKind = "coordinate" // degrees, Num, with their compass point, Text (N, S, E, W)
	ArgUnreadable ArgKind = "unreadable" // text that holds nothing printable, of Num bytes
	ArgSizes      ArgKind = "sizes"      // picture sizes ("640×480"), Text, comma-separated; unknownSize for one not known
)

// unknownSize stands in an ArgSizes for a picture whose size is not
// known; each language words it ("size.unknown").
const unknownSize = "?"

// Arg is one value of a finding.
type Arg struct {
	Name string  `json:"name"`
	Kind ArgKind `json:"kind"`
	Num  float64 `json:"num,omitempty"`
	Text string  `json:"text,omitempty"`
}

func argCount(name string, n int) Arg      { return Arg{Name: name, Kind: ArgCount, Num: float64(n)} }
func argNumber(name string, v float64) Arg { return Arg{Name: name, Kind: ArgNumber, Num: v} }
func argSize(name string, n int) Arg       { return Arg{Name: name, Kind: ArgSize, Num: float64(n)} }
func argText(name, s string) Arg           { return Arg{Name: name, Kind: ArgText, Text: s} }

// argCoordinate is a latitude or longitude, in degrees, and its compass point.
func argCoordinate(name string, deg float64, point string) Arg {
	return Arg{Name: name, Kind: ArgCoordinate, Num: deg, Text: point}
}

// Categories are the categories in the one order every face lists them:
// what identifies most first.
var Categories = []Category{Location, Device, Time, People, HiddenPictures, EditHistory, Text, Other}

// Message is the words of one ID in one language: a label and a value,
// each with {name} where the argument of that name goes.
type Message struct {
	Label string `json:"label,omitempty"`
	Value string `json:"value,omitempty"`
}

// Table is one language's words, by ID. Besides the findings it holds
// the categories ("category.Location": the name, and in Value why it
// matters), the units of size ("size.byte", "size.bytes", "size.KB",
// "size.MB", each a Value with {n}), the compass points ("compass.W"),
// "text.unreadable" (a Value with {size}), "size.unknown" (a picture whose
// size is not known) and the reasons of every RefusalError ("refused.*",
// "toolarge.*", each a Value).
type Table map[string]Message

// message is the words of id: t's, or English when t has none.
func (t Table) message(id string) Message {
	if m, ok := t[id]; ok {
		return m
	}
	return English[id]
}

// Finding writes f's label and value in t's language, as plain text made
// safe to show (see textFinding). A finding without an ID, or with an ID
// t and English do not know, keeps its own words.
func (t Table) Finding(f Finding) (label, value string) {
	m, ok := t[f.ID]
	if !ok {
		if m, ok = English[f.ID]; !ok {
			return f.Label, f.Value
		}
	}
	return cleanText(t.fill(m.Label, f.Args)), cleanText(t.fill(m.Value, f.Args))
}

// Category is the name of c in t's language and why it matters.
func (t Table) Category(c Category) (name, why string) {
	m := t.message("category." + string(c))
	if m.Label == "" {
		m = t.message("category." + string(Other))
	}
	return m.Label, m.Value
}

// fill puts the arguments into a template.
func (t Table) fill(template string, args []Arg) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		j := strings.IndexByte(template[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		name := template[i+1 : i+1+j]
		if a, ok := argNamed(args, name); ok {
			b.WriteString(t.arg(a))
		} else {
			b.WriteString(template[i : i+2+j])
		}
		template = template[i+2+j:]
	}
}

func argNamed(args []Arg, name string) (Arg, bool) {
	for _, a := range args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

// arg writes one argument in t's language.
func (t Table) arg(a Arg) string {
	switch a.Kind {
	case ArgCount:
		return strconv.FormatInt(int64(a.Num), 10)
	case ArgNumber:
		return fmt.Sprintf("%.0f", a.Num)
	case ArgSize:
		unit, n := sizeUnit(int(a.Num))
		return strings.ReplaceAll(t.message("size."+unit).Value, "{n}", n)
	case ArgCoordinate:
		return fmt.Sprintf("%.4f %s", a.Num, t.message("compass."+a.Text).Value)
	case ArgUnreadable:
		return t.fill(t.message("text.unreadable").Value, []Arg{argSize("size", int(a.Num))})
	case ArgSizes:
		return t.sizes(a.Text)
	}
	return a.Text
}

// sizeUnit is the unit a person reads a byte count in, and the number to
// write with it: "1" byte, "512" bytes, "14" KB, "3.2" MB.
func sizeUnit(n int) (unit, num string) {
	switch {
	case n == 1:
		return "byte", "1"
	case n < 1000:
		return "bytes", strconv.Itoa(n)
	case n < 999_500:
		return "KB", strconv.Itoa((n + 500) / 1000)
	case n < 10*1000*1000:
		return "MB", fmt.Sprintf("%.1f", float64(n)/1e6)
	}
	return "MB", strconv.Itoa((n + 500_000) / 1_000_000)
}

// sizeWords writes a byte count the way a person reads it, in English:
// "512 bytes", "14 KB", "3.2 MB".
func sizeWords(n int) string { return English.arg(argSize("", n)) }

// say makes the finding id of category c, its words from the English table.
func say(c Category, id, where string, args ...Arg) Finding {
	f := Finding{ID: id, Category: c, Where: where, Args: args}
	f.Label, f.Value = English.Finding(f)
	return f
}

// sizes writes a list of picture sizes, unknownSize in t's words.
func (t Table) sizes(list string) string {
	sizes := strings.Split(list, ", ")
	for i, s := range sizes {
		if s == unknownSize {
			sizes[i] = t.message("size.unknown").Value
		}
	}
	return strings.Join(sizes, ", ")
}

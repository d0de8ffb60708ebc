// Command hard makes hard variants of face photos, with their face boxes,
// to measure face detection where intimate photos put faces: upside down,
// tilted, cut by the frame, half hidden by a phone, dark, heavily
// compressed, blurred.
//
// Usage:
//
//	go run ./tools/faces/hard [-convert PATH] BOXES.json PHOTOS_DIR OUT_DIR
//
// For every photo of BOXES.json it copies the photo itself (kind "plain"),
// and for every photo of category "photo" with faces it writes, with
// ImageMagick's convert:
//
//	NAME_rot180.png       turned upside down (lying in bed, phone held overhead)
//	NAME_tiltA.png        turned by A = 30, 45, -45, 135 degrees on a grey canvas
//	NAME_dark.jpg         under-exposed (a dim room at night)
//	NAME_q30.jpg          shrunk to 1600 pixels and saved at JPEG quality 30 (messengers)
//	NAME_blurgray.jpg     grey and motion-blurred
//
// and for every face at least 40 pixels wide (index i):
//
//	NAME_fi_cuttop.png    the top edge cuts the face: only its lower part shows
//	NAME_fi_cutright.png  the right edge cuts the face: only its left half shows
//	NAME_fi_cutleft.png   the left edge cuts the face: only its right half shows
//	NAME_fi_cutbottom.png the bottom edge cuts the face: only its upper half shows
//	NAME_fi_phone.png     a dark phone-like rectangle hides the lower right of the face
//
// plus OUT_DIR/boxes.json in the input's format; the other faces of a cut
// or hidden variant become "ignore" boxes, and a tilted face's box is a
// square centred on the turned face. Variants already in OUT_DIR are kept.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

func main() {
	convert := flag.String("convert", "convert", "ImageMagick's convert program")
	flag.Parse()
	if flag.NArg() != 3 {
		fmt.Fprintln(os.Stderr, "usage: hard [-convert PATH] BOXES.json PHOTOS_DIR OUT_DIR")
		os.Exit(2)
	}
	if err := run(*convert, flag.Arg(0), flag.Arg(1), flag.Arg(2)); err != nil {
		fmt.Fprintln(os.Stderr, "hard:", err)
		os.Exit(1)
	}
}

func run(convert, boxesFile, src, out string) error {
	in, err := readBoxes(boxesFile)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	m := maker{convert: convert, out: out, res: map[string]entry{}}
	for _, name := range slices.Sorted(maps.Keys(in)) {
		p := filepath.Join(src, name)
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%s: %w (fetch the photos first)", name, err)
		}
		if err := m.variants(p, name, in[name]); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	faces := 0
	for _, e := range m.res {
		faces += len(e.Faces)
	}
	fmt.Printf("hard: %d photos, %d faces in %s\n", len(m.res), faces, out)
	return writeBoxes(filepath.Join(out, "boxes.json"), m.res)
}

// entry is one photo's faces (x, y, w, h), its category ("photo", or
// "nonphoto" for paintings, drawings, masks) and areas where a detection
// counts neither as a hit nor as a false positive.
type entry struct {
	Faces    []rect `json:"faces"`
	Category string `json:"category"`
	Ignore   []rect `json:"ignore"`
}

type rect [4]float64

func readBoxes(name string) (map[string]entry, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var m map[string]entry
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

func writeBoxes(name string, m map[string]entry) error {
	for k, e := range m { // empty lists, not null, for other readers
		e.Faces, e.Ignore = nonNil(e.Faces), nonNil(e.Ignore)
		m[k] = e
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(b, '\n'), 0o644)
}

func nonNil(r []rect) []rect {
	if r == nil {
		return []rect{}
	}
	return r
}

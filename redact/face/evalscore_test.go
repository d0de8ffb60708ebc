package face

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
)

// truth is one photo's entry in a boxes file: the faces to find (x, y, w,
// h), whether they are photographed ("photo") or drawn ("nonphoto"), and
// areas where a detection is neither a hit nor a false positive.
type truth struct {
	Faces    [][4]float64 `json:"faces"`
	Category string       `json:"category"`
	Ignore   [][4]float64 `json:"ignore"`
}

func readTruth(name string) (map[string]truth, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var t map[string]truth
	return t, json.Unmarshal(b, &t)
}

// tally counts, for some photos, the photographed faces found and missed
// and the detections matching no face.
type tally struct {
	found, faces, falsePos int
	misses, fps            []string
}

// hit is the matching rule of the evaluation: IoU ≥ 0.3, or each centre
// inside the other box with widths within a factor 2.5 (detectors draw
// boxes of different shapes around the same face).
func hit(g, d [4]float64) bool {
	gb := box{g[0], g[1], g[0] + g[2], g[1] + g[3], 1}
	db := box{d[0], d[1], d[0] + d[2], d[1] + d[3], 1}
	if iou(gb, db) >= 0.3 {
		return true
	}
	r := d[2] / max(g[2], 1e-9)
	return inBox(centre(db), gb) && inBox(centre(gb), db) && r >= 0.4 && r <= 2.5
}

func centre(b box) [2]float64 { return [2]float64{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2} }

func inBox(p [2]float64, b box) bool {
	return p[0] >= b.x0 && p[0] <= b.x1 && p[1] >= b.y0 && p[1] <= b.y1
}

// score adds one photo's detections to t.
func (t *tally) score(name string, want truth, got []Face) {
	dets := make([][4]float64, len(got))
	for i, f := range got {
		dets[i] = [4]float64{float64(f.X), float64(f.Y), float64(f.W), float64(f.H)}
	}
	for i, g := range want.Faces {
		if want.Category != "photo" {
			continue
		}
		t.faces++
		if slices.ContainsFunc(dets, func(d [4]float64) bool { return hit(g, d) }) {
			t.found++
		} else {
			t.misses = append(t.misses, fmt.Sprintf("%s#%d", name, i))
		}
	}
	for j, d := range dets {
		db := box{d[0], d[1], d[0] + d[2], d[1] + d[3], 1}
		matched := slices.ContainsFunc(want.Faces, func(g [4]float64) bool { return hit(g, d) })
		ignored := slices.ContainsFunc(want.Ignore, func(g [4]float64) bool {
			return inBox(centre(db), box{g[0], g[1], g[0] + g[2], g[1] + g[3], 1})
		})
		if !matched && !ignored {
			t.falsePos++
			t.fps = append(t.fps, fmt.Sprintf("%s(%.2f)", name, got[j].Score))
		}
	}
}

// kindRe matches the suffix tools/faces/hard gives each kind of variant.
var kindRe = regexp.MustCompile(`_(rot180|tilt-?\d+|dark|q30|blurgray|cuttop|cutright|phone|rot90|rot270|cutleft|cutbottom)\.[a-z]+$`)

// kindOf is the kind of hard variant a file name ends with, or "plain".
func kindOf(name string) string {
	if m := kindRe.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return "plain"
}

// report prints recall and false positives per kind of variant, then in all.
func report(w io.Writer, kinds map[string]*tally) {
	var all tally
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		t := kinds[k]
		fmt.Fprintf(w, "  %-9s %4d/%-4d (%5.1f%%)  false positives %d\n", k, t.found, t.faces, pct(t.found, t.faces), t.falsePos)
		all.found, all.faces, all.falsePos = all.found+t.found, all.faces+t.faces, all.falsePos+t.falsePos
	}
	fmt.Fprintf(w, "recall %d/%d (%.1f%%), false positives %d\n", all.found, all.faces, pct(all.found, all.faces), all.falsePos)
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

package main

import (
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// maker writes variants into out and collects their boxes in res.
type maker struct {
	convert string
	out     string
	res     map[string]entry
}

// variants writes every variant of the photo at path p (named name in the
// boxes file, with entry e).
func (m *maker) variants(p, name string, e entry) error {
	w, h, err := size(p)
	if err != nil {
		return err
	}
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if err := m.copy(p, name); err != nil { // the photo as it is: "plain"
		return err
	}
	m.res[name] = e
	if e.Category != "photo" || len(e.Faces) == 0 {
		return nil
	}
	in := p + "[0]" // the first frame, for ImageMagick
	for _, v := range wholeVariants(w, h) {
		n := stem + v.suffix
		if err := m.make(n, append([]string{in}, v.args...)); err != nil {
			return err
		}
		m.res[n] = v.boxes(e, m.out, n)
	}
	for i, f := range e.Faces {
		if f[2] < 40 {
			continue
		}
		for _, v := range faceVariants(e, i, w, h) {
			n := fmt.Sprintf("%s_f%d%s", stem, i, v.suffix)
			if err := m.make(n, append([]string{in}, v.args...)); err != nil {
				return err
			}
			m.res[n] = v.entry
		}
	}
	return nil
}

// make runs convert with args into out/name, unless that file exists.
func (m *maker) make(name string, args []string) error {
	dst := filepath.Join(m.out, name)
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	out, err := exec.Command(m.convert, append(args, dst)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", m.convert, strings.Join(args, " "), err, out)
	}
	return nil
}

// copy copies the photo at p into out/name.
func (m *maker) copy(p, name string) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(m.out, name), b, 0o644)
}

// size reads a photo's width and height from its header.
func size(p string) (int, int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	c, _, err := image.DecodeConfig(f)
	return c.Width, c.Height, err
}

// whole is a variant of the whole photo: its name suffix, convert's
// arguments after the input, and how its boxes follow from the photo's
// (given the folder and name of the variant, once written).
type whole struct {
	suffix string
	args   []string
	boxes  func(e entry, out, name string) entry
}

func mapEntry(e entry, f func(rect) rect) entry {
	r := entry{Category: e.Category}
	for _, b := range e.Faces {
		r.Faces = append(r.Faces, f(b))
	}
	for _, b := range e.Ignore {
		r.Ignore = append(r.Ignore, f(b))
	}
	return r
}

func same(e entry, _, _ string) entry { return e }

// wholeVariants lists the whole-photo variants of a w×h photo (convert's
// arguments after the input).
func wholeVariants(w, h int) []whole {
	fw, fh := float64(w), float64(h)
	flip := func(e entry, _, _ string) entry {
		return mapEntry(e, func(b rect) rect { return rect{fw - b[0] - b[2], fh - b[1] - b[3], b[2], b[3]} })
	}
	k := min(1, 1600/max(fw, fh))
	vs := []whole{{"_rot180.png", []string{"-rotate", "180"}, flip}}
	for _, a := range []int{30, 45, -45, 135} {
		vs = append(vs, whole{fmt.Sprintf("_tilt%d.png", a), []string{"-background", "gray50", "-rotate", fmt.Sprint(a)}, tilted(a, fw, fh)})
	}
	return append(vs,
		whole{"_dark.jpg", []string{"-level", "0%,100%,0.35", "-evaluate", "multiply", "0.45", "-quality", "85"}, same},
		whole{"_q30.jpg", []string{"-resize", fmt.Sprintf("%dx%d!", int(fw*k), int(fh*k)), "-quality", "30"},
			func(e entry, _, _ string) entry {
				return mapEntry(e, func(b rect) rect { return rect{b[0] * k, b[1] * k, b[2] * k, b[3] * k} })
			}},
		whole{"_blurgray.jpg", []string{"-colorspace", "gray", "-motion-blur", "0x6+30", "-quality", "90"}, same})
}

// tilted maps boxes into a photo turned by a degrees clockwise on a canvas
// grown to hold it (ImageMagick's -rotate): each box becomes a square of
// its mean side centred on its turned centre.
func tilted(a int, w, h float64) func(e entry, out, name string) entry {
	return func(e entry, out, name string) entry {
		c, s := math.Cos(float64(a)*math.Pi/180), math.Sin(float64(a)*math.Pi/180)
		// The grown canvas's size as convert makes it (read back from the file).
		w2 := math.Abs(w*c) + math.Abs(h*s)
		h2 := math.Abs(w*s) + math.Abs(h*c)
		if iw, ih, err := size(filepath.Join(out, name)); err == nil {
			w2, h2 = float64(iw), float64(ih)
		}
		return mapEntry(e, func(b rect) rect {
			cx, cy := b[0]+b[2]/2-w/2, b[1]+b[3]/2-h/2
			side := (b[2] + b[3]) / 2
			return rect{w2/2 + cx*c - cy*s - side/2, h2/2 + cx*s + cy*c - side/2, side, side}
		})
	}
}

// faceVariant is a variant made for one face.
type faceVariant struct {
	suffix string
	args   []string
	entry  entry
}

// faceVariants cuts the frame through face i, or hides part of it.
func faceVariants(e entry, i, w, h int) []faceVariant {
	f := e.Faces[i]
	x, y, fw, fh := f[0], f[1], f[2], f[3]
	others := append([]rect{}, e.Ignore...)
	for j, b := range e.Faces {
		if j != i {
			others = append(others, b)
		}
	}
	cy := int(y + fh*0.45) // below the eyes: the top edge leaves the lower part
	cx := int(x + fw*0.55) // through the nose: the right edge leaves the left half
	lx := int(x + fw*0.45) // the left edge leaves the right half
	by := int(y + fh*0.55) // the bottom edge leaves the upper half
	return []faceVariant{
		{"_cuttop.png", []string{"-crop", fmt.Sprintf("%dx%d+0+%d", w, h-cy, cy), "+repage"},
			entry{Faces: []rect{{x, 0, fw, y + fh - float64(cy)}}, Category: "photo", Ignore: shift(others, 0, cy)}},
		{"_cutright.png", []string{"-crop", fmt.Sprintf("%dx%d+0+0", cx, h), "+repage"},
			entry{Faces: []rect{{x, y, float64(cx) - x, fh}}, Category: "photo", Ignore: others}},
		{"_cutleft.png", []string{"-crop", fmt.Sprintf("%dx%d+%d+0", w-lx, h, lx), "+repage"},
			entry{Faces: []rect{{0, y, x + fw - float64(lx), fh}}, Category: "photo", Ignore: shift(others, lx, 0)}},
		{"_cutbottom.png", []string{"-crop", fmt.Sprintf("%dx%d+0+0", w, by), "+repage"},
			entry{Faces: []rect{{x, y, fw, float64(by) - y}}, Category: "photo", Ignore: others}},
		{"_phone.png", []string{"-fill", "gray15", "-draw", fmt.Sprintf("rectangle %d,%d %d,%d",
			int(x+fw*0.45), int(y+fh*0.35), int(x+fw*1.1), int(y+fh*1.2))},
			entry{Faces: []rect{f}, Category: "photo", Ignore: others}},
	}
}

// shift moves boxes by (-dx, -dy): into a crop starting at (dx, dy).
func shift(rs []rect, dx, dy int) []rect {
	out := make([]rect, len(rs))
	for i, b := range rs {
		out[i] = rect{b[0] - float64(dx), b[1] - float64(dy), b[2], b[3]}
	}
	return out
}

package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// box is an object of minimum size w×h.
func box(w, h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Black)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

func TestFlowWrapsToTheWidth(t *testing.T) {
	test.NewTempApp(t)
	pad := theme.Padding()
	tests := []struct {
		name  string
		width float32
		lines int
	}{
		{"all on one line when they fit", 300 + 2*pad, 1},
		{"a new line for what does not fit", 250, 2},
		{"one a line when narrower than two", 120, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			relaid := 0
			f := &flow{relayout: func() { relaid++ }}
			objs := []fyne.CanvasObject{box(100, 30), box(100, 20), box(100, 30)}
			c := container.New(f, objs...)
			c.Resize(fyne.NewSize(tt.width, 200))
			if got := f.lines; got != tt.lines {
				t.Fatalf("%d lines, want %d", got, tt.lines)
			}
			want := float32(tt.lines)*30 + float32(tt.lines-1)*pad
			if h := c.MinSize().Height; h != want || relaid != 1 {
				t.Errorf("min height %v (want %v), relaid out %d times (want once)", h, want, relaid)
			}
			for _, o := range objs {
				if o.Position().X+o.Size().Width > tt.width {
					t.Errorf("an object ends at %v, past %v", o.Position().X+o.Size().Width, tt.width)
				}
			}
		})
	}
}

func TestSideColumnsGiveWayFirst(t *testing.T) {
	c := columns{left: [2]float32{190, 240}, right: [2]float32{250, 330}, share: [2]float32{0.19, 0.26}}
	tests := []struct {
		name        string
		width       float32
		left, right float32
	}{
		{"at their widest in a wide window", 1600, 240, 330},
		{"the list a fifth, the panel a quarter, at 1024", 1024, 194.56, 266.24},
		{"the panel at its narrowest in a narrower window", 900, 190, 250},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if l, r := c.widths(tt.width); l != tt.left || r != tt.right {
				t.Errorf("%v and %v, want %v and %v", l, r, tt.left, tt.right)
			}
		})
	}
}

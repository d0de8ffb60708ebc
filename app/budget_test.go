package app

import (
	"errors"
	"image"
	"math"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"veil/exif"
	"veil/redact"
)

// Reservations that fit together run together; one that does not fit
// waits for the memory; one larger than the whole budget runs alone; one
// larger than the computer is refused with the numbers.
func TestTheBudgetSchedulesBySize(t *testing.T) {
	b := newBudget(100, 1000, false)
	r1, _ := b.reserve(40)
	r2, _ := b.reserve(50) // 90: both fit
	got := make(chan int64, 2)
	go func() { r, _ := b.reserve(30); r(); got <- 30 }()
	go func() { r, _ := b.reserve(300); r(); got <- 300 }()
	select {
	case n := <-got:
		t.Fatalf("a reservation of %d did not wait for the memory", n)
	case <-time.After(50 * time.Millisecond):
	}
	r1()
	r2()
	for range 2 {
		select {
		case <-got:
		case <-time.After(5 * time.Second):
			t.Fatal("a reservation still waits after the memory was given back")
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.peak > 300 || b.used != 0 {
		t.Errorf("peak %d, in use %d: the large one did not run alone", b.peak, b.used)
	}
}

func TestAPhotoLargerThanTheComputerIsRefusedWithTheNumbers(t *testing.T) {
	b := newBudget(100, 1000, false)
	if _, err := b.reserve(2000); !errors.Is(err, exif.ErrTooLarge) || !strings.Contains(err.Error(), "GB") {
		t.Errorf("a photo larger than the computer gave %v", err)
	}
}

func TestPixelCost(t *testing.T) {
	cover := Plan{Regions: []redact.Region{{Rect: image.Rect(0, 0, 1, 1)}}}
	jpeg420 := &exif.Info{Format: exif.JPEG, Width: 10000, Height: 10000, Orientation: 1, Block: image.Pt(16, 16)}
	jpeg444 := &exif.Info{Format: exif.JPEG, Width: 10000, Height: 10000, Orientation: 1, Block: image.Pt(8, 8)}
	sideways := &exif.Info{Format: exif.JPEG, Width: 10000, Height: 10000, Orientation: 6, Block: image.Pt(16, 16)}
	sidewaysOdd := &exif.Info{Format: exif.JPEG, Width: 10001, Height: 10000, Orientation: 6, Block: image.Pt(16, 16)}
	png := &exif.Info{Format: exif.PNG, Width: 10000, Height: 10000, Orientation: 1}
	heic := &exif.Info{Format: exif.HEIC, Width: 10000, Height: 10000, Orientation: 1}
	avif := &exif.Info{Format: exif.AVIF, Width: 10000, Height: 10000, Orientation: 1}
	const mp100 = 100_000_000
	tests := []struct {
		name     string
		info     *exif.Info
		plan     Plan
		min, max int64
	}{
		{"a lossless clean decodes nothing", jpeg420, Plan{}, 0, 0},
		{"a HEIC is always decoded", heic, Plan{}, 8 * mp100, 9 * mp100},
		{"an AVIF is always decoded", avif, Plan{}, 8 * mp100, 9 * mp100},
		{"a 4:2:0 JPEG is covered in its 1.5 bytes a pixel", jpeg420, cover, 3 * mp100 / 2, 11 * mp100 / 5},
		{"a JPEG of other blocks may need an NRGBA copy", jpeg444, cover, 8 * mp100, 9 * mp100},
		{"a sideways 4:2:0 JPEG is turned in its planes", sideways, cover, 3 * mp100, 37 * mp100 / 10},
		{"a sideways JPEG of odd width is turned into NRGBA and copied", sidewaysOdd, cover, 8 * mp100, 9 * mp100},
		{"a PNG is decoded and copied", png, Plan{Faces: true}, 8 * mp100, 9 * mp100},
		{"a JPEG's large area is painted in small bands", jpeg420,
			Plan{Regions: []redact.Region{{Rect: image.Rect(0, 0, 10000, 5000)}}}, 3 * mp100 / 2, 11 * mp100 / 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pixelCost(tt.info, tt.plan); got < tt.min || got > tt.max {
				t.Errorf("cost %d, want %d to %d", got, tt.min, tt.max)
			}
		})
	}
}

// A batch reserves each photo's pixels before decoding it: with a budget
// smaller than one photo, two jobs never hold pixels at once.
func TestABatchKeepsItsPixelsInTheBudget(t *testing.T) {
	saved := pixels
	b := newBudget(1, 0, false)
	pixels = func() *budget { return b }
	defer func() { pixels = saved }()
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"a.jpg", "b.jpg", "c.jpg", "d.jpg"} {
		paths = append(paths, writeFile(t, dir, n, jpegWithMetadata(t)))
	}
	cover := Plan{Regions: []redact.Region{{Rect: image.Rect(0, 0, 4, 4)}}}
	for _, r := range CleanAll(paths, Settings{Jobs: 4}, cover, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	info, err := exif.Inspect(jpegWithMetadata(t))
	if err != nil {
		t.Fatal(err)
	}
	if one := pixelCost(info, cover); b.peak != one || b.used != 0 {
		t.Errorf("peak %d bytes in flight, %d still held; one photo takes %d", b.peak, b.used, one)
	}
}

// While pixels are in flight the Go heap has a soft limit near the budget;
// with none, there is none, so that a window holding many photos is never
// slowed by a collector that cannot reach its goal.
func TestTheHeapLimitHoldsOnlyWhilePixelsAreInFlight(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	b := newBudget(100<<20, 0, true)
	release, _ := b.reserve(50 << 20)
	if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 || got < 100<<20 {
		t.Errorf("limit %d with pixels in flight", got)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after the batch", got)
	}
}

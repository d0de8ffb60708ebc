//go:build linux

package main

import (
	"bufio"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestTwoHugePhotosStayInTheMemoryBudget cleans two 15800×15800 JPEGs (the
// most pixels Veil takes), each with a face, with --faces blur --jobs 2,
// and fails if the process ever holds more than 1.2 GB. It takes a minute
// and a gigabyte, so it runs only when VEIL_MEMORY_TEST=1.
func TestTwoHugePhotosStayInTheMemoryBudget(t *testing.T) {
	if os.Getenv("VEIL_MEMORY_TEST") != "1" {
		t.Skip("set VEIL_MEMORY_TEST=1 to run (a minute, a gigabyte)")
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")
	writeHugeJPEG(t, a, 15800)
	data, _ := os.ReadFile(a)
	os.WriteFile(b, data, 0o600)
	cmd := exec.Command(os.Args[0], "clean", "--faces", "blur", "--jobs", "2", a, b)
	cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // kilobytes on Linux
	t.Logf("peak resident memory %d MB: %s", rss>>20, out)
	if rss > 1200<<20 {
		t.Errorf("peak resident memory %d MB, over 1200 MB", rss>>20)
	}
}

// writeHugeJPEG writes a side×side 4:2:0 JPEG of soft bands with the
// astronaut of the face tests, 12 times larger, in its top-left corner.
func writeHugeJPEG(t *testing.T, path string, side int) {
	f, err := os.Open("redact/face/testdata/astronaut.png")
	if err != nil {
		t.Fatal(err)
	}
	face, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	m := image.NewYCbCr(image.Rect(0, 0, side, side), image.YCbCrSubsampleRatio420)
	for y := range side {
		for x := range side {
			m.Y[y*m.YStride+x] = uint8((x/64 + y/64) % 200)
		}
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = 128, 128
	}
	fb := face.Bounds()
	for y := 0; y < min(12*fb.Dy(), side); y++ {
		for x := 0; x < min(12*fb.Dx(), side); x++ {
			r, g, b, _ := face.At(fb.Min.X+x/12, fb.Min.Y+y/12).RGBA()
			yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(b>>8))
			m.Y[m.YOffset(x, y)], m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)] = yy, cb, cr
		}
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(out)
	if err := jpeg.Encode(w, m, &jpeg.Options{Quality: 50}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

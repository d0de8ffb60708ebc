package main

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"veil/app"
)

// The benchmarks here time the real command (this test binary standing in
// for veil, see TestMain) side by side with `exiftool -all=` and `cp` on the
// same files in one run, and report medians and ratios. Run with
// `make bench` (go test -run '^$' -bench . -benchtime 1x).

// photoLike fills a w×h image with smooth gradients and fine noise, so that
// it compresses like a photo rather than like a flat colour.
func photoLike(w, h int, seed uint64) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	r := rand.New(rand.NewPCG(seed, 1))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[y*img.YStride+x] = uint8((x*255/w+y*255/h)/2 + r.IntN(24))
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(100+r.IntN(8)), uint8(150+r.IntN(8))
	}
	return img
}

// writePhoto writes a JPEG of w×h with GPS, serial numbers, XMP and an EXIF
// thumbnail added by exiftool, as a phone would.
func writePhoto(b *testing.B, path string, w, h int, seed uint64) {
	b.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photoLike(w, h, seed), &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	thumb := path + ".thumb.jpg"
	buf.Reset()
	jpeg.Encode(&buf, photoLike(160, 120, seed), nil)
	os.WriteFile(thumb, buf.Bytes(), 0o600)
	defer os.Remove(thumb)
	out, err := exec.Command("exiftool", "-q", "-overwrite_original",
		"-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
		"-Make=Phone", "-Model=Phone 15", "-SerialNumber=SN-123456", "-DateTimeOriginal=2026:05:01 10:00:00",
		"-XMP-dc:Creator=Someone", "-XMP-dc:Description=a private photo",
		"-ThumbnailImage<="+thumb, path).CombinedOutput()
	if err != nil {
		b.Fatalf("exiftool: %v\n%s", err, out)
	}
}

// tool is one way of making the copy: a whole process (cmd), or, for
// "veil-job", the same job run inside this process (run), which shows what
// the work costs without the start of a process.
type tool struct {
	name string
	cmd  func(in []string, outDir string) *exec.Cmd
	run  func(in []string, outDir string) error
}

// veilBinary builds the real veil binary once (the test binary carries the
// testing framework and starts slower than veil does).
var veilBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "veil-bench-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "veil")
	out, err := exec.Command("go", "build", "-tags", "nodynamic", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func tools(b *testing.B) []tool {
	bin, err := veilBinary()
	if err != nil {
		b.Fatal(err)
	}
	return []tool{
		{"veil", func(in []string, out string) *exec.Cmd {
			return exec.Command(bin, append([]string{"clean", "--out", out}, in...)...)
		}, nil},
		{"exiftool", func(in []string, out string) *exec.Cmd {
			return exec.Command("exiftool", append([]string{"-q", "-all=", "-o", out + "/"}, in...)...)
		}, nil},
		// exiftool's start and nothing else (the Perl interpreter and
		// modules): its time minus this is the work it does on the files.
		{"exiftool-start", func(in []string, out string) *exec.Cmd {
			return exec.Command("exiftool", "-ver")
		}, nil},
		{"cp", func(in []string, out string) *exec.Cmd {
			return exec.Command("cp", append(slices.Clone(in), out+"/")...)
		}, nil},
		// The start of the veil process and nothing else: the floor under
		// every command, most of it the package initialisation of the
		// window toolkit linked into the same binary.
		{"veil-start", func(in []string, out string) *exec.Cmd {
			return exec.Command(bin, "version")
		}, nil},
		// The job as `veil clean` runs it (no --json: no findings listed).
		{"veil-job", nil, func(in []string, out string) error {
			for _, r := range app.CleanAll(in, app.Settings{OutDir: out}, app.Plan{SkipFindings: true}, nil) {
				if r.Err != nil {
					return r.Err
				}
			}
			return nil
		}},
	}
}

// compare runs every tool reps times, interleaved, each into a fresh
// folder, and reports the medians and veil's ratios to the others.
func compare(b *testing.B, in []string, reps int) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		b.Fatal("exiftool is needed for the comparison (Debian package libimage-exiftool-perl)")
	}
	times := map[string][]time.Duration{}
	for rep := 0; rep < reps; rep++ {
		for _, tl := range tools(b) {
			out := b.TempDir()
			// Each tool starts with nothing waiting to be written to disk,
			// so that veil's sync at the end does not pay for the files
			// the tool before it left in the page cache.
			syscall.Sync()
			start := time.Now()
			if tl.run != nil {
				if err := tl.run(in, out); err != nil {
					b.Fatalf("%s: %v", tl.name, err)
				}
			} else if o, err := tl.cmd(in, out).CombinedOutput(); err != nil {
				b.Fatalf("%s: %v\n%s", tl.name, err, o)
			}
			times[tl.name] = append(times[tl.name], time.Since(start))
		}
	}
	med := map[string]float64{}
	line := ""
	for _, tl := range tools(b) {
		d := times[tl.name]
		slices.Sort(d)
		med[tl.name] = float64(d[len(d)/2].Microseconds()) / 1000
		b.ReportMetric(med[tl.name], tl.name+"-ms")
		line += fmt.Sprintf("%s %.1f ms  ", tl.name, med[tl.name])
	}
	b.ReportMetric(med["exiftool"]/med["veil"], "x-faster-than-exiftool")
	b.ReportMetric(med["veil"]/med["cp"], "x-cp-time")
	b.ReportMetric(med["exiftool"]/med["veil-job"], "x-job-faster-than-exiftool")
	b.Logf("medians of %d: %s| veil is %.1f× faster than exiftool, takes %.2f× the time of cp; "+
		"the job alone (no process start) is %.1f× faster than exiftool, %.2f× cp; "+
		"veil's start alone is exiftool's time / %.1f; work without either start: veil %.1f× faster than exiftool",
		reps, line, med["exiftool"]/med["veil"], med["veil"]/med["cp"],
		med["exiftool"]/med["veil-job"], med["veil-job"]/med["cp"], med["exiftool"]/med["veil-start"],
		(med["exiftool"]-med["exiftool-start"])/(med["veil"]-med["veil-start"]))
}

func benchPhoto(b *testing.B, w, h, reps int) {
	p := filepath.Join(b.TempDir(), "photo.jpg")
	writePhoto(b, p, w, h, 1)
	st, _ := os.Stat(p)
	b.Logf("%d×%d JPEG, %.1f MB", w, h, float64(st.Size())/1e6)
	b.ResetTimer()
	for range b.N {
		compare(b, []string{p}, reps)
	}
}

func BenchmarkClean12MP(b *testing.B) { benchPhoto(b, 4000, 3000, 9) }
func BenchmarkClean48MP(b *testing.B) { benchPhoto(b, 8000, 6000, 5) }

func BenchmarkCleanBatch200(b *testing.B) {
	dir := b.TempDir()
	first := filepath.Join(dir, "p000.jpg")
	writePhoto(b, first, 640, 480, 2)
	data, _ := os.ReadFile(first)
	in := []string{first}
	for i := 1; i < 200; i++ {
		p := filepath.Join(dir, fmt.Sprintf("p%03d.jpg", i))
		os.WriteFile(p, data, 0o600)
		in = append(in, p)
	}
	b.Logf("200 JPEGs of 640×480, %.0f KB each", float64(len(data))/1e3)
	b.ResetTimer()
	for range b.N {
		compare(b, in, 7)
	}
}

package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"veil/exif"
	"veil/redact"
)

func TestCleanWritesAVerifiedCopyAndLeavesTheOriginal(t *testing.T) {
	dir := t.TempDir()
	orig := jpegWithMetadata(t)
	src := writeFile(t, dir, "photo.jpg", orig)
	r := Clean(src, Settings{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if filepath.Base(r.Output) != "photo-clean.jpg" || !r.Lossless {
		t.Errorf("output %s lossless %v", r.Output, r.Lossless)
	}
	if back, _ := os.ReadFile(src); !bytes.Equal(back, orig) {
		t.Error("the original changed")
	}
	out, _ := os.ReadFile(r.Output)
	if bytes.Contains(out, []byte("VEIL-MARKER")) {
		t.Error("the clean copy still holds the marker")
	}
	if err := exif.Verify(out, exif.Options{}); err != nil {
		t.Error(err)
	}
	if len(r.Findings) == 0 {
		t.Error("no findings for a photo with a comment and XMP")
	}
}

func TestCleanRefusesAndWritesNothing(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"a text file", "notes.jpg", []byte("hello, this is not a photo")},
		{"a truncated JPEG", "cut.jpg", nil},
		{"a HEIC photo", "iphone.heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")},
		{"an empty file", "empty.png", []byte{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			data := tt.data
			if data == nil {
				full := jpegWithMetadata(t)
				data = full[:len(full)/2]
			}
			src := writeFile(t, dir, tt.file, data)
			r := Clean(src, Settings{})
			if r.Err == nil {
				t.Fatalf("cleaned %s into %s", tt.name, r.Output)
			}
			if !strings.HasPrefix(r.Err.Error(), tt.file+": ") || strings.Contains(r.Err.Error(), "\n") {
				t.Errorf("reason %q is not one line naming the file", r.Err)
			}
			if got := dirNames(t, dir); !slices.Equal(got, []string{tt.file}) {
				t.Errorf("folder holds %v", got)
			}
		})
	}
}

func TestCleanRefusesAFolderOrAMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{dir, filepath.Join(dir, "missing.jpg")} {
		if r := Clean(p, Settings{}); r.Err == nil {
			t.Errorf("cleaned %s", p)
		}
	}
}

func TestCleanIntoAnotherFolderWithRandomNames(t *testing.T) {
	src := writeFile(t, t.TempDir(), "secret-name.jpg", jpegWithMetadata(t))
	out := t.TempDir()
	r := Clean(src, Settings{OutDir: out, RandomNames: true})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if filepath.Dir(r.Output) != out || strings.Contains(r.Output, "secret") || filepath.Ext(r.Output) != ".jpg" {
		t.Errorf("output %s", r.Output)
	}
}

func TestCleanAllReportsEveryFileInOrder(t *testing.T) {
	dir := t.TempDir()
	good := jpegWithMetadata(t)
	var paths []string
	for i, d := range [][]byte{good, []byte("junk"), good, good} {
		paths = append(paths, writeFile(t, dir, string(rune('a'+i))+".jpg", d))
	}
	calls := 0
	rs := CleanAll(paths, Settings{Jobs: 3}, Plan{}, func(done, total int, r Result) {
		calls++
		if done != calls || total != 4 {
			t.Errorf("progress %d/%d on call %d", done, total, calls)
		}
	})
	if calls != 4 {
		t.Errorf("%d progress calls", calls)
	}
	for i, r := range rs {
		if r.File != paths[i] {
			t.Errorf("result %d is for %s", i, r.File)
		}
		if (r.Err != nil) != (i == 1) {
			t.Errorf("result %d: err %v", i, r.Err)
		}
	}
}

func TestCleanRefusesOversizedFilesBeforeReading(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.jpg")
	f, _ := os.Create(p)
	f.Truncate(exif.MaxBytes + 1) // sparse: costs no disk
	f.Close()
	r := Clean(p, Settings{})
	if !errors.Is(r.Err, exif.ErrTooLarge) || !strings.Contains(r.Err.Error(), "500 MB") {
		t.Errorf("err %v", r.Err)
	}
}

// One worker reads file after file into the same buffer, large files and
// small ones in turn, and reads each copy back into it: every copy must
// be the one Strip makes of its own file, with findings listed or not.
func TestCleanAllReusesOneBufferSafely(t *testing.T) {
	var inputs [][]byte
	for _, dir := range []string{"jpeg", "png", "webp", "gif"} {
		files, _ := filepath.Glob(filepath.Join("..", "exif", "testdata", dir, "*"))
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), "bad-") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, b)
		}
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d fixtures", len(inputs))
	}
	slices.SortStableFunc(inputs, func(a, b []byte) int { return (len(a) % 7) - (len(b) % 7) }) // mix the sizes
	src := t.TempDir()
	var paths []string
	for i, b := range inputs {
		f, _ := exif.Sniff(b)
		paths = append(paths, writeFile(t, src, fmt.Sprintf("f%03d.%s", i, f), b))
	}
	for _, skip := range []bool{false, true} {
		out := t.TempDir()
		rs := CleanAll(paths, Settings{Jobs: 1, OutDir: out}, Plan{SkipFindings: skip}, nil)
		for i, r := range rs {
			want, err := exif.Strip(inputs[i], exif.Options{})
			if err != nil {
				if r.Err == nil {
					t.Errorf("%s: cleaned, but Strip refuses it: %v", filepath.Base(r.File), err)
				}
				continue
			}
			if r.Err != nil {
				t.Errorf("%s: %v", filepath.Base(r.File), r.Err)
				continue
			}
			if got, _ := os.ReadFile(r.Output); !bytes.Equal(got, want) {
				t.Errorf("%s (skip findings %v): the copy differs from Strip's", filepath.Base(r.File), skip)
			}
			if skip && r.Findings != nil {
				t.Errorf("%s: findings listed although skipped", filepath.Base(r.File))
			}
		}
	}
}

func TestCleanEachFollowsEachFilesOwnPlan(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.jpg", jpegWithMetadata(t))
	b := writeFile(t, dir, "b.jpg", jpegWithMetadata(t))
	past := redact.Region{Rect: image.Rect(-4, -4, 10, 10), Shape: redact.Ellipse, Style: redact.Fill}
	rs := CleanEach([]Job{
		{Path: a, Plan: Plan{}},
		{Path: b, Plan: Plan{Faces: true, Regions: []redact.Region{past}, PastEdge: true, Crop: image.Rect(0, 0, 20, 20)}},
	}, Settings{}, nil)
	if rs[0].Err != nil || !rs[0].Lossless {
		t.Errorf("a: %+v, want a lossless copy", rs[0])
	}
	if r := rs[1]; r.Err != nil || r.Lossless || r.Width != 20 || len(r.Regions) != 1 {
		t.Errorf("b: %+v, want the area covered and the crop", r)
	}
	if r := CleanWith(b, Settings{}, Plan{Regions: []redact.Region{past}}); r.Err == nil {
		t.Error("without PastEdge an area past the edge is written")
	}
}

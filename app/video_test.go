package app

import (
	"bytes"
	"errors"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"veil/exif"
	"veil/redact"
)

// videoFixture reads a video of package exif's testdata.
func videoFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "exif", "testdata", "video", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCleanStreamsAVerifiedVideo(t *testing.T) {
	for _, name := range []string{"planted-iphone-moov-first.mov", "planted-co64-moov-last.mp4", "planted-samsung.mp4"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			orig := videoFixture(t, name)
			src := writeFile(t, dir, "clip"+filepath.Ext(name), orig)
			r := Clean(src, Settings{})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if filepath.Base(r.Output) != "clip-clean"+filepath.Ext(name) || !r.Lossless || !exif.IsVideo(r.Format) {
				t.Errorf("output %s lossless %v format %s", r.Output, r.Lossless, r.Format)
			}
			if back, _ := os.ReadFile(src); !bytes.Equal(back, orig) {
				t.Error("the original changed")
			}
			out, _ := os.ReadFile(r.Output)
			if bytes.Contains(out, []byte("VEIL-MARKER")) {
				t.Error("the clean copy still holds a marker")
			}
			if err := exif.VerifyVideo(bytes.NewReader(out), int64(len(out)), exif.Options{}); err != nil {
				t.Error(err)
			}
			if want, _ := exif.Strip(orig, exif.Options{}); !bytes.Equal(out, want) {
				t.Error("the streamed copy differs from exif.Strip's")
			}
			if len(r.Findings) == 0 || r.Width != 96 || r.Height != 64 {
				t.Errorf("findings %d, size %dx%d", len(r.Findings), r.Width, r.Height)
			}
		})
	}
}

func TestVideosRefuseEditsWithOneSentence(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "clip.mov", videoFixture(t, "planted-iphone-moov-last.mov"))
	plans := []struct {
		name string
		plan Plan
	}{
		{"faces", Plan{Faces: true, FaceStyle: redact.Blur}},
		{"a crop", Plan{Crop: image.Rect(0, 0, 10, 10)}},
		{"a cover", Plan{Regions: []redact.Region{{Rect: image.Rect(0, 0, 10, 10)}}}},
	}
	for _, tt := range plans {
		t.Run(tt.name, func(t *testing.T) {
			r := CleanWith(src, Settings{}, tt.plan)
			if r.Err == nil || !strings.Contains(r.Err.Error(), "faces in videos cannot be covered by Veil") {
				t.Errorf("error %v", r.Err)
			}
		})
	}
	p, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if img, err := p.Image(); err != nil || !p.IsVideo() || img.Bounds().Dx() != 640 || img.Bounds().Dy() != 426 {
		t.Errorf("Image on a video: %v, %v", img.Bounds(), err)
	}
	if faces, err := p.Faces(); faces != nil || err != nil {
		t.Errorf("Faces on a video: %v, %v", faces, err)
	}
	if r := p.Save(Edits{Crop: image.Rect(0, 0, 8, 8)}, Settings{}); !errors.Is(r.Err, errVideoEdit) {
		t.Errorf("Save with a crop: %v", r.Err)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"clip.mov"}) {
		t.Errorf("files left: %v", names)
	}
}

func TestInspectListsAVideoWithoutLookingForFaces(t *testing.T) {
	src := writeFile(t, t.TempDir(), "clip.mp4", videoFixture(t, "planted-co64-moov-first.mp4"))
	rep, err := Inspect(src, true)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != exif.MP4 || len(rep.Findings) == 0 || rep.Faces != nil {
		t.Errorf("format %s, %d findings, faces %v", rep.Format, len(rep.Findings), rep.Faces)
	}
}

func TestCleanRefusesAFragmentedVideoAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "stream.mp4", videoFixture(t, "bad-fragmented.mp4"))
	r := Clean(src, Settings{})
	if r.Err == nil || strings.Contains(r.Err.Error(), "\n") || !IsUnsupported(r.Err) {
		t.Errorf("error %q", r.Err)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"stream.mp4"}) {
		t.Errorf("files left: %v", names)
	}
}

func TestAFailedVideoCheckLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "clip.mov", videoFixture(t, "planted-iphone-moov-first.mov"))
	f, size, err := openVideoFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := exif.InspectVideo(f, size)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := exif.StripVideo(f, size, info, exif.Options{})
	if err != nil {
		t.Fatal(err)
	}
	refuse := func(*os.File, int64) error { return exif.ErrNotClean }
	names := candidateNames(src, dir, ".mov", false)
	if _, err := writeNewStream(dir, plan, f, names, true, refuse); !errors.Is(err, exif.ErrNotClean) {
		t.Errorf("error %v", err)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"clip.mov"}) {
		t.Errorf("files left: %v", names)
	}
}

func TestAVideoNamedLikeAPhotoIsStillCleaned(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "clip.jpg", videoFixture(t, "planted-samsung.mp4"))
	r := Clean(src, Settings{})
	if r.Err != nil || filepath.Ext(r.Output) != ".mp4" {
		t.Fatalf("output %q: %v", r.Output, r.Err)
	}
	if out, _ := os.ReadFile(r.Output); bytes.Contains(out, []byte("VEIL-MARKER")) {
		t.Error("a marker survives")
	}
}

func TestExpandFindsVideosInFolders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.MOV", nil)
	writeFile(t, dir, "b.mp4", nil)
	writeFile(t, dir, "c.txt", nil)
	got := Expand([]string{dir})
	if len(got) != 2 {
		t.Errorf("found %v", got)
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"veil/app/internal/fixture"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func photoDir(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		data := fixture.JPEG()
		if strings.HasPrefix(n, "junk") {
			data = []byte("not a photo")
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var n []string
	for _, e := range es {
		n = append(n, e.Name())
	}
	return n
}

func TestExitStatus(t *testing.T) {
	dir := photoDir(t, "a.jpg", "junk.jpg")
	a, junk := filepath.Join(dir, "a.jpg"), filepath.Join(dir, "junk.jpg")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no command is a usage error", nil, ExitUsage},
		{"an unknown command is a usage error", []string{"scrub", a}, ExitUsage},
		{"an unknown flag is a usage error", []string{"clean", "--shred", a}, ExitUsage},
		{"clean without files is a usage error", []string{"clean"}, ExitUsage},
		{"inspect without files is a usage error", []string{"inspect", "--json"}, ExitUsage},
		{"a negative --jobs is a usage error", []string{"clean", "--jobs", "-1", a}, ExitUsage},
		{"--out must be a folder", []string{"clean", "--out", a, a}, ExitUsage},
		{"version succeeds", []string{"version"}, ExitOK},
		{"inspecting a photo succeeds", []string{"inspect", a}, ExitOK},
		{"inspecting junk fails", []string{"inspect", junk}, ExitFailed},
		{"cleaning a photo succeeds", []string{"clean", a}, ExitOK},
		{"one bad file among good ones fails the run", []string{"clean", a, junk}, ExitFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _, errs := run(t, tt.args...); got != tt.want {
				t.Errorf("exit %d, want %d; stderr: %s", got, tt.want, errs)
			}
		})
	}
}

func TestCleanNamesCopiesAndNeverOverwrites(t *testing.T) {
	dir := photoDir(t, "a.jpg")
	a := filepath.Join(dir, "a.jpg")
	orig, _ := os.ReadFile(a)
	for i := 0; i < 3; i++ {
		if code, _, errs := run(t, "clean", a); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	want := []string{"a-clean-2.jpg", "a-clean-3.jpg", "a-clean.jpg", "a.jpg"}
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
	if back, _ := os.ReadFile(a); !bytes.Equal(back, orig) {
		t.Error("the original changed")
	}
}

func TestCleanFailureGivesOneLineAndNoFile(t *testing.T) {
	dir := photoDir(t, "junk.png")
	code, _, errs := run(t, "clean", filepath.Join(dir, "junk.png"))
	if code != ExitFailed {
		t.Errorf("exit %d", code)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "junk.png") {
		t.Errorf("stderr %q is not one line naming the file", errs)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"junk.png"}) {
		t.Errorf("folder holds %v", got)
	}
}

func TestCleanWalksFoldersAndHonoursFlagsAfterFiles(t *testing.T) {
	dir := photoDir(t, "a.jpg", "b.jpeg")
	out := t.TempDir()
	code, _, errs := run(t, "clean", dir, "--out", out, "--random-names", "--jobs", "2")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := names(t, out)
	if len(got) != 2 {
		t.Fatalf("out holds %v", got)
	}
	for _, n := range got {
		if strings.HasPrefix(n, "a") && len(n) < 10 || strings.Contains(n, "clean") {
			t.Errorf("%s is not a random name", n)
		}
	}
}

func TestInspectJSONShape(t *testing.T) {
	dir := photoDir(t, "a.jpg", "junk.jpg")
	_, out, _ := run(t, "inspect", "--json", filepath.Join(dir, "a.jpg"), filepath.Join(dir, "junk.jpg"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one object per file, got %q", out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "format", "width", "height", "findings", "faces"} {
		if _, ok := first[k]; !ok {
			t.Errorf("inspect --json lacks %q: %s", k, lines[0])
		}
	}
	fs, _ := first["findings"].([]any)
	if len(fs) == 0 {
		t.Fatalf("no findings: %s", lines[0])
	}
	for _, k := range []string{"id", "category", "label", "value", "where"} {
		if _, ok := fs[0].(map[string]any)[k]; !ok {
			t.Errorf("a finding lacks %q", k)
		}
	}
	if !strings.Contains(lines[1], `"error":"`) {
		t.Errorf("a failed file has no error: %s", lines[1])
	}
}

func TestCleanJSONShape(t *testing.T) {
	dir := photoDir(t, "a.jpg")
	code, out, _ := run(t, "clean", "--json", filepath.Join(dir, "a.jpg"))
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	if got["output"] != filepath.Join(dir, "a-clean.jpg") || got["lossless"] != true || got["error"] != "" {
		t.Errorf("got %v", got)
	}
}

func TestHelpGoesToStdout(t *testing.T) {
	if code, out, _ := run(t, "help"); code != ExitOK || !strings.Contains(out, "veil clean") {
		t.Errorf("exit %d, %q", code, out)
	}
}

func TestInspectTextNamesEachCategoryOnceInTheOneOrder(t *testing.T) {
	code, out, errs := run(t, "inspect", "--no-faces", "../../exif/testdata/jpeg/iptc-app13.jpg", "../../exif/testdata/jpeg/exif-gps-thumbnail.jpg")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var heads []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "    ") && !strings.Contains(l, "face") {
			heads = append(heads, strings.TrimSpace(l))
		}
	}
	for _, want := range []string{"Location", "Names"} {
		if !slices.Contains(heads, want) {
			t.Errorf("no heading %q among %q:\n%s", want, heads, out)
		}
	}
	for _, h := range heads {
		if h == "People" || h == "Other" {
			t.Errorf("heading %q is an ID, not the category's name", h)
		}
	}
}

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"veil/exif"
)

// animatedGIF copies exif's animated fixture (16×12, several frames) into
// a fresh folder.
func animatedGIF(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "exif", "testdata", "gif", "animated-loop.gif"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "anim.gif")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCleanSaysAnEditedAnimationIsAStillPicture(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantStill bool
		wantText  string
	}{
		{"a plain clean keeps the animation", nil, false, "picture untouched"},
		{"a cover keeps only the first frame", []string{"--region", "2,2,6,6:fill"}, true, "a still picture of the animation's first frame"},
		{"a crop keeps only the first frame", []string{"--crop", "0,0,8,8"}, true, "a still picture of the animation's first frame"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := animatedGIF(t)
			code, out, errOut := run(t, append(append([]string{"clean"}, tt.args...), src)...)
			if code != ExitOK || !strings.Contains(out, tt.wantText) {
				t.Fatalf("exit %d: %q %q", code, out, errOut)
			}
			src = animatedGIF(t)
			code, out, _ = run(t, append(append([]string{"clean", "--json"}, tt.args...), src)...)
			var got struct {
				Output string
				Still  bool
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitOK || got.Still != tt.wantStill {
				t.Fatalf("exit %d, %v: %s", code, err, out)
			}
			data, _ := os.ReadFile(got.Output)
			info, err := exif.Inspect(data)
			if err != nil || info.Animated == tt.wantStill {
				t.Errorf("copy %s: %v, animated %v", got.Output, err, info != nil && info.Animated)
			}
		})
	}
}

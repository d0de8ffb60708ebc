package app

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// When the batch's sync fails, no file it covered is reported checked:
// each becomes a failure and its copy is removed.
func TestAFailedSyncTurnsCheckedIntoFailure(t *testing.T) {
	saved := syncfs
	syncfs = func(int) error { return unix.EIO }
	defer func() { syncfs = saved }()
	dir := t.TempDir()
	a := writeFile(t, dir, "a.jpg", jpegWithMetadata(t))
	b := writeFile(t, dir, "b.jpg", jpegWithMetadata(t))
	for _, r := range CleanAll([]string{a, b}, Settings{Jobs: 2}, Plan{}, nil) {
		if r.Err == nil || r.Output != "" {
			t.Errorf("%s: reported %q with no error after a failed sync", filepath.Base(r.File), r.Output)
			continue
		}
		if !errors.Is(r.Err, unix.EIO) || !strings.Contains(r.Err.Error(), "disk") {
			t.Errorf("%s: %v", filepath.Base(r.File), r.Err)
		}
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"a.jpg", "b.jpg"}) {
		t.Errorf("folder holds %v", got)
	}
}

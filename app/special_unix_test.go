//go:build unix

package app

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO named like a photo is refused at once, in one line, and the rest
// of the batch is done: opening one for reading would otherwise wait for a
// writer that never comes.
func TestASpecialFileIsRefusedWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "photo.jpg")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	good := writeFile(t, dir, "good.jpg", jpegWithMetadata(t))
	done := make(chan []Result, 1)
	go func() { done <- CleanAll([]string{fifo, good}, Settings{Jobs: 1}, Plan{}, nil) }()
	select {
	case rs := <-done:
		if rs[0].Err == nil || !strings.Contains(rs[0].Err.Error(), "not a regular file") {
			t.Errorf("the FIFO gave %v, want a refusal", rs[0].Err)
		}
		if rs[1].Err != nil {
			t.Errorf("the photo after it failed: %v", rs[1].Err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cleaning a FIFO hangs")
	}
}

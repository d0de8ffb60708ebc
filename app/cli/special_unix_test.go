//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO on the command line gets one line and exit 1 within seconds; the
// photo beside it is cleaned.
func TestAFIFOOnTheCommandLineIsRefusedInOneLine(t *testing.T) {
	dir := photoDir(t, "a.jpg")
	fifo := filepath.Join(dir, "pipe.jpg")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	type out struct {
		code       int
		stdout, se string
	}
	done := make(chan out, 1)
	go func() {
		c, o, e := run(t, "clean", fifo, filepath.Join(dir, "a.jpg"))
		done <- out{c, o, e}
	}()
	select {
	case o := <-done:
		lines := strings.Split(strings.TrimSpace(o.se), "\n")
		if o.code != ExitFailed || len(lines) != 1 || !strings.Contains(lines[0], "pipe.jpg") {
			t.Errorf("exit %d, stderr %q", o.code, o.se)
		}
		if !strings.Contains(o.stdout, "a-clean.jpg") {
			t.Errorf("the photo was not cleaned: %q", o.stdout)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("veil clean hangs on a FIFO")
	}
}

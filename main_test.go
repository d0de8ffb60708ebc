package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for veil itself: with
// VEIL_RUN_MAIN=1 it runs main with its arguments, so a test can watch the
// real command from outside.
func TestMain(m *testing.M) {
	if os.Getenv("VEIL_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestCommandLineOpensNoNetworkConnection runs inspect and clean under
// strace and fails on any socket other than a local (AF_UNIX) one and on
// any connect at all. strace exists on Linux only: elsewhere (the macOS
// release job) the test is skipped by platform, in CI too.
func TestCommandLineOpensNoNetworkConnection(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("strace is Linux only")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("strace is required in CI (Debian package strace)")
		}
		t.Skip("strace not installed")
	}
	dir := t.TempDir()
	data, err := os.ReadFile("exif/testdata/webp/lossy-exif-xmp.webp")
	if err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(dir, "a.webp")
	if err := os.WriteFile(photo, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"inspect", "--json", photo}, {"clean", "--json", dir}, {"version"}} {
		log := filepath.Join(t.TempDir(), "trace")
		cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=%network", "-o", log, os.Args[0]}, args...)...)
		cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("veil %v: %v\n%s", args, err, out)
		}
		trace, _ := os.ReadFile(log)
		if calls := networkCalls(string(trace)); len(calls) > 0 {
			t.Errorf("veil %v made network calls:\n%s", args, strings.Join(calls, "\n"))
		}
	}
}

var syscallName = regexp.MustCompile(`^\d+\s+(\w+)\(`)

func networkCalls(trace string) []string {
	var calls []string
	for _, line := range strings.Split(trace, "\n") {
		m := syscallName.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if m[1] == "socket" && strings.Contains(line, "AF_UNIX") {
			continue // local only; nothing leaves the machine
		}
		calls = append(calls, line)
	}
	return calls
}

// TestCommandLineWritesNothingButItsOwnLines checks that the C locale of
// many Linux machines does not make Fyne write to stderr.
func TestCommandLineWritesNothingButItsOwnLines(t *testing.T) {
	for _, lang := range []string{"C.UTF-8", "C", "en_US.UTF-8", ""} {
		cmd := exec.Command(os.Args[0], "version")
		cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1", "LANG="+lang, "LC_ALL=", "LANGUAGE=")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("LANG=%q: %v, stderr %q", lang, err, stderr.String())
		}
	}
}

func TestNetworkCallsAreRecognised(t *testing.T) {
	trace := "123 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3\n" +
		"123 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 4\n" +
		"124 connect(4, {sa_family=AF_INET, sin_port=htons(443)}, 16) = -1 ENETUNREACH\n"
	if got := networkCalls(trace); len(got) != 2 {
		t.Errorf("found %q, want the AF_INET socket and the connect", got)
	}
}

// Without a display, opening the window gives one sentence on how to use
// the command line instead, and a non-zero exit; never a stack trace.
func TestWithoutADisplayOneSentenceSaysToUseTheCommandLine(t *testing.T) {
	if !strings.Contains("linux freebsd openbsd netbsd dragonfly", runtime.GOOS) {
		t.Skip("there is always a display on " + runtime.GOOS)
	}
	for _, args := range [][]string{{"photo.jpg"}, nil} {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "VEIL_RUN_MAIN=1", "DISPLAY=", "WAYLAND_DISPLAY=")
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if err == nil || len(lines) != 1 || !strings.Contains(lines[0], "veil clean") || stdout.Len() > 0 {
			t.Errorf("veil %v: %v, stderr %q", args, err, stderr.String())
		}
	}
}

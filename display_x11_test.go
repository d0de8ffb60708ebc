//go:build unix && !darwin && !android && !ios

package main

import "testing"

func TestADisplayMustNameAnXServerThatIsThere(t *testing.T) {
	there := func(p string) bool { return p == "/tmp/.X11-unix/X0" }
	tests := []struct {
		name, display string
		want          bool
	}{
		{"no DISPLAY", "", false},
		{"a local display whose socket is there", ":0", true},
		{"with a screen number", ":0.1", true},
		{"the unix host", "unix:0", true},
		{"a local display with no server", ":77", false},
		{"a remote display is left to the toolkit", "localhost:10.0", true},
		{"nonsense", "garbage", false},
		{"a number that is not one", ":x1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := displayReachable(tt.display, there); got != tt.want {
				t.Errorf("displayReachable(%q) = %v, want %v", tt.display, got, tt.want)
			}
		})
	}
}

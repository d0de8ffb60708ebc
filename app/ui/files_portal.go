//go:build linux && !android

package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/rymdport/portal/filechooser"
)

// portalPick asks the desktop's own file chooser, through the XDG desktop
// portal (GNOME's or KDE's dialog, with previews and several files at
// once), for photos or a folder. ok is false when there is no portal to ask
// (no session bus, no portal service, an answer that makes no sense): the
// window then shows Fyne's chooser. Cancelling is ok with no paths. It
// blocks until the person answers: call it off the UI goroutine. owner is
// the window's X11 id, or 0 (Wayland, where the portal needs a handle
// exported through a protocol Fyne does not reach): the chooser is then
// not tied to the window.
func portalPick(owner uintptr, title, accept string, folder bool) (paths []string, ok bool) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return nil, false // never start a bus of our own
	}
	parent := ""
	if owner != 0 {
		parent = fmt.Sprintf("x11:%x", owner) // the portal's form for an X11 window
	}
	uris, err := portalOpen(parent, title, accept, folder)
	if err != nil {
		fmt.Fprintf(os.Stderr, "veil: the desktop's file chooser: %v\n", err)
		return nil, false
	}
	for _, u := range uris {
		if p, isFile := strings.CutPrefix(u, "file://"); isFile && p != "" {
			paths = append(paths, p)
		}
	}
	return paths, true
}

// portalOpen makes the portal call; a malformed answer is an error, not a
// crash of the goroutine that asked.
func portalOpen(parent, title, accept string, folder bool) (uris []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			uris, err = nil, errors.New("the portal's answer could not be read")
		}
	}()
	opts := &filechooser.OpenFileOptions{AcceptLabel: accept, Multiple: !folder, Directory: folder}
	if !folder {
		f := &filechooser.Filter{Name: title}
		for _, ext := range photoExts {
			f.Rules = append(f.Rules, filechooser.Rule{Type: filechooser.GlobPattern, Pattern: "*" + ext})
		}
		opts.Filters, opts.CurrentFilter = []*filechooser.Filter{f}, f
	}
	return filechooser.OpenFile(parent, title, opts)
}

func init() { nativePick = portalPick }

//go:build linux && !android

package ui

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
)

// The desktop's file chooser, reached over D-Bus through the XDG desktop
// portal: FileChooser.OpenFile answers with the path of a Request object,
// which later sends one Response signal with the files chosen, as file://
// URIs (flatpak.github.io/xdg-desktop-portal/docs: FileChooser, Request).
const (
	portalName       = "org.freedesktop.portal.Desktop"
	portalObject     = "/org/freedesktop/portal/desktop"
	portalOpenFile   = "org.freedesktop.portal.FileChooser.OpenFile"
	portalRequest    = "org.freedesktop.portal.Request"
	portalResponse   = "Response"
	busName          = "org.freedesktop.DBus"
	busOwnerChanged  = "NameOwnerChanged"
	portalSuccess    = uint32(0)
	portalCancelled  = uint32(1)
	portalGlobFilter = uint32(0)
)

// errPortalAnswer is the error of an answer of the portal that makes no
// sense.
var errPortalAnswer = errors.New("the portal's answer could not be read")

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
	conn, err := dbus.SessionBus() // shared with Fyne: never closed
	var uris []string
	if err == nil {
		uris, err = portalOpen(conn, parent, title, accept, folder)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "veil: the desktop's file chooser: %v\n", err)
		return nil, false
	}
	return localPaths(uris), true
}

// localPaths are the paths of the files uris name (fileURIPath). A URI
// that names no file here is left out, and counted on stderr (without
// itself: Veil logs no file name).
func localPaths(uris []string) []string {
	var paths []string
	for _, u := range uris {
		if p, err := fileURIPath(u); err == nil {
			paths = append(paths, p)
		}
	}
	if n := len(uris) - len(paths); n > 0 {
		fmt.Fprintf(os.Stderr, "veil: the desktop's file chooser gave %d file(s) that are not on this computer\n", n)
	}
	return paths
}

// portalOpen asks the portal on conn for the chooser and waits for its
// answer: the file URIs chosen as the chooser wrote them, none when the
// person cancelled. The answer is listened for before asking, on the path
// the portal will give it (its handle_token), so it cannot slip by.
func portalOpen(conn *dbus.Conn, parent, title, accept string, folder bool) ([]string, error) {
	token := "veil_" + rand.Text()
	answers := make(chan *dbus.Signal, 8)
	conn.Signal(answers)
	defer conn.RemoveSignal(answers)
	want := requestPath(conn, token)
	for _, m := range [][]dbus.MatchOption{responseMatch(want), portalGoneMatch()} {
		if err := conn.AddMatchSignal(m...); err != nil {
			return nil, err
		}
		defer conn.RemoveMatchSignal(m...)
	}
	var handle dbus.ObjectPath
	call := conn.Object(portalName, portalObject).Call(portalOpenFile, 0, parent, title, chooserOptions(token, title, accept, folder))
	if err := call.Store(&handle); err != nil {
		return nil, err
	}
	if handle != want { // a portal before 0.9 picks the path itself
		if err := conn.AddMatchSignal(responseMatch(handle)...); err != nil {
			return nil, err
		}
		defer conn.RemoveMatchSignal(responseMatch(handle)...)
	}
	return awaitURIs(answers, handle)
}

// requestPath is the path of the Request object the portal makes for
// token: the caller's unique bus name without its ":" and with "_" for
// each ".", then the token.
func requestPath(conn *dbus.Conn, token string) dbus.ObjectPath {
	sender := ""
	if names := conn.Names(); len(names) > 0 {
		sender = strings.ReplaceAll(strings.TrimPrefix(names[0], ":"), ".", "_")
	}
	return dbus.ObjectPath(portalObject + "/request/" + sender + "/" + token)
}

// responseMatch selects the Response of the Request at path.
func responseMatch(path dbus.ObjectPath) []dbus.MatchOption {
	return []dbus.MatchOption{dbus.WithMatchObjectPath(path), dbus.WithMatchInterface(portalRequest), dbus.WithMatchMember(portalResponse)}
}

// portalGoneMatch selects the bus's word that the portal changed hands
// (or stopped), so that a portal that dies does not leave Veil waiting.
func portalGoneMatch() []dbus.MatchOption {
	return []dbus.MatchOption{dbus.WithMatchSender(busName), dbus.WithMatchInterface(busName),
		dbus.WithMatchMember(busOwnerChanged), dbus.WithMatchArg(0, portalName)}
}

// awaitURIs waits for the Response of the Request at handle and reads it.
func awaitURIs(answers <-chan *dbus.Signal, handle dbus.ObjectPath) ([]string, error) {
	for s := range answers {
		switch {
		case s.Path == handle && s.Name == portalRequest+"."+portalResponse:
			return responseURIs(s.Body)
		case s.Name == busName+"."+busOwnerChanged && len(s.Body) == 3 && s.Body[0] == portalName:
			return nil, errors.New("the portal stopped before answering")
		}
	}
	return nil, errors.New("the session bus closed before the portal answered")
}

// responseURIs reads the body of a Response: (u response, a{sv} results),
// response 0 with the URIs in results["uris"], 1 when cancelled, 2 when
// the chooser ended some other way.
func responseURIs(body []any) ([]string, error) {
	if len(body) != 2 {
		return nil, errPortalAnswer
	}
	code, okCode := body[0].(uint32)
	results, okResults := body[1].(map[string]dbus.Variant)
	switch {
	case !okCode || !okResults:
		return nil, errPortalAnswer
	case code == portalCancelled:
		return nil, nil
	case code != portalSuccess:
		return nil, fmt.Errorf("the chooser ended without an answer (%d)", code)
	}
	uris, ok := results["uris"].Value().([]string)
	if !ok {
		return nil, errPortalAnswer
	}
	return uris, nil
}

// portalFilter is a filter of the chooser, (sa(us)): its name and its
// rules, each a kind (0, a glob pattern) with its pattern.
type portalFilter struct {
	Name  string
	Rules []portalRule
}

// portalRule is a rule of a portalFilter.
type portalRule struct {
	Kind    uint32
	Pattern string
}

// chooserOptions are OpenFile's options: the token of the answer's path,
// the accept button's label, and photos (several, by extension) or one
// folder.
func chooserOptions(token, title, accept string, folder bool) map[string]dbus.Variant {
	opts := map[string]dbus.Variant{
		"handle_token": dbus.MakeVariant(token),
		"accept_label": dbus.MakeVariant(accept),
		"multiple":     dbus.MakeVariant(!folder),
		"directory":    dbus.MakeVariant(folder),
	}
	if !folder {
		f := portalFilter{Name: title}
		for _, ext := range photoExts {
			f.Rules = append(f.Rules, portalRule{portalGlobFilter, "*" + ext})
		}
		opts["filters"] = dbus.MakeVariant([]portalFilter{f})
		opts["current_filter"] = dbus.MakeVariant(f)
	}
	return opts
}

func init() { nativePick = portalPick }

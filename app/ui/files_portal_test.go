//go:build linux && !android

package ui

import (
	"bufio"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// privateBus starts a D-Bus session bus of the test's own and returns its
// address; the test is skipped where there is no dbus-daemon.
func privateBus(t *testing.T) string {
	t.Helper()
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("no dbus-daemon here")
	}
	cmd := exec.Command(daemon, "--session", "--nofork", "--nopidfile", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(addr)
}

// busConn connects to the bus at addr for the rest of the test.
func busConn(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	c, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// fakePortal plays the desktop portal's file chooser: it answers OpenFile
// with code and uris, sending the answer before it replies with the
// Request's path (as a quick portal may), or never, when silent.
type fakePortal struct {
	conn   *dbus.Conn
	code   uint32
	uris   []string
	silent bool
	asked  chan map[string]dbus.Variant
}

// OpenFile is org.freedesktop.portal.FileChooser.OpenFile.
func (p *fakePortal) OpenFile(sender dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	token, _ := opts["handle_token"].Value().(string)
	who := strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_")
	path := dbus.ObjectPath("/org/freedesktop/portal/desktop/request/" + who + "/" + token)
	if !p.silent {
		results := map[string]dbus.Variant{"uris": dbus.MakeVariant(p.uris)}
		p.conn.Emit(path, "org.freedesktop.portal.Request.Response", p.code, results)
	}
	p.asked <- opts
	return path, nil
}

// servePortal puts p on the bus at addr as the desktop portal.
func servePortal(t *testing.T, addr string, p *fakePortal) {
	t.Helper()
	p.conn, p.asked = busConn(t, addr), make(chan map[string]dbus.Variant, 1)
	err := p.conn.Export(p, "/org/freedesktop/portal/desktop", "org.freedesktop.portal.FileChooser")
	if err == nil {
		_, err = p.conn.RequestName("org.freedesktop.portal.Desktop", dbus.NameFlagDoNotQueue)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// openThroughPortal calls portalOpen on a connection of its own, failing
// the test if no answer comes within ten seconds.
func openThroughPortal(t *testing.T, addr string, folder bool) ([]string, error) {
	t.Helper()
	conn := busConn(t, addr)
	type answer struct {
		uris []string
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		uris, err := portalOpen(conn, "", "Open photos", "Open", folder)
		done <- answer{uris, err}
	}()
	select {
	case a := <-done:
		return a.uris, a.err
	case <-time.After(10 * time.Second):
		t.Fatal("the portal's answer never came")
		return nil, nil
	}
}

// TestThePortalsFilesKeepTheirNames asks a portal for files whose names
// hold "+", "%", spaces, "#" and non-ASCII letters, written as GLib writes
// a file's URI, and checks the paths Veil opens.
func TestThePortalsFilesKeepTheirNames(t *testing.T) {
	addr := privateBus(t)
	servePortal(t, addr, &fakePortal{uris: []string{
		"file:///home/ana/me+you.jpg",
		"file:///home/ana/100%25%20sure%20%231.jpg",
		"file:///home/ana/%C3%A9t%C3%A9%20a+b.png",
	}})
	uris, err := openThroughPortal(t, addr, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/home/ana/me+you.jpg", "/home/ana/100% sure #1.jpg", "/home/ana/été a+b.png"}
	if got := localPaths(uris); !slices.Equal(got, want) {
		t.Errorf("the chooser's files open as %q, want %q", got, want)
	}
}

// TestThePortalIsAskedForPhotosOrAFolder checks the options Veil sends.
func TestThePortalIsAskedForPhotosOrAFolder(t *testing.T) {
	for _, folder := range []bool{false, true} {
		addr := privateBus(t)
		p := &fakePortal{code: 1}
		servePortal(t, addr, p)
		uris, err := openThroughPortal(t, addr, folder)
		if uris != nil || err != nil {
			t.Errorf("cancelling gives %q, %v; want nothing", uris, err)
		}
		opts := <-p.asked
		if opts["multiple"].Value() != !folder || opts["directory"].Value() != folder || opts["accept_label"].Value() != "Open" {
			t.Errorf("folder %v: the chooser is asked for %v", folder, opts)
		}
		if _, filtered := opts["filters"]; filtered == folder || (!folder && !strings.Contains(opts["filters"].String(), `"*.jpg"`)) {
			t.Errorf("folder %v: the chooser is given the filters %v", folder, opts["filters"])
		}

	}
}

// TestTheFiltersHaveThePortalsTypes checks the D-Bus types of the filters
// sent (the portal refuses others): a(sa(us)) and (sa(us)). (The fake
// portal cannot: godbus hands a method the values it decoded, retyped.)
func TestTheFiltersHaveThePortalsTypes(t *testing.T) {
	opts := chooserOptions("t", "Open photos", "Open", false)
	if a, b := opts["filters"].Signature().String(), opts["current_filter"].Signature().String(); a != "a(sa(us))" || b != "(sa(us))" {
		t.Errorf("the filters are sent as %s and %s", a, b)
	}
}

// TestAPortalThatStopsLeavesNoOneWaiting stops the portal before it
// answers: the wait ends with an error (and the window shows Fyne's
// chooser) instead of lasting for ever.
func TestAPortalThatStopsLeavesNoOneWaiting(t *testing.T) {
	addr := privateBus(t)
	p := &fakePortal{silent: true}
	servePortal(t, addr, p)
	go func() {
		<-p.asked
		p.conn.ReleaseName("org.freedesktop.portal.Desktop")
	}()
	if _, err := openThroughPortal(t, addr, false); err == nil || !strings.Contains(err.Error(), "stopped") {
		t.Errorf("a portal that stopped gives %v", err)
	}
}

// TestPortalAnswersThatMakeNoSenseAreErrors feeds responseURIs bodies no
// portal should send.
func TestPortalAnswersThatMakeNoSenseAreErrors(t *testing.T) {
	uris := map[string]dbus.Variant{"uris": dbus.MakeVariant([]string{"file:///a.jpg"})}
	tests := []struct {
		name string
		body []any
	}{
		{"an empty body", nil},
		{"a body of one", []any{uint32(0)}},
		{"a code that is not a number", []any{"0", uris}},
		{"results that are not a dictionary", []any{uint32(0), "file:///a.jpg"}},
		{"success without files", []any{uint32(0), map[string]dbus.Variant{}}},
		{"files that are not strings", []any{uint32(0), map[string]dbus.Variant{"uris": dbus.MakeVariant(42)}}},
		{"an interaction ended some other way", []any{uint32(2), uris}},
	}
	for _, tt := range tests {
		if got, err := responseURIs(tt.body); err == nil {
			t.Errorf("%s: read as %q", tt.name, got)
		}
	}
}

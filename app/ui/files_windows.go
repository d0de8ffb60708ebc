//go:build windows

package ui

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"

	"veil/app"
)

// Windows's own Open dialog, the Common Item Dialog (IFileOpenDialog in
// shobjidl_core.h): previews, several files at once, a folder mode. It is
// a COM object, called here through its table of methods, without cgo.
var (
	clsidFileOpenDialog = windows.GUID{Data1: 0xDC1C5A9C, Data2: 0xE88A, Data3: 0x4DDE,
		Data4: [8]byte{0xA5, 0xA1, 0x60, 0xF8, 0x2A, 0x20, 0xAE, 0xF7}}
	iidFileOpenDialog = windows.GUID{Data1: 0xD57C7288, Data2: 0xD4AD, Data3: 0x4768,
		Data4: [8]byte{0xBE, 0x02, 0x9D, 0x96, 0x95, 0x32, 0xD9, 0x60}}
	// dialogGUID names what the dialog remembers for Veil (the last folder),
	// so that Veil can clear it: Veil keeps no folder of a photo.
	dialogGUID = windows.GUID{Data1: 0x3F0B9C52, Data2: 0x6C1E, Data3: 0x4A7D,
		Data4: [8]byte{0x9E, 0x21, 0x5B, 0x7A, 0x0C, 0x4D, 0x88, 0x13}}
	procCoCreateInstance = windows.NewLazySystemDLL("ole32.dll").NewProc("CoCreateInstance")
)

// The methods used, by their place in the tables: IUnknown's three come
// first, then IModalWindow's Show, then IFileDialog's and IFileOpenDialog's;
// IShellItemArray and IShellItem follow IUnknown's too.
const (
	mRelease          = 2
	mShow             = 3
	mSetFileTypes     = 4
	mSetOptions       = 9
	mGetOptions       = 10
	mSetTitle         = 17
	mSetOkButtonLabel = 18
	mSetClientGUID    = 24
	mClearClientData  = 25
	mGetResults       = 27
	mArrayGetCount    = 7 // IShellItemArray
	mArrayGetItemAt   = 8
	mItemDisplayName  = 5 // IShellItem::GetDisplayName
)

// FILEOPENDIALOGOPTIONS, SIGDN and the answer to a cancelled dialog.
const (
	fosNoChangeDir      = 0x8
	fosPickFolders      = 0x20
	fosForceFileSystem  = 0x40
	fosAllowMultiSelect = 0x200
	fosPathMustExist    = 0x800
	fosFileMustExist    = 0x1000
	fosDontAddToRecent  = 0x2000000
	sigdnFileSysPath    = 0x80058000
	hrCancelled         = hresult(0x800704C7) // HRESULT_FROM_WIN32(ERROR_CANCELLED)
)

// hresult is a COM call's failure.
type hresult uint32

func (h hresult) Error() string { return fmt.Sprintf("HRESULT 0x%08X", uint32(h)) }

// comObject is what a COM interface pointer points to: its method table.
type comObject struct{ methods *[32]uintptr }

// call calls method n of o with args; a negative HRESULT is an error.
// Pointers converted to uintptr in the arguments stay alive and in place
// for the call.
//
//go:uintptrescapes
func (o *comObject) call(n int, args ...uintptr) error {
	hr, _, _ := syscall.SyscallN(o.methods[n], append([]uintptr{uintptr(unsafe.Pointer(o))}, args...)...)
	if int32(hr) < 0 {
		return hresult(hr)
	}
	return nil
}

func (o *comObject) release() { o.call(mRelease) }

// filterSpec is COMDLG_FILTERSPEC: a filter's name and its patterns.
type filterSpec struct{ name, spec *uint16 }

// windowsPick asks Windows's Open dialog, owned by the window owner (an
// HWND, or 0), for photos (several at once) or a folder. ok is false when
// the dialog cannot be shown: the window then shows Fyne's chooser.
// Cancelling is ok with no paths. It blocks until the person answers: call
// it off the UI goroutine.
func windowsPick(owner uintptr, title, accept string, folder bool) (paths []string, ok bool) {
	runtime.LockOSThread() // a COM apartment is a thread
	defer runtime.UnlockOSThread()
	err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE)
	if err != nil && err != syscall.Errno(windows.S_FALSE) { // S_FALSE: already, on this thread
		fmt.Fprintf(os.Stderr, "veil: Windows's file chooser: %v\n", err)
		return nil, false
	}
	defer windows.CoUninitialize()
	paths, err = openDialog(owner, title, accept, folder)
	if err != nil {
		fmt.Fprintf(os.Stderr, "veil: Windows's file chooser: %v\n", err)
		return nil, false
	}
	return paths, true
}

// openDialog makes the dialog, shows it and reads what was chosen.
func openDialog(owner uintptr, title, accept string, folder bool) ([]string, error) {
	if err := procCoCreateInstance.Find(); err != nil {
		return nil, err
	}
	var d *comObject
	hr, _, _ := procCoCreateInstance.Call(uintptr(unsafe.Pointer(&clsidFileOpenDialog)), 0,
		windows.CLSCTX_INPROC_SERVER, uintptr(unsafe.Pointer(&iidFileOpenDialog)), uintptr(unsafe.Pointer(&d)))
	if int32(hr) < 0 || d == nil {
		return nil, hresult(hr)
	}
	defer d.release()
	filter, err := setUp(d, title, accept, folder)
	if err != nil {
		return nil, err
	}
	defer d.call(mClearClientData) // forget the folder, whatever happens
	err = d.call(mShow, owner)
	runtime.KeepAlive(filter) // in use until the dialog closes
	switch {
	case err == hrCancelled:
		return nil, nil
	case err != nil:
		return nil, err
	}
	return results(d)
}

// setUp gives the dialog its options, filter, title and button. The
// filter it returns must stay alive while the dialog is shown.
func setUp(d *comObject, title, accept string, folder bool) (*filterSpec, error) {
	var opts uint32
	if err := d.call(mGetOptions, uintptr(unsafe.Pointer(&opts))); err != nil {
		return nil, err
	}
	opts |= fosForceFileSystem | fosNoChangeDir | fosPathMustExist | fosDontAddToRecent
	if folder {
		opts |= fosPickFolders
	} else {
		opts |= fosAllowMultiSelect | fosFileMustExist
	}
	if err := d.call(mSetOptions, uintptr(opts)); err != nil {
		return nil, err
	}
	var filter *filterSpec
	if !folder {
		filter = &filterSpec{utf16(title), utf16(filterPatterns(app.Extensions()))}
		if err := d.call(mSetFileTypes, 1, uintptr(unsafe.Pointer(filter))); err != nil {
			return nil, err
		}
	}
	d.call(mSetClientGUID, uintptr(unsafe.Pointer(&dialogGUID))) // without it, ClearClientData clears Veil's default
	d.call(mSetTitle, uintptr(unsafe.Pointer(utf16(title))))
	d.call(mSetOkButtonLabel, uintptr(unsafe.Pointer(utf16(accept))))
	return filter, nil
}

// filterPatterns is the dialog's filter for exts: "*.jpg;*.jpeg;…"
// (Windows matches names without regard to case).
func filterPatterns(exts []string) string {
	pats := make([]string, len(exts))
	for i, e := range exts {
		pats[i] = "*" + e
	}
	return strings.Join(pats, ";")
}

// utf16 is s as a NUL-terminated UTF-16 string; a NUL inside s ends it.
func utf16(s string) *uint16 {
	s, _, _ = strings.Cut(s, "\x00")
	p, _ := windows.UTF16PtrFromString(s)
	return p
}

// results is the path of each item chosen; an item without one (not a
// file on a disk, which the options already refuse) is left out.
func results(d *comObject) ([]string, error) {
	var items *comObject
	if err := d.call(mGetResults, uintptr(unsafe.Pointer(&items))); err != nil || items == nil {
		return nil, err
	}
	defer items.release()
	var n uint32
	if err := items.call(mArrayGetCount, uintptr(unsafe.Pointer(&n))); err != nil {
		return nil, err
	}
	var paths []string
	for i := range n {
		var item *comObject
		if items.call(mArrayGetItemAt, uintptr(i), uintptr(unsafe.Pointer(&item))) != nil || item == nil {
			continue
		}
		if p, err := itemPath(item); err == nil && p != "" {
			paths = append(paths, p)
		}
		item.release()
	}
	return paths, nil
}

// itemPath is an item's path on disk.
func itemPath(item *comObject) (string, error) {
	var s *uint16
	if err := item.call(mItemDisplayName, sigdnFileSysPath, uintptr(unsafe.Pointer(&s))); err != nil {
		return "", err
	}
	defer windows.CoTaskMemFree(unsafe.Pointer(s))
	return windows.UTF16PtrToString(s), nil
}

func init() { nativePick = windowsPick }

//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"

	"veil/app/cli"
)

// On Windows, veil.exe is a GUI program (fyne package links it with
// -H=windowsgui) so that a double-click opens the window without a black
// console box behind it. Windows gives such a program no console: typed in
// cmd.exe or PowerShell, "veil version" would print nothing. So when the
// first argument is a subcommand, before main runs, stdout and stderr that
// are not already a file, pipe or console (redirected output keeps working
// as it is) are pointed at the console of the process that started Veil.
//
// One exe, not a second console-only veil-cli.exe: the installer stays half
// the size. The price: cmd.exe does not wait for a GUI program, so its
// prompt may come back before Veil's output; scripts that need the exit
// status use "start /wait veil clean …" or redirect the output, which both
// wait. PowerShell waits when the output is piped (veil version | Out-Host).
func init() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		attachParentConsole()
	}
}

// attachParentConsole points os.Stdout and os.Stderr at the parent's
// console when they lead nowhere. Without a parent console (started from
// Explorer) it changes nothing.
func attachParentConsole() {
	out, errOut := usable(windows.STD_OUTPUT_HANDLE), usable(windows.STD_ERROR_HANDLE)
	if out && errOut {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return
	}
	if !out {
		os.Stdout = openConsoleOutput(windows.STD_OUTPUT_HANDLE, os.Stdout)
	}
	if !errOut {
		os.Stderr = openConsoleOutput(windows.STD_ERROR_HANDLE, os.Stderr)
	}
}

// usable reports whether the standard handle std leads to a file, pipe or
// console.
func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsoleOutput opens CONOUT$, the attached console's screen, as the
// standard handle std; on failure it returns old.
func openConsoleOutput(std uint32, old *os.File) *os.File {
	name, _ := windows.UTF16PtrFromString("CONOUT$")
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return old
	}
	_ = windows.SetStdHandle(std, h)
	return os.NewFile(uintptr(h), "CONOUT$")
}

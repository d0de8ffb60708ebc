// Package ui is Veil's window, a thin face on package app: a drop area, the
// list of photos, the editor with its toolbar, what each photo reveals, the
// checklist before sending, and saving.
//
// Threads: every widget is touched on the UI goroutine only. Decoding, face
// detection, saving and the editor's preview run on goroutines started by
// shell.spawn (the lanes in jobs.go, Save, Save all, the preview's worker);
// their results come back through shell.post (bridge.go), the one place that
// calls fyne.Do.
//
// Idle: once nothing has happened for a second (no input, no result handed
// back, no moving bar), the loop sleeps in a wait for the system's next
// event that takes no event itself (idle.go; the waits are in package
// main: X11 and Windows), instead of Fyne's sixty polls a second.
package ui

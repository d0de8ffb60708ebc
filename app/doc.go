// Package app is the job of one photo, without any user interface: open a
// file, inspect what it gives away, clean it (and, with edits, redact it),
// write the clean copy safely next to the original or in a chosen folder,
// read it back and verify it. The window (package ui) and the command line
// (package cli) are two thin faces on these functions.
//
// Saving follows DESIGN.md: the original is never modified; the output goes
// to a temporary file in the destination folder and is linked into place
// under a name that does not exist yet (NAME-clean.EXT, NAME-clean-2.EXT, …
// or a random name); a single save is synced before it appears; the file is
// then read back from disk and inspected again, and removed if anything
// outside the keep-list is found. No error leaves a half-written or
// half-clean file behind.
package app

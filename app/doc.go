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
// half-clean file behind. A batch (CleanAll) syncs once per file system at
// its end instead of once per file.
//
// Without edits, a clean copy is lossless: exif strips the metadata and the
// compressed image data is copied byte for byte (HEIC, which exif cannot
// strip in place, is decoded and written as a JPEG). With edits (Edits, or a
// Plan for a batch: faces, areas, crop), the upright picture is covered with
// the photo's own redact options (RedactOptions: a JPEG's block grid),
// cropped, freshly encoded in its own format where possible, given back its
// colour profile without its words, and then stripped and verified like any
// other copy.
package app

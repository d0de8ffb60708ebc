// Package app is the job of one photo, without any user interface: open a
// file, inspect what it gives away, clean it (and, with edits, redact it),
// write the clean copy safely next to the original or in a chosen folder,
// read it back and verify it. The window (package ui) and the command line
// (package cli) are two thin faces on these functions.
//
// Saving follows the saving policy (docs/ARCHITECTURE.md): the original is never modified; the output goes
// to a file in the destination folder that has no name yet (O_TMPFILE on
// Linux; a hidden temporary file elsewhere), is read back from disk through
// the same handle and inspected again, and only if nothing outside the
// keep-list is found is it linked into place under a name that does not
// exist yet (NAME-clean.EXT, NAME-clean-2.EXT, … or a random name). A single
// save is synced before it gets its name (the sync runs while the copy is
// checked). No error leaves a half-written or half-clean file behind, and a
// copy that fails its check is never seen under a name. The one exception
// to "never overwrite" is a Session (the window's): saving a photo again
// replaces, in one rename, the copy the same session wrote of it, if that
// file is still the one written, so that an unsafe copy never stays beside
// the fixed one. A batch (CleanAll, or CleanEach with a plan per file)
// syncs once per file system at its end instead of once per file. A large
// file is handed to the disk a megabyte at a time as it is written, so the
// sync that follows waits only for its tail.
//
// Speed: a file is parsed once (exif.Inspect, or exif.Scan when the
// findings are not wanted) and its compressed image data is written from
// the bytes read, not copied (exif.StripParts); a batch worker reuses one
// buffer for every file it reads and reads each copy back into it.
//
// Without edits, a clean copy is lossless: exif strips the metadata and the
// compressed image data is copied byte for byte (HEIC and AVIF, which exif
// cannot strip in place, are decoded and written as a JPEG, or a PNG for a
// transparent AVIF). With edits (Edits, or a
// Plan for a batch: faces, areas, crop), the upright picture is covered with
// the photo's own redact options (RedactOptions: a JPEG's block grid),
// cropped (Cover and Render: the one place pixels change, which the
// window's preview uses too), freshly encoded in its own format where
// possible, given back its
// colour profile without its words, and then stripped and verified like any
// other copy.
//
// Hostile files: only regular files are read, opened without waiting
// (O_NONBLOCK) so that a FIFO or a device is refused at once. Memory: the
// decoded pixels of a batch share one budget (budget.go), reserved from
// each photo's declared size before it is decoded; a decoded JPEG is
// turned upright and covered in its own YCbCr planes, and a batch's own
// picture is covered in place, so that a 250-megapixel photo costs its
// decoded size once.
package app

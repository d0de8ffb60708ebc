package app

import "runtime"

// Settings are the choices that shape a clean copy. They are the only thing
// Veil stores.
type Settings struct {
	// OutDir is the folder for clean copies; empty means next to the original.
	OutDir string
	// RandomNames gives clean copies random names instead of NAME-clean.EXT.
	RandomNames bool
	// DropICC removes the colour profile too.
	DropICC bool
	// JPEGQuality is used when edited pixels are encoded as JPEG (1–100).
	JPEGQuality int
	// Jobs is how many files a batch cleans at once; 0 means one per CPU.
	Jobs int
	// Session, when set, lets a new copy of a photo replace the copy this
	// session wrote of it before (see Session). It is never stored; nil
	// (the command line) never replaces anything.
	Session *Session
}

// DefaultJPEGQuality keeps edited JPEGs visually faithful at a sane size.
const DefaultJPEGQuality = 92

func (s Settings) jobs() int {
	if s.Jobs > 0 {
		return s.Jobs
	}
	return runtime.NumCPU()
}

func (s Settings) quality() int {
	if s.JPEGQuality < 1 || s.JPEGQuality > 100 {
		return DefaultJPEGQuality
	}
	return s.JPEGQuality
}

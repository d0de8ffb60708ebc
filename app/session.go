package app

import (
	"os"
	"path/filepath"
	"sync"
)

// Session remembers, in memory only, the clean copies written while it
// lasts (one window of the app), so that saving a photo again replaces the
// copy Veil itself wrote of it a moment ago: a copy saved with a face
// visible never stays beside the fixed one. It is the only file Veil ever
// overwrites, and only when it is still the very file written (same
// device, inode, size and time), in the folder and with the extension the
// new copy gets. Nothing of it is ever stored. A Session is safe for concurrent use.
type Session struct {
	mu     sync.Mutex
	copies map[string]written // by the original's absolute path
}

// written is one clean copy of a session.
type written struct {
	name string
	info os.FileInfo // as it was just after it was written
}

// NewSession returns an empty Session.
func NewSession() *Session { return &Session{copies: map[string]written{}} }

// earlier returns the copy of src this session wrote that a new copy in dir
// with extension ext replaces, or "" when there is none: never saved, saved
// elsewhere or as another format, or no longer the file Veil wrote.
func (s *Session) earlier(src, dir, ext string) string {
	if s == nil {
		return ""
	}
	s.mu.Lock()
	w, ok := s.copies[absPath(src)]
	s.mu.Unlock()
	if !ok || filepath.Clean(filepath.Dir(w.name)) != filepath.Clean(dir) || filepath.Ext(w.name) != ext {
		return ""
	}
	now, err := os.Lstat(w.name)
	if err != nil || !sameWrite(now, w.info) {
		return ""
	}
	return w.name
}

// sameWrite reports whether a and b are the same file, unchanged: the same
// device and inode (which a new file can reuse at once), size and time.
func sameWrite(a, b os.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

// record remembers name as the clean copy of src.
func (s *Session) record(src, name string) {
	if s == nil {
		return
	}
	info, err := os.Lstat(name)
	if err != nil {
		return // not replaced later: a new name then, never a wrong file
	}
	s.mu.Lock()
	s.copies[absPath(src)] = written{name, info}
	s.mu.Unlock()
}

// Written returns the clean copy of src this session wrote last, or "".
func (s *Session) Written(src string) string {
	if s == nil {
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.copies[absPath(src)].name
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

//go:build unix

package app

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockTemp takes the lock that tells other runs this temporary file is
// being written. Without it (a file system without locks) a run sweeping
// the folder cannot tell, and leaves the file alone.
func lockTemp(f *os.File) { _ = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) }

// removeIfAbandoned removes the temporary file at path when it is a
// regular file of this user that no live process holds locked.
func removeIfAbandoned(path string) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || int(st.Uid) != os.Geteuid() {
		return
	}
	if unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB) != nil {
		return // its writer is alive (or locks do not work here)
	}
	_ = os.Remove(path)
}

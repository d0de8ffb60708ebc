package app

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// physicalMemory is the memory Veil may use, in bytes, 0 when unknown: the
// computer's, or less when a control group (a container, a systemd slice)
// caps it.
func physicalMemory() int64 {
	var si unix.Sysinfo_t
	if unix.Sysinfo(&si) != nil {
		return 0
	}
	n := int64(si.Totalram) * int64(si.Unit)
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if c := cgroupLimit(f); c > 0 && c < n {
			n = c
		}
	}
	return n
}

// cgroupLimit reads a control group's memory limit from file f: 0 when
// there is none ("max", or no such file).
func cgroupLimit(f string) int64 {
	b, err := os.ReadFile(f)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

//go:build !linux && !darwin

package app

// physicalMemory is the computer's memory in bytes, 0 when unknown: here
// it is not asked, and the budget takes its cap.
func physicalMemory() int64 { return 0 }

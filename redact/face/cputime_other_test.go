//go:build !unix

package face

// cpuTime is not measured off Unix: the benchmark's cpu-ns/op reads 0.
func cpuTime() int64 { return 0 }

package app

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// video100MB writes a 100 MB MP4: an ffmpeg-made file whose media data box,
// its last, is grown by random bytes (no track refers to them; the clean
// copies them like any other media data).
func video100MB(b *testing.B) string {
	data := videoFixture(b, "ffmpeg-faststart.mp4")
	at := bytes.LastIndex(data, []byte("mdat")) - 4
	extra := 100<<20 - len(data)
	size := binary.BigEndian.Uint32(data[at:])
	binary.BigEndian.PutUint32(data[at:], size+uint32(extra))
	pad := make([]byte, extra)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i+8 <= len(pad); i += 8 {
		binary.LittleEndian.PutUint64(pad[i:], r.Uint64())
	}
	return writeFile(b, b.TempDir(), "big.mp4", append(data, pad...))
}

// BenchmarkCleanVideo100MB times veil clean of a 100 MB video: inspect,
// plan, stream the copy, sync, verify, name.
func BenchmarkCleanVideo100MB(b *testing.B) {
	src := video100MB(b)
	out := b.TempDir()
	b.SetBytes(100 << 20)
	b.ResetTimer()
	for b.Loop() {
		r := Clean(src, Settings{OutDir: out})
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		os.Remove(r.Output)
	}
}

// BenchmarkCopyVideo100MB is cp of the same file (copy_file_range through
// ReadFrom), with and without the sync a single save does.
func BenchmarkCopyVideo100MB(b *testing.B) {
	src := video100MB(b)
	out := filepath.Join(b.TempDir(), "copy.mp4")
	for _, sync := range []bool{false, true} {
		name := "cp"
		if sync {
			name = "cp+fsync"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(100 << 20)
			for b.Loop() {
				in, _ := os.Open(src)
				dst, _ := os.Create(out)
				if _, err := dst.ReadFrom(in); err != nil {
					b.Fatal(err)
				}
				if sync {
					dst.Sync()
				}
				dst.Close()
				in.Close()
				os.Remove(out)
			}
		})
	}
}

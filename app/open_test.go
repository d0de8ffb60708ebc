package app

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"
)

// Large files are read in pieces at once; small ones in one go; a buffer
// given is reused when it is large enough. Every way gives the file.
func TestReadFileGivesTheWholeFile(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 4095, 2*readPiece - 1, 2 * readPiece, 2*readPiece + 1, 10*readPiece + 3} {
		want := make([]byte, size)
		for i := range want {
			want[i] = byte(r.Uint32())
		}
		path := writeFile(t, dir, "f.bin", want)
		for _, buf := range [][]byte{nil, make([]byte, 10), make([]byte, 0, size+1), make([]byte, 3*size+7)} {
			got, err := readFile(path, buf)
			if err != nil {
				t.Fatalf("%d bytes: %v", size, err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%d bytes read into a buffer of %d: got %d bytes, not the file", size, cap(buf), len(got))
			}
			if cap(buf) >= size+1 && size > 0 && &got[0] != &buf[:1][0] {
				t.Errorf("%d bytes: a large enough buffer was not reused", size)
			}
		}
		os.Remove(path)
	}
}

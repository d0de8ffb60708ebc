package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestWritePartsWritesEveryPartInOrder(t *testing.T) {
	parts := [][]byte{[]byte("SOI"), nil, bytes.Repeat([]byte("x"), 300_000), {}, []byte("EOI")}
	for i := range 3000 { // more than one writev(2) takes at once
		parts = append(parts, []byte{byte(i), byte(i >> 8)}, nil)
	}
	orig := append([][]byte(nil), parts...)
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeParts(f, parts); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(f.Name())
	if !bytes.Equal(got, bytes.Join(orig, nil)) {
		t.Errorf("wrote %d bytes, want %d", len(got), len(bytes.Join(orig, nil)))
	}
	for i := range parts {
		if !bytes.Equal(parts[i], orig[i]) {
			t.Errorf("part %d of the caller's list changed", i)
		}
	}
}

func TestReadAtMostStopsAtTheEnd(t *testing.T) {
	path := writeFile(t, t.TempDir(), "f", []byte("0123456789"))
	f, err := openRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tt := range []struct {
		off, size, want int
	}{{0, 4, 4}, {0, 10, 10}, {0, 11, 10}, {6, 10, 4}, {10, 3, 0}, {12, 3, 0}} {
		p := make([]byte, tt.size)
		n, err := readAtMost(f, p, int64(tt.off))
		if err != nil || n != tt.want || string(p[:n]) != "0123456789"[min(tt.off, 10):min(tt.off, 10)+tt.want] {
			t.Errorf("%d bytes at %d: got %d %q (%v), want %d", tt.size, tt.off, n, p[:n], err, tt.want)
		}
	}
	if _, err := openRead(filepath.Join(t.TempDir(), "missing")); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
}

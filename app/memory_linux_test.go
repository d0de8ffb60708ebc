package app

import "testing"

func TestCgroupLimit(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          int64
	}{
		{"a number of bytes is the limit", "1073741824\n", 1 << 30},
		{"max means no limit", "max\n", 0},
		{"garbage means no limit", "lots", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cgroupLimit(writeFile(t, dir, "memory.max", []byte(tt.content))); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
	if got := cgroupLimit(dir + "/none"); got != 0 {
		t.Errorf("a missing file gave %d", got)
	}
}

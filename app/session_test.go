package app

import (
	"image"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"veil/redact"
)

// cover is a fill over the top-left corner of the fixture.
var cover = Edits{Regions: []redact.Region{{Rect: image.Rect(0, 0, 8, 8), Style: redact.Fill}}}

func TestSavingAgainReplacesTheSessionsOwnCopy(t *testing.T) {
	tests := []struct {
		name      string
		session   bool
		meddle    func(t *testing.T, first string) // what happens to the first copy between the saves
		second    Settings
		wantNames []string
	}{
		{"a second save replaces the first copy", true, nil, Settings{},
			[]string{"p-clean.jpg", "p.jpg"}},
		{"without a session nothing is ever replaced", false, nil, Settings{},
			[]string{"p-clean-2.jpg", "p-clean.jpg", "p.jpg"}},
		{"a file put in the copy's place is not Veil's and stays", true, func(t *testing.T, first string) {
			os.Remove(first)
			os.WriteFile(first, []byte("someone else's"), 0o600)
		}, Settings{}, []string{"p-clean-2.jpg", "p-clean.jpg", "p.jpg"}},
		{"a copy the person deleted is written afresh", true, func(t *testing.T, first string) {
			os.Remove(first)
		}, Settings{}, []string{"p-clean.jpg", "p.jpg"}},
		{"a copy to another folder leaves the first where it is", true, nil, Settings{OutDir: "elsewhere"},
			[]string{"elsewhere", "p-clean.jpg", "p.jpg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := writeFile(t, dir, "p.jpg", jpegWithMetadata(t))
			var s *Session
			if tt.session {
				s = NewSession()
			}
			p, _ := Open(src)
			first := p.Save(Edits{}, Settings{Session: s})
			if first.Err != nil {
				t.Fatal(first.Err)
			}
			if tt.meddle != nil {
				tt.meddle(t, first.Output)
			}
			set := tt.second
			set.Session = s
			if set.OutDir != "" {
				set.OutDir = filepath.Join(dir, set.OutDir)
				os.Mkdir(set.OutDir, 0o700)
			}
			second := p.Save(cover, set)
			if second.Err != nil {
				t.Fatal(second.Err)
			}
			if got := dirNames(t, dir); !slices.Equal(got, tt.wantNames) {
				t.Errorf("the folder holds %v, want %v", got, tt.wantNames)
			}
			if s != nil && s.Written(src) != second.Output {
				t.Errorf("the session remembers %q, want %q", s.Written(src), second.Output)
			}
		})
	}
}

func TestAReplacedCopyHoldsTheNewPixels(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "p.jpg", jpegWithMetadata(t))
	s := NewSession()
	p, _ := Open(src)
	first := p.Save(Edits{}, Settings{Session: s})
	second := p.Save(cover, Settings{Session: s})
	if first.Err != nil || second.Err != nil || first.Output != second.Output {
		t.Fatalf("first %q (%v), second %q (%v)", first.Output, first.Err, second.Output, second.Err)
	}
	saved, err := Open(second.Output)
	if err != nil {
		t.Fatal(err)
	}
	img, _ := saved.Image()
	fill := redact.DefaultFillColor
	if r, g, b, _ := img.At(2, 2).RGBA(); diff(r>>8, uint32(fill.R)) > 8 || diff(g>>8, uint32(fill.G)) > 8 || diff(b>>8, uint32(fill.B)) > 8 {
		t.Errorf("the copy under the old name is not the covered one: pixel (%d,%d,%d)", r>>8, g>>8, b>>8)
	}
}

func TestAReplacedCopyWrittenUnderATemporaryNameLeavesNoTemporary(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, dir, "p.jpg", jpegWithMetadata(t))
	s := NewSession()
	names := candidateNames(src, dir, ".jpg", false)
	check := func([]byte) error { return nil }
	first, err := writeAs(dir, [][]byte{[]byte("one")}, target{next: names}, true, check, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.record(src, first)
	t.Run("an unnamed copy", func(t *testing.T) {
		out, err := writeAs(dir, [][]byte{[]byte("two")}, target{next: names, over: s.earlier(src, dir, ".jpg")}, true, check, nil)
		if got, _ := os.ReadFile(first); err != nil || out != first || string(got) != "two" {
			t.Errorf("wrote %q (%v), the copy holds %q", out, err, got)
		}
	})
	t.Run("a named temporary", func(t *testing.T) {
		tf, err := createNamedTemp(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer tf.discard()
		tf.f.Write([]byte("three"))
		tf.seal()
		if err := tf.replace(first); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(first); string(got) != "three" {
			t.Errorf("the copy holds %q", got)
		}
	})
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p-clean.jpg", "p.jpg"}) {
		t.Errorf("the folder holds %v", got)
	}
}

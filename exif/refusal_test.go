package exif

import (
	"errors"
	"testing"
)

func TestRefusalsKeepTheirSentinelAndTheirEnglish(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		sentinel error
		want     string
	}{
		{"a text file", refuse(ErrUnsupported, "refused.unknown", argText("formats", "JPEG, PNG")), ErrUnsupported,
			"exif: unsupported file: not a photo or video Veil can clean (JPEG, PNG)"},
		{"a huge picture", checkLimits(40000, 30000, 100), ErrTooLarge,
			"exif: file too large: 40000x30000 is 1200 megapixels, over the 250 megapixel limit"},
		{"a PNG chunk", refuse(ErrUnsupported, "refused.png_chunk", argText("chunk", "abCD")), ErrUnsupported,
			"exif: unsupported file: PNG critical chunk abCD is not understood"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, tt.sentinel) || tt.err.Error() != tt.want {
				t.Errorf("got %q (is %v: %v), want %q", tt.err, tt.sentinel, errors.Is(tt.err, tt.sentinel), tt.want)
			}
		})
	}
}

func TestATableWordsARefusalAndNothingElse(t *testing.T) {
	spanish := Table{"refused.tiff": {Value: "TIFF no"}}
	if got, ok := spanish.Refusal(refuse(ErrUnsupported, "refused.tiff")); !ok || got != "TIFF no" {
		t.Errorf("a refusal reads %q, %v", got, ok)
	}
	if got, ok := spanish.Refusal(errors.New("disk full")); ok {
		t.Errorf("a plain error reads %q as a refusal", got)
	}
}

func TestAnUnknownPictureSizeIsWordedByTheTable(t *testing.T) {
	f := heicPictures("depth_map", []string{"640×480", unknownSize}, "HEIC")
	if _, value := English.Finding(f); value != "2 pictures stored with the photo (640×480, unknown size)" {
		t.Errorf("English reads %q", value)
	}
	french := Table{"size.unknown": {Value: "taille inconnue"}}
	if _, value := french.Finding(f); value != "2 pictures stored with the photo (640×480, taille inconnue)" {
		t.Errorf("the table's words are not used: %q", value)
	}
}

package exif_test

import (
	"bytes"
	"fmt"
	"os"

	"veil/exif"
)

// Inspect lists, in plain words, what a file gives away.
func ExampleInspect() {
	data, err := os.ReadFile("testdata/jpeg/exif-gps-thumbnail.jpg")
	if err != nil {
		fmt.Println(err)
		return
	}
	info, err := exif.Inspect(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range info.Findings {
		fmt.Printf("%s / %s: %s\n", f.Category, f.Label, f.Value)
	}
	// Output:
	// Location / GPS position: 48.8582 N, 2.2945 E — this shows where the photo was taken
	// Device / Camera: VEIL-MARKER Make VEIL-MARKER Model
	// Device / Camera serial number: VEIL-MARKER-1
	// Time / Taken: 2024-05-06 07:08:09
	// Hidden pictures / Thumbnail: a small copy of the photo (664 bytes)
}

// Strip makes a clean copy in memory: only what shows the picture is left,
// and Verify agrees.
func ExampleStrip() {
	data, err := os.ReadFile("testdata/jpeg/exif-gps-thumbnail.jpg")
	if err != nil {
		fmt.Println(err)
		return
	}
	clean, err := exif.Strip(data, exif.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	info, _ := exif.Inspect(clean)
	fmt.Println(len(info.Findings), "findings left; verify:", exif.Verify(clean, exif.Options{}))
	// Output: 0 findings left; verify: <nil>
}

// StripParts writes the same copy without copying the compressed image
// data: after the rebuilt head, the pieces are slices of the input. This
// is how package app writes a clean copy to disk.
func ExampleStripParts() {
	data, err := os.ReadFile("testdata/jpeg/exif-gps-thumbnail.jpg")
	if err != nil {
		fmt.Println(err)
		return
	}
	info, err := exif.Scan(data) // Inspect without the findings
	if err != nil {
		fmt.Println(err)
		return
	}
	parts, err := exif.StripParts(data, info, exif.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	for _, p := range parts {
		out.Write(p)
	}
	clean, _ := exif.Strip(data, exif.Options{})
	fmt.Println(len(parts), "pieces; same as Strip:", bytes.Equal(out.Bytes(), clean))
	// Output: 2 pieces; same as Strip: true
}

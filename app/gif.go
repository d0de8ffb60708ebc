package app

import (
	"bytes"
	"image"
	"image/draw"
	"image/gif"
)

// decodeGIF reads the first frame of a GIF as it is seen: on its logical
// screen (GIF89a §18), at the offset its image descriptor gives (§20).
// image/gif returns the frame alone, which may be smaller than the screen
// and placed anywhere on it; the rest of the screen is transparent here,
// as browsers show it (the background colour index of §18 is ignored by
// them too). A frame that fills the screen is returned as decoded.
func decodeGIF(data []byte) (image.Image, error) {
	cfg, err := gif.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	frame, err := gif.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return onCanvas(frame, frame.Bounds().Min, image.Pt(cfg.Width, cfg.Height)), nil
}

// onCanvas places frame at the point at of a transparent canvas of the
// given size, cutting off what would fall outside it. A frame that is the
// canvas already is returned as it is.
func onCanvas(frame image.Image, at, size image.Point) image.Image {
	screen := image.Rectangle{Max: size}
	b := frame.Bounds()
	if b == screen && at == b.Min {
		return frame
	}
	canvas := image.NewNRGBA(screen)
	r := image.Rectangle{Min: at, Max: at.Add(b.Size())}.Intersect(screen)
	draw.Draw(canvas, r, frame, b.Min.Add(r.Min.Sub(at)), draw.Src)
	return canvas
}

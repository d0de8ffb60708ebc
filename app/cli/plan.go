package cli

import (
	"fmt"
	"image"
	"strconv"
	"strings"

	"veil/app"
	"veil/redact"
)

// parsePlan turns --faces, --region, --crop and --style into a plan.
func parsePlan(faces, style string, regions []string, crop string) (app.Plan, error) {
	var pl app.Plan
	def, err := redact.ParseStyle(style)
	if err != nil {
		return pl, fmt.Errorf("--style: %w", err)
	}
	if faces != "off" {
		if pl.FaceStyle, err = redact.ParseStyle(faces); err != nil {
			return pl, fmt.Errorf("--faces takes off, fill, blur or pixelate, not %q", faces)
		}
		pl.Faces = true
	}
	for _, r := range regions {
		reg, err := parseRegion(r, def)
		if err != nil {
			return pl, err
		}
		pl.Regions = append(pl.Regions, reg)
	}
	if crop != "" {
		if pl.Crop, err = parseRect(crop); err != nil {
			return pl, fmt.Errorf("--crop %s: %w", crop, err)
		}
	}
	return pl, nil
}

// parseRegion reads X,Y,W,H[:STYLE][:ellipse].
func parseRegion(s string, def redact.Style) (redact.Region, error) {
	parts := strings.Split(s, ":")
	rect, err := parseRect(parts[0])
	if err != nil {
		return redact.Region{}, fmt.Errorf("--region %s: %w", s, err)
	}
	reg := redact.Region{Rect: rect, Shape: redact.Rect, Style: def}
	for _, p := range parts[1:] {
		switch strings.ToLower(p) {
		case "ellipse":
			reg.Shape = redact.Ellipse
		case "rect", "rectangle":
			reg.Shape = redact.Rect
		default:
			st, err := redact.ParseStyle(p)
			if err != nil {
				return redact.Region{}, fmt.Errorf("--region %s: %q is not a style (fill, blur, pixelate) or shape (rect, ellipse)", s, p)
			}
			reg.Style = st
		}
	}
	return reg, nil
}

// parseRect reads X,Y,W,H in pixels; W and H must be positive.
func parseRect(s string) (image.Rectangle, error) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return image.Rectangle{}, fmt.Errorf("want X,Y,W,H")
	}
	var v [4]int
	for i, x := range f {
		n, err := strconv.Atoi(strings.TrimSpace(x))
		if err != nil || n < 0 || n > 1<<20 {
			return image.Rectangle{}, fmt.Errorf("%q is not a pixel count", x)
		}
		v[i] = n
	}
	if v[2] == 0 || v[3] == 0 {
		return image.Rectangle{}, fmt.Errorf("width and height must be at least 1")
	}
	return image.Rect(v[0], v[1], v[0]+v[2], v[1]+v[3]), nil
}

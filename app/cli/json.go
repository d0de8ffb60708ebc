package cli

import (
	"encoding/json"
	"io"
	"math"

	"veil/app"
	"veil/exif"
	"veil/redact"
	"veil/redact/face"
)

// fileJSON is one file in `--json` output, one object per line.
type fileJSON struct {
	File     string         `json:"file"`
	Format   string         `json:"format"`
	Width    int            `json:"width"`
	Height   int            `json:"height"`
	Findings []exif.Finding `json:"findings"`
	Faces    []faceJSON     `json:"faces"`
	// clean only
	Regions  []regionJSON `json:"regions,omitempty"`
	Output   *string      `json:"output,omitempty"`
	Lossless *bool        `json:"lossless,omitempty"`
	Still    *bool        `json:"still,omitempty"` // an animation, edited: a still picture of its first frame
	Error    *string      `json:"error,omitempty"`
}

type faceJSON struct {
	X     int     `json:"x"`
	Y     int     `json:"y"`
	W     int     `json:"w"`
	H     int     `json:"h"`
	Score float64 `json:"score"`
}

type regionJSON struct {
	X     int    `json:"x"`
	Y     int    `json:"y"`
	W     int    `json:"w"`
	H     int    `json:"h"`
	Shape string `json:"shape"`
	Style string `json:"style"`
}

func facesJSON(fs []face.Face) []faceJSON {
	out := []faceJSON{}
	for _, f := range fs {
		out = append(out, faceJSON{f.X, f.Y, f.W, f.H, math.Round(f.Score*1000) / 1000})
	}
	return out
}

func regionsJSON(rs []redact.Region) []regionJSON {
	out := []regionJSON{}
	for _, r := range rs {
		out = append(out, regionJSON{r.Rect.Min.X, r.Rect.Min.Y, r.Rect.Dx(), r.Rect.Dy(), r.Shape.String(), r.Style.String()})
	}
	return out
}

func reportJSON(rep app.Report, err error) fileJSON {
	j := fileJSON{File: rep.File, Format: string(rep.Format), Width: rep.Width, Height: rep.Height,
		Findings: rep.Findings, Faces: facesJSON(rep.Faces)}
	if j.Findings == nil {
		j.Findings = []exif.Finding{}
	}
	if err != nil {
		s := oneLine(err)
		j.Error = &s
	}
	return j
}

func resultJSON(r app.Result) fileJSON {
	j := reportJSON(app.Report{File: r.File, Format: r.Format, Width: r.Width, Height: r.Height,
		Findings: r.Findings, Faces: r.Faces}, r.Err)
	j.Regions = regionsJSON(r.Regions)
	out, lossless := r.Output, r.Lossless && r.Err == nil
	j.Output, j.Lossless = &out, &lossless
	still := r.Still && r.Err == nil
	j.Still = &still
	if r.Err == nil {
		empty := ""
		j.Error = &empty
	}
	return j
}

func writeJSONLine(w io.Writer, v any) {
	b, _ := json.Marshal(v) // plain structs of strings and numbers always marshal
	w.Write(append(b, '\n'))
}

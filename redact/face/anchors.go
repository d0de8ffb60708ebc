package face

import (
	"fmt"
	"math"
)

// box is a detection in some pixel frame: corners and confidence.
type box struct {
	x0, y0, x1, y1 float64
	score          float64
}

// boxValues is the width of a box head row: centre x, centre y, width,
// height, then six key points (x, y) that Veil does not use.
const boxValues = 16

// decode turns the network's head tensors into boxes in canvas pixels,
// keeping those scoring above minScore.
//
// The heads come in pairs over one feature map: a score head with one
// value per anchor (k = 1) and a box head with 16 (k = 16). The anchors are
// MediaPipe's SSD anchors for face_detection_back (strides 16 and 32, two
// and six anchors per cell, offset 0.5, fixed size 1): one anchor centre per
// cell, ((x+0.5)·stride, (y+0.5)·stride). Generating them from the actual
// map size is what lets the fully convolutional network run on any canvas.
// The box regression is in input pixels (MediaPipe divides by the 256-pixel
// input size and multiplies by the normalised anchor size 1).
func decode(heads []head, outs []*tensor, canvasW, canvasH int, minScore float64) ([]box, error) {
	var boxes []box
	for i, hs := range heads {
		if hs.k != 1 {
			continue
		}
		scores := outs[i]
		bi := -1
		for j, hb := range heads {
			if hb.k == boxValues && outs[j].h == scores.h && outs[j].w == scores.w && outs[j].c == scores.c*boxValues {
				bi = j
			}
		}
		if bi < 0 {
			return nil, ModelError(fmt.Sprintf("no box head matches score head %s", hs.name))
		}
		boxes = decodeMap(boxes, scores, outs[bi], canvasW, canvasH, minScore)
	}
	return boxes, nil
}

func decodeMap(dst []box, scores, regs *tensor, canvasW, canvasH int, minScore float64) []box {
	sx := float64(canvasW) / float64(scores.w)
	sy := float64(canvasH) / float64(scores.h)
	// Only raw scores above the logit of minScore need the sigmoid.
	minLogit := float32(math.Log(minScore / (1 - minScore)))
	n := scores.h * scores.w
	for a := 0; a < scores.c; a++ {
		sp := scores.plane(a)
		for p, raw := range sp {
			if raw <= minLogit {
				continue
			}
			y, x := p/scores.w, p%scores.w
			cx := (float64(x)+0.5)*sx + float64(regs.data[(a*boxValues+0)*n+p])
			cy := (float64(y)+0.5)*sy + float64(regs.data[(a*boxValues+1)*n+p])
			w := float64(regs.data[(a*boxValues+2)*n+p])
			h := float64(regs.data[(a*boxValues+3)*n+p])
			s := 1 / (1 + math.Exp(-math.Min(math.Max(float64(raw), -100), 100)))
			dst = append(dst, box{cx - w/2, cy - h/2, cx + w/2, cy + h/2, s})
		}
	}
	return dst
}

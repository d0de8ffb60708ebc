package exif

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
)

// jpegRestartFixture is a hand-built 64×8 grayscale baseline JPEG with a
// restart interval of one MCU, so its scan holds RST0–RST6, and a fill
// byte before EOI. Each 8×8 block has only a DC coefficient; the restart
// resets the DC predictor (T.81 F.2.1.3.1), so every block codes its
// absolute DC value.
func jpegRestartFixture() []byte { return bytes.Join(jpegRestartParts(), nil) }

// The parts of jpegRestartFixture, in file order.
const (
	rSOI = iota
	rDQT
	rSOF
	rDHTDC
	rDHTAC
	rDRI
	rSOS
	rScan
	rEOI
)

// jpegRestartParts returns the segments of jpegRestartFixture, indexed by
// rSOI…rEOI, so tests can replace one.
func jpegRestartParts() [][]byte {
	dqt := append([]byte{0x00, 80}, bytes.Repeat([]byte{1}, 63)...) // Pq=0 Tq=0; DC step 80, AC steps 1
	dcCounts := make([]byte, 16)
	dcCounts[1] = 3 // three 2-bit codes: 00→category 0, 01→1, 10→2
	acCounts := make([]byte, 16)
	acCounts[0] = 1 // one 1-bit code: 0→EOB
	// Blocks with DC 0, +1, +3, -3, +2, -2, -1, 0: category code, extra
	// bits, EOB, then 1-bits padding to the byte (T.81 F.1.2.3).
	blocks := []byte{
		0x1F, // 00 0 11111: DC 0
		0x6F, // 01 1 0 1111: DC +1
		0xB7, // 10 11 0 111: DC +3
		0x87, // 10 00 0 111: DC -3
		0xA7, // 10 10 0 111: DC +2
		0x97, // 10 01 0 111: DC -2
		0x4F, // 01 0 0 1111: DC -1
		0x1F, // DC 0
	}
	var scan []byte
	for i, b := range blocks {
		if i > 0 {
			scan = append(scan, 0xFF, mRST0+byte(i-1)) // RSTm between intervals, m counting modulo 8
		}
		scan = append(scan, b)
	}
	return [][]byte{
		{0xFF, mSOI},
		jpegSegment(mDQT, dqt),
		jpegSegment(mSOF0, []byte{
			8,    // P: 8-bit samples
			0, 8, // Y: 8 lines
			0, 64, // X: 64 samples per line
			1,          // Nf: one component
			1, 0x11, 0, // C=1, H=1 V=1, Tq=0
		}),
		jpegSegment(mDHT, []byte{0x00}, dcCounts, []byte{0, 1, 2}), // Tc=0 Th=0, counts, symbols
		jpegSegment(mDHT, []byte{0x10}, acCounts, []byte{0x00}),    // Tc=1 Th=0, counts, EOB
		jpegSegment(mDRI, []byte{0, 1}),                            // Ri: one MCU per interval
		jpegSegment(mSOS, []byte{
			1,       // Ns: one component
			1, 0x00, // Cs=1, Td=0 Ta=0
			0, 63, 0, // Ss, Se, Ah/Al: sequential
		}),
		scan,
		{0xFF, 0xFF, mEOI}, // a fill byte, then EOI (T.81 B.1.1.2)
	}
}

// jpegGray is a grayscale picture, encoded by image/jpeg with one
// component.
func jpegGray(w, h int) image.Image {
	m := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.SetGray(x, y, color.Gray{uint8((x*7 + y*13) % 256)})
		}
	}
	return m
}

// jpegJFIF is a JFIF APP0 payload (JFIF 1.02): version 1.02, units dots
// per inch, 72×72 density, thumbnail size and 3·w·h RGB bytes.
func jpegJFIF(w, h byte, rgb []byte) []byte {
	return bytes.Join([][]byte{sigJFIF, {1, 2, 1, 0, 72, 0, 72, w, h}, rgb}, nil)
}

// jpegDropSegment removes the first segment with marker m from a valid
// JPEG (for SOS, with its entropy-coded data).
func jpegDropSegment(b []byte, m byte) []byte {
	f, err := scanJPEG(b)
	if err != nil {
		panic(err)
	}
	for _, s := range f.segs {
		if s.marker == m {
			return append(append([]byte{}, b[:s.start]...), b[s.end:]...)
		}
	}
	panic("no such segment")
}

// jpegPatchSOF returns a copy of b with the SOF0 height and width set.
func jpegPatchSOF(b []byte, h, w uint16) []byte {
	b = append([]byte{}, b...)
	i := bytes.Index(b, []byte{0xFF, mSOF0})
	binary.BigEndian.PutUint16(b[i+5:], h)
	binary.BigEndian.PutUint16(b[i+7:], w)
	return b
}

package app

import (
	"fmt"
	"image"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"veil/exif"
)

// A batch decodes several photos at once (Settings.Jobs), and one photo of
// 250 megapixels takes from 375 MB to 2 GB of memory as pixels: eight of
// them at once would have the system kill Veil half-way. So the pixels in
// flight share one budget, sized from the computer's memory: before a photo
// is decoded, its job reserves what its pixels will take, worked out from
// the size its header declares, and waits while the others hold too much.
// A photo larger than the whole budget waits until it can run alone; one
// larger than the computer's memory is refused, with the numbers.
//
// Every decode of the process takes from the same budget, not only a
// batch's: a batch job reserves for all of its work at once (clean), and
// any other photo reserves for its decode (Photo.Image) and then for its
// edits (Photo.render), one after the other and never one inside the
// other, so that a window opening several large photos at once decodes
// them one after the other when they do not fit together.

const (
	// budgetShare is the part of physical memory the pixels in flight may
	// take, and budgetCap the most they take on any computer: past it,
	// more photos at once gain little and risk much.
	budgetShare = 4
	budgetCap   = 768 << 20
	budgetFloor = 128 << 20
	// heapBase is what the rest of Veil takes beside the pixels (the face
	// detector, the window, encoders, the files read).
	heapBase = 256 << 20
)

// budget is the memory for pixels in flight, shared by every batch of the
// process. The Go heap is held close to it (debug.SetMemoryLimit), so that
// the pixels of a photo done are collected before the next one is decoded,
// unless the person set GOMEMLIMIT.
type budget struct {
	mu       sync.Mutex
	free     *sync.Cond
	limit    int64 // bytes of pixels in flight at most
	physical int64 // the computer's memory, 0 when unknown
	used     int64
	peak     int64 // the most ever in flight
	setHeap  bool
	baseline int64 // the live heap when the first reservation of a run was taken
}

// pixels is the process's budget; a variable, so tests can set their own.
var pixels = sync.OnceValue(func() *budget {
	phys := physicalMemory()
	limit := int64(budgetCap)
	if phys > 0 {
		limit = min(max(phys/budgetShare, budgetFloor), budgetCap)
	}
	return newBudget(limit, phys, os.Getenv("GOMEMLIMIT") == "")
})

// newBudget makes a budget of limit bytes on a computer of physical bytes
// (0: unknown), holding the Go heap close to it when setHeap is true.
func newBudget(limit, physical int64, setHeap bool) *budget {
	b := &budget{limit: limit, physical: physical, setHeap: setHeap}
	b.free = sync.NewCond(&b.mu)
	return b
}

// reserve waits until n bytes of pixels fit in the budget and takes them.
// A reservation larger than the budget waits until nothing else is in
// flight and then runs alone. release gives the bytes back.
func (b *budget) reserve(n int64) (release func(), err error) {
	if n <= 0 {
		return func() {}, nil
	}
	if b.physical > 0 && n > b.physical {
		return nil, exif.TooLarge("toolarge.memory", exif.TextArg("need", memorySize(n)), exif.TextArg("have", memorySize(b.physical)))
	}
	b.mu.Lock()
	for b.used > 0 && b.used+n > b.limit {
		b.free.Wait()
	}
	if b.used == 0 {
		b.baseline = liveHeap()
	}
	b.used += n
	b.peak = max(b.peak, b.used)
	b.holdHeap()
	b.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			if n >= collectFrom {
				// The pixels just done are garbage now: collected before
				// the next photo is decoded, that photo reuses their
				// memory instead of adding to it.
				runtime.GC()
			}
			b.mu.Lock()
			b.used -= n
			b.holdHeap()
			b.mu.Unlock()
			b.free.Broadcast()
		})
	}, nil
}

// collectFrom is the reservation from which its release collects the
// garbage at once.
const collectFrom = 64 << 20

// holdHeap sets the Go heap's soft limit, while pixels are in flight, to
// what the rest of the process held when they started (the window's
// open photos), plus the budget or the pixels in flight if more, plus the
// rest of Veil's work; with nothing in flight, it lifts the limit, so that
// a window holding many photos never runs its collector without end.
// Called with b.mu held.
func (b *budget) holdHeap() {
	if !b.setHeap {
		return
	}
	if b.used == 0 {
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	debug.SetMemoryLimit(b.baseline + heapBase + max(b.limit, b.used))
}

// liveHeap is the heap the last collection found in use.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// memorySize writes n bytes for a person: "3.2 GB", or "640 MB" below a
// gigabyte.
func memorySize(n int64) string {
	if n < 1<<30 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}

// pixelCost is what the pixels of one photo take at the peak of its job
// under plan pl, from the size its header declares: nothing for a
// lossless clean (no pixel is decoded; HEIC and AVIF are always decoded),
// and otherwise the decoded picture,
// the upright copy when it must be turned (see upright), the copy the
// covers are painted on when they cannot be painted in place (see
// Photo.edited), and the encoded result.
func pixelCost(info *exif.Info, pl Plan) int64 {
	if pl.IsZero() && !codecs[info.Format].reencoded {
		return 0
	}
	px := int64(info.Width) * int64(info.Height)
	halves := int64(16) // decoded as NRGBA or RGBA (4 bytes), painted on an NRGBA copy (4)
	if info.Format == exif.JPEG {
		halves = jpegHalfBytes(info.Block)
	}
	switch {
	case info.Orientation <= 1:
	case halves < 16 && info.Width%2 == 0 && info.Height%2 == 0:
		halves *= 2 // turned in its YCbCr planes (redact.OrientYCbCr): both sets at once
	default:
		halves = max(halves, 8) + 8 // turned into NRGBA, painted on a copy
	}
	return px*halves/2 + px/4 + 32<<20
}

// decodeCost is what decoding one photo outside a batch takes at its peak
// (Photo.Image): the decoded picture and, when it must be turned, its
// upright copy beside it (see upright).
func decodeCost(info *exif.Info) int64 {
	px := int64(info.Width) * int64(info.Height)
	halves := int64(8) // decoded as NRGBA or RGBA: 4 bytes
	switch {
	case info.Format == exif.JPEG:
		halves = min(jpegHalfBytes(info.Block), 8) // YCbCr, or at most 4 bytes
	case info.Format == exif.GIF:
		halves += 2 // a frame smaller than the screen is placed on it (decodeGIF)
	case info.Format == exif.WebP && info.Animated:
		halves += 8 // the first frame, then placed on its canvas (decodeWebP)
	}
	switch {
	case info.Orientation <= 1:
	case halves < 8 && info.Width%2 == 0 && info.Height%2 == 0:
		halves *= 2 // turned in its YCbCr planes
	default:
		halves += 8 // turned into NRGBA
	}
	return px*halves/2 + 32<<20
}

// editCost is what covering and encoding a photo decoded already takes
// (Photo.render outside a batch): the copy the covers are painted on (at
// most NRGBA, 4 bytes a pixel) and the encoded result.
func editCost(info *exif.Info) int64 {
	px := int64(info.Width) * int64(info.Height)
	return px*4 + px/4 + 32<<20
}

// jpegHalfBytes is what a JPEG's decoded pixel takes, in half bytes, from
// its block size: 4:2:0 (16×16 blocks) decodes to YCbCr of 1.5 bytes a
// pixel and 4:2:2 (16×8) to 2, both covered in place; anything else is
// counted as 4:4:4, greyscale or CMYK could be, through an NRGBA copy.
func jpegHalfBytes(block image.Point) int64 {
	switch block {
	case image.Pt(16, 16):
		return 3
	case image.Pt(16, 8), image.Pt(8, 16):
		return 4
	}
	return 16
}

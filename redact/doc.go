// Package redact covers parts of a photo so that they cannot be recovered,
// and crops and orients photos.
//
// Regions are rectangles or ellipses in pixels of the upright image (see
// Orient); detected faces become regions through FaceRegion. Apply covers
// them in one of three styles:
//
//   - Fill paints a solid colour.
//   - Blur looks like a strong blur.
//   - Pixelate looks like a mosaic.
//
// # Why covers are synthesized from outside
//
// A real blur or mosaic is a function of the pixels it hides, and that is
// enough to undo it: faces have been recognised from mosaics, Depix reads
// pixelated text back by matching block averages, deconvolution sharpens
// blurs, and soft, feathered edges let the original show through. So Blur
// and Pixelate here never read a pixel inside any region. They read only
// the thin ring of pixels just outside each region that no region covers,
// blend its colours smoothly inwards (and, for Pixelate, sample that blend
// in square blocks), and add noise keyed by Options.Seed and the ring. Every
// covered pixel is fully opaque, with a hard edge.
//
// # The guarantee
//
// The output of Apply is a deterministic function of the pixels outside the
// union of the regions, the regions themselves and the Options. Two photos
// that differ only inside covered regions give byte-identical results; the
// tests check exactly this for every style and shape, at the image's edges
// and corners, for overlapping, tiny and whole-image regions.
//
// A decoded JPEG needs one more step: each 8×8 or 16×16 block is decoded
// from that block's data alone, so a pixel just outside a region but in a
// block the region touches still carries a trace of what it hides. With
// Options.Grid set to the photo's block grid (the app does this for every
// JPEG), covers are widened to whole blocks and rings are read only from
// blocks no region touches; two JPEGs that differ only inside a region then
// give identical outputs too.
//
// # What it does not hide
//
// The shape, size and position of each region are visible, and so is
// everything around it: the room, the body, clothes, jewellery, tattoos and
// reflections outside the covered areas, and the colours right at a region's
// edge (which the cover continues). Covering a face does not hide who is in
// the photo from someone who recognises the rest of it. The noise makes no
// secret of the seed: it only keeps covers from looking flat.
//
// All functions are pure: they take an image.Image, never modify it, and
// return a new *image.NRGBA. Long loops run on up to GOMAXPROCS goroutines
// (at most internal/parallel.Max). Nothing here logs, and no region, rectangle, aspect or
// orientation value, however large, reversed or out of range, makes it
// panic.
package redact

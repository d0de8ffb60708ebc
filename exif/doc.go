// Package exif finds what a photo file gives away about the person who made
// it, and writes a copy that keeps only what is needed to show the picture.
//
// Inspect lists findings in plain words (where the photo was taken, the
// phone and its serial number, times, names, hidden thumbnails and extra
// pictures, edit history, free text); Strip writes the clean copy; Verify
// checks a written file again. Scan is Inspect without the findings, for
// callers that clean without showing them, and StripParts is Strip for a
// file just inspected or scanned: it reuses that parse and gives the copy
// as pieces, the compressed image data as slices of the input, for the
// caller to write and then Verify (package app). JPEG, PNG, WebP and GIF are cleaned in place;
// HEIC/HEIF (heic.go) and AVIF (avif.go), told apart by their ftyp brands,
// are inspected with one box reader but never stripped: Strip returns
// ErrReencode, and the app decodes the picture and writes a fresh JPEG (a
// transparent AVIF, PNG), so nothing of the HEIF container survives, its
// Exif and XMP items included. Before the app decodes one,
// CheckHEIFCoding compares the size each picture's bitstream will decode
// to (HEVC SPS, AV1 sequence header) with the size its boxes declare, and
// HEIFTransforms gives the crop, turn and mirror to apply. TIFF is
// recognised and refused by name; anything else is refused.
//
// # Threat model
//
// The people who use Veil send private pictures of themselves. The
// adversary is whoever receives the file, or anyone it is passed on to,
// with ordinary tools (exiftool, a hex editor, a photo viewer's "info"
// panel) and the patience to read every byte. The goal is that the file
// itself says nothing about who made it, where, when or with what, beyond
// the picture.
//
// What is removed, for each container (the metadata policy of DESIGN.md):
//
//   - EXIF in every place it hides: JPEG APP1, PNG eXIf, WebP EXIF, and
//     inside Photoshop APP13 blocks. With it go GPS position, altitude,
//     direction and time; make, model, lens and the serial numbers of
//     body and lens; the owner's name, artist and copyright; dates and
//     time-zone offsets; the software and computer that touched the file;
//     comments and Windows XP tags; the unique image ID; the maker note
//     (manufacturer data that often holds more serial numbers); and the
//     IFD1 thumbnail, a small copy of the original that survives crops and
//     edits made in other programs.
//   - XMP (JPEG APP1 and extended XMP, PNG iTXt, WebP XMP, GIF application
//     extensions): creators, rights, places, face-region names, edit
//     history, document IDs that link copies of a photo, Google motion-photo
//     and container directories.
//   - IPTC-IIM and every other Photoshop image resource (APP13), including
//     its own thumbnail.
//   - Text chunks and comments: PNG tEXt/zTXt/iTXt, JPEG COM, GIF comment
//     and plain-text extensions; PNG tIME and pHYs; all APP3–APP13 and
//     APP15 segments; MPF and FlashPix in APP2.
//   - Everything after the end of the image: MPF second images, Ultra HDR
//     gain maps, motion-photo video, Samsung SEFH/SEFT trailers, and the
//     leftovers of a file overwritten in place without truncation
//     (aCropalypse).
//   - Unknown chunks, segments and extensions of any kind.
//   - The ICC colour profile when the person asks. By default it is kept,
//     for faithful colour, but without its words: a profile's description,
//     copyright, device manufacturer and model, creator and private tags
//     can name a person or their display calibration, so everything but
//     the colour data is blanked in place (icc_neutral.go), keeping only
//     the description of widely shipped profiles such as "Display P3".
//     The original description is listed among the findings.
//
// The approach is a keep-list, not a deny-list: for each container the
// stripper copies only what the decoder itself needs to show the picture
// (for JPEG: SOI, DQT, DHT, SOFn, DRI, SOS with its entropy-coded data and
// RSTn, EOI, Adobe APP14, a JFIF APP0 rewritten without its thumbnail, and
// the ICC profile per policy) and drops everything else, including what
// Veil has never heard of. The compressed image data is copied byte for
// byte, so a clean copy shows exactly the same pixels. When the EXIF
// orientation is not 1, the copy carries a minimal EXIF block holding the
// Orientation tag and nothing else (orientationEXIF), so the picture stands
// the right way up.
//
// Fail closed: after writing, the output is read back and inspected again;
// if anything outside the keep-list is found, the output is removed and the
// photo is reported as failed. A file that cannot be parsed to its true
// end, or whose metadata cannot be read (EXIF that goexif or the structure
// check rejects), is refused: nothing is written, and the person is told
// why. Veil never half-cleans.
//
// What is NOT removed, and what the person should know about:
//
//   - What is in the picture itself: faces, tattoos, birthmarks, scars,
//     jewellery, rooms, windows, mail and documents, photos on the wall,
//     mirrors and reflections (in eyes, glasses, screens). Package redact
//     covers regions; the person must choose them.
//   - Steganography and watermarks hidden in the pixels by whatever made
//     or handled the image; Veil does not look for them and lossless
//     stripping keeps them by design.
//   - Bytes hidden inside the compressed image data itself, where a
//     decoder skips them (after a JPEG scan's last block but before the
//     next marker, say). A lossless clean checks the container to its
//     true end, not the compressed picture, which it never decodes (that
//     would cost more than the whole clean): such bytes, and a picture
//     whose compressed data is damaged, come out exactly as they went in.
//     Any edit (a cover, a crop, --faces) decodes and re-encodes the
//     picture, and nothing of the kind survives it.
//   - Sensor noise (photo-response non-uniformity, PRNU) and lens defects
//     that identify the individual camera across photos; only a fresh
//     encode after heavy processing weakens them, and even then not
//     reliably.
//   - JPEG quantisation and Huffman tables, chroma subsampling and encoder
//     choices, which hint at the camera, phone or software model. They are
//     part of the image data and must stay for the picture to decode.
//   - The image's size and aspect ratio, which can hint at the device.
//   - What the file system and the transport add: the file's name (a
//     setting gives random names), its size, and its creation and
//     modification times; whatever a messaging app or cloud service
//     records when it is sent.
//   - Anything the receiver does: a picture can always be saved,
//     screenshotted or screen-recorded.
//
// # Reading metadata payloads
//
// The payload decoders shared by the containers (EXIF in tiff.go, XMP in
// xmp.go, Photoshop resources and IPTC in iptc.go, ICC descriptions in
// icc.go, trailers in trailer.go) treat every length and offset as hostile:
// they check before slicing, bound what they allocate and never panic.
// Every value shown to a person passes through textFinding (text.go), which
// makes it plain, short, printable text.
package exif

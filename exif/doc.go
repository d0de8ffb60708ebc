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
// Videos (MOV, MP4, M4V, 3GP: ISO/IEC 14496-12 and QuickTime) are never
// held in memory: InspectVideo reads their box headers and movie box from
// an io.ReaderAt (bmff.go, video.go, video_moov.go, video_find.go),
// StripVideo returns a VideoPlan — new headers, ranges of the original to
// copy and ranges to write as zeros — that the caller streams from the
// original (video_strip.go, video_rebuild.go), and VerifyVideo checks the
// written file (video_verify.go). Inspect, Strip and Verify also take a
// video held in memory, for tests.
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
// What is removed, for each container (the metadata policy; see
// docs/ARCHITECTURE.md):
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
//   - In videos: QuickTime keys and user data (position in ISO 6709, make,
//     model, software and Android version, lens, creation date, the Live
//     Photo pairing ID, author, title, comments), 3GPP asset boxes and
//     loci, iTunes-style item lists and the encoder name, XMP (XMP_ and
//     the XMP uuid box), vendor uuid boxes, Samsung's smta and sefd boxes
//     and SEF trailer, free and skip space, and anything after the last
//     box. Timed-metadata tracks (Apple's mebx with a position and face
//     boxes for every frame, GoPro and camera-motion tracks), timecode
//     tracks (the time of day the recording started) and text and chapter
//     tracks are dropped, their samples overwritten with zeros where they
//     lie among the pictures and sound, and the track references to them
//     removed. The creation and modification times of the movie, track and
//     media headers are zeroed, the media language set to "und", the
//     handler names (and QuickTime's "appl" manufacturer) blanked, and
//     data references rewritten to "in this file". Fragmented files
//     (moof, mvex) and compressed movie headers are refused.
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
// end is refused: nothing is written, and the person is told why. Veil
// never half-cleans. Metadata that cannot be read (EXIF that goexif or the
// structure check rejects) is not a reason to refuse, since it is dropped
// with the rest: it is listed as damaged, with no finding guessed from
// half of it. The orientation is the exception: viewers turn a picture by
// the Orientation entry of IFD0 whatever else the block holds, so a
// damaged block still gives IFD0's own orientation (exifFindings), and
// the clean copy stands the way the original did.
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
//   - In videos, what the pictures and sound are made of: encoder strings
//     written inside the compressed streams (an x264 SEI message with its
//     settings, "Lavc" in an AAC stream), the compressor name and vendor
//     code of each sample description ("Lavc60.31.102 libx264", "appl",
//     "FFmpeg"), its colour information (an ICC profile in a colr box is
//     kept as it is, even with --drop-icc), the codecs, frame rate,
//     duration, bit rates and the number and kind of tracks, all of which
//     hint at the phone or the software. Bytes of the media data that no
//     track points to are copied as they are (a phone leaves none; a
//     hidden payload there would be like bytes hidden inside a photo's
//     compressed data). Faces and everything else in the pictures, and
//     voices and sounds in the audio: Veil does not decode videos and
//     cannot cover anything in them.
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
//
// # Findings are data
//
// A Finding is a stable ID ("gps.position", "device.serial") with typed
// arguments (message.go); Label and Value are its words from the English
// table (message_en.go), the only place package exif writes English for a
// person. Another language is another Table with the same IDs; the
// window's live in app/ui/findingwords. Errors are data too: a
// FormatError carries the container, the offset when known and the kind of
// fault, with the parser's own words apart in Detail.
package exif

package ui

import (
	"image"
	"testing"

	"veil/app"
	"veil/exif"
	"veil/redact"
	"veil/redact/face"
)

// Entries in each state a photo goes through, for the predicates' tables.
var (
	img1      = image.NewNRGBA(image.Rect(0, 0, 1, 1))
	opening   = entry{state: stOpening}
	openFail  = entry{state: stFailed}
	listed    = entry{opened: true, state: stReady}                         // read, waiting for a lane
	scanning  = entry{opened: true, state: stDetecting, busy: true}         // a lane looks for its faces
	shownLook = entry{opened: true, state: stDetecting, img: img1}          // on screen, faces not known
	ready     = entry{opened: true, state: stReady, found: true, img: img1} // on screen, faces known
	readyOff  = entry{opened: true, state: stReady, found: true}            // scanned, not on screen
	unthumbed = entry{opened: true, state: stReady, found: true, img: img1, thumb: nil}
	saving    = entry{opened: true, state: stSaving, found: true, img: img1}
	saved     = entry{opened: true, state: stSaved, found: true, img: img1, thumb: img1}
	edited    = entry{opened: true, state: stReady, found: true, img: img1, thumb: img1, dirty: true, output: "x-clean.jpg"}
	saveFail  = entry{opened: true, state: stSaveFailed, found: true, img: img1}
	failed    = entry{opened: true, state: stFailed}
)

func TestEntryPredicates(t *testing.T) {
	type want struct{ open, picture, scan, looking, saveable, canSave bool }
	tests := []struct {
		name string
		e    entry
		want want
	}{
		{"a photo being opened is only due to be read", opening, want{open: true}},
		{"a photo that cannot be opened is due nothing", openFail, want{}},
		{"a photo read and not scanned needs its picture and faces", listed, want{picture: true, scan: true, looking: true, saveable: true}},
		{"a photo a lane works on is left to it", scanning, want{looking: true, saveable: true}},
		{"a photo on screen still looked for cannot be saved yet", shownLook, want{picture: true, scan: true, looking: true, saveable: true}},
		{"a photo on screen with its faces can be saved", ready, want{scan: true, saveable: true, canSave: true}},
		{"a scanned photo off screen is saved by Save all", readyOff, want{picture: true, scan: true, saveable: true}},
		{"a photo without a thumbnail still needs one", unthumbed, want{scan: true, saveable: true, canSave: true}},
		{"a photo being saved is not saved twice", saving, want{scan: true}},
		{"a saved photo is not saved again", saved, want{}},
		{"a saved photo edited since can be saved again", edited, want{saveable: true, canSave: true}},
		{"a failed save can be retried", saveFail, want{scan: true, saveable: true, canSave: true}},
		{"a failed photo is due nothing", failed, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.e
			got := want{e.needsOpen(), e.needsPicture(), e.needsScan(), e.looking(), e.saveable(), e.canSave()}
			if got != tt.want {
				t.Errorf("in state %v: got %+v, want %+v", e.state, got, tt.want)
			}
		})
	}
}

func TestEntryWarning(t *testing.T) {
	bounds := image.Rect(0, 0, 200, 100)
	left := face.Face{X: 20, Y: 20, W: 30, H: 40}
	right := face.Face{X: 140, Y: 20, W: 30, H: 40}
	cover := func(f face.Face) redact.Region {
		return redact.Region{Rect: image.Rect(f.X-5, f.Y-5, f.X+f.W+5, f.Y+f.H+5), Style: redact.Fill}
	}
	withEdits := func(regions []redact.Region, covered []bool, crop image.Rectangle) *edits {
		return &edits{regions: regions, covered: covered, crop: crop}
	}
	tests := []struct {
		name  string
		faces []face.Face
		found bool
		edits *edits
		want  string
	}{
		{"faces not looked for yet: nothing to say", nil, false, nil, ""},
		{"no face found", nil, true, nil, "No face found — look before sending"},
		{"faces found and covered by default", []face.Face{left, right}, true, nil, ""},
		{"one of two unticked", []face.Face{left, right}, true,
			withEdits([]redact.Region{cover(left), cover(right)}, []bool{true, false}, image.Rectangle{}), "1 face left visible"},
		{"both unticked", []face.Face{left, right}, true,
			withEdits([]redact.Region{cover(left), cover(right)}, []bool{false, false}, image.Rectangle{}), "2 faces left visible"},
		{"a cover moved off its face", []face.Face{left}, true,
			withEdits([]redact.Region{{Rect: image.Rect(100, 0, 140, 50)}}, []bool{true}, image.Rectangle{}), "1 face left visible"},
		{"a cover that hides only half the face", []face.Face{left}, true,
			withEdits([]redact.Region{{Rect: image.Rect(0, 0, 35, 100)}}, []bool{true}, image.Rectangle{}), "1 face left visible"},
		{"an uncovered face cropped away", []face.Face{left, right}, true,
			withEdits([]redact.Region{cover(left), cover(right)}, []bool{true, false}, image.Rect(0, 0, 100, 100)), ""},
		{"an uncovered face half inside the crop", []face.Face{right}, true,
			withEdits([]redact.Region{cover(right)}, []bool{false}, image.Rect(0, 0, 155, 100)), "1 face left visible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &entry{opened: true, state: stReady, bounds: bounds, faces: tt.faces, found: tt.found, edits: tt.edits}
			if got := e.warning(); got != tt.want {
				t.Errorf("warning %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAVideoWarnsThatItsFacesStay(t *testing.T) {
	// No face is looked for in a video and none can be covered: its copy
	// shows every face, so it is never saved without a word.
	e := &entry{opened: true, state: stReady, found: true, report: app.Report{Format: exif.MOV}}
	if w := e.warning(); w != videoWarning() {
		t.Errorf("a video warns %q, want %q", w, videoWarning())
	}
	e.report.Format = exif.PNG
	if w := e.warning(); w == "" || w == videoWarning() {
		t.Errorf("a photo with no face found warns %q", w)
	}
}

func TestStatesHaveNames(t *testing.T) {
	want := []string{"opening", "reading", "detecting", "ready", "saving", "saved", "save failed", "failed", "state 8"}
	for i, name := range want {
		if got := state(i).String(); got != name {
			t.Errorf("state %d is named %q, want %q", i, got, name)
		}
	}
}

func TestEntryStatusText(t *testing.T) {
	lost := saveFail
	lost.found, lost.err = false, "Failed: the disk is full"
	tests := []struct {
		name string
		e    entry
		want string
	}{
		{"a photo being opened", opening, "Opening…"},
		{"a photo waiting for its faces is not passed off as one without", listed, "Looking for faces…"},
		{"a photo whose faces are being looked for", scanning, "Looking for faces…"},
		{"a photo ready", ready, "Not saved yet"},
		{"a photo being saved", saving, "Saving…"},
		{"a saved photo", saved, "Saved"},
		{"a saved photo edited since", edited, "Changed since saved"},
		{"a failed save says why, even before the faces are known", lost, "Failed: the disk is full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.statusText(); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
}

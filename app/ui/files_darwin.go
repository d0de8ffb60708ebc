//go:build darwin && !ios

package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"veil/app"
)

// macChooser is the script macOS's own Open panel is asked through:
// osascript runs it (JavaScript for Automation, with the standard
// additions), so that Veil needs no Objective-C of its own. The title, the
// mode and the extensions come as arguments, never spliced into the
// script; the answer is a JSON list of POSIX paths, whatever characters
// the names hold.
const macChooser = `function run(argv) {
	var app = Application.currentApplication();
	app.includeStandardAdditions = true;
	app.activate();
	var opts = {withPrompt: argv[0], multipleSelectionsAllowed: argv[1] !== "folder"};
	var chosen;
	if (argv[1] === "folder") {
		chosen = app.chooseFolder(opts);
	} else {
		opts.ofType = argv.slice(2);
		chosen = app.chooseFile(opts);
	}
	if (!Array.isArray(chosen)) { chosen = [chosen]; }
	return JSON.stringify(chosen.map(function (p) { return p.toString(); }));
}`

// userCanceled is how osascript reports the person's Cancel (error -128).
const userCanceled = "(-128)"

// macPick asks macOS's Open panel for photos (several at once) or a
// folder. ok is false when it cannot be shown (no osascript, an answer
// that makes no sense): the window then shows Fyne's chooser. Cancelling
// is ok with no paths. The panel belongs to osascript, not to the window,
// so owner is not used. It blocks until the person answers: call it off
// the UI goroutine.
func macPick(_ uintptr, title, _ string, folder bool) (paths []string, ok bool) {
	out, cancelled, err := runChooser(title, folder)
	if err != nil {
		fmt.Fprintf(os.Stderr, "veil: macOS's file chooser: %v\n", err)
		return nil, false
	}
	if cancelled {
		return nil, true
	}
	if err := json.Unmarshal(out, &paths); err != nil {
		fmt.Fprintf(os.Stderr, "veil: macOS's file chooser: its answer: %v\n", err)
		return nil, false
	}
	return paths, true
}

// runChooser runs the script and returns its answer, or that the person
// cancelled.
func runChooser(title string, folder bool) (out []byte, cancelled bool, err error) {
	mode := "files"
	if folder {
		mode = "folder"
	}
	args := []string{"-l", "JavaScript", "-e", macChooser, title, mode}
	for _, e := range app.Extensions() {
		args = append(args, strings.TrimPrefix(e, ".")) // "jpg": the panel wants no dot
	}
	var stderr bytes.Buffer
	cmd := exec.Command("/usr/bin/osascript", args...)
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && strings.Contains(stderr.String(), userCanceled):
		return nil, true, nil
	case err != nil:
		return nil, false, fmt.Errorf("%w: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	return out, false, nil
}

func init() { nativePick = macPick }

package cli

import (
	"bufio"
	"fmt"
	"os"

	"github.com/schollz/progressbar/v3"

	"veil/app"
	"veil/exif"
)

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runClean(args []string, env Env) int {
	fs := newFlagSet("clean", env)
	var s app.Settings
	var regions multiFlag
	fs.StringVar(&s.OutDir, "out", "", "folder for the clean copies (default: next to each original)")
	faces := fs.String("faces", "off", "cover detected faces: off, fill, blur or pixelate")
	fs.Var(&regions, "region", "cover X,Y,W,H[:STYLE] (repeatable)")
	crop := fs.String("crop", "", "crop to X,Y,W,H")
	style := fs.String("style", "blur", "default style of --region: fill, blur or pixelate")
	fs.BoolVar(&s.DropICC, "drop-icc", false, "remove the colour profile too")
	fs.BoolVar(&s.RandomNames, "random-names", false, "give clean copies random names")
	fs.IntVar(&s.Jobs, "jobs", 0, "files to clean at once (default: one per CPU)")
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		if isHelp(err) {
			return ExitOK
		}
		return ExitUsage
	}
	if len(files) == 0 {
		return usageError(env, "clean needs at least one file or folder")
	}
	if s.Jobs < 0 {
		return usageError(env, "--jobs must be 1 or more")
	}
	plan, err := parsePlan(*faces, *style, regions, *crop)
	if err != nil {
		return usageError(env, "%v", err)
	}
	plan.SkipFindings = !*asJSON // only the JSON lines list them
	if s.OutDir != "" {
		if st, err := os.Stat(s.OutDir); err != nil || !st.IsDir() {
			return usageError(env, "--out %s is not a folder", app.Printable(s.OutDir))
		}
	}
	paths := app.Expand(files)
	if len(paths) == 0 {
		return usageError(env, "no image files found in %s", printableList(files))
	}
	bar := newBar(env, len(paths))
	results := app.CleanAll(paths, s, plan, func(done, total int, r app.Result) {
		if bar != nil {
			bar.Add(1)
		}
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(env.Stderr)
	}
	return report(env, results, *asJSON)
}

// newBar gives a progress bar for a batch on a terminal, nil otherwise.
func newBar(env Env, n int) *progressbar.ProgressBar {
	if !env.Terminal || n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(env.Stderr),
		progressbar.OptionSetDescription("Cleaning"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)
}

func report(env Env, results []app.Result, asJSON bool) int {
	status := ExitOK
	// One write for a whole batch's lines, not one per file; flushed before
	// each line on stderr so the lines keep the order of the files.
	stdout := bufio.NewWriter(env.Stdout)
	defer stdout.Flush()
	for _, r := range results {
		if r.Err != nil {
			status = ExitFailed
		}
		switch {
		case asJSON:
			writeJSONLine(stdout, resultJSON(r))
		case r.Err != nil:
			stdout.Flush()
			fmt.Fprintf(env.Stderr, "veil: %s\n", oneLine(r.Err))
		default:
			how := "metadata removed, picture untouched"
			if exif.IsVideo(r.Format) {
				how = "metadata removed, video untouched"
			}
			if !r.Lossless {
				how = "edited and re-encoded, metadata removed"
			}
			if r.Still {
				how = "edited: a still picture of the animation's first frame, metadata removed"
			}
			fmt.Fprintf(stdout, "%s → %s (%s; checked: no metadata left)\n", app.Printable(r.File), app.DisplayName(r.Output), how)
		}
	}
	return status
}

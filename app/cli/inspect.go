package cli

import (
	"fmt"
	"io"
	"strings"

	"veil/app"
	"veil/exif"
)

func runInspect(args []string, env Env) int {
	fs := newFlagSet("inspect", env)
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	noFaces := fs.Bool("no-faces", false, "do not look for faces (faster)")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		if isHelp(err) {
			return ExitOK
		}
		return ExitUsage
	}
	if len(files) == 0 {
		return usageError(env, "inspect needs at least one file")
	}
	status := ExitOK
	for _, f := range app.Expand(files) {
		rep, err := app.Inspect(f, !*noFaces)
		if err != nil {
			status = ExitFailed
		}
		if *asJSON {
			writeJSONLine(env.Stdout, reportJSON(rep, err))
			continue
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "veil: %s\n", oneLine(err))
			continue
		}
		printReport(env.Stdout, rep)
	}
	return status
}

// printReport shows findings grouped by category, in plain words.
func printReport(w io.Writer, rep app.Report) {
	fmt.Fprintf(w, "%s — %s, %d×%d\n", app.Printable(rep.File), strings.ToUpper(string(rep.Format)), rep.Width, rep.Height)
	switch n := len(rep.Faces); n {
	case 0:
	case 1:
		fmt.Fprintln(w, "  1 face is visible in the picture.")
	default:
		fmt.Fprintf(w, "  %d faces are visible in the picture.\n", n)
	}
	if len(rep.Findings) == 0 {
		fmt.Fprintln(w, "  Nothing found beyond the picture itself.")
	}
	for _, c := range exif.Categories {
		first := true
		for _, f := range rep.Findings {
			if f.Category != c {
				continue
			}
			if first {
				name, _ := exif.English.Category(c)
				fmt.Fprintf(w, "  %s\n", name)
				first = false
			}
			label, value := exif.English.Finding(f)
			fmt.Fprintf(w, "    %s: %s  (%s)\n", label, value, f.Where)
		}
	}
}

package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"veil/app"
)

// Exit statuses.
const (
	ExitOK      = 0 // every file done
	ExitFailed  = 1 // at least one file failed
	ExitUsage   = 2 // the command line was wrong
	usageHeader = `usage:
  veil inspect [--json] [--no-faces] FILE|DIR...
  veil clean [--out DIR] [--faces off|fill|blur|pixelate] [--region X,Y,W,H[:STYLE][:ellipse]]...
             [--crop X,Y,W,H] [--style STYLE] [--drop-icc] [--random-names] [--jobs N] [--json] FILE|DIR...
  veil version
`
)

// IsCommand reports whether name is one of Veil's subcommands (as opposed
// to a file to open in the window).
func IsCommand(name string) bool {
	switch name {
	case "inspect", "clean", "version", "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// Env is what a command reads and writes: the streams, and whether stderr is
// a terminal (for the progress bar).
type Env struct {
	Stdout, Stderr io.Writer
	Terminal       bool
}

// Run runs one subcommand and returns the exit status.
func Run(args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usageHeader)
		return ExitUsage
	}
	switch args[0] {
	case "inspect":
		return runInspect(args[1:], env)
	case "clean":
		return runClean(args[1:], env)
	case "version":
		return runVersion(env)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, usageHeader)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "veil: unknown command %q\n%s", args[0], usageHeader)
	return ExitUsage
}

// NoDisplay tells, in one sentence on stderr, that the window cannot open
// here and how to use the command line instead, and returns the exit
// status for it.
func NoDisplay(env Env) int {
	fmt.Fprintln(env.Stderr, "veil: there is no display to open the window on; to clean photos here, use the command line: veil clean PHOTO... (veil help lists the options)")
	return ExitUsage
}

// parseInterleaved parses flags that may stand before, between or after
// the files, and returns the files. "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(files, rest...), nil
		}
		if len(rest) == 0 {
			return files, nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(env.Stderr, usageHeader) }
	return fs
}

func usageError(env Env, format string, a ...any) int {
	fmt.Fprintf(env.Stderr, "veil: "+format+"\n", a...)
	return ExitUsage
}

// isHelp reports a -h request, which the flag package returns as an error.
func isHelp(err error) bool { return errors.Is(err, flag.ErrHelp) }

// oneLine keeps an error message on one line, with nothing in it a
// terminal would obey: file names in messages are already quoted when
// they hold such characters (app.Printable), and whatever else is not
// printable is escaped here.
func oneLine(err error) string {
	return escapeUnprintable(strings.Join(strings.Fields(err.Error()), " "))
}

// escapeUnprintable replaces every character that is not printable (or
// not valid UTF-8) with its Go escape (\x1b, \u202e).
func escapeUnprintable(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			q := strconv.QuoteToASCII(s[:n])
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// printableList shows a list of names given on the command line.
func printableList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = app.Printable(n)
	}
	return strings.Join(out, ", ")
}

// StderrIsTerminal reports whether standard error is a character device.
func StderrIsTerminal() bool {
	st, err := os.Stderr.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Package cli is Veil's command line: the same jobs as the window, for
// scripts, tests and people who prefer a terminal.
//
//	veil inspect [--json] [--no-faces] FILE|DIR...
//	veil clean [--out DIR] [--faces off|fill|blur|pixelate] [--region X,Y,W,H[:STYLE][:ellipse]]...
//	           [--crop X,Y,W,H] [--style STYLE] [--drop-icc] [--random-names] [--jobs N] [--json] FILE|DIR...
//	veil version
//
// Exit status: 0 all done, 1 some file failed, 2 usage error.
package cli

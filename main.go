// Command veil makes a photo safe to send. With no arguments, or with the
// names of photos (as when they are dropped on the app's icon), it opens the
// window; with a subcommand it is the command line (see package cli).
package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"veil/app/cli"
	"veil/app/ui"
)

// appID matches FyneApp.toml.
const appID = "app.veil.desktop"

func main() {
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Terminal: cli.StderrIsTerminal()}))
	}
	a := fyneapp.NewWithID(appID)
	ui.New(a, args).ShowAndRun()
}

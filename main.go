// Command veil makes a photo safe to send. With no arguments, or with the
// names of photos (as when they are dropped on the app's icon), it opens the
// window; with a subcommand it is the command line (see package cli).
package main

import (
	"fmt"
	"os"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"veil/app/cli"
	"veil/app/ui"
)

// appID matches FyneApp.toml.
const appID = "app.veil.desktop"

func main() {
	args := os.Args[1:]
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Terminal: cli.StderrIsTerminal()}
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, env))
	}
	if !hasDisplay() {
		os.Exit(cli.NoDisplay(env))
	}
	defer noWindow(env)
	a := fyneapp.NewWithID(appID)
	w := ui.New(a, args, idleLoop())
	noDepthBuffer() // GLFW has started; the window is made when shown
	w.ShowAndRun()
}

// noWindow turns the panic of a display named but not there (GLFW "not
// initialized") into the same sentence as no display at all.
func noWindow(env cli.Env) {
	if r := recover(); r != nil {
		if strings.Contains(fmt.Sprint(r), "not initialized") {
			os.Exit(cli.NoDisplay(env))
		}
		panic(r)
	}
}

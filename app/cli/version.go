package cli

import (
	"fmt"
	"runtime"

	"veil/app"
)

func runVersion(env Env) int {
	fmt.Fprintf(env.Stdout, "veil %s (%s, %s/%s)\n", app.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}

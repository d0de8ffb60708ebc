//go:build linux && cgo

package main

// Fyne's lang package reads the locale in its init, before main runs, and
// logs three "Fyne error" lines when it cannot parse it — which it cannot
// for "C.UTF-8", the default of many Linux machines. The command line
// promises one line per failure on stderr, so the C locale is written the
// way Fyne understands it ("C", which means the same) before the Go runtime
// starts: an ELF constructor, given the process environment by glibc,
// shortens LANG, LC_ALL and LC_MESSAGES values of the form C.* in place.

/*
#include <string.h>

static void shorten(char *entry, const char *name) {
	size_t n = strlen(name);
	if (strncmp(entry, name, n) == 0 && entry[n] == 'C' && entry[n + 1] == '.') {
		entry[n + 1] = 0;
	}
}

__attribute__((constructor)) static void veil_c_locale(int argc, char **argv, char **envp) {
	for (char **e = envp; e && *e; e++) {
		shorten(*e, "LANG=");
		shorten(*e, "LC_ALL=");
		shorten(*e, "LC_MESSAGES=");
	}
}
*/
import "C"

package app

// Version is Veil's version, the one place it is written. The Makefile
// checks that FyneApp.toml agrees.
const Version = "0.1.0"

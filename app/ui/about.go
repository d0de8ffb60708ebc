package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"veil/app"
)

// component is one piece of someone else's work that ships inside Veil.
// module is its Go module path ("" for what is not a Go module: fonts, C
// libraries, model weights); the packaging scripts check that every module
// linked into a release has a row here, and install the full licence texts
// beside the program. source, for a library under a copyleft licence, is
// where its source code is.
type component struct {
	name, module, licence, holder, source string
}

// components lists what Veil bundles and the licence each keeps (SPDX
// identifiers). Fonts and C/WebAssembly libraries come with the module that
// embeds them.
var components = []component{
	{"Go standard library and runtime", "", "BSD-3-Clause", "The Go Authors", ""},
	{"Fyne", "fyne.io/fyne/v2", "BSD-3-Clause", "Fyne.io developers", ""},
	{"Noto Sans (Fyne's text font)", "", "OFL-1.1", "The Noto Project Authors", ""},
	{"Inter Symbols (Fyne's symbol font)", "", "OFL-1.1", "The Inter Project Authors", ""},
	{"DejaVu Sans Mono Powerline (Fyne's monospace font)", "", "Bitstream-Vera, public domain changes", "Bitstream, DejaVu authors", ""},
	{"EmojiOne Color (Fyne's emoji font)", "", "MIT (font), CC-BY-4.0 (EmojiOne graphics)", "Adobe Systems, EmojiOne", ""},
	{"Fyne systray", "fyne.io/systray", "Apache-2.0", "The systray authors", ""},
	{"Fyne image", "github.com/fyne-io/image", "BSD-3-Clause", "Fyne.io", ""},
	{"oksvg (Fyne fork)", "github.com/fyne-io/oksvg", "BSD-3-Clause", "Steven R Wiley", ""},
	{"GLFW", "", "Zlib", "Marcus Geelnard, Camilla Löwy", ""},
	{"go-gl glfw", "github.com/go-gl/glfw/v3.4/glfw", "BSD-3-Clause", "The glfw3-go Authors", ""},
	{"go-gl gl", "github.com/go-gl/gl", "MIT", "Eric Woroshow", ""},
	{"goexif", "github.com/rwcarlsen/goexif", "BSD-2-Clause", "Robert Carlsen and contributors", ""},
	{"imaging", "github.com/disintegration/imaging", "MIT", "Grigory Dryapak", ""},
	{"nativewebp", "github.com/HugoSmits86/nativewebp", "MIT", "Hugo Smits", ""},
	{"heic", "github.com/gen2brain/heic", "MIT", "gen2brain", ""},
	{"libheif 1.18.2 (inside heic, as WebAssembly)", "", "LGPL-3.0-or-later", "struktur AG",
		"https://github.com/strukturag/libheif (tag v1.18.2), built by lib/Makefile of github.com/gen2brain/heic v0.4.5"},
	{"libde265 1.0.15 (inside heic, as WebAssembly)", "", "LGPL-3.0-or-later", "struktur AG",
		"https://github.com/strukturag/libde265 (tag v1.0.15), built by lib/Makefile of github.com/gen2brain/heic v0.4.5"},
	{"avif", "github.com/gen2brain/avif", "MIT", "gen2brain", ""},
	{"libavif 1.4.2 (inside avif, as WebAssembly)", "", "BSD-2-Clause", "Joe Drago, AOM and libavif authors", ""},
	{"dav1d 1.5.3 (inside avif, as WebAssembly)", "", "BSD-2-Clause", "VideoLAN and dav1d authors", ""},
	{"libaom 3.14.1 (inside avif, as WebAssembly)", "", "BSD-2-Clause, AOM Patent License 1.0", "Alliance for Open Media", ""},
	{"libyuv (inside avif, as WebAssembly)", "", "BSD-3-Clause", "The LibYuv Project Authors", ""},
	{"wazero", "github.com/tetratelabs/wazero", "Apache-2.0", "The wazero Authors", ""},
	{"purego", "github.com/ebitengine/purego", "Apache-2.0", "The Ebitengine Authors", ""},
	{"BlazeFace face detection weights", "", "Apache-2.0", "Google LLC (MediaPipe); ONNX conversion by PINTO0309 and Keijiro Takahashi", ""},
	{"progressbar", "github.com/schollz/progressbar/v3", "MIT", "Zack (schollz)", ""},
	{"colorstring", "github.com/mitchellh/colorstring", "MIT", "Mitchell Hashimoto", ""},
	{"uniseg", "github.com/rivo/uniseg", "MIT", "Oliver Kuederle", ""},
	{"TOML", "github.com/BurntSushi/toml", "MIT", "TOML authors", ""},
	{"uri", "github.com/fredbi/uri", "MIT", "Frederic Bidon, Trey Tacon", ""},
	{"fsnotify", "github.com/fsnotify/fsnotify", "BSD-3-Clause", "The Go Authors, fsnotify Authors", ""},
	{"go-text render", "github.com/go-text/render", "Unlicense OR BSD-3-Clause", "The go-text Authors", ""},
	{"go-text typesetting", "github.com/go-text/typesetting", "Unlicense OR BSD-3-Clause", "The go-text Authors", ""},
	{"dbus", "github.com/godbus/dbus/v5", "BSD-2-Clause", "Georg Reinke, Google", ""},
	{"go-locale", "github.com/jeandeaual/go-locale", "MIT", "Alexis Jeandeau", ""},
	{"gobmp", "github.com/jsummers/gobmp", "MIT", "Jason Summers", ""},
	{"resize", "github.com/nfnt/resize", "ISC", "Jan Schlicht", ""},
	{"go-i18n", "github.com/nicksnyder/go-i18n/v2", "MIT", "Nick Snyder", ""},
	{"portal", "github.com/rymdport/portal", "Apache-2.0", "Jacob Alzén", ""},
	{"oksvg", "github.com/srwiley/oksvg", "BSD-3-Clause", "Steven R Wiley", ""},
	{"rasterx", "github.com/srwiley/rasterx", "BSD-3-Clause", "Steven R Wiley", ""},
	{"goldmark", "github.com/yuin/goldmark", "MIT", "Yusuke Inuzuka", ""},
	{"Go image", "golang.org/x/image", "BSD-3-Clause", "The Go Authors", ""},
	{"Go net", "golang.org/x/net", "BSD-3-Clause", "The Go Authors", ""},
	{"Go sys", "golang.org/x/sys", "BSD-3-Clause", "The Go Authors", ""},
	{"Go term", "golang.org/x/term", "BSD-3-Clause", "The Go Authors", ""},
	{"Go text", "golang.org/x/text", "BSD-3-Clause", "The Go Authors", ""},
	{"fancyfs", "github.com/FyshOS/fancyfs", "BSD-3-Clause", "FyshOS developers", ""},
	{"bild", "github.com/anthonynsimon/bild", "MIT", "Anthony Najjar Simon", ""},
	{"uax29", "github.com/clipperhouse/uax29/v2", "MIT", "Matt Sherman", ""},
	{"go-runewidth", "github.com/mattn/go-runewidth", "MIT", "Yasuhiro Matsumoto", ""},
}

// showAbout opens the About dialog: Veil's version, and every bundled
// component with its licence.
func showAbout(w fyne.Window) { newAbout(w).Show() }

// newAbout makes the About dialog, not shown yet.
func newAbout(w fyne.Window) dialog.Dialog {
	d := dialog.NewCustom(lang.L("About Veil"), lang.L("Close"), aboutContent(fyne.CurrentApp()), w)
	d.Resize(fyne.NewSize(560, 520))
	return d
}

// aboutContent is the body of the About dialog.
func aboutContent(a fyne.App) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Veil "+versionText(a), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := container.NewVBox(
		title,
		wrapped(lang.L("Makes a photo safe to send. Everything happens on this computer: nothing is uploaded, nothing is remembered."), widget.MediumImportance),
		wrapped(lang.L("Veil is built on the work of others. Each part keeps its own licence; the full texts are installed with Veil, in its licences folder."), widget.MediumImportance),
	)
	var head fyne.CanvasObject = lines
	if a != nil && a.Icon() != nil {
		icon := canvas.NewImageFromResource(a.Icon())
		icon.FillMode = canvas.ImageFillContain
		icon.SetMinSize(fyne.NewSize(64, 64))
		head = container.NewBorder(nil, nil, container.NewVBox(icon), nil, lines)
	}
	list := container.NewVBox()
	for _, c := range components {
		row := widget.NewRichText(
			&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: c.name},
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: " — " + c.licence + " · " + c.holder},
		)
		if c.source != "" {
			row.Segments = append(row.Segments, &widget.TextSegment{Style: widget.RichTextStyleInline,
				Text: " · " + lang.L("source: {{.Where}}", map[string]any{"Where": c.source})})
		}
		row.Wrapping = fyne.TextWrapWord
		list.Add(row)
	}
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(list))
}

// versionText is "0.1.0", with the build number when the package carries one.
func versionText(a fyne.App) string {
	if a != nil && a.Metadata().Build > 0 {
		return lang.L("{{.Version}} (build {{.Build}})", map[string]any{"Version": app.Version, "Build": a.Metadata().Build})
	}
	return app.Version
}

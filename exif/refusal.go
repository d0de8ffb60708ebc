package exif

import "errors"

// RefusalError is a file Veil will not clean, as data: the sentinel it
// wraps (ErrUnsupported or ErrTooLarge, so errors.Is still tells them
// apart), an ID ("refused.tiff", "toolarge.pixels") and typed arguments,
// worded like a finding from a Table. Its Error is the English sentence
// the command line has always printed; a face that speaks another
// language words ID and Args with its own table (see Table.Refusal).
type RefusalError struct {
	Err  error
	ID   string
	Args []Arg
}

func (e RefusalError) Error() string {
	return e.Err.Error() + ": " + English.fill(English.message(e.ID).Value, e.Args)
}

func (e RefusalError) Unwrap() error { return e.Err }

// refuse is a RefusalError of sentinel err.
func refuse(err error, id string, args ...Arg) error {
	return RefusalError{Err: err, ID: id, Args: args}
}

// Unsupported is a RefusalError wrapping ErrUnsupported, for the callers
// of package exif that refuse a file themselves.
func Unsupported(id string, args ...Arg) error { return refuse(ErrUnsupported, id, args...) }

// TooLarge is a RefusalError wrapping ErrTooLarge.
func TooLarge(id string, args ...Arg) error { return refuse(ErrTooLarge, id, args...) }

// CountArg is a whole-number argument.
func CountArg(name string, n int64) Arg { return Arg{Name: name, Kind: ArgCount, Num: float64(n)} }

// TextArg is an argument shown as it is.
func TextArg(name, s string) Arg { return argText(name, s) }

// Refusal is the reason of err's RefusalError in t's language, made safe
// to show; ok is false when err wraps none.
func (t Table) Refusal(err error) (reason string, ok bool) {
	var r RefusalError
	if !errors.As(err, &r) {
		return "", false
	}
	return cleanText(t.fill(t.message(r.ID).Value, r.Args)), true
}

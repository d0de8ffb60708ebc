package exif

import (
	"regexp"
	"strconv"
	"strings"
)

// iso6709Point matches the start of an ISO 6709 point as phones write it
// (Annex H, the string form): a signed latitude, a signed longitude, an
// optional signed altitude, then an optional CRS and "/".
var iso6709Point = regexp.MustCompile(`^([+-][0-9]+(?:\.[0-9]*)?)([+-][0-9]+(?:\.[0-9]*)?)`)

// iso6709 reads an ISO 6709 point ("+48.8584+002.2945+035.000/") as the
// arguments "lat" and "lon", "48.8584 N, 2.2945 E"; nil when it is not one. Each coordinate may be
// degrees (±DD.D, ±DDD.D), degrees and minutes (±DDMM.M, ±DDDMM.M) or
// degrees, minutes and seconds (±DDMMSS.S, ±DDDMMSS.S): the number of
// digits before the point tells which.
func iso6709(s string) []Arg {
	m := iso6709Point.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return nil
	}
	lat, ok1 := iso6709Part(m[1], 2, 90)
	lon, ok2 := iso6709Part(m[2], 3, 180)
	if !ok1 || !ok2 {
		return nil
	}
	ns, ew := "N", "E"
	if lat < 0 {
		ns, lat = "S", -lat
	}
	if lon < 0 {
		ew, lon = "W", -lon
	}
	return []Arg{argCoordinate("lat", lat, ns), argCoordinate("lon", lon, ew)}
}

// iso6709Part reads one signed coordinate whose degrees take deg digits.
func iso6709Part(s string, deg int, limit float64) (float64, bool) {
	sign := 1.0
	if s[0] == '-' {
		sign = -1
	}
	s = s[1:]
	whole, frac, _ := strings.Cut(s, ".")
	if frac != "" {
		frac = "." + frac
	}
	var d, mi, se float64
	var err error
	switch len(whole) {
	case 1, deg - 1, deg: // degrees, sometimes written without leading zeros
		d, err = strconv.ParseFloat(whole+frac, 64)
	case deg + 2:
		d, _ = strconv.ParseFloat(whole[:deg], 64)
		mi, err = strconv.ParseFloat(whole[deg:]+frac, 64)
	case deg + 4:
		d, _ = strconv.ParseFloat(whole[:deg], 64)
		mi, _ = strconv.ParseFloat(whole[deg:deg+2], 64)
		se, err = strconv.ParseFloat(whole[deg+2:]+frac, 64)
	default:
		return 0, false
	}
	v := d + mi/60 + se/3600
	if err != nil || mi >= 60 || se >= 60 || v > limit {
		return 0, false
	}
	return sign * v, true
}

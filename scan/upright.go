package scan

import "image"

// Uprightness measures, on a straight page of horizontal text lines, how much more ink lies
// above the lines' x-height band than below it: (above − below) / (above + below), summed
// over lines. Latin script, and Vietnamese even more with its stacked diacritics, has far more
// ink above (capitals, ascenders, accents) than below (descenders), so an upright page scores
// well above zero and the same page upside down scores below it. It returns the number of
// lines it measured; with few lines the score means little.
func Uprightness(g *image.Gray) (score float64, lines int) {
	p := inkPoints(g, 1)
	if len(p.xy) < 200 {
		return 0, 0
	}
	rows := make([]int, p.h)
	left, right := make([]int32, p.h), make([]int32, p.h) // ink extent of each row
	for i := range left {
		left[i] = int32(p.w)
	}
	for i := 0; i < len(p.xy); i += 2 {
		x, y := p.xy[i], p.xy[i+1]
		rows[y]++
		left[y], right[y] = min(left[y], x), max(right[y], x)
	}
	peak := 0
	for _, n := range rows {
		peak = max(peak, n)
	}
	var above, below int
	start := -1
	for y, n := range append(rows, 0) {
		if n*20 > peak {
			if start < 0 {
				start = y
			}
			continue
		}
		if start >= 0 && y-start >= 6 {
			// A text line is long: a run of rows no wider than a few of its heights is a
			// character of a turned page, a stamp or a picture, not a line.
			l, r := int32(p.w), int32(0)
			for k := start; k < y; k++ {
				l, r = min(l, left[k]), max(r, right[k])
			}
			a, b, ok := lineAsymmetry(rows[start:y])
			if ok && int(r-l) >= 6*(y-start) {
				above += a
				below += b
				lines++
			}
		}
		start = -1
	}
	if above+below == 0 {
		return 0, 0
	}
	return float64(above-below) / float64(above+below), lines
}

// lineAsymmetry splits one text line's row profile at its x-height band (rows at least half
// as inky as the line's inkiest row) and returns the ink above and below the band.
func lineAsymmetry(rows []int) (above, below int, ok bool) {
	top := 0
	for _, n := range rows {
		top = max(top, n)
	}
	first, last := -1, -1
	for i, n := range rows {
		if n*2 >= top {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || last-first < 2 {
		return 0, 0, false
	}
	for _, n := range rows[:first] {
		above += n
	}
	for _, n := range rows[last+1:] {
		below += n
	}
	return above, below, true
}

// The text-line orientation decides only beyond doubt. Generated pages skewed up to 12° and
// real scans score 0.3 to 0.94 upright and as much below zero upside down; their coarse skew
// confidence along the lines is 11 to 67 and 2 to 4 across them. No page turned to a wrong
// quarter passes these gates (TestOrientByLines).
const (
	// MinUprightLines: fewer measured lines say too little.
	MinUprightLines = 8
	// MinUprightness: |score| needed to call a page upright or upside down.
	MinUprightness = 0.5
	// MinAxisRatio: the lines' direction is trusted when its skew confidence is this many
	// times the other direction's.
	MinAxisRatio = 2.5
)

// LineOrientation is how a page's text lines say to turn it.
type LineOrientation struct {
	Turn    int         // clockwise quarter turn (0, 90, 180, 270) that makes the page upright
	Skew    Skew        // of the page once turned
	Upright *image.Gray // the page turned and straightened
	Score   float64     // Uprightness of Upright
	Lines   int         // lines Score was measured over
	// Sideways is set, when the lines left doubt only about which way up, if they certainly run
	// down the page; SidewaysTurn (90 or 270) is then the quarter turn their weaker evidence of
	// which way is up points to.
	Sideways     bool
	SidewaysTurn int
}

// OrientByLines finds the turn that makes g upright from its text lines alone: their direction
// from the skew sweep along and across the page, then which way up from the ink above and below
// their x-height band. ok is false when the lines leave any doubt (few lines, tables, pictures,
// scripts without ascenders); Tesseract's OSD is then the one to ask, and only Skew is set: g's
// own, as it is.
func OrientByLines(g *image.Gray) (o LineOrientation, ok bool) {
	s := DetectSkew(g)
	doubt := LineOrientation{Skew: s}
	switch {
	case s.Confidence >= MinSkewConfidence && s.Confidence >= MinAxisRatio*s.Across:
		o.Skew = s
	case s.Across >= MinSkewConfidence && s.Across >= MinAxisRatio*s.Confidence:
		// Lines run down the page: turn it a quarter and measure again.
		g = Turn(g, 90)
		o.Turn, o.Skew = 90, DetectSkew(g)
		if o.Skew.Confidence < MinSkewConfidence || o.Skew.Confidence < MinAxisRatio*o.Skew.Across {
			return doubt, false
		}
		doubt.Sideways = true
	default:
		return doubt, false
	}
	o.Upright = o.Skew.Straighten(g)
	o.Score, o.Lines = Uprightness(o.Upright)
	if doubt.Sideways {
		doubt.SidewaysTurn = 90
		if o.Score < 0 {
			doubt.SidewaysTurn = 270
		}
	}
	switch {
	case o.Lines < MinUprightLines:
		return doubt, false
	case o.Score >= MinUprightness:
		return o, true
	case o.Score <= -MinUprightness:
		// Upside down: the same lines, read the other way.
		o.Turn = (o.Turn + 180) % 360
		o.Upright = Turn(o.Upright, 180)
		o.Score = -o.Score
		return o, true
	}
	return doubt, false
}

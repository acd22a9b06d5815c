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

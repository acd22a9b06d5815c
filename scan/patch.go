package scan

import (
	"image"
)

// Kodak patch codes: four parallel bars, two wide (5.1 mm) and two narrow (2.0 mm), 2.0 mm
// apart, 20 mm across and at least 19 mm long. Scanners' patch sheets put them along or across
// the page. Patch T ("transfer") is the one document-management systems split on.
var patchNames = map[string]string{
	"NWNW": "PATCHT",
	"WNNW": "PATCH2",
	"WNWN": "PATCH3",
	"WWNN": "PATCH1",
	"NWWN": "PATCH4",
	"NNWW": "PATCH6",
}

// FindPatch looks for a patch code on a clean page and returns its name (PATCHT, PATCH2, ...).
// Every millimetre across the page, the ink along the line is cut into runs (specks under
// half a millimetre smoothed away); four bars of patch widths with patch gaps and white on both
// sides are a hit, and hits at the same place on 19 mm of neighbouring lines are a patch.
// Widths are tolerant of toner spread and blur (about ±1 mm); both directions are tried.
func FindPatch(g *image.Gray, dpi int) (string, bool) {
	if g == nil || g.Rect.Dx() == 0 || g.Rect.Dy() == 0 {
		return "", false
	}
	if dpi <= 0 {
		dpi = 200
	}
	// Bars are millimetres wide: at about 50 DPI they are still four pixels or more, text
	// strokes and specks average out to grey, and there are sixteen times fewer pixels.
	if k := dpi / 50; k > 1 {
		g, dpi = boxDown(g, k), dpi/k
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	// Bars across the page (the patch sheet's usual way): profiles down each column.
	if name, ok := findPatch(w, h, dpi, func(line int, dst []bool) {
		for i := range dst {
			dst[i] = g.Pix[i*g.Stride+line] < 128
		}
	}); ok {
		return name, true
	}
	// Bars down the page: profiles along each row.
	return findPatch(h, w, dpi, func(line int, dst []bool) {
		row := g.Pix[line*g.Stride:]
		for i := range dst {
			dst[i] = row[i] < 128
		}
	})
}

type patchHit struct {
	name  string
	start int
}

// findPatch scans every millimetre's line of lines, each length long; read fills a line's ink.
func findPatch(lines, length, dpi int, read func(line int, dst []bool)) (string, bool) {
	mm := float64(dpi) / 25.4
	step := max(1, int(mm))
	need := max(2, int(19*mm/float64(step))) // neighbouring lines that must agree
	raw, ink := make([]bool, length), make([]bool, length)
	var prev map[patchHit]int
	for line := 0; line < lines; line += step {
		read(line, raw)
		smooth(raw, ink, max(1, int(mm/4)))
		next := map[patchHit]int{}
		for _, h := range patchHits(ink, mm) {
			n := 1
			// The same pattern starting within 2 mm on the line before continues the bars.
			for p, pn := range prev {
				if p.name == h.name && abs(p.start-h.start) <= int(2*mm) {
					n = max(n, pn+1)
				}
			}
			next[h] = n
			if n >= need {
				return h.name, true
			}
		}
		prev = next
	}
	return "", false
}

// smooth sets dst[i] to the majority of src over i-r..i+r: speckle in a gap or a hole in a bar
// does not cut a run.
func smooth(src, dst []bool, r int) {
	n := 0
	for i := 0; i < r && i < len(src); i++ {
		if src[i] {
			n++
		}
	}
	for i := range src {
		if j := i + r; j < len(src) && src[j] {
			n++
		}
		if j := i - r - 1; j >= 0 && src[j] {
			n--
		}
		lo, hi := max(0, i-r), min(len(src)-1, i+r)
		dst[i] = 2*n > hi-lo+1
	}
}

// patchHits returns the patch patterns along one line and where each starts.
func patchHits(ink []bool, mm float64) []patchHit {
	if len(ink) == 0 {
		return nil
	}
	// Runs of one colour: runs[k] pixels from starts[k], dark[k] telling the colour.
	var runs, starts []int
	var dark []bool
	cur, n, s := ink[0], 0, 0
	for i, v := range ink {
		if v != cur {
			runs, starts, dark = append(runs, n), append(starts, s), append(dark, cur)
			cur, n, s = v, 0, i
		}
		n++
	}
	runs, starts, dark = append(runs, n), append(starts, s), append(dark, cur)
	within := func(px int, lo, hi float64) bool { f := float64(px) / mm; return f >= lo && f <= hi }
	kind := func(px int) byte {
		switch {
		case within(px, 1.0, 3.3):
			return 'N'
		case within(px, 4.0, 6.6):
			return 'W'
		}
		return 0
	}
	var out []patchHit
	for k := 1; k+7 < len(runs); k++ {
		// White before, four bars with three gaps, white after.
		if !dark[k] || dark[k-1] || !within(runs[k-1], 1.5, 1e9) || !within(runs[k+7], 1.5, 1e9) {
			continue
		}
		var pat [4]byte
		ok := true
		for b := 0; b < 4 && ok; b++ {
			pat[b] = kind(runs[k+2*b])
			ok = pat[b] != 0
			if b < 3 {
				ok = ok && within(runs[k+2*b+1], 0.8, 3.3)
			}
		}
		if !ok {
			continue
		}
		if name, found := patchNames[string(pat[:])]; found {
			out = append(out, patchHit{name, starts[k]})
		}
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// boxDown shrinks the page k times, each pixel the mean of its k×k block.
func boxDown(g *image.Gray, k int) *image.Gray {
	w, h := g.Rect.Dx()/k, g.Rect.Dy()/k
	out := image.NewGray(image.Rect(0, 0, w, h))
	sums := make([]int, w)
	for y := 0; y < h; y++ {
		clear(sums)
		for dy := 0; dy < k; dy++ {
			row := g.Pix[(y*k+dy)*g.Stride:]
			for x := 0; x < w; x++ {
				for _, v := range row[x*k : x*k+k] {
					sums[x] += int(v)
				}
			}
		}
		dst := out.Pix[y*out.Stride:]
		for x, v := range sums {
			dst[x] = uint8(v / (k * k))
		}
	}
	return out
}

package scan

import (
	"image"
	"sort"

	"github.com/disintegration/imaging"
)

// TargetLineHeight is the ink height of a text line (ascender to descender) that huge type is
// brought down to: capital letters around 30 px.
const TargetLineHeight = 48

// Text lines under SmallLineHeight are read at ReadLineHeight, the height Tesseract scales
// every text line to before its network reads it. They were enlarged to TargetLineHeight
// before: on the 28 development pages with lines of 18 to 22 px (evaluation seeds 2, 3 and 5:
// phone photos, 200-DPI gray JPEGs, flatbeds), 36 px made 2,606 character errors against 2,839
// at 48 px, in 69 % of the CPU. Reading 20 to 22 px lines as they were made fewer errors still
// (2,593, in half the CPU), but lost numbers and dates on phone photos (digits misread), so
// every small line is enlarged.
const (
	SmallLineHeight = 24
	ReadLineHeight  = 36
)

// LineHeight estimates the median ink height of the text lines of an upright, straight page
// from its horizontal projection profile; 0 when it finds no text lines.
func LineHeight(g *image.Gray) int {
	p := inkPoints(g, 2)
	if len(p.xy) < 200 {
		return 0
	}
	rows := make([]int, p.h)
	for i := 1; i < len(p.xy); i += 2 {
		rows[p.xy[i]]++
	}
	// A row is inky when it holds a meaningful share of the page's wide text lines. Not of the
	// inkiest row: a table's rules and the rule under a form's header are far denser than any
	// text, and measured against them every text row looked empty, leaving the rules' 4 px as
	// the "line height" (a ruled 300-DPI page was then enlarged 3x).
	var filled []int
	for _, n := range rows {
		if n > 0 {
			filled = append(filled, n)
		}
	}
	if len(filled) == 0 {
		return 0
	}
	sort.Ints(filled)
	peak := filled[len(filled)*9/10]
	var runs []int
	run := 0
	for _, n := range append(rows, 0) {
		if n*20 > peak {
			run++
			continue
		}
		if run >= 2 {
			runs = append(runs, run*2)
		}
		run = 0
	}
	if len(runs) < 2 {
		return 0
	}
	sort.Ints(runs)
	return runs[len(runs)/2]
}

// Rescale resizes g by f, the factor TextScale chose (1 leaves it alone).
func Rescale(g *image.Gray, f float64) *image.Gray {
	if f == 1 {
		return g
	}
	if f >= 0.5 {
		// Gray bilinear resampling: imaging.Resize goes through NRGBA and took most of a small
		// page's preparation (an upscaled 150-DPI page: ~1 s under load).
		return Shrink(g, f)
	}
	w, h := int(float64(g.Rect.Dx())*f), int(float64(g.Rect.Dy())*f)
	return Gray(imaging.Resize(g, w, h, imaging.Linear))
}

// TextScale is the factor that brings g's text lines to ReadLineHeight when they are under
// SmallLineHeight, or to TargetLineHeight when they are over twice it, else 1.
func TextScale(g *image.Gray, lim Limits) float64 {
	var f float64
	switch lh := LineHeight(g); {
	case lh == 0:
		return 1
	case lh < SmallLineHeight:
		// Upscaling invents no detail: at most 3x, enough to lift 100-DPI scans to the size read.
		f = min(3, float64(ReadLineHeight)/float64(lh))
	case lh > 2*TargetLineHeight:
		f = float64(TargetLineHeight) / float64(lh)
	default:
		return 1
	}
	w, h := int(float64(g.Rect.Dx())*f), int(float64(g.Rect.Dy())*f)
	if w < 16 || h < 16 || int64(w)*int64(h) > lim.MaxPixels {
		return 1
	}
	return f
}

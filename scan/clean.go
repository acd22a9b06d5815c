package scan

import (
	"image"
	"slices"
	"sync"
)

// FlattenBackground evens out the paper's brightness: a phone's shadow, a lamp's fall-off, a
// yellowed sheet. The paper's level is estimated in tiles (the brightest pixels of each, where
// ink rarely covers a whole tile), smoothed, interpolated, and every pixel divided by it, so
// paper comes out white everywhere and ink keeps its contrast to it. Tesseract binarises a page
// with one global (Otsu) threshold, which a shadow defeats: half the page turns black or the
// faint half's text vanishes. This is Leptonica's pixBackgroundNorm idea, in Go on the gray
// page sohoa already holds. dpi sets the tile size (about 4 mm).
func FlattenBackground(g *image.Gray, dpi int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if dpi <= 0 {
		dpi = 300
	}
	t := max(8, dpi/6)
	tw, th := (w+t-1)/t, (h+t-1)/t
	if tw < 2 || th < 2 {
		return g
	}
	// Each tile's paper level: a high percentile rather than the maximum, so that a bright
	// noise pixel does not set it; every other pixel of every other row is plenty for it.
	bg := make([]float64, tw*th)
	hist := make([]int, 256)
	for ty := 0; ty < th; ty++ {
		for tx := 0; tx < tw; tx++ {
			clear(hist)
			n := 0
			for y := ty * t; y < min(h, (ty+1)*t); y += 2 {
				row := g.Pix[y*g.Stride:]
				for x := tx * t; x < min(w, (tx+1)*t); x += 2 {
					hist[row[x]]++
					n++
				}
			}
			k, acc := 255, 0
			for ; k > 0; k-- {
				if acc += hist[k]; acc*50 >= n { // the brightest 2 %
					break
				}
			}
			bg[ty*tw+tx] = float64(k)
		}
	}
	// A tile all ink (a bold title, a seal, a photo) reads dark: take the brightest of each
	// tile's neighbourhood, then smooth, as paper brightness varies slowly.
	bg = tileMax(bg, tw, th, 1)
	bg = tileMean(bg, tw, th, 2)
	// Dark pictures and black borders are not paper: never lift a level below a third of
	// the page's paper, so they stay dark instead of turning gray.
	sorted := slices.Clone(bg)
	slices.Sort(sorted)
	floor := sorted[len(sorted)*3/4] / 3
	// Paper already even (most flatbed and feeder scans): nothing to divide out, and the
	// division is most of this function's time.
	if sorted[len(sorted)*95/100]-sorted[len(sorted)*5/100] < 12 {
		return g
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	// Tile centres interpolated bilinearly: the horizontal weights once, the vertical per row.
	x0s, x1s, axs := make([]int, w), make([]int, w), make([]float32, w)
	for x := 0; x < w; x++ {
		fx := (float64(x)+0.5)/float64(t) - 0.5
		x0 := min(max(int(fx), 0), tw-1)
		x0s[x], x1s[x] = x0, min(x0+1, tw-1)
		axs[x] = float32(min(max(fx-float64(x0), 0), 1))
	}
	row := make([]float32, tw)
	for y := 0; y < h; y++ {
		fy := (float64(y)+0.5)/float64(t) - 0.5
		y0 := min(max(int(fy), 0), th-1)
		y1 := min(y0+1, th-1)
		ay := min(max(fy-float64(y0), 0), 1)
		for tx := 0; tx < tw; tx++ {
			row[tx] = float32(max(floor, bg[y0*tw+tx]*(1-ay)+bg[y1*tw+tx]*ay, 1))
		}
		src, dst := g.Pix[y*g.Stride:][:w], out.Pix[y*out.Stride:][:w]
		for x, v := range src {
			a := axs[x]
			level := row[x0s[x]]*(1-a) + row[x1s[x]]*a
			dst[x] = uint8(min(255, float32(v)*255/level+0.5))
		}
	}
	return out
}

func tileMax(v []float64, w, h, r int) []float64 {
	out := make([]float64, len(v))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m := 0.0
			for yy := max(0, y-r); yy <= min(h-1, y+r); yy++ {
				for xx := max(0, x-r); xx <= min(w-1, x+r); xx++ {
					m = max(m, v[yy*w+xx])
				}
			}
			out[y*w+x] = m
		}
	}
	return out
}

func tileMean(v []float64, w, h, r int) []float64 {
	out := make([]float64, len(v))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			s, n := 0.0, 0
			for yy := max(0, y-r); yy <= min(h-1, y+r); yy++ {
				for xx := max(0, x-r); xx <= min(w-1, x+r); xx++ {
					s += v[yy*w+xx]
					n++
				}
			}
			out[y*w+x] = s / float64(n)
		}
	}
	return out
}

// RemoveSpecks erases dust: small dark specks with no other ink near them, which Tesseract
// reads as stray dots, commas and quotes ("Xét đề nghị, - :"). A speck is at most about
// 0.5 mm across and more than 1 mm from any other ink; Vietnamese tone marks, the dots of i
// and full stops lie within a fraction of a millimetre of their letters, so they stay. It
// returns the page and how many specks it erased. Run it on a page whose paper is white
// (FlattenBackground).
func RemoveSpecks(g *image.Gray, dpi int) (*image.Gray, int) {
	if dpi <= 0 {
		dpi = 300
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	mm := float64(dpi) / 25.4
	maxSide := max(2, int(0.5*mm+0.5))
	near := max(3, int(1.0*mm+0.5))
	labels := specksLabels(w * h)
	defer labelPool.Put(&labels)
	type comp struct{ x0, y0, x1, y1, n int }
	comps := []comp{{}} // label 0: paper
	stack := make([]int, 0, 256)
	for i0, v := range g.Pix[:w*h] {
		if v >= inkLevel || labels[i0] != 0 {
			continue
		}
		id := int32(len(comps))
		c := comp{x0: i0 % w, y0: i0 / w, x1: i0 % w, y1: i0 / w}
		labels[i0] = id
		stack = append(stack[:0], i0)
		big := false
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := i%w, i/w
			c.n++
			c.x0, c.y0, c.x1, c.y1 = min(c.x0, x), min(c.y0, y), max(c.x1, x), max(c.y1, y)
			if c.x1-c.x0 > maxSide || c.y1-c.y0 > maxSide {
				big = true // a letter or a line: still labelled whole, never a speck
			}
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= w || ny >= h {
						continue
					}
					j := ny*w + nx
					if labels[j] == 0 && g.Pix[ny*g.Stride+nx] < inkLevel {
						labels[j] = id
						stack = append(stack, j)
					}
				}
			}
		}
		if big {
			c.n = -1
		}
		comps = append(comps, c)
	}
	out := g
	erased := 0
	for id := 1; id < len(comps); id++ {
		c := comps[id]
		if c.n < 0 {
			continue
		}
		alone := true
		for y := max(0, c.y0-near); y <= min(h-1, c.y1+near) && alone; y++ {
			for x := max(0, c.x0-near); x <= min(w-1, c.x1+near); x++ {
				if l := labels[y*w+x]; l != 0 && l != int32(id) {
					alone = false
					break
				}
			}
		}
		if !alone {
			continue
		}
		if out == g {
			out = image.NewGray(g.Rect)
			copy(out.Pix, g.Pix)
		}
		// The speck and its blurred rim, to the paper's white.
		for y := max(0, c.y0-2); y <= min(h-1, c.y1+2); y++ {
			for x := max(0, c.x0-2); x <= min(w-1, c.x1+2); x++ {
				out.Pix[y*out.Stride+x] = 255
			}
		}
		erased++
	}
	return out, erased
}

// labelPool keeps RemoveSpecks' label planes (4 bytes a pixel, 16 MB for an A4 page at 200
// DPI) between pages: clearing a plane costs a third of getting fresh pages from the kernel.
var labelPool sync.Pool

func specksLabels(n int) []int32 {
	if p, ok := labelPool.Get().(*[]int32); ok && cap(*p) >= n {
		l := (*p)[:n]
		clear(l)
		return l
	}
	return make([]int32, n)
}

// inkLevel is the gray below which a pixel of a cleaned page is ink (RemoveSpecks, Blank).
const inkLevel = 160

// BlankInk is the most ink a blank page holds once cleaned, in mm² (pixels darker than
// inkLevel, away from the page's edges): less than one printed letter.
// Duplex backs, empty separator sides and sheets with only bleed-through stay under it; a page
// with a single word, a signature or a stamp does not.
const BlankInk = 1.0

// BlankShade is the most of a page, as scanned, that may be shaded (darker than the ink level)
// for it to be blank: FlattenBackground washes out soft shapes, so a photo of an object would
// look empty once cleaned; as scanned it is shaded all over, and is read.
const BlankShade = 0.01

// Blank reports whether a page is blank: its cleaned image (FlattenBackground, RemoveSpecks)
// has no ink beyond BlankInk and the page as scanned is shaded on at most BlankShade of it,
// 4 % margins aside (scanner edges, punched holes, staples) in both.
func Blank(clean *image.Gray, dpi int, scanned *image.Gray) bool {
	if dpi <= 0 {
		dpi = 300
	}
	px := float64(dpi) / 25.4
	if dark(clean, 1, int(BlankInk*px*px+0.5)) {
		return false
	}
	// A sample of the scanned page, every fourth pixel of every fourth row.
	w, h := scanned.Rect.Dx(), scanned.Rect.Dy()
	return !dark(scanned, 4, int(BlankShade*float64(w/4)*float64(h/4)))
}

// dark reports whether g has more than limit pixels darker than the ink level, sampling every
// step-th pixel of every step-th row inside 4 % margins.
func dark(g *image.Gray, step, limit int) bool {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	mx, my := w/25, h/25
	n := 0
	for y := my; y < h-my; y += step {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x := mx; x < w-mx; x += step {
			if row[x] < inkLevel {
				if n++; n > limit {
					return true
				}
			}
		}
	}
	return false
}

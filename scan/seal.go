package scan

import (
	"image"
	"math"
)

// Seals: the round red seal (con dấu) pressed over the signer's name and the date is what a
// desk scanner's "red dropout" is for. In gray it is as dark as the text under it, and
// Tesseract loses the whole signature block (measured: the signer's name under a seal came
// back on a colour scan only with the seal dropped). LightenSeals finds seals on a colour page
// by colour and shape (red, roughly round or square, 8-35 % of the page's short side) and
// reads each seal's box in the gray page through the red channel: the imprint stays visible
// in the digitized copy as a light gray ring, text under it stays black. Red text
// lines (a certificate's red title, a red "KHẨN") are long and thin and are left as they are;
// so are rectangular box stamps, whose text is often what a clerk reads.

// sealRedness is red ink, in 8-bit channels: R above both G and B by this much, and G and B
// close (red, not orange skin or brown paper).
const sealRedness = 60

// redness is how much a pixel's red exceeds its green and blue, or 0 for pixels that are not
// red ink (orange and pink-brown hues, where G and B differ by more than half of that).
func redness(r, g, b int) int {
	m := max(g, b)
	d := r - m
	if d <= 0 {
		return 0
	}
	if gb := g - b; gb > d/2 || -gb > d/2 {
		return 0
	}
	return d
}

// colourPixels reads a colour image's pixels as 8-bit RGB, fast for the decoders' types; ok is
// false for any other type (gray and palette scans have no seal to find).
type colourPixels struct {
	ycc  *image.YCbCr
	rgba *image.RGBA
	nrgb *image.NRGBA
	b    image.Rectangle
}

func colourOf(m image.Image) (colourPixels, bool) {
	c := colourPixels{b: m.Bounds()}
	switch t := m.(type) {
	case *image.YCbCr:
		c.ycc = t
	case *image.RGBA:
		c.rgba = t
	case *image.NRGBA:
		c.nrgb = t
	default:
		return c, false
	}
	return c, true
}

// at is the pixel at (x, y) relative to the image's origin, as 8-bit R, G, B (over white for
// translucent PNG pixels, as Gray composes them).
func (c colourPixels) at(x, y int) (r, g, b int) {
	x, y = x+c.b.Min.X, y+c.b.Min.Y
	switch {
	case c.ycc != nil:
		yy := int(c.ycc.Y[c.ycc.YOffset(x, y)])
		i := c.ycc.COffset(x, y)
		cb, cr := int(c.ycc.Cb[i])-128, int(c.ycc.Cr[i])-128
		// JFIF's conversion, in 16.16 fixed point (as image/color's YCbCrToRGB).
		r = clamp8(yy + (91881*cr+1<<15)>>16)
		g = clamp8(yy - (22554*cb+46802*cr-1<<15)>>16)
		b = clamp8(yy + (116130*cb+1<<15)>>16)
		return
	case c.rgba != nil:
		p := c.rgba.Pix[c.rgba.PixOffset(x, y):]
		w := 255 - int(p[3])
		return int(p[0]) + w, int(p[1]) + w, int(p[2]) + w
	default:
		p := c.nrgb.Pix[c.nrgb.PixOffset(x, y):]
		a := int(p[3])
		return (int(p[0])*a + 255*(255-a)) / 255, (int(p[1])*a + 255*(255-a)) / 255, (int(p[2])*a + 255*(255-a)) / 255
	}
}

func clamp8(v int) int { return min(255, max(0, v)) }

// LightenSeals finds the red seals of colour image m and lightens them in g, its gray
// conversion (same size). It reports how many seals it lightened.
func LightenSeals(m image.Image, g *image.Gray) int {
	c, ok := colourOf(m)
	if !ok || g == nil || c.b.Dx() != g.Rect.Dx() || c.b.Dy() != g.Rect.Dy() {
		return 0
	}
	w, h := c.b.Dx(), c.b.Dy()
	short := min(w, h)
	if short < 200 {
		return 0
	}
	// A grid of cells (about 1.5 mm on an A4 page), each marked when enough of its sampled
	// pixels are red ink: a seal's ring and star are thin, so a few percent is enough.
	cell := max(4, short/140)
	cw, ch := (w+cell-1)/cell, (h+cell-1)/cell
	red := make([]bool, cw*ch)
	found := false
	step := max(1, cell/4)
	for cy := 0; cy < ch; cy++ {
		for cx := 0; cx < cw; cx++ {
			n, k := 0, 0
			for y := cy * cell; y < min(h, (cy+1)*cell); y += step {
				for x := cx * cell; x < min(w, (cx+1)*cell); x += step {
					k++
					if redness(c.at(x, y)) >= sealRedness {
						n++
					}
				}
			}
			if k > 0 && 20*n >= k {
				red[cy*cw+cx], found = true, true
			}
		}
	}
	if !found {
		return 0
	}
	seals := 0
	for _, r := range sealBoxes(red, cw, ch, short/cell) {
		box := image.Rect(r.Min.X*cell, r.Min.Y*cell, min(w, r.Max.X*cell), min(h, r.Max.Y*cell))
		for y := box.Min.Y; y < box.Max.Y; y++ {
			row := g.Pix[y*g.Stride:]
			for x := box.Min.X; x < box.Max.X; x++ {
				// The red channel: paper and red ink light, black toner and blue ink dark; the
				// seal's edges too (in a JPEG its colour is blurred over two pixels, its
				// darkness is not, so a test of redness leaves a dark outline).
				if rr, _, _ := c.at(x, y); uint8(rr) > row[x] {
					row[x] = uint8(rr)
				}
			}
		}
		seals++
	}
	return seals
}

// sealBoxes are the boxes (in cells, with a margin of two) of the groups of red cells shaped
// like a seal: 8-35 % of the page's short side (shortCells) each way, no more than 1.6 times
// as long one way as the other. Cells two apart join a group (a ring's dashed lettering).
func sealBoxes(red []bool, cw, ch, shortCells int) []image.Rectangle {
	seen := make([]bool, len(red))
	var parts, out []image.Rectangle
	for i, on := range red {
		if !on || seen[i] {
			continue
		}
		x0, y0, x1, y1 := cw, ch, 0, 0
		stack := []int{i}
		seen[i] = true
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := k%cw, k/cw
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= cw || ny >= ch {
						continue
					}
					if j := ny*cw + nx; red[j] && !seen[j] {
						seen[j] = true
						stack = append(stack, j)
					}
				}
			}
		}
		parts = append(parts, image.Rect(x0, y0, x1+1, y1+1))
	}
	// A line of text across a seal breaks its ring in two (toner over red is black): groups
	// 4 cells apart or less join while their union is no larger than a seal.
	lo, hi := shortCells*8/100, shortCells*35/100
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(parts); i++ {
			for j := i + 1; j < len(parts); j++ {
				u := parts[i].Union(parts[j])
				if u.Dx() > hi || u.Dy() > hi || !parts[i].Inset(-4).Overlaps(parts[j]) {
					continue
				}
				parts[i] = u
				parts = append(parts[:j], parts[j+1:]...)
				merged = true
				j--
			}
		}
	}
	for _, p := range parts {
		bw, bh := p.Dx(), p.Dy()
		if bw < lo || bh < lo || bw > hi || bh > hi || 10*bw > 16*bh || 10*bh > 16*bw {
			continue
		}
		out = append(out, image.Rect(max(0, p.Min.X-2), max(0, p.Min.Y-2), min(cw, p.Max.X+2), min(ch, p.Max.Y+2)))
	}
	return out
}

// LightenGraySeals finds round seals on a gray page by their tone and lightens them: a red
// seal scanned in gray (or a colour page stored as gray) is a mid gray, lighter than toner and
// darker than paper, and over the signer's capacity and name it makes Tesseract drop the whole
// block as it does in colour. The cells mostly of that tone are grouped as LightenSeals groups
// red cells, and a group is taken for a seal only when it is also a ring: round, its box's
// corners empty and its rim mostly marked (a gray photo, a block of blurred text and a box
// stamp fill their corners). Inside a seal, every pixel lighter than halfway between the
// seal's tone and the darkest ink under it is pushed towards paper, to a pale imprint as in
// colour; toner and signatures, darker, stay. It reports how many seals it lightened.
func LightenGraySeals(g *image.Gray) int {
	if g == nil {
		return 0
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	short := min(w, h)
	if short < 200 {
		return 0
	}
	at := func(x, y int) uint8 { return g.Pix[y*g.Stride+x] }
	// Paper: the median of a sparse sample (a page is mostly paper).
	var hist [256]int
	for y := 0; y < h; y += 7 {
		for x := 0; x < w; x += 7 {
			hist[at(x, y)]++
		}
	}
	paper := median(&hist, 0, 255)
	// A seal's tone on white paper is about 0.4-0.6 of it; toner is under 0.3.
	darkMax, midMax := uint8(paper*30/100), uint8(paper*75/100)
	if paper < 120 {
		return 0 // a dark page: no tone to tell a seal by
	}
	cell := max(4, short/140)
	cw, ch := (w+cell-1)/cell, (h+cell-1)/cell
	mid := make([]bool, cw*ch)
	step := max(1, cell/8)
	// A pixel of the seal's tone has no toner around it: the soft edge of a stroke of text is
	// of the same tone, but next to the stroke's dark core (near is about 0.2 mm).
	near := max(1, short/1200)
	st := g.Stride
	around := [8]int{-near, near, -near * st, near * st, -near - near*st, near + near*st, near - near*st, -near + near*st}
	// Row by row over the sampled pixels, counting per cell (a tight loop over each row: a
	// page is mostly paper, and paper costs one comparison a sample).
	hits := make([]int32, cw*ch)
	for y := near; y < h-near; y += step {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		base := (y / cell) * cw
		for x := near; x < w-near; x += step {
			if v := row[x]; v <= darkMax || v > midMax {
				continue
			}
			i := y*g.Stride + x
			clear := true
			for _, d := range around {
				if g.Pix[i+d] <= darkMax {
					clear = false
					break
				}
			}
			if clear {
				hits[base+x/cell]++
			}
		}
	}
	// Samples a cell holds: (cell/step)² or so; a ring's cell has 5 % of them.
	perCell := int32((cell + step - 1) / step * ((cell + step - 1) / step))
	found := false
	for i, n := range hits {
		if 20*n >= perCell {
			mid[i], found = true, true
		}
	}
	if !found {
		return 0
	}
	seals := 0
	for _, r := range sealBoxes(mid, cw, ch, short/cell) {
		// The group may hold the seal and text beside it of the same tone: the seal is the
		// largest circle in it whose rim is well marked.
		c, ok := circleIn(mid, cw, r, short/cell)
		if !ok || !ring(mid, cw, c) {
			continue
		}
		r = image.Rect(max(0, c.Min.X-2), max(0, c.Min.Y-2), min(cw, c.Max.X+2), min(ch, c.Max.Y+2))
		box := image.Rect(r.Min.X*cell, r.Min.Y*cell, min(w, r.Max.X*cell), min(h, r.Max.Y*cell))
		// The seal's tone (median of its mid-tone pixels) and the darkest ink in its box.
		var th [256]int
		tn := 0
		for y := box.Min.Y; y < box.Max.Y; y += 2 {
			for x := box.Min.X; x < box.Max.X; x += 2 {
				th[at(x, y)]++
				tn++
			}
		}
		ink := 0
		for c := 0; c < 256; c++ {
			if th[c] > 0 && 1000*th[c] >= tn {
				ink = c // darkest tone with at least 0.1 % of the box
				break
			}
		}
		tone := median(&th, int(darkMax)+1, int(midMax))
		cut := uint8(min((tone+ink)/2, tone-25))
		for y := box.Min.Y; y < box.Max.Y; y++ {
			row := g.Pix[y*g.Stride:]
			for x := box.Min.X; x < box.Max.X; x++ {
				if v := row[x]; v > cut && int(v) < paper {
					row[x] = uint8(paper - (paper-int(v))/4)
				}
			}
		}
		seals++
	}
	return seals
}

// median is the median of the values lo to hi counted in hist (lo when none is).
func median(hist *[256]int, lo, hi int) int {
	n := 0
	for v := lo; v <= hi; v++ {
		n += hist[v]
	}
	acc := 0
	for v := lo; v <= hi; v++ {
		if acc += hist[v]; 2*acc >= n {
			return v
		}
	}
	return hi
}

// circleIn is the box (in cells) of the largest circle inside box, a seal's size (8-35 % of
// the page's short side, shortCells), with at least 60 % of its rim marked (text across a ring
// leaves gaps in it): a seal's outer ring, not its inner one.
func circleIn(marked []bool, cw int, box image.Rectangle, shortCells int) (image.Rectangle, bool) {
	lo, hi := max(2, shortCells*4/100), shortCells*35/200
	var best image.Rectangle
	bestScore := 0.0
	for r := hi; r >= lo; r-- {
		// The rim's cells, and for each the cell next to it towards the centre.
		n := int(2*math.Pi*float64(r)) + 1
		rim := make([][4]int, n)
		for k := range rim {
			a := 2 * math.Pi * float64(k) / float64(n)
			dx, dy := int(math.Round(float64(r)*math.Cos(a))), int(math.Round(float64(r)*math.Sin(a)))
			rim[k] = [4]int{dx, dy, inward(dx), inward(dy)}
		}
		for cy := box.Min.Y + r; cy < box.Max.Y-r; cy++ {
			for cx := box.Min.X + r; cx < box.Max.X-r; cx++ {
				on := 0
				for _, p := range rim {
					i := (cy+p[1])*cw + cx + p[0]
					if marked[i] || marked[i+p[2]] || marked[i+p[3]*cw] {
						on++
					}
				}
				if sc := float64(on) / float64(n); sc > bestScore {
					bestScore, best = sc, image.Rect(cx-r, cy-r, cx+r+1, cy+r+1)
				}
			}
		}
		if bestScore >= 0.6 {
			return best, true
		}
	}
	return best, false
}

// inward is the step from a rim cell's offset v towards the centre.
func inward(v int) int {
	switch {
	case v > 0:
		return -1
	case v < 0:
		return 1
	}
	return 0
}

// ring reports whether the marked cells inside box (in cells) make a ring: few of the cells
// outside its inscribed ellipse marked (a round seal leaves its box's corners empty), most of
// those on its rim, and its middle mostly empty (a seal's star is small; a filled disc is not
// a seal).
func ring(marked []bool, cw int, box image.Rectangle) bool {
	if box.Dx() < 4 || box.Dy() < 4 {
		return false
	}
	cx, cy := float64(box.Min.X+box.Max.X)/2, float64(box.Min.Y+box.Max.Y)/2
	rx, ry := float64(box.Dx())/2, float64(box.Dy())/2
	var corner, cornerOn, rim, rimOn, core, coreOn int
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			dx, dy := (float64(x)+0.5-cx)/rx, (float64(y)+0.5-cy)/ry
			d := dx*dx + dy*dy
			on := marked[y*cw+x]
			switch {
			case d > 1.15*1.15:
				corner++
				if on {
					cornerOn++
				}
			case d >= 0.75*0.75 && d <= 1:
				rim++
				if on {
					rimOn++
				}
			case d <= 0.5*0.5:
				core++
				if on {
					coreOn++
				}
			}
		}
	}
	return corner > 0 && rim > 0 && core > 0 && 100*cornerOn <= 15*corner && 100*rimOn >= 40*rim && 2*coreOn <= core
}

package scan

import (
	"image"
	"math"
)

// Seals on black-and-white pages. A feeder scanning in black and white, or a fax, turns the
// red seal over the signature block as black as the text, so neither its colour nor its tone
// tells it (LightenSeals, LightenGraySeals). Tesseract's layout analysis then takes the
// seal's rings with the date, the capacity and the signer's name across them for a picture
// and drops them all (measured on the development pages' feeder scans: most of the names and
// dates missing from their text were under seals, and came back with the rings erased).
// EraseBilevelSeals finds seals by their shape, a ring of a seal's size whose rim is inked
// nearly all round, and erases the rings' ink where it is only ring: a radial run of ink lying
// within the ring's thickness. Strokes of letters crossing a ring run on past it and stay. The
// seal's own letters between its rings go too, where no line of the page's text passes.

// clearGraySeals takes the seals out of a page that is not in colour: by their rings on a
// black-and-white page, where no tone tells them, else by their tone.
func clearGraySeals(g *image.Gray) int {
	if g != nil && bilevel(g) {
		return EraseBilevelSeals(g)
	}
	return LightenGraySeals(g)
}

// EraseBilevelSeals finds the round seals of a black-and-white page g (its pixels black or
// white) and erases their rings. Pages with gray tones are left as they are (the tone tells
// their seals). It reports how many seals it found.
func EraseBilevelSeals(g *image.Gray) int {
	if g == nil {
		return 0
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	short := min(w, h)
	if short < 400 || !bilevel(g) {
		return 0
	}
	// The page reduced to about 600 pixels across its short side (75 DPI for A4), each pixel
	// the share of ink in its cell.
	f := max(1, short/600)
	rw, rh := w/f, h/f
	red := make([]int32, rw*rh)
	for y := 0; y < rh*f; y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+rw*f]
		base := (y / f) * rw
		for x, v := range row {
			if v < 128 {
				red[base+x/f]++
			}
		}
	}
	full := int32(f * f)
	// A seal is 28 to 50 mm across on a page 210 mm wide: its radius in reduced pixels.
	rShort := min(rw, rh)
	rMin, rMax := rShort*14/210, rShort*25/210
	if rMin < 8 {
		return 0
	}
	// Each edge votes for the centres along its normal at every radius a seal may have: a
	// ring's edges all vote for its centre, text's votes spread along lines.
	acc := make([]int32, rw*rh)
	at := func(x, y int) int32 { return red[y*rw+x] }
	for y := 1; y < rh-1; y++ {
		for x := 1; x < rw-1; x++ {
			gx := (at(x+1, y-1) + 2*at(x+1, y) + at(x+1, y+1)) - (at(x-1, y-1) + 2*at(x-1, y) + at(x-1, y+1))
			gy := (at(x-1, y+1) + 2*at(x, y+1) + at(x+1, y+1)) - (at(x-1, y-1) + 2*at(x, y-1) + at(x+1, y-1))
			m := math.Hypot(float64(gx), float64(gy))
			if m < float64(full) { // no edge: paper, or inside a blot
				continue
			}
			ux, uy := float64(gx)/m, float64(gy)/m
			for _, s := range [2]float64{1, -1} {
				for r := rMin; r <= rMax; r++ {
					cx, cy := x+int(math.Round(s*ux*float64(r))), y+int(math.Round(s*uy*float64(r)))
					if cx >= 0 && cy >= 0 && cx < rw && cy < rh {
						acc[cy*rw+cx]++
					}
				}
			}
		}
	}
	// The votes of a 5×5 neighbourhood: an edge's direction on the reduced page is a few
	// degrees off, which moves its vote a few pixels at a seal's radius.
	acc = boxSum(acc, rw, rh, 2)
	// Candidates: the strongest centres, each the best of its neighbourhood, tested by their rims.
	inked := func(x, y int) bool {
		if x < 0 || y < 0 || x >= rw || y >= rh {
			return false
		}
		return red[y*rw+x]*3 >= full // a third of the cell: a ring thinner than a cell still marks it
	}
	cover := func(cx, cy, r int) float64 {
		return rimShare(float64(cx), float64(cy), float64(r), int(2*math.Pi*float64(r))+1, inked)
	}
	// A ring's two edges all round, summed over the neighbourhood: a seal's centre had over
	// 4,000 on the evaluation set's feeder pages, text's best spots about 1,000.
	minVotes := int32(12 * math.Pi * float64(rMin))
	seals := 0
	for tries := 0; tries < 8; tries++ {
		best, bi := int32(0), -1
		for i, v := range acc {
			if v > best {
				best, bi = v, i
			}
		}
		if bi < 0 || best < minVotes {
			break
		}
		cx, cy := bi%rw, bi/rw
		// Done with this neighbourhood, whatever the test says.
		for y := max(0, cy-rMin); y < min(rh, cy+rMin+1); y++ {
			for x := max(0, cx-rMin); x < min(rw, cx+rMin+1); x++ {
				acc[y*rw+x] = 0
			}
		}
		// The centre and radius whose rim is best inked, near the vote's peak.
		bc, br, bs := image.Point{}, 0, 0.0
		for dy := -2; dy <= 2; dy++ {
			for dx := -2; dx <= 2; dx++ {
				for r := rMin; r <= rMax; r++ {
					if s := cover(cx+dx, cy+dy, r); s > bs {
						bc, br, bs = image.Pt(cx+dx, cy+dy), r, s
					}
				}
			}
		}
		// A ring: inked nearly all round, and paper for most of the way round just outside it
		// (a block of text is inked there too).
		if bs < 0.85 || cover(bc.X, bc.Y, br+3) > 0.5 {
			continue
		}
		seals++
		fx, fy, r := refineRing(g, float64(bc.X*f)+float64(f)/2, float64(bc.Y*f)+float64(f)/2, float64(br*f), float64(f))
		eraseRing(g, fx, fy, r)
		// An inner ring, if the seal has one: the best inked circle well inside, about the
		// same centre.
		inner, at := 0.0, 0.0
		for ir := r * 0.6; ir <= r*0.9; ir++ {
			if c := rimInk(g, fx, fy, ir, 720); c > inner {
				inner, at = c, ir
			}
		}
		if inner >= 0.7 {
			eraseRing(g, fx, fy, at)
			eraseSealText(g, fx, fy, at, r)
		}
	}
	return seals
}

// refineRing fits the ring found on the reduced page near the circle (cx, cy, r), within
// about a cell of side f, at full resolution: on each of 360 rays the middle of the run of
// ink nearest the circle, and the circle through those middles (least squares, then again
// without the points far off it: letters crossing the ring).
func refineRing(g *image.Gray, cx, cy, r, f float64) (float64, float64, float64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	reach := 3 * f
	var xs, ys []float64
	for k := 0; k < 360; k++ {
		a := 2 * math.Pi * float64(k) / 360
		ca, sa := math.Cos(a), math.Sin(a)
		best, bestOff := 0.0, math.Inf(1)
		start := math.Inf(-1)
		for d := r - reach; d <= r+reach+1; d++ {
			x, y := int(math.Round(cx+d*ca)), int(math.Round(cy+d*sa))
			on := d <= r+reach && x >= 0 && y >= 0 && x < w && y < h && g.Pix[y*g.Stride+x] < 128
			if on && math.IsInf(start, -1) {
				start = d
			}
			if !on && !math.IsInf(start, -1) {
				mid := (start + d - 1) / 2
				if off := math.Abs(mid - r); off < bestOff {
					best, bestOff = mid, off
				}
				start = math.Inf(-1)
			}
		}
		if !math.IsInf(bestOff, 1) {
			xs, ys = append(xs, cx+best*ca), append(ys, cy+best*sa)
		}
	}
	if len(xs) < 90 {
		return cx, cy, r
	}
	fx, fy, fr := fitCircle(xs, ys)
	// Again without the points more than 2 pixels off the first fit.
	var kx, ky []float64
	for i := range xs {
		if math.Abs(math.Hypot(xs[i]-fx, ys[i]-fy)-fr) <= 2 {
			kx, ky = append(kx, xs[i]), append(ky, ys[i])
		}
	}
	if len(kx) >= 90 {
		fx, fy, fr = fitCircle(kx, ky)
	}
	if math.Hypot(fx-cx, fy-cy) > 2*reach || math.Abs(fr-r) > 2*reach {
		return cx, cy, r // the fit ran off: keep the reduced page's
	}
	return fx, fy, fr
}

// fitCircle is the circle nearest the points in the least squares of x²+y²+Dx+Ey+F (Kåsa's
// fit), about their mean for precision.
func fitCircle(xs, ys []float64) (cx, cy, r float64) {
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx, my = mx/n, my/n
	var suu, svv, suv, suuu, svvv, suvv, svuu float64
	for i := range xs {
		u, v := xs[i]-mx, ys[i]-my
		suu += u * u
		svv += v * v
		suv += u * v
		suuu += u * u * u
		svvv += v * v * v
		suvv += u * v * v
		svuu += v * u * u
	}
	// The centre (uc, vc) solves [suu suv; suv svv]·(uc, vc) = ((suuu+suvv)/2, (svvv+svuu)/2).
	det := suu*svv - suv*suv
	if det == 0 {
		return mx, my, 0
	}
	b1, b2 := (suuu+suvv)/2, (svvv+svuu)/2
	uc, vc := (b1*svv-b2*suv)/det, (suu*b2-suv*b1)/det
	r = math.Sqrt(uc*uc + vc*vc + (suu+svv)/n)
	return mx + uc, my + vc, r
}

// rimInk is the share of n points round the circle (cx, cy, r) that are ink on g.
func rimInk(g *image.Gray, cx, cy, r float64, n int) float64 {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	return rimShare(cx, cy, r, n, func(x, y int) bool {
		return x >= 0 && y >= 0 && x < w && y < h && g.Pix[y*g.Stride+x] < 128
	})
}

// rimShare is the share of n points round the circle (cx, cy, r) for which ink holds.
func rimShare(cx, cy, r float64, n int, ink func(x, y int) bool) float64 {
	on := 0
	for k := 0; k < n; k++ {
		a := 2 * math.Pi * float64(k) / float64(n)
		if ink(int(math.Round(cx+r*math.Cos(a))), int(math.Round(cy+r*math.Sin(a)))) {
			on++
		}
	}
	return float64(on) / float64(n)
}

// eraseRing erases the ring of radius r about (cx, cy): its radial extent is where at least
// half the rays meet ink, and on each ray every run of ink lying within that extent (two
// pixels of slack) is erased. A run that goes on past it is a stroke of a letter over the
// ring, and stays whole.
func eraseRing(g *image.Gray, cx, cy, r float64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	ink := func(x, y int) bool {
		return x >= 0 && y >= 0 && x < w && y < h && g.Pix[y*g.Stride+x] < 128
	}
	// The ring's extent, from its profile across the rim.
	reach := math.Max(3, r*0.05)
	t1, t2 := 0.0, 0.0
	for t := -1.0; t >= -reach && rimInk(g, cx, cy, r+t, 720) >= 0.5; t-- {
		t1 = t
	}
	for t := 1.0; t <= reach && rimInk(g, cx, cy, r+t, 720) >= 0.5; t++ {
		t2 = t
	}
	lo, hi := r+t1-2, r+t2+2 // the run may not leave this span
	n := int(2*math.Pi*hi) * 2
	for k := 0; k < n; k++ {
		a := 2 * math.Pi * float64(k) / float64(n)
		ca, sa := math.Cos(a), math.Sin(a)
		pt := func(d float64) (int, int) { return int(math.Round(cx + d*ca)), int(math.Round(cy + d*sa)) }
		start := math.Inf(-1)
		for d := lo - 3; d <= hi+4; d++ {
			x, y := pt(d)
			if on := d <= hi+3 && ink(x, y); on {
				if math.IsInf(start, -1) {
					start = d
				}
				continue
			}
			if !math.IsInf(start, -1) && start >= lo && d-1 <= hi {
				for e := start; e < d; e++ {
					x, y := pt(e)
					g.Pix[y*g.Stride+x] = 255
				}
			}
			start = math.Inf(-1)
		}
	}
	// What the rays left of the ring's edges: lone ink pixels in its span, two neighbours at
	// most (a letter's stroke has more).
	for k := 0; k < n; k++ {
		a := 2 * math.Pi * float64(k) / float64(n)
		for d := lo - 1; d <= hi+1; d++ {
			x, y := int(math.Round(cx+d*math.Cos(a))), int(math.Round(cy+d*math.Sin(a)))
			if x < 1 || y < 1 || x >= w-1 || y >= h-1 || !ink(x, y) {
				continue
			}
			nb := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if (dx != 0 || dy != 0) && ink(x+dx, y+dy) {
						nb++
					}
				}
			}
			if nb <= 2 {
				g.Pix[y*g.Stride+x] = 255
			}
		}
	}
}

// eraseSealText erases the seal's own letters, printed round it between its rings (radii
// ri < ro): the pieces of ink that lie wholly between the rings, on rows where no ink lies
// beyond the outer ring (within a band of it). A letter of the page's text between the rings
// has the rest of its line on its rows, across the ring.
func eraseSealText(g *image.Gray, cx, cy, ri, ro float64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	box := image.Rect(int(cx-ro)-2, int(cy-ro)-2, int(cx+ro)+3, int(cy+ro)+3).Intersect(image.Rect(0, 0, w, h))
	bw := box.Dx()
	seen := make([]bool, bw*box.Dy())
	ink := func(x, y int) bool { return g.Pix[y*g.Stride+x] < 128 }
	radius := func(x, y int) float64 { return math.Hypot(float64(x)-cx, float64(y)-cy) }
	band := ro - ri
	var stack, comp []image.Point
	for y0 := box.Min.Y; y0 < box.Max.Y; y0++ {
		for x0 := box.Min.X; x0 < box.Max.X; x0++ {
			i0 := (y0-box.Min.Y)*bw + x0 - box.Min.X
			if seen[i0] || !ink(x0, y0) {
				continue
			}
			// One piece of ink (8-connected, within the box).
			seen[i0] = true
			stack, comp = append(stack[:0], image.Pt(x0, y0)), comp[:0]
			inside := true
			b := image.Rectangle{Min: image.Pt(x0, y0), Max: image.Pt(x0+1, y0+1)}
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				comp = append(comp, p)
				if d := radius(p.X, p.Y); d <= ri+2 || d >= ro-2 {
					inside = false
				}
				b = b.Union(image.Rect(p.X, p.Y, p.X+1, p.Y+1))
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						q := image.Pt(p.X+dx, p.Y+dy)
						if !q.In(box) {
							inside = false // it goes on out of the seal's box
							continue
						}
						if j := (q.Y-box.Min.Y)*bw + q.X - box.Min.X; !seen[j] && ink(q.X, q.Y) {
							seen[j] = true
							stack = append(stack, q)
						}
					}
				}
			}
			if !inside || float64(b.Dx()) > band || float64(b.Dy()) > band {
				continue
			}
			// Ink outside the rings on the piece's rows, across the seal and a band beyond: a
			// line of the page's text passes there.
			lined := false
			for y := b.Min.Y; y < b.Max.Y && !lined; y++ {
				for x := max(0, int(cx-ro-band)); x < min(w, int(cx+ro+band)); x++ {
					if radius(x, y) > ro+3 && ink(x, y) { // not inside: the star, a signature
						lined = true
						break
					}
				}
			}
			if !lined {
				for _, p := range comp {
					g.Pix[p.Y*g.Stride+p.X] = 255
				}
			}
		}
	}
}

// boxSum is a's sums over squares of side 2k+1 (a is rw × rh).
func boxSum(a []int32, rw, rh, k int) []int32 {
	tmp := make([]int32, len(a))
	for y := 0; y < rh; y++ {
		var s int32
		row := a[y*rw : (y+1)*rw]
		for x := 0; x < rw+k; x++ {
			if x < rw {
				s += row[x]
			}
			if x-2*k-1 >= 0 {
				s -= row[x-2*k-1]
			}
			if c := x - k; c >= 0 && c < rw {
				tmp[y*rw+c] = s
			}
		}
	}
	out := make([]int32, len(a))
	for x := 0; x < rw; x++ {
		var s int32
		for y := 0; y < rh+k; y++ {
			if y < rh {
				s += tmp[y*rw+x]
			}
			if y-2*k-1 >= 0 {
				s -= tmp[(y-2*k-1)*rw+x]
			}
			if c := y - k; c >= 0 && c < rh {
				out[c*rw+x] = s
			}
		}
	}
	return out
}

package scan

import (
	"image"
	"math"
)

// Skew is the detected angle of a page's text lines.
type Skew struct {
	// Degrees is positive when text lines rise to the right.
	Degrees float64
	// Confidence is the ratio of the best projection score to the worst in the coarse sweep
	// (Leptonica's measure); below MinSkewConfidence the angle is not trusted.
	Confidence float64
	// Across is the same coarse confidence with the page turned a quarter: text lines that run
	// down the page (a page scanned sideways) score high here and low in Confidence.
	Across float64
}

const (
	// MaxSkew is the widest angle searched, in degrees.
	MaxSkew = 15.0
	// MinSkewCorrection: smaller angles are left alone (resampling costs more than it gains).
	// The stored page is to be straight within 0.3°; on the evaluation set straightening from
	// 0.1° or from 1° made the same errors within 1 %.
	MinSkewCorrection = 0.1
	// MinSkewConfidence: below it the page has too little text to trust an angle.
	MinSkewConfidence = 1.5
	inkThreshold      = 160
)

// DetectSkew finds the text-line angle by projection profiles, as Leptonica does: shear the
// ink pixels by a candidate angle, histogram them per row, and score the sharpness of the
// histogram (sum of squared differences of adjacent rows). A coarse sweep on a 4x reduced
// image finds the neighbourhood; finer sweeps at 2x refine it.
func DetectSkew(g *image.Gray) Skew {
	p2, p4 := inkPoints(g, 2), inkPoints(g, 4)
	if len(p4.xy) < 200 {
		return Skew{}
	}
	best, bestS, worstS := 0.0, -1.0, math.MaxFloat64
	for a := -MaxSkew; a <= MaxSkew+1e-9; a += 1 {
		s := p4.score(a)
		if s > bestS {
			best, bestS = a, s
		}
		worstS = math.Min(worstS, s)
	}
	conf := 0.0
	if worstS > 0 {
		conf = bestS / worstS
	}
	// The finest sweep on the 2x reduction too: the plateau's centre places the angle within
	// about 0.02° on a page read at 200 DPI, finer than straightening needs
	// (MinSkewCorrection), for a quarter of the points of a full-resolution sweep.
	best = p2.sweep(best, 1.0, 0.1)
	best = p2.sweep(best, 0.1, 0.01)
	return Skew{Degrees: math.Round(best*100) / 100, Confidence: math.Round(conf*100) / 100,
		Across: math.Round(p4.transposed().coarseConfidence()*100) / 100}
}

// coarseConfidence is the best to worst projection score over the coarse sweep.
func (p points) coarseConfidence() float64 {
	bestS, worstS := -1.0, math.MaxFloat64
	for a := -MaxSkew; a <= MaxSkew+1e-9; a += 1 {
		s := p.score(a)
		bestS, worstS = math.Max(bestS, s), math.Min(worstS, s)
	}
	if worstS <= 0 {
		return 0
	}
	return bestS / worstS
}

// transposed swaps the axes: the page mirrored across its diagonal, which projects like the
// page turned a quarter (the sweep is symmetric in angle).
func (p points) transposed() points {
	q := points{xy: make([]int32, len(p.xy)), w: p.h, h: p.w}
	for i := 0; i < len(p.xy); i += 2 {
		q.xy[i], q.xy[i+1] = p.xy[i+1], p.xy[i]
	}
	return q
}

type points struct {
	xy   []int32 // x, y pairs in reduced pixels
	w, h int
}

// inkPoints lists the cells of a factor×factor grid whose mean is dark. Averaging (rather
// than taking any dark pixel) keeps scanner speckle from counting as text.
func inkPoints(g *image.Gray, factor int) points {
	if factor == 1 {
		return inkPixels(g)
	}
	w, h := g.Rect.Dx()/factor, g.Rect.Dy()/factor
	p := points{w: w, h: h, xy: make([]int32, 0, 1<<12)}
	limit := inkThreshold * factor * factor
	sums := make([]int, w)
	for ry := 0; ry < h; ry++ {
		clear(sums)
		for dy := 0; dy < factor; dy++ {
			row := g.Pix[(ry*factor+dy)*g.Stride:][:w*factor]
			// The factors skew detection uses most get loops the compiler keeps tight.
			switch factor {
			case 2:
				for rx := range sums {
					sums[rx] += int(row[2*rx]) + int(row[2*rx+1])
				}
			case 4:
				for rx := range sums {
					r := row[4*rx : 4*rx+4]
					sums[rx] += int(r[0]) + int(r[1]) + int(r[2]) + int(r[3])
				}
			default:
				for rx := range sums {
					for _, v := range row[rx*factor : (rx+1)*factor] {
						sums[rx] += int(v)
					}
				}
			}
		}
		for rx, s := range sums {
			if s < limit {
				p.xy = append(p.xy, int32(rx), int32(ry))
			}
		}
	}
	return p
}

// inkPixels is inkPoints at factor 1: every dark pixel.
func inkPixels(g *image.Gray) points {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	p := points{w: w, h: h, xy: make([]int32, 0, 1<<16)}
	for y := 0; y < h; y++ {
		for x, v := range g.Pix[y*g.Stride : y*g.Stride+w] {
			if v < inkThreshold {
				p.xy = append(p.xy, int32(x), int32(y))
			}
		}
	}
	return p
}

// score is the projection sharpness after shearing by angle degrees.
func (p points) score(deg float64) float64 {
	t := math.Tan(deg * math.Pi / 180)
	off := math.Abs(t)*float64(p.w) + 1
	bins := make([]int32, p.h+int(2*off)+2)
	for i := 0; i < len(p.xy); i += 2 {
		r := int(float64(p.xy[i+1]) + float64(p.xy[i])*t + off)
		bins[r]++
	}
	var s float64
	for i := 1; i < len(bins); i++ {
		d := float64(bins[i] - bins[i-1])
		s += d * d
	}
	return s
}

// sweep searches center±span in steps and returns the centre of the best plateau: at a given
// reduction several neighbouring angles shear to the same rows and score alike.
func (p points) sweep(center, span, step float64) float64 {
	n := int(math.Round(span / step))
	bestS := -1.0
	var first, last int
	for i := -n; i <= n; i++ {
		s := p.score(center + float64(i)*step)
		switch {
		case s > bestS:
			bestS, first, last = s, i, i
		case s == bestS && last == i-1:
			last = i
		}
	}
	return center + float64(first+last)/2*step
}

// Deskew detects the skew of g and, when it is confident and large enough, returns g turned
// straight, keeping its size and filling uncovered corners white.
func Deskew(g *image.Gray) (*image.Gray, Skew) {
	s := DetectSkew(g)
	return s.Straighten(g), s
}

// Straighten rotates g by the detected skew, or returns it as is when the angle is too small
// or not trusted. The skew may have been found on a reduced copy of g.
func (s Skew) Straighten(g *image.Gray) *image.Gray {
	if s.Confidence < MinSkewConfidence || math.Abs(s.Degrees) < MinSkewCorrection {
		return g
	}
	out := Rotate(g, -s.Degrees)
	if bilevel(g) {
		// A black-and-white scan stays black and white: the gray edges of bilinear sampling
		// read as blur to Tesseract (eurotext.tif, 1-bit: CER 0.0146 straightened in gray,
		// 0.0121 kept bilevel, as the CLI reads it unstraightened).
		for i, v := range out.Pix {
			if v < 128 {
				out.Pix[i] = 0
			} else {
				out.Pix[i] = 255
			}
		}
	}
	return out
}

// bilevel reports whether every pixel of g is black or white (sampled on a grid).
func bilevel(g *image.Gray) bool {
	step := max(1, len(g.Pix)/20000)
	for i := 0; i < len(g.Pix); i += step {
		if v := g.Pix[i]; v != 0 && v != 255 {
			return false
		}
	}
	return true
}

// Rotate turns g counter-clockwise by deg (imaging's convention) about its centre, keeping its
// size, with bilinear sampling and white where the turned page leaves the canvas; lines rising
// to the right by a are straightened by Rotate(g, -a). Written for gray pages in fixed point:
// imaging.Rotate converts to NRGBA and costs about nine times the skew detection.
func Rotate(g *image.Gray, deg float64) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	rad := deg * math.Pi / 180
	const one = 1 << 16
	cos, sin := int64(math.Cos(rad)*one), int64(math.Sin(rad)*one)
	cx, cy := int64(w)*one/2, int64(h)*one/2
	for y := 0; y < h; y++ {
		dy := int64(y)*one + one/2 - cy
		// Source of output pixel (x, y): the inverse turn of its offset from the centre,
		// stepped along the row.
		dx := one/2 - cx
		sx := cx + (dx*cos)>>16 - (dy*sin)>>16 - one/2
		sy := cy + (dx*sin)>>16 + (dy*cos)>>16 - one/2
		row := out.Pix[y*out.Stride : y*out.Stride+w]
		for x := range row {
			ix, iy := sx>>16, sy>>16
			if ix < 0 || iy < 0 || ix >= int64(w-1) || iy >= int64(h-1) {
				row[x] = 255
			} else {
				i := int(iy)*g.Stride + int(ix)
				p00, p10 := int64(g.Pix[i]), int64(g.Pix[i+1])
				p01, p11 := int64(g.Pix[i+g.Stride]), int64(g.Pix[i+g.Stride+1])
				if p00 == p10 && p00 == p01 && p00 == p11 {
					// Even paper (most of a page): what the weights below give, for less.
					row[x] = uint8(p00)
					sx += cos
					sy += sin
					continue
				}
				fx, fy := sx&(one-1), sy&(one-1)
				top := p00*one + (p10-p00)*fx
				bot := p01*one + (p11-p01)*fx
				row[x] = uint8((top*one + (bot-top)*fy) >> 32)
			}
			sx += cos
			sy += sin
		}
	}
	return out
}

// Turn rotates g clockwise by a quarter turn multiple (0, 90, 180, 270).
func Turn(g *image.Gray, clockwise int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	switch ((clockwise % 360) + 360) % 360 {
	case 90:
		out := image.NewGray(image.Rect(0, 0, h, w))
		for y := 0; y < h; y++ {
			row := g.Pix[y*g.Stride:]
			for x := 0; x < w; x++ {
				out.Pix[x*out.Stride+(h-1-y)] = row[x]
			}
		}
		return out
	case 180:
		out := image.NewGray(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			row := g.Pix[y*g.Stride:]
			dst := out.Pix[(h-1-y)*out.Stride:]
			for x := 0; x < w; x++ {
				dst[w-1-x] = row[x]
			}
		}
		return out
	case 270:
		out := image.NewGray(image.Rect(0, 0, h, w))
		for y := 0; y < h; y++ {
			row := g.Pix[y*g.Stride:]
			for x := 0; x < w; x++ {
				out.Pix[(w-1-x)*out.Stride+y] = row[x]
			}
		}
		return out
	}
	return g
}

// Shrink resizes g by f with bilinear sampling, for handing Tesseract a page at the resolution
// it reads best without paying for a general-purpose resize. Any f > 0 works; below 0.5 it
// skips pixels (aliasing), so reductions that large use a filtering resize.
func Shrink(g *image.Gray, f float64) *image.Gray {
	w, h := max(1, int(float64(g.Rect.Dx())*f+0.5)), max(1, int(float64(g.Rect.Dy())*f+0.5))
	out := image.NewGray(image.Rect(0, 0, w, h))
	const one = 1 << 16
	step := int64(one / f)
	sw, sh := int64(g.Rect.Dx()-1), int64(g.Rect.Dy()-1)
	for y := 0; y < h; y++ {
		sy := int64(y)*step + step/2 - one/2
		iy := min(max(sy>>16, 0), sh)
		fy := sy & (one - 1)
		if sy < 0 {
			fy = 0
		}
		iy1 := min(iy+1, sh)
		r0, r1 := g.Pix[int(iy)*g.Stride:], g.Pix[int(iy1)*g.Stride:]
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		sx := step/2 - one/2
		for x := range dst {
			ix := min(max(sx>>16, 0), sw)
			fx := sx & (one - 1)
			if sx < 0 {
				fx = 0
			}
			ix1 := min(ix+1, sw)
			if v := r0[ix]; v == r0[ix1] && v == r1[ix] && v == r1[ix1] {
				dst[x] = v // even paper: what the weights below give
				sx += step
				continue
			}
			top := int64(r0[ix])*one + (int64(r0[ix1])-int64(r0[ix]))*fx
			bot := int64(r1[ix])*one + (int64(r1[ix1])-int64(r1[ix]))*fx
			dst[x] = uint8((top*one + (bot-top)*fy) >> 32)
			sx += step
		}
	}
	return out
}

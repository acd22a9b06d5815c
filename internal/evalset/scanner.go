package evalset

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// Scanner is how a page is scanned: the device, the resolution, and what it does to the paper.
type Scanner struct {
	Source  string // "flatbed", "feeder", "phone", "fax"
	DPI     int    // horizontal; the rendering resolution
	DPIY    int    // vertical when it differs (fax: 200×100); 0 for DPI
	Colour  bool   // kept in colour (seals stay red)
	Format  string // "png", "jpeg"
	Quality int    // JPEG quality
	NoDPI   bool   // the file does not declare its resolution (phones)
	Bilevel bool   // thresholded to black and white (fax, some feeders)

	Skew  float64 // degrees, counter-clockwise: lines rise to the right
	Turn  int     // clockwise quarter turn of the paper on the glass
	Blur  float64 // Gaussian sigma, pixels
	Noise float64 // Gaussian sigma, gray levels
	Dust  int     // dark specks
	Light float64 // strength of uneven illumination, 0 none to about 0.5 (a phone's shadow)
	Bleed float64 // contrast of the back of the sheet showing through, 0 to about 0.25
	Paper [3]uint8
	Seed  uint64
}

// Straight is the same scan with the page placed straight and upright: what the bare CLI is
// given, at its best.
func (s Scanner) Straight() Scanner {
	s.Skew, s.Turn = 0, 0
	return s
}

// planes is an RGB image, one byte a channel.
type planes struct {
	w, h int
	c    [3][]uint8
}

func newPlanes(w, h int, fill [3]uint8) *planes {
	p := &planes{w: w, h: h}
	for i := range p.c {
		p.c[i] = make([]uint8, w*h)
		for j := range p.c[i] {
			p.c[i][j] = fill[i]
		}
	}
	return p
}

// scan prints l on paper and scans it; back is the other side of the sheet (bleed-through).
func (s Scanner) scan(front, back *layers) (*planes, error) {
	rng := rand.New(rand.NewPCG(s.Seed, 0x5ca77e4))
	w, h := front.ink.Rect.Dx(), front.ink.Rect.Dy()
	paper := s.Paper
	if paper == ([3]uint8{}) {
		paper = [3]uint8{250, 250, 248}
	}
	p := newPlanes(w, h, paper)
	toner := uint8(18 + rng.IntN(20))
	blue := [3]float64{40, 55, 150}
	red := [3]float64{210, 40, 50}
	var bleedA []uint8
	if back != nil && s.Bleed > 0 {
		bleedA = mirrorBlur(back.ink)
	}
	parallel(h, func(y0, y1 int) {
		for i := y0 * w; i < y1*w; i++ {
			ink, bi, ri := front.ink.Pix[i], front.blue.Pix[i], front.red.Pix[i]
			var bl uint8
			if bleedA != nil {
				bl = bleedA[i]
			}
			if ink|bi|ri|bl == 0 {
				continue // bare paper, as filled
			}
			a := float64(ink) / 255
			for c := 0; c < 3; c++ {
				v := float64(p.c[c][i])
				v *= 1 - s.Bleed*float64(bl)/255
				v = v*(1-a) + float64(toner)*a
				if bi > 0 {
					v *= 1 - float64(bi)/255*(1-blue[c]/255)
				}
				if ri > 0 {
					v *= 1 - 0.85*float64(ri)/255*(1-red[c]/255)
				}
				p.c[c][i] = uint8(min(255, max(0, v)))
			}
		}
	})
	if !s.Colour {
		// A gray or bilevel scanner keeps one channel: every later step runs on it alone.
		g := p.gray()
		p.c[0], p.c[1], p.c[2] = g.Pix, nil, nil
	}
	// On the glass: skewed, then turned.
	if s.Skew != 0 {
		p = p.rotate(s.Skew, [3]uint8{252, 252, 252})
	}
	p = p.turn(s.Turn)
	if s.Light > 0 {
		p.light(s.Light, rng)
	}
	if s.Blur > 0 {
		p.blur(s.Blur)
	}
	p.noise(s.Noise, s.Dust, s.DPI, rng)
	return p, nil
}

// mirrorBlur is the back's ink as seen through the paper: mirrored, diffused.
func mirrorBlur(a *image.Alpha) []uint8 {
	w, h := a.Rect.Dx(), a.Rect.Dy()
	p := &planes{w: w, h: h}
	m := make([]uint8, w*h)
	for y := 0; y < h; y++ {
		row := a.Pix[y*a.Stride:]
		for x := 0; x < w; x++ {
			m[y*w+x] = row[w-1-x]
		}
	}
	p.c[0], p.c[1], p.c[2] = m, nil, nil
	p.blur(2)
	return p.c[0]
}

// rotate turns p by deg counter-clockwise about its centre, bilinear, keeping its size.
func (p *planes) rotate(deg float64, fill [3]uint8) *planes {
	out := newPlanes(p.w, p.h, fill)
	for c := range p.c {
		if p.c[c] == nil {
			out.c[c] = nil
		}
	}
	a := deg * math.Pi / 180
	sin, cos := math.Sin(a), math.Cos(a)
	cx, cy := float64(p.w)/2, float64(p.h)/2
	for y := 0; y < p.h; y++ {
		dy := float64(y) + 0.5 - cy
		for x := 0; x < p.w; x++ {
			dx := float64(x) + 0.5 - cx
			// Counter-clockwise on screen (y down): the source of (dx, dy) is turned back.
			sx := cos*dx - sin*dy + cx - 0.5
			sy := sin*dx + cos*dy + cy - 0.5
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			if x0 < 0 || y0 < 0 || x0+1 >= p.w || y0+1 >= p.h {
				continue
			}
			fx, fy := sx-float64(x0), sy-float64(y0)
			i := y0*p.w + x0
			for c := 0; c < 3; c++ {
				if p.c[c] == nil {
					continue
				}
				s := p.c[c]
				v := (float64(s[i])*(1-fx)+float64(s[i+1])*fx)*(1-fy) + (float64(s[i+p.w])*(1-fx)+float64(s[i+p.w+1])*fx)*fy
				out.c[c][y*p.w+x] = uint8(v + 0.5)
			}
		}
	}
	return out
}

// turn turns p clockwise by a quarter-turn multiple.
func (p *planes) turn(cw int) *planes {
	if cw%360 == 0 {
		return p
	}
	w, h := p.w, p.h
	ow, oh := h, w
	if cw == 180 {
		ow, oh = w, h
	}
	out := &planes{w: ow, h: oh}
	for c := 0; c < 3; c++ {
		src := p.c[c]
		if src == nil {
			continue
		}
		dst := make([]uint8, ow*oh)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				var nx, ny int
				switch cw {
				case 90:
					nx, ny = h-1-y, x
				case 180:
					nx, ny = w-1-x, h-1-y
				case 270:
					nx, ny = y, w-1-x
				}
				dst[ny*ow+nx] = src[y*w+x]
			}
		}
		out.c[c] = dst
	}
	return out
}

// light darkens the page unevenly: a gradient from one side and a fall-off from a bright spot,
// as a lamp or a phone held over the page makes.
func (p *planes) light(strength float64, rng *rand.Rand) {
	cx, cy := rng.Float64()*float64(p.w), rng.Float64()*float64(p.h)
	gx, gy := rng.Float64()*2-1, rng.Float64()*2-1
	diag2 := float64(p.w)*float64(p.w) + float64(p.h)*float64(p.h)
	parallel(p.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			dy := float64(y) - cy
			for x := 0; x < p.w; x++ {
				dx := float64(x) - cx
				d2 := (dx*dx + dy*dy) / diag2
				lin := (gx*(float64(x)/float64(p.w)-0.5) + gy*(float64(y)/float64(p.h)-0.5)) * 0.5
				f := max(0.25, 1-strength*(0.7*d2*2+0.3*(lin+0.5)))
				i := y*p.w + x
				for c := 0; c < 3; c++ {
					if p.c[c] != nil {
						p.c[c][i] = uint8(float64(p.c[c][i]) * f)
					}
				}
			}
		}
	})
}

// blur is a separable Gaussian blur, rows split over the CPUs.
func (p *planes) blur(sigma float64) {
	r := int(math.Ceil(sigma * 3))
	k := make([]float32, 2*r+1)
	var sum float32
	for i := range k {
		x := float64(i - r)
		k[i] = float32(math.Exp(-x * x / (2 * sigma * sigma)))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	w, h := p.w, p.h
	tmp := make([]float32, w*h)
	for c := 0; c < 3; c++ {
		s := p.c[c]
		if s == nil {
			continue
		}
		parallel(h, func(y0, y1 int) {
			pad := make([]float32, w+2*r)
			for y := y0; y < y1; y++ {
				row := s[y*w : (y+1)*w]
				for x := range pad {
					pad[x] = float32(row[min(max(x-r, 0), w-1)])
				}
				out := tmp[y*w : (y+1)*w]
				for x := range out {
					var v float32
					for j, kv := range k {
						v += kv * pad[x+j]
					}
					out[x] = v
				}
			}
		})
		parallel(h, func(y0, y1 int) {
			acc := make([]float32, w)
			for y := y0; y < y1; y++ {
				clear(acc)
				for j, kv := range k {
					src := tmp[min(max(y+j-r, 0), h-1)*w:][:w]
					for x, v := range src {
						acc[x] += kv * v
					}
				}
				dst := s[y*w : (y+1)*w]
				for x, v := range acc {
					dst[x] = uint8(v + 0.5)
				}
			}
		})
	}
}

// parallel runs f over [0, n) in one band per CPU.
func parallel(n int, f func(lo, hi int)) {
	cpus := runtime.NumCPU()
	var wg sync.WaitGroup
	for i := 0; i < cpus; i++ {
		lo, hi := n*i/cpus, n*(i+1)/cpus
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// normals is a table of standard normal draws: sensor noise needs their distribution, not
// their independence, and drawing one per pixel and channel was most of a page's time.
var normals = func() []float32 {
	rng := rand.New(rand.NewPCG(7, 11))
	t := make([]float32, 1<<16)
	for i := range t {
		t[i] = float32(rng.NormFloat64())
	}
	return t
}()

// noise adds sensor noise and dust: dark specks of a few pixels, as on a scanner's glass.
func (p *planes) noise(sigma float64, dust, dpi int, rng *rand.Rand) {
	if sigma > 0 {
		sg := float32(sigma)
		var bits uint64
		for i := 0; i < p.w*p.h; i++ {
			if i%3 == 0 {
				bits = rng.Uint64()
			}
			b := bits >> (16 * (i % 3))
			n := normals[b&0xffff] * sg
			for c := 0; c < 3; c++ {
				if p.c[c] == nil {
					continue
				}
				v := float32(p.c[c][i]) + n + normals[(b>>(8+4*c))&0xffff]*sg*0.3
				p.c[c][i] = uint8(min(255, max(0, v)))
			}
		}
	}
	scale := float64(dpi) / 300
	for d := 0; d < dust; d++ {
		cx, cy := rng.Float64()*float64(p.w), rng.Float64()*float64(p.h)
		r := (0.6 + rng.Float64()*rng.Float64()*2.4) * scale
		tone := 20 + rng.Float64()*90
		for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
			for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
				if x < 0 || y < 0 || x >= p.w || y >= p.h {
					continue
				}
				a := math.Max(0, math.Min(1, r+0.5-math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)))
				if a == 0 {
					continue
				}
				i := y*p.w + x
				for c := 0; c < 3; c++ {
					if p.c[c] != nil {
						p.c[c][i] = uint8(float64(p.c[c][i])*(1-a) + tone*a)
					}
				}
			}
		}
	}
}

func (p *planes) gray() *image.Gray {
	g := image.NewGray(image.Rect(0, 0, p.w, p.h))
	if p.c[1] == nil {
		copy(g.Pix, p.c[0])
		return g
	}
	for i := range g.Pix {
		g.Pix[i] = uint8((19595*uint32(p.c[0][i]) + 38470*uint32(p.c[1][i]) + 7471*uint32(p.c[2][i]) + 1<<15) >> 16)
	}
	return g
}

func (p *planes) rgba() *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, p.w, p.h))
	for i := 0; i < p.w*p.h; i++ {
		m.Pix[4*i], m.Pix[4*i+1], m.Pix[4*i+2], m.Pix[4*i+3] = p.c[0][i], p.c[1][i], p.c[2][i], 255
	}
	return m
}

// encode writes the scanned page as the device would.
func (s Scanner) encode(p *planes) ([]byte, error) {
	var img image.Image
	switch {
	case s.Bilevel:
		g := p.gray()
		img = bilevel(g, s.DPIY != 0 && s.DPIY < s.DPI, s.DPI, s.DPIY)
	case s.Colour:
		img = p.rgba()
	default:
		img = p.gray()
	}
	var buf bytes.Buffer
	dpiY := s.DPIY
	if dpiY == 0 {
		dpiY = s.DPI
	}
	switch s.Format {
	case "jpeg":
		q := s.Quality
		if q == 0 {
			q = 85
		}
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, err
		}
		if s.NoDPI {
			return buf.Bytes(), nil
		}
		return withJFIF(buf.Bytes(), s.DPI, dpiY), nil
	case "png", "":
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, img); err != nil {
			return nil, err
		}
		if s.NoDPI {
			return buf.Bytes(), nil
		}
		return withPHYs(buf.Bytes(), s.DPI, dpiY), nil
	}
	return nil, fmt.Errorf("evalset: no encoder for %q", s.Format)
}

// bilevel thresholds g to black and white; squash halves the rows (a fax's 100 lines an
// inch against 200 dots across), each kept row darker of its pair.
func bilevel(g *image.Gray, squash bool, dpi, dpiY int) *image.Paletted {
	h := g.Rect.Dy()
	step := 1
	if squash {
		step = max(1, int(math.Round(float64(dpi)/float64(dpiY))))
		h /= step
	}
	w := g.Rect.Dx()
	out := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.Gray{0}, color.Gray{255}})
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint8(255)
			for k := 0; k < step; k++ {
				v = min(v, g.Pix[(y*step+k)*g.Stride+x])
			}
			if v >= 150 {
				out.Pix[y*out.Stride+x] = 1
			}
		}
	}
	return out
}

// withPHYs puts a pHYs chunk (pixels per metre) after a PNG's header.
func withPHYs(b []byte, dpiX, dpiY int) []byte {
	var chunk bytes.Buffer
	data := make([]byte, 9)
	binary.BigEndian.PutUint32(data, uint32(math.Round(float64(dpiX)/0.0254)))
	binary.BigEndian.PutUint32(data[4:], uint32(math.Round(float64(dpiY)/0.0254)))
	data[8] = 1
	_ = binary.Write(&chunk, binary.BigEndian, uint32(len(data)))
	chunk.WriteString("pHYs")
	chunk.Write(data)
	_ = binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("pHYs"), data...)))
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	out := append([]byte{}, b[:ihdrEnd]...)
	out = append(out, chunk.Bytes()...)
	return append(out, b[ihdrEnd:]...)
}

// withJFIF puts a JFIF APP0 segment with the resolution after a JPEG's start marker (Go's
// encoder writes none).
func withJFIF(b []byte, dpiX, dpiY int) []byte {
	app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, byte(dpiX >> 8), byte(dpiX), byte(dpiY >> 8), byte(dpiY), 0, 0}
	out := append([]byte{}, b[:2]...)
	out = append(out, app0...)
	return append(out, b[2:]...)
}

package scan

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// sealPage is an A4 page at 100 DPI (827x1169) in colour: a black bar of "text" with a red
// seal ring (40 mm) and star over its right end, a red title line (long and thin) at the top,
// a rectangular red box stamp, and a patch of orange skin tone (an ID card's photo).
func sealPage(model func(image.Rectangle) image.Image) (image.Image, map[string]image.Point) {
	return sealPageAt(model, 1)
}

// sealPageAt is sealPage at k times 100 DPI.
func sealPageAt(model func(image.Rectangle) image.Image, k int) (image.Image, map[string]image.Point) {
	m := model(image.Rect(0, 0, 827*k, 1169*k))
	set := m.(interface{ Set(x, y int, c color.Color) })
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			set.Set(x, y, color.RGBA{245, 243, 235, 255})
		}
	}
	fill := func(r image.Rectangle, c color.RGBA) {
		r = image.Rect(r.Min.X*k, r.Min.Y*k, r.Max.X*k, r.Max.Y*k)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				set.Set(x, y, c)
			}
		}
	}
	red := color.RGBA{205, 45, 55, 255}
	fill(image.Rect(100, 60, 700, 72), red)                              // red title line
	fill(image.Rect(450, 900, 690, 912), color.RGBA{20, 20, 20, 255})    // the signer's name
	fill(image.Rect(100, 400, 300, 460), color.RGBA{224, 172, 140, 255}) // skin
	fill(image.Rect(100, 600, 300, 612), red)                            // box stamp: four sides
	fill(image.Rect(100, 660, 300, 672), red)
	fill(image.Rect(100, 600, 112, 672), red)
	fill(image.Rect(288, 600, 300, 672), red)
	cx, cy, r := 600.0*float64(k), 890.0*float64(k), 78.0*float64(k) // 40 mm at 100 DPI is 157 px across
	for y := int(cy - r - 2); y <= int(cy+r+2); y++ {
		for x := int(cx - r - 2); x <= int(cx+r+2); x++ {
			d := math.Hypot(float64(x)-cx, float64(y)-cy)
			onRing := math.Abs(d-r) < 3*float64(k) || math.Abs(d-r*0.8) < 2*float64(k)
			if onRing || d < 15*float64(k) {
				if c := m.At(x, y); gray8(c) < 60 {
					continue // black ink over red stays black: toner on top of the seal
				}
				set.Set(x, y, red)
			}
		}
	}
	return m, map[string]image.Point{
		"ring": {int(cx), int(cy - r)}, "star": {int(cx), int(cy)}, "under": {640 * k, 905 * k},
		"title": {400 * k, 66 * k}, "skin": {200 * k, 430 * k}, "box": {200 * k, 606 * k},
	}
}

func gray8(c color.Color) uint8 { return color.GrayModel.Convert(c).(color.Gray).Y }

func TestLightenSeals(t *testing.T) {
	for name, model := range map[string]func(image.Rectangle) image.Image{
		"rgba":  func(r image.Rectangle) image.Image { return image.NewRGBA(r) },
		"nrgba": func(r image.Rectangle) image.Image { return image.NewNRGBA(r) },
	} {
		t.Run(name, func(t *testing.T) {
			m, at := sealPage(model)
			g := Gray(m)
			before := func(k string) uint8 { return g.GrayAt(at[k].X, at[k].Y).Y }
			was := map[string]uint8{}
			for k := range at {
				was[k] = before(k)
			}
			if n := LightenSeals(m, g); n != 1 {
				t.Fatalf("lightened %d seals, want 1", n)
			}
			for _, k := range []string{"ring", "star"} {
				if v := before(k); v < 190 {
					t.Errorf("seal's %s: gray %d (was %d), want ≥ 190", k, v, was[k])
				}
			}
			for _, k := range []string{"under", "title", "skin", "box"} {
				if v := before(k); v != was[k] {
					t.Errorf("%s changed: gray %d, was %d", k, v, was[k])
				}
			}
		})
	}
}

// ycbcrOf is src as a colour JPEG decodes: 4:2:0 YCbCr.
func ycbcrOf(src image.Image) *image.YCbCr {
	b := src.Bounds()
	m := image.NewYCbCr(b, image.YCbCrSubsampleRatio420)
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			r, g, bl, _ := src.At(x, y).RGBA()
			yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(bl>>8))
			m.Y[m.YOffset(x, y)] = yy
			if x%2 == 0 && y%2 == 0 {
				m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)] = cb, cr
			}
		}
	}
	return m
}

func TestLightenSealsJPEGPlanes(t *testing.T) {
	src, at := sealPage(func(r image.Rectangle) image.Image { return image.NewRGBA(r) })
	m := ycbcrOf(src)
	g := Gray(m)
	under := g.GrayAt(at["under"].X, at["under"].Y).Y
	if n := LightenSeals(m, g); n != 1 {
		t.Fatalf("lightened %d seals, want 1", n)
	}
	if v := g.GrayAt(at["ring"].X, at["ring"].Y).Y; v < 180 {
		t.Errorf("seal's ring: gray %d, want ≥ 180", v)
	}
	if v := g.GrayAt(at["under"].X, at["under"].Y).Y; v > under+20 {
		t.Errorf("black under the seal: gray %d, was %d", v, under)
	}
}

func TestLightenSealsGrayUntouched(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 800, 1100))
	if n := LightenSeals(g, Gray(g)); n != 0 {
		t.Errorf("a gray page: %d seals", n)
	}
}

// BenchmarkLightenSeals: a colour A4 page at 300 DPI (as a JPEG decodes) with one seal, and
// the same page without it (the cost every colour page pays to be searched).
func BenchmarkLightenSeals(b *testing.B) {
	src, _ := sealPageAt(func(r image.Rectangle) image.Image { return image.NewRGBA(r) }, 3)
	m := ycbcrOf(src)
	g := Gray(m)
	plain := image.NewYCbCr(m.Rect, image.YCbCrSubsampleRatio420)
	copy(plain.Y, m.Y)
	for i := range plain.Cb {
		plain.Cb[i], plain.Cr[i] = 128, 128
	}
	for _, c := range []struct {
		name string
		m    *image.YCbCr
	}{{"seal", m}, {"none", plain}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				LightenSeals(c.m, g)
			}
		})
	}
}

func TestLightenGraySeals(t *testing.T) {
	for _, k := range []int{1, 3} { // 100 and 300 DPI
		m, at := sealPageAt(func(r image.Rectangle) image.Image { return image.NewRGBA(r) }, k)
		g := Gray(m)
		was := map[string]uint8{}
		for name, p := range at {
			was[name] = g.GrayAt(p.X, p.Y).Y
		}
		if n := LightenGraySeals(g); n != 1 {
			t.Fatalf("%d00 DPI: lightened %d seals, want 1", k, n)
		}
		for _, name := range []string{"ring", "star"} {
			if v := g.GrayAt(at[name].X, at[name].Y).Y; v < 190 {
				t.Errorf("%d00 DPI: seal's %s: gray %d (was %d), want ≥ 190", k, name, v, was[name])
			}
		}
		// The name under the seal, the red title line, the skin tone and the box stamp (gray
		// now, but not round) stay as they were.
		for _, name := range []string{"under", "title", "skin", "box"} {
			if v := g.GrayAt(at[name].X, at[name].Y).Y; v != was[name] {
				t.Errorf("%d00 DPI: %s changed: gray %d, was %d", k, name, v, was[name])
			}
		}
	}
}

// TestLightenGraySealsLeavesOthers: what is of a seal's tone on a gray page but no seal: a
// gray photo (an ID card's), a round gray logo filled in, a paragraph of blurred text whose
// soft edges are all mid gray, and a ring drawn in black (a form's circle to tick).
func TestLightenGraySealsLeavesOthers(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 2480, 3508))
	for i := range g.Pix {
		g.Pix[i] = 240
	}
	fill := func(r image.Rectangle, v uint8) {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				g.Pix[y*g.Stride+x] = v
			}
		}
	}
	fill(image.Rect(200, 300, 650, 900), 130) // photo, 38 × 51 mm
	for y := 1200; y < 1700; y++ {            // filled disc, 40 mm
		for x := 1400; x < 1900; x++ {
			if math.Hypot(float64(x-1650), float64(y-1450)) < 230 {
				g.Pix[y*g.Stride+x] = 120
			}
		}
	}
	for line := 0; line < 12; line++ { // blurred text: strokes 3 px, with 3 px of mid-gray edges
		y0 := 2000 + line*60
		for x := 200; x < 1200; x += 14 {
			fill(image.Rect(x, y0, x+9, y0+30), 150)
			fill(image.Rect(x+3, y0+3, x+6, y0+27), 30)
		}
	}
	for y := 2100; y < 2600; y++ { // a black ring
		for x := 1500; x < 2000; x++ {
			if math.Abs(math.Hypot(float64(x-1750), float64(y-2350))-220) < 4 {
				g.Pix[y*g.Stride+x] = 20
			}
		}
	}
	before := append([]uint8(nil), g.Pix...)
	if n := LightenGraySeals(g); n != 0 {
		t.Errorf("lightened %d seals on a page without any", n)
	}
	for i := range before {
		if g.Pix[i] != before[i] {
			t.Fatalf("pixel (%d, %d) changed", i%g.Stride, i/g.Stride)
		}
	}
}

// BenchmarkLightenGraySeals: a gray A4 page at 300 DPI with one seal, and a page without one
// (what every gray page pays).
func BenchmarkLightenGraySeals(b *testing.B) {
	src, _ := sealPageAt(func(r image.Rectangle) image.Image { return image.NewRGBA(r) }, 3)
	withSeal := Gray(src)
	plain := image.NewGray(withSeal.Rect)
	for i := range plain.Pix {
		plain.Pix[i] = 240
	}
	for _, c := range []struct {
		name string
		g    *image.Gray
	}{{"seal", withSeal}, {"none", plain}} {
		b.Run(c.name, func(b *testing.B) {
			g := image.NewGray(c.g.Rect)
			for b.Loop() {
				copy(g.Pix, c.g.Pix)
				LightenGraySeals(g)
			}
		})
	}
}

package scan

import (
	"bytes"
	"image"
	"math"
	"testing"
)

// bilevelPage is a white A4 page at 300 DPI with lines of "text" (black bars of letter
// height, broken into words) and, when seal is set, a seal's two rings (19 and 14.5 mm, 0.7 and
// 0.4 mm thick) over the end of the text, with a bar crossing them as a letter's stroke would.
func bilevelPage(seal bool) (*image.Gray, image.Point) {
	g := image.NewGray(image.Rect(0, 0, 2480, 3508))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	fill := func(r image.Rectangle) {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				g.Pix[y*g.Stride+x] = 0
			}
		}
	}
	for y := 300; y < 1200; y += 70 { // above the seal, but for the line below
		for x := 250; x < 2200; x += 180 {
			fill(image.Rect(x, y, x+150, y+30))
		}
	}
	c := image.Pt(1650, 1500)
	if seal {
		for _, ring := range []struct{ r, t float64 }{{224, 8}, {171, 5}} {
			for y := c.Y - 240; y <= c.Y+240; y++ {
				for x := c.X - 240; x <= c.X+240; x++ {
					if math.Abs(math.Hypot(float64(x-c.X), float64(y-c.Y))-ring.r) <= ring.t/2 {
						g.Pix[y*g.Stride+x] = 0
					}
				}
			}
		}
	}
	fill(image.Rect(1300, c.Y-200, 2000, c.Y-170)) // a line of the signature block across the rings
	return g, c
}

func TestEraseBilevelSeals(t *testing.T) {
	g, c := bilevelPage(true)
	before := append([]uint8(nil), g.Pix...)
	if n := EraseBilevelSeals(g); n != 1 {
		t.Fatalf("found %d seals, want 1", n)
	}
	// The rings are gone, away from the line across them.
	left := 0
	for k := 0; k < 720; k++ {
		a := 2 * math.Pi * float64(k) / 720
		for _, r := range []float64{224, 171} {
			x, y := c.X+int(math.Round(r*math.Cos(a))), c.Y+int(math.Round(r*math.Sin(a)))
			if y >= c.Y-205 && y <= c.Y-165 {
				continue
			}
			if g.Pix[y*g.Stride+x] < 128 {
				left++
			}
		}
	}
	if left > 14 { // 1 %
		t.Errorf("%d of 1,440 points of the rings still inked", left)
	}
	// The text and the line across the rings are whole.
	for y := 0; y < 3508; y++ {
		for x := 0; x < 2480; x++ {
			d := math.Hypot(float64(x-c.X), float64(y-c.Y))
			onRing := math.Abs(d-224) <= 6 || math.Abs(d-171) <= 5
			i := y*g.Stride + x
			if before[i] == 0 && g.Pix[i] != 0 && (!onRing || (y >= c.Y-200 && y < c.Y-170)) {
				t.Fatalf("ink at %d,%d erased", x, y)
			}
		}
	}
}

// TestEraseBilevelSealsLeavesOthers: a page of text without a seal, and a gray page, are
// untouched.
func TestEraseBilevelSealsLeavesOthers(t *testing.T) {
	g, _ := bilevelPage(false)
	before := append([]uint8(nil), g.Pix...)
	if n := EraseBilevelSeals(g); n != 0 || !bytes.Equal(before, g.Pix) {
		t.Errorf("a page without a seal: %d seals, changed %v", n, !bytes.Equal(before, g.Pix))
	}
	s, _ := bilevelPage(true)
	s.Pix[0] = 128 // one gray pixel: not a black-and-white page
	before = append([]uint8(nil), s.Pix...)
	if n := EraseBilevelSeals(s); n != 0 || !bytes.Equal(before, s.Pix) {
		t.Errorf("a gray page: %d seals", n)
	}
}

func BenchmarkEraseBilevelSeals(b *testing.B) {
	page, _ := bilevelPage(true)
	g := image.NewGray(page.Rect)
	for i := 0; i < b.N; i++ {
		copy(g.Pix, page.Pix)
		EraseBilevelSeals(g)
	}
}

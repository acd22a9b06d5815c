package scan_test

import (
	"image"
	"testing"

	"github.com/sohoa/sohoa/scan"
)

// A page under a shadow (paper from 250 on the left to 90 on the right) with text of ink 30
// everywhere: flattened, paper is white on both sides and the text stays dark, so one global
// threshold reads both halves.
func TestFlattenBackground(t *testing.T) {
	const w, h = 1200, 800
	g := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			paper := 250 - 160*x/w
			v := paper
			if (y/20)%3 == 1 && (x/6)%4 != 0 { // strokes of "text"
				v = paper * 30 / 250
			}
			g.Pix[y*g.Stride+x] = uint8(v)
		}
	}
	f := scan.FlattenBackground(g, 200)
	for _, x := range []int{54, 606, 1146} { // (x/6)%4 == 1: a stroke
		paper, ink := f.GrayAt(x, 5).Y, f.GrayAt(x, 25).Y
		if paper < 235 {
			t.Errorf("x=%d: paper %d after flattening, want white", x, paper)
		}
		if ink > 60 {
			t.Errorf("x=%d: ink %d after flattening, want dark", x, ink)
		}
	}
}

// Specks far from the text go; the dot of an i, a tone mark and a full stop next to their
// letters stay.
func TestRemoveSpecks(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 600, 400))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	fill := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = 20
			}
		}
	}
	fill(100, 100, 104, 140) // a letter stem
	fill(100, 93, 104, 97)   // its dot, 3 px above
	fill(110, 136, 113, 140) // a full stop beside it
	fill(400, 300, 403, 303) // dust, alone
	fill(500, 50, 502, 52)   // dust, alone
	out, n := scan.RemoveSpecks(g, 200)
	if n != 2 {
		t.Errorf("%d specks erased, want 2", n)
	}
	if out.GrayAt(401, 301).Y != 255 || out.GrayAt(500, 50).Y != 255 {
		t.Error("dust left on the page")
	}
	if out.GrayAt(101, 94).Y != 20 || out.GrayAt(111, 137).Y != 20 || out.GrayAt(101, 120).Y != 20 {
		t.Error("a dot, a full stop or a letter was erased")
	}
}

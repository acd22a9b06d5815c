package scan

import (
	"image"
	"testing"
)

// linesPage is a page of text-like lines lh pixels high: words of block letters, a line gap
// as high as the lines.
func linesPage(lh int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for y0 := 120; y0+lh < 1650; y0 += 2 * lh {
		for x0 := 100; x0+lh < 1140; x0 += lh * 3 / 4 {
			if (x0/lh)%6 == 5 {
				continue // a space between words
			}
			for y := y0; y < y0+lh; y++ {
				for x := x0; x < x0+lh/2; x++ {
					g.Pix[y*g.Stride+x] = 0
				}
			}
		}
	}
	return g
}

// Lines under 24 px are brought to the 36 px Tesseract reads lines at (at most 3x); huge type
// is brought down.
func TestTextScale(t *testing.T) {
	for _, c := range []struct {
		lh   int
		want float64
	}{
		{30, 1}, {90, 1}, {24, 1},
		{22, 36.0 / 22}, {20, 1.8}, {18, 2}, {12, 3}, {8, 3},
		{120, 0.4},
	} {
		g := linesPage(c.lh)
		if got := LineHeight(g); got < c.lh-2 || got > c.lh+2 {
			t.Fatalf("%d px lines measured %d px", c.lh, got)
		}
		if f := TextScale(g, DefaultLimits); f < c.want*0.95 || f > c.want*1.05 {
			t.Errorf("%d px lines: scale %.2f, want %.2f", c.lh, f, c.want)
		}
	}
}

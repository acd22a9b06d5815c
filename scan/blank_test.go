package scan_test

import (
	"image"
	"math/rand/v2"
	"testing"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/scan"
)

// A sheet is blank when, cleaned, it holds no ink: sensor noise, dust, bleed-through of the
// other side and an edge shadow leave it blank; one word, a few strokes of a signature do not.
func TestBlank(t *testing.T) {
	const dpi = 200
	sheet := func(seed uint64) *image.Gray {
		g := image.NewGray(image.Rect(0, 0, 1654, 2339))
		rng := rand.New(rand.NewPCG(seed, 7))
		for i := range g.Pix {
			g.Pix[i] = uint8(236 + rng.IntN(14))
		}
		for k := 0; k < 300; k++ { // dust
			x, y := rng.IntN(1640), rng.IntN(2330)
			g.Pix[y*g.Stride+x], g.Pix[y*g.Stride+x+1] = 50, 70
		}
		for y := 400; y < 1400; y += 40 { // bleed-through: the other side's lines, faint
			for x := 200; x < 1400; x++ {
				g.Pix[y*g.Stride+x] = 200
			}
		}
		for y := 0; y < 2339; y++ { // the feeder's edge shadow
			for x := 0; x < 30; x++ {
				g.Pix[y*g.Stride+x] = 40
			}
		}
		return g
	}
	blank := func(g *image.Gray) bool {
		c := scan.FlattenBackground(g, dpi)
		c, _ = scan.RemoveSpecks(c, dpi)
		return scan.Blank(c, dpi, g)
	}
	if !blank(sheet(1)) {
		t.Error("a blank sheet with noise, dust, bleed-through and an edge shadow: not blank")
	}
	word, err := synth.Render(synth.Page{Lines: []synth.Line{{Text: "Trống"}}}, synth.Options{DPI: dpi})
	if err != nil {
		t.Fatal(err)
	}
	g := sheet(2)
	for y := 0; y < word.Rect.Dy(); y++ { // the word in the middle of the sheet
		for x := 0; x < word.Rect.Dx(); x++ {
			if v := word.Pix[y*word.Stride+x]; v < 128 {
				g.Pix[(1100+y)*g.Stride+700+x] = v
			}
		}
	}
	if blank(g) {
		t.Error("a sheet with one word read as blank")
	}
	g = sheet(3)
	for x := 600; x < 900; x++ { // a signature's stroke, 0.4 mm wide
		y := 1500 + int(30*float64((x%60)-30)/30)
		for d := 0; d < 3; d++ {
			g.Pix[(y+d)*g.Stride+x] = 30
		}
	}
	if blank(g) {
		t.Error("a sheet with a signature read as blank")
	}
	g = sheet(4)
	for y := 300; y < 2000; y++ { // a photo: soft shading, washed out by the cleaning
		for x := 200; x < 1400; x++ {
			g.Pix[y*g.Stride+x] = uint8(110 + (x+y)%90)
		}
	}
	if blank(g) {
		t.Error("a photo read as blank")
	}
}

package scan

import (
	"image"
	"math/rand/v2"
	"slices"
	"testing"
)

// inkPoints' unrolled factors give exactly the definition, on odd sizes too.
func TestInkPointsMatchDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range [][2]int{{1, 1}, {3, 5}, {17, 9}, {203, 301}, {640, 480}} {
		g := image.NewGray(image.Rect(0, 0, size[0], size[1]))
		for i := range g.Pix {
			g.Pix[i] = uint8(rng.IntN(256))
		}
		for f, got := range map[int]points{1: inkPoints(g, 1), 2: inkPoints(g, 2), 4: inkPoints(g, 4)} {
			want := inkPointsGeneric(g, f)
			if got.w != want.w || got.h != want.h || !slices.Equal(got.xy, want.xy) {
				t.Errorf("%dx%d factor %d: %d points (%dx%d), want %d (%dx%d)", size[0], size[1], f,
					len(got.xy)/2, got.w, got.h, len(want.xy)/2, want.w, want.h)
			}
		}
	}
}

// inkPointsGeneric is inkPoints' definition, cell by cell.
func inkPointsGeneric(g *image.Gray, factor int) points {
	w, h := g.Rect.Dx()/factor, g.Rect.Dy()/factor
	p := points{w: w, h: h}
	for ry := 0; ry < h; ry++ {
		for rx := 0; rx < w; rx++ {
			s := 0
			for dy := 0; dy < factor; dy++ {
				for dx := 0; dx < factor; dx++ {
					s += int(g.Pix[(ry*factor+dy)*g.Stride+rx*factor+dx])
				}
			}
			if s < inkThreshold*factor*factor {
				p.xy = append(p.xy, int32(rx), int32(ry))
			}
		}
	}
	return p
}

// inkPoints at other factors (LineHeight uses 2; 3 takes the generic loop) matches too.
func TestInkPointsFactors(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	g := image.NewGray(image.Rect(0, 0, 211, 157))
	for i := range g.Pix {
		g.Pix[i] = uint8(rng.IntN(256))
	}
	for _, f := range []int{2, 3, 4, 5} {
		got, want := inkPoints(g, f), inkPointsGeneric(g, f)
		if got.w != want.w || got.h != want.h || !slices.Equal(got.xy, want.xy) {
			t.Errorf("factor %d: %d points, want %d", f, len(got.xy)/2, len(want.xy)/2)
		}
	}
}

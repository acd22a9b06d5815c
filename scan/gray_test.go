package scan

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// Gray's palette lookup gives exactly what the general conversion over white gives, with
// opaque, translucent and transparent entries, and from a sub-image.
func TestGrayPalettedMatchesGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{2, 16, 256} {
		pal := make(color.Palette, n)
		for i := range pal {
			a := uint8(255)
			switch i % 4 {
			case 1:
				a = 0
			case 2:
				a = uint8(rng.IntN(256))
			}
			// Palette colours are non-premultiplied, as image/png decodes them.
			pal[i] = color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), a}
		}
		m := image.NewPaletted(image.Rect(0, 0, 97, 61), pal)
		for i := range m.Pix {
			m.Pix[i] = uint8(rng.IntN(n))
		}
		sameAsGeneral(t, m)
		sameAsGeneral(t, m.SubImage(image.Rect(5, 7, 90, 60)))
	}
}

// The colour path gives exactly what the general conversion over white gives.
func TestGrayColourMatchesGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	r := image.Rect(0, 0, 83, 57)
	nrgba, rgba := image.NewNRGBA(r), image.NewRGBA(r)
	for i := 0; i < len(nrgba.Pix); i += 4 {
		a := uint8(rng.IntN(256))
		if i%12 == 0 {
			a = 255
		}
		nrgba.Pix[i], nrgba.Pix[i+1], nrgba.Pix[i+2], nrgba.Pix[i+3] = uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), a
		// RGBA is premultiplied: no channel above alpha.
		rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2], rgba.Pix[i+3] = uint8(rng.IntN(int(a)+1)), uint8(rng.IntN(int(a)+1)), uint8(rng.IntN(int(a)+1)), a
	}
	for _, m := range []image.Image{nrgba, rgba, nrgba.SubImage(image.Rect(3, 4, 80, 50)), rgba.SubImage(image.Rect(1, 2, 70, 55))} {
		sameAsGeneral(t, m)
	}
}

// sameAsGeneral fails unless Gray(m) is pixel for pixel the general conversion over white.
func sameAsGeneral(t *testing.T, m image.Image) {
	t.Helper()
	got, want := Gray(m), overWhite(m)
	if got.Rect != want.Rect {
		t.Fatalf("%T %v: bounds %v, want %v", m, m.Bounds(), got.Rect, want.Rect)
	}
	for i := range want.Pix {
		if got.Pix[i] != want.Pix[i] {
			t.Fatalf("%T %v: pixel %d = %d, want %d", m, m.Bounds(), i, got.Pix[i], want.Pix[i])
		}
	}
}

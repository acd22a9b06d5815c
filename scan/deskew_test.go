package scan_test

import (
	"bytes"
	"image"
	"math"
	"slices"
	"testing"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/scan"
)

func page(t testing.TB, kind string, o synth.Options) *image.Gray {
	t.Helper()
	p, err := synth.Document(kind, synth.Person{Name: "Nguyễn Văn An", Born: "12/03/1990", CitizenID: "001090012345",
		Address: "Số 12 phố Điện Biên Phủ, phường Điện Biên, quận Ba Đình, Hà Nội", Child: "Nguyễn Thị Bình", Spouse: "Lê Thị Hoa", Company: "Công ty TNHH Phần mềm Sông Hồng"},
		synth.Authority{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội", Number: "125/QĐ-UBND", IssuedOn: "ngày 28 tháng 10 năm 2024"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := synth.Render(p, o)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Known angles, both signs, with scanner noise and blur: the detected angle must be within
// 0.2° of the truth, and positive means lines rise to the right.
func TestDetectSkewKnownAngles(t *testing.T) {
	kinds := synth.Kinds()
	for i, angle := range []float64{0, 0.3, -0.7, 1.7, -2.5, 4.3, -6, 8.2, -10, 12.5, -14} {
		kind := kinds[i%len(kinds)]
		g := page(t, kind, synth.Options{Skew: angle, Noise: 0.002, Blur: 0.6, Seed: uint64(i)})
		s := scan.DetectSkew(g)
		if d := math.Abs(s.Degrees - angle); d > 0.2 {
			t.Errorf("%s at %.1f°: detected %.2f° (error %.2f°, confidence %.1f)", kind, angle, s.Degrees, d, s.Confidence)
		}
		if angle != 0 && s.Confidence < scan.MinSkewConfidence {
			t.Errorf("%s at %.1f°: confidence %.2f below %.1f", kind, angle, s.Confidence, scan.MinSkewConfidence)
		}
	}
}

// Correcting must straighten, not double, the skew: the sign of imaging.Rotate is easy to get
// wrong.
func TestDeskewStraightens(t *testing.T) {
	for _, angle := range []float64{3, -5} {
		g := page(t, "quyet_dinh", synth.Options{Skew: angle})
		fixed, s := scan.Deskew(g)
		if fixed.Rect != g.Rect {
			t.Errorf("size changed: %v -> %v", g.Rect, fixed.Rect)
		}
		if rest := scan.DetectSkew(fixed); math.Abs(rest.Degrees) > 0.15 {
			t.Errorf("skew %.1f°, detected %.2f°: residual %.2f° after correction", angle, s.Degrees, rest.Degrees)
		}
	}
}

func TestTurnRoundTrip(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 3, 2))
	copy(g.Pix, []byte{1, 2, 3, 4, 5, 6})
	r := scan.Turn(g, 90)
	if r.Rect.Dx() != 2 || r.Rect.Dy() != 3 || !bytes.Equal(r.Pix, []byte{4, 1, 5, 2, 6, 3}) {
		t.Fatalf("90° clockwise of [[1 2 3][4 5 6]] = %v %v", r.Rect, r.Pix)
	}
	for _, d := range []int{90, 180, 270} {
		back := scan.Turn(scan.Turn(g, d), 360-d)
		if !bytes.Equal(back.Pix, g.Pix) {
			t.Errorf("turn %d then %d changed the image", d, 360-d)
		}
	}
}

// Rotate follows imaging's convention: a positive angle turns counter-clockwise, which makes
// straight lines rise to the right (a positive skew).
func TestRotateSign(t *testing.T) {
	g := page(t, "giay_khai_sinh", synth.Options{})
	if s := scan.DetectSkew(scan.Rotate(g, 2.5)); math.Abs(s.Degrees-2.5) > 0.1 {
		t.Errorf("Rotate(+2.5°) measured %.2f°, want +2.5°", s.Degrees)
	}
}

func TestShrink(t *testing.T) {
	g := page(t, "quyet_dinh", synth.Options{})
	s := scan.Shrink(g, 0.5)
	if s.Rect.Dx() != (g.Rect.Dx()+1)/2 || s.Rect.Dy() != (g.Rect.Dy()+1)/2 {
		t.Fatalf("shrunk %v to %v", g.Rect, s.Rect)
	}
	// The share of ink stays what it was.
	var ink, inkS int
	for _, p := range g.Pix {
		if p < 128 {
			ink++
		}
	}
	for _, p := range s.Pix {
		if p < 128 {
			inkS++
		}
	}
	if r := float64(inkS*4) / float64(ink); r < 0.8 || r > 1.25 {
		t.Errorf("ink share changed by %.2fx", r)
	}
}

// Shrink also enlarges: a gray ramp doubled stays a ramp, corner to corner.
func TestShrinkEnlarges(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 100, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 100; x++ {
			g.Pix[y*g.Stride+x] = uint8(x * 2)
		}
	}
	out := scan.Shrink(g, 2)
	if out.Rect.Dx() != 200 || out.Rect.Dy() != 80 {
		t.Fatalf("size %v", out.Rect)
	}
	for x := 1; x < 200; x++ {
		if out.Pix[40*out.Stride+x] < out.Pix[40*out.Stride+x-1] {
			t.Fatalf("not monotonic at %d", x)
		}
	}
	if a, b := out.Pix[40*out.Stride], out.Pix[40*out.Stride+199]; a > 2 || b < 196 {
		t.Errorf("ends %d and %d, want about 0 and 198", a, b)
	}
}

// The even-paper shortcuts of Rotate and Shrink must give exactly what the bilinear weights
// give: the stored page, hence the text, may not depend on them.
func TestResamplingShortcutsExact(t *testing.T) {
	g := page(t, "don_dang_ky_dat_dai", synth.Options{Seed: 7, Noise: 0.002, Blur: 1.0})
	for _, deg := range []float64{-3.7, 0.35, 11} {
		if got, want := scan.Rotate(g, deg), rotateWeighted(g, deg); !slices.Equal(got.Pix, want.Pix) {
			t.Errorf("Rotate(%v) differs from the weighted rotation", deg)
		}
	}
	for _, f := range []float64{2.0 / 3, 0.8, 1.5} {
		if got, want := scan.Shrink(g, f), shrinkWeighted(g, f); !slices.Equal(got.Pix, want.Pix) {
			t.Errorf("Shrink(%v) differs from the weighted resize", f)
		}
	}
}

// rotateWeighted is Rotate without the shortcut.
func rotateWeighted(g *image.Gray, deg float64) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	rad := deg * math.Pi / 180
	const one = 1 << 16
	cos, sin := int64(math.Cos(rad)*one), int64(math.Sin(rad)*one)
	cx, cy := int64(w)*one/2, int64(h)*one/2
	for y := 0; y < h; y++ {
		dy := int64(y)*one + one/2 - cy
		dx := one/2 - cx
		sx := cx + (dx*cos)>>16 - (dy*sin)>>16 - one/2
		sy := cy + (dx*sin)>>16 + (dy*cos)>>16 - one/2
		row := out.Pix[y*out.Stride : y*out.Stride+w]
		for x := range row {
			ix, iy := sx>>16, sy>>16
			if ix < 0 || iy < 0 || ix >= int64(w-1) || iy >= int64(h-1) {
				row[x] = 255
			} else {
				fx, fy := sx&(one-1), sy&(one-1)
				i := int(iy)*g.Stride + int(ix)
				p00, p10 := int64(g.Pix[i]), int64(g.Pix[i+1])
				p01, p11 := int64(g.Pix[i+g.Stride]), int64(g.Pix[i+g.Stride+1])
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

// shrinkWeighted is Shrink without the shortcut.
func shrinkWeighted(g *image.Gray, f float64) *image.Gray {
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
			top := int64(r0[ix])*one + (int64(r0[ix1])-int64(r0[ix]))*fx
			bot := int64(r1[ix])*one + (int64(r1[ix1])-int64(r1[ix]))*fx
			dst[x] = uint8((top*one + (bot-top)*fy) >> 32)
			sx += step
		}
	}
	return out
}

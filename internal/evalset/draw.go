package evalset

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The fonts of Vietnamese offices: Times New Roman above all (Liberation Serif has its metrics),
// Arial on forms filled in by software (Liberation Sans), and the Noto faces some printers
// substitute. None of them is the DejaVu Serif the classifier's training pages are set in.
// Debian's fonts-liberation2 and fonts-noto-core (installed by deploy/local/up.sh).
var fontFamilies = map[string][4]string{
	"times":      {"liberation2/LiberationSerif-Regular.ttf", "liberation2/LiberationSerif-Bold.ttf", "liberation2/LiberationSerif-Italic.ttf", "liberation2/LiberationSerif-BoldItalic.ttf"},
	"arial":      {"liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSans-Bold.ttf", "liberation2/LiberationSans-Italic.ttf", "liberation2/LiberationSans-BoldItalic.ttf"},
	"noto-serif": {"noto/NotoSerif-Regular.ttf", "noto/NotoSerif-Bold.ttf", "noto/NotoSerif-Italic.ttf", "noto/NotoSerif-BoldItalic.ttf"},
	"noto-sans":  {"noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf", "noto/NotoSans-Italic.ttf", "noto/NotoSans-BoldItalic.ttf"},
}

// FontDir is where the fonts are looked for.
var FontDir = "/usr/share/fonts/truetype"

type fontFamily struct {
	fonts [4]*opentype.Font
	mu    sync.Mutex
	faces map[faceKey]font.Face
}

type faceKey struct {
	style int
	size  float64
	dpi   int
}

var (
	familiesMu sync.Mutex
	loaded     = map[string]*fontFamily{}
)

func family(name string) (*fontFamily, error) {
	if name == "" {
		name = "times"
	}
	familiesMu.Lock()
	defer familiesMu.Unlock()
	if f, ok := loaded[name]; ok {
		return f, nil
	}
	files, ok := fontFamilies[name]
	if !ok {
		return nil, fmt.Errorf("evalset: no font family %q", name)
	}
	f := &fontFamily{faces: map[faceKey]font.Face{}}
	for i, file := range files {
		b, err := os.ReadFile(filepath.Join(FontDir, file))
		if err != nil {
			return nil, fmt.Errorf("evalset: font %s missing (apt-get install fonts-liberation2 fonts-noto-core; deploy/local/up.sh does): %w", file, err)
		}
		if f.fonts[i], err = opentype.Parse(b); err != nil {
			return nil, fmt.Errorf("evalset: font %s: %w", file, err)
		}
	}
	loaded[name] = f
	return f, nil
}

func (f *fontFamily) face(bold, italic bool, size float64, dpi int) (font.Face, error) {
	style := 0
	if bold {
		style |= 1
	}
	if italic {
		style |= 2
	}
	k := faceKey{style, size, dpi}
	f.mu.Lock()
	defer f.mu.Unlock()
	if fc, ok := f.faces[k]; ok {
		return fc, nil
	}
	fc, err := opentype.NewFace(f.fonts[style], &opentype.FaceOptions{Size: size, DPI: float64(dpi), Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	f.faces[k] = fc
	return fc, nil
}

// layers are what a page is printed with: black toner, the blue ink of signatures, the red
// of seals; each a coverage mask.
type layers struct {
	ink, blue, red *image.Alpha
}

func (l *laid) draw(rng *rand.Rand, dpi int) (*layers, error) {
	r := image.Rect(0, 0, l.w, l.h)
	out := &layers{ink: image.NewAlpha(r), blue: image.NewAlpha(r), red: image.NewAlpha(r)}
	for _, g := range l.glyphs {
		d := font.Drawer{Dst: out.ink, Src: image.Opaque, Face: g.face, Dot: fixed.Point26_6{X: g.x, Y: g.y}}
		if g.spacing == 0 {
			d.DrawString(g.s)
			continue
		}
		for _, c := range g.s {
			d.DrawString(string(c))
			d.Dot.X += g.spacing
		}
	}
	for _, rule := range l.rules {
		draw.Draw(out.ink, rule, image.Opaque, image.Point{}, draw.Src)
	}
	mm := float64(dpi) / 25.4
	for _, s := range l.signs {
		scribble(out.blue, s, rng, mm)
	}
	fam, err := family("times")
	if err != nil {
		return nil, err
	}
	for _, o := range l.seals {
		o.X, o.Y = o.X*mm, o.Y*mm
		switch o.Kind {
		case "box":
			if err := boxStamp(out.red, o, fam, mm, dpi); err != nil {
				return nil, err
			}
		default:
			if err := seal(out.red, o, fam, mm, dpi); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// scribble draws a hand signature: a few loops and a flourish across r.
func scribble(dst *image.Alpha, r image.Rectangle, rng *rand.Rand, mm float64) {
	w, h := float64(r.Dx()), float64(r.Dy())
	x0, y0 := float64(r.Min.X), float64(r.Min.Y)
	pts := [][2]float64{{x0 + w*0.05, y0 + h*(0.5+rng.Float64()*0.3)}}
	n := 4 + rng.IntN(4)
	for i := 1; i <= n; i++ {
		pts = append(pts, [2]float64{x0 + w*float64(i)/float64(n)*0.9 + rng.Float64()*w*0.05, y0 + h*(0.1+rng.Float64()*0.8)})
	}
	radius := 0.22 * mm
	for i := 0; i+1 < len(pts); i++ {
		p0, p3 := pts[i], pts[i+1]
		c1 := [2]float64{p0[0] + (rng.Float64()-0.3)*w*0.25, p0[1] + (rng.Float64()-0.5)*h*1.2}
		c2 := [2]float64{p3[0] - (rng.Float64()-0.3)*w*0.25, p3[1] + (rng.Float64()-0.5)*h*1.2}
		steps := int(w / float64(n) / max(1, radius*0.5))
		for s := 0; s <= steps; s++ {
			t := float64(s) / float64(steps)
			u := 1 - t
			x := u*u*u*p0[0] + 3*u*u*t*c1[0] + 3*u*t*t*c2[0] + t*t*t*p3[0]
			y := u*u*u*p0[1] + 3*u*u*t*c1[1] + 3*u*t*t*c2[1] + t*t*t*p3[1]
			disc(dst, x, y, radius*(0.7+0.6*t*u*2))
		}
	}
}

func disc(dst *image.Alpha, cx, cy, r float64) {
	b := dst.Rect
	for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
		if y < b.Min.Y || y >= b.Max.Y {
			continue
		}
		for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
			if x < b.Min.X || x >= b.Max.X {
				continue
			}
			d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
			a := math.Max(0, math.Min(1, r+0.5-d))
			i := dst.PixOffset(x, y)
			dst.Pix[i] = max(dst.Pix[i], uint8(a*255))
		}
	}
}

// seal draws a round office seal: two rings, the office's name around them, a star inside.
func seal(dst *image.Alpha, o Overlay, fam *fontFamily, mm float64, dpi int) error {
	outer, inner := 19*mm, 14.5*mm
	ring := func(r, t float64) {
		b := dst.Rect
		for y := int(o.Y - r - 2); y <= int(o.Y+r+2); y++ {
			for x := int(o.X - r - 2); x <= int(o.X+r+2); x++ {
				if !(image.Point{x, y}.In(b)) {
					continue
				}
				d := math.Abs(math.Hypot(float64(x)-o.X, float64(y)-o.Y) - r)
				if a := math.Max(0, math.Min(1, t/2+0.5-d)); a > 0 {
					i := dst.PixOffset(x, y)
					dst.Pix[i] = max(dst.Pix[i], uint8(a*235))
				}
			}
		}
	}
	ring(outer, 0.7*mm)
	ring(inner, 0.4*mm)
	fc, err := fam.face(true, false, 7.5, dpi)
	if err != nil {
		return err
	}
	rs := []rune(o.Text + " ★ ")
	mid := (outer + inner) / 2
	for i, c := range rs {
		if c == '★' || c == ' ' {
			continue
		}
		theta := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(rs)) + o.Angle*math.Pi/180
		glyph(dst, fc, c, o.X+mid*math.Cos(theta), o.Y+mid*math.Sin(theta), theta+math.Pi/2)
	}
	star(dst, o.X, o.Y, 6*mm)
	return nil
}

// boxStamp draws a rectangular rubber stamp ("ĐÃ KÝ", "BẢN SAO") over the text.
func boxStamp(dst *image.Alpha, o Overlay, fam *fontFamily, mm float64, dpi int) error {
	fc, err := fam.face(true, false, 16, dpi)
	if err != nil {
		return err
	}
	tw := float64(measure(fc, o.Text, 0))
	w, h := tw+8*mm, 13*mm
	a := o.Angle * math.Pi / 180
	sin, cos := math.Sin(a), math.Cos(a)
	// The frame, turned by the stamp's angle.
	b := dst.Rect
	ext := int(math.Hypot(w, h)/2) + 2
	t := 0.8 * mm
	for y := int(o.Y) - ext; y <= int(o.Y)+ext; y++ {
		for x := int(o.X) - ext; x <= int(o.X)+ext; x++ {
			if !(image.Point{x, y}.In(b)) {
				continue
			}
			dx, dy := float64(x)-o.X, float64(y)-o.Y
			u, v := dx*cos-dy*sin, dx*sin+dy*cos
			du, dv := math.Abs(u)-w/2, math.Abs(v)-h/2
			if du <= 0 && dv <= 0 && (du > -t || dv > -t) {
				dst.Pix[dst.PixOffset(x, y)] = 230
			}
		}
	}
	x := -tw / 2
	for _, c := range o.Text {
		adv, _ := fc.GlyphAdvance(c)
		cx := x + float64(adv)/64/2
		glyph(dst, fc, c, o.X+cx*cos, o.Y-cx*sin, -a)
		x += float64(adv) / 64
	}
	return nil
}

// glyph draws c centred at (cx, cy), turned by theta (radians, clockwise on the page).
func glyph(dst *image.Alpha, fc font.Face, c rune, cx, cy, theta float64) {
	adv, ok := fc.GlyphAdvance(c)
	if !ok {
		return
	}
	m := fc.Metrics()
	gw := adv.Ceil() + 2
	gh := (m.Ascent + m.Descent).Ceil() + 2
	tmp := image.NewAlpha(image.Rect(0, 0, gw, gh))
	d := font.Drawer{Dst: tmp, Src: image.Opaque, Face: fc, Dot: fixed.Point26_6{X: fixed.I(1), Y: m.Ascent + fixed.I(1)}}
	d.DrawString(string(c))
	sin, cos := math.Sin(theta), math.Cos(theta)
	ext := int(math.Hypot(float64(gw), float64(gh))/2) + 1
	for y := int(cy) - ext; y <= int(cy)+ext; y++ {
		for x := int(cx) - ext; x <= int(cx)+ext; x++ {
			if !(image.Point{x, y}.In(dst.Rect)) {
				continue
			}
			dx, dy := float64(x)-cx, float64(y)-cy
			u := dx*cos + dy*sin + float64(gw)/2
			v := -dx*sin + dy*cos + float64(gh)/2
			iu, iv := int(u), int(v)
			if iu < 0 || iv < 0 || iu >= gw || iv >= gh {
				continue
			}
			if a := tmp.Pix[iv*tmp.Stride+iu]; a > 0 {
				i := dst.PixOffset(x, y)
				dst.Pix[i] = max(dst.Pix[i], uint8(int(a)*230/255))
			}
		}
	}
}

// star fills a five-pointed star of outer radius r centred at (cx, cy).
func star(dst *image.Alpha, cx, cy, r float64) {
	var poly [10][2]float64
	for i := range poly {
		rad := r
		if i%2 == 1 {
			rad = r * 0.382
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		poly[i] = [2]float64{cx + rad*math.Cos(a), cy + rad*math.Sin(a)}
	}
	for y := int(cy - r); y <= int(cy+r); y++ {
		for x := int(cx - r); x <= int(cx+r); x++ {
			if !(image.Point{x, y}.In(dst.Rect)) {
				continue
			}
			px, py := float64(x)+0.5, float64(y)+0.5
			in := false
			for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
				if (poly[i][1] > py) != (poly[j][1] > py) &&
					px < (poly[j][0]-poly[i][0])*(py-poly[i][1])/(poly[j][1]-poly[i][1])+poly[i][0] {
					in = !in
				}
			}
			if in {
				dst.Pix[dst.PixOffset(x, y)] = 230
			}
		}
	}
}

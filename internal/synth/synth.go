// Package synth renders synthetic scans of Vietnamese administrative pages at a known skew,
// orientation and noise, with their ground-truth text. Tests, benchmarks and the demo batch use
// it so that every measured angle and character error rate has an exact reference.
package synth

import (
	"embed"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// DejaVu Serif covers every precomposed Vietnamese letter (U+1EA0–U+1EF9); licence in fonts/.
//
//go:embed fonts/DejaVuSerif.ttf fonts/DejaVuSerif-Bold.ttf
var fontFS embed.FS

// Align places a line on the page.
type Align int

const (
	Left Align = iota
	Center
)

// Line is one line of a page before wrapping.
type Line struct {
	Text  string
	Size  float64 // points; 0 means 13
	Bold  bool
	Align Align
}

// Page is an upright page's content.
type Page struct {
	Lines []Line
}

// Options controls how the page is "scanned".
type Options struct {
	DPI int // 0 means 300
	// Skew turns the content counter-clockwise by this many degrees, so text lines rise to
	// the right for a positive value (the convention of skew_degrees).
	Skew float64
	// Turn is the clockwise quarter turn (0, 90, 180, 270) of the paper on the scanner glass.
	// The turn that makes the scan upright again is (360-Turn)%360 clockwise.
	Turn int
	// Noise is the share of pixels flipped to random gray (speckle), e.g. 0.002.
	Noise float64
	// Blur is a Gaussian sigma in pixels; 0 for none.
	Blur float64
	Seed uint64
	// CropTop removes this share of the page from the top, as a scan that missed the title.
	CropTop float64
	// Marks are printed on the page before it is scanned: barcodes, QR codes, patch codes.
	Marks []Mark
}

// A4 in millimetres.
const (
	a4W = 210.0
	a4H = 297.0
)

var (
	fontsOnce sync.Once
	regular   *opentype.Font
	bold      *opentype.Font
	fontErr   error
)

func loadFonts() error {
	fontsOnce.Do(func() {
		parse := func(name string) *opentype.Font {
			b, err := fontFS.ReadFile(name)
			if err != nil {
				fontErr = err
				return nil
			}
			f, err := opentype.Parse(b)
			if err != nil {
				fontErr = fmt.Errorf("synth: font %s: %w", name, err)
			}
			return f
		}
		regular = parse("fonts/DejaVuSerif.ttf")
		bold = parse("fonts/DejaVuSerif-Bold.ttf")
	})
	return fontErr
}

// Text is the ground truth of a page: its lines after wrapping, NFC, one per line.
func Text(p Page, dpi int) (string, error) {
	_, lines, err := layout(p, dpi)
	if err != nil {
		return "", err
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return strings.Join(out, "\n"), nil
}

type placed struct {
	text string
	face font.Face
	x, y fixed.Int26_6
}

func layout(p Page, dpi int) (image.Rectangle, []placed, error) {
	if err := loadFonts(); err != nil {
		return image.Rectangle{}, nil, err
	}
	if dpi == 0 {
		dpi = 300
	}
	mm := float64(dpi) / 25.4
	bounds := image.Rect(0, 0, int(a4W*mm+0.5), int(a4H*mm+0.5))
	left, right := int(25*mm), int((a4W-20)*mm)
	y := 20 * mm
	var out []placed
	faces := map[[2]float64]font.Face{}
	face := func(size float64, b bool) (font.Face, error) {
		k := [2]float64{size, 0}
		f := regular
		if b {
			k[1], f = 1, bold
		}
		if fc, ok := faces[k]; ok {
			return fc, nil
		}
		fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: float64(dpi), Hinting: font.HintingNone})
		faces[k] = fc
		return fc, err
	}
	for _, l := range p.Lines {
		size := l.Size
		if size == 0 {
			size = 13
		}
		fc, err := face(size, l.Bold)
		if err != nil {
			return bounds, nil, err
		}
		lineH := size * 1.6 * float64(dpi) / 72
		for _, t := range wrap(norm.NFC.String(l.Text), fc, right-left) {
			y += lineH
			if t == "" {
				continue
			}
			w := font.MeasureString(fc, t).Ceil()
			x := left
			if l.Align == Center {
				x = left + (right-left-w)/2
			}
			out = append(out, placed{text: t, face: fc, x: fixed.I(x), y: fixed.I(int(y))})
		}
	}
	if y > float64(bounds.Dy())-15*mm {
		return bounds, nil, fmt.Errorf("synth: page content does not fit on A4 (%d lines)", len(out))
	}
	return bounds, out, nil
}

func wrap(s string, fc font.Face, width int) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && font.MeasureString(fc, try).Ceil() > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	return append(lines, cur)
}

// Render draws the page as a gray scan.
func Render(p Page, o Options) (*image.Gray, error) {
	bounds, lines, err := layout(p, o.DPI)
	if err != nil {
		return nil, err
	}
	img := image.NewGray(bounds)
	draw.Draw(img, bounds, image.White, image.Point{}, draw.Src)
	for _, l := range lines {
		d := font.Drawer{Dst: img, Src: image.Black, Face: l.face, Dot: fixed.Point26_6{X: l.x, Y: l.y}}
		d.DrawString(l.text)
	}
	if err := drawMarks(img, o.Marks, o.DPI); err != nil {
		return nil, err
	}
	var out image.Image = img
	if o.CropTop > 0 {
		top := int(o.CropTop * float64(bounds.Dy()))
		out = toGray(img.SubImage(image.Rect(0, top, bounds.Dx(), bounds.Dy())))
		bounds = out.Bounds()
	}
	if o.Skew != 0 {
		// imaging.Rotate turns counter-clockwise for positive angles; crop back to A4.
		r := imaging.Rotate(out, o.Skew, color.White)
		out = imaging.CropCenter(r, bounds.Dx(), bounds.Dy())
	}
	if o.Blur > 0 {
		out = imaging.Blur(out, o.Blur)
	}
	switch o.Turn {
	case 0:
	case 90:
		out = imaging.Rotate270(out) // imaging's Rotate270 is 270° counter-clockwise = 90° clockwise
	case 180:
		out = imaging.Rotate180(out)
	case 270:
		out = imaging.Rotate90(out)
	default:
		return nil, fmt.Errorf("synth: turn %d is not a quarter turn", o.Turn)
	}
	g := toGray(out)
	if o.Noise > 0 {
		rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
		n := int(o.Noise * float64(len(g.Pix)))
		for i := 0; i < n; i++ {
			g.Pix[rng.IntN(len(g.Pix))] = uint8(rng.IntN(256))
		}
	}
	return g, nil
}

func toGray(m image.Image) *image.Gray {
	if g, ok := m.(*image.Gray); ok {
		return g
	}
	b := m.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), m, b.Min, draw.Src)
	return g
}

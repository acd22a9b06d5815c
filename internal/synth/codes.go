package synth

import (
	"fmt"
	"image"
	"image/draw"
	"math"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/datamatrix"
	"github.com/makiuchi-d/gozxing/datamatrix/encoder"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Mark is a machine-readable mark printed on a page.
type Mark struct {
	Kind  string  // qr, datamatrix, code128, code39, patch
	Value string  // the encoded text; for a patch, its bars ("NWNW" is patch T)
	X, Y  float64 // top-left corner, millimetres from the page's top-left
	Size  float64 // millimetres: a 2D code's side, a 1D code's bar height; 0 for the usual
}

// PatchT is the patch code that ends a document on scanners' separator sheets.
const PatchT = "NWNW"

// drawMarks prints the marks on the upright page.
func drawMarks(img *image.Gray, marks []Mark, dpi int) error {
	if dpi == 0 {
		dpi = 300
	}
	mm := float64(dpi) / 25.4
	for _, m := range marks {
		sym, err := markImage(m, mm)
		if err != nil {
			return err
		}
		at := image.Pt(int(m.X*mm), int(m.Y*mm))
		draw.Draw(img, sym.Bounds().Add(at), sym, image.Point{}, draw.Src)
	}
	return nil
}

// markImage draws one mark at mm pixels per millimetre, black on white.
func markImage(m Mark, mm float64) (*image.Gray, error) {
	if m.Kind == "patch" {
		return patchImage(m.Value, m.Size, mm)
	}
	var (
		w      gozxing.Writer
		format gozxing.BarcodeFormat
		module float64 // millimetres per module
		height float64
	)
	switch m.Kind {
	case "qr":
		w, format, module = qrcode.NewQRCodeWriter(), gozxing.BarcodeFormat_QR_CODE, 0.6
	case "datamatrix":
		w, format, module = datamatrix.NewDataMatrixWriter(), gozxing.BarcodeFormat_DATA_MATRIX, 0.6
	case "code128":
		w, format, module, height = oned.NewCode128Writer(), gozxing.BarcodeFormat_CODE_128, 0.25, 12
	case "code39":
		w, format, module, height = oned.NewCode39Writer(), gozxing.BarcodeFormat_CODE_39, 0.25, 12
	default:
		return nil, fmt.Errorf("synth: mark kind %q", m.Kind)
	}
	if m.Size > 0 && height > 0 {
		height = m.Size
	}
	// Encoded at one pixel a module, then scaled by whole pixels so every bar keeps its width.
	hints := map[gozxing.EncodeHintType]any{gozxing.EncodeHintType_MARGIN: 0}
	if format == gozxing.BarcodeFormat_DATA_MATRIX {
		hints[gozxing.EncodeHintType_DATA_MATRIX_SHAPE] = encoder.SymbolShapeHint_FORCE_SQUARE
	}
	bits, err := w.Encode(m.Value, format, 0, 0, hints)
	if err != nil {
		return nil, fmt.Errorf("synth: encode %s %q: %w", m.Kind, m.Value, err)
	}
	cols, rows := bits.GetWidth(), bits.GetHeight()
	px := max(1, int(math.Round(module*mm)))
	if m.Size > 0 && height == 0 {
		px = max(1, int(m.Size*mm)/cols)
	}
	outH := rows * px
	if height > 0 {
		rows, outH = 1, int(height*mm)
	}
	quiet := 4 * px
	out := image.NewGray(image.Rect(0, 0, cols*px+2*quiet, outH+2*quiet))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for y := 0; y < outH; y++ {
		r := y / px
		if height > 0 {
			r = 0
		}
		for x := 0; x < cols*px; x++ {
			if bits.Get(x/px, min(r, rows-1)) {
				out.Pix[(y+quiet)*out.Stride+x+quiet] = 0
			}
		}
	}
	return out, nil
}

// patchImage draws a patch code's bars (pattern of N and W) across the page: narrow bars
// 2.0 mm, wide 5.1 mm, 2.0 mm apart, length mm long (60 mm when 0).
func patchImage(pattern string, length, mm float64) (*image.Gray, error) {
	if len(pattern) != 4 {
		return nil, fmt.Errorf("synth: patch pattern %q is not four bars", pattern)
	}
	if length == 0 {
		length = 60
	}
	h := int(22 * mm)
	out := image.NewGray(image.Rect(0, 0, int(length*mm), h))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	y := 0.0
	for _, b := range pattern {
		bar := 2.0
		if b == 'W' {
			bar = 5.1
		}
		for r := int(y * mm); r < int((y+bar)*mm) && r < h; r++ {
			for x := 0; x < out.Rect.Dx(); x++ {
				out.Pix[r*out.Stride+x] = 0
			}
		}
		y += bar + 2.0
	}
	return out, nil
}

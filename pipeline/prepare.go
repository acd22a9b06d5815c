package pipeline

import (
	"context"
	"fmt"
	"image"
	"math"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/scan"
)

// PreparedPage is a page ready for OCR.
type PreparedPage struct {
	Image *image.Gray
	Prepared
}

// PreparePage decodes page index of a scan within limits, turns it upright with OSD (only
// above the engine's confidence threshold), and deskews it. The prepare stage and
// `sohoa inspect` both use it, so what a desk checks locally is what the pipeline does.
func PreparePage(ctx context.Context, o Orienter, data []byte, index int, lim scan.Limits) (*PreparedPage, error) {
	g, meta, err := scan.Decode(ctx, data, index, lim)
	if err != nil {
		return nil, err
	}
	dpi := meta.DPI
	if dpi < 70 || dpi > 2400 {
		dpi = guessDPI(g.Rect.Dx(), g.Rect.Dy())
	}
	out := &PreparedPage{Prepared: Prepared{DPI: dpi}}
	or, err := o.Orientation(ctx, g, dpi)
	if err != nil {
		return nil, fmt.Errorf("orientation: %w", err)
	}
	out.OrientationConfidence = round2(or.Confidence)
	if or.Trusted && or.Rotate != 0 {
		g = scan.Turn(g, or.Rotate)
		out.Rotated = or.Rotate
	}
	// The clean page is kept at the resolution it is read at (ocr.ReadDPI, above the 200 DPI
	// digitized copies must keep; the original stays in the locked bucket): deskewing, storing
	// and recognising a 300-DPI scan at 220 DPI handles half the pixels.
	full, fullDPI := g, dpi
	if dpi > ocr.ReadDPI*5/4 {
		g, dpi = scan.Shrink(g, float64(ocr.ReadDPI)/float64(dpi)), ocr.ReadDPI
	}
	g, skew := scan.Deskew(g)
	out.SkewDegrees, out.SkewConfidence = skew.Degrees, skew.Confidence
	// Text far from the size Tesseract reads best (tiny print at high DPI, huge type) is
	// rescaled; the DPI it is told scales with it.
	if dpi != fullDPI && scan.TextScale(g, lim) > 1 {
		// Fine print: enlarge the scan itself, not its reduction (the angle is known).
		g, dpi = skew.Straighten(full), fullDPI
	}
	g, f := scan.Rescale(g, lim)
	out.DPI = int(float64(dpi)*f + 0.5)
	out.Scale = round2(f)
	out.Image = g
	out.Width, out.Height = g.Rect.Dx(), g.Rect.Dy()
	return out, nil
}

// guessDPI assumes an A4 page when the file does not say its resolution: desks scan A4.
func guessDPI(w, h int) int {
	short := math.Min(float64(w), float64(h))
	d := int(math.Round(short / 8.27))
	return max(70, min(d, 1200))
}

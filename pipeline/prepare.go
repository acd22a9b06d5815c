package pipeline

import (
	"context"
	"fmt"
	"image"
	"math"
	"strings"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/scan"
)

// PreparedPage is a page ready for OCR.
type PreparedPage struct {
	Image *image.Gray
	Prepared
	// Layer is the page's own text, when it is to be read instead of OCR (TextFrom "pdf").
	Layer *scan.TextLayer
	// codes is where ReadCodes looks when it is not Image: the page not yet straightened, at
	// codesDPI, to be turned by codesTurn (clockwise quarter turns) first.
	codes     *image.Gray
	codesDPI  int
	codesTurn int
}

// ReadCodes reads the barcodes, QR, DataMatrix and patch codes on the clean page (not on a
// blank one) into Codes, for splitting stacks.
func (p *PreparedPage) ReadCodes() {
	if p.Blank || p.Image == nil {
		return
	}
	p.Codes = nil
	read := scan.ReadCodes
	sparse := p.OrientationBy != OrientedByTextLines || p.Rotated%180 != 0
	if sparse {
		// The way up was OSD's guess, or nobody's; or the page was turned a quarter by what
		// looked like text lines, which a sheet's upright bars also look like.
		read = scan.ReadCodesAnyTurn
	}
	g, dpi := p.Image, p.DPI
	if p.codes != nil {
		g, dpi = p.codes, p.codesDPI
		if p.codesTurn != 0 {
			g = scan.Turn(g, p.codesTurn)
		}
	}
	codes := read(g, dpi)
	if len(codes) == 0 && sparse && g != p.Image {
		// A page of few lines is where separator sheets and receipts' codes are: a 2-pixel
		// narrow bar lost to one interpolation may survive the other (measured: a Code 39
		// separator read on the straightened page, not before, at -0.3°). Only 1D codes suffer.
		codes = scan.ReadLinearCodes(p.Image, p.DPI)
	}
	for _, c := range codes {
		p.Codes = append(p.Codes, c.Value)
	}
}

// PreparePage decodes page index of a scan within limits, reduces it to the reading
// resolution, deskews it and turns it upright: by the shape of its text lines when they leave
// no doubt, else with OSD (trusted above the engine's confidence threshold). The prepare stage and
// `sohoa inspect` both use it, so what a desk checks locally is what the pipeline does.
func PreparePage(ctx context.Context, o Orienter, data []byte, index int, lim scan.Limits) (*PreparedPage, error) {
	src, err := scan.Open(ctx, data, lim)
	if err != nil {
		return nil, err
	}
	return PrepareSource(ctx, o, src, index, lim)
}

// PrepareSource is PreparePage on a file already opened. A PDF page with a trustworthy text
// layer (a born-digital page) is rendered as authored, without orientation, deskew or cleaning,
// and read from that layer.
func PrepareSource(ctx context.Context, o Orienter, src *scan.Source, index int, lim scan.Limits) (*PreparedPage, error) {
	if src.Format() == scan.PDF {
		if tl, err := src.TextLayer(ctx, index, lim); err == nil && tl.Usable {
			return prepareDigital(ctx, src, index, lim, tl)
		}
	}
	g, meta, err := src.Decode(ctx, index, lim)
	if err != nil {
		return nil, err
	}
	dpi := meta.DPI
	if dpi < 70 || dpi > 2400 {
		dpi = guessDPI(g.Rect.Dx(), g.Rect.Dy())
	}
	// Paper made evenly white before anything reads the page: orientation, skew, text size
	// and Tesseract's global threshold all fail under a phone's shadow (measured on the
	// evaluation set: phone photos from CER 0.58 to 0.17, all pages 0.151 to 0.092).
	scanned := g
	g = scan.FlattenBackground(g, dpi)
	out := &PreparedPage{Prepared: Prepared{DPI: dpi}}
	// The clean page is kept at the resolution it is read at (ocr.ReadDPI, the 200 DPI
	// digitized copies must keep; the original stays in the locked bucket): turning, deskewing,
	// storing and recognising a 300-DPI scan at 200 DPI handles under half the pixels.
	full, fullDPI := g, dpi
	reduce := func(g *image.Gray) (*image.Gray, int) {
		if fullDPI > ocr.ReadDPI*5/4 {
			return scan.Shrink(g, float64(ocr.ReadDPI)/float64(fullDPI)), ocr.ReadDPI
		}
		return g, fullDPI
	}
	g, dpi = reduce(full)
	// Most pages' text lines tell which way is up (capitals, ascenders and Vietnamese accents
	// put more ink above the x-height band than below) and which way they run, so Tesseract's
	// orientation detection, a third of a turned page's CPU, is needed only for the others:
	// few lines, tables of digits, pictures.
	var skew scan.Skew
	lo, ok := scan.OrientByLines(g)
	if ok {
		out.OrientationBy = OrientedByTextLines
		out.OrientationConfidence = round2(lo.Score)
		// Codes are read on the page before straightening (see below), turned when read.
		out.codes, out.codesDPI, out.codesTurn = g, dpi, lo.Turn
		out.Rotated, skew, g = lo.Turn, lo.Skew, lo.Upright
	} else {
		or, err := o.Orientation(ctx, full, fullDPI)
		if err != nil {
			return nil, fmt.Errorf("orientation: %w", err)
		}
		out.OrientationBy = OrientedByOSD
		out.OrientationConfidence = round2(or.Confidence)
		skew = lo.Skew
		rotate := 0
		if or.Trusted {
			rotate = or.Rotate
		}
		// Lines that certainly run down the page rule out upright and upside down, whatever OSD
		// said: a page left sideways reads as nothing, so the lines' weaker sign of which way
		// is up is the better bet (a short power of attorney in Noto Sans, turned on the glass,
		// was left sideways by an untrusted OSD "upright").
		if lo.Sideways && rotate%180 == 0 {
			rotate = lo.SidewaysTurn
			out.OrientationBy = OrientedByTextLines
			out.OrientationConfidence = 0
		}
		if rotate != 0 {
			out.Rotated = rotate
			g = scan.Turn(g, rotate)
			skew = scan.DetectSkew(g)
		}
		// Lines that left doubt and a steep angle: more likely a chart's or a picture's
		// strokes than tilted text (a line chart of multipage.pdf measured 9.3°, and turned
		// by it its legend could no longer be read). Left as scanned.
		if math.Abs(skew.Degrees) > maxDoubtfulSkew {
			skew = scan.Skew{}
		}
		// Codes are read on the page before straightening: interpolation greys a 1D code's
		// narrow bars, and readers take a little skew (a separator sheet's Code 39 read
		// before, not after, a 1° turn).
		out.codes, out.codesDPI = g, dpi
		g = skew.Straighten(g)
	}
	out.SkewDegrees, out.SkewConfidence = skew.Degrees, skew.Confidence
	// Text far from the size Tesseract reads best (tiny print at high DPI, huge type) is
	// rescaled; the DPI it is told scales with it.
	f := scan.TextScale(g, lim)
	if f > 1 && dpi != fullDPI {
		// Fine print: read from the scan itself, not enlarged from its reduction (turn and
		// angle are known), at the size wanted or, near it, as scanned: a resampling by a few
		// percent blurs and buys nothing (eurotext, 300 DPI, wanted at 327: CER 0.0121 read
		// at 327, 0.0049 at 300).
		want := float64(dpi) * f
		g, dpi = skew.Straighten(scan.Turn(full, out.Rotated)), fullDPI
		if f = want / float64(dpi); f > 0.8 && f < 1.25 {
			f = 1
		}
	}
	g = scan.Rescale(g, f)
	out.DPI = int(float64(dpi)*f + 0.5)
	// Dust last, on the page as Tesseract gets it (specks at its scale): 10 % fewer
	// character errors on the evaluation set (3,505 to 3,153).
	g, _ = scan.RemoveSpecks(g, out.DPI)
	out.Blank = scan.Blank(g, out.DPI, scanned)
	out.Scale = round2(f)
	out.Image = g
	out.Width, out.Height = g.Rect.Dx(), g.Rect.Dy()
	return out, nil
}

// prepareDigital renders a born-digital page at the reading resolution for its stored image and
// page PDF's preview; its text comes from the layer.
func prepareDigital(ctx context.Context, src *scan.Source, index int, lim scan.Limits, tl scan.TextLayer) (*PreparedPage, error) {
	g, meta, err := src.Decode(ctx, index, lim)
	if err != nil {
		return nil, err
	}
	dpi := meta.DPI
	if dpi > ocr.ReadDPI*5/4 {
		g, dpi = scan.Shrink(g, float64(ocr.ReadDPI)/float64(dpi)), ocr.ReadDPI
	}
	out := &PreparedPage{Image: g, Layer: &tl, Prepared: Prepared{DPI: dpi, Scale: 1, TextFrom: TextFromPDF,
		Width: g.Rect.Dx(), Height: g.Rect.Dy()}}
	return out, nil
}

// LayerResult is a text layer as the OCR stage records a page: words with their boxes in the
// pixels of the page rendered at dpi, the text in reading order, full confidence (the words
// are the document's own).
func LayerResult(tl scan.TextLayer, dpi int) *ocr.Result {
	f := float64(dpi) / 72
	words := make([]ocr.Word, len(tl.Words))
	engine := make([]string, len(tl.Words))
	for i, w := range tl.Words {
		words[i] = ocr.Word{Text: w.Text, Confidence: 100, Line: w.Line, Block: w.Block,
			Box: [4]int{int(w.Box[0] * f), int(w.Box[1] * f), int(math.Ceil(w.Box[2] * f)), int(math.Ceil(w.Box[3] * f))}}
		engine[i] = w.Text
	}
	r := &ocr.Result{Words: words, EngineText: strings.Join(engine, " "), Languages: TextFromPDF}
	if len(words) > 0 {
		r.MeanConfidence = 100
	}
	r.Text = ocr.ReadingOrder(words)
	return r
}

// maxDoubtfulSkew is the steepest angle straightened on a page whose text lines did not show
// its orientation; desk scanners and feeders skew pages by a few degrees.
const maxDoubtfulSkew = 8

// guessDPI assumes an A4 page when the file does not say its resolution: desks scan A4.
func guessDPI(w, h int) int {
	short := math.Min(float64(w), float64(h))
	d := int(math.Round(short / 8.27))
	return max(70, min(d, 1200))
}

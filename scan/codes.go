package scan

import (
	"errors"
	"image"
	"slices"
	"strings"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/datamatrix"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Code is a machine-readable mark found on a page: a barcode, a QR or DataMatrix code, or a
// Kodak patch code.
type Code struct {
	Format string `json:"format"` // qr, datamatrix, code128, code39, patch
	Value  string `json:"value"`  // the decoded text; a patch code's name (PATCHT, PATCH2, ...)
}

// String is the code as stored on the page: its value, which is what splitting rules match.
func (c Code) String() string { return c.Value }

// Code formats.
const (
	FormatQR         = "qr"
	FormatDataMatrix = "datamatrix"
	FormatCode128    = "code128"
	FormatCode39     = "code39"
	FormatPatch      = "patch"
)

// ReadCodes finds the codes on a clean, upright page: patch codes by their bar pattern (either
// way), then QR, Code 128, Code 39 and DataMatrix through gozxing (a pure-Go port of ZXing), on
// one binarization shared by the readers. Each code is reported once, in that order.
func ReadCodes(g *image.Gray, dpi int) []Code { return readCodes(g, dpi, false) }

// ReadCodesAnyTurn is ReadCodes for a page whose orientation is uncertain: 1D codes are also
// looked for a quarter turn away (QR, DataMatrix and patch codes are found either way).
func ReadCodesAnyTurn(g *image.Gray, dpi int) []Code { return readCodes(g, dpi, true) }

// ReadLinearCodes reads only Code 128 and Code 39, upright (rows both ways): a second look at a
// page whose 1D code a straightening may have greyed, at a few milliseconds (no whole-page
// binarization, which only the 2D detectors need).
func ReadLinearCodes(g *image.Gray, dpi int) []Code {
	var out codeSet
	if g, _, ok := readable(g, dpi); ok {
		if bm, err := bitmap(g); err == nil {
			out.linear(bm)
		}
	}
	return out
}

func readCodes(g *image.Gray, dpi int, turned bool) []Code {
	g, dpi, ok := readable(g, dpi)
	if !ok {
		return nil
	}
	var out codeSet
	if p, ok := FindPatch(g, dpi); ok {
		out.add(FormatPatch, p)
	}
	bm, err := bitmap(g)
	if err != nil {
		return out
	}
	if res, err := decodeSafely(qrcode.NewQRCodeReader(), bm, tryHarder); err == nil && res != nil {
		out.add(FormatQR, res.GetText())
	}
	out.linear(bm)
	if turned {
		// A page whose way up was a guess (a separator sheet, a page of codes) may lie a
		// quarter turn off: its bars then run along the rows, where 1D readers do not look.
		if tb, err := bitmap(transpose(g)); err == nil {
			out.linear(tb)
		}
	}
	// ZXing's DataMatrix detector looks for the symbol around the image's centre, so on a
	// page it is given each square patch of dense ink in turn.
	dm := datamatrix.NewDataMatrixReader()
	for _, r := range denseSquares(g, dpi) {
		crop, err := bm.Crop(r.Min.X, r.Min.Y, r.Dx(), r.Dy())
		if err != nil {
			continue
		}
		if res, err := decodeSafely(dm, crop, tryHarder); err == nil && res != nil {
			out.add(FormatDataMatrix, res.GetText())
		}
	}
	return out
}

// readable is a page codes can be looked for on: not a sliver, at 200 DPI when it was enlarged
// for fine print (codes are printed for 200-DPI scanners).
func readable(g *image.Gray, dpi int) (*image.Gray, int, bool) {
	if g == nil || g.Rect.Dx() < 21 || g.Rect.Dy() < 21 {
		return nil, 0, false
	}
	if dpi > 250 {
		g, dpi = Shrink(g, 200/float64(dpi)), 200
	}
	return g, dpi, true
}

var tryHarder = map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}

// codeSet is the codes read on a page, each once, in the order found.
type codeSet []Code

func (s *codeSet) add(format, value string) {
	c := Code{Format: format, Value: strings.TrimSpace(value)}
	if c.Value != "" && !slices.Contains(*s, c) {
		*s = append(*s, c)
	}
}

// linear reads Code 128 and Code 39 along the bitmap's rows.
func (s *codeSet) linear(bm *gozxing.BinaryBitmap) {
	for _, rd := range []struct {
		format string
		r      gozxing.Reader
	}{{FormatCode128, oned.NewCode128Reader()}, {FormatCode39, oned.NewCode39Reader()}} {
		if res, err := decodeSafely(rd.r, bm, tryHarder); err == nil && res != nil {
			s.add(rd.format, res.GetText())
		}
	}
}

// denseSquares finds square patches of dense ink 4-40 mm across (where a DataMatrix symbol
// may be), with a 3 mm margin, largest first: a 2 mm grid's cells half to three-quarters dark,
// joined into blobs whose box they mostly fill. Text lines make long thin blobs, bars solid
// ones; neither passes.
func denseSquares(g *image.Gray, dpi int) []image.Rectangle {
	if dpi <= 0 {
		dpi = 200
	}
	cell := max(4, 2*dpi*10/254)
	cw, ch := g.Rect.Dx()/cell, g.Rect.Dy()/cell
	if cw == 0 || ch == 0 {
		return nil
	}
	dense := make([]bool, cw*ch)
	for cy := 0; cy < ch; cy++ {
		for cx := 0; cx < cw; cx++ {
			n := 0
			for y := cy * cell; y < (cy+1)*cell; y++ {
				row := g.Pix[y*g.Stride+cx*cell : y*g.Stride+(cx+1)*cell]
				for _, v := range row {
					if v < 128 {
						n++
					}
				}
			}
			f := float64(n) / float64(cell*cell)
			dense[cy*cw+cx] = f >= 0.3 && f <= 0.8
		}
	}
	seen := make([]bool, len(dense))
	var out []image.Rectangle
	minCells, maxCells := 2, 20
	for i, d := range dense {
		if !d || seen[i] {
			continue
		}
		// Flood the blob.
		stack := []int{i}
		seen[i] = true
		x0, y0, x1, y1, n := cw, ch, 0, 0, 0
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := k%cw, k/cw
			x0, y0, x1, y1, n = min(x0, x), min(y0, y), max(x1, x), max(y1, y), n+1
			for _, nb := range [][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
				if nb[0] >= 0 && nb[0] < cw && nb[1] >= 0 && nb[1] < ch {
					if j := nb[1]*cw + nb[0]; dense[j] && !seen[j] {
						seen[j] = true
						stack = append(stack, j)
					}
				}
			}
		}
		w, h := x1-x0+1, y1-y0+1
		if w < minCells || h < minCells || w > maxCells || h > maxCells || 2*w < h || 2*h < w || 10*n < 6*w*h {
			continue
		}
		m := 3 * dpi * 10 / 254
		r := image.Rect(x0*cell-m, y0*cell-m, (x1+1)*cell+m, (y1+1)*cell+m).Intersect(image.Rect(0, 0, g.Rect.Dx(), g.Rect.Dy()))
		out = append(out, r)
		if len(out) == 8 { // a page is not a sheet of labels
			break
		}
	}
	return out
}

// decodeSafely runs a reader, turning a panic inside the port (a hostile pattern) into "no
// code": a page with an unreadable mark is still a page.
func decodeSafely(r gozxing.Reader, bm *gozxing.BinaryBitmap, hints map[gozxing.DecodeHintType]any) (res *gozxing.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, errors.New("barcode reader panicked")
		}
	}()
	return r.Decode(bm, hints)
}

// bitmap wraps the gray pixels without copying them: a gray page is a YUV image's Y plane.
func bitmap(g *image.Gray) (*gozxing.BinaryBitmap, error) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	pix := g.Pix
	if g.Stride != w {
		pix = make([]byte, w*h)
		for y := 0; y < h; y++ {
			copy(pix[y*w:(y+1)*w], g.Pix[y*g.Stride:y*g.Stride+w])
		}
	}
	src, err := gozxing.NewPlanarYUVLuminanceSource(pix, w, h, 0, 0, w, h, false)
	if err != nil {
		return nil, err
	}
	return gozxing.NewBinaryBitmap(newPageBinarizer(src, otsu(pix)))
}

// pageBinarizer gives the 2D readers the page cut at one threshold, Otsu's over the whole page:
// the page is already cleaned (paper evened out, specks gone), so ZXing's hybrid binarizer,
// which thresholds each 8x8 block against its neighbourhood for uneven light, bought nothing
// but its cost (about 40 % of reading codes). 1D readers keep ZXing's per-row binarization.
type pageBinarizer struct {
	*gozxing.GlobalHistogramBinarizer
	threshold byte
	matrix    *gozxing.BitMatrix
}

func newPageBinarizer(src gozxing.LuminanceSource, threshold byte) gozxing.Binarizer {
	return &pageBinarizer{gozxing.NewGlobalHistgramBinarizer(src).(*gozxing.GlobalHistogramBinarizer), threshold, nil}
}

func (b *pageBinarizer) GetBlackMatrix() (*gozxing.BitMatrix, error) {
	if b.matrix != nil {
		return b.matrix, nil
	}
	src := b.GetLuminanceSource()
	w, h := src.GetWidth(), src.GetHeight()
	m, err := gozxing.NewBitMatrix(w, h)
	if err != nil {
		return nil, err
	}
	lum := src.GetMatrix()
	for y := 0; y < h; y++ {
		for x, v := range lum[y*w : (y+1)*w] {
			if v <= b.threshold {
				m.Set(x, y)
			}
		}
	}
	b.matrix = m
	return m, nil
}

// CreateBinarizer is for a crop of the page (a DataMatrix candidate): the page's threshold.
func (b *pageBinarizer) CreateBinarizer(src gozxing.LuminanceSource) gozxing.Binarizer {
	return newPageBinarizer(src, b.threshold)
}

// otsu is the threshold that best splits pix's histogram in two (ink and paper); a page of
// one level gets the middle.
func otsu(pix []byte) byte {
	var hist [256]int
	for _, v := range pix {
		hist[v]++
	}
	total, sum := len(pix), 0
	for i, n := range hist {
		sum += i * n
	}
	best, at := -1.0, 127
	wb, sb := 0, 0
	for t := 0; t < 255; t++ {
		wb += hist[t]
		if wb == 0 {
			continue
		}
		wf := total - wb
		if wf == 0 {
			break
		}
		sb += t * hist[t]
		mb, mf := float64(sb)/float64(wb), float64(sum-sb)/float64(wf)
		if v := float64(wb) * float64(wf) * (mb - mf) * (mb - mf); v > best {
			best, at = v, t
		}
	}
	return byte(at)
}

// transpose mirrors the page on its diagonal: rows become columns, which is all a 1D reader
// needs of a quarter turn (it reads rows both ways).
func transpose(g *image.Gray) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, h, w))
	for y := 0; y < h; y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x, v := range row {
			out.Pix[x*out.Stride+y] = v
		}
	}
	return out
}

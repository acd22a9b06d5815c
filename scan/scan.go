// Package scan turns the bytes of an uploaded scan into clean gray page images: it sniffs the
// format, refuses hostile or broken files before decoding them, and finds and corrects skew.
// Nothing here trusts the input: every size is checked before memory is spent on it.
package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"time"

	"github.com/disintegration/imaging"
	"golang.org/x/sync/semaphore"
)

// Class names why a file or page was refused; recorded on the page and never retried.
type Class string

const (
	Empty       Class = "empty"
	Corrupt     Class = "corrupt"
	Unsupported Class = "unsupported"
	TooLarge    Class = "too_large"
	// Encrypted: a PDF locked with a password. Not broken: the desk can send it unlocked.
	Encrypted Class = "encrypted"
)

// Error is a refusal of an input. It is permanent: the same bytes fail the same way.
type Error struct {
	Class Class
	Msg   string
	Err   error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Class, e.Msg, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Class, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

func refuse(c Class, err error, format string, args ...any) error {
	return &Error{Class: c, Msg: fmt.Sprintf(format, args...), Err: err}
}

// ClassOf returns the refusal class of err, or "" when err is not a refusal.
func ClassOf(err error) Class {
	var e *Error
	if errors.As(err, &e) {
		return e.Class
	}
	return ""
}

// Limits bound what a single file may cost.
type Limits struct {
	MaxBytes  int64 // per file
	MaxPixels int64 // per page, checked from the header before decoding
	MaxSide   int   // per page side
	MaxPages  int   // per file
	// MaxPageInches bounds the long side of a PDF page: anything larger than A2 is a poster
	// or a decompression bomb, not a document page.
	MaxPageInches float64
	// MaxImageBytes bounds the decoded size of any image (width x height x channels x bits,
	// plus the gray page made of it): a small PDF page may draw a deflate bomb, which poppler
	// would inflate in full to scale it down, and a 797 KB 16-bit RGBA PNG of 100 megapixels
	// decodes to 900 MB.
	MaxImageBytes int64
	// PageTimeout bounds each external decoder run (poppler) per page.
	PageTimeout time.Duration
	// ToolMemory is the address-space limit of each external decoder process.
	ToolMemory int64
}

// DefaultLimits allow A3 at 600 DPI (about 70 MP) and refuse decompression bombs.
var DefaultLimits = Limits{MaxBytes: 200 << 20, MaxPixels: 100_000_000, MaxSide: 30_000, MaxPages: 500,
	MaxPageInches: 24, MaxImageBytes: 1 << 30, PageTimeout: 60 * time.Second, ToolMemory: 2 << 30}

// Format of a scan file, found from its content, never from its name.
type Format string

const (
	PNG  Format = "png"
	JPEG Format = "jpeg"
	TIFF Format = "tiff"
	PDF  Format = "pdf"
)

// Sniff names the format of data from its magic bytes.
func Sniff(data []byte) (Format, error) {
	switch {
	case len(data) == 0:
		return "", refuse(Empty, nil, "file is empty")
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG, nil
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return TIFF, nil
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		// Some scanners and mail gateways put bytes before the header; readers accept the
		// header anywhere in the first 1,024 bytes, and so does poppler.
		return PDF, nil
	}
	return "", refuse(Unsupported, nil, "not a PNG, JPEG, TIFF or PDF file")
}

// Meta describes a decoded page.
type Meta struct {
	Format Format
	Width  int
	Height int
	DPI    int // 0 when the file does not say
}

// Decode returns page index of data as a gray image, upright as far as the file's own metadata
// says (EXIF orientation), after checking every limit on the header. To decode several pages of
// one file, Open it once.
func Decode(ctx context.Context, data []byte, index int, lim Limits) (*image.Gray, Meta, error) {
	src, err := Open(ctx, data, lim)
	if err != nil {
		return nil, Meta{}, err
	}
	return src.Decode(ctx, index, lim)
}

// decodeImage decodes a PNG or JPEG.
func decodeImage(f Format, data []byte, index int, lim Limits) (*image.Gray, Meta, error) {
	if index != 0 {
		return nil, Meta{}, refuse(Corrupt, nil, "page %d does not exist (file has 1)", index)
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return nil, Meta{}, refuse(Corrupt, err, "unreadable %s header", f)
	}
	if err := checkSize(cfg.Width, cfg.Height, lim); err != nil {
		return nil, Meta{}, err
	}
	need := decodedBytes(cfg) + int64(cfg.Width)*int64(cfg.Height)
	if lim.MaxImageBytes > 0 && need > lim.MaxImageBytes {
		return nil, Meta{}, refuse(TooLarge, nil, "image would decode to %d MB, over the limit of %d MB", need>>20, lim.MaxImageBytes>>20)
	}
	// Pages decoding at once share the process's budget: three such pages decoded together
	// took a worker with one OCR slot to 2.9 GB.
	if err := decodeBudget.Acquire(context.Background(), min(need, DecodeBudget)); err != nil {
		return nil, Meta{}, err
	}
	defer decodeBudget.Release(min(need, DecodeBudget))
	var img image.Image
	switch f {
	case JPEG:
		// imaging applies the EXIF orientation that image/jpeg ignores (phone photos).
		img, err = imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	case PNG:
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil {
		if isUnsupported(err) {
			return nil, Meta{}, refuse(Unsupported, err, "%s variant not supported", f)
		}
		return nil, Meta{}, refuse(Corrupt, err, "cannot decode %s", f)
	}
	g := Gray(img)
	if _, colour := colourOf(img); colour {
		// Red seals by their colour. Not by tone as well: a phone photo's blurred signature
		// block, all of one soft gray, passed for a ring.
		LightenSeals(img, g)
	} else {
		clearGraySeals(g)
	}
	x, y := dpiOf(f, data)
	return squarePixels(g, Meta{Format: f, Width: g.Rect.Dx(), Height: g.Rect.Dy(), DPI: x}, y, lim)
}

// squarePixels stretches a page whose vertical resolution differs from its horizontal one (a
// fax in standard mode: 200×100 DPI) to square pixels at the horizontal resolution: every
// later step, and Tesseract, assume square pixels, and read a fax squashed to half height as
// noise.
func squarePixels(g *image.Gray, m Meta, dpiY int, lim Limits) (*image.Gray, Meta, error) {
	if m.DPI <= 0 || dpiY <= 0 || dpiY == m.DPI {
		return g, m, nil
	}
	f := float64(m.DPI) / float64(dpiY)
	if f < 0.2 || f > 5 {
		return g, m, nil // not a resolution any scanner writes: trust neither
	}
	h := int(float64(g.Rect.Dy())*f + 0.5)
	if err := checkSize(g.Rect.Dx(), h, lim); err != nil {
		return nil, Meta{}, err
	}
	g = Gray(imaging.Resize(g, g.Rect.Dx(), h, imaging.Linear))
	m.Height = h
	return g, m, nil
}

// DecodeBudget is the memory all the images a process decodes at once may take; a page that
// would take more than what is free waits for the others.
const DecodeBudget = 1 << 30

var decodeBudget = semaphore.NewWeighted(DecodeBudget)

// decodedBytes is what Go's decoders allocate for an image of cfg: its color model's bytes a
// pixel (16-bit RGBA 8, RGBA 4, a JPEG's YCbCr up to 3, gray 1).
func decodedBytes(cfg image.Config) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	switch cfg.ColorModel {
	case color.RGBA64Model, color.NRGBA64Model:
		return 8 * px
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4 * px
	case color.YCbCrModel:
		return 3 * px
	case color.Gray16Model:
		return 2 * px
	}
	return px
}

func isUnsupported(err error) bool {
	var je jpeg.UnsupportedError
	var pe png.UnsupportedError
	return errors.As(err, &je) || errors.As(err, &pe)
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case PNG:
		return png.DecodeConfig(r)
	case JPEG:
		return jpeg.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("no decoder for %s", f)
}

func checkSize(w, h int, lim Limits) error {
	if w <= 0 || h <= 0 {
		return refuse(Corrupt, nil, "page is %dx%d pixels", w, h)
	}
	if w > lim.MaxSide || h > lim.MaxSide || int64(w)*int64(h) > lim.MaxPixels {
		return refuse(TooLarge, nil, "page is %dx%d pixels, over the limit of %d pixels or %d per side", w, h, lim.MaxPixels, lim.MaxSide)
	}
	return nil
}

// Gray converts any image to 8-bit gray, cheaply for the common scanner outputs.
func Gray(m image.Image) *image.Gray {
	b := m.Bounds()
	switch t := m.(type) {
	case *image.Gray:
		if b.Min == (image.Point{}) {
			return t
		}
	case *image.YCbCr:
		// The luma plane is the gray image.
		g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
		for y := 0; y < b.Dy(); y++ {
			off := t.YOffset(b.Min.X, b.Min.Y+y)
			copy(g.Pix[y*g.Stride:y*g.Stride+b.Dx()], t.Y[off:off+b.Dx()])
		}
		return g
	case *image.Paletted:
		// Bilevel and palette scans (what document scanners write as PNG and TIFF): each
		// palette entry is converted once, through the general path below, then looked up;
		// the general path per pixel took a third of such a page's preparation.
		if len(t.Palette) == 0 {
			break
		}
		pal := image.NewPaletted(image.Rect(0, 0, len(t.Palette), 1), t.Palette)
		for i := range pal.Pix {
			pal.Pix[i] = uint8(i)
		}
		lut := overWhite(pal)
		g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
		for y := 0; y < b.Dy(); y++ {
			src := t.Pix[t.PixOffset(b.Min.X, b.Min.Y+y):][:b.Dx()]
			dst := g.Pix[y*g.Stride:][:b.Dx()]
			for x, c := range src {
				if int(c) < len(t.Palette) {
					dst[x] = lut.Pix[c]
				} else {
					dst[x] = 0 // as image/png reads an index past the palette: opaque black
				}
			}
		}
		return g
	case *image.NRGBA, *image.RGBA:
		// Colour PNG scans: the same composition over white as the general path, a pixel at a
		// time without its interface calls (TestGrayColourMatchesGeneral).
		return overWhiteRGBA64(m.(image.RGBA64Image))
	}
	return overWhite(m)
}

// overWhiteRGBA64 is overWhite for images that give their pixels as premultiplied RGBA64:
// over white, a pixel is its colour plus the white showing through (1 - alpha), then gray by
// color.GrayModel's weights.
func overWhiteRGBA64(m image.RGBA64Image) *image.Gray {
	b := m.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		dst := g.Pix[y*g.Stride:][:b.Dx()]
		for x := range dst {
			c := m.RGBA64At(b.Min.X+x, b.Min.Y+y)
			white := 0xffff - uint32(c.A)
			r, gr, bl := uint32(c.R)+white, uint32(c.G)+white, uint32(c.B)+white
			dst[x] = uint8((19595*r + 38470*gr + 7471*bl + 1<<15) >> 24)
		}
	}
	return g
}

// overWhite converts m to gray over white paper: transparent pixels are paper, not ink.
func overWhite(m image.Image) *image.Gray {
	b := m.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(g, g.Bounds(), m, b.Min, draw.Over)
	return g
}

package scan_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/sohoa/sohoa/scan"
	"golang.org/x/image/tiff"
)

// FuzzDecode feeds the decoders arbitrary bytes: they must never panic, never exceed the limits,
// and refuse what they cannot read with a classed error. PDFs are left out: poppler runs as a
// separate process under limits, and fuzzing it belongs to poppler.
//
//	go test -fuzz FuzzDecode -fuzztime 60s ./scan/   (or make fuzz)
//
// Seeds: small images of every format below, plus the corpus in testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	g := image.NewGray(image.Rect(0, 0, 40, 30))
	for i := range g.Pix {
		g.Pix[i] = uint8(i * 7)
	}
	var p, j, t, t2 bytes.Buffer
	_ = png.Encode(&p, g)
	_ = jpeg.Encode(&j, g, nil)
	_ = tiff.Encode(&t, g, &tiff.Options{Compression: tiff.Deflate})
	_ = tiff.Encode(&t2, g, nil)
	for _, b := range [][]byte{p.Bytes(), j.Bytes(), t.Bytes(), t2.Bytes(), p.Bytes()[:50], j.Bytes()[:100], t.Bytes()[:60], {}} {
		f.Add(b)
	}
	lim := scan.DefaultLimits
	lim.MaxPixels, lim.MaxSide, lim.MaxPages = 4_000_000, 4000, 20
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			return
		}
		ctx := context.Background()
		src, err := scan.Open(ctx, data, lim)
		if err != nil {
			if scan.ClassOf(err) == "" {
				t.Fatalf("unclassed error: %v", err)
			}
			return
		}
		for i := 0; i < src.Pages() && i < 3; i++ {
			g, _, err := scan.Decode(ctx, data, i, lim)
			var se *scan.Error
			if err != nil && !errors.As(err, &se) {
				t.Fatalf("page %d: unclassed error: %v", i, err)
			}
			if err == nil && int64(g.Rect.Dx())*int64(g.Rect.Dy()) > lim.MaxPixels {
				t.Fatalf("page %d decoded to %v, over the pixel limit", i, g.Rect)
			}
		}
	})
}

package scan_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"testing"

	"github.com/sohoa/sohoa/scan"
)

// Decoding is bounded by the bytes an image decodes to, not its pixels alone: a 16-bit RGBA
// PNG takes eight times the memory of a gray one of the same size, and is refused where the
// gray one passes.
func TestDecodeBoundedByDecodedBytes(t *testing.T) {
	lim := scan.DefaultLimits
	lim.MaxImageBytes = 64 << 20
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	r := image.Rect(0, 0, 3000, 3000)     // 9 MP
	rgba16 := encode(image.NewNRGBA64(r)) // 72 MB decoded
	gray := encode(image.NewGray(r))      // 9 MB decoded
	_, _, err := scan.Decode(context.Background(), rgba16, 0, lim)
	var se *scan.Error
	if !errors.As(err, &se) || se.Class != scan.TooLarge {
		t.Errorf("a 16-bit RGBA page of 9 MP under a 64 MB limit: %v, want too_large", err)
	}
	if _, _, err := scan.Decode(context.Background(), gray, 0, lim); err != nil {
		t.Errorf("a gray page of the same size: %v", err)
	}
}

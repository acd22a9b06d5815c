package scan_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"testing"

	"github.com/sohoa/sohoa/scan"
)

// withPHYs puts a pHYs chunk of dpiX × dpiY after a PNG's header.
func withPHYs(b []byte, dpiX, dpiY int) []byte {
	data := make([]byte, 9)
	binary.BigEndian.PutUint32(data, uint32(float64(dpiX)/0.0254+0.5))
	binary.BigEndian.PutUint32(data[4:], uint32(float64(dpiY)/0.0254+0.5))
	data[8] = 1
	var chunk bytes.Buffer
	_ = binary.Write(&chunk, binary.BigEndian, uint32(9))
	chunk.WriteString("pHYs")
	chunk.Write(data)
	_ = binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("pHYs"), data...)))
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	out := append([]byte{}, b[:ihdrEnd]...)
	out = append(out, chunk.Bytes()...)
	return append(out, b[ihdrEnd:]...)
}

// A fax in standard mode has 100 lines an inch against 200 dots: decoded, its pixels are made
// square (twice the rows) at 200 DPI; a square-pixel page is left alone.
func TestFaxResolution(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 1654, 1169))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	var b bytes.Buffer
	if err := png.Encode(&b, g); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		x, y, w, h int
	}{{200, 100, 1654, 2338}, {300, 300, 1654, 1169}} {
		out, meta, err := scan.Decode(context.Background(), withPHYs(b.Bytes(), c.x, c.y), 0, scan.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if out.Rect.Dx() != c.w || out.Rect.Dy() != c.h || meta.DPI != c.x || meta.Height != c.h {
			t.Errorf("%dx%d DPI: decoded %v at %d DPI (meta height %d), want %dx%d", c.x, c.y, out.Rect.Size(), meta.DPI, meta.Height, c.w, c.h)
		}
	}
}

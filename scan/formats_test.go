package scan_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/sohoa/sohoa/scan"
)

const formats = "../testdata/formats"

func load(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(formats, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func reference(t *testing.T, i int) *image.Gray {
	t.Helper()
	g, _, err := scan.Decode(context.Background(), load(t, []string{"p0.png", "p1.png", "p2.png"}[i]), 0, scan.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// differ is the share of pixels on different sides of mid-gray: lossy codecs and bilevel
// compressions move edges a little, a wrong page or orientation moves everything. Sizes may
// differ by the pixel a PDF renderer rounds up.
func differ(a, b *image.Gray) float64 {
	w, h := min(a.Rect.Dx(), b.Rect.Dx()), min(a.Rect.Dy(), b.Rect.Dy())
	if max(a.Rect.Dx(), b.Rect.Dx())-w > 2 || max(a.Rect.Dy(), b.Rect.Dy())-h > 2 {
		return 1
	}
	n := 0
	for y := 0; y < h; y++ {
		ra, rb := a.Pix[y*a.Stride:y*a.Stride+w], b.Pix[y*b.Stride:y*b.Stride+w]
		for x := range ra {
			if (ra[x] < 128) != (rb[x] < 128) {
				n++
			}
		}
	}
	return float64(n) / float64(w*h)
}

// Every format and compression desks produce decodes to the right page, in the right order.
func TestFormats(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		file  string
		pages int
		turn  int // clockwise turn of the decoded page against the reference (PDF /Rotate)
	}{
		{"rgba.png", 1, 0}, {"palette.png", 1, 0}, {"gray16.png", 1, 0},
		{"progressive.jpg", 1, 0}, {"cmyk.jpg", 1, 0},
		{"multi-g4.tif", 3, 0}, {"multi-g3.tif", 3, 0}, {"multi-lzw.tif", 3, 0},
		{"multi-deflate.tif", 3, 0}, {"multi-packbits.tif", 3, 0}, {"multi-jpeg.tif", 3, 0},
		{"scan-dct.pdf", 3, 0}, {"scan-flate.pdf", 3, 0}, {"scan-ccitt-rotate.pdf", 3, 90},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data := load(t, c.file)
			src, err := scan.Open(ctx, data, scan.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			n := src.Pages()
			if n != c.pages {
				t.Fatalf("%d pages, want %d", n, c.pages)
			}
			for i := 0; i < n; i++ {
				g, meta, err := scan.Decode(ctx, data, i, scan.DefaultLimits)
				if err != nil {
					t.Fatalf("page %d: %v", i, err)
				}
				want := scan.Turn(reference(t, i), c.turn)
				if d := differ(g, want); d > 0.03 {
					t.Errorf("page %d (%dx%d, %s): %.1f %% of pixels differ from the reference", i, meta.Width, meta.Height, meta.Format, 100*d)
				}
			}
		})
	}
}

// withEXIFOrientation inserts an APP1 Exif segment with the given orientation after SOI.
func withEXIFOrientation(jpg []byte, orientation uint16) []byte {
	var tiff bytes.Buffer
	tiff.WriteString("II*\x00")
	_ = binary.Write(&tiff, binary.LittleEndian, uint32(8))                 // IFD0 offset
	_ = binary.Write(&tiff, binary.LittleEndian, uint16(1))                 // one entry
	_ = binary.Write(&tiff, binary.LittleEndian, [2]uint16{0x0112, 3})      // Orientation, SHORT
	_ = binary.Write(&tiff, binary.LittleEndian, uint32(1))                 // count
	_ = binary.Write(&tiff, binary.LittleEndian, [2]uint16{orientation, 0}) // value
	_ = binary.Write(&tiff, binary.LittleEndian, uint32(0))                 // no next IFD
	body := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, body...)
	return append(out, jpg[2:]...)
}

// A phone photo stored sideways with EXIF orientation 6 ("turn 90° clockwise to view") is
// decoded upright.
func TestJPEGEXIFOrientation(t *testing.T) {
	ref := reference(t, 0)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, scan.Turn(ref, 270), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	g, _, err := scan.Decode(context.Background(), withEXIFOrientation(b.Bytes(), 6), 0, scan.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if d := differ(g, ref); d > 0.03 {
		t.Errorf("EXIF-rotated JPEG: %v, %.1f %% of pixels differ from the upright page", g.Rect.Size(), 100*d)
	}
}
